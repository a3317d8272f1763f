"""Contact points: validation at entry, verification codes, and the addresses notices go to."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from .models import ContactKind

# Kazakhstan's mobile ranges (+7 70x, 747, 75x, 76x, 771, 775-778): SMS goes to mobiles only.
KZ_MOBILE = re.compile(r"^\+7(?:70[0-8]|747|75[01]|76[0-4]|77[15-8])\d{7}$")
CODE_TTL = timedelta(minutes=15)
MAX_CODE_ATTEMPTS = 5


def normalize_phone(raw: str) -> str:
    """``8 (701) 123-45-67``, ``+7 701 1234567`` → ``+77011234567`` (E.164), or ValidationError."""
    digits = re.sub(r"[\s()\-.]", "", raw.strip())
    if digits.startswith("8") and len(digits) == 11:
        digits = "+7" + digits[1:]
    elif digits.startswith("7") and len(digits) == 11:
        digits = "+" + digits
    if not KZ_MOBILE.match(digits):
        raise ValidationError(
            _("Give a Kazakhstan mobile number in the form +7 7XX XXX XX XX."), code="invalid_phone"
        )
    return digits


def normalize_email(raw: str) -> str:
    value = raw.strip()
    try:
        validate_email(value)
    except ValidationError as error:
        raise ValidationError(
            _("Give a valid e-mail address, like name@example.kz."), code="invalid_email"
        ) from error
    local, _sep, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}"


def normalize_postal(raw: str) -> str:
    value = "\n".join(line.strip() for line in raw.strip().splitlines() if line.strip())
    if len(value) < 10:
        raise ValidationError(
            _("Give the full postal address: region, town, street, house and flat."),
            code="invalid_address",
        )
    return value[:254]


def normalize(kind: str, raw: str) -> str:
    if kind == ContactKind.PHONE:
        return normalize_phone(raw)
    if kind == ContactKind.EMAIL:
        return normalize_email(raw)
    if kind == ContactKind.POSTAL:
        return normalize_postal(raw)
    raise ValidationError(_("Choose a phone, an e-mail or a postal address."), code="invalid_kind")


def new_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def code_digest(contact_id: int, code: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"contact:{contact_id}:{code}".encode(), hashlib.sha256).hexdigest()
