"""Turning what a clerk types (or a script passes) into exact values, or a ValidationError.

Money is Decimal to the cent, carats Decimal to 0.001 ct; floats never reach the database.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from jewelbench.errors import ValidationError

CENT = Decimal("0.01")
MILLI = Decimal("0.001")
RATE = Decimal("0.0001")
MAX_MONEY = Decimal("9999999999.99")
MAX_CARATS = Decimal("999999.999")
# the largest key the tables hold (their ids are PostgreSQL integers)
MAX_ID = 2**31 - 1

_CLERK_NOISE = re.compile(r"[\s,$€£¥]|ct$|cts$|%$", re.IGNORECASE)
# NUL (PostgreSQL text cannot hold it) and lone surrogates (not encodable as UTF-8)
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def shown(value: object, limit: int = 60) -> str:
    """A value as an error message quotes it: ``repr``, cut short, safe for any value."""
    try:
        text = repr(value)
    except ValueError:  # an int too long to print (Python refuses beyond 4300 digits)
        text = f"a {value.bit_length()}-bit number" if isinstance(value, int) else "that value"
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _to_decimal(value: object, field: str) -> Decimal:
    if value is None or isinstance(value, bool):
        raise ValidationError(field, "a number is required")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        # repr() gives the shortest text that round-trips, so 12.1 stays 12.1
        number = Decimal(repr(value))
    elif isinstance(value, str):
        text = _CLERK_NOISE.sub("", value.strip())
        if text.startswith("(") and text.endswith(")"):
            text = "-" + text[1:-1]
        if not text:
            raise ValidationError(field, "a number is required")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValidationError(field, f"{shown(value)} is not a number") from None
    else:
        raise ValidationError(field, f"{shown(value)} is not a number")
    if not number.is_finite():
        raise ValidationError(field, f"{shown(value)} is not a number")
    if number and number.adjusted() > 18:
        # far past any limit; refused here because rounding it to the cent would overflow
        raise ValidationError(field, f"{shown(value)} is too large")
    return number


def _bounded(number: Decimal, field: str, *, minimum: Decimal, allow_zero: bool,
             maximum: Decimal, unit: str = "") -> Decimal:
    if number < minimum:
        raise ValidationError(field, f"must not be negative (got {number}{unit})")
    if not allow_zero and number == 0:
        raise ValidationError(field, "must be more than zero")
    if abs(number) > maximum:
        raise ValidationError(field, f"is too large (got {number}{unit})")
    return number


def parse_money(value: object, field: str = "amount", *, allow_zero: bool = True,
                allow_negative: bool = False) -> Decimal:
    number = _to_decimal(value, field).quantize(CENT, rounding=ROUND_HALF_UP)
    minimum = -MAX_MONEY if allow_negative else Decimal(0)
    return _bounded(number, field, minimum=minimum, allow_zero=allow_zero, maximum=MAX_MONEY)


def parse_optional_money(value: object, field: str, **kwargs) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_money(value, field, **kwargs)


def parse_carats(value: object, field: str = "carats", *, allow_zero: bool = True) -> Decimal:
    number = _to_decimal(value, field).quantize(MILLI, rounding=ROUND_HALF_UP)
    return _bounded(number, field, minimum=Decimal(0), allow_zero=allow_zero,
                    maximum=MAX_CARATS, unit=" ct")


def parse_optional_carats(value: object, field: str = "carats", **kwargs) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_carats(value, field, **kwargs)


def parse_quantity(value: object, field: str = "quantity") -> Decimal:
    """A quantity of grams, pieces or hours, to 0.001 and more than zero (BOM lines)."""
    number = _to_decimal(value, field).quantize(MILLI, rounding=ROUND_HALF_UP)
    return _bounded(number, field, minimum=Decimal(0), allow_zero=False, maximum=MAX_CARATS)


def parse_rate(value: object, field: str, *, maximum: Decimal = Decimal(1000)) -> Decimal:
    """A percentage or factor kept to 0.0001 (tax 8.875 %, markup 2.2×)."""
    number = _to_decimal(value, field).quantize(RATE, rounding=ROUND_HALF_UP)
    return _bounded(number, field, minimum=Decimal(0), allow_zero=True, maximum=maximum)


def parse_count(value: object, field: str = "count", *, allow_zero: bool = False,
                maximum: int = 10_000_000) -> int:
    if isinstance(value, bool) or value is None:
        raise ValidationError(field, "a whole number is required")
    if isinstance(value, int):
        number = value
    else:
        decimal = _to_decimal(value, field)
        if decimal != decimal.to_integral_value():
            raise ValidationError(field, f"must be a whole number (got {shown(value)})")
        number = int(decimal)
    if number < 0:
        raise ValidationError(field, f"must not be negative (got {shown(number)})")
    if number == 0 and not allow_zero:
        raise ValidationError(field, "must be at least 1")
    if number > maximum:
        raise ValidationError(field, f"is too large (got {shown(number)})")
    return number


def parse_id(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_ID:
        raise ValidationError(field, f"{shown(value)} is not a valid id")
    return value


def parse_optional_id(value: object, field: str) -> int | None:
    return None if value is None else parse_id(value, field)


def clean_text(value: object, field: str, *, required: bool = False,
               max_length: int = 200) -> str | None:
    if value is None:
        text = ""
    elif isinstance(value, str):
        text = " ".join(value.split()) if "\n" not in value else value.strip()
    else:
        raise ValidationError(field, f"must be text (got {type(value).__name__})")
    if _UNSTORABLE.search(text):
        raise ValidationError(field, "contains a character that cannot be stored "
                                     "(a NUL or a broken character)")
    if not text:
        if required:
            raise ValidationError(field, "is required")
        return None
    if len(text) > max_length:
        raise ValidationError(field, f"is too long ({len(text)} characters, at most {max_length})")
    return text


def parse_date(value: object, field: str) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(field, f"{shown(value)} is not a date (use YYYY-MM-DD)") from None
    raise ValidationError(field, f"{shown(value)} is not a date")


def parse_choice(value: object, field: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ValidationError(field, f"must be one of {', '.join(choices)} (got {shown(value)})")
    return value  # type: ignore[return-value]


def split_evenly(total: Decimal, parts: int) -> list[Decimal]:
    """Split money into ``parts`` cent amounts that add up to ``total`` exactly.

    The first pieces carry the leftover cents, so 100.00 / 3 is 33.34, 33.33, 33.33.
    """
    cents = int((total / CENT).to_integral_value())
    base, extra = divmod(cents, parts)
    return [(Decimal(base + (1 if i < extra else 0)) * CENT) for i in range(parts)]


def share_of(total: Decimal, part: int | Decimal, whole: int | Decimal) -> Decimal:
    """The cost of ``part`` out of ``whole`` of something costing ``total``, to the cent.

    Taking the whole gives exactly the total, so no stray cents are left behind.
    """
    if part == whole:
        return total
    if whole == 0:
        return Decimal("0.00")
    return (total * Decimal(part) / Decimal(whole)).quantize(CENT, rounding=ROUND_HALF_UP)
