"""Intake of a production job: a described one-off piece, or a run of one of My Designs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from jewelbench.services import production, settings
from jewelbench.services.production import MAX_RUN
from jewelbench.ui import job_display as show
from jewelbench.ui.context import AppContext
from jewelbench.ui.form_dialog import FormDialog, OptionalDate


class IntakeDialog(FormDialog):
    """Opens the job; ``result_value`` is its view. Designs are offered only to manufacturers."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, "New production job", parent, ok_text="Open job")
        self.setMinimumWidth(520)
        self.manufacturer = settings.get_store(ctx.db).manufacturer
        self.designs = production.list_designs(ctx.db) if self.manufacturer else []
        self.one_off = QRadioButton("A one-off piece — describe it")
        self.from_design = QRadioButton("A run of one of my designs")
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.one_off)
        self.mode.addButton(self.from_design)
        self.description = QLineEdit()
        self.design = QComboBox()
        for choice in self.designs:
            self.design.addItem(f"{choice.label}   ({show.money(choice.bom_cost)} per piece)",
                                choice.id)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, MAX_RUN)
        self.quantity.setSuffix(" piece(s)")
        self.estimate = QLabel()
        self.estimate.setStyleSheet(f"color: {show.MUTED};")
        self.target = OptionalDate("Set")
        if self.manufacturer:
            self.form.addRow("Making", self.one_off)
            self.form.addRow("", self.from_design)
            if not self.designs:
                self.from_design.setEnabled(False)
                self.from_design.setText("A run of one of my designs (add designs in Styles "
                                         "first)")
        self.form.addRow("Design", self.design)
        self.form.addRow("Quantity", self.quantity)
        self.form.addRow("", self.estimate)
        self.form.addRow("Description", self.description)
        self.form.addRow("Target date", self.target)
        if not self.manufacturer:
            note = QLabel("One piece per job. Runs of several pieces from your own designs "
                          "are for manufacturer shops (File ▸ Settings ▸ Store).")
            note.setWordWrap(True)
            note.setStyleSheet(f"color: {show.MUTED};")
            self.form.addRow("", note)
        self.fields = {"description": self.description, "style_id": self.design,
                       "quantity": self.quantity, "target_date": self.target}
        self.one_off.toggled.connect(self._mode_changed)
        self.design.currentIndexChanged.connect(self._show_estimate)
        self.quantity.valueChanged.connect(self._show_estimate)
        self.one_off.setChecked(True)
        self._mode_changed()

    def designing(self) -> bool:
        return self.from_design.isChecked()

    def _mode_changed(self, *_args) -> None:
        designing = self.designing()
        for widget in (self.design, self.quantity, self.estimate):
            widget.setVisible(designing)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(designing)
        self.description.setPlaceholderText(
            "leave empty to use the design's name" if designing
            else "e.g. 14K white gold solitaire ring, size 6")
        self._show_estimate()
        self.adjustSize()

    def _show_estimate(self, *_args) -> None:
        choice = next((c for c in self.designs if c.id == self.design.currentData()), None)
        if choice is None or not self.designing():
            self.estimate.setText("")
            return
        quantity = self.quantity.value()
        self.estimate.setText(f"Estimate from the design's bill of materials: "
                              f"{show.money(choice.bom_cost)} × {quantity:,} = "
                              f"<b>{show.money(choice.estimate_for(quantity))}</b>")

    def call(self) -> Callable[[], Any]:
        db = self.ctx.db
        values: dict[str, Any] = dict(description=self.description.text() or None,
                                      target_date=self.target.value())
        if self.designing():
            values.update(style_id=self.design.currentData(), quantity=self.quantity.value())
        return lambda: production.open_job(db, **values)
