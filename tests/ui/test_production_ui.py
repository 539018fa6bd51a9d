"""The Production tab, the intake dialog and the shared job window, driven like a jeweler would."""

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QLabel

from jewelbench.services import inventory, jobs, parties, production, settings
from jewelbench.ui.job_window import JobWindow
from jewelbench.ui.production_intake import IntakeDialog
from jewelbench.ui.production_tab import create_tab
from tests.services.production_helpers import design, items_of, manufacturer
from tests.ui.shots import shot as shoot

D = Decimal


def _window(qtbot, ctx, job_id) -> JobWindow:
    window = JobWindow(ctx, job_id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.view is not None)
    return window


def _wait_for(qtbot, window, check):
    qtbot.waitUntil(lambda: window.view is not None and check(window.view), timeout=5000)


def _cost(window, key) -> str:
    return window.cost_panel.values[key].text()


def test_tab_lists_production_jobs_with_filters(qtbot, ctx):
    vendors = manufacturer(ctx.db)
    run = production.open_job(ctx.db, style_id=design(ctx.db, vendors=vendors), quantity=12,
                              target_date="2020-01-10")
    production.open_job(ctx.db, description="Refurbish estate brooch for the showcase")
    done = production.open_job(ctx.db, description="14K yellow signet ring, size 9")
    production.close_out(ctx.db, done.id)
    tab = create_tab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1150, 420)
    tab.show()
    qtbot.waitUntil(lambda: len(tab.model.rows) == 2)
    assert {r.job_no for r in tab.model.rows} == {run.job_no, "P-00002"}
    overdue = next(r for r in tab.model.rows if r.id == run.id)
    assert tab.model.columns[2].color(overdue) == "#b00020"
    shoot(tab, "production_tab")
    tab.status.setCurrentIndex(tab.status.findText("Closed"))
    qtbot.waitUntil(lambda: [r.id for r in tab.model.rows] == [done.id])
    tab.status.setCurrentIndex(tab.status.findText("All jobs"))
    tab.search.setText("brooch")
    qtbot.waitUntil(lambda: [r.job_no for r in tab.model.rows] == ["P-00002"])
    tab.search.setText("")
    tab.due.setCurrentIndex(tab.due.findData("overdue"))
    qtbot.waitUntil(lambda: [r.id for r in tab.model.rows] == [run.id])
    tab.table.selectRow(0)
    window = tab.open_selected()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.view is not None and window.view.id == run.id)


def test_intake_one_off_piece(qtbot, ctx):
    settings.set_store(ctx.db, manufacturer=False)
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.design.isVisible() and not dialog.from_design.isVisible()
    dialog.submit()  # nothing described yet: refused, and said where
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == "Description is required"
    dialog.description.setText("14K white solitaire ring, size 6")
    shoot(dialog, "intake_simple")
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    view = dialog.result_value
    assert (view.description, view.quantity, view.style_id) == (
        "14K white solitaire ring, size 6", 1, None)


def test_intake_run_of_my_design(qtbot, ctx):
    vendors = manufacturer(ctx.db)
    style_id = design(ctx.db, vendors=vendors)
    design(ctx.db, vendor_id=vendors["caster"], style_no="STL-77")  # a vendor style: not offered
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.design.count() == 1
    dialog.from_design.setChecked(True)
    dialog.quantity.setValue(3)
    assert dialog.design.isVisible()
    assert "2,517.75" in dialog.estimate.text()
    shoot(dialog, "intake_design")
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    view = dialog.result_value
    assert (view.style_id, view.quantity, view.estimate) == (style_id, 3, D("2517.75"))


def test_stages_are_added_done_and_roll_into_the_cost(qtbot, ctx):
    caster = parties.add_vendor(ctx.db, name="Quality Casting Co.")
    job = production.open_job(ctx.db, description="Platinum halo pendant")
    window = _window(qtbot, ctx, job.id)
    window.add_stage()
    dialog = window.dialog
    dialog.name.setCurrentText("Casting")
    dialog.vendor.setCurrentIndex(dialog.vendor.findData(caster.id))
    dialog.cost.setText("-5")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "Cost" in dialog.error.text()
    dialog.cost.setText("45")
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    _wait_for(qtbot, window, lambda v: len(v.stages) == 1)
    assert _cost(window, "stages_pending") == "45.00" and _cost(window, "cost") == "0.00"
    window.stage_table.selectRow(0)
    window.complete_stage()
    _wait_for(qtbot, window, lambda v: v.stages[0].status == "done")
    qtbot.waitUntil(lambda: _cost(window, "cost") == "45.00")
    assert window.view.status == "ready" and window.badge.text() == "Ready"
    assert window.reopen_button.isEnabled() and not window.done_button.isEnabled()
    window.add_material()
    material = window.dialog
    material.description.setText("Platinum casting grain (g)")
    material.kind.setCurrentIndex(material.kind.findData("metal"))
    material.quantity.setText("4.1")
    material.unit_cost.setText("38.00")
    with qtbot.waitSignal(material.accepted):
        material.submit()
    qtbot.waitUntil(lambda: _cost(window, "cost") == "200.80")


def test_stage_order_can_be_changed(qtbot, ctx):
    job = production.open_job(ctx.db, description="Cocktail ring")
    for name in ("Casting", "Polish", "Setting"):
        jobs.add_stage(ctx.db, job.id, name=name)
    window = _window(qtbot, ctx, job.id)
    window.stage_table.selectRow(2)
    window.move_stage(-1)
    _wait_for(qtbot, window, lambda v: [s.name for s in v.stages] == ["Casting", "Setting",
                                                                      "Polish"])
    assert window.selected_stage().name == "Setting"  # the selection follows the stage
    window.edit_stage()
    edit = window.dialog
    assert edit.name.currentText() == "Setting"
    edit.cost.setText("75.50")
    edit.due.set_value(dt.date(2031, 4, 2))
    with qtbot.waitSignal(edit.accepted):
        edit.submit()
    _wait_for(qtbot, window, lambda v: v.stages[1].cost == D("75.50"))
    assert window.view.stages[1].due_date == dt.date(2031, 4, 2)
    window.stage_table.selectRow(2)
    window.confirm = lambda *_: True
    window.remove_stage()
    _wait_for(qtbot, window, lambda v: [s.name for s in v.stages] == ["Casting", "Setting"])


def test_stones_allocated_from_a_lot_and_partly_returned(qtbot, ctx):
    vendors = manufacturer(ctx.db)
    run = production.open_job(ctx.db, style_id=design(ctx.db, vendors=vendors), quantity=2)
    lot = inventory.receive_stones(ctx.db, description="1.3 mm round melee G/H VS",
                                   count=100, carats=D("2.000"), cost=D("500.00"))
    window = _window(qtbot, ctx, run.id)
    window.tabs.setCurrentIndex(1)
    window.need_table.selectRow(1)
    window.allocate()
    dialog = window.dialog
    qtbot.waitUntil(lambda: len(dialog.lots.rows) == 1)
    assert dialog.count.value() == 24  # what the melee line still needs
    assert dialog.need.currentData() == run.stone_needs[1].id
    assert "100" in dialog.picked.text()
    shoot(dialog, "allocate_stones")
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    _wait_for(qtbot, window, lambda v: len(v.allocations) == 1)
    assert window.view.stone_needs[1].allocated == 24
    assert inventory.get_stone_lot(ctx.db, lot.id).count_on_hand == 76
    window.allocation_table.selectRow(0)
    window.return_some()
    back = window.dialog
    back.count.setValue(4)
    back.carats.setText("0.081")
    with qtbot.waitSignal(back.accepted):
        back.submit()
    _wait_for(qtbot, window, lambda v: v.allocations and v.allocations[0].count == 20)
    shoot(window, "job_window_stones")
    assert inventory.get_stone_lot(ctx.db, lot.id).count_on_hand == 80
    window.allocation_table.selectRow(0)
    window.confirm = lambda *_: True
    window.return_all()
    _wait_for(qtbot, window, lambda v: v.allocations == ())
    lot_now = inventory.get_stone_lot(ctx.db, lot.id)
    assert (lot_now.count_on_hand, lot_now.carats_on_hand, lot_now.cost_on_hand) == (
        100, D("2.000"), D("500.00"))


def test_allocating_without_a_lot_or_too_many_is_refused_in_the_dialog(qtbot, ctx):
    job = production.open_job(ctx.db, description="Eternity band")
    inventory.receive_stones(ctx.db, description="2 mm round", count=5, carats=D("0.150"),
                             cost=D("75.00"))
    window = _window(qtbot, ctx, job.id)
    window.allocate()
    dialog = window.dialog
    qtbot.waitUntil(lambda: len(dialog.lots.rows) == 1)
    dialog.table.clearSelection()
    dialog.submit()
    assert "pick the lot" in dialog.error.text()
    dialog.table.selectRow(0)
    dialog.count.setValue(6)
    dialog.submit()
    qtbot.waitUntil(lambda: "5 stone(s) on hand" in dialog.error.text())
    assert dialog.isVisible()


@pytest.mark.parametrize("quantity", [3])
def test_complete_and_create_inventory_from_the_window(qtbot, ctx, quantity):
    vendors = manufacturer(ctx.db)
    run = production.open_job(ctx.db, style_id=design(ctx.db, vendors=vendors),
                              quantity=quantity, target_date="2031-03-01")
    lot = inventory.receive_stones(ctx.db, description="1.3 mm round melee", count=50,
                                   carats=D("1.000"), cost=D("250.00"))
    jobs.allocate_stones(ctx.db, run.id, lot.id, count=36, need_id=run.stone_needs[1].id)
    jobs.complete_stage(ctx.db, run.stages[0].id)
    window = _window(qtbot, ctx, run.id)
    window.resize(1180, 700)
    button = window.action_buttons["production.close_out"]
    assert button.isVisible()
    qtbot.waitUntil(lambda: "Waiting for: Setting, Polish" in window.panels[0].summary.text())
    shoot(window, "job_window_in_progress")

    button.click()  # stages still open: the confirmation says what is missing
    qtbot.waitUntil(lambda: window.dialog is not None and window.dialog.isVisible())
    assert window.dialog.create_button is None
    assert "Setting" in " ".join(w.text() for w in window.dialog.findChildren(QLabel))
    shoot(window.dialog, "close_out_blocked")
    window.dialog.reject()

    for stage in run.stages[1:]:
        jobs.complete_stage(ctx.db, stage.id)
    ctx.changed.emit("jobs")
    _wait_for(qtbot, window, lambda v: v.status == "ready")
    button.click()
    qtbot.waitUntil(lambda: getattr(window.dialog, "create_button", None) is not None)
    confirm = window.dialog
    texts = " ".join(w.text() for w in confirm.findChildren(QLabel))
    assert "3" in texts and "1,107.75" in texts and "369.25 each" in texts
    assert confirm.create_button.text() == "Create 3 StockIDs"
    shoot(confirm, "close_out_confirm")
    confirm.create_button.click()
    qtbot.waitUntil(lambda: type(window.dialog).__name__ == "NewStockDialog")
    made = window.dialog
    assert [i.cost_basis for i in made.items] == [D("369.25")] * 3
    shoot(made, "close_out_new_stock")
    _wait_for(qtbot, window, lambda v: v.status == "closed")
    qtbot.waitUntil(lambda: made.items[0].stock_id in window.panels[0].list.text())
    assert not button.isVisible() and not window.add_stage_button.isEnabled()
    shoot(window, "job_window_closed")

    # a second workstation's stale window presses the button: refused, nothing new made
    from jewelbench.ui.production_job_actions import create_inventory

    create_inventory(window)
    qtbot.waitUntil(lambda: "already closed" in window.notice.text())
    assert len(items_of(ctx.db, run.id)) == 3


def test_cancel_from_the_window_gives_the_stones_back(qtbot, ctx):
    job = production.open_job(ctx.db, description="Sapphire cluster ring")
    lot = inventory.receive_stones(ctx.db, description="3 mm blue sapphire", count=8,
                                   carats=D("1.200"), cost=D("320.00"))
    jobs.allocate_stones(ctx.db, job.id, lot.id, count=7)
    window = _window(qtbot, ctx, job.id)
    window.ask_text = lambda *_: "customer chose another design"
    window.ask_cancel()
    _wait_for(qtbot, window, lambda v: v.status == "cancelled")
    assert inventory.get_stone_lot(ctx.db, lot.id).count_on_hand == 8
    assert "cancelled" in window.notice.text()
    assert not window.cancel_button.isVisible() or not window.cancel_button.isEnabled()


def test_job_ticket_prints_from_the_window(qtbot, ctx, monkeypatch):
    from jewelbench.ui import documents

    opened = []
    monkeypatch.setattr(documents, "opener", lambda url: opened.append(url.toLocalFile()))
    job = production.open_job(ctx.db, description="Platinum halo pendant")
    window = _window(qtbot, ctx, job.id)
    window.print_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert opened[0].endswith(f"ticket-{job.job_no}.pdf")
    with open(opened[0], "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
