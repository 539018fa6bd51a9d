"""Lists of jobs for the tabs and the Workshop Monitor, filtered and sorted in SQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, func, or_, select, type_coerce

from jewelbench.db import Database
from jewelbench.errors import ValidationError
from jewelbench.models.base import Money
from jewelbench.models.inventory import Item
from jewelbench.models.jobs import (
    IN_FLIGHT,
    JOB_STATUSES,
    MODULES,
    Job,
    JobMaterial,
    JobStage,
    StoneAllocation,
)
from jewelbench.models.parties import Customer, Vendor
from jewelbench.models.styles import Style
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import (
    clean_text,
    parse_count,
    parse_date,
    parse_optional_id,
    shown,
)

DUE_FILTERS = ("overdue", "today", "week")
SORT_KEYS = ("due_date", "job_no", "status", "description", "customer", "cost", "created_at",
             "quantity")


@dataclass(frozen=True)
class JobRow:
    id: int
    job_no: str
    module: str
    status: str
    description: str
    customer_id: int | None
    customer_name: str | None
    stock_id: str | None
    style_no: str | None
    quantity: int
    due_date: dt.date | None
    rush: bool
    cost: Decimal
    estimate: Decimal | None
    price: Decimal | None
    current_stage: str | None
    assignee: str | None
    created_at: dt.datetime
    overdue: bool
    due_today: bool


def _cost_expression():
    """A job's rolled-up cost (materials + stones + stages done), as SQL, so lists sort on it."""
    materials = (select(func.coalesce(func.sum(JobMaterial.cost), 0))
                 .where(JobMaterial.job_id == Job.id).scalar_subquery())
    stones = (select(func.coalesce(func.sum(StoneAllocation.cost), 0))
              .where(StoneAllocation.job_id == Job.id).scalar_subquery())
    stages = (select(func.coalesce(func.sum(JobStage.cost), 0))
              .where(JobStage.job_id == Job.id, JobStage.status == "done").scalar_subquery())
    return type_coerce(materials + stones + stages, Money())


def _filtered(statement: Select, *, module, statuses, text, customer_id, due, today) -> Select:
    if module is not None:
        if module not in MODULES:
            raise ValidationError("module", f"must be one of {', '.join(MODULES)}")
        statement = statement.where(Job.module == module)
    if statuses is not None:
        if isinstance(statuses, str | bytes) or not isinstance(statuses, Iterable):
            raise ValidationError("statuses", "must be a list of statuses")
        statuses = tuple(statuses)
        bad = [s for s in statuses if s not in JOB_STATUSES]
        if bad:
            raise ValidationError("statuses", f"unknown status {shown(bad[0])}")
    if statuses:
        statement = statement.where(Job.status.in_(statuses))
    if customer_id is not None:
        statement = statement.where(Job.customer_id == parse_optional_id(customer_id,
                                                                         "customer_id"))
    if due is not None:
        if due not in DUE_FILTERS:
            raise ValidationError("due", f"must be one of {', '.join(DUE_FILTERS)}")
        statement = statement.where(Job.status.in_(IN_FLIGHT))
        if due == "overdue":
            statement = statement.where(Job.due_date < today)
        elif due == "today":
            statement = statement.where(Job.due_date == today)
        else:
            statement = statement.where(Job.due_date.between(today, today + dt.timedelta(6)))
    text = clean_text(text, "text")
    if text:
        like = f"%{text.lower()}%"
        statement = statement.where(or_(
            func.lower(Job.job_no).like(like), func.lower(Job.description).like(like),
            func.lower(Customer.name).like(like), func.lower(Item.stock_id).like(like),
            func.lower(Style.style_no).like(like)))
    return statement


def _base() -> Select:
    return (select(Job, Customer.name, Item.stock_id, Style.style_no,
                   _cost_expression().label("cost"))
            .outerjoin(Customer, Customer.id == Job.customer_id)
            .outerjoin(Item, Item.id == Job.item_id)
            .outerjoin(Style, Style.id == Job.style_id))


def _order(statement: Select, sort: str, descending: bool) -> Select:
    if sort not in SORT_KEYS:
        raise ValidationError("sort", f"must be one of {', '.join(SORT_KEYS)}")
    column = {"due_date": Job.due_date, "job_no": Job.id, "status": Job.status,
              "description": func.lower(Job.description), "customer": func.lower(Customer.name),
              "cost": _cost_expression(), "created_at": Job.created_at,
              "quantity": Job.quantity}[sort]
    ordered = column.desc() if descending else column.asc()
    # jobs without a date go last whichever way the list is sorted
    return statement.order_by(ordered.nulls_last(), Job.id.desc() if descending else Job.id)


def list_jobs(db: Database, *, module: str | None = None, statuses: tuple[str, ...] | None = None,
              text: str | None = None, customer_id: int | None = None, due: str | None = None,
              sort: str = "due_date", descending: bool = False, offset: int = 0,
              limit: int = 200, today: dt.date | None = None) -> list[JobRow]:
    """One page of jobs; ``statuses=IN_FLIGHT`` gives the work on the bench."""
    offset = parse_count(offset, "offset", allow_zero=True)
    limit = parse_count(limit, "limit", maximum=10_000)
    today = parse_date(today, "today") or dt.date.today()
    statement = _filtered(_base(), module=module, statuses=statuses, text=text,
                          customer_id=customer_id, due=due, today=today)
    statement = _order(statement, sort, descending).offset(offset).limit(limit)
    with UnitOfWork(db, readonly=True) as uow:
        rows = uow.session.execute(statement).all()
        # closed and cancelled jobs are at no stage, whatever stages were left undone
        current = _current_stages(uow, [r[0].id for r in rows if r[0].status in IN_FLIGHT])
        return [_row(job, name, stock_id, style_no, cost, current.get(job.id), today)
                for job, name, stock_id, style_no, cost in rows]


def count_jobs(db: Database, *, module: str | None = None,
               statuses: tuple[str, ...] | None = None, text: str | None = None,
               customer_id: int | None = None, due: str | None = None,
               today: dt.date | None = None) -> int:
    statement = _filtered(
        select(func.count(Job.id)).select_from(Job)
        .outerjoin(Customer, Customer.id == Job.customer_id)
        .outerjoin(Item, Item.id == Job.item_id).outerjoin(Style, Style.id == Job.style_id),
        module=module, statuses=statuses, text=text, customer_id=customer_id, due=due,
        today=parse_date(today, "today") or dt.date.today())
    with UnitOfWork(db, readonly=True) as uow:
        return uow.session.scalar(statement)


def _current_stages(uow: UnitOfWork, job_ids: list[int]) -> dict[int, tuple[str, str | None]]:
    """The first stage not done of each job, and who has it: one query for the whole page."""
    if not job_ids:
        return {}
    current: dict[int, tuple[str, str | None]] = {}
    for job_id, name, vendor in uow.session.execute(
            select(JobStage.job_id, JobStage.name, Vendor.name)
            .outerjoin(Vendor, Vendor.id == JobStage.vendor_id)
            .where(JobStage.job_id.in_(job_ids), JobStage.status != "done")
            .order_by(JobStage.job_id, JobStage.position, JobStage.id)):
        current.setdefault(job_id, (name, vendor))
    return current


def _row(job: Job, customer_name, stock_id, style_no, cost, current, today) -> JobRow:
    in_flight = job.status in IN_FLIGHT
    return JobRow(
        id=job.id, job_no=job.job_no, module=job.module, status=job.status,
        description=job.description, customer_id=job.customer_id, customer_name=customer_name,
        stock_id=stock_id, style_no=style_no, quantity=job.quantity, due_date=job.due_date,
        rush=job.rush, cost=cost,
        estimate=job.estimate, price=job.price,
        current_stage=current[0] if current else None,
        assignee=current[1] if current else None, created_at=job.created_at,
        overdue=bool(in_flight and job.due_date and job.due_date < today),
        due_today=bool(in_flight and job.due_date == today))
