"""How job values read on screen: money, carats, dates, and status words with their colours.

Shared by the job window and the job lists of all three modules, so a status looks the same
everywhere.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

JOB_STATUS_TEXT = {"open": "Open", "in_progress": "In progress", "ready": "Ready",
                   "closed": "Closed", "cancelled": "Cancelled"}
STAGE_STATUS_TEXT = {"pending": "Pending", "in_progress": "In progress", "done": "Done"}
# foreground, background of the status badge
STATUS_COLORS = {"open": ("#1f4e8c", "#e3edfa"), "in_progress": ("#8a5300", "#fdf0d9"),
                 "ready": ("#1b6e35", "#e0f3e6"), "closed": ("#4a4a4a", "#ececec"),
                 "cancelled": ("#9b1c1c", "#fbe4e4"), "pending": ("#555555", "#f1f1f1"),
                 "done": ("#1b6e35", "#e0f3e6")}
MODULE_TEXT = {"repair": "Repair", "custom": "Custom job", "production": "Production"}
MUTED = "#6b6b6b"
# the one action a screen is for (New repair…, Pickup…, Complete & Create Inventory)
PRIMARY_BUTTON = ("QPushButton { background: #1f6f43; color: white; font-weight: 600; "
                  "padding: 6px 14px; border-radius: 4px; } "
                  "QPushButton:disabled { background: #9dbfaa; }")
WARNING = "#a33a00"


def money(value: Decimal | None, blank: str = "") -> str:
    return blank if value is None else f"{value:,.2f}"


def carats(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.3f} ct"


def quantity(value: Decimal) -> str:
    """Grams, pieces or hours without trailing zeros (3.2, not 3.200)."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def date(value: dt.date | None, blank: str = "—") -> str:
    return blank if value is None else value.strftime("%d %b %Y")


def job_status(status: str) -> str:
    return JOB_STATUS_TEXT.get(status, status)


def stage_status(status: str) -> str:
    return STAGE_STATUS_TEXT.get(status, status)


def status_color(status: str) -> str | None:
    return STATUS_COLORS.get(status, (None, None))[0]


def badge_style(status: str) -> str:
    fg, bg = STATUS_COLORS.get(status, ("#333333", "#eeeeee"))
    return (f"QLabel {{ color: {fg}; background: {bg}; border-radius: 9px; "
            "padding: 2px 10px; font-weight: 600; }")
