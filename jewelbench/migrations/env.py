"""Alembic environment, shipped inside the package so an installed copy upgrades itself."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from jewelbench import models
from jewelbench.migrations.compare import include_object, render_item

target_metadata = models.metadata


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        render_item=render_item,
        include_object=include_object,
        compare_type=True,
    )


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        context.run_migrations()
        return
    from jewelbench.db import resolve_url

    engine = create_engine(resolve_url(context.config.get_main_option("sqlalchemy.url") or None))
    with engine.begin() as conn:
        _configure(conn)
        context.run_migrations()
    engine.dispose()


run_migrations()
