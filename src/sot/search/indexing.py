"""Keeping the indexes in step with the acts table (PostgreSQL is the source of truth).

- internal index: every signed act, full text, with the fields the permission filter needs;
- public bank: published acts of open sessions, their depersonalized text only.

All writes go through ``store.writer`` (one writer, file lock); callers in web processes enqueue
``tasks.index_act`` instead of writing themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db.models import QuerySet

from sot.acts.models import Act, ActStatus

from . import store
from .documents import Entry, to_document
from .schema import IndexName

BATCH = 500


def signed_acts() -> QuerySet[Act]:
    return Act.objects.filter(status=ActStatus.SIGNED).select_related(
        "court__region", "case", "judge"
    )


def is_public(act: Act) -> bool:
    closed = act.is_closed or (act.case is not None and act.case.is_closed)
    return (
        act.status == ActStatus.SIGNED
        and act.published_at is not None
        and bool(act.published_text.strip())
        and not closed
    )


def entry_for(act: Act, name: IndexName) -> Entry:
    public = name == IndexName.PUBLIC
    case = act.case
    return Entry(
        key=str(act.pk),
        ref=act.external_id or act.number,
        number=act.number,
        lang=act.lang,
        text=act.published_text if public else act.text,
        court=act.court.code,
        region=region.code if (region := act.court.region) is not None else "",
        category=act.category,
        instance=act.instance,
        kind=act.kind,
        outcome=act.outcome,
        issued_on=act.issued_on,
        articles=[str(a) for a in (act.articles or [])],
        judge="" if public or act.judge_id is None else str(act.judge_id),
        matter="" if public or case is None else str(case.matter),
        closed=act.is_closed or (case is not None and case.is_closed),
    )


def _belongs(act: Act, name: IndexName) -> bool:
    return is_public(act) if name == IndexName.PUBLIC else act.status == ActStatus.SIGNED


def sync_acts(act_ids: Iterable[int], names: Iterable[IndexName] = tuple(IndexName)) -> None:
    """Make each index agree with the database for these acts: add, replace or remove."""
    ids = list(act_ids)
    acts = {act.pk: act for act in signed_acts().filter(pk__in=ids)} if ids else {}
    for name in names:
        with store.writer(name) as writer:
            for act_id in ids:
                writer.delete_documents_by_term("key", str(act_id))
                act = acts.get(act_id)
                if act is not None and _belongs(act, name):
                    writer.add_document(to_document(entry_for(act, name), name))


def remove_acts(act_ids: Iterable[int], names: Iterable[IndexName]) -> None:
    for name in names:
        with store.writer(name) as writer:
            for act_id in act_ids:
                writer.delete_documents_by_term("key", str(act_id))


def _batched(queryset: QuerySet[Act]) -> Iterator[Act]:
    last = 0
    while True:
        batch = list(queryset.filter(pk__gt=last).order_by("pk")[:BATCH])
        if not batch:
            return
        yield from batch
        last = batch[-1].pk


def reindex(names: Iterable[IndexName] = tuple(IndexName)) -> dict[IndexName, int]:
    """Rebuild from the database. One commit per index: readers see the old index until the
    new one is complete."""
    counts: dict[IndexName, int] = {}
    for name in names:
        count = 0
        with store.writer(name) as writer:
            writer.delete_all_documents()
            for act in _batched(signed_acts()):
                if _belongs(act, name):
                    writer.add_document(to_document(entry_for(act, name), name))
                    count += 1
        counts[name] = count
    return counts
