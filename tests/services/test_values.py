from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jewelbench.errors import ValidationError
from jewelbench.services.values import (
    parse_carats,
    parse_count,
    parse_money,
    share_of,
    split_evenly,
)


@pytest.mark.parametrize("typed, expected", [
    ("1,200.50", Decimal("1200.50")), ("$85", Decimal("85.00")), (" 12.5 ", Decimal("12.50")),
    (Decimal("3.005"), Decimal("3.01")), (7, Decimal("7.00")), (0.1, Decimal("0.10")),
])
def test_money_accepts_what_a_clerk_types(typed, expected):
    assert parse_money(typed, "cost") == expected


@pytest.mark.parametrize("bad", ["-5", "abc", "NaN", "inf", "", None, True, "1.2.3", [1]])
def test_money_refuses_garbage_naming_the_field(bad):
    with pytest.raises(ValidationError) as info:
        parse_money(bad, "cost")
    assert info.value.field == "cost"


def test_carats_keep_three_places():
    assert parse_carats("0.0125 ct") == Decimal("0.013")
    with pytest.raises(ValidationError):
        parse_carats("-0.5")


@pytest.mark.parametrize("bad", [0, -1, "2.5", "x", None, 1.5])
def test_counts_are_positive_whole_numbers(bad):
    with pytest.raises(ValidationError) as info:
        parse_count(bad, "count")
    assert info.value.field == "count"


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=5000))
def test_split_evenly_sums_exactly(cents, parts):
    total = Decimal(cents) / 100
    pieces = split_evenly(total, parts)
    assert len(pieces) == parts
    assert sum(pieces) == total
    assert max(pieces) - min(pieces) <= Decimal("0.01")


def test_share_of_whole_is_exact():
    assert share_of(Decimal("100.00"), 3, 3) == Decimal("100.00")
    assert share_of(Decimal("100.00"), 1, 3) == Decimal("33.33")
