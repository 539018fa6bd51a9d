from decimal import Decimal

import pytest
from sqlalchemy import select

from jewelbench.errors import NotFound, ValidationError
from jewelbench.models.audit import AuditEntry
from jewelbench.services import parties, settings
from jewelbench.services.unit_of_work import UnitOfWork


def test_store_profile_round_trip(db):
    assert settings.get_store(db).manufacturer is False
    view = settings.set_store(db, name="Gold & Co", manufacturer=True, tax_rate="8.875%",
                              currency="eur", markup="2.2")
    assert view.tax_rate == Decimal("8.8750")
    assert view.currency == "EUR"
    assert settings.get_store(db) == view


@pytest.mark.parametrize("kwargs, field", [
    ({"name": ""}, "name"), ({"tax_rate": "-1"}, "tax_rate"), ({"tax_rate": "lots"}, "tax_rate"),
    ({"currency": "dollars"}, "currency"), ({"manufacturer": "yes"}, "manufacturer"),
])
def test_bad_store_settings_change_nothing(db, kwargs, field):
    before = settings.get_store(db)
    with pytest.raises(ValidationError) as info:
        settings.set_store(db, **kwargs)
    assert info.value.field == field
    assert settings.get_store(db) == before


def test_customers_found_by_name_or_phone(db):
    ann = parties.add_customer(db, name="Ann  Lee", phone="(555) 123-4567", email="ann@x.org")
    parties.add_customer(db, name="Bob Stone", phone="555 999 0000")
    assert ann.name == "Ann Lee"
    assert [c.name for c in parties.search_customers(db, "lee")] == ["Ann Lee"]
    assert [c.name for c in parties.search_customers(db, "123-45")] == ["Ann Lee"]
    assert [c.name for c in parties.search_customers(db, "")] == ["Ann Lee", "Bob Stone"]
    edited = parties.update_customer(db, ann.id, phone="555-000-1111")
    assert parties.get_customer(db, ann.id) == edited


def test_bad_customer_input_is_refused(db):
    with pytest.raises(ValidationError, match="name"):
        parties.add_customer(db, name="   ")
    with pytest.raises(ValidationError, match="email"):
        parties.add_customer(db, name="X", email="not-an-email")
    with pytest.raises(NotFound):
        parties.get_customer(db, 999)
    assert parties.search_customers(db) == []


def test_vendors_in_house_first(db):
    parties.add_vendor(db, name="Quality Casting")
    parties.add_vendor(db, name="Maria (bench)", in_house=True)
    assert [v.name for v in parties.list_vendors(db)] == ["Maria (bench)", "Quality Casting"]
    assert [v.name for v in parties.list_vendors(db, in_house=False)] == ["Quality Casting"]


def test_every_change_is_audited_with_who_and_what(db):
    customer = parties.add_customer(db, name="Ann Lee")
    parties.update_customer(db, customer.id, name="Ann Lee-Smith")
    with UnitOfWork(db, readonly=True) as uow:
        rows = uow.session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "customers")
            .order_by(AuditEntry.id)).all()
    assert [(r.action, r.user, r.record_id) for r in rows] == [
        ("insert", "tester", str(customer.id)), ("update", "tester", str(customer.id))]
    assert "Ann Lee-Smith" in rows[1].detail


def test_failed_transaction_leaves_no_audit_or_data(db):
    with pytest.raises(RuntimeError), UnitOfWork(db) as uow:
        parties_row = parties.Customer(name="Ghost")
        uow.session.add(parties_row)
        uow.session.flush()
        raise RuntimeError("power cut")
    assert parties.search_customers(db) == []
    with UnitOfWork(db, readonly=True) as uow:
        assert uow.session.scalars(select(AuditEntry)).all() == []
