"""Chair vacancies, dismissals and appeals through the services (Art. 19–24)."""

from __future__ import annotations

from datetime import date

import pytest

from sot.core import clock
from sot.core.errors import Forbidden, InvalidTransition, ValidationFailed
from sot.council.models import ChairPost, ChairTerm, ReserveEntry
from sot.council.services import proceedings, sessions
from sot.courts.models import CourtLevel
from sot.courts.tests.factories import CourtFactory, JudgeFactory

from .conftest import at

DAY = date(2026, 3, 10)


@pytest.fixture
def regional(db):
    return CourtFactory(level=CourtLevel.REGIONAL, kind="regional")


def open_session(council, present=9):
    with clock.frozen(at(DAY)):
        session = sessions.session_plan(
            starts_at=at(DAY), place="Астана", is_closed=False, acting_user=council.secretary.user
        )
    return session


def start(council, session, count=9):
    sessions.session_open(
        session=session, present=council.members[:count], acting_user=council.secretary.user
    )


def vote_all(council, vote, yes, count=9):
    for index, seat in enumerate(council.members[:count]):
        sessions.ballot_cast(
            vote=vote, choice="for" if index < yes else "against", acting_user=seat.user
        )
    return sessions.vote_close(vote=vote, acting_user=council.chair.user)


def test_art_19_1_chair_candidates_on_an_alternative_basis(council, regional):
    judge = JudgeFactory(court=regional)
    with pytest.raises(ValidationFailed) as raised:
        proceedings.chair_vacancy_submit(
            post=ChairPost.REGIONAL_CHAIR,
            court=regional,
            submitted_on=DAY,
            plenary_decision="№ 5",
            judges=[judge],
            acting_user=council.secretary.user,
        )
    assert "judges" in raised.value.fields


def test_art_19_2_and_20_reserve_first_and_no_third_term(council, regional):
    first, second, third = (JudgeFactory(court=regional) for _ in range(3))
    ReserveEntry.objects.create(
        judge=second, post=ChairPost.REGIONAL_CHAIR, included_on=date(2025, 1, 1)
    )
    for started, ended in (
        (date(2016, 1, 1), date(2020, 12, 31)),
        (date(2021, 1, 1), date(2025, 12, 31)),
    ):
        ChairTerm.objects.create(
            judge=third,
            court=regional,
            post=ChairPost.REGIONAL_CHAIR,
            started_on=started,
            ended_on=ended,
        )
    with pytest.raises(ValidationFailed):
        proceedings.chair_vacancy_submit(
            post=ChairPost.REGIONAL_CHAIR,
            court=regional,
            submitted_on=DAY,
            plenary_decision="№ 5",
            judges=[first, third],
            acting_user=council.secretary.user,
        )
    vacancy = proceedings.chair_vacancy_submit(
        post=ChairPost.REGIONAL_CHAIR,
        court=regional,
        submitted_on=DAY,
        plenary_decision="№ 5",
        judges=[first, second],
        acting_user=council.secretary.user,
    )
    assert [c.judge_id for c in vacancy.candidates.all()] == [second.pk, first.pk]


def test_art_19_4_every_candidate_voted_then_recommended(council, regional):
    judges: list = [JudgeFactory(court=regional) for _ in range(2)]
    vacancy = proceedings.chair_vacancy_submit(
        post=ChairPost.REGIONAL_CHAIR,
        court=regional,
        submitted_on=DAY,
        plenary_decision="№ 5",
        judges=judges,
        acting_user=council.secretary.user,
    )
    session = open_session(council)
    proceedings.chair_vacancy_schedule(
        vacancy=vacancy, session=session, acting_user=council.secretary.user
    )
    start(council, session)
    first, second = vacancy.candidates.all()
    vote_all(
        council,
        proceedings.chair_candidate_vote_open(
            candidate=first, is_secret=True, acting_user=council.chair.user
        ),
        5,
    )
    with pytest.raises(InvalidTransition):
        proceedings.chair_vacancy_decide(vacancy=vacancy, acting_user=council.secretary.user)
    vote_all(
        council,
        proceedings.chair_candidate_vote_open(
            candidate=second, is_secret=True, acting_user=council.chair.user
        ),
        8,
    )
    chosen = proceedings.chair_vacancy_decide(vacancy=vacancy, acting_user=council.secretary.user)
    assert chosen is not None
    assert chosen.pk == second.pk


def test_art_21_to_23_dismissal_check_reading_hearing_and_reasoned_decision(council):
    judge = JudgeFactory()
    with pytest.raises(ValidationFailed):
        proceedings.dismissal_receive(
            judge=judge,
            ground="disciplinary",
            received_on=DAY,
            jury_decision="",
            acting_user=council.secretary.user,
        )
    case = proceedings.dismissal_receive(
        judge=judge,
        ground="disciplinary",
        received_on=DAY,
        jury_decision="Жюри № 3",
        acting_user=council.secretary.user,
    )
    session = open_session(council)
    with pytest.raises(InvalidTransition):
        proceedings.dismissal_schedule(
            case=case, session=session, acting_user=council.secretary.user
        )
    with pytest.raises(ValidationFailed) as raised:
        proceedings.dismissal_report(
            case=case,
            circumstances="Мән-жай",
            conclusion="",
            proposals="Ұсыныс",
            signed_by=[],
            acting_user=council.secretary.user,
        )
    assert set(raised.value.fields) == {"conclusion", "signed_by"}
    proceedings.dismissal_report(
        case=case,
        circumstances="Мән-жай",
        conclusion="Қорытынды",
        proposals="Ұсыныс",
        signed_by=["Тексеруші"],
        acting_user=council.secretary.user,
    )
    with pytest.raises(Forbidden):
        proceedings.dismissal_acquaint(
            case=case, explanation="", acting_user=council.secretary.user
        )
    read = proceedings.dismissal_acquaint(
        case=case, explanation="Түсініктеме", acting_user=judge.user
    )
    assert read.acquainted_on is not None
    proceedings.dismissal_schedule(case=case, session=session, acting_user=council.secretary.user)
    start(council, session)
    case.refresh_from_db()
    assert case.item is not None
    vote = sessions.vote_open(
        item=case.item, question="Босату?", is_secret=False, acting_user=council.chair.user
    )
    vote_all(council, vote, 5)  # 5 of 9: short of two thirds
    with pytest.raises(ValidationFailed):
        proceedings.dismissal_decide(
            case=case, grounds_cited="", acting_user=council.secretary.user
        )
    decided = proceedings.dismissal_decide(
        case=case, grounds_cited="Материалдар 1-5", acting_user=council.secretary.user
    )
    assert decided.recommended is False
    assert proceedings.jury_review_required(decided)


def test_art_22_2_refusal_to_read_is_a_protocol(council):
    case = proceedings.dismissal_receive(
        judge=JudgeFactory(),
        ground="own_wish",
        received_on=DAY,
        jury_decision="",
        acting_user=council.secretary.user,
    )
    proceedings.dismissal_report(
        case=case,
        circumstances="a",
        conclusion="b",
        proposals="c",
        signed_by=["d"],
        acting_user=council.secretary.user,
    )
    ready = proceedings.dismissal_refusal_record(
        case=case, protocol="Бас тартты", acting_user=council.secretary.user
    )
    assert ready.status == "ready"


def test_art_24_judge_appeals_the_jury_and_the_council_finds_it_unfounded(council):
    judge = JudgeFactory()
    with pytest.raises(Forbidden):
        proceedings.jury_appeal_file(
            commission="disciplinary",
            jury_decision="№ 1",
            grounds="x",
            acting_user=council.members[1].user,
        )
    with clock.frozen(at(DAY)):
        appeal = proceedings.jury_appeal_file(
            commission="disciplinary",
            jury_decision="№ 1",
            grounds="Негізсіз",
            acting_user=judge.user,
        )
    session = open_session(council)
    item = proceedings.jury_appeal_schedule(
        appeal=appeal, session=session, acting_user=council.secretary.user
    )
    start(council, session)
    vote = sessions.vote_open(
        item=item, question="Негізсіз бе?", is_secret=False, acting_user=council.chair.user
    )
    vote_all(council, vote, 6)
    decided = proceedings.jury_appeal_decide(appeal=appeal, acting_user=council.secretary.user)
    assert decided.jury_decision_unfounded is True
