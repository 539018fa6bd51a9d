"""A customer's history at the counter: jobs, invoices, deposits and payments.

A few grouped queries whatever the customer's history length; newest first, as the counter
reads it ("what did she bring in last?").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from jewelbench.db import Database
from jewelbench.models.jobs import Job
from jewelbench.models.parties import Customer
from jewelbench.models.sales import Invoice, Payment
from jewelbench.services import payments as money
from jewelbench.services.parties import CustomerView, customer_view
from jewelbench.services.payments import PaymentView
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import parse_id

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class HistoryJob:
    id: int
    job_no: str
    module: str
    status: str
    description: str
    due_date: dt.date | None
    estimate: Decimal | None
    price: Decimal | None
    created_at: dt.datetime
    closed_at: dt.datetime | None


@dataclass(frozen=True)
class HistoryInvoice:
    id: int
    invoice_no: str
    job_id: int | None
    job_no: str | None
    issued_at: dt.datetime
    total: Decimal
    balance_due: Decimal


@dataclass(frozen=True)
class CustomerHistory:
    customer: CustomerView
    jobs: tuple[HistoryJob, ...]
    invoices: tuple[HistoryInvoice, ...]
    payments: tuple[PaymentView, ...]

    @property
    def deposits_held(self) -> Decimal:
        """Deposits on jobs not yet picked up (less refunds): money the shop holds for her."""
        return sum((p.amount for p in self.payments
                    if p.kind in ("deposit", "refund") and p.invoice_id is None), ZERO)

    @property
    def balance_owed(self) -> Decimal:
        return sum((i.balance_due for i in self.invoices), ZERO)


def customer_history(db: Database, customer_id: int) -> CustomerHistory:
    parse_id(customer_id, "customer_id")
    with UnitOfWork(db, readonly=True) as uow:
        customer = uow.get(Customer, customer_id, what="customer")
        job_rows = tuple(
            HistoryJob(id=j.id, job_no=j.job_no, module=j.module, status=j.status,
                       description=j.description, due_date=j.due_date, estimate=j.estimate,
                       price=j.price, created_at=j.created_at, closed_at=j.closed_at)
            for j in uow.session.scalars(select(Job).where(Job.customer_id == customer_id)
                                         .order_by(Job.id.desc())))
        paid = dict(uow.session.execute(
            select(Payment.invoice_id, func.sum(Payment.amount))
            .join(Invoice, Invoice.id == Payment.invoice_id)
            .where(Invoice.customer_id == customer_id).group_by(Payment.invoice_id)).all())
        invoice_rows = tuple(
            HistoryInvoice(id=inv.id, invoice_no=inv.invoice_no, job_id=inv.job_id,
                           job_no=job_no, issued_at=inv.issued_at, total=inv.total,
                           balance_due=inv.total - Decimal(paid.get(inv.id, ZERO)))
            for inv, job_no in uow.session.execute(
                select(Invoice, Job.job_no).outerjoin(Job, Job.id == Invoice.job_id)
                .where(Invoice.customer_id == customer_id).order_by(Invoice.id.desc())))
        receipts = tuple(reversed(money.payment_views(uow, Payment.customer_id == customer_id)))
        return CustomerHistory(customer=customer_view(customer), jobs=job_rows,
                               invoices=invoice_rows, payments=receipts)
