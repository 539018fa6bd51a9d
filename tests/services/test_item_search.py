"""Item search and paged lists: the same answers on SQLite (FTS5) and PostgreSQL (pg_trgm)."""

from decimal import Decimal

import pytest

from jewelbench.errors import ValidationError
from jewelbench.services import inventory, styles

D = Decimal
DESCRIPTIONS = [
    "14K white gold sapphire halo ring",           # 000001
    "Sterling silver hoop earrings",               # 000002
    "18K yellow gold 0.50 ct diamond solitaire",   # 000003
    "Platinum diamond eternity band, size 6",      # 000004
    "14K rose gold sapphire pendant",              # 000005
    "Crème brûlée enamel ring",                    # 000006
]


@pytest.fixture
def shop(db):
    views = [inventory.add_item(db, description=d, cost="100") for d in DESCRIPTIONS]
    return db, views


def _codes(views):
    return [v.stock_id for v in views]


def test_a_scanned_stock_id_comes_first(shop):
    db, _ = shop
    assert _codes(inventory.search(db, "000003"))[0] == "000003"
    assert _codes(inventory.search(db, " 000003 ")) == ["000003"]


def test_a_stock_id_prefix_finds_the_codes_starting_with_it(shop):
    db, _ = shop
    assert _codes(inventory.search(db, "00000")) == [f"00000{n}" for n in range(1, 7)]
    assert _codes(inventory.search(db, "00000", limit=2)) == ["000001", "000002"]


def test_words_match_word_starts_and_all_must_match(shop):
    db, _ = shop
    assert _codes(inventory.search(db, "sapphire")) == ["000005", "000001"]  # newest first
    assert _codes(inventory.search(db, "SAPPH rin")) == ["000001"]
    assert _codes(inventory.search(db, "ring")) == ["000006", "000001"]  # not "earrings"
    assert _codes(inventory.search(db, "earr")) == ["000002"]
    assert _codes(inventory.search(db, "0.50 diamond")) == ["000003"]
    assert _codes(inventory.search(db, "band, size")) == ["000004"]
    assert _codes(inventory.search(db, "creme")) in (["000006"], [])  # accents: best effort
    assert _codes(inventory.search(db, "Crème")) == ["000006"]
    assert inventory.search(db, "emerald") == []


@pytest.mark.parametrize("text", ['"', "'", "%", "_", "*", "(ring", "AND", "NEAR(", "\\",
                                  "--", "ring OR", "a:b", "^", "[", "ring*"])
def test_odd_characters_never_break_the_search(shop, text):
    db, _ = shop
    inventory.search(db, text)
    inventory.list_items(db, text=text)


def test_the_index_follows_changed_descriptions(shop):
    db, views = shop
    inventory.update_item(db, views[1].id, description="Sterling silver charm bracelet")
    assert _codes(inventory.search(db, "hoop")) == []
    assert _codes(inventory.search(db, "charm")) == ["000002"]
    inventory.update_item(db, views[1].id, retail="99")  # no description change
    assert _codes(inventory.search(db, "charm")) == ["000002"]
    with db.engine.begin() as conn:
        conn.exec_driver_sql(f"DELETE FROM item_cost_entries WHERE item_id = {views[1].id}")
        conn.exec_driver_sql(f"DELETE FROM items WHERE id = {views[1].id}")
    assert inventory.search(db, "charm") == []


def test_nothing_typed_finds_nothing(shop):
    db, _ = shop
    assert inventory.search(db, "   ") == []
    with pytest.raises(ValidationError) as err:
        inventory.search(db, "ring", limit=0)
    assert err.value.field == "limit"


def test_lists_are_filtered_sorted_and_paged_in_sql(shop):
    db, views = shop
    inventory.update_item(db, views[0].id, retail="2500")
    inventory.update_item(db, views[3].id, status="memo_out")
    assert _codes(inventory.list_items(db)) == [f"00000{n}" for n in range(1, 7)]
    assert _codes(inventory.list_items(db, sort="retail", descending=True, limit=1)) == [
        "000001"]
    assert _codes(inventory.list_items(db, text="gold", sort="description")) == [
        "000005", "000001", "000003"]
    assert _codes(inventory.list_items(db, text="00000", offset=4)) == ["000005", "000006"]
    assert _codes(inventory.list_items(db, status="memo_out")) == ["000004"]
    pages = [inventory.list_items(db, offset=o, limit=2, sort="cost_basis") for o in (0, 2, 4)]
    assert sorted(_codes(sum(pages, []))) == _codes(views)  # equal costs: no row lost
    with pytest.raises(ValidationError) as err:
        inventory.list_items(db, sort="cost_basis; drop table items")
    assert err.value.field == "sort"
    with pytest.raises(ValidationError):
        inventory.list_items(db, status="lost")


def test_lists_refuse_what_is_not_text(shop):
    db, _ = shop
    for call in (lambda: inventory.search(db, 42), lambda: inventory.list_items(db, text=42),
                 lambda: inventory.list_stone_lots(db, text=["ring"]),
                 lambda: styles.list_styles(db, "all", 3.5)):
        with pytest.raises(ValidationError) as err:
            call()
        assert err.value.field == "text"
