"""Money down on a custom job, and the receipt handed to the customer for it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from jewelbench.services import custom_jobs, receipts
from jewelbench.services.custom_jobs import CustomJobView
from jewelbench.services.payments import DepositReceipt
from jewelbench.ui import job_display as show
from jewelbench.ui.alive import while_alive
from jewelbench.ui.context import AppContext
from jewelbench.ui.documents import show_pdf
from jewelbench.ui.form_dialog import FormDialog

METHODS = (("Cash", "cash"), ("Card", "card"), ("Check", "check"), ("Other", "other"))


def method_combo() -> QComboBox:
    combo = QComboBox()
    for text, value in METHODS:
        combo.addItem(text, value)
    return combo


class DepositDialog(FormDialog):
    """``result_value`` is the DepositReceipt once the deposit is taken."""

    def __init__(self, ctx: AppContext, job_id: int, parent: QWidget | None = None):
        super().__init__(ctx, "Take a deposit", parent, ok_text="Take deposit")
        self.setMinimumWidth(460)
        self.job_id = job_id
        self.summary = QLabel("Loading…")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("0.00")
        self.method = method_combo()
        self.form.addRow(self.summary)
        self.form.addRow("Amount", self.amount)
        self.form.addRow("Paid by", self.method)
        self.fields.update(amount=self.amount, method=self.method)
        self.ok_button.setEnabled(False)
        db = ctx.db
        ctx.run(lambda: custom_jobs.get_custom_job(db, job_id),
                on_success=while_alive(self, self._loaded),
                on_failure=while_alive(self, self.show_error))

    def _loaded(self, view: CustomJobView) -> None:
        job = view.job
        self.summary.setText(
            f"<b style='font-size:15px'>{job.job_no}</b> · {job.customer_name or ''}<br>"
            f"{job.description}<br>"
            "<table cellspacing='2' style='margin-top:6px'>"
            f"<tr><td>Price with tax</td><td align='right'>"
            f"{show.money(view.price_with_tax)}</td></tr>"
            f"<tr><td>Deposits so far</td><td align='right'>{show.money(view.deposits)}"
            "</td></tr>"
            f"<tr><td><b>Still to pay</b></td><td align='right'>"
            f"<b>{show.money(view.remaining)}</b></td></tr></table>")
        self.ok_button.setEnabled(job.in_flight and view.remaining > 0)
        if not job.in_flight:
            self.error.setText(f"This job is {show.job_status(job.status).lower()}; "
                               "no deposit can be taken.")
            self.error.show()
        self.amount.setFocus()

    def call(self) -> Callable[[], Any]:
        db, job_id = self.ctx.db, self.job_id
        amount, method = self.amount.text(), self.method.currentData()
        return lambda: custom_jobs.take_deposit(db, job_id, amount=amount, method=method)


class ReceiptDialog(QDialog):
    """What to tell (and hand) the customer after a deposit: the receipt number and totals."""

    def __init__(self, ctx: AppContext, receipt: DepositReceipt, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.receipt = receipt
        self.setWindowTitle(f"Receipt {receipt.receipt_no}")
        p = receipt.payment
        text = QLabel(
            f"<p style='font-size:16px'><b>Receipt {p.receipt_no}</b></p>"
            f"<p>Deposit of <b>{show.money(p.amount)}</b> ({p.method}) on {p.job_no} "
            f"for {p.customer_name or ''}.</p>"
            f"<p>Deposits so far: <b>{show.money(receipt.deposits)}</b><br>"
            f"Still to pay at pickup: <b>{show.money(receipt.remaining)}</b></p>")
        text.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton("Print receipt",
                                              QDialogButtonBox.ButtonRole.ActionRole)
        done = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        done.setDefault(True)
        self.print_button.clicked.connect(self.print_receipt)
        buttons.rejected.connect(self.accept)
        done.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)

    def print_receipt(self) -> None:
        db, payment_id = self.ctx.db, self.receipt.payment.id
        show_pdf(self.ctx, lambda: receipts.receipt_pdf(db, payment_id),
                 f"receipt-{self.receipt.receipt_no}", self)
