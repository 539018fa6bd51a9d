"""What every window shares: the database handle, background operations, a change signal."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from jewelbench.db import Database
from jewelbench.errors import JewelBenchError


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Op(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to the UI thread, which decides what to show
            if not isinstance(exc, JewelBenchError):
                traceback.print_exc()
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)


class AppContext(QObject):
    """Passed to every tab and dialog instead of a global.

    ``changed`` says that an operation changed data in an area ("jobs", "inventory", ...);
    views listening to it refresh themselves.
    """

    changed = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._running: set[_Relay] = set()

    def run(self, fn: Callable[[], Any], *, on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[Exception], None] | None = None,
            changes: str | None = None) -> None:
        """Run ``fn`` off the UI thread; the callbacks run back on the UI thread."""
        relay = _Relay()
        self._running.add(relay)

        def done(result):
            self._running.discard(relay)
            if on_success:
                on_success(result)
            if changes:
                self.changed.emit(changes)

        def failed(exc):
            self._running.discard(relay)
            if on_failure:
                on_failure(exc)

        relay.succeeded.connect(done)
        relay.failed.connect(failed)
        self.pool.start(_Op(fn, relay))

    @Slot()
    def wait_idle(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)
