from __future__ import annotations

from PySide6.QtWidgets import QWidget

from jewelbench.ui.context import AppContext
from jewelbench.ui.placeholder import ComingSoon

TITLE = "Repairs"


def create_tab(ctx: AppContext, parent: QWidget | None = None) -> QWidget:
    return ComingSoon(
        TITLE,
        "Take in repairs at the counter, track them at the bench, hand them back with an invoice.",
        parent,
    )
