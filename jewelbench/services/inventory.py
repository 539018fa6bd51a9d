"""The Inventory service API in one place (the names DESIGN.md promises).

The work is done in small modules, imported here so callers need only ``services.inventory``:
``stone_lots`` (loose stones), ``items`` (StockIDs), ``set_stones`` (SetStones tab) and
``item_search`` (fast search and paged lists).
"""

from __future__ import annotations

from jewelbench.services.inventory_views import (
    CostEntryView,
    ItemStoneView,
    ItemView,
    MovementView,
    StoneLotView,
)
from jewelbench.services.item_search import ITEM_SORTS, list_items, search
from jewelbench.services.items import (
    add_item,
    adjust_item_cost,
    find_item,
    get_item,
    item_cost_history,
    update_item,
)
from jewelbench.services.set_stones import item_stones, remove_set_stones, set_stones
from jewelbench.services.stone_lots import (
    LOT_SORTS,
    adjust_lot,
    find_stone_lot,
    get_stone_lot,
    list_stone_lots,
    lot_movements,
    receive_stones,
    search_stone_lots,
    write_off_stones,
)

__all__ = [
    "ITEM_SORTS", "LOT_SORTS", "CostEntryView", "ItemStoneView", "ItemView", "MovementView",
    "StoneLotView", "add_item", "adjust_item_cost", "adjust_lot", "find_item",
    "find_stone_lot", "get_item", "get_stone_lot", "item_cost_history", "item_stones",
    "list_items", "list_stone_lots", "lot_movements", "receive_stones", "remove_set_stones",
    "search", "search_stone_lots", "set_stones", "update_item", "write_off_stones",
]
