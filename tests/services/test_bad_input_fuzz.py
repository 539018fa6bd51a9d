"""Rule 5 across the whole service API: junk in any argument is refused cleanly, or works.

Every public function of ``jewelbench.services`` that takes ``db`` first is found by
introspection and must appear in ``CALLS`` (good arguments for it, against a small realistic
shop) or in ``SKIP`` (with the reason). Each one is then called with junk put into one
argument at a time (also inside lists, tuples and mappings, and into the cells of CSV files).
Each call must either work or raise a ``JewelBenchError`` with a message (a
``ValidationError`` naming its field) that is not a database error in disguise, and a refused
call must change nothing: it may not commit a transaction that wrote anything, and when it
sent a change at all (then rolled back), a snapshot of every table taken around the same call
made again must not differ. After the junk, the good call must still work: the refusals left
the shop usable, and the junk really met a valid context.

A deterministic table rather than random examples: the same calls every run, on both
databases, and the run time stays predictable.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import inspect
import io
import itertools
import pkgutil
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import SQLAlchemyError

import jewelbench.services as services_package
from jewelbench.errors import JewelBenchError, ValidationError
from jewelbench.services import (
    custom_jobs,
    inventory,
    jobs,
    parties,
    photos,
    production,
    repairs,
    settings,
    styles,
)
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import parse_money
from tests.services.repair_fixtures import JPEG, PNG
from tests.services.snapshots import EVERY_TABLE, snapshot

# -- the junk

HUGE = "9" * 100_000
JUNK: tuple[object, ...] = (
    None, "", "   ", "abc", "NaN", "-NaN", "Infinity", "-1", "-0.01", "1e400", "-1e400",
    "1e-400", "2026-13-45", "2026-02-30", "1,2,3", "(5)", "a\x00b", "\ud800", "\u200b", "²",
    -1, 0, 2**31, 2**62, 2**63, 10**30, -10**30, 10**5000, 999_999,
    1.5, 0.1 + 0.2, float("nan"), float("inf"), -0.0,
    Decimal("NaN"), Decimal("sNaN"), Decimal("-Infinity"), Decimal("1E+30"),
    Decimal("1E-30"), Decimal("-0.001"), True, False,
    [], {}, (), set(), object(), b"abc", bytearray(b"\x89PNG"), dt.date(2026, 1, 1),
    dt.datetime(2026, 1, 1, 12, 0), dt.timedelta(days=1), HUGE,
    "9999999999.99", "999999.999", "12.345",
    # as long as each length limit a text field has: the column must hold what is accepted
    *("W" * n for n in (20, 40, 60, 80, 120, 200, 300, 2000, 4000)),
)
# junk put inside lists, tuples and mappings (a smaller set: the structure is the point there)
INNER_JUNK: tuple[object, ...] = (
    None, "", "abc", "NaN", "-1", "1e400", "2026-13-45", "a\x00b", -1, 0, 10**30, 2**63, 1.5,
    float("nan"), Decimal("sNaN"), True, [], {}, object(), b"abc", HUGE, 999_999, "W" * 201)

# tables whose ids a caller can pass; their ids (all of them) are tried in every id argument:
# records of the wrong kind, and of the right kind in the wrong module or state
ID_TABLES = ("customers", "vendors", "stone_lots", "items", "item_stones", "styles", "jobs",
             "job_stages", "stone_allocations", "job_materials", "job_stone_needs",
             "job_photos", "invoices", "payments")


def _is_id_param(name: str) -> bool:
    return name.endswith("_id") or name == "job_ids"


def variants(value: object, depth: int = 0) -> Iterator[object]:
    """Junk for an argument whose good value is ``value``, also inside its structure."""
    yield from JUNK if depth == 0 else INNER_JUNK
    if depth >= 2:
        return
    if isinstance(value, list) and value:
        for inner in variants(value[0], depth + 1):
            yield [inner, *value[1:]]
        yield [*value, object()]
    elif isinstance(value, tuple) and value:
        for index in range(len(value)):
            for inner in variants(value[index], depth + 1):
                yield (*value[:index], inner, *value[index + 1:])
        yield value[:-1]
        yield (*value, "extra")
    elif isinstance(value, dict):
        for key in value:
            for inner in variants(value[key], depth + 1):
                yield {**value, key: inner}
            yield {k: v for k, v in value.items() if k != key}
        yield {**value, "unknown_key": "x"}


# -- the shop


def _table_ids(db, tables) -> list[int]:
    with db.engine.connect() as conn:
        found = set()
        for table in tables:
            found.update(conn.execute(text(f"SELECT id FROM {table}")).scalars())
    return sorted(found)


@dataclass
class Shop:
    db: object
    ids: dict[str, int] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)
    spares: dict[str, int] = field(default_factory=dict)
    _numbers: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def __getattr__(self, name: str) -> int:
        try:
            return self.__dict__["ids"][name]
        except KeyError:
            raise AttributeError(name) from None

    def fresh(self, prefix: str) -> str:
        """A code no other call used (style numbers and certificates must be unique)."""
        return f"{prefix}{next(self._numbers):05d}"

    def spare(self, name: str) -> int:
        """A record a call may use up (close, cancel, remove); made again after any success."""
        if name not in self.spares:
            self.spares[name] = SPARES[name](self)
        return self.spares[name]


def _stage(db, job_id: int, name: str) -> int:
    return next(s.id for s in jobs.get_job(db, job_id).stages if s.name == name)


def build_shop(db) -> Shop:
    """A manufacturer with customers, vendors, stones, stock, designs and jobs of each module."""
    s = Shop(db)
    ids = s.ids
    settings.set_store(db, name="Harbor Lane Jewelers", manufacturer=True, tax_rate="8.25",
                       markup="2.2")
    ids["ann"] = parties.add_customer(db, name="Ann Lee", phone="(555) 123-4567",
                                      email="ann.lee@example.com").id
    ids["bob"] = parties.add_customer(db, name="Robert Okafor", phone="555 310 2211").id
    ids["caster"] = parties.add_vendor(db, name="Quality Casting Co.").id
    ids["bench"] = parties.add_vendor(db, name="Maria Alvarez", in_house=True).id
    melee = inventory.receive_stones(db, description="1.3 mm round melee", count=400,
                                     carats="3.600", cost="1800.00", stone_type="Diamond",
                                     shape="Round", vendor_id=s.caster)
    ids["melee"], s.codes["melee"] = melee.id, melee.lot_no
    ids["center"] = inventory.receive_stones(
        db, description="1.00 ct round brilliant", count=1, carats="1.000", cost="4200.00",
        certificate="GIA 2141438171").id
    ring = inventory.add_item(db, description="14K halo ring", cost="650.00", category="Ring")
    ids["ring"], s.codes["ring"] = ring.id, ring.stock_id
    ids["ring_stones"] = inventory.set_stones(db, ring.id, s.melee, count=10).id
    ids["pendant"] = inventory.add_item(db, description="Sapphire pendant", cost="300.00").id
    ids["scrapped"] = inventory.add_item(db, description="Scrapped band", cost="10.00").id
    inventory.update_item(db, s.scrapped, status="scrapped")
    style = styles.create_style(
        db, style_no="MD-100", name="Halo engagement ring", metal="14K white",
        category="Rings", retail="2400.00", image=PNG,
        bom=[{"kind": "material", "description": "14K white casting grain (g)",
              "quantity": "3.2", "unit_cost": "62.50"},
             {"kind": "stone", "description": "1.3 mm round melee", "quantity": "12",
              "unit_cost": "2.50"},
             {"kind": "labor", "description": "Casting", "quantity": "1",
              "unit_cost": "45.00", "vendor_id": s.caster},
             {"kind": "labor", "description": "Setting", "quantity": "1",
              "unit_cost": "60.00", "vendor_id": s.bench}],
        stages=["Casting", "Setting", {"name": "Polish", "vendor_id": s.bench,
                                       "cost": "10.00"}])
    ids["style"], s.codes["style"] = style.id, style.style_no
    ids["vendor_style"] = styles.create_style(db, style_no="STU-123908", name="Peg head",
                                              vendor_id=s.caster).id
    # a style-driven run of two, casting done, stones allocated, a material issued
    prod = production.open_job(db, style_id=s.style, quantity=2, target_date="2026-09-01")
    ids["prod"], s.codes["prod"] = prod.id, prod.job_no
    ids["need"] = prod.stone_needs[0].id
    ids["allocation"] = jobs.allocate_stones(db, s.prod, s.melee, count=24,
                                             need_id=s.need).id
    ids["cast_stage"] = _stage(db, s.prod, "Casting")
    jobs.complete_stage(db, s.cast_stage)
    ids["set_stage"] = _stage(db, s.prod, "Setting")
    ids["material"] = jobs.add_material(db, s.prod, description="Ring shank finding",
                                        unit_cost="4.25", quantity=2, kind="finding").id
    # a customer's repair with a stage and a photo, and an in-house one
    repair = repairs.open_repair(db, customer_id=s.ann, description="Retip four prongs",
                                 estimate="85.00", promised_date="2026-07-01",
                                 condition=["worn_prongs"], photos=[("ring.png", PNG)])
    ids["repair"] = repair.id
    ids["repair_stage"] = jobs.add_stage(db, s.repair, name="Retip", vendor_id=s.bench,
                                         cost="40.00").id
    ids["photo"] = photos.list_photos(db, s.repair)[0].id
    ids["inhouse"] = repairs.open_repair(db, item_id=s.pendant,
                                         description="Polish and rhodium").id
    # a custom job with a deposit, and one picked up with a balance still due
    ids["custom"] = custom_jobs.open_custom_job(db, s.ann, description="Sapphire ring",
                                                price="2400.00", target_date="2026-08-01").id
    ids["deposit"] = custom_jobs.take_deposit(db, s.custom, "500.00").payment.id
    ids["picked"] = custom_jobs.open_custom_job(db, s.bob, description="Engraved band",
                                                price="300.00").id
    invoice = custom_jobs.close_for_pickup(db, s.picked)
    ids["invoice"], s.codes["invoice"] = invoice.id, invoice.invoice_no
    # jobs in the wrong state for most things: one cancelled, one closed out
    ids["cancelled"] = repairs.open_repair(db, customer_id=s.bob, description="Resize").id
    jobs.cancel_job(db, s.cancelled, reason="changed her mind")
    ids["closed"] = production.open_job(db, description="Signet ring").id
    ids["made"] = production.close_out(db, s.closed)[0].id
    return s


def _spare_stage(s: Shop, done: bool = False) -> int:
    stage = jobs.add_stage(s.db, s.prod, name=s.fresh("Step "), cost="5.00")
    if done:
        jobs.complete_stage(s.db, stage.id)
    return stage.id


def _spare_inhouse_item(s: Shop) -> int:
    return inventory.add_item(s.db, description="Estate brooch", cost="120.00").id


def _job_to_cancel(s: Shop) -> int:
    job = production.open_job(s.db, description="Tennis bracelet")
    jobs.allocate_stones(s.db, job.id, s.melee, count=3)
    return job.id


SPARES: dict[str, Callable[[Shop], int]] = {
    "stage": _spare_stage,
    "done_stage": lambda s: _spare_stage(s, done=True),
    "allocation": lambda s: jobs.allocate_stones(s.db, s.prod, s.melee, count=4).id,
    "material": lambda s: jobs.add_material(s.db, s.prod, description="Jump ring",
                                            unit_cost="0.80", quantity=4).id,
    "photo": lambda s: photos.add_photo(s.db, s.repair, "sketch.jpg", JPEG).id,
    "set_stones": lambda s: inventory.set_stones(s.db, s.ring, s.spare("lot"), count=4).id,
    "item": _spare_inhouse_item,
    "repair": lambda s: repairs.open_repair(s.db, customer_id=s.bob, description="Solder chain",
                                            estimate="35.00").id,
    "inhouse_repair": lambda s: repairs.open_repair(
        s.db, item_id=_spare_inhouse_item(s), description="Re-polish").id,
    "custom": lambda s: custom_jobs.open_custom_job(s.db, s.bob, description="Pearl studs",
                                                    price="150.00").id,
    "ready_production": lambda s: production.open_job(s.db, description="Bangle").id,
    "job_to_cancel": _job_to_cancel,
    "lot": lambda s: inventory.receive_stones(s.db, description="Sapphire melee", count=30,
                                              carats="0.900", cost="270.00").id,
}


# -- good arguments for every function, in the order they are tried within a module
# (those that close, cancel or remove come last, or use spares, so the shop stays whole)

BOM = [{"kind": "material", "description": "Sterling casting grain (g)", "quantity": "4.5",
        "unit_cost": "1.20"},
       {"kind": "labor", "description": "Polish", "quantity": "0.5", "unit_cost": "40.00",
        "vendor_id": None}]
STAGES = ["Casting", {"name": "Polish", "vendor_id": None, "cost": "10.00"}]
TODAY = dt.date(2026, 6, 1)

CSV_FILES = {
    "items": "stock_id,description,category,metal,style_no,cost,retail,status,notes\n"
             ",Pearl studs,Earrings,14K,MD-100,120.00,300,in_stock,from the old system\n",
    "stone_lots": "lot_no,description,stone_type,shape,size,color,clarity,certificate,"
                  "pricing,count,carats,cost,vendor\n"
                  ",Round melee 1.3mm,Diamond,Round,1.3 mm,G,VS,,per carat,120,1.08,540.00,"
                  "Rio Diamonds\n",
    "customers": "name,phone,email,address,notes\n"
                 "Priya Raman,(555) 877-0042,priya@example.com,12 Elm St,prefers calls\n",
    "styles": "style_no,name,vendor,category,metal,retail,notes,line_kind,line_description,"
              "line_quantity,line_unit_cost,line_vendor\n"
              "HL-R101,Cathedral solitaire,,Ring,14K White,1295,,material,14K grain (g),3.2,"
              "38.55,\n"
              ",,,,,,,labor,Casting,1,18,Quality Casting Co.\n"
              ",,,,,,,stage,Setting,,60,Maria Alvarez\n",
}


def _csv(s: Shop, kind: str) -> str:
    data = CSV_FILES[kind]
    if kind == "styles":  # style numbers are unique, so each import brings a new one
        data = data.replace("HL-R101", s.fresh("HL-R"))
    return data


Args = Callable[[Shop], dict]


def only(*params: str) -> Callable[[Args], Args]:
    """Good arguments for a second way of calling a function: fuzz just these of them."""
    def mark(make: Args) -> Args:
        make.params = params
        return make
    return mark


CALLS: dict[str, list[Args]] = {
    # settings
    "settings.get_store": [lambda s: {}],
    "settings.set_store": [lambda s: dict(
        name="Harbor Lane Jewelers", manufacturer=True, tax_rate="8.25", currency="USD",
        markup="2.2", address="14 Harbor Lane", phone="(555) 201-4400")],
    # parties
    "parties.add_customer": [lambda s: dict(name="Zoe Field", phone="555 0100",
                                            email="zoe@example.com", address="1 Main St",
                                            notes="likes rose gold")],
    "parties.update_customer": [lambda s: dict(customer_id=s.ann, name="Ann Lee",
                                               phone="(555) 123-4567", email="ann@example.com",
                                               address="2 Elm St", notes="VIP")],
    "parties.get_customer": [lambda s: dict(customer_id=s.ann)],
    "parties.search_customers": [lambda s: dict(text="ann", limit=10)],
    "parties.add_vendor": [lambda s: dict(name="Rio Plating", in_house=False, phone="555 0199",
                                          email="rio@example.com", notes="plating")],
    "parties.update_vendor": [lambda s: dict(vendor_id=s.caster, name="Quality Casting Co.",
                                             in_house=False, phone="555 0101",
                                             email="qc@example.com", notes="24 h", active=True)],
    "parties.get_vendor": [lambda s: dict(vendor_id=s.caster)],
    "parties.list_vendors": [lambda s: dict(in_house=False, text="cast", include_inactive=True)],
    "parties.customer_history": [lambda s: dict(customer_id=s.ann)],
    "customer_history.customer_history": [lambda s: dict(customer_id=s.bob)],
    # stone lots
    "stone_lots.receive_stones": [
        lambda s: dict(description="2 mm round", count=10, carats="0.300", cost="150.00",
                       certificate=None, shape="Round", size="2 mm", color="G", clarity="VS",
                       stone_type="Diamond", pricing="per_carat", vendor_id=s.caster,
                       unit_price=None),
        only("cost", "unit_price", "pricing", "count", "carats", "certificate")(
            lambda s: dict(description="Tanzanite", count=1, carats="2.150", cost=None,
                           certificate=s.fresh("AGL "), pricing="per_carat",
                           unit_price="310.00"))],
    "stone_lots.get_stone_lot": [lambda s: dict(lot_id=s.melee)],
    "stone_lots.find_stone_lot": [lambda s: dict(lot_no=s.codes["melee"])],
    "stone_lots.list_stone_lots": [lambda s: dict(text="round", in_stock_only=True, offset=0,
                                                  limit=10, sort="lot_no", descending=True)],
    "stone_lots.search_stone_lots": [lambda s: dict(text="round", limit=10)],
    "stone_lots.lot_movements": [lambda s: dict(lot_id=s.melee)],
    "stone_lots.adjust_lot": [lambda s: dict(lot_id=s.spare("lot"), reason="recount",
                                             count=29, carats="0.870", cost="261.00")],
    "stone_lots.write_off_stones": [lambda s: dict(lot_id=s.spare("lot"), count=1,
                                                   reason="lost", carats="0.030")],
    # items
    "items.add_item": [lambda s: dict(description="Pearl studs", cost="120.00", retail="300",
                                      style_id=s.style, category="Earrings", metal="14K",
                                      notes="gift box", source="purchase")],
    "items.get_item": [lambda s: dict(item_id=s.ring)],
    "items.find_item": [lambda s: dict(stock_id=s.codes["ring"])],
    "items.update_item": [lambda s: dict(item_id=s.ring, description="14K halo ring",
                                         category="Ring", metal="14K", retail="1800.00",
                                         notes="window", style_id=s.style, status="in_stock")],
    "items.adjust_item_cost": [lambda s: dict(item_id=s.ring, amount="-5.00",
                                              note="casting refund")],
    "items.item_cost_history": [lambda s: dict(item_id=s.ring)],
    "item_search.search": [lambda s: dict(text="halo", limit=10, status="in_stock")],
    "item_search.list_items": [lambda s: dict(text="ring", status="in_stock", style_id=None,
                                              offset=0, limit=10, sort="cost_basis",
                                              descending=True)],
    "set_stones.item_stones": [lambda s: dict(item_id=s.ring)],
    "set_stones.set_stones": [lambda s: dict(item_id=s.ring, lot_id=s.spare("lot"), count=2,
                                             carats="0.060")],
    "set_stones.remove_set_stones": [
        lambda s: dict(item_stone_id=s.ring_stones, count=1, carats="0.009"),
        only("item_stone_id", "count", "carats")(
            lambda s: dict(item_stone_id=s.spare("set_stones"), count=None, carats=None))],
    # styles
    "styles.create_style": [lambda s: dict(
        style_no=s.fresh("MD-"), name="Bezel pendant", vendor_id=None, bom=BOM, stages=STAGES,
        category="Pendants", metal="Sterling", image=JPEG, retail="190.00", notes="best seller")],
    "styles.update_style": [lambda s: dict(
        style_id=s.style, style_no=s.codes["style"], name="Halo engagement ring",
        vendor_id=None, category="Rings", metal="14K white", retail="2400.00", notes="classic",
        image=PNG, active=True, bom=BOM, stages=STAGES)],
    "styles.get_style": [lambda s: dict(style_id=s.style)],
    "styles.get_style_image": [lambda s: dict(style_id=s.style)],
    "styles.list_styles": [lambda s: dict(scope="all", text="ring", offset=0, limit=10,
                                          sort="vendor", descending=False,
                                          include_inactive=True)],
    # the job machinery
    "jobs.get_job": [lambda s: dict(job_id=s.prod)],
    "jobs.find_job": [lambda s: dict(job_no=s.codes["prod"])],
    "jobs.job_history": [lambda s: dict(job_id=s.prod)],
    "jobs.set_job_status": [lambda s: dict(job_id=s.prod, status="in_progress",
                                           note="back on the bench")],
    "jobs.update_job": [lambda s: dict(job_id=s.prod, description="Halo rings, batch of 2",
                                       notes="rush for the show", due_date="2026-09-15",
                                       rush=True)],
    "jobs.add_stage": [lambda s: dict(job_id=s.prod, name="Polish", vendor_id=s.bench,
                                      cost="10.00", due_date="2026-09-10", notes="high shine")],
    "jobs.update_stage": [lambda s: dict(stage_id=s.set_stage, name="Setting",
                                         vendor_id=s.bench, cost="120.00",
                                         due_date="2026-09-05", notes="12 melee per piece")],
    "jobs.move_stage": [lambda s: dict(stage_id=s.set_stage, position=1)],
    "jobs.allocate_stones": [
        lambda s: dict(job_id=s.prod, lot_id=s.melee, count=2, carats="0.018", need_id=s.need),
        only("job_id", "need_id", "carats")(
            lambda s: dict(job_id=s.repair, lot_id=s.melee, count=1, carats=None, need_id=None))],
    "jobs.add_material": [lambda s: dict(job_id=s.prod, description="14K casting grain (g)",
                                         unit_cost="62.50", quantity="3.2", kind="metal")],
    "jobs.start_stage": [lambda s: dict(stage_id=s.spare("stage"))],
    "jobs.complete_stage": [lambda s: dict(stage_id=s.spare("stage"))],
    "jobs.reopen_stage": [lambda s: dict(stage_id=s.spare("done_stage"))],
    "jobs.remove_stage": [lambda s: dict(stage_id=s.spare("stage"))],
    "jobs.release_allocation": [
        lambda s: dict(allocation_id=s.allocation, count=1, carats="0.009"),
        only("allocation_id", "count", "carats")(
            lambda s: dict(allocation_id=s.spare("allocation"), count=None, carats=None))],
    "jobs.remove_material": [lambda s: dict(material_id=s.spare("material"))],
    "jobs.cancel_job": [lambda s: dict(job_id=s.spare("job_to_cancel"), reason="no longer")],
    # lists and the monitor
    "job_lists.list_jobs": [lambda s: dict(
        module="production", statuses=("open", "in_progress"), text="halo",
        customer_id=None, due="week", sort="cost", descending=True, offset=0, limit=10,
        today=TODAY)],
    "job_lists.count_jobs": [lambda s: dict(module="repair", statuses=("open",), text="retip",
                                            customer_id=s.ann, due="overdue", today=TODAY)],
    "monitor.queue": [lambda s: dict(today=TODAY, limit=50)],
    # production
    "production.list_designs": [lambda s: dict(text="halo", limit=10)],
    "production.open_job": [
        lambda s: dict(description="Signet ring", style_id=None, quantity=1,
                       target_date="2026-09-01"),
        only("style_id", "quantity", "description")(
            lambda s: dict(description=None, style_id=s.style, quantity=3,
                           target_date=dt.date(2026, 9, 1)))],
    "production.close_out_preview": [lambda s: dict(job_id=s.prod)],
    "production.job_items": [lambda s: dict(job_id=s.closed, limit=10)],
    "production.close_out": [lambda s: dict(job_id=s.spare("ready_production"))],
    # photos, repairs, custom jobs, invoices, payments
    "photos.add_photo": [lambda s: dict(job_id=s.repair, filename="before.png", data=PNG,
                                        mime_type="image/png", caption="on arrival")],
    "photos.list_photos": [lambda s: dict(job_id=s.repair)],
    "photos.get_photo": [lambda s: dict(photo_id=s.photo)],
    "photos.remove_photo": [lambda s: dict(photo_id=s.spare("photo"))],
    "repairs.open_repair": [
        lambda s: dict(customer_id=s.ann, item_id=None, description="Retip four prongs",
                       promised_date="2026-07-01", estimate="85.00", piece_type="Ring",
                       metal="14K", size="6.5", condition=["worn_prongs", "Scratches"],
                       condition_notes="small chip", work_requested="retip and polish",
                       rush=False, notes="call when ready", photos=[("ring.png", PNG)]),
        only("customer_id", "item_id", "estimate")(
            lambda s: dict(customer_id=None, item_id=s.spare("item"), description="Re-polish"))],
    "repairs.get_repair": [lambda s: dict(job_id=s.repair)],
    "repairs.pickup_charges": [lambda s: dict(job_id=s.repair, price="95.00")],
    "repairs.close_for_pickup": [lambda s: dict(job_id=s.spare("repair"), price="40.00",
                                                payments=[("20.00", "cash"),
                                                          {"amount": "1.00", "method": "card"}])],
    "repairs.roll_onto_item": [lambda s: dict(job_id=s.spare("inhouse_repair"))],
    "custom_jobs.open_custom_job": [lambda s: dict(
        customer_id=s.ann, description="Custom sapphire ring", price="2400.00",
        target_date="2026-08-01", design_notes="oval 8x6", rush=False,
        photos=[("sketch.jpg", JPEG, "image/jpeg")])],
    "custom_jobs.get_custom_job": [lambda s: dict(job_id=s.custom)],
    "custom_jobs.pickup_charges": [lambda s: dict(job_id=s.custom)],
    "custom_jobs.take_deposit": [lambda s: dict(job_id=s.custom, amount="1.00", method="card")],
    "custom_jobs.update_quote": [lambda s: dict(job_id=s.custom, price="2500.00",
                                                design_notes="oval 9x7")],
    "custom_jobs.close_for_pickup": [lambda s: dict(job_id=s.spare("custom"),
                                                    payments=[("10.00", "cash")])],
    "invoices.get_invoice": [lambda s: dict(invoice_id=s.invoice)],
    "invoices.find_invoice": [lambda s: dict(invoice_no=s.codes["invoice"])],
    "invoices.invoice_for_job": [lambda s: dict(job_id=s.picked)],
    "invoices.take_payment": [lambda s: dict(invoice_id=s.invoice, amount="1.00",
                                             method="check")],
    "payments.deposits_by_job": [lambda s: dict(job_ids=[s.custom, s.picked])],
    # printing
    "tickets.job_ticket_pdf": [lambda s: dict(job_id=s.repair)],
    "receipts.invoice_pdf": [lambda s: dict(invoice_id=s.invoice)],
    "receipts.receipt_pdf": [lambda s: dict(payment_id=s.deposit)],
    "receipts.receipt_id": [lambda s: dict(receipt_no="RC-000001")],
    # CSV import and export
    "csv_io.preview_import": [lambda s, kind=kind: dict(kind=kind, data=_csv(s, kind))
                              for kind in CSV_FILES],
    "csv_io.commit_import": [lambda s, kind=kind: dict(kind=kind, data=_csv(s, kind))
                             for kind in CSV_FILES],
    "csv_io.export_csv": [lambda s: dict(kind="styles")],
    "csv_io.write_csv": [lambda s: dict(kind="items", out=io.StringIO())],
}

# what a spreadsheet cell can hold that it should not (a CSV file is input like any other)
CELL_JUNK = ("", "   ", "abc", "NaN", "-1", "0", "1e400", "2026-13-45", "(5)", "a\x00b",
             "\ud800", "²", "999999", "9223372036854775808", "12.345", "sold", "on_job",
             "L-2147483647", "MD-100", HUGE, "W" * 4001)


def csv_cell_variants(data: str) -> Iterator[str]:
    """The file with junk in one cell at a time (every cell of every row), and the header."""
    header, *body = list(csv.reader(io.StringIO(data)))

    def written(rows) -> str:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        return out.getvalue()

    for row_index, row in enumerate(body):
        for column in range(len(header)):
            for junk in CELL_JUNK:
                changed = [*row[:column], junk, *row[column + 1:]]
                yield written([header, *body[:row_index], changed, *body[row_index + 1:]])
    for column in range(len(header)):
        yield written([[*header[:column], "\ud800", *header[column + 1:]], *body])
        yield written([header[:column] + header[column + 1:], *body])
    yield written([header, *(row + ["extra"] for row in body)])
    yield written([header, *(row[:-3] for row in body)])
    yield data.encode("utf-16")
    yield data.encode("cp1252", errors="replace") + b"\xff\xfe\x00"
    yield data.replace(",", "\t").replace("\n", "\r")
    yield data + '"unclosed quote\n'


# more junk for some arguments, made from their good value: param → values
# (a preview checks the rows exactly as a commit does before it writes them)
EXTRA: dict[str, Callable[[dict], dict[str, Iterator[object]]]] = {
    "csv_io.commit_import": lambda good: {"data": csv_cell_variants(good["data"])},
}

SKIP = {
    "demo.fill": "loads the whole demo shop; its one argument is the command line's --force",
    "demo_inventory.fill_inventory": "part of the demo loader; takes nothing but db",
    "demo_production.fill_production": "part of the demo loader; takes nothing but db",
    "demo_repairs.fill_repairs_and_custom": "part of the demo loader; takes nothing but db",
}


def service_functions() -> dict[str, Callable]:
    """``module.function`` → function, for every public service function taking db first."""
    found = {}
    for info in pkgutil.iter_modules(services_package.__path__):
        module = importlib.import_module(f"{services_package.__name__}.{info.name}")
        for name, fn in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(fn):
                continue
            if fn.__module__ != module.__name__:  # re-exported: fuzzed where it is defined
                continue
            params = list(inspect.signature(fn).parameters)
            if params and params[0] == "db":
                found[f"{info.name}.{name}"] = fn
    return found


FUNCTIONS = service_functions()
# one shop per area; within an area the modules whose calls close or cancel things come last
AREAS = {
    "settings_parties": ("settings", "parties", "customer_history"),
    "inventory": ("stone_lots", "items", "item_search", "set_stones"),
    "styles_production": ("styles", "production"),
    "jobs": ("job_lists", "monitor", "tickets", "jobs"),
    "repairs": ("photos", "repairs"),
    "custom_jobs_money": ("invoices", "payments", "receipts", "custom_jobs"),
    "csv": ("csv_io",),
}


def test_every_service_function_is_fuzzed_or_skipped_for_a_reason():
    assert sorted(m for modules in AREAS.values() for m in modules) == sorted(
        {name.split(".")[0] for name in CALLS})
    assert set(CALLS).isdisjoint(SKIP)
    assert set(FUNCTIONS) == set(CALLS) | set(SKIP), (
        "add new service functions to CALLS (or to SKIP, with the reason): "
        f"missing {sorted(set(FUNCTIONS) - set(CALLS) - set(SKIP))}, "
        f"gone {sorted((set(CALLS) | set(SKIP)) - set(FUNCTIONS))}")


# -- watching the database


_WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|MERGE|CREATE|DROP|ALTER|TRUNCATE)\b",
                    re.IGNORECASE)

class WriteProbe:
    """Sees every statement the services send: whether a call sent one that can change a row
    (``wrote``), and whether a transaction holding such a statement was committed."""

    def __init__(self, db):
        self.wrote = self.committed = False
        event.listen(db.engine, "before_cursor_execute", self._statement)
        event.listen(db.engine, "commit", self._commit)
        event.listen(db.engine, "rollback", self._rollback)

    def reset(self) -> None:
        self.wrote = self.committed = False

    def _statement(self, conn, _cursor, statement, *_args) -> None:
        if _WRITE.match(statement):
            self.wrote = True
            conn.info["fuzz_wrote"] = True

    def _commit(self, conn) -> None:
        if conn.info.pop("fuzz_wrote", False):
            self.committed = True

    def _rollback(self, conn) -> None:
        conn.info.pop("fuzz_wrote", None)


def _short(value: object) -> str:
    try:
        text_ = repr(value)
    except ValueError:  # an int too long to print (10**5000)
        text_ = f"<int of {value.bit_length()} bits>"
    return text_ if len(text_) <= 70 else text_[:67] + "..."


def _database_error(exc: BaseException) -> bool:
    seen = exc.__cause__ or exc.__context__
    while seen is not None:
        if isinstance(seen, SQLAlchemyError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class Fuzzer:
    """Calls one function many times with junk and records every way rule 5 is broken."""

    def __init__(self, shop: Shop):
        self.shop = shop
        self.db = shop.db
        self.probe = WriteProbe(shop.db)
        # the shop's own ids, fixed now: records made by the junk calls do not add more
        self.ids = _table_ids(shop.db, ID_TABLES)
        self.calls = 0
        self.failures: dict[tuple, str] = {}

    def _fail(self, name: str, param: str, junk: object, problem: str) -> None:
        self.failures.setdefault((name, param, problem.split(":")[0]),
                                 f"{name}({param}={_short(junk)}): {problem}")

    def _call(self, fn: Callable, kwargs: dict) -> BaseException | None:
        self.probe.reset()
        try:
            fn(self.db, **kwargs)
        except Exception as exc:  # sorted out by the caller
            return exc
        return None

    def attempt(self, name: str, fn: Callable, make: Args, param: str, junk: object) -> None:
        kwargs = {**make(self.shop), param: junk}
        self.calls += 1
        exc = self._call(fn, kwargs)
        if exc is None:
            if self.probe.wrote:
                self.shop.spares.clear()  # the call may have used one up
            return
        if not isinstance(exc, JewelBenchError):  # the bug this test hunts
            first = (str(exc).strip().splitlines() or [""])[0][:160]
            self._fail(name, param, junk, f"{type(exc).__module__}.{type(exc).__name__}: {first}")
            return
        if isinstance(exc, ValidationError) and not (isinstance(exc.field, str)
                                                     and exc.field.strip()):
            self._fail(name, param, junk, f"ValidationError without a field: {exc}")
        if not str(exc).strip():
            self._fail(name, param, junk, f"{type(exc).__name__} without a message")
        if _database_error(exc):
            self._fail(name, param, junk, f"{type(exc).__name__} from a database error: {exc}")
        if self.probe.committed:
            self._fail(name, param, junk, f"refused ({exc}) after committing a change")
        elif self.probe.wrote:
            # It sent changes and (we saw) rolled them back. Prove it on the rows: the same
            # call again, between two snapshots of every table. (A call that sent no change
            # cannot have made one, so only these need the snapshots, which keeps it fast.)
            before = snapshot(self.db, EVERY_TABLE)
            again = self._call(fn, kwargs)
            if not isinstance(again, JewelBenchError):
                self._fail(name, param, junk, f"refused once ({exc}), then {again!r}")
            elif snapshot(self.db, EVERY_TABLE) != before:
                self._fail(name, param, junk, f"refused ({exc}) but the database changed")

    def fuzz(self, name: str, fn: Callable, make: Args) -> None:
        params = getattr(make, "params", None) or [
            p for p in inspect.signature(fn).parameters if p != "db"]
        for param in params:
            good_args = make(self.shop)
            good = good_args.get(param)
            junk = list(variants(good))
            if _is_id_param(param):
                junk += [i for i in self.ids if i != good]
            if name in EXTRA:
                junk += list(EXTRA[name](good_args).get(param, ()))
            for value in junk:
                self.attempt(name, fn, make, param, value)
        # the good call still works after all that junk
        kwargs = make(self.shop)
        exc = self._call(fn, kwargs)
        if exc is not None:
            self._fail(name, "<good arguments>", kwargs,
                       f"the good call failed after the junk: {type(exc).__name__}: {exc}")
        self.shop.spares.clear()


@pytest.mark.parametrize("area", AREAS)
def test_junk_arguments_are_refused_cleanly_and_change_nothing(db, area):
    fuzzer = Fuzzer(build_shop(db))
    for module in AREAS[area]:
        for name, makers in CALLS.items():
            if name.split(".")[0] == module:
                for make in makers:
                    fuzzer.fuzz(name, FUNCTIONS[name], make)
    assert fuzzer.calls > 0
    if fuzzer.failures:
        pytest.fail(f"{len(fuzzer.failures)} bad-input bug(s):\n"
                    + "\n".join(sorted(fuzzer.failures.values())), pytrace=False)


# -- the fuzzer itself: each way of breaking rule 5 is caught


def _leaky(db, name: object = "ok") -> None:
    """Saves a change, then refuses: the change stays."""
    parties.add_customer(db, name="Leaky Lee")
    if name != "ok":
        raise ValidationError("name", "refused after saving")


def _crashing(db, amount: object = "1") -> Decimal:
    return Decimal(amount)  # InvalidOperation, TypeError...


def _fieldless(db, amount: object = "1") -> None:
    if amount != "1":
        raise ValidationError("", "a refusal that names no field")


def _disguised(db, name: object = "ok") -> None:
    """Bad input left to the database, whose error comes out as InvalidState."""
    if name != "ok":
        with UnitOfWork(db) as uow:
            uow.session.execute(text("INSERT INTO counters (name, next_value) VALUES (NULL, 1)"))


def _clean(db, amount: object = "1") -> None:
    parse_money(amount, "amount")


def test_the_fuzzer_catches_each_way_of_breaking_the_rule(db):
    fuzzer = Fuzzer(Shop(db))
    for fn in (_leaky, _crashing, _fieldless, _disguised, _clean):
        fuzzer.fuzz(fn.__name__, fn, lambda s: {})
    found = {(name, problem.split(" ")[0]) for name, _param, problem in fuzzer.failures}
    assert ("_leaky", "refused") in found  # ... after committing a change
    assert ("_crashing", "decimal.InvalidOperation") in found
    assert ("_crashing", "builtins.TypeError") in found
    assert ("_fieldless", "ValidationError") in found  # ... without a field
    assert ("_disguised", "InvalidState") in found  # ... from a database error
    assert not any(name == "_clean" for name, _ in found)
