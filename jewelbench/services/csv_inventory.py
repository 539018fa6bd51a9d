"""CSV columns and checks for items (StockIDs) and stone lots."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from jewelbench.errors import ValidationError
from jewelbench.models.inventory import Item, StoneLot
from jewelbench.models.parties import Vendor
from jewelbench.models.styles import Style
from jewelbench.services.csv_plan import CsvFormat, Plan, Record, exists, text_of
from jewelbench.services.items import insert_item, parse_item_fields
from jewelbench.services.numbering import advance_past
from jewelbench.services.stone_lots import OUR_LOT_NO, insert_lot, parse_lot_fields
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import clean_text, parse_choice

# an import may bring pieces already sold or on memo; "on_job" belongs to live jobs only
IMPORT_STATUSES = ("in_stock", "memo_out", "sold", "scrapped")
_PRICING_WORDS = {"carat": "per_carat", "ct": "per_carat", "per_ct": "per_carat",
                  "piece": "per_piece", "pc": "per_piece", "each": "per_piece",
                  "per_pc": "per_piece"}
_BATCH = 2000


class ItemsCsv(CsvFormat):
    kind = "items"
    columns = ("stock_id", "description", "category", "metal", "style_no", "cost", "retail",
               "status", "notes")
    required = ("description", "cost")
    aliases = {"stockid": "stock_id", "sku": "stock_id", "code": "stock_id",
               "cost_basis": "cost", "price": "retail", "style": "style_no"}

    def check(self, uow: UnitOfWork, record: Record, plan: Plan) -> object:
        row = record.first
        fields = parse_item_fields(
            description=row.get("description"), cost=row.get("cost"),
            retail=row.get("retail") or None, category=row.get("category"),
            metal=row.get("metal"), notes=row.get("notes"))
        status = parse_choice((row.get("status") or "in_stock").lower().replace(" ", "_"),
                              "status", IMPORT_STATUSES)
        stock_id = clean_text(row.get("stock_id"), "stock_id", max_length=20)
        if stock_id:
            plan.unique("stock_id", stock_id, record.line, "stock_id")
            if exists(uow.session, Item.stock_id, stock_id):
                raise ValidationError("stock_id", f"StockID {stock_id} is already in inventory")
        style_no = clean_text(row.get("style_no"), "style_no", max_length=40)
        if style_no:
            fields["style_id"] = uow.session.scalar(
                select(Style.id).where(Style.style_no == style_no))
            if fields["style_id"] is None:
                raise ValidationError("style_no", f"no style {style_no} in the catalog")
        return fields, stock_id, status

    def before_apply(self, uow: UnitOfWork, payloads: list[object]) -> None:
        # rows without a StockID get new numbers after every number the file brings
        numbers = [int(code) for _, code, _ in payloads if code and code.isdecimal()]
        if numbers:
            advance_past(uow.session, "stock_id", max(numbers))

    def apply(self, uow: UnitOfWork, payload: object, plan: Plan) -> int:
        fields, stock_id, status = payload
        return insert_item(uow, fields, source="import", stock_id=stock_id, status=status).id

    def export(self, session: Session) -> Iterator[dict[str, str]]:
        stmt = (select(Item.stock_id, Item.description, Item.category, Item.metal,
                       Style.style_no, Item.cost_basis, Item.retail, Item.status, Item.notes)
                .outerjoin(Style, Style.id == Item.style_id).order_by(Item.stock_id)
                .execution_options(yield_per=_BATCH))
        for values in session.execute(stmt):
            yield dict(zip(self.columns, map(text_of, values), strict=True))


class StoneLotsCsv(CsvFormat):
    kind = "stone_lots"
    columns = ("lot_no", "description", "stone_type", "shape", "size", "color", "clarity",
               "certificate", "pricing", "count", "carats", "cost", "vendor")
    required = ("description", "count", "carats", "cost")
    aliases = {"lot": "lot_no", "lot_number": "lot_no", "type": "stone_type",
               "colour": "color", "cert": "certificate", "pieces": "count", "qty": "count",
               "weight": "carats", "ct": "carats", "total_cost": "cost", "supplier": "vendor"}

    def check(self, uow: UnitOfWork, record: Record, plan: Plan) -> object:
        row = record.first
        pricing = (row.get("pricing") or "per_carat").lower().replace(" ", "_")
        fields = parse_lot_fields(
            description=row.get("description"), count=row.get("count"),
            carats=row.get("carats"), cost=row.get("cost"),
            certificate=row.get("certificate"), shape=row.get("shape"), size=row.get("size"),
            color=row.get("color"), clarity=row.get("clarity"),
            stone_type=row.get("stone_type"), pricing=_PRICING_WORDS.get(pricing, pricing))
        lot_no = clean_text(row.get("lot_no"), "lot_no", max_length=20)
        if lot_no:
            plan.unique("lot_no", lot_no, record.line, "lot_no")
            if exists(uow.session, StoneLot.lot_no, lot_no):
                raise ValidationError("lot_no", f"lot {lot_no} is already in inventory")
        if fields["certificate"]:
            plan.unique("certificate", fields["certificate"], record.line, "certificate")
            if exists(uow.session, StoneLot.certificate, fields["certificate"]):
                raise ValidationError("certificate",
                                      f"certificate {fields['certificate']} is already a lot")
        vendor = clean_text(row.get("vendor"), "vendor", max_length=120)
        plan.check_vendor(vendor)
        return fields, lot_no, vendor

    def before_apply(self, uow: UnitOfWork, payloads: list[object]) -> None:
        numbers = [int(m.group(1)) for _, code, _ in payloads
                   if code and (m := OUR_LOT_NO.fullmatch(code))]
        if numbers:
            advance_past(uow.session, "lot", max(numbers))

    def apply(self, uow: UnitOfWork, payload: object, plan: Plan) -> int:
        fields, lot_no, vendor = payload
        fields = {**fields, "vendor_id": plan.vendor_id(vendor)}
        return insert_lot(uow, fields, lot_no=lot_no, reason="imported from a CSV file").id

    def export(self, session: Session) -> Iterator[dict[str, str]]:
        stmt = (select(StoneLot.lot_no, StoneLot.description, StoneLot.stone_type,
                       StoneLot.shape, StoneLot.size, StoneLot.color, StoneLot.clarity,
                       StoneLot.certificate, StoneLot.pricing, StoneLot.count_on_hand,
                       StoneLot.carats_on_hand, StoneLot.cost_on_hand, Vendor.name)
                .outerjoin(Vendor, Vendor.id == StoneLot.vendor_id).order_by(StoneLot.lot_no)
                .execution_options(yield_per=_BATCH))
        for values in session.execute(stmt):
            yield dict(zip(self.columns, map(text_of, values), strict=True))
