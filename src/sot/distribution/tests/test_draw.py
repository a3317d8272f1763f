"""The draw: who is eligible, who is left out and why, balance, randomness, logging."""

from __future__ import annotations

import datetime
import hashlib
import json

import pytest

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases.models import BenchRole, CaseEvent, CaseEventKind, CaseJudge, CaseStatus
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory
from sot.core.judiciary import CaseCategory
from sot.courts.models import Judge, JudgeStatus, JudgeStatusPeriod
from sot.distribution import algorithm
from sot.distribution.eligibility import Exclusion
from sot.distribution.models import (
    CategoryRule,
    ChairQueueEntry,
    Conflict,
    ConflictKind,
    Draw,
    DrawOutcome,
    JudgeWorkload,
)
from sot.ledger.models import Leaf, TreeHead


def entry(index: int) -> dict:
    return json.loads(bytes(Leaf.objects.get(index=index).data))["data"]


def snapshot(record: dict) -> dict:
    return entry(record["pool"]["snapshot"])


def eligible(record: dict) -> set[int]:
    """The case's pool as the verifier rebuilds it: the snapshot less what the entry leaves out."""
    regions = set(record["pool"]["excluded_regions"])
    excluded = {e[0] for e in record["pool"]["excluded"]}
    return {
        j
        for j, region, _l, _s in snapshot(record)["judges"]
        if region not in regions and j not in excluded
    }


def presiding(case) -> int | None:
    return (
        CaseJudge.objects.filter(case=case, role=BenchRole.PRESIDING)
        .values_list("judge_id", flat=True)
        .first()
    )


def ids(judges) -> set[int]:
    return {j.pk for j in judges}


def test_registration_assigns_a_judge_and_logs_request_then_draw(country):
    case = country.register()

    draw = Draw.objects.get(case=case)
    assert draw.request_leaf is not None
    assert draw.outcome == DrawOutcome.ASSIGNED
    assert presiding(case) == draw.judge_id
    assert Leaf.objects.get(index=draw.request_leaf).kind == "distribution.request"
    assert Leaf.objects.get(index=draw.leaf_index).kind == "distribution.draw"
    assert draw.request_leaf < draw.leaf_index
    assert CaseEvent.objects.filter(case=case, kind=CaseEventKind.JUDGE_ASSIGNED).count() == 1
    record = entry(draw.leaf_index)
    assert record["case"] == {"number": case.number}
    assert record["version"] == algorithm.VERSION
    assert record["result"] == {"outcome": "assigned", "judge": draw.judge_id}


def test_extraterritorial_pool_leaves_out_the_parties_regions(country):
    """Civil claims go to every court outside the claimant's and the defendant's regions."""
    case = country.register()

    record = entry(Draw.objects.get(case=case).leaf_index)
    pool = eligible(record)
    outside = ids(country.judges["c1"] + country.judges["c2"] + country.judges["d"])
    assert pool == outside
    assert record["mode"] == "extraterritorial"
    assert record["pool"]["excluded_regions"] == ["RA", "RB"]
    # The case moves to the chosen judge's court; its number keeps the registering court.
    assert case.court_id != country.home.pk
    assert case.number.startswith("A001-")
    assert case.court.region.code in {"RC", "RD"}


def test_unknown_party_region_is_stood_in_for_by_the_filing_courts_region(country):
    parties = country.parties(claimant_region="D", defendant_region="")
    case = country.register(participants=parties)

    record = entry(Draw.objects.get(case=case).leaf_index)
    assert record["pool"]["excluded_regions"] == ["RA", "RD"]
    assert eligible(record) == ids(
        country.judges["b"] + country.judges["c1"] + country.judges["c2"]
    )


def test_court_mode_keeps_the_case_in_its_court(country):
    case = country.register(category=CaseCategory.CRIMINAL)

    record = entry(Draw.objects.get(case=case).leaf_index)
    assert record["mode"] == "court"
    assert eligible(record) == ids(country.judges["home"])
    assert case.court_id == country.home.pk


def test_claimant_choice_is_extraterritorial_only_when_asked(country):
    plain = country.register(category=CaseCategory.ADMINISTRATIVE)
    chosen = country.register(category=CaseCategory.ADMINISTRATIVE, extraterritorial_requested=True)

    assert entry(Draw.objects.get(case=plain).leaf_index)["mode"] == "court"
    assert entry(Draw.objects.get(case=chosen).leaf_index)["mode"] == "extraterritorial"


def test_absent_judge_is_left_out_with_the_reason(country):
    away = country.judges["c1"][0]
    JudgeStatusPeriod.objects.create(
        judge=away, status=JudgeStatus.ON_LEAVE, starts_on=datetime.date(2000, 1, 1)
    )
    record = entry(Draw.objects.get(case=country.register()).leaf_index)

    assert away.pk in snapshot(record)["absent"]
    assert away.pk not in eligible(record)


def test_relative_declared_conflict_and_judge_as_party_are_left_out(country):
    related, declared, party = (
        country.judges["c1"][0],
        country.judges["c1"][1],
        country.judges["d"][0],
    )
    parties = country.parties()
    Conflict.objects.create(judge=related, kind=ConflictKind.RELATIVE, identifier=parties[0].iin)
    Conflict.objects.create(judge=declared, kind=ConflictKind.DECLARED, identifier=parties[1].iin)
    party.user.iin = parties[1].iin
    party.user.save()

    record = entry(Draw.objects.get(case=country.register(participants=parties)).leaf_index)

    assert [related.pk, Exclusion.RELATIVE] in record["pool"]["excluded"]
    assert [declared.pk, Exclusion.DECLARED] in record["pool"]["excluded"]
    assert [party.pk, Exclusion.IS_PARTY] in record["pool"]["excluded"]


def test_judge_who_sat_on_the_matter_below_is_left_out_of_the_appeal(country):
    appeal_judges = country.judges["appeal"]
    lower = CaseFactory(court=country.home, status=CaseStatus.DECIDED)
    CaseJudgeFactory(case=lower, judge=appeal_judges[0])  # e.g. sat below before promotion
    appeal = CaseFactory(
        court=country.courts["appeal"],
        instance="appeal",
        matter=lower.matter,
        lower_case=lower,
        category=CaseCategory.CRIMINAL,
    )
    from sot.distribution.services import distribute

    draw = distribute(cases=[appeal])[0]
    record = entry(draw.leaf_index)
    assert [appeal_judges[0].pk, Exclusion.SAME_MATTER] in record["pool"]["excluded"]
    assert record["pool"]["size"] == 2
    # Two judges left: below the minimum of three, so the chair decides.
    assert draw.outcome == DrawOutcome.CHAIR_QUEUE


def test_pool_below_the_minimum_goes_to_the_chairs_queue_and_is_logged(country):
    CategoryRule.objects.filter(category=CaseCategory.CRIMINAL, instance="first").update(min_pool=4)
    case = country.register(category=CaseCategory.CRIMINAL)

    draw = Draw.objects.get(case=case)
    assert draw.outcome == DrawOutcome.CHAIR_QUEUE
    assert presiding(case) is None
    queued = ChairQueueEntry.objects.get(case=case)
    assert queued.reason == "pool_below_minimum"
    assert queued.court_id == country.home.pk
    record = entry(draw.leaf_index)
    assert record["result"] == {"outcome": "chair_queue", "reason": "pool_below_minimum"}
    assert record["min_pool"] == 4
    assert record["pool"]["size"] == 3
    assert CaseEvent.objects.filter(case=case, kind=CaseEventKind.SENT_TO_CHAIR).exists()


def test_the_least_loaded_judge_gets_the_case(country):
    busy, idle, busier = country.judges["home"]
    for judge, n in ((busy, 2), (busier, 3)):
        for _ in range(n):
            CaseJudgeFactory(
                case=CaseFactory(court=country.home, category=CaseCategory.CRIMINAL), judge=judge
            )

    case = country.register(category=CaseCategory.CRIMINAL)

    assert presiding(case) == idle.pk
    record = entry(Draw.objects.get(case=case).leaf_index)
    assert record["band"] == [idle.pk]


def test_partial_load_counts_proportionally(country):
    """A judge on half load with one open case counts as two: a full-load judge with one wins."""
    half, full, other = country.judges["home"]
    JudgeWorkload.objects.create(judge=half, share="0.5")
    for judge, n in ((half, 1), (full, 1), (other, 3)):
        for _ in range(n):
            CaseJudgeFactory(
                case=CaseFactory(court=country.home, category=CaseCategory.CRIMINAL), judge=judge
            )

    case = country.register(category=CaseCategory.CRIMINAL)

    record = entry(Draw.objects.get(case=case).leaf_index)
    loads = {j: (load, share) for j, _region, load, share in snapshot(record)["judges"]}
    # Each hears all four categories (the factory's default): a quarter of their share in each.
    assert loads[half.pk] == (150, 125)
    assert loads[full.pk] == (150, 250)
    assert presiding(case) == full.pk


def test_open_cases_of_another_category_do_not_count(country):
    """Algorithm version 2: a criminal draw compares criminal loads only (ADR 0013)."""
    civil_busy, criminal_one, criminal_two = country.judges["home"]
    for _ in range(6):
        CaseJudgeFactory(
            case=CaseFactory(court=country.home, category=CaseCategory.CIVIL), judge=civil_busy
        )
    for judge in (criminal_one, criminal_two):
        CaseJudgeFactory(
            case=CaseFactory(court=country.home, category=CaseCategory.CRIMINAL), judge=judge
        )

    case = country.register(category=CaseCategory.CRIMINAL)

    assert presiding(case) == civil_busy.pk
    record = entry(Draw.objects.get(case=case).leaf_index)
    assert record["version"] == "sot-distribution/2"
    assert record["band"] == [civil_busy.pk]


def test_a_judge_hearing_two_categories_is_on_half_load_in_each(country):
    """Same open criminal load, but the judge who also hears civil cases counts it double."""
    only_criminal, also_civil, busier = country.judges["home"]
    for judge, categories in (
        (only_criminal, [CaseCategory.CRIMINAL]),
        (also_civil, [CaseCategory.CRIMINAL, CaseCategory.CIVIL]),
        (busier, [CaseCategory.CRIMINAL]),
    ):
        judge.specialisations.exclude(category__in=categories).delete()
    for judge, n in ((only_criminal, 1), (also_civil, 1), (busier, 2)):
        for _ in range(n):
            CaseJudgeFactory(
                case=CaseFactory(court=country.home, category=CaseCategory.CRIMINAL), judge=judge
            )

    case = country.register(category=CaseCategory.CRIMINAL)

    record = entry(Draw.objects.get(case=case).leaf_index)
    loads = {j: (load, share) for j, _region, load, share in snapshot(record)["judges"]}
    assert loads[only_criminal.pk] == (150, 1000)
    assert loads[also_civil.pk] == (150, 500)
    assert record["band"] == [only_criminal.pk]
    assert presiding(case) == only_criminal.pk


def test_decided_cases_no_longer_count_towards_load(country):
    judge_a, judge_b, judge_c = country.judges["home"]
    for _ in range(5):
        CaseJudgeFactory(
            case=CaseFactory(
                court=country.home, category=CaseCategory.CRIMINAL, status=CaseStatus.DECIDED
            ),
            judge=judge_a,
        )
    for judge in (judge_b, judge_c):
        for _ in range(2):
            CaseJudgeFactory(
                case=CaseFactory(court=country.home, category=CaseCategory.CRIMINAL), judge=judge
            )

    case = country.register(category=CaseCategory.CRIMINAL)

    assert presiding(case) == judge_a.pk


def test_randomness_is_the_hash_of_the_head_signed_after_the_request(country):
    case = country.register()
    draw = Draw.objects.get(case=case)
    record = entry(draw.leaf_index)

    head = TreeHead.objects.get(tree_size=record["request"]["tree_size"])
    assert draw.request_leaf is not None
    assert head.tree_size == draw.request_leaf + 1  # the first head over the request entry
    expected = hashlib.sha256(
        algorithm.VERSION.encode()
        + b"\x00"
        + bytes(head.signature)
        + b"\x00"
        + case.number.encode()
    ).hexdigest()
    assert record["randomness"] == expected
    band = sorted(record["band"])
    assert record["result"]["judge"] == band[int(expected, 16) % len(band)]


def test_a_closed_case_is_logged_by_a_salted_commitment(country):
    case = country.register(is_closed=True)

    draw = Draw.objects.get(case=case)
    assert draw.request_leaf is not None
    for index in (draw.request_leaf, draw.leaf_index):
        text = bytes(Leaf.objects.get(index=index).data).decode()
        assert case.number not in text
    assert entry(draw.leaf_index)["case"] == {
        "commitment": algorithm.commitment(case.number, draw.salt)
    }
    assert len(draw.salt) == 32


def test_a_year_of_draws_stays_balanced(country):
    """Many registrations in one pool: no judge ends more than one case above another."""
    for _ in range(30):
        country.register(category=CaseCategory.CRIMINAL)
    counts = [
        CaseJudge.objects.filter(judge=j, role=BenchRole.PRESIDING).count()
        for j in country.judges["home"]
    ]
    assert sum(counts) == 30
    assert max(counts) - min(counts) <= 1


@pytest.mark.parametrize("band_size", [1, 2, 5])
def test_pick_is_the_band_member_at_randomness_mod_size(band_size):
    judges = list(range(10, 10 + band_size))
    seed = hashlib.sha256(b"x").digest()
    band, chosen = algorithm.choose(judges, dict.fromkeys(judges, 0), 100, seed)
    assert band == judges
    assert chosen == 10 + int.from_bytes(seed, "big") % band_size


def test_least_loaded_band_is_within_one_case_of_the_minimum():
    effective = {1: 500, 2: 599, 3: 600, 4: algorithm.effective_load(250, 500)}
    band, _chosen = algorithm.choose([1, 2, 3, 4], effective, 100, b"\x00")
    assert band == [1, 2, 4]


def test_the_clocks_of_a_case_moved_to_another_court_follow_it(country):
    """The deadlines app lists overdue clocks per court: a case drawn elsewhere is counted there,
    also when a reassignment moves it again."""
    from sot.deadlines.models import CaseClock
    from sot.distribution.models import ReassignmentReason
    from sot.distribution.services import reassign

    case = country.register()
    first_court = case.court_id
    assert first_court != country.home.pk
    assert set(CaseClock.objects.filter(case=case).values_list("court_id", flat=True)) == {
        first_court
    }
    # Everyone else in that court is away: the new draw must pick a judge of another court.
    for judge in Judge.objects.filter(court_id=first_court):
        JudgeStatusPeriod.objects.create(
            judge=judge, status=JudgeStatus.ON_LEAVE, starts_on=datetime.date(2000, 1, 1)
        )
    CategoryRule.objects.filter(category=CaseCategory.CIVIL, instance="first").update(min_pool=1)
    chair = UserFactory(roles=[Role.COURT_CHAIR], court_id=first_court)
    reassign(case=case, reason=ReassignmentReason.LONG_ABSENCE, acting_user=chair)
    case.refresh_from_db()
    assert case.court_id != first_court
    clocks = CaseClock.objects.filter(case=case)
    assert clocks.exists()
    assert set(clocks.values_list("court_id", flat=True)) == {case.court_id}
