"""The small dialogs of the job window: a stage, a material line, stones in and out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QWidget,
)

from jewelbench.errors import ValidationError
from jewelbench.services import inventory, jobs, parties
from jewelbench.services.job_views import AllocationView, JobView, StageView
from jewelbench.ui import job_display as show
from jewelbench.ui.context import AppContext
from jewelbench.ui.form_dialog import FormDialog, OptionalDate
from jewelbench.ui.guard import while_alive
from jewelbench.ui.view_table import RIGHT, Column, ViewTableModel

STAGE_NAMES = ("Casting", "Cleanup", "Sizing", "Setting", "Stone setting", "Retip",
               "Soldering", "Engraving", "Polish", "Plating", "Rhodium plating", "Quality check")
MATERIAL_KINDS = (("metal", "Metal"), ("finding", "Finding"),
                  ("outside", "Outside charge"), ("other", "Other"))


def _vendor_combo(db, selected: int | None) -> QComboBox:
    combo = QComboBox()
    combo.addItem("Not assigned yet", None)
    for vendor in parties.list_vendors(db):
        where = "in-house" if vendor.in_house else "outside"
        combo.addItem(f"{vendor.name}  ({where})", vendor.id)
    index = combo.findData(selected)
    combo.setCurrentIndex(max(index, 0))
    return combo


class StageDialog(FormDialog):
    """Add a stage to a job, or edit one (``stage`` given)."""

    def __init__(self, ctx: AppContext, job_id: int, stage: StageView | None = None,
                 parent: QWidget | None = None):
        super().__init__(ctx, "Edit stage" if stage else "Add a stage", parent,
                         ok_text="Save" if stage else "Add stage")
        self.job_id = job_id
        self.stage = stage
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems(STAGE_NAMES)
        self.name.setCurrentText(stage.name if stage else "")
        self.name.lineEdit().setPlaceholderText("Casting, Setting, Polish…")
        self.vendor = _vendor_combo(ctx.db, stage.vendor_id if stage else None)
        self.cost = QLineEdit(show.money(stage.cost) if stage else "")
        self.cost.setPlaceholderText("0.00")
        self.due = OptionalDate("Due", stage.due_date if stage else None)
        self.notes = QLineEdit(stage.notes or "" if stage else "")
        self.form.addRow("Stage", self.name)
        self.form.addRow("Who does it", self.vendor)
        self.form.addRow("Cost", self.cost)
        self.form.addRow("Due date", self.due)
        self.form.addRow("Notes", self.notes)
        self.fields = {"name": self.name, "vendor_id": self.vendor, "cost": self.cost,
                       "due_date": self.due, "notes": self.notes}

    def call(self) -> Callable[[], Any]:
        values = dict(name=self.name.currentText(), vendor_id=self.vendor.currentData(),
                      cost=self.cost.text() or "0", due_date=self.due.value(),
                      notes=self.notes.text())
        db = self.ctx.db
        if self.stage is None:
            return lambda: jobs.add_stage(db, self.job_id, **values)
        stage_id = self.stage.id
        return lambda: jobs.update_stage(db, stage_id, **values)


class MaterialDialog(FormDialog):
    """Metal, a finding or an outside charge issued to the job."""

    def __init__(self, ctx: AppContext, job_id: int, parent: QWidget | None = None):
        super().__init__(ctx, "Add material", parent, ok_text="Add material")
        self.job_id = job_id
        self.kind = QComboBox()
        for value, text in MATERIAL_KINDS:
            self.kind.addItem(text, value)
        self.description = QLineEdit()
        self.description.setPlaceholderText("14K white casting grain, 2 mm jump rings…")
        self.quantity = QLineEdit("1")
        self.quantity.setPlaceholderText("grams, pieces or hours")
        self.unit_cost = QLineEdit()
        self.unit_cost.setPlaceholderText("cost of one gram / piece / hour")
        self.form.addRow("Kind", self.kind)
        self.form.addRow("Description", self.description)
        self.form.addRow("Quantity", self.quantity)
        self.form.addRow("Unit cost", self.unit_cost)
        self.fields = {"kind": self.kind, "description": self.description,
                       "quantity": self.quantity, "unit_cost": self.unit_cost}

    def call(self) -> Callable[[], Any]:
        db, job_id = self.ctx.db, self.job_id
        values = dict(kind=self.kind.currentData(), description=self.description.text(),
                      quantity=self.quantity.text(), unit_cost=self.unit_cost.text())
        return lambda: jobs.add_material(db, job_id, **values)


LOT_COLUMNS = (
    Column("Lot", lambda lot: lot.lot_no),
    Column("Stones", lambda lot: lot.description),
    Column("On hand", lambda lot: f"{lot.count_on_hand:,}", RIGHT),
    Column("Carats", lambda lot: show.carats(lot.carats_on_hand), RIGHT),
    Column("Cost on hand", lambda lot: show.money(lot.cost_on_hand), RIGHT),
)


class AllocateDialog(FormDialog):
    """Pick a lot (its stones on hand are shown) and take stones from it for the job."""

    def __init__(self, ctx: AppContext, job: JobView, need_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(ctx, f"Allocate stones to {job.job_no}", parent,
                         ok_text="Allocate stones")
        self.setMinimumWidth(640)
        self.job = job
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search lots: number, shape, size, certificate…")
        self.search.setClearButtonEnabled(True)
        self.lots = ViewTableModel(LOT_COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.lots)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(200)
        self.need = QComboBox()
        self.need.addItem("—  (not for a particular stone line)", None)
        for need in job.stone_needs:
            still = need.count - need.allocated
            self.need.addItem(f"{need.description}: {still} of {need.count} still to allocate",
                              need.id)
        self.need.setCurrentIndex(max(self.need.findData(need_id), 0))
        self.count = QSpinBox()
        self.count.setRange(1, 1_000_000)
        self.carats = QLineEdit()
        self.carats.setPlaceholderText("leave empty for the lot's average weight")
        self.picked = QLabel("Pick a lot above.")
        self.picked.setStyleSheet(f"color: {show.MUTED};")
        self.form.addRow(self.search)
        self.form.addRow(self.table)
        self.form.addRow("", self.picked)
        if job.stone_needs:
            self.form.addRow("For", self.need)
        self.form.addRow("Stones", self.count)
        self.form.addRow("Carats", self.carats)
        self.fields = {"lot_id": self.table, "count": self.count, "carats": self.carats,
                       "need_id": self.need}
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._timer.start)
        self.table.selectionModel().selectionChanged.connect(self._lot_picked)
        self.need.currentIndexChanged.connect(self._suggest_count)
        self.reload()

    def reload(self) -> None:
        text, db = self.search.text(), self.ctx.db
        self.ctx.run(lambda: inventory.search_stone_lots(db, text, limit=200),
                     on_success=while_alive(self, self._show_lots),
                     on_failure=while_alive(self, self.show_error))

    def _show_lots(self, lots) -> None:
        self.lots.set_rows(lots)
        if lots and len(lots) == 1:
            self.table.selectRow(0)

    def selected_lot(self):
        rows = self.table.selectionModel().selectedRows()
        return self.lots.row_at(rows[0].row()) if rows else None

    def _lot_picked(self, *_args) -> None:
        lot = self.selected_lot()
        if lot is None:
            self.picked.setText("Pick a lot above.")
            return
        self.picked.setText(f"{lot.lot_no}: {lot.count_on_hand:,} stone(s), "
                            f"{show.carats(lot.carats_on_hand)} on hand")
        self._suggest_count()

    def _suggest_count(self, *_args) -> None:
        need = next((n for n in self.job.stone_needs if n.id == self.need.currentData()), None)
        if need is not None and need.count > need.allocated:
            self.count.setValue(need.count - need.allocated)

    def call(self) -> Callable[[], Any]:
        lot = self.selected_lot()
        if lot is None:
            raise ValidationError("lot_id", "pick the lot the stones come from")
        db, job_id = self.ctx.db, self.job.id
        values = dict(count=self.count.value(), carats=self.carats.text() or None,
                      need_id=self.need.currentData())
        lot_id = lot.id
        return lambda: jobs.allocate_stones(db, job_id, lot_id, **values)


class ReleaseDialog(FormDialog):
    """Give all or part of an allocation back to its lot (3 of 20 melee, with their carats)."""

    def __init__(self, ctx: AppContext, allocation: AllocationView,
                 parent: QWidget | None = None):
        super().__init__(ctx, "Return stones to their lot", parent, ok_text="Return stones")
        self.allocation = allocation
        held = QLabel(f"This job holds <b>{allocation.count:,}</b> stone(s), "
                      f"{show.carats(allocation.carats)} ({show.money(allocation.cost)}) "
                      f"from lot <b>{allocation.lot_no}</b>, {allocation.lot_description}.")
        held.setWordWrap(True)
        self.count = QSpinBox()
        self.count.setRange(1, allocation.count)
        self.count.setValue(allocation.count)
        self.carats = QLineEdit()
        self.carats.setPlaceholderText("weigh them, or leave empty for the average weight")
        self.form.addRow(held)
        self.form.addRow("Stones to return", self.count)
        self.form.addRow("Their carats", self.carats)
        self.fields = {"count": self.count, "carats": self.carats}

    def call(self) -> Callable[[], Any]:
        db, allocation_id = self.ctx.db, self.allocation.id
        count = self.count.value()
        carats = self.carats.text() or None
        return lambda: jobs.release_allocation(db, allocation_id, count=count, carats=carats)
