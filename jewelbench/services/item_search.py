"""Finding items fast in a big shop: by StockID (exact or prefix) and by words of the description.

The indexes behind it are made by migration 0003: on SQLite an FTS5 table ``search_items``
kept in sync by triggers; on PostgreSQL a pg_trgm GIN index on the description (used by the
word-start regular expressions below) and a pattern index for StockID prefixes. Every search
is a few index look-ups, so it answers in milliseconds at a million items.

A word matches the start of a word in the description ("sapph" finds "Sapphire"), on both
databases, and every word typed must match.
"""

from __future__ import annotations

import re

from sqlalchemy import Integer, and_, or_, select, union
from sqlalchemy import text as sql_text
from sqlalchemy.sql.elements import ColumnElement

from jewelbench.db import Database
from jewelbench.models.inventory import ITEM_STATUSES, Item
from jewelbench.services.inventory_views import ItemView, item_views
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import clean_text, parse_choice, parse_count, parse_optional_id

ITEM_SORTS = {
    "stock_id": Item.stock_id, "description": Item.description, "category": Item.category,
    "metal": Item.metal, "cost_basis": Item.cost_basis, "retail": Item.retail,
    "status": Item.status, "created_at": Item.created_at, "id": Item.id,
}
# the FTS5 tokenizer (unicode61) splits on everything that is not a letter or digit
_TOKEN = re.compile(r"[^\W_]+")
# after the last character there is nothing bigger, so [prefix, prefix + MAX) is every code
# that starts with the prefix (SQLite compares text byte by byte)
_MAX_CHAR = "\U0010ffff"


def _words(query: str) -> list[str]:
    return [w for w in query.split() if _TOKEN.search(w)]


def _fts_query(words: list[str]) -> str:
    """``sapph ring 0.5`` → ``"sapph"* AND "ring"* AND "0 5"*``: each word a prefix phrase."""
    phrases = ['"' + " ".join(_TOKEN.findall(w)) + '"*' for w in words]
    return " AND ".join(phrases)


def _pg_word(word: str) -> str:
    """A PostgreSQL regular expression matching a word that starts with ``word``."""
    return r"\m" + "".join(ch if ch.isalnum() else "\\" + ch for ch in word)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def stock_id_prefix(dialect: str, prefix: str) -> ColumnElement[bool]:
    """Codes starting with ``prefix``, written so the StockID index answers it."""
    if dialect == "postgresql":
        return Item.stock_id.like(_escape_like(prefix) + "%", escape="\\")
    return and_(Item.stock_id >= prefix, Item.stock_id < prefix + _MAX_CHAR)


def description_ids(dialect: str, words: list[str], *, newest_first: int | None = None):
    """A select of the ids of items whose description has every word (as a word start).

    With ``newest_first`` it is limited to that many of the newest matches, which both
    indexes give without looking at the other matches.
    """
    if dialect == "postgresql":
        stmt = select(Item.id).where(*(Item.description.op("~*")(_pg_word(w)) for w in words))
        if newest_first is not None:
            stmt = stmt.order_by(Item.id.desc()).limit(newest_first)
        return stmt
    sql = "SELECT rowid AS id FROM search_items WHERE search_items MATCH :fts"
    if newest_first is not None:
        sql += " ORDER BY rowid DESC LIMIT :newest"
    stmt = sql_text(sql).bindparams(fts=_fts_query(words))
    if newest_first is not None:
        stmt = stmt.bindparams(newest=newest_first)
    return stmt.columns(id=Integer)


def matching(dialect: str, query: str) -> ColumnElement[bool] | None:
    """Items whose StockID starts with ``query`` or whose description has all its words.

    Written for each planner: PostgreSQL gets a plain OR, which it answers either from the
    two indexes or by walking the sort order and stopping after a page (joining a UNION of
    ids made it read the whole table); SQLite gets the ids of both indexes as one set.
    """
    query = query.strip()
    if not query:
        return None
    words = _words(query)
    by_code = stock_id_prefix(dialect, query)
    if dialect == "postgresql":
        if not words:
            return by_code
        return or_(by_code, and_(*(Item.description.op("~*")(_pg_word(w)) for w in words)))
    id_sets = [select(Item.id).where(by_code)]
    if words:
        id_sets.append(description_ids(dialect, words))
    return Item.id.in_(union(*id_sets).subquery().select())


def search(db: Database, text: str, limit: int = 50, *,
           status: str | None = None) -> list[ItemView]:
    """Items matching what was typed or scanned, best first.

    The exact StockID comes first (a scanner types the whole code), then codes starting
    with the text, then items whose description has the words, newest first.
    """
    limit = parse_count(limit, "limit", maximum=1000)
    if status is not None:
        parse_choice(status, "status", ITEM_STATUSES)
    query = clean_text(text, "text") or ""
    if not query:
        return []
    found: list[ItemView] = []
    seen: set[int] = set()

    def add(stmt) -> None:
        if status is not None:
            stmt = stmt.where(Item.status == status)
        for view in item_views(uow.session, stmt.limit(limit - len(found))):
            if view.id not in seen and len(found) < limit:
                seen.add(view.id)
                found.append(view)

    with UnitOfWork(db, readonly=True) as uow:
        dialect = db.dialect
        codes = {query, query.upper()}
        add(select(Item).where(Item.stock_id.in_(codes)))
        if len(found) < limit:
            add(select(Item).where(stock_id_prefix(dialect, query))
                .where(Item.stock_id.not_in(codes)).order_by(Item.stock_id))
        words = _words(query)
        if words and len(found) < limit:
            # a few more than needed, since some may already be in the list as code matches
            ids = description_ids(dialect, words, newest_first=limit + len(found))
            add(select(Item).where(Item.id.in_(ids.subquery().select()))
                .order_by(Item.id.desc()))
    return found


def list_items(db: Database, *, text: str | None = None, status: str | None = None,
               style_id: int | None = None, offset: int = 0, limit: int = 200,
               sort: str = "stock_id", descending: bool = False) -> list[ItemView]:
    """A page of items for a list: filtered, sorted and cut in SQL.

    ``text`` keeps items whose StockID starts with it or whose description has its words.
    """
    offset = parse_count(offset, "offset", allow_zero=True)
    limit = parse_count(limit, "limit", maximum=10_000)
    column = ITEM_SORTS[parse_choice(sort, "sort", tuple(ITEM_SORTS))]
    if status is not None:
        parse_choice(status, "status", ITEM_STATUSES)
    style_id = parse_optional_id(style_id, "style_id")
    query = clean_text(text, "text") or ""
    stmt = select(Item)
    with UnitOfWork(db, readonly=True) as uow:
        condition = matching(db.dialect, query)
        if condition is not None:
            stmt = stmt.where(condition)
        if status is not None:
            stmt = stmt.where(Item.status == status)
        if style_id is not None:
            stmt = stmt.where(Item.style_id == style_id)
        # the id breaks ties, so pages never overlap or skip rows with equal sort values
        order = [column.desc(), Item.id.desc()] if descending else [column.asc(), Item.id.asc()]
        if column is Item.id:
            order = order[:1]
        stmt = stmt.order_by(*order).offset(offset).limit(limit)
        return item_views(uow.session, stmt)

