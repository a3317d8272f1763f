"""``sot analytics digest``: each court chair's daily e-mail of their court's key indicators.

Sent with Django's ``send_mail`` (not ``notify()``: none of the notice kinds fixed in the contracts
fits a statistics digest), once per chair and day (``DigestSent``), in the chair's language.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.core import clock

from .dashboard import compared_places
from .figures import load_many
from .indicators import BY_CODE
from .models import DigestSent
from .scope import Scope, add_months, month_start
from .selectors import evaluate

logger = logging.getLogger(__name__)

DIGEST_CODES = (
    "incoming",
    "resolved",
    "pending",
    "clearance_rate",
    "disposition_time",
    "past_deadline",
    "acts_late",
    "suspended_now",
    "hearings_late",
    "postponements_unjustified",
)


@dataclass(frozen=True)
class DigestResult:
    sent: int
    skipped_already_sent: int
    failed: int


def digest_rows(scope: Scope) -> tuple[list[str], list[tuple[str, list[str], str]]]:
    """Place names and, per indicator, its values there and the attention level of the first."""
    places = compared_places(scope)
    figures = load_many([p for p in places])
    rows = []
    for code in DIGEST_CODES:
        values = [evaluate(BY_CODE[code], f) for f in figures]
        shown = [
            str(_("no data")) if v.value is None else f"{v.value:g} {v.unit_label}" for v in values
        ]
        rows.append((str(BY_CODE[code].name), shown, values[0].level))
    return [p.place_name() for p in places], rows


def digest_send(*, day: date | None = None) -> DigestResult:
    """Send the digest of ``day`` (yesterday by default) to every chair with an e-mail address."""
    day = day or clock.today() - timedelta(days=1)
    chairs = (
        User.objects.filter(groups__name=Role.COURT_CHAIR, is_active=True)
        .exclude(email="")
        .order_by("pk")
    )
    sent = already = failed = 0
    this_month = month_start(day)
    for chair in chairs:
        court = chair.workplace_court()
        if court is None:
            continue
        if DigestSent.objects.filter(chair=chair, day=day).exists():
            already += 1
            continue
        scope = Scope(month_from=add_months(this_month, -11), month_to=this_month).with_place(
            court=court
        )
        with translation.override(chair.preferred_language):
            places, rows = digest_rows(scope)
            subject = _("Sot: the Situational Center for %(court)s on %(date)s") % {
                "court": court.name,
                "date": day.strftime("%d.%m.%Y"),
            }
            body = render_to_string(
                "analytics/email/digest.txt",
                {
                    "chair": chair,
                    "court": court,
                    "day": day,
                    "places": places,
                    "rows": rows,
                    "scope": scope,
                },
            )
        try:
            with transaction.atomic():
                DigestSent.objects.create(chair=chair, day=day)
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [chair.email])
        except IntegrityError:
            already += 1  # another run sent it meanwhile
        except (smtplib.SMTPException, OSError):
            logger.exception("analytics digest to %s failed", chair.pk)
            failed += 1  # the row rolled back: the next run retries
        else:
            sent += 1
    return DigestResult(sent=sent, skipped_already_sent=already, failed=failed)
