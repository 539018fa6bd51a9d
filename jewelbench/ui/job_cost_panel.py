"""The job's money at a glance: the estimate against cost so far and what is still to come."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QGroupBox, QLabel, QWidget

from jewelbench.services.job_views import JobView
from jewelbench.ui import job_display as show


def _rule() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setStyleSheet("color: #d6d6d6;")
    return line


class CostPanel(QGroupBox):
    """Cost so far = materials + stones + stages done; stages not done and stones still to
    allocate are shown apart, as estimate, with the projected total beside the estimate."""

    ROWS = (("estimate", "Estimate"), None,
            ("materials", "Materials"), ("stones", "Stones allocated"),
            ("stages_done", "Stages done"), ("cost", "Cost so far"), None,
            ("stages_pending", "Stages not done yet"),
            ("stones_to_allocate", "Stones still to allocate"),
            ("projected", "Projected cost"), ("difference", ""))

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Cost", parent)
        self.values: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.rules: list[QFrame] = []
        grid = QGridLayout(self)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(0, 1)
        for row, entry in enumerate(self.ROWS):
            if entry is None:
                self.rules.append(_rule())
                grid.addWidget(self.rules[-1], row, 0, 1, 2)
                continue
            key, text = entry
            label, value = QLabel(text), QLabel("")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if key in ("cost", "projected", "estimate"):
                for widget in (label, value):
                    widget.setStyleSheet("font-weight: 600;")
            if key in ("stages_pending", "stones_to_allocate"):
                for widget in (label, value):
                    widget.setStyleSheet(f"color: {show.MUTED};")
            grid.addWidget(label, row, 0)
            grid.addWidget(value, row, 1)
            self.labels[key], self.values[key] = label, value
        self.values["cost"].setStyleSheet("font-weight: 700; font-size: 15px;")
        self.labels["cost"].setStyleSheet("font-weight: 700; font-size: 15px;")
        self.setMinimumWidth(260)

    def show_job(self, view: JobView) -> None:
        costs = view.costs
        figures = {"estimate": show.money(view.estimate, "none"),
                   "materials": show.money(costs.materials),
                   "stones": show.money(costs.stones),
                   "stages_done": show.money(costs.stages_done),
                   "cost": show.money(costs.cost),
                   "stages_pending": show.money(costs.stages_pending),
                   "stones_to_allocate": show.money(costs.stones_to_allocate),
                   "projected": show.money(costs.projected)}
        for key, text in figures.items():
            self.values[key].setText(text)
        # a closed or cancelled job has nothing still to come: its cost is final
        live = view.in_flight
        for key in ("stages_pending", "stones_to_allocate", "projected"):
            self.labels[key].setVisible(live)
            self.values[key].setVisible(live)
        self.rules[-1].setVisible(live)
        self.labels["cost"].setText("Cost so far" if live else "Final cost")
        self._show_difference(view.estimate, costs.projected if live else costs.cost)

    def _show_difference(self, estimate: Decimal | None, projected: Decimal) -> None:
        label, value = self.labels["difference"], self.values["difference"]
        if estimate is None:
            label.setText("")
            value.setText("")
            return
        gap = projected - estimate
        if gap > 0:
            label.setText("Over the estimate by")
            colour = show.WARNING
        else:
            label.setText("Under the estimate by" if gap < 0 else "On the estimate")
            colour = "#1b6e35"
        value.setText(show.money(abs(gap)) if gap else "")
        for widget in (label, value):
            widget.setStyleSheet(f"color: {colour};")
