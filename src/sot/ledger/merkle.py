"""Merkle tree hashing, roots and proofs per RFC 9162 §2.1 (the same tree as RFC 6962).

Pure functions over bytes, no Django: the services and selectors feed them stored hashes.

Addressing: the *complete subtree* ``(level, index)`` covers leaves
``[index * 2**level, (index + 1) * 2**level)``; level 0 is a leaf hash. Every range the RFC's
recursions visit (``MTH``, ``PATH``, ``SUBPROOF``) is either such a complete subtree or a range that
ends at the tree size, and a range ``[start, end)`` of the second kind is hashed by folding, right
to left, the complete subtrees of its binary decomposition (:func:`decompose`). So any root or proof
needs only O(log n) stored complete-subtree hashes: :func:`inclusion_ranges` and
:func:`consistency_ranges` say which ranges a proof is made of, :func:`subtrees_for` which stored
hashes those need, and :func:`range_hash` combines them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence

HASH_SIZE = 32
LEAF_PREFIX = b"\x00"
NODE_PREFIX = b"\x01"
EMPTY_ROOT = hashlib.sha256(b"").digest()

SubtreeKey = tuple[int, int]  # (level, index)
Range = tuple[int, int]  # [start, end) of leaf indexes


def leaf_hash(data: bytes) -> bytes:
    """``HASH(0x00 || leaf)``."""
    return hashlib.sha256(LEAF_PREFIX + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """``HASH(0x01 || left || right)``."""
    return hashlib.sha256(NODE_PREFIX + left + right).digest()


def largest_power_of_two_below(n: int) -> int:
    """The ``k`` of RFC 9162: the largest power of two smaller than ``n`` (``n > 1``)."""
    if n < 2:
        raise ValueError("n must be at least 2")
    return 1 << ((n - 1).bit_length() - 1)


def decompose(start: int, end: int) -> list[SubtreeKey]:
    """``[start, end)`` as complete subtrees, left to right, each as large as alignment allows.

    For the ranges the RFC visits this is the binary decomposition of ``end - start`` from the
    largest power down, and folding their hashes right to left gives ``MTH(D[start:end])``.
    """
    if not 0 <= start < end:
        raise ValueError("empty or negative range")
    keys: list[SubtreeKey] = []
    position = start
    while position < end:
        level = (
            (position & -position).bit_length() - 1 if position else (end - position).bit_length()
        )
        while (1 << level) > end - position:
            level -= 1
        keys.append((level, position >> level))
        position += 1 << level
    return keys


def fold(hashes: Sequence[bytes]) -> bytes:
    """Combine the decomposition's hashes right to left: ``node(h1, node(h2, ... hk))``."""
    if not hashes:
        return EMPTY_ROOT
    result = hashes[-1]
    for left in reversed(hashes[:-1]):
        result = node_hash(left, result)
    return result


def range_hash(start: int, end: int, subtrees: Mapping[SubtreeKey, bytes]) -> bytes:
    """``MTH(D[start:end])`` from stored complete-subtree hashes (see :func:`subtrees_for`)."""
    if start == end:
        return EMPTY_ROOT
    return fold([subtrees[key] for key in decompose(start, end)])


def subtrees_for(ranges: Iterable[Range]) -> set[SubtreeKey]:
    """The stored hashes that :func:`range_hash` needs for these ranges."""
    keys: set[SubtreeKey] = set()
    for start, end in ranges:
        if start < end:
            keys.update(decompose(start, end))
    return keys


def inclusion_ranges(index: int, size: int) -> list[Range]:
    """The ranges whose hashes make ``PATH(index, D[0:size])`` (RFC 9162 §2.1.3.1), in order."""
    if not 0 <= index < size:
        raise ValueError("index outside the tree")
    path: list[Range] = []
    start, end = 0, size
    while end - start > 1:
        k = largest_power_of_two_below(end - start)
        if index < start + k:
            path.append((start + k, end))
            end = start + k
        else:
            path.append((start, start + k))
            start = start + k
    path.reverse()  # the recursion appends on the way back up: the deepest sibling comes first
    return path


def consistency_ranges(first: int, second: int) -> list[Range]:
    """The ranges whose hashes make ``PROOF(first, D[0:second])`` (RFC 9162 §2.1.4.1), in order."""
    if not 0 < first <= second:
        raise ValueError("sizes must satisfy 0 < first <= second")
    proof: list[Range] = []
    start, end = 0, second
    whole = True  # the RFC's "b": is [0, first) still a whole subtree of the current one?
    while first != end:  # the RFC's m == n, relative to the current subtree [start, end)
        k = largest_power_of_two_below(end - start)
        if first - start <= k:
            proof.append((start + k, end))
            end = start + k
        else:
            proof.append((start, start + k))
            start = start + k
            whole = False
    if not whole:
        proof.append((start, end))
    proof.reverse()
    return proof


def inclusion_proof(index: int, size: int, subtrees: Mapping[SubtreeKey, bytes]) -> list[bytes]:
    return [range_hash(s, e, subtrees) for s, e in inclusion_ranges(index, size)]


def consistency_proof(first: int, second: int, subtrees: Mapping[SubtreeKey, bytes]) -> list[bytes]:
    return [range_hash(s, e, subtrees) for s, e in consistency_ranges(first, second)]


class Frontier:
    """The right edge of a growing tree: the hashes of the decomposition of ``[0, size)``.

    Appending a leaf returns every complete subtree it completes (the leaf itself at level 0 and
    at most log2(size) parents), which is what the log stores.
    """

    def __init__(self, size: int = 0, hashes: Sequence[bytes] = ()) -> None:
        keys = decompose(0, size) if size else []
        if len(keys) != len(hashes):
            raise ValueError("the frontier does not match the tree size")
        self.size = size
        self._levels = [level for level, _index in keys]
        self._hashes = list(hashes)

    @classmethod
    def from_bytes(cls, size: int, packed: bytes) -> Frontier:
        hashes = [packed[i : i + HASH_SIZE] for i in range(0, len(packed), HASH_SIZE)]
        return cls(size, hashes)

    def to_bytes(self) -> bytes:
        return b"".join(self._hashes)

    def root(self) -> bytes:
        return fold(self._hashes)

    def append(self, leaf: bytes) -> list[tuple[int, int, bytes]]:
        """Add a leaf hash; return the completed subtrees as ``(level, index, hash)``."""
        index = self.size
        completed = [(0, index, leaf)]
        level, current = 0, leaf
        while self._levels and self._levels[-1] == level:
            self._levels.pop()
            current = node_hash(self._hashes.pop(), current)
            level += 1
            completed.append((level, index >> level, current))
        self._levels.append(level)
        self._hashes.append(current)
        self.size += 1
        return completed


def root_from_inclusion(index: int, size: int, leaf: bytes, path: Sequence[bytes]) -> bytes | None:
    """RFC 9162 §2.1.3.2: the root an audit path leads to, or ``None`` if the path is malformed.

    Compare the result with a signed root to verify inclusion.
    """
    if not 0 <= index < size:
        return None
    fn, sn = index, size - 1
    result = leaf
    for node in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            result = node_hash(node, result)
            if not fn & 1:
                while fn & 1 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            result = node_hash(result, node)
        fn >>= 1
        sn >>= 1
    return result if sn == 0 else None


def mth(hashes: Sequence[bytes]) -> bytes:
    """RFC 9162 §2.1.1 ``MTH`` of a list of leaf hashes (computed, not looked up)."""
    n = len(hashes)
    if n == 0:
        return EMPTY_ROOT
    if n == 1:
        return hashes[0]
    k = largest_power_of_two_below(n)
    return node_hash(mth(hashes[:k]), mth(hashes[k:]))


def outside_ranges(size: int, first: int, end: int) -> list[Range]:
    """The ranges :func:`root_with_range` takes from stored hashes: every subtree of the tree of
    ``size`` leaves that the RFC's recursion reaches without touching ``[first, end)``."""
    found: list[Range] = []

    def walk(s: int, e: int) -> None:
        if e <= first or s >= end:
            found.append((s, e))
        elif not (first <= s and e <= end):
            k = largest_power_of_two_below(e - s)
            walk(s, s + k)
            walk(s + k, e)

    walk(0, size)
    return found


def root_with_range(
    size: int,
    first: int,
    leaf_hashes: Sequence[bytes],
    subtrees: Mapping[SubtreeKey, bytes],
) -> bytes:
    """The root of the tree of ``size`` leaves with the hashes of leaves ``[first, first + n)``
    computed from their bytes (``leaf_hashes``) and everything else from stored subtrees.

    Equal to a signed root, it proves all those leaves at once — one comparison instead of an
    audit path per leaf.
    """
    end = first + len(leaf_hashes)

    def walk(s: int, e: int) -> bytes:
        if e <= first or s >= end:
            return range_hash(s, e, subtrees)
        if first <= s and e <= end:
            return mth(leaf_hashes[s - first : e - first])
        k = largest_power_of_two_below(e - s)
        return node_hash(walk(s, s + k), walk(s + k, e))

    return walk(0, size)
