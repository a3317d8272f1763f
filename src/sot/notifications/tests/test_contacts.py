"""Contact points: clear errors at entry, verification codes through the real channels."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from sot.core import clock
from sot.core.errors import ValidationFailed
from sot.notifications import contacts
from sot.notifications.models import ContactKind, ContactPoint, RecordedMessage
from sot.notifications.services import contact_point_add, contact_point_verify

pytestmark = pytest.mark.django_db


def _code(text: str) -> str:
    found = re.search(r"\d{6}", text)
    assert found is not None, text
    return found.group()


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("+7 701 123 45 67", "+77011234567"),
        ("8 (747) 123-45-67", "+77471234567"),
        ("77781234567", "+77781234567"),
    ],
)
def test_kazakhstan_mobiles_are_normalised_to_e164(raw, e164):
    assert contacts.normalize_phone(raw) == e164


@pytest.mark.parametrize(
    "raw", ["", "12345", "+7 727 123 45 67", "+7 912 123 45 67", "+77011234", "+1 202 555 0100"]
)
def test_other_numbers_are_refused(raw):
    with pytest.raises(ValidationError):
        contacts.normalize_phone(raw)


def test_an_invalid_phone_is_a_clear_error_and_saves_nothing(w):
    with pytest.raises(ValidationFailed) as refused:
        contact_point_add(user=w.citizen, kind=ContactKind.PHONE, value="+7 727 000")
    assert refused.value.fields["value"]
    assert not ContactPoint.objects.exists()


def test_an_invalid_email_is_a_clear_error_and_saves_nothing(w):
    with pytest.raises(ValidationFailed) as refused:
        contact_point_add(user=w.citizen, kind=ContactKind.EMAIL, value="not-an-address@")
    assert refused.value.fields["value"]
    assert not ContactPoint.objects.exists()


def test_a_phone_is_verified_with_the_code_sent_by_sms(w, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        point = contact_point_add(user=w.citizen, kind=ContactKind.PHONE, value="8 701 555 44 33")
    assert point.value == "+77015554433"
    assert not point.is_verified
    [sms] = RecordedMessage.objects.filter(address="+77015554433")
    code = _code(sms.text)
    assert "код" in sms.text.lower() or "code" in sms.text.lower()

    with pytest.raises(ValidationFailed):
        contact_point_verify(point=point, code="000000" if code != "000000" else "111111")
    point.refresh_from_db()
    assert point.code_attempts == 1
    assert contact_point_verify(point=point, code=code).is_verified


def test_an_email_is_verified_with_the_code_sent_by_mail(
    w, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        point = contact_point_add(user=w.citizen, kind=ContactKind.EMAIL, value="Aigul@Example.KZ")
    assert point.value == "Aigul@example.kz"
    [mail] = smtp.messages
    code = _code(mail.get_payload(decode=True).decode())
    assert contact_point_verify(point=point, code=code).is_verified


def test_a_code_expires(w, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        point = contact_point_add(user=w.citizen, kind=ContactKind.PHONE, value="+77015554434")
    code = _code(RecordedMessage.objects.get().text)
    with clock.frozen(clock.now() + timedelta(minutes=16)), pytest.raises(ValidationFailed):
        contact_point_verify(point=point, code=code)


def test_unverified_contacts_get_no_notices(w, django_capture_on_commit_callbacks):
    from sot.notifications.services import notify

    with django_capture_on_commit_callbacks(execute=True):
        contact_point_add(user=w.citizen, kind=ContactKind.PHONE, value="+77015554435")
        notice = notify(
            kind="hearing.suspended",
            recipients=[w.citizen],
            context={"case_number": "1", "court_name": "c"},
            key="x",
        )[0]
    assert list(notice.deliveries.values_list("channel", flat=True)) == ["inbox"]
