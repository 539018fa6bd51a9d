"""What the job window adds for a custom job: deposits, pickup, and the order's money.

Imported by the job window the first time it shows a custom job (see ``job_window``); the
Custom Jobs tab uses the same functions.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from jewelbench.services import custom_jobs
from jewelbench.services.custom_jobs import CustomJobView
from jewelbench.ui import job_display as show
from jewelbench.ui.context import AppContext
from jewelbench.ui.deposit_dialog import DepositDialog, ReceiptDialog
from jewelbench.ui.job_side_panel import JobSidePanel
from jewelbench.ui.job_window import JobAction, register_job_action, register_job_panel
from jewelbench.ui.pickup_dialog import PickupDialog

KIND_TEXT = {"deposit": "Deposit", "payment": "Payment", "refund": "Refund"}


def take_deposit(host: QWidget, ctx: AppContext, job_id: int) -> DepositDialog:
    """The deposit dialog over ``host``; once taken, the receipt is shown to hand over."""
    dialog = DepositDialog(ctx, job_id, host)
    host.dialog = dialog

    def taken() -> None:
        receipt = ReceiptDialog(ctx, dialog.result_value, host)
        host.dialog = receipt
        receipt.open()

    dialog.accepted.connect(taken)
    dialog.open()
    return dialog


def pickup(host: QWidget, ctx: AppContext, job_id: int) -> PickupDialog:
    dialog = PickupDialog(ctx, job_id, "custom", host)
    host.dialog = dialog
    dialog.open()
    return dialog


class CustomPanel(JobSidePanel):
    """Beside the bench work: the design, the quote, and the deposits with their receipts."""

    title = "Custom order"

    def fetch(self, db, job_id: int) -> CustomJobView:
        return custom_jobs.get_custom_job(db, job_id)

    def rows(self, order: CustomJobView) -> list[tuple[str, str]]:
        rows = [("Design", (order.design_notes or "—").replace("\n", "<br>")),
                ("Price", f"{show.money(order.job.price)} + tax = "
                          f"{show.money(order.price_with_tax)}"),
                ("Deposits", show.money(order.deposits)),
                ("Still to pay", f"<b>{show.money(order.remaining)}</b>")]
        for receipt in order.receipts:
            rows.append((KIND_TEXT.get(receipt.kind, receipt.kind),
                         f"{receipt.receipt_no} · {receipt.at:%d %b %Y} · {receipt.method} · "
                         f"{show.money(receipt.amount)}"))
        if order.invoice is not None:
            rows.append(("Invoice", order.invoice.invoice_no))
        return rows


register_job_action("custom", JobAction(
    key="deposit", label="Take deposit…",
    tooltip="Money down on this order, with a receipt",
    run=lambda window: take_deposit(window, window.ctx, window.job_id)))
register_job_action("custom", JobAction(
    key="pickup", label="Pickup…", primary=True,
    tooltip="Hand the piece over: invoice with the deposits applied, balance at the counter",
    run=lambda window: pickup(window, window.ctx, window.job_id)))
register_job_action("custom", JobAction(
    key="invoice", label="Invoice / payment…", available=lambda v: v.status == "closed",
    tooltip="The invoice of this order, and payment of any balance",
    run=lambda window: pickup(window, window.ctx, window.job_id)))
register_job_panel("custom", CustomPanel)
