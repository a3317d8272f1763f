"""E-mail through Django's SMTP backend into a real SMTP server on 127.0.0.1 (aiosmtpd)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sot.core import clock
from sot.notifications import dispatch
from sot.notifications.models import Channel, ContactKind, Delivery, DeliveryState, RecordedMessage
from sot.notifications.services import notify

from .conftest import accepted_context
from .factories import ContactPointFactory, phone

pytestmark = pytest.mark.django_db


def _accepted(w, capture, **kwargs):
    with capture(execute=True):
        return notify(
            kind="filing.accepted",
            recipients=[w.lawyer],
            case=w.case,
            context=accepted_context(w.case),
            key="filing:1:accepted",
            **kwargs,
        )[0]


def test_a_notice_reaches_the_smtp_server_with_its_delivery_key(
    w, smtp, django_capture_on_commit_callbacks
):
    ContactPointFactory(user=w.lawyer, value="lawyer@example.kz")

    notice = _accepted(w, django_capture_on_commit_callbacks)

    [mail] = smtp.messages
    delivery = notice.deliveries.get(channel=Channel.EMAIL)
    assert mail["To"] == "lawyer@example.kz"
    assert mail["Message-ID"] == f"<{delivery.key}@notices.sot>"
    assert "принято к производству" in mail["Subject"] or "принято" in str(
        mail.get_payload(decode=True), "utf-8"
    )
    assert w.case.number in mail.get_payload(decode=True).decode()
    assert delivery.state == DeliveryState.SENT
    assert delivery.provider == "smtp"
    assert delivery.provider_id == mail["Message-ID"]
    assert delivery.sent_at == clock.now()
    # The inbox always has it, delivered at once.
    assert notice.deliveries.get(channel=Channel.INBOX).state == DeliveryState.DELIVERED


def test_the_same_notice_twice_is_one_notice_and_one_mail(
    w, smtp, django_capture_on_commit_callbacks
):
    ContactPointFactory(user=w.lawyer)
    first = _accepted(w, django_capture_on_commit_callbacks)
    again = _accepted(w, django_capture_on_commit_callbacks)
    assert first.pk == again.pk
    assert len(smtp.messages) == 1


def test_a_delivery_task_run_twice_sends_once(w, smtp, django_capture_on_commit_callbacks):
    ContactPointFactory(user=w.lawyer)
    notice = _accepted(w, django_capture_on_commit_callbacks)
    delivery = notice.deliveries.get(channel=Channel.EMAIL)

    assert dispatch.deliver_many([delivery.pk]) == 0
    Delivery.objects.filter(pk=delivery.pk).update(state=DeliveryState.SENDING)
    assert dispatch.deliver_many([delivery.pk]) == 0
    assert len(smtp.messages) == 1


def test_a_refused_address_fails_at_once_and_falls_back_to_sms(
    w, smtp, django_capture_on_commit_callbacks
):
    """Routing for filing.accepted: e-mail, then SMS as the fallback."""
    ContactPointFactory(user=w.lawyer, value="gone@example.kz")
    ContactPointFactory(user=w.lawyer, kind=ContactKind.PHONE, value=phone(1))
    smtp.refuse("gone@example.kz")

    notice = _accepted(w, django_capture_on_commit_callbacks)

    email = notice.deliveries.get(channel=Channel.EMAIL)
    assert email.state == DeliveryState.FAILED
    assert "refused" in email.error
    sms = notice.deliveries.get(channel=Channel.SMS)
    assert sms.is_fallback
    assert sms.state == DeliveryState.DELIVERED  # the local SMS channel records it
    assert RecordedMessage.objects.get(key=str(sms.key)).address == phone(1)


def test_a_server_that_is_down_is_retried_with_backoff_then_falls_back(
    w, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # nothing listens: connection refused
    settings.EMAIL_TIMEOUT = 2
    ContactPointFactory(user=w.lawyer)
    ContactPointFactory(user=w.lawyer, kind=ContactKind.PHONE, value=phone(2))

    notice = _accepted(w, django_capture_on_commit_callbacks)
    email = notice.deliveries.get(channel=Channel.EMAIL)
    assert (email.state, email.attempts) == (DeliveryState.QUEUED, 1)
    assert email.next_attempt_at == clock.now() + timedelta(seconds=30)
    assert not notice.deliveries.filter(channel=Channel.SMS).exists()

    # Not due yet: nothing happens.
    assert dispatch.deliver_many([email.pk]) == 0
    email.refresh_from_db()
    assert email.attempts == 1

    start = clock.now()
    for attempt, wait in ((2, 30), (3, 90)):
        with (
            clock.frozen(start + timedelta(seconds=wait)),
            django_capture_on_commit_callbacks(execute=True),
        ):
            dispatch.deliver_many([email.pk])
        email.refresh_from_db()
        assert email.attempts == attempt
    assert email.state == DeliveryState.FAILED
    assert email.error
    assert notice.deliveries.get(channel=Channel.SMS).state == DeliveryState.DELIVERED
