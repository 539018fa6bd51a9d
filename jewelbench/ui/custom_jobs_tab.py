"""The Custom Jobs tab: orders, their deposits and receipts, and pickup with the invoice."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtWidgets import QWidget

from jewelbench.services import job_lists, payments
from jewelbench.services.job_lists import JobRow
from jewelbench.services.job_views import JobView
from jewelbench.ui import job_display as show
from jewelbench.ui.context import AppContext
from jewelbench.ui.job_list_panel import Filters
from jewelbench.ui.module_tab import ModuleTab
from jewelbench.ui.repairs_tab import due_color
from jewelbench.ui.view_table import RIGHT, Column

TITLE = "Custom Jobs"


@dataclass(frozen=True)
class OrderRow:
    """A custom job in the list, with the deposits it holds."""

    job: JobRow
    deposits: Decimal

    @property
    def id(self) -> int:
        return self.job.id

    @property
    def job_no(self) -> str:
        return self.job.job_no


COLUMNS = (
    Column("Job", lambda r: r.job.job_no, bold=lambda r: r.job.rush),
    Column("Status", lambda r: show.job_status(r.job.status),
           color=lambda r: show.status_color(r.job.status)),
    Column("Target", lambda r: show.date(r.job.due_date) + ("  RUSH" if r.job.rush else ""),
           color=lambda r: due_color(r.job),
           bold=lambda r: r.job.overdue or r.job.due_today or r.job.rush),
    Column("Customer", lambda r: r.job.customer_name or ""),
    Column("Description", lambda r: r.job.description),
    Column("Stage", lambda r: r.job.current_stage or "—", tooltip=lambda r: r.job.assignee),
    Column("Price", lambda r: show.money(r.job.price, "—"), RIGHT),
    Column("Deposits", lambda r: show.money(r.deposits), RIGHT,
           color=lambda r: show.MUTED if not r.deposits else None),
)


def load_page(db, filters: Filters, offset: int, limit: int) -> list[OrderRow]:
    rows = job_lists.list_jobs(db, module="custom", statuses=filters.statuses,
                               text=filters.text, customer_id=filters.customer_id,
                               due=filters.due, offset=offset, limit=limit)
    held = payments.deposits_by_job(db, [r.id for r in rows])
    return [OrderRow(r, held.get(r.id, Decimal("0.00"))) for r in rows]


class CustomJobsTab(ModuleTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        db = ctx.db
        super().__init__(ctx, TITLE, lambda f, o, n: load_page(db, f, o, n), COLUMNS,
                         key=lambda r: r.id, parent=parent)
        self.new_button = self.button("New custom job…", self.new_job, primary=True,
                                      tip="Take an order: customer, design, quoted price")
        self.deposit_button = self.button("Take deposit…", self.take_deposit,
                                          tip="Money down, with a receipt")
        self.pickup_button = self.button("Pickup…", self.pickup,
                                         tip="Invoice with the deposits applied; balance paid")
        self.list.resize_columns((90, 100, 150, 170, 260, 110, 90))
        self.update_buttons(None)

    def update_buttons(self, row: OrderRow | None = None) -> None:
        super().update_buttons(row)
        status = row.job.status if row is not None else None
        self.deposit_button.setEnabled(status in ("open", "in_progress", "ready"))
        self.pickup_button.setEnabled(status not in (None, "cancelled"))
        self.pickup_button.setText("Invoice / payment…" if status == "closed" else "Pickup…")

    def new_job(self) -> None:
        from jewelbench.ui.custom_intake import CustomIntakeDialog

        def made(job: JobView | None) -> None:
            if job is not None:
                self.list.refresh(select_id=job.id)

        self.open_dialog(CustomIntakeDialog(self.ctx, self), made)

    def take_deposit(self) -> None:
        from jewelbench.ui import custom_job_actions

        job_id = self.current_job_id()
        if job_id is not None:
            custom_job_actions.take_deposit(self, self.ctx, job_id)

    def pickup(self) -> None:
        from jewelbench.ui import custom_job_actions

        job_id = self.current_job_id()
        if job_id is not None:
            custom_job_actions.pickup(self, self.ctx, job_id)


def create_tab(ctx: AppContext, parent: QWidget | None = None) -> QWidget:
    return CustomJobsTab(ctx, parent)
