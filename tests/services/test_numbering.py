"""Two workstations drawing numbers at the same moment never get the same one."""

import multiprocessing as mp

from jewelbench.db import open_database
from jewelbench.services.numbering import take_numbers
from jewelbench.services.unit_of_work import UnitOfWork


def _draw(url: str, start, out) -> None:
    db = open_database(url)
    start.wait()
    got = []
    for _ in range(20):
        with UnitOfWork(db) as uow:
            got += take_numbers(uow.session, "stock_id", 3)
            uow.commit()
    db.close()
    out.put(got)


def test_two_processes_never_share_a_number(db_url):
    open_database(db_url).close()
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(2)
    out = ctx.Queue()
    procs = [ctx.Process(target=_draw, args=(db_url, start, out)) for _ in range(2)]
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    numbers = results[0] + results[1]
    assert len(numbers) == 120
    assert sorted(numbers) == list(range(1, 121))


def test_rolled_back_numbers_are_given_back(db):
    with UnitOfWork(db) as uow:
        assert take_numbers(uow.session, "repair") == [1]
    with UnitOfWork(db) as uow:
        assert take_numbers(uow.session, "repair", 2) == [1, 2]
        uow.commit()
