"""The Custom Jobs tab: intake, deposits with receipts, pickup; and the customers window."""

from decimal import Decimal

import pytest

from jewelbench.services import custom_jobs, invoices, jobs, parties, settings
from jewelbench.ui import documents
from jewelbench.ui.custom_jobs_tab import CustomJobsTab
from jewelbench.ui.customers_dialog import CustomersDialog
from jewelbench.ui.deposit_dialog import DepositDialog, ReceiptDialog
from jewelbench.ui.pickup_dialog import PickupDialog
from tests.ui.shots import shot


@pytest.fixture
def shop(ctx):
    settings.set_store(ctx.db, name="Harbor Lane Jewelers", tax_rate="8.25")
    return parties.add_customer(ctx.db, name="Priya Raman", phone="(555) 877-0042",
                                email="priya@example.com")


def _tab(qtbot, ctx) -> CustomJobsTab:
    tab = CustomJobsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1180, 520)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def _order(ctx, customer_id, price="1000"):
    return custom_jobs.open_custom_job(ctx.db, customer_id, description="Platinum halo ring",
                                       price=price, design_notes="Oval 1.2 ct centre")


def test_custom_intake_from_the_tab(qtbot, ctx, shop):
    tab = _tab(qtbot, ctx)
    tab.new_job()
    dialog = tab.dialog
    picker = dialog.customer
    qtbot.keyClicks(picker.search, "priya")
    qtbot.waitUntil(lambda: picker.results.count() == 1)
    picker.results.itemActivated.emit(picker.results.item(0))
    dialog.description.setText("Rose gold stacking band")
    dialog.design_notes.setPlainText("Milgrain edges, 2 mm wide")
    dialog.price.setText("-4")
    dialog.resize(660, 520)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text().startswith("Quoted price:")
    dialog.price.setText("480")
    shot(dialog, "custom_intake")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.result_value is not None)
    job = jobs.get_job(ctx.db, dialog.result_value.id)
    assert (job.price, job.notes, job.customer_id) == (
        Decimal("480.00"), "Milgrain edges, 2 mm wide", shop.id)
    qtbot.waitUntil(lambda: tab.current() is not None and tab.current().id == job.id)


def test_deposit_receipt_then_pickup_with_the_balance(qtbot, ctx, shop, monkeypatch):
    order = _order(ctx, shop.id)
    custom_jobs.take_deposit(ctx.db, order.id, amount="200", method="card")
    tab = _tab(qtbot, ctx)
    qtbot.waitUntil(lambda: len(tab.list.model.rows) == 1)
    tab.list.table.selectRow(0)
    assert tab.list.current().deposits == Decimal("200.00")
    tab.take_deposit()
    dialog = tab.dialog
    assert isinstance(dialog, DepositDialog)
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled())
    assert "882.50" in dialog.summary.text() and "1,082.50" in dialog.summary.text()
    dialog.amount.setText("0")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "Amount" in dialog.error.text()
    dialog.amount.setText("300")
    dialog.method.setCurrentIndex(dialog.method.findData("cash"))
    shot(dialog, "deposit_dialog")
    dialog.submit()
    qtbot.waitUntil(lambda: isinstance(tab.dialog, ReceiptDialog))
    receipt = tab.dialog
    assert receipt.receipt.receipt_no == "RC-000002"
    assert receipt.receipt.remaining == Decimal("582.50")
    shot(receipt, "deposit_receipt")
    opened = []
    monkeypatch.setattr(documents, "opener", lambda url: opened.append(url.toLocalFile()))
    receipt.print_receipt()
    qtbot.waitUntil(lambda: bool(opened))
    receipt.accept()
    qtbot.waitUntil(lambda: tab.list.current() is not None
                    and tab.list.current().deposits == Decimal("500.00"))
    shot(tab, "custom_jobs_tab")

    tab.pickup()
    pickup = tab.dialog
    assert isinstance(pickup, PickupDialog)
    pickup.show()
    qtbot.waitUntil(lambda: pickup.amount_labels["balance"].text() == "582.50")
    assert not pickup.price_box.isVisible()
    assert pickup.amount_labels["deposits"].text() == "− 500.00"
    pickup.pay_amount.setText("500")     # typed, not added: Complete takes it too
    shot(pickup, "custom_pickup")
    pickup.complete()
    qtbot.waitUntil(lambda: pickup.pages.currentIndex() == 1)
    invoice = invoices.invoice_for_job(ctx.db, order.id)
    assert (invoice.deposits, invoice.paid, invoice.balance_due) == (
        Decimal("500.00"), Decimal("500.00"), Decimal("82.50"))
    assert "Balance due 82.50" in pickup.done_label.text()
    pickup.accept()
    qtbot.waitUntil(lambda: tab.list.model.rows == [])      # picked up: no longer in work
    tab.list.status.setCurrentIndex(tab.list.status.findText("Closed"))
    qtbot.waitUntil(lambda: len(tab.list.model.rows) == 1)
    tab.list.table.selectRow(0)
    assert tab.pickup_button.text() == "Invoice / payment…"
    assert not tab.deposit_button.isEnabled()


def test_customers_window_searches_as_you_type_and_shows_history(qtbot, ctx, shop):
    parties.add_customer(ctx.db, name="Robert Okafor", phone="(555) 310-2211")
    order = _order(ctx, shop.id)
    custom_jobs.take_deposit(ctx.db, order.id, amount="250", method="check")
    dialog = CustomersDialog(ctx, choose=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: len(dialog.customers.rows) == 2)
    qtbot.keyClicks(dialog.search, "877")
    qtbot.waitUntil(lambda: [c.name for c in dialog.customers.rows] == ["Priya Raman"])
    qtbot.waitUntil(lambda: dialog.history is not None)
    assert [j.job_no for j in dialog.jobs.rows] == [order.job_no]
    assert "deposits held 250.00" in dialog.title.text()
    dialog.history_tabs.setCurrentIndex(2)
    shot(dialog, "customers_history")
    dialog.choose_button.click()
    assert dialog.chosen.id == shop.id


def test_job_window_for_a_custom_job_takes_a_deposit(qtbot, ctx, shop):
    from jewelbench.ui.job_window import JobWindow

    order = _order(ctx, shop.id)
    window = JobWindow(ctx, order.id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.view is not None and bool(window.panels))
    qtbot.waitUntil(lambda: "Oval 1.2 ct centre" in window.panels[0].text.text())
    assert window.action_buttons["deposit"].isVisible()
    assert not window.action_buttons["invoice"].isVisible()
    window.action_buttons["deposit"].click()
    dialog = window.dialog
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled())
    dialog.amount.setText("100")
    dialog.submit()
    qtbot.waitUntil(lambda: isinstance(window.dialog, ReceiptDialog))
    window.dialog.accept()
    qtbot.waitUntil(lambda: "RC-000001" in window.panels[0].text.text())
    shot(window, "custom_job_window")
