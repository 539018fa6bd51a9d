"""The Repairs tab, repair intake, pickup and roll onto StockID, driven as a clerk would."""

import datetime as dt
from decimal import Decimal

import pytest

from jewelbench.services import inventory, invoices, jobs, parties, repairs, settings
from jewelbench.ui import documents
from jewelbench.ui.pickup_dialog import PickupDialog
from jewelbench.ui.repairs_tab import RepairsTab
from tests.services.repair_fixtures import PNG
from tests.ui.shots import shot


@pytest.fixture
def shop(ctx):
    settings.set_store(ctx.db, name="Harbor Lane Jewelers", tax_rate="8.25")
    ann = parties.add_customer(ctx.db, name="Ann Lee", phone="(555) 123-4567")
    parties.add_customer(ctx.db, name="Annette Okafor", phone="(555) 310-2211")
    return ann


def _repair(ctx, customer_id, **extra):
    fields = dict(description="Ladies' solitaire ring", piece_type="Ring", metal="14K yellow",
                  size="6.5", condition=["worn_prongs"], work_requested="Retip 4 prongs",
                  estimate="120", promised_date=dt.date.today())
    fields.update(extra)
    return repairs.open_repair(ctx.db, customer_id=customer_id, **fields)


def _tab(qtbot, ctx) -> RepairsTab:
    tab = RepairsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1180, 560)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def _select(qtbot, tab, job_no: str) -> None:
    qtbot.waitUntil(lambda: tab.list.model.row_of(lambda r: r.job_no == job_no) >= 0)
    tab.list.table.selectRow(tab.list.model.row_of(lambda r: r.job_no == job_no))


def test_the_list_filters_by_status_due_date_and_customer(qtbot, ctx, shop):
    late = _repair(ctx, shop.id, promised_date=dt.date.today() - dt.timedelta(days=2),
                   rush=True)
    _repair(ctx, shop.id, description="Pearl strand restring",
            promised_date=dt.date.today() + dt.timedelta(days=20), condition=[])
    other = parties.search_customers(ctx.db, "Annette")[0]
    _repair(ctx, other.id, description="Chain solder")
    item = inventory.add_item(ctx.db, description="18K white halo ring", cost=Decimal("900"))
    repairs.open_repair(ctx.db, item_id=item.id, description="Rhodium plate")
    tab = _tab(qtbot, ctx)
    qtbot.waitUntil(lambda: len(tab.list.model.rows) == 4)
    shot(tab, "repairs_tab")
    tab.list.due.setCurrentIndex(tab.list.due.findData("overdue"))
    qtbot.waitUntil(lambda: [r.job_no for r in tab.list.model.rows] == [late.job_no])
    tab.list.due.setCurrentIndex(0)
    tab.list.set_customer(other)
    qtbot.waitUntil(lambda: [r.customer_name for r in tab.list.model.rows] == ["Annette Okafor"])
    tab.list.set_customer(None)
    tab.list.status.setCurrentIndex(tab.list.status.findText("Closed"))
    qtbot.waitUntil(lambda: tab.list.model.rows == [])
    assert tab.list.count.text() == "0 job(s)"


def test_intake_with_customer_search_condition_and_photos(qtbot, ctx, shop):
    tab = _tab(qtbot, ctx)
    tab.new_repair()
    dialog = tab.dialog
    picker = dialog.customer
    qtbot.keyClicks(picker.search, "555 123")
    qtbot.waitUntil(lambda: picker.results.count() == 1 and picker.results.isVisible())
    picker.results.itemClicked.emit(picker.results.item(0))
    assert picker.customer_id == shop.id and picker.chosen_box.isVisible()
    dialog.piece_type.setCurrentText("Ring")
    dialog.metal.setCurrentText("14K white")
    dialog.size.setText("6")
    dialog.description.setText("Solitaire, 4 prongs, 0.5 ct round")
    dialog.condition.boxes["worn_prongs"].setChecked(True)
    dialog.condition.boxes["scratches"].setChecked(True)
    dialog.condition.notes.setText("small nick on the gallery")
    dialog.work.setPlainText("Retip 4 prongs, polish")
    dialog.estimate.setText("oops")
    dialog.rush.setChecked(True)
    dialog.photos.add_photo("front.png", PNG)
    dialog.resize(760, 700)
    shot(dialog, "repair_intake")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "Estimate" in dialog.error.text() and not dialog.isHidden()
    dialog.estimate.setText("95")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.result_value is not None)
    job = dialog.result_value
    repair = repairs.get_repair(ctx.db, job.id)
    assert repair.condition.checks == ("worn_prongs", "scratches")
    assert (repair.job.rush, repair.job.estimate, len(repair.photos)) == (
        True, Decimal("95.00"), 1)
    qtbot.waitUntil(lambda: tab.current() is not None and tab.current().id == job.id)


def test_quick_add_a_customer_from_the_intake_form(qtbot, ctx, shop, monkeypatch):
    from jewelbench.ui.customer_picker import CustomerDialog

    tab = _tab(qtbot, ctx)
    tab.new_repair()
    picker = tab.dialog.customer
    qtbot.keyClicks(picker.search, "Zoe Park")
    qtbot.waitUntil(lambda: picker.results.isVisible())
    assert "No customer matches" in picker.results.item(0).text()

    def fake_exec(dialog):
        assert dialog.name.text() == "Zoe Park"
        dialog.phone.setText("555 0100")
        dialog.submit()
        qtbot.waitUntil(lambda: dialog.result_value is not None)
        return 1

    monkeypatch.setattr(CustomerDialog, "exec", fake_exec)
    picker.quick_add()
    assert picker.customer.name == "Zoe Park"
    assert parties.search_customers(ctx.db, "0100")[0].id == picker.customer_id


def test_pickup_dialog_shows_what_is_owed_and_takes_the_payments(qtbot, ctx, shop,
                                                                   monkeypatch):
    job = _repair(ctx, shop.id)
    dialog = PickupDialog(ctx, job.id, "repair")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.amount_labels["balance"].text() == "129.90")
    assert dialog.price.text() == "120.00"
    assert dialog.amount_labels["tax_title"].text() == "Sales tax 8.25%"
    dialog.price.setText("150")
    dialog._reprice()
    qtbot.waitUntil(lambda: dialog.amount_labels["balance"].text() == "162.38")
    dialog.pay_amount.setText("100")
    dialog.add_payment()
    dialog.pay_amount.setText("abc")
    dialog.add_payment()
    assert dialog.error.isVisible() and len(dialog.taken) == 1
    dialog.pay_method.setCurrentIndex(dialog.pay_method.findData("card"))
    dialog.pay_amount.setText("62.38")
    dialog.add_payment()
    assert "still owed after pickup 0.00" in dialog.owed_after.text()
    shot(dialog, "pickup_dialog")
    dialog.complete()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1)
    shot(dialog, "pickup_done")
    invoice = invoices.invoice_for_job(ctx.db, job.id)
    assert (invoice.total, invoice.paid, invoice.is_paid) == (
        Decimal("162.38"), Decimal("162.38"), True)
    assert "Paid in full" in dialog.done_label.text()
    opened = []
    monkeypatch.setattr(documents, "opener", lambda url: opened.append(url.toLocalFile()))
    dialog.print_invoice()
    qtbot.waitUntil(lambda: bool(opened))
    assert opened[0].endswith(f"invoice-{invoice.invoice_no}.pdf")
    with open(opened[0], "rb") as pdf:
        assert pdf.read(4) == b"%PDF"


def test_pickup_refused_while_stages_are_open_then_balance_paid_later(qtbot, ctx, shop):
    job = _repair(ctx, shop.id)
    stage = jobs.add_stage(ctx.db, job.id, name="Retip", cost="30")
    dialog = PickupDialog(ctx, job.id, "repair")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state is not None)
    assert "Retip" in dialog.error.text() and not dialog.complete_button.isEnabled()
    jobs.complete_stage(ctx.db, stage.id)
    invoice = repairs.close_for_pickup(ctx.db, job.id, payments=[("29.90", "cash")])
    later = PickupDialog(ctx, job.id, "repair")
    qtbot.addWidget(later)
    later.show()
    qtbot.waitUntil(lambda: later.invoice is not None)
    assert later.complete_button.text() == "Record payment"
    assert later.amount_labels["balance"].text() == "100.00"
    shot(later, "pickup_balance")
    later.pay_amount.setText("100")
    later.complete()
    qtbot.waitUntil(lambda: later.pages.currentIndex() == 1)
    assert invoices.get_invoice(ctx.db, invoice.id).is_paid


def test_tab_buttons_pickup_and_roll_onto_stock_id(qtbot, ctx, shop):
    job = _repair(ctx, shop.id)
    item = inventory.add_item(ctx.db, description="18K white halo ring", cost=Decimal("900"))
    in_house = repairs.open_repair(ctx.db, item_id=item.id, description="Rhodium plate")
    jobs.add_material(ctx.db, in_house.id, description="rhodium solution", unit_cost="14")
    tab = _tab(qtbot, ctx)
    _select(qtbot, tab, job.job_no)
    assert tab.pickup_button.isEnabled() and not tab.roll_button.isEnabled()
    tab.pickup()
    assert isinstance(tab.dialog, PickupDialog)
    tab.dialog.reject()
    _select(qtbot, tab, in_house.job_no)
    assert tab.roll_button.isEnabled() and not tab.pickup_button.isEnabled()
    tab.roll_onto_item(ask=False)
    qtbot.waitUntil(lambda: "back in stock" in tab.last_message)
    assert inventory.get_item(ctx.db, item.id).cost_basis == Decimal("914.00")
    assert [e.kind for e in inventory.item_cost_history(ctx.db, item.id)][-1] == "repair"


def test_job_window_has_the_repair_actions_and_intake(qtbot, ctx, shop):
    from jewelbench.ui.job_window import JobWindow

    job = _repair(ctx, shop.id, photos=[("front.png", PNG)], rush=True)
    window = JobWindow(ctx, job.id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.view is not None and bool(window.panels))
    panel = window.panels[0]
    qtbot.waitUntil(lambda: "Worn prongs" in panel.text.text())
    qtbot.waitUntil(lambda: panel.photos.list.count() == 1)
    assert window.action_buttons["pickup"].isVisible()
    assert not window.action_buttons["roll_onto_item"].isVisible()
    shot(window, "repair_job_window")
    window.action_buttons["pickup"].click()
    assert isinstance(window.dialog, PickupDialog)
    qtbot.waitUntil(lambda: window.dialog.state is not None)
    window.dialog.reject()


def test_intake_of_an_in_house_piece_by_stock_id(qtbot, ctx, shop):
    item = inventory.add_item(ctx.db, description="18K white halo ring", cost=Decimal("900"),
                              metal="18K white")
    tab = _tab(qtbot, ctx)
    tab.new_repair()
    dialog = tab.dialog
    dialog.in_house_piece.setChecked(True)
    assert dialog.owner_label.text() == "StockID"
    dialog.stock_id.setText(item.stock_id)
    dialog.find_item()
    qtbot.waitUntil(lambda: dialog.item is not None)
    assert "in stock" in dialog.item_label.text()
    assert dialog.description.text() == "18K white halo ring"
    assert dialog.metal.currentText() == "18K white"
    dialog.work.setPlainText("Rhodium plate")
    shot(dialog, "repair_intake_in_house")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.result_value is not None)
    assert dialog.result_value.stock_id == item.stock_id
    assert inventory.get_item(ctx.db, item.id).status == "on_job"
    tab.new_repair()
    again = tab.dialog
    again.in_house_piece.setChecked(True)
    again.stock_id.setText(item.stock_id)
    again.description.setText("second job")
    again.submit()
    qtbot.waitUntil(lambda: again.error.isVisible())
    assert "on job" in again.error.text()
