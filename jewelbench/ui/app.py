"""Starting the desktop application."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from jewelbench import APP_NAME, __version__
from jewelbench.config import config_path
from jewelbench.db import open_database
from jewelbench.errors import DatabaseUnavailable
from jewelbench.ui.context import AppContext
from jewelbench.ui.main_window import MainWindow


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    # window layout lives beside workstation.json, in the same per-user folder on every OS
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(config_path().parent))
    return app


def run(url: str | None) -> int:
    app = make_application()
    try:
        db = open_database(url)
    except DatabaseUnavailable as exc:
        QMessageBox.critical(None, APP_NAME,
                             f"{exc}\n\nCheck the database in Settings, or start with "
                             "--db to choose another one.")
        return 2
    ctx = AppContext(db)
    window = MainWindow(ctx)
    window.show()
    try:
        return app.exec()
    finally:
        ctx.wait_idle()
        db.close()
