"""Two workstations at the same moment: the last stones of a lot, the same close-out click."""

import multiprocessing as mp
from decimal import Decimal

import pytest

from jewelbench.db import open_database
from jewelbench.errors import JewelBenchError
from jewelbench.models.inventory import StoneLot
from jewelbench.services import jobs, production, stock
from jewelbench.services.unit_of_work import UnitOfWork
from tests.services.production_helpers import design, items_of, lot, manufacturer

pytestmark = pytest.mark.slow


def _allocate(url: str, job_id: int, lot_id: int, start, out) -> None:
    db = open_database(url, user=f"bench-{job_id}")
    try:
        start.wait()
        view = jobs.allocate_stones(db, job_id, lot_id, count=5)
        out.put(("ok", view.count))
    except JewelBenchError as exc:
        out.put((type(exc).__name__, str(exc)))
    finally:
        db.close()


def _close(url: str, job_id: int, start, out) -> None:
    db = open_database(url)
    try:
        start.wait()
        out.put(("ok", len(production.close_out(db, job_id))))
    except JewelBenchError as exc:
        out.put((type(exc).__name__, str(exc)))
    finally:
        db.close()


def _race(target, args_per_process: list[tuple]) -> list[tuple]:
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(len(args_per_process))
    out = ctx.Queue()
    procs = [ctx.Process(target=target, args=(*args, start, out)) for args in args_per_process]
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return sorted(results)


def test_two_workstations_take_the_last_stones(db_url):
    db = open_database(db_url, user="tester")
    try:
        lot_id = lot(db, count=5, carats="0.100", cost="25.00")
        first = production.open_job(db, description="Halo pendant").id
        second = production.open_job(db, description="Halo earrings").id
    finally:
        db.close()

    results = _race(_allocate, [(db_url, first, lot_id), (db_url, second, lot_id)])

    assert results[0][0] == "InsufficientStock" and "0 stone(s) on hand" in results[0][1]
    assert results[1] == ("ok", 5)
    db = open_database(db_url)
    try:
        with UnitOfWork(db, readonly=True) as uow:
            row = uow.session.get(StoneLot, lot_id)
            assert (row.count_on_hand, row.carats_on_hand, row.cost_on_hand) == (
                0, Decimal("0.000"), Decimal("0.00"))
            assert stock.lot_ledger_total(uow, lot_id) == (0, Decimal("0.000"), Decimal("0.00"))
        held = [len(jobs.get_job(db, j).allocations) for j in (first, second)]
        assert sorted(held) == [0, 1]
    finally:
        db.close()


def test_two_workstations_close_out_the_same_run(db_url):
    db = open_database(db_url, user="tester")
    try:
        manufacturer(db)
        view = production.open_job(db, style_id=design(db, with_template=False), quantity=50)
        for stage in view.stages:
            jobs.complete_stage(db, stage.id)
        cost = jobs.get_job(db, view.id).cost
    finally:
        db.close()

    results = _race(_close, [(db_url, view.id), (db_url, view.id)])

    assert results[0][0] == "InvalidState" and "already closed" in results[0][1]
    assert results[1] == ("ok", 50)
    db = open_database(db_url)
    try:
        made = items_of(db, view.id)
        assert len(made) == 50
        assert sum(i.cost_basis for i in made) == cost
        assert jobs.get_job(db, view.id).status == "closed"
    finally:
        db.close()
