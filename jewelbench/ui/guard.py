"""Callbacks from background operations that outlive the widget which asked for them.

A window can be closed while its service call is still running; when the answer arrives,
the callback must not touch the deleted widget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject


def while_alive(owner: QObject, fn: Callable[..., Any]) -> Callable[..., None]:
    """``fn``, run only if ``owner`` still exists when it is called."""

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            fn(*args)

    return call
