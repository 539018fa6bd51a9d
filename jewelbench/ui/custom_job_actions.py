"""What the job window adds for a custom job: deposits, pickup, and the order's money.

Imported by the job window the first time it shows a custom job (see ``job_window``); the
Custom Jobs tab uses the same functions.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from jewelbench.services import custom_jobs
from jewelbench.services.custom_jobs import CustomJobView
from jewelbench.services.job_views import JobView
from jewelbench.ui import job_display as show
from jewelbench.ui.alive import while_alive
from jewelbench.ui.context import AppContext
from jewelbench.ui.deposit_dialog import DepositDialog, ReceiptDialog
from jewelbench.ui.job_photos import JobPhotos
from jewelbench.ui.job_window import JobAction, JobWindow, register_job_action, register_job_panel
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


class CustomPanel(QWidget):
    """Beside the bench work: the design, the quote, and the deposits with their receipts."""

    def __init__(self, window: JobWindow):
        super().__init__(window)
        self.window_ = window
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.photos = JobPhotos(window.ctx)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.photos)

    def show_job(self, view: JobView) -> None:
        db, ctx = self.window_.ctx.db, self.window_.ctx
        ctx.run(lambda: custom_jobs.get_custom_job(db, view.id),
                on_success=while_alive(self, self._show))
        self.photos.show_job(view)

    def _show(self, order: CustomJobView) -> None:
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
        body = "".join(f"<tr><td style='color:#6b6b6b;padding-right:8px'>{k}</td>"
                       f"<td>{v}</td></tr>" for k, v in rows)
        self.text.setText(f"<b>Custom order</b><table>{body}</table>")


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
