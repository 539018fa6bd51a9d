"""The styles catalog: our own designs (no vendor) and vendors' styles, in one table.

A style carries its bill of materials (per piece) and the stage template a production run
starts from. Manufacturers see the catalog through two default filters, My Designs and
Vendor Styles (``list_styles`` scope).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import delete, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from jewelbench.db import Database
from jewelbench.errors import ValidationError
from jewelbench.models.parties import Vendor
from jewelbench.models.styles import Style, StyleBomLine, StyleStage
from jewelbench.services.style_bom import (
    ZERO,
    BomLine,
    StageTemplate,
    line_cost,
    parse_bom,
    parse_stages,
)
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import (
    clean_text,
    parse_choice,
    parse_count,
    parse_id,
    parse_optional_id,
    parse_optional_money,
)

SCOPES = ("my_designs", "vendor", "all")
STYLE_SORTS = {
    "style_no": Style.style_no, "name": Style.name, "vendor": Vendor.name,
    "category": Style.category, "metal": Style.metal, "retail": Style.retail,
    "created_at": Style.created_at,
}
MAX_IMAGE_BYTES = 5 * 1024 * 1024
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM")
_UNSET = object()


@dataclass(frozen=True)
class BomLineView:
    id: int
    position: int
    kind: str
    description: str
    quantity: Decimal
    unit_cost: Decimal
    vendor_id: int | None
    vendor_name: str | None
    cost: Decimal


@dataclass(frozen=True)
class StageTemplateView:
    id: int
    position: int
    name: str
    vendor_id: int | None
    vendor_name: str | None
    cost: Decimal


@dataclass(frozen=True)
class StyleView:
    id: int
    style_no: str
    name: str
    vendor_id: int | None
    vendor_name: str | None
    category: str | None
    metal: str | None
    retail: Decimal | None
    notes: str | None
    active: bool
    has_image: bool
    created_at: dt.datetime
    bom: tuple[BomLineView, ...]
    stages: tuple[StageTemplateView, ...]
    bom_cost: Decimal
    is_own_design: bool

    def cost_of(self, kind: str) -> Decimal:
        """Material, stone or labour cost per piece."""
        return sum((line.cost for line in self.bom if line.kind == kind), ZERO)


def _image(value: object) -> bytes | None:
    if value is None:
        return None
    if isinstance(value, bytearray | memoryview):
        value = bytes(value)
    if not isinstance(value, bytes):
        raise ValidationError("image", "must be the bytes of a picture file")
    if not value:
        return None
    if len(value) > MAX_IMAGE_BYTES:
        raise ValidationError("image", f"is {len(value) // 1024} KB; at most "
                              f"{MAX_IMAGE_BYTES // (1024 * 1024)} MB")
    is_webp = value[:4] == b"RIFF" and value[8:12] == b"WEBP"
    if not (is_webp or value.startswith(_IMAGE_MAGIC)):
        raise ValidationError("image", "is not a PNG, JPEG, GIF, BMP or WebP picture")
    return value


def style_fields(*, style_no=_UNSET, name=_UNSET, vendor_id=_UNSET, category=_UNSET,
                  metal=_UNSET, retail=_UNSET, notes=_UNSET, image=_UNSET,
                  active=_UNSET) -> dict:
    """The given style fields, checked; those left out are not in the result.

    Also used by the CSV import, which checks rows before anything is written.
    """
    checks = {
        "style_no": lambda v: clean_text(v, "style_no", required=True, max_length=40),
        "name": lambda v: clean_text(v, "name", required=True, max_length=120),
        "vendor_id": lambda v: parse_optional_id(v, "vendor_id"),
        "category": lambda v: clean_text(v, "category", max_length=60),
        "metal": lambda v: clean_text(v, "metal", max_length=60),
        "retail": lambda v: parse_optional_money(v, "retail"),
        "notes": lambda v: clean_text(v, "notes", max_length=4000),
        "image": _image,
    }
    given = dict(style_no=style_no, name=name, vendor_id=vendor_id, category=category,
                 metal=metal, retail=retail, notes=notes, image=image)
    fields = {key: checks[key](value) for key, value in given.items() if value is not _UNSET}
    if active is not _UNSET:
        if not isinstance(active, bool):
            raise ValidationError("active", "must be true or false")
        fields["active"] = active
    return fields


def _check_vendors(uow: UnitOfWork, fields: dict, bom: list[BomLine] | None,
                   stages: list[StageTemplate] | None) -> None:
    if fields.get("vendor_id") is not None:
        uow.get(Vendor, fields["vendor_id"], what="vendor")
    for index, line in enumerate(bom or []):
        if line.vendor_id is not None:
            uow.get(Vendor, line.vendor_id, what="vendor", field=f"bom[{index}].vendor_id")
    for index, stage in enumerate(stages or []):
        if stage.vendor_id is not None:
            uow.get(Vendor, stage.vendor_id, what="vendor", field=f"stages[{index}].vendor_id")


def _check_style_no(session: Session, style_no: str, style_id: int | None = None) -> None:
    stmt = select(Style.id).where(func.lower(Style.style_no) == style_no.lower())
    if style_id is not None:
        stmt = stmt.where(Style.id != style_id)
    if session.scalar(stmt) is not None:
        raise ValidationError("style_no", f"style number {style_no} is already in the catalog")


def _write_lines(session: Session, style: Style, bom: list[BomLine] | None,
                 stages: list[StageTemplate] | None) -> None:
    """Replace the style's BOM and/or stage template (None leaves it as it is)."""
    if bom is not None:
        session.execute(delete(StyleBomLine).where(StyleBomLine.style_id == style.id))
        session.add_all(StyleBomLine(style_id=style.id, position=i, kind=line.kind,
                                     description=line.description, quantity=line.quantity,
                                     unit_cost=line.unit_cost, vendor_id=line.vendor_id)
                        for i, line in enumerate(bom))
    if stages is not None:
        session.execute(delete(StyleStage).where(StyleStage.style_id == style.id))
        session.add_all(StyleStage(style_id=style.id, position=i, name=stage.name,
                                   vendor_id=stage.vendor_id, cost=stage.cost)
                        for i, stage in enumerate(stages))


def insert_style(uow: UnitOfWork, fields: dict, bom: list[BomLine],
                 stages: list[StageTemplate]) -> Style:
    """Store a checked style with its lines (also used by the CSV import)."""
    _check_vendors(uow, fields, bom, stages)
    _check_style_no(uow.session, fields["style_no"])
    style = Style(created_by=uow.user, active=True, **fields)
    uow.session.add(style)
    _flush_style_no(uow.session, fields["style_no"])
    _write_lines(uow.session, style, bom, stages)
    uow.session.flush()
    return style


def _flush_style_no(session: Session, style_no: str) -> None:
    # another workstation may have saved the same number a moment ago
    try:
        session.flush()
    except IntegrityError:
        raise ValidationError("style_no", f"style number {style_no} is already in the catalog") \
            from None


def create_style(db: Database, *, style_no: str, name: str, vendor_id: int | None = None,
                 bom: list[dict] | None = None, stages: list | None = None,
                 category: str | None = None, metal: str | None = None,
                 image: bytes | None = None, retail: Decimal | None = None,
                 notes: str | None = None) -> StyleView:
    """A new style; no vendor means one of our own designs. ``bom`` lines are per piece."""
    fields = style_fields(style_no=style_no, name=name, vendor_id=vendor_id,
                           category=category, metal=metal, retail=retail, notes=notes,
                           image=image)
    lines, templates = parse_bom(bom), parse_stages(stages)
    with UnitOfWork(db) as uow:
        style = insert_style(uow, fields, lines, templates)
        view = _load_views(uow.session, select(Style).where(Style.id == style.id))[0]
        uow.commit()
        return view


def update_style(db: Database, style_id: int, *, style_no: object = _UNSET,
                 name: object = _UNSET, vendor_id: object = _UNSET, category: object = _UNSET,
                 metal: object = _UNSET, retail: object = _UNSET, notes: object = _UNSET,
                 image: object = _UNSET, active: object = _UNSET, bom: object = _UNSET,
                 stages: object = _UNSET) -> StyleView:
    """Change any of a style's fields; ``bom`` and ``stages``, when given, replace all lines."""
    parse_id(style_id, "style_id")
    fields = style_fields(style_no=style_no, name=name, vendor_id=vendor_id,
                           category=category, metal=metal, retail=retail, notes=notes,
                           image=image, active=active)
    lines = None if bom is _UNSET else parse_bom(bom)
    templates = None if stages is _UNSET else parse_stages(stages)
    with UnitOfWork(db) as uow:
        style = uow.get(Style, style_id, what="style", lock=True)
        _check_vendors(uow, fields, lines, templates)
        if "style_no" in fields:
            _check_style_no(uow.session, fields["style_no"], style.id)
        for key, value in fields.items():
            setattr(style, key, value)
        _flush_style_no(uow.session, style.style_no)
        _write_lines(uow.session, style, lines, templates)
        uow.session.flush()
        view = _load_views(uow.session, select(Style).where(Style.id == style.id))[0]
        uow.commit()
        return view


def get_style(db: Database, style_id: int) -> StyleView:
    parse_id(style_id, "style_id")
    with UnitOfWork(db, readonly=True) as uow:
        uow.get(Style, style_id, what="style")
        return _load_views(uow.session, select(Style).where(Style.id == style_id))[0]


def get_style_image(db: Database, style_id: int) -> bytes | None:
    """The style's picture (kept out of lists so they stay light)."""
    parse_id(style_id, "style_id")
    with UnitOfWork(db, readonly=True) as uow:
        return uow.get(Style, style_id, what="style").image


def list_styles(db: Database, scope: str = "all", text: str | None = None, *,
                offset: int = 0, limit: int | None = None, sort: str = "style_no",
                descending: bool = False, include_inactive: bool = False) -> list[StyleView]:
    """Styles of a scope: ``my_designs`` (no vendor), ``vendor`` (a vendor's) or ``all``.

    Each word of ``text`` must appear in the number, name, category, metal or vendor name.
    """
    parse_choice(scope, "scope", SCOPES)
    offset = parse_count(offset, "offset", allow_zero=True)
    column = STYLE_SORTS[parse_choice(sort, "sort", tuple(STYLE_SORTS))]
    stmt = select(Style).outerjoin(Vendor, Vendor.id == Style.vendor_id)
    if scope == "my_designs":
        stmt = stmt.where(Style.vendor_id.is_(None))
    elif scope == "vendor":
        stmt = stmt.where(Style.vendor_id.is_not(None))
    if not include_inactive:
        stmt = stmt.where(Style.active.is_(True))
    for word in (clean_text(text, "text") or "").lower().split():
        like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(or_(*(func.lower(c).like(like, escape="\\") for c in (
            Style.style_no, Style.name, Style.category, Style.metal, Vendor.name))))
    # blanks (no vendor, no category) last either way, the same on both databases
    order = ([column.desc().nulls_last(), Style.id.desc()] if descending
             else [column.asc().nulls_last(), Style.id.asc()])
    stmt = stmt.order_by(*order).offset(offset)
    if limit is not None:
        stmt = stmt.limit(parse_count(limit, "limit", maximum=10_000))
    with UnitOfWork(db, readonly=True) as uow:
        return _load_views(uow.session, stmt)


def _load_views(session: Session, stmt) -> list[StyleView]:
    """Views for a select of Style: three queries per page (styles, BOM lines, stages)."""
    stmt = stmt.add_columns(Style.image.is_not(None).label("has_image"))
    rows = session.execute(stmt).all()
    ids = [style.id for style, _ in rows]
    vendor_ids = select(Style.vendor_id).where(Style.id.in_(ids)).union(
        select(StyleBomLine.vendor_id).where(StyleBomLine.style_id.in_(ids)),
        select(StyleStage.vendor_id).where(StyleStage.style_id.in_(ids)))
    vendor_names = dict(session.execute(
        select(Vendor.id, Vendor.name).where(Vendor.id.in_(vendor_ids))).all())
    bom: dict[int, list[BomLineView]] = defaultdict(list)
    for line in session.scalars(select(StyleBomLine).where(StyleBomLine.style_id.in_(ids))
                                .order_by(StyleBomLine.style_id, StyleBomLine.position)):
        bom[line.style_id].append(BomLineView(
            id=line.id, position=line.position, kind=line.kind, description=line.description,
            quantity=line.quantity, unit_cost=line.unit_cost, vendor_id=line.vendor_id,
            vendor_name=vendor_names.get(line.vendor_id),
            cost=line_cost(line.quantity, line.unit_cost)))
    stages: dict[int, list[StageTemplateView]] = defaultdict(list)
    for stage in session.scalars(select(StyleStage).where(StyleStage.style_id.in_(ids))
                                 .order_by(StyleStage.style_id, StyleStage.position)):
        stages[stage.style_id].append(StageTemplateView(
            id=stage.id, position=stage.position, name=stage.name, vendor_id=stage.vendor_id,
            vendor_name=vendor_names.get(stage.vendor_id), cost=stage.cost))
    return [StyleView(
        id=s.id, style_no=s.style_no, name=s.name, vendor_id=s.vendor_id,
        vendor_name=vendor_names.get(s.vendor_id), category=s.category, metal=s.metal,
        retail=s.retail, notes=s.notes, active=s.active, has_image=bool(has_image),
        created_at=s.created_at, bom=tuple(bom[s.id]), stages=tuple(stages[s.id]),
        bom_cost=sum((line.cost for line in bom[s.id]), ZERO),
        is_own_design=s.vendor_id is None) for s, has_image in rows]
