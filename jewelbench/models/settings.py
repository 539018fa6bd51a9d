from __future__ import annotations

from decimal import Decimal

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from jewelbench.models.base import Base, Rate


class StoreProfile(Base):
    """The one row describing this shop."""

    __tablename__ = "store_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), default="My Jewelry Store")
    manufacturer: Mapped[bool] = mapped_column(default=False)
    tax_rate: Mapped[Decimal] = mapped_column(Rate(), default=Decimal("0"))
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    markup: Mapped[Decimal] = mapped_column(Rate(), default=Decimal("2"))
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(40))


class Counter(Base):
    """Store-wide number sequences (StockIDs, job and invoice numbers).

    A row is locked while it is advanced, so two workstations never draw the same number.
    """

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    next_value: Mapped[int] = mapped_column(default=1)
