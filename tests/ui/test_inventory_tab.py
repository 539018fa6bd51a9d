"""The Inventory tab: Items and Stones views, scanning a StockID, the item window, dialogs."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from jewelbench.services import demo, inventory, stock
from jewelbench.services.demo_inventory import fill_inventory
from jewelbench.services.unit_of_work import UnitOfWork
from jewelbench.ui.inventory_tab import InventoryTab
from jewelbench.ui.item_window import ItemWindow
from tests.ui.shots import shot


@pytest.fixture
def shop(ctx):
    demo._fill_store_and_parties(ctx.db)
    fill_inventory(ctx.db)
    return ctx


@pytest.fixture
def tab(qtbot, shop):
    widget = InventoryTab(shop)
    qtbot.addWidget(widget)
    widget.resize(1200, 720)
    widget.show()
    qtbot.waitUntil(lambda: widget.items.model.rowCount() > 0)
    return widget


def _window(qtbot, panel, item_id) -> ItemWindow:
    window = panel.windows[item_id]
    qtbot.waitUntil(lambda: window.item is not None)
    return window


def test_items_list_and_a_scanned_stock_id_opens_the_piece(qtbot, tab):
    items = tab.items
    assert items.model.rowCount() == 12  # in stock (one piece is out on memo)
    assert items.footer.text() == "12 pieces"
    shot(tab, "inventory_items")
    halo = inventory.search(tab.items.ctx.db, "sapphire halo")[0]
    qtbot.keyClicks(items.search, halo.stock_id)
    qtbot.keyClick(items.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: halo.id in items.windows)
    window = _window(qtbot, items, halo.id)
    assert window.stock_id.text() == halo.stock_id
    assert items.search.selectedText() == halo.stock_id  # ready for the next scan
    window.resize(960, 640)
    shot(window, "item_details")


def test_typing_words_filters_the_list_in_sql(qtbot, tab):
    items = tab.items
    qtbot.keyClicks(items.search, "14k yellow")
    qtbot.waitUntil(lambda: items.model.rowCount() == 2, timeout=3000)
    assert {v.metal for v in items.model.views()} == {"14K Yellow"}
    shot(tab, "inventory_items_filtered")
    items.search.setText("pearl strand")
    qtbot.waitUntil(lambda: items.model.rowCount() == 0 and items.model.complete)
    items.status.setCurrentIndex(items.status.count() - 1)  # every status: it is on memo
    qtbot.waitUntil(lambda: items.model.rowCount() == 1)
    assert items.model.view_at(0).status == "memo_out"


def test_set_stones_and_take_them_out_in_the_item_window(qtbot, tab):
    db = tab.items.ctx.db
    piece = inventory.add_item(db, description="14K white gold bezel pendant", cost="150")
    window = tab.items.open_item(piece.id)
    window = _window(qtbot, tab.items, piece.id)
    window.tabs.setCurrentIndex(1)
    page = window.stones_page
    qtbot.keyClicks(page.lot_search, "1.5 mm")
    qtbot.waitUntil(lambda: page.lot.count() == 1 and "1.5 mm" in page.lot.currentText())
    page.count.setValue(4)
    page.set_button.click()
    qtbot.waitUntil(lambda: window.item.cost_basis == Decimal("181.20"))
    assert [s.count for s in window.item.stones] == [4]
    assert window.tabs.tabText(1) == "SetStones (4)"
    window.resize(960, 640)
    shot(window, "item_setstones")
    page.table.selectRow(0)
    page.take_count.setValue(1)
    page.take_button.click()
    qtbot.waitUntil(lambda: window.item.cost_basis == Decimal("173.40"))
    page.table.selectRow(0)
    page.take_all_button.click()
    qtbot.waitUntil(lambda: window.item.cost_basis == Decimal("150.00"))
    assert window.item.stones == ()
    window.tabs.setCurrentIndex(2)
    assert window.history.rowCount() == 4
    shot(window, "item_cost_history")
    window.close()


def test_details_are_saved_through_the_service_and_refusals_name_the_field(qtbot, tab):
    db = tab.items.ctx.db
    piece = inventory.add_item(db, description="ring", cost="10")
    window = tab.items.open_item(piece.id)
    window = _window(qtbot, tab.items, piece.id)
    window.retail.setText("-5")
    window.save_button.click()
    qtbot.waitUntil(lambda: "Retail" in window.message.text())
    assert "negative" in window.message.text()
    window.retail.setText("129")
    window.description.setText("10K yellow gold child's ring")
    window.save_button.click()
    qtbot.waitUntil(lambda: inventory.get_item(db, piece.id).retail == Decimal("129.00"))
    qtbot.waitUntil(lambda: "Saved" in window.message.text())
    window.close()


def test_the_stones_view_receives_a_lot_and_shows_its_movements(qtbot, tab):
    stones = tab.stones
    tab.views.setCurrentIndex(1)
    qtbot.waitUntil(lambda: stones.model.rowCount() == 7)  # the sapphire is set in a ring
    stones.table.selectRow(2)  # the 1.5 mm melee: received, then 18 set into the halo ring
    qtbot.waitUntil(lambda: stones.movements.rowCount() == 2)
    shot(tab, "inventory_stones")
    stones.receive()
    dialog = stones.dialog
    dialog.description.setText("2.5 mm round tsavorite garnet")
    dialog.stone_type.setCurrentText("Garnet")
    dialog.count.setValue(30)
    dialog.carats.setText("2.40")
    dialog.per_piece.setChecked(True)
    dialog.price.setText("12.50")
    assert dialog.total.text() == "Lot total: 375.00"
    shot(dialog, "receive_stones")
    dialog.submit()
    qtbot.waitUntil(lambda: stones.model.rowCount() == 8)
    lot = inventory.find_stone_lot(stones.ctx.db, "L-00009")
    assert (lot.count_on_hand, lot.cost_on_hand, lot.pricing) == (30, Decimal("375.00"),
                                                                  "per_piece")


def test_the_receive_dialog_points_at_the_bad_field(qtbot, tab):
    stones = tab.stones
    stones.receive()
    dialog = stones.dialog
    dialog.description.setText("melee")
    dialog.carats.setText("0.5")
    dialog.price.setText("-3")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "must not be negative" in dialog.error.text()
    assert dialog.price.styleSheet()  # outlined
    shot(dialog, "receive_stones_refused")
    dialog.reject()


def test_writing_off_stones_from_the_selected_lot(qtbot, tab):
    stones = tab.stones
    qtbot.waitUntil(lambda: stones.model.rowCount() == 7)
    stones.table.selectRow(1)
    lot = stones.selected()
    stones.write_off()
    dialog = stones.dialog
    dialog.count.setValue(2)
    dialog.reason.setText("chipped while setting")
    shot(dialog, "write_off")
    dialog.submit()
    qtbot.waitUntil(lambda: inventory.get_stone_lot(stones.ctx.db, lot.id).count_on_hand
                    == lot.count_on_hand - 2)


def test_a_big_list_loads_page_by_page(qtbot, ctx):
    with UnitOfWork(ctx.db) as uow:
        stock.create_items(uow, description="Sterling silver bangle", source="import",
                           cost_kind="initial", costs=[Decimal("20")] * 450)
        uow.commit()
    tab = InventoryTab(ctx)
    qtbot.addWidget(tab)
    model = tab.items.model
    qtbot.waitUntil(lambda: model.rowCount() == 200)
    assert model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 400)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.complete)
    assert model.rowCount() == 450
    tab.items.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.rowCount() == 200 and model.view_at(0).stock_id == "000450")


def test_csv_import_preview_then_commit(qtbot, tab, tmp_path):
    path = tmp_path / "old-system.csv"
    path.write_text("StockID,Description,Cost\nX-1,Opal ring,120\nX-2,Jade bangle,oops\n",
                    encoding="utf-8")
    items = tab.items
    items.import_button.click()
    dialog = items.dialog
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    assert not dialog.import_button.isEnabled()
    assert "1 of 2 rows have problems" in dialog.summary.text()
    shot(dialog, "import_problems")
    path.write_text("StockID,Description,Cost\nX-1,Opal ring,120\nX-2,Jade bangle,80\n",
                    encoding="utf-8")
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    dialog.commit()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted)
    assert inventory.find_item(items.ctx.db, "X-2").cost_basis == Decimal("80.00")


def test_csv_export_writes_the_file(qtbot, tab, tmp_path):
    from jewelbench.ui import csv_dialogs

    target = tmp_path / "stones.csv"
    csv_dialogs.export(tab.stones.ctx, "stone_lots", tab.stones, path=target,
                       report=tab.stones.footer.setText)
    qtbot.waitUntil(lambda: "Exported 8 stone lots" in tab.stones.footer.text())
    assert target.read_text(encoding="utf-8-sig").startswith("lot_no,description")
