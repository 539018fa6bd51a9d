"""The two ledgers every module shares: stones in and out of lots, and items' cost entries.

These helpers run inside the caller's unit of work; they are the only code that changes a
lot's on-hand figures or an item's cost basis, so the ledger rules hold everywhere:
a lot's on-hand equals the sum of its movements, an item's cost basis the sum of its entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from jewelbench.errors import InsufficientStock, ValidationError
from jewelbench.models.inventory import Item, ItemCostEntry, StoneLot, StoneMovement
from jewelbench.services.numbering import take_codes
from jewelbench.services.settings import load_profile
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import CENT, MILLI, share_of


@dataclass(frozen=True)
class Taken:
    count: int
    carats: Decimal
    cost: Decimal


def lock_lot(uow: UnitOfWork, lot_id: int, field: str = "lot_id") -> StoneLot:
    """The lot, locked until commit so two workstations cannot both take its last stones."""
    return uow.get(StoneLot, lot_id, what="stone lot", field=field, lock=True)


def take_stones(uow: UnitOfWork, lot: StoneLot, *, count: int, carats: Decimal | None,
                kind: str, job_id: int | None = None, item_id: int | None = None,
                reason: str | None = None) -> Taken:
    """Take ``count`` stones (and their carats) out of a locked lot, at their exact cost.

    Without ``carats`` the weight is the lot's average; taking the last stones takes exactly
    the carats and cost left, so no stray fractions stay behind.
    """
    if count > lot.count_on_hand:
        raise InsufficientStock(
            f"Lot {lot.lot_no} has {lot.count_on_hand} stone(s) on hand; {count} asked for")
    last = count == lot.count_on_hand
    if carats is None:
        carats = lot.carats_on_hand if last else (
            lot.carats_on_hand * count / lot.count_on_hand).quantize(MILLI)
    elif carats > lot.carats_on_hand:
        raise InsufficientStock(
            f"Lot {lot.lot_no} has {lot.carats_on_hand} ct on hand; {carats} ct asked for")
    elif last and carats != lot.carats_on_hand:
        raise ValidationError(
            "carats", f"the last {count} stone(s) of lot {lot.lot_no} weigh "
            f"{lot.carats_on_hand} ct; take them all or fewer stones")
    if last:
        cost = lot.cost_on_hand
    elif lot.pricing == "per_piece" or lot.carats_on_hand == 0:
        cost = share_of(lot.cost_on_hand, count, lot.count_on_hand)
    else:
        cost = share_of(lot.cost_on_hand, carats, lot.carats_on_hand)
    cost = min(cost, lot.cost_on_hand)
    lot.count_on_hand -= count
    lot.carats_on_hand -= carats
    lot.cost_on_hand -= cost
    uow.session.add(StoneMovement(lot_id=lot.id, kind=kind, count=-count, carats=-carats,
                                  cost=-cost, job_id=job_id, item_id=item_id, reason=reason,
                                  by=uow.user))
    return Taken(count, carats, cost)


def return_stones(uow: UnitOfWork, lot: StoneLot, taken: Taken, *, kind: str,
                  job_id: int | None = None, item_id: int | None = None,
                  reason: str | None = None) -> None:
    """Put stones back exactly as they were taken (count, carats and cost)."""
    lot.count_on_hand += taken.count
    lot.carats_on_hand += taken.carats
    lot.cost_on_hand += taken.cost
    uow.session.add(StoneMovement(lot_id=lot.id, kind=kind, count=taken.count,
                                  carats=taken.carats, cost=taken.cost, job_id=job_id,
                                  item_id=item_id, reason=reason, by=uow.user))


def part_of(held: Taken, count: int, carats: Decimal | None, field: str = "count") -> Taken:
    """The share of something held (an allocation, set stones) that is being given back."""
    if count > held.count:
        raise ValidationError(field, f"only {held.count} stone(s) are held here; {count} asked")
    if count == held.count:
        if carats is not None and carats != held.carats:
            raise ValidationError("carats", f"all {count} stone(s) weigh {held.carats} ct")
        return held
    if carats is None:
        carats = (held.carats * count / held.count).quantize(MILLI)
    elif carats >= held.carats:
        raise ValidationError("carats", f"{carats} ct is not part of the {held.carats} ct held")
    cost = share_of(held.cost, count, held.count)
    return Taken(count, carats, cost)


def add_cost_entry(uow: UnitOfWork, item: Item, *, kind: str, amount: Decimal,
                   job_id: int | None = None, note: str | None = None) -> ItemCostEntry:
    entry = ItemCostEntry(item_id=item.id, kind=kind, amount=amount, job_id=job_id, note=note,
                          by=uow.user)
    item.cost_basis += amount
    uow.session.add(entry)
    return entry


def default_retail(uow: UnitOfWork, cost: Decimal) -> Decimal:
    return (cost * load_profile(uow.session).markup).quantize(CENT)


def reserve_ids(uow: UnitOfWork, model: type, how_many: int) -> list[int]:
    """Primary keys for ``how_many`` new rows of ``model``, drawn in one statement.

    With their keys known up front the ORM inserts many rows in one batch; otherwise SQLite
    inserts them one statement per row to read each new key back. PostgreSQL draws from the
    table's own sequence; SQLite continues after the highest key, which is safe because a
    writing SQLite transaction holds the database's write lock from its first statement.
    """
    if how_many == 0:
        return []
    session = uow.session
    if session.get_bind().dialect.name == "postgresql":
        sequence = func.pg_get_serial_sequence(model.__table__.name, "id")
        return list(session.scalars(
            select(func.nextval(sequence)).select_from(func.generate_series(1, how_many))))
    start = session.scalar(select(func.coalesce(func.max(model.id), 0)))
    return list(range(start + 1, start + how_many + 1))


def create_items(uow: UnitOfWork, *, description: str, costs: list[Decimal], source: str,
                 cost_kind: str, style_id: int | None = None, source_job_id: int | None = None,
                 category: str | None = None, metal: str | None = None,
                 retail: Decimal | None = None, note: str | None = None,
                 stock_ids: list[str] | None = None) -> list[Item]:
    """New StockIDs, one per cost, each with its opening cost entry.

    The number of SQL statements does not grow with the number of items: numbers and keys
    are drawn in one step each and rows are inserted in batches. Each item starts with its
    cost basis equal to its one cost entry, so no row is written twice. ``stock_ids`` keeps
    codes a shop brings from its old system instead of drawing new ones (the caller checks
    they are free).
    """
    codes = stock_ids if stock_ids is not None else take_codes(uow.session, "stock_id",
                                                                len(costs))
    markup = load_profile(uow.session).markup
    item_ids = reserve_ids(uow, Item, len(costs))
    entry_ids = reserve_ids(uow, ItemCostEntry, len(costs))
    items = [Item(id=item_id, stock_id=code, description=description, category=category,
                  metal=metal, style_id=style_id, cost_basis=cost,
                  retail=retail if retail is not None else (cost * markup).quantize(CENT),
                  status="in_stock", source=source, source_job_id=source_job_id,
                  created_by=uow.user)
             for item_id, code, cost in zip(item_ids, codes, costs, strict=True)]
    uow.session.add_all(items)
    # items first, so the cost entries' foreign keys find them
    uow.session.flush()
    uow.session.add_all([ItemCostEntry(id=entry_id, item_id=item.id, kind=cost_kind,
                                       amount=item.cost_basis, job_id=source_job_id, note=note,
                                       by=uow.user)
                         for entry_id, item in zip(entry_ids, items, strict=True)])
    return items


def lot_ledger_total(uow: UnitOfWork, lot_id: int) -> tuple[int, Decimal, Decimal]:
    """Sum of a lot's movements: must always equal its on-hand figures."""
    row = uow.session.execute(
        select(func.coalesce(func.sum(StoneMovement.count), 0),
               func.coalesce(func.sum(StoneMovement.carats), 0),
               func.coalesce(func.sum(StoneMovement.cost), 0))
        .where(StoneMovement.lot_id == lot_id)).one()
    return int(row[0]), Decimal(row[1]), Decimal(row[2])
