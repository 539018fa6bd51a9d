"""Save a picture of the main window on a demo shop, for the README.

    python scripts/screenshot.py docs/main-window.png [tab-title]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(target: str, tab: str = "Repairs") -> None:
    from PySide6.QtWidgets import QApplication

    from jewelbench.db import open_database
    from jewelbench.services import demo
    from jewelbench.ui.app import make_application
    from jewelbench.ui.context import AppContext
    from jewelbench.ui.main_window import MainWindow

    folder = Path(tempfile.mkdtemp())
    os.environ["XDG_CONFIG_HOME"] = str(folder)  # never the real window layout
    app = make_application()
    db = open_database(f"sqlite:///{folder / 'demo.sqlite3'}")
    demo.fill(db)
    ctx = AppContext(db)
    window = MainWindow(ctx)
    window.resize(1280, 760)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    window.tabs.setCurrentIndex(titles.index(tab))
    window.show()
    for _ in range(50):
        app.processEvents()
        ctx.wait_idle(100)
    app.processEvents()
    window.grab().save(target)
    window.close()
    db.close()
    QApplication.quit()


if __name__ == "__main__":
    main(*sys.argv[1:])
