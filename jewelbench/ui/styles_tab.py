from __future__ import annotations

from PySide6.QtWidgets import QWidget

from jewelbench.ui.context import AppContext
from jewelbench.ui.placeholder import ComingSoon

TITLE = "Styles"


def create_tab(ctx: AppContext, parent: QWidget | None = None) -> QWidget:
    return ComingSoon(
        TITLE,
        "Your own designs and vendors' styles, with their bills of materials.",
        parent,
    )
