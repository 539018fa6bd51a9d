"""The Styles tab: chip row for manufacturers, one list otherwise, the style editor."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from jewelbench.services import demo, settings, styles
from jewelbench.services.demo_inventory import fill_inventory
from jewelbench.ui.styles_tab import StylesTab
from tests.ui.test_inventory_tab import shot

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
       b"\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe"
       b"\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture
def catalog(ctx):
    demo._fill_store_and_parties(ctx.db)  # a manufacturer
    fill_inventory(ctx.db)
    return ctx


def _tab(qtbot, ctx) -> StylesTab:
    tab = StylesTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1200, 600)
    tab.show()
    qtbot.waitUntil(lambda: tab.model.complete and not tab.model.busy)
    return tab


def _codes(tab):
    return [v.style_no for v in tab.model.views()]


def test_manufacturers_get_the_chip_row(qtbot, catalog):
    tab = _tab(qtbot, catalog)
    assert tab.chips.isVisible() and tab.scope == "my_designs"
    assert _codes(tab) == ["HL-E150", "HL-N170", "HL-R101"]
    shot(tab, "styles_my_designs")
    tab.chip_buttons["vendor"].click()
    qtbot.waitUntil(lambda: _codes(tab) == ["STU-123908", "STU-652270"])
    assert tab.footer.text() == "2 vendor styles"
    shot(tab, "styles_vendor")
    tab.chip_buttons["all"].click()
    qtbot.waitUntil(lambda: len(tab.model.views()) == 5)
    qtbot.keyClicks(tab.search, "stuller band")
    qtbot.waitUntil(lambda: _codes(tab) == ["STU-652270"])


def test_other_shops_see_one_list(qtbot, ctx):
    styles.create_style(ctx.db, style_no="A1", name="Signet ring")
    tab = _tab(qtbot, ctx)
    assert not tab.chips.isVisible() and tab.scope == "all"
    assert _codes(tab) == ["A1"]
    settings.set_store(ctx.db, manufacturer=True)
    ctx.changed.emit("settings")
    assert tab.chips.isVisible() and tab.scope == "my_designs"


def test_the_bom_shows_the_cost_per_piece_as_you_type(qtbot, catalog):
    tab = _tab(qtbot, catalog)
    editor = tab.new_style()
    editor.style_no.setText("HL-P300")
    editor.name.setText("Sapphire halo pendant")
    editor.category.setCurrentText("Pendant")
    bom = editor.bom
    row = bom.add_line()
    bom.table.item(row, 1).setText("14K white casting grain (g)")
    bom.table.item(row, 2).setText("2.4")
    bom.table.item(row, 3).setText("62.50")
    assert "150.00" in bom.total.text()
    row = bom.add_line(kind="stone")
    bom.table.item(row, 1).setText("1.3 mm round melee")
    bom.table.item(row, 2).setText("14")
    assert "not complete" in bom.total.text()
    bom.table.item(row, 3).setText("4.5")
    assert bom.table.item(row, 5).text() == "63.00"
    row = bom.add_line(kind="labor")
    bom.table.item(row, 1).setText("Setting")
    bom.table.item(row, 3).setText("55")
    bom.table.cellWidget(row, 4).setCurrentIndex(
        bom.table.cellWidget(row, 4).findText("Tom Becker (setter)"))
    assert "Cost per piece: <b>268.00</b>" in bom.total.text()
    assert "Stone 63.00" in bom.breakdown.text()
    editor.stages.add_stage()
    editor.stages.table.item(0, 0).setText("Casting")
    editor.set_image(PNG)
    shot(editor, "style_editor")
    editor.save()
    qtbot.waitUntil(lambda: editor.saved is not None)
    saved = editor.saved
    assert (saved.bom_cost, saved.has_image, saved.is_own_design) == (Decimal("268.00"), True,
                                                                      True)
    assert saved.bom[2].vendor_name == "Tom Becker (setter)"
    assert [s.name for s in saved.stages] == ["Casting"]
    qtbot.waitUntil(lambda: "HL-P300" in _codes(tab))


def test_refusals_point_at_the_field_or_the_bom_line(qtbot, catalog):
    tab = _tab(qtbot, catalog)
    editor = tab.new_style()
    editor.style_no.setText("hl-r101")
    editor.name.setText("Copy")
    editor.save()
    qtbot.waitUntil(lambda: editor.error.text() != "")
    assert editor.error.text().startswith("Style #: style number hl-r101 is already")
    assert editor.style_no.styleSheet()
    editor.style_no.setText("HL-R999")
    row = editor.bom.add_line()
    editor.bom.table.item(row, 1).setText("grain")
    editor.bom.table.item(row, 2).setText("-1")
    editor.bom.table.item(row, 3).setText("10")
    editor.save()
    qtbot.waitUntil(lambda: editor.error.text().startswith("BOM line 1 quantity"))
    shot(editor, "style_editor_refused")
    assert editor.saved is None
    editor.reject()


def test_editing_an_existing_style(qtbot, catalog):
    tab = _tab(qtbot, catalog)
    row = _codes(tab).index("HL-R101")
    tab.table.doubleClicked.emit(tab.model.index(row, 0))
    editor = tab.dialog
    qtbot.waitUntil(lambda: editor.bom.table.rowCount() == 6)
    assert editor.style_no.text() == "HL-R101"
    assert "Cost per piece: <b>348.40</b>" in editor.bom.total.text()
    editor.bom.table.selectRow(5)
    editor.bom.remove_line()
    editor.retail.setText("1350")
    editor.save()
    qtbot.waitUntil(lambda: editor.saved is not None)
    assert editor.saved.bom_cost == Decimal("328.40")
    assert editor.saved.retail == Decimal("1350.00")
    assert len(editor.saved.stages) == 4


def test_double_click_opens_by_keyboard_too(qtbot, catalog):
    tab = _tab(qtbot, catalog)
    tab.table.setFocus()
    tab.table.selectRow(0)
    assert tab.table.selectionModel().selectedRows()[0].row() == 0
    qtbot.keyClick(tab.search, Qt.Key.Key_A)  # typing filters; nothing opens
    assert tab.dialog is None
