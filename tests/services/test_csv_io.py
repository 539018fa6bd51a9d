"""CSV import (preview, per-row report, all-or-nothing commit) and export of the same columns."""

from decimal import Decimal

import pytest

from jewelbench.db import open_database
from jewelbench.errors import ValidationError
from jewelbench.services import csv_io, inventory, parties, styles
from tests.services.snapshots import snapshot

D = Decimal

ITEMS = """StockID,Description,Category,Metal,Style,Cost,Retail,Status,Notes
A-1001,14K yellow gold hoops 20mm,Earrings,14K Yellow,,"$145.00",,,
,Sterling cuff bracelet,Bracelet,Sterling,,38.5,120,in stock,from old system
002417,Platinum wedding band 4mm,Band,Platinum,,610,1490,sold,
"""
LOTS = ("lot_no;description;stone_type;shape;size;color;clarity;certificate;pricing;count;"
        "carats;cost;vendor\n") + """\
;Round melee 1.3mm;Diamond;Round;1.3 mm;G/H;VS;;per carat;120;1.08;540.00;Rio Diamonds
L-00040;1.02 ct round brilliant;Diamond;Round;6.4 mm;G;VS1;GIA 2141438171;per_carat;1;1.02;5304;
"""
CUSTOMERS = """name,phone,email,address,notes
Ann Lee,(555) 123-4567,ann.lee@example.com,,
Robert Okafor,555 310 2211,,"12 Elm St, Portsmouth",prefers calls
"""
STYLES = ("style_no,name,vendor,category,metal,retail,notes,line_kind,line_description,"
          "line_quantity,line_unit_cost,line_vendor\n") + """\
HL-R101,Cathedral solitaire,,Ring,14K White,1295,,material,14K casting grain (g),3.2,38.55,
,,,,,,,stone,Round melee 1.3 mm,6,4.17,
,,,,,,,labor,Casting,1,18,Quality Casting Co.
,,,,,,,stage,Setting,,60,Tom Becker (setter)
STU-123908,4-prong peg head,Stuller,Finding,14K White,,,,,,,
"""


def test_items_preview_then_commit(db):
    preview = csv_io.preview_import(db, "items", ITEMS)
    assert preview.can_commit, preview
    assert [r.line for r in preview.rows] == [2, 3, 4]
    assert snapshot(db)["items"] == []  # a preview writes nothing
    result = csv_io.commit_import(db, "items", ITEMS.encode("utf-8-sig"))
    assert result.created == 3
    hoops, cuff, band = (inventory.get_item(db, i) for i in result.ids)
    assert (hoops.stock_id, hoops.cost_basis, hoops.retail, hoops.source) == (
        "A-1001", D("145.00"), D("290.00"), "import")
    assert (cuff.stock_id, cuff.status, cuff.notes) == ("002418", "in_stock", "from old system")
    assert (band.stock_id, band.status) == ("002417", "sold")
    # the imported number 002417 is never handed out again
    assert inventory.add_item(db, description="new", cost=1).stock_id == "002419"


def test_a_bad_row_is_reported_and_nothing_is_imported(db):
    bad = ITEMS + "A-1001,duplicate code,,,,10,,,\n,no cost,,,,,,,\n,negative,,,,-4,,,\n" \
        ",unknown style,,,NOPE,4,,,\n,odd status,,,,4,,lost,\n"
    preview = csv_io.preview_import(db, "items", bad)
    assert not preview.can_commit
    problems = {r.line: r.problems for r in preview.rows if not r.ok}
    assert problems == {
        5: ("stock_id: A-1001 is also on line 2",), 6: ("cost: a number is required",),
        7: ("cost: must not be negative (got -4.00)",),
        8: ("style_no: no style NOPE in the catalog",),
        9: ("status: must be one of in_stock, memo_out, sold, scrapped (got 'lost')",)}
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        csv_io.commit_import(db, "items", bad)
    assert err.value.field == "file" and "5 row(s)" in str(err.value)
    assert snapshot(db) == before


def test_file_problems(db):
    for data, expected in (("", "the file is empty"), ("description,cost\n", "no rows"),
                           ("name,price\nring,4\n", "missing column 'description'"),
                           ("description,cost,colour\nring,4,red\n", "unknown column")):
        preview = csv_io.preview_import(db, "items", data)
        assert not preview.can_commit
        assert any(expected in p for p in preview.file_problems), preview.file_problems
    with pytest.raises(ValidationError) as err:
        csv_io.preview_import(db, "watches", "a\n")
    assert err.value.field == "kind"


def test_stone_lots_with_semicolons_and_new_vendors(db):
    preview = csv_io.preview_import(db, "stone_lots", LOTS)
    assert preview.can_commit, preview
    assert preview.rows[0].notes == ("new vendor 'Rio Diamonds' will be added",)
    result = csv_io.commit_import(db, "stone_lots", LOTS)
    melee, gia = (inventory.get_stone_lot(db, i) for i in result.ids)
    assert (melee.lot_no, melee.count_on_hand, melee.carats_on_hand, melee.vendor_name) == (
        "L-00041", 120, D("1.080"), "Rio Diamonds")  # new numbers follow the file's
    assert (gia.lot_no, gia.certificate, gia.cost_on_hand) == ("L-00040", "GIA 2141438171",
                                                               D("5304.00"))
    assert [m.kind for m in inventory.lot_movements(db, gia.id)] == ["receive"]
    assert inventory.receive_stones(db, description="x", count=1, carats="0.1",
                                    cost=1).lot_no == "L-00042"
    again = csv_io.preview_import(db, "stone_lots", LOTS)
    assert [r.problems for r in again.rows] == [
        (), ("lot_no: lot L-00040 is already in inventory",)]


def test_customers(db):
    result = csv_io.commit_import(db, "customers", CUSTOMERS)
    assert [parties.get_customer(db, i).name for i in result.ids] == ["Ann Lee", "Robert Okafor"]
    again = csv_io.preview_import(db, "customers", CUSTOMERS)
    assert again.can_commit
    assert again.rows[0].notes == ("a customer with this name (and phone) is already on file",)
    bad = csv_io.preview_import(db, "customers", "name,email\n,x@y.z\nBo,not-an-email\n")
    assert [r.problems for r in bad.rows] == [
        ("name: is required",), ("email: 'not-an-email' is not an e-mail address",)]


def test_styles_with_their_lines(db):
    preview = csv_io.preview_import(db, "styles", STYLES)
    assert preview.can_commit, preview
    result = csv_io.commit_import(db, "styles", STYLES)
    own, stuller = (styles.get_style(db, i) for i in result.ids)
    assert (own.style_no, own.is_own_design, own.bom_cost) == ("HL-R101", True, D("166.38"))
    assert [(b.kind, b.vendor_name) for b in own.bom] == [
        ("material", None), ("stone", None), ("labor", "Quality Casting Co.")]
    assert [(s.name, s.cost, s.vendor_name) for s in own.stages] == [
        ("Setting", D("60.00"), "Tom Becker (setter)")]
    assert (stuller.vendor_name, stuller.bom) == ("Stuller", ())


def test_style_line_problems_are_shown_on_their_own_line(db):
    bad = STYLES.replace("Round melee 1.3 mm,6,4.17", "Round melee 1.3 mm,6,free").replace(
        ",,,,,,,labor", ",,Other vendor,,,,,labor")
    preview = csv_io.preview_import(db, "styles", bad)
    problems = {r.line: r.problems for r in preview.rows if not r.ok}
    assert problems == {3: ("line_unit_cost: 'free' is not a number",),
                        4: ("vendor: differs from the style's first row ('')",)}
    before = snapshot(db)
    with pytest.raises(ValidationError):
        csv_io.commit_import(db, "styles", bad)
    assert snapshot(db) == before


@pytest.mark.parametrize("kind", csv_io.KINDS)
def test_an_export_imports_into_an_empty_shop_unchanged(db, kind, tmp_path):
    importers = {"items": ITEMS, "stone_lots": LOTS, "customers": CUSTOMERS, "styles": STYLES}
    csv_io.commit_import(db, kind, importers[kind])
    exported = csv_io.export_csv(db, kind)
    assert exported.splitlines()[0] == ",".join(csv_io.columns(kind))
    other = open_database(f"sqlite:///{tmp_path / 'other-shop.sqlite3'}")
    try:
        csv_io.commit_import(other, kind, exported)
        assert csv_io.export_csv(other, kind) == exported
    finally:
        other.close()
