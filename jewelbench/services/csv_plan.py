"""What every CSV format shares: a record of rows, the plan of one import, the format base."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jewelbench.errors import ValidationError
from jewelbench.models.parties import Vendor
from jewelbench.services.unit_of_work import UnitOfWork


@dataclass
class Record:
    """One thing to import: usually one row; a style with its BOM lines is several rows."""

    rows: list[tuple[int, dict[str, str]]]
    line_problems: dict[int, tuple[str, ...]] = field(default_factory=dict)

    @property
    def first(self) -> dict[str, str]:
        return self.rows[0][1]

    @property
    def line(self) -> int:
        return self.rows[0][0]


class Plan:
    """What one import has seen so far: keys used by earlier rows, vendors it will add."""

    def __init__(self, uow: UnitOfWork):
        self.uow = uow
        self.notes: list[str] = []
        self._seen: dict[str, dict[str, int]] = {}
        self._vendors: dict[str, int] | None = None

    def unique(self, what: str, key: str, line: int, field_name: str) -> None:
        """Refuse a key (StockID, lot number, ...) that an earlier row of the file has."""
        seen = self._seen.setdefault(what, {})
        earlier = seen.get(key.lower())
        if earlier is not None and earlier != line:
            raise ValidationError(field_name, f"{key} is also on line {earlier}")
        seen[key.lower()] = line

    def _vendor_ids(self) -> dict[str, int]:
        if self._vendors is None:
            rows = self.uow.session.execute(select(Vendor.id, Vendor.name).order_by(Vendor.id))
            self._vendors = {}
            for vendor_id, name in rows:
                self._vendors.setdefault(name.strip().lower(), vendor_id)
        return self._vendors

    def check_vendor(self, name: str | None) -> None:
        """A vendor named in the file that is not known yet is added with the import."""
        if name and name.strip().lower() not in self._vendor_ids():
            self.notes.append(f"new vendor {name!r} will be added")

    def vendor_id(self, name: str | None) -> int | None:
        if not name:
            return None
        key = name.strip().lower()
        known = self._vendor_ids()
        if key not in known:
            vendor = Vendor(name=name.strip(), in_house=False, created_by=self.uow.user)
            self.uow.session.add(vendor)
            self.uow.session.flush()
            known[key] = vendor.id
        return known[key]


def exists(session: Session, column, value: str) -> bool:
    """Whether a row already has this code (compared without regard to case)."""
    return session.scalar(select(column).where(func.lower(column) == value.lower())
                          .limit(1)) is not None


def text_of(value: object) -> str:
    """A value as a CSV cell: Decimals as plain numbers, None as empty."""
    return "" if value is None else f"{value}"


class CsvFormat:
    """One kind of record: its columns, how a row is checked, stored and exported."""

    kind: str = ""
    columns: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    aliases: dict[str, str] = {}

    def group(self, rows: list[tuple[int, dict[str, str]]]) -> list[Record]:
        return [Record([row]) for row in rows]

    def check(self, uow: UnitOfWork, record: Record, plan: Plan) -> object:
        """Check a record against the file so far and the database; raise ValidationError."""
        raise NotImplementedError

    def before_apply(self, uow: UnitOfWork, payloads: list[object]) -> None:
        """Called once with every checked record before any is stored."""

    def apply(self, uow: UnitOfWork, payload: object, plan: Plan) -> int:
        """Store a checked record; returns the new row's id."""
        raise NotImplementedError

    def export(self, session: Session) -> Iterator[dict[str, str]]:
        raise NotImplementedError
