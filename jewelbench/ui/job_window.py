"""The job window every module opens: stages, stones, materials and the running cost.

Repairs, Custom Jobs and Production share this window. What only one module does (Production's
Complete & Create Inventory, a repair's pickup) is plugged in: a module registers
``JobAction`` buttons and side panels for its jobs with ``register_job_action`` /
``register_job_panel``, normally from a module named ``jewelbench.ui.<module>_job_actions``,
which the window imports by itself the first time it shows a job of that module.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jewelbench.services import jobs, tickets
from jewelbench.services.job_views import JobView
from jewelbench.ui import documents
from jewelbench.ui import job_display as show
from jewelbench.ui.context import AppContext
from jewelbench.ui.guard import while_alive
from jewelbench.ui.job_cost_panel import CostPanel
from jewelbench.ui.job_dialogs import AllocateDialog, MaterialDialog, ReleaseDialog, StageDialog
from jewelbench.ui.job_tables import (
    MATERIAL_COLUMNS,
    NEED_COLUMNS,
    STAGE_COLUMNS,
    button_row,
)
from jewelbench.ui.view_table import RIGHT, Column, ViewTableModel, row_table

# -- what modules plug in


def _in_flight(view: JobView) -> bool:
    return view.in_flight


@dataclass(frozen=True)
class JobAction:
    """A button in the job window's header for jobs of one module.

    ``run`` is called with the window when the button is pressed; it asks what it needs and
    calls its service through ``window.ctx.run``. ``available`` says when the button shows.
    """

    key: str
    label: str
    run: Callable[[JobWindow], None]
    available: Callable[[JobView], bool] = _in_flight
    primary: bool = False
    tooltip: str = ""


_ACTIONS: dict[str, dict[str, JobAction]] = {}
# a panel factory makes a widget with ``show_job(view)``, shown under the cost panel
_PANELS: dict[str, list[Callable[[JobWindow], QWidget]]] = {}


def register_job_action(module: str, action: JobAction) -> None:
    """Add (or replace, by key) a header button for jobs of ``module``."""
    _ACTIONS.setdefault(module, {})[action.key] = action


def register_job_panel(module: str, factory: Callable[[JobWindow], QWidget]) -> None:
    if factory not in _PANELS.setdefault(module, []):
        _PANELS[module].append(factory)


def _load_module_extras(module: str) -> None:
    name = f"jewelbench.ui.{module}_job_actions"
    if importlib.util.find_spec(name) is not None:
        importlib.import_module(name)


class JobWindow(QWidget):
    """One job, live: every change goes through a service and the window reloads the job."""

    def __init__(self, ctx: AppContext, job_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.job_id = job_id
        self.view: JobView | None = None
        self.dialog: QWidget | None = None  # the dialog last opened (tests reach it here)
        self._module: str | None = None
        self.action_buttons: dict[str, QPushButton] = {}
        self._actions: list[JobAction] = []
        self.panels: list[QWidget] = []
        self.setWindowTitle("Job")
        self.resize(1120, 720)
        self._build()
        ctx.changed.connect(self._on_changed)
        QShortcut(QKeySequence.StandardKey.Refresh, self, activated=self.reload)
        self.reload()

    def print_ticket(self) -> None:
        db, job_id = self.ctx.db, self.job_id
        name = f"ticket-{self.view.job_no}" if self.view else f"ticket-{job_id}"
        documents.show_pdf(self.ctx, lambda: tickets.job_ticket_pdf(db, job_id), name, self)

    # -- layout
    def _build(self) -> None:
        self.number = QLabel()
        self.number.setStyleSheet("font-size: 22px; font-weight: 700;")
        self.badge = QLabel()
        self.module_label = QLabel()
        self.module_label.setStyleSheet(f"color: {show.MUTED};")
        self.description = QLabel()
        self.description.setStyleSheet("font-size: 15px;")
        self.description.setWordWrap(True)
        self.details = QLabel()
        self.details.setStyleSheet(f"color: {show.MUTED};")
        self.details.setWordWrap(True)
        self.cancel_button = QPushButton("Cancel job…")
        self.cancel_button.clicked.connect(self.ask_cancel)
        self.print_button = QPushButton("Print ticket")
        self.print_button.setToolTip("The ticket that travels with the piece, with its barcode")
        self.print_button.clicked.connect(self.print_ticket)
        self.actions_row = QHBoxLayout()
        self.actions_row.setSpacing(8)
        title_row = QHBoxLayout()
        title_row.addWidget(self.number)
        title_row.addWidget(self.badge)
        title_row.addWidget(self.module_label)
        title_row.addStretch(1)
        title_row.addLayout(self.actions_row)
        title_row.addWidget(self.print_button)
        title_row.addWidget(self.cancel_button)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.hide()

        self.tabs = QTabWidget()
        self.tabs.addTab(self._stages_page(), "Stages")
        self.tabs.addTab(self._stones_page(), "Stones")
        self.tabs.addTab(self._materials_page(), "Materials")
        self.cost_panel = CostPanel()
        self.side = QVBoxLayout()
        self.side.addWidget(self.cost_panel)
        self.side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.tabs, 1)
        body.addLayout(self.side)

        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addWidget(self.description)
        layout.addWidget(self.details)
        layout.addWidget(self.notice)
        layout.addLayout(body, 1)

    def _stages_page(self) -> QWidget:
        page = QWidget()
        self.stages = ViewTableModel(STAGE_COLUMNS, self)
        self.stage_table = row_table(self.stages, 1)
        self.stage_table.doubleClicked.connect(lambda _i: self.edit_stage())
        self.add_stage_button = QPushButton("Add stage…")
        self.edit_stage_button = QPushButton("Edit…")
        self.up_button = QPushButton("Move up")
        self.down_button = QPushButton("Move down")
        self.start_button = QPushButton("Start")
        self.done_button = QPushButton("Mark done")
        self.reopen_button = QPushButton("Reopen")
        self.remove_stage_button = QPushButton("Remove")
        for button, slot in ((self.add_stage_button, self.add_stage),
                             (self.edit_stage_button, self.edit_stage),
                             (self.up_button, lambda: self.move_stage(-1)),
                             (self.down_button, lambda: self.move_stage(+1)),
                             (self.start_button, self.start_stage),
                             (self.done_button, self.complete_stage),
                             (self.reopen_button, self.reopen_stage),
                             (self.remove_stage_button, self.remove_stage)):
            button.clicked.connect(slot)
        self.done_button.setStyleSheet("font-weight: 600;")
        layout = QVBoxLayout(page)
        layout.addWidget(self.stage_table)
        layout.addLayout(button_row(self.add_stage_button, self.edit_stage_button,
                                     self.up_button, self.down_button))
        layout.addLayout(button_row(self.start_button, self.done_button, self.reopen_button,
                                     self.remove_stage_button))
        self.stage_table.selectionModel().selectionChanged.connect(self._update_buttons)
        return page

    def _stones_page(self) -> QWidget:
        page = QWidget()
        self.needs = ViewTableModel(NEED_COLUMNS, self)
        self.need_table = row_table(self.needs, 0)
        self.need_table.doubleClicked.connect(lambda _i: self.allocate())
        self.allocations = ViewTableModel((
            Column("Lot", lambda a: a.lot_no),
            Column("Stones", lambda a: a.lot_description),
            Column("For", lambda a: self._need_text(a.need_id)),
            Column("Count", lambda a: f"{a.count:,}", RIGHT),
            Column("Carats", lambda a: show.carats(a.carats), RIGHT),
            Column("Cost", lambda a: show.money(a.cost), RIGHT)), self)
        self.allocation_table = row_table(self.allocations, 1)
        self.allocate_button = QPushButton("Allocate stones…")
        self.allocate_button.setStyleSheet("font-weight: 600;")
        self.return_some_button = QPushButton("Return some…")
        self.return_all_button = QPushButton("Return all")
        self.allocate_button.clicked.connect(self.allocate)
        self.return_some_button.clicked.connect(self.return_some)
        self.return_all_button.clicked.connect(self.return_all)
        self.needs_label = QLabel("<b>Stones the design calls for</b>")
        layout = QVBoxLayout(page)
        layout.addWidget(self.needs_label)
        layout.addWidget(self.need_table)
        layout.addWidget(QLabel("<b>Stones allocated to this job</b> — taken out of their "
                                "lots; returning them puts them back exactly"))
        layout.addWidget(self.allocation_table, 1)
        layout.addLayout(button_row(self.allocate_button, self.return_some_button,
                                     self.return_all_button))
        self.allocation_table.selectionModel().selectionChanged.connect(self._update_buttons)
        return page

    def _materials_page(self) -> QWidget:
        page = QWidget()
        self.materials = ViewTableModel(MATERIAL_COLUMNS, self)
        self.material_table = row_table(self.materials, 1)
        self.add_material_button = QPushButton("Add material…")
        self.remove_material_button = QPushButton("Remove")
        self.add_material_button.clicked.connect(self.add_material)
        self.remove_material_button.clicked.connect(self.remove_material)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("Metal, findings and outside charges issued to the job; "
                                "they count as cost at once."))
        layout.addWidget(self.material_table, 1)
        layout.addLayout(button_row(self.add_material_button, self.remove_material_button))
        self.material_table.selectionModel().selectionChanged.connect(self._update_buttons)
        return page

    # -- loading
    def reload(self) -> None:
        db, job_id = self.ctx.db, self.job_id
        self.ctx.run(lambda: jobs.get_job(db, job_id),
                     on_success=while_alive(self, self.show_job),
                     on_failure=while_alive(self, self.show_failure))

    def _on_changed(self, area: str) -> None:
        if area in ("jobs", "inventory"):
            self.reload()

    def show_job(self, view: JobView) -> None:
        self.view = view
        if self._module != view.module:
            self._install_module_extras(view.module)
        self.setWindowTitle(f"{view.job_no} — {view.description}")
        self.number.setText(view.job_no)
        self.badge.setText(show.job_status(view.status))
        self.badge.setStyleSheet(show.badge_style(view.status))
        self.module_label.setText(show.MODULE_TEXT.get(view.module, view.module))
        self.description.setText(view.description)
        self.details.setText(self._details(view))
        self._keep_selection(self.stage_table, self.stages, view.stages)
        self._keep_selection(self.need_table, self.needs, view.stone_needs)
        self._keep_selection(self.allocation_table, self.allocations, view.allocations)
        self._keep_selection(self.material_table, self.materials, view.materials)
        self.need_table.setVisible(bool(view.stone_needs))
        if view.stone_needs:  # as tall as its lines, so the allocations get the room
            rows = min(len(view.stone_needs), 4)
            self.need_table.setFixedHeight(self.need_table.horizontalHeader().height() + 6
                                           + rows * self.need_table.verticalHeader()
                                           .defaultSectionSize())
        self.needs_label.setVisible(bool(view.stone_needs))
        self.tabs.setTabText(0, f"Stages ({len(view.stages)})")
        self.tabs.setTabText(1, f"Stones ({len(view.allocations)})")
        self.tabs.setTabText(2, f"Materials ({len(view.materials)})")
        self.cost_panel.show_job(view)
        for panel in self.panels:
            panel.show_job(view)
        if not view.in_flight:
            when = view.closed_at.astimezone().strftime("%d %b %Y") if view.closed_at else ""
            self.notify(f"This job was {show.job_status(view.status).lower()}"
                        f"{' on ' + when if when else ''}; it can no longer be changed.",
                        kind="info")
        self._update_buttons()

    def _details(self, view: JobView) -> str:
        parts = []
        if view.customer_name:
            parts.append(f"Customer {view.customer_name}")
        if view.stock_id:
            parts.append(f"Piece {view.stock_id}")
        if view.style_no:
            parts.append(f"Design {view.style_no}")
        if view.quantity > 1 or view.module == "production":
            parts.append(f"{view.quantity:,} piece{'s' if view.quantity != 1 else ''}")
        parts.append(f"Due {show.date(view.due_date, 'not set')}")
        if view.price is not None:
            parts.append(f"Price {show.money(view.price)}")
        parts.append(f"Opened {view.created_at.astimezone().strftime('%d %b %Y')} "
                     f"by {view.created_by}")
        return "  ·  ".join(parts)

    def _need_text(self, need_id: int | None) -> str:
        if need_id is None or self.view is None:
            return "—"
        return next((n.description for n in self.view.stone_needs if n.id == need_id), "—")

    @staticmethod
    def _keep_selection(table: QTableView, model: ViewTableModel, rows) -> None:
        current = table.selectionModel().selectedRows()
        chosen = model.row_at(current[0].row()) if current else None
        model.set_rows(rows)
        if chosen is not None:
            row = model.row_of(lambda r: r.id == chosen.id)
            if row >= 0:
                table.selectRow(row)

    def _install_module_extras(self, module: str) -> None:
        self._module = module
        _load_module_extras(module)
        self._actions = list(_ACTIONS.get(module, {}).values())
        for action in self._actions:
            button = QPushButton(action.label)
            button.setToolTip(action.tooltip)
            if action.primary:
                button.setDefault(True)
                button.setStyleSheet(show.PRIMARY_BUTTON)
            button.clicked.connect(lambda _=False, a=action: a.run(self))
            self.actions_row.addWidget(button)
            self.action_buttons[action.key] = button
        for factory in _PANELS.get(module, []):
            panel = factory(self)
            self.side.insertWidget(self.side.count() - 1, panel)
            self.panels.append(panel)

    # -- enabling
    def _selected(self, table: QTableView, model: ViewTableModel) -> Any | None:
        rows = table.selectionModel().selectedRows()
        return model.row_at(rows[0].row()) if rows else None

    def selected_stage(self):
        return self._selected(self.stage_table, self.stages)

    def selected_allocation(self):
        return self._selected(self.allocation_table, self.allocations)

    def selected_material(self):
        return self._selected(self.material_table, self.materials)

    def _update_buttons(self, *_args) -> None:
        live = bool(self.view and self.view.in_flight)
        stage = self.selected_stage()
        allocation = self.selected_allocation()
        count = len(self.stages.rows)
        self.add_stage_button.setEnabled(live)
        self.edit_stage_button.setEnabled(live and stage is not None)
        self.up_button.setEnabled(live and stage is not None and stage.position > 0)
        self.down_button.setEnabled(live and stage is not None and stage.position < count - 1)
        self.start_button.setEnabled(live and stage is not None and stage.status == "pending")
        self.done_button.setEnabled(live and stage is not None and stage.status != "done")
        self.reopen_button.setEnabled(live and stage is not None and stage.status == "done")
        self.remove_stage_button.setEnabled(live and stage is not None
                                            and stage.status != "done")
        self.allocate_button.setEnabled(live)
        self.return_some_button.setEnabled(live and allocation is not None
                                           and allocation.count > 1)
        self.return_all_button.setEnabled(live and allocation is not None)
        self.add_material_button.setEnabled(live)
        self.remove_material_button.setEnabled(live and self.selected_material() is not None)
        self.cancel_button.setEnabled(live)
        self.cancel_button.setVisible(bool(self.view) and (live or self.view.status != "closed"))
        for action in self._actions:
            button = self.action_buttons[action.key]
            button.setVisible(bool(self.view) and action.available(self.view))

    # -- talking to the services
    def act(self, fn: Callable[[], Any], done: str | Callable[[Any], str] | None = None) -> None:
        """Run one service call; say what happened, or why it was refused."""
        def succeeded(result: Any) -> None:
            if done:
                self.notify(done(result) if callable(done) else done, kind="ok")
        self.ctx.run(fn, on_success=while_alive(self, succeeded),
                     on_failure=while_alive(self, self.show_failure), changes="jobs")

    def notify(self, text: str, kind: str = "error") -> None:
        colours = {"error": ("#8a1111", "#fdecec", "#f3c1c1"),
                   "ok": ("#1b5e20", "#e8f5e9", "#bfe3c4"),
                   "info": ("#37474f", "#eef1f3", "#d5dbe0")}
        fg, bg, border = colours[kind]
        self.notice.setStyleSheet(f"QLabel {{ color: {fg}; background: {bg}; "
                                  f"border: 1px solid {border}; border-radius: 4px; "
                                  "padding: 6px 10px; }")
        self.notice.setText(text)
        self.notice.setProperty("kind", kind)
        self.notice.show()

    def show_failure(self, exc: Exception) -> None:
        self.notify(str(exc), kind="error")

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text if ok else None

    def open_dialog(self, dialog: QWidget) -> None:
        """Show a dialog over the window without blocking it (modules' actions use it too)."""
        self.dialog = dialog
        dialog.open()

    # -- stages
    def add_stage(self) -> None:
        self.open_dialog(StageDialog(self.ctx, self.job_id, parent=self))

    def edit_stage(self) -> None:
        stage = self.selected_stage()
        if stage is not None and self.view and self.view.in_flight:
            self.open_dialog(StageDialog(self.ctx, self.job_id, stage, parent=self))

    def move_stage(self, step: int) -> None:
        stage = self.selected_stage()
        if stage is not None:
            db, place = self.ctx.db, max(stage.position + step, 0)
            self.act(lambda: jobs.move_stage(db, stage.id, place))

    def start_stage(self) -> None:
        stage = self.selected_stage()
        if stage is not None:
            db = self.ctx.db
            self.act(lambda: jobs.start_stage(db, stage.id), f"{stage.name} started.")

    def complete_stage(self) -> None:
        stage = self.selected_stage()
        if stage is not None:
            db = self.ctx.db
            self.act(lambda: jobs.complete_stage(db, stage.id),
                     f"{stage.name} is done; its cost {show.money(stage.cost)} is now on "
                     "the job.")

    def reopen_stage(self) -> None:
        stage = self.selected_stage()
        if stage is not None:
            db = self.ctx.db
            self.act(lambda: jobs.reopen_stage(db, stage.id),
                     f"{stage.name} reopened; its cost is an estimate again.")

    def remove_stage(self) -> None:
        stage = self.selected_stage()
        if stage is not None and self.confirm("Remove stage",
                                              f"Remove the stage “{stage.name}” from the job?"):
            db = self.ctx.db
            self.act(lambda: jobs.remove_stage(db, stage.id), f"{stage.name} removed.")

    # -- stones
    def allocate(self) -> None:
        if self.view is None or not self.view.in_flight:
            return
        need = self._selected(self.need_table, self.needs)
        self.open_dialog(AllocateDialog(self.ctx, self.view, need.id if need else None,
                                        parent=self))

    def return_some(self) -> None:
        allocation = self.selected_allocation()
        if allocation is not None:
            self.open_dialog(ReleaseDialog(self.ctx, allocation, parent=self))

    def return_all(self) -> None:
        allocation = self.selected_allocation()
        if allocation is None or not self.confirm(
                "Return stones", f"Return all {allocation.count:,} stone(s) to lot "
                f"{allocation.lot_no}?"):
            return
        db = self.ctx.db
        self.act(lambda: jobs.release_allocation(db, allocation.id),
                 lambda back: f"{back.count:,} stone(s), {show.carats(back.carats)} went back "
                 f"to lot {allocation.lot_no}.")

    # -- materials
    def add_material(self) -> None:
        self.open_dialog(MaterialDialog(self.ctx, self.job_id, parent=self))

    def remove_material(self) -> None:
        material = self.selected_material()
        if material is not None and self.confirm(
                "Remove material", f"Remove “{material.description}” from the job?"):
            db = self.ctx.db
            self.act(lambda: jobs.remove_material(db, material.id),
                     f"{material.description} removed.")

    # -- the whole job
    def ask_cancel(self) -> None:
        if self.view is None:
            return
        reason = self.ask_text(f"Cancel {self.view.job_no}",
                               "Why is the job cancelled? Every allocated stone goes back "
                               "to its lot.")
        if reason is not None:
            db, job_id = self.ctx.db, self.job_id
            self.act(lambda: jobs.cancel_job(db, job_id, reason or None),
                     "Job cancelled; its stones are back in their lots.")


_OPEN: dict[int, JobWindow] = {}


def show_job_window(ctx: AppContext, job_id: int, parent: QWidget | None = None) -> JobWindow:
    """Open the job's window, or bring it forward if it is already open."""
    window = _OPEN.get(job_id)
    if window is None or window.ctx is not ctx:
        window = JobWindow(ctx, job_id, parent)
        _OPEN[job_id] = window
        window.destroyed.connect(
            lambda *_, w=window: _OPEN.pop(job_id) if _OPEN.get(job_id) is w else None)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
