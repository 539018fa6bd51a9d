"""The Production tab: the shop's production jobs, filtered, and the way into each one."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jewelbench.services import job_lists, tickets
from jewelbench.services.job_lists import JobRow
from jewelbench.ui import job_display as show
from jewelbench.ui.context import AppContext
from jewelbench.ui.documents import show_pdf
from jewelbench.ui.guard import while_alive
from jewelbench.ui.job_window import JobWindow, show_job_window
from jewelbench.ui.production_intake import IntakeDialog
from jewelbench.ui.view_table import CENTER, RIGHT, Column, ViewTableModel, row_table

TITLE = "Production"
PAGE = 500
STATUS_FILTERS = (("In work", ("open", "in_progress", "ready")),
                  ("Ready to complete", ("ready",)), ("Not started", ("open",)),
                  ("In progress", ("in_progress",)), ("Closed", ("closed",)),
                  ("Cancelled", ("cancelled",)), ("All jobs", None))
DUE_FILTERS = (("Any target date", None), ("Overdue", "overdue"), ("Due today", "today"),
               ("Due this week", "week"))


def _due_color(row: JobRow) -> str | None:
    if row.overdue:
        return "#b00020"
    return show.WARNING if row.due_today else None


# each column and the list_jobs sort key it sorts by (None: not sortable)
COLUMNS: tuple[tuple[Column, str | None], ...] = (
    (Column("Job", lambda r: r.job_no, bold=lambda _r: True), "job_no"),
    (Column("Status", lambda r: show.job_status(r.status),
            color=lambda r: show.status_color(r.status)), "status"),
    (Column("Target date", lambda r: show.date(r.due_date), RIGHT, color=_due_color,
            bold=lambda r: r.overdue or r.due_today,
            tooltip=lambda r: "Overdue" if r.overdue else None), "due_date"),
    (Column("Design", lambda r: r.style_no or "—"), None),
    (Column("What", lambda r: r.description), "description"),
    (Column("Qty", lambda r: f"{r.quantity:,}", CENTER), "quantity"),
    (Column("Estimate", lambda r: show.money(r.estimate, "—"), RIGHT), None),
    (Column("Cost so far", lambda r: show.money(r.cost), RIGHT), "cost"),
    (Column("Now at", lambda r: r.current_stage or "—",
            tooltip=lambda r: r.assignee), None),
)


class ProductionTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.sort, self.descending = "due_date", False
        self.dialog: IntakeDialog | None = None
        self.new_button = QPushButton("New production job…")
        self.new_button.setStyleSheet(show.PRIMARY_BUTTON)
        self.new_button.clicked.connect(self.new_job)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search job number, description, design…")
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        for text, statuses in STATUS_FILTERS:
            self.status.addItem(text, statuses)
        self.due = QComboBox()
        for text, due in DUE_FILTERS:
            self.due.addItem(text, due)
        self.count = QLabel()
        self.count.setStyleSheet(f"color: {show.MUTED};")
        self.open_button = QPushButton("Open job")
        self.open_button.clicked.connect(self.open_selected)
        self.ticket_button = QPushButton("Print ticket")
        self.ticket_button.setToolTip("The ticket that travels with the work, with its barcode")
        self.ticket_button.clicked.connect(self.print_ticket)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("<b style='font-size:16px'>Production</b>"))
        bar.addSpacing(16)
        bar.addWidget(self.new_button)
        bar.addSpacing(12)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.status)
        bar.addWidget(self.due)
        bar.addWidget(self.count)
        bar.addWidget(self.open_button)
        bar.addWidget(self.ticket_button)

        self.model = ViewTableModel([column for column, _ in COLUMNS], self)
        self.table = row_table(self.model, stretch=4)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._sort_by)
        header.setSortIndicator(2, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.activated.connect(lambda _index: self.open_selected())
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(f"color: {show.MUTED}; font-size: 14px; padding: 30px;")
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._timer.start)
        self.status.currentIndexChanged.connect(self.reload)
        self.due.currentIndexChanged.connect(self.reload)
        ctx.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, area: str) -> None:
        if area in ("jobs", "settings"):
            self.reload()

    def _sort_by(self, section: int) -> None:
        key = COLUMNS[section][1]
        if key is None:
            order = Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder
            self.table.horizontalHeader().setSortIndicator(
                [k for _, k in COLUMNS].index(self.sort), order)
            return
        self.descending = not self.descending if key == self.sort else False
        self.sort = key
        self.reload()

    def filters(self) -> dict:
        return dict(module="production", statuses=self.status.currentData(),
                    text=self.search.text(), due=self.due.currentData(), sort=self.sort,
                    descending=self.descending, limit=PAGE)

    def reload(self) -> None:
        db, filters = self.ctx.db, self.filters()
        self.ctx.run(lambda: job_lists.list_jobs(db, **filters),
                     on_success=while_alive(self, self.show_rows),
                     on_failure=while_alive(self, lambda exc: self.count.setText(str(exc))))

    def show_rows(self, rows: list[JobRow]) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        if selected is not None:
            row = self.model.row_of(lambda r: r.id == selected.id)
            if row >= 0:
                self.table.selectRow(row)
        more = "+" if len(rows) == PAGE else ""
        self.count.setText(f"{len(rows):,}{more} job{'s' if len(rows) != 1 else ''}")
        filtered = self.search.text().strip() or self.due.currentData()
        self.empty.setText("No production jobs match these filters." if filtered else
                           "No production jobs here yet. Press “New production job…” to "
                           "start one.")
        self.empty.setVisible(not rows)

    def selected(self) -> JobRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def open_selected(self) -> JobWindow | None:
        row = self.selected()
        return show_job_window(self.ctx, row.id, self) if row else None

    def print_ticket(self) -> None:
        row = self.selected()
        if row is not None:
            db, job_id = self.ctx.db, row.id
            show_pdf(self.ctx, lambda: tickets.job_ticket_pdf(db, job_id),
                     f"ticket-{row.job_no}", self)

    def new_job(self) -> None:
        self.dialog = IntakeDialog(self.ctx, self)
        self.dialog.accepted.connect(self._opened)
        self.dialog.open()

    def _opened(self) -> None:
        if self.dialog is not None and self.dialog.result_value is not None:
            show_job_window(self.ctx, self.dialog.result_value.id, self)


def create_tab(ctx: AppContext, parent: QWidget | None = None) -> QWidget:
    return ProductionTab(ctx, parent)
