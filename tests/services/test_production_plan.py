"""How a style's BOM and stage template become a run's materials, stages and stones."""

from decimal import Decimal

import pytest

from jewelbench.models.styles import StyleBomLine, StyleStage
from jewelbench.services.production_plan import material_kind, plan_run, same_step

D = Decimal


@pytest.mark.parametrize(("stage", "labour", "same"), [
    ("Casting", "Casting", True), ("Polish", "Polish (hours)", True),
    ("Setting", "Bezel setting", True), ("Setting", "Set 6 melee", True),
    ("Cleanup", "Casting", False), ("Setting", "Sizing", False), ("Polish", "Plating", False),
])
def test_same_step(stage, labour, same):
    assert same_step(stage, labour) is same


def test_material_kinds_read_like_a_jeweler_sorts_them():
    assert [material_kind(t) for t in ("14K white casting grain (g)", "Sterling sheet",
                                       "Platinum wire", "4-prong head, 6.5 mm",
                                       "Friction backs")] == [
        "metal", "metal", "metal", "finding", "finding"]


def _line(kind, text, quantity, cost, vendor=None, position=0):
    return StyleBomLine(kind=kind, description=text, quantity=D(quantity), unit_cost=D(cost),
                        vendor_id=vendor, position=position)


def test_template_gives_the_order_and_labour_lines_the_cost():
    lines = [_line("material", "14K white casting grain (g)", "3.2", "62.50"),
             _line("stone", "1.3 mm round melee", "6", "4.50", position=1),
             _line("labor", "Casting", "1", "38.00", vendor=1, position=2),
             _line("labor", "Set 6 melee", "1", "45.00", vendor=2, position=3),
             _line("labor", "Polish (hours)", "0.5", "40.00", vendor=3, position=4),
             _line("labor", "Engraving", "1", "12.00", position=5)]
    template = [StyleStage(name="Casting", cost=D("38"), position=0),
                StyleStage(name="Cleanup", position=1),
                StyleStage(name="Setting", vendor_id=9, cost=D("45"), position=2),
                StyleStage(name="Polish", cost=D("20"), position=3)]
    plan = plan_run(lines, template, 4)
    assert [(s.name, s.vendor_id, s.cost) for s in plan.stages] == [
        ("Casting", 1, D("152.00")), ("Cleanup", None, D("0.00")),
        ("Setting", 9, D("180.00")), ("Polish", 3, D("80.00")), ("Engraving", None, D("48.00"))]
    assert [(n.description, n.count, n.estimate) for n in plan.stones] == [
        ("1.3 mm round melee", 24, D("108.00"))]
    parts = (sum(m.cost for m in plan.materials) + sum(s.cost for s in plan.stages)
             + sum(n.estimate for n in plan.stones))
    assert parts == plan.estimate == D("1368.00")


def test_a_template_without_labour_lines_keeps_its_costs():
    plan = plan_run([_line("material", "Silver sheet", "10", "1.20")],
                    [StyleStage(name="Saw and file", cost=D("15.00"), position=0)], 3)
    assert [(s.name, s.cost) for s in plan.stages] == [("Saw and file", D("45.00"))]
    assert plan.estimate == D("36.00")  # the BOM alone sets the estimate


def test_stone_counts_round_up_to_whole_stones():
    plan = plan_run([_line("stone", "Matched pair, 4 mm", "0.5", "80.00")], [], 3)
    assert [(n.count, n.estimate) for n in plan.stones] == [(2, D("120.00"))]
