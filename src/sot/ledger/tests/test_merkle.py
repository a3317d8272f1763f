"""The pure tree code against the RFC's reference definitions and the independent verifier."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sot.ledger import merkle

from . import rfc9162_verifier as rfc


def entries(n: int) -> list[bytes]:
    return [f"entry {i}".encode() for i in range(n)]


def stored(n: int) -> tuple[merkle.Frontier, dict[merkle.SubtreeKey, bytes]]:
    """Grow a tree leaf by leaf, keeping every completed subtree as the log stores them."""
    frontier = merkle.Frontier()
    nodes: dict[merkle.SubtreeKey, bytes] = {}
    for entry in entries(n):
        for level, index, digest in frontier.append(merkle.leaf_hash(entry)):
            assert (level, index) not in nodes
            nodes[(level, index)] = digest
    return frontier, nodes


def test_hashes_follow_the_rfc_prefixes():
    assert merkle.leaf_hash(b"x") == rfc.hash_leaf(b"x")
    assert merkle.node_hash(b"a" * 32, b"b" * 32) == rfc.hash_children(b"a" * 32, b"b" * 32)
    assert rfc.mth([]) == merkle.EMPTY_ROOT


def test_known_answer_for_the_empty_tree():
    assert merkle.EMPTY_ROOT.hex() == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=300), st.data())
def test_roots_and_proofs_match_the_reference(n, data):
    frontier, nodes = stored(n)
    leaves = entries(n)
    root = rfc.mth(leaves)
    assert frontier.root() == root
    assert merkle.range_hash(0, n, nodes) == root
    # appending leaf n stored at most log2(n) + 1 nodes, and all of them complete subtrees
    assert len(nodes) == sum(n >> level for level in range(n.bit_length()))

    size = data.draw(st.integers(min_value=1, max_value=n), label="size")
    index = data.draw(st.integers(min_value=0, max_value=size - 1), label="index")
    audit = merkle.inclusion_proof(index, size, nodes)
    assert audit == rfc.path(index, leaves[:size])
    sub_root = rfc.mth(leaves[:size])
    assert rfc.verify_inclusion(rfc.hash_leaf(leaves[index]), index, size, audit, sub_root)

    first = data.draw(st.integers(min_value=1, max_value=size), label="first")
    consistency = merkle.consistency_proof(first, size, nodes)
    assert consistency == rfc.proof(first, leaves[:size])
    assert rfc.verify_consistency(first, size, rfc.mth(leaves[:first]), sub_root, consistency)


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 7, 8, 9, 31, 32, 33, 100])
def test_every_inclusion_and_consistency_proof_of_small_trees(n):
    _frontier, nodes = stored(n)
    leaves = entries(n)
    for size in range(1, n + 1):
        root = rfc.mth(leaves[:size])
        for index in range(size):
            audit = merkle.inclusion_proof(index, size, nodes)
            assert rfc.verify_inclusion(rfc.hash_leaf(leaves[index]), index, size, audit, root)
        for first in range(1, size + 1):
            assert rfc.verify_consistency(
                first,
                size,
                rfc.mth(leaves[:first]),
                root,
                merkle.consistency_proof(first, size, nodes),
            )


def test_a_wrong_leaf_or_position_fails_inclusion():
    _frontier, nodes = stored(10)
    leaves = entries(10)
    root = rfc.mth(leaves)
    audit = merkle.inclusion_proof(3, 10, nodes)
    assert not rfc.verify_inclusion(rfc.hash_leaf(b"forged"), 3, 10, audit, root)
    assert not rfc.verify_inclusion(rfc.hash_leaf(leaves[3]), 4, 10, audit, root)
    assert not rfc.verify_inclusion(rfc.hash_leaf(leaves[3]), 3, 4, audit, root)


def test_a_rewritten_history_fails_consistency():
    _frontier, nodes = stored(20)
    leaves = entries(20)
    forked = [b"forged", *leaves[1:7]]
    assert not rfc.verify_consistency(
        7, 20, rfc.mth(forked), rfc.mth(leaves), merkle.consistency_proof(7, 20, nodes)
    )


def test_frontier_round_trips_through_bytes():
    frontier, _nodes = stored(13)
    again = merkle.Frontier.from_bytes(13, frontier.to_bytes())
    assert again.root() == frontier.root()
    with pytest.raises(ValueError, match="frontier"):
        merkle.Frontier.from_bytes(12, frontier.to_bytes())


@pytest.mark.parametrize(("index", "size"), [(0, 0), (5, 5), (-1, 3)])
def test_inclusion_outside_the_tree_is_refused(index, size):
    with pytest.raises(ValueError, match="outside"):
        merkle.inclusion_ranges(index, size)


def test_inclusion_needs_logarithmically_many_subtrees():
    size = 10_000_000
    ranges = merkle.inclusion_ranges(1234567, size)
    keys = merkle.subtrees_for([*ranges, (0, size)])
    assert len(ranges) <= 24
    assert len(keys) <= 2 * 24 + 1
