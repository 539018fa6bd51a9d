"""Refusals shown with the field's name as the form labels it, not the service's key."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLabel

_INDEXED = re.compile(r"^(\w+)\[(\d+)\](?:\.(\w+))?$")


def field_title(field: str, names: dict[str, str]) -> str:
    """``estimate`` → "Estimate"; ``photos[1]`` → "Photo 2"; ``payments[0].amount`` →
    "Payment 1 amount"."""
    if field in names:
        return names[field]
    match = _INDEXED.match(field)
    if match:
        base, index, part = match.groups()
        title = f"{names.get(base, base).rstrip('s').capitalize()} {int(index) + 1}"
        return f"{title} {part}" if part else title
    return field.replace("_", " ").capitalize()


def name_the_field(label: QLabel, exc: Exception, names: dict[str, str]) -> None:
    field = getattr(exc, "field", None)
    message = getattr(exc, "message", None)
    if field and message:
        label.setText(f"{field_title(field, names)}: {message}")
