"""The demo's production jobs: every state, one-offs and runs, closed ones with their StockIDs."""

from jewelbench.services import demo, job_lists, jobs, production
from jewelbench.services.demo_production import fill_production
from tests.services.production_helpers import cost_entry_total, items_of


def test_demo_production_covers_every_state(db):
    demo._fill_store_and_parties(db)
    summary = fill_production(db)
    assert "7 production jobs" in summary[0]
    rows = job_lists.list_jobs(db, module="production", sort="job_no")
    assert {r.status for r in rows} == {"open", "in_progress", "ready", "closed", "cancelled"}
    assert {r.style_no is None for r in rows} == {True, False}  # one-offs and runs
    assert any(r.overdue for r in rows)
    for row in rows:
        if row.status == "closed":
            made = items_of(db, row.id)
            assert len(made) == row.quantity
            assert sum(i.cost_basis for i in made) == jobs.get_job(db, row.id).cost
            assert all(cost_entry_total(db, i.id) == i.cost_basis for i in made)
        if row.status == "ready":
            assert production.close_out_preview(db, row.id).ready
    cancelled = next(r for r in rows if r.status == "cancelled")
    assert jobs.get_job(db, cancelled.id).allocations == ()


def test_demo_production_runs_after_the_rest_of_the_demo(db):
    # the full demo, in the order the command runs it: production reuses what is there
    text = demo.fill(db)
    assert "7 production jobs" in text
