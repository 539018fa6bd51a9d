"""Custom jobs: quote, deposits with receipts, pickup with deposits applied, refunds on cancel."""

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from jewelbench.errors import InvalidState, NotFound, ValidationError
from jewelbench.models.jobs import Job
from jewelbench.models.sales import Invoice, Payment
from jewelbench.services import custom_jobs, jobs, parties, payments
from jewelbench.services.unit_of_work import UnitOfWork
from tests.services.repair_fixtures import PNG, shop


def _count(db, model) -> int:
    with UnitOfWork(db, readonly=True) as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def _order(db, customer_id, price="1000.00", **extra):
    return custom_jobs.open_custom_job(
        db, customer_id=customer_id, description="Platinum halo engagement ring",
        price=price, target_date="2030-06-15", design_notes="Oval centre, 1.2 ct; size 5",
        **extra)


def test_intake_keeps_the_quote_design_notes_and_sketches(db):
    customer_id = shop(db)
    job = _order(db, customer_id, photos=[("sketch.png", PNG)])
    assert (job.job_no, job.module, job.status, job.price) == (
        "C-00001", "custom", "open", Decimal("1000.00"))
    view = custom_jobs.get_custom_job(db, job.id)
    assert view.design_notes == "Oval centre, 1.2 ct; size 5"
    assert (view.price_with_tax, view.deposits, view.remaining) == (
        Decimal("1082.50"), Decimal("0.00"), Decimal("1082.50"))
    assert [p.filename for p in view.photos] == ["sketch.png"]


@pytest.mark.parametrize("bad, field", [
    ({"price": None}, "price"),
    ({"price": "0"}, "price"),
    ({"price": "-10"}, "price"),
    ({"price": "a lot"}, "price"),
    ({"description": ""}, "description"),
    ({"target_date": "2030-13-01"}, "target_date"),
    ({"customer_id": None}, "customer_id"),
    ({"photos": [("x.gif", b"not a gif")]}, "photos[0]"),
])
def test_bad_intake_is_refused_and_saves_nothing(db, bad, field):
    customer_id = shop(db)
    fields = dict(customer_id=customer_id, description="Pendant", price="300")
    fields.update(bad)
    with pytest.raises(ValidationError) as info:
        custom_jobs.open_custom_job(db, **fields)
    assert info.value.field == field
    assert _count(db, Job) == 0


def test_deposits_then_pickup_applies_them_and_the_balance_is_paid(db):
    customer_id = shop(db)
    job = _order(db, customer_id)
    first = custom_jobs.take_deposit(db, job.id, amount=Decimal("300.00"), method="card")
    assert (first.receipt_no, first.amount, first.payment.kind) == (
        "RC-000001", Decimal("300.00"), "deposit")
    assert (first.deposits, first.remaining) == (Decimal("300.00"), Decimal("782.50"))
    second = custom_jobs.take_deposit(db, job.id, amount="200", method="cash")
    assert (second.receipt_no, second.deposits) == ("RC-000002", Decimal("500.00"))
    assert second.payment.customer_name == "Ann Lee" and second.payment.job_no == "C-00001"
    charges = custom_jobs.pickup_charges(db, job.id)
    assert (charges.total, charges.deposits, charges.balance_due) == (
        Decimal("1082.50"), Decimal("500.00"), Decimal("582.50"))

    invoice = custom_jobs.close_for_pickup(db, job.id, payments=[("500", "card")])
    assert (invoice.invoice_no, invoice.subtotal, invoice.tax, invoice.total) == (
        "INV-000001", Decimal("1000.00"), Decimal("82.50"), Decimal("1082.50"))
    assert (invoice.deposits, invoice.paid, invoice.balance_due) == (
        Decimal("500.00"), Decimal("500.00"), Decimal("82.50"))
    assert [p.kind for p in invoice.payments] == ["deposit", "deposit", "payment"]
    assert jobs.get_job(db, job.id).status == "closed"

    paid = custom_jobs.take_payment(db, invoice.id, amount="82.50", method="check")
    assert (paid.balance_due, paid.is_paid) == (Decimal("0.00"), True)
    view = custom_jobs.get_custom_job(db, job.id)
    assert view.invoice == paid and view.remaining == Decimal("0.00")
    assert [r.receipt_no for r in view.receipts] == [
        "RC-000001", "RC-000002", "RC-000003", "RC-000004"]


def test_pickup_happens_once_and_no_deposit_after_it(db):
    customer_id = shop(db)
    job = _order(db, customer_id)
    custom_jobs.take_deposit(db, job.id, amount="100")
    custom_jobs.close_for_pickup(db, job.id)
    with pytest.raises(InvalidState):
        custom_jobs.close_for_pickup(db, job.id, payments=[("10", "cash")])
    with pytest.raises(InvalidState):
        custom_jobs.take_deposit(db, job.id, amount="10")
    assert _count(db, Invoice) == 1 and _count(db, Payment) == 1


@pytest.mark.parametrize("amount", [
    "0", "0.00", "-50", "abc", "", None, "12.345", 0.1 + 0.2, float("nan"), float("inf"),
    "1e400", True, "1,2,3.4.5", "9999999999999", "1082.51"])
def test_bad_deposit_amounts_are_refused_and_change_nothing(db, amount):
    customer_id = shop(db)
    job = _order(db, customer_id)
    with pytest.raises(ValidationError) as info:
        custom_jobs.take_deposit(db, job.id, amount=amount)
    assert info.value.field == "amount"
    assert _count(db, Payment) == 0
    assert custom_jobs.get_custom_job(db, job.id).deposits == Decimal("0.00")


def test_deposits_may_reach_but_not_pass_the_price_with_tax(db):
    customer_id = shop(db)
    job = _order(db, customer_id)
    custom_jobs.take_deposit(db, job.id, amount="1000")
    with pytest.raises(ValidationError):
        custom_jobs.take_deposit(db, job.id, amount="82.51")
    last = custom_jobs.take_deposit(db, job.id, amount="82.50", method="check")
    assert last.remaining == Decimal("0.00")
    invoice = custom_jobs.close_for_pickup(db, job.id)
    assert (invoice.balance_due, invoice.is_paid) == (Decimal("0.00"), True)


@pytest.mark.parametrize("method", ["bitcoin", "", None, 3])
def test_bad_deposit_method_is_refused(db, method):
    customer_id = shop(db)
    job = _order(db, customer_id)
    with pytest.raises(ValidationError) as info:
        custom_jobs.take_deposit(db, job.id, amount="10", method=method)
    assert info.value.field == "method"
    assert _count(db, Payment) == 0


def test_deposit_on_unknown_or_other_jobs_is_refused(db):
    customer_id = shop(db)
    with pytest.raises(NotFound):
        custom_jobs.take_deposit(db, 777, amount="10")
    with UnitOfWork(db) as uow:
        repair_id = jobs.new_job(uow, module="repair", description="x",
                                 customer_id=customer_id).id
        uow.commit()
    with pytest.raises(ValidationError) as info:
        custom_jobs.take_deposit(db, repair_id, amount="10")
    assert info.value.field == "job_id"
    assert _count(db, Payment) == 0


def test_cancelling_refunds_the_deposits_the_way_they_came(db):
    customer_id = shop(db)
    job = _order(db, customer_id)
    custom_jobs.take_deposit(db, job.id, amount="300", method="card")
    custom_jobs.take_deposit(db, job.id, amount="150", method="cash")
    custom_jobs.take_deposit(db, job.id, amount="50", method="cash")
    jobs.cancel_job(db, job.id, reason="customer changed her mind")
    view = custom_jobs.get_custom_job(db, job.id)
    assert view.job.status == "cancelled" and view.deposits == Decimal("0.00")
    refunds = [(r.kind, r.method, r.amount, r.customer_id) for r in view.receipts
               if r.kind == "refund"]
    assert refunds == [("refund", "card", Decimal("-300.00"), customer_id),
                       ("refund", "cash", Decimal("-200.00"), customer_id)]
    assert all(r.receipt_no.startswith("RC-") for r in view.receipts)
    with pytest.raises(InvalidState):
        custom_jobs.take_deposit(db, job.id, amount="10")
    with pytest.raises(InvalidState):
        custom_jobs.close_for_pickup(db, job.id)
    with pytest.raises(InvalidState):
        jobs.cancel_job(db, job.id)
    assert len([r for r in custom_jobs.get_custom_job(db, job.id).receipts
                if r.kind == "refund"]) == 2


def test_cancelling_without_deposits_records_no_refund(db):
    customer_id = shop(db)
    job = _order(db, customer_id)
    jobs.cancel_job(db, job.id)
    assert _count(db, Payment) == 0


def test_refund_in_one_method_when_asked(db):
    customer_id = shop(db)
    job = _order(db, customer_id)
    custom_jobs.take_deposit(db, job.id, amount="30", method="card")
    custom_jobs.take_deposit(db, job.id, amount="20", method="cash")
    with UnitOfWork(db) as uow:
        rows = payments.refund_deposits(uow, uow.session.get(Job, job.id), method="check")
        assert [(r.method, r.amount) for r in rows] == [("check", Decimal("-50.00"))]
        uow.commit()


def test_requote_may_not_drop_below_the_deposits(db):
    customer_id = shop(db, tax_rate="0")
    job = _order(db, customer_id, price="500")
    custom_jobs.take_deposit(db, job.id, amount="400")
    with pytest.raises(ValidationError) as info:
        custom_jobs.update_quote(db, job.id, price="399.99")
    assert info.value.field == "price"
    assert jobs.get_job(db, job.id).price == Decimal("500.00")
    view = custom_jobs.update_quote(db, job.id, price="650", design_notes="Add milgrain")
    assert (view.job.price, view.design_notes, view.remaining) == (
        Decimal("650.00"), "Add milgrain", Decimal("250.00"))


def test_stages_must_be_done_before_pickup(db):
    customer_id = shop(db)
    job = _order(db, customer_id)
    cad = jobs.add_stage(db, job.id, name="CAD", cost="80")
    jobs.add_stage(db, job.id, name="Casting", cost="60")
    jobs.complete_stage(db, cad.id)
    with pytest.raises(InvalidState, match="Casting"):
        custom_jobs.close_for_pickup(db, job.id)
    assert _count(db, Invoice) == 0


def test_customer_history_shows_jobs_invoices_and_deposits(db):
    customer_id = shop(db)
    other = parties.add_customer(db, name="Bob Stone").id
    ring = _order(db, customer_id)
    pendant = _order(db, customer_id, price="200")
    _order(db, other)
    custom_jobs.take_deposit(db, ring.id, amount="100", method="card")
    custom_jobs.take_deposit(db, pendant.id, amount="50")
    invoice = custom_jobs.close_for_pickup(db, pendant.id, payments=[("100", "cash")])
    history = parties.customer_history(db, customer_id)
    assert history.customer.name == "Ann Lee"
    assert [j.job_no for j in history.jobs] == ["C-00002", "C-00001"]
    assert [(i.invoice_no, i.total, i.balance_due) for i in history.invoices] == [
        (invoice.invoice_no, Decimal("216.50"), Decimal("66.50"))]
    assert [(p.kind, p.amount) for p in history.payments] == [
        ("payment", Decimal("100.00")), ("deposit", Decimal("50.00")),
        ("deposit", Decimal("100.00"))]
    assert history.deposits_held == Decimal("100.00")
    assert history.balance_owed == Decimal("66.50")
    with pytest.raises(NotFound):
        parties.customer_history(db, 999)
