"""Checks on party data shared by the services and the API's input serializers."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from sot.core.iin import is_valid_bin, is_valid_iin

from .models import PartyKind


def validate_party_identifiers(kind: str, iin: str, bin_: str) -> dict[str, list[Any]]:
    """A person may carry an IIN, an organisation a BIN; each must pass its check digit."""
    errors: dict[str, list[Any]] = {}
    if iin:
        if kind != PartyKind.PERSON:
            errors["iin"] = [_("Only a person has an IIN.")]
        elif not is_valid_iin(iin):
            errors["iin"] = [_("Not a valid IIN: 12 digits with a correct check digit.")]
    if bin_:
        if kind != PartyKind.ORGANISATION:
            errors["bin"] = [_("Only an organisation has a BIN.")]
        elif not is_valid_bin(bin_):
            errors["bin"] = [_("Not a valid BIN: 12 digits with a correct check digit.")]
    return errors
