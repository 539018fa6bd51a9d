"""Money taken against jobs and invoices: deposits, counter payments and refunds.

Every row has its own receipt number. Deposits are refunded only by cancelling the job; the
refund is a row of its own (a negative amount), so the deposit history is never rewritten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from jewelbench.db import Database
from jewelbench.errors import ValidationError
from jewelbench.models.jobs import Job
from jewelbench.models.parties import Customer
from jewelbench.models.sales import PAYMENT_METHODS, Payment
from jewelbench.services.numbering import take_codes
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import _to_decimal, parse_choice, parse_id, parse_money, shown

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class PaymentView:
    """One receipt: a deposit, a payment at the counter, or a refund (negative amount)."""

    id: int
    receipt_no: str
    kind: str
    method: str
    amount: Decimal
    job_id: int | None
    job_no: str | None
    invoice_id: int | None
    customer_id: int | None
    customer_name: str | None
    at: dt.datetime
    by: str


@dataclass(frozen=True)
class DepositReceipt:
    """What the clerk hands over after a deposit: the receipt and where the job stands."""

    payment: PaymentView
    price: Decimal | None
    deposits: Decimal
    remaining: Decimal | None

    @property
    def receipt_no(self) -> str:
        return self.payment.receipt_no

    @property
    def amount(self) -> Decimal:
        return self.payment.amount


def parse_amount(value: object, field: str = "amount") -> Decimal:
    """Money handed over at the counter: more than zero, and a whole number of cents.

    Stricter than ``parse_money``: 12.345 (or a float such as 0.1 + 0.2) is refused instead
    of rounded, because a receipt must say exactly what changed hands.
    """
    amount = parse_money(value, field, allow_zero=False)
    if _to_decimal(value, field) != amount:
        raise ValidationError(field, f"{shown(value)} is not a whole number of cents")
    return amount


def parse_method(value: object, field: str = "method") -> str:
    method = value.strip().lower() if isinstance(value, str) else value
    return parse_choice(method, field, PAYMENT_METHODS)


def parse_payments(payments: object, field: str = "payments") -> list[tuple[Decimal, str]]:
    """``[(amount, method), ...]`` as given at the counter; None or [] means none."""
    if payments is None:
        return []
    if isinstance(payments, str | bytes) or not hasattr(payments, "__iter__"):
        raise ValidationError(field, "must be a list of (amount, method) pairs")
    parsed = []
    for index, entry in enumerate(payments):
        if isinstance(entry, dict):
            amount, method = entry.get("amount"), entry.get("method", "cash")
        elif isinstance(entry, tuple | list) and len(entry) == 2:
            amount, method = entry
        else:
            raise ValidationError(field, f"entry {index + 1} is not an (amount, method) pair")
        parsed.append((parse_amount(amount, f"{field}[{index}].amount"),
                       parse_method(method, f"{field}[{index}].method")))
    return parsed


def record(uow: UnitOfWork, *, kind: str, method: str, amount: Decimal,
           job_id: int | None = None, invoice_id: int | None = None,
           customer_id: int | None = None) -> Payment:
    """A new payment row with the next receipt number, inside the caller's transaction."""
    (receipt_no,) = take_codes(uow.session, "receipt")
    row = Payment(receipt_no=receipt_no, kind=kind, method=method, amount=amount,
                  job_id=job_id, invoice_id=invoice_id, customer_id=customer_id, by=uow.user)
    uow.session.add(row)
    uow.session.flush()
    return row


def deposits_held(uow: UnitOfWork, job_id: int) -> Decimal:
    """Deposits taken on a job less what was refunded."""
    total = uow.session.scalar(
        select(func.coalesce(func.sum(Payment.amount), 0))
        .where(Payment.job_id == job_id, Payment.kind.in_(("deposit", "refund"))))
    return Decimal(total).quantize(Decimal("0.01"))


def refund_deposits(uow: UnitOfWork, job: Job, method: str | None = None) -> list[Payment]:
    """On cancelling a job, pay back the deposits it holds, recorded as refund rows.

    Without ``method`` the money goes back the way it came (a card deposit to the card, cash
    as cash), one refund row per method, so the drawer and the card terminal both balance.
    """
    rows = uow.session.execute(
        select(Payment.method, func.sum(Payment.amount))
        .where(Payment.job_id == job.id, Payment.kind.in_(("deposit", "refund")))
        .group_by(Payment.method).order_by(Payment.method)).all()
    held = {m: Decimal(total) for m, total in rows if Decimal(total) > 0}
    if method is not None:
        held = {method: sum(held.values(), ZERO)} if held else {}
    return [record(uow, kind="refund", method=m, amount=-amount, job_id=job.id,
                   customer_id=job.customer_id)
            for m, amount in held.items() if amount > 0]


def payment_views(uow: UnitOfWork, *conditions) -> list[PaymentView]:
    stmt = (select(Payment, Job.job_no, Customer.name)
            .outerjoin(Job, Job.id == Payment.job_id)
            .outerjoin(Customer, Customer.id == Payment.customer_id)
            .where(*conditions).order_by(Payment.at, Payment.id))
    return [PaymentView(id=p.id, receipt_no=p.receipt_no, kind=p.kind, method=p.method,
                        amount=p.amount, job_id=p.job_id, job_no=job_no,
                        invoice_id=p.invoice_id, customer_id=p.customer_id,
                        customer_name=name, at=p.at, by=p.by)
            for p, job_no, name in uow.session.execute(stmt)]


def payment_view(uow: UnitOfWork, payment_id: int) -> PaymentView:
    (view,) = payment_views(uow, Payment.id == payment_id)
    return view


def deposits_by_job(db: Database, job_ids: list[int]) -> dict[int, Decimal]:
    """Deposits held (less refunds) for a page of jobs, in one grouped query."""
    if isinstance(job_ids, str | bytes) or not isinstance(job_ids, Iterable):
        raise ValidationError("job_ids", "must be a list of job ids")
    job_ids = [parse_id(job_id, "job_ids") for job_id in job_ids]
    if len(job_ids) > 10_000:  # a page of a list; more is not one query's worth
        raise ValidationError("job_ids", f"has {len(job_ids)} ids; at most 10000")
    if not job_ids:
        return {}
    with UnitOfWork(db, readonly=True) as uow:
        rows = uow.session.execute(
            select(Payment.job_id, func.sum(Payment.amount))
            .where(Payment.job_id.in_(job_ids),
                   Payment.kind.in_(("deposit", "refund")))
            .group_by(Payment.job_id)).all()
    return {job_id: Decimal(total) for job_id, total in rows}
