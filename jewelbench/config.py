"""This workstation's own choices (which database to open), kept outside the database."""

from __future__ import annotations

import json
from pathlib import Path

from platformdirs import user_config_path

from jewelbench import APP_NAME


def config_path() -> Path:
    return user_config_path(APP_NAME, appauthor=False, ensure_exists=True) / "workstation.json"


def load() -> dict:
    try:
        return json.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def save(values: dict) -> None:
    path = config_path()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(values, indent=2), encoding="utf-8")
    tmp.replace(path)


def saved_database_url() -> str | None:
    return load().get("database_url") or None


def save_database_url(url: str | None) -> None:
    values = load()
    if url:
        values["database_url"] = url
    else:
        values.pop("database_url", None)
    save(values)
