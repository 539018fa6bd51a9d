"""A piece's condition on arrival: the checklist the counter ticks, and free notes.

Kept in ``Job.condition`` as JSON, ``{"checks": ["worn_prongs", ...], "notes": "..."}``, so the
checklist can grow without a migration and old tickets still read back. Keys are stored, not
labels, so renaming a label never changes what was recorded.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from jewelbench.errors import ValidationError
from jewelbench.services.values import clean_text, shown

# (key, what the clerk reads); the order is the order on the intake form and the ticket
CHECKS: tuple[tuple[str, str], ...] = (
    ("worn_prongs", "Worn prongs"),
    ("loose_stones", "Loose stones"),
    ("missing_stones", "Missing stones"),
    ("chipped_stones", "Chipped / abraded stones"),
    ("scratches", "Scratches"),
    ("dents", "Dents"),
    ("bent_shank", "Bent / out of round shank"),
    ("thin_shank", "Thin shank"),
    ("cracked_shank", "Cracked shank"),
    ("broken_clasp", "Broken clasp"),
    ("broken_chain", "Broken / kinked chain"),
    ("worn_plating", "Worn plating / rhodium"),
    ("engraving", "Engraving present"),
    ("previous_repairs", "Signs of previous repair"),
)
LABELS = dict(CHECKS)
_BY_LABEL = {label.lower(): key for key, label in CHECKS}


@dataclass(frozen=True)
class Condition:
    checks: tuple[str, ...] = ()
    notes: str | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(LABELS.get(key, key.replace("_", " ").capitalize()) for key in self.checks)

    def describe(self) -> str:
        """One line for lists and tickets: "Worn prongs, Scratches — small chip at 3 o'clock"."""
        text = ", ".join(self.labels) or "No problems noted"
        return f"{text} — {self.notes}" if self.notes else text


def parse_condition(checks: object, notes: object, field: str = "condition") -> Condition:
    """Checklist keys (or their labels) in any order → a Condition in checklist order."""
    if checks is None:
        checks = ()
    if isinstance(checks, str) or not isinstance(checks, Iterable):
        raise ValidationError(field, "must be a list of checklist items")
    chosen = set()
    for check in checks:
        if not isinstance(check, str):
            raise ValidationError(field, f"{shown(check)} is not a checklist item")
        key = check if check in LABELS else _BY_LABEL.get(check.strip().lower())
        if key is None:
            raise ValidationError(field, f"{shown(check)} is not on the checklist")
        chosen.add(key)
    return Condition(checks=tuple(k for k, _ in CHECKS if k in chosen),
                     notes=clean_text(notes, "condition_notes", max_length=2000))


def dump(condition: Condition) -> str | None:
    if not condition.checks and not condition.notes:
        return None
    return json.dumps({"checks": list(condition.checks), "notes": condition.notes})


def load(stored: str | None) -> Condition:
    """Read back what ``dump`` wrote; plain text from elsewhere (an import) becomes notes."""
    if not stored:
        return Condition()
    try:
        data = json.loads(stored)
    except ValueError:
        return Condition(notes=stored)
    if not isinstance(data, dict):
        return Condition(notes=stored)
    checks = tuple(str(c) for c in data.get("checks") or ())
    return Condition(checks=checks, notes=data.get("notes") or None)
