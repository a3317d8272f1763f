"""Sessions: agenda, quorum, recusal, nominations, open and secret votes, decisions (Art. 6, 8–10,
18 §8)."""

from __future__ import annotations

import secrets
from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.core import clock
from sot.core.errors import Conflict, Forbidden, InvalidTransition, Message, ValidationFailed

from ..access import voting_seat, voting_seats
from ..models import (
    AgendaItem,
    Application,
    ApplicationStatus,
    Competition,
    CouncilSeat,
    Decision,
    DecisionForm,
    DissentingOpinion,
    Nomination,
    OpenBallot,
    Recusal,
    SeatRole,
    SecretBallot,
    Session,
    SessionStatus,
    Vote,
    VoterMark,
)
from ..rules.periods import add_months
from ..rules.tally import (
    Ballot,
    DecisionKind,
    TallyFacts,
    VoteChoice,
    closed_session_carried,
    quorum_met,
    tally,
)
from ..selectors import current_thresholds
from .appearances import require_decision_in_absence
from .common import require_secretariat

MATERIALS_TERM_MONTHS = 3  # Art. 8 §4


def session_plan(*, starts_at: datetime, place: str, is_closed: bool, acting_user: User) -> Session:
    """Art. 8 §2: sessions are open; a closed one is the members' majority decision, recorded here
    by the secretariat."""
    require_secretariat(acting_user)
    if timezone.is_naive(starts_at):
        raise ValidationFailed(fields={"starts_at": [_("Give the time with its time zone.")]})
    if not place.strip():
        raise ValidationFailed(fields={"place": [_("State the place.")]})
    session, _created = Session.objects.get_or_create(
        starts_at=starts_at, place=place.strip(), defaults={"is_closed": is_closed}
    )
    return session


def decide_by(received_on: date) -> date:
    """Art. 8 §4: materials are decided within three months of receipt."""
    return add_months(received_on, MATERIALS_TERM_MONTHS)


@transaction.atomic
def agenda_item_add(
    *,
    session: Session,
    kind: str,
    title: str,
    materials_received_on: date,
    acting_user: User,
    competition: Competition | None = None,
    concerns: User | None = None,
    materials: str = "",
) -> AgendaItem:
    """Art. 7 §1.2: the secretary draws up the agenda."""
    require_secretariat(acting_user)
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.status == SessionStatus.FINISHED:
        raise InvalidTransition(_("The session is over."))
    errors: dict[str, list[Message]] = {}
    if kind not in DecisionKind.values:
        errors["kind"] = [_("Choose the kind of question.")]
    if not title.strip():
        errors["title"] = [_("State the question.")]
    if kind == DecisionKind.COMPETITION and competition is None:
        errors["competition"] = [_("Choose the competition.")]
    if kind == DecisionKind.COMPETITION and session.is_closed:
        # Art. 8 §2, third part.
        errors["kind"] = [_("Competition results are never considered in a closed session.")]
    if timezone.localdate(session.starts_at) > decide_by(materials_received_on):
        errors["materials_received_on"] = [
            _("Materials must be decided within three months of receipt, by %(date)s.")
            % {"date": decide_by(materials_received_on)}
        ]
    if errors:
        raise ValidationFailed(fields=errors)
    existing = session.agenda.filter(
        kind=kind, title=title.strip(), competition=competition, concerns=concerns
    ).first()
    if existing is not None:
        return existing  # a double submit
    position = (
        session.agenda.order_by("-position").values_list("position", flat=True).first() or 0
    ) + 1
    return AgendaItem.objects.create(
        session=session,
        position=position,
        kind=kind,
        title=title.strip(),
        competition=competition,
        concerns=concerns,
        materials_received_on=materials_received_on,
        materials=materials,
    )


@transaction.atomic
def session_open(*, session: Session, present: list[CouncilSeat], acting_user: User) -> Session:
    """Art. 8 §1: competent with at least two thirds of all members; Art. 9 §4: in person."""
    require_secretariat(acting_user)
    session = Session.objects.select_for_update().get(pk=session.pk)
    if session.status != SessionStatus.PLANNED:
        raise InvalidTransition(_("The session has already been opened."))
    on = timezone.localdate(session.starts_at)
    seats = voting_seats(on)
    in_office = {seat.pk for seat in seats}
    attending = {seat.pk for seat in present}
    if not attending <= in_office:
        raise ValidationFailed(fields={"present": [_("Only members of the Council in office.")]})
    if not quorum_met(len(attending), len(seats)):
        raise ValidationFailed(
            _("%(present)s of %(total)s members present; two thirds are required."),
            fields={"present": [_("No quorum.")]},
            params={"present": len(attending), "total": len(seats)},
        )
    session.present.set(attending)
    session.members_total = len(seats)
    session.status = SessionStatus.OPEN
    session.save()
    return session


def _present_seat(item: AgendaItem, user: User) -> CouncilSeat:
    session = Session.objects.get(pk=item.session_id)
    seat = voting_seat(user, timezone.localdate(session.starts_at))
    if seat is None or not session.present.filter(pk=seat.pk).exists():
        raise Forbidden(_("Only members present at the session take part."))
    return seat


def _require_open(session: Session) -> None:
    # Read the status afresh: the caller's object may predate the session's opening.
    status = Session.objects.filter(pk=session.pk).values_list("status", flat=True).first()
    if status != SessionStatus.OPEN:
        raise InvalidTransition(_("The session is not in progress."))


@transaction.atomic
def recusal_declare(*, item: AgendaItem, relationship: str, acting_user: User) -> Recusal:
    """Art. 6 §2.4: a spouse, close relative or in-law of the person concerned recuses."""
    _require_open(item.session)
    seat = _present_seat(item, acting_user)
    if not relationship.strip():
        raise ValidationFailed(fields={"relationship": [_("State the relationship.")]})
    if item.votes.exists():
        raise InvalidTransition(_("Recusal is declared before the vote."))
    recusal, _created = Recusal.objects.get_or_create(
        item=item, seat=seat, defaults={"relationship": relationship.strip()}
    )
    return recusal


@transaction.atomic
def nomination_add(*, item: AgendaItem, application: Application, acting_user: User) -> Nomination:
    """Art. 18 §8.3: a member puts forward an admitted applicant of this competition."""
    _require_open(item.session)
    seat = _present_seat(item, acting_user)
    application = Application.objects.get(pk=application.pk)  # its status as it stands now
    if item.kind != DecisionKind.COMPETITION or application.competition_id != item.competition_id:
        raise ValidationFailed(fields={"application": [_("Not an applicant of this competition.")]})
    if application.status != ApplicationStatus.ADMITTED:
        raise ValidationFailed(fields={"application": [_("The applicant was not admitted.")]})
    if item.recusals.filter(seat=seat).exists():
        raise Forbidden(_("A member who recused does not take part in this question."))
    nomination, _created = Nomination.objects.get_or_create(
        item=item, application=application, defaults={"nominated_by": seat}
    )
    return nomination


@transaction.atomic
def vote_open(
    *,
    item: AgendaItem,
    question: str,
    is_secret: bool,
    acting_user: User,
    nomination: Nomination | None = None,
) -> Vote:
    """The chair puts a question to the vote (Art. 9 §2); Art. 18 §8.4: secret when needed."""
    _require_open(item.session)
    seat = _present_seat(item, acting_user)
    if seat.role != SeatRole.CHAIR:
        raise Forbidden(_("The chair puts questions to the vote."))
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if item.votes.filter(is_open=True).exists():
        raise Conflict(_("Another vote on this question is in progress."))
    if item.kind == DecisionKind.COMPETITION and (
        nomination is None or nomination.item_id != item.pk
    ):
        raise ValidationFailed(fields={"nomination": [_("A competition vote is on a nomination.")]})
    if not question.strip():
        raise ValidationFailed(fields={"question": [_("State the question.")]})
    require_decision_in_absence(item)
    return Vote.objects.create(
        item=item, nomination=nomination, question=question.strip(), is_secret=is_secret
    )


@transaction.atomic
def ballot_cast(*, vote: Vote, choice: str, acting_user: User) -> None:
    """One ballot per member: for or against (Art. 10 §3 forbids abstaining). The secretary has no
    vote (Art. 4 §11), a recused member none on this question (Art. 6 §2.4). A secret ballot stores
    the choice without the member and, apart from it, the mark that the member voted."""
    vote = Vote.objects.select_for_update().select_related("item__session").get(pk=vote.pk)
    if not vote.is_open:
        raise InvalidTransition(_("The vote is closed."))
    seat = _present_seat(vote.item, acting_user)
    if choice not in (VoteChoice.FOR, VoteChoice.AGAINST):
        raise ValidationFailed(
            fields={"choice": [_("Vote for or against: members may not abstain.")]}
        )
    if vote.item.recusals.filter(seat=seat).exists():
        raise Forbidden(_("A member who recused does not vote on this question."))
    try:
        with transaction.atomic():
            if vote.is_secret:
                VoterMark.objects.create(vote=vote, seat=seat)
                SecretBallot.objects.create(vote=vote, choice=choice)
            else:
                OpenBallot.objects.create(vote=vote, seat=seat, choice=choice)
    except IntegrityError:
        raise Conflict(_("You have already voted.")) from None


def _voters(vote: Vote) -> set[int]:
    if vote.is_secret:
        return set(vote.voter_marks.values_list("seat_id", flat=True))
    return set(vote.open_ballots.values_list("seat_id", flat=True))


def _reshuffle_secret_ballots(vote: Vote) -> list[str]:
    """Rewrite the secret ballots in a random order with new keys.

    Ballots and voter marks are written in the same order, and a database's physical row order
    (SQLite's rowid, PostgreSQL's heap) would pair them; once the vote is closed, the ballots'
    order no longer follows the marks'.
    """
    choices = list(vote.secret_ballots.values_list("choice", flat=True))
    secrets.SystemRandom().shuffle(choices)
    vote.secret_ballots.all().delete()
    SecretBallot.objects.bulk_create(SecretBallot(vote=vote, choice=choice) for choice in choices)
    return choices


@transaction.atomic
def vote_close(*, vote: Vote, acting_user: User) -> Vote:
    """Count the vote with the same rule as ``sot council tally`` (Art. 8 §1, 10, 18 §8).

    Every member present and not recused must have voted first: not voting would be abstaining.
    """
    vote = Vote.objects.select_for_update().select_related("item__session").get(pk=vote.pk)
    session = vote.item.session
    seat = _present_seat(vote.item, acting_user)
    if seat.role != SeatRole.CHAIR:
        raise Forbidden(_("The chair closes the vote."))
    if not vote.is_open:
        raise InvalidTransition(_("The vote is closed."))
    recused = set(vote.item.recusals.values_list("seat_id", flat=True))
    expected = set(session.present.values_list("pk", flat=True)) - recused
    missing = expected - _voters(vote)
    if missing:
        raise InvalidTransition(
            _("%(count)s members present have not voted yet; members may not abstain."),
            params={"count": len(missing)},
        )
    if vote.is_secret:
        choices = _reshuffle_secret_ballots(vote)
        # Anonymous ids: the count needs no names (so a secret procedural tie has no chair's vote).
        ballots = tuple(
            Ballot(member=f"secret-{index}", vote=choice) for index, choice in enumerate(choices)
        )
    else:
        ballots = tuple(
            Ballot(member=str(seat_id), vote=choice)
            for seat_id, choice in vote.open_ballots.values_list("seat_id", "choice")
        )
    chair = session.present.filter(role=SeatRole.CHAIR).values_list("pk", flat=True).first()
    result = tally(
        TallyFacts(
            kind=vote.item.kind,
            members_total=session.members_total or 0,
            chair=str(chair),
            secretary=None,
            votes=ballots,
            recused=frozenset(str(pk) for pk in recused),
        ),
        current_thresholds(),
    )
    vote.is_open = False
    vote.votes_for = result.votes_for
    vote.votes_against = result.votes_against
    vote.required = result.required
    vote.quorum = result.quorum
    vote.adopted = result.adopted
    vote.errors = [error.as_dict() for error in result.errors]
    vote.save()
    return vote


@transaction.atomic
def decision_record(*, item: AgendaItem, form: str, reasons: str, acting_user: User) -> Decision:
    """Art. 10 §2: in writing, with the date, place, the composition and the reasons."""
    require_secretariat(acting_user)
    item = AgendaItem.objects.select_for_update().select_related("session").get(pk=item.pk)
    if hasattr(item, "decision"):
        raise Conflict(_("The decision on this question has already been recorded."))
    errors: dict[str, list[Message]] = {}
    if form not in DecisionForm.values:
        errors["form"] = [_("Choose the form of the decision.")]
    if not reasons.strip():
        errors["reasons"] = [_("A decision states its reasons.")]
    votes = list(item.votes.all())
    if not votes or any(v.is_open for v in votes):
        errors["item"] = [_("Record the decision after the vote.")]
    if errors:
        raise ValidationFailed(fields=errors)
    composition = [
        {"name": seat.user.full_name, "role": seat.role}
        for seat in item.session.present.select_related("user").order_by("pk")
    ]
    return Decision.objects.create(
        item=item,
        form=form,
        decided_on=timezone.localdate(item.session.starts_at),
        place=item.session.place,
        composition=composition,
        reasons=reasons.strip(),
        is_adopted=any(v.adopted for v in votes),
    )


@transaction.atomic
def decision_sign(*, decision: Decision, acting_user: User) -> Decision:
    """Art. 10 §2: signed by the presiding chair and the secretary of the Council."""
    decision = (
        Decision.objects.select_for_update().select_related("item__session").get(pk=decision.pk)
    )
    on = decision.decided_on
    seat = voting_seat(acting_user, on)
    if seat is not None and seat.role == SeatRole.CHAIR:
        if decision.signed_by_chair_id is None:
            decision.signed_by_chair = acting_user
    elif CouncilSeat.objects.filter(user=acting_user, role=SeatRole.SECRETARY).exists():
        if decision.signed_by_secretary_id is None:
            decision.signed_by_secretary = acting_user
    else:
        raise Forbidden(_("The chair and the secretary sign decisions."))
    decision.save()
    return decision


@transaction.atomic
def decision_publish(*, decision: Decision, acting_user: User) -> Decision:
    """Art. 10 §5: decisions are published; only signed ones."""
    require_secretariat(acting_user)
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if decision.signed_by_chair_id is None or decision.signed_by_secretary_id is None:
        raise InvalidTransition(
            _("A decision is published once the chair and the secretary have signed it.")
        )
    if decision.published_at is None:
        decision.published_at = clock.now()
        decision.save()
    return decision


@transaction.atomic
def dissent_submit(*, decision: Decision, text: str, acting_user: User) -> DissentingOpinion:
    """Art. 10 §3: a member who disagrees sets out a dissenting opinion, attached to the minutes."""
    seat = _present_seat(decision.item, acting_user)
    if not text.strip():
        raise ValidationFailed(fields={"text": [_("Write the opinion.")]})
    try:
        with transaction.atomic():
            return DissentingOpinion.objects.create(
                decision=decision, seat=seat, text=text.strip(), submitted_at=clock.now()
            )
    except IntegrityError:
        raise Conflict(_("You have already attached a dissenting opinion.")) from None


@transaction.atomic
def session_close_decide(*, vote: Vote, acting_user: User) -> Session:
    """Art. 8 §2: after a vote on holding the session closed, close it when a majority of all
    members voted for, and never while competition results are on its agenda."""
    require_secretariat(acting_user)
    vote = Vote.objects.select_related("item__session").get(pk=vote.pk)
    session = Session.objects.select_for_update().get(pk=vote.item.session_id)
    if vote.is_open or vote.item.kind != DecisionKind.PROCEDURAL:
        raise InvalidTransition(_("Decide after a procedural vote on closing the session."))
    if session.agenda.filter(kind=DecisionKind.COMPETITION).exists():
        raise InvalidTransition(_("Competition results are never considered in a closed session."))
    if closed_session_carried(vote.votes_for or 0, session.members_total or 0):
        session.is_closed = True
        session.save()
    return session


@transaction.atomic
def session_finish(*, session: Session, minutes: str, acting_user: User) -> Session:
    require_secretariat(acting_user)
    session = Session.objects.select_for_update().get(pk=session.pk)
    _require_open(session)
    if Vote.objects.filter(item__session=session, is_open=True).exists():
        raise InvalidTransition(_("A vote is still open."))
    session.minutes = minutes.strip()
    session.status = SessionStatus.FINISHED
    session.save()
    return session
