"""Taking a custom order at the counter: customer, what to make, the quote, target date."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from jewelbench.services import custom_jobs
from jewelbench.ui.context import AppContext
from jewelbench.ui.customer_picker import CustomerPicker
from jewelbench.ui.form_dialog import FormDialog, OptionalDate
from jewelbench.ui.friendly_errors import name_the_field
from jewelbench.ui.photo_picker import PhotoPicker

FIELD_NAMES = {"customer_id": "Customer", "description": "Description",
               "design_notes": "Design notes", "price": "Quoted price",
               "target_date": "Target date", "rush": "Rush"}


class CustomIntakeDialog(FormDialog):
    """``result_value`` is the new custom job's JobView once it is saved."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, "New custom job", parent, ok_text="Create custom job")
        self.setMinimumWidth(640)
        self.customer = CustomerPicker(ctx)
        self.description = QLineEdit()
        self.description.setPlaceholderText("e.g. Platinum halo engagement ring, oval centre")
        self.design_notes = QPlainTextEdit()
        self.design_notes.setPlaceholderText("Design details: stones, sizes, finish, "
                                             "engraving, who supplies what…")
        self.design_notes.setFixedHeight(84)
        self.price = QLineEdit()
        self.price.setPlaceholderText("0.00")
        self.price.setMaximumWidth(140)
        tax_note = QLabel("before tax; tax is added on the invoice")
        tax_note.setStyleSheet("color: #6b6b6b;")
        price_row = QHBoxLayout()
        price_row.addWidget(self.price)
        price_row.addWidget(tax_note, 1)
        self.target = OptionalDate("Target date")
        self.rush = QCheckBox("Rush")
        when = QHBoxLayout()
        when.addWidget(self.target, 1)
        when.addWidget(self.rush)
        self.photos = PhotoPicker()
        self.form.addRow("Customer", self.customer)
        self.form.addRow("Description", self.description)
        self.form.addRow("Design notes", self.design_notes)
        self.form.addRow("Quoted price", price_row)
        self.form.addRow("Target", when)
        self.form.addRow("Photos / sketches", self.photos)
        self.fields.update(customer_id=self.customer, description=self.description,
                           design_notes=self.design_notes, price=self.price,
                           target_date=self.target, rush=self.rush, photos=self.photos)
        self.fields.update({f"photos[{i}]": self.photos for i in range(100)})

    def show_error(self, exc: Exception) -> None:
        super().show_error(exc)
        name_the_field(self.error, exc, FIELD_NAMES)

    def call(self) -> Callable[[], Any]:
        db = self.ctx.db
        customer_id = self.customer.customer_id
        fields = dict(description=self.description.text(), price=self.price.text(),
                      target_date=self.target.value(),
                      design_notes=self.design_notes.toPlainText(),
                      rush=self.rush.isChecked(), photos=self.photos.photos())
        return lambda: custom_jobs.open_custom_job(db, customer_id, **fields)
