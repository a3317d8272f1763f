"""Re-deriving a case's draws from what the log holds, check by check.

Nothing here trusts the ``Draw`` table beyond the index it gives into the log: every value that
decides the outcome is read back from the log entries, whose inclusion in the latest signed tree
head is proven, and the draw is computed again with the same pure functions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sot.cases.models import BenchRole, Case
from sot.ledger import merkle, signing
from sot.ledger.models import Leaf, TreeHead
from sot.ledger.selectors import (
    inclusion_proof,
    leaves_proven,
    subtree_hashes,
    tree_head_latest,
)

from . import algorithm
from .models import Draw, DrawKind, DrawOutcome
from .services import DRAW_KIND, POOL_KIND, REQUEST_KIND, case_reference


@dataclass(frozen=True)
class Check:
    code: str
    label: str | Promise
    ok: bool


@dataclass
class DrawCheck:
    leaf_index: int
    kind: str
    judge: int | None
    outcome: str
    record: dict[str, Any]
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)


@dataclass
class CaseVerification:
    case_number: str
    draws: list[DrawCheck]
    final: Check | None

    @property
    def ok(self) -> bool:
        return (
            bool(self.draws)
            and all(d.ok for d in self.draws)
            and (self.final is None or self.final.ok)
        )

    def as_document(self) -> dict[str, Any]:
        return {
            "case_number": self.case_number,
            "verified": self.ok,
            "draws": [
                {
                    "leaf_index": d.leaf_index,
                    "kind": d.kind,
                    "outcome": d.outcome,
                    "judge": d.judge,
                    "verified": d.ok,
                    "checks": [
                        {"code": c.code, "ok": c.ok, "label": str(c.label)} for c in d.checks
                    ],
                }
                for d in self.draws
            ],
            "current_judge": (
                None
                if self.final is None
                else {"code": self.final.code, "ok": self.final.ok, "label": str(self.final.label)}
            ),
        }


def _entry(index: int | None, kind: str) -> dict[str, Any] | None:
    """The entry's data, if the entry exists, is of ``kind``, and its very bytes are in the
    signed log (their hash, not a stored hash, is what the audit path must lead from)."""
    if index is None:
        return None
    leaf = Leaf.objects.filter(index=index).first()
    if leaf is None or leaf.kind != kind:
        return None
    document = json.loads(bytes(leaf.data))
    data = document.get("data") if isinstance(document, dict) else None
    if not isinstance(data, dict) or document.get("kind") != kind:
        return None
    if not _in_signed_log(index, merkle.leaf_hash(bytes(leaf.data)), tree_head_latest()):
        return None
    return data


def _signed(head: TreeHead | None) -> bool:
    return head is not None and signing.tree_head_verify(
        bytes(head.public_key),
        bytes(head.signature),
        timestamp=signing.timestamp_ms(head.timestamp),
        tree_size=head.tree_size,
        root_hash=bytes(head.root_hash),
    )


def _in_signed_log(index: int, leaf_hash: bytes, latest: TreeHead | None) -> bool:
    """The bytes hashing to ``leaf_hash`` are entry ``index`` under the latest signed head."""
    if latest is None or index >= latest.tree_size or not _signed(latest):
        return False
    proof = inclusion_proof(index, latest.tree_size)
    root = merkle.root_from_inclusion(index, latest.tree_size, leaf_hash, proof.audit_path)
    return root == bytes(latest.root_hash)


def _head_checks(record: dict[str, Any], request_index: int) -> list[Check]:
    """The head that seeded the draw: genuine, over the log as it is, and the first one signed
    after the request entry — so it could not be chosen among several."""
    claimed = record.get("request", {})
    size = claimed.get("tree_size")
    head = TreeHead.objects.filter(tree_size=size).first() if isinstance(size, int) else None
    genuine = (
        head is not None
        and bytes(head.root_hash).hex() == claimed.get("root_hash")
        and bytes(head.signature).hex() == claimed.get("signature")
        and signing.timestamp_ms(head.timestamp) == claimed.get("timestamp")
        and signing.tree_head_verify(
            bytes(head.public_key),
            bytes(head.signature),
            timestamp=signing.timestamp_ms(head.timestamp),
            tree_size=head.tree_size,
            root_hash=bytes(head.root_hash),
        )
    )
    matches_log = False
    first_after = False
    if genuine and head is not None:
        stored = subtree_hashes(merkle.subtrees_for([(0, head.tree_size)]))
        matches_log = merkle.range_hash(0, head.tree_size, stored) == bytes(head.root_hash)
        first_after = (
            request_index < head.tree_size
            and not TreeHead.objects.filter(
                tree_size__gt=request_index, tree_size__lt=head.tree_size
            ).exists()
        )
    return [
        Check(
            "head_signed",
            _("The tree head that seeded the draw carries a valid signature."),
            genuine,
        ),
        Check(
            "head_matches_log",
            _("That head's root is the root of the log at that size."),
            matches_log,
        ),
        Check(
            "head_first_after_request",
            _("It is the first head signed after the case's request entry."),
            first_after,
        ),
    ]


def _replayed_pool(record: dict[str, Any], draw_index: int) -> tuple[list[int], dict[int, int]]:
    """The case's eligible judges and their effective loads when it was drawn: the batch's pool
    snapshot, less the regions and judges the entry leaves out, plus the batch's earlier draws
    (version 2: those in the same category, since loads are per category)."""
    per_category = record.get("version") != algorithm.VERSION_WHOLE_LOAD
    pool = record["pool"]
    snapshot = _entry(int(pool["snapshot"]), POOL_KIND)
    if snapshot is None:
        raise ValueError("no pool snapshot")
    loads = {int(j): int(load) for j, _region, load, _share in snapshot["judges"]}
    shares = {int(j): int(share) for j, _region, _load, share in snapshot["judges"]}
    start = int(pool["batch_start"])
    if start < draw_index:
        latest = tree_head_latest()
        earlier = leaves_proven(start, draw_index, latest) if latest is not None else None
        if earlier is None or not _signed(latest):
            raise ValueError("the batch's earlier entries are not the signed ones")
        for leaf in earlier:
            document = json.loads(bytes(leaf.data))
            if document.get("kind") != DRAW_KIND:
                raise ValueError("a gap in the batch")
            earlier_draw = document["data"]
            if per_category and earlier_draw.get("category") != record["category"]:
                continue
            judge = earlier_draw["result"].get("judge")
            if judge in loads:
                loads[judge] += int(earlier_draw["weight"])
    regions = set(pool["excluded_regions"])
    excluded = {int(e[0]) for e in pool["excluded"]}
    judges = sorted(
        int(j)
        for j, region, _l, _s in snapshot["judges"]
        if region not in regions and j not in excluded
    )
    effective = {j: algorithm.effective_load(loads[j], shares[j]) for j in judges}
    return judges, effective


def _choice_check(record: dict[str, Any], number: str, draw_index: int) -> list[Check]:
    try:
        version = record["version"]
        if version not in algorithm.VERSIONS:
            raise ValueError("an algorithm version this verifier does not know")
        signature = bytes.fromhex(record["request"]["signature"])
        seed = algorithm.randomness(signature, number, version)
        result = record["result"]
        weight = int(record["weight"])
        min_pool = int(record["min_pool"])
        judges, effective = _replayed_pool(record, draw_index)
    except (KeyError, TypeError, ValueError):
        return [Check("record_complete", _("The log entry holds every input of the draw."), False)]
    seed_ok = seed.hex() == record.get("randomness")
    size_ok = len(judges) == record["pool"].get("size")
    if len(judges) < min_pool:
        choice_ok = result.get("outcome") == DrawOutcome.CHAIR_QUEUE and not record.get("band")
    else:
        band, chosen = algorithm.choose(judges, effective, weight, seed)
        choice_ok = (
            result.get("outcome") == DrawOutcome.ASSIGNED
            and result.get("judge") == chosen
            and record.get("band") == band
        )
    return [
        Check(
            "randomness",
            _("The randomness is the hash of that head's signature and the case number."),
            seed_ok,
        ),
        Check(
            "pool_replayed",
            _("The pool rebuilt from the logged snapshot has the logged size."),
            size_ok,
        ),
        Check(
            "choice",
            _("Re-running the draw on the logged pool gives the logged judge."),
            choice_ok,
        ),
    ]


def verify_draw(case: Case, draw: Draw) -> DrawCheck:
    record = _entry(draw.leaf_index, DRAW_KIND)
    check = DrawCheck(
        leaf_index=draw.leaf_index,
        kind=draw.kind,
        judge=draw.judge_id,
        outcome=draw.outcome,
        record=record or {},
    )
    check.checks.append(
        Check(
            "entry_in_log",
            _("The draw's entry is in the log under the latest signed tree head."),
            record is not None,
        )
    )
    if record is None:
        return check
    expected_ref = case_reference(case, draw.salt)
    check.checks.append(
        Check(
            "entry_is_this_case",
            _("The entry names this case."),
            record.get("case") == expected_ref,
        )
    )
    result = record.get("result", {})
    check.checks.append(
        Check(
            "entry_matches_record",
            _("The court's record of the draw matches the log entry."),
            result.get("judge") == draw.judge_id and result.get("outcome") == draw.outcome,
        )
    )
    if draw.kind == DrawKind.CHAIR:
        pool = {e[0] for e in record.get("pool", [])}  # a chair's entry lists the whole pool
        check.checks.append(
            Check(
                "chair_choice_eligible",
                _("The chair chose a judge from the eligible pool."),
                result.get("judge") in pool,
            )
        )
        return check
    request = _entry(draw.request_leaf, REQUEST_KIND)
    request_index = record.get("request", {}).get("leaf_index")
    check.checks.append(
        Check(
            "request_entry",
            _("The case's request entry was logged before the draw."),
            request is not None
            and request.get("case") == expected_ref
            and request_index == draw.request_leaf,
        )
    )
    check.checks.extend(_head_checks(record, draw.request_leaf or 0))
    check.checks.extend(_choice_check(record, case.number or "", draw.leaf_index))
    return check


def verify_case(case: Case) -> CaseVerification:
    draws = list(Draw.objects.filter(case=case).order_by("leaf_index"))
    checks = [verify_draw(case, draw) for draw in draws]
    final: Check | None = None
    if draws:
        last = draws[-1]
        presiding = (
            case.bench.filter(role=BenchRole.PRESIDING).values_list("judge_id", flat=True).first()
        )
        final = Check(
            "current_judge",
            _("The case's presiding judge is the one the last draw chose."),
            presiding == last.judge_id,
        )
    return CaseVerification(case_number=case.number or "", draws=checks, final=final)
