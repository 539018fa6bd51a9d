"""Production: intake in both modes, work on the job, Complete & Create Inventory."""

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import event

from jewelbench.errors import InvalidState, NotFound, PermissionDenied, ValidationError
from jewelbench.services import jobs, production, settings
from jewelbench.services.unit_of_work import UnitOfWork
from tests.services.production_helpers import (
    cost_entry_total,
    counts,
    design,
    items_of,
    lot,
    manufacturer,
)

D = Decimal


def test_simple_job_from_intake_to_one_stock_id(db):
    view = production.open_job(db, description="14K white solitaire ring, size 6",
                               target_date="2031-05-01")
    assert (view.job_no, view.module, view.status, view.quantity) == (
        "P-00001", "production", "open", 1)
    assert view.due_date == dt.date(2031, 5, 1) and view.style_id is None
    lot_id = lot(db, count=20, carats="0.400", cost="100.00")
    jobs.add_material(db, view.id, description="14K white casting grain", quantity="3.2",
                      unit_cost="62.50", kind="metal")
    casting = jobs.add_stage(db, view.id, name="Casting", cost="45")
    jobs.allocate_stones(db, view.id, lot_id, count=4)
    jobs.complete_stage(db, casting.id)
    assert jobs.get_job(db, view.id).cost == D("265.00")

    items = production.close_out(db, view.id)

    assert len(items) == 1
    item = items[0]
    assert (item.cost_basis, item.status, item.source_job_id, item.style_id) == (
        D("265.00"), "in_stock", view.id, None)
    assert cost_entry_total(db, item.id) == D("265.00")
    closed = jobs.get_job(db, view.id)
    assert closed.status == "closed" and closed.closed_at is not None
    with pytest.raises(InvalidState, match="already closed"):
        production.close_out(db, view.id)
    assert len(items_of(db, view.id)) == 1


def test_simple_mode_refusals_change_nothing(db):
    for kwargs, field in [({"description": "Ring", "quantity": 2}, "quantity"),
                          ({"description": "Ring", "quantity": 0}, "quantity"),
                          ({"description": "Ring", "quantity": "two"}, "quantity"),
                          ({"description": "   "}, "description"),
                          ({}, "description"),
                          ({"description": "Ring", "target_date": "soon"}, "target_date"),
                          ({"description": "Ring", "style_id": "x"}, "style_id")]:
        with pytest.raises(ValidationError) as info:
            production.open_job(db, **kwargs)
        assert info.value.field == field, kwargs
    assert counts(db) == (0, 0, 0)
    assert production.open_job(db, description="Ring").job_no == "P-00001"


def test_style_run_is_set_up_from_the_bom(db):
    vendors = manufacturer(db)
    style_id = design(db, vendors=vendors)
    view = production.open_job(db, style_id=style_id, quantity=3, target_date=dt.date(2031, 6, 1))

    assert (view.quantity, view.style_id, view.style_no) == (3, style_id, "MD-100")
    assert view.description == "Halo engagement ring (MD-100)"
    assert view.estimate == D("839.25") * 3
    assert [(m.kind, m.description, m.quantity, m.cost) for m in view.materials] == [
        ("metal", "14K white casting grain (g)", D("9.600"), D("600.00")),
        ("finding", "Ring shank finding", D("3.000"), D("12.75"))]
    # the template gives the order; labour lines give the cost and vendor of their stage
    assert [(s.name, s.vendor_id, s.cost, s.status) for s in view.stages] == [
        ("Casting", vendors["caster"], D("135.00"), "pending"),
        ("Setting", vendors["setter"], D("180.00"), "pending"),
        # the BOM carries the labour cost, so the template's own Polish cost is not added
        ("Polish", vendors["setter"], D("0.00"), "pending")]
    assert [(n.description, n.count, n.allocated, n.estimate) for n in view.stone_needs] == [
        ("1.00 ct round center", 3, 0, D("1500.00")),
        ("1.3 mm round melee", 36, 0, D("90.00"))]
    assert view.costs.materials == D("612.75") and view.cost == D("612.75")
    assert view.costs.stages_pending == D("315.00")
    assert view.costs.projected == view.estimate
    assert view.costs.stones_to_allocate == D("1590.00")


def test_labour_lines_become_stages_without_a_template(db):
    vendors = manufacturer(db)
    style_id = design(db, vendors=vendors, with_template=False)
    view = production.open_job(db, style_id=style_id, quantity=2)
    assert [(s.name, s.vendor_id, s.cost) for s in view.stages] == [
        ("Casting", vendors["caster"], D("90.00")), ("Setting", vendors["setter"], D("120.00"))]
    # materials + stages + stones planned add up to the estimate exactly
    assert view.costs.projected == view.estimate == D("1678.50")


def test_style_mode_refusals_change_nothing(db):
    settings.set_store(db, manufacturer=False)
    own = design(db)
    with pytest.raises(PermissionDenied, match="manufacturer"):
        production.open_job(db, style_id=own, quantity=2)
    vendors = manufacturer(db)
    stuller = design(db, vendor_id=vendors["caster"], style_no="STL-9")
    with pytest.raises(ValidationError) as info:
        production.open_job(db, style_id=stuller)
    assert info.value.field == "style_id" and "My Designs" in str(info.value)
    with pytest.raises(NotFound) as missing:
        production.open_job(db, style_id=9999)
    assert missing.value.field == "style_id"
    for bad in (0, -1, "x", 10_001):
        with pytest.raises(ValidationError) as info:
            production.open_job(db, style_id=own, quantity=bad)
        assert info.value.field == "quantity"
    assert counts(db) == (0, 0, 0)


def test_run_close_out_splits_the_cost_to_the_cent(db):
    vendors = manufacturer(db)
    view = production.open_job(db, style_id=design(db, vendors=vendors), quantity=3)
    melee = view.stone_needs[1]
    lot_id = lot(db, count=40, carats="0.800", cost="100.00")
    allocation = jobs.allocate_stones(db, view.id, lot_id, count=36, need_id=melee.id)
    assert jobs.get_job(db, view.id).stone_needs[1].allocated == 36
    preview = production.close_out_preview(db, view.id)
    assert not preview.ready and preview.blockers == (
        "Stage not done: Casting", "Stage not done: Setting", "Stage not done: Polish")
    assert preview.stones_still_to_allocate == ("1.00 ct round center: 3 of 3",)
    for stage in view.stages[:2]:
        jobs.complete_stage(db, stage.id)
    with pytest.raises(InvalidState, match="Polish"):
        production.close_out(db, view.id)
    assert items_of(db, view.id) == [] and jobs.get_job(db, view.id).status == "in_progress"

    jobs.complete_stage(db, view.stages[2].id)
    job = jobs.get_job(db, view.id)
    assert job.status == "ready"
    cost = D("612.75") + allocation.cost + D("315.00")
    assert job.cost == cost == D("1017.75")
    preview = production.close_out_preview(db, view.id)
    assert preview.ready and preview.quantity == 3
    assert preview.cost_groups == ((D("339.25"), 3),) and preview.cost_per_piece == D("339.25")

    items = production.close_out(db, view.id)
    assert [i.cost_basis for i in items] == [D("339.25")] * 3
    assert sum(i.cost_basis for i in items) == job.cost
    assert {(i.style_id, i.source_job_id, i.status) for i in items} == {
        (job.style_id, job.id, "in_stock")}
    assert len({i.stock_id for i in items}) == 3
    rows = items_of(db, view.id)
    assert [r.retail for r in rows] == [D("2400.00")] * 3  # the style's retail price
    assert all(cost_entry_total(db, r.id) == r.cost_basis for r in rows)
    assert production.job_items(db, view.id) == items


def test_remainder_cents_go_to_the_first_pieces(db):
    manufacturer(db)
    view = production.open_job(db, style_id=design(db, with_template=False), quantity=3)
    for material in view.materials:
        jobs.remove_material(db, material.id)
    jobs.add_material(db, view.id, description="Outside plating", unit_cost="100.00",
                      kind="outside")
    for stage in view.stages:
        jobs.update_stage(db, stage.id, cost="0")
        jobs.complete_stage(db, stage.id)
    preview = production.close_out_preview(db, view.id)
    assert preview.cost_groups == ((D("33.34"), 1), (D("33.33"), 2))
    assert preview.cost_per_piece == D("33.33")
    items = production.close_out(db, view.id)
    assert [i.cost_basis for i in items] == [D("33.34"), D("33.33"), D("33.33")]


def test_close_out_refusals(db):
    with UnitOfWork(db) as uow:
        repair = jobs.new_job(uow, module="repair", description="Retip prongs")
        uow.commit()
    with pytest.raises(ValidationError) as info:
        production.close_out(db, repair.id)
    assert info.value.field == "job_id"
    with pytest.raises(NotFound):
        production.close_out(db, 9999)
    with pytest.raises(ValidationError):
        production.close_out(db, "P-00001")
    cancelled = production.open_job(db, description="Pendant")
    jobs.cancel_job(db, cancelled.id)
    with pytest.raises(InvalidState, match="cancelled"):
        production.close_out(db, cancelled.id)
    assert production.close_out_preview(db, cancelled.id).blockers == (
        f"Job {cancelled.job_no} is already cancelled",)
    assert counts(db) == (2, 0, 0)


def test_cancelling_a_run_gives_every_stone_back(db):
    manufacturer(db)
    view = production.open_job(db, style_id=design(db), quantity=2)
    lot_id = lot(db, count=30, carats="0.600", cost="90.00")
    first = jobs.allocate_stones(db, view.id, lot_id, count=24, need_id=view.stone_needs[1].id)
    jobs.release_allocation(db, first.id, count=4, carats="0.080")
    jobs.cancel_job(db, view.id, reason="design changed")
    with UnitOfWork(db, readonly=True) as uow:
        from jewelbench.models.inventory import StoneLot

        row = uow.session.get(StoneLot, lot_id)
        assert (row.count_on_hand, row.carats_on_hand, row.cost_on_hand) == (
            30, D("0.600"), D("90.00"))
    with pytest.raises(InvalidState):
        production.close_out(db, view.id)


def test_designs_offered_are_my_active_designs(db):
    vendors = manufacturer(db)
    mine = design(db, vendors=vendors)
    design(db, vendor_id=vendors["caster"], style_no="STL-1")
    choices = production.list_designs(db)
    assert [(c.id, c.style_no, c.bom_cost) for c in choices] == [(mine, "MD-100", D("839.25"))]
    assert choices[0].estimate_for(4) == D("3357.00")
    assert production.list_designs(db, text="halo")[0].id == mine
    assert production.list_designs(db, text="nothing like it") == []
    assert production.list_designs(db, text="%") == []  # a wildcard typed is a character


def _close_out_statements(db, quantity: int) -> tuple[int, float]:
    import time

    view = production.open_job(db, style_id=design(db, style_no=f"MD-{quantity}",
                                                   with_template=False), quantity=quantity)
    for stage in view.stages:
        jobs.complete_stage(db, stage.id)
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        started = time.perf_counter()
        items = production.close_out(db, view.id)
        elapsed = time.perf_counter() - started
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(items) == quantity
    assert sum(i.cost_basis for i in items) == jobs.get_job(db, view.id).cost
    return len(statements), elapsed


@pytest.mark.slow
def test_close_out_statements_do_not_grow_with_quantity(db):
    manufacturer(db)
    small, _ = _close_out_statements(db, 10)
    large, elapsed = _close_out_statements(db, 1000)
    assert small == large, (small, large)
    assert small < 30
    # the real figure is in benchmarks/production_close_out.py; this only catches a collapse
    assert elapsed < 5


def test_a_closed_job_refuses_every_change_and_keeps_its_stock(db):
    lot_id = lot(db, count=10, carats="0.200", cost="50.00")
    view = production.open_job(db, description="Rose gold bangle")
    stage = jobs.add_stage(db, view.id, name="Polish", cost="20")
    material = jobs.add_material(db, view.id, description="Rose gold sheet (g)",
                                 quantity="12", unit_cost="41.00", kind="metal")
    allocation = jobs.allocate_stones(db, view.id, lot_id, count=2)
    jobs.complete_stage(db, stage.id)
    [item] = production.close_out(db, view.id)
    before = counts(db), jobs.get_job(db, view.id)
    refusals = [lambda: jobs.add_stage(db, view.id, name="Engraving", cost="10"),
                lambda: jobs.reopen_stage(db, stage.id),
                lambda: jobs.update_stage(db, stage.id, cost="1"),
                lambda: jobs.allocate_stones(db, view.id, lot_id, count=1),
                lambda: jobs.release_allocation(db, allocation.id),
                lambda: jobs.add_material(db, view.id, description="Solder", unit_cost="2"),
                lambda: jobs.remove_material(db, material.id),
                lambda: jobs.cancel_job(db, view.id)]
    for refuse in refusals:
        with pytest.raises(InvalidState, match="closed"):
            refuse()
    assert (counts(db), jobs.get_job(db, view.id)) == before
    assert item.cost_basis == before[1].cost == D("512.00") + allocation.cost


def test_production_work_shows_on_the_workshop_monitor(db):
    from jewelbench.services import monitor

    vendors = manufacturer(db)
    run = production.open_job(db, style_id=design(db, vendors=vendors), quantity=2,
                              target_date=dt.date.today())
    jobs.complete_stage(db, run.stages[0].id)
    done = production.open_job(db, description="Signet ring")
    production.close_out(db, done.id)
    rows = monitor.queue(db)
    assert [(r.job_no, r.module, r.current_stage, r.assignee, r.due_today) for r in rows] == [
        (run.job_no, "production", "Setting", "Tom Becker", True)]
