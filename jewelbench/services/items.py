"""Finished pieces (StockIDs): adding, looking up, editing, and their cost history.

An item's cost basis is always the sum of its cost entries; nothing here sets it directly.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from jewelbench.db import Database
from jewelbench.errors import InvalidState, NotFound, ValidationError
from jewelbench.models.inventory import Item
from jewelbench.models.styles import Style
from jewelbench.services import stock
from jewelbench.services.inventory_views import (
    CostEntryView,
    ItemView,
    cost_entry_views,
    item_views,
    load_item_view,
)
from jewelbench.services.numbering import advance_past
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import (
    clean_text,
    parse_choice,
    parse_id,
    parse_money,
    parse_optional_id,
    parse_optional_money,
)

SOURCES = ("manual", "purchase", "import")
# statuses a clerk may set by hand; sold and on_job are set by sales and jobs
MANUAL_STATUSES = ("in_stock", "memo_out", "scrapped")
_COST_KIND = {"manual": "initial", "purchase": "purchase", "import": "initial"}
_UNSET = object()


def parse_item_fields(*, description: object, cost: object, retail: object = None,
                      category: object = None, metal: object = None, style_id: object = None,
                      notes: object = None) -> dict:
    """Check what a clerk (or an import row) gives for a new item; no database needed."""
    return {
        "description": clean_text(description, "description", required=True),
        "cost": parse_money(cost, "cost"),
        "retail": parse_optional_money(retail, "retail"),
        "category": clean_text(category, "category", max_length=60),
        "metal": clean_text(metal, "metal", max_length=60),
        "style_id": parse_optional_id(style_id, "style_id"),
        "notes": clean_text(notes, "notes", max_length=4000),
    }


def insert_item(uow: UnitOfWork, fields: dict, *, source: str = "manual",
                stock_id: str | None = None, status: str = "in_stock") -> Item:
    """One new item with its opening cost entry; a new StockID unless one is brought in."""
    retail = fields["retail"]
    if fields["style_id"] is not None:
        style = uow.get(Style, fields["style_id"], what="style")
        if retail is None:
            retail = style.retail
    if stock_id is not None:
        if uow.session.scalar(select(Item.id).where(Item.stock_id == stock_id)):
            raise ValidationError("stock_id", f"StockID {stock_id} is already used")
        if stock_id.isdecimal():
            advance_past(uow.session, "stock_id", int(stock_id))
    [item] = stock.create_items(
        uow, description=fields["description"], costs=[fields["cost"]], source=source,
        cost_kind=_COST_KIND[source], style_id=fields["style_id"],
        category=fields["category"], metal=fields["metal"], retail=retail,
        stock_ids=None if stock_id is None else [stock_id])
    item.notes = fields["notes"]
    item.status = status
    return item


def add_item(db: Database, *, description: str, cost: Decimal, retail: Decimal | None = None,
             style_id: int | None = None, category: str | None = None,
             metal: str | None = None, notes: str | None = None,
             source: str = "manual") -> ItemView:
    """A new StockID. Retail defaults to the style's retail, else cost × the store markup."""
    fields = parse_item_fields(description=description, cost=cost, retail=retail,
                               category=category, metal=metal, style_id=style_id, notes=notes)
    source = parse_choice(source, "source", ("manual", "purchase"))
    with UnitOfWork(db) as uow:
        item = insert_item(uow, fields, source=source)
        uow.session.flush()
        view = load_item_view(uow.session, item)
        uow.commit()
        return view


def get_item(db: Database, item_id: int) -> ItemView:
    parse_id(item_id, "item_id")
    with UnitOfWork(db, readonly=True) as uow:
        return load_item_view(uow.session, uow.get(Item, item_id, what="item"))


def find_item(db: Database, stock_id: str) -> ItemView:
    """The item with this StockID (as scanned or typed), or NotFound naming stock_id."""
    code = clean_text(stock_id, "stock_id", required=True, max_length=20)
    with UnitOfWork(db, readonly=True) as uow:
        found = item_views(uow.session, select(Item).where(
            Item.stock_id.in_({code, code.upper()})).order_by(Item.id).limit(1))
    if not found:
        raise NotFound("item", code, "stock_id")
    return found[0]


def update_item(db: Database, item_id: int, *, description: object = _UNSET,
                category: object = _UNSET, metal: object = _UNSET, retail: object = _UNSET,
                notes: object = _UNSET, style_id: object = _UNSET,
                status: object = _UNSET) -> ItemView:
    """Change the describing fields of an item; the cost basis changes only by cost entries."""
    parse_id(item_id, "item_id")
    changes: dict[str, object] = {}
    if description is not _UNSET:
        changes["description"] = clean_text(description, "description", required=True)
    if category is not _UNSET:
        changes["category"] = clean_text(category, "category", max_length=60)
    if metal is not _UNSET:
        changes["metal"] = clean_text(metal, "metal", max_length=60)
    if retail is not _UNSET:
        changes["retail"] = parse_optional_money(retail, "retail")
    if notes is not _UNSET:
        changes["notes"] = clean_text(notes, "notes", max_length=4000)
    if style_id is not _UNSET:
        changes["style_id"] = parse_optional_id(style_id, "style_id")
    if status is not _UNSET:
        changes["status"] = parse_choice(status, "status", MANUAL_STATUSES)
    with UnitOfWork(db) as uow:
        item = uow.get(Item, item_id, what="item", lock=True)
        if changes.get("style_id") is not None:
            uow.get(Style, changes["style_id"], what="style")
        if "status" in changes and item.status not in MANUAL_STATUSES:
            raise InvalidState(f"Item {item.stock_id} is {item.status.replace('_', ' ')}; "
                               "its status changes with the sale or job")
        for key, value in changes.items():
            setattr(item, key, value)
        uow.session.flush()
        view = load_item_view(uow.session, item)
        uow.commit()
        return view


def adjust_item_cost(db: Database, item_id: int, *, amount: Decimal, note: str) -> ItemView:
    """A signed correction of the cost basis, kept as an ``adjust`` cost entry with a note."""
    parse_id(item_id, "item_id")
    change = parse_money(amount, "amount", allow_zero=False, allow_negative=True)
    why = clean_text(note, "note", required=True)
    with UnitOfWork(db) as uow:
        item = uow.get(Item, item_id, what="item", lock=True)
        if item.cost_basis + change < 0:
            raise ValidationError(
                "amount", f"would take the cost basis of {item.stock_id} below zero "
                f"(it is {item.cost_basis})")
        stock.add_cost_entry(uow, item, kind="adjust", amount=change, note=why)
        uow.session.flush()
        view = load_item_view(uow.session, item)
        uow.commit()
        return view


def item_cost_history(db: Database, item_id: int) -> list[CostEntryView]:
    """The cost entries of an item, oldest first, with the running total (the cost basis)."""
    parse_id(item_id, "item_id")
    with UnitOfWork(db, readonly=True) as uow:
        uow.get(Item, item_id, what="item")
        return cost_entry_views(uow.session, item_id)
