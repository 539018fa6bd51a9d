"""Receiving a stone lot, correcting its figures and writing stones off."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from jewelbench.services import inventory, parties
from jewelbench.services.inventory_views import StoneLotView
from jewelbench.services.stone_lots import estimate_lot_cost
from jewelbench.ui.context import AppContext
from jewelbench.ui.form_dialog import FormDialog
from jewelbench.ui.inventory_columns import MUTED, PRICING_WORDS, money
from jewelbench.ui.item_dialogs import editable_choices

STONE_TYPES = ("Diamond", "Lab-grown diamond", "Sapphire", "Ruby", "Emerald", "Moissanite",
               "Pearl", "Tanzanite", "Aquamarine", "Morganite", "Amethyst", "Garnet", "Opal",
               "Topaz", "Peridot", "Citrine", "Tourmaline")
SHAPES = ("Round", "Oval", "Princess", "Cushion", "Emerald", "Pear", "Marquise", "Radiant",
          "Asscher", "Heart", "Baguette", "Trillion", "Cabochon")


def _pair(first: QWidget, second: QWidget) -> QWidget:
    """Two choices side by side on one form row."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(first)
    layout.addWidget(second)
    layout.addStretch(1)
    return row


def _lot_summary(lot: StoneLotView) -> str:
    return (f"<b>{lot.lot_no}</b> {lot.description}<br><span style='color:{MUTED}'>On hand: "
            f"{lot.count_on_hand:,} stone(s), {lot.carats_on_hand:.3f} ct, "
            f"cost {money(lot.cost_on_hand)}</span>")


class ReceiveStonesDialog(FormDialog):
    """A new lot: a certified stone (a lot of one) or a parcel of melee."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, "Receive stones", parent, ok_text="Receive")
        self.setMinimumWidth(520)
        self.description = QLineEdit()
        self.description.setPlaceholderText("e.g. Round brilliant melee 1.3 mm G/H VS")
        self.stone_type = editable_choices(STONE_TYPES, "Diamond, sapphire…")
        self.shape = editable_choices(SHAPES, "Round, oval…")
        self.size = QLineEdit()
        self.size.setPlaceholderText("e.g. 1.3 mm or 7×5 mm")
        self.color = QLineEdit()
        self.color.setPlaceholderText("e.g. G, G/H, royal blue")
        self.clarity = QLineEdit()
        self.clarity.setPlaceholderText("e.g. VS1, SI, eye clean")
        self.certificate = QLineEdit()
        self.certificate.setPlaceholderText("e.g. GIA 2141438171 (a certified stone is one lot)")
        self.count = QSpinBox()
        self.count.setRange(1, 10_000_000)
        self.count.setGroupSeparatorShown(True)
        self.carats = QLineEdit()
        self.carats.setPlaceholderText("total weight of the lot, e.g. 0.90")
        self.per_carat = QRadioButton("Per carat")
        self.per_piece = QRadioButton("Per stone")
        self.per_carat.setChecked(True)
        self.pricing_group = QButtonGroup(self)
        self.pricing_group.addButton(self.per_carat)
        self.pricing_group.addButton(self.per_piece)
        self.by_unit = QRadioButton("Unit price")
        self.by_total = QRadioButton("Total cost of the lot")
        self.by_unit.setChecked(True)
        self.entry_group = QButtonGroup(self)
        self.entry_group.addButton(self.by_unit)
        self.entry_group.addButton(self.by_total)
        self.price = QLineEdit()
        self.price.setPlaceholderText("0.00")
        self.total = QLabel()
        self.total.setStyleSheet(f"color: {MUTED};")
        self.vendor = QComboBox()
        self.vendor.addItem("—", None)
        for vendor in parties.list_vendors(ctx.db, in_house=False):
            self.vendor.addItem(vendor.name, vendor.id)

        for label, widget in (("Description", self.description), ("Stone", self.stone_type),
                              ("Shape", self.shape), ("Size", self.size), ("Color", self.color),
                              ("Clarity", self.clarity), ("Certificate", self.certificate),
                              ("Stones", self.count), ("Carats", self.carats),
                              ("Priced", _pair(self.per_carat, self.per_piece)),
                              ("Enter", _pair(self.by_unit, self.by_total)),
                              ("Price per carat", self.price), ("", self.total),
                              ("Vendor", self.vendor)):
            self.form.addRow(label, widget)
        self.fields = {"description": self.description, "stone_type": self.stone_type,
                       "shape": self.shape, "size": self.size, "color": self.color,
                       "clarity": self.clarity, "certificate": self.certificate,
                       "count": self.count, "carats": self.carats, "cost": self.price,
                       "unit_price": self.price, "vendor_id": self.vendor}
        for signal in (self.carats.textChanged, self.price.textChanged,
                       self.count.valueChanged, self.per_carat.toggled, self.by_unit.toggled):
            signal.connect(self._update_total)
        self._update_total()

    @property
    def pricing(self) -> str:
        return "per_carat" if self.per_carat.isChecked() else "per_piece"

    def _update_total(self, *_args: Any) -> None:
        unit = "carat" if self.pricing == "per_carat" else "stone"
        label = self.form.labelForField(self.price)
        label.setText(f"Price per {unit}" if self.by_unit.isChecked() else "Total cost")
        if self.by_total.isChecked():
            self.total.setText("")
            return
        total = estimate_lot_cost(pricing=self.pricing, count=self.count.value(),
                                  carats=self.carats.text(), unit_price=self.price.text())
        self.total.setText(f"Lot total: {money(total)}" if total is not None else
                           "Lot total: fill in carats and price")

    def call(self) -> Callable[[], Any]:
        db = self.ctx.db
        by_unit = self.by_unit.isChecked()
        args = dict(description=self.description.text(),
                    stone_type=self.stone_type.currentText(), shape=self.shape.currentText(),
                    size=self.size.text(), color=self.color.text(),
                    clarity=self.clarity.text(), certificate=self.certificate.text(),
                    count=self.count.value(), carats=self.carats.text(), pricing=self.pricing,
                    vendor_id=self.vendor.currentData(),
                    unit_price=self.price.text() if by_unit else None,
                    cost=None if by_unit else self.price.text())
        return lambda: inventory.receive_stones(db, **args)

    def changes(self) -> str:
        return "inventory"


class AdjustLotDialog(FormDialog):
    """Set the figures on hand to what was recounted, reweighed or re-invoiced."""

    def __init__(self, ctx: AppContext, lot: StoneLotView, parent: QWidget | None = None):
        super().__init__(ctx, f"Correct lot {lot.lot_no}", parent, ok_text="Correct")
        self.lot = lot
        self.count = QSpinBox()
        self.count.setRange(0, 10_000_000)
        self.count.setValue(lot.count_on_hand)
        self.carats = QLineEdit(f"{lot.carats_on_hand:.3f}")
        self.cost = QLineEdit(f"{lot.cost_on_hand:.2f}")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("e.g. recount — parcel was 2 short")
        summary = QLabel(_lot_summary(lot))
        summary.setWordWrap(True)
        self.body.insertWidget(0, summary)
        self.form.addRow("Stones on hand", self.count)
        self.form.addRow("Carats on hand", self.carats)
        self.form.addRow("Cost on hand", self.cost)
        self.form.addRow("Reason", self.reason)
        self.fields = {"count": self.count, "carats": self.carats, "cost": self.cost,
                       "reason": self.reason}

    def call(self) -> Callable[[], Any]:
        db, lot_id = self.ctx.db, self.lot.id
        args = dict(count=self.count.value(), carats=self.carats.text(), cost=self.cost.text(),
                    reason=self.reason.text())
        return lambda: inventory.adjust_lot(db, lot_id, **args)

    def changes(self) -> str:
        return "inventory"


class WriteOffDialog(FormDialog):
    """Stones lost or broken: out of the lot at exactly their share of its cost."""

    def __init__(self, ctx: AppContext, lot: StoneLotView, parent: QWidget | None = None):
        super().__init__(ctx, f"Write off stones from {lot.lot_no}", parent,
                         ok_text="Write off")
        self.lot = lot
        self.count = QSpinBox()
        self.count.setRange(1, max(lot.count_on_hand, 1))
        self.carats = QLineEdit()
        self.carats.setPlaceholderText("leave empty for the lot's average weight")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("e.g. chipped while setting")
        summary = QLabel(_lot_summary(lot) + f"<br>Priced {PRICING_WORDS[lot.pricing]}")
        summary.setWordWrap(True)
        self.body.insertWidget(0, summary)
        self.form.addRow("Stones", self.count)
        self.form.addRow("Carats", self.carats)
        self.form.addRow("Reason", self.reason)
        self.fields = {"count": self.count, "carats": self.carats, "reason": self.reason}

    def call(self) -> Callable[[], Any]:
        db, lot_id = self.ctx.db, self.lot.id
        args = dict(count=self.count.value(), carats=self.carats.text() or None,
                    reason=self.reason.text())
        return lambda: inventory.write_off_stones(db, lot_id, **args)

    def changes(self) -> str:
        return "inventory"
