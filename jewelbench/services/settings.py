"""The store profile: name, manufacturer flag, tax rate, currency, default markup."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from jewelbench.db import Database
from jewelbench.errors import ValidationError
from jewelbench.models.settings import StoreProfile
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import clean_text, parse_rate

_PROFILE_ID = 1
_UNSET = object()


@dataclass(frozen=True)
class StoreView:
    name: str
    manufacturer: bool
    tax_rate: Decimal
    currency: str
    markup: Decimal
    address: str | None
    phone: str | None


def _view(row: StoreProfile) -> StoreView:
    return StoreView(name=row.name, manufacturer=row.manufacturer, tax_rate=row.tax_rate,
                     currency=row.currency, markup=row.markup, address=row.address,
                     phone=row.phone)


def load_profile(session: Session) -> StoreProfile:
    """The profile row, created with defaults the first time any workstation asks."""
    row = session.get(StoreProfile, _PROFILE_ID)
    if row is None:
        insert_fn = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        session.execute(insert_fn(StoreProfile).values(
            id=_PROFILE_ID, name="My Jewelry Store", manufacturer=False, tax_rate=Decimal(0),
            currency="USD", markup=Decimal(2)).on_conflict_do_nothing())
        row = session.get(StoreProfile, _PROFILE_ID)
    return row


def get_store(db: Database) -> StoreView:
    with UnitOfWork(db) as uow:
        view = _view(load_profile(uow.session))
        uow.commit()
        return view


def set_store(db: Database, *, name: object = _UNSET, manufacturer: object = _UNSET,
              tax_rate: object = _UNSET, currency: object = _UNSET, markup: object = _UNSET,
              address: object = _UNSET, phone: object = _UNSET) -> StoreView:
    """Change any of the profile's fields; those not given keep their value."""
    changes: dict[str, object] = {}
    if name is not _UNSET:
        changes["name"] = clean_text(name, "name", required=True, max_length=120)
    if manufacturer is not _UNSET:
        if not isinstance(manufacturer, bool):
            raise ValidationError("manufacturer", "must be true or false")
        changes["manufacturer"] = manufacturer
    if tax_rate is not _UNSET:
        changes["tax_rate"] = parse_rate(tax_rate, "tax_rate", maximum=Decimal(100))
    if currency is not _UNSET:
        code = clean_text(currency, "currency", required=True, max_length=3)
        if not (len(code) == 3 and code.isalpha()):
            raise ValidationError("currency", f"must be a 3-letter code such as USD (got {code!r})")
        changes["currency"] = code.upper()
    if markup is not _UNSET:
        changes["markup"] = parse_rate(markup, "markup", maximum=Decimal(100))
    if address is not _UNSET:
        changes["address"] = clean_text(address, "address", max_length=300)
    if phone is not _UNSET:
        changes["phone"] = clean_text(phone, "phone", max_length=40)
    with UnitOfWork(db) as uow:
        row = load_profile(uow.session)
        for key, value in changes.items():
            setattr(row, key, value)
        uow.session.flush()
        view = _view(row)
        uow.commit()
        return view
