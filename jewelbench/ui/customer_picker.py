"""Choosing the customer on an intake form: search as you type, or add one on the spot."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from jewelbench.services import parties
from jewelbench.services.parties import CustomerView
from jewelbench.ui.alive import while_alive
from jewelbench.ui.context import AppContext
from jewelbench.ui.form_dialog import FormDialog

SEARCH_DELAY_MS = 180


def describe(customer: CustomerView) -> str:
    return " · ".join(filter(None, [customer.name, customer.phone, customer.email]))


class CustomerDialog(FormDialog):
    """Add a customer, or edit one (``customer`` given); the service checks every field."""

    def __init__(self, ctx: AppContext, customer: CustomerView | None = None,
                 parent: QWidget | None = None, name: str = "", phone: str = ""):
        super().__init__(ctx, "Edit customer" if customer else "New customer", parent,
                         ok_text="Save" if customer else "Add customer")
        self.customer = customer
        self.name = QLineEdit(customer.name if customer else name)
        self.phone = QLineEdit((customer.phone or "") if customer else phone)
        self.phone.setPlaceholderText("(555) 123-4567")
        self.email = QLineEdit((customer.email or "") if customer else "")
        self.address = QLineEdit((customer.address or "") if customer else "")
        self.notes = QLineEdit((customer.notes or "") if customer else "")
        for label, widget, key in (("Name", self.name, "name"), ("Phone", self.phone, "phone"),
                                   ("E-mail", self.email, "email"),
                                   ("Address", self.address, "address"),
                                   ("Notes", self.notes, "notes")):
            self.form.addRow(label, widget)
            self.fields[key] = widget

    def changes(self) -> str | None:
        return "customers"

    def call(self) -> Callable[[], Any]:
        values = dict(name=self.name.text(), phone=self.phone.text(), email=self.email.text(),
                      address=self.address.text(), notes=self.notes.text())
        db, customer = self.ctx.db, self.customer
        if customer is None:
            return lambda: parties.add_customer(db, **values)
        return lambda: parties.update_customer(db, customer.id, **values)


class CustomerPicker(QWidget):
    """Type part of a name or phone number; pick from the matches, or add a new customer.

    ``customer_changed`` carries the chosen CustomerView (or None when cleared).
    """

    customer_changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.customer: CustomerView | None = None
        self._asked = 0
        self.search = QLineEdit()
        self.search.setPlaceholderText("Type a name or phone number…")
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton("New customer…")
        self.results = QListWidget()
        self.results.setMaximumHeight(130)
        self.results.hide()
        self.chosen = QLabel()
        self.chosen.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.chosen.setStyleSheet("QLabel { background: #eef4ec; border: 1px solid #b9d3b2; "
                                  "border-radius: 4px; padding: 5px 8px; font-weight: 600; }")
        self.change_button = QPushButton("Change")
        chosen_row = QHBoxLayout()
        chosen_row.addWidget(self.chosen, 1)
        chosen_row.addWidget(self.change_button)
        self.chosen_box = QWidget()
        self.chosen_box.setLayout(chosen_row)
        chosen_row.setContentsMargins(0, 0, 0, 0)
        self.chosen_box.hide()
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.new_button)
        self.search_box = QWidget()
        self.search_box.setLayout(search_row)
        search_row.setContentsMargins(0, 0, 0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search_box)
        layout.addWidget(self.results)
        layout.addWidget(self.chosen_box)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._run_search)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._take_first)
        self.results.itemActivated.connect(self._picked)
        self.results.itemClicked.connect(self._picked)
        self.new_button.clicked.connect(self.quick_add)
        self.change_button.clicked.connect(self.clear)

    @property
    def customer_id(self) -> int | None:
        return self.customer.id if self.customer else None

    def set_customer(self, customer: CustomerView | None) -> None:
        self.customer = customer
        self.results.hide()
        self.search_box.setVisible(customer is None)
        self.chosen_box.setVisible(customer is not None)
        if customer is not None:
            self.chosen.setText(describe(customer))
        else:
            self.search.clear()
            self.search.setFocus()
        self.customer_changed.emit(customer)

    def clear(self) -> None:
        self.set_customer(None)

    def _run_search(self) -> None:
        text = self.search.text().strip()
        self._asked += 1
        asked = self._asked
        if not text:
            self.results.clear()
            self.results.hide()
            return
        db = self.ctx.db
        self.ctx.run(lambda: parties.search_customers(db, text, limit=20),
                     on_success=while_alive(self, lambda found: self._show(asked, found)))

    def _show(self, asked: int, found: list[CustomerView]) -> None:
        if asked != self._asked or self.customer is not None:
            return  # an older search answered late, or the clerk already chose
        self.results.clear()
        for customer in found:
            item = QListWidgetItem(describe(customer))
            item.setData(Qt.ItemDataRole.UserRole, customer)
            self.results.addItem(item)
        if not found:
            item = QListWidgetItem("No customer matches — press “New customer…” to add one")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)
        self.results.show()

    def _take_first(self) -> None:
        first = self.results.item(0)
        if first is not None and first.data(Qt.ItemDataRole.UserRole) is not None:
            self._picked(first)

    def _picked(self, item: QListWidgetItem) -> None:
        customer = item.data(Qt.ItemDataRole.UserRole)
        if customer is not None:
            self.set_customer(customer)

    def quick_add(self) -> None:
        """New customer, with what was typed already filled in as name or phone."""
        typed = self.search.text().strip()
        digits = sum(ch.isdigit() for ch in typed)
        is_phone = bool(typed) and digits >= len(typed.replace(" ", "")) / 2
        dialog = CustomerDialog(self.ctx, parent=self, name="" if is_phone else typed,
                                phone=typed if is_phone else "")
        if dialog.exec() and dialog.result_value is not None:
            self.set_customer(dialog.result_value)
