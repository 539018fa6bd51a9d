"""The command line as a shop would use it."""

import os
import subprocess
import sys
import time

from jewelbench import __version__
from jewelbench.cli import main
from jewelbench.db import open_database
from jewelbench.services import parties


def test_version(capsys):
    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert __version__ in capsys.readouterr().out


def test_db_upgrade_and_where(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'shop.sqlite3'}"
    assert main(["--db", url, "db", "upgrade"]) == 0
    assert "schema revision" in capsys.readouterr().out
    assert main(["--db", url, "db", "where"]) == 0
    assert "shop.sqlite3" in capsys.readouterr().out


def test_demo_fills_an_empty_shop_once(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert main(["--db", url, "demo"]) == 0
    assert "Demo shop ready" in capsys.readouterr().out
    db = open_database(url)
    try:
        assert len(parties.search_customers(db)) >= 5
    finally:
        db.close()
    assert main(["--db", url, "demo"]) == 1
    assert "already has data" in capsys.readouterr().err


def test_bad_database_address_is_a_message_not_a_traceback(capsys):
    assert main(["--db", "postgresql://nobody@127.0.0.1:1/x", "db", "upgrade"]) == 1
    err = capsys.readouterr().err
    assert "Cannot open the database" in err and "Traceback" not in err


def test_the_window_starts_and_stays_open(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    url = f"sqlite:///{tmp_path / 'window.sqlite3'}"
    proc = subprocess.Popen([sys.executable, "-m", "jewelbench", "--db", url], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        time.sleep(4)
        assert proc.poll() is None, proc.stderr.read().decode()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert (tmp_path / "window.sqlite3").exists()
