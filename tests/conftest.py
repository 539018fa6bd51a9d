"""Every service test runs twice: on an SQLite file and on a real PostgreSQL server."""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# before anything imports Qt or platformdirs: no screen, and never the real user folders
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="jewelbench-home-"))
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["XDG_DATA_HOME"] = str(_SESSION_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_SESSION_HOME / "config")
os.environ.pop("JEWELBENCH_DB_URL", None)

from tests.pg_cluster import Cluster, find_bindir  # noqa: E402

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
_counter = itertools.count()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI a PostgreSQL test that skips is a failure: both databases must really run."""
    outcome = yield
    report = outcome.get_result()
    if IN_CI and report.skipped and "postgresql" in item.nodeid:
        report.outcome = "failed"
        report.longrepr = f"PostgreSQL test skipped in CI: {report.longrepr}"


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SESSION_HOME, ignore_errors=True)


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user-config"))
    monkeypatch.delenv("JEWELBENCH_DB_URL", raising=False)


@pytest.fixture(scope="session")
def pg_cluster():
    bindir = find_bindir()
    if bindir is None:
        message = "PostgreSQL binaries not found (set JEWELBENCH_PG_BIN)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    cluster = Cluster(bindir)
    try:
        cluster.start()
    except Exception as exc:
        cluster.stop()
        if IN_CI:
            pytest.fail(f"could not start PostgreSQL: {exc}")
        pytest.skip(f"could not start PostgreSQL: {exc}")
    yield cluster
    cluster.stop()


def _admin(cluster, sql: str) -> None:
    import psycopg

    with psycopg.connect(f"host=127.0.0.1 port={cluster.port} user=postgres dbname=postgres",
                         autocommit=True) as conn:
        conn.execute(sql)


@pytest.fixture(scope="session")
def pg_template(pg_cluster):
    """A database migrated to head once; each test gets a fresh copy of it."""
    from jewelbench.db import open_database

    _admin(pg_cluster, "CREATE DATABASE jb_template")
    open_database(pg_cluster.url("jb_template")).close()
    return "jb_template"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    from jewelbench.db import open_database

    path = tmp_path_factory.mktemp("sqlite-template") / "template.sqlite3"
    open_database(f"sqlite:///{path}").close()
    return path


def _fresh_url(kind: str, request, tmp_path) -> tuple[str, callable]:
    if kind == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        target = tmp_path / "shop.sqlite3"
        shutil.copyfile(template, target)
        return f"sqlite:///{target}", lambda: None
    cluster = request.getfixturevalue("pg_cluster")
    template = request.getfixturevalue("pg_template")
    name = f"t_{os.getpid()}_{next(_counter)}"
    _admin(cluster, f"CREATE DATABASE {name} TEMPLATE {template}")
    return cluster.url(name), lambda: _admin(cluster, f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """The address of a fresh, migrated database of each kind (for multi-process tests)."""
    url, drop = _fresh_url(request.param, request, tmp_path)
    yield url
    drop()


@pytest.fixture
def db(db_url):
    """An open handle on a fresh database; every test using it runs on both kinds."""
    from jewelbench.db import open_database

    handle = open_database(db_url, user="tester")
    yield handle
    handle.close()


@pytest.fixture
def sqlite_db(tmp_path, request):
    from jewelbench.db import open_database

    url, _ = _fresh_url("sqlite", request, tmp_path)
    handle = open_database(url, user="tester")
    yield handle
    handle.close()
