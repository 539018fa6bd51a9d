"""What the job window adds for a repair: pickup or roll onto the StockID, and the intake.

Imported by the job window the first time it shows a repair (see ``job_window``); the
Repairs tab uses the same close-out functions, so both say and do the same.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from jewelbench.services import repairs
from jewelbench.services.inventory_views import ItemView
from jewelbench.services.job_views import JobView
from jewelbench.services.repairs import RepairView
from jewelbench.ui import job_display as show
from jewelbench.ui.context import AppContext
from jewelbench.ui.job_side_panel import JobSidePanel
from jewelbench.ui.job_window import JobAction, JobWindow, register_job_action, register_job_panel
from jewelbench.ui.pickup_dialog import PickupDialog


def pickup(host: QWidget, ctx: AppContext, job_id: int) -> PickupDialog:
    """Open the pickup dialog over ``host`` (a tab or a job window), without blocking it."""
    dialog = PickupDialog(ctx, job_id, "repair", host)
    host.dialog = dialog
    dialog.open()
    return dialog


def roll_onto_item(host: QWidget, ctx: AppContext, view_or_row, *, ask: bool = True) -> None:
    """Close an in-house repair: its cost goes onto the StockID, the piece back in stock."""
    text = (f"Close {view_or_row.job_no} and add its cost, {show.money(view_or_row.cost)}, "
            f"to the cost basis of {view_or_row.stock_id}? The piece goes back in stock.")
    if ask and QMessageBox.question(host, "Roll onto StockID", text) \
            != QMessageBox.StandardButton.Yes:
        return
    db, job_id = ctx.db, view_or_row.id

    def done(item: ItemView) -> None:
        message = (f"{item.stock_id} is back in stock; its cost basis is now "
                   f"{show.money(item.cost_basis)}.")
        if isinstance(host, JobWindow):
            host.notify(message, kind="ok")
        else:
            host.last_message = message

    def failed(exc: Exception) -> None:
        if isinstance(host, JobWindow):
            host.show_failure(exc)
        else:
            host.last_message = str(exc)
            QMessageBox.warning(host, "Roll onto StockID", str(exc))

    ctx.run(lambda: repairs.roll_onto_item(db, job_id), on_success=done, on_failure=failed,
            changes="jobs")


class RepairPanel(JobSidePanel):
    """The intake beside the bench work: what the piece is, how it came in, photos."""

    title = "Repair intake"

    def fetch(self, db, job_id: int) -> RepairView:
        return repairs.get_repair(db, job_id)

    def rows(self, repair: RepairView) -> list[tuple[str, str]]:
        job = repair.job
        piece = " · ".join(filter(None, [job.piece_type, job.metal,
                                         f"size {job.size}" if job.size else None]))
        rows = [("Piece", piece or "—"), ("Condition", repair.condition.describe()),
                ("Work", job.work_requested or "—"),
                ("Estimate", show.money(job.estimate, "—")),
                ("Promised", show.date(job.due_date) + ("  RUSH" if job.rush else ""))]
        if repair.invoice is not None:
            inv = repair.invoice
            rows.append(("Invoice", f"{inv.invoice_no} · total {show.money(inv.total)} · "
                                    f"balance {show.money(inv.balance_due)}"))
        return rows


def _customer_piece(view: JobView) -> bool:
    return view.in_flight and view.item_id is None


def _in_house(view: JobView) -> bool:
    return view.in_flight and view.item_id is not None


def _has_invoice(view: JobView) -> bool:
    return view.status == "closed" and view.item_id is None


register_job_action("repair", JobAction(
    key="pickup", label="Pickup…", primary=True, available=_customer_piece,
    tooltip="Hand the piece back: invoice, tax, payments at the counter",
    run=lambda window: pickup(window, window.ctx, window.job_id)))
register_job_action("repair", JobAction(
    key="invoice", label="Invoice / payment…", available=_has_invoice,
    tooltip="The invoice of this repair, and payment of any balance",
    run=lambda window: pickup(window, window.ctx, window.job_id)))
register_job_action("repair", JobAction(
    key="roll_onto_item", label="Roll onto StockID", primary=True, available=_in_house,
    tooltip="Add this job's cost to the piece's cost basis and put it back in stock",
    run=lambda window: roll_onto_item(window, window.ctx, window.view)))
register_job_panel("repair", RepairPanel)
