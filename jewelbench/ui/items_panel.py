"""The Items view of the Inventory tab: a search box that takes a scanner, over every StockID.

A barcode scanner types the code and Enter: the piece opens at once. Typing words filters the
list (in SQL, through the search indexes) a moment after the last key.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jewelbench.services import inventory
from jewelbench.services.inventory_views import ItemView
from jewelbench.ui.context import AppContext
from jewelbench.ui.guard import while_alive
from jewelbench.ui.inventory_columns import ITEM_COLUMNS
from jewelbench.ui.item_dialogs import NewItemDialog
from jewelbench.ui.item_window import ItemWindow
from jewelbench.ui.paged_list_panel import PagedListPanel

STATUS_FILTERS = (("In stock", "in_stock"), ("Out on memo", "memo_out"), ("Sold", "sold"),
                  ("On a job", "on_job"), ("Scrapped", "scrapped"), ("Every status", None))


class ItemsPanel(PagedListPanel):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, columns=ITEM_COLUMNS, sort_key="stock_id", csv_kind="items",
                         reload_on="inventory", parent=parent,
                         placeholder="Scan a StockID, or type words of the description "
                                     "(sapphire halo, 14k chain…) and press Enter")
        self.windows: dict[int, ItemWindow] = {}
        self.search.setStyleSheet("font-size: 15px; padding: 4px;")
        self.status = QComboBox()
        for label, value in STATUS_FILTERS:
            self.status.addItem(label, value)
        self.new_button = QPushButton("New item…")
        self.new_button.setStyleSheet("font-weight: 600;")

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        top.addWidget(self.new_button)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.footer)

        self.search.returnPressed.connect(self.open_scanned)
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.new_button.clicked.connect(self.new_item)
        self.table.doubleClicked.connect(lambda index: self.open_item(
            self.model.view_at(index.row()).id))
        self.apply_filters()

    def fetcher(self):
        db, text, status = self.ctx.db, self.search.text(), self.status.currentData()

        def fetch(offset, limit, sort_key, descending):
            return inventory.list_items(db, text=text, status=status, offset=offset,
                                        limit=limit, sort=sort_key or "stock_id",
                                        descending=descending)
        return fetch

    def noun(self, rows: int) -> str:
        return "piece" if rows == 1 else "pieces"

    def open_scanned(self) -> None:
        """Enter in the search box: open the piece if the text is its StockID (or the only
        match); otherwise show the matches. The text stays selected for the next scan."""
        text = self.search.text().strip()
        self.search.selectAll()
        if not text:
            return
        self.apply_filters()
        db = self.ctx.db
        self.ctx.run(lambda: inventory.search(db, text, limit=2),
                     on_success=while_alive(self, lambda found: self._scanned(text, found)))

    def _scanned(self, text: str, found: list[ItemView]) -> None:
        exact = [v for v in found if v.stock_id.upper() == text.upper()]
        if exact or len(found) == 1:
            self.open_item((exact or found)[0].id)
        elif not found:
            self.footer.setText(f"Nothing in inventory matches “{text}”.")

    def open_item(self, item_id: int) -> ItemWindow:
        window = self.windows.get(item_id)
        if window is None:
            window = ItemWindow(self.ctx, item_id, self)
            self.windows[item_id] = window
            window.destroyed.connect(lambda *_: self.windows.pop(item_id, None))
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def new_item(self) -> None:
        dialog = NewItemDialog(self.ctx, self)
        dialog.accepted.connect(lambda: dialog.result_value and self.open_item(
            dialog.result_value.id))
        self.dialog = dialog
        dialog.open()
