"""The demo shop's production: jobs in every state, one-off pieces and runs of its own designs.

Uses the shop's designs and melee if the demo already has them, and adds its own otherwise, so
it works whichever part of the demo runs first. Everything goes through the services.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from jewelbench.db import Database
from jewelbench.services import inventory, jobs, parties, production, settings, styles
from jewelbench.services.styles import StyleView

D = Decimal


def _vendor(db: Database, word: str) -> int | None:
    found = parties.list_vendors(db, text=word)
    return found[0].id if found else None


def _is_melee(line) -> bool:
    return "melee" in line.description.lower()


def _designs(db: Database, caster: int | None, setter: int | None) -> tuple[StyleView, StyleView]:
    """A design with a center stone and melee, and one set with melee only."""
    usable = [s for s in styles.list_styles(db, "my_designs")
              if {"material", "labor"} <= {line.kind for line in s.bom}]
    stones = {s.id: [line for line in s.bom if line.kind == "stone"] for s in usable}
    halo = next((s for s in usable if len(stones[s.id]) >= 2
                 and any(_is_melee(line) for line in stones[s.id])), None)
    band = next((s for s in usable if stones[s.id] and s is not halo
                 and all(_is_melee(line) for line in stones[s.id])), None)
    if halo is None:
        halo = styles.create_style(
            db, style_no="HL-P210", name="Halo engagement ring", category="Ring",
            metal="14K white", retail=D("3450.00"),
            bom=[{"kind": "material", "description": "14K white casting grain (g)",
                  "quantity": "3.4", "unit_cost": "62.50"},
                 {"kind": "material", "description": "4-prong head, 6.5 mm", "quantity": "1",
                  "unit_cost": "18.40"},
                 {"kind": "stone", "description": "1.00 ct round center", "quantity": "1",
                  "unit_cost": "1100.00"},
                 {"kind": "stone", "description": "1.3 mm round melee", "quantity": "18",
                  "unit_cost": "4.50"},
                 {"kind": "labor", "description": "Casting", "quantity": "1",
                  "unit_cost": "38.00", "vendor_id": caster},
                 {"kind": "labor", "description": "Setting", "quantity": "1",
                  "unit_cost": "95.00", "vendor_id": setter}],
            stages=["Casting", "Cleanup", "Setting", "Polish"])
    if band is None:
        band = styles.create_style(
            db, style_no="HL-P220", name="Pavé stacking band", category="Ring",
            metal="14K yellow", retail=D("890.00"),
            bom=[{"kind": "material", "description": "14K yellow casting grain (g)",
                  "quantity": "2.1", "unit_cost": "61.80"},
                 {"kind": "stone", "description": "1.3 mm round melee", "quantity": "11",
                  "unit_cost": "4.50"},
                 {"kind": "labor", "description": "Casting", "quantity": "1",
                  "unit_cost": "22.00", "vendor_id": caster},
                 {"kind": "labor", "description": "Setting", "quantity": "1",
                  "unit_cost": "48.00", "vendor_id": setter},
                 {"kind": "labor", "description": "Polish", "quantity": "0.5",
                  "unit_cost": "40.00", "vendor_id": setter}])
    return halo, band


def _lot_for(db: Database, description: str, needed: int) -> int:
    """A lot in stock matching a design's stone line, or a new parcel of those stones."""
    for lot in inventory.search_stone_lots(db, description, limit=20):
        if lot.count_on_hand >= needed:
            return lot.id
    return inventory.receive_stones(
        db, description=f"{description} G/H VS", count=600, carats=D("5.400"),
        cost=D("2700.00"), stone_type="Diamond", shape="Round", color="G/H", clarity="VS").id


def _allocate_needs(db: Database, view, only_melee: bool = False) -> None:
    for need in view.stone_needs:
        if only_melee and "melee" not in need.description.lower():
            continue
        lot_id = _lot_for(db, need.description, need.count)
        jobs.allocate_stones(db, view.id, lot_id, count=need.count, need_id=need.id)


def _finish_stages(db: Database, view, how_many: int | None = None) -> None:
    for stage in view.stages[:how_many]:
        jobs.complete_stage(db, stage.id)


def fill_production(db: Database) -> list[str]:
    if not settings.get_store(db).manufacturer:
        settings.set_store(db, manufacturer=True)
    today = dt.date.today()
    caster, setter = _vendor(db, "cast"), _vendor(db, "setter") or _vendor(db, "bench")
    bench = _vendor(db, "bench") or setter
    halo, band = _designs(db, caster, setter)
    made: list[str] = []

    # open, a one-off: nothing done yet
    production.open_job(db, description="Re-cast estate filigree pendant for the showcase",
                        target_date=today + dt.timedelta(days=12))

    # in progress, a one-off with a certified center stone; overdue
    solitaire = production.open_job(db, description="14K white solitaire ring, size 6",
                                    target_date=today - dt.timedelta(days=2))
    center = inventory.receive_stones(
        db, description="1.02 ct round brilliant G VS1", count=1, carats=D("1.020"),
        cost=D("5304.00"), certificate="GIA 2141438171", stone_type="Diamond", shape="Round",
        color="G", clarity="VS1")
    jobs.add_material(db, solitaire.id, description="14K white casting grain (g)",
                      quantity="3.2", unit_cost="62.50", kind="metal")
    jobs.allocate_stones(db, solitaire.id, center.id, count=1)
    casting = jobs.add_stage(db, solitaire.id, name="Casting", vendor_id=caster, cost="45")
    setting = jobs.add_stage(db, solitaire.id, name="Setting", vendor_id=setter, cost="60",
                             due_date=today)
    jobs.add_stage(db, solitaire.id, name="Polish", vendor_id=bench, cost="20")
    jobs.complete_stage(db, casting.id)
    jobs.start_stage(db, setting.id)

    # in progress, a run of the halo design: cast, melee allocated, centers still to come
    halos = production.open_job(db, style_id=halo.id, quantity=6,
                                target_date=today + dt.timedelta(days=9))
    _finish_stages(db, halos, 1)
    _allocate_needs(db, halos, only_melee=True)

    # ready: a run of bands, every stage done and every stone allocated
    bands = production.open_job(db, style_id=band.id, quantity=4,
                                target_date=today + dt.timedelta(days=3))
    _allocate_needs(db, bands)
    _finish_stages(db, bands)

    # closed: a run of bands and a one-off, each with its StockIDs
    closed_run = production.open_job(db, style_id=band.id, quantity=3,
                                     target_date=today - dt.timedelta(days=20))
    _allocate_needs(db, closed_run)
    _finish_stages(db, closed_run)
    stock_ids = [i.stock_id for i in production.close_out(db, closed_run.id)]
    signet = production.open_job(db, description="18K yellow signet ring, size 9, for stock",
                                 target_date=today - dt.timedelta(days=30))
    jobs.add_material(db, signet.id, description="18K yellow casting grain (g)", quantity="9.8",
                      unit_cost="78.20", kind="metal")
    for name, vendor, cost in (("Casting", caster, "55"), ("Polish", bench, "25")):
        jobs.complete_stage(db, jobs.add_stage(db, signet.id, name=name, vendor_id=vendor,
                                               cost=cost).id)
    stock_ids += [i.stock_id for i in production.close_out(db, signet.id)]

    # cancelled: a run started and called off; its melee went back to the lot
    dropped = production.open_job(db, style_id=band.id, quantity=2,
                                  target_date=today + dt.timedelta(days=30))
    _allocate_needs(db, dropped)
    jobs.cancel_job(db, dropped.id, reason="design revised before casting")

    made.append(f"7 production jobs (open, in progress, ready, closed, cancelled; "
                f"StockIDs {', '.join(stock_ids)})")
    return made
