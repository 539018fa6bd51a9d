"""What the job window adds for production jobs: Complete & Create Inventory, and the pieces.

Imported by the job window the first time it shows a production job (see ``job_window``).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jewelbench.services import production
from jewelbench.services.inventory_views import ItemView
from jewelbench.services.job_views import JobView
from jewelbench.services.production import CloseOutPreview
from jewelbench.ui import job_display as show
from jewelbench.ui.guard import while_alive
from jewelbench.ui.job_window import JobAction, JobWindow, register_job_action, register_job_panel
from jewelbench.ui.view_table import RIGHT, Column, ViewTableModel

CLOSE_OUT = "production.close_out"
PANEL_LIST_LIMIT = 8


def cost_groups_text(preview: CloseOutPreview) -> str:
    """349.25 each, or 33.34 for the first piece and 33.33 for the other 2."""
    groups = preview.cost_groups
    if len(groups) == 1:
        return f"{show.money(groups[0][0])} each" if preview.quantity > 1 else \
            show.money(groups[0][0])
    (high, first), (low, rest) = groups
    return (f"{show.money(high)} for the first {first:,} "
            f"piece{'s' if first != 1 else ''}, {show.money(low)} for the other {rest:,}")


class CloseOutDialog(QDialog):
    """The confirmation: how many StockIDs, at what cost each; or what still stands in the way."""

    def __init__(self, preview: CloseOutPreview, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle("Complete & Create Inventory")
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{preview.job_no}</b> — {preview.description}")
        title.setWordWrap(True)
        title.setStyleSheet("font-size: 14px;")
        layout.addWidget(title)
        buttons = QDialogButtonBox()
        if preview.ready:
            grid = QGridLayout()
            rows = (("New StockIDs", f"{preview.quantity:,}"),
                    ("Job cost", show.money(preview.cost)),
                    ("Cost per piece", cost_groups_text(preview)))
            for row, (label, value) in enumerate(rows):
                value_label = QLabel(f"<b>{value}</b>")
                grid.addWidget(QLabel(label), row, 0)
                grid.addWidget(value_label, row, 1)
            grid.setColumnStretch(1, 1)
            layout.addLayout(grid)
            if preview.stones_still_to_allocate:
                warning = QLabel("The design calls for stones not allocated yet; they will not "
                                 "be in the cost:<br>• "
                                 + "<br>• ".join(preview.stones_still_to_allocate))
                warning.setWordWrap(True)
                warning.setStyleSheet(f"color: {show.WARNING};")
                layout.addWidget(warning)
            note = QLabel("The job is closed and the pieces go into stock, each stamped with "
                          "its cost. This happens once and cannot be undone.")
            note.setWordWrap(True)
            note.setStyleSheet(f"color: {show.MUTED};")
            layout.addWidget(note)
            self.create_button = buttons.addButton(
                f"Create {preview.quantity:,} StockID{'s' if preview.quantity != 1 else ''}",
                QDialogButtonBox.ButtonRole.AcceptRole)
            self.create_button.setDefault(True)
            buttons.addButton("Not yet", QDialogButtonBox.ButtonRole.RejectRole)
        else:
            self.create_button = None
            blocked = QLabel("Not ready to complete yet:<br>• " + "<br>• ".join(preview.blockers))
            blocked.setWordWrap(True)
            blocked.setStyleSheet("color: #8a1111;")
            layout.addWidget(blocked)
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


ITEM_COLUMNS = (
    Column("StockID", lambda i: i.stock_id, bold=lambda _i: True),
    Column("Description", lambda i: i.description),
    Column("Cost basis", lambda i: show.money(i.cost_basis), RIGHT),
    Column("Retail", lambda i: show.money(i.retail), RIGHT),
)


class NewStockDialog(QDialog):
    """The StockIDs just made, to tag the pieces."""

    def __init__(self, items: list[ItemView], job_no: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.items = items
        self.setWindowTitle(f"{job_no}: new stock")
        self.resize(560, 420)
        layout = QVBoxLayout(self)
        total = sum((i.cost_basis for i in items), Decimal("0.00"))
        heading = QLabel(f"<b>{len(items):,} piece{'s are' if len(items) != 1 else ' is'} "
                         f"now in stock</b> — total cost {show.money(total)}")
        heading.setStyleSheet("font-size: 14px; color: #1b5e20;")
        layout.addWidget(heading)
        self.model = ViewTableModel(ITEM_COLUMNS, self)
        self.model.set_rows(items)
        table = QTableView()
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton("Copy StockIDs")
        copy.clicked.connect(self.copy_stock_ids)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)

    def copy_stock_ids(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(i.stock_id for i in self.items))


def start_close_out(window: JobWindow) -> None:
    """Ask the service what close-out would do now, then confirm it with the jeweler."""
    db, job_id = window.ctx.db, window.job_id
    window.ctx.run(lambda: production.close_out_preview(db, job_id),
                   on_success=while_alive(window, lambda preview: _confirm(window, preview)),
                   on_failure=while_alive(window, window.show_failure))


def _confirm(window: JobWindow, preview: CloseOutPreview) -> None:
    dialog = CloseOutDialog(preview, window)
    dialog.accepted.connect(lambda: create_inventory(window))
    window.open_dialog(dialog)


def create_inventory(window: JobWindow) -> None:
    button = window.action_buttons.get(CLOSE_OUT)
    if button is not None:
        button.setEnabled(False)  # one click is one close-out; the service refuses a second
    db, job_id, ctx = window.ctx.db, window.job_id, window.ctx

    def made(items: list[ItemView]) -> None:
        job_no = window.view.job_no if window.view else ""
        window.notify(f"{len(items):,} piece(s) put into stock: "
                      f"{items[0].stock_id}{' … ' + items[-1].stock_id if len(items) > 1 else ''}",
                      kind="ok")
        window.open_dialog(NewStockDialog(items, job_no, window))

    def refused(exc: Exception) -> None:
        if button is not None:
            button.setEnabled(True)
        window.show_failure(exc)

    def finished(items: list[ItemView]) -> None:
        # the inventory changed whether or not the window is still open to show it
        ctx.changed.emit("inventory")
        while_alive(window, made)(items)

    ctx.run(lambda: production.close_out(db, job_id), on_success=finished,
            on_failure=while_alive(window, refused), changes="jobs")


class PiecesPanel(QGroupBox):
    """How many pieces the job makes and, once it is closed, their StockIDs."""

    def __init__(self, window: JobWindow):
        super().__init__("Pieces for stock")
        self.window = window
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QLabel()
        self.list.setWordWrap(True)
        self.list.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        self.setMinimumWidth(260)

    def show_job(self, view: JobView) -> None:
        db, job_id = self.window.ctx.db, view.id
        if view.status == "closed":
            self.summary.setText(f"<b>{view.quantity:,}</b> piece(s) made:")
            self.window.ctx.run(lambda: production.job_items(db, job_id,
                                                             limit=PANEL_LIST_LIMIT + 1),
                                on_success=while_alive(
                                    self, lambda items: self._show_items(items, view.quantity)))
        elif view.status == "cancelled":
            self.summary.setText("Cancelled: nothing was put into stock.")
            self.list.setText("")
        else:
            self.list.setText("")
            self.window.ctx.run(lambda: production.close_out_preview(db, job_id),
                                on_success=while_alive(self, self._show_preview))

    def _show_preview(self, preview: CloseOutPreview) -> None:
        if preview.ready:
            self.summary.setText(f"Ready: <b>{preview.quantity:,}</b> StockID(s) at "
                                 f"{cost_groups_text(preview)}.")
        else:
            waiting = preview.stages_not_done or preview.blockers
            self.summary.setText(f"Makes <b>{preview.quantity:,}</b> piece(s) for stock once "
                                 f"every stage is done.<br><span style='color:{show.MUTED}'>"
                                 f"Waiting for: {', '.join(waiting)}</span>")

    def _show_items(self, items: list[ItemView], quantity: int) -> None:
        shown = items[:PANEL_LIST_LIMIT]
        lines = [f"{i.stock_id} — {show.money(i.cost_basis)}" for i in shown]
        if quantity > len(shown):
            lines.append(f"… and {quantity - len(shown):,} more")
        self.list.setText("<br>".join(lines))


register_job_action(CLOSE_OUT.split(".")[0], JobAction(
    key=CLOSE_OUT, label="Complete && Create Inventory", run=start_close_out, primary=True,
    tooltip="Close the job and put its pieces into stock, each with its cost"))
register_job_panel("production", PiecesPanel)
