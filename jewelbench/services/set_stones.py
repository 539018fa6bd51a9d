"""SetStones: stones set from a lot straight into a finished piece, with no bench job.

Setting takes the stones out of the lot at their exact cost and adds that cost to the item;
removing (all or part) puts back exactly what was taken and takes the cost off again.
Locks are taken item first, then lot, in every call, so two workstations cannot deadlock.
"""

from __future__ import annotations

from decimal import Decimal

from jewelbench.db import Database
from jewelbench.errors import InvalidState
from jewelbench.models.base import utcnow
from jewelbench.models.inventory import Item, ItemStone
from jewelbench.services import stock
from jewelbench.services.inventory_views import (
    ItemStoneView,
    ItemView,
    item_stone_views,
    load_item_view,
)
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import parse_count, parse_id, parse_optional_carats


def _ready_for_stones(item: Item) -> None:
    if item.status != "in_stock":
        raise InvalidState(f"Item {item.stock_id} is {item.status.replace('_', ' ')}; stones "
                           "can only be set into or taken out of a piece in stock")


def set_stones(db: Database, item_id: int, lot_id: int, count: int,
               carats: Decimal | None = None) -> ItemStoneView:
    """Set ``count`` stones from the lot into the item; without ``carats`` their weight is the
    lot's average (or, for the last stones, exactly what is left)."""
    parse_id(item_id, "item_id")
    parse_id(lot_id, "lot_id")
    count = parse_count(count, "count")
    weight = parse_optional_carats(carats, "carats")
    with UnitOfWork(db) as uow:
        item = uow.get(Item, item_id, what="item", lock=True)
        _ready_for_stones(item)
        lot = stock.lock_lot(uow, lot_id)
        taken = stock.take_stones(uow, lot, count=count, carats=weight, kind="set",
                                  item_id=item.id)
        row = ItemStone(item_id=item.id, lot_id=lot.id, count=taken.count, carats=taken.carats,
                        cost=taken.cost, set_by=uow.user)
        uow.session.add(row)
        stock.add_cost_entry(uow, item, kind="set_stones", amount=taken.cost,
                             note=f"{taken.count} stone(s), {taken.carats} ct from lot "
                             f"{lot.lot_no}")
        uow.session.flush()
        view = next(v for v in item_stone_views(uow.session, item.id) if v.id == row.id)
        uow.commit()
        return view


def remove_set_stones(db: Database, item_stone_id: int, count: int | None = None,
                      carats: Decimal | None = None) -> ItemView:
    """Take set stones out again, all of them (``count=None``) or some (3 of 20 melee).

    The lot gets back exactly its share of what was taken, and the item's cost basis goes
    down by the same amount; returns the item as it is afterwards.
    """
    parse_id(item_stone_id, "item_stone_id")
    wanted = None if count is None else parse_count(count, "count")
    weight = parse_optional_carats(carats, "carats")
    with UnitOfWork(db) as uow:
        row = uow.get(ItemStone, item_stone_id, what="set stones", field="item_stone_id")
        item = uow.get(Item, row.item_id, what="item", lock=True)
        # read again under the item's lock: another workstation may just have removed them
        uow.session.refresh(row, with_for_update=True)
        if row.removed_at is not None or row.count == 0:
            raise InvalidState("Those stones have already been taken out of the piece")
        _ready_for_stones(item)
        lot = stock.lock_lot(uow, row.lot_id)
        held = stock.Taken(row.count, row.carats, row.cost)
        back = stock.part_of(held, held.count if wanted is None else wanted, weight)
        stock.return_stones(uow, lot, back, kind="unset", item_id=item.id)
        row.count -= back.count
        row.carats -= back.carats
        row.cost -= back.cost
        if row.count == 0:
            row.removed_at = utcnow()
        stock.add_cost_entry(uow, item, kind="remove_stones", amount=-back.cost,
                             note=f"{back.count} stone(s), {back.carats} ct back to lot "
                             f"{lot.lot_no}")
        uow.session.flush()
        view = load_item_view(uow.session, item)
        uow.commit()
        return view


def item_stones(db: Database, item_id: int) -> list[ItemStoneView]:
    """The stones set in the item now (removed ones are in the lot's movements)."""
    parse_id(item_id, "item_id")
    with UnitOfWork(db, readonly=True) as uow:
        uow.get(Item, item_id, what="item")
        return list(item_stone_views(uow.session, item_id))
