"""A notice not delivered in time is a NOTICE_LATE violation for the Situational Center."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sot.core import clock
from sot.deadlines.models import Violation, ViolationKind
from sot.notifications import dispatch, monitor
from sot.notifications.models import Channel, DeliveryState
from sot.notifications.services import notice_mark_read, notify

from .factories import ContactPointFactory

pytestmark = pytest.mark.django_db

CONTEXT = {
    "case_number": "2-9/26",
    "court_name": "Сот",
    "starts_at": "13.03.2026 10:00",
    "courtroom": "3",
    "court_address": "Абай даңғылы, 1",
}


def _summons(w, capture, due_in=timedelta(days=1)):
    with capture(execute=True):
        return notify(
            kind="hearing.scheduled",
            recipients=[w.citizen],
            case=w.case,
            context=CONTEXT,
            due_by=clock.now() + due_in,
            key="hearing:1",
        )[0]


def test_a_notice_never_reached_is_recorded_late_once(w, smtp, django_capture_on_commit_callbacks):
    ContactPointFactory(
        user=w.citizen
    )  # e-mail is only a fallback for summons; nothing proves delivery
    notice = _summons(w, django_capture_on_commit_callbacks)

    assert monitor.late_notices_record() == 0  # not due yet
    with clock.frozen(clock.now() + timedelta(days=2)):
        assert monitor.late_notices_record() == 1
        assert monitor.late_notices_record() == 0
    violation = Violation.objects.get(kind=ViolationKind.NOTICE_LATE)
    assert violation.source == f"notice:{notice.pk}"
    assert violation.case == w.case
    assert violation.due_at == notice.due_by
    assert violation.responsible == w.judge.user


def test_a_notice_read_in_time_is_no_violation(w, django_capture_on_commit_callbacks):
    notice = _summons(w, django_capture_on_commit_callbacks)
    notice_mark_read(notice=notice, user=w.citizen)
    with clock.frozen(clock.now() + timedelta(days=2)):
        assert monitor.late_notices_record() == 0
    assert not Violation.objects.exists()


def test_a_receipt_after_the_deadline_is_still_late(w, smtp, django_capture_on_commit_callbacks):
    ContactPointFactory(user=w.citizen)
    with django_capture_on_commit_callbacks(execute=True):
        notice = notify(
            kind="filing.accepted",
            recipients=[w.citizen],
            case=w.case,
            context={
                "filing_number": "1",
                "filing_kind": "x",
                "case_number": "1",
                "court_name": "c",
            },
            due_by=clock.now() + timedelta(hours=1),
            key="f",
        )[0]
    email = notice.deliveries.get(channel=Channel.EMAIL)
    late = clock.now() + timedelta(hours=5)
    dispatch.receipt_record(
        providers=["smtp"], provider_id=email.provider_id, status="delivered", at=late
    )
    with clock.frozen(late):
        assert monitor.late_notices_record() == 1
    assert Violation.objects.get().detected_at == late
    email.refresh_from_db()
    assert email.state == DeliveryState.DELIVERED
