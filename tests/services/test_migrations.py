"""The models and the Alembic revisions describe the same schema, on both databases."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from jewelbench import models
from jewelbench.db import current_revision, head_revision
from jewelbench.migrations.compare import include_object


def test_models_and_migrations_agree(db):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include_object})
        diff = compare_metadata(context, models.metadata)
    assert diff == []


def test_empty_database_migrates_to_head(db):
    assert current_revision(db.engine) == head_revision()
    tables = set(inspect(db.engine).get_table_names())
    assert set(models.metadata.tables) <= tables
