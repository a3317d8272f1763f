"""Counting the Council's votes (Art. 4 §11, 6 §2.4, 8 §1, 10, 18 §8)."""

from __future__ import annotations

import pytest

from sot.core.errors import ValidationFailed
from sot.council.rules.tally import enough_sessions, parse_tally_facts, tally
from sot.council.rules.thresholds import Thresholds


def vote(kind="competition", total=9, votes_for=0, against=0, chair=1, secretary=None, **extra):
    ballots = [{"member": n, "vote": "for"} for n in range(1, votes_for + 1)]
    ballots += [
        {"member": n, "vote": "against"} for n in range(votes_for + 1, votes_for + against + 1)
    ]
    document = {
        "kind": kind,
        "members_total": total,
        "chair": chair,
        "secretary": secretary,
        "votes": extra.pop("votes", ballots),
        "recused": extra.pop("recused", []),
    }
    return tally(parse_tally_facts(document), extra.pop("thresholds", Thresholds()))


def test_art_18_8_exactly_two_thirds_of_members_taking_part_wins():
    result = vote(votes_for=6, against=3)
    assert (result.quorum, result.adopted, result.required) == (True, True, 6)


def test_art_18_8_one_short_of_two_thirds_loses():
    result = vote(votes_for=5, against=4)
    assert (result.adopted, result.votes_for, result.votes_against, result.required) == (
        False,
        5,
        4,
        6,
    )


def test_art_18_8_two_thirds_rounds_up():
    # 7 take part: two thirds is 4.67, so 5 votes are needed.
    assert vote(votes_for=4, against=3).adopted is False
    assert vote(votes_for=5, against=2).required == 5


def test_art_8_1_quorum_is_exactly_two_thirds_of_all_members():
    assert vote(total=9, votes_for=6).quorum is True
    short = vote(total=9, votes_for=5)
    assert (short.quorum, short.adopted) == (False, False)
    assert [e["code"] for e in short.as_dict()["errors"]] == ["no_quorum"]


def test_art_10_1_procedural_simple_majority():
    assert vote("procedural", votes_for=4, against=3).adopted is True
    assert vote("procedural", votes_for=3, against=4).required == 4


def test_art_10_4_chair_decides_a_procedural_tie():
    # Members 1-4 for, 5-8 against: the chair (member 1) voted for.
    assert vote("procedural", total=8, votes_for=4, against=4, chair=1).adopted is True
    assert vote("procedural", total=8, votes_for=4, against=4, chair=8).adopted is False


def test_art_10_1_substantive_qualified_majority_is_regulation_data():
    three_quarters = Thresholds(qualified_majority_numerator=3, qualified_majority_denominator=4)
    assert vote("substantive", votes_for=6, against=3).adopted is True
    result = vote("substantive", votes_for=6, against=3, thresholds=three_quarters)
    assert (result.adopted, result.required) == (False, 7)


def test_art_10_3_abstention_is_an_error_and_nothing_is_adopted():
    ballots = [{"member": n, "vote": "for"} for n in range(1, 8)]
    ballots.append({"member": 8, "vote": "abstain"})
    result = vote(votes=ballots)
    assert result.adopted is False
    assert [e.code for e in result.errors] == ["abstention"]


def test_art_4_11_secretary_has_no_vote():
    ballots = [{"member": n, "vote": "for"} for n in range(1, 7)]
    ballots.append({"member": "sec", "vote": "for"})
    result = vote(votes=ballots, secretary="sec")
    assert (result.votes_for, result.adopted) == (6, False)
    assert [e.code for e in result.errors] == ["secretary_voted"]


def test_art_6_2_4_recused_member_does_not_take_part():
    ballots = [{"member": n, "vote": "for"} for n in range(1, 7)]
    result = vote(votes=ballots, recused=[9])
    assert (result.adopted, result.required) == (True, 4)
    ballots.append({"member": 9, "vote": "against"})
    voted = vote(votes=ballots, recused=[9])
    assert [e.code for e in voted.errors] == ["recused_voted"]
    assert voted.votes_against == 0


def test_art_4_9_a_member_votes_once():
    ballots = [{"member": n, "vote": "for"} for n in range(1, 7)] + [{"member": 1, "vote": "for"}]
    result = vote(votes=ballots)
    assert (result.votes_for, result.adopted) == (6, False)
    assert [e.code for e in result.errors] == ["duplicate_vote"]


@pytest.mark.parametrize(
    ("document", "field"),
    [
        (
            {"kind": "competition", "members_total": 9, "chair": 1, "secretary": None, "votes": []},
            "recused",
        ),
        (
            {
                "kind": "x",
                "members_total": 9,
                "chair": 1,
                "secretary": None,
                "votes": [],
                "recused": [],
            },
            "kind",
        ),
        (
            {
                "kind": "procedural",
                "members_total": 9,
                "chair": 1,
                "secretary": None,
                "votes": [{"member": 1}],
                "recused": [],
            },
            "votes[0].vote",
        ),
        (
            {
                "kind": "procedural",
                "members_total": 9,
                "chair": 1,
                "secretary": None,
                "votes": [],
                "recused": [],
                "quorum": 6,
            },
            "quorum",
        ),
        (
            {
                "kind": "procedural",
                "members_total": 0,
                "chair": 1,
                "secretary": None,
                "votes": [],
                "recused": [],
            },
            "members_total",
        ),
    ],
)
def test_tally_facts_missing_or_unknown_field_is_named(document, field):
    with pytest.raises(ValidationFailed) as raised:
        parse_tally_facts(document)
    assert list(raised.value.fields) == [field]


def test_art_8_1_and_12_1_at_least_four_sessions_a_year():
    assert enough_sessions(4)
    assert not enough_sessions(3)
