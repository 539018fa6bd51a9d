"""One piece of inventory: its details, the stones set in it, and how its cost came about."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jewelbench.services import inventory
from jewelbench.services.inventory_views import CostEntryView, ItemView
from jewelbench.services.items import MANUAL_STATUSES
from jewelbench.ui.context import AppContext
from jewelbench.ui.friendly_errors import field_title
from jewelbench.ui.guard import while_alive
from jewelbench.ui.inventory_columns import (
    BAD,
    COST_COLUMNS,
    GOOD,
    MUTED,
    SOURCE_WORDS,
    STATUS_COLORS,
    STATUS_WORDS,
    money,
)
from jewelbench.ui.item_dialogs import CATEGORIES, METALS, editable_choices
from jewelbench.ui.item_stones_page import SetStonesPage
from jewelbench.ui.paged_model import show
from jewelbench.ui.view_table import ViewTableModel, row_table

_OUTLINE = "border: 1px solid #c62828; border-radius: 3px;"


class ItemWindow(QWidget):
    def __init__(self, ctx: AppContext, item_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.item_id = item_id
        self.item: ItemView | None = None
        self.setWindowTitle("Item")
        self.resize(900, 640)

        self.stock_id = QLabel()
        self.stock_id.setStyleSheet("font-size: 24px; font-weight: 700;")
        self.stock_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge = QLabel()
        self.figures = QLabel()
        self.figures.setStyleSheet("font-size: 15px;")
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15px;")
        self.heading.setWordWrap(True)
        title = QHBoxLayout()
        title.addWidget(self.stock_id)
        title.addWidget(self.badge)
        title.addStretch(1)
        title.addWidget(self.figures)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._details_page(), "Details")
        self.stones_page = SetStonesPage(ctx, self)
        self.tabs.addTab(self.stones_page, "SetStones")
        self.tabs.addTab(self._history_page(), "Cost history")
        layout = QVBoxLayout(self)
        layout.addLayout(title)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)

        ctx.changed.connect(self._on_changed)
        QShortcut(QKeySequence.StandardKey.Refresh, self, activated=self.reload)
        QShortcut(QKeySequence.StandardKey.Close, self, activated=self.close)
        self.reload()

    # -- pages
    def _details_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.description = QLineEdit()
        self.category = editable_choices(CATEGORIES, "Ring, pendant…")
        self.metal = editable_choices(METALS, "14K White…")
        self.retail = QLineEdit()
        self.status = QComboBox()
        for status in MANUAL_STATUSES:
            self.status.addItem(STATUS_WORDS[status], status)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(80)
        self.cost_basis = QLabel()
        self.style_label = QLabel()
        self.origin = QLabel()
        self.origin.setStyleSheet(f"color: {MUTED};")
        for label, widget in (("Description", self.description), ("Category", self.category),
                              ("Metal", self.metal), ("Retail", self.retail),
                              ("Status", self.status), ("Notes", self.notes),
                              ("Cost basis", self.cost_basis), ("Style", self.style_label),
                              ("Came from", self.origin)):
            form.addRow(label, widget)
        self.fields = {"description": self.description, "category": self.category,
                       "metal": self.metal, "retail": self.retail, "status": self.status,
                       "notes": self.notes}
        self.save_button = QPushButton("Save changes")
        self.save_button.setStyleSheet("font-weight: 600;")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _history_page(self) -> QWidget:
        page = QWidget()
        self.history = ViewTableModel(COST_COLUMNS, self)
        self.history_table = row_table(self.history, 2)
        self.history_total = QLabel()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("Every addition to and deduction from the cost basis, oldest "
                                "first. The cost basis is their sum."))
        layout.addWidget(self.history_table, 1)
        layout.addWidget(self.history_total)
        return page

    # -- loading
    def reload(self) -> None:
        db, item_id = self.ctx.db, self.item_id
        self.ctx.run(lambda: (inventory.get_item(db, item_id),
                              inventory.item_cost_history(db, item_id)),
                     on_success=while_alive(self, lambda got: self.show_item(*got)),
                     on_failure=while_alive(self, self._load_failed))

    def _on_changed(self, area: str) -> None:
        if area in ("inventory", "jobs"):
            self.reload()

    def _load_failed(self, exc: Exception) -> None:
        self.heading.setText(f"<span style='color:{BAD}'>{exc}</span>")

    def show_item(self, item: ItemView, history: list[CostEntryView]) -> None:
        first = self.item is None
        self.item = item
        self.setWindowTitle(f"{item.stock_id} — {item.description}")
        self.stock_id.setText(item.stock_id)
        color = STATUS_COLORS.get(item.status, MUTED)
        self.badge.setText(STATUS_WORDS.get(item.status, item.status))
        self.badge.setStyleSheet(f"color: white; background: {color}; border-radius: 9px; "
                                 "padding: 2px 10px; font-weight: 600;")
        below = item.retail is not None and item.retail < item.cost_basis
        warning = f" <span style='color:{BAD}'>(below cost)</span>" if below else ""
        self.figures.setText(f"Cost basis <b>{money(item.cost_basis)}</b> &nbsp;·&nbsp; "
                             f"Retail <b>{money(item.retail) or '—'}</b>{warning}")
        self.heading.setText(item.description)
        if first:
            self._fill_details(item)
        self.cost_basis.setText(f"<b>{money(item.cost_basis)}</b> <span style='color:{MUTED}'>"
                                "(the sum of the cost history)</span>")
        self.style_label.setText(item.style_no or "—")
        source = SOURCE_WORDS.get(item.source, item.source)
        self.origin.setText(f"{source}, {show(item.created_at)} by {item.created_by}")
        self.stones_page.show_item(item)
        self.tabs.setTabText(1, f"SetStones ({sum(s.count for s in item.stones)})"
                             if item.stones else "SetStones")
        self.history.set_rows(history)
        self.history_total.setText(f"Cost basis: <b>{money(item.cost_basis)}</b> from "
                                   f"{len(history)} entr{'y' if len(history) == 1 else 'ies'}")

    def _fill_details(self, item: ItemView) -> None:
        self.description.setText(item.description)
        self.category.setCurrentText(item.category or "")
        self.metal.setCurrentText(item.metal or "")
        self.retail.setText(f"{item.retail:.2f}" if item.retail is not None else "")
        self.notes.setPlainText(item.notes or "")
        manual = item.status in MANUAL_STATUSES
        self.status.setEnabled(manual)
        if manual:
            self.status.setCurrentIndex(self.status.findData(item.status))
        else:
            self.status.addItem(STATUS_WORDS.get(item.status, item.status), item.status)
            self.status.setCurrentIndex(self.status.count() - 1)

    # -- saving
    def save(self) -> None:
        if self.item is None:
            return
        for widget in self.fields.values():
            widget.setStyleSheet("")
        self.message.setText("")
        db, item_id = self.ctx.db, self.item.id
        args = dict(description=self.description.text(), category=self.category.currentText(),
                    metal=self.metal.currentText(), retail=self.retail.text() or None,
                    notes=self.notes.toPlainText())
        if self.status.isEnabled():
            args["status"] = self.status.currentData()
        self.save_button.setEnabled(False)
        self.ctx.run(lambda: inventory.update_item(db, item_id, **args),
                     on_success=while_alive(self, self._saved),
                     on_failure=while_alive(self, self._save_failed), changes="inventory")

    def _saved(self, _item: ItemView) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(f"<span style='color:{GOOD}'>Saved.</span>")

    def _save_failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        field = getattr(exc, "field", None)
        widget = self.fields.get(field) if field else None
        if widget is not None:
            widget.setStyleSheet(_OUTLINE)
            widget.setFocus()
            text = f"{field_title(field, {})}: {exc.message}"
        else:
            text = str(exc)
        self.message.setText(f"<span style='color:{BAD}'>{text}</span>")
