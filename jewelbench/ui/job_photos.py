"""A job's photos as thumbnails, read from the database; add more, or look at one full size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jewelbench.services import photos
from jewelbench.services.job_views import JobView
from jewelbench.services.photos import Photo
from jewelbench.ui.alive import while_alive
from jewelbench.ui.context import AppContext
from jewelbench.ui.photo_picker import FILE_FILTER


def _load(db, job_id: int) -> list[Photo]:
    return [photos.get_photo(db, info.id) for info in photos.list_photos(db, job_id)]


class JobPhotos(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.job: JobView | None = None
        self.title = QLabel("<b>Photos</b>")
        self.add_button = QPushButton("Add photo…")
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(80, 80))
        self.list.setGridSize(QSize(96, 104))
        self.list.setMovement(QListView.Movement.Static)
        self.list.setFixedHeight(118)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.list)
        self.add_button.clicked.connect(self.choose)
        self.list.itemDoubleClicked.connect(self._enlarge)

    def show_job(self, view: JobView) -> None:
        self.job = view
        self.add_button.setEnabled(view.status != "cancelled")
        db = self.ctx.db
        self.ctx.run(lambda: _load(db, view.id), on_success=while_alive(self, self._show))

    def _show(self, found: list[Photo]) -> None:
        self.list.clear()
        self.title.setText(f"<b>Photos ({len(found)})</b>")
        for photo in found:
            item = QListWidgetItem(photo.info.filename)
            pixmap = QPixmap()
            if pixmap.loadFromData(photo.data):
                item.setIcon(QIcon(pixmap.scaled(80, 80, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation)))
            item.setData(Qt.ItemDataRole.UserRole, photo)
            item.setToolTip(f"{photo.info.filename} · added {photo.info.at:%d %b %Y} "
                            f"by {photo.info.by}")
            self.list.addItem(item)

    def choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Add photos", "", FILE_FILTER)
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        if self.job is None or not paths:
            return
        db, job_id = self.ctx.db, self.job.id

        def add() -> None:
            for path in paths:
                photos.add_photo(db, job_id, path.name, path.read_bytes())

        def failed(exc: Exception) -> None:
            QMessageBox.warning(self, "Add photo", str(exc))
            self.show_job(self.job)

        self.ctx.run(add, on_success=lambda _r: self.show_job(self.job), on_failure=failed)

    def _enlarge(self, item: QListWidgetItem) -> None:
        photo: Photo = item.data(Qt.ItemDataRole.UserRole)
        pixmap = QPixmap()
        if not pixmap.loadFromData(photo.data):
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(photo.info.filename)
        label = QLabel()
        label.setPixmap(pixmap.scaled(900, 700, Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation))
        scroll = QScrollArea()
        scroll.setWidget(label)
        QVBoxLayout(dialog).addWidget(scroll)
        dialog.resize(940, 740)
        dialog.open()
