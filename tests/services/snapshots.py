"""Proof that a refused call changed nothing: every row of the tables it could touch."""

from __future__ import annotations

from sqlalchemy import text

TABLES = ("items", "item_cost_entries", "stone_lots", "stone_movements", "item_stones",
          "styles", "style_bom_lines", "style_stages", "customers", "vendors", "counters",
          "audit_log")


def snapshot(db) -> dict[str, list[tuple]]:
    with db.engine.connect() as conn:
        return {table: [tuple(row) for row in conn.execute(text(
            f"SELECT * FROM {table} ORDER BY 1"))] for table in TABLES}
