"""The styles catalog: our own designs and vendors' styles, in one table."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from jewelbench.models.base import Base, Carats, Money, Stamped

BOM_KINDS = ("material", "stone", "labor")


class Style(Stamped, Base):
    __tablename__ = "styles"

    id: Mapped[int] = mapped_column(primary_key=True)
    style_no: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    vendor_id: Mapped[int | None] = mapped_column(ForeignKey("vendors.id"), index=True)
    category: Mapped[str | None] = mapped_column(String(60))
    metal: Mapped[str | None] = mapped_column(String(60))
    image: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    retail: Mapped[Decimal | None] = mapped_column(Money())
    notes: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=True)


class StyleBomLine(Base):
    """One line of a style's bill of materials, per piece."""

    __tablename__ = "style_bom_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    style_id: Mapped[int] = mapped_column(ForeignKey("styles.id", ondelete="CASCADE"),
                                          index=True)
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(10))
    description: Mapped[str] = mapped_column(String(200))
    # quantities are grams, pieces or hours; kept to 0.001 like carats
    quantity: Mapped[Decimal] = mapped_column(Carats())
    unit_cost: Mapped[Decimal] = mapped_column(Money())
    vendor_id: Mapped[int | None] = mapped_column(ForeignKey("vendors.id"))


class StyleStage(Base):
    """The stage template a production run of this style starts with."""

    __tablename__ = "style_stages"

    id: Mapped[int] = mapped_column(primary_key=True)
    style_id: Mapped[int] = mapped_column(ForeignKey("styles.id", ondelete="CASCADE"),
                                          index=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(60))
    vendor_id: Mapped[int | None] = mapped_column(ForeignKey("vendors.id"))
    cost: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
