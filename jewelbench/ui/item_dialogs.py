"""Adding a piece to inventory by hand (a purchase, or stock from before JewelBench)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from jewelbench.services import inventory, styles
from jewelbench.ui.context import AppContext
from jewelbench.ui.form_dialog import FormDialog

CATEGORIES = ("Ring", "Band", "Engagement ring", "Pendant", "Necklace", "Chain", "Earrings",
              "Bracelet", "Bangle", "Brooch", "Watch", "Loose piece")
METALS = ("14K Yellow", "14K White", "14K Rose", "18K Yellow", "18K White", "18K Rose",
          "10K Yellow", "Platinum", "Sterling Silver", "Palladium")


def editable_choices(values: tuple[str, ...], placeholder: str) -> QComboBox:
    """Pick a usual value or type another."""
    box = QComboBox()
    box.setEditable(True)
    box.addItems(("",) + values)
    box.lineEdit().setPlaceholderText(placeholder)
    return box


class NewItemDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, "New inventory item", parent, ok_text="Add item")
        self.setMinimumWidth(520)
        self.description = QLineEdit()
        self.description.setPlaceholderText("e.g. 14K white gold sapphire halo ring, size 6½")
        self.category = editable_choices(CATEGORIES, "Ring, pendant…")
        self.metal = editable_choices(METALS, "14K White…")
        self.style = QComboBox()
        self.style.addItem("—", None)
        for style in styles.list_styles(ctx.db, "all", limit=2000):
            self.style.addItem(f"{style.style_no} — {style.name}", style.id)
        self.cost = QLineEdit()
        self.cost.setPlaceholderText("0.00")
        self.retail = QLineEdit()
        self.retail.setPlaceholderText("leave empty: the style's retail, or cost × markup")
        self.purchased = QCheckBox("Bought in finished (a purchase)")
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        for label, widget in (("Description", self.description), ("Category", self.category),
                              ("Metal", self.metal), ("Style", self.style),
                              ("Cost", self.cost), ("Retail", self.retail),
                              ("", self.purchased), ("Notes", self.notes)):
            self.form.addRow(label, widget)
        self.fields = {"description": self.description, "category": self.category,
                       "metal": self.metal, "style_id": self.style, "cost": self.cost,
                       "retail": self.retail, "notes": self.notes}

    def call(self) -> Callable[[], Any]:
        db = self.ctx.db
        args = dict(description=self.description.text(), category=self.category.currentText(),
                    metal=self.metal.currentText(), style_id=self.style.currentData(),
                    cost=self.cost.text(), retail=self.retail.text() or None,
                    notes=self.notes.toPlainText(),
                    source="purchase" if self.purchased.isChecked() else "manual")
        return lambda: inventory.add_item(db, **args)

    def changes(self) -> str:
        return "inventory"
