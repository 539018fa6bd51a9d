"""Foreign keys that close a cycle between tables

items.source_job_id points at jobs while jobs.item_id points at items. PostgreSQL leaves a
use_alter key out of CREATE TABLE, so it is added here once both tables exist; SQLite keeps it
inside CREATE TABLE already.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.create_foreign_key(
            "fk_items_source_job_id_jobs", "items", "jobs", ["source_job_id"], ["id"])


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_items_source_job_id_jobs", "items", type_="foreignkey")
