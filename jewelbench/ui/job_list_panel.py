"""The job list of the Repairs and Custom Jobs tabs: filters above, a lazily paged table.

The tab says how to load one page (a service call) and which columns to show; the panel
keeps the filters, runs the loads off the UI thread and fetches further pages as the clerk
scrolls, so a shop with years of repairs opens the tab as fast as a new one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jewelbench.services.parties import CustomerView
from jewelbench.ui.alive import while_alive
from jewelbench.ui.context import AppContext
from jewelbench.ui.view_table import Column, ViewTableModel

PAGE = 100
STATUS_FILTERS = (("In work (open, in progress, ready)", ("open", "in_progress", "ready")),
                  ("Ready for pickup", ("ready",)), ("Open", ("open",)),
                  ("In progress", ("in_progress",)), ("Closed", ("closed",)),
                  ("Cancelled", ("cancelled",)), ("All", None))
DUE_FILTERS = (("Any date", None), ("Overdue", "overdue"), ("Due today", "today"),
               ("Due this week", "week"))


@dataclass(frozen=True)
class Filters:
    statuses: tuple[str, ...] | None
    due: str | None
    text: str | None
    customer_id: int | None


Loader = Callable[[Filters, int, int], Sequence[Any]]


class PagedModel(ViewTableModel):
    """Rows arrive a page at a time; Qt asks for more when the table scrolls to the end."""

    def __init__(self, ctx: AppContext, columns: Sequence[Column], parent=None):
        super().__init__(columns, parent)
        self.ctx = ctx
        self.loader: Loader | None = None
        self.filters: Filters | None = None
        self._more = False
        self._loading = False
        self._generation = 0
        self.on_loaded: Callable[[], None] = lambda: None

    def reload(self, loader: Loader, filters: Filters) -> None:
        self.loader, self.filters = loader, filters
        self._generation += 1
        self._loading = True
        generation = self._generation
        self.ctx.run(lambda: loader(filters, 0, PAGE),
                     on_success=while_alive(self, lambda rows: self._first_page(generation, rows)))

    def _first_page(self, generation: int, rows: Sequence[Any]) -> None:
        if generation != self._generation:
            return  # the filters changed while this page was loading
        self._loading = False
        self._more = len(rows) == PAGE
        self.set_rows(rows)
        self.on_loaded()

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802 (Qt's name)
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if not self.canFetchMore(parent) or self.loader is None:
            return
        self._loading = True
        loader, filters, offset = self.loader, self.filters, len(self.rows)
        generation = self._generation
        self.ctx.run(lambda: loader(filters, offset, PAGE),
                     on_success=while_alive(self, lambda rows: self._next_page(generation, rows)))

    def _next_page(self, generation: int, rows: Sequence[Any]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._more = len(rows) == PAGE
        if rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        self.on_loaded()


class JobListPanel(QWidget):
    """Filters and the job table. ``current_changed`` carries the selected row (or None),
    ``activated`` the row double-clicked or Enter-ed."""

    current_changed = Signal(object)
    activated = Signal(object)

    def __init__(self, ctx: AppContext, loader: Loader, columns: Sequence[Column],
                 key: Callable[[Any], int], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.loader = loader
        self.key = key
        self.customer: CustomerView | None = None
        self._keep: int | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search job no., customer, description, StockID…")
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        for text, value in STATUS_FILTERS:
            self.status.addItem(text, value)
        self.due = QComboBox()
        for text, value in DUE_FILTERS:
            self.due.addItem(text, value)
        self.customer_button = QPushButton("Any customer ▾")
        self.customer_button.setToolTip("Show the jobs of one customer")
        self.clear_customer = QPushButton("✕")
        self.clear_customer.setToolTip("All customers")
        self.clear_customer.setFixedWidth(28)
        self.clear_customer.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(QLabel("Status"))
        bar.addWidget(self.status)
        bar.addWidget(QLabel("Due"))
        bar.addWidget(self.due)
        bar.addWidget(self.customer_button)
        bar.addWidget(self.clear_customer)

        self.model = PagedModel(ctx, columns, self)
        self.model.on_loaded = self._loaded
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.count = QLabel()
        self.count.setStyleSheet("color: #6b6b6b;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.due.currentIndexChanged.connect(lambda _i: self.refresh())
        self.clear_customer.clicked.connect(lambda: self.set_customer(None))
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_a: self.current_changed.emit(self.current()))
        self.table.activated.connect(lambda index: self.activated.emit(
            self.model.row_at(index.row())))

    def filters(self) -> Filters:
        return Filters(statuses=self.status.currentData(), due=self.due.currentData(),
                       text=self.search.text().strip() or None,
                       customer_id=self.customer.id if self.customer else None)

    def set_customer(self, customer: CustomerView | None) -> None:
        self.customer = customer
        self.customer_button.setText(f"Customer: {customer.name}" if customer
                                     else "Any customer ▾")
        self.clear_customer.setVisible(customer is not None)
        self.refresh()

    def current(self) -> Any | None:
        return self.model.row_at(self.table.currentIndex().row())

    def refresh(self, select_id: int | None = None) -> None:
        current = self.current()
        # a row asked for by an earlier refresh still pending wins over the current one
        self._keep = select_id or self._keep or (
            self.key(current) if current is not None else None)
        self.model.reload(self.loader, self.filters())

    def _loaded(self) -> None:
        rows = len(self.model.rows)
        more = "+" if self.model.canFetchMore() else ""
        self.count.setText(f"{rows}{more} job(s)")
        if self._keep is not None:
            row = self.model.row_of(lambda r: self.key(r) == self._keep)
            self._keep = None
            if row >= 0:
                self.table.selectRow(row)
        self.current_changed.emit(self.current())

    def resize_columns(self, widths: Sequence[int]) -> None:
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
