"""CSV import (choose a file, see every row checked, then import all of it) and export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jewelbench.errors import JewelBenchError
from jewelbench.services import csv_io
from jewelbench.services.csv_io import ImportPreview, RowReport
from jewelbench.ui.context import AppContext
from jewelbench.ui.guard import while_alive
from jewelbench.ui.inventory_columns import BAD, GOOD, MUTED
from jewelbench.ui.view_table import Column, ViewTableModel, row_table

KIND_WORDS = {"items": "items", "stone_lots": "stone lots", "customers": "customers",
              "styles": "styles"}
CHANGES = {"items": "inventory", "stone_lots": "inventory", "customers": "customers",
           "styles": "styles"}
SHOWN_COLUMNS = 5  # the first few columns of the file, enough to recognise each row


def _status(row: RowReport) -> str:
    if row.problems:
        return "; ".join(row.problems)
    return "; ".join(row.notes) if row.notes else "OK"


class ImportDialog(QDialog):
    """Preview first; the Import button works only when every row is right."""

    def __init__(self, ctx: AppContext, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.data: bytes | None = None
        self.preview: ImportPreview | None = None
        self.setWindowTitle(f"Import {KIND_WORDS[kind]} from a CSV file")
        self.resize(920, 560)
        columns = csv_io.columns(kind)
        intro = QLabel(f"The file's first row names the columns: <b>{', '.join(columns)}</b>. "
                       "Every row is checked first; nothing is imported until all rows are "
                       "right, and then all of them are imported together.")
        intro.setWordWrap(True)
        self.file_label = QLabel("No file chosen")
        self.file_label.setStyleSheet(f"color: {MUTED};")
        self.choose_button = QPushButton("Choose file…")
        self.choose_button.clicked.connect(self.choose_file)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        shown = columns[:SHOWN_COLUMNS]
        self.rows = ViewTableModel(
            [Column("Line", lambda r: str(r.line), Qt.AlignmentFlag.AlignRight
                    | Qt.AlignmentFlag.AlignVCenter)]
            + [Column(name, lambda r, n=name: r.values.get(n, "")) for name in shown]
            + [Column("Check", _status, color=lambda r: BAD if r.problems else
                      (MUTED if r.notes else GOOD))], self)
        self.table = row_table(self.rows, len(shown) + 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.commit)
        self.buttons.rejected.connect(self.reject)
        file_row = QHBoxLayout()
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.file_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Choose a CSV file", "",
                                              "CSV files (*.csv *.txt);;All files (*)")
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        try:
            self.data = path.read_bytes()
        except OSError as exc:
            self.summary.setText(f"<span style='color:{BAD}'>Cannot read {path}: "
                                 f"{exc.strerror}</span>")
            return
        self.file_label.setText(str(path))
        self.import_button.setEnabled(False)
        self.summary.setText("Checking every row…")
        db, kind, data = self.ctx.db, self.kind, self.data
        self.ctx.run(lambda: csv_io.preview_import(db, kind, data),
                     on_success=while_alive(self, self.show_preview),
                     on_failure=while_alive(self, self.show_failure))

    def show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.rows.set_rows(preview.rows)
        words = KIND_WORDS[self.kind]
        if preview.file_problems:
            text = f"<span style='color:{BAD}'>{'; '.join(preview.file_problems)}</span>"
        elif preview.bad_rows:
            text = (f"<span style='color:{BAD}'><b>{preview.bad_rows:,} of "
                    f"{len(preview.rows):,} rows have problems</b></span> (in the Check "
                    "column). Correct the file and choose it again.")
        else:
            text = (f"<span style='color:{GOOD}'><b>All {len(preview.rows):,} rows are "
                    f"ready.</b></span> Import adds them as {words}.")
        self.summary.setText(text)
        self.import_button.setEnabled(preview.can_commit)

    def show_failure(self, exc: Exception) -> None:
        self.import_button.setEnabled(self.preview is not None and self.preview.can_commit)
        self.summary.setText(f"<span style='color:{BAD}'>{exc}</span>")

    def commit(self) -> None:
        if self.data is None or self.preview is None or not self.preview.can_commit:
            return
        self.import_button.setEnabled(False)
        self.summary.setText("Importing…")
        db, kind, data = self.ctx.db, self.kind, self.data
        self.ctx.run(lambda: csv_io.commit_import(db, kind, data),
                     on_success=while_alive(self, self._done),
                     on_failure=while_alive(self, self.show_failure),
                     changes=CHANGES[kind])

    def _done(self, result) -> None:
        self.result_value = result
        self.accept()


def open_import(ctx: AppContext, kind: str, parent: QWidget) -> ImportDialog:
    dialog = ImportDialog(ctx, kind, parent)
    parent.dialog = dialog  # tests reach the dialog here
    dialog.open()
    return dialog


def export(ctx: AppContext, kind: str, parent: QWidget, path: Path | None = None,
           report: Callable[[str], None] | None = None) -> None:
    """Ask where to save (unless ``path`` is given) and write the file off the UI thread.

    ``report`` shows how it went (a panel's footer); without it a message box does.
    """
    if path is None:
        name, _ = QFileDialog.getSaveFileName(parent, f"Export {KIND_WORDS[kind]}",
                                              f"{kind}.csv", "CSV files (*.csv)")
        if not name:
            return
        path = Path(name)
    tell = report or (lambda text: QMessageBox.information(parent, "Export", text))

    def write() -> int:
        # utf-8-sig: spreadsheet programs then read accents and the £/€ signs right
        try:
            with open(path, "w", encoding="utf-8-sig", newline="") as out:
                return csv_io.write_csv(ctx.db, kind, out)
        except OSError as exc:
            raise JewelBenchError(f"Could not write {path}: {exc.strerror}") from None

    ctx.run(write,
            on_success=while_alive(parent, lambda count: tell(
                f"Exported {count:,} {KIND_WORDS[kind]} to {path}.")),
            on_failure=while_alive(parent, lambda exc: tell(str(exc))))
