"""Customers: find by name or phone as you type, add or edit, and see one's history."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jewelbench.services import parties
from jewelbench.services.customer_history import CustomerHistory
from jewelbench.services.parties import CustomerView
from jewelbench.ui import job_display as show
from jewelbench.ui.alive import while_alive
from jewelbench.ui.context import AppContext
from jewelbench.ui.customer_picker import SEARCH_DELAY_MS, CustomerDialog
from jewelbench.ui.view_table import RIGHT, Column, ViewTableModel, row_table

KIND_TEXT = {"deposit": "Deposit", "payment": "Payment", "refund": "Refund"}


def _table(model: ViewTableModel) -> QTableView:
    return row_table(model, stretch=len(model.columns) - 1)


class CustomersDialog(QDialog):
    """The customer list. With ``choose=True`` it also hands a chosen customer back."""

    job_opened = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, choose: bool = False):
        super().__init__(parent)
        self.ctx = ctx
        self.chosen: CustomerView | None = None
        self.history: CustomerHistory | None = None
        self._asked = 0
        self.setWindowTitle("Choose a customer" if choose else "Customers")
        self.resize(980, 560)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by name, phone or e-mail…")
        self.search.setClearButtonEnabled(True)
        self.customers = ViewTableModel([
            Column("Name", lambda c: c.name),
            Column("Phone", lambda c: c.phone or ""),
            Column("E-mail", lambda c: c.email or "")])
        self.customer_table = _table(self.customers)
        self.add_button = QPushButton("New customer…")
        self.edit_button = QPushButton("Edit…")
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.customer_table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        left_box = QWidget()
        left_box.setLayout(left)

        self.title = QLabel("Choose a customer to see their jobs, invoices and deposits.")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.jobs = ViewTableModel([
            Column("Job", lambda j: j.job_no),
            Column("Kind", lambda j: show.MODULE_TEXT.get(j.module, j.module)),
            Column("Status", lambda j: show.job_status(j.status),
                   color=lambda j: show.status_color(j.status)),
            Column("Due", lambda j: show.date(j.due_date)),
            Column("Price", lambda j: show.money(j.price if j.price is not None
                                                 else j.estimate), RIGHT),
            Column("Description", lambda j: j.description)])
        self.invoices = ViewTableModel([
            Column("Invoice", lambda i: i.invoice_no),
            Column("Job", lambda i: i.job_no or ""),
            Column("Issued", lambda i: show.date(i.issued_at.date())),
            Column("Total", lambda i: show.money(i.total), RIGHT),
            Column("Balance due", lambda i: show.money(i.balance_due), RIGHT,
                   color=lambda i: show.WARNING if i.balance_due > 0 else None)])
        self.money = ViewTableModel([
            Column("Receipt", lambda p: p.receipt_no),
            Column("Date", lambda p: show.date(p.at.date())),
            Column("Kind", lambda p: KIND_TEXT.get(p.kind, p.kind)),
            Column("Method", lambda p: p.method.capitalize()),
            Column("Amount", lambda p: show.money(p.amount), RIGHT),
            Column("Job", lambda p: p.job_no or "")])
        self.job_table = _table(self.jobs)
        self.history_tabs = QTabWidget()
        self.history_tabs.addTab(self.job_table, "Jobs")
        self.history_tabs.addTab(_table(self.invoices), "Invoices")
        self.history_tabs.addTab(_table(self.money), "Deposits && payments")
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.history_tabs, 1)
        right_box = QWidget()
        right_box.setLayout(right)

        splitter = QSplitter()
        splitter.addWidget(left_box)
        splitter.addWidget(right_box)
        splitter.setSizes([380, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.choose_button = QPushButton("Choose")
        self.choose_button.setDefault(True)
        self.choose_button.setVisible(choose)
        self.choose_button.setEnabled(False)
        close = QPushButton("Cancel" if choose else "Close")
        bottom.addWidget(self.choose_button)
        bottom.addWidget(close)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.customer_table.selectionModel().currentRowChanged.connect(self._selected)
        self.customer_table.doubleClicked.connect(
            lambda _i: self._choose() if choose else None)
        self.job_table.doubleClicked.connect(self._open_job)
        self.add_button.clicked.connect(self.add_customer)
        self.edit_button.clicked.connect(self.edit_customer)
        self.choose_button.clicked.connect(self._choose)
        close.clicked.connect(self.reject)
        self.refresh()

    def current(self) -> CustomerView | None:
        return self.customers.row_at(self.customer_table.currentIndex().row())

    def refresh(self, select_id: int | None = None) -> None:
        text = self.search.text()
        self._asked += 1
        asked = self._asked
        db = self.ctx.db
        self.ctx.run(lambda: parties.search_customers(db, text, limit=500),
                     on_success=while_alive(
                         self, lambda rows: self._show(asked, rows, select_id)))

    def _show(self, asked: int, rows: list[CustomerView], select_id: int | None) -> None:
        if asked != self._asked:
            return
        keep = select_id or (self.current().id if self.current() else None)
        self.customers.set_rows(rows)
        row = self.customers.row_of(lambda c: c.id == keep) if keep else -1
        if row < 0 and len(rows) == 1:
            row = 0
        if row >= 0:
            self.customer_table.selectRow(row)
        else:
            self._selected()

    def _selected(self, *_args) -> None:
        customer = self.current()
        self.choose_button.setEnabled(customer is not None)
        self.edit_button.setEnabled(customer is not None)
        if customer is None:
            self.history = None
            self.jobs.set_rows([])
            self.invoices.set_rows([])
            self.money.set_rows([])
            return
        db = self.ctx.db
        self.ctx.run(lambda: parties.customer_history(db, customer.id),
                     on_success=while_alive(self, self._show_history))

    def _show_history(self, history: CustomerHistory) -> None:
        current = self.current()
        if current is None or current.id != history.customer.id:
            return
        self.history = history
        c = history.customer
        contact = " · ".join(filter(None, [c.phone, c.email, c.address]))
        owed = (f"<span style='color:{show.WARNING}'>owes {show.money(history.balance_owed)}"
                "</span>" if history.balance_owed > 0 else "owes nothing")
        self.title.setText(
            f"<b style='font-size:15px'>{c.name}</b><br>{contact}<br>"
            f"{len(history.jobs)} job(s) · deposits held "
            f"{show.money(history.deposits_held)} · {owed}")
        self.jobs.set_rows(history.jobs)
        self.invoices.set_rows(history.invoices)
        self.money.set_rows(history.payments)

    def add_customer(self) -> None:
        text = self.search.text().strip()
        dialog = CustomerDialog(self.ctx, parent=self, name=text)
        if dialog.exec() and dialog.result_value is not None:
            self.search.clear()
            self.refresh(select_id=dialog.result_value.id)

    def edit_customer(self) -> None:
        customer = self.current()
        if customer is None:
            return
        dialog = CustomerDialog(self.ctx, customer, parent=self)
        if dialog.exec() and dialog.result_value is not None:
            self.refresh(select_id=customer.id)

    def _choose(self) -> None:
        self.chosen = self.current()
        if self.chosen is not None:
            self.accept()

    def _open_job(self, index) -> None:
        job = self.jobs.row_at(index.row())
        if job is not None:
            self.job_opened.emit(job.id)
