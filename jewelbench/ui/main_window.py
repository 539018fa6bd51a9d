"""The main window: one tab per module, menus, and a status bar saying where the data is."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from jewelbench import APP_NAME, __version__
from jewelbench.services import settings
from jewelbench.ui import (
    custom_jobs_tab,
    inventory_tab,
    production_tab,
    repairs_tab,
    styles_tab,
)
from jewelbench.ui.context import AppContext
from jewelbench.ui.settings_dialog import SettingsDialog

TAB_MODULES = (repairs_tab, custom_jobs_tab, production_tab, inventory_tab, styles_tab)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for module in TAB_MODULES:
            self.tabs.addTab(module.create_tab(ctx, self.tabs), module.TITLE)
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self._build_status_bar()
        self._refresh_title()
        ctx.changed.connect(self._on_changed)
        self._restore_geometry()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        settings_action = QAction("&Settings…", self)
        settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        settings_action.triggered.connect(self.open_settings)
        file_menu.addAction(settings_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu("&View")
        self.monitor_action = QAction("&Workshop Monitor", self)
        self.monitor_action.setShortcut("F9")
        self.monitor_action.triggered.connect(self.open_monitor)
        view_menu.addAction(self.monitor_action)
        view_menu.addSeparator()
        for index, module in enumerate(TAB_MODULES):
            action = QAction(module.TITLE, self)
            action.setShortcut(f"Ctrl+{index + 1}")
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            view_menu.addAction(action)

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction(f"&About {APP_NAME}", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        self.database_label = QLabel(self.ctx.db.describe())
        self.user_label = QLabel(f"Working: {self.ctx.db.user}")
        self.statusBar().addWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)

    def _refresh_title(self) -> None:
        store = settings.get_store(self.ctx.db)
        self.setWindowTitle(f"{store.name} — {APP_NAME}")

    def _on_changed(self, area: str) -> None:
        if area == "settings":
            self._refresh_title()

    def open_settings(self) -> None:
        SettingsDialog(self.ctx, self).exec()

    def open_monitor(self) -> None:
        QMessageBox.information(
            self, "Workshop Monitor",
            "The Workshop Monitor is not built yet. It will show every job in work on the "
            "bench in one queue.")

    def show_about(self) -> None:
        QMessageBox.about(
            self, f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>Point of sale and bench work for jewelry stores and manufacturers: repairs, "
            "custom jobs, production, inventory and styles.</p>"
            f"<p>Database: {self.ctx.db.describe()}</p>")

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 780)
        index = QSettings().value("main_window/tab", 0, type=int)
        self.tabs.setCurrentIndex(index if 0 <= index < self.tabs.count() else 0)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        QSettings().setValue("main_window/tab", self.tabs.currentIndex())
        self.ctx.wait_idle(5000)
        super().closeEvent(event)
