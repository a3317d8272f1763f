"""Verification: the draw re-derived from the log; tampering and manual changes are caught."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from sot.cases.models import BenchRole, CaseJudge
from sot.core.judiciary import CaseCategory
from sot.distribution.models import CategoryRule, Draw, ReassignmentReason
from sot.distribution.services import reassign
from sot.distribution.verify import verify_case
from sot.ledger import merkle


def failed(report) -> set[str]:
    codes = {c.code for d in report.draws for c in d.checks if not c.ok}
    if report.final is not None and not report.final.ok:
        codes.add(report.final.code)
    return codes


def test_an_honest_draw_verifies(country):
    case = country.register()
    report = verify_case(case)
    assert report.ok, failed(report)
    assert {c.code for c in report.draws[0].checks} >= {
        "entry_in_log",
        "request_entry",
        "head_signed",
        "head_first_after_request",
        "randomness",
        "choice",
    }


def test_a_closed_case_verifies_with_its_salt(country):
    case = country.register(is_closed=True)
    assert verify_case(case).ok


def test_a_tampered_log_entry_is_detected(country):
    case = country.register()
    draw = Draw.objects.get(case=case)
    with connection.cursor() as cursor:
        cursor.execute('SELECT data FROM ledger_leaf WHERE "index" = %s', [draw.leaf_index])
        data = bytes(cursor.fetchone()[0])
        document = json.loads(data)
        other = next(j for j in document["data"]["band"] + [0] if j != draw.judge_id)
        document["data"]["result"]["judge"] = other
        forged = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        # The forger recomputes the leaf hash too; the signed tree no longer leads to it.
        cursor.execute(
            'UPDATE ledger_leaf SET data = %s, leaf_hash = %s WHERE "index" = %s',
            [forged.encode(), merkle.leaf_hash(forged.encode()), draw.leaf_index],
        )
    assert "entry_in_log" in failed(verify_case(case))


def test_a_judge_swapped_by_hand_is_detected(country):
    case = country.register()
    draw = Draw.objects.get(case=case)
    other = next(j for j in country.judges["c1"] + country.judges["d"] if j.pk != draw.judge_id)
    CaseJudge.objects.filter(case=case, role=BenchRole.PRESIDING).update(judge=other)
    assert failed(verify_case(case)) == {"current_judge"}


def test_a_reassignment_verifies_and_keeps_the_old_judge_out(country):
    CategoryRule.objects.filter(category=CaseCategory.CRIMINAL, instance="first").update(min_pool=2)
    case = country.register(category=CaseCategory.CRIMINAL)
    first = Draw.objects.get(case=case)
    reassign(
        case=case,
        reason=ReassignmentReason.RECUSAL,
        note="The judge's brother represents the defendant",
        acting_user=country.chair,
    )
    report = verify_case(case)
    assert report.ok, failed(report)
    assert len(report.draws) == 2
    second = report.draws[1]
    assert second.record["reassignment"] == {
        "previous_judge": first.judge_id,
        "reason": "recusal",
    }
    assert [first.judge_id, "recused"] in second.record["pool"]["excluded"]


def test_cli_verify_exits_zero_when_it_matches(country):
    case = country.register()
    out = StringIO()
    call_command("distribution", "verify", case.number, stdout=out)
    assert json.loads(out.getvalue())["verified"] is True


def test_cli_verify_fails_when_it_does_not_match(country):
    case = country.register()
    CaseJudge.objects.filter(case=case).delete()
    out = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("distribution", "verify", case.number, stdout=out)
    assert raised.value.returncode == 1
    assert json.loads(out.getvalue())["verified"] is False


def test_cli_verify_unknown_case(country):
    with pytest.raises(CommandError):
        call_command("distribution", "verify", "X000-26-000001")


def test_root_from_inclusion_matches_the_rfc_proofs(country):
    from sot.ledger.selectors import inclusion_proof, tree_head_latest

    for _ in range(3):
        country.register()
    head = tree_head_latest()
    assert head is not None
    for index in range(head.tree_size):
        proof = inclusion_proof(index)
        root = merkle.root_from_inclusion(index, head.tree_size, proof.leaf_hash, proof.audit_path)
        assert root == bytes(head.root_hash)
        bad = merkle.root_from_inclusion(index, head.tree_size, b"\x00" * 32, proof.audit_path)
        assert bad != bytes(head.root_hash)


def _batch(country, n: int):
    from sot.cases.models import CaseStatus
    from sot.cases.services import case_file
    from sot.distribution.services import distribute

    cases = []
    for i in range(n):
        case = case_file(
            court=country.home,
            category=CaseCategory.CRIMINAL if i % 2 else CaseCategory.CIVIL,
            subject="x",
            acting_user=country.clerk,
            participants=country.parties(),
        )
        case.number = f"A001-26-{900 + i:06d}"
        case.status = CaseStatus.REGISTERED
        case.save()
        cases.append(case)
    return cases, distribute(cases=cases)


def test_every_case_of_a_batch_verifies_by_replaying_the_batch(country):
    cases, draws = _batch(country, 8)
    assert len({d.leaf_index for d in draws}) == 8
    for case in cases:
        report = verify_case(case)
        assert report.ok, failed(report)


def test_a_changed_earlier_draw_of_the_batch_breaks_the_later_ones(country):
    cases, draws = _batch(country, 6)
    first = draws[0]
    with connection.cursor() as cursor:
        cursor.execute('SELECT data FROM ledger_leaf WHERE "index" = %s', [first.leaf_index])
        document = json.loads(bytes(cursor.fetchone()[0]))
        document["data"]["weight"] = 100_000  # as if the first judge had taken a huge case
        forged = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        cursor.execute(
            'UPDATE ledger_leaf SET data = %s WHERE "index" = %s',
            [forged.encode(), first.leaf_index],
        )
    assert "record_complete" in failed(verify_case(cases[-1]))
