"""Delivering: claim a delivery, hand it to its channel, record the outcome; retries, fallbacks,
receipts and recovery after a crashed worker.

Exactly-once cannot be had across a provider that has no idempotent API (SMTP, SMPP), so each
(notice, channel) is sent **at most once** (ADR 0009):

1. *Claim*: ``UPDATE … SET state='sending' WHERE id=… AND state='queued'`` commits before the
   provider is called. Only one worker's update matches, so a task run twice (a retry, a second
   worker, a re-enqueue by the sweeper) sends nothing the second time.
2. *Send*, with the delivery's UUID as the provider's idempotency key (SMTP ``Message-ID``).
3. *Record*: ``sent`` with the provider's receipt id, or ``queued`` again with a backoff (temporary
   error), or ``failed`` and the next fallback channel (permanent error or attempts used up).

A worker killed between 1 and 3 leaves the delivery ``sending``. After a lease the sweeper marks it
``interrupted`` (outcome unknown, not resent on that channel) and starts the fallback channel, so
the person is reached by another route instead of twice by the same one.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import translation
from django.utils.translation import gettext as _

from sot.core import clock

from .channels import Outgoing, SendResult, channel_for
from .channels.base import ChannelError, PermanentError
from .models import (
    Channel,
    ContactKind,
    ContactPoint,
    Delivery,
    DeliveryState,
    Notice,
    PushSubscription,
)
from .routing import route_for

logger = logging.getLogger(__name__)

BATCH = 50  # deliveries per task: one SMTP/SMPP session serves them all
# Deliveries claimed per durable commit: the most a worker killed mid-group leaves "interrupted".
CLAIM_GROUP = 10


def lease() -> timedelta:
    return timedelta(seconds=float(getattr(settings, "SOT_NOTIFY_SENDING_LEASE", 300)))


# --- queueing ----------------------------------------------------------------------------------


def enqueue(ids: Sequence[int], run_after: datetime | None = None) -> None:
    from . import tasks

    for start in range(0, len(ids), BATCH):
        chunk = list(ids[start : start + BATCH])
        if run_after is not None:
            if not tasks.deliver.get_backend().supports_defer:
                return  # the sweeper picks it up when due
            tasks.deliver.using(run_after=run_after).enqueue(chunk)
        else:
            tasks.deliver.enqueue(chunk)


def enqueue_on_commit(ids: Sequence[int], run_after: datetime | None = None) -> None:
    if ids:
        transaction.on_commit(lambda: enqueue(ids, run_after), robust=False)


# --- sending -----------------------------------------------------------------------------------


def deliver_many(ids: Iterable[int]) -> int:
    """Send the given deliveries that are still queued and due; returns how many were sent."""
    now = clock.now()
    due = list(
        Delivery.objects.filter(
            pk__in=list(ids), state=DeliveryState.QUEUED, next_attempt_at__lte=now
        )
        .select_related("notice__recipient", "notice__case__court")
        .order_by("pk")
    )
    groups: dict[str, list[Delivery]] = defaultdict(list)
    for delivery in due:
        groups[delivery.channel].append(delivery)
    sent = 0
    for channel, deliveries in groups.items():
        sent += _deliver_channel(channel, deliveries)
    return sent


def _deliver_channel(channel: str, deliveries: list[Delivery]) -> int:
    adapter = channel_for(channel)
    sent = 0
    receipts: list[tuple[str, str]] = []
    try:
        with adapter.session() as session:
            for start in range(0, len(deliveries), CLAIM_GROUP):
                claimed = _claim(deliveries[start : start + CLAIM_GROUP])
                done: list[tuple[Delivery, SendResult]] = []
                failures: list[tuple[Delivery, ChannelError]] = []
                try:
                    for delivery in claimed:
                        try:
                            done.append((delivery, adapter.send(outgoing(delivery), session)))
                        except PermanentError as error:
                            failures.append((delivery, error))
                        except ChannelError as error:
                            # The connection may be broken: fail the rest of the group as well
                            # (nothing of it was sent); they are retried with a backoff.
                            failures.extend((d, error) for d in claimed[claimed.index(delivery) :])
                            break
                finally:
                    _record_sent(done)
                for delivery, failure in failures:
                    _failed(delivery, failure)
                sent += len(done)
                if failures and not isinstance(failures[-1][1], PermanentError):
                    raise failures[-1][1]
            receipts = _collect_receipts(adapter, session)
    except ChannelError as error:
        # The session failed (gateway down, connection lost): whatever was not claimed yet was not
        # sent; it counts as an attempt too, so a gateway that stays down ends in the fallback.
        for delivery in _claim([d for d in deliveries if d.state == DeliveryState.QUEUED]):
            _failed(delivery, error)
    for provider_id, status in receipts:
        receipt_record(providers=[adapter.provider], provider_id=provider_id, status=status)
    return sent


def _collect_receipts(adapter: object, connection: object) -> list[tuple[str, str]]:
    """Receipts a gateway sent on this session (SMPP deliver_sm); others arrive at the endpoint."""
    read = getattr(adapter, "read_receipts", None)
    if read is None:
        return []
    wait = float(getattr(settings, "SOT_SMPP_RECEIPT_WAIT", 0.5))
    found: list[tuple[str, str]] = read(connection, wait=wait)
    return found


def _claim(deliveries: list[Delivery]) -> list[Delivery]:
    """Take these deliveries for this worker, in one durable commit; returns those it won.

    On PostgreSQL ``SKIP LOCKED`` passes over rows another worker is claiming right now; the
    conditional update (``state='queued'``) with this claim's token decides on every database.
    """
    if not deliveries:
        return []
    now = clock.now()
    token = uuid.uuid4().hex
    ids = [d.pk for d in deliveries]
    with transaction.atomic():
        free = list(
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk__in=ids, state=DeliveryState.QUEUED)
            .values_list("pk", flat=True)
        )
        Delivery.objects.filter(pk__in=free, state=DeliveryState.QUEUED).update(
            state=DeliveryState.SENDING,
            claimed_at=now,
            claim_token=token,
            attempts=F("attempts") + 1,
        )
    won = set(Delivery.objects.filter(pk__in=free, claim_token=token).values_list("pk", flat=True))
    claimed = [d for d in deliveries if d.pk in won]
    for delivery in claimed:
        delivery.state = DeliveryState.SENDING
        delivery.claimed_at = now
        delivery.claim_token = token
        delivery.attempts += 1
    return claimed


def _record_sent(done: list[tuple[Delivery, SendResult]]) -> None:
    """Record what the provider took, in one commit.

    Losing this commit (a crash) leaves the rows "sending", which the sweeper turns into
    "interrupted" and never resends; so on PostgreSQL it need not wait for the disk
    (``synchronous_commit off``), while the claim before the send always does.
    """
    if not done:
        return
    now = clock.now()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        # Only rows still "sending" (the sweeper may have judged a very late one interrupted).
        still = set(
            Delivery.objects.select_for_update()
            .filter(pk__in=[d.pk for d, _r in done], state=DeliveryState.SENDING)
            .values_list("pk", flat=True)
        )
        rows = []
        for delivery, result in done:
            if delivery.pk not in still:
                continue
            delivery.state = DeliveryState.DELIVERED if result.is_delivered else DeliveryState.SENT
            delivery.sent_at = now
            delivery.delivered_at = now if result.is_delivered else None
            delivery.provider = result.provider
            delivery.provider_id = result.provider_id
            delivery.error = ""
            rows.append(delivery)
        Delivery.objects.bulk_update(
            rows, ["state", "sent_at", "delivered_at", "provider", "provider_id", "error"]
        )
        for delivery in rows:
            if delivery.delivered_at is not None:
                _reached(delivery.notice_id, now)


def _failed(delivery: Delivery, error: ChannelError) -> None:
    route = route_for(delivery.notice.kind)
    now = clock.now()
    message = str(error)[:2000] or type(error).__name__
    logger.warning("notice delivery %s via %s failed: %s", delivery.pk, delivery.channel, message)
    with transaction.atomic():
        if not isinstance(error, PermanentError) and delivery.attempts < route.max_attempts:
            backoff = route.retry_after * (2 ** (delivery.attempts - 1))
            retry_at = now + backoff
            Delivery.objects.filter(pk=delivery.pk, state=DeliveryState.SENDING).update(
                state=DeliveryState.QUEUED, next_attempt_at=retry_at, error=message
            )
            enqueue_on_commit([delivery.pk], run_after=retry_at)
            return
        Delivery.objects.filter(pk=delivery.pk, state=DeliveryState.SENDING).update(
            state=DeliveryState.FAILED, failed_at=now, error=message
        )
        fall_back(delivery.notice)


def _reached(notice_id: int, at: datetime) -> None:
    Notice.objects.filter(Q(reached_at__isnull=True) | Q(reached_at__gt=at), pk=notice_id).update(
        reached_at=at
    )


def fall_back(notice: Notice) -> Delivery | None:
    """Queue the route's next fallback channel the person can be reached on (once each)."""
    if notice.reached_at is not None:
        return None
    from .services import addresses_of

    route = route_for(notice.kind)
    tried = set(notice.deliveries.values_list("channel", flat=True))
    reachable = addresses_of([notice.recipient_id]).get(notice.recipient_id, {})
    for channel in route.fallbacks:
        if channel in tried or channel not in reachable:
            continue
        delivery = Delivery.objects.create(
            notice=notice, channel=channel, address=reachable[channel], is_fallback=True
        )
        enqueue_on_commit([delivery.pk])
        return delivery
    return None


def outgoing(delivery: Delivery) -> Outgoing:
    notice = delivery.notice
    address = delivery.address
    if delivery.channel == Channel.PUSH:
        sub = PushSubscription.objects.get(pk=int(address))
        address = json.dumps(
            {"endpoint": sub.endpoint, "keys": {"p256dh": sub.p256dh, "auth": sub.auth}}
        )
    extra = {
        "recipient_name": notice.recipient.full_name,
        "postal_address": delivery.address if delivery.channel == Channel.HYBRID_MAIL else "",
        "case_number": notice.context.get("case_number", ""),
        "court_name": notice.context.get("court_name", ""),
        "notice_id": notice.pk,
    }
    return Outgoing(
        key=str(delivery.key),
        address=address,
        subject=notice.subject,
        body=notice.body,
        lang=notice.lang,
        extra=extra,
    )


# --- receipts ----------------------------------------------------------------------------------


def receipt_record(
    *,
    providers: Sequence[str],
    provider_id: str,
    status: str,
    at: datetime | None = None,
    error: str = "",
) -> Delivery | None:
    """A provider's delivery receipt. Repeats change nothing; a failure starts the fallback."""
    at = at or clock.now()
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update()
            .select_related("notice")
            .filter(provider__in=providers, provider_id=provider_id)
            .first()
        )
        if delivery is None:
            return None
        open_states = (DeliveryState.SENT, DeliveryState.SENDING, DeliveryState.INTERRUPTED)
        if delivery.state not in open_states:
            return delivery
        if status == "delivered":
            delivery.state = DeliveryState.DELIVERED
            delivery.delivered_at = at
            delivery.save(update_fields=["state", "delivered_at"])
            _reached(delivery.notice_id, at)
        else:
            delivery.state = DeliveryState.FAILED
            delivery.failed_at = at
            delivery.error = (error or "provider reported failure")[:2000]
            delivery.save(update_fields=["state", "failed_at", "error"])
            fall_back(delivery.notice)
    return delivery


# --- recovery ----------------------------------------------------------------------------------


def recover(*, now: datetime | None = None, stale_after: timedelta | None = None) -> dict[str, int]:
    """Run by the sweeper: mark deliveries a dead worker left ``sending`` as interrupted (and fall
    back), and re-enqueue queued deliveries that are due but whose task was lost."""
    now = now or clock.now()
    limit = now - (lease() if stale_after is None else stale_after)
    interrupted = 0
    with transaction.atomic():
        # SKIP LOCKED: two sweepers never judge the same row; a row a receipt holds waits.
        stale = list(
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(state=DeliveryState.SENDING, claimed_at__lt=limit)
            .select_related("notice")
        )
        for delivery in stale:
            delivery.state = DeliveryState.INTERRUPTED
            delivery.failed_at = now
            delivery.error = "worker stopped after claiming: outcome unknown, not resent"
            delivery.save(update_fields=["state", "failed_at", "error"])
            fall_back(delivery.notice)
            interrupted += 1
    due = list(
        Delivery.objects.filter(state=DeliveryState.QUEUED, next_attempt_at__lte=now).values_list(
            "pk", flat=True
        )
    )
    enqueue(due)
    return {"interrupted": interrupted, "requeued": len(due)}


# --- verification codes ------------------------------------------------------------------------


def send_code(point: ContactPoint, code: str, lang: str) -> None:
    """Send a contact point's verification code straight through its channel (no notice)."""
    channel = Channel.SMS if point.kind == ContactKind.PHONE else Channel.EMAIL
    adapter = channel_for(channel)
    with translation.override(lang):
        text = _("Your Sot verification code: %(code)s. It is valid for 15 minutes.") % {
            "code": code
        }
        subject = _("Sot: confirm your contact details")
    message = Outgoing(
        key=f"verify-{point.pk}-{int(point.code_sent_at.timestamp()) if point.code_sent_at else 0}",
        address=point.value,
        subject=subject,
        body=text,
        lang=lang,
    )
    try:
        with adapter.session() as connection:
            adapter.send(message, connection)
    except ChannelError:
        # The person sees no code arrive and asks again; the page says how.
        logger.exception("verification code for contact point %s not sent", point.pk)
