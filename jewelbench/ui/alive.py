"""Callbacks that arrive after their widget was closed and deleted are dropped, not run."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtWidgets import QWidget


def while_alive(widget: QWidget, fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` wrapped so a background result for a window already closed is ignored."""

    def call(*args: Any) -> Any:
        if shiboken6.isValid(widget):
            return fn(*args)
        return None

    return call
