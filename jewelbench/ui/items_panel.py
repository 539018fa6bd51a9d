"""The Items view of the Inventory tab: a search box that takes a scanner, over every StockID.

A barcode scanner types the code and Enter: the piece opens at once. Typing words filters the
list (in SQL, through the search indexes) a moment after the last key.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jewelbench.services import inventory
from jewelbench.services.inventory_views import ItemView
from jewelbench.ui import csv_dialogs
from jewelbench.ui.context import AppContext
from jewelbench.ui.guard import while_alive
from jewelbench.ui.inventory_columns import ITEM_COLUMNS, MUTED
from jewelbench.ui.item_dialogs import NewItemDialog
from jewelbench.ui.item_window import ItemWindow
from jewelbench.ui.paged_model import PagedTableModel, paged_table

FILTER_DELAY_MS = 250
STATUS_FILTERS = (("In stock", "in_stock"), ("Out on memo", "memo_out"), ("Sold", "sold"),
                  ("On a job", "on_job"), ("Scrapped", "scrapped"), ("Every status", None))


class ItemsPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None  # the dialog last opened (tests reach it here)
        self.windows: dict[int, ItemWindow] = {}
        self.search = QLineEdit()
        self.search.setPlaceholderText("Scan a StockID, or type words of the description "
                                       "(sapphire halo, 14k chain…) and press Enter")
        self.search.setClearButtonEnabled(True)
        self.search.setStyleSheet("font-size: 15px; padding: 4px;")
        self.status = QComboBox()
        for label, value in STATUS_FILTERS:
            self.status.addItem(label, value)
        self.new_button = QPushButton("New item…")
        self.new_button.setStyleSheet("font-weight: 600;")
        self.import_button = QPushButton("Import…")
        self.export_button = QPushButton("Export…")
        self.model = PagedTableModel(ITEM_COLUMNS, self._fetcher(), sort_key="stock_id",
                                     run=ctx.run, parent=self)
        self.table = paged_table(self.model)
        self.footer = QLabel()
        self.footer.setStyleSheet(f"color: {MUTED};")

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

        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._filter_timer.start())
        self.search.returnPressed.connect(self.open_scanned)
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.new_button.clicked.connect(self.new_item)
        self.import_button.clicked.connect(lambda: csv_dialogs.open_import(ctx, "items", self))
        self.export_button.clicked.connect(
            lambda: csv_dialogs.export(ctx, "items", self, report=self.footer.setText))
        self.table.doubleClicked.connect(lambda index: self.open_item(
            self.model.view_at(index.row()).id))
        self.model.loaded.connect(self._show_count)
        self.model.failed.connect(lambda exc: self.footer.setText(f"Could not load: {exc}"))
        ctx.changed.connect(self._on_changed)
        self.model.reload()

    def _fetcher(self):
        """A page fetch with the filters as they are now (it runs off the UI thread)."""
        db, text, status = self.ctx.db, self.search.text(), self.status.currentData()

        def fetch(offset, limit, sort_key, descending):
            return inventory.list_items(db, text=text, status=status, offset=offset,
                                        limit=limit, sort=sort_key or "stock_id",
                                        descending=descending)
        return fetch

    def apply_filters(self) -> None:
        self._filter_timer.stop()
        self.model.set_fetch(self._fetcher())

    def _show_count(self, rows: int, complete: bool) -> None:
        noun = "piece" if rows == 1 else "pieces"
        self.footer.setText(f"{rows:,} {noun}" if complete
                            else f"{rows:,} {noun} shown — scroll down for more")

    def _on_changed(self, area: str) -> None:
        if area == "inventory":
            self.model.reload()

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
