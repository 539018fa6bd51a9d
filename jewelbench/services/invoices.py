"""Invoices: numbered, issued once, never edited (a correction is a new document).

An invoice's money trail is its payment rows: deposits taken on the job before pickup are
linked to it when it is issued, and payments at the counter are taken against it. So
``balance_due = total - deposits - paid`` is always computed from rows, never stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import event, func, select, update

from jewelbench.db import Database
from jewelbench.errors import InvalidState, NotFound, ValidationError
from jewelbench.models.jobs import Job
from jewelbench.models.parties import Customer
from jewelbench.models.sales import Invoice, InvoiceLine, Payment
from jewelbench.services import payments
from jewelbench.services.numbering import take_codes
from jewelbench.services.payments import PaymentView
from jewelbench.services.settings import load_profile
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import CENT, clean_text, parse_id

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class InvoiceLineView:
    description: str
    amount: Decimal
    taxable: bool


@dataclass(frozen=True)
class InvoiceView:
    id: int
    invoice_no: str
    job_id: int | None
    job_no: str | None
    customer_id: int | None
    customer_name: str | None
    issued_at: dt.datetime
    issued_by: str
    lines: tuple[InvoiceLineView, ...]
    subtotal: Decimal
    tax_rate: Decimal
    tax: Decimal
    total: Decimal
    deposits: Decimal
    paid: Decimal
    payments: tuple[PaymentView, ...]

    @property
    def balance_due(self) -> Decimal:
        return self.total - self.deposits - self.paid

    @property
    def is_paid(self) -> bool:
        return self.balance_due <= 0


@dataclass(frozen=True)
class Charges:
    """What an invoice would come to, before it is issued (the pickup dialog shows this)."""

    subtotal: Decimal
    tax_rate: Decimal
    tax: Decimal
    total: Decimal
    deposits: Decimal

    @property
    def balance_due(self) -> Decimal:
        return self.total - self.deposits


def tax_on(amount: Decimal, rate_percent: Decimal) -> Decimal:
    """Sales tax to the cent, half up, as a register computes it."""
    return (amount * rate_percent / Decimal(100)).quantize(CENT, rounding=ROUND_HALF_UP)


def charges(uow: UnitOfWork, lines: list[InvoiceLineView], deposits: Decimal) -> Charges:
    rate = load_profile(uow.session).tax_rate
    subtotal = sum((line.amount for line in lines), ZERO)
    tax = tax_on(sum((line.amount for line in lines if line.taxable), ZERO), rate)
    return Charges(subtotal=subtotal, tax_rate=rate, tax=tax, total=subtotal + tax,
                   deposits=deposits)


def issue(uow: UnitOfWork, job: Job, lines: list[InvoiceLineView],
          counter_payments: list[tuple[Decimal, str]]) -> Invoice:
    """Issue the one invoice of a job (locked by the caller), apply its deposits and take
    the payments made at the counter, all in the caller's transaction."""
    if invoice_id_of_job(uow, job.id) is not None:
        raise InvalidState(f"Job {job.job_no} already has an invoice")
    due = charges(uow, lines, payments.deposits_held(uow, job.id))
    if due.balance_due < 0:
        raise InvalidState(
            f"Job {job.job_no} holds {due.deposits} in deposits, more than the invoice total "
            f"{due.total}; correct the price first")
    _check_not_over(sum((a for a, _ in counter_payments), ZERO), due.balance_due, "payments")
    (invoice_no,) = take_codes(uow.session, "invoice")
    invoice = Invoice(invoice_no=invoice_no, job_id=job.id, customer_id=job.customer_id,
                      subtotal=due.subtotal, tax_rate=due.tax_rate, tax=due.tax,
                      total=due.total, issued_by=uow.user)
    uow.session.add(invoice)
    uow.session.flush()
    uow.session.add_all(InvoiceLine(invoice_id=invoice.id, position=i,
                                    description=line.description, amount=line.amount,
                                    taxable=line.taxable)
                        for i, line in enumerate(lines))
    # the deposits now count against this invoice; the job can take no more of them
    uow.session.execute(
        update(Payment).where(Payment.job_id == job.id, Payment.invoice_id.is_(None),
                              Payment.kind.in_(("deposit", "refund")))
        .values(invoice_id=invoice.id))
    for amount, method in counter_payments:
        payments.record(uow, kind="payment", method=method, amount=amount, job_id=job.id,
                        invoice_id=invoice.id, customer_id=job.customer_id)
    uow.session.flush()
    return invoice


def _check_not_over(amount: Decimal, balance: Decimal, field: str) -> None:
    if amount > balance:
        raise ValidationError(field, f"{amount} is more than the balance due ({balance}); "
                                     "give change and record what the sale needs")


def load_view(uow: UnitOfWork, invoice_id: int) -> InvoiceView:
    invoice = uow.session.get(Invoice, invoice_id)
    job_no = uow.session.scalar(select(Job.job_no).where(Job.id == invoice.job_id)) \
        if invoice.job_id else None
    name = uow.session.scalar(select(Customer.name).where(Customer.id == invoice.customer_id)) \
        if invoice.customer_id else None
    lines = tuple(InvoiceLineView(line.description, line.amount, line.taxable)
                  for line in uow.session.scalars(
                      select(InvoiceLine).where(InvoiceLine.invoice_id == invoice_id)
                      .order_by(InvoiceLine.position, InvoiceLine.id)))
    money = tuple(payments.payment_views(uow, Payment.invoice_id == invoice_id))
    deposits = sum((p.amount for p in money if p.kind in ("deposit", "refund")), ZERO)
    paid = sum((p.amount for p in money if p.kind == "payment"), ZERO)
    return InvoiceView(id=invoice.id, invoice_no=invoice.invoice_no, job_id=invoice.job_id,
                       job_no=job_no, customer_id=invoice.customer_id, customer_name=name,
                       issued_at=invoice.issued_at, issued_by=invoice.issued_by, lines=lines,
                       subtotal=invoice.subtotal, tax_rate=invoice.tax_rate, tax=invoice.tax,
                       total=invoice.total, deposits=deposits, paid=paid, payments=money)


def invoice_id_of_job(uow: UnitOfWork, job_id: int) -> int | None:
    return uow.session.scalar(select(Invoice.id).where(Invoice.job_id == job_id))


def get_invoice(db: Database, invoice_id: int) -> InvoiceView:
    parse_id(invoice_id, "invoice_id")
    with UnitOfWork(db, readonly=True) as uow:
        uow.get(Invoice, invoice_id, what="invoice")
        return load_view(uow, invoice_id)


def find_invoice(db: Database, invoice_no: str) -> InvoiceView:
    code = clean_text(invoice_no, "invoice_no", required=True, max_length=20).upper()
    with UnitOfWork(db, readonly=True) as uow:
        invoice_id = uow.session.scalar(select(Invoice.id).where(Invoice.invoice_no == code))
        if invoice_id is None:
            raise NotFound("invoice", code, "invoice_no")
        return load_view(uow, invoice_id)


def invoice_for_job(db: Database, job_id: int) -> InvoiceView | None:
    """The job's invoice once it has been picked up, else None."""
    parse_id(job_id, "job_id")
    with UnitOfWork(db, readonly=True) as uow:
        uow.get(Job, job_id, what="job")
        invoice_id = invoice_id_of_job(uow, job_id)
        return None if invoice_id is None else load_view(uow, invoice_id)


def take_payment(db: Database, invoice_id: int, amount: object,
                 method: object = "cash") -> InvoiceView:
    """A payment at the counter toward an invoice's balance; never more than is due."""
    parse_id(invoice_id, "invoice_id")
    amount = payments.parse_amount(amount)
    method = payments.parse_method(method)
    with UnitOfWork(db) as uow:
        invoice = uow.get(Invoice, invoice_id, what="invoice", lock=True)
        # the job row is the lock every close-out and payment of this job takes
        if invoice.job_id is not None:
            uow.get(Job, invoice.job_id, what="job", lock=True)
        balance = load_view(uow, invoice.id).balance_due
        if balance <= 0:
            raise InvalidState(f"Invoice {invoice.invoice_no} is paid in full")
        _check_not_over(amount, balance, "amount")
        payments.record(uow, kind="payment", method=method, amount=amount,
                        job_id=invoice.job_id, invoice_id=invoice.id,
                        customer_id=invoice.customer_id)
        view = load_view(uow, invoice.id)
        uow.commit()
        return view


def unpaid_total(uow: UnitOfWork, customer_id: int) -> Decimal:
    """What a customer still owes on issued invoices."""
    totals = uow.session.scalar(
        select(func.coalesce(func.sum(Invoice.total), 0)).where(
            Invoice.customer_id == customer_id))
    money = uow.session.scalar(
        select(func.coalesce(func.sum(Payment.amount), 0))
        .join(Invoice, Invoice.id == Payment.invoice_id)
        .where(Invoice.customer_id == customer_id))
    return Decimal(totals) - Decimal(money)


def _refuse_change(_mapper, _connection, target) -> None:
    raise InvalidState("An issued invoice is never changed; a correction is a new document")


# a guard below every service: whatever code path tries, an issued invoice stays as issued
for _model in (Invoice, InvoiceLine):
    event.listen(_model, "before_update", _refuse_change)
    event.listen(_model, "before_delete", _refuse_change)
