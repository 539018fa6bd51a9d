from __future__ import annotations

from PySide6.QtWidgets import QWidget

from jewelbench.ui.context import AppContext
from jewelbench.ui.placeholder import ComingSoon

TITLE = "Custom Jobs"


def create_tab(ctx: AppContext, parent: QWidget | None = None) -> QWidget:
    return ComingSoon(
        TITLE,
        "Quote, take deposits on and build pieces made for one customer.",
        parent,
    )
