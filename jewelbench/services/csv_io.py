"""CSV import and export of items, stone lots, customers and styles.

Shops arrive from another system with spreadsheets. An import is two steps:
``preview_import`` reads every row and says what is wrong with each (nothing is written), and
``commit_import`` writes all rows in one transaction, or none if any row still has a problem.
``export_csv`` writes the same columns, so an export can be edited and imported elsewhere.
The columns and checks of each kind live in ``csv_formats``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from typing import TextIO

from jewelbench.db import Database
from jewelbench.errors import JewelBenchError, ValidationError
from jewelbench.services.csv_formats import FORMATS, CsvFormat, Plan, Record
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import parse_choice

KINDS = tuple(FORMATS)
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class RowReport:
    """One row of the file: its values, and what is wrong with it (nothing, if ``ok``)."""

    line: int
    values: dict[str, str]
    problems: tuple[str, ...]
    notes: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ImportPreview:
    kind: str
    columns: tuple[str, ...]
    rows: tuple[RowReport, ...]
    file_problems: tuple[str, ...]

    @property
    def bad_rows(self) -> int:
        return sum(1 for row in self.rows if not row.ok)

    @property
    def can_commit(self) -> bool:
        return bool(self.rows) and not self.file_problems and self.bad_rows == 0


@dataclass(frozen=True)
class ImportResult:
    kind: str
    created: int
    ids: tuple[int, ...]


def columns(kind: str) -> tuple[str, ...]:
    return FORMATS[parse_choice(kind, "kind", KINDS)].columns


def _decode(data: str | bytes) -> str:
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    if not isinstance(data, bytes | bytearray):
        raise ValidationError("file", "must be the text or bytes of a CSV file")
    if len(data) > MAX_BYTES:
        raise ValidationError("file", f"is larger than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        return bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError:
        # spreadsheets saved on Windows are often in the Windows code page
        return bytes(data).decode("cp1252", errors="replace")


def _header_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")


def _read(fmt: CsvFormat, data: str | bytes) -> tuple[list[tuple[int, dict]], list[str]]:
    """The rows (with their line numbers) under the format's column names, and file problems."""
    text = _decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    # newline="": the reader itself ends lines at \r\n, \n or a lone \r (old Mac exports)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader)
    except StopIteration:
        return [], ["the file is empty"]
    except csv.Error as exc:
        return [], [f"line 1: {exc}"]
    names = [fmt.aliases.get(_header_key(h), _header_key(h)) for h in header]
    problems = [f"missing column {c!r}" for c in fmt.required if c not in names]
    unknown = [h for h, n in zip(header, names, strict=True) if n and n not in fmt.columns]
    if unknown:
        problems.append("unknown column(s) " + ", ".join(repr(u) for u in unknown)
                        + "; the columns are " + ", ".join(fmt.columns))
    rows = []
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            row = {n: v.strip() for n, v in zip(names, values, strict=False) if n}
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        problems.append(f"line {reader.line_num}: {exc}")
    if not rows and not problems:
        problems.append("the file has a header but no rows")
    return rows, problems


def _plan(uow: UnitOfWork, fmt: CsvFormat, data: str | bytes):
    rows, file_problems = _read(fmt, data)
    plan = Plan(uow)
    records: list[tuple[Record, object]] = []
    reports: list[RowReport] = []
    if not file_problems:
        for record in fmt.group(rows):
            plan.notes = []
            try:
                payload = fmt.check(uow, record, plan)
                problem = None
            except ValidationError as exc:
                payload, problem = None, f"{exc.field}: {exc.message}"
            except JewelBenchError as exc:
                payload, problem = None, str(exc)
            records.append((record, payload))
            for index, (line, values) in enumerate(record.rows):
                own = record.line_problems.get(line, ())
                # a record's problem is shown on its first row, a line's on its own row
                shown = own or ((problem,) if problem and index == 0 else ())
                reports.append(RowReport(line, values, tuple(shown),
                                         tuple(plan.notes) if index == 0 else ()))
    preview = ImportPreview(fmt.kind, fmt.columns, tuple(reports), tuple(file_problems))
    return preview, records, plan


def preview_import(db: Database, kind: str, data: str | bytes) -> ImportPreview:
    """Read the file and check every row against the database; nothing is written."""
    fmt = FORMATS[parse_choice(kind, "kind", KINDS)]
    with UnitOfWork(db, readonly=True) as uow:
        preview, _, _ = _plan(uow, fmt, data)
    return preview


def commit_import(db: Database, kind: str, data: str | bytes) -> ImportResult:
    """Import every row in one transaction; if any row has a problem, nothing is imported."""
    fmt = FORMATS[parse_choice(kind, "kind", KINDS)]
    with UnitOfWork(db) as uow:
        preview, records, plan = _plan(uow, fmt, data)
        if preview.file_problems:
            raise ValidationError("file", "; ".join(preview.file_problems))
        if not preview.can_commit:
            first = next(row for row in preview.rows if not row.ok)
            raise ValidationError(
                "file", f"{preview.bad_rows} row(s) have problems (line {first.line}: "
                f"{first.problems[0]}); nothing was imported")
        ids = []
        fmt.before_apply(uow, [payload for _, payload in records])
        for record, payload in records:
            try:
                ids.append(fmt.apply(uow, payload, plan))
            except ValidationError as exc:
                raise ValidationError(exc.field, f"line {record.rows[0][0]}: {exc.message}; "
                                      "nothing was imported") from None
        uow.session.flush()
        uow.commit()
    return ImportResult(fmt.kind, len(ids), tuple(ids))


def write_csv(db: Database, kind: str, out: TextIO) -> int:
    """Write every record of ``kind`` to ``out`` (an open text file); returns the row count."""
    fmt = FORMATS[parse_choice(kind, "kind", KINDS)]
    if not callable(getattr(out, "write", None)):
        raise ValidationError("out", "must be a text file open for writing")
    writer = csv.DictWriter(out, fieldnames=fmt.columns, lineterminator="\r\n")
    writer.writeheader()
    count = 0
    with UnitOfWork(db, readonly=True) as uow:
        for row in fmt.export(uow.session):
            writer.writerow(row)
            count += 1
    return count


def export_csv(db: Database, kind: str) -> str:
    """The whole export as text (for small tables and tests; large ones use ``write_csv``)."""
    out = io.StringIO()
    write_csv(db, kind, out)
    return out.getvalue()
