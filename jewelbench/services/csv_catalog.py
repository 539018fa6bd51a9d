"""CSV columns and checks for customers and styles.

A style takes one row per BOM line (``line_kind`` material, stone or labor) or stage template
entry (``line_kind`` stage), its own fields repeated or left blank on the rows after the first;
a style without lines is one row with the line columns empty.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jewelbench.errors import ValidationError
from jewelbench.models.parties import Customer, Vendor
from jewelbench.models.styles import Style, StyleBomLine, StyleStage
from jewelbench.services.csv_plan import CsvFormat, Plan, Record, exists, text_of
from jewelbench.services.parties import customer_fields
from jewelbench.services.style_bom import parse_bom, parse_stages
from jewelbench.services.styles import insert_style, style_fields
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import clean_text

_STYLE_HEAD = ("style_no", "name", "vendor", "category", "metal", "retail", "notes")
_LINE_FIELDS = {"kind": "line_kind", "description": "line_description",
                "quantity": "line_quantity", "unit_cost": "line_unit_cost",
                "vendor_id": "line_vendor", "name": "line_description", "cost": "line_unit_cost"}


class CustomersCsv(CsvFormat):
    kind = "customers"
    columns = ("name", "phone", "email", "address", "notes")
    required = ("name",)
    aliases = {"customer": "name", "full_name": "name", "telephone": "phone",
               "phone_number": "phone", "e_mail": "email"}

    def check(self, uow: UnitOfWork, record: Record, plan: Plan) -> object:
        row = record.first
        fields = customer_fields(name=row.get("name"), phone=row.get("phone") or None,
                                 email=row.get("email") or None, address=row.get("address"),
                                 notes=row.get("notes"))
        same = select(Customer.id).where(func.lower(Customer.name) == fields["name"].lower())
        if fields["phone"]:
            same = same.where(Customer.phone == fields["phone"])
        if uow.session.scalar(same.limit(1)) is not None:
            plan.notes.append("a customer with this name (and phone) is already on file")
        return fields

    def apply(self, uow: UnitOfWork, payload: object, plan: Plan) -> int:
        row = Customer(**payload, created_by=uow.user)
        uow.session.add(row)
        uow.session.flush()
        return row.id

    def export(self, session: Session) -> Iterator[dict[str, str]]:
        stmt = (select(Customer.name, Customer.phone, Customer.email, Customer.address,
                       Customer.notes).order_by(func.lower(Customer.name), Customer.id)
                .execution_options(yield_per=2000))
        for values in session.execute(stmt):
            yield dict(zip(self.columns, map(text_of, values), strict=True))


class StylesCsv(CsvFormat):
    kind = "styles"
    columns = (*_STYLE_HEAD, "line_kind", "line_description", "line_quantity",
               "line_unit_cost", "line_vendor")
    required = ("style_no", "name")
    aliases = {"style": "style_no", "style_number": "style_no", "supplier": "vendor",
               "kind": "line_kind", "description": "line_description",
               "quantity": "line_quantity", "qty": "line_quantity",
               "unit_cost": "line_unit_cost"}

    def group(self, rows: list[tuple[int, dict[str, str]]]) -> list[Record]:
        """Rows of the same style next to each other (or with style_no blank) go together."""
        records: list[Record] = []
        for line, row in rows:
            style_no = row.get("style_no", "")
            previous = records[-1].first.get("style_no", "") if records else None
            if records and (not style_no or style_no.lower() == previous.lower()):
                records[-1].rows.append((line, row))
            else:
                records.append(Record([(line, row)]))
        return records

    def check(self, uow: UnitOfWork, record: Record, plan: Plan) -> object:
        head = record.first
        fields = style_fields(
            style_no=head.get("style_no"), name=head.get("name"),
            category=head.get("category"), metal=head.get("metal"),
            retail=head.get("retail") or None, notes=head.get("notes"))
        plan.unique("style_no", fields["style_no"], record.line, "style_no")
        if exists(uow.session, Style.style_no, fields["style_no"]):
            raise ValidationError("style_no",
                                  f"style {fields['style_no']} is already in the catalog")
        vendor = clean_text(head.get("vendor"), "vendor", max_length=120)
        plan.check_vendor(vendor)
        bom, stages = [], []
        for line, row in record.rows:
            try:
                self._check_same_head(head, row)
                parsed = self._line(row)
            except ValidationError as exc:
                name = exc.field.rsplit(".", 1)[-1]
                record.line_problems[line] = (f"{_LINE_FIELDS.get(name, name)}: {exc.message}",)
                continue
            if parsed is not None:
                kind, item, line_vendor = parsed
                plan.check_vendor(line_vendor)
                (stages if kind == "stage" else bom).append((item, line_vendor))
        return None if record.line_problems else (fields, vendor, bom, stages)

    @staticmethod
    def _check_same_head(head: dict[str, str], row: dict[str, str]) -> None:
        for column in _STYLE_HEAD:
            value = row.get(column, "")
            if value and value != head.get(column, ""):
                raise ValidationError(column, f"differs from the style's first row "
                                      f"({head.get(column, '')!r})")

    @staticmethod
    def _line(row: dict[str, str]):
        kind = (row.get("line_kind") or "").strip().lower()
        if not kind and not row.get("line_description"):
            return None
        line_vendor = clean_text(row.get("line_vendor"), "line_vendor", max_length=120)
        if kind == "stage":
            [stage] = parse_stages([{"name": row.get("line_description"),
                                     "cost": row.get("line_unit_cost") or None}])
            return kind, stage, line_vendor
        [bom_line] = parse_bom([{"kind": kind or None,
                                 "description": row.get("line_description"),
                                 "quantity": row.get("line_quantity") or "1",
                                 "unit_cost": row.get("line_unit_cost")}])
        return kind, bom_line, line_vendor

    def apply(self, uow: UnitOfWork, payload: object, plan: Plan) -> int:
        fields, vendor, bom, stages = payload
        fields = {**fields, "vendor_id": plan.vendor_id(vendor)}
        lines = [dataclasses.replace(b, vendor_id=plan.vendor_id(v)) for b, v in bom]
        templates = [dataclasses.replace(s, vendor_id=plan.vendor_id(v)) for s, v in stages]
        return insert_style(uow, fields, lines, templates).id

    def export(self, session: Session) -> Iterator[dict[str, str]]:
        vendors = dict(session.execute(select(Vendor.id, Vendor.name)).all())
        lines = defaultdict(list)
        for line in session.scalars(select(StyleBomLine).order_by(StyleBomLine.position)):
            lines[line.style_id].append((line.kind, line.description, line.quantity,
                                         line.unit_cost, vendors.get(line.vendor_id)))
        for stage in session.scalars(select(StyleStage).order_by(StyleStage.position)):
            lines[stage.style_id].append(("stage", stage.name, None, stage.cost,
                                          vendors.get(stage.vendor_id)))
        for style in session.scalars(select(Style).order_by(Style.style_no)):
            head = (style.style_no, style.name, vendors.get(style.vendor_id), style.category,
                    style.metal, style.retail, style.notes)
            for line in lines[style.id] or [(None,) * 5]:
                yield dict(zip(self.columns, map(text_of, head + line), strict=True))
