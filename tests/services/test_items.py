"""Items (StockIDs): adding, finding, editing; the cost basis is the sum of its entries."""

import multiprocessing as mp
from decimal import Decimal

import pytest

from jewelbench.db import open_database
from jewelbench.errors import InvalidState, NotFound, ValidationError
from jewelbench.services import inventory, settings, styles
from tests.services.snapshots import snapshot

D = Decimal


def test_a_new_item_gets_a_stock_id_and_an_opening_cost_entry(db):
    settings.set_store(db, markup="2.2")
    item = inventory.add_item(db, description="14K yellow gold rope chain 20in", cost="312.40",
                              category="Chain", metal="14K Yellow")
    assert (item.stock_id, item.cost_basis, item.status, item.source) == (
        "000001", D("312.40"), "in_stock", "manual")
    assert item.retail == D("687.28")  # cost × store markup, to the cent
    assert (item.style_id, item.source_job_id, item.created_by) == (None, None, "tester")
    [entry] = inventory.item_cost_history(db, item.id)
    assert (entry.kind, entry.amount, entry.running_total, entry.by) == (
        "initial", D("312.40"), D("312.40"), "tester")
    assert inventory.add_item(db, description="second", cost=1).stock_id == "000002"
    assert inventory.get_item(db, item.id) == item
    assert inventory.find_item(db, "000001") == item


def test_retail_given_or_from_the_style(db):
    style = styles.create_style(db, style_no="JB-R100", name="Halo ring", retail="1450")
    own = inventory.add_item(db, description="halo ring", cost="500", retail="1299.99")
    from_style = inventory.add_item(db, description="halo ring", cost="500",
                                    style_id=style.id, source="purchase")
    assert own.retail == D("1299.99")
    assert (from_style.retail, from_style.style_no) == (D("1450.00"), "JB-R100")
    assert inventory.item_cost_history(db, from_style.id)[0].kind == "purchase"


@pytest.mark.parametrize(("change", "field"), [
    ({"cost": "-1"}, "cost"), ({"cost": "twelve"}, "cost"), ({"cost": None}, "cost"),
    ({"retail": "-5"}, "retail"), ({"description": ""}, "description"),
    ({"style_id": 0}, "style_id"), ({"source": "production"}, "source"),
    ({"category": "x" * 61}, "category"),
])
def test_bad_input_is_refused_and_nothing_changes(db, change, field):
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        inventory.add_item(db, **{"description": "ring", "cost": "10", **change})
    assert err.value.field == field
    assert snapshot(db) == before


def test_unknown_ids_are_not_found_and_nothing_changes(db):
    before = snapshot(db)
    with pytest.raises(NotFound) as err:
        inventory.add_item(db, description="ring", cost="10", style_id=77)
    assert err.value.field == "style_id"
    with pytest.raises(NotFound) as err:
        inventory.get_item(db, 5)
    assert err.value.field == "item_id"
    with pytest.raises(NotFound) as err:
        inventory.find_item(db, "123456")
    assert err.value.field == "stock_id"
    with pytest.raises(NotFound):
        inventory.update_item(db, 5, description="x")
    assert snapshot(db) == before


def test_editing_an_item_leaves_its_cost_basis_to_the_entries(db):
    item = inventory.add_item(db, description="pearl studs", cost="80")
    item = inventory.update_item(db, item.id, description="Akoya pearl studs 7 mm",
                                 retail="249", category="Earrings", notes="AAA luster",
                                 status="memo_out")
    assert (item.description, item.retail, item.category, item.status, item.cost_basis) == (
        "Akoya pearl studs 7 mm", D("249.00"), "Earrings", "memo_out", D("80.00"))
    with pytest.raises(ValidationError) as err:
        inventory.update_item(db, item.id, status="sold")
    assert err.value.field == "status"
    item = inventory.adjust_item_cost(db, item.id, amount="-5.50", note="vendor rebate")
    assert item.cost_basis == D("74.50")
    history = inventory.item_cost_history(db, item.id)
    assert [(e.kind, e.amount, e.running_total) for e in history] == [
        ("initial", D("80.00"), D("80.00")), ("adjust", D("-5.50"), D("74.50"))]
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        inventory.adjust_item_cost(db, item.id, amount="-100", note="too much")
    assert err.value.field == "amount"
    assert snapshot(db) == before


def test_a_sold_item_keeps_its_status_from_the_sale(db):
    item = inventory.add_item(db, description="ring", cost="10")
    with db.engine.begin() as conn:
        conn.exec_driver_sql(f"UPDATE items SET status = 'sold' WHERE id = {item.id}")
    with pytest.raises(InvalidState):
        inventory.update_item(db, item.id, status="in_stock")


def _add_items(url: str, start, out) -> None:
    db = open_database(url, user="workstation")
    start.wait()
    codes = [inventory.add_item(db, description="race ring", cost="10").stock_id
             for _ in range(25)]
    db.close()
    out.put(codes)


@pytest.mark.slow
def test_two_processes_adding_items_never_share_a_stock_id(db_url):
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(2)
    out = ctx.Queue()
    procs = [ctx.Process(target=_add_items, args=(db_url, start, out)) for _ in range(2)]
    for p in procs:
        p.start()
    results = [out.get(timeout=180) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    codes = results[0] + results[1]
    assert len(set(codes)) == 50
    assert sorted(codes) == [f"{n:06d}" for n in range(1, 51)]
