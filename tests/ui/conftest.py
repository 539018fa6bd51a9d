"""UI tests: offscreen Qt, a fresh SQLite database in a temporary user folder, no stray threads."""

from __future__ import annotations

import pytest


@pytest.fixture
def ctx(qapp, sqlite_db):
    from jewelbench.ui.app import make_application
    from jewelbench.ui.context import AppContext

    make_application()

    context = AppContext(sqlite_db)
    yield context
    assert context.wait_idle(10_000), "a background operation was still running"


@pytest.fixture(autouse=True)
def _no_leftover_threads(qapp):
    yield
    from PySide6.QtCore import QThreadPool

    assert QThreadPool.globalInstance().waitForDone(5000)
