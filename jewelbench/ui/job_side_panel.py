"""The panel beside the bench work in the job window: a module's own facts, and the photos."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from jewelbench.services.job_views import JobView
from jewelbench.ui.alive import while_alive
from jewelbench.ui.job_photos import JobPhotos


class JobSidePanel(QWidget):
    """Fetches the module's view of the job off the UI thread and shows it as a small table.

    Subclasses name a ``title`` and give ``fetch`` (db, job id → view) and ``rows`` (view →
    label/text pairs, the text may hold simple rich text).
    """

    title = ""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.photos = JobPhotos(window.ctx)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.photos)

    def fetch(self, db, job_id: int) -> Any:
        raise NotImplementedError

    def rows(self, found: Any) -> list[tuple[str, str]]:
        raise NotImplementedError

    def show_job(self, view: JobView) -> None:
        ctx = self.window_.ctx
        db, job_id = ctx.db, view.id
        fetch = self.fetch  # a plain service call; it touches no widget off the UI thread
        ctx.run(lambda: fetch(db, job_id), on_success=while_alive(self, self._show))
        self.photos.show_job(view)

    def _show(self, found: Any) -> None:
        body = "".join(f"<tr><td style='color:#6b6b6b;padding-right:8px'>{k}</td>"
                       f"<td>{v}</td></tr>" for k, v in self.rows(found))
        self.text.setText(f"<b>{self.title}</b><table>{body}</table>")
