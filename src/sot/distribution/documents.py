"""The "how was this judge chosen" document, shared by the API and the party's page."""

from __future__ import annotations

from typing import Any

from sot.cases.models import Case
from sot.ledger.documents import head_document, inclusion_document
from sot.ledger.selectors import inclusion_proof, tree_head_latest

from .selectors import case_draws
from .verify import verify_case


def distribution_document(case: Case) -> dict[str, Any]:
    """Every draw of a case the caller may see: the log entry, its proof and the checks.

    With the entry, the proof and the published tree head, anyone can redo the checks offline
    (docs/distribution.md shows how); the salt of a closed case is given to those who see it.
    """
    report = verify_case(case)
    head = tree_head_latest()
    by_leaf = {check.leaf_index: check for check in report.draws}
    draws = []
    for draw in case_draws(case):
        check = by_leaf[draw.leaf_index]
        proof = (
            inclusion_document(inclusion_proof(draw.leaf_index))
            if head is not None and draw.leaf_index < head.tree_size
            else None
        )
        draws.append(
            {
                "kind": draw.kind,
                "outcome": draw.outcome,
                "at": draw.at.isoformat(),
                "judge": (
                    {"id": draw.judge_id, "name": draw.judge.full_name} if draw.judge else None
                ),
                "leaf_index": draw.leaf_index,
                "request_leaf_index": draw.request_leaf,
                "salt": draw.salt or None,
                "entry": check.record,
                "inclusion_proof": proof,
                "verified": check.ok,
                "checks": [
                    {"code": c.code, "ok": c.ok, "label": str(c.label)} for c in check.checks
                ],
            }
        )
    return {
        "case_number": case.number,
        "verified": report.ok,
        "tree_head": head_document(head) if head is not None else None,
        "draws": draws,
        "current_judge": report.as_document()["current_judge"],
    }
