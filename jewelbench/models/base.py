"""Declarative base and the exact column types shared by every model."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import BigInteger, DateTime, MetaData, String, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator):
    """Timestamps stored in UTC and always read back timezone-aware, on SQLite too."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value


class _Scaled(TypeDecorator):
    """A Decimal kept as a whole number of its smallest unit (cents, milli-carats).

    Integers are exact on SQLite and PostgreSQL alike, and sums in SQL stay exact.
    """

    impl = BigInteger
    cache_ok = True
    places = 2

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("floats are never stored; pass a Decimal")
        return int((Decimal(value).scaleb(self.places)).to_integral_value())

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.places)

    def coerce_compared_value(self, op, value):
        return self


class Money(_Scaled):
    cache_ok = True
    """Dollars and cents."""

    places = 2


class Carats(_Scaled):
    cache_ok = True
    """Carat weight to 0.001 ct."""

    places = 3


class Rate(_Scaled):
    cache_ok = True
    """Percentages and factors to 0.0001 (tax rate 8.875, markup 2.2)."""

    places = 4


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dt.datetime: UTCDateTime(), Decimal: Money()}


class Stamped:
    """Who created the row and when; changes after that are in the audit log."""

    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(80), default="system")
