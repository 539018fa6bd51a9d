"""Photos chosen from files on an intake form, shown as thumbnails before they are saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

FILE_FILTER = "Photos and sketches (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf);;All files (*)"
MAX_FILE = 15 * 1024 * 1024


class PhotoPicker(QWidget):
    """``photos()`` gives ``[(filename, bytes), ...]`` for the intake service call; the
    service checks they really are pictures."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(72, 72))
        self.list.setGridSize(QSize(96, 100))
        self.list.setMovement(QListView.Movement.Static)
        self.list.setMinimumHeight(112)  # takes any spare room the dialog has
        self.list.setToolTip("Photos of the piece as it came in, or sketches")
        self.add_button = QPushButton("Add photos…")
        self.remove_button = QPushButton("Remove")
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove_selected)

    def choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Add photos", "", FILE_FILTER)
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            try:
                if path.stat().st_size > MAX_FILE:
                    raise OSError("larger than 15 MB")
                data = path.read_bytes()
            except OSError as exc:
                QMessageBox.warning(self, "Add photos", f"Cannot read {path.name}: {exc}")
                continue
            self.add_photo(path.name, data)

    def add_photo(self, name: str, data: bytes) -> None:
        pixmap = QPixmap()
        item = QListWidgetItem(name)
        if pixmap.loadFromData(data):
            item.setIcon(QIcon(pixmap.scaled(72, 72, Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation)))
        item.setData(Qt.ItemDataRole.UserRole, (name, data))
        item.setToolTip(f"{name} · {len(data) // 1024 + 1} KB")
        self.list.addItem(item)

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))

    def photos(self) -> list[tuple[str, bytes]]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())]
