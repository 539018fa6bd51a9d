"""The SetStones tab of an item: stones set into the piece, setting more, taking some out.

Setting takes the stones out of their lot and adds their cost to the piece; taking them out
puts them back in the lot exactly. Both are single service calls; this page only asks.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jewelbench.services import inventory
from jewelbench.services.inventory_views import ItemView, StoneLotView
from jewelbench.ui.context import AppContext
from jewelbench.ui.guard import while_alive
from jewelbench.ui.inventory_columns import BAD, ITEM_STONE_COLUMNS, MUTED, money
from jewelbench.ui.view_table import ViewTableModel, row_table

LOT_SEARCH_DELAY_MS = 250


class SetStonesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.item: ItemView | None = None
        self.stones = ViewTableModel(ITEM_STONE_COLUMNS, self)
        self.table = row_table(self.stones, 1)
        self.take_count = QSpinBox()
        self.take_count.setRange(1, 1)
        self.take_button = QPushButton("Take out")
        self.take_all_button = QPushButton("Take out all")
        take_row = QHBoxLayout()
        take_row.addWidget(QLabel("Selected stones:"))
        take_row.addStretch(1)
        take_row.addWidget(self.take_count)
        take_row.addWidget(self.take_button)
        take_row.addWidget(self.take_all_button)

        box = QGroupBox("Set stones from a lot")
        self.lot_search = QLineEdit()
        self.lot_search.setPlaceholderText("Lot number or words: round 1.3, sapphire…")
        self.lot_search.setClearButtonEnabled(True)
        self.lot = QComboBox()
        self.lot.setMinimumContentsLength(40)
        self.lot_info = QLabel()
        self.lot_info.setStyleSheet(f"color: {MUTED};")
        self.count = QSpinBox()
        self.count.setRange(1, 1)
        self.carats = QLineEdit()
        self.carats.setPlaceholderText("leave empty for the lot's average weight")
        self.set_button = QPushButton("Set stones")
        self.set_button.setStyleSheet("font-weight: 600;")
        grid = QGridLayout(box)
        grid.addWidget(QLabel("Find lot"), 0, 0)
        grid.addWidget(self.lot_search, 0, 1, 1, 3)
        grid.addWidget(QLabel("Lot"), 1, 0)
        grid.addWidget(self.lot, 1, 1, 1, 3)
        grid.addWidget(self.lot_info, 2, 1, 1, 3)
        grid.addWidget(QLabel("Stones"), 3, 0)
        grid.addWidget(self.count, 3, 1)
        grid.addWidget(QLabel("Carats"), 3, 2)
        grid.addWidget(self.carats, 3, 3)
        grid.addWidget(self.set_button, 4, 3)
        grid.setColumnStretch(3, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Stones set in this piece. Their cost is part of its cost "
                                "basis; taking them out returns them to their lot exactly."))
        layout.addWidget(self.table, 1)
        layout.addLayout(take_row)
        layout.addWidget(box)
        layout.addWidget(self.message)

        self._search_timer = QTimer(self, singleShot=True, interval=LOT_SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.find_lots)
        self.lot_search.textChanged.connect(lambda _t: self._search_timer.start())
        self.lot.currentIndexChanged.connect(lambda _i: self._show_lot())
        self.set_button.clicked.connect(self.set_stones)
        self.take_button.clicked.connect(lambda: self.take_out(all_of_them=False))
        self.take_all_button.clicked.connect(lambda: self.take_out(all_of_them=True))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.find_lots()

    # -- showing
    def show_item(self, item: ItemView) -> None:
        self.item = item
        self.stones.set_rows(item.stones)
        self._update()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.stones.row_at(rows[0].row()) if rows else None

    def _update(self) -> None:
        chosen = self.selected()
        in_stock = self.item is not None and self.item.status == "in_stock"
        self.take_count.setRange(1, chosen.count if chosen else 1)
        self.take_count.setEnabled(chosen is not None and in_stock)
        self.take_button.setEnabled(chosen is not None and in_stock)
        self.take_all_button.setEnabled(chosen is not None and in_stock)
        self.set_button.setEnabled(in_stock and self.lot.currentData() is not None)
        if self.item is not None and not in_stock:
            self.message.setText("Stones can be set or taken out only while the piece is "
                                 "in stock.")

    def find_lots(self) -> None:
        self._search_timer.stop()
        db, text = self.ctx.db, self.lot_search.text()
        self.ctx.run(lambda: inventory.list_stone_lots(db, text=text, in_stock_only=True,
                                                       limit=100),
                     on_success=while_alive(self, self._show_lots))

    def _show_lots(self, lots: list[StoneLotView]) -> None:
        keep = self.lot.currentData()
        self.lot.blockSignals(True)
        self.lot.clear()
        for lot in lots:
            self.lot.addItem(f"{lot.lot_no} — {lot.description}", lot)
        index = next((i for i, lot in enumerate(lots) if keep and lot.id == keep.id), 0)
        self.lot.setCurrentIndex(index if lots else -1)
        self.lot.blockSignals(False)
        self._show_lot()

    def _show_lot(self) -> None:
        lot: StoneLotView | None = self.lot.currentData()
        if lot is None:
            self.lot_info.setText("No lot with stones on hand matches.")
            self.count.setRange(1, 1)
        else:
            self.lot_info.setText(f"On hand: {lot.count_on_hand:,} stone(s), "
                                  f"{lot.carats_on_hand:.3f} ct, cost "
                                  f"{money(lot.cost_on_hand)}")
            self.count.setRange(1, max(lot.count_on_hand, 1))
        self._update()

    # -- acting
    def _run(self, fn, done_text: str) -> None:
        self.set_button.setEnabled(False)
        self.message.setText("")
        self.ctx.run(fn, on_success=while_alive(self, lambda _r: self._done(done_text)),
                     on_failure=while_alive(self, self._failed), changes="inventory")

    def _done(self, text: str) -> None:
        self.message.setText(text)
        self.carats.clear()
        self.find_lots()

    def _failed(self, exc: Exception) -> None:
        self._update()
        self.message.setText(f"<span style='color:{BAD}'>{exc}</span>")

    def set_stones(self) -> None:
        lot: StoneLotView | None = self.lot.currentData()
        if self.item is None or lot is None:
            return
        db, item_id, count = self.ctx.db, self.item.id, self.count.value()
        carats = self.carats.text().strip() or None
        self._run(lambda: inventory.set_stones(db, item_id, lot.id, count=count,
                                               carats=carats),
                  f"Set {count} stone(s) from {lot.lot_no}.")

    def take_out(self, *, all_of_them: bool) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        db, count = self.ctx.db, None if all_of_them else self.take_count.value()
        if count == chosen.count:
            count = None
        shown = chosen.count if count is None else count
        self._run(lambda: inventory.remove_set_stones(db, chosen.id, count=count),
                  f"Took {shown} stone(s) out; they are back in {chosen.lot_no}.")
