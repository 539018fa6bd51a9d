"""Handing a finished piece over: what is owed, the payments taken, and the invoice.

Works for a repair (the price is confirmed at the counter, prefilled from the estimate) and a
custom job (the quoted price, deposits applied). For a job already picked up with a balance
left on its invoice, the same dialog takes the payment of that balance.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jewelbench.errors import JewelBenchError
from jewelbench.services import custom_jobs, invoices, payments, receipts, repairs
from jewelbench.services.invoices import Charges, InvoiceView
from jewelbench.services.job_views import JobView
from jewelbench.ui import job_display as show
from jewelbench.ui.alive import while_alive
from jewelbench.ui.context import AppContext
from jewelbench.ui.deposit_dialog import METHODS, method_combo
from jewelbench.ui.documents import show_pdf

ZERO = Decimal("0.00")
_BIG = "font-size: 20px; font-weight: 700;"


@dataclass(frozen=True)
class PickupState:
    """What the dialog needs, loaded in one background call."""

    job: JobView
    charges: Charges | None
    invoice: InvoiceView | None


def load_state(db, job_id: int, module: str) -> PickupState:
    view = repairs.get_repair(db, job_id) if module == "repair" \
        else custom_jobs.get_custom_job(db, job_id)
    if view.invoice is not None:
        return PickupState(view.job, None, view.invoice)
    if module == "repair":
        # no estimate: the clerk types the price first, then the charges appear
        charges = repairs.pickup_charges(db, job_id) if view.job.estimate is not None else None
    else:
        charges = custom_jobs.pickup_charges(db, job_id)
    return PickupState(view.job, charges, None)


class PickupDialog(QDialog):
    def __init__(self, ctx: AppContext, job_id: int, module: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.job_id = job_id
        self.module = module
        self.state: PickupState | None = None
        self.invoice: InvoiceView | None = None
        self.taken: list[tuple[Decimal, str]] = []
        self.setWindowTitle("Pickup")
        self.setMinimumWidth(560)

        self.header = QLabel("Loading…")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.price = QLineEdit()
        self.price.setPlaceholderText("0.00")
        self.price.setMaximumWidth(140)
        self.price_hint = QLabel()
        self.price_hint.setStyleSheet("color: #6b6b6b;")
        price_row = QHBoxLayout()
        price_row.addWidget(QLabel("Repair price"))
        price_row.addWidget(self.price)
        price_row.addWidget(self.price_hint, 1)
        self.price_box = QWidget()
        self.price_box.setLayout(price_row)
        price_row.setContentsMargins(0, 0, 0, 0)
        self.price_box.hide()

        self.amounts = QGridLayout()
        self.amounts.setColumnStretch(0, 1)
        self.amount_labels: dict[str, QLabel] = {}
        for row, (key, title) in enumerate((("subtotal", "Subtotal"), ("tax", "Sales tax"),
                                            ("total", "Total"), ("deposits", "Less deposits"),
                                            ("paid", "Paid before"),
                                            ("balance", "Balance due"))):
            name, value = QLabel(title), QLabel()
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            if key == "balance":
                name.setStyleSheet(_BIG)
                value.setStyleSheet(_BIG)
            self.amounts.addWidget(name, row, 0)
            self.amounts.addWidget(value, row, 1)
            self.amount_labels[key] = value
            self.amount_labels[f"{key}_title"] = name

        self.pay_amount = QLineEdit()
        self.pay_amount.setPlaceholderText("Amount")
        self.pay_amount.setMaximumWidth(140)
        self.pay_method = method_combo()
        self.add_payment_button = QPushButton("Add payment")
        pay_row = QHBoxLayout()
        pay_row.addWidget(QLabel("Payment"))
        pay_row.addWidget(self.pay_amount)
        pay_row.addWidget(self.pay_method)
        pay_row.addWidget(self.add_payment_button)
        pay_row.addStretch(1)
        self.payments = QTableWidget(0, 3)
        self.payments.setHorizontalHeaderLabels(["Paid by", "Amount", ""])
        self.payments.verticalHeader().hide()
        self.payments.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.payments.setFixedHeight(110)
        self.owed_after = QLabel()
        self.owed_after.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.owed_after.setStyleSheet("font-size: 14px; font-weight: 600;")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

        entry = QWidget()
        entry_layout = QVBoxLayout(entry)
        entry_layout.setContentsMargins(0, 0, 0, 0)
        entry_layout.addWidget(self.header)
        entry_layout.addWidget(self.price_box)
        entry_layout.addLayout(self.amounts)
        entry_layout.addSpacing(8)
        entry_layout.addLayout(pay_row)
        entry_layout.addWidget(self.payments)
        entry_layout.addWidget(self.owed_after)
        entry_layout.addWidget(self.error)
        self.done_label = QLabel()
        self.done_label.setTextFormat(Qt.TextFormat.RichText)
        self.done_label.setWordWrap(True)
        done = QWidget()
        done_layout = QVBoxLayout(done)
        done_layout.addWidget(self.done_label)
        done_layout.addStretch(1)
        self.pages = QStackedWidget()
        self.pages.addWidget(entry)
        self.pages.addWidget(done)

        self.buttons = QDialogButtonBox()
        self.complete_button = self.buttons.addButton(
            "Complete pickup", QDialogButtonBox.ButtonRole.AcceptRole)
        self.complete_button.setEnabled(False)
        self.print_button = self.buttons.addButton("Print invoice",
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)

        self._price_timer = QTimer(self)
        self._price_timer.setSingleShot(True)
        self._price_timer.setInterval(250)
        self._price_timer.timeout.connect(self._reprice)
        self.price.textEdited.connect(lambda _t: self._price_timer.start())
        self.add_payment_button.clicked.connect(self.add_payment)
        self.pay_amount.returnPressed.connect(self.add_payment)
        self.complete_button.clicked.connect(self.complete)
        self.print_button.clicked.connect(self.print_invoice)
        self.close_button.clicked.connect(self._close)
        self.reload()

    # -- loading

    def reload(self) -> None:
        db, job_id, module = self.ctx.db, self.job_id, self.module
        self.ctx.run(lambda: load_state(db, job_id, module),
                     on_success=while_alive(self, self._loaded),
                     on_failure=while_alive(self, self._failed))

    def _loaded(self, state: PickupState) -> None:
        self.state = state
        job = state.job
        who = job.customer_name or job.stock_id or ""
        self.header.setText(f"<span style='font-size:17px'><b>{job.job_no}</b> · {who}</span>"
                            f"<br>{job.description}")
        if state.invoice is not None:
            self._show_invoice_balance(state.invoice)
            return
        is_repair = job.module == "repair"
        self.setWindowTitle(f"Pickup {job.job_no}")
        self.price_box.setVisible(is_repair)
        if is_repair:
            if job.estimate is not None and not self.price.text():
                self.price.setText(f"{job.estimate:.2f}")
            self.price_hint.setText(f"estimate {show.money(job.estimate, '—')} · "
                                    f"job cost {show.money(job.cost)}")
        self._show_charges(state.charges)
        if not job.in_flight:
            self._refuse(f"This job is {show.job_status(job.status).lower()}; "
                         "there is nothing to pick up.")
        elif job.current_stage is not None:
            names = ", ".join(s.name for s in job.stages if s.status != "done")
            self._refuse(f"Stages not done yet: {names}. Finish them at the bench first.")
        self.pay_amount.setFocus()

    def _refuse(self, message: str) -> None:
        self.complete_button.setEnabled(False)
        self.error.setText(message)
        self.error.show()

    def _failed(self, exc: Exception) -> None:
        self.error.setText(str(exc))
        self.error.show()

    def _show_charges(self, charges: Charges | None) -> None:
        labels = self.amount_labels
        for key in ("paid", "paid_title"):
            labels[key].hide()
        if charges is None:
            for key in ("subtotal", "tax", "total", "deposits", "balance"):
                labels[key].setText("—")
            self.balance = None
            self.complete_button.setEnabled(False)
        else:
            labels["subtotal"].setText(show.money(charges.subtotal))
            labels["tax_title"].setText(f"Sales tax {charges.tax_rate.normalize():f}%")
            labels["tax"].setText(show.money(charges.tax))
            labels["total"].setText(show.money(charges.total))
            labels["deposits"].setText(f"− {show.money(charges.deposits)}")
            labels["balance"].setText(show.money(charges.balance_due))
            self.balance = charges.balance_due
            self.complete_button.setEnabled(bool(self.state and self.state.job.in_flight
                                                 and self.state.job.current_stage is None))
        self._update_owed()

    def _show_invoice_balance(self, invoice: InvoiceView) -> None:
        """Picked up already: take (part of) what is still owed on the invoice."""
        self.invoice = invoice
        self.setWindowTitle(f"Payment on {invoice.invoice_no}")
        labels = self.amount_labels
        labels["subtotal"].setText(show.money(invoice.subtotal))
        labels["tax_title"].setText(f"Sales tax {invoice.tax_rate.normalize():f}%")
        labels["tax"].setText(show.money(invoice.tax))
        labels["total"].setText(show.money(invoice.total))
        labels["deposits"].setText(f"− {show.money(invoice.deposits)}")
        labels["paid"].setText(f"− {show.money(invoice.paid)}")
        labels["paid"].show()
        labels["paid_title"].show()
        labels["balance"].setText(show.money(invoice.balance_due))
        self.balance = invoice.balance_due
        self.header.setText(self.header.text() + f"<br>Invoice <b>{invoice.invoice_no}</b>")
        self.complete_button.setText("Record payment")
        self.complete_button.setEnabled(invoice.balance_due > 0)
        self.print_button.show()
        if invoice.balance_due <= 0:
            self._refuse("This invoice is paid in full.")
        self._update_owed()

    def _reprice(self) -> None:
        db, job_id, price = self.ctx.db, self.job_id, self.price.text()
        self.error.hide()

        def failed(exc: Exception) -> None:
            self._show_charges(None)
            self._failed(exc)

        self.ctx.run(lambda: repairs.pickup_charges(db, job_id, price),
                     on_success=while_alive(self, self._show_charges),
                     on_failure=while_alive(self, failed))

    # -- payments at the counter

    def add_payment(self) -> None:
        self.error.hide()
        try:
            amount = payments.parse_amount(self.pay_amount.text())
        except JewelBenchError as exc:
            self._failed(exc)
            return
        method = self.pay_method.currentData()
        self.taken.append((amount, method))
        self._show_payments()
        self.pay_amount.clear()
        self.pay_amount.setFocus()

    def _show_payments(self) -> None:
        names = dict((value, text) for text, value in METHODS)
        self.payments.setRowCount(len(self.taken))
        for row, (amount, method) in enumerate(self.taken):
            self.payments.setItem(row, 0, QTableWidgetItem(names.get(method, method)))
            cell = QTableWidgetItem(show.money(amount))
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.payments.setItem(row, 1, cell)
            remove = QPushButton("Remove")
            remove.clicked.connect(lambda _=False, r=row: self._remove_payment(r))
            self.payments.setCellWidget(row, 2, remove)
        self._update_owed()

    def _remove_payment(self, row: int) -> None:
        del self.taken[row]
        self._show_payments()

    def _update_owed(self) -> None:
        balance = getattr(self, "balance", None)
        if balance is None:
            self.owed_after.setText("")
            return
        paying = sum((amount for amount, _ in self.taken), ZERO)
        left = balance - paying
        if left < 0:
            self.owed_after.setText(f"<span style='color:#b00020'>Payments are "
                                    f"{show.money(-left)} more than the balance due</span>")
        else:
            self.owed_after.setText(f"Paying now {show.money(paying)} · still owed after "
                                    f"pickup {show.money(left)}")
        if not self.taken and balance > 0 and not self.pay_amount.text():
            self.pay_amount.setPlaceholderText(f"{balance:.2f}")

    # -- completing

    def complete(self) -> None:
        if self.state is None:
            return
        if self.pay_amount.text().strip():
            # an amount typed but not added yet is meant to be paid too
            before = len(self.taken)
            self.add_payment()
            if len(self.taken) == before:
                return
        self.error.hide()
        self.complete_button.setEnabled(False)
        db, job_id, taken = self.ctx.db, self.job_id, list(self.taken)
        if self.invoice is not None:
            invoice_id = self.invoice.id

            def pay() -> InvoiceView:
                view = None
                for amount, method in taken:
                    view = invoices.take_payment(db, invoice_id, amount, method)
                return view or invoices.get_invoice(db, invoice_id)

            fn = pay
        elif self.module == "repair":
            price = self.price.text()
            fn = lambda: repairs.close_for_pickup(db, job_id, price=price,  # noqa: E731
                                                  payments=taken)
        else:
            fn = lambda: custom_jobs.close_for_pickup(db, job_id, payments=taken)  # noqa: E731
        self.ctx.run(fn, on_success=self._completed, on_failure=self._complete_failed,
                     changes="jobs")

    def _complete_failed(self, exc: Exception) -> None:
        self.complete_button.setEnabled(True)
        self._failed(exc)

    def _completed(self, invoice: InvoiceView) -> None:
        self.invoice = invoice
        state = "<b style='color:#1b6e35'>Paid in full</b>" if invoice.is_paid else \
            f"<b style='color:#a33a00'>Balance due {show.money(invoice.balance_due)}</b>"
        lines = "".join(f"<tr><td>{p.receipt_no} · {p.kind} · {p.method}</td>"
                        f"<td align='right'>{show.money(p.amount)}</td></tr>"
                        for p in invoice.payments)
        self.done_label.setText(
            f"<p style='font-size:18px'><b>Invoice {invoice.invoice_no}</b></p>"
            f"<p>{invoice.job_no} · {invoice.customer_name or ''}</p>"
            f"<table width='100%' cellspacing='4'>"
            f"<tr><td>Total</td><td align='right'><b>{show.money(invoice.total)}</b></td></tr>"
            f"{lines}</table><p style='font-size:16px'>{state}</p>")
        self.pages.setCurrentIndex(1)
        self.complete_button.hide()
        self.print_button.show()
        self.close_button.setText("Close")
        self.setWindowTitle(f"Invoice {invoice.invoice_no}")

    def print_invoice(self) -> None:
        if self.invoice is None:
            return
        db, invoice_id = self.ctx.db, self.invoice.id
        show_pdf(self.ctx, lambda: receipts.invoice_pdf(db, invoice_id),
                 f"invoice-{self.invoice.invoice_no}", self)

    def _close(self) -> None:
        if self.pages.currentIndex() == 1:
            self.accept()
        else:
            self.reject()
