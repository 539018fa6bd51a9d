"""Fast item search and sorted item lists at a million StockIDs

SQLite: an FTS5 table ``search_items`` over items.description (external content: it holds
only the index), kept in sync by triggers, and filled from the items already there.
PostgreSQL: the pg_trgm extension and a GIN trigram index on items.description (it serves
the word-start regular expressions of ``services.item_search``), and a text_pattern_ops index
so a StockID prefix uses an index whatever the server's collation.
Both: an index per sortable column of the item list, so a sorted page is an index walk.

Hand-made names start with ``search_`` / ``ix_search_``; the models-vs-migrations check
ignores them (``migrations/compare.py``). A later SQLite batch migration that recreates the
``items`` table drops its triggers: such a revision must create them again
(tests/services/test_search_schema.py checks they exist at head).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import logging

from alembic import op
from sqlalchemy import text

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)

SORT_INDEXES = {
    "ix_search_items_description": "description",
    "ix_search_items_category": "category",
    "ix_search_items_metal": "metal",
    "ix_search_items_cost_basis": "cost_basis",
    "ix_search_items_retail": "retail",
    "ix_search_items_created_at": "created_at",
}

SQLITE_UP = [
    # prefix='1 2 3' keeps short as-you-type prefixes ("r", "ri", "rin") to one index look-up
    "CREATE VIRTUAL TABLE search_items USING fts5(description, content='items', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')",
    "CREATE TRIGGER search_items_insert AFTER INSERT ON items BEGIN "
    "INSERT INTO search_items(rowid, description) VALUES (new.id, new.description); END",
    "CREATE TRIGGER search_items_delete AFTER DELETE ON items BEGIN "
    "INSERT INTO search_items(search_items, rowid, description) "
    "VALUES ('delete', old.id, old.description); END",
    # only a changed description touches the index, not cost or status updates
    "CREATE TRIGGER search_items_update AFTER UPDATE OF description ON items BEGIN "
    "INSERT INTO search_items(search_items, rowid, description) "
    "VALUES ('delete', old.id, old.description); "
    "INSERT INTO search_items(rowid, description) VALUES (new.id, new.description); END",
    "INSERT INTO search_items(search_items) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS search_items_update",
    "DROP TRIGGER IF EXISTS search_items_delete",
    "DROP TRIGGER IF EXISTS search_items_insert",
    "DROP TABLE IF EXISTS search_items",
]


def _postgres_trigram(conn) -> None:
    """The trigram index, if the server has pg_trgm and lets us create it.

    pg_trgm is a trusted extension (PostgreSQL 13+), so the database owner may create it.
    If it cannot be had, search still works, only without the index: say so and go on.
    """
    available = conn.execute(text(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).first()
    if available is None:
        log.warning("pg_trgm is not installed on this server; item search will be slower")
        return
    savepoint = conn.begin_nested()
    try:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except Exception as exc:  # any refusal only costs speed, so go on without the index
        savepoint.rollback()
        log.warning("Could not create pg_trgm (%s); item search will be slower", exc)
        return
    savepoint.commit()
    conn.execute(text("CREATE INDEX ix_search_items_description_trgm ON items "
                      "USING gin (description gin_trgm_ops)"))


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for statement in SQLITE_UP:
            conn.execute(text(statement))
    else:
        _postgres_trigram(conn)
        conn.execute(text("CREATE INDEX ix_search_items_stock_id_pattern ON items "
                          "(stock_id text_pattern_ops)"))
    for name, column in SORT_INDEXES.items():
        op.create_index(name, "items", [column])


def downgrade() -> None:
    conn = op.get_bind()
    for name in SORT_INDEXES:
        op.drop_index(name, table_name="items")
    if conn.dialect.name == "sqlite":
        for statement in SQLITE_DOWN:
            conn.execute(text(statement))
    else:
        conn.execute(text("DROP INDEX IF EXISTS ix_search_items_stock_id_pattern"))
        conn.execute(text("DROP INDEX IF EXISTS ix_search_items_description_trgm"))
