"""Sessions, votes and decisions through the services (Art. 4 §11, 6 §2.4, 8, 10, 18 §8)."""

from __future__ import annotations

from datetime import date

import pytest

from sot.core import clock
from sot.core.errors import Conflict, Forbidden, InvalidTransition, ValidationFailed
from sot.council.models import OpenBallot, SecretBallot, VoterMark
from sot.council.services import sessions

from .conftest import at

DAY = date(2026, 3, 10)


@pytest.fixture
def session(council):
    with clock.frozen(at(DAY)):
        return sessions.session_plan(
            starts_at=at(DAY), place="Астана", is_closed=False, acting_user=council.secretary.user
        )


@pytest.fixture
def item(council, session):
    return sessions.agenda_item_add(
        session=session,
        kind="procedural",
        title="Регламент",
        materials_received_on=DAY,
        acting_user=council.secretary.user,
    )


def open_with(council, session, count=9):
    return sessions.session_open(
        session=session, present=council.members[:count], acting_user=council.secretary.user
    )


def test_art_8_1_quorum_exactly_two_thirds_of_all_members(council, session):
    with pytest.raises(ValidationFailed):
        open_with(council, session, 5)
    assert open_with(council, session, 6).members_total == 9


def test_art_8_2_competition_results_never_in_a_closed_session(council):
    closed = sessions.session_plan(
        starts_at=at(DAY), place="Астана", is_closed=True, acting_user=council.secretary.user
    )
    with pytest.raises(ValidationFailed) as raised:
        sessions.agenda_item_add(
            session=closed,
            kind="competition",
            title="Конкурс",
            competition=None,
            materials_received_on=DAY,
            acting_user=council.secretary.user,
        )
    assert "kind" in raised.value.fields


def test_art_8_4_materials_decided_within_three_months(council, session):
    sessions.agenda_item_add(
        session=session,
        kind="substantive",
        title="Материалы",
        materials_received_on=date(2025, 12, 10),  # exactly three months before
        acting_user=council.secretary.user,
    )
    with pytest.raises(ValidationFailed) as raised:
        sessions.agenda_item_add(
            session=session,
            kind="substantive",
            title="Материалы",
            materials_received_on=date(2025, 12, 9),
            acting_user=council.secretary.user,
        )
    assert "materials_received_on" in raised.value.fields


def test_art_7_only_the_secretariat_draws_up_the_agenda(council, session):
    with pytest.raises(Forbidden):
        sessions.agenda_item_add(
            session=session,
            kind="procedural",
            title="x",
            materials_received_on=DAY,
            acting_user=council.members[3].user,
        )


def test_art_10_3_no_abstaining_and_no_closing_before_everyone_voted(council, session, item):
    open_with(council, session, 6)
    vote = sessions.vote_open(
        item=item, question="?", is_secret=False, acting_user=council.chair.user
    )
    with pytest.raises(ValidationFailed):
        sessions.ballot_cast(vote=vote, choice="abstain", acting_user=council.members[1].user)
    for seat in council.members[:5]:
        sessions.ballot_cast(vote=vote, choice="for", acting_user=seat.user)
    with pytest.raises(InvalidTransition):
        sessions.vote_close(vote=vote, acting_user=council.chair.user)
    sessions.ballot_cast(vote=vote, choice="against", acting_user=council.members[5].user)
    closed = sessions.vote_close(vote=vote, acting_user=council.chair.user)
    assert (closed.votes_for, closed.votes_against, closed.adopted) == (5, 1, True)


def test_art_4_11_secretary_has_no_vote(council, session, item):
    open_with(council, session)
    vote = sessions.vote_open(
        item=item, question="?", is_secret=False, acting_user=council.chair.user
    )
    with pytest.raises(Forbidden):
        sessions.ballot_cast(vote=vote, choice="for", acting_user=council.secretary.user)


def test_art_6_2_4_recused_member_neither_votes_nor_counts(council, session, item):
    open_with(council, session, 7)
    sessions.recusal_declare(item=item, relationship="брат", acting_user=council.members[6].user)
    vote = sessions.vote_open(
        item=item, question="?", is_secret=False, acting_user=council.chair.user
    )
    with pytest.raises(Forbidden):
        sessions.ballot_cast(vote=vote, choice="for", acting_user=council.members[6].user)
    for seat in council.members[:6]:
        sessions.ballot_cast(vote=vote, choice="for", acting_user=seat.user)
    closed = sessions.vote_close(vote=vote, acting_user=council.chair.user)
    assert (closed.quorum, closed.adopted, closed.votes_for) == (True, True, 6)


def test_art_10_4_chair_decides_a_procedural_tie_in_an_open_vote(council, session, item):
    open_with(council, session, 8)
    vote = sessions.vote_open(
        item=item, question="?", is_secret=False, acting_user=council.chair.user
    )
    for index, seat in enumerate(council.members[:8]):
        sessions.ballot_cast(
            vote=vote, choice="for" if index < 4 else "against", acting_user=seat.user
        )
    assert sessions.vote_close(vote=vote, acting_user=council.chair.user).adopted is True


def test_a_member_votes_once(council, session, item):
    open_with(council, session)
    vote = sessions.vote_open(
        item=item, question="?", is_secret=True, acting_user=council.chair.user
    )
    sessions.ballot_cast(vote=vote, choice="for", acting_user=council.members[2].user)
    with pytest.raises(Conflict):
        sessions.ballot_cast(vote=vote, choice="against", acting_user=council.members[2].user)
    assert SecretBallot.objects.filter(vote=vote).count() == 1


def test_art_18_8_secret_ballot_does_not_link_member_to_choice(council, session, item):
    open_with(council, session, 6)
    vote = sessions.vote_open(
        item=item, question="?", is_secret=True, acting_user=council.chair.user
    )
    for index, seat in enumerate(council.members[:6]):
        sessions.ballot_cast(
            vote=vote, choice="for" if index % 2 else "against", acting_user=seat.user
        )
    assert OpenBallot.objects.filter(vote=vote).count() == 0
    assert set(VoterMark.objects.filter(vote=vote).values_list("seat_id", flat=True)) == {
        s.pk for s in council.members[:6]
    }
    assert (
        sorted(SecretBallot.objects.filter(vote=vote).values_list("choice", flat=True))
        == ["against"] * 3 + ["for"] * 3
    )
    assert not {"seat", "member", "user", "created_at"} & {
        f.name for f in SecretBallot._meta.get_fields()
    }
    keys_while_open = set(SecretBallot.objects.filter(vote=vote).values_list("pk", flat=True))
    closed = sessions.vote_close(vote=vote, acting_user=council.chair.user)
    assert (closed.votes_for, closed.votes_against) == (3, 3)
    # Closing rewrites the ballots with new keys, so their row order no longer follows the marks'.
    after = set(SecretBallot.objects.filter(vote=vote).values_list("pk", flat=True))
    assert len(after) == 6
    assert not after & keys_while_open


def test_art_10_2_and_10_5_decision_signed_by_chair_and_secretary_then_published(
    council, session, item
):
    open_with(council, session, 6)
    vote = sessions.vote_open(
        item=item, question="?", is_secret=False, acting_user=council.chair.user
    )
    for seat in council.members[:6]:
        sessions.ballot_cast(vote=vote, choice="for", acting_user=seat.user)
    sessions.vote_close(vote=vote, acting_user=council.chair.user)
    decision = sessions.decision_record(
        item=item, form="protocol", reasons="Себебі", acting_user=council.secretary.user
    )
    assert (decision.decided_on, decision.place, len(decision.composition)) == (DAY, "Астана", 6)
    with pytest.raises(InvalidTransition):
        sessions.decision_publish(decision=decision, acting_user=council.secretary.user)
    sessions.decision_sign(decision=decision, acting_user=council.chair.user)
    sessions.decision_sign(decision=decision, acting_user=council.secretary.user)
    with pytest.raises(Forbidden):
        sessions.decision_sign(decision=decision, acting_user=council.members[3].user)
    assert sessions.decision_publish(
        decision=decision, acting_user=council.secretary.user
    ).published_at
    # Art. 10 §3: a dissenting opinion is attached, once per member.
    sessions.dissent_submit(
        decision=decision, text="Келіспеймін", acting_user=council.members[4].user
    )
    with pytest.raises(Conflict):
        sessions.dissent_submit(decision=decision, text="Тағы", acting_user=council.members[4].user)


def test_double_submits_do_not_duplicate(council, session):
    again = sessions.session_plan(
        starts_at=at(DAY), place="Астана", is_closed=False, acting_user=council.secretary.user
    )
    assert again.pk == session.pk
    first = sessions.agenda_item_add(
        session=session,
        kind="procedural",
        title="X",
        materials_received_on=DAY,
        acting_user=council.secretary.user,
    )
    second = sessions.agenda_item_add(
        session=session,
        kind="procedural",
        title="X",
        materials_received_on=DAY,
        acting_user=council.secretary.user,
    )
    assert first.pk == second.pk


def test_art_8_2_closed_session_needs_a_majority_of_all_members(council, session, item):
    open_with(council, session, 7)
    vote = sessions.vote_open(
        item=item, question="Жабық?", is_secret=False, acting_user=council.chair.user
    )
    for index, seat in enumerate(council.members[:7]):
        sessions.ballot_cast(
            vote=vote, choice="for" if index < 4 else "against", acting_user=seat.user
        )
    sessions.vote_close(vote=vote, acting_user=council.chair.user)
    # 4 of 7 taking part, but not a majority of the 9 members.
    assert (
        sessions.session_close_decide(vote=vote, acting_user=council.secretary.user).is_closed
        is False
    )
    second = sessions.vote_open(
        item=item, question="Жабық?", is_secret=False, acting_user=council.chair.user
    )
    for index, seat in enumerate(council.members[:7]):
        sessions.ballot_cast(
            vote=second, choice="for" if index < 5 else "against", acting_user=seat.user
        )
    sessions.vote_close(vote=second, acting_user=council.chair.user)
    assert (
        sessions.session_close_decide(vote=second, acting_user=council.secretary.user).is_closed
        is True
    )
