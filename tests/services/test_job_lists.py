import datetime as dt
from decimal import Decimal

import pytest

from jewelbench.errors import ValidationError
from jewelbench.models.jobs import IN_FLIGHT
from jewelbench.services import jobs, monitor, parties
from jewelbench.services.job_lists import count_jobs, list_jobs
from jewelbench.services.unit_of_work import UnitOfWork

TODAY = dt.date(2026, 11, 27)


def _job(db, module, description, due=None, customer_id=None):
    with UnitOfWork(db) as uow:
        job = jobs.new_job(uow, module=module, description=description, due_date=due,
                           customer_id=customer_id)
        uow.commit()
        return job.id


@pytest.fixture
def shop(db):
    ann = parties.add_customer(db, name="Ann Lee")
    maria = parties.add_vendor(db, name="Maria", in_house=True)
    ids = {
        "late": _job(db, "repair", "Retip 4 prongs", TODAY - dt.timedelta(2), ann.id),
        "today": _job(db, "custom", "Halo engagement ring", TODAY, ann.id),
        "week": _job(db, "production", "Stud earrings", TODAY + dt.timedelta(5)),
        "later": _job(db, "production", "Tennis bracelet", TODAY + dt.timedelta(30)),
        "undated": _job(db, "repair", "Size down to 6"),
    }
    stage = jobs.add_stage(db, ids["week"], name="Casting", vendor_id=maria.id, cost="40")
    jobs.add_stage(db, ids["week"], name="Polish", cost="15")
    jobs.add_material(db, ids["week"], description="Posts and backs", unit_cost="6.50")
    jobs.complete_stage(db, stage.id)
    done = _job(db, "repair", "Clean and polish", TODAY - dt.timedelta(9))
    jobs.cancel_job(db, done)
    return ids


def test_monitor_queue_is_in_flight_soonest_first(db, shop):
    rows = monitor.queue(db, today=TODAY)
    assert [r.description for r in rows] == [
        "Retip 4 prongs", "Halo engagement ring", "Stud earrings", "Tennis bracelet",
        "Size down to 6"]
    late, due_today, week = rows[0], rows[1], rows[2]
    assert late.overdue and not late.due_today
    assert due_today.due_today and not due_today.overdue
    assert (week.current_stage, week.assignee) == ("Polish", None)
    assert week.cost == Decimal("46.50")
    assert {r.module for r in rows} == {"repair", "custom", "production"}


def test_filters_and_sorting_happen_in_sql(db, shop):
    assert [r.description for r in list_jobs(db, due="overdue", today=TODAY)] == [
        "Retip 4 prongs"]
    assert [r.description for r in list_jobs(db, due="week", today=TODAY)] == [
        "Halo engagement ring", "Stud earrings"]
    assert [r.job_no for r in list_jobs(db, module="repair", sort="job_no")] == [
        "R-00001", "R-00002", "R-00003"]
    assert [r.description for r in list_jobs(db, text="ann lee", today=TODAY)] == [
        "Retip 4 prongs", "Halo engagement ring"]
    by_cost = list_jobs(db, statuses=IN_FLIGHT, sort="cost", descending=True)
    assert by_cost[0].description == "Stud earrings"
    assert count_jobs(db, statuses=("cancelled",)) == 1
    assert len(list_jobs(db, offset=2, limit=2)) == 2


def test_bad_filters_are_refused(db):
    with pytest.raises(ValidationError, match="due"):
        list_jobs(db, due="tomorrow")
    with pytest.raises(ValidationError, match="sort"):
        list_jobs(db, sort="price; drop table jobs")
    with pytest.raises(ValidationError, match="module"):
        list_jobs(db, module="sales")
