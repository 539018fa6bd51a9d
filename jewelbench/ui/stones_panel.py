"""The Stones view of the Inventory tab: every lot, and the movements of the one selected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from jewelbench.services import inventory
from jewelbench.services.inventory_views import StoneLotView
from jewelbench.ui.context import AppContext
from jewelbench.ui.guard import while_alive
from jewelbench.ui.inventory_columns import (
    LOT_COLUMNS,
    MOVEMENT_COLUMNS,
    MUTED,
    PRICING_WORDS,
    money,
)
from jewelbench.ui.paged_list_panel import PagedListPanel
from jewelbench.ui.stone_dialogs import AdjustLotDialog, ReceiveStonesDialog, WriteOffDialog
from jewelbench.ui.view_table import ViewTableModel, row_table


class StonesPanel(PagedListPanel):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, columns=LOT_COLUMNS, sort_key="lot_no", csv_kind="stone_lots",
                         reload_on="inventory", parent=parent,
                         placeholder="Lot number, certificate, or words: round 1.3 mm, "
                                     "sapphire oval…")
        self.in_stock = QCheckBox("Only lots with stones on hand")
        self.in_stock.setChecked(True)
        self.receive_button = QPushButton("Receive stones…")
        self.receive_button.setStyleSheet("font-weight: 600;")
        self.adjust_button = QPushButton("Correct…")
        self.adjust_button.setToolTip("Recount, reweigh or re-invoice the lot")
        self.write_off_button = QPushButton("Write off…")
        self.write_off_button.setToolTip("Stones lost or broken")
        self.lot_title = QLabel()
        self.lot_title.setWordWrap(True)
        self.movements = ViewTableModel(MOVEMENT_COLUMNS, self)
        self.movement_table = row_table(self.movements, 6)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.in_stock)
        top.addWidget(self.receive_button)
        top.addWidget(self.adjust_button)
        top.addWidget(self.write_off_button)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 6, 0, 0)
        history_layout.addWidget(self.lot_title)
        history_layout.addWidget(self.movement_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(history)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.footer)

        self.in_stock.toggled.connect(lambda _c: self.apply_filters())
        self.receive_button.clicked.connect(self.receive)
        self.adjust_button.clicked.connect(self.adjust)
        self.write_off_button.clicked.connect(self.write_off)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_lot())
        self._show_lot()
        self.apply_filters()

    # -- the list
    def fetcher(self):
        db, text, only = self.ctx.db, self.search.text(), self.in_stock.isChecked()

        def fetch(offset, limit, sort_key, descending):
            return inventory.list_stone_lots(db, text=text, in_stock_only=only, offset=offset,
                                             limit=limit, sort=sort_key or "lot_no",
                                             descending=descending)
        return fetch

    def noun(self, rows: int) -> str:
        return "lot" if rows == 1 else "lots"

    def _show_count(self, rows: int, complete: bool) -> None:
        super()._show_count(rows, complete)
        self._show_lot()

    def selected(self) -> StoneLotView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.view_at(rows[0].row()) if rows else None

    def _show_lot(self) -> None:
        lot = self.selected()
        self.adjust_button.setEnabled(lot is not None)
        self.write_off_button.setEnabled(lot is not None and lot.count_on_hand > 0)
        if lot is None:
            self.lot_title.setText(f"<span style='color:{MUTED}'>Select a lot to see every "
                                   "stone that came in and went out.</span>")
            self.movements.set_rows([])
            return
        price = (f" — {money(lot.unit_price)} {PRICING_WORDS[lot.pricing]}"
                 if lot.unit_price is not None else "")
        self.lot_title.setText(f"<b>{lot.lot_no}</b> {lot.description}{price}. "
                               "On hand is the sum of these movements:")
        db, lot_id = self.ctx.db, lot.id
        self.ctx.run(lambda: inventory.lot_movements(db, lot_id),
                     on_success=while_alive(self, lambda rows: self._show_movements(lot_id,
                                                                                    rows)))

    def _show_movements(self, lot_id: int, rows) -> None:
        lot = self.selected()
        if lot is not None and lot.id == lot_id:
            self.movements.set_rows(rows)

    # -- actions
    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.open()

    def receive(self) -> None:
        self._open(ReceiveStonesDialog(self.ctx, self))

    def adjust(self) -> None:
        lot = self.selected()
        if lot is not None:
            self._open(AdjustLotDialog(self.ctx, lot, self))

    def write_off(self) -> None:
        lot = self.selected()
        if lot is not None and lot.count_on_hand > 0:
            self._open(WriteOffDialog(self.ctx, lot, self))
