"""Bench work shared by Repairs, Custom Jobs and Production."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from jewelbench.models.base import Base, Carats, Money, Stamped, utcnow

MODULES = ("repair", "custom", "production")
JOB_STATUSES = ("open", "in_progress", "ready", "closed", "cancelled")
IN_FLIGHT = ("open", "in_progress", "ready")
STAGE_STATUSES = ("pending", "in_progress", "done")
MATERIAL_KINDS = ("metal", "finding", "outside", "other")


class Job(Stamped, Base):
    __tablename__ = "jobs"
    __table_args__ = (
        CheckConstraint("module IN ('repair','custom','production')", name="module"),
        CheckConstraint(
            "status IN ('open','in_progress','ready','closed','cancelled')", name="status"),
        CheckConstraint("quantity >= 1", name="quantity"),
        Index("ix_jobs_status_due", "status", "due_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    job_no: Mapped[str] = mapped_column(String(20), unique=True)
    module: Mapped[str] = mapped_column(String(10), index=True)
    status: Mapped[str] = mapped_column(String(12), default="open")
    description: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id"), index=True)
    style_id: Mapped[int | None] = mapped_column(ForeignKey("styles.id"), index=True)
    quantity: Mapped[int] = mapped_column(default=1)
    due_date: Mapped[dt.date | None]
    estimate: Mapped[Decimal | None] = mapped_column(Money())
    price: Mapped[Decimal | None] = mapped_column(Money())
    rush: Mapped[bool] = mapped_column(default=False)
    # repair intake: what the piece is and how it arrived
    piece_type: Mapped[str | None] = mapped_column(String(60))
    metal: Mapped[str | None] = mapped_column(String(60))
    size: Mapped[str | None] = mapped_column(String(20))
    condition: Mapped[str | None] = mapped_column(Text)
    work_requested: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[dt.datetime | None]
    closed_by: Mapped[str | None] = mapped_column(String(80))


class JobStatusChange(Base):
    """History row per status change of a job."""

    __tablename__ = "job_status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"), index=True)
    old_status: Mapped[str | None] = mapped_column(String(12))
    new_status: Mapped[str] = mapped_column(String(12))
    note: Mapped[str | None] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(80), default="system")


class JobStage(Base):
    __tablename__ = "job_stages"
    __table_args__ = (
        CheckConstraint("status IN ('pending','in_progress','done')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(60))
    vendor_id: Mapped[int | None] = mapped_column(ForeignKey("vendors.id"))
    cost: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
    due_date: Mapped[dt.date | None]
    status: Mapped[str] = mapped_column(String(12), default="pending")
    started_at: Mapped[dt.datetime | None]
    done_at: Mapped[dt.datetime | None]
    done_by: Mapped[str | None] = mapped_column(String(80))
    notes: Mapped[str | None] = mapped_column(Text)


class StoneAllocation(Base):
    """Stones taken from a lot for a job; count/carats/cost are what the job still holds."""

    __tablename__ = "stone_allocations"
    __table_args__ = (
        CheckConstraint("count >= 0", name="count"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"), index=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("stone_lots.id"), index=True)
    need_id: Mapped[int | None] = mapped_column(ForeignKey("job_stone_needs.id"))
    count: Mapped[int]
    carats: Mapped[Decimal] = mapped_column(Carats())
    cost: Mapped[Decimal] = mapped_column(Money())
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(80), default="system")


class JobStoneNeed(Base):
    """Stones a style-driven job still has to allocate (from the style's stone lines)."""

    __tablename__ = "job_stone_needs"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"), index=True)
    description: Mapped[str] = mapped_column(String(200))
    count: Mapped[int]
    estimate: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))


class JobMaterial(Base):
    """Metal, findings and outside charges issued to a job."""

    __tablename__ = "job_materials"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10), default="other")
    description: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[Decimal] = mapped_column(Carats(), default=Decimal("1"))
    unit_cost: Mapped[Decimal] = mapped_column(Money())
    cost: Mapped[Decimal] = mapped_column(Money())
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(80), default="system")


class JobPhoto(Base):
    """Photos and sketches, kept in the database so every workstation sees them."""

    __tablename__ = "job_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    mime_type: Mapped[str] = mapped_column(String(60))
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    caption: Mapped[str | None] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(80), default="system")
