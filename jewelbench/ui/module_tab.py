"""What the Repairs and Custom Jobs tabs share: a button bar, the job list, the job window."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from jewelbench.services import tickets
from jewelbench.ui import job_display as show
from jewelbench.ui.context import AppContext
from jewelbench.ui.customers_dialog import CustomersDialog
from jewelbench.ui.documents import show_pdf
from jewelbench.ui.job_list_panel import JobListPanel, Loader
from jewelbench.ui.view_table import Column


class ModuleTab(QWidget):
    """Subclasses add their buttons with ``button()`` and say when each is enabled in
    ``update_buttons(row)``; the list, filters and job window come from here."""

    def __init__(self, ctx: AppContext, title: str, loader: Loader, columns: Sequence[Column],
                 key: Callable[[Any], int], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None  # the dialog last opened (tests reach it here)
        self.windows: list[QWidget] = []
        heading = QLabel(f"<b style='font-size:16px'>{title}</b>")
        self.bar = QHBoxLayout()
        self.bar.addWidget(heading)
        self.bar.addSpacing(16)
        self.right_bar = QHBoxLayout()
        self.list = JobListPanel(ctx, loader, columns, key, self)
        top = QHBoxLayout()
        top.addLayout(self.bar)
        top.addStretch(1)
        top.addLayout(self.right_bar)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)

        self.open_button = self.button("Open job", self.open_current, right=True,
                                       tip="Stages, stones and costs at the bench (Enter)")
        self.ticket_button = self.button("Print ticket", self.print_ticket, right=True,
                                         tip="The envelope that travels with the piece")
        self.customers_button = self.button("Customers…", self.show_customers, right=True)
        self.list.customer_button.clicked.connect(self.choose_customer)
        self.list.current_changed.connect(self.update_buttons)
        self.list.activated.connect(lambda row: self.open_job(row.id if row else None))
        ctx.changed.connect(self._on_changed)

    def button(self, text: str, slot: Callable[[], None], *, primary: bool = False,
               right: bool = False, tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        if primary:
            button.setStyleSheet(show.PRIMARY_BUTTON)
        button.clicked.connect(lambda _=False: slot())
        (self.right_bar if right else self.bar).addWidget(button)
        return button

    def current(self) -> Any | None:
        return self.list.current()

    def current_job_id(self) -> int | None:
        row = self.current()
        return None if row is None else self.list.key(row)

    def update_buttons(self, row: Any | None = None) -> None:
        self.open_button.setEnabled(row is not None)
        self.ticket_button.setEnabled(row is not None)

    def _on_changed(self, area: str) -> None:
        if area in ("jobs", "customers", "inventory"):
            self.list.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # the first showing loads the list; switching back to the tab brings it up to date
        self.list.refresh()
        super().showEvent(event)

    def open_dialog(self, dialog: QWidget, done: Callable[[Any], None] | None = None) -> None:
        """Show a dialog without blocking; ``done`` gets its result when it is accepted."""
        self.dialog = dialog
        if done is not None:
            dialog.accepted.connect(lambda: done(getattr(dialog, "result_value", None)))
        dialog.open()

    def open_current(self) -> None:
        self.open_job(self.current_job_id())

    def open_job(self, job_id: int | None) -> None:
        if job_id is None:
            return
        from jewelbench.ui.job_window import JobWindow

        window = JobWindow(self.ctx, job_id, self)
        self.windows = [w for w in self.windows if w.isVisible()] + [window]
        window.show()

    def print_ticket(self) -> None:
        row, db = self.current(), self.ctx.db
        if row is not None:
            show_pdf(self.ctx, lambda: tickets.job_ticket_pdf(db, row.id),
                     f"ticket-{row.job_no}", self)

    def show_customers(self) -> None:
        dialog = CustomersDialog(self.ctx, self)
        dialog.job_opened.connect(self.open_job)
        self.open_dialog(dialog)

    def choose_customer(self) -> None:
        dialog = CustomersDialog(self.ctx, self, choose=True)
        self.open_dialog(dialog, lambda _r: self.list.set_customer(dialog.chosen))
