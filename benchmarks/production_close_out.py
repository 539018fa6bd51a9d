"""Complete & Create Inventory of N pieces: time and SQL statements, SQLite and PostgreSQL.

Run from the repository root:  python -m benchmarks.production_close_out [N ...]

The target (issue 4) is N = 1000 in under 0.5 s on both databases, with the same number of
SQL statements for N = 10 as for N = 1000. Each figure is the best of three close-outs, each of
a fresh job, timed around the service call alone (including its commit).

Measured 27 Nov 2026 on the 2-core development box (shared with other work), N = 10 / 100 / 1000:
  SQLite file:        0.007 / 0.023 / 0.209 s, 19 statements each
  PostgreSQL (local): 0.015 / 0.040 / 0.254 s, 18 statements each
About 0.06 s of it at N = 1000 (SQLite) is the audit trail: a row per new item and cost entry.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import psycopg
from sqlalchemy import event

from jewelbench.db import Database, open_database
from jewelbench.models.styles import Style, StyleBomLine
from jewelbench.services import jobs, production, settings
from jewelbench.services.unit_of_work import UnitOfWork
from tests.pg_cluster import Cluster, find_bindir

REPEATS = 3
TARGET_SECONDS = 0.5


def _design(db: Database, style_no: str) -> int:
    with UnitOfWork(db) as uow:
        style = Style(style_no=style_no, name="Stacking band", metal="14K yellow")
        uow.session.add(style)
        uow.session.flush()
        uow.session.add_all([
            StyleBomLine(style_id=style.id, position=0, kind="material",
                         description="14K yellow casting grain (g)", quantity=Decimal("2.4"),
                         unit_cost=Decimal("61.35")),
            StyleBomLine(style_id=style.id, position=1, kind="labor", description="Casting",
                         quantity=Decimal("1"), unit_cost=Decimal("18.00")),
            StyleBomLine(style_id=style.id, position=2, kind="labor", description="Polish",
                         quantity=Decimal("1"), unit_cost=Decimal("7.50"))])
        uow.commit()
        return style.id


def _ready_run(db: Database, style_id: int, quantity: int) -> int:
    view = production.open_job(db, style_id=style_id, quantity=quantity)
    for stage in view.stages:
        jobs.complete_stage(db, stage.id)
    return view.id


def _close_out(db: Database, job_id: int) -> tuple[float, int]:
    statements = []

    def count(*_args):
        statements.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        started = time.perf_counter()
        items = production.close_out(db, job_id)
        elapsed = time.perf_counter() - started
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert sum(i.cost_basis for i in items) == jobs.get_job(db, job_id).cost
    return elapsed, len(statements)


def measure(db: Database, sizes: list[int]) -> list[tuple[int, float, float, int]]:
    settings.set_store(db, manufacturer=True)
    style_id = _design(db, f"BENCH-{time.time_ns()}")
    _close_out(db, _ready_run(db, style_id, 1))  # warm up: store profile, caches
    rows = []
    for size in sizes:
        runs = [_close_out(db, _ready_run(db, style_id, size)) for _ in range(REPEATS)]
        times = [t for t, _ in runs]
        counts = {n for _, n in runs}
        assert len(counts) == 1, counts
        rows.append((size, min(times), statistics.median(times), counts.pop()))
    return rows


def _report(name: str, rows) -> bool:
    print(f"\n{name}")
    print(f"{'N':>6} {'best s':>8} {'median s':>9} {'statements':>11}")
    for size, best, median, count in rows:
        print(f"{size:>6} {best:>8.3f} {median:>9.3f} {count:>11}")
    by_size = {size: (best, count) for size, best, _, count in rows}
    ok = True
    if 1000 in by_size and by_size[1000][0] >= TARGET_SECONDS:
        print(f"  !! N=1000 took {by_size[1000][0]:.3f} s (target {TARGET_SECONDS} s)")
        ok = False
    if len({count for _, count in by_size.values()}) > 1:
        print("  !! the number of statements changes with N")
        ok = False
    return ok


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [10, 100, 1000]
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(f"sqlite:///{Path(folder) / 'bench.sqlite3'}", user="bench")
        try:
            ok &= _report("SQLite (file, WAL, synchronous=FULL)", measure(db, sizes))
        finally:
            db.close()
    bindir = find_bindir()
    if bindir is None:
        print("\nPostgreSQL: server binaries not found (set JEWELBENCH_PG_BIN); skipped")
        return 0 if ok else 1
    cluster = Cluster(bindir)
    try:
        cluster.start()
        with psycopg.connect(f"host=127.0.0.1 port={cluster.port} user=postgres "
                             "dbname=postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench")
        db = open_database(cluster.url("bench"), user="bench")
        try:
            ok &= _report("PostgreSQL (local throwaway cluster, fsync off)", measure(db, sizes))
        finally:
            db.close()
    finally:
        cluster.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
