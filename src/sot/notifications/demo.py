"""Demo notifications: contact points for the demo accounts and a few notices in various states.

The demo's SMS and push channels are the local ones (they record messages), so the notices here are
delivered in-process: one delivered by SMS, one read in the Cabinet, one whose e-mail failed and
fell back to SMS, one waiting for paper (hybrid mail). Runs once per database.
"""

from __future__ import annotations

from sot.accounts.models import User
from sot.cases.models import Case
from sot.core import clock

from . import dispatch
from .models import Channel, ContactKind, ContactPoint, Delivery, DeliveryState, Notice
from .services import notice_mark_read, notify

PHONES = {
    "demo.citizen": "+77015550101",
    "demo.lawyer": "+77025550102",
    "demo.prosecutor": "+77055550103",
}
POSTAL = {"demo.citizen": "Астана қ., Мәңгілік Ел даңғылы, 8, 12 пәтер"}


def demo_seed() -> int:
    """Returns the number of notices made (0 when already seeded)."""
    users = {u.username: u for u in User.objects.filter(username__startswith="demo.")}
    if not users or ContactPoint.objects.filter(user__in=users.values()).exists():
        return 0
    now = clock.now()
    points = []
    for username, user in users.items():
        points.append(
            ContactPoint(
                user=user, kind=ContactKind.EMAIL, value=f"{username}@demo.sot.kz", verified_at=now
            )
        )
        if username in PHONES:
            points.append(
                ContactPoint(
                    user=user, kind=ContactKind.PHONE, value=PHONES[username], verified_at=now
                )
            )
        if username in POSTAL:
            points.append(
                ContactPoint(
                    user=user, kind=ContactKind.POSTAL, value=POSTAL[username], verified_at=now
                )
            )
    ContactPoint.objects.bulk_create(points)
    citizen = users.get("demo.citizen")
    if citizen is None:
        return 0
    case = (
        Case.objects.filter(participants__user=citizen).exclude(number=None).order_by("pk").first()
    )
    number = case.number if case is not None and case.number else "—"
    court = case.court.name if case is not None else "—"
    made = [
        notify(
            kind="hearing.resumed",
            recipients=[citizen],
            case=case,
            context={"case_number": number, "court_name": court},
            key="demo:resumed",
        )[0],
        notify(
            kind="act.published",
            recipients=[citizen],
            case=case,
            context={"act_number": "2-1/1", "case_number": number},
            key="demo:published",
        )[0],
        notify(
            kind="filing.returned",
            recipients=[citizen],
            context={
                "filing_number": "D-17",
                "filing_kind": "Талап арыз",
                "grounds": "мемлекеттік баж төленбеген",
            },
            key="demo:returned",
        )[0],
    ]
    # Deliver the SMS now (local channel); leave e-mail queued for a configured server.
    sms = list(
        Delivery.objects.filter(notice__in=made, channel=Channel.SMS).values_list("pk", flat=True)
    )
    dispatch.deliver_many(sms)
    notice_mark_read(notice=made[1], user=citizen)
    # The returned filing's e-mail bounced: failed, and SMS took over as the fallback.
    bounced = Delivery.objects.filter(notice=made[2], channel=Channel.EMAIL).first()
    if bounced is not None:
        Delivery.objects.filter(pk=bounced.pk).update(
            state=DeliveryState.FAILED, attempts=1, failed_at=now, error="550 mailbox unavailable"
        )
        fallback = dispatch.fall_back(Notice.objects.get(pk=made[2].pk))
        if fallback is not None:
            dispatch.deliver_many([fallback.pk])
    return len(made)
