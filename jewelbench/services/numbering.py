"""Store-wide numbers (StockIDs, job, invoice and receipt numbers) that are never shared."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from jewelbench.models.settings import Counter

PREFIXES = {
    "stock_id": ("", 6),
    "lot": ("L-", 5),
    "repair": ("R-", 5),
    "custom": ("C-", 5),
    "production": ("P-", 5),
    "invoice": ("INV-", 6),
    "receipt": ("RC-", 6),
}


def _ensure_counter(session: Session, name: str) -> None:
    dialect = session.get_bind().dialect.name
    insert_fn = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(
        insert_fn(Counter).values(name=name, next_value=1).on_conflict_do_nothing())


def take_numbers(session: Session, name: str, how_many: int = 1) -> list[int]:
    """Reserve ``how_many`` consecutive numbers of a sequence inside the caller's transaction.

    The counter row stays locked until the transaction ends (FOR UPDATE on PostgreSQL,
    BEGIN IMMEDIATE on SQLite), so a second workstation waits and then gets the next ones.
    A rolled-back transaction gives its numbers back.
    """
    _ensure_counter(session, name)
    first = session.execute(
        update(Counter).where(Counter.name == name)
        .values(next_value=Counter.next_value + how_many)
        .returning(Counter.next_value)
    ).scalar_one() - how_many
    return list(range(first, first + how_many))


def format_number(name: str, value: int) -> str:
    prefix, width = PREFIXES[name]
    return f"{prefix}{value:0{width}d}"


def take_codes(session: Session, name: str, how_many: int = 1) -> list[str]:
    return [format_number(name, n) for n in take_numbers(session, name, how_many)]


def peek(session: Session, name: str) -> int:
    return session.scalar(select(Counter.next_value).where(Counter.name == name)) or 1


# Numbers brought in beyond this are not followed: they never came from the counter's own
# range, and following them would leave it (a 32-bit integer column) no room to count on.
MAX_FOLLOWED = 999_999_999


def advance_past(session: Session, name: str, value: int) -> None:
    """Make sure the sequence never hands out ``value`` (a number brought in by an import)."""
    if value > MAX_FOLLOWED:
        return
    _ensure_counter(session, name)
    session.execute(update(Counter).where(Counter.name == name, Counter.next_value <= value)
                    .values(next_value=value + 1))
