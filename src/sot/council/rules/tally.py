"""Counting a vote of the Council (Art. 4 §11, Art. 6 §2.4, Art. 8 §1, Art. 10, Art. 18 §8)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .facts import MISSING, NOT_INTEGER, NOT_LIST, NOT_OBJECT, UNKNOWN, as_count, fail
from .reasons import Reason
from .thresholds import Thresholds


class DecisionKind(models.TextChoices):
    COMPETITION = "competition", _("Competition result")
    PROCEDURAL = "procedural", _("Procedural question")
    SUBSTANTIVE = "substantive", _("Question on the merits")


class VoteChoice(models.TextChoices):
    FOR = "for", pgettext_lazy("vote", "For")
    AGAINST = "against", pgettext_lazy("vote", "Against")
    # Not allowed (Art. 10 §3); accepted as input only so that it can be reported.
    ABSTAIN = "abstain", pgettext_lazy("vote", "Abstain")


NOT_MEMBER_ID = _("Expected a member id (a number or a text).")
NOT_KIND = _("Expected competition, procedural or substantive.")
NOT_VOTE = _("Expected for, against or abstain.")


@dataclass(frozen=True)
class Ballot:
    member: str
    vote: str


@dataclass(frozen=True)
class TallyFacts:
    kind: str
    members_total: int
    chair: str
    secretary: str | None
    votes: tuple[Ballot, ...]
    recused: frozenset[str]


@dataclass(frozen=True)
class TallyResult:
    quorum: bool
    adopted: bool
    votes_for: int
    votes_against: int
    required: int
    errors: list[Reason] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "quorum": self.quorum,
            "adopted": self.adopted,
            "for": self.votes_for,
            "against": self.votes_against,
            "required": self.required,
            "errors": [error.as_dict() for error in self.errors],
        }


TALLY_FIELDS = ("kind", "members_total", "chair", "secretary", "votes", "recused")


def _member(name: str, value: Any) -> str:
    # Ids compare as text so that 7 and "7" are the same member.
    if isinstance(value, bool) or not isinstance(value, int | str) or value == "":
        raise fail(name, NOT_MEMBER_ID)
    return str(value)


def parse_tally_facts(data: Any) -> TallyFacts:
    """Check the facts of a vote; an absent, unknown or ill-typed field raises naming it."""
    if not isinstance(data, Mapping):
        raise fail("facts", NOT_OBJECT)
    for name in data:
        if name not in TALLY_FIELDS:
            raise fail(str(name), UNKNOWN)
    for name in TALLY_FIELDS:
        if name not in data:
            raise fail(name, MISSING)
    if data["kind"] not in DecisionKind.values:
        raise fail("kind", NOT_KIND)
    members_total = as_count("members_total", data["members_total"])
    if members_total == 0:
        raise fail("members_total", NOT_INTEGER)
    if not isinstance(data["votes"], list):
        raise fail("votes", NOT_LIST)
    ballots = []
    for index, item in enumerate(data["votes"]):
        where = f"votes[{index}]"
        if not isinstance(item, Mapping):
            raise fail(where, NOT_OBJECT)
        for key in item:
            if key not in ("member", "vote"):
                raise fail(f"{where}.{key}", UNKNOWN)
        for key in ("member", "vote"):
            if key not in item:
                raise fail(f"{where}.{key}", MISSING)
        if item["vote"] not in VoteChoice.values:
            raise fail(f"{where}.vote", NOT_VOTE)
        ballots.append(Ballot(member=_member(f"{where}.member", item["member"]), vote=item["vote"]))
    if not isinstance(data["recused"], list):
        raise fail("recused", NOT_LIST)
    recused = frozenset(
        _member(f"recused[{index}]", value) for index, value in enumerate(data["recused"])
    )
    secretary = data["secretary"]
    return TallyFacts(
        kind=data["kind"],
        members_total=members_total,
        chair=_member("chair", data["chair"]),
        secretary=None if secretary is None else _member("secretary", secretary),
        votes=tuple(ballots),
        recused=recused,
    )


MIN_SESSIONS_A_YEAR = 4  # Art. 8 §1 (the Council), Art. 12 §1 (the Commission's exam sessions)


def enough_sessions(held_this_year: int) -> bool:
    """Art. 8 §1, Art. 12 §1: sessions are held as needed, but at least four times a year."""
    return held_this_year >= MIN_SESSIONS_A_YEAR


def closed_session_carried(votes_for: int, members_total: int) -> bool:
    """Art. 8 §2: a closed session is decided by a majority of the members of the Council (of all
    members, not only of those taking part)."""
    return 2 * votes_for > members_total


def quorum_met(taking_part: int, members_total: int) -> bool:
    """Art. 8 §1: a session is competent with at least two thirds of all members taking part."""
    return 3 * taking_part >= 2 * members_total


def required_votes(kind: str, taking_part: int, thresholds: Thresholds) -> int:
    """Votes needed among the members taking part.

    Competition: two thirds (Art. 18 §8); on the merits: the qualified majority, whose fraction the
    regulation sets (Art. 10 §1, two thirds by default); procedural: a simple majority (Art. 10 §1).
    """
    if kind == DecisionKind.PROCEDURAL:
        return taking_part // 2 + 1
    if kind == DecisionKind.COMPETITION:
        numerator, denominator = 2, 3
    else:
        numerator = thresholds.qualified_majority_numerator
        denominator = thresholds.qualified_majority_denominator
    return -(-numerator * taking_part // denominator)  # ceiling without floats


def _errors(facts: TallyFacts) -> list[Reason]:
    errors = []
    seen: set[str] = set()
    for ballot in facts.votes:
        if ballot.member in seen:
            errors.append(
                Reason(
                    "duplicate_vote",
                    "4.9",
                    _("Member %(member)s voted more than once."),
                    {"member": ballot.member},
                )
            )
        seen.add(ballot.member)
        if ballot.member == facts.secretary:
            errors.append(
                Reason("secretary_voted", "4.11", _("The secretary of the Council has no vote."))
            )
        elif ballot.member in facts.recused:
            errors.append(
                Reason(
                    "recused_voted",
                    "6.2.4",
                    _("Member %(member)s recused and may not vote on this question."),
                    {"member": ballot.member},
                )
            )
        if ballot.vote == VoteChoice.ABSTAIN:
            errors.append(
                Reason(
                    "abstention",
                    "10.3",
                    _("Member %(member)s abstained; members may not abstain."),
                    {"member": ballot.member},
                )
            )
    taking_part = {b.member for b in facts.votes} - facts.recused - {facts.secretary}
    if len(taking_part) > facts.members_total:
        errors.append(
            Reason(
                "too_many_voters",
                "8.1",
                _("More members voted than the Council has."),
            )
        )
    return errors


def tally(facts: TallyFacts, thresholds: Thresholds) -> TallyResult:
    """Count a vote.

    Members taking part are those who cast a ballot, less the secretary (Art. 4 §11) and recused
    members (Art. 6 §2.4). A tie on a procedural question goes the chair's way (Art. 10 §4). A vote
    with any error (abstention, a recused member or the secretary voting, a double vote) is not
    adopted: it has to be taken again.
    """
    errors = _errors(facts)
    counted: dict[str, str] = {}
    for ballot in facts.votes:
        if ballot.member == facts.secretary or ballot.member in facts.recused:
            continue
        counted.setdefault(ballot.member, ballot.vote)
    taking_part = len(counted)
    votes_for = sum(1 for vote in counted.values() if vote == VoteChoice.FOR)
    votes_against = sum(1 for vote in counted.values() if vote == VoteChoice.AGAINST)
    quorum = quorum_met(taking_part, facts.members_total)
    required = required_votes(facts.kind, taking_part, thresholds)
    carried = votes_for >= required
    if (
        facts.kind == DecisionKind.PROCEDURAL
        and taking_part > 0
        and 2 * votes_for == taking_part
        and counted.get(facts.chair) == VoteChoice.FOR
    ):
        carried = True  # Art. 10 §4: the chair's vote decides a tie
    if not quorum:
        errors.append(
            Reason(
                "no_quorum",
                "8.1",
                _("%(present)s of %(total)s members take part; two thirds are required."),
                {"present": taking_part, "total": facts.members_total},
            )
        )
    return TallyResult(
        quorum=quorum,
        adopted=quorum and carried and not errors,
        votes_for=votes_for,
        votes_against=votes_against,
        required=required,
        errors=errors,
    )
