"""The Inventory tab: finished pieces by StockID, and loose stone lots."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from jewelbench.ui.context import AppContext
from jewelbench.ui.items_panel import ItemsPanel
from jewelbench.ui.stones_panel import StonesPanel

TITLE = "Inventory"


class InventoryTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.items = ItemsPanel(ctx, self)
        self.stones = StonesPanel(ctx, self)
        self.views = QTabWidget()
        self.views.addTab(self.items, "Items")
        self.views.addTab(self.stones, "Stones")
        layout = QVBoxLayout(self)
        layout.addWidget(self.views)


def create_tab(ctx: AppContext, parent: QWidget | None = None) -> QWidget:
    return InventoryTab(ctx, parent)
