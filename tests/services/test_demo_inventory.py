"""The demo's inventory part: realistic lots, pieces, designs, and stones set in a piece."""

from decimal import Decimal

from jewelbench.services import demo, inventory, styles
from jewelbench.services.demo_inventory import fill_inventory
from jewelbench.services.stock import lot_ledger_total
from jewelbench.services.unit_of_work import UnitOfWork


def test_the_demo_inventory_is_consistent(db):
    demo._fill_store_and_parties(db)
    assert demo._fill_inventory in demo.FILLERS
    made = fill_inventory(db)
    assert made == ["8 stone lots", "13 items", "5 styles"]
    gia = inventory.find_stone_lot(db, "L-00001")
    assert (gia.certificate, gia.carats_on_hand, gia.cost_on_hand) == (
        "GIA 5212739804", Decimal("1.020"), Decimal("6120.00"))
    with UnitOfWork(db, readonly=True) as uow:
        for lot in inventory.list_stone_lots(db):
            assert lot_ledger_total(uow, lot.id) == (
                lot.count_on_hand, lot.carats_on_hand, lot.cost_on_hand)
    [halo] = inventory.search(db, "sapphire halo")
    assert [s.count for s in halo.stones] == [1, 18]
    assert halo.cost_basis == Decimal("420.00") + sum(s.cost for s in halo.stones)
    mine = styles.list_styles(db, "my_designs")
    assert [s.style_no for s in mine] == ["HL-E150", "HL-N170", "HL-R101"]
    assert all(any(line.kind == "labor" and line.vendor_name for line in s.bom) for s in mine)
    assert [s.vendor_name for s in styles.list_styles(db, "vendor")] == ["Stuller", "Stuller"]
