"""What a style-driven production run starts with, worked out from the style's bill of materials.

Plain arithmetic on the style's rows, no database writes: ``open_job`` turns the plan into
material lines, stages and stones still to allocate.

Every BOM line is per piece. A line's cost per piece is ``quantity × unit_cost`` to the cent,
and a run of N pieces costs N times that, so the job's estimate is exactly the style's BOM cost
× N and equals the sum of the planned materials, stages and stones.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from jewelbench.models.styles import StyleBomLine, StyleStage
from jewelbench.services.values import CENT

_METAL_WORDS = re.compile(
    r"\b(gold|silver|platinum|palladium|sterling|argentium|casting grain|alloy|"
    r"\d{1,2}\s*k|\d{1,2}\s*kt|\d{3}\s*(pt|ag))\b", re.IGNORECASE)
STAGE_NAME_LENGTH = 60
_ASIDE = re.compile(r"\(.*?\)")


def line_cost(line: StyleBomLine) -> Decimal:
    """One piece's worth of a BOM line, to the cent (rounded as the styles catalog rounds)."""
    return (line.quantity * line.unit_cost).quantize(CENT, rounding=ROUND_HALF_UP)


def bom_cost(lines: list[StyleBomLine]) -> Decimal:
    """The cost of one piece as the style's bill of materials sets it."""
    return sum((line_cost(line) for line in lines), Decimal("0.00"))


def material_kind(description: str) -> str:
    """Metal lines (14K casting grain, sterling) are told apart from findings by their words,
    so the job's material list reads the way a jeweler sorts it; anything else is a finding."""
    return "metal" if _METAL_WORDS.search(description) else "finding"


@dataclass(frozen=True)
class PlannedMaterial:
    kind: str
    description: str
    quantity: Decimal
    unit_cost: Decimal
    cost: Decimal


@dataclass(frozen=True)
class PlannedStage:
    name: str
    vendor_id: int | None
    cost: Decimal


@dataclass(frozen=True)
class PlannedStones:
    description: str
    count: int
    estimate: Decimal


@dataclass(frozen=True)
class RunPlan:
    materials: tuple[PlannedMaterial, ...]
    stages: tuple[PlannedStage, ...]
    stones: tuple[PlannedStones, ...]
    estimate: Decimal


def _stage_name(text: str) -> str:
    return text if len(text) <= STAGE_NAME_LENGTH else text[:STAGE_NAME_LENGTH - 1] + "…"


def _words(text: str) -> list[str]:
    return _ASIDE.sub(" ", text).lower().split()


def same_step(stage_name: str, labour: str) -> bool:
    """Whether a template stage and a labour line name the same bench step.

    "Polish" and "Polish (hours)", "Setting" and "Bezel setting", "Setting" and "Set 6 melee"
    are one step; the words in brackets are units, not the step.
    """
    stage, line = _words(stage_name), _words(labour)
    if not stage or not line:
        return False
    if any(line[i:i + len(stage)] == stage for i in range(len(line) - len(stage) + 1)):
        return True
    short, long = sorted((stage[0], line[0]), key=len)
    return len(short) >= 3 and long.startswith(short)


def plan_run(lines: list[StyleBomLine], template: list[StyleStage], quantity: int) -> RunPlan:
    """The materials, stages and stones of a run of ``quantity`` pieces.

    Stages: one stage per labour line, costing the line's cost per piece × N, with the line's
    vendor — one "Setting" stage for the whole batch, not N of them, because the batch travels
    to the setter together and is signed off once. The style's stage template comes first, in
    its order, and a labour line naming the same step (``same_step``) is merged into its
    template stage (the template's vendor wins if it names one). Labour lines that match no
    template stage follow as stages of their own.

    The bill of materials sets the estimate, so when a style has labour lines they alone carry
    the labour cost: a template stage without a labour line then starts at no cost (a
    "Cleanup" step), and nothing is counted twice. A style with a template but no labour lines
    takes the template's costs, per piece × N.
    """
    ordered = sorted(lines, key=lambda line: (line.position, line.id or 0))
    materials = tuple(
        PlannedMaterial(kind=material_kind(line.description), description=line.description,
                        quantity=line.quantity * quantity, unit_cost=line.unit_cost,
                        cost=line_cost(line) * quantity)
        for line in ordered if line.kind == "material")
    labour = [line for line in ordered if line.kind == "labor"]
    stages: list[PlannedStage] = []
    unused = list(labour)
    for step in sorted(template, key=lambda s: (s.position, s.id or 0)):
        merged = [line for line in unused if same_step(step.name, line.description)]
        for line in merged:
            unused.remove(line)
        if merged:
            cost = sum((line_cost(line) for line in merged), Decimal("0.00")) * quantity
            vendor = step.vendor_id or merged[0].vendor_id
        else:
            cost = Decimal("0.00") if labour else step.cost * quantity
            vendor = step.vendor_id
        stages.append(PlannedStage(step.name, vendor, cost))
    stages += [PlannedStage(_stage_name(line.description), line.vendor_id,
                            line_cost(line) * quantity) for line in unused]
    stones = tuple(
        # a stone line counts stones per piece; a fraction (half a pair) rounds up to a stone
        PlannedStones(description=line.description,
                      count=math.ceil(line.quantity * quantity),
                      estimate=line_cost(line) * quantity)
        for line in ordered if line.kind == "stone")
    return RunPlan(materials=materials, stages=tuple(stages), stones=stones,
                   estimate=bom_cost(lines) * quantity)
