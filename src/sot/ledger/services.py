"""Writes to the transparency log: appending leaves and signing tree heads.

Appenders are serialized by the lock on the single ``LogState`` row, taken first in every write
transaction: indexes are gap-free and never doubled, and the leaf, the subtree hashes it completes,
the new size and the new signed tree head commit together or not at all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from sot.core import clock
from sot.core.db import insert_rows
from sot.core.errors import ValidationFailed

from . import keys, merkle, signing
from .models import LOG_STATE_ID, Leaf, LogState, Node, TreeHead

KIND_PATTERN = re.compile(r"[a-z][a-z0-9_.-]{0,63}")
MAX_DATA_BYTES = 64 * 1024


@dataclass(frozen=True)
class LeafInput:
    kind: str
    data: Any


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no whitespace, UTF-8 without \\u escapes, no NaN/Infinity (docs/ledger.md)."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def timestamp_text(moment: datetime) -> str:
    """UTC, microseconds, ``Z``: ``2026-11-22T01:52:49.123456Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def leaf_bytes(*, kind: str, data_json: bytes, appended_at: datetime) -> bytes:
    """``canonical_json({"appended_at": …, "data": data, "kind": kind})``, built without re-encoding
    ``data`` (its canonical form is ``data_json``); the keys are written in sorted order."""
    return b"".join(
        (
            b'{"appended_at":',
            canonical_json(timestamp_text(appended_at)),
            b',"data":',
            data_json,
            b',"kind":',
            canonical_json(kind),
            b"}",
        )
    )


def _prepared(entry: LeafInput) -> tuple[str, bytes]:
    if not isinstance(entry.kind, str) or not KIND_PATTERN.fullmatch(entry.kind):
        raise ValidationFailed(
            fields={"kind": [_("Use lower-case letters, digits, '.', '_' or '-' (up to 64).")]}
        )
    try:
        data_json = canonical_json(entry.data)
    except (TypeError, ValueError):
        raise ValidationFailed(
            fields={"data": [_("Only JSON values can be logged (no NaN or Infinity).")]}
        ) from None
    if len(data_json) > MAX_DATA_BYTES:
        raise ValidationFailed(
            _("A log entry holds at most %(limit)s bytes of data."),
            fields={"data": [_("Too large.")]},
            params={"limit": MAX_DATA_BYTES},
        )
    return entry.kind, data_json


def _state_lock() -> LogState:
    """Lock the log's state row, creating it the first time (a flushed test database has none)."""
    state = LogState.objects.select_for_update().filter(pk=LOG_STATE_ID).first()
    if state is None:
        LogState.objects.bulk_create([LogState(pk=LOG_STATE_ID)], ignore_conflicts=True)
        state = LogState.objects.select_for_update().get(pk=LOG_STATE_ID)
    return state


def _head_store(size: int, root: bytes) -> TreeHead:
    key = keys.signing_key()
    timestamp = signing.timestamp_ms(clock.now())
    return TreeHead.objects.create(
        tree_size=size,
        root_hash=root,
        timestamp=signing.from_timestamp_ms(timestamp),
        signature=signing.tree_head_sign(key, timestamp=timestamp, tree_size=size, root_hash=root),
        public_key=keys.public_key_bytes(key),
    )


def ledger_append_many(*, entries: Sequence[LeafInput]) -> list[Leaf]:
    """Append ``entries`` in order, in one transaction, and sign the new tree head.

    Every entry is checked before anything is written: a bad one appends none of them. The
    returned leaves carry their index, bytes and hash but no primary key (they are written with
    COPY on PostgreSQL): refer to a leaf by its index.
    """
    prepared = [_prepared(entry) for entry in entries]
    if not prepared:
        return []
    with transaction.atomic():
        state = _state_lock()
        frontier = merkle.Frontier.from_bytes(state.size, bytes(state.frontier))
        appended_at = clock.now()  # under the lock: times never run backwards along the log
        leaves: list[Leaf] = []
        nodes: list[Node] = []
        for kind, data_json in prepared:
            payload = leaf_bytes(kind=kind, data_json=data_json, appended_at=appended_at)
            leaf_hash = merkle.leaf_hash(payload)
            leaves.append(
                Leaf(
                    index=frontier.size,
                    kind=kind,
                    data=payload,
                    leaf_hash=leaf_hash,
                    appended_at=appended_at,
                )
            )
            nodes.extend(
                Node(level=level, index=index, hash=digest)
                for level, index, digest in frontier.append(leaf_hash)
            )
        insert_rows(
            Leaf,
            ("index", "kind", "data", "leaf_hash", "appended_at"),
            [(x.index, x.kind, x.data, x.leaf_hash, x.appended_at) for x in leaves],
        )
        insert_rows(Node, ("level", "index", "hash"), [(n.level, n.index, n.hash) for n in nodes])
        LogState.objects.filter(pk=LOG_STATE_ID).update(
            size=frontier.size, frontier=frontier.to_bytes()
        )
        _head_store(frontier.size, frontier.root())
    return leaves


def ledger_append(*, kind: str, data: Any) -> Leaf:
    """Append one entry (``kind`` names what it records, e.g. ``distribution.draw``)."""
    return ledger_append_many(entries=[LeafInput(kind=kind, data=data)])[0]


def tree_head_sign() -> TreeHead:
    """Sign the log's current head, or return the head already signed at this size."""
    with transaction.atomic():
        state = _state_lock()
        existing = TreeHead.objects.filter(tree_size=state.size).first()
        if existing is not None:
            return existing
        frontier = merkle.Frontier.from_bytes(state.size, bytes(state.frontier))
        return _head_store(state.size, frontier.root())
