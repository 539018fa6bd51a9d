"""A style's bill of materials and stage template: checking the lines and costing them.

Each BOM line costs quantity × unit cost rounded to the cent, and the style's cost per piece
is the sum of its line costs, so the lines shown always add up to the total shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from jewelbench.errors import ValidationError
from jewelbench.models.styles import BOM_KINDS
from jewelbench.services.values import (
    CENT,
    clean_text,
    parse_choice,
    parse_money,
    parse_optional_id,
    parse_quantity,
)

ZERO = Decimal("0.00")
MAX_LINES = 200


@dataclass(frozen=True)
class BomLine:
    """A checked line, ready to store."""

    kind: str
    description: str
    quantity: Decimal
    unit_cost: Decimal
    vendor_id: int | None

    @property
    def cost(self) -> Decimal:
        return line_cost(self.quantity, self.unit_cost)


@dataclass(frozen=True)
class StageTemplate:
    name: str
    vendor_id: int | None
    cost: Decimal


def line_cost(quantity: Decimal, unit_cost: Decimal) -> Decimal:
    return (quantity * unit_cost).quantize(CENT, rounding=ROUND_HALF_UP)


def _get(line: object, key: str, field: str) -> object:
    if not isinstance(line, Mapping):
        raise ValidationError(field, "each line must be a mapping of kind, description, "
                              "quantity and unit_cost")
    return line.get(key)


def parse_bom(lines: Iterable[object] | None, field: str = "bom") -> list[BomLine]:
    """Check every line; errors name the line, e.g. ``bom[2].unit_cost``."""
    if lines is None:
        return []
    if isinstance(lines, str | bytes | Mapping) or not isinstance(lines, Iterable):
        raise ValidationError(field, "must be a list of lines")
    checked = []
    for index, line in enumerate(lines):
        where = f"{field}[{index}]"
        kind = _get(line, "kind", where)
        checked.append(BomLine(
            kind=parse_choice(kind, f"{where}.kind", BOM_KINDS),
            description=clean_text(_get(line, "description", where), f"{where}.description",
                                   required=True),
            quantity=parse_quantity(_get(line, "quantity", where), f"{where}.quantity"),
            unit_cost=parse_money(_get(line, "unit_cost", where), f"{where}.unit_cost"),
            vendor_id=parse_optional_id(_get(line, "vendor_id", where), f"{where}.vendor_id")))
    if len(checked) > MAX_LINES:
        raise ValidationError(field, f"has {len(checked)} lines; at most {MAX_LINES}")
    return checked


def parse_stages(stages: Iterable[object] | None, field: str = "stages") -> list[StageTemplate]:
    """Stage names ("Casting"), or mappings of name, vendor_id and cost."""
    if stages is None:
        return []
    if isinstance(stages, str | bytes | Mapping) or not isinstance(stages, Iterable):
        raise ValidationError(field, "must be a list of stage names or stages")
    checked = []
    for index, stage in enumerate(stages):
        where = f"{field}[{index}]"
        if isinstance(stage, str):
            stage = {"name": stage}
        checked.append(StageTemplate(
            name=clean_text(_get(stage, "name", where), f"{where}.name", required=True,
                            max_length=60),
            vendor_id=parse_optional_id(_get(stage, "vendor_id", where), f"{where}.vendor_id"),
            cost=parse_money(_get(stage, "cost", where) or ZERO, f"{where}.cost")))
    if len(checked) > MAX_LINES:
        raise ValidationError(field, f"has {len(checked)} stages; at most {MAX_LINES}")
    return checked


def bom_cost(lines: Iterable[BomLine]) -> Decimal:
    return sum((line.cost for line in lines), ZERO)


def estimate_line(quantity: object, unit_cost: object) -> Decimal | None:
    """The cost of a line as it is being typed, or None while it is not a valid line yet.

    For editors that show the cost per piece as you type; saving checks the lines for real.
    """
    try:
        return line_cost(parse_quantity(quantity), parse_money(unit_cost, "unit_cost"))
    except ValidationError:
        return None
