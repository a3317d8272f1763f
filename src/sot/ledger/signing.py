"""What a signed tree head signs: RFC 6962 §3.5's ``TreeHeadSignature`` structure, 50 bytes.

    version         1 byte   0 (v1)
    signature_type  1 byte   1 (tree_hash)
    timestamp       8 bytes  unsigned big-endian, milliseconds since the Unix epoch (UTC)
    tree_size       8 bytes  unsigned big-endian
    root_hash      32 bytes  SHA-256 Merkle tree hash (RFC 9162 §2.1.1)

signed with Ed25519 (RFC 8032; the signature is 64 bytes over exactly these 50).
"""

from __future__ import annotations

import struct
from datetime import UTC, datetime, timedelta

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

VERSION_V1 = 0
SIGNATURE_TYPE_TREE_HASH = 1
_HEAD = struct.Struct(">BBQQ32s")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def timestamp_ms(moment: datetime) -> int:
    """Whole milliseconds since the epoch (sub-millisecond parts are dropped)."""
    return (moment - EPOCH) // timedelta(milliseconds=1)


def from_timestamp_ms(value: int) -> datetime:
    return EPOCH + timedelta(milliseconds=value)


def tree_head_bytes(*, timestamp: int, tree_size: int, root_hash: bytes) -> bytes:
    if len(root_hash) != 32:
        raise ValueError("root_hash must be 32 bytes")
    return _HEAD.pack(VERSION_V1, SIGNATURE_TYPE_TREE_HASH, timestamp, tree_size, root_hash)


def tree_head_sign(
    key: Ed25519PrivateKey, *, timestamp: int, tree_size: int, root_hash: bytes
) -> bytes:
    return key.sign(tree_head_bytes(timestamp=timestamp, tree_size=tree_size, root_hash=root_hash))


def tree_head_verify(
    public_key: bytes, signature: bytes, *, timestamp: int, tree_size: int, root_hash: bytes
) -> bool:
    message = tree_head_bytes(timestamp=timestamp, tree_size=tree_size, root_hash=root_hash)
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True
