"""Checking a filing's form against its kind's schema: the same rules for the web form and the API."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.cases.models import Case, Participant
from sot.core.errors import Message, ValidationFailed
from sot.core.iin import is_valid_bin, is_valid_iin
from sot.courts.models import Court

from .schema import Field, FilingKind, fee_table

MAX_MONEY = Decimal("1000000000000")


@dataclass(frozen=True)
class CleanForm:
    data: dict[str, Any]
    court: Court | None
    case: Case | None


def _text(field: Field, value: Any) -> tuple[Any, Message | None]:
    text = str(value).strip()
    if field.max_length and len(text) > field.max_length:
        return None, _("Too long: at most %(limit)s characters.") % {"limit": field.max_length}
    return text, None


def _money(value: Any) -> tuple[Any, Message | None]:
    try:
        amount = Decimal(str(value).replace(" ", "").replace(",", "."))
    except InvalidOperation:
        return None, _("Enter an amount in tenge.")
    if not amount.is_finite() or amount < 0 or amount > MAX_MONEY:
        return None, _("Enter an amount in tenge.")
    return str(amount.quantize(Decimal("0.01"))), None


def _integer(field: Field, value: Any) -> tuple[Any, Message | None]:
    try:
        number = int(str(value))
    except ValueError:
        return None, _("Enter a whole number.")
    if (field.min is not None and number < field.min) or (
        field.max is not None and number > field.max
    ):
        return None, _("Enter a number from %(min)s to %(max)s.") % {
            "min": field.min,
            "max": field.max,
        }
    return number, None


def _date(value: Any) -> tuple[Any, Message | None]:
    try:
        return dt.date.fromisoformat(str(value)).isoformat(), None
    except ValueError:
        return None, _("Enter a date as YYYY-MM-DD.")


def _bool(value: Any) -> tuple[Any, Message | None]:
    if isinstance(value, bool):
        return value, None
    return str(value).lower() in {"1", "true", "on", "yes"}, None


def _identifier(value: Any) -> tuple[Any, Message | None]:
    text = str(value).strip()
    if is_valid_iin(text) or is_valid_bin(text):
        return text, None
    return None, _("Enter a valid 12-digit IIN or BIN.")


def _scalar(field: Field, value: Any) -> tuple[Any, Message | None]:
    if field.type in {"text", "textarea", "court", "case"}:
        return _text(field, value)
    if field.type == "money":
        return _money(value)
    if field.type == "integer":
        return _integer(field, value)
    if field.type == "date":
        return _date(value)
    if field.type == "bool":
        return _bool(value)
    if field.type == "iin_bin":
        return _identifier(value)
    if field.type == "exemption":
        if str(value) in fee_table()["exemptions"]:
            return str(value), None
        return None, _("Choose one of the listed grounds.")
    if str(value) in {choice for choice, _label in field.choices}:
        return str(value), None
    return None, _("Choose one of the listed options.")


def _is_blank(value: Any) -> bool:
    return value is None or value is False or (isinstance(value, str) and not value.strip())


def clean_values(kind: FilingKind, form: dict[str, Any], *, complete: bool) -> dict[str, Any]:
    """Typed values of the known fields; ``complete`` also demands the required ones.

    Unknown keys are refused rather than ignored: what is signed is exactly what was checked.
    """
    errors: dict[str, list[Message]] = {}
    unknown = sorted(set(form) - {f.name for f in kind.fields})
    for name in unknown:
        errors[name] = [_("This filing kind has no such field.")]
    data: dict[str, Any] = {}
    for field in kind.fields:
        value = form.get(field.name)
        if _is_blank(value):
            if complete and field.required:
                errors[field.name] = [_("This field is required.")]
            continue
        clean, error = _scalar(field, value)
        if error is not None:
            errors[field.name] = [error]
        else:
            data[field.name] = clean
    if errors:
        raise ValidationFailed(fields=errors)
    return data


def resolve_court(kind: FilingKind, code: str) -> Court:
    court = Court.objects.filter(code=code, is_active=True).first()
    if court is None:
        raise ValidationFailed(fields={"court": [_("There is no such court.")]})
    if not court.competences.filter(category=kind.category, instance=kind.instance).exists():
        raise ValidationFailed(
            fields={
                "court": [_("This court does not hear cases of this category at this instance.")]
            }
        )
    return court


def resolve_case(kind: FilingKind, number: str, filer: User) -> Case:
    """The case the filing joins: only one the filer takes part in (same answer as "no such case")."""
    case = (
        Case.objects.filter(
            number=number, pk__in=Participant.objects.filter(user=filer).values("case")
        )
        .select_related("court")
        .first()
    )
    if case is None:
        raise ValidationFailed(
            fields={"case": [_("You do not take part in a case with this number.")]}
        )
    if kind.case_statuses and case.status not in kind.case_statuses:
        raise ValidationFailed(
            fields={"case": [_("This filing cannot be made in the case at its current stage.")]}
        )
    if kind.case_instances and case.instance not in kind.case_instances:
        raise ValidationFailed(
            fields={"case": [_("This filing cannot be made in a case at this instance.")]}
        )
    return case


def clean_form(kind: FilingKind, form: dict[str, Any], filer: User, *, complete: bool) -> CleanForm:
    data = clean_values(kind, form, complete=complete)
    court = resolve_court(kind, data["court"]) if "court" in data else None
    case = resolve_case(kind, data["case"], filer) if "case" in data else None
    if case is not None:
        court = case.court
    return CleanForm(data=data, court=court, case=case)
