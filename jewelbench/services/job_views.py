"""Frozen views of jobs, and the cost roll-up they carry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jewelbench.models.inventory import Item, StoneLot
from jewelbench.models.jobs import (
    Job,
    JobMaterial,
    JobStage,
    JobStoneNeed,
    StoneAllocation,
)
from jewelbench.models.parties import Customer, Vendor
from jewelbench.models.styles import Style

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class StageView:
    id: int
    job_id: int
    position: int
    name: str
    vendor_id: int | None
    vendor_name: str | None
    cost: Decimal
    due_date: dt.date | None
    status: str
    started_at: dt.datetime | None
    done_at: dt.datetime | None
    notes: str | None


@dataclass(frozen=True)
class AllocationView:
    id: int
    job_id: int
    lot_id: int
    lot_no: str
    lot_description: str
    need_id: int | None
    count: int
    carats: Decimal
    cost: Decimal


@dataclass(frozen=True)
class MaterialView:
    id: int
    job_id: int
    kind: str
    description: str
    quantity: Decimal
    unit_cost: Decimal
    cost: Decimal


@dataclass(frozen=True)
class StoneNeedView:
    id: int
    description: str
    count: int
    allocated: int
    estimate: Decimal


@dataclass(frozen=True)
class CostBreakdown:
    """Cost so far (materials + stones + stages done) and what is still only an estimate."""

    materials: Decimal = ZERO
    stones: Decimal = ZERO
    stages_done: Decimal = ZERO
    stages_pending: Decimal = ZERO
    stones_to_allocate: Decimal = ZERO

    @property
    def cost(self) -> Decimal:
        return self.materials + self.stones + self.stages_done

    @property
    def projected(self) -> Decimal:
        return self.cost + self.stages_pending + self.stones_to_allocate


@dataclass(frozen=True)
class JobView:
    id: int
    job_no: str
    module: str
    status: str
    description: str
    notes: str | None
    quantity: int
    customer_id: int | None
    customer_name: str | None
    item_id: int | None
    stock_id: str | None
    style_id: int | None
    style_no: str | None
    due_date: dt.date | None
    estimate: Decimal | None
    price: Decimal | None
    rush: bool
    piece_type: str | None
    metal: str | None
    size: str | None
    condition: str | None
    work_requested: str | None
    created_at: dt.datetime
    created_by: str
    closed_at: dt.datetime | None
    costs: CostBreakdown
    stages: tuple[StageView, ...]
    allocations: tuple[AllocationView, ...]
    materials: tuple[MaterialView, ...]
    stone_needs: tuple[StoneNeedView, ...]

    @property
    def cost(self) -> Decimal:
        """The rolled-up job cost: materials, allocated stones and stages marked done."""
        return self.costs.cost

    @property
    def in_flight(self) -> bool:
        return self.status in ("open", "in_progress", "ready")

    @property
    def current_stage(self) -> StageView | None:
        for stage in self.stages:
            if stage.status != "done":
                return stage
        return None


def cost_breakdowns(session: Session, job_ids: list[int]) -> dict[int, CostBreakdown]:
    """Costs of many jobs in four grouped queries (not one query per job)."""
    if not job_ids:
        return {}
    parts: dict[int, dict[str, Decimal]] = {j: {} for j in job_ids}
    for job_id, total in session.execute(
            select(JobMaterial.job_id, func.sum(JobMaterial.cost))
            .where(JobMaterial.job_id.in_(job_ids)).group_by(JobMaterial.job_id)):
        parts[job_id]["materials"] = total
    for job_id, total in session.execute(
            select(StoneAllocation.job_id, func.sum(StoneAllocation.cost))
            .where(StoneAllocation.job_id.in_(job_ids)).group_by(StoneAllocation.job_id)):
        parts[job_id]["stones"] = total
    for job_id, status, total in session.execute(
            select(JobStage.job_id, JobStage.status, func.sum(JobStage.cost))
            .where(JobStage.job_id.in_(job_ids)).group_by(JobStage.job_id, JobStage.status)):
        key = "stages_done" if status == "done" else "stages_pending"
        parts[job_id][key] = parts[job_id].get(key, ZERO) + total
    allocated = (select(func.coalesce(func.sum(StoneAllocation.count), 0))
                 .where(StoneAllocation.need_id == JobStoneNeed.id).scalar_subquery())
    for need in session.execute(
            select(JobStoneNeed.job_id, JobStoneNeed.count, JobStoneNeed.estimate,
                   allocated.label("allocated"))
            .where(JobStoneNeed.job_id.in_(job_ids))):
        missing = max(need.count - need.allocated, 0)
        if missing and need.count:
            share = (need.estimate * missing / need.count).quantize(Decimal("0.01"))
            parts[need.job_id]["stones_to_allocate"] = (
                parts[need.job_id].get("stones_to_allocate", ZERO) + share)
    return {j: CostBreakdown(**{k: Decimal(v) for k, v in p.items()}) for j, p in parts.items()}


def stage_view(s: JobStage, vendor_name: str | None) -> StageView:
    return StageView(id=s.id, job_id=s.job_id, position=s.position, name=s.name,
                     vendor_id=s.vendor_id, vendor_name=vendor_name, cost=s.cost,
                     due_date=s.due_date, status=s.status, started_at=s.started_at,
                     done_at=s.done_at, notes=s.notes)


def allocation_view(a: StoneAllocation, lot_no: str, lot_description: str) -> AllocationView:
    return AllocationView(id=a.id, job_id=a.job_id, lot_id=a.lot_id, lot_no=lot_no,
                          lot_description=lot_description, need_id=a.need_id, count=a.count,
                          carats=a.carats, cost=a.cost)


def material_view(m: JobMaterial) -> MaterialView:
    return MaterialView(id=m.id, job_id=m.job_id, kind=m.kind, description=m.description,
                        quantity=m.quantity, unit_cost=m.unit_cost, cost=m.cost)


def load_job_view(session: Session, job_id: int) -> JobView:
    job = session.get(Job, job_id)
    customer_name = session.scalar(select(Customer.name).where(Customer.id == job.customer_id)) \
        if job.customer_id else None
    stock_id = session.scalar(select(Item.stock_id).where(Item.id == job.item_id)) \
        if job.item_id else None
    style_no = session.scalar(select(Style.style_no).where(Style.id == job.style_id)) \
        if job.style_id else None
    stages = tuple(
        stage_view(s, vendor) for s, vendor in session.execute(
            select(JobStage, Vendor.name).outerjoin(Vendor, Vendor.id == JobStage.vendor_id)
            .where(JobStage.job_id == job_id).order_by(JobStage.position, JobStage.id)))
    allocations = tuple(
        allocation_view(a, lot_no, desc) for a, lot_no, desc in session.execute(
            select(StoneAllocation, StoneLot.lot_no, StoneLot.description)
            .join(StoneLot, StoneLot.id == StoneAllocation.lot_id)
            .where(StoneAllocation.job_id == job_id).order_by(StoneAllocation.id)))
    materials = tuple(
        material_view(m) for m in session.scalars(
            select(JobMaterial).where(JobMaterial.job_id == job_id).order_by(JobMaterial.id)))
    needs = tuple(
        StoneNeedView(id=n.id, description=n.description, count=n.count,
                      allocated=sum(a.count for a in allocations if a.need_id == n.id),
                      estimate=n.estimate)
        for n in session.scalars(select(JobStoneNeed).where(JobStoneNeed.job_id == job_id)
                                 .order_by(JobStoneNeed.id)))
    return JobView(
        id=job.id, job_no=job.job_no, module=job.module, status=job.status,
        description=job.description, notes=job.notes, quantity=job.quantity,
        customer_id=job.customer_id, customer_name=customer_name, item_id=job.item_id,
        stock_id=stock_id, style_id=job.style_id, style_no=style_no, due_date=job.due_date,
        estimate=job.estimate, price=job.price, rush=job.rush, piece_type=job.piece_type,
        metal=job.metal, size=job.size, condition=job.condition,
        work_requested=job.work_requested, created_at=job.created_at,
        created_by=job.created_by, closed_at=job.closed_at,
        costs=cost_breakdowns(session, [job.id])[job.id], stages=stages,
        allocations=allocations, materials=materials, stone_needs=needs)
