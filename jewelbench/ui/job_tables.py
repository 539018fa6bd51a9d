"""The tables of the job window: stages, stones the design calls for, materials."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton

from jewelbench.ui import job_display as show
from jewelbench.ui.view_table import CENTER, RIGHT, Column


def _cost_tooltip(stage) -> str | None:
    return None if stage.status == "done" else "An estimate until the stage is marked done"


STAGE_COLUMNS = (
    Column("#", lambda s: str(s.position + 1), CENTER),
    Column("Stage", lambda s: s.name, tooltip=lambda s: s.notes),
    Column("Who", lambda s: s.vendor_name or "—"),
    Column("Due", lambda s: show.date(s.due_date), RIGHT),
    Column("Cost", lambda s: show.money(s.cost), RIGHT,
           color=lambda s: None if s.status == "done" else show.MUTED, tooltip=_cost_tooltip),
    Column("Status", lambda s: show.stage_status(s.status),
           color=lambda s: show.status_color(s.status), bold=lambda s: s.status != "pending"),
)
NEED_COLUMNS = (
    Column("Stones", lambda n: n.description),
    Column("Needed", lambda n: f"{n.count:,}", RIGHT),
    Column("Allocated", lambda n: f"{n.allocated:,}", RIGHT),
    Column("Still to allocate", lambda n: f"{max(n.count - n.allocated, 0):,}", RIGHT,
           color=lambda n: show.WARNING if n.allocated < n.count else "#1b6e35",
           bold=lambda n: n.allocated < n.count),
    Column("Estimate", lambda n: show.money(n.estimate), RIGHT,
           color=lambda _n: show.MUTED),
)
MATERIAL_KIND_TEXT = {"metal": "Metal", "finding": "Finding", "outside": "Outside charge",
                      "other": "Other"}
MATERIAL_COLUMNS = (
    Column("Kind", lambda m: MATERIAL_KIND_TEXT.get(m.kind, m.kind)),
    Column("Description", lambda m: m.description),
    Column("Quantity", lambda m: show.quantity(m.quantity), RIGHT),
    Column("Unit cost", lambda m: show.money(m.unit_cost), RIGHT),
    Column("Cost", lambda m: show.money(m.cost), RIGHT),
)



def button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row

