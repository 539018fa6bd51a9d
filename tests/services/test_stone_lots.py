"""Stone lots: receiving, looking up, correcting and writing off; the ledger always agrees."""

from decimal import Decimal

import pytest

from jewelbench.errors import InsufficientStock, NotFound, ValidationError
from jewelbench.services import inventory, parties
from jewelbench.services.stock import lot_ledger_total
from jewelbench.services.unit_of_work import UnitOfWork
from tests.services.snapshots import snapshot

D = Decimal


def _ledger_agrees(db, lot_id):
    lot = inventory.get_stone_lot(db, lot_id)
    with UnitOfWork(db, readonly=True) as uow:
        total = lot_ledger_total(uow, lot_id)
    assert total == (lot.count_on_hand, lot.carats_on_hand, lot.cost_on_hand)
    return lot


def _melee(db, **kw):
    args = dict(description="Round melee 1.3 mm G/H VS", count=100, carats=D("0.900"),
                cost=D("450.00"), shape="Round", size="1.3 mm", color="G/H", clarity="VS",
                stone_type="Diamond")
    return inventory.receive_stones(db, **{**args, **kw})


def test_receiving_a_parcel_makes_a_lot_with_one_receive_movement(db):
    vendor = parties.add_vendor(db, name="Rio Diamonds")
    lot = _melee(db, vendor_id=vendor.id)
    assert lot.lot_no == "L-00001"
    assert (lot.count_on_hand, lot.carats_on_hand, lot.cost_on_hand) == (100, D("0.900"),
                                                                         D("450.00"))
    assert (lot.shape, lot.size, lot.vendor_name, lot.pricing) == ("Round", "1.3 mm",
                                                                   "Rio Diamonds", "per_carat")
    assert lot.unit_price == D("500.00")
    [move] = inventory.lot_movements(db, lot.id)
    assert (move.kind, move.count, move.carats, move.cost, move.by) == (
        "receive", 100, D("0.900"), D("450.00"), "tester")
    assert inventory.get_stone_lot(db, lot.id) == lot
    _ledger_agrees(db, lot.id)


def test_a_certified_stone_is_a_lot_of_one_priced_per_carat(db):
    lot = inventory.receive_stones(
        db, description="1.02 ct round brilliant, G VS1", count=1, carats="1.02",
        unit_price="5200", certificate="GIA 2141438171", shape="Round", color="G",
        clarity="VS1", stone_type="Diamond")
    assert lot.cost_on_hand == D("5304.00")
    assert lot.certificate == "GIA 2141438171"
    with pytest.raises(ValidationError) as err:
        inventory.receive_stones(db, description="same stone again", count=1, carats="1.02",
                                 cost="5000", certificate="gia 2141438171")
    assert err.value.field == "certificate"
    with pytest.raises(ValidationError) as err:
        inventory.receive_stones(db, description="a pair", count=2, carats="1.00",
                                 cost="5000", certificate="GIA 1")
    assert err.value.field == "count"


def test_per_piece_lots_take_a_price_per_stone(db):
    lot = inventory.receive_stones(db, description="6 mm round amethyst", count=24,
                                   carats="19.2", unit_price="4.50", pricing="per_piece")
    assert lot.cost_on_hand == D("108.00")
    assert lot.unit_price == D("4.50")


@pytest.mark.parametrize(("change", "field"), [
    ({"count": 0}, "count"), ({"count": -3}, "count"), ({"count": "ten"}, "count"),
    ({"count": 1.5}, "count"), ({"carats": "-0.1"}, "carats"), ({"carats": "heavy"}, "carats"),
    ({"cost": "-1"}, "cost"), ({"cost": "abc"}, "cost"), ({"cost": None}, "cost"),
    ({"description": "  "}, "description"), ({"pricing": "per_gram"}, "pricing"),
    ({"unit_price": "5"}, "unit_price"), ({"vendor_id": -4}, "vendor_id"),
    ({"carats": "0", "cost": "10"}, "carats"),
])
def test_bad_input_is_refused_and_nothing_changes(db, change, field):
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        _melee(db, **change)
    assert err.value.field == field
    assert snapshot(db) == before


def test_unknown_vendor_or_lot_is_not_found_and_nothing_changes(db):
    before = snapshot(db)
    with pytest.raises(NotFound) as err:
        _melee(db, vendor_id=999)
    assert err.value.field == "vendor_id"
    for call in (lambda: inventory.get_stone_lot(db, 999),
                 lambda: inventory.write_off_stones(db, 999, count=1, reason="lost"),
                 lambda: inventory.adjust_lot(db, 999, count=3, reason="recount"),
                 lambda: inventory.lot_movements(db, 999)):
        with pytest.raises(NotFound) as err:
            call()
        assert err.value.field == "lot_id"
    assert snapshot(db) == before


def test_a_recount_adjusts_on_hand_with_a_reasoned_movement(db):
    lot = _melee(db)
    lot = inventory.adjust_lot(db, lot.id, count=98, reason="recount: parcel was short")
    assert (lot.count_on_hand, lot.carats_on_hand, lot.cost_on_hand) == (98, D("0.900"),
                                                                         D("450.00"))
    lot = inventory.adjust_lot(db, lot.id, carats="0.884", reason="reweighed")
    move = inventory.lot_movements(db, lot.id)[-1]
    assert (move.kind, move.count, move.carats, move.cost, move.reason) == (
        "adjust", 0, D("-0.016"), D("0.00"), "reweighed")
    lot = inventory.adjust_lot(db, lot.id, cost="430.10", reason="vendor credit note")
    assert lot.cost_on_hand == D("430.10")
    _ledger_agrees(db, lot.id)


@pytest.mark.parametrize(("change", "field"), [
    ({"count": 0}, "count"), ({"count": -1}, "count"), ({}, "count"),
    ({"count": 100}, "count"), ({"cost": "-5"}, "cost"), ({"reason": ""}, "reason"),
])
def test_bad_adjustments_are_refused_and_nothing_changes(db, change, field):
    lot = _melee(db)
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        inventory.adjust_lot(db, lot.id, **{"reason": "recount", **change})
    assert err.value.field == field
    assert snapshot(db) == before


def test_writing_off_the_last_stones_takes_exactly_the_cost_left(db):
    lot = inventory.receive_stones(db, description="Emerald cabochons", count=3, carats="2.5",
                                   cost="100.00", pricing="per_piece")
    costs = []
    for _ in range(3):
        before = inventory.get_stone_lot(db, lot.id).cost_on_hand
        after = inventory.write_off_stones(db, lot.id, count=1, reason="chipped").cost_on_hand
        costs.append(before - after)
    # each takes its share of what is left; the last takes exactly the rest
    assert costs == [D("33.33"), D("33.34"), D("33.33")]
    assert sum(costs) == D("100.00")
    lot = _ledger_agrees(db, lot.id)
    assert (lot.count_on_hand, lot.carats_on_hand, lot.cost_on_hand) == (0, D("0.000"),
                                                                         D("0.00"))


def test_no_negative_stock(db):
    lot = _melee(db, count=5, carats="0.05", cost="25")
    before = snapshot(db)
    with pytest.raises(InsufficientStock):
        inventory.write_off_stones(db, lot.id, count=6, reason="lost")
    with pytest.raises(InsufficientStock):
        inventory.write_off_stones(db, lot.id, count=2, carats="0.06", reason="lost")
    assert snapshot(db) == before


def test_lots_are_listed_searched_sorted_and_paged_in_sql(db):
    _melee(db)
    inventory.receive_stones(db, description="Oval blue sapphire 7x5", count=1, carats="1.1",
                             cost="800", certificate="AGL 1099", stone_type="Sapphire",
                             shape="Oval")
    empty = inventory.receive_stones(db, description="Round melee 1.0 mm", count=2,
                                     carats="0.01", cost="2")
    inventory.write_off_stones(db, empty.id, count=2, reason="lost at the bench")
    assert [lot.lot_no for lot in inventory.list_stone_lots(db)] == ["L-00001", "L-00002",
                                                                      "L-00003"]
    assert [lot.lot_no for lot in inventory.list_stone_lots(db, in_stock_only=True)] == [
        "L-00001", "L-00002"]
    assert [lot.lot_no for lot in inventory.list_stone_lots(db, text="agl")] == ["L-00002"]
    assert [lot.lot_no for lot in inventory.list_stone_lots(db, text="round melee")] == [
        "L-00001", "L-00003"]
    by_carats = inventory.list_stone_lots(db, sort="carats_on_hand", descending=True)
    assert [lot.lot_no for lot in by_carats] == ["L-00002", "L-00001", "L-00003"]
    assert [lot.lot_no for lot in inventory.list_stone_lots(db, offset=1, limit=1)] == [
        "L-00002"]
    assert [lot.lot_no for lot in inventory.search_stone_lots(db, "round")] == ["L-00001"]
    assert inventory.find_stone_lot(db, "l-00002").certificate == "AGL 1099"
    with pytest.raises(NotFound):
        inventory.find_stone_lot(db, "L-99999")
    with pytest.raises(ValidationError):
        inventory.list_stone_lots(db, sort="price; drop table")
