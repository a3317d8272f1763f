"""An independent RFC 9162 checker, written from the RFC's text and nothing of ``sot.ledger``.

- ``mth``, ``path``, ``proof``: the reference definitions of §2.1.1, §2.1.3.1 and §2.1.4.1,
  recursive and slow on purpose.
- ``verify_inclusion``: the algorithm of §2.1.3.2, step by step.
- ``verify_consistency``: the algorithm of §2.1.4.2, step by step.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def hash_leaf(entry: bytes) -> bytes:
    return sha256(b"\x00" + entry)


def hash_children(left: bytes, right: bytes) -> bytes:
    return sha256(b"\x01" + left + right)


def _split(n: int) -> int:
    """The largest power of two smaller than n (n > 1)."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(entries: Sequence[bytes]) -> bytes:
    n = len(entries)
    if n == 0:
        return sha256(b"")
    if n == 1:
        return hash_leaf(entries[0])
    k = _split(n)
    return hash_children(mth(entries[:k]), mth(entries[k:]))


def path(m: int, entries: Sequence[bytes]) -> list[bytes]:
    n = len(entries)
    if n == 1:
        return []
    k = _split(n)
    if m < k:
        return [*path(m, entries[:k]), mth(entries[k:])]
    return [*path(m - k, entries[k:]), mth(entries[:k])]


def proof(m: int, entries: Sequence[bytes]) -> list[bytes]:
    return _subproof(m, entries, True)


def _subproof(m: int, entries: Sequence[bytes], b: bool) -> list[bytes]:
    n = len(entries)
    if m == n:
        return [] if b else [mth(entries)]
    k = _split(n)
    if m <= k:
        return [*_subproof(m, entries[:k], b), mth(entries[k:])]
    return [*_subproof(m - k, entries[k:], False), mth(entries[:k])]


def _lsb(value: int) -> bool:
    return value & 1 == 1


def verify_inclusion(
    leaf_hash: bytes, leaf_index: int, tree_size: int, inclusion_path: Sequence[bytes], root: bytes
) -> bool:
    # 1.
    if leaf_index >= tree_size:
        return False
    # 2.
    fn, sn = leaf_index, tree_size - 1
    # 3.
    r = leaf_hash
    # 4.
    for p in inclusion_path:
        if sn == 0:
            return False
        if _lsb(fn) or fn == sn:
            r = hash_children(p, r)
            if not _lsb(fn):
                while not _lsb(fn) and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = hash_children(r, p)
        fn >>= 1
        sn >>= 1
    # 5.
    return sn == 0 and r == root


def verify_consistency(
    first: int,
    second: int,
    first_hash: bytes,
    second_hash: bytes,
    consistency_path: Sequence[bytes],
) -> bool:
    if first > second or first < 1:
        return False
    if first == second:  # the proof of equal sizes is empty; the roots must simply agree
        return not consistency_path and first_hash == second_hash
    # 1.
    if not consistency_path:
        return False
    path_ = list(consistency_path)
    # 2.
    if first & (first - 1) == 0:
        path_.insert(0, first_hash)
    # 3.
    fn, sn = first - 1, second - 1
    # 4.
    while _lsb(fn):
        fn >>= 1
        sn >>= 1
    # 5.
    fr = sr = path_[0]
    # 6.
    for c in path_[1:]:
        if sn == 0:
            return False
        if _lsb(fn) or fn == sn:
            fr = hash_children(c, fr)
            sr = hash_children(c, sr)
            if not _lsb(fn):
                while not _lsb(fn) and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = hash_children(sr, c)
        fn >>= 1
        sn >>= 1
    # 7.
    return fr == first_hash and sr == second_hash and sn == 0
