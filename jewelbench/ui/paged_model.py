"""A table model that loads its rows a page at a time, for lists of any length.

Use it for every list that can grow big (items, stone lots, jobs, invoices). The model holds
frozen views, never ORM objects or sessions; a service fetches each page, sorted and filtered
in SQL, so a list of a million rows opens as fast as one of ten::

    columns = [
        Column("StockID", lambda v: v.stock_id, sort_key="stock_id"),
        Column("Retail", lambda v: v.retail, sort_key="retail", kind="money"),
    ]

    def fetch(offset, limit, sort_key, descending):
        return inventory.list_items(db, text=box.text(), offset=offset, limit=limit,
                                    sort=sort_key or "stock_id", descending=descending)

    model = PagedTableModel(columns, fetch, sort_key="stock_id", run=ctx.run)
    table = paged_table(model)        # a QTableView set up for it
    box.textChanged.connect(lambda _: model.reload())   # a filter changed: start again

How it works: Qt asks ``canFetchMore``/``fetchMore`` when the view scrolls near the end, and
the model asks ``fetch(offset, limit, sort_key, descending)`` for the next ``page_size`` rows;
a page shorter than asked means the end. Clicking a sortable header calls ``sort``, which
starts again from the top in the new order. With ``run`` (``AppContext.run``) pages are fetched
off the UI thread, and a page that arrives after a reload is dropped; without it (tests,
scripts) they are fetched at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from jewelbench.ui.guard import while_alive

Fetch = Callable[[int, int, str | None, bool], Sequence[Any]]
Runner = Callable[..., None]
_Index = QModelIndex | QPersistentModelIndex
NUMERIC_KINDS = ("money", "carats", "count", "number")


@dataclass(frozen=True)
class Column:
    """One column: its title, how to get its value from a view, and how to show it.

    ``kind`` is ``text``, ``money`` (1,234.50), ``carats`` (0.905), ``count``, ``number``
    or ``date``; numbers are right-aligned. ``sort_key`` is what ``fetch`` receives when the
    user sorts by this column (None: not sortable). ``color`` may give a text colour per row
    (e.g. grey for sold pieces); ``width`` a starting width in pixels.
    """

    title: str
    value: Callable[[Any], object]
    sort_key: str | None = None
    kind: str = "text"
    color: Callable[[Any], str | None] | None = None
    width: int | None = None


def show(value: object, kind: str = "text") -> str:
    """How a value reads in a table cell."""
    if value is None:
        return ""
    if kind == "money" and isinstance(value, Decimal):
        return f"{value:,.2f}"
    if kind == "carats" and isinstance(value, Decimal):
        return f"{value:.3f}"
    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and kind != "text":
        return f"{value:,}"
    return str(value)


class PagedTableModel(QAbstractTableModel):
    """Rows of frozen views, loaded page by page from ``fetch``."""

    loaded = Signal(int, bool)  # rows loaded so far, whether that is all of them
    failed = Signal(object)  # the exception a fetch raised (shown by the owner)

    def __init__(self, columns: Sequence[Column], fetch: Fetch, *, page_size: int = 200,
                 sort_key: str | None = None, descending: bool = False,
                 run: Runner | None = None, parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self._fetch = fetch
        self.page_size = page_size
        self.sort_key = sort_key
        self.descending = descending
        self._run = run
        self._rows: list[Any] = []
        self._complete = False
        self._busy = False
        self._generation = 0

    # -- what the owner calls
    def reload(self) -> None:
        """Forget the rows and load the first page again (filter changed, data changed)."""
        self.beginResetModel()
        self._rows = []
        self._complete = False
        self._busy = False
        self._generation += 1
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def set_fetch(self, fetch: Fetch) -> None:
        self._fetch = fetch
        self.reload()

    def view_at(self, row: int) -> Any:
        """The view shown in ``row`` (for opening it, acting on it)."""
        return self._rows[row]

    def views(self) -> list[Any]:
        return list(self._rows)

    @property
    def complete(self) -> bool:
        return self._complete

    @property
    def busy(self) -> bool:
        return self._busy

    # -- QAbstractTableModel
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        view = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return show(column.value(view), column.kind)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (Qt.AlignmentFlag.AlignRight if column.kind in NUMERIC_KINDS
                          else Qt.AlignmentFlag.AlignLeft)
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            color = column.color(view)
            return QColor(color) if color else None
        if role == Qt.ItemDataRole.UserRole:
            return view
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((Qt.AlignmentFlag.AlignRight if column.kind in NUMERIC_KINDS
                        else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignVCenter)
        return None

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._complete or self._busy:
            return
        self._busy = True
        generation = self._generation
        offset, limit = len(self._rows), self.page_size
        sort_key, descending, fetch = self.sort_key, self.descending, self._fetch

        def page() -> Sequence[Any]:
            return fetch(offset, limit, sort_key, descending)

        if self._run is None:
            try:
                rows = page()
            except Exception as exc:  # handed to the owner, who shows it
                self._on_failure(generation, exc)
            else:
                self._on_page(generation, offset, rows)
            return
        # the list may be closed before its page arrives: then the page is dropped
        self._run(page,
                  on_success=while_alive(self, lambda rows: self._on_page(generation, offset,
                                                                          rows)),
                  on_failure=while_alive(self, lambda exc: self._on_failure(generation, exc)))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or self.columns[column].sort_key is None:
            return
        key = self.columns[column].sort_key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending) and self._rows:
            return
        self.sort_key, self.descending = key, descending
        self.reload()

    def sort_column(self) -> int:
        """The column the rows are sorted by (for the header's sort indicator), or -1."""
        for number, column in enumerate(self.columns):
            if column.sort_key is not None and column.sort_key == self.sort_key:
                return number
        return -1

    # -- pages arriving
    def _on_page(self, generation: int, offset: int, rows: Sequence[Any]) -> None:
        if generation != self._generation or offset != len(self._rows):
            return  # a page of a list that has since been reloaded
        self._busy = False
        if len(rows) < self.page_size:
            self._complete = True
        if rows:
            self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.loaded.emit(len(self._rows), self._complete)

    def _on_failure(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self._complete = True  # no retry loop; the next reload tries again
        self.failed.emit(exc)


def paged_table(model: PagedTableModel, parent: QWidget | None = None) -> QTableView:
    """A QTableView set up for a paged model: whole rows, header sorting, no row numbers."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    for number, column in enumerate(model.columns):
        if column.width:
            table.setColumnWidth(number, column.width)
    stretch = next((n for n, c in enumerate(model.columns) if c.width is None), None)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    # the model is already sorted; show that before enabling sorting so Qt does not re-sort
    column = model.sort_column()
    if column >= 0:
        header.setSortIndicator(column, Qt.SortOrder.DescendingOrder if model.descending
                                else Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    return table
