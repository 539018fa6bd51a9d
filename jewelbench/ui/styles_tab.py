"""The Styles tab: one catalog of our own designs and vendors' styles.

Manufacturers get a chip row over the list — My Designs, Vendor Styles, All — which are only
different default filters of the same table; other shops see one list.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jewelbench.services import settings, styles
from jewelbench.services.styles import StyleView
from jewelbench.ui.context import AppContext
from jewelbench.ui.inventory_columns import MUTED
from jewelbench.ui.paged_list_panel import PagedListPanel
from jewelbench.ui.paged_model import Column
from jewelbench.ui.style_editor import StyleEditor

TITLE = "Styles"
CHIPS = (("my_designs", "My Designs"), ("vendor", "Vendor Styles"), ("all", "All"))
CHIP_STYLE = """
QPushButton { border: 1px solid #b8b8b8; border-radius: 14px; padding: 5px 18px;
              background: #f7f7f7; font-weight: 600; }
QPushButton:checked { background: #2f5d8a; color: white; border-color: #2f5d8a; }
"""


def _lines(view: StyleView) -> str:
    parts = [f"{len(view.bom)} BOM line{'s' if len(view.bom) != 1 else ''}"]
    if view.stages:
        parts.append(f"{len(view.stages)} stage{'s' if len(view.stages) != 1 else ''}")
    return ", ".join(parts)


STYLE_COLUMNS = [
    Column("Style #", lambda v: v.style_no, sort_key="style_no", width=110),
    Column("Name", lambda v: v.name, sort_key="name"),
    Column("Vendor", lambda v: v.vendor_name or "Our design", sort_key="vendor", width=150,
           color=lambda v: MUTED if v.is_own_design else None),
    Column("Category", lambda v: v.category, sort_key="category", width=130),
    Column("Metal", lambda v: v.metal, sort_key="metal", width=110),
    Column("Cost / piece", lambda v: v.bom_cost, kind="money", width=100),
    Column("Retail", lambda v: v.retail, sort_key="retail", kind="money", width=90),
    Column("Makes up", _lines, width=150, color=lambda _v: MUTED),
]


class StylesTab(PagedListPanel):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        self.scope = "all"
        super().__init__(ctx, columns=STYLE_COLUMNS, sort_key="style_no", csv_kind="styles",
                         reload_on="styles", parent=parent,
                         placeholder="Style number, name, metal or vendor…")
        self.chips = QWidget()
        chip_row = QHBoxLayout(self.chips)
        chip_row.setContentsMargins(0, 0, 0, 4)
        self.chip_group = QButtonGroup(self)
        self.chip_buttons: dict[str, QPushButton] = {}
        for scope, label in CHIPS:
            button = QPushButton(label)
            button.setCheckable(True)
            button.setStyleSheet(CHIP_STYLE)
            self.chip_group.addButton(button)
            self.chip_buttons[scope] = button
            chip_row.addWidget(button)
            button.clicked.connect(lambda _c=False, s=scope: self.set_scope(s))
        chip_row.addStretch(1)
        self.new_button = QPushButton("New style…")
        self.new_button.setStyleSheet("font-weight: 600;")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chips)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.footer)

        self.new_button.clicked.connect(self.new_style)
        self.table.doubleClicked.connect(
            lambda index: self.open_style(self.model.view_at(index.row()).id))
        self._apply_store()

    # -- the store profile decides whether there are chips
    def _apply_store(self) -> None:
        manufacturer = settings.get_store(self.ctx.db).manufacturer
        self.chips.setVisible(manufacturer)
        scope = "my_designs" if manufacturer else "all"
        self.chip_buttons[scope].setChecked(True)
        self.set_scope(scope)

    def set_scope(self, scope: str) -> None:
        self.scope = scope
        self.chip_buttons[scope].setChecked(True)
        self.apply_filters()

    # -- the list
    def fetcher(self):
        db, scope, text = self.ctx.db, self.scope, self.search.text()

        def fetch(offset, limit, sort_key, descending):
            return styles.list_styles(db, scope, text, offset=offset, limit=limit,
                                      sort=sort_key or "style_no", descending=descending)
        return fetch

    def noun(self, rows: int) -> str:
        noun = {"my_designs": "design", "vendor": "vendor style"}.get(self.scope, "style")
        return noun + ("" if rows == 1 else "s")

    def _on_changed(self, area: str) -> None:
        if area == "settings":
            self._apply_store()
        else:
            super()._on_changed(area)

    # -- editing
    def open_style(self, style_id: int | None) -> StyleEditor:
        editor = StyleEditor(self.ctx, style_id, self, vendor_style=self.scope == "vendor")
        self.dialog = editor
        editor.open()
        return editor

    def new_style(self) -> StyleEditor:
        return self.open_style(None)


def create_tab(ctx: AppContext, parent: QWidget | None = None) -> QWidget:
    return StylesTab(ctx, parent)
