"""Scheduling, conflicts, opening and closing hearings, postponements (ГПК РК, ст. 198)."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from sot.cases.models import CaseEvent, CaseEventKind, CaseStatus
from sot.core import clock
from sot.core.errors import Conflict, Forbidden, InvalidTransition, ValidationFailed
from sot.deadlines.models import Violation, ViolationKind
from sot.hearings import services
from sot.hearings.models import (
    Hearing,
    HearingEvent,
    HearingEventKind,
    HearingFormat,
    HearingStatus,
    Postponement,
    PostponementReason,
)

from .conftest import at

pytestmark = pytest.mark.django_db


def reason(code: str) -> PostponementReason:
    return PostponementReason.objects.get(code=code)


class TestSchedule:
    def test_scheduling_books_the_presiding_judge_and_moves_the_case(self, w, schedule):
        hearing = schedule(summoned=[w.plaintiff, w.advocate])

        assert hearing.judge == w.judge
        assert hearing.status == HearingStatus.SCHEDULED
        assert set(hearing.summoned.all()) == {w.plaintiff, w.advocate}
        w.case.refresh_from_db()
        assert w.case.status == CaseStatus.SCHEDULED
        event = CaseEvent.objects.get(case=w.case, kind=CaseEventKind.SCHEDULED)
        assert event.actor == w.clerk
        assert "12.03.2026 10:00" in event.payload["note"]
        assert HearingEvent.objects.filter(hearing=hearing, kind="scheduled").count() == 1

    def test_a_second_hearing_of_a_scheduled_case_leaves_the_status_alone(self, w, schedule):
        schedule()
        schedule(starts_at=at(13, 10), ends_at=at(13, 11))

        assert Hearing.objects.filter(case=w.case).count() == 2
        assert CaseEvent.objects.filter(case=w.case, kind=CaseEventKind.SCHEDULED).count() == 1
        assert HearingEvent.objects.filter(case=w.case, kind="scheduled").count() == 2

    def test_the_same_submission_twice_schedules_once(self, w, schedule):
        key = uuid.uuid4()
        first = schedule(submission_key=key)
        second = schedule(submission_key=key)

        assert first.pk == second.pk
        assert Hearing.objects.count() == 1

    def test_a_stranger_cannot_schedule(self, w, schedule):
        with pytest.raises(Forbidden):
            schedule(acting_user=w.stranger)
        assert not Hearing.objects.exists()

    @pytest.mark.parametrize(
        ("starts", "ends", "field"),
        [
            (at(9, 10), at(9, 11), "starts_at"),  # yesterday
            (at(12, 11), at(12, 10), "ends_at"),
            (at(12, 8), at(12, 21), "ends_at"),  # thirteen hours
            (None, at(12, 11), "starts_at"),
        ],
    )
    def test_a_bad_slot_is_refused_and_nothing_is_written(self, w, schedule, starts, ends, field):
        with pytest.raises(ValidationFailed) as refused:
            schedule(starts_at=starts, ends_at=ends)

        assert field in refused.value.fields
        assert not Hearing.objects.exists()
        w.case.refresh_from_db()
        assert w.case.status == CaseStatus.ACCEPTED

    def test_a_courtroom_of_another_court_is_refused(self, w, schedule):
        from sot.hearings.models import Courtroom

        elsewhere = Courtroom.objects.create(court=w.other_court, number="9")
        with pytest.raises(ValidationFailed) as refused:
            schedule(courtroom=elsewhere)
        assert "courtroom" in refused.value.fields

    def test_participants_of_another_case_cannot_be_summoned(self, w, schedule):
        with pytest.raises(ValidationFailed) as refused:
            schedule(summoned=[w.other_advocate])
        assert "participants" in refused.value.fields

    def test_a_case_without_a_judge_cannot_be_scheduled(self, w, schedule):
        w.case.bench.all().delete()
        with pytest.raises(ValidationFailed) as refused:
            schedule()
        assert "judge" in refused.value.fields

    def test_a_case_not_yet_accepted_cannot_be_scheduled(self, w, schedule):
        w.case.status = CaseStatus.REGISTERED
        w.case.save()
        with pytest.raises(InvalidTransition):
            schedule()
        assert not Hearing.objects.exists()

    def test_a_video_hearing_gets_a_room(self, w, schedule):
        hearing = schedule(hearing_format=HearingFormat.VIDEO)
        assert hearing.video_backend == "local"
        assert len(hearing.video_room) >= 20


class TestConflicts:
    def test_the_same_judge_booked_twice(self, w, schedule):
        schedule()
        with pytest.raises(Conflict) as refused:
            schedule(courtroom=w.other_room, starts_at=at(12, 10, 30), ends_at=at(12, 12))

        assert set(refused.value.fields) == {"judge"}
        assert "12.03.2026 10:00" in str(refused.value.fields["judge"][0])
        assert Hearing.objects.count() == 1

    def test_the_same_courtroom_booked_twice(self, w, schedule):
        schedule()
        with pytest.raises(Conflict) as refused:
            schedule(case=w.other_case, starts_at=at(12, 9, 30), ends_at=at(12, 10, 15))

        assert set(refused.value.fields) == {"courtroom"}
        assert Hearing.objects.count() == 1

    def test_the_same_advocate_booked_twice(self, w, schedule):
        schedule(summoned=[w.advocate])
        with pytest.raises(Conflict) as refused:
            schedule(
                case=w.other_case,
                courtroom=w.other_room,
                summoned=[w.other_advocate],
                starts_at=at(12, 10, 30),
                ends_at=at(12, 11, 30),
            )

        assert set(refused.value.fields) == {"participants"}
        assert w.other_advocate.name in str(refused.value.fields["participants"][0])
        assert Hearing.objects.count() == 1

    def test_back_to_back_hearings_do_not_clash(self, w, schedule):
        schedule()
        schedule(starts_at=at(12, 11), ends_at=at(12, 12))
        assert Hearing.objects.count() == 2

    def test_a_postponed_hearing_frees_its_slot(self, w, schedule):
        hearing = schedule()
        services.hearing_postpone(
            hearing=hearing,
            reason=reason("party_illness"),
            new_starts_at=at(19, 10),
            new_ends_at=at(19, 11),
            acting_user=w.clerk,
        )
        schedule(case=w.other_case, judge=None)  # the other judge, in the freed room and time
        assert Hearing.objects.filter(starts_at=at(12, 10)).count() == 2


class TestStart:
    def test_a_start_exactly_at_the_tolerance_is_on_time(self, w, schedule):
        hearing = schedule()
        with clock.frozen(at(12, 10, 10)):
            services.hearing_start(hearing=hearing, acting_user=w.clerk)

        hearing.refresh_from_db()
        assert hearing.status == HearingStatus.IN_PROGRESS
        assert hearing.actual_start == at(12, 10, 10)
        assert not Violation.objects.exists()
        assert hearing.events.filter(kind=HearingEventKind.STARTED).exists()

    def test_a_start_past_the_tolerance_is_a_late_start(self, w, schedule):
        hearing = schedule()
        with clock.frozen(at(12, 10, 25)):
            services.hearing_start(hearing=hearing, acting_user=w.judge.user)

        violation = Violation.objects.get()
        assert violation.kind == ViolationKind.HEARING_STARTED_LATE
        assert violation.source == f"hearing:{hearing.pk}"
        assert violation.case == w.case
        assert violation.responsible == w.judge.user
        assert violation.delay == timedelta(minutes=25)
        assert hearing.events.filter(kind=HearingEventKind.STARTED_LATE).exists()

    def test_the_tolerance_is_a_setting(self, w, schedule, settings):
        settings.SOT_HEARING_LATE_START_MINUTES = 30
        hearing = schedule()
        with clock.frozen(at(12, 10, 25)):
            services.hearing_start(hearing=hearing, acting_user=w.clerk)
        assert not Violation.objects.exists()

    def test_a_start_before_the_scheduled_day_is_refused(self, w, schedule):
        hearing = schedule()
        with clock.frozen(at(11, 18)), pytest.raises(ValidationFailed) as refused:
            services.hearing_start(hearing=hearing, acting_user=w.clerk)

        assert "started_at" in refused.value.fields
        hearing.refresh_from_db()
        assert hearing.status == HearingStatus.SCHEDULED
        assert hearing.actual_start is None

    def test_a_start_earlier_on_the_day_is_allowed(self, w, schedule):
        hearing = schedule()
        with clock.frozen(at(12, 9, 45)):
            services.hearing_start(hearing=hearing, acting_user=w.clerk)
        hearing.refresh_from_db()
        assert hearing.status == HearingStatus.IN_PROGRESS

    def test_a_start_in_the_future_is_refused(self, w, schedule):
        hearing = schedule()
        with pytest.raises(ValidationFailed):
            services.hearing_start(hearing=hearing, acting_user=w.clerk, started_at=at(12, 10))

    def test_starting_twice_is_refused(self, w, schedule):
        hearing = schedule()
        with clock.frozen(at(12, 10)):
            services.hearing_start(hearing=hearing, acting_user=w.clerk)
            with pytest.raises(InvalidTransition):
                services.hearing_start(hearing=hearing, acting_user=w.clerk)

    def test_a_party_cannot_open_the_hearing(self, w, schedule):
        hearing = schedule()
        with clock.frozen(at(12, 10)), pytest.raises(Forbidden):
            services.hearing_start(hearing=hearing, acting_user=w.citizen)


class TestEnd:
    def test_closing_the_hearing_marks_the_case_heard(self, w, schedule):
        hearing = schedule()
        with clock.frozen(at(12, 10)):
            services.hearing_start(hearing=hearing, acting_user=w.clerk)
        with clock.frozen(at(12, 11, 20)):
            services.hearing_end(hearing=hearing, acting_user=w.clerk)

        hearing.refresh_from_db()
        assert hearing.status == HearingStatus.HELD
        assert hearing.actual_end == at(12, 11, 20)
        w.case.refresh_from_db()
        assert w.case.status == CaseStatus.HEARD
        assert CaseEvent.objects.filter(case=w.case, kind=CaseEventKind.HEARD).count() == 1

    def test_the_case_stays_scheduled_while_another_hearing_is_booked(self, w, schedule):
        hearing = schedule()
        schedule(starts_at=at(20, 10), ends_at=at(20, 11))
        with clock.frozen(at(12, 10)):
            services.hearing_start(hearing=hearing, acting_user=w.clerk)
            services.hearing_end(hearing=hearing, acting_user=w.clerk)
        w.case.refresh_from_db()
        assert w.case.status == CaseStatus.SCHEDULED

    def test_a_hearing_not_opened_cannot_be_closed(self, w, schedule):
        hearing = schedule()
        with clock.frozen(at(12, 10)), pytest.raises(InvalidTransition):
            services.hearing_end(hearing=hearing, acting_user=w.clerk)

    def test_a_close_before_the_opening_is_refused(self, w, schedule):
        hearing = schedule()
        with clock.frozen(at(12, 10)):
            services.hearing_start(hearing=hearing, acting_user=w.clerk)
        with clock.frozen(at(12, 11)), pytest.raises(ValidationFailed):
            services.hearing_end(hearing=hearing, acting_user=w.clerk, ended_at=at(12, 9))


class TestPostpone:
    def postpone(self, w, hearing, code: str | None, **kwargs):
        return services.hearing_postpone(
            hearing=hearing,
            reason=reason(code) if code else None,
            new_starts_at=kwargs.pop("new_starts_at", at(19, 10)),
            new_ends_at=kwargs.pop("new_ends_at", at(19, 11)),
            acting_user=kwargs.pop("acting_user", w.clerk),
            **kwargs,
        )

    def test_a_justified_postponement_books_the_new_time(self, w, schedule):
        hearing = schedule(summoned=[w.plaintiff])
        postponement = self.postpone(w, hearing, "party_illness", note="Справка № 12")

        hearing.refresh_from_db()
        assert hearing.status == HearingStatus.POSTPONED
        new = postponement.new_hearing
        assert new.starts_at == at(19, 10)
        assert new.postponed_from == hearing
        assert list(new.summoned.all()) == [w.plaintiff]
        assert postponement.note == "Справка № 12"
        assert not Violation.objects.exists()
        assert hearing.events.get(kind=HearingEventKind.POSTPONED).payload["reason"] == (
            "party_illness"
        )

    def test_a_postponement_without_a_reason_is_refused_cpc_article_198(self, w, schedule):
        hearing = schedule()
        with pytest.raises(ValidationFailed) as refused:
            self.postpone(w, hearing, None)

        assert "reason" in refused.value.fields
        hearing.refresh_from_db()
        assert hearing.status == HearingStatus.SCHEDULED
        assert not Postponement.objects.exists()
        assert Hearing.objects.count() == 1

    def test_an_unjustified_postponement_is_a_violation(self, w, schedule):
        hearing = schedule()
        self.postpone(w, hearing, "judge_busy")

        violation = Violation.objects.get()
        assert violation.kind == ViolationKind.UNJUSTIFIED_POSTPONEMENT
        assert violation.source == f"hearing:{hearing.pk}"
        assert violation.rule == "postponement:judge_busy"
        assert violation.responsible == w.judge.user

    def test_postponing_twice_is_refused(self, w, schedule):
        hearing = schedule()
        self.postpone(w, hearing, "party_illness")
        with pytest.raises(InvalidTransition):
            self.postpone(
                w, hearing, "party_illness", new_starts_at=at(20, 10), new_ends_at=at(20, 11)
            )
        assert Postponement.objects.count() == 1

    def test_the_new_time_must_be_free(self, w, schedule):
        hearing = schedule()
        schedule(case=w.other_case, starts_at=at(19, 10), ends_at=at(19, 11))
        with pytest.raises(Conflict):
            self.postpone(w, hearing, "party_illness")
        hearing.refresh_from_db()
        assert hearing.status == HearingStatus.SCHEDULED

    def test_an_open_hearing_can_be_postponed(self, w, schedule):
        hearing = schedule()
        with clock.frozen(at(12, 10)):
            services.hearing_start(hearing=hearing, acting_user=w.clerk)
        with clock.frozen(at(12, 10, 30)):
            self.postpone(w, hearing, "evidence_request")
        hearing.refresh_from_db()
        assert hearing.status == HearingStatus.POSTPONED
        assert hearing.actual_end == at(12, 10, 30)

    def test_the_starter_table_has_justified_and_unjustified_reasons(self, db):
        assert reason("party_illness").is_justified
        assert reason("notice_not_served").is_justified
        assert reason("judge_illness").is_justified
        assert reason("evidence_request").is_justified
        assert not reason("judge_busy").is_justified
        assert all(r.name_kk and r.name_ru and r.name_en for r in PostponementReason.objects.all())


def test_an_open_hearing_of_suspended_proceedings_cannot_be_postponed(w, schedule):
    from sot.hearings.models import SuspensionGround
    from sot.hearings.suspensions import case_suspend

    hearing = schedule()
    with clock.frozen(at(12, 10)):
        services.hearing_start(hearing=hearing, acting_user=w.clerk)
    with clock.frozen(at(12, 10, 20)):
        case_suspend(
            case=w.case,
            ground=SuspensionGround.objects.get(code="expert_examination"),
            acting_user=w.judge.user,
        )
        with pytest.raises(InvalidTransition):
            services.hearing_postpone(
                hearing=hearing,
                reason=reason("party_illness"),
                new_starts_at=at(19, 10),
                new_ends_at=at(19, 11),
                acting_user=w.clerk,
            )
    assert not Postponement.objects.exists()
