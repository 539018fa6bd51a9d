"""Where JewelBench keeps its files on this computer."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

from jewelbench import APP_NAME


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False, ensure_exists=True)


def default_database_path() -> Path:
    return data_dir() / "jewelbench.sqlite3"
