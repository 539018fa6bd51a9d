"""The job machinery shared by Repairs, Custom Jobs and Production.

A job moves ``open → in_progress → ready → closed`` (or ``cancelled``); open, in_progress and
ready jobs are in flight. Stages move ``pending → in_progress → done``; a stage's cost counts
as job cost once it is done. Stones allocated to a job leave their lot at that moment, at a
cost fixed then, and go back exactly when released or when the job is cancelled.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from jewelbench.db import Database
from jewelbench.errors import InvalidState, ValidationError
from jewelbench.models.base import utcnow
from jewelbench.models.inventory import Item, StoneLot
from jewelbench.models.jobs import (
    IN_FLIGHT,
    JOB_STATUSES,
    MATERIAL_KINDS,
    MODULES,
    Job,
    JobMaterial,
    JobStage,
    JobStatusChange,
    JobStoneNeed,
    StoneAllocation,
)
from jewelbench.models.parties import Vendor
from jewelbench.services import stock
from jewelbench.services.job_views import (
    AllocationView,
    JobView,
    MaterialView,
    StageView,
    allocation_view,
    load_job_view,
    material_view,
    stage_view,
)
from jewelbench.services.numbering import take_codes
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import (
    CENT,
    clean_text,
    parse_carats,
    parse_choice,
    parse_count,
    parse_date,
    parse_id,
    parse_money,
    parse_optional_carats,
    parse_optional_id,
    shown,
)

_UNSET = object()

# -- guards (what a job or stage in a given status may do)


def can_change(job: Job) -> bool:
    """Stages, stones and materials may change only while the job is in flight."""
    return job.status in IN_FLIGHT


def require_in_flight(job: Job) -> None:
    if not can_change(job):
        raise InvalidState(f"Job {job.job_no} is {job.status.replace('_', ' ')}; "
                           "it can no longer be changed")


def lock_job(uow: UnitOfWork, job_id: int, field: str = "job_id") -> Job:
    """The job, locked until commit: close-outs and cancels of one job never overlap."""
    parse_id(job_id, field)
    return uow.get(Job, job_id, what="job", field=field, lock=True)


def set_status(uow: UnitOfWork, job: Job, new_status: str, note: str | None = None) -> None:
    """Change a job's status and write its history row."""
    if job.status == new_status:
        return
    uow.session.add(JobStatusChange(job_id=job.id, old_status=job.status,
                                    new_status=new_status, note=note, by=uow.user))
    job.status = new_status
    if new_status in ("closed", "cancelled"):
        job.closed_at = utcnow()
        job.closed_by = uow.user


def follow_stages(uow: UnitOfWork, job: Job) -> None:
    """Keep the job's status in step with its stages while it is in flight.

    All stages done → ready; some started or done → in progress; none → open.
    """
    if job.status not in IN_FLIGHT:
        return
    uow.session.flush()
    rows = uow.session.execute(
        select(JobStage.status, func.count()).where(JobStage.job_id == job.id)
        .group_by(JobStage.status)).all()
    counts = dict(rows)
    total = sum(counts.values())
    if total and counts.get("done", 0) == total:
        set_status(uow, job, "ready", "all stages done")
    elif counts.get("done") or counts.get("in_progress"):
        set_status(uow, job, "in_progress")
    else:
        set_status(uow, job, "open")


def new_job(uow: UnitOfWork, *, module: str, description: str, **fields) -> Job:
    """A new job with the next number of its module (R-…, C-…, P-…) and its first history row."""
    parse_choice(module, "module", MODULES)
    (job_no,) = take_codes(uow.session, module)
    job = Job(job_no=job_no, module=module, status="open", description=description,
              created_by=uow.user, **fields)
    uow.session.add(job)
    uow.session.flush()
    uow.session.add(JobStatusChange(job_id=job.id, old_status=None, new_status="open",
                                    by=uow.user))
    return job


def stages_not_done(uow: UnitOfWork, job: Job) -> list[str]:
    return list(uow.session.scalars(
        select(JobStage.name).where(JobStage.job_id == job.id, JobStage.status != "done")
        .order_by(JobStage.position, JobStage.id)))


def release_everything(uow: UnitOfWork, job: Job, reason: str) -> None:
    """Give every allocated stone back to its lot, exactly as it was taken."""
    allocations = list(uow.session.scalars(
        select(StoneAllocation).where(StoneAllocation.job_id == job.id)
        .order_by(StoneAllocation.lot_id)))
    for allocation in allocations:
        lot = stock.lock_lot(uow, allocation.lot_id)
        stock.return_stones(uow, lot, stock.Taken(allocation.count, allocation.carats,
                                                  allocation.cost),
                            kind="release", job_id=job.id, reason=reason)
        uow.session.delete(allocation)


# -- reading


def get_job(db: Database, job_id: int) -> JobView:
    parse_id(job_id, "job_id")
    with UnitOfWork(db, readonly=True) as uow:
        uow.get(Job, job_id, what="job")
        return load_job_view(uow.session, job_id)


def find_job(db: Database, job_no: str) -> JobView:
    """A job by its number as printed on the ticket (R-00012), e.g. from a scanner."""
    code = clean_text(job_no, "job_no", required=True, max_length=20).upper()
    with UnitOfWork(db, readonly=True) as uow:
        job_id = uow.session.scalar(select(Job.id).where(Job.job_no == code))
        if job_id is None:
            from jewelbench.errors import NotFound

            raise NotFound("job", code, "job_no")
        return load_job_view(uow.session, job_id)


@dataclass(frozen=True)
class StatusChangeView:
    old_status: str | None
    new_status: str
    note: str | None
    at: dt.datetime
    by: str


def job_history(db: Database, job_id: int) -> list[StatusChangeView]:
    parse_id(job_id, "job_id")
    with UnitOfWork(db, readonly=True) as uow:
        uow.get(Job, job_id, what="job")
        return [StatusChangeView(r.old_status, r.new_status, r.note, r.at, r.by)
                for r in uow.session.scalars(
                    select(JobStatusChange).where(JobStatusChange.job_id == job_id)
                    .order_by(JobStatusChange.id))]


# -- job status by hand


def set_job_status(db: Database, job_id: int, status: str, note: str | None = None) -> JobView:
    """Move an in-flight job between open, in progress and ready by hand.

    Closing and cancelling have their own actions, because they move stock and money.
    """
    parse_choice(status, "status", IN_FLIGHT)
    note = clean_text(note, "note")
    with UnitOfWork(db) as uow:
        job = lock_job(uow, job_id)
        require_in_flight(job)
        if status == "ready" and stages_not_done(uow, job):
            raise InvalidState(f"Job {job.job_no} still has stages not done: "
                               + ", ".join(stages_not_done(uow, job)))
        set_status(uow, job, status, note)
        uow.session.flush()
        view = load_job_view(uow.session, job.id)
        uow.commit()
        return view


def update_job(db: Database, job_id: int, *, description: object = _UNSET,
               notes: object = _UNSET, due_date: object = _UNSET,
               rush: object = _UNSET) -> JobView:
    changes: dict[str, object] = {}
    if description is not _UNSET:
        changes["description"] = clean_text(description, "description", required=True)
    if notes is not _UNSET:
        changes["notes"] = clean_text(notes, "notes", max_length=4000)
    if due_date is not _UNSET:
        changes["due_date"] = parse_date(due_date, "due_date")
    if rush is not _UNSET:
        if not isinstance(rush, bool):
            raise ValidationError("rush", "must be true or false")
        changes["rush"] = rush
    with UnitOfWork(db) as uow:
        job = lock_job(uow, job_id)
        require_in_flight(job)
        for key, value in changes.items():
            setattr(job, key, value)
        uow.session.flush()
        view = load_job_view(uow.session, job.id)
        uow.commit()
        return view


def cancel_job(db: Database, job_id: int, reason: str | None = None) -> JobView:
    """Cancel an in-flight job: every stone goes back to its lot, an in-house piece back to
    stock, and deposits taken are refunded (recorded as refunds)."""
    from jewelbench.services import payments

    reason = clean_text(reason, "reason")
    with UnitOfWork(db) as uow:
        job = lock_job(uow, job_id)
        require_in_flight(job)
        release_everything(uow, job, reason or f"job {job.job_no} cancelled")
        if job.item_id is not None:
            item = uow.get(Item, job.item_id, what="item", lock=True)
            if item.status == "on_job":
                item.status = "in_stock"
        payments.refund_deposits(uow, job)
        set_status(uow, job, "cancelled", reason)
        uow.session.flush()
        view = load_job_view(uow.session, job.id)
        uow.commit()
        return view


# -- stages


def _vendor(uow: UnitOfWork, vendor_id: int | None) -> int | None:
    vendor_id = parse_optional_id(vendor_id, "vendor_id")
    if vendor_id is not None:
        uow.get(Vendor, vendor_id, what="vendor", field="vendor_id")
    return vendor_id


def _stage_view(uow: UnitOfWork, stage: JobStage) -> StageView:
    """The one stage's view, without loading the whole job again."""
    uow.session.flush()
    vendor = uow.session.get(Vendor, stage.vendor_id) if stage.vendor_id else None
    return stage_view(stage, vendor.name if vendor else None)


def _lock_stage(uow: UnitOfWork, stage_id: int) -> tuple[JobStage, Job]:
    parse_id(stage_id, "stage_id")
    stage = uow.get(JobStage, stage_id, what="stage", field="stage_id")
    job = lock_job(uow, stage.job_id)
    uow.session.refresh(stage, with_for_update=True)
    require_in_flight(job)
    return stage, job


def add_stage(db: Database, job_id: int, *, name: str, vendor_id: int | None = None,
              cost: object = 0, due_date: object = None, notes: str | None = None) -> StageView:
    name = clean_text(name, "name", required=True, max_length=60)
    cost = parse_money(cost, "cost")
    due = parse_date(due_date, "due_date")
    notes = clean_text(notes, "notes", max_length=4000)
    with UnitOfWork(db) as uow:
        job = lock_job(uow, job_id)
        require_in_flight(job)
        position = uow.session.scalar(
            select(func.coalesce(func.max(JobStage.position), -1))
            .where(JobStage.job_id == job.id)) + 1
        stage = JobStage(job_id=job.id, position=position, name=name,
                         vendor_id=_vendor(uow, vendor_id), cost=cost, due_date=due,
                         notes=notes, status="pending")
        uow.session.add(stage)
        follow_stages(uow, job)
        view = _stage_view(uow, stage)
        uow.commit()
        return view


def update_stage(db: Database, stage_id: int, *, name: object = _UNSET,
                 vendor_id: object = _UNSET, cost: object = _UNSET, due_date: object = _UNSET,
                 notes: object = _UNSET) -> StageView:
    """Edit a stage; a done stage's cost may still be corrected (a late bill) while in flight."""
    changes: dict[str, object] = {}
    if name is not _UNSET:
        changes["name"] = clean_text(name, "name", required=True, max_length=60)
    if cost is not _UNSET:
        changes["cost"] = parse_money(cost, "cost")
    if due_date is not _UNSET:
        changes["due_date"] = parse_date(due_date, "due_date")
    if notes is not _UNSET:
        changes["notes"] = clean_text(notes, "notes", max_length=4000)
    with UnitOfWork(db) as uow:
        stage, _job = _lock_stage(uow, stage_id)
        if vendor_id is not _UNSET:
            changes["vendor_id"] = _vendor(uow, vendor_id)
        for key, value in changes.items():
            setattr(stage, key, value)
        view = _stage_view(uow, stage)
        uow.commit()
        return view


def move_stage(db: Database, stage_id: int, position: int) -> list[StageView]:
    """Put a stage at a new place (0 = first) in its job's order."""
    if isinstance(position, bool) or not isinstance(position, int) or position < 0:
        raise ValidationError("position", f"{shown(position)} is not a place in the list")
    with UnitOfWork(db) as uow:
        stage, job = _lock_stage(uow, stage_id)
        stages = list(uow.session.scalars(
            select(JobStage).where(JobStage.job_id == job.id)
            .order_by(JobStage.position, JobStage.id)))
        stages.remove(stage)
        stages.insert(min(position, len(stages)), stage)
        for index, row in enumerate(stages):
            row.position = index
        uow.session.flush()
        views = list(load_job_view(uow.session, job.id).stages)
        uow.commit()
        return views


def remove_stage(db: Database, stage_id: int) -> None:
    with UnitOfWork(db) as uow:
        stage, job = _lock_stage(uow, stage_id)
        if stage.status == "done":
            raise InvalidState(f"Stage {stage.name} is done and its cost is on the job; "
                               "reopen it first")
        uow.session.delete(stage)
        follow_stages(uow, job)
        uow.commit()


def start_stage(db: Database, stage_id: int) -> StageView:
    with UnitOfWork(db) as uow:
        stage, job = _lock_stage(uow, stage_id)
        if stage.status != "pending":
            raise InvalidState(f"Stage {stage.name} is {stage.status.replace('_', ' ')}")
        stage.status = "in_progress"
        stage.started_at = utcnow()
        follow_stages(uow, job)
        view = _stage_view(uow, stage)
        uow.commit()
        return view


def complete_stage(db: Database, stage_id: int) -> StageView:
    """Mark a stage done: its cost becomes part of the job's cost."""
    with UnitOfWork(db) as uow:
        stage, job = _lock_stage(uow, stage_id)
        if stage.status == "done":
            raise InvalidState(f"Stage {stage.name} is already done")
        now = utcnow()
        stage.started_at = stage.started_at or now
        stage.status = "done"
        stage.done_at = now
        stage.done_by = uow.user
        follow_stages(uow, job)
        view = _stage_view(uow, stage)
        uow.commit()
        return view


def reopen_stage(db: Database, stage_id: int) -> StageView:
    """Undo a stage marked done by mistake; its cost goes back to being an estimate."""
    with UnitOfWork(db) as uow:
        stage, job = _lock_stage(uow, stage_id)
        if stage.status != "done":
            raise InvalidState(f"Stage {stage.name} is not done")
        stage.status = "in_progress"
        stage.done_at = None
        stage.done_by = None
        follow_stages(uow, job)
        view = _stage_view(uow, stage)
        uow.commit()
        return view


# -- stones


def _allocation_view(uow: UnitOfWork, allocation: StoneAllocation) -> AllocationView:
    uow.session.flush()
    lot = uow.session.get(StoneLot, allocation.lot_id)
    return allocation_view(allocation, lot.lot_no, lot.description)


def allocate_stones(db: Database, job_id: int, lot_id: int, count: object = None,
                    carats: object = None, need_id: int | None = None) -> AllocationView:
    """Take stones from a lot for a job; the lot goes down now, at a cost fixed now."""
    count = parse_count(count, "count")
    carats = parse_optional_carats(carats, "carats", allow_zero=False)
    parse_id(lot_id, "lot_id")
    need_id = parse_optional_id(need_id, "need_id")
    with UnitOfWork(db) as uow:
        job = lock_job(uow, job_id)
        require_in_flight(job)
        if need_id is not None:
            need = uow.get(JobStoneNeed, need_id, what="stone need", field="need_id")
            if need.job_id != job.id:
                raise ValidationError("need_id", "that stone line belongs to another job")
        lot = stock.lock_lot(uow, lot_id)
        taken = stock.take_stones(uow, lot, count=count, carats=carats, kind="allocate",
                                  job_id=job.id)
        allocation = StoneAllocation(job_id=job.id, lot_id=lot.id, need_id=need_id,
                                     count=taken.count, carats=taken.carats, cost=taken.cost,
                                     by=uow.user)
        uow.session.add(allocation)
        uow.session.flush()
        view = _allocation_view(uow, allocation)
        uow.commit()
        return view


@dataclass(frozen=True)
class ReleaseView:
    """What went back to the lot, and what the job still holds of that allocation."""

    lot_id: int
    count: int
    carats: Decimal
    cost: Decimal
    remaining: AllocationView | None


def release_allocation(db: Database, allocation_id: int, count: object = None,
                       carats: object = None) -> ReleaseView:
    """Give back all (no count) or part (3 of 20 melee, with their carats) of an allocation."""
    parse_id(allocation_id, "allocation_id")
    count = None if count is None else parse_count(count, "count")
    carats = parse_optional_carats(carats, "carats", allow_zero=False)
    with UnitOfWork(db) as uow:
        allocation = uow.get(StoneAllocation, allocation_id, what="stone allocation",
                             field="allocation_id")
        job = lock_job(uow, allocation.job_id)
        require_in_flight(job)
        lot = stock.lock_lot(uow, allocation.lot_id)
        uow.session.refresh(allocation, with_for_update=True)
        held = stock.Taken(allocation.count, allocation.carats, allocation.cost)
        back = stock.part_of(held, held.count if count is None else count, carats)
        stock.return_stones(uow, lot, back, kind="release", job_id=job.id)
        remaining = None
        if back == held:
            uow.session.delete(allocation)
            uow.session.flush()
        else:
            allocation.count -= back.count
            allocation.carats -= back.carats
            allocation.cost -= back.cost
            remaining = _allocation_view(uow, allocation)
        view = ReleaseView(lot.id, back.count, back.carats, back.cost, remaining)
        uow.commit()
        return view


# -- materials


def add_material(db: Database, job_id: int, *, description: str, unit_cost: object,
                 quantity: object = 1, kind: str = "other") -> MaterialView:
    """Metal, findings or an outside charge issued to the job; its cost counts at once."""
    description = clean_text(description, "description", required=True)
    kind = parse_choice(kind, "kind", MATERIAL_KINDS)
    quantity = parse_carats(quantity, "quantity", allow_zero=False)
    unit_cost = parse_money(unit_cost, "unit_cost")
    with UnitOfWork(db) as uow:
        job = lock_job(uow, job_id)
        require_in_flight(job)
        material = JobMaterial(job_id=job.id, kind=kind, description=description,
                               quantity=quantity, unit_cost=unit_cost,
                               cost=(quantity * unit_cost).quantize(CENT), by=uow.user)
        uow.session.add(material)
        uow.session.flush()
        view = material_view(material)
        uow.commit()
        return view


def remove_material(db: Database, material_id: int) -> None:
    parse_id(material_id, "material_id")
    with UnitOfWork(db) as uow:
        material = uow.get(JobMaterial, material_id, what="material", field="material_id")
        job = lock_job(uow, material.job_id)
        require_in_flight(job)
        uow.session.delete(material)
        uow.commit()


__all__ = ["JOB_STATUSES", "JobView", "add_material", "add_stage", "allocate_stones",
           "cancel_job", "complete_stage", "get_job", "release_allocation", "start_stage"]
