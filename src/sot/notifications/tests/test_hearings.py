"""Hearing events become notices to the people summoned, with the delivery deadline the rule sets."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from sot.hearings.models import HearingEvent, HearingEventKind, PostponementReason, SuspensionGround
from sot.hearings.services import hearing_postpone, hearing_schedule
from sot.hearings.suspensions import case_suspend
from sot.notifications.models import Notice

from .conftest import ALMATY

pytestmark = pytest.mark.django_db

STARTS = datetime(2026, 3, 20, 10, 0, tzinfo=ALMATY)


def _schedule(w, capture, starts=STARTS):
    with capture(execute=True):
        return hearing_schedule(
            case=w.case,
            courtroom=w.room,
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            acting_user=w.clerk,
            summoned=[w.plaintiff, w.advocate],
        )


def test_scheduling_notifies_each_summoned_person_in_their_language(
    w, django_capture_on_commit_callbacks
):
    hearing = _schedule(w, django_capture_on_commit_callbacks)

    notices = Notice.objects.filter(kind="hearing.scheduled").order_by("recipient_id")
    assert {n.recipient for n in notices} == {w.citizen, w.lawyer}
    event = HearingEvent.objects.get(hearing=hearing, kind=HearingEventKind.SCHEDULED)
    for notice in notices:
        assert notice.hearing_event == event
        assert notice.case == w.case
        # Delivered at least three days ahead (the default routing rule).
        assert notice.due_by == STARTS - timedelta(days=3)
        assert "20.03.2026 10:00" in notice.body
        assert notice.responsible == w.judge.user
    assert notices.get(recipient=w.citizen).lang == "kk"
    assert "тағайындалды" in notices.get(recipient=w.citizen).subject
    assert "назначено" in notices.get(recipient=w.lawyer).subject


def test_a_postponement_is_one_notice_with_both_times(w, django_capture_on_commit_callbacks):
    hearing = _schedule(w, django_capture_on_commit_callbacks)
    reason = PostponementReason.objects.filter(is_active=True).first()
    later = STARTS + timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        hearing_postpone(
            hearing=hearing,
            reason=reason,
            new_starts_at=later,
            new_ends_at=later + timedelta(hours=1),
            acting_user=w.clerk,
        )

    postponed = Notice.objects.filter(kind="hearing.postponed", recipient=w.lawyer).get()
    assert "20.03.2026 10:00" in postponed.body
    assert "27.03.2026 10:00" in postponed.body
    assert postponed.due_by == later - timedelta(days=1)
    # No second "scheduled" notice for the replacement hearing.
    assert Notice.objects.filter(kind="hearing.scheduled", recipient=w.lawyer).count() == 1


def test_suspension_cancels_the_hearing_and_tells_everyone(w, django_capture_on_commit_callbacks):
    _schedule(w, django_capture_on_commit_callbacks)
    ground = SuspensionGround.objects.filter(is_active=True).first()
    with django_capture_on_commit_callbacks(execute=True):
        case_suspend(case=w.case, ground=ground, acting_user=w.judge.user)

    assert Notice.objects.filter(kind="hearing.cancelled", recipient=w.citizen).count() == 1
    assert Notice.objects.filter(kind="hearing.suspended", recipient=w.citizen).count() == 1
