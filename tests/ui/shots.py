"""Screenshots for a person to look at: ``JEWELBENCH_SHOTS=/tmp/shots pytest tests/ui``."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication


def shot(widget, name: str) -> None:
    """Save what the widget looks like, when JEWELBENCH_SHOTS names a folder."""
    folder = os.environ.get("JEWELBENCH_SHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    # let pending layout requests run, as the event loop would before painting
    QApplication.processEvents()
    widget.grab().save(str(Path(folder) / f"{name}.png"))
