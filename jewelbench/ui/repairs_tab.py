"""The Repairs tab: the repairs list, intake at the counter, pickup and roll onto StockID."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from jewelbench.services import job_lists
from jewelbench.services.job_lists import JobRow
from jewelbench.services.job_views import JobView
from jewelbench.ui import job_display as show
from jewelbench.ui.context import AppContext
from jewelbench.ui.job_list_panel import Filters
from jewelbench.ui.module_tab import ModuleTab
from jewelbench.ui.repair_intake import RepairIntakeDialog
from jewelbench.ui.view_table import RIGHT, Column

TITLE = "Repairs"


def due_color(row: JobRow) -> str | None:
    if row.overdue:
        return "#b00020"
    return show.WARNING if row.due_today else None


COLUMNS = (
    Column("Job", lambda r: r.job_no, bold=lambda r: r.rush,
           tooltip=lambda r: "Rush" if r.rush else None),
    Column("Status", lambda r: show.job_status(r.status),
           color=lambda r: show.status_color(r.status)),
    Column("Promised", lambda r: show.date(r.due_date) + ("  RUSH" if r.rush else ""),
           color=due_color, bold=lambda r: r.overdue or r.due_today or r.rush),
    Column("Customer / StockID", lambda r: r.customer_name or f"In-house {r.stock_id or ''}"),
    Column("Piece", lambda r: r.description),
    Column("Stage", lambda r: r.current_stage or "—",
           tooltip=lambda r: r.assignee),
    Column("Estimate", lambda r: show.money(r.estimate, "—"), RIGHT),
    Column("Cost so far", lambda r: show.money(r.cost), RIGHT, color=lambda _r: show.MUTED),
)


def load_page(db, filters: Filters, offset: int, limit: int) -> list[JobRow]:
    return job_lists.list_jobs(db, module="repair", statuses=filters.statuses,
                               text=filters.text, customer_id=filters.customer_id,
                               due=filters.due, offset=offset, limit=limit)


class RepairsTab(ModuleTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        db = ctx.db
        super().__init__(ctx, TITLE, lambda f, o, n: load_page(db, f, o, n), COLUMNS,
                         key=lambda r: r.id, parent=parent)
        self.last_message = ""
        self.new_button = self.button("New repair…", self.new_repair, primary=True,
                                      tip="Take a piece in at the counter")
        self.pickup_button = self.button("Pickup…", self.pickup,
                                         tip="Hand a customer's piece back with its invoice")
        self.roll_button = self.button("Roll onto StockID", self.roll_onto_item,
                                       tip="Close an in-house repair: its cost goes onto "
                                           "the piece")
        self.list.resize_columns((90, 100, 150, 190, 260, 120, 90))
        self.update_buttons(None)

    def update_buttons(self, row: JobRow | None = None) -> None:
        super().update_buttons(row)
        in_flight = row is not None and row.status in ("open", "in_progress", "ready")
        self.pickup_button.setEnabled(row is not None and row.stock_id is None
                                      and row.status != "cancelled")
        self.pickup_button.setText("Invoice / payment…" if row is not None
                                   and row.status == "closed" else "Pickup…")
        self.roll_button.setEnabled(in_flight and row.stock_id is not None)

    def new_repair(self) -> None:
        def taken(job: JobView | None) -> None:
            if job is not None:
                self.list.refresh(select_id=job.id)

        self.open_dialog(RepairIntakeDialog(self.ctx, self), taken)

    def pickup(self) -> None:
        from jewelbench.ui import repair_job_actions

        job_id = self.current_job_id()
        if job_id is not None:
            repair_job_actions.pickup(self, self.ctx, job_id)

    def roll_onto_item(self, ask: bool = True) -> None:
        from jewelbench.ui import repair_job_actions

        row = self.current()
        if row is not None:
            repair_job_actions.roll_onto_item(self, self.ctx, row, ask=ask)


def create_tab(ctx: AppContext, parent: QWidget | None = None) -> QWidget:
    return RepairsTab(ctx, parent)
