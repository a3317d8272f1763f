"""Kazakhstan's individual (IIN) and business (BIN) identification numbers.

Both are 12 ASCII digits whose last digit is a check digit: weight the first eleven digits 1..11 and
take the sum mod 11; if that gives 10, weight them 3..11,1,2 instead; a second 10 means the number is
invalid. Only ASCII digits are accepted: ``str.isdigit`` would also let through Arabic-Indic and
full-width digits, which no register issues.
"""

from __future__ import annotations

from datetime import date

_FIRST_WEIGHTS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
_ASCII_DIGITS = frozenset("0123456789")


def check_digit(first_eleven: str) -> int | None:
    """The check digit for eleven ASCII digits, or ``None`` when no digit is valid."""
    digits = [int(char) for char in first_eleven]
    for weights in (_FIRST_WEIGHTS, _SECOND_WEIGHTS):
        remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if remainder != 10:
            return remainder
    return None


def is_valid_identification_number(value: str) -> bool:
    """True for 12 ASCII digits whose last digit is the check digit of the first eleven."""
    if len(value) != 12 or not _ASCII_DIGITS.issuperset(value):
        return False
    return check_digit(value[:11]) == int(value[11])


def is_valid_iin(value: str) -> bool:
    """An IIN: a valid identification number (the check digit is the rule the register applies)."""
    return is_valid_identification_number(value)


def is_valid_bin(value: str) -> bool:
    """A BIN: a valid identification number whose fifth digit is an entity type (4, 5 or 6)."""
    return is_valid_identification_number(value) and value[4] in "456"


def complete_iin(first_eleven: str) -> str | None:
    """Append the check digit to eleven digits, or ``None`` when that prefix has no valid number."""
    digit = check_digit(first_eleven)
    return None if digit is None else first_eleven + str(digit)


def iin_birth_date(value: str) -> date | None:
    """The birth date encoded in an IIN (digits 1-6 and the century in digit 7), if it is one."""
    if not is_valid_iin(value) or value[6] not in "123456":
        return None
    century = 1800 + 100 * ((int(value[6]) - 1) // 2)
    try:
        return date(century + int(value[0:2]), int(value[2:4]), int(value[4:6]))
    except ValueError:
        return None


def mask_iin(value: str) -> str:
    """Show only the last four digits: enough to tell two people apart, not to identify one."""
    if not value:
        return ""
    return "•" * (len(value) - 4) + value[-4:]
