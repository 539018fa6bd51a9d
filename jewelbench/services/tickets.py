"""The job ticket: the printed envelope that travels with the piece through the bench.

It carries the job number as a Code 128 barcode so the bench can scan it to open the job.
"""

from __future__ import annotations

import io
import json

from reportlab.graphics.barcode import createBarcodeDrawing
from reportlab.graphics.shapes import Drawing, PolyLine, Rect
from reportlab.lib import colors
from reportlab.lib.pagesizes import inch
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from sqlalchemy import select

from jewelbench.db import Database
from jewelbench.models.jobs import Job
from jewelbench.models.parties import Customer
from jewelbench.services.job_views import JobView, load_job_view
from jewelbench.services.settings import load_profile
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import parse_id

TICKET_SIZE = (5.5 * inch, 8.5 * inch)  # half a letter sheet: folds into a repair envelope
MODULE_TITLES = {"repair": "REPAIR", "custom": "CUSTOM JOB", "production": "PRODUCTION"}

_BASE = ParagraphStyle("base", fontName="Helvetica", fontSize=9, leading=11.5)
_SMALL = ParagraphStyle("small", parent=_BASE, fontSize=7.5, leading=9,
                        textColor=colors.HexColor("#555555"))
_LABEL = ParagraphStyle("label", parent=_BASE, fontName="Helvetica-Bold", fontSize=8,
                        textColor=colors.HexColor("#444444"))
_BIG = ParagraphStyle("big", parent=_BASE, fontName="Helvetica-Bold", fontSize=20, leading=23)
_HEAD = ParagraphStyle("head", parent=_BASE, fontName="Helvetica-Bold", fontSize=10.5,
                       leading=13, spaceBefore=6, spaceAfter=2)


def _esc(text: object) -> str:
    return (str(text) if text is not None else "").replace("&", "&amp;").replace(
        "<", "&lt;").replace(">", "&gt;")


def _date(value) -> str:
    return value.strftime("%a %d %b %Y") if value else "—"


def _short_date(value) -> str:
    return value.strftime("%d %b") if value else ""


def _box(done: bool) -> Drawing:
    """A tick box the jeweler can mark by hand; ticked when the stage is already done."""
    box = Drawing(10, 10)
    box.add(Rect(0, 0, 10, 10, strokeWidth=0.8, fillColor=None))
    if done:
        box.add(PolyLine([1.5, 5, 4, 2, 8.5, 8.5], strokeWidth=1.2))
    return box


def _money(value, currency: str) -> str:
    return "—" if value is None else f"{currency} {value:,.2f}"


def _condition_text(raw: str | None) -> str:
    """Conditions are stored as JSON by repair intake, or as plain notes."""
    if not raw:
        return ""
    try:
        data = json.loads(raw)
    except ValueError:
        return raw
    if isinstance(data, dict):
        checks = [str(c).replace("_", " ") for c in data.get("checks", [])]
        notes = data.get("notes") or ""
        return "; ".join(filter(None, [", ".join(checks), notes]))
    if isinstance(data, list):
        return ", ".join(str(c).replace("_", " ") for c in data)
    return str(data)


def _header(view: JobView, store_name: str, store_phone: str | None) -> Table:
    barcode = createBarcodeDrawing("Code128", value=view.job_no, barHeight=0.45 * inch,
                                   barWidth=1.1, humanReadable=False)
    title = MODULE_TITLES[view.module] + ("  ·  RUSH" if view.rush else "")
    left = [Paragraph(_esc(store_name), _LABEL),
            Paragraph(_esc(store_phone or ""), _SMALL),
            Paragraph(_esc(view.job_no), _BIG),
            Paragraph(f"<b>{title}</b>", _BASE)]
    table = Table([[left, barcode]], colWidths=[2.3 * inch, 2.5 * inch])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
    return table


def _facts(view: JobView, customer_phone: str | None, currency: str) -> Table:
    who = view.customer_name or ("In-house piece" if view.stock_id else "For stock")
    if customer_phone:
        who += f" · {customer_phone}"
    rows = [("Customer", who), ("Due", _date(view.due_date)),
            ("Taken in", f"{_date(view.created_at)} by {view.created_by}")]
    if view.stock_id:
        rows.append(("StockID", view.stock_id))
    if view.style_no:
        rows.append(("Design", f"{view.style_no} × {view.quantity}"))
    piece = " · ".join(filter(None, [view.piece_type, view.metal,
                                     f"size {view.size}" if view.size else None]))
    if piece:
        rows.append(("Piece", piece))
    if view.module == "repair" and view.estimate is not None:
        rows.append(("Estimate", _money(view.estimate, currency)))
    if view.module == "custom" and view.price is not None:
        rows.append(("Quoted", _money(view.price, currency)))
    data = [[Paragraph(k, _LABEL), Paragraph(_esc(v), _BASE)] for k, v in rows]
    table = Table(data, colWidths=[0.9 * inch, 3.9 * inch])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                               ("TOPPADDING", (0, 0), (-1, -1), 1)]))
    return table


def _grid(header: list[str], rows: list[list], widths: list[float]) -> Table:
    data = [[Paragraph(h, _LABEL) for h in header]]
    data += [[c if isinstance(c, Drawing) else Paragraph(_esc(c), _BASE) for c in row]
             for row in rows]
    table = Table(data, colWidths=[w * inch for w in widths], repeatRows=1)
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def render_ticket(view: JobView, *, store_name: str, store_phone: str | None,
                  customer_phone: str | None, currency: str) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=TICKET_SIZE, leftMargin=0.35 * inch,
                            rightMargin=0.35 * inch, topMargin=0.35 * inch,
                            bottomMargin=0.35 * inch, title=f"Job ticket {view.job_no}",
                            author=store_name)
    story = [_header(view, store_name, store_phone), Spacer(1, 4),
             _facts(view, customer_phone, currency),
             Paragraph("Work", _HEAD), Paragraph(_esc(view.description), _BASE)]
    if view.work_requested:
        story.append(Paragraph(_esc(view.work_requested), _BASE))
    condition = _condition_text(view.condition)
    if condition:
        story += [Paragraph("Condition on arrival", _HEAD), Paragraph(_esc(condition), _BASE)]
    if view.notes:
        story += [Paragraph("Notes", _HEAD), Paragraph(_esc(view.notes), _BASE)]
    stage_rows = [[s.name, s.vendor_name or "", _short_date(s.due_date), _box(s.status == "done")]
                  for s in view.stages]
    stage_rows += [["", "", "", _box(False)] for _ in range(max(0, 3 - len(stage_rows)))]
    story += [KeepTogether([Paragraph("Stages", _HEAD),
                            _grid(["Stage", "Who", "Due", "Done"], stage_rows,
                                  [1.9, 1.7, 0.7, 0.5])])]
    if view.allocations or view.stone_needs:
        stone_rows = [[a.lot_no, a.lot_description, str(a.count), f"{a.carats} ct"]
                      for a in view.allocations]
        stone_rows += [["to pick", n.description, str(n.count - n.allocated), ""]
                       for n in view.stone_needs if n.count > n.allocated]
        story += [KeepTogether([Paragraph("Stones", _HEAD),
                                _grid(["Lot", "Stones", "Pcs", "Weight"], stone_rows,
                                      [0.8, 2.6, 0.5, 0.9])])]
    story += [Spacer(1, 8), Paragraph(
        "Scan the barcode at the bench to open this job.", _SMALL)]
    doc.build(story)
    return buffer.getvalue()


def job_ticket_pdf(db: Database, job_id: int) -> bytes:
    """The printable ticket of a job, as PDF bytes."""
    parse_id(job_id, "job_id")
    # a writing transaction, because the store profile row is made on first use
    with UnitOfWork(db) as uow:
        job = uow.get(Job, job_id, what="job")
        view = load_job_view(uow.session, job_id)
        store = load_profile(uow.session)
        phone = uow.session.scalar(select(Customer.phone).where(Customer.id == job.customer_id)) \
            if job.customer_id else None
        name, store_phone, currency = store.name, store.phone, store.currency
        uow.commit()
    return render_ticket(view, store_name=name, store_phone=store_phone, customer_phone=phone,
                         currency=currency)
