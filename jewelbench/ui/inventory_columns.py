"""How items, stone lots and their ledgers read in tables: columns, words and colours."""

from __future__ import annotations

from decimal import Decimal

from jewelbench.ui.paged_model import Column, show
from jewelbench.ui.view_table import RIGHT
from jewelbench.ui.view_table import Column as ShortColumn

MUTED = "#6b6b6b"
GOOD = "#1b7f3b"
WARN = "#a15c00"
BAD = "#b00020"

STATUS_WORDS = {"in_stock": "In stock", "on_job": "On a job", "sold": "Sold",
                "memo_out": "Out on memo", "scrapped": "Scrapped"}
STATUS_COLORS = {"in_stock": GOOD, "on_job": WARN, "sold": MUTED, "memo_out": WARN,
                 "scrapped": MUTED}
SOURCE_WORDS = {"manual": "Entered by hand", "purchase": "Purchased", "production": "Production",
                "import": "Imported"}
PRICING_WORDS = {"per_carat": "per carat", "per_piece": "per stone"}
MOVEMENT_WORDS = {"receive": "Received", "allocate": "To job", "release": "Back from job",
                  "set": "Set in piece", "unset": "Out of piece", "adjust": "Adjusted"}
COST_KIND_WORDS = {"initial": "Opening cost", "purchase": "Purchase", "production":
                   "Production close-out", "set_stones": "Stones set", "remove_stones":
                   "Stones removed", "repair": "Repair", "recost": "Re-cost", "adjust":
                   "Adjustment"}


def money(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


def signed(value: Decimal | int, kind: str = "count") -> str:
    """+12 / −0.105: a movement's direction at a glance."""
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return sign + show(abs(value), kind)


def _status(view) -> str:
    return STATUS_WORDS.get(view.status, view.status)


ITEM_COLUMNS = [
    Column("StockID", lambda v: v.stock_id, sort_key="stock_id", width=96),
    Column("Description", lambda v: v.description, sort_key="description"),
    Column("Category", lambda v: v.category, sort_key="category", width=130),
    Column("Metal", lambda v: v.metal, sort_key="metal", width=120),
    Column("Style", lambda v: v.style_no, width=96),
    Column("Cost", lambda v: v.cost_basis, sort_key="cost_basis", kind="money", width=96),
    Column("Retail", lambda v: v.retail, sort_key="retail", kind="money", width=96),
    Column("Status", _status, sort_key="status", width=100,
           color=lambda v: STATUS_COLORS.get(v.status)),
]

LOT_COLUMNS = [
    Column("Lot", lambda v: v.lot_no, sort_key="lot_no", width=84),
    Column("Description", lambda v: v.description, sort_key="description"),
    Column("Shape", lambda v: v.shape, sort_key="shape", width=80),
    Column("Size", lambda v: v.size, sort_key="size", width=70),
    Column("Color", lambda v: v.color, sort_key="color", width=60),
    Column("Clarity", lambda v: v.clarity, sort_key="clarity", width=64),
    Column("Certificate", lambda v: v.certificate, sort_key="certificate", width=130),
    Column("Stones", lambda v: v.count_on_hand, sort_key="count_on_hand", kind="count",
           width=64, color=lambda v: MUTED if v.count_on_hand == 0 else None),
    Column("Carats", lambda v: v.carats_on_hand, sort_key="carats_on_hand", kind="carats",
           width=72),
    Column("Cost on hand", lambda v: v.cost_on_hand, sort_key="cost_on_hand", kind="money",
           width=104),
    Column("Price", lambda v: f"{money(v.unit_price)} {PRICING_WORDS[v.pricing]}"
           if v.unit_price is not None else "", kind="number", width=150),
]


# -- short lists (one item's stones and costs, one lot's movements): all rows at once

def _when(value) -> str:
    return show(value)


ITEM_STONE_COLUMNS = (
    ShortColumn("Lot", lambda s: s.lot_no),
    ShortColumn("Stones", lambda s: s.lot_description),
    ShortColumn("Count", lambda s: f"{s.count:,}", RIGHT),
    ShortColumn("Carats", lambda s: show(s.carats, "carats"), RIGHT),
    ShortColumn("Cost", lambda s: money(s.cost), RIGHT),
    ShortColumn("Set", lambda s: f"{_when(s.set_at)} by {s.set_by}", color=lambda _s: MUTED),
)
COST_COLUMNS = (
    ShortColumn("When", lambda e: _when(e.at)),
    ShortColumn("What", lambda e: COST_KIND_WORDS.get(e.kind, e.kind)),
    ShortColumn("Note", lambda e: e.note or (f"job {e.job_no}" if e.job_no else "")),
    ShortColumn("Amount", lambda e: signed(e.amount, "money"), RIGHT,
                color=lambda e: BAD if e.amount < 0 else None),
    ShortColumn("Cost basis", lambda e: money(e.running_total), RIGHT,
                bold=lambda _e: True),
    ShortColumn("By", lambda e: e.by, color=lambda _e: MUTED),
)
MOVEMENT_COLUMNS = (
    ShortColumn("When", lambda m: _when(m.at)),
    ShortColumn("What", lambda m: MOVEMENT_WORDS.get(m.kind, m.kind)),
    ShortColumn("Stones", lambda m: signed(m.count), RIGHT,
                color=lambda m: BAD if m.count < 0 else GOOD if m.count > 0 else None),
    ShortColumn("Carats", lambda m: signed(m.carats, "carats"), RIGHT),
    ShortColumn("Cost", lambda m: signed(m.cost, "money"), RIGHT),
    ShortColumn("For", lambda m: m.stock_id and f"item {m.stock_id}" or m.job_no or ""),
    ShortColumn("Reason", lambda m: m.reason or ""),
    ShortColumn("By", lambda m: m.by, color=lambda _m: MUTED),
)


