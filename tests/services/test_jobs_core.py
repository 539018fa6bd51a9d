"""The shared job machinery, driven the way every module drives it."""

from decimal import Decimal

import pytest
from sqlalchemy import select

from jewelbench.errors import InsufficientStock, InvalidState, NotFound, ValidationError
from jewelbench.models.inventory import StoneLot
from jewelbench.services import jobs, stock
from jewelbench.services.unit_of_work import UnitOfWork


def _job(db, module="production"):
    with UnitOfWork(db) as uow:
        job = jobs.new_job(uow, module=module, description="14K solitaire, size 6")
        uow.commit()
        return job.id


def _lot(db, count=20, carats="0.400", cost="100.00"):
    with UnitOfWork(db) as uow:
        lot = StoneLot(lot_no=f"L-T{count}", description="1.3 mm round melee",
                       count_on_hand=0)
        uow.session.add(lot)
        uow.session.flush()
        stock.return_stones(uow, lot, stock.Taken(count, Decimal(carats), Decimal(cost)),
                            kind="receive")
        uow.commit()
        return lot.id


def _on_hand(db, lot_id):
    with UnitOfWork(db, readonly=True) as uow:
        lot = uow.session.get(StoneLot, lot_id)
        assert stock.lot_ledger_total(uow, lot_id) == (
            lot.count_on_hand, lot.carats_on_hand, lot.cost_on_hand)
        return lot.count_on_hand, lot.carats_on_hand, lot.cost_on_hand


def test_costs_roll_up_as_stages_are_done(db):
    job_id = _job(db)
    jobs.add_material(db, job_id, description="14K white casting grain", quantity="3.2",
                      unit_cost="62.50", kind="metal")
    casting = jobs.add_stage(db, job_id, name="Casting", cost="45")
    polish = jobs.add_stage(db, job_id, name="Polish", cost="20")
    view = jobs.get_job(db, job_id)
    assert view.job_no == "P-00001" and view.status == "open"
    assert view.cost == Decimal("200.00")
    assert view.costs.projected == Decimal("265.00")
    jobs.complete_stage(db, casting.id)
    view = jobs.get_job(db, job_id)
    assert (view.status, view.cost) == ("in_progress", Decimal("245.00"))
    assert view.current_stage.id == polish.id
    jobs.complete_stage(db, polish.id)
    assert jobs.get_job(db, job_id).status == "ready"
    with pytest.raises(InvalidState):
        jobs.complete_stage(db, polish.id)


def test_allocate_and_partial_release_are_exact(db):
    job_id, lot_id = _job(db), _lot(db)
    allocation = jobs.allocate_stones(db, job_id, lot_id, count=20)
    assert allocation.cost == Decimal("100.00")
    assert _on_hand(db, lot_id) == (0, Decimal("0.000"), Decimal("0.00"))
    back = jobs.release_allocation(db, allocation.id, count=3, carats="0.061")
    assert (back.count, back.carats, back.cost) == (3, Decimal("0.061"), Decimal("15.00"))
    assert back.remaining.count == 17
    assert jobs.get_job(db, job_id).cost == Decimal("85.00")
    jobs.release_allocation(db, allocation.id)
    assert _on_hand(db, lot_id) == (20, Decimal("0.400"), Decimal("100.00"))
    assert jobs.get_job(db, job_id).allocations == ()


def test_no_oversell_and_bad_input_changes_nothing(db):
    job_id, lot_id = _job(db), _lot(db, count=5, carats="0.100", cost="25")
    with pytest.raises(InsufficientStock):
        jobs.allocate_stones(db, job_id, lot_id, count=6)
    with pytest.raises(ValidationError) as info:
        jobs.allocate_stones(db, job_id, lot_id, count=0)
    assert info.value.field == "count"
    with pytest.raises(ValidationError):
        jobs.add_stage(db, job_id, name="Setting", cost="-5")
    with pytest.raises(ValidationError):
        jobs.add_stage(db, job_id, name="Setting", cost="abc")
    with pytest.raises(NotFound):
        jobs.allocate_stones(db, job_id, 9999, count=1)
    with pytest.raises(NotFound):
        jobs.add_stage(db, 9999, name="Setting")
    assert _on_hand(db, lot_id) == (5, Decimal("0.100"), Decimal("25.00"))
    assert jobs.get_job(db, job_id).stages == ()


def test_cancel_recredits_everything_and_freezes_the_job(db):
    job_id, lot_id = _job(db), _lot(db)
    jobs.allocate_stones(db, job_id, lot_id, count=7)
    jobs.allocate_stones(db, job_id, lot_id, count=2, carats="0.05")
    view = jobs.cancel_job(db, job_id, reason="customer changed mind")
    assert view.status == "cancelled"
    assert _on_hand(db, lot_id) == (20, Decimal("0.400"), Decimal("100.00"))
    with pytest.raises(InvalidState):
        jobs.add_stage(db, job_id, name="Polish")
    with pytest.raises(InvalidState):
        jobs.cancel_job(db, job_id)
    history = [(h.old_status, h.new_status) for h in jobs.job_history(db, job_id)]
    assert history == [(None, "open"), ("open", "cancelled")]


def test_stage_order_and_removal(db):
    job_id = _job(db)
    a = jobs.add_stage(db, job_id, name="Casting")
    b = jobs.add_stage(db, job_id, name="Setting")
    c = jobs.add_stage(db, job_id, name="Polish")
    assert [s.name for s in jobs.move_stage(db, c.id, 0)] == ["Polish", "Casting", "Setting"]
    jobs.remove_stage(db, b.id)
    jobs.complete_stage(db, a.id)
    with pytest.raises(InvalidState):
        jobs.remove_stage(db, a.id)
    assert [s.name for s in jobs.get_job(db, job_id).stages] == ["Polish", "Casting"]


def test_find_job_by_ticket_number(db):
    job_id = _job(db, module="repair")
    assert jobs.find_job(db, " r-00001 ").id == job_id
    with UnitOfWork(db, readonly=True) as uow:
        assert uow.session.scalar(select(StoneLot.id)) is None
