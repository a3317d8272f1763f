"""The one way other apps notify people: ``notify()``; and the person's own actions.

Callers name the kind of notice (``filing.accepted``, ``hearing.scheduled``, …), the recipients, the
case and case event it announces, and the values its template needs. This app decides the channels
(``routing``), the language (the person's preference) and the delivery (``dispatch``, on commit);
the in-app inbox of the Court Cabinet always gets a copy.
"""

from __future__ import annotations

import hmac
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from sot.cases.models import Case, CaseEvent
from sot.core import clock
from sot.core.errors import ValidationFailed

from . import contacts, dispatch, rendering
from .models import (
    Channel,
    ContactKind,
    ContactPoint,
    Delivery,
    DeliveryState,
    Notice,
    PushSubscription,
    Responsible,
)
from .routing import Route, route_for

if TYPE_CHECKING:
    from sot.accounts.models import User
    from sot.hearings.models import HearingEvent

CHANNEL_CONTACT = {Channel.SMS: ContactKind.PHONE, Channel.EMAIL: ContactKind.EMAIL}


def _responsible(route: Route, case: Case | None) -> User | None:
    if case is None or route.responsible != Responsible.PRESIDING_JUDGE:
        return None
    from sot.hearings.services import presiding_judge

    judge = presiding_judge(case)
    return judge.user if judge is not None else None


def addresses_of(user_ids: Iterable[int]) -> dict[int, dict[str, str]]:
    """Where each person can be reached: verified, opted-in contact points and push subscriptions."""
    found: dict[int, dict[str, str]] = defaultdict(dict)
    points = ContactPoint.objects.filter(
        user_id__in=user_ids, verified_at__isnull=False, is_opted_in=True
    ).order_by("created_at")
    for point in points:
        channel = {
            ContactKind.PHONE: Channel.SMS,
            ContactKind.EMAIL: Channel.EMAIL,
            ContactKind.POSTAL: Channel.HYBRID_MAIL,
        }[ContactKind(point.kind)]
        found[point.user_id].setdefault(channel, point.value)
    for sub in PushSubscription.objects.filter(user_id__in=user_ids, is_active=True):
        found[sub.user_id].setdefault(Channel.PUSH, str(sub.pk))
    return found


def first_deliveries(route: Route, reachable: Mapping[str, str]) -> list[tuple[str, str, bool]]:
    """(channel, address, is_fallback) to queue now: the route's channels the person has, or else
    the first fallback they have."""
    chosen = [(ch, reachable[ch], False) for ch in route.channels if ch in reachable]
    if chosen:
        return chosen
    for channel in route.fallbacks:
        if channel in reachable:
            return [(channel, reachable[channel], True)]
    return []


@transaction.atomic
def notify(
    *,
    kind: str,
    recipients: Iterable[User],
    case: Case | None = None,
    event: CaseEvent | None = None,
    context: Mapping[str, Any] | None = None,
    due_by: datetime | None = None,
    key: str = "",
    hearing_event: HearingEvent | None = None,
) -> list[Notice]:
    """Record one notice per recipient and queue its deliveries; a repeat with the same ``key``
    (or event) changes nothing and returns the notices already recorded.

    ``key`` identifies what is announced when there is no case event (e.g. ``filing:42:accepted``).
    """
    values = dict(context or {})
    rendering.check_context(kind, values)
    users = list({user.pk: user for user in recipients}.values())
    subject = key or (f"event:{event.pk}" if event is not None else "")
    if not subject and hearing_event is not None:
        subject = f"hearing-event:{hearing_event.pk}"
    keys = {
        user.pk: (f"{kind}|{subject}|{user.pk}" if subject else f"notice:{uuid.uuid4()}")
        for user in users
    }
    existing = {n.dedup_key: n for n in Notice.objects.filter(dedup_key__in=keys.values())}
    route = route_for(kind)
    responsible = _responsible(route, case)
    now = clock.now()
    fresh: list[Notice] = []
    for user in users:
        if keys[user.pk] in existing:
            continue
        lang = user.preferred_language or "kk"
        text = rendering.render(kind, lang, {**values, "recipient_name": user.full_name or ""})
        fresh.append(
            Notice(
                kind=kind,
                recipient=user,
                case=case,
                event=event,
                hearing_event=hearing_event,
                context=values,
                lang=lang,
                subject=text.subject[:300],
                body=text.body,
                due_by=due_by,
                responsible=responsible,
                dedup_key=keys[user.pk],
                created_at=now,
            )
        )
    if fresh:
        _queue(fresh, route, now)
    by_key = {**existing, **{n.dedup_key: n for n in fresh}}
    return [by_key[keys[user.pk]] for user in users]


def _queue(notices: list[Notice], route: Route, now: datetime) -> None:
    try:
        with transaction.atomic():
            Notice.objects.bulk_create(notices)
    except IntegrityError:
        # A concurrent notify() recorded some of them first: fall back to one at a time.
        notices = [n for n in notices if _create_one(n)]
    if notices and notices[0].pk is None:  # backends that do not return ids from bulk inserts
        ids = dict(
            Notice.objects.filter(dedup_key__in=[n.dedup_key for n in notices]).values_list(
                "dedup_key", "pk"
            )
        )
        for notice in notices:
            notice.pk = ids[notice.dedup_key]
    reachable = addresses_of({n.recipient_id for n in notices})
    deliveries = []
    for notice in notices:
        deliveries.append(
            Delivery(
                notice=notice,
                channel=Channel.INBOX,
                state=DeliveryState.DELIVERED,
                provider="inbox",
                sent_at=now,
                delivered_at=now,
                created_at=now,
                next_attempt_at=now,
            )
        )
        for channel, address, is_fallback in first_deliveries(
            route, reachable.get(notice.recipient_id, {})
        ):
            deliveries.append(
                Delivery(
                    notice=notice,
                    channel=channel,
                    address=address,
                    is_fallback=is_fallback,
                    created_at=now,
                    next_attempt_at=now,
                )
            )
    Delivery.objects.bulk_create(deliveries)
    queued = [d for d in deliveries if d.state == DeliveryState.QUEUED]
    if queued and queued[0].pk is None:
        queued = list(
            Delivery.objects.filter(notice__in=notices, state=DeliveryState.QUEUED).only("pk")
        )
    dispatch.enqueue_on_commit([d.pk for d in queued])


def _create_one(notice: Notice) -> bool:
    try:
        with transaction.atomic():
            notice.save(force_insert=True)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def notice_mark_read(*, notice: Notice, user: User) -> Notice:
    """The person opened the notice in the Cabinet: it has reached them (first time counts)."""
    if notice.recipient_id != user.pk:
        raise ValidationFailed(_("This notice is not addressed to you."))
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if notice.read_at is None:
        now = clock.now()
        notice.read_at = now
        notice.reached_at = min(notice.reached_at or now, now)
        notice.save(update_fields=["read_at", "reached_at"])
        notice.deliveries.filter(channel=Channel.INBOX).update(
            state=DeliveryState.READ, read_at=now
        )
    return notice


@transaction.atomic
def contact_point_add(
    *, user: User, kind: str, value: str, is_opted_in: bool = True
) -> ContactPoint:
    """Add a phone, e-mail or postal address; phones and e-mails get a code to prove them."""
    try:
        normalized = contacts.normalize(kind, value)
    except ValidationError as error:
        raise ValidationFailed(fields={"value": list(error.messages)}) from error
    point, created = ContactPoint.objects.get_or_create(
        user=user, kind=kind, value=normalized, defaults={"is_opted_in": is_opted_in}
    )
    if not created and point.is_verified:
        return point
    if kind == ContactKind.POSTAL:
        # A postal address is the person's own statement; the print centre's receipts prove it.
        point.verified_at = clock.now()
        point.save(update_fields=["verified_at"])
    else:
        _send_code(point)
    return point


def _send_code(point: ContactPoint) -> None:
    code = contacts.new_code()
    point.code_hash = contacts.code_digest(point.pk, code)
    point.code_sent_at = clock.now()
    point.code_attempts = 0
    point.save(update_fields=["code_hash", "code_sent_at", "code_attempts"])
    lang = point.user.preferred_language or "kk"
    transaction.on_commit(lambda: dispatch.send_code(point, code, lang))


@transaction.atomic
def contact_point_resend(*, point: ContactPoint) -> ContactPoint:
    point = ContactPoint.objects.select_for_update().select_related("user").get(pk=point.pk)
    if not point.is_verified and point.kind != ContactKind.POSTAL:
        _send_code(point)
    return point


def contact_point_verify(*, point: ContactPoint, code: str) -> ContactPoint:
    """Prove a phone or e-mail with the code sent to it; five wrong codes and it must be resent."""
    with transaction.atomic():
        point = ContactPoint.objects.select_for_update().get(pk=point.pk)
        if point.is_verified:
            return point
        expired = point.code_sent_at is None or clock.now() - point.code_sent_at > contacts.CODE_TTL
        if expired or point.code_attempts >= contacts.MAX_CODE_ATTEMPTS:
            raise ValidationFailed(fields={"code": [_("The code has expired: ask for a new one.")]})
        expected = contacts.code_digest(point.pk, code.strip())
        if hmac.compare_digest(point.code_hash, expected):
            point.verified_at = clock.now()
            point.code_hash = ""
            point.save(update_fields=["verified_at", "code_hash"])
            return point
        # A wrong code counts (committed here), then the error is raised outside the transaction.
        ContactPoint.objects.filter(pk=point.pk).update(code_attempts=F("code_attempts") + 1)
    raise ValidationFailed(fields={"code": [_("The code is not right.")]})


@transaction.atomic
def contact_point_set_opt_in(*, point: ContactPoint, is_opted_in: bool) -> ContactPoint:
    point.is_opted_in = is_opted_in
    point.save(update_fields=["is_opted_in"])
    return point


@transaction.atomic
def contact_point_remove(*, point: ContactPoint, user: User) -> None:
    if point.user_id != user.pk:
        raise ValidationFailed(_("This contact point is not yours."))
    point.delete()


@transaction.atomic
def push_subscribe(*, user: User, endpoint: str, p256dh: str, auth: str) -> PushSubscription:
    subscription, _created = PushSubscription.objects.update_or_create(
        endpoint=endpoint,
        defaults={"user": user, "p256dh": p256dh, "auth": auth, "is_active": True},
    )
    return subscription
