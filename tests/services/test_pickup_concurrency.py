"""Two workstations hand over the same piece at the same moment: exactly one invoice."""

import multiprocessing as mp
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from jewelbench.db import open_database
from jewelbench.errors import JewelBenchError
from jewelbench.models.sales import Invoice, Payment
from jewelbench.services import custom_jobs, inventory, jobs, repairs
from jewelbench.services.unit_of_work import UnitOfWork
from tests.services.repair_fixtures import in_house_item, shop

pytestmark = pytest.mark.slow


def _pickup(url: str, module: str, job_id: int, start, out) -> None:
    db = open_database(url)
    try:
        start.wait()
        if module == "custom":
            view = custom_jobs.close_for_pickup(db, job_id, payments=[("100", "cash")])
        elif module == "repair":
            view = repairs.close_for_pickup(db, job_id, price="80", payments=[("50", "card")])
        else:
            view = repairs.roll_onto_item(db, job_id)
            out.put(("ok", str(view.cost_basis)))
            return
        out.put(("ok", view.invoice_no))
    except JewelBenchError as exc:
        out.put((type(exc).__name__, str(exc)))
    finally:
        db.close()


def _race(args: tuple) -> list[tuple]:
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(2)
    out = ctx.Queue()
    procs = [ctx.Process(target=_pickup, args=(*args, start, out)) for _ in range(2)]
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return sorted(results)


def _money_rows(db) -> tuple[int, int]:
    with UnitOfWork(db, readonly=True) as uow:
        return (uow.session.scalar(select(func.count()).select_from(Invoice)),
                uow.session.scalar(select(func.count()).select_from(Payment)))


def test_two_counters_close_the_same_jobs(db_url):
    db = open_database(db_url, user="tester")
    try:
        customer_id = shop(db)
        custom = custom_jobs.open_custom_job(db, customer_id, description="Signet ring",
                                             price="600").id
        custom_jobs.take_deposit(db, custom, amount="200")
        repair = repairs.open_repair(db, customer_id=customer_id, description="Resize").id
        item_id = in_house_item(db, cost="300")
        in_house = repairs.open_repair(db, item_id=item_id, description="Rhodium plate").id
        jobs.add_material(db, in_house, description="rhodium", unit_cost="12")
    finally:
        db.close()

    for module, job_id in (("custom", custom), ("repair", repair), ("in_house", in_house)):
        results = _race((db_url, module, job_id))
        assert results[0][0] == "InvalidState" and "closed" in results[0][1], results
        assert results[1][0] == "ok", results

    db = open_database(db_url)
    try:
        # two invoices (custom, repair); deposit + one counter payment each
        assert _money_rows(db) == (2, 3)
        assert custom_jobs.get_custom_job(db, custom).invoice.balance_due == Decimal("349.50")
        assert repairs.get_repair(db, repair).invoice.balance_due == Decimal("36.60")
        item = repairs.get_repair(db, in_house).job
        assert item.status == "closed"
        history = inventory.item_cost_history(db, item_id)
        assert [e.kind for e in history] == ["initial", "repair"]
        assert inventory.get_item(db, item_id).cost_basis == Decimal("312.00")
    finally:
        db.close()
