"""SetStones: the lot goes down and the item's cost up, exactly; removal puts it all back."""

import random
from decimal import Decimal

import pytest

from jewelbench.errors import (
    InsufficientStock,
    InvalidState,
    JewelBenchError,
    NotFound,
    ValidationError,
)
from jewelbench.services import inventory
from jewelbench.services.stock import lot_ledger_total
from jewelbench.services.unit_of_work import UnitOfWork
from tests.services.snapshots import snapshot

D = Decimal


def _ledger(db, lot_id):
    with UnitOfWork(db, readonly=True) as uow:
        return lot_ledger_total(uow, lot_id)


def _on_hand(db, lot_id):
    lot = inventory.get_stone_lot(db, lot_id)
    return lot.count_on_hand, lot.carats_on_hand, lot.cost_on_hand


@pytest.fixture
def shop(db):
    melee = inventory.receive_stones(db, description="Round melee 1.5 mm", count=20,
                                     carats="0.300", cost="301.00")
    ring = inventory.add_item(db, description="14K white gold halo setting", cost="420.00")
    return db, melee, ring


def test_setting_stones_moves_their_cost_from_the_lot_to_the_item(shop):
    db, melee, ring = shop
    stones = inventory.set_stones(db, ring.id, melee.id, count=7)
    assert (stones.count, stones.carats, stones.cost, stones.lot_no) == (
        7, D("0.105"), D("105.35"), melee.lot_no)
    ring_now = inventory.get_item(db, ring.id)
    assert ring_now.cost_basis == D("525.35")
    assert ring_now.stones == (stones,)
    assert _on_hand(db, melee.id) == (13, D("0.195"), D("195.65"))
    assert _ledger(db, melee.id) == _on_hand(db, melee.id)
    history = inventory.item_cost_history(db, ring.id)
    assert [(e.kind, e.amount) for e in history] == [("initial", D("420.00")),
                                                     ("set_stones", D("105.35"))]
    move = inventory.lot_movements(db, melee.id)[-1]
    assert (move.kind, move.count, move.stock_id) == ("set", -7, ring.stock_id)


def test_removing_all_stones_re_credits_the_lot_exactly(shop):
    db, melee, ring = shop
    before = _on_hand(db, melee.id)
    stones = inventory.set_stones(db, ring.id, melee.id, count=3, carats="0.052")
    ring_after = inventory.remove_set_stones(db, stones.id)
    assert _on_hand(db, melee.id) == before
    assert ring_after.cost_basis == D("420.00")
    assert ring_after.stones == ()
    assert inventory.item_cost_history(db, ring.id)[-1].kind == "remove_stones"
    with pytest.raises(InvalidState):
        inventory.remove_set_stones(db, stones.id)


def test_partial_removal_and_the_rest_add_up_to_what_was_taken(shop):
    db, melee, ring = shop
    before = _on_hand(db, melee.id)
    stones = inventory.set_stones(db, ring.id, melee.id, count=20)  # the whole lot
    assert _on_hand(db, melee.id) == (0, D("0.000"), D("0.00"))
    assert stones.cost == D("301.00")
    ring_now = inventory.remove_set_stones(db, stones.id, count=3)
    [left] = ring_now.stones
    assert (left.count, left.carats) == (17, D("0.255"))
    inventory.remove_set_stones(db, stones.id, count=17)
    assert _on_hand(db, melee.id) == before
    assert inventory.get_item(db, ring.id).cost_basis == D("420.00")


def test_no_negative_stock_and_nothing_changes(shop):
    db, melee, ring = shop
    before = snapshot(db)
    with pytest.raises(InsufficientStock):
        inventory.set_stones(db, ring.id, melee.id, count=21)
    with pytest.raises(InsufficientStock):
        inventory.set_stones(db, ring.id, melee.id, count=2, carats="0.5")
    assert snapshot(db) == before


@pytest.mark.parametrize(("args", "error", "field"), [
    ({"count": 0}, ValidationError, "count"), ({"count": -2}, ValidationError, "count"),
    ({"count": "two"}, ValidationError, "count"),
    ({"carats": "-0.01"}, ValidationError, "carats"),
    ({"carats": "lots"}, ValidationError, "carats"),
    ({"item_id": 999}, NotFound, "item_id"), ({"lot_id": 999}, NotFound, "lot_id"),
    ({"item_id": "1"}, ValidationError, "item_id"),
])
def test_bad_input_is_refused_and_nothing_changes(shop, args, error, field):
    db, melee, ring = shop
    call = {"item_id": ring.id, "lot_id": melee.id, "count": 2, **args}
    before = snapshot(db)
    with pytest.raises(error) as err:
        inventory.set_stones(db, **call)
    assert err.value.field == field
    assert snapshot(db) == before


def test_bad_removals_are_refused_and_nothing_changes(shop):
    db, melee, ring = shop
    stones = inventory.set_stones(db, ring.id, melee.id, count=4)
    before = snapshot(db)
    for kwargs, field in (({"count": 5}, "count"), ({"count": 0}, "count"),
                          ({"count": 2, "carats": "0.5"}, "carats")):
        with pytest.raises(ValidationError) as err:
            inventory.remove_set_stones(db, stones.id, **kwargs)
        assert err.value.field == field
    with pytest.raises(NotFound) as err:
        inventory.remove_set_stones(db, 999)
    assert err.value.field == "item_stone_id"
    assert snapshot(db) == before


def test_stones_go_only_into_a_piece_in_stock(shop):
    db, melee, ring = shop
    inventory.update_item(db, ring.id, status="memo_out")
    before = snapshot(db)
    with pytest.raises(InvalidState):
        inventory.set_stones(db, ring.id, melee.id, count=1)
    assert snapshot(db) == before


def test_ledger_equals_on_hand_after_many_random_operations(db):
    """A seeded random mix of set, remove, write-off and recount on a few lots and items."""
    rng = random.Random(20240611)
    lots = [inventory.receive_stones(db, description=f"parcel {n}", count=rng.randint(5, 60),
                                     carats=D(rng.randint(50, 3000)) / 1000,
                                     cost=D(rng.randint(100, 90000)) / 100,
                                     pricing=rng.choice(["per_carat", "per_piece"]))
            for n in range(3)]
    items = [inventory.add_item(db, description=f"setting {n}", cost="100") for n in range(3)]
    set_ids: list[int] = []
    for _ in range(60):
        action = rng.choice(["set", "set", "remove", "write_off", "recount"])
        lot = rng.choice(lots)
        try:
            if action == "set":
                stones = inventory.set_stones(db, rng.choice(items).id, lot.id,
                                              count=rng.randint(1, 8))
                set_ids.append(stones.id)
            elif action == "remove" and set_ids:
                stone_id = rng.choice(set_ids)
                inventory.remove_set_stones(db, stone_id, count=rng.choice([None, 1, 2]))
            elif action == "write_off":
                inventory.write_off_stones(db, lot.id, count=rng.randint(1, 3), reason="lost")
            elif action == "recount":
                inventory.adjust_lot(db, lot.id, count=rng.randint(1, 40), reason="recount")
        except JewelBenchError:
            pass  # refusals (not enough stones, already removed) must change nothing
        for each in lots:
            assert _ledger(db, each.id) == _on_hand(db, each.id)
    for item in items:
        view = inventory.get_item(db, item.id)
        history = inventory.item_cost_history(db, item.id)
        assert view.cost_basis == sum(e.amount for e in history)
        assert view.cost_basis == D("100.00") + sum(s.cost for s in view.stones)


def _set_until_empty(url: str, item_id: int, lot_id: int, start, out) -> None:
    from jewelbench.db import open_database

    db = open_database(url, user="workstation")
    start.wait()
    got = 0
    while True:
        try:
            inventory.set_stones(db, item_id, lot_id, count=1)
        except InsufficientStock:
            break
        got += 1
    db.close()
    out.put(got)


@pytest.mark.slow
def test_two_workstations_never_set_the_same_stones(db, db_url):
    import multiprocessing as mp

    lot = inventory.receive_stones(db, description="melee", count=30, carats="0.300",
                                   cost="150")
    items = [inventory.add_item(db, description=f"setting {n}", cost="10") for n in (1, 2)]
    ctx = mp.get_context("spawn")
    start, out = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_set_until_empty, args=(db_url, item.id, lot.id, start, out))
             for item in items]
    for p in procs:
        p.start()
    taken = [out.get(timeout=180) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert sum(taken) == 30
    assert _on_hand(db, lot.id) == (0, D("0.000"), D("0.00"))
    assert _ledger(db, lot.id) == (0, D("0.000"), D("0.00"))
    costs = sum(inventory.get_item(db, item.id).cost_basis for item in items)
    assert costs == D("170.00")  # 2 × 10 + exactly the lot's 150
