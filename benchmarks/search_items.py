"""Item search at a million StockIDs, on SQLite and on PostgreSQL.

Run from the repository root:  python -m benchmarks.search_items [N]   (N defaults to 1,000,000)

Each database is filled the way a big shop's would be after an import: the schema is taken
back to revision 0002, N items go in with one bulk insert (executemany on SQLite, COPY on
PostgreSQL), and the schema is upgraded to head, so revision 0003 builds its search indexes
from the rows already there. Then ``services.inventory.search`` (the call the search box makes,
session and views included) is timed for an exact StockID, a StockID prefix and words of the
description, and ``list_items`` for the first page of the Items list. Every figure is the
median and the worst of REPEATS calls after one warm-up call. Target (issue 3): well under
100 ms.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from alembic import command
from sqlalchemy import text

from jewelbench.db import Database, _alembic_config, open_database
from jewelbench.services import inventory
from jewelbench.services.numbering import advance_past, format_number
from jewelbench.services.unit_of_work import UnitOfWork
from tests.pg_cluster import Cluster, find_bindir

REPEATS = 15
COLUMNS = ("id", "stock_id", "description", "category", "metal", "cost_basis", "retail",
           "status", "source", "created_at", "created_by")
METALS = ["14K yellow gold", "14K white gold", "18K rose gold", "18K white gold", "Platinum",
          "Sterling silver", "10K yellow gold"]
STONES = ["diamond", "sapphire", "ruby", "emerald", "pearl", "moissanite", "tanzanite", "opal",
          "amethyst", "garnet", "aquamarine", "morganite", "topaz", "peridot", "citrine"]
LOOKS = ["halo", "solitaire", "three-stone", "eternity", "bezel", "cluster", "vintage",
         "tennis", "pave", "channel-set", "milgrain", "twisted", "infinity", "floral"]
PIECES = [("Ring", "ring"), ("Ring", "band"), ("Pendant", "pendant"), ("Necklace", "necklace"),
          ("Earrings", "stud earrings"), ("Earrings", "hoop earrings"),
          ("Bracelet", "bracelet"), ("Brooch", "brooch"), ("Earrings", "drop earrings")]
QUERIES = [
    ("exact StockID", None),
    ("StockID prefix, 10 codes", "00042"),
    ("StockID prefix, 100+ codes", "0123"),
    ("one common word", "ring"),
    ("two words", "sapphire halo"),
    ("three words", "14k white diamond"),
    ("as you type", "tanz"),
    ("rare model number", "MODEL"),  # the model number of the middle item
    ("no match", "unobtainium"),
]
LISTS = [
    ("Items list, first page by StockID", {}),
    ("Items list, first page by description", {"sort": "description"}),
    ("Items list, first page by retail, highest first", {"sort": "retail", "descending": True}),
    ("Items list filtered by 'emerald pendant'", {"text": "emerald pendant"}),
    # the hard case: descriptions begin with the metal, so sapphires are far down this order
    ("Items list filtered by 'sapphire', by description", {"text": "sapphire",
                                                          "sort": "description"}),
]


def _rows(n: int):
    rng = random.Random(42)
    created = "2024-01-01 09:00:00.000000"
    for i in range(1, n + 1):
        metal = rng.choice(METALS)
        category, piece = rng.choice(PIECES)
        carats = f"{rng.choice([0.1, 0.25, 0.33, 0.5, 0.75, 1.0, 1.5, 2.0]):.2f} ct"
        words = [metal, rng.choice(STONES), rng.choice(LOOKS), piece, carats,
                 f"M{rng.randint(10000, 99999)}"]
        cents = rng.randint(2_000, 900_000)
        yield (i, format_number("stock_id", i), " ".join(words), category, metal, cents,
               cents * 22 // 10, "in_stock", "import", created, "benchmark")


def _migrate(db: Database, action, target: str) -> None:
    config = _alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        action(config, target)


def _fill(db: Database, n: int) -> dict[str, float]:
    """Bulk insert N items below the search revision, then upgrade (timed separately)."""
    _migrate(db, command.downgrade, "0002")
    started = time.perf_counter()
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        if db.dialect == "sqlite":
            cursor.execute("BEGIN")
            placeholders = ", ".join("?" for _ in COLUMNS)
            cursor.executemany(f"INSERT INTO items ({', '.join(COLUMNS)}) "
                               f"VALUES ({placeholders})", _rows(n))
        else:
            with cursor.copy(f"COPY items ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for row in _rows(n):
                    copy.write_row(row[:9] + (dt.datetime(2024, 1, 1, 9, tzinfo=dt.UTC),
                                              row[10]))
            cursor.execute("SELECT setval(pg_get_serial_sequence('items', 'id'), %s)", (n,))
        raw.commit()
    finally:
        raw.close()
    loaded = time.perf_counter()
    _migrate(db, command.upgrade, "head")
    indexed = time.perf_counter()
    with UnitOfWork(db) as uow:
        advance_past(uow.session, "stock_id", n)
        uow.commit()
    if db.dialect == "postgresql":
        # what autovacuum does on its own after a bulk load
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE items"))
    return {"bulk insert": loaded - started, "build search indexes (0003)": indexed - loaded}


def _time(call) -> tuple[float, float, object]:
    call()  # warm-up: first use of a statement, page cache
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, max(times) * 1000, result


def measure(db: Database, n: int) -> list[tuple[str, str, float, float, int]]:
    rng = random.Random(7)
    rows = []
    codes = [format_number("stock_id", rng.randint(1, n)) for _ in range(REPEATS + 1)]
    model = inventory.find_item(db, format_number("stock_id", n // 2)).description.split()[-1]
    for label, query in QUERIES:
        query = model.lower() if query == "MODEL" else query
        if query is None:
            picks = iter(codes)
            median, worst, found = _time(lambda p=picks: inventory.search(db, next(p)))
            query = "random existing codes"
            assert len(found) >= 1
        else:
            median, worst, found = _time(lambda q=query: inventory.search(db, q))
        rows.append((label, query, median, worst, len(found)))
    for label, kwargs in LISTS:
        median, worst, found = _time(lambda k=kwargs: inventory.list_items(db, **k))
        rows.append((label, "limit 200", median, worst, len(found)))
    return rows


def _report(name: str, fill: dict[str, float], rows) -> None:
    print(f"\n{name}")
    for label, seconds in fill.items():
        print(f"  {label:<50} {seconds:8.1f} s")
    print(f"  {'search':<50} {'query':<22} {'median':>9} {'worst':>9} {'found':>6}")
    for label, query, median, worst, found in rows:
        print(f"  {label:<50} {query:<22} {median:7.2f}ms {worst:7.2f}ms {found:>6}")


def run(n: int) -> None:
    print(f"Item search with {n:,} items; each figure: median and worst of {REPEATS} calls")
    with tempfile.TemporaryDirectory(prefix="jewelbench-search-") as folder:
        db = open_database(f"sqlite:///{Path(folder) / 'bench.sqlite3'}", user="benchmark")
        try:
            fill = _fill(db, n)
            _report("SQLite (FTS5)", fill, measure(db, n))
            size = (Path(folder) / "bench.sqlite3").stat().st_size
            print(f"  database file: {size / 1e6:.0f} MB")
        finally:
            db.close()
    bindir = find_bindir()
    if bindir is None:
        print("\nPostgreSQL: server binaries not found (set JEWELBENCH_PG_BIN); skipped")
        return
    cluster = Cluster(bindir)
    try:
        cluster.start()
        with psycopg.connect(f"host=127.0.0.1 port={cluster.port} user=postgres "
                             "dbname=postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench")
        db = open_database(cluster.url("bench"), user="benchmark")
        try:
            version = db.engine.connect().exec_driver_sql("SHOW server_version").scalar()
            fill = _fill(db, n)
            _report(f"PostgreSQL {version} (pg_trgm)", fill, measure(db, n))
        finally:
            db.close()
    finally:
        cluster.stop()


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
