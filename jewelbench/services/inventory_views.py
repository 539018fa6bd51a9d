"""Frozen views of items, stone lots and their ledgers, and the queries that build them.

Views are plain values: the UI and scripts keep them as long as they like, with no session
behind them. List queries load related rows (an item's stones) for a whole page in one query.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from jewelbench.models.inventory import Item, ItemCostEntry, ItemStone, StoneLot, StoneMovement
from jewelbench.models.jobs import Job
from jewelbench.models.parties import Vendor
from jewelbench.models.styles import Style
from jewelbench.services.values import CENT


@dataclass(frozen=True)
class ItemStoneView:
    """Stones set into a piece from one lot (what is still set, after partial removals)."""

    id: int
    item_id: int
    lot_id: int
    lot_no: str
    lot_description: str
    count: int
    carats: Decimal
    cost: Decimal
    set_at: dt.datetime
    set_by: str


@dataclass(frozen=True)
class ItemView:
    id: int
    stock_id: str
    description: str
    category: str | None
    metal: str | None
    style_id: int | None
    style_no: str | None
    cost_basis: Decimal
    retail: Decimal | None
    status: str
    source: str
    source_job_id: int | None
    notes: str | None
    created_at: dt.datetime
    created_by: str
    stones: tuple[ItemStoneView, ...] = ()


@dataclass(frozen=True)
class CostEntryView:
    id: int
    item_id: int
    kind: str
    amount: Decimal
    job_id: int | None
    job_no: str | None
    note: str | None
    at: dt.datetime
    by: str
    running_total: Decimal


@dataclass(frozen=True)
class StoneLotView:
    id: int
    lot_no: str
    description: str
    stone_type: str | None
    shape: str | None
    size: str | None
    color: str | None
    clarity: str | None
    certificate: str | None
    pricing: str
    count_on_hand: int
    carats_on_hand: Decimal
    cost_on_hand: Decimal
    vendor_id: int | None
    vendor_name: str | None
    created_at: dt.datetime

    @property
    def unit_price(self) -> Decimal | None:
        """What one carat (per_carat) or one stone (per_piece) on hand costs, to the cent."""
        per = self.carats_on_hand if self.pricing == "per_carat" else self.count_on_hand
        return (self.cost_on_hand / per).quantize(CENT) if per else None


@dataclass(frozen=True)
class MovementView:
    id: int
    lot_id: int
    kind: str
    count: int
    carats: Decimal
    cost: Decimal
    job_id: int | None
    job_no: str | None
    item_id: int | None
    stock_id: str | None
    reason: str | None
    at: dt.datetime
    by: str


def lot_view(lot: StoneLot, vendor_name: str | None) -> StoneLotView:
    return StoneLotView(
        id=lot.id, lot_no=lot.lot_no, description=lot.description, stone_type=lot.stone_type,
        shape=lot.shape, size=lot.size, color=lot.color, clarity=lot.clarity,
        certificate=lot.certificate, pricing=lot.pricing, count_on_hand=lot.count_on_hand,
        carats_on_hand=lot.carats_on_hand, cost_on_hand=lot.cost_on_hand,
        vendor_id=lot.vendor_id, vendor_name=vendor_name, created_at=lot.created_at)


def load_lot_view(session: Session, lot: StoneLot) -> StoneLotView:
    vendor = session.get(Vendor, lot.vendor_id) if lot.vendor_id else None
    return lot_view(lot, vendor.name if vendor else None)


def lot_views(session: Session, stmt) -> list[StoneLotView]:
    """Run a select of StoneLot (optionally ordered/limited) and view each with its vendor."""
    stmt = stmt.add_columns(Vendor.name).outerjoin(Vendor, Vendor.id == StoneLot.vendor_id)
    return [lot_view(lot, vendor_name) for lot, vendor_name in session.execute(stmt)]


def _stones_by_item(session: Session, item_ids: list[int]) -> dict[int, list[ItemStoneView]]:
    found: dict[int, list[ItemStoneView]] = defaultdict(list)
    if not item_ids:
        return found
    stmt = (select(ItemStone, StoneLot.lot_no, StoneLot.description)
            .join(StoneLot, StoneLot.id == ItemStone.lot_id)
            .where(ItemStone.item_id.in_(item_ids), ItemStone.removed_at.is_(None))
            .order_by(ItemStone.item_id, ItemStone.id))
    for stone, lot_no, lot_description in session.execute(stmt):
        found[stone.item_id].append(ItemStoneView(
            id=stone.id, item_id=stone.item_id, lot_id=stone.lot_id, lot_no=lot_no,
            lot_description=lot_description, count=stone.count, carats=stone.carats,
            cost=stone.cost, set_at=stone.set_at, set_by=stone.set_by))
    return found


def item_stone_views(session: Session, item_id: int) -> tuple[ItemStoneView, ...]:
    return tuple(_stones_by_item(session, [item_id]).get(item_id, ()))


def item_views(session: Session, stmt) -> list[ItemView]:
    """Run a select of Item (filtered, ordered, limited by the caller) into views.

    The style number comes from a join and the stones of the whole page from one more query,
    so a page costs two queries however many rows it has.
    """
    stmt = stmt.add_columns(Style.style_no).outerjoin(Style, Style.id == Item.style_id)
    rows = session.execute(stmt).all()
    stones = _stones_by_item(session, [item.id for item, _ in rows])
    return [_item_view(item, style_no, tuple(stones.get(item.id, ()))) for item, style_no in rows]


def load_item_view(session: Session, item: Item) -> ItemView:
    style = session.get(Style, item.style_id) if item.style_id else None
    return _item_view(item, style.style_no if style else None,
                      item_stone_views(session, item.id))


def _item_view(item: Item, style_no: str | None, stones: tuple[ItemStoneView, ...]) -> ItemView:
    return ItemView(
        id=item.id, stock_id=item.stock_id, description=item.description,
        category=item.category, metal=item.metal, style_id=item.style_id, style_no=style_no,
        cost_basis=item.cost_basis, retail=item.retail, status=item.status, source=item.source,
        source_job_id=item.source_job_id, notes=item.notes, created_at=item.created_at,
        created_by=item.created_by, stones=stones)


def cost_entry_views(session: Session, item_id: int) -> list[CostEntryView]:
    stmt = (select(ItemCostEntry, Job.job_no)
            .outerjoin(Job, Job.id == ItemCostEntry.job_id)
            .where(ItemCostEntry.item_id == item_id)
            .order_by(ItemCostEntry.at, ItemCostEntry.id))
    views, total = [], Decimal("0.00")
    for entry, job_no in session.execute(stmt):
        total += entry.amount
        views.append(CostEntryView(
            id=entry.id, item_id=entry.item_id, kind=entry.kind, amount=entry.amount,
            job_id=entry.job_id, job_no=job_no, note=entry.note, at=entry.at, by=entry.by,
            running_total=total))
    return views


def movement_views(session: Session, lot_id: int) -> list[MovementView]:
    stmt = (select(StoneMovement, Job.job_no, Item.stock_id)
            .outerjoin(Job, Job.id == StoneMovement.job_id)
            .outerjoin(Item, Item.id == StoneMovement.item_id)
            .where(StoneMovement.lot_id == lot_id)
            .order_by(StoneMovement.at, StoneMovement.id))
    return [MovementView(
        id=m.id, lot_id=m.lot_id, kind=m.kind, count=m.count, carats=m.carats, cost=m.cost,
        job_id=m.job_id, job_no=job_no, item_id=m.item_id, stock_id=stock_id, reason=m.reason,
        at=m.at, by=m.by) for m, job_no, stock_id in session.execute(stmt)]
