"""Loose stones: receiving lots, looking them up, correcting and writing them off.

A certified stone is a lot of one with its certificate number; melee is a parcel counted in
pieces and carats. Every change goes through a movement row (see ``services.stock``), so a
lot's on-hand figures always equal the sum of its movements.
"""

from __future__ import annotations

import re
from decimal import Decimal

from sqlalchemy import func, or_, select

from jewelbench.db import Database
from jewelbench.errors import NotFound, ValidationError
from jewelbench.models.inventory import StoneLot, StoneMovement
from jewelbench.models.parties import Vendor
from jewelbench.services import stock
from jewelbench.services.inventory_views import (
    MovementView,
    StoneLotView,
    load_lot_view,
    lot_views,
    movement_views,
)
from jewelbench.services.numbering import advance_past, take_codes
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import (
    CENT,
    clean_text,
    parse_carats,
    parse_choice,
    parse_count,
    parse_id,
    parse_money,
    parse_optional_carats,
    parse_optional_id,
    parse_optional_money,
)

PRICINGS = ("per_carat", "per_piece")
LOT_SORTS = {
    "lot_no": StoneLot.lot_no, "description": StoneLot.description,
    "stone_type": StoneLot.stone_type, "shape": StoneLot.shape, "size": StoneLot.size,
    "color": StoneLot.color, "clarity": StoneLot.clarity, "certificate": StoneLot.certificate,
    "count_on_hand": StoneLot.count_on_hand, "carats_on_hand": StoneLot.carats_on_hand,
    "cost_on_hand": StoneLot.cost_on_hand, "created_at": StoneLot.created_at,
}
_TEXT_FIELDS = (StoneLot.lot_no, StoneLot.description, StoneLot.certificate,
                StoneLot.stone_type, StoneLot.shape, StoneLot.size, StoneLot.color,
                StoneLot.clarity)
_UNSET = object()
OUR_LOT_NO = re.compile(r"L-(\d+)")


def parse_lot_fields(*, description: object, count: object, carats: object,
                     cost: object = None, unit_price: object = None,
                     certificate: object = None, shape: object = None, size: object = None,
                     color: object = None, clarity: object = None, stone_type: object = None,
                     pricing: object = "per_carat", vendor_id: object = None) -> dict:
    """Check what a clerk (or an import row) gives for a new lot; no database needed.

    The lot's total ``cost`` may instead be given as a ``unit_price`` per carat or per piece.
    """
    fields = {
        "description": clean_text(description, "description", required=True),
        "count": parse_count(count, "count"),
        "carats": parse_carats(carats, "carats"),
        "certificate": clean_text(certificate, "certificate", max_length=60),
        "shape": clean_text(shape, "shape", max_length=40),
        "size": clean_text(size, "size", max_length=40),
        "color": clean_text(color, "color", max_length=20),
        "clarity": clean_text(clarity, "clarity", max_length=20),
        "stone_type": clean_text(stone_type, "stone_type", max_length=40),
        "pricing": parse_choice(pricing or "per_carat", "pricing", PRICINGS),
        "vendor_id": parse_optional_id(vendor_id, "vendor_id"),
    }
    total = parse_optional_money(cost, "cost")
    price = parse_optional_money(unit_price, "unit_price")
    if total is None and price is None:
        raise ValidationError("cost", "the lot's total cost (or a unit price) is required")
    if total is not None and price is not None:
        raise ValidationError("unit_price", "give the total cost or a unit price, not both")
    if total is None:
        per = fields["carats"] if fields["pricing"] == "per_carat" else fields["count"]
        total = parse_money(price * per, "cost")
    fields["cost"] = total
    if fields["certificate"] and fields["count"] != 1:
        raise ValidationError("count", "a certified stone is a lot of one")
    if fields["pricing"] == "per_carat" and fields["carats"] == 0 and total > 0:
        raise ValidationError("carats", "a lot priced per carat needs its weight")
    return fields


def insert_lot(uow: UnitOfWork, fields: dict, *, lot_no: str | None = None,
               reason: str | None = None) -> StoneLot:
    """Create the lot (empty) and receive its stones as the first movement."""
    if fields["vendor_id"] is not None:
        uow.get(Vendor, fields["vendor_id"], what="vendor")
    if fields["certificate"]:
        clash = uow.session.scalar(select(StoneLot.lot_no).where(
            func.lower(StoneLot.certificate) == fields["certificate"].lower()))
        if clash:
            raise ValidationError(
                "certificate", f"certificate {fields['certificate']} is already lot {clash}")
    if lot_no is None:
        lot_no = take_codes(uow.session, "lot")[0]
    else:
        if uow.session.scalar(select(StoneLot.id).where(StoneLot.lot_no == lot_no)):
            raise ValidationError("lot_no", f"lot number {lot_no} is already used")
        ours = OUR_LOT_NO.fullmatch(lot_no)
        if ours:  # a number in our own format, brought in: never hand it out again
            advance_past(uow.session, "lot", int(ours.group(1)))
    lot = StoneLot(lot_no=lot_no, created_by=uow.user, count_on_hand=0,
                   carats_on_hand=Decimal("0.000"), cost_on_hand=Decimal("0.00"),
                   **{k: v for k, v in fields.items() if k not in ("count", "carats", "cost")})
    uow.session.add(lot)
    uow.session.flush()
    stock.return_stones(uow, lot, stock.Taken(fields["count"], fields["carats"], fields["cost"]),
                        kind="receive", reason=reason)
    return lot


def receive_stones(db: Database, *, description: str, count: int, carats: Decimal,
                   cost: Decimal | None = None, certificate: str | None = None,
                   shape: str | None = None, size: str | None = None, color: str | None = None,
                   clarity: str | None = None, stone_type: str | None = None,
                   pricing: str = "per_carat", vendor_id: int | None = None,
                   unit_price: Decimal | None = None) -> StoneLotView:
    """A new lot; ``cost`` is the lot's total cost (or give ``unit_price`` per carat/piece)."""
    fields = parse_lot_fields(
        description=description, count=count, carats=carats, cost=cost, unit_price=unit_price,
        certificate=certificate, shape=shape, size=size, color=color, clarity=clarity,
        stone_type=stone_type, pricing=pricing, vendor_id=vendor_id)
    with UnitOfWork(db) as uow:
        lot = insert_lot(uow, fields)
        uow.session.flush()
        view = load_lot_view(uow.session, lot)
        uow.commit()
        return view


def get_stone_lot(db: Database, lot_id: int) -> StoneLotView:
    parse_id(lot_id, "lot_id")
    with UnitOfWork(db, readonly=True) as uow:
        lot = uow.get(StoneLot, lot_id, what="stone lot", field="lot_id")
        return load_lot_view(uow.session, lot)


def find_stone_lot(db: Database, lot_no: str) -> StoneLotView:
    """The lot with this number (as printed on the parcel), or NotFound."""
    code = clean_text(lot_no, "lot_no", required=True, max_length=20)
    with UnitOfWork(db, readonly=True) as uow:
        found = lot_views(uow.session, select(StoneLot).where(
            func.upper(StoneLot.lot_no) == code.upper()))
    if not found:
        raise NotFound("stone lot", code, "lot_no")
    return found[0]


def list_stone_lots(db: Database, *, text: str | None = None, in_stock_only: bool = False,
                    offset: int = 0, limit: int = 200, sort: str = "lot_no",
                    descending: bool = False) -> list[StoneLotView]:
    """A page of lots; each word of ``text`` must appear in the number, description,
    certificate, type, shape, size, colour or clarity."""
    offset = parse_count(offset, "offset", allow_zero=True)
    limit = parse_count(limit, "limit", maximum=10_000)
    column = LOT_SORTS.get(parse_choice(sort, "sort", tuple(LOT_SORTS)))
    stmt = select(StoneLot)
    for word in (clean_text(text, "text") or "").lower().split():
        like = f"%{_escape_like(word)}%"
        stmt = stmt.where(or_(*(func.lower(c).like(like, escape="\\") for c in _TEXT_FIELDS)))
    if in_stock_only:
        stmt = stmt.where(StoneLot.count_on_hand > 0)
    order = column.desc() if descending else column.asc()
    tie = StoneLot.id.desc() if descending else StoneLot.id.asc()
    stmt = stmt.order_by(order, tie).offset(offset).limit(limit)
    with UnitOfWork(db, readonly=True) as uow:
        return lot_views(uow.session, stmt)


def search_stone_lots(db: Database, text: str, limit: int = 50) -> list[StoneLotView]:
    """Lots in stock matching the words of ``text`` (for picking stones to set or allocate)."""
    return list_stone_lots(db, text=text, in_stock_only=True, limit=limit)


def lot_movements(db: Database, lot_id: int) -> list[MovementView]:
    """Every movement of the lot, oldest first: what on hand is the sum of."""
    parse_id(lot_id, "lot_id")
    with UnitOfWork(db, readonly=True) as uow:
        uow.get(StoneLot, lot_id, what="stone lot", field="lot_id")
        return movement_views(uow.session, lot_id)


def adjust_lot(db: Database, lot_id: int, *, reason: str, count: object = _UNSET,
               carats: object = _UNSET, cost: object = _UNSET) -> StoneLotView:
    """Correct a lot's on-hand figures to what was recounted, reweighed or re-invoiced.

    Give the new on-hand value of any of count, carats and cost; the others stay. The
    difference is recorded as an ``adjust`` movement with the reason. To take stones out at
    their cost (lost, broken), use ``write_off_stones``.
    """
    parse_id(lot_id, "lot_id")
    why = clean_text(reason, "reason", required=True)
    new: dict[str, object] = {}
    if count is not _UNSET:
        new["count"] = parse_count(count, "count", allow_zero=True)
    if carats is not _UNSET:
        new["carats"] = parse_carats(carats, "carats")
    if cost is not _UNSET:
        new["cost"] = parse_money(cost, "cost")
    if not new:
        raise ValidationError("count", "give the new count, carats or cost")
    with UnitOfWork(db) as uow:
        lot = stock.lock_lot(uow, lot_id)
        target = (new.get("count", lot.count_on_hand), new.get("carats", lot.carats_on_hand),
                  new.get("cost", lot.cost_on_hand))
        if target[0] == 0 and (target[1] or target[2]):
            raise ValidationError("count", "a lot with no stones cannot keep carats or cost; "
                                  "write the stones off instead")
        delta = (target[0] - lot.count_on_hand, target[1] - lot.carats_on_hand,
                 (target[2] - lot.cost_on_hand).quantize(CENT))
        if delta == (0, 0, 0):
            raise ValidationError("count", "those are the figures on hand already")
        lot.count_on_hand, lot.carats_on_hand, lot.cost_on_hand = target
        uow.session.add(StoneMovement(lot_id=lot.id, kind="adjust", count=delta[0],
                                      carats=delta[1], cost=delta[2], reason=why, by=uow.user))
        uow.session.flush()
        view = load_lot_view(uow.session, lot)
        uow.commit()
        return view


def write_off_stones(db: Database, lot_id: int, *, count: int, reason: str,
                     carats: Decimal | None = None) -> StoneLotView:
    """Take stones out of a lot for good (lost, broken) at exactly their share of the cost."""
    parse_id(lot_id, "lot_id")
    count = parse_count(count, "count")
    weight = parse_optional_carats(carats, "carats")
    why = clean_text(reason, "reason", required=True)
    with UnitOfWork(db) as uow:
        lot = stock.lock_lot(uow, lot_id)
        stock.take_stones(uow, lot, count=count, carats=weight, kind="adjust", reason=why)
        uow.session.flush()
        view = load_lot_view(uow.session, lot)
        uow.commit()
        return view


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def estimate_lot_cost(*, pricing: str, count: object, carats: object,
                      unit_price: object) -> Decimal | None:
    """The total a unit price comes to, as it is being typed; None while it is incomplete.

    For the receive-stones dialog; ``receive_stones`` works it out the same way for real.
    """
    try:
        fields = parse_lot_fields(description="-", count=count, carats=carats,
                                  unit_price=unit_price, pricing=pricing)
    except ValidationError:
        return None
    return fields["cost"]
