"""SMS through the SMPP adapter against a small SMPP gateway on 127.0.0.1."""

from __future__ import annotations

import pytest

from sot.notifications.models import Channel, ContactKind, DeliveryState, Notice
from sot.notifications.services import notify

from .factories import ContactPointFactory, phone

pytestmark = pytest.mark.django_db

CONTEXT = {"case_number": "2-15/26", "court_name": "Алматы аудандық соты"}


def _suspended(w, capture):
    with capture(execute=True):
        return notify(
            kind="hearing.suspended", recipients=[w.citizen], case=w.case, context=CONTEXT, key="s1"
        )[0]


def test_sms_is_submitted_in_kazakh_and_the_receipt_marks_it_delivered(
    w, smpp, django_capture_on_commit_callbacks
):
    ContactPointFactory(user=w.citizen, kind=ContactKind.PHONE, value=phone(5))

    notice = _suspended(w, django_capture_on_commit_callbacks)

    assert smpp.binds == ["sot-test"]
    texts = [m["text"] for m in smpp.submitted if m["to"] == phone(5)]
    assert "тоқтата тұрды" in "".join(texts)
    sms = notice.deliveries.get(channel=Channel.SMS)
    assert sms.provider == "smpp"
    assert sms.provider_id == smpp.submitted[-1]["id"]
    # The gateway's deliver_sm receipt (stat:DELIVRD) was read on the same session.
    assert sms.state == DeliveryState.DELIVERED
    assert Notice.objects.get(pk=notice.pk).reached_at is not None


def test_an_invalid_destination_fails_for_good_and_falls_back_to_email(
    w, smpp, smtp, django_capture_on_commit_callbacks
):
    """Routing for hearing.suspended: SMS, then e-mail."""
    ContactPointFactory(user=w.citizen, kind=ContactKind.PHONE, value=phone(6))
    ContactPointFactory(user=w.citizen, value="citizen@example.kz")
    smpp.fail_numbers.add(phone(6))

    notice = _suspended(w, django_capture_on_commit_callbacks)

    sms = notice.deliveries.get(channel=Channel.SMS)
    assert sms.state == DeliveryState.FAILED
    assert "0xb" in sms.error
    assert notice.deliveries.get(channel=Channel.EMAIL).is_fallback
    assert [m["To"] for m in smtp.messages] == ["citizen@example.kz"]


def test_an_undeliverable_receipt_starts_the_fallback(
    w, smpp, smtp, django_capture_on_commit_callbacks
):
    ContactPointFactory(user=w.citizen, kind=ContactKind.PHONE, value=phone(7))
    ContactPointFactory(user=w.citizen, value="citizen7@example.kz")
    smpp.undeliverable.add(phone(7))

    notice = _suspended(w, django_capture_on_commit_callbacks)

    assert notice.deliveries.get(channel=Channel.SMS).state == DeliveryState.FAILED
    assert notice.deliveries.get(channel=Channel.EMAIL).state == DeliveryState.SENT
    assert len(smtp.messages) == 1


def test_a_gateway_that_is_down_keeps_the_sms_queued_for_a_retry(
    w, settings, django_capture_on_commit_callbacks
):
    settings.SOT_NOTIFY_SMS_BACKEND = "sot.notifications.channels.sms.SmppSms"
    settings.SOT_SMPP_PORT = 9
    settings.SOT_SMPP_TIMEOUT = 1
    ContactPointFactory(user=w.citizen, kind=ContactKind.PHONE, value=phone(8))

    notice = _suspended(w, django_capture_on_commit_callbacks)

    sms = notice.deliveries.get(channel=Channel.SMS)
    assert (sms.state, sms.attempts) == (DeliveryState.QUEUED, 1)
    assert "bind" in sms.error
