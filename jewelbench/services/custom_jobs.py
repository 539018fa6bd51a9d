"""Custom jobs: something new made for one customer, at a quoted price, with deposits.

The quoted price is before tax: the invoice adds tax at the store's rate on top, as on a
repair invoice, so a quote and its invoice read the same way. Deposits (any number, each with
its own receipt) may together reach the price with tax, never more. They are refunded only by
cancelling the job (``jobs.cancel_job``), as refund rows of their own. Pickup issues the one
invoice for the job, with the deposits applied; the balance is paid at the counter then or
later (``take_payment``). Close-out is refused while a stage is not done, as in Production.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jewelbench.db import Database
from jewelbench.errors import InvalidState, ValidationError
from jewelbench.models.jobs import Job
from jewelbench.models.parties import Customer
from jewelbench.models.sales import Payment
from jewelbench.services import invoices, jobs
from jewelbench.services import payments as money
from jewelbench.services import photos as photo_files
from jewelbench.services.invoices import Charges, InvoiceLineView, InvoiceView, take_payment
from jewelbench.services.job_views import JobView, load_job_view
from jewelbench.services.payments import DepositReceipt, PaymentView
from jewelbench.services.photos import PhotoInfo, add_photo, get_photo, list_photos
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import clean_text, parse_date, parse_id, parse_money

__all__ = ["CustomJobView", "add_photo", "close_for_pickup", "get_custom_job", "get_photo",
           "list_photos", "open_custom_job", "pickup_charges", "take_deposit", "take_payment",
           "update_quote"]

_UNSET = object()


@dataclass(frozen=True)
class CustomJobView:
    """A custom job at the counter: the job, its money so far, photos, and the invoice."""

    job: JobView
    design_notes: str | None
    price_with_tax: Decimal
    deposits: Decimal
    receipts: tuple[PaymentView, ...]
    photos: tuple[PhotoInfo, ...]
    invoice: InvoiceView | None

    @property
    def remaining(self) -> Decimal:
        """What is still to pay on the quote (before pickup) or on the invoice (after)."""
        if self.invoice is not None:
            return self.invoice.balance_due
        return self.price_with_tax - self.deposits


def _price(value: object) -> Decimal:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError("price", "a quoted price is required")
    return parse_money(value, "price", allow_zero=False)


def open_custom_job(db: Database, customer_id: int, *, description: str, price: object,
                    target_date: object = None, design_notes: str | None = None,
                    rush: bool = False, photos: object = None) -> JobView:
    """A custom order: customer, what to make, the quoted price (before tax), target date.

    Design notes are kept as the job's notes; ``photos`` are ``(filename, bytes)`` sketches or
    pictures, stored in the same transaction.
    """
    if customer_id is None:
        raise ValidationError("customer_id", "choose the customer")
    parse_id(customer_id, "customer_id")
    fields = dict(description=clean_text(description, "description", required=True),
                  price=_price(price), due_date=parse_date(target_date, "target_date"),
                  notes=clean_text(design_notes, "design_notes", max_length=4000))
    if not isinstance(rush, bool):
        raise ValidationError("rush", "must be true or false")
    new_photos = photo_files.parse_photos(photos)
    with UnitOfWork(db) as uow:
        uow.get(Customer, customer_id, what="customer")
        job = jobs.new_job(uow, module="custom", customer_id=customer_id, rush=rush, **fields)
        for photo in new_photos:
            photo_files.store(uow, job, photo)
        view = load_job_view(uow.session, job.id)
        uow.commit()
        return view


def _custom(uow: UnitOfWork, job_id: int, *, lock: bool = True) -> Job:
    job = jobs.lock_job(uow, job_id) if lock else uow.get(
        Job, parse_id(job_id, "job_id"), what="job")
    if job.module != "custom":
        raise ValidationError("job_id", f"{job.job_no} is not a custom job")
    return job


def _lines(job: Job) -> list[InvoiceLineView]:
    return [InvoiceLineView(f"Custom {job.job_no}: {job.description}"[:200], job.price, True)]


def _quote(uow: UnitOfWork, job: Job) -> Charges:
    return invoices.charges(uow, _lines(job), money.deposits_held(uow, job.id))


def _view(uow: UnitOfWork, job: Job) -> CustomJobView:
    quote = _quote(uow, job)
    invoice_id = invoices.invoice_id_of_job(uow, job.id)
    return CustomJobView(
        job=load_job_view(uow.session, job.id), design_notes=job.notes,
        price_with_tax=quote.total, deposits=quote.deposits,
        receipts=tuple(money.payment_views(uow, Payment.job_id == job.id)),
        photos=tuple(photo_files.infos_of_job(uow.session, job.id)),
        invoice=invoices.load_view(uow, invoice_id) if invoice_id else None)


def get_custom_job(db: Database, job_id: int) -> CustomJobView:
    with UnitOfWork(db, readonly=True) as uow:
        return _view(uow, _custom(uow, job_id, lock=False))


def pickup_charges(db: Database, job_id: int) -> Charges:
    """What pickup will come to: price, tax, deposits held, balance; nothing saved."""
    with UnitOfWork(db, readonly=True) as uow:
        return _quote(uow, _custom(uow, job_id, lock=False))


def take_deposit(db: Database, job_id: int, amount: object,
                 method: object = "cash") -> DepositReceipt:
    """Money down on a custom job, with its own receipt; any number of them while the job is
    in flight, together never more than the price with tax."""
    amount = money.parse_amount(amount)
    method = money.parse_method(method)
    with UnitOfWork(db) as uow:
        job = _custom(uow, job_id)
        jobs.require_in_flight(job)
        quote = _quote(uow, job)
        if quote.deposits + amount > quote.total:
            raise ValidationError(
                "amount", f"{amount} would bring the deposits to {quote.deposits + amount}, "
                f"more than the price with tax ({quote.total})")
        row = money.record(uow, kind="deposit", method=method, amount=amount, job_id=job.id,
                           customer_id=job.customer_id)
        held = quote.deposits + amount
        receipt = DepositReceipt(payment=money.payment_view(uow, row.id), price=quote.total,
                                 deposits=held, remaining=quote.total - held)
        uow.commit()
        return receipt


def update_quote(db: Database, job_id: int, *, price: object = _UNSET,
                 design_notes: object = _UNSET) -> CustomJobView:
    """Re-quote or refine the design while the job is in flight; the price (with tax) may not
    drop below the deposits already taken."""
    changes: dict[str, object] = {}
    if price is not _UNSET:
        changes["price"] = _price(price)
    if design_notes is not _UNSET:
        changes["notes"] = clean_text(design_notes, "design_notes", max_length=4000)
    with UnitOfWork(db) as uow:
        job = _custom(uow, job_id)
        jobs.require_in_flight(job)
        for key, value in changes.items():
            setattr(job, key, value)
        quote = _quote(uow, job)
        if quote.balance_due < 0:
            raise ValidationError("price", f"the price with tax ({quote.total}) would be less "
                                           f"than the deposits taken ({quote.deposits})")
        uow.session.flush()
        view = _view(uow, job)
        uow.commit()
        return view


def close_for_pickup(db: Database, job_id: int, payments: object = None) -> InvoiceView:
    """The customer collects the piece: the invoice for the quoted price plus tax, deposits
    applied, ``payments`` ``[(amount, method), ...]`` taken at the counter; job closed."""
    taken = money.parse_payments(payments)
    with UnitOfWork(db) as uow:
        job = _custom(uow, job_id)
        jobs.require_in_flight(job)
        left = jobs.stages_not_done(uow, job)
        if left:
            raise InvalidState(f"Job {job.job_no} still has stages not done: "
                               f"{', '.join(left)}. Mark them done or remove them first")
        invoice = invoices.issue(uow, job, _lines(job), taken)
        jobs.set_status(uow, job, "closed", f"picked up, invoice {invoice.invoice_no}")
        uow.session.flush()
        view = invoices.load_view(uow, invoice.id)
        uow.commit()
        return view
