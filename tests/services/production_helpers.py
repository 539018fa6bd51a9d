"""Shop set-up shared by the production tests: a manufacturer, a design with a full BOM, a lot."""

from __future__ import annotations

import itertools
from decimal import Decimal

from sqlalchemy import func, select

from jewelbench.models.inventory import Item, ItemCostEntry, StoneLot
from jewelbench.models.jobs import Job
from jewelbench.services import parties, settings, stock, styles
from jewelbench.services.unit_of_work import UnitOfWork

_lots = itertools.count(1)


def manufacturer(db) -> dict[str, int]:
    """A manufacturer shop with an outside caster and an in-house setter; their ids."""
    settings.set_store(db, name="Harbor Lane Jewelers", manufacturer=True)
    caster = parties.add_vendor(db, name="Quality Casting Co.")
    setter = parties.add_vendor(db, name="Tom Becker", in_house=True)
    return {"caster": caster.id, "setter": setter.id}


def design(db, *, vendors: dict[str, int] | None = None, vendor_id: int | None = None,
           style_no: str = "MD-100", with_template: bool = True) -> int:
    """One of My Designs (or, with ``vendor_id``, a vendor's style) with a BOM of every kind.

    Per piece: metal 200.00 + finding 4.25 + center 500.00 + melee 30.00 + casting 45.00
    + setting 60.00 = 839.25.
    """
    vendors = vendors or {}
    lines = [("material", "14K white casting grain (g)", "3.2", "62.50", None),
             ("material", "Ring shank finding", "1", "4.25", None),
             ("stone", "1.00 ct round center", "1", "500.00", None),
             ("stone", "1.3 mm round melee", "12", "2.50", None),
             ("labor", "Casting", "1", "45.00", vendors.get("caster")),
             ("labor", "Setting", "1", "60.00", vendors.get("setter"))]
    template = ["Casting", "Setting", {"name": "Polish", "vendor_id": vendors.get("setter"),
                                       "cost": "10.00"}]
    view = styles.create_style(
        db, style_no=style_no, name="Halo engagement ring", vendor_id=vendor_id,
        metal="14K white", category="Rings", retail=Decimal("2400.00"),
        bom=[{"kind": kind, "description": text, "quantity": q, "unit_cost": cost,
              "vendor_id": vendor} for kind, text, q, cost, vendor in lines],
        stages=template if with_template else None)
    assert view.bom_cost == Decimal("839.25")
    return view.id


def lot(db, count=20, carats="0.400", cost="100.00") -> int:
    with UnitOfWork(db) as uow:
        row = StoneLot(lot_no=f"L-P{next(_lots):04d}-{count}", description="1.3 mm round melee",
                       count_on_hand=0)
        uow.session.add(row)
        uow.session.flush()
        stock.return_stones(uow, row, stock.Taken(count, Decimal(carats), Decimal(cost)),
                            kind="receive")
        uow.commit()
        return row.id


def counts(db) -> tuple[int, int, int]:
    """Jobs, items and item cost entries in the database: proof that nothing was added."""
    with UnitOfWork(db, readonly=True) as uow:
        return tuple(uow.session.scalar(select(func.count()).select_from(model))
                     for model in (Job, Item, ItemCostEntry))


def items_of(db, job_id: int) -> list[Item]:
    with UnitOfWork(db, readonly=True) as uow:
        return list(uow.session.scalars(select(Item).where(Item.source_job_id == job_id)
                                        .order_by(Item.id)))


def cost_entry_total(db, item_id: int) -> Decimal:
    with UnitOfWork(db, readonly=True) as uow:
        return Decimal(uow.session.scalar(
            select(func.coalesce(func.sum(ItemCostEntry.amount), 0))
            .where(ItemCostEntry.item_id == item_id)))
