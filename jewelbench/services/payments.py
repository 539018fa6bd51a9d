"""Money taken against jobs: deposits now; invoices and counter payments build on this."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from jewelbench.models.jobs import Job
from jewelbench.models.sales import Payment
from jewelbench.services.numbering import take_codes
from jewelbench.services.unit_of_work import UnitOfWork


def deposits_held(uow: UnitOfWork, job_id: int) -> Decimal:
    """Deposits taken on a job less what was refunded."""
    total = uow.session.scalar(
        select(func.coalesce(func.sum(Payment.amount), 0))
        .where(Payment.job_id == job_id, Payment.kind.in_(("deposit", "refund"))))
    return Decimal(total)


def refund_deposits(uow: UnitOfWork, job: Job, method: str = "cash") -> Payment | None:
    """On cancelling a job, pay back what deposits it holds, recorded as a refund."""
    held = deposits_held(uow, job.id)
    if held <= 0:
        return None
    (receipt_no,) = take_codes(uow.session, "receipt")
    refund = Payment(receipt_no=receipt_no, kind="refund", method=method, amount=-held,
                     job_id=job.id, customer_id=job.customer_id, by=uow.user)
    uow.session.add(refund)
    return refund
