"""Proof that a refused call changed nothing: every row of the tables it could touch."""

from __future__ import annotations

from sqlalchemy import text

from jewelbench.models import Base

TABLES = ("items", "item_cost_entries", "stone_lots", "stone_movements", "item_stones",
          "styles", "style_bom_lines", "style_stages", "customers", "vendors", "counters",
          "audit_log")
EVERY_TABLE = tuple(table.name for table in Base.metadata.sorted_tables)


def snapshot(db, tables: tuple[str, ...] = TABLES) -> dict[str, list[tuple]]:
    with db.engine.connect() as conn:
        return {table: [tuple(row) for row in conn.execute(text(
            f"SELECT * FROM {table} ORDER BY 1"))] for table in tables}
