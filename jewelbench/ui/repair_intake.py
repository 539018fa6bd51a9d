"""Taking in a repair at the counter: whose piece, what it is, how it arrived, what to do."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from jewelbench.services import inventory, repairs
from jewelbench.services.inventory_views import ItemView
from jewelbench.ui.context import AppContext
from jewelbench.ui.customer_picker import CustomerPicker
from jewelbench.ui.form_dialog import FormDialog, OptionalDate
from jewelbench.ui.friendly_errors import name_the_field
from jewelbench.ui.photo_picker import PhotoPicker

PIECE_TYPES = ("Ring", "Engagement ring", "Wedding band", "Chain", "Necklace", "Pendant",
               "Bracelet", "Earrings", "Brooch", "Watch", "Other")
METALS = ("14K yellow", "14K white", "14K rose", "18K yellow", "18K white", "10K yellow",
          "Platinum", "Sterling silver", "Gold-filled", "Other")
PROMISE_DAYS = 7


def _combo(choices: tuple[str, ...], placeholder: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(choices)
    combo.setCurrentText("")
    combo.lineEdit().setPlaceholderText(placeholder)
    return combo


class ConditionChecklist(QWidget):
    """The condition on arrival as a jeweler writes it on the envelope: ticks and a note."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        self.boxes: dict[str, QCheckBox] = {}
        for index, (key, label) in enumerate(repairs.CHECKS):
            box = QCheckBox(label)
            self.boxes[key] = box
            grid.addWidget(box, index // 3, index % 3)
        self.notes = QLineEdit()
        self.notes.setPlaceholderText("Anything else the customer should know we saw "
                                      "(e.g. small chip on the centre stone at 3 o'clock)")
        grid.addWidget(self.notes, (len(repairs.CHECKS) + 2) // 3, 0, 1, 3)

    def checked(self) -> list[str]:
        return [key for key, box in self.boxes.items() if box.isChecked()]


FIELD_NAMES = {"customer_id": "Customer", "item_id": "StockID", "stock_id": "StockID",
               "piece_type": "Piece", "metal": "Metal", "size": "Size",
               "description": "Description", "condition": "Condition",
               "condition_notes": "Condition notes", "work_requested": "Work requested",
               "estimate": "Estimate", "promised_date": "Promised date", "rush": "Rush"}


class RepairIntakeDialog(FormDialog):
    """``result_value`` is the new repair's JobView once it is saved."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, "Take in a repair", parent, ok_text="Take in repair")
        self.setMinimumWidth(720)
        self.item: ItemView | None = None

        self.customer_piece = QRadioButton("Customer's piece")
        self.in_house_piece = QRadioButton("In-house StockID")
        self.customer_piece.setChecked(True)
        whose_group = QButtonGroup(self)
        whose_group.addButton(self.customer_piece)
        whose_group.addButton(self.in_house_piece)
        whose = QHBoxLayout()
        whose.addWidget(self.customer_piece)
        whose.addWidget(self.in_house_piece)
        whose.addStretch(1)

        self.customer = CustomerPicker(ctx)
        self.stock_id = QLineEdit()
        self.stock_id.setPlaceholderText("Scan or type the StockID")
        self.find_button = QPushButton("Find")
        self.item_label = QLabel("")
        self.item_label.setWordWrap(True)
        stock_row = QHBoxLayout()
        stock_row.setContentsMargins(0, 0, 0, 0)
        stock_row.addWidget(self.stock_id, 1)
        stock_row.addWidget(self.find_button)
        stock_box = QWidget()
        stock_layout = QVBoxLayout(stock_box)
        stock_layout.setContentsMargins(0, 0, 0, 0)
        stock_layout.addLayout(stock_row)
        stock_layout.addWidget(self.item_label)
        # one of the two shows at a time; a hidden widget takes no room, so the form stays
        # tight whether the customer search list is open or not (a stacked widget would
        # keep the height of its tallest page)
        self.stock_box = stock_box
        stock_box.hide()
        self.owner = QWidget()
        owner_layout = QVBoxLayout(self.owner)
        owner_layout.setContentsMargins(0, 0, 0, 0)
        owner_layout.addWidget(self.customer)
        owner_layout.addWidget(stock_box)

        self.piece_type = _combo(PIECE_TYPES, "Ring, chain…")
        self.metal = _combo(METALS, "14K yellow…")
        self.size = QLineEdit()
        self.size.setPlaceholderText("6½, 18 in…")
        self.size.setMaximumWidth(90)
        piece = QHBoxLayout()
        piece.addWidget(self.piece_type, 2)
        piece.addWidget(QLabel("Metal"))
        piece.addWidget(self.metal, 2)
        piece.addWidget(QLabel("Size"))
        piece.addWidget(self.size)
        self.description = QLineEdit()
        self.description.setPlaceholderText("How the piece will be recognised, e.g. "
                                            "ladies' solitaire, 4 prongs, 0.5 ct round")
        self.condition = ConditionChecklist()
        self.work = QPlainTextEdit()
        self.work.setPlaceholderText("What the customer asks for: size up 1½, retip 4 prongs…")
        self.work.setFixedHeight(56)
        self.estimate = QLineEdit()
        self.estimate.setPlaceholderText("0.00")
        self.estimate.setMaximumWidth(120)
        self.promised = OptionalDate("Promise for",
                                     dt.date.today() + dt.timedelta(days=PROMISE_DAYS))
        self.rush = QCheckBox("Rush")
        when = QHBoxLayout()
        when.addWidget(self.estimate)
        when.addSpacing(16)
        when.addWidget(self.promised, 1)
        when.addWidget(self.rush)
        self.photos = PhotoPicker()

        self.form.addRow("Whose piece", whose)
        self.form.addRow("Customer", self.owner)
        self.owner_label = self.form.labelForField(self.owner)
        self.form.addRow("Piece", piece)
        self.form.addRow("Description", self.description)
        self.form.addRow("Condition", self.condition)
        self.form.addRow("Work requested", self.work)
        self.form.addRow("Estimate", when)
        self.form.addRow("Photos", self.photos)
        self.fields.update(customer_id=self.customer, item_id=self.stock_id,
                           stock_id=self.stock_id, piece_type=self.piece_type,
                           metal=self.metal, size=self.size, description=self.description,
                           condition=self.condition, condition_notes=self.condition.notes,
                           work_requested=self.work, estimate=self.estimate,
                           promised_date=self.promised, rush=self.rush, photos=self.photos)
        # a refused photo is named by its place in the list: photos[0], photos[1], ...
        self.fields.update({f"photos[{i}]": self.photos for i in range(100)})

        self.in_house_piece.toggled.connect(self._whose_changed)
        self.find_button.clicked.connect(self.find_item)
        self.stock_id.returnPressed.connect(self.find_item)
        self.stock_id.textEdited.connect(lambda _t: self._set_item(None))

    def _whose_changed(self, in_house: bool) -> None:
        self.customer.setVisible(not in_house)
        self.stock_box.setVisible(in_house)
        self.owner_label.setText("StockID" if in_house else "Customer")
        (self.stock_id if in_house else self.customer.search).setFocus()

    def find_item(self) -> None:
        code = self.stock_id.text()
        db = self.ctx.db
        self.ctx.run(lambda: inventory.find_item(db, code), on_success=self._set_item,
                     on_failure=self.show_error)

    def _set_item(self, item: ItemView | None) -> None:
        self.item = item
        if item is None:
            self.item_label.setText("")
            return
        where = "in stock" if item.status == "in_stock" else \
            f"<b style='color:#a33a00'>{item.status.replace('_', ' ')}</b>"
        self.item_label.setText(f"{item.stock_id} · {item.description} · {where}")
        if not self.description.text():
            self.description.setText(item.description)
        if not self.metal.currentText() and item.metal:
            self.metal.setCurrentText(item.metal)

    def show_error(self, exc: Exception) -> None:
        super().show_error(exc)
        name_the_field(self.error, exc, FIELD_NAMES)

    def call(self) -> Callable[[], Any]:
        fields = dict(
            description=self.description.text(), piece_type=self.piece_type.currentText(),
            metal=self.metal.currentText(), size=self.size.text(),
            condition=self.condition.checked(), condition_notes=self.condition.notes.text(),
            work_requested=self.work.toPlainText(), estimate=self.estimate.text(),
            promised_date=self.promised.value(), rush=self.rush.isChecked(),
            photos=self.photos.photos())
        db = self.ctx.db
        if self.customer_piece.isChecked():
            customer_id = self.customer.customer_id
            return lambda: repairs.open_repair(db, customer_id=customer_id, **fields)
        code, known = self.stock_id.text(), self.item

        def in_house():
            item = known if known and known.stock_id == code.strip() \
                else inventory.find_item(db, code)
            return repairs.open_repair(db, item_id=item.id, **fields)

        return in_house
