import datetime as dt

import pytest

from effekt.core.cpr import InvalidCPR, birth_date, format_cpr, mask_cpr, normalise_cpr


def test_it_accepts_a_cpr_number_with_or_without_the_dash() -> None:
    assert normalise_cpr("010190-1234") == "0101901234"
    assert normalise_cpr(" 0101901234 ") == "0101901234"


def test_it_accepts_a_number_that_fails_the_old_modulus_11_check() -> None:
    # Numbers issued since 2007 need not satisfy modulus 11.
    assert normalise_cpr("0101901235") == "0101901235"


@pytest.mark.parametrize(
    "bad", ["", "12345", "01019012345", "0101AB1234", "3202901234", "0113901234"]
)
def test_it_refuses_what_is_not_a_cpr_number(bad: str) -> None:
    with pytest.raises(InvalidCPR):
        normalise_cpr(bad)


def test_the_century_comes_from_the_seventh_digit() -> None:
    assert birth_date("0101901234") == dt.date(1990, 1, 1)
    assert birth_date("0101054234") == dt.date(2005, 1, 1)


def test_masking_keeps_only_the_date_part() -> None:
    assert mask_cpr("0101901234") == "010190-xxxx"
    assert mask_cpr("010190-1234") == "010190-xxxx"
    assert "1234" not in mask_cpr("0101901234")
    assert format_cpr("0101901234") == "010190-1234"
