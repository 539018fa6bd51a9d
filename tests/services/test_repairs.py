"""Repairs: intake, bench work with replacement stones, and both close-outs."""

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from jewelbench.errors import InvalidState, NotFound, ValidationError
from jewelbench.models.jobs import Job, JobPhoto
from jewelbench.models.sales import Invoice, Payment
from jewelbench.services import inventory, invoices, jobs, repairs
from jewelbench.services.unit_of_work import UnitOfWork
from tests.services.repair_fixtures import JPEG, PNG, in_house_item, item_status, shop, stone_lot


def _count(db, model) -> int:
    with UnitOfWork(db, readonly=True) as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def _repair(db, customer_id, **extra):
    fields = dict(description="Ladies' solitaire ring", piece_type="Ring",
                  metal="14K yellow", size="6.5", condition=["worn_prongs", "Scratches"],
                  condition_notes="small nick on the gallery", work_requested="Retip 4 prongs",
                  estimate="120", promised_date="2030-05-01")
    fields.update(extra)
    return repairs.open_repair(db, customer_id=customer_id, **fields)


def test_intake_keeps_what_the_piece_is_its_condition_and_photos(db):
    customer_id = shop(db)
    job = _repair(db, customer_id, rush=True, photos=[("front.png", PNG), ("side.jpg", JPEG)])
    assert (job.job_no, job.module, job.status) == ("R-00001", "repair", "open")
    assert (job.piece_type, job.metal, job.size, job.rush) == ("Ring", "14K yellow", "6.5", True)
    assert job.estimate == Decimal("120.00") and job.customer_name == "Ann Lee"
    assert str(job.due_date) == "2030-05-01"
    repair = repairs.get_repair(db, job.id)
    assert repair.condition.checks == ("worn_prongs", "scratches")
    assert repair.condition.describe() == "Worn prongs, Scratches — small nick on the gallery"
    assert [(p.filename, p.mime_type, p.size) for p in repair.photos] == [
        ("front.png", "image/png", len(PNG)), ("side.jpg", "image/jpeg", len(JPEG))]
    assert repairs.get_photo(db, repair.photos[0].id).data == PNG
    assert not repair.in_house and repair.invoice is None


@pytest.mark.parametrize("bad, field", [
    ({"customer_id": None}, "customer_id"),
    ({"item_id": 1}, "item_id"),
    ({"estimate": "-5"}, "estimate"),
    ({"estimate": "lots"}, "estimate"),
    ({"condition": ["sparkly"]}, "condition"),
    ({"description": "  "}, "description"),
    ({"promised_date": "next friday"}, "promised_date"),
    ({"rush": "yes"}, "rush"),
    ({"photos": [("notes.txt", b"hello")]}, "photos[0]"),
    ({"photos": [("empty.png", b"")]}, "photos[0]"),
])
def test_bad_intake_is_refused_naming_the_field_and_saves_nothing(db, bad, field):
    customer_id = shop(db)
    fields = {"customer_id": customer_id, **bad}
    with pytest.raises(ValidationError) as info:
        _repair(db, **fields)
    assert info.value.field == field
    assert _count(db, Job) == 0 and _count(db, JobPhoto) == 0


def test_unknown_customer_or_item_is_not_found(db):
    shop(db)
    with pytest.raises(NotFound):
        _repair(db, 999)
    with pytest.raises(NotFound):
        repairs.open_repair(db, item_id=999, description="x")
    assert _count(db, Job) == 0


def test_customer_pickup_invoices_the_repair_with_tax_and_counter_payments(db):
    customer_id = shop(db)
    job = _repair(db, customer_id)
    retip = jobs.add_stage(db, job.id, name="Retip", cost="35")
    with pytest.raises(InvalidState, match="Retip"):
        repairs.close_for_pickup(db, job.id, price="120")
    jobs.complete_stage(db, retip.id)
    charges = repairs.pickup_charges(db, job.id, price="120")
    assert (charges.tax, charges.total, charges.balance_due) == (
        Decimal("9.90"), Decimal("129.90"), Decimal("129.90"))
    invoice = repairs.close_for_pickup(db, job.id, price="120.00",
                                       payments=[("100", "cash"), (Decimal("29.90"), "card")])
    assert invoice.invoice_no == "INV-000001" and invoice.job_no == "R-00001"
    assert [(line.description, line.amount) for line in invoice.lines] == [
        ("Repair R-00001: Retip 4 prongs", Decimal("120.00"))]
    assert (invoice.subtotal, invoice.tax_rate, invoice.tax, invoice.total) == (
        Decimal("120.00"), Decimal("8.2500"), Decimal("9.90"), Decimal("129.90"))
    assert (invoice.deposits, invoice.paid, invoice.balance_due, invoice.is_paid) == (
        Decimal("0.00"), Decimal("129.90"), Decimal("0.00"), True)
    assert [(p.receipt_no, p.method, p.amount) for p in invoice.payments] == [
        ("RC-000001", "cash", Decimal("100.00")), ("RC-000002", "card", Decimal("29.90"))]
    view = jobs.get_job(db, job.id)
    assert (view.status, view.price) == ("closed", Decimal("120.00"))
    assert repairs.get_repair(db, job.id).invoice == invoice


def test_pickup_happens_once(db):
    customer_id = shop(db)
    job = _repair(db, customer_id)
    repairs.close_for_pickup(db, job.id, price="50", payments=[("20", "cash")])
    with pytest.raises(InvalidState):
        repairs.close_for_pickup(db, job.id, price="50", payments=[("20", "cash")])
    with pytest.raises(InvalidState):
        jobs.cancel_job(db, job.id)
    assert _count(db, Invoice) == 1 and _count(db, Payment) == 1


def test_price_defaults_to_the_estimate_and_a_free_repair_is_allowed(db):
    customer_id = shop(db, tax_rate="0")
    job = _repair(db, customer_id, estimate=None)
    with pytest.raises(ValidationError) as info:
        repairs.close_for_pickup(db, job.id)
    assert info.value.field == "price"
    other = _repair(db, customer_id, estimate="75")
    assert repairs.close_for_pickup(db, other.id).total == Decimal("75.00")
    warranty = repairs.close_for_pickup(db, job.id, price="0")
    assert (warranty.total, warranty.is_paid) == (Decimal("0.00"), True)


@pytest.mark.parametrize("payments, field", [
    ([("200", "cash")], "payments"),
    ([("0", "cash")], "payments[0].amount"),
    ([("-5", "cash")], "payments[0].amount"),
    ([("ten", "cash")], "payments[0].amount"),
    ([("10.005", "cash")], "payments[0].amount"),
    ([(0.1 + 0.2, "cash")], "payments[0].amount"),
    ([("10", "bitcoin")], "payments[0].method"),
    ([("10",)], "payments"),
    ("100", "payments"),
])
def test_bad_counter_payments_refuse_the_pickup_and_change_nothing(db, payments, field):
    customer_id = shop(db)
    job = _repair(db, customer_id)
    with pytest.raises(ValidationError) as info:
        repairs.close_for_pickup(db, job.id, price="120", payments=payments)
    assert info.value.field == field
    assert jobs.get_job(db, job.id).status == "open"
    assert _count(db, Invoice) == 0 and _count(db, Payment) == 0


def test_balance_paid_later_at_the_counter(db):
    customer_id = shop(db, tax_rate="10")
    job = _repair(db, customer_id)
    invoice = repairs.close_for_pickup(db, job.id, price="100")
    assert invoice.balance_due == Decimal("110.00")
    with pytest.raises(ValidationError) as info:
        invoices.take_payment(db, invoice.id, "110.01", "cash")
    assert info.value.field == "amount"
    invoice = invoices.take_payment(db, invoice.id, "60", "card")
    invoice = invoices.take_payment(db, invoice.id, "$50.00", "Cash")
    assert (invoice.paid, invoice.balance_due) == (Decimal("110.00"), Decimal("0.00"))
    with pytest.raises(InvalidState):
        invoices.take_payment(db, invoice.id, "1", "cash")
    assert invoices.find_invoice(db, invoice.invoice_no.lower()) == invoice
    assert invoices.invoice_for_job(db, job.id) == invoice


def test_an_issued_invoice_is_never_edited(db):
    customer_id = shop(db)
    invoice = repairs.close_for_pickup(db, _repair(db, customer_id).id, price="80")
    with pytest.raises(InvalidState), UnitOfWork(db) as uow:
        uow.session.get(Invoice, invoice.id).total = Decimal("1.00")
        uow.commit()
    assert invoices.get_invoice(db, invoice.id).total == invoice.total


def test_in_house_repair_rolls_its_cost_onto_the_item(db):
    shop(db)
    item_id = in_house_item(db, cost="400.00")
    lot_id = stone_lot(db, count=10, carats="0.500", cost="250.00")
    job = repairs.open_repair(db, item_id=item_id, description="Replace two side stones",
                              condition=["missing_stones"])
    assert (job.stock_id, job.customer_id) == (inventory.get_item(db, item_id).stock_id, None)
    assert item_status(db, item_id)[0] == "on_job"
    with pytest.raises(InvalidState):
        repairs.open_repair(db, item_id=item_id, description="second job on the same piece")
    jobs.allocate_stones(db, job.id, lot_id, count=2)          # 2 of 10 stones: 50.00
    jobs.add_material(db, job.id, description="solder", unit_cost="3.50")
    setting = jobs.add_stage(db, job.id, name="Setting", cost="40")
    with pytest.raises(InvalidState, match="Setting"):
        repairs.roll_onto_item(db, job.id)
    with pytest.raises(InvalidState):
        repairs.close_for_pickup(db, job.id, price="10")
    jobs.complete_stage(db, setting.id)
    item = repairs.roll_onto_item(db, job.id)
    assert (item.status, item.cost_basis) == ("in_stock", Decimal("493.50"))
    history = inventory.item_cost_history(db, item_id)
    assert [(e.kind, e.amount, e.job_no) for e in history][-1] == (
        "repair", Decimal("93.50"), "R-00001")
    assert history[-1].running_total == item.cost_basis
    assert jobs.get_job(db, job.id).status == "closed"
    with pytest.raises(InvalidState):
        repairs.roll_onto_item(db, job.id)
    assert item_status(db, item_id) == ("in_stock", Decimal("493.50"))
    assert _count(db, Invoice) == 0


def test_customer_piece_cannot_be_rolled_and_sold_piece_cannot_be_repaired_in_house(db):
    customer_id = shop(db)
    job = _repair(db, customer_id)
    with pytest.raises(InvalidState):
        repairs.roll_onto_item(db, job.id)
    item_id = in_house_item(db)
    inventory.update_item(db, item_id, status="memo_out")
    with pytest.raises(InvalidState, match="memo out"):
        repairs.open_repair(db, item_id=item_id, description="polish")
    assert item_status(db, item_id)[0] == "memo_out"


def test_cancelling_an_in_house_repair_puts_the_piece_and_its_stones_back(db):
    shop(db)
    item_id = in_house_item(db)
    lot_id = stone_lot(db)
    job = repairs.open_repair(db, item_id=item_id, description="Replace a side stone")
    jobs.allocate_stones(db, job.id, lot_id, count=1)
    jobs.cancel_job(db, job.id, reason="sold as is")
    assert item_status(db, item_id) == ("in_stock", Decimal("400.00"))
    assert inventory.get_stone_lot(db, lot_id).count_on_hand == 10


def test_not_a_repair(db):
    customer_id = shop(db)
    with UnitOfWork(db) as uow:
        other = jobs.new_job(uow, module="production", description="pendant").id
        uow.commit()
    for call in (lambda: repairs.get_repair(db, other),
                 lambda: repairs.close_for_pickup(db, other, price="1"),
                 lambda: repairs.roll_onto_item(db, other)):
        with pytest.raises(ValidationError) as info:
            call()
        assert info.value.field == "job_id"
    with pytest.raises(ValidationError):
        repairs.close_for_pickup(db, "1", price="1")
    with pytest.raises(NotFound):
        repairs.close_for_pickup(db, 4242, price="1")
    assert customer_id
