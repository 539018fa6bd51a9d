"""Opening the database: the embedded SQLite file or a shared PostgreSQL server.

``open_database`` always leaves the schema at the newest Alembic revision, so an older file
is upgraded in place when a newer JewelBench opens it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from jewelbench.errors import DatabaseUnavailable
from jewelbench.paths import default_database_path

ENV_URL = "JEWELBENCH_DB_URL"
SQLITE_BUSY_MS = 30_000
# any constant works; it only has to be the same for every workstation running migrations
_MIGRATION_LOCK = 7_254_311


@dataclass
class Database:
    """The open database. Services take it as ``db``; it holds an engine, never a session."""

    url: URL
    engine: Engine
    user: str = "system"
    _readonly_engine: Engine | None = field(default=None, repr=False)
    _sessions: sessionmaker = field(init=False, repr=False)
    _readonly_sessions: sessionmaker = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._readonly_sessions = sessionmaker(
            bind=self._readonly_engine or self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self, *, readonly: bool = False) -> Session:
        """A new session; services reach it through their unit of work, not directly."""
        return (self._readonly_sessions if readonly else self._sessions)()

    def describe(self) -> str:
        """What the status bar shows: the file, or server and database name."""
        if self.dialect == "sqlite":
            return f"SQLite file {self.url.database}"
        host = self.url.host or "localhost"
        port = f":{self.url.port}" if self.url.port else ""
        return f"PostgreSQL {self.url.database} on {host}{port}"

    def close(self) -> None:
        self.engine.dispose()


def resolve_url(url: str | URL | None = None) -> URL:
    """No URL means the environment's JEWELBENCH_DB_URL, else the file in the user data folder."""
    raw = url if url is not None else os.environ.get(ENV_URL) or None
    if raw is None:
        return URL.create("sqlite+pysqlite", database=str(default_database_path()))
    try:
        parsed = make_url(raw) if isinstance(raw, str) else raw
    except ArgumentError as exc:
        raise DatabaseUnavailable(f"Not a database address: {raw!r} ({exc})") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    elif parsed.drivername == "sqlite":
        parsed = parsed.set(drivername="sqlite+pysqlite")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseUnavailable(
            f"JewelBench runs on SQLite or PostgreSQL, not {parsed.get_backend_name()}")
    return parsed


def server_url(*, host: str, port: int, database: str, user: str | None,
               password: str | None) -> str:
    """The address of a shared PostgreSQL server, as the Settings dialog saves it."""
    url = URL.create("postgresql+psycopg", username=user or None, password=password or None,
                     host=host or "localhost", port=port, database=database or "jewelbench")
    return url.render_as_string(hide_password=False)


def server_parts(url_text: str) -> dict[str, object]:
    """The pieces of a saved server address, for filling in the Settings dialog."""
    url = make_url(url_text)
    return {"host": url.host or "localhost", "port": url.port or 5432,
            "database": url.database or "", "user": url.username or "",
            "password": url.password or ""}


def _sqlite_engine(url: URL) -> tuple[Engine, Engine]:
    if url.database and url.database != ":memory:":
        path = Path(url.database)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnavailable(f"Cannot create the folder for {path}: {exc}") from None
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # let SQLAlchemy's "begin" event below issue BEGIN instead of the driver
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Taking the write lock up front means a second workstation waits its turn at BEGIN
        # rather than failing half-way through with "database is locked".
        if conn.get_execution_options().get("jewelbench_readonly"):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine, engine.execution_options(jewelbench_readonly=True)


def _postgres_engine(url: URL) -> Engine:
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def _alembic_config() -> Config:
    config = Config()
    location = resources.files("jewelbench") / "migrations"
    config.set_main_option("script_location", str(location))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision; several workstations may call it at once."""
    config = _alembic_config()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def open_database(url: str | URL | None = None, *, user: str | None = None,
                  migrate: bool = True) -> Database:
    """Open (creating or upgrading) the shop's database and return the handle."""
    resolved = resolve_url(url)
    if resolved.get_backend_name() == "sqlite":
        engine, readonly = _sqlite_engine(resolved)
    else:
        engine, readonly = _postgres_engine(resolved), None
    try:
        if migrate:
            upgrade(engine)
        else:
            with engine.connect():
                pass
    except (DBAPIError, OSError) as exc:
        engine.dispose()
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise DatabaseUnavailable(
            f"Cannot open the database ({_safe(resolved)}): {reason}") from None
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseUnavailable(f"Cannot open the database ({_safe(resolved)}): {exc}") from None
    return Database(url=resolved, engine=engine, user=user or current_user(),
                    _readonly_engine=readonly)


def _safe(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def current_user() -> str:
    """Who is working: the OS login until JewelBench has logins of its own."""
    return os.environ.get("JEWELBENCH_USER") or "system"
