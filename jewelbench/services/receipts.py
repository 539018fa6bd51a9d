"""Printable invoices and payment receipts (PDF bytes), for the counter printer.

A plain letter-width page: store, document number, customer, lines, tax, money taken and the
balance. Rendering reads only views, so what is printed is exactly what the screen shows.
"""

from __future__ import annotations

import io
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER, inch
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy import select

from jewelbench.db import Database
from jewelbench.models.sales import Invoice, Payment
from jewelbench.services import invoices, payments, settings
from jewelbench.services.invoices import InvoiceView
from jewelbench.services.payments import PaymentView
from jewelbench.services.settings import StoreView
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import clean_text, parse_id

_BASE = ParagraphStyle("base", fontName="Helvetica", fontSize=10, leading=13)
_TITLE = ParagraphStyle("title", parent=_BASE, fontName="Helvetica-Bold", fontSize=16,
                        leading=20)
_SMALL = ParagraphStyle("small", parent=_BASE, fontSize=8, leading=10,
                        textColor=colors.HexColor("#555555"))
_KIND = {"deposit": "Deposit", "payment": "Payment", "refund": "Refund"}


def _money(value: Decimal, currency: str) -> str:
    return f"{currency} {value:,.2f}"


def _store(view: StoreView) -> list:
    lines = [Paragraph(f"<b>{escape(view.name)}</b>", _BASE)]
    for extra in (view.address, view.phone):
        if extra:
            lines.append(Paragraph(escape(extra), _SMALL))
    return lines


def _render(story: list) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=LETTER, leftMargin=0.8 * inch,
                            rightMargin=0.8 * inch, topMargin=0.7 * inch,
                            bottomMargin=0.7 * inch, title="JewelBench document")
    doc.build(story)
    return buffer.getvalue()


def _money_table(rows: list[list[str]], bold_last: bool = True) -> Table:
    table = Table(rows, colWidths=[4.9 * inch, 1.9 * inch])
    style = [("ALIGN", (1, 0), (1, -1), "RIGHT"), ("FONT", (0, 0), (-1, -1), "Helvetica", 10),
             ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black)]
    if bold_last:
        style += [("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 11),
                  ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black)]
    table.setStyle(TableStyle(style))
    return table


def render_invoice(view: InvoiceView, store: StoreView) -> bytes:
    cur = store.currency
    story = _store(store) + [Spacer(1, 12), Paragraph(f"Invoice {view.invoice_no}", _TITLE),
                             Paragraph(f"Issued {view.issued_at:%Y-%m-%d %H:%M} UTC by "
                                       f"{escape(view.issued_by)}", _SMALL)]
    if view.customer_name:
        story.append(Paragraph(f"Customer: <b>{escape(view.customer_name)}</b>", _BASE))
    if view.job_no:
        story.append(Paragraph(f"Job: {escape(view.job_no)}", _BASE))
    story.append(Spacer(1, 12))
    rows = [["Description", "Amount"]]
    rows += [[Paragraph(escape(line.description), _BASE), _money(line.amount, cur)]
             for line in view.lines]
    rows += [["Subtotal", _money(view.subtotal, cur)],
             [f"Sales tax {view.tax_rate.normalize():f}%", _money(view.tax, cur)],
             ["Total", _money(view.total, cur)]]
    story.append(_money_table(rows))
    story.append(Spacer(1, 14))
    money_rows = [["Received", ""]]
    money_rows += [[f"{_KIND.get(p.kind, p.kind)} {p.receipt_no} · {p.method} · "
                    f"{p.at:%Y-%m-%d}", _money(p.amount, cur)] for p in view.payments]
    money_rows.append(["Balance due", _money(view.balance_due, cur)])
    story.append(_money_table(money_rows))
    story += [Spacer(1, 18), Paragraph("Thank you for your business.", _SMALL)]
    return _render(story)


def render_receipt(view: PaymentView, store: StoreView, note: str | None = None) -> bytes:
    cur = store.currency
    title = f"{_KIND.get(view.kind, view.kind)} receipt {view.receipt_no}"
    story = _store(store) + [Spacer(1, 12), Paragraph(escape(title), _TITLE),
                             Paragraph(f"{view.at:%Y-%m-%d %H:%M} UTC · taken by "
                                       f"{escape(view.by)}", _SMALL), Spacer(1, 10)]
    if view.customer_name:
        story.append(Paragraph(f"Customer: <b>{escape(view.customer_name)}</b>", _BASE))
    if view.job_no:
        story.append(Paragraph(f"Job: {escape(view.job_no)}", _BASE))
    story.append(Spacer(1, 10))
    story.append(_money_table([["Method", "Amount"],
                               [view.method.capitalize(), _money(view.amount, cur)]]))
    if note:
        story += [Spacer(1, 10), Paragraph(escape(note), _BASE)]
    if view.kind == "deposit":
        story += [Spacer(1, 14), Paragraph(
            "Deposits are applied to the invoice at pickup. They are refunded only if the "
            "order is cancelled.", _SMALL)]
    return _render(story)


def invoice_pdf(db: Database, invoice_id: int) -> bytes:
    parse_id(invoice_id, "invoice_id")
    with UnitOfWork(db, readonly=True) as uow:
        uow.get(Invoice, invoice_id, what="invoice")
        view = invoices.load_view(uow, invoice_id)
    return render_invoice(view, settings.get_store(db))


def receipt_pdf(db: Database, payment_id: int) -> bytes:
    """The receipt for one deposit, payment or refund; a deposit shows where the job stands."""
    parse_id(payment_id, "payment_id")
    with UnitOfWork(db, readonly=True) as uow:
        row = uow.get(Payment, payment_id, what="payment", field="payment_id")
        view = payments.payment_view(uow, payment_id)
        held = payments.deposits_held(uow, row.job_id) \
            if row.kind == "deposit" and row.job_id is not None else None
    store = settings.get_store(db)
    note = None if held is None else \
        f"Deposits held on this job so far: {store.currency} {held:,.2f}"
    return render_receipt(view, store, note)


def receipt_id(db: Database, receipt_no: str) -> int | None:
    """The payment id behind a receipt number (to reprint it)."""
    code = clean_text(receipt_no, "receipt_no", max_length=20)
    if code is None:
        return None
    with UnitOfWork(db, readonly=True) as uow:
        return uow.session.scalar(select(Payment.id).where(Payment.receipt_no == code))
