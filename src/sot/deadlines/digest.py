"""``sot deadlines digest``: each court chair's daily e-mail of the violations recorded in their court.

Sent once per chair and day (``DigestSent``), in the chair's preferred language, to chairs who have
an e-mail address and whose court recorded at least one violation that day (court time). The
mail goes through Django's e-mail backend (``EMAIL_HOST``/``EMAIL_PORT`` for SMTP).
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.core import clock
from sot.courts.models import Court

from .models import DeadlineRule, DigestSent, Violation

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DigestResult:
    sent: int
    skipped_already_sent: int
    skipped_nothing_to_report: int
    failed: int = 0  # the mail server refused or could not be reached; retried next run


def court_day_violations(court: Court, day: date) -> QuerySet[Violation]:
    zone = ZoneInfo(court.timezone)
    start = datetime.combine(day, time.min, tzinfo=zone)
    return (
        Violation.objects.filter(
            court=court, detected_at__gte=start, detected_at__lt=start + timedelta(days=1)
        )
        .select_related("case", "responsible")
        .order_by("detected_at", "pk")
    )


def violation_due(violation: Violation) -> date:
    """The last day of the breached period (``due_at`` is the midnight after it)."""
    recorded = violation.details.get("due") if isinstance(violation.details, dict) else None
    if isinstance(recorded, str):
        return date.fromisoformat(recorded)
    return (violation.due_at - timedelta(days=1)).date()


def digest_send(*, day: date | None = None) -> DigestResult:
    """Send the digests of ``day`` (yesterday by default)."""
    day = day or clock.today() - timedelta(days=1)
    chairs = (
        User.objects.filter(groups__name=Role.COURT_CHAIR, is_active=True)
        .exclude(email="")
        .select_related("judge__court__region", "court__region")
        .order_by("pk")
    )
    rule_names = {rule.code: rule for rule in DeadlineRule.objects.all()}
    sent = already = nothing = failed = 0
    for chair in chairs:
        court = chair.workplace_court()
        if court is None:
            continue
        if DigestSent.objects.filter(chair=chair, day=day).exists():
            already += 1
            continue
        violations = list(court_day_violations(court, day))
        if not violations:
            nothing += 1
            continue
        with translation.override(chair.preferred_language):
            subject = _("Sot: %(count)s procedural violations in %(court)s on %(date)s") % {
                "count": len(violations),
                "court": court.name,
                "date": day.strftime("%d.%m.%Y"),
            }
            body = render_to_string(
                "deadlines/email/digest.txt",
                {
                    "chair": chair,
                    "court": court,
                    "day": day,
                    "rows": [
                        {
                            "violation": v,
                            "rule": rule_names.get(v.rule),
                            "delay_days": v.delay.days,
                            "due": violation_due(v),
                        }
                        for v in violations
                    ],
                },
            )
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [chair.email])
        except (OSError, smtplib.SMTPException):
            # Not recorded as sent: the next run tries this chair again.
            logger.exception("Digest to chair %s not sent", chair.pk)
            failed += 1
            continue
        # Recorded after the mail left: a crash in between may send it twice, never not at all.
        DigestSent.objects.get_or_create(
            chair=chair, day=day, defaults={"violations": len(violations), "sent_at": clock.now()}
        )
        sent += 1
    return DigestResult(
        sent=sent,
        skipped_already_sent=already,
        skipped_nothing_to_report=nothing,
        failed=failed,
    )
