"""Customers and vendors (outside casters and setters, and the shop's own jewelers)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select

from jewelbench.db import Database
from jewelbench.errors import ValidationError
from jewelbench.models.parties import Customer, Vendor
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.services.values import clean_text, parse_count, parse_id

_UNSET = object()


@dataclass(frozen=True)
class CustomerView:
    id: int
    name: str
    phone: str | None
    email: str | None
    address: str | None
    notes: str | None
    created_at: dt.datetime


@dataclass(frozen=True)
class VendorView:
    id: int
    name: str
    in_house: bool
    phone: str | None
    email: str | None
    notes: str | None
    active: bool


def customer_view(row: Customer) -> CustomerView:
    return CustomerView(id=row.id, name=row.name, phone=row.phone, email=row.email,
                        address=row.address, notes=row.notes, created_at=row.created_at)


def vendor_view(row: Vendor) -> VendorView:
    return VendorView(id=row.id, name=row.name, in_house=row.in_house, phone=row.phone,
                      email=row.email, notes=row.notes, active=row.active)


def _email(value: object) -> str | None:
    email = clean_text(value, "email", max_length=120)
    if email is not None and ("@" not in email or " " in email):
        raise ValidationError("email", f"{email!r} is not an e-mail address")
    return email


def _phone(value: object) -> str | None:
    phone = clean_text(value, "phone", max_length=40)
    if phone is not None and not any(ch.isdigit() for ch in phone):
        raise ValidationError("phone", f"{phone!r} has no digits")
    return phone


def customer_fields(*, name: object, phone: object = None, email: object = None,
                    address: object = None, notes: object = None) -> dict:
    """Checked values for a new customer (``add_customer`` and the CSV import use them)."""
    return {"name": clean_text(name, "name", required=True, max_length=120),
            "phone": _phone(phone), "email": _email(email),
            "address": clean_text(address, "address", max_length=300),
            "notes": clean_text(notes, "notes", max_length=4000)}


def add_customer(db: Database, *, name: str, phone: str | None = None,
                 email: str | None = None, address: str | None = None,
                 notes: str | None = None) -> CustomerView:
    row = Customer(**customer_fields(name=name, phone=phone, email=email, address=address,
                                     notes=notes))
    with UnitOfWork(db) as uow:
        row.created_by = uow.user
        uow.session.add(row)
        uow.session.flush()
        view = customer_view(row)
        uow.commit()
        return view


def update_customer(db: Database, customer_id: int, *, name: object = _UNSET,
                    phone: object = _UNSET, email: object = _UNSET, address: object = _UNSET,
                    notes: object = _UNSET) -> CustomerView:
    parse_id(customer_id, "customer_id")
    changes: dict[str, object] = {}
    if name is not _UNSET:
        changes["name"] = clean_text(name, "name", required=True, max_length=120)
    if phone is not _UNSET:
        changes["phone"] = _phone(phone)
    if email is not _UNSET:
        changes["email"] = _email(email)
    if address is not _UNSET:
        changes["address"] = clean_text(address, "address", max_length=300)
    if notes is not _UNSET:
        changes["notes"] = clean_text(notes, "notes", max_length=4000)
    with UnitOfWork(db) as uow:
        row = uow.get(Customer, customer_id, what="customer", lock=True)
        for key, value in changes.items():
            setattr(row, key, value)
        uow.session.flush()
        view = customer_view(row)
        uow.commit()
        return view


def get_customer(db: Database, customer_id: int) -> CustomerView:
    parse_id(customer_id, "customer_id")
    with UnitOfWork(db, readonly=True) as uow:
        return customer_view(uow.get(Customer, customer_id, what="customer"))


def search_customers(db: Database, text: str = "", limit: int = 50) -> list[CustomerView]:
    """Customers whose name, phone or e-mail contains the text (digits of a phone match too)."""
    limit = parse_count(limit, "limit", maximum=10_000)
    text = clean_text(text, "text") or ""
    stmt = select(Customer)
    if text:
        like = f"%{text.lower()}%"
        conditions = [func.lower(Customer.name).like(like), func.lower(Customer.email).like(like)]
        digits = "".join(ch for ch in text if ch.isdigit())
        if digits:
            squashed = Customer.phone
            for ch in (" ", "-", "(", ")", ".", "+"):
                squashed = func.replace(squashed, ch, "")
            conditions.append(squashed.like(f"%{digits}%"))
        stmt = stmt.where(or_(*conditions))
    stmt = stmt.order_by(func.lower(Customer.name), Customer.id).limit(limit)
    with UnitOfWork(db, readonly=True) as uow:
        return [customer_view(r) for r in uow.session.scalars(stmt)]


def add_vendor(db: Database, *, name: str, in_house: bool = False, phone: str | None = None,
               email: str | None = None, notes: str | None = None) -> VendorView:
    if not isinstance(in_house, bool):
        raise ValidationError("in_house", "must be true or false")
    row = Vendor(name=clean_text(name, "name", required=True, max_length=120), in_house=in_house,
                 phone=_phone(phone), email=_email(email),
                 notes=clean_text(notes, "notes", max_length=4000))
    with UnitOfWork(db) as uow:
        row.created_by = uow.user
        uow.session.add(row)
        uow.session.flush()
        view = vendor_view(row)
        uow.commit()
        return view


def update_vendor(db: Database, vendor_id: int, *, name: object = _UNSET,
                  in_house: object = _UNSET, phone: object = _UNSET, email: object = _UNSET,
                  notes: object = _UNSET, active: object = _UNSET) -> VendorView:
    parse_id(vendor_id, "vendor_id")
    changes: dict[str, object] = {}
    if name is not _UNSET:
        changes["name"] = clean_text(name, "name", required=True, max_length=120)
    for flag_name, flag in (("in_house", in_house), ("active", active)):
        if flag is not _UNSET:
            if not isinstance(flag, bool):
                raise ValidationError(flag_name, "must be true or false")
            changes[flag_name] = flag
    if phone is not _UNSET:
        changes["phone"] = _phone(phone)
    if email is not _UNSET:
        changes["email"] = _email(email)
    if notes is not _UNSET:
        changes["notes"] = clean_text(notes, "notes", max_length=4000)
    with UnitOfWork(db) as uow:
        row = uow.get(Vendor, vendor_id, what="vendor", lock=True)
        for key, value in changes.items():
            setattr(row, key, value)
        uow.session.flush()
        view = vendor_view(row)
        uow.commit()
        return view


def get_vendor(db: Database, vendor_id: int) -> VendorView:
    parse_id(vendor_id, "vendor_id")
    with UnitOfWork(db, readonly=True) as uow:
        return vendor_view(uow.get(Vendor, vendor_id, what="vendor"))


def list_vendors(db: Database, *, in_house: bool | None = None, text: str = "",
                 include_inactive: bool = False) -> list[VendorView]:
    if in_house is not None and not isinstance(in_house, bool):
        raise ValidationError("in_house", "must be true, false or not given")
    text = clean_text(text, "text")
    stmt = select(Vendor)
    if in_house is not None:
        stmt = stmt.where(Vendor.in_house == in_house)
    if not include_inactive:
        stmt = stmt.where(Vendor.active.is_(True))
    if text:
        stmt = stmt.where(func.lower(Vendor.name).like(f"%{text.lower()}%"))
    stmt = stmt.order_by(Vendor.in_house.desc(), func.lower(Vendor.name), Vendor.id)
    with UnitOfWork(db, readonly=True) as uow:
        return [vendor_view(r) for r in uow.session.scalars(stmt)]


def customer_history(db: Database, customer_id: int):
    """Jobs, invoices, deposits and payments of one customer → ``CustomerHistory``."""
    # imported here: the history reads jobs and invoices, which themselves use parties
    from jewelbench.services.customer_history import customer_history as history

    return history(db, customer_id)
