"""What the Items, Stones and Styles lists share: a search box that filters a moment after the
last key, CSV import and export, the lazily paged table, and a footer counting the rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from jewelbench.ui import csv_dialogs
from jewelbench.ui.context import AppContext
from jewelbench.ui.inventory_columns import MUTED
from jewelbench.ui.paged_model import Column, PagedTableModel, paged_table

FILTER_DELAY_MS = 250
Fetch = Callable[[int, int, str | None, bool], Sequence[Any]]


def _nothing_yet(_offset, _limit, _sort_key, _descending) -> list:
    return []


class PagedListPanel(QWidget):
    """Subclasses build their own filters and layout from these parts, then call
    ``apply_filters()``; they give ``fetcher()`` (the filters as they are now, captured on
    the UI thread, in a page fetch that runs off it) and ``noun(rows)`` for the footer."""

    def __init__(self, ctx: AppContext, *, columns: Sequence[Column], sort_key: str,
                 placeholder: str, csv_kind: str, reload_on: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None  # the dialog last opened (tests reach it here)
        self.reload_on = reload_on
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.import_button = QPushButton("Import…")
        self.export_button = QPushButton("Export…")
        self.model = PagedTableModel(columns, _nothing_yet, sort_key=sort_key, run=ctx.run,
                                     parent=self)
        self.table = paged_table(self.model)
        self.footer = QLabel()
        self.footer.setStyleSheet(f"color: {MUTED};")

        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._filter_timer.start())
        self.import_button.clicked.connect(lambda: csv_dialogs.open_import(ctx, csv_kind, self))
        self.export_button.clicked.connect(
            lambda: csv_dialogs.export(ctx, csv_kind, self, report=self.footer.setText))
        self.model.loaded.connect(self._show_count)
        self.model.failed.connect(lambda exc: self.footer.setText(f"Could not load: {exc}"))
        ctx.changed.connect(self._on_changed)

    def fetcher(self) -> Fetch:
        raise NotImplementedError

    def noun(self, rows: int) -> str:
        raise NotImplementedError

    def apply_filters(self) -> None:
        self._filter_timer.stop()
        self.model.set_fetch(self.fetcher())

    def _show_count(self, rows: int, complete: bool) -> None:
        noun = self.noun(rows)
        self.footer.setText(f"{rows:,} {noun}" if complete
                            else f"{rows:,} {noun} shown — scroll down for more")

    def _on_changed(self, area: str) -> None:
        if area == self.reload_on:
            self.model.reload()
