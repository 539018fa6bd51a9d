from __future__ import annotations

from PySide6.QtWidgets import QWidget

from jewelbench.ui.context import AppContext
from jewelbench.ui.placeholder import ComingSoon

TITLE = "Production"


def create_tab(ctx: AppContext, parent: QWidget | None = None) -> QWidget:
    return ComingSoon(
        TITLE,
        "Make pieces for inventory, one-off or in batches from your own designs.",
        parent,
    )
