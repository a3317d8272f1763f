"""IIN/BIN check digit: weights 1..11, then 3..11,1,2 when the first sum gives 10 (mod 11)."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sot.core.iin import (
    complete_iin,
    iin_birth_date,
    is_valid_bin,
    is_valid_iin,
    mask_iin,
)


def test_check_digit_from_first_weights():
    # 9·1 + 0·2 + 0·3 + 1·4 + 0·5 + 1·6 + 3·7 + 0·8 + 0·9 + 0·10 + 1·11 = 51; 51 mod 11 = 7
    assert is_valid_iin("900101300017")
    assert not is_valid_iin("900101300016")


def test_check_digit_falls_back_to_second_weights():
    # first weights: 109 mod 11 = 10, so weights 3..11,1,2 give 147 mod 11 = 4
    assert is_valid_iin("880512400204")
    assert not is_valid_iin("880512400200")  # 10 is not used as a digit: 109 mod 11 ≠ 0


def test_ten_twice_means_no_valid_number_exists():
    # first sum 142 mod 11 = 10, second 153 mod 11 = 10: no last digit makes this valid
    assert complete_iin("88051240023") is None
    assert not any(is_valid_iin(f"88051240023{d}") for d in range(10))


@pytest.mark.parametrize(
    "value",
    [
        "",
        "90010130001",  # 11 digits
        "9001013000170",  # 13 digits
        "90010130001a",
        " 900101300017",
        "９００１０１３０００１７",  # full-width digits
        "٩٠٠١٠١٣٠٠٠١٧",  # Arabic-Indic digits pass str.isdigit but are not IINs
    ],
)
def test_only_twelve_ascii_digits_are_accepted(value):
    assert not is_valid_iin(value)


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_completed_numbers_are_valid(prefix):
    completed = complete_iin(prefix)
    if completed is not None:
        assert is_valid_iin(completed)
        assert sum(is_valid_iin(prefix + str(d)) for d in range(10)) == 1


def test_bin_needs_an_entity_type_in_the_fifth_digit():
    entity = complete_iin("15044000123")  # fifth digit 4: a legal entity
    assert entity is not None
    assert is_valid_bin(entity)
    person = "900101300017"  # fifth digit 0: an individual's IIN, not a BIN
    assert not is_valid_bin(person)


def test_birth_date_decodes_century_digit():
    assert iin_birth_date("900101300017") == datetime.date(1990, 1, 1)
    twenty_first = complete_iin("05031550000")
    assert twenty_first is not None
    assert iin_birth_date(twenty_first) == datetime.date(2005, 3, 15)


def test_mask_keeps_only_the_last_four_digits():
    assert mask_iin("900101300017") == "••••••••0017"
    assert mask_iin("") == ""
