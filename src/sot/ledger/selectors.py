"""Reads of the transparency log: all public, so no caller is checked; proofs are computed from
O(log n) stored complete-subtree hashes fetched in one query."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.utils.translation import gettext_lazy as _

from sot.core.errors import NotFound, ValidationFailed

from . import merkle
from .models import Leaf, Node, TreeHead


@dataclass(frozen=True)
class InclusionProof:
    leaf_index: int
    tree_size: int
    leaf_hash: bytes
    audit_path: list[bytes]
    root_hash: bytes


@dataclass(frozen=True)
class ConsistencyProof:
    first_size: int
    second_size: int
    first_root: bytes
    second_root: bytes
    proof: list[bytes]


def tree_head_latest() -> TreeHead | None:
    return TreeHead.objects.order_by("-tree_size").first()


def published_size() -> int:
    """The size of the latest signed head: every proof is against a root someone can check."""
    size = TreeHead.objects.order_by("-tree_size").values_list("tree_size", flat=True).first()
    return size or 0


def leaf_get(index: int) -> Leaf:
    leaf = Leaf.objects.filter(index=index).first() if index >= 0 else None
    if leaf is None or index >= published_size():
        raise NotFound()
    return leaf


def subtree_hashes(keys: Iterable[merkle.SubtreeKey]) -> dict[merkle.SubtreeKey, bytes]:
    """The stored hashes of these complete subtrees, in one indexed query.

    Raw SQL on purpose: a row-value ``IN`` (PostgreSQL, SQLite ≥ 3.15) is what the composite
    unique index serves, and building the same filter from ~50 ``Q`` objects cost the ORM ten
    times the query's own time (1.8 ms against 0.15 ms per proof).
    """
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    quote = connection.ops.quote_name
    rows = ", ".join(["(%s, %s)"] * len(wanted))
    sql = (
        f"SELECT {quote('level')}, {quote('index')}, {quote('hash')} "  # noqa: S608 - names only
        f"FROM {quote(Node._meta.db_table)} WHERE ({quote('level')}, {quote('index')}) IN ({rows})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for key in wanted for value in key])
        found = {(level, index): bytes(digest) for level, index, digest in cursor.fetchall()}
    missing = set(wanted) - found.keys()
    if missing:  # the nodes commit with their leaves: this is damage, not a race
        raise RuntimeError(f"ledger nodes missing: {sorted(missing)[:5]}")
    return found


def _size_check(name: str, value: int, lowest: int, highest: int) -> None:
    if not lowest <= value <= highest:
        raise ValidationFailed(
            fields={
                name: [
                    _("Must be between %(lowest)s and %(highest)s.")
                    % {"lowest": lowest, "highest": highest}
                ]
            }
        )


def inclusion_proof(index: int, size: int | None = None) -> InclusionProof:
    """RFC 9162 §2.1.3.1 audit path of leaf ``index`` in the tree of the first ``size`` leaves
    (default: the latest signed head's)."""
    published = published_size()
    if index < 0:
        _size_check("index", index, 0, max(published - 1, 0))
    if index >= published:
        raise NotFound()
    if size is None:
        size = published
    _size_check("size", size, 1, published)
    _size_check("index", index, 0, size - 1)
    ranges = merkle.inclusion_ranges(index, size)
    stored = subtree_hashes(merkle.subtrees_for([*ranges, (0, size), (index, index + 1)]))
    return InclusionProof(
        leaf_index=index,
        tree_size=size,
        leaf_hash=stored[(0, index)],
        audit_path=[merkle.range_hash(start, end, stored) for start, end in ranges],
        root_hash=merkle.range_hash(0, size, stored),
    )


def consistency_proof(first: int, second: int) -> ConsistencyProof:
    """RFC 9162 §2.1.4.1 proof that the tree of ``first`` leaves is a prefix of ``second``'s."""
    published = published_size()
    _size_check("second", second, 1, max(published, 1))
    _size_check("first", first, 1, second)
    if second > published:
        raise NotFound()
    ranges = merkle.consistency_ranges(first, second)
    stored = subtree_hashes(merkle.subtrees_for([*ranges, (0, first), (0, second)]))
    return ConsistencyProof(
        first_size=first,
        second_size=second,
        first_root=merkle.range_hash(0, first, stored),
        second_root=merkle.range_hash(0, second, stored),
        proof=[merkle.range_hash(start, end, stored) for start, end in ranges],
    )


def leaves_proven(first: int, end: int, head: TreeHead) -> list[Leaf] | None:
    """Leaves ``[first, end)`` if their stored bytes are exactly what ``head`` signed, else ``None``.

    The bytes are hashed here; the rest of the tree comes from stored subtree hashes; the root
    they make must be the head's (whose signature the caller checks).
    """
    if not 0 <= first < end <= head.tree_size:
        return None
    leaves = list(Leaf.objects.filter(index__gte=first, index__lt=end).order_by("index"))
    if [leaf.index for leaf in leaves] != list(range(first, end)):
        return None
    hashes = [merkle.leaf_hash(bytes(leaf.data)) for leaf in leaves]
    stored = subtree_hashes(merkle.subtrees_for(merkle.outside_ranges(head.tree_size, first, end)))
    root = merkle.root_with_range(head.tree_size, first, hashes, stored)
    return leaves if root == bytes(head.root_hash) else None
