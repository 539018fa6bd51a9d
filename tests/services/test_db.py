from pathlib import Path

import pytest
from sqlalchemy import text

from jewelbench.db import current_revision, head_revision, open_database
from jewelbench.errors import DatabaseUnavailable
from jewelbench.services import parties


def test_default_database_is_a_file_in_the_user_data_folder(tmp_path):
    db = open_database()
    try:
        path = Path(db.url.database)
        assert path.is_relative_to(tmp_path / "user-data")
        assert path.exists()
        assert current_revision(db.engine) == head_revision()
        parties.add_customer(db, name="Ruth Baker")
    finally:
        db.close()
    again = open_database()
    try:
        assert [c.name for c in parties.search_customers(again)] == ["Ruth Baker"]
    finally:
        again.close()


def test_environment_variable_chooses_the_database(tmp_path, monkeypatch):
    target = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("JEWELBENCH_DB_URL", f"sqlite:///{target}")
    open_database().close()
    assert target.exists()


def test_reopening_keeps_data_and_stamp(db_url):
    db = open_database(db_url)
    parties.add_vendor(db, name="Quality Casting", in_house=False)
    db.close()
    db = open_database(db_url)
    try:
        assert [v.name for v in parties.list_vendors(db)] == ["Quality Casting"]
        assert current_revision(db.engine) == head_revision()
    finally:
        db.close()


def test_sqlite_is_set_up_for_a_shop_till(sqlite_db):
    with sqlite_db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_unreachable_server_gives_a_clear_message():
    with pytest.raises(DatabaseUnavailable, match="Cannot open the database"):
        open_database("postgresql+psycopg://nobody@127.0.0.1:1/none")


def test_unreadable_file_gives_a_clear_message(tmp_path):
    junk = tmp_path / "not-a-db.sqlite3"
    junk.write_bytes(b"this is a photo, not a database" * 100)
    with pytest.raises(DatabaseUnavailable):
        open_database(f"sqlite:///{junk}")


def test_unknown_kind_of_database_is_refused():
    with pytest.raises(DatabaseUnavailable, match="SQLite or PostgreSQL"):
        open_database("mysql://x@y/z")
