"""Showing a printable document (invoice, receipt) in the system's PDF viewer to print it."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from jewelbench.ui.context import AppContext

# tests replace this to see what would have been opened without starting a viewer
opener: Callable[[QUrl], bool] = QDesktopServices.openUrl


def show_pdf(ctx: AppContext, make: Callable[[], bytes], name: str,
             parent: QWidget | None = None) -> None:
    """Render off the UI thread, write to a temporary file and open it in the PDF viewer."""

    def render() -> Path:
        folder = Path(tempfile.gettempdir()) / "JewelBench"
        folder.mkdir(exist_ok=True)
        path = folder / f"{name}.pdf"
        path.write_bytes(make())
        return path

    def failed(exc: Exception) -> None:
        QMessageBox.warning(parent, "Printing", f"Could not make {name}: {exc}")

    ctx.run(render, on_success=lambda path: opener(QUrl.fromLocalFile(str(path))),
            on_failure=failed)
