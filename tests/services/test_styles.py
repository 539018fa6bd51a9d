"""The styles catalog: own designs and vendor styles, BOM cost per piece, stage templates."""

from decimal import Decimal

import pytest

from jewelbench.errors import NotFound, ValidationError
from jewelbench.services import parties, styles
from jewelbench.services.style_bom import estimate_line
from tests.services.snapshots import snapshot

D = Decimal
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def vendors(db):
    return {name: parties.add_vendor(db, name=name, in_house=in_house).id for name, in_house in
            (("Quality Casting Co.", False), ("Tom Becker (setter)", True), ("Stuller", False))}


def _solitaire(db, vendors, **kw):
    args = dict(
        style_no="HL-R101", name="Cathedral solitaire", category="Ring", metal="14K White",
        bom=[{"kind": "material", "description": "14K white casting grain (g)",
              "quantity": "3.2", "unit_cost": "38.55"},
             {"kind": "stone", "description": "Round melee 1.3 mm", "quantity": 6,
              "unit_cost": "4.17"},
             {"kind": "labor", "description": "Casting", "quantity": 1, "unit_cost": "18",
              "vendor_id": vendors["Quality Casting Co."]},
             {"kind": "labor", "description": "Set 6 melee + center", "quantity": "1.5",
              "unit_cost": "40", "vendor_id": vendors["Tom Becker (setter)"]}],
        stages=["Casting", {"name": "Setting", "vendor_id": vendors["Tom Becker (setter)"],
                            "cost": "60"}, "Polish"],
        image=PNG, retail="1295")
    return styles.create_style(db, **{**args, **kw})


def test_an_own_design_with_its_bom_cost_per_piece(db, vendors):
    style = _solitaire(db, vendors)
    assert (style.style_no, style.is_own_design, style.vendor_id, style.has_image) == (
        "HL-R101", True, None, True)
    # 3.2 × 38.55 = 123.36; 6 × 4.17 = 25.02; 18.00; 1.5 × 40 = 60.00
    assert [line.cost for line in style.bom] == [D("123.36"), D("25.02"), D("18.00"),
                                                 D("60.00")]
    assert style.bom_cost == D("226.38")
    assert (style.cost_of("material"), style.cost_of("labor")) == (D("123.36"), D("78.00"))
    assert style.bom[2].vendor_name == "Quality Casting Co."
    assert [(s.name, s.vendor_name, s.cost) for s in style.stages] == [
        ("Casting", None, D("0.00")), ("Setting", "Tom Becker (setter)", D("60.00")),
        ("Polish", None, D("0.00"))]
    assert styles.get_style(db, style.id) == style
    assert styles.get_style_image(db, style.id) == PNG


def test_each_line_is_rounded_to_the_cent_and_the_lines_sum_to_the_total(db):
    style = styles.create_style(db, style_no="X1", name="odd", bom=[
        {"kind": "material", "description": "grain", "quantity": "0.333", "unit_cost": "10.01"},
        {"kind": "material", "description": "grain", "quantity": "0.333", "unit_cost": "10.01"},
    ])
    assert [line.cost for line in style.bom] == [D("3.33"), D("3.33")]
    assert style.bom_cost == D("6.66")
    assert estimate_line("0.333", "10.01") == D("3.33")
    assert estimate_line("", "10") is None
    assert estimate_line("2", "-1") is None


def test_scopes_split_own_designs_from_vendor_styles(db, vendors):
    _solitaire(db, vendors)
    styles.create_style(db, style_no="STU-123908", name="4-prong peg head",
                        vendor_id=vendors["Stuller"], metal="14K White")
    styles.create_style(db, style_no="HL-P201", name="Bezel pendant")
    mine = styles.list_styles(db, scope="my_designs")
    theirs = styles.list_styles(db, scope="vendor")
    assert [s.style_no for s in mine] == ["HL-P201", "HL-R101"]
    assert [(s.style_no, s.vendor_name, s.is_own_design) for s in theirs] == [
        ("STU-123908", "Stuller", False)]
    assert len(styles.list_styles(db)) == 3
    assert [s.style_no for s in styles.list_styles(db, "all", text="stuller")] == ["STU-123908"]
    assert [s.style_no for s in styles.list_styles(db, "all", text="14k white")] == [
        "HL-R101", "STU-123908"]
    assert [s.style_no for s in styles.list_styles(db, sort="name", offset=1, limit=1)] == [
        "HL-P201"]
    assert [s.style_no for s in styles.list_styles(db, sort="vendor", descending=True)][0] == \
        "STU-123908"


def test_style_numbers_are_unique(db, vendors):
    _solitaire(db, vendors)
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        styles.create_style(db, style_no="hl-r101", name="copy")
    assert err.value.field == "style_no"
    other = styles.create_style(db, style_no="HL-R102", name="other")
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        styles.update_style(db, other.id, style_no="HL-R101")
    assert err.value.field == "style_no"
    assert snapshot(db) == before


@pytest.mark.parametrize(("change", "field"), [
    ({"style_no": " "}, "style_no"), ({"name": ""}, "name"), ({"retail": "-1"}, "retail"),
    ({"bom": [{"kind": "gem", "description": "x", "quantity": 1, "unit_cost": 1}]},
     "bom[0].kind"),
    ({"bom": [{"kind": "stone", "description": "x", "quantity": 0, "unit_cost": 1}]},
     "bom[0].quantity"),
    ({"bom": [{"kind": "stone", "description": "x", "quantity": -2, "unit_cost": 1}]},
     "bom[0].quantity"),
    ({"bom": [{"kind": "labor", "description": "x", "quantity": 1, "unit_cost": "-3"}]},
     "bom[0].unit_cost"),
    ({"bom": [{"kind": "labor", "description": "x", "quantity": 1, "unit_cost": "abc"}]},
     "bom[0].unit_cost"),
    ({"bom": [{"kind": "labor", "description": "", "quantity": 1, "unit_cost": "1"}]},
     "bom[0].description"),
    ({"bom": ["casting"]}, "bom[0]"), ({"bom": "casting"}, "bom"),
    ({"stages": [{"name": "Polish", "cost": "-1"}]}, "stages[0].cost"),
    ({"stages": [""]}, "stages[0].name"), ({"image": b"not a picture"}, "image"),
    ({"image": "photo.png"}, "image"),
])
def test_bad_input_is_refused_and_nothing_changes(db, vendors, change, field):
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        _solitaire(db, vendors, **change)
    assert err.value.field == field
    assert snapshot(db) == before


def test_unknown_vendors_are_not_found_and_nothing_changes(db, vendors):
    before = snapshot(db)
    with pytest.raises(NotFound) as err:
        styles.create_style(db, style_no="A", name="a", vendor_id=999)
    assert err.value.field == "vendor_id"
    with pytest.raises(NotFound) as err:
        styles.create_style(db, style_no="A", name="a", bom=[
            {"kind": "labor", "description": "x", "quantity": 1, "unit_cost": 1,
             "vendor_id": 999}])
    assert err.value.field == "bom[0].vendor_id"
    with pytest.raises(NotFound) as err:
        styles.get_style(db, 999)
    assert err.value.field == "style_id"
    with pytest.raises(ValidationError) as err:
        styles.list_styles(db, scope="mine")
    assert err.value.field == "scope"
    assert snapshot(db) == before


def test_editing_replaces_the_bom_and_keeps_what_was_not_given(db, vendors):
    style = _solitaire(db, vendors)
    edited = styles.update_style(db, style.id, name="Cathedral solitaire II", bom=[
        {"kind": "material", "description": "14K white casting grain (g)", "quantity": "3.4",
         "unit_cost": "38.55"}])
    assert edited.name == "Cathedral solitaire II"
    assert edited.bom_cost == D("131.07")
    assert len(edited.stages) == 3 and edited.has_image and edited.category == "Ring"
    hidden = styles.update_style(db, style.id, active=False, image=None,
                                 vendor_id=vendors["Stuller"])
    assert (hidden.active, hidden.has_image, hidden.is_own_design) == (False, False, False)
    assert styles.list_styles(db) == []
    assert len(styles.list_styles(db, include_inactive=True)) == 1
