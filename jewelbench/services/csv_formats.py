"""The kinds of record that CSV import and export know, by name."""

from __future__ import annotations

from jewelbench.services.csv_catalog import CustomersCsv, StylesCsv
from jewelbench.services.csv_inventory import ItemsCsv, StoneLotsCsv
from jewelbench.services.csv_plan import CsvFormat, Plan, Record

FORMATS: dict[str, CsvFormat] = {
    fmt.kind: fmt for fmt in (ItemsCsv(), StoneLotsCsv(), CustomersCsv(), StylesCsv())}

__all__ = ["FORMATS", "CsvFormat", "Plan", "Record"]
