"""Repairs: a customer's piece, or an in-house StockID, taken in, worked on and handed back.

Close-out is one of two, and happens once:
- a customer's piece is picked up: ``close_for_pickup`` issues the invoice (the repair line,
  tax at the store's rate on top, deposits applied, payments taken at the counter);
- an in-house piece goes back to stock: ``roll_onto_item`` adds the job's cost to the item's
  cost basis as a "repair" cost entry.
Both are refused while a stage is not done (the refusal lists them), as in Production:
finish the stage or remove it first, so no cost is left out of the job.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jewelbench.db import Database
from jewelbench.errors import InvalidState, ValidationError
from jewelbench.models.inventory import Item
from jewelbench.models.jobs import Job
from jewelbench.models.parties import Customer
from jewelbench.services import invoices, jobs, repair_condition, stock
from jewelbench.services import payments as money
from jewelbench.services import photos as photo_files
from jewelbench.services.inventory_views import ItemView, load_item_view
from jewelbench.services.invoices import Charges, InvoiceLineView, InvoiceView
from jewelbench.services.job_views import JobView, load_job_view
from jewelbench.services.photos import PhotoInfo, add_photo, get_photo, list_photos
from jewelbench.services.repair_condition import CHECKS, Condition
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import (
    clean_text,
    parse_date,
    parse_id,
    parse_money,
    parse_optional_id,
    parse_optional_money,
)

__all__ = ["CHECKS", "Condition", "RepairView", "add_photo", "close_for_pickup", "get_photo",
           "get_repair", "list_photos", "open_repair", "pickup_charges", "roll_onto_item"]


@dataclass(frozen=True)
class RepairView:
    """Everything the counter shows about a repair: the job, its intake, photos and invoice."""

    job: JobView
    condition: Condition
    photos: tuple[PhotoInfo, ...]
    deposits: Decimal
    invoice: InvoiceView | None

    @property
    def in_house(self) -> bool:
        return self.job.item_id is not None


def _flag(value: object, field: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(field, "must be true or false")
    return value


def open_repair(db: Database, customer_id: int | None = None, item_id: int | None = None, *,
                description: str, promised_date: object = None, estimate: object = None,
                piece_type: str | None = None, metal: str | None = None,
                size: str | None = None, condition: object = None,
                condition_notes: str | None = None, work_requested: str | None = None,
                rush: bool = False, notes: str | None = None,
                photos: object = None) -> JobView:
    """Take in a repair: a customer's piece (``customer_id``) or an in-house StockID
    (``item_id``, which must be in stock and shows as on a job until close-out).

    ``condition`` is a list of checklist keys or labels (see ``CHECKS``); ``photos`` a list of
    ``(filename, bytes)`` stored with the job in the same transaction.
    """
    customer_id = parse_optional_id(customer_id, "customer_id")
    item_id = parse_optional_id(item_id, "item_id")
    if customer_id is None and item_id is None:
        raise ValidationError("customer_id", "choose the customer, or the in-house StockID")
    if customer_id is not None and item_id is not None:
        raise ValidationError("item_id", "a repair is for a customer's piece or an in-house "
                                         "StockID, not both")
    fields = dict(
        description=clean_text(description, "description", required=True),
        due_date=parse_date(promised_date, "promised_date"),
        estimate=parse_optional_money(estimate, "estimate"),
        piece_type=clean_text(piece_type, "piece_type", max_length=60),
        metal=clean_text(metal, "metal", max_length=60),
        size=clean_text(size, "size", max_length=20),
        condition=repair_condition.dump(
            repair_condition.parse_condition(condition, condition_notes)),
        work_requested=clean_text(work_requested, "work_requested", max_length=4000),
        rush=_flag(rush, "rush"),
        notes=clean_text(notes, "notes", max_length=4000),
    )
    new_photos = photo_files.parse_photos(photos)
    with UnitOfWork(db) as uow:
        if customer_id is not None:
            uow.get(Customer, customer_id, what="customer")
        else:
            item = uow.get(Item, item_id, what="item", lock=True)
            if item.status != "in_stock":
                raise InvalidState(f"{item.stock_id} is {item.status.replace('_', ' ')}, "
                                   "not in stock; only a piece in stock can go on a repair")
            item.status = "on_job"
        job = jobs.new_job(uow, module="repair", customer_id=customer_id, item_id=item_id,
                           **fields)
        for photo in new_photos:
            photo_files.store(uow, job, photo)
        view = load_job_view(uow.session, job.id)
        uow.commit()
        return view


def _repair(uow: UnitOfWork, job_id: int) -> Job:
    job = jobs.lock_job(uow, job_id)
    if job.module != "repair":
        raise ValidationError("job_id", f"{job.job_no} is not a repair")
    return job


def get_repair(db: Database, job_id: int) -> RepairView:
    parse_id(job_id, "job_id")
    with UnitOfWork(db, readonly=True) as uow:
        job = uow.get(Job, job_id, what="job")
        if job.module != "repair":
            raise ValidationError("job_id", f"{job.job_no} is not a repair")
        invoice_id = invoices.invoice_id_of_job(uow, job.id)
        return RepairView(
            job=load_job_view(uow.session, job.id),
            condition=repair_condition.load(job.condition),
            photos=tuple(photo_files.infos_of_job(uow.session, job.id)),
            deposits=money.deposits_held(uow, job.id),
            invoice=invoices.load_view(uow, invoice_id) if invoice_id else None)


def _ready_to_close(uow: UnitOfWork, job: Job) -> None:
    jobs.require_in_flight(job)
    left = jobs.stages_not_done(uow, job)
    if left:
        raise InvalidState(f"Job {job.job_no} still has stages not done: {', '.join(left)}. "
                           "Mark them done or remove them before closing out")


def _price(job: Job, price: object) -> Decimal:
    """The price given at pickup, else the estimate written at intake."""
    if price is None or (isinstance(price, str) and not price.strip()):
        if job.estimate is None:
            raise ValidationError("price", "is required (the repair has no estimate)")
        return job.estimate
    return parse_money(price, "price")


def _lines(job: Job, price: Decimal) -> list[InvoiceLineView]:
    what = job.work_requested or job.description
    return [InvoiceLineView(f"Repair {job.job_no}: {' '.join(what.split())}"[:200], price, True)]


def pickup_charges(db: Database, job_id: int, price: object = None) -> Charges:
    """What the customer would owe at pickup for this price (tax, deposits), nothing saved."""
    with UnitOfWork(db, readonly=True) as uow:
        job = uow.get(Job, parse_id(job_id, "job_id"), what="job")
        if job.module != "repair":
            raise ValidationError("job_id", f"{job.job_no} is not a repair")
        return invoices.charges(uow, _lines(job, _price(job, price)),
                                money.deposits_held(uow, job.id))


def close_for_pickup(db: Database, job_id: int, price: object = None,
                     payments: object = None) -> InvoiceView:
    """The customer collects the piece: one invoice for the repair, job closed.

    ``price`` (tax is added on top) defaults to the estimate; ``payments`` is what was paid at
    the counter, ``[(amount, method), ...]``, never more than the balance due.
    """
    taken = money.parse_payments(payments)
    with UnitOfWork(db) as uow:
        job = _repair(uow, job_id)
        if job.item_id is not None:
            raise InvalidState(f"Job {job.job_no} is an in-house piece; roll its cost onto "
                               "the item instead of invoicing it")
        _ready_to_close(uow, job)
        amount = _price(job, price)
        job.price = amount
        invoice = invoices.issue(uow, job, _lines(job, amount), taken)
        jobs.set_status(uow, job, "closed", f"picked up, invoice {invoice.invoice_no}")
        uow.session.flush()
        view = invoices.load_view(uow, invoice.id)
        uow.commit()
        return view


def roll_onto_item(db: Database, job_id: int) -> ItemView:
    """An in-house piece is repaired: the job's cost goes onto the item's cost basis (a
    "repair" cost entry naming the job), the item is back in stock, the job closed."""
    with UnitOfWork(db) as uow:
        job = _repair(uow, job_id)
        if job.item_id is None:
            raise InvalidState(f"Job {job.job_no} is a customer's piece; close it for pickup")
        _ready_to_close(uow, job)
        item = uow.get(Item, job.item_id, what="item", lock=True)
        cost = load_job_view(uow.session, job.id).cost
        stock.add_cost_entry(uow, item, kind="repair", amount=cost, job_id=job.id,
                             note=f"Repair {job.job_no}: {job.description}"[:200])
        if item.status == "on_job":
            item.status = "in_stock"
        jobs.set_status(uow, job, "closed", f"cost {cost} rolled onto {item.stock_id}")
        uow.session.flush()
        view = load_item_view(uow.session, item)
        uow.commit()
        return view
