"""Finished pieces (StockIDs), loose stone lots, and the ledgers behind both."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from jewelbench.models.base import Base, Carats, Money, Stamped, utcnow

ITEM_STATUSES = ("in_stock", "on_job", "sold", "memo_out", "scrapped")
ITEM_SOURCES = ("manual", "purchase", "production", "import")
COST_ENTRY_KINDS = ("initial", "purchase", "production", "set_stones", "remove_stones",
                    "repair", "recost", "adjust")
MOVEMENT_KINDS = ("receive", "allocate", "release", "set", "unset", "adjust")


class Item(Stamped, Base):
    """One finished piece, known by its StockID."""

    __tablename__ = "items"
    __table_args__ = (
        CheckConstraint("status IN ('in_stock','on_job','sold','memo_out','scrapped')",
                        name="status"),
        Index("ix_items_status_stock_id", "status", "stock_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    stock_id: Mapped[str] = mapped_column(String(20), unique=True)
    description: Mapped[str] = mapped_column(String(200))
    category: Mapped[str | None] = mapped_column(String(60))
    metal: Mapped[str | None] = mapped_column(String(60))
    style_id: Mapped[int | None] = mapped_column(ForeignKey("styles.id"), index=True)
    cost_basis: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
    retail: Mapped[Decimal | None] = mapped_column(Money())
    status: Mapped[str] = mapped_column(String(12), default="in_stock")
    source: Mapped[str] = mapped_column(String(12), default="manual")
    source_job_id: Mapped[int | None] = mapped_column(
        ForeignKey("jobs.id", use_alter=True), index=True)
    notes: Mapped[str | None] = mapped_column(Text)


class ItemCostEntry(Base):
    """One addition to (or deduction from) an item's cost basis. The basis is their sum."""

    __tablename__ = "item_cost_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[Decimal] = mapped_column(Money())
    job_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id"))
    note: Mapped[str | None] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(80), default="system")


class StoneLot(Stamped, Base):
    """Loose stones: one certified stone (a lot of one) or a parcel of melee."""

    __tablename__ = "stone_lots"
    __table_args__ = (
        CheckConstraint("count_on_hand >= 0", name="count_on_hand"),
        CheckConstraint("carats_on_hand >= 0", name="carats_on_hand"),
        CheckConstraint("cost_on_hand >= 0", name="cost_on_hand"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    lot_no: Mapped[str] = mapped_column(String(20), unique=True)
    description: Mapped[str] = mapped_column(String(200))
    stone_type: Mapped[str | None] = mapped_column(String(40))
    shape: Mapped[str | None] = mapped_column(String(40))
    size: Mapped[str | None] = mapped_column(String(40))
    color: Mapped[str | None] = mapped_column(String(20))
    clarity: Mapped[str | None] = mapped_column(String(20))
    certificate: Mapped[str | None] = mapped_column(String(60), index=True)
    pricing: Mapped[str] = mapped_column(String(10), default="per_carat")
    count_on_hand: Mapped[int] = mapped_column(default=0)
    carats_on_hand: Mapped[Decimal] = mapped_column(Carats(), default=Decimal("0"))
    cost_on_hand: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
    vendor_id: Mapped[int | None] = mapped_column(ForeignKey("vendors.id"))


class StoneMovement(Base):
    """Every change to a lot, signed: on hand is always the sum of these rows."""

    __tablename__ = "stone_movements"

    id: Mapped[int] = mapped_column(primary_key=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("stone_lots.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    count: Mapped[int]
    carats: Mapped[Decimal] = mapped_column(Carats())
    cost: Mapped[Decimal] = mapped_column(Money())
    job_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id"), index=True)
    reason: Mapped[str | None] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(80), default="system")


class ItemStone(Base):
    """Stones set into a piece from a lot without a job (the SetStones tab)."""

    __tablename__ = "item_stones"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("stone_lots.id"), index=True)
    count: Mapped[int]
    carats: Mapped[Decimal] = mapped_column(Carats())
    cost: Mapped[Decimal] = mapped_column(Money())
    set_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    set_by: Mapped[str] = mapped_column(String(80), default="system")
    removed_at: Mapped[dt.datetime | None]
