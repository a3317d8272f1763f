"""The facts a rule reads about a candidate, checked field by field.

A fact that is absent is never assumed: reading it raises ``ValidationFailed`` naming the field,
and so does a field the schema does not know or a value of the wrong type (docs/council.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext_lazy as _

from sot.core.errors import ValidationFailed

MISSING = _("This fact is required.")
UNKNOWN = _("This fact is not in the schema.")
NOT_BOOLEAN = _("Expected true or false.")
NOT_NUMBER = _("Expected a number of zero or more.")
NOT_INTEGER = _("Expected a whole number of zero or more.")
NOT_DATE = _("Expected a date as YYYY-MM-DD.")
NOT_OBJECT = _("Expected an object or null.")
NOT_LIST = _("Expected a list.")


def fail(name: str, message: Any) -> ValidationFailed:
    return ValidationFailed(fields={name: [message]})


def as_bool(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise fail(name, NOT_BOOLEAN)
    return value


def as_number(name: str, value: Any) -> Decimal:
    # Decimal, not float: "exactly 15 years" must compare as exactly 15.
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise fail(name, NOT_NUMBER)
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise fail(name, NOT_NUMBER) from None
    if not number.is_finite() or number < 0:
        raise fail(name, NOT_NUMBER)
    return number


def as_count(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise fail(name, NOT_INTEGER)
    return value


def as_date(name: str, value: Any) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise fail(name, NOT_DATE)


def as_object(name: str, value: Any, keys: frozenset[str]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise fail(name, NOT_OBJECT)
    for key in value:
        if key not in keys:
            raise fail(f"{name}.{key}", UNKNOWN)
    for key in sorted(keys):
        if key not in value:
            raise fail(f"{name}.{key}", MISSING)
    return value


@dataclass(frozen=True)
class ExamAttempt:
    on: date
    passed: bool


@dataclass(frozen=True)
class FormerJudge:
    years_served: Decimal
    left_on: date
    negative_grounds: bool


def _exam(name: str, value: Any) -> date | None:
    if value is None:
        return None
    body = as_object(name, value, frozenset({"passed_on"}))
    return as_date(f"{name}.passed_on", body["passed_on"])


def _attempts(name: str, value: Any) -> tuple[ExamAttempt, ...]:
    if not isinstance(value, list):
        raise fail(name, NOT_LIST)
    attempts = []
    for index, item in enumerate(value):
        where = f"{name}[{index}]"
        body = as_object(where, item, frozenset({"date", "passed"}))
        attempts.append(
            ExamAttempt(
                on=as_date(f"{where}.date", body["date"]),
                passed=as_bool(f"{where}.passed", body["passed"]),
            )
        )
    return tuple(attempts)


def _former_judge(name: str, value: Any) -> FormerJudge | None:
    if value is None:
        return None
    body = as_object(name, value, frozenset({"years_served", "left_on", "negative_grounds"}))
    return FormerJudge(
        years_served=as_number(f"{name}.years_served", body["years_served"]),
        left_on=as_date(f"{name}.left_on", body["left_on"]),
        negative_grounds=as_bool(f"{name}.negative_grounds", body["negative_grounds"]),
    )


def _optional_date(name: str, value: Any) -> date | None:
    return None if value is None else as_date(name, value)


# Field name -> parser. The facts file may hold any of these and nothing else.
PARSERS: dict[str, Any] = {
    "age": as_count,
    "citizen": as_bool,
    "higher_legal_education": as_bool,
    "legal_experience_years": as_number,
    "judge_experience_years": as_number,
    "regional_judge_experience_years": as_number,
    "is_sitting_judge": as_bool,
    "exam": _exam,
    "exam_attempts": _attempts,
    "magistracy_graduated_on": _optional_date,
    "former_judge": _former_judge,
    "dismissed_for_discrediting": as_bool,
    "special_check_passed": as_bool,
    "plenary_conclusion": as_bool,
    "guarantee_judge": as_bool,
    "guarantee_non_judge": as_bool,
    "consecutive_terms_in_post": as_count,
}


class CandidateFacts:
    """Parsed facts; each accessor raises ``ValidationFailed`` naming a field that is absent."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = dict(values)

    @classmethod
    def parse(cls, data: Any) -> CandidateFacts:
        if not isinstance(data, Mapping):
            raise fail("facts", NOT_OBJECT)
        for name in data:
            if name not in PARSERS:
                raise fail(str(name), UNKNOWN)
        return cls({name: PARSERS[name](name, value) for name, value in data.items()})

    def _get(self, name: str) -> Any:
        if name not in self._values:
            raise fail(name, MISSING)
        return self._values[name]

    def flag(self, name: str) -> bool:
        value: bool = self._get(name)
        return value

    def number(self, name: str) -> Decimal:
        value: Decimal = self._get(name)
        return value

    def count(self, name: str) -> int:
        value: int = self._get(name)
        return value

    def exam_passed_on(self) -> date | None:
        value: date | None = self._get("exam")
        return value

    def exam_attempts(self) -> tuple[ExamAttempt, ...]:
        value: tuple[ExamAttempt, ...] = self._get("exam_attempts")
        return value

    def magistracy_graduated_on(self) -> date | None:
        value: date | None = self._get("magistracy_graduated_on")
        return value

    def former_judge(self) -> FormerJudge | None:
        value: FormerJudge | None = self._get("former_judge")
        return value
