"""One transaction per service call: committed explicitly, rolled back on anything else.

The unit of work also writes the audit trail, so no service has to remember to.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from jewelbench.db import Database
from jewelbench.errors import DatabaseUnavailable, InvalidState, JewelBenchError, NotFound
from jewelbench.models.audit import AuditEntry
from jewelbench.models.base import utcnow

T = TypeVar("T")
_AUDIT_SKIP = {AuditEntry.__table__.name}


class UnitOfWork:
    """``with UnitOfWork(db) as uow: ...; uow.commit()``.

    Leaving the block without ``commit()`` (an error, an early return) rolls everything back.
    Database errors that are not refusals become a JewelBenchError with a plain message.
    """

    def __init__(self, db: Database, *, readonly: bool = False):
        self.db = db
        self.readonly = readonly
        self.session: Session
        self._committed = False

    def __enter__(self) -> UnitOfWork:
        self.session = self.db.session(readonly=self.readonly)
        self.session.info["user"] = self.db.user
        if not self.readonly:
            event.listen(self.session, "after_flush", _write_audit)
        return self

    def commit(self) -> None:
        if self.readonly:
            raise RuntimeError("read-only unit of work cannot commit")
        self.session.commit()
        self._committed = True

    def __exit__(self, exc_type, exc, tb) -> bool:
        try:
            # a read-only session is just closed: that ends its transaction without
            # expiring what it loaded, so the rows can still be read into views afterwards
            if not self._committed and not self.readonly:
                self.session.rollback()
        finally:
            self.session.close()
        if exc is None or isinstance(exc, JewelBenchError):
            return False
        if isinstance(exc, IntegrityError):
            raise InvalidState(
                "Another workstation changed this record at the same time; nothing was saved. "
                f"Please try again. ({_first_line(exc)})") from exc
        if isinstance(exc, OperationalError | DBAPIError) and exc.connection_invalidated:
            raise DatabaseUnavailable(f"Lost the connection to the database: {_first_line(exc)}") \
                from exc
        if isinstance(exc, OperationalError):
            raise DatabaseUnavailable(f"The database refused the change: {_first_line(exc)}") \
                from exc
        return False

    @property
    def user(self) -> str:
        return self.db.user

    def get(self, model: type[T], key: int | None, *, what: str, field: str | None = None,
            lock: bool = False) -> T:
        """The row or NotFound naming the field; ``lock`` holds it until commit (PostgreSQL)."""
        if key is None:
            raise NotFound(what, key, field)
        row = self.session.get(model, key, with_for_update=lock or None)
        if row is None:
            raise NotFound(what, key, field)
        return row

    def lock_rows(self, model: type[T], ids: list[int]) -> list[T]:
        """Lock several rows in id order, so two workstations never deadlock each other."""
        stmt = select(model).where(model.id.in_(ids)).order_by(model.id).with_for_update()
        return list(self.session.scalars(stmt))


def _first_line(exc: Exception) -> str:
    return str(getattr(exc, "orig", exc)).strip().splitlines()[0]


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def _describe(obj: Any, action: str) -> str | None:
    state = inspect(obj)
    if action == "insert":
        values = {a.key: _plain(getattr(obj, a.key)) for a in state.mapper.column_attrs
                  if a.key in state.dict and a.key not in ("id",)}
        return json.dumps(values, default=str)
    if action == "update":
        changes = {}
        for attr in state.mapper.column_attrs:
            hist = state.attrs[attr.key].history
            if hist.has_changes():
                old = hist.deleted[0] if hist.deleted else None
                new = hist.added[0] if hist.added else None
                changes[attr.key] = [_plain(old), _plain(new)]
        return json.dumps(changes, default=str) if changes else None
    return None


def _write_audit(session: Session, _flush_context) -> None:
    rows = []
    now = utcnow()
    user = session.info.get("user", "system")
    for action, objs in (("insert", session.new), ("update", session.dirty),
                         ("delete", session.deleted)):
        for obj in objs:
            table = obj.__table__.name
            if table in _AUDIT_SKIP:
                continue
            detail = _describe(obj, action)
            if action == "update" and detail is None:
                continue
            key = inspect(obj).mapper.primary_key_from_instance(obj)
            record = ",".join(str(k) for k in key)
            rows.append({"at": now, "user": user, "action": action, "table_name": table,
                         "record_id": record, "detail": detail})
    if rows:
        session.connection().execute(insert(AuditEntry), rows)
