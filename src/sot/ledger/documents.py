"""The log's public JSON documents, shared by ``sot ledger`` and the API (hashes in hex)."""

from __future__ import annotations

from typing import Any

from . import signing
from .models import Leaf, TreeHead
from .selectors import ConsistencyProof, InclusionProof


def head_document(head: TreeHead) -> dict[str, Any]:
    return {
        "tree_size": head.tree_size,
        "root_hash": bytes(head.root_hash).hex(),
        # Milliseconds since the epoch, as signed (docs/ledger.md).
        "timestamp": signing.timestamp_ms(head.timestamp),
        "signature": bytes(head.signature).hex(),
        "public_key": bytes(head.public_key).hex(),
    }


def leaf_document(leaf: Leaf) -> dict[str, Any]:
    return {
        "leaf_index": leaf.index,
        # The canonical JSON text exactly as hashed: leaf_hash = SHA-256(0x00 || UTF-8(leaf)).
        "leaf": bytes(leaf.data).decode("utf-8"),
        "leaf_hash": bytes(leaf.leaf_hash).hex(),
    }


def inclusion_document(proof: InclusionProof) -> dict[str, Any]:
    return {
        "leaf_index": proof.leaf_index,
        "tree_size": proof.tree_size,
        "leaf_hash": proof.leaf_hash.hex(),
        "audit_path": [node.hex() for node in proof.audit_path],
        "root_hash": proof.root_hash.hex(),
    }


def consistency_document(proof: ConsistencyProof) -> dict[str, Any]:
    return {
        "first_size": proof.first_size,
        "second_size": proof.second_size,
        "first_root": proof.first_root.hex(),
        "second_root": proof.second_root.hex(),
        "proof": [node.hex() for node in proof.proof],
    }
