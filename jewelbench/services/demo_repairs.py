"""The demo shop's repairs and custom jobs, in every state (``jewelbench demo``).

Everything goes through the services, so filling the demo also exercises intake, bench work,
deposits, both kinds of close-out, pickup with a balance left, and a cancel with its refund.
"""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from decimal import Decimal

from jewelbench.db import Database
from jewelbench.services import custom_jobs, inventory, jobs, parties, repairs


def _photo(rgb: tuple[int, int, int]) -> bytes:
    """A small plain-coloured PNG standing in for a counter photo."""
    width, height = 64, 48

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _customer(db: Database, name: str) -> int:
    found = parties.search_customers(db, name, limit=1)
    return found[0].id if found else parties.add_customer(db, name=name).id


def _jeweler(db: Database) -> int | None:
    bench = parties.list_vendors(db, in_house=True)
    return bench[0].id if bench else None


def _stages_done(db: Database, job_id: int, stages: list[tuple[str, str]], vendor) -> None:
    for name, cost in stages:
        stage = jobs.add_stage(db, job_id, name=name, cost=cost, vendor_id=vendor)
        jobs.complete_stage(db, stage.id)


def _repairs(db: Database, today: dt.date, bench: int | None) -> int:
    ann, robert = _customer(db, "Ann Lee"), _customer(db, "Robert Okafor")
    giulia, henry = _customer(db, "Giulia Conti"), _customer(db, "Henry Walsh")
    repairs.open_repair(
        db, customer_id=ann, description="Ladies' solitaire, 4 prongs, 0.50 ct round",
        piece_type="Engagement ring", metal="14K white", size="6",
        condition=["worn_prongs", "scratches"], condition_notes="small nick on the gallery",
        work_requested="Retip 4 prongs, polish", estimate="145",
        promised_date=today + dt.timedelta(days=5), photos=[("arrival.png", _photo(
            (215, 215, 220)))])
    chain = repairs.open_repair(
        db, customer_id=robert, description="Figaro chain, 20 in", piece_type="Chain",
        metal="14K yellow", size="20 in", condition=["broken_chain"],
        work_requested="Solder the broken link", estimate="40", rush=True,
        promised_date=today - dt.timedelta(days=1))
    solder = jobs.add_stage(db, chain.id, name="Soldering", cost="25", vendor_id=bench)
    jobs.start_stage(db, solder.id)
    ready = repairs.open_repair(
        db, customer_id=giulia, description="Band, size up 1.5", piece_type="Wedding band",
        metal="18K yellow", size="5.5 → 7", condition=["thin_shank"],
        work_requested="Size up 1.5, add stock to the shank", estimate="95",
        promised_date=today)
    _stages_done(db, ready.id, [("Sizing", "45"), ("Polish", "10")], bench)
    picked = repairs.open_repair(
        db, customer_id=henry, description="Signet ring", piece_type="Ring", metal="10K yellow",
        condition=["dents", "scratches"], work_requested="Remove dents, polish",
        estimate="60", promised_date=today - dt.timedelta(days=3))
    _stages_done(db, picked.id, [("Polish", "15")], bench)
    repairs.close_for_pickup(db, picked.id, price="60", payments=[("64.95", "card")])
    cancelled = repairs.open_repair(
        db, customer_id=ann, description="Pearl strand", piece_type="Necklace",
        work_requested="Restring with knots", estimate="55")
    jobs.cancel_job(db, cancelled.id, reason="Customer took it elsewhere")

    # in-house: a piece from the case repaired and its cost rolled onto its StockID
    halo = inventory.add_item(db, description="14K white halo ring, 0.75 ctw", cost="850",
                              metal="14K white", category="Ring")
    melee = inventory.receive_stones(db, description="1.5 mm round diamond melee, G/VS",
                                     count=50, carats=Decimal("0.750"), cost=Decimal("375"))
    rolled = repairs.open_repair(db, item_id=halo.id, description="Replace 2 missing melee",
                                 condition=["missing_stones"], estimate="70")
    jobs.allocate_stones(db, rolled.id, melee.id, count=2)
    _stages_done(db, rolled.id, [("Stone setting", "30")], bench)
    repairs.roll_onto_item(db, rolled.id)
    pendant = inventory.add_item(db, description="Sterling heart pendant", cost="38",
                                 metal="Sterling silver", category="Pendant")
    repairs.open_repair(db, item_id=pendant.id, description="Rhodium plate for display",
                        condition=["worn_plating"], promised_date=today + dt.timedelta(days=2))
    return 7


def _custom(db: Database, today: dt.date, bench: int | None) -> int:
    priya, ann = _customer(db, "Priya Raman"), _customer(db, "Ann Lee")
    robert, giulia = _customer(db, "Robert Okafor"), _customer(db, "Giulia Conti")
    henry = _customer(db, "Henry Walsh")
    ring = custom_jobs.open_custom_job(
        db, priya, description="Platinum halo engagement ring", price="3200",
        target_date=today + dt.timedelta(days=21),
        design_notes="Oval centre 1.2 ct (customer's stone), pavé halo, size 5",
        photos=[("sketch.png", _photo((240, 236, 225)))])
    custom_jobs.take_deposit(db, ring.id, amount="1000", method="card")
    pendant = custom_jobs.open_custom_job(
        db, ann, description="Initial pendant 'A' with diamond accent", price="640",
        target_date=today + dt.timedelta(days=6), design_notes="14K yellow, 18 in chain")
    custom_jobs.take_deposit(db, pendant.id, amount="200", method="cash")
    custom_jobs.take_deposit(db, pendant.id, amount="150", method="check")
    _stages_done(db, pendant.id, [("CAD", "60")], bench)
    casting = jobs.add_stage(db, pendant.id, name="Casting", cost="45")
    jobs.start_stage(db, casting.id)
    signet = custom_jobs.open_custom_job(
        db, robert, description="Family crest signet ring", price="780",
        target_date=today - dt.timedelta(days=1))
    custom_jobs.take_deposit(db, signet.id, amount="300", method="card")
    _stages_done(db, signet.id, [("Casting", "55"), ("Engraving", "90"), ("Polish", "15")],
                 bench)
    earrings = custom_jobs.open_custom_job(
        db, giulia, description="Sapphire drop earrings", price="450",
        target_date=today - dt.timedelta(days=10))
    custom_jobs.take_deposit(db, earrings.id, amount="200")
    _stages_done(db, earrings.id, [("Setting", "40")], bench)
    custom_jobs.close_for_pickup(db, earrings.id, payments=[("287.13", "card")])
    bracelet = custom_jobs.open_custom_job(
        db, henry, description="Woven gold cuff", price="1200",
        target_date=today - dt.timedelta(days=4))
    custom_jobs.take_deposit(db, bracelet.id, amount="400", method="check")
    # picked up with part of the balance still owed on the invoice
    custom_jobs.close_for_pickup(db, bracelet.id, payments=[("500", "cash")])
    band = custom_jobs.open_custom_job(db, ann, description="Matching wedding band",
                                       price="520")
    custom_jobs.take_deposit(db, band.id, amount="250", method="card")
    jobs.cancel_job(db, band.id, reason="Wedding postponed")
    return 6


def fill_repairs_and_custom(db: Database) -> list[str]:
    today = dt.date.today()
    bench = _jeweler(db)
    return [f"{_repairs(db, today, bench)} repairs", f"{_custom(db, today, bench)} custom jobs"]
