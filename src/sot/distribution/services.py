"""Distributing cases to judges, logging every draw in the transparency log.

A draw runs in one transaction with the registration that triggers it: the case's request entry is
appended first (which takes the log's lock, so concurrent draws queue here and each reads the loads
the previous one left), the tree head signed over it supplies the randomness, and the draw entry,
the judge's seat, the case event and the draw record commit together — or none of them does.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection, models, transaction
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.cases.models import (
    BenchRole,
    Case,
    CaseEvent,
    CaseEventKind,
    CaseJudge,
)
from sot.cases.signals import case_event_recorded
from sot.core import clock
from sot.core.db import insert_rows
from sot.core.errors import Forbidden, InvalidTransition, ValidationFailed
from sot.courts.models import Judge
from sot.ledger.documents import head_document
from sot.ledger.selectors import tree_head_latest
from sot.ledger.services import LeafInput, ledger_append, ledger_append_many

from . import algorithm
from .eligibility import OPEN_STATUSES, Pool, PoolBuilder, case_contexts
from .models import (
    ChairQueueEntry,
    ConfigChange,
    Draw,
    DrawKind,
    DrawOutcome,
    ReassignmentReason,
    Recusal,
)
from .rules import is_chair_of

REQUEST_KIND = "distribution.request"
DRAW_KIND = "distribution.draw"
POOL_KIND = "distribution.pool"
CONFIG_KIND = "distribution.config"
POOL_TOO_SMALL = "pool_below_minimum"
# From this many cases a batch reads all judges and loads at once rather than pool by pool.
PRELOAD_FROM = 50
BULK = 1000


@dataclass(frozen=True)
class _Reassignment:
    previous_judge: int
    reason: str


def case_reference(case: Case, salt: str) -> dict[str, str]:
    """The case as the log shows it: its number, or for a closed case a salted commitment."""
    if case.is_closed:
        return {"commitment": algorithm.commitment(case.number or "", salt)}
    return {"number": case.number or ""}


def distribute(*, cases: Sequence[Case], acting_user: User | None = None) -> list[Draw]:
    """Assign each registered case a presiding judge (or the chair's queue), in one transaction."""
    with transaction.atomic():
        return _distribute(list(cases), DrawKind.INITIAL, acting_user, {})


def _request_entry(
    case: Case, kind: str, salt: str, reassignment: _Reassignment | None
) -> LeafInput:
    data: dict[str, Any] = {
        "version": algorithm.VERSION,
        "kind": kind,
        "case": case_reference(case, salt),
        "court": case.court.code,
        "category": case.category,
        "instance": case.instance,
    }
    if reassignment is not None:
        data["reason"] = reassignment.reason
    return LeafInput(kind=REQUEST_KIND, data=data)


def _distribute(
    cases: list[Case],
    kind: str,
    actor: User | None,
    reassignments: dict[int, _Reassignment],
) -> list[Draw]:
    for case in cases:
        if not case.number or case.status not in OPEN_STATUSES:
            raise InvalidTransition(_("Only a registered, pending case can be distributed."))
    salts = {c.pk: secrets.token_hex(16) if c.is_closed else "" for c in cases}
    requests = ledger_append_many(
        entries=[_request_entry(c, kind, salts[c.pk], reassignments.get(c.pk)) for c in cases]
    )
    head = tree_head_latest()
    assert head is not None  # the append above signed one
    head_doc = head_document(head)
    signature = bytes(head.signature)
    builder = PoolBuilder(timezone.localdate(clock.now()), preload=len(cases) >= PRELOAD_FROM)
    contexts = case_contexts(cases)
    pools: list[Pool] = []
    for case in cases:
        reassignment = reassignments.get(case.pk)
        previous = [reassignment.previous_judge] if reassignment else []
        pools.append(builder.pool(case, contexts[case.pk], also_excluded=previous))
    # The log grows only under the lock this transaction holds: the next indexes are known.
    keys = list(dict.fromkeys(pool.key for pool in pools))
    next_index = requests[-1].index + 1
    snapshot_index = {key: next_index + i for i, key in enumerate(keys)}
    batch_start = next_index + len(keys)
    entries = [LeafInput(kind=POOL_KIND, data=builder.snapshot(key)) for key in keys]
    effective = builder.effective()
    choices: list[int | None] = []
    for case, request, pool in zip(cases, requests, pools, strict=True):
        reassignment = reassignments.get(case.pk)
        seed = algorithm.randomness(signature, case.number or "")
        chosen: int | None = None
        band: list[int] = []
        if len(pool.judges) >= pool.min_pool:
            in_category = effective[case.category]
            band, chosen = algorithm.choose(pool.judges, in_category, pool.weight, seed)
            load = builder.add_load(chosen, case.category, pool.weight)
            in_category[chosen] = algorithm.effective_load(
                load, builder.share_of(chosen, case.category)
            )
        result: dict[str, Any] = (
            {"outcome": DrawOutcome.ASSIGNED.value, "judge": chosen}
            if chosen is not None
            else {"outcome": DrawOutcome.CHAIR_QUEUE.value, "reason": POOL_TOO_SMALL}
        )
        data: dict[str, Any] = {
            "version": algorithm.VERSION,
            "kind": kind,
            "case": case_reference(case, salts[case.pk]),
            "court": case.court.code,
            "category": case.category,
            "instance": case.instance,
            "mode": pool.mode,
            "weight": pool.weight,
            "min_pool": pool.min_pool,
            "request": {
                "leaf_index": request.index,
                "tree_size": head_doc["tree_size"],
                "root_hash": head_doc["root_hash"],
                "timestamp": head_doc["timestamp"],
                "signature": head_doc["signature"],
            },
            "pool": {
                "snapshot": snapshot_index[pool.key],
                "batch_start": batch_start,
                "excluded_regions": pool.excluded_regions,
                "excluded": pool.excluded,
                "size": len(pool.judges),
            },
            "randomness": seed.hex(),
            "band": band,
            "result": result,
        }
        if reassignment is not None:
            data["reassignment"] = {
                "previous_judge": reassignment.previous_judge,
                "reason": reassignment.reason,
            }
        entries.append(LeafInput(kind=DRAW_KIND, data=data))
        choices.append(chosen)
    leaves = ledger_append_many(entries=entries)
    assert leaves[0].index == next_index  # the indexes the entries name are theirs
    return _record(cases, kind, actor, requests, leaves[len(keys) :], choices, salts)


def _record(
    cases: list[Case],
    kind: str,
    actor: User | None,
    requests: Sequence[Any],
    leaves: Sequence[Any],
    choices: list[int | None],
    salts: dict[int, str],
) -> list[Draw]:
    now = clock.now()
    judge_courts = dict(
        Judge.objects.filter(pk__in=[c for c in choices if c is not None]).values_list(
            "pk", "court_id"
        )
    )
    draws: list[Draw] = []
    seats: list[CaseJudge] = []
    queue: list[ChairQueueEntry] = []
    events: list[CaseEvent] = []
    moved: list[Case] = []
    for case, request, leaf, chosen in zip(cases, requests, leaves, choices, strict=True):
        draws.append(
            Draw(
                case=case,
                kind=kind,
                outcome=DrawOutcome.ASSIGNED if chosen else DrawOutcome.CHAIR_QUEUE,
                judge_id=chosen,
                request_leaf=request.index,
                leaf_index=leaf.index,
                salt=salts[case.pk],
                at=now,
            )
        )
        if chosen is None:
            queue.append(
                ChairQueueEntry(case=case, court=case.court, reason=POOL_TOO_SMALL, queued_at=now)
            )
            events.append(
                CaseEvent(
                    case=case,
                    kind=CaseEventKind.SENT_TO_CHAIR,
                    actor=actor,
                    at=now,
                    payload={"reason": POOL_TOO_SMALL, "log_entry": leaf.index},
                )
            )
            continue
        seats.append(
            CaseJudge(case=case, judge_id=chosen, role=BenchRole.PRESIDING, assigned_at=now)
        )
        payload: dict[str, Any] = {
            "judge": chosen,
            "role": BenchRole.PRESIDING,
            "log_entry": leaf.index,
        }
        if judge_courts[chosen] != case.court_id:
            # Extraterritorial: the case moves to the chosen judge's court (its number stays).
            payload["from_court"] = case.court.code
            case.court_id = judge_courts[chosen]
            case.clerk = None
            moved.append(case)
        events.append(
            CaseEvent(
                case=case,
                kind=(
                    CaseEventKind.JUDGE_REASSIGNED
                    if kind == DrawKind.REASSIGNMENT
                    else CaseEventKind.JUDGE_ASSIGNED
                ),
                actor=actor,
                at=now,
                payload=payload,
            )
        )
    _move(moved)
    insert_rows(
        Draw,
        ("case_id", "kind", "outcome", "judge_id", "request_leaf", "leaf_index", "salt", "at"),
        [
            (d.case_id, d.kind, d.outcome, d.judge_id, d.request_leaf, d.leaf_index, d.salt, d.at)
            for d in draws
        ],
    )
    insert_rows(
        CaseJudge,
        ("case_id", "judge_id", "role", "assigned_at"),
        [(s.case_id, s.judge_id, s.role, s.assigned_at) for s in seats],
    )
    _queue(queue)
    for event in _events_create(events):
        case_event_recorded.send(sender=CaseEvent, event=event)
    return draws


def _events_create(events: list[CaseEvent]) -> list[CaseEvent]:
    """Store the batch's case events and return them with their ids (for the signal)."""
    if connection.vendor != "postgresql" or not events:
        return CaseEvent.objects.bulk_create(events, batch_size=BULK)
    before = CaseEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    insert_rows(
        CaseEvent,
        ("case_id", "kind", "at", "actor_id", "payload"),
        [(e.case_id, e.kind, e.at, e.actor_id, e.payload) for e in events],
    )
    # COPY returns no ids: read this batch's rows back in one query.
    return list(
        CaseEvent.objects.filter(
            pk__gt=before,
            case_id__in=[e.case_id for e in events],
            kind__in={e.kind for e in events},
        ).order_by("pk")
    )


def _queue(entries: list[ChairQueueEntry]) -> None:
    """Put cases in the chair's queue: one row per case, reopened if the case was queued before
    (the chair placed it, then a reassignment found the pool too small again)."""
    earlier = {
        e.case_id: e
        for e in ChairQueueEntry.objects.filter(case_id__in=[q.case_id for q in entries])
    }
    for entry in entries:
        if entry.case_id in earlier:
            ChairQueueEntry.objects.filter(pk=earlier[entry.case_id].pk).update(
                court=entry.court, reason=entry.reason, queued_at=entry.queued_at, resolved_at=None
            )
    ChairQueueEntry.objects.bulk_create(
        [q for q in entries if q.case_id not in earlier], batch_size=BULK
    )


def _move(cases: list[Case]) -> None:
    """Point each case at its new court in one statement per thousand (``bulk_update``'s CASE
    expressions cost seconds for a day's extraterritorial cases)."""
    table = Case._meta.db_table
    for start in range(0, len(cases), BULK):
        chunk = cases[start : start + BULK]
        values = ", ".join(["(%s, %s)"] * len(chunk))
        params = [value for case in chunk for value in (case.pk, case.court_id)]
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH moved (id, court) AS (VALUES {values}) "  # noqa: S608
                f"UPDATE {table} SET clerk_id = NULL, court_id = "
                f"(SELECT moved.court FROM moved WHERE moved.id = {table}.id) "
                f"WHERE id IN (SELECT moved.id FROM moved)",
                params,
            )


def _locked(case: Case) -> Case:
    return Case.objects.select_for_update().select_related("court").get(pk=case.pk)


@transaction.atomic
def reassign(*, case: Case, reason: str, acting_user: User, note: str = "") -> Draw:
    """Draw a new presiding judge after a recusal, a long absence or the end of the judge's powers.

    The court chair reassigns; the presiding judge may also withdraw (self-recusal). A recusal is
    recorded, so the judge stays out of any later draw for this case.
    """
    case = _locked(case)
    seat = case.bench.filter(role=BenchRole.PRESIDING).select_related("judge__user").first()
    if seat is None:
        raise InvalidTransition(_("The case has no presiding judge to replace."))
    is_self = seat.judge.user_id == acting_user.pk
    if not (is_chair_of(acting_user, case) or (is_self and reason == ReassignmentReason.RECUSAL)):
        raise Forbidden()
    if reason not in ReassignmentReason.values:
        raise ValidationFailed(fields={"reason": [_("Choose a reason from the list.")]})
    if reason == ReassignmentReason.RECUSAL:
        if not note.strip():
            raise ValidationFailed(fields={"note": [_("State the ground for the recusal.")]})
        Recusal.objects.create(
            case=case, judge=seat.judge, reason=note.strip(), recorded_by=acting_user
        )
    previous = seat.judge_id
    seat.delete()
    draws = _distribute(
        [case],
        DrawKind.REASSIGNMENT,
        acting_user,
        {case.pk: _Reassignment(previous_judge=previous, reason=reason)},
    )
    return draws[0]


@transaction.atomic
def chair_assign(*, case: Case, judge: Judge, acting_user: User, note: str) -> Draw:
    """The court chair places a case the automatic distribution sent to the queue.

    The chair chooses among the eligible judges only; the choice and its reason are logged.
    """
    case = _locked(case)
    if not is_chair_of(acting_user, case):
        raise Forbidden()
    entry = ChairQueueEntry.objects.select_for_update().filter(case=case, resolved_at=None).first()
    if entry is None:
        raise InvalidTransition(_("This case is not waiting in the chair's queue."))
    if not note.strip():
        raise ValidationFailed(fields={"note": [_("State why this judge is chosen.")]})
    builder = PoolBuilder(timezone.localdate(clock.now()))
    pool = builder.pool(case, case_contexts([case])[case.pk])
    if judge.pk not in pool.judges:
        raise ValidationFailed(fields={"judge": [_("This judge is not eligible for the case.")]})
    salt = secrets.token_hex(16) if case.is_closed else ""
    leaf = ledger_append(
        kind=DRAW_KIND,
        data={
            "version": algorithm.VERSION,
            "kind": DrawKind.CHAIR.value,
            "case": case_reference(case, salt),
            "court": case.court.code,
            "category": case.category,
            "instance": case.instance,
            "pool": builder.candidates(pool.judges, case.category),
            "excluded": pool.excluded,
            "result": {"outcome": DrawOutcome.ASSIGNED.value, "judge": judge.pk},
            "chair": acting_user.pk,
        },
    )
    now = clock.now()
    draw = Draw.objects.create(
        case=case,
        kind=DrawKind.CHAIR,
        outcome=DrawOutcome.ASSIGNED,
        judge=judge,
        leaf_index=leaf.index,
        salt=salt,
        at=now,
    )
    CaseJudge.objects.create(case=case, judge=judge, role=BenchRole.PRESIDING, assigned_at=now)
    entry.resolved_at = now
    entry.save(update_fields=["resolved_at"])
    event = CaseEvent.objects.create(
        case=case,
        kind=CaseEventKind.JUDGE_ASSIGNED,
        actor=acting_user,
        at=now,
        payload={"judge": judge.pk, "role": BenchRole.PRESIDING, "log_entry": leaf.index},
    )
    case_event_recorded.send(sender=CaseEvent, event=event)
    return draw


def snapshot(obj: models.Model) -> dict[str, Any]:
    return {k: str(v) if v is not None else None for k, v in model_to_dict(obj).items()}


@transaction.atomic
def setting_save(*, obj: models.Model, acting_user: User | None) -> ConfigChange:
    """Save a distribution setting (rule, workload, conflict), logging before and after."""
    model = type(obj)
    before = model._default_manager.filter(pk=obj.pk).first() if obj.pk else None
    obj.full_clean()
    obj.save()
    return change_log(obj, snapshot(before) if before else None, snapshot(obj), acting_user)


@transaction.atomic
def setting_delete(*, obj: models.Model, acting_user: User | None) -> ConfigChange:
    before = snapshot(obj)
    change = change_log(obj, before, None, acting_user)
    obj.delete()
    return change


def change_log(
    obj: models.Model,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    actor: User | None,
) -> ConfigChange:
    label = obj._meta.label
    leaf = ledger_append(
        kind=CONFIG_KIND,
        data={
            "setting": label,
            "object_id": str(obj.pk),
            "before": _public(before),
            "after": _public(after),
            "actor": actor.pk if actor else None,
        },
    )
    return ConfigChange.objects.create(
        actor=actor,
        model=label,
        object_id=str(obj.pk),
        before=before,
        after=after,
        leaf_index=leaf.index,
    )


def _public(snapshot: dict[str, Any] | None) -> dict[str, Any] | None:
    """A conflict names a person: the log shows that the judge has one, not with whom."""
    if snapshot is None or "identifier" not in snapshot:
        return snapshot
    return {k: v for k, v in snapshot.items() if k not in ("identifier", "note")}
