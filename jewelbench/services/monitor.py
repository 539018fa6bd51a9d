"""The Workshop Monitor's queue: every in-flight job of all three modules, soonest due first."""

from __future__ import annotations

import datetime as dt

from jewelbench.db import Database
from jewelbench.models.jobs import IN_FLIGHT
from jewelbench.services.job_lists import JobRow, list_jobs


def queue(db: Database, *, today: dt.date | None = None, limit: int = 1000) -> list[JobRow]:
    """Rows carry job_no, module, description, current_stage, assignee, due_date, overdue."""
    return list_jobs(db, statuses=IN_FLIGHT, sort="due_date", limit=limit, today=today)
