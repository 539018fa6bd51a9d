"""The editable tables of the style editor: bill of materials (costed as you type) and stages.

The tables only collect what is typed; ``style_bom.estimate_line`` costs each line the way the
service will, and the service checks everything when the style is saved.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jewelbench.services.parties import VendorView
from jewelbench.services.style_bom import ZERO, estimate_line
from jewelbench.services.styles import BomLineView, StageTemplateView
from jewelbench.ui.inventory_columns import BAD, MUTED, money

KINDS = (("material", "Material"), ("stone", "Stone"), ("labor", "Labor"))
KIND_WORDS = dict(KINDS)
BOM_HEADERS = ("Kind", "Description", "Quantity", "Unit cost", "Vendor", "Line cost")
STAGE_HEADERS = ("Stage", "Vendor", "Cost")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_OUTLINE = "QTableWidget { border: 1px solid #c62828; }"


def _vendor_box(vendors: list[VendorView], chosen: int | None, blank: str) -> QComboBox:
    box = QComboBox()
    box.addItem(blank, None)
    for vendor in vendors:
        box.addItem(vendor.name, vendor.id)
    index = box.findData(chosen) if chosen is not None else 0
    box.setCurrentIndex(max(index, 0))
    return box


def _cell(text: str, align=None, editable: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if align is not None:
        item.setTextAlignment(align)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _table(headers: tuple[str, ...], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class BomEditor(QWidget):
    """BOM lines per piece, each with its cost, and the cost per piece under them."""

    cost_changed = Signal(object)  # the cost per piece of the complete lines (Decimal)

    def __init__(self, vendors: list[VendorView], parent: QWidget | None = None):
        super().__init__(parent)
        self.vendors = vendors
        self.table = _table(BOM_HEADERS, 1)
        self.table.setColumnWidth(4, 170)
        self.add_button = QPushButton("Add line")
        self.remove_button = QPushButton("Remove line")
        self.total = QLabel()
        self.total.setStyleSheet("font-size: 16px;")
        self.breakdown = QLabel()
        self.breakdown.setStyleSheet(f"color: {MUTED};")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.breakdown)
        totals = QHBoxLayout()
        totals.addStretch(1)
        totals.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(totals)
        self.add_button.clicked.connect(lambda: self.add_line())
        self.remove_button.clicked.connect(self.remove_line)
        self.table.cellChanged.connect(lambda _r, _c: self.recost())
        self.recost()

    def add_line(self, line: BomLineView | None = None, kind: str = "material") -> int:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        kind_box = QComboBox()
        for key, word in KINDS:
            kind_box.addItem(word, key)
        kind_box.setCurrentIndex(kind_box.findData(line.kind if line else kind))
        kind_box.currentIndexChanged.connect(lambda _i: self.recost())
        self.table.setCellWidget(row, 0, kind_box)
        self.table.setItem(row, 1, _cell(line.description if line else ""))
        self.table.setItem(row, 2, _cell(f"{line.quantity.normalize():f}" if line else "1",
                                         _RIGHT))
        self.table.setItem(row, 3, _cell(f"{line.unit_cost:.2f}" if line else "", _RIGHT))
        self.table.setCellWidget(row, 4, _vendor_box(self.vendors,
                                                     line.vendor_id if line else None, "—"))
        self.table.setItem(row, 5, _cell("", _RIGHT, editable=False))
        self.table.blockSignals(False)
        self.recost()
        if line is None:
            self.table.setCurrentCell(row, 1)
            self.table.editItem(self.table.item(row, 1))
        return row

    def remove_line(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.recost()

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def lines(self) -> list[dict[str, Any]]:
        """What was typed, as the service takes it (checked by the service on save)."""
        return [{"kind": self.table.cellWidget(row, 0).currentData(),
                 "description": self._text(row, 1), "quantity": self._text(row, 2),
                 "unit_cost": self._text(row, 3),
                 "vendor_id": self.table.cellWidget(row, 4).currentData()}
                for row in range(self.table.rowCount())]

    def recost(self) -> Decimal:
        by_kind = dict.fromkeys(KIND_WORDS, ZERO)
        incomplete = 0
        self.table.blockSignals(True)
        for row, line in enumerate(self.lines()):
            cost = estimate_line(line["quantity"], line["unit_cost"])
            cell = self.table.item(row, 5)
            if cost is None:
                incomplete += 1
                cell.setText("—")
                cell.setForeground(Qt.GlobalColor.gray)
            else:
                by_kind[line["kind"]] += cost
                cell.setText(money(cost))
                cell.setForeground(Qt.GlobalColor.black)
        self.table.blockSignals(False)
        total = sum(by_kind.values(), ZERO)
        note = (f" <span style='color:{BAD}'>({incomplete} line(s) not complete)</span>"
                if incomplete else "")
        self.total.setText(f"Cost per piece: <b>{money(total)}</b>{note}")
        self.breakdown.setText(" · ".join(f"{KIND_WORDS[k]} {money(v)}"
                                          for k, v in by_kind.items()))
        self.cost_changed.emit(total)
        return total

    def mark(self, index: int | None) -> None:
        """Outline the table and select the line a refusal names (None clears it)."""
        self.table.setStyleSheet(_OUTLINE if index is not None else "")
        if index is not None and 0 <= index < self.table.rowCount():
            self.table.selectRow(index)


class StagesEditor(QWidget):
    """The stage template a production run of the style starts with."""

    def __init__(self, vendors: list[VendorView], parent: QWidget | None = None):
        super().__init__(parent)
        self.vendors = vendors
        self.table = _table(STAGE_HEADERS, 0)
        self.table.setColumnWidth(1, 170)
        self.add_button = QPushButton("Add stage")
        self.remove_button = QPushButton("Remove stage")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add_stage())
        self.remove_button.clicked.connect(self.remove_stage)

    def add_stage(self, stage: StageTemplateView | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, _cell(stage.name if stage else ""))
        self.table.setCellWidget(row, 1, _vendor_box(self.vendors,
                                                     stage.vendor_id if stage else None, "—"))
        cost = f"{stage.cost:.2f}" if stage and stage.cost else ""
        self.table.setItem(row, 2, _cell(cost, _RIGHT))
        if stage is None:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))
        return row

    def remove_stage(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def stages(self) -> list[dict[str, Any]]:
        return [{"name": self.table.item(row, 0).text().strip(),
                 "vendor_id": self.table.cellWidget(row, 1).currentData(),
                 "cost": self.table.item(row, 2).text().strip() or None}
                for row in range(self.table.rowCount())]

    def mark(self, index: int | None) -> None:
        self.table.setStyleSheet(_OUTLINE if index is not None else "")
        if index is not None and 0 <= index < self.table.rowCount():
            self.table.selectRow(index)
