from __future__ import annotations

from PySide6.QtWidgets import QWidget

from jewelbench.ui.context import AppContext
from jewelbench.ui.placeholder import ComingSoon

TITLE = "Inventory"


def create_tab(ctx: AppContext, parent: QWidget | None = None) -> QWidget:
    return ComingSoon(
        TITLE,
        "Finished pieces by StockID, loose stone lots, and stones set into pieces.",
        parent,
    )
