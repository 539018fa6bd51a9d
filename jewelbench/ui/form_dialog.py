"""A dialog that hands what was typed to one service call and stays open if it is refused.

The service checks the input; a refusal (ValidationError naming a field) is shown under the
form and the offending field is outlined and focused, so the clerk can correct it in place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from jewelbench.errors import JewelBenchError
from jewelbench.ui.context import AppContext
from jewelbench.ui.guard import while_alive

_ERROR_OUTLINE = "border: 1px solid #c62828; border-radius: 3px;"


class OptionalDate(QWidget):
    """A date that may be left out: a tick box to say there is one, and a calendar."""

    def __init__(self, label: str = "Set", value: dt.date | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.enabled_box = QCheckBox(label)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd MMM yyyy")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled_box)
        layout.addWidget(self.edit, 1)
        self.enabled_box.toggled.connect(self.edit.setEnabled)
        self.set_value(value)

    def set_value(self, value: dt.date | None) -> None:
        self.enabled_box.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        shown = value or dt.date.today() + dt.timedelta(days=14)
        self.edit.setDate(QDate(shown.year, shown.month, shown.day))

    def value(self) -> dt.date | None:
        if not self.enabled_box.isChecked():
            return None
        return self.edit.date().toPython()


class FormDialog(QDialog):
    """Subclasses add rows to ``self.form``, name them in ``self.fields`` (service field →
    widget) and implement ``call()``, the service call to run with what was typed."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None,
                 ok_text: str = "Save"):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.fields: dict[str, QWidget] = {}
        self.result_value: Any = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.error)
        self.body.addWidget(self.buttons)

    def call(self) -> Callable[[], Any]:
        raise NotImplementedError

    def changes(self) -> str | None:
        """Which area the call changes, so open lists refresh."""
        return "jobs"

    def submit(self) -> None:
        self._clear_error()
        try:
            fn = self.call()
        except JewelBenchError as exc:  # input the dialog itself could not read
            self.show_error(exc)
            return
        self.ok_button.setEnabled(False)
        self.ctx.run(fn, on_success=while_alive(self, self._done),
                     on_failure=while_alive(self, self.show_error), changes=self.changes())

    def _done(self, value: Any) -> None:
        self.result_value = value
        self.ok_button.setEnabled(True)
        self.accept()

    def show_error(self, exc: Exception) -> None:
        self.ok_button.setEnabled(True)
        message = getattr(exc, "message", None) or str(exc)
        field = getattr(exc, "field", None)
        widget = self.fields.get(field) if field else None
        if widget is not None:
            label = self.form.labelForField(widget)
            name = label.text() if isinstance(label, QLabel) else field
            # "Cost must not be negative" reads better than "Cost: must not be negative"
            joiner = " " if message[:1].islower() else ": "
            self.error.setText(f"{name}{joiner}{message}")
            widget.setStyleSheet(_ERROR_OUTLINE)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.error.setText(str(exc))
        self.error.show()

    def _clear_error(self) -> None:
        self.error.hide()
        for widget in self.fields.values():
            widget.setStyleSheet("")
