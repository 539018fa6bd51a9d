"""Production: making pieces for inventory, one-off or in batches from the shop's own designs.

Two ways in: simple mode (any shop) describes one piece; style-driven mode (manufacturer shops)
starts a run of N pieces of one of My Designs, set up from the style's bill of materials
(see ``production_plan``). Both end in Complete & Create Inventory (``close_out``), which turns
the job's cost into N new StockIDs, once.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from jewelbench.db import Database
from jewelbench.errors import InvalidState, PermissionDenied, ValidationError
from jewelbench.models.inventory import Item
from jewelbench.models.jobs import Job, JobMaterial, JobStage, JobStoneNeed
from jewelbench.models.styles import Style, StyleBomLine, StyleStage
from jewelbench.services import jobs, stock
from jewelbench.services.inventory_views import ItemView, item_views
from jewelbench.services.job_views import JobView, cost_breakdowns, load_job_view
from jewelbench.services.production_plan import bom_cost, plan_run
from jewelbench.services.settings import load_profile
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import (
    clean_text,
    parse_count,
    parse_date,
    parse_id,
    parse_optional_id,
    split_evenly,
)

MODULE = "production"
# a run makes one StockID per piece; beyond this it is a typo, not a batch
MAX_RUN = 10_000


# -- views


@dataclass(frozen=True)
class DesignChoice:
    """One of My Designs as the intake offers it, with what one piece costs by its BOM."""

    id: int
    style_no: str
    name: str
    metal: str | None
    bom_cost: Decimal

    @property
    def label(self) -> str:
        return f"{self.style_no} — {self.name}"

    def estimate_for(self, quantity: int) -> Decimal:
        """The run's estimate, as ``open_job`` will set it."""
        return self.bom_cost * quantity


@dataclass(frozen=True)
class CloseOutPreview:
    """What Complete & Create Inventory would do now, for the confirmation."""

    job_id: int
    job_no: str
    description: str
    quantity: int
    cost: Decimal
    # cost basis and how many pieces get it, highest first: ((33.34, 1), (33.33, 2))
    cost_groups: tuple[tuple[Decimal, int], ...]
    blockers: tuple[str, ...]  # why it cannot happen yet; empty when it can
    stages_not_done: tuple[str, ...]
    stones_still_to_allocate: tuple[str, ...]  # a warning, not a blocker

    @property
    def ready(self) -> bool:
        return not self.blockers

    @property
    def cost_per_piece(self) -> Decimal:
        """The cost basis most pieces get (the first few may carry one cent more)."""
        return self.cost_groups[-1][0]


def _new_item_views(items: list[Item], style_no: str | None) -> list[ItemView]:
    """Views of items just made, from the rows in hand: no query per item."""
    return [ItemView(id=item.id, stock_id=item.stock_id, description=item.description,
                     category=item.category, metal=item.metal, style_id=item.style_id,
                     style_no=style_no, cost_basis=item.cost_basis, retail=item.retail,
                     status=item.status, source=item.source, source_job_id=item.source_job_id,
                     notes=item.notes, created_at=item.created_at, created_by=item.created_by)
            for item in items]


# -- the designs a run can be made from


def list_designs(db: Database, text: str = "", limit: int = 500) -> list[DesignChoice]:
    """Active styles of My Designs (no vendor), with their BOM cost per piece."""
    limit = parse_count(limit, "limit", maximum=10_000)
    text = (clean_text(text, "text") or "").lower()
    statement = select(Style).where(Style.vendor_id.is_(None), Style.active.is_(True))
    if text:
        # a typed % or _ means itself, not a wildcard
        like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        statement = statement.where(func.lower(Style.style_no).like(like, escape="\\")
                                    | func.lower(Style.name).like(like, escape="\\"))
    statement = statement.order_by(Style.style_no).limit(limit)
    with UnitOfWork(db, readonly=True) as uow:
        styles = list(uow.session.scalars(statement))
        lines: dict[int, list[StyleBomLine]] = {s.id: [] for s in styles}
        if styles:
            for line in uow.session.scalars(select(StyleBomLine)
                                            .where(StyleBomLine.style_id.in_(list(lines)))):
                lines[line.style_id].append(line)
        return [DesignChoice(id=s.id, style_no=s.style_no, name=s.name, metal=s.metal,
                             bom_cost=bom_cost(lines[s.id])) for s in styles]


# -- intake


def open_job(db: Database, description: str | None = None, style_id: int | None = None,
             quantity: object = 1, target_date: object = None) -> JobView:
    """Start a production job.

    Simple mode (no ``style_id``): a described piece, quantity 1, stages and stones added as
    the work goes. Style-driven mode: ``quantity`` pieces of one of My Designs (manufacturer
    shops only); the style's material lines are issued to the job, its labour lines and stage
    template become stages and its stone lines the stones still to allocate, all × N, and the
    estimate is the style's BOM cost × N. ``description`` then defaults to the style's name.
    """
    quantity = parse_count(quantity, "quantity", maximum=MAX_RUN)
    due = parse_date(target_date, "target_date")
    style_id = parse_optional_id(style_id, "style_id")
    description = clean_text(description, "description", required=style_id is None)
    if style_id is None and quantity != 1:
        raise ValidationError("quantity", "a job without a design makes one piece; "
                              "pick one of your designs to make several")
    with UnitOfWork(db) as uow:
        if style_id is None:
            job = jobs.new_job(uow, module=MODULE, description=description, quantity=1,
                               due_date=due)
        else:
            job = _open_from_style(uow, style_id, quantity, description, due)
        uow.session.flush()
        view = load_job_view(uow.session, job.id)
        uow.commit()
        return view


def _open_from_style(uow: UnitOfWork, style_id: int, quantity: int, description: str | None,
                     due: dt.date | None) -> Job:
    if not load_profile(uow.session).manufacturer:
        raise PermissionDenied("Making pieces from a design is for manufacturer shops; "
                               "turn on 'We manufacture' in Settings, or describe the piece")
    style = uow.get(Style, style_id, what="style", field="style_id")
    if style.vendor_id is not None:
        raise ValidationError("style_id", f"{style.style_no} is a vendor's style; production "
                              "runs are made from My Designs")
    if not style.active:
        raise ValidationError("style_id", f"{style.style_no} is no longer active")
    lines = list(uow.session.scalars(select(StyleBomLine).where(StyleBomLine.style_id == style.id)))
    template = list(uow.session.scalars(select(StyleStage).where(StyleStage.style_id == style.id)))
    plan = plan_run(lines, template, quantity)
    job = jobs.new_job(uow, module=MODULE,
                       description=description or f"{style.name} ({style.style_no})"[:200],
                       style_id=style.id, quantity=quantity, due_date=due,
                       estimate=plan.estimate, metal=style.metal)
    uow.session.add_all(
        [JobMaterial(job_id=job.id, kind=m.kind, description=m.description,
                     quantity=m.quantity, unit_cost=m.unit_cost, cost=m.cost, by=uow.user)
         for m in plan.materials]
        + [JobStage(job_id=job.id, position=index, name=s.name, vendor_id=s.vendor_id,
                    cost=s.cost, status="pending")
           for index, s in enumerate(plan.stages)]
        + [JobStoneNeed(job_id=job.id, description=n.description, count=n.count,
                        estimate=n.estimate)
           for n in plan.stones])
    return job


# -- Complete & Create Inventory


def _blockers(job: Job, waiting: list[str]) -> list[str]:
    if job.module != MODULE:
        return [f"Job {job.job_no} is a {job.module} job, not production"]
    if not jobs.can_change(job):
        return [f"Job {job.job_no} is already {job.status.replace('_', ' ')}"]
    return [f"Stage not done: {name}" for name in waiting]


def close_out_preview(db: Database, job_id: int) -> CloseOutPreview:
    """N, the cost per piece, and whatever still stands in the way, for the confirmation."""
    with UnitOfWork(db, readonly=True) as uow:
        job = _read_job(uow, job_id)
        view = load_job_view(uow.session, job.id)
        pieces = split_evenly(view.cost, job.quantity)
        waiting = jobs.stages_not_done(uow, job)
        missing = tuple(f"{need.description}: {need.count - need.allocated} of {need.count}"
                        for need in view.stone_needs if need.allocated < need.count)
        return CloseOutPreview(
            job_id=job.id, job_no=job.job_no, description=job.description,
            quantity=job.quantity, cost=view.cost,
            cost_groups=tuple(sorted(Counter(pieces).items(), reverse=True)),
            blockers=tuple(_blockers(job, waiting)), stages_not_done=tuple(waiting),
            stones_still_to_allocate=missing)


def _read_job(uow: UnitOfWork, job_id: int) -> Job:
    parse_id(job_id, "job_id")
    return uow.get(Job, job_id, what="job")


def close_out(db: Database, job_id: int) -> list[ItemView]:
    """Complete & Create Inventory: N new StockIDs carrying the job's cost, and the job closed.

    Each piece's cost basis is the job cost / N to the cent, the leftover cents spread over
    the first pieces so the pieces add up to the job cost exactly. The job row is locked first,
    so of two clicks or two workstations one makes the items and the other is told the job is
    already closed. The number of SQL statements does not depend on N.
    """
    with UnitOfWork(db) as uow:
        job = jobs.lock_job(uow, job_id)
        if job.module != MODULE:
            raise ValidationError("job_id", f"Job {job.job_no} is a {job.module} job; "
                                  "close it from its own tab")
        if not jobs.can_change(job):
            raise InvalidState(f"Job {job.job_no} is already {job.status.replace('_', ' ')}; "
                               "its inventory was created once and is not created again")
        waiting = jobs.stages_not_done(uow, job)
        if waiting:
            raise InvalidState(f"Job {job.job_no} still has stages not done: "
                               + ", ".join(waiting))
        cost = cost_breakdowns(uow.session, [job.id])[job.id].cost
        style = uow.session.get(Style, job.style_id) if job.style_id else None
        items = stock.create_items(
            uow, description=job.description, costs=split_evenly(cost, job.quantity),
            source="production", cost_kind="production", style_id=job.style_id,
            source_job_id=job.id, category=style.category if style else None,
            metal=job.metal or (style.metal if style else None),
            retail=style.retail if style else None, note=f"made on job {job.job_no}")
        jobs.set_status(uow, job, "closed", f"{len(items)} piece(s) put into inventory")
        uow.session.flush()
        views = _new_item_views(items, style.style_no if style else None)
        uow.commit()
        return views


def job_items(db: Database, job_id: int, limit: int = 10_000) -> list[ItemView]:
    """The StockIDs a production job made at close-out, in the order they were made."""
    limit = parse_count(limit, "limit", maximum=MAX_RUN)
    with UnitOfWork(db, readonly=True) as uow:
        _read_job(uow, job_id)
        return item_views(uow.session, select(Item).where(Item.source_job_id == job_id)
                          .order_by(Item.id).limit(limit))
