"""``sot ledger …`` output checked with the independent verifier, as an outside auditor would."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.core.management import CommandError, call_command
from django.db import connection

from sot.ledger import services
from sot.ledger.models import Leaf

from . import rfc9162_verifier as rfc

pytestmark = pytest.mark.django_db


def sot_ledger(*args: str) -> str:
    out = StringIO()
    call_command("ledger", *args, stdout=out)
    return out.getvalue()


def sot_ledger_json(*args: str) -> dict:
    return json.loads(sot_ledger(*args))


def fill(n: int, start: int = 0) -> None:
    services.ledger_append_many(
        entries=[
            services.LeafInput(kind="test.entry", data={"n": i, "text": f"Сот актісі №{i}"})
            for i in range(start, start + n)
        ]
    )


def leaf_bytes(index: int) -> bytes:
    text = sot_ledger("leaf", "--index", str(index))
    assert text.endswith("\n")
    return text[:-1].encode("utf-8")


def signed_head_verifies(head: dict) -> bool:
    message = (
        bytes([0, 1])
        + head["timestamp"].to_bytes(8, "big")
        + head["tree_size"].to_bytes(8, "big")
        + bytes.fromhex(head["root_hash"])
    )
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(head["public_key"])).verify(
            bytes.fromhex(head["signature"]), message
        )
    except Exception:
        return False
    return True


def test_head_is_signed_over_the_rfc6962_structure():
    fill(37)
    head = sot_ledger_json("head")

    assert set(head) == {"tree_size", "root_hash", "timestamp", "signature", "public_key"}
    assert head["tree_size"] == 37
    assert signed_head_verifies(head)
    assert not signed_head_verifies({**head, "tree_size": 36})
    assert not signed_head_verifies({**head, "timestamp": head["timestamp"] + 1})


def test_every_printed_inclusion_proof_verifies_against_the_signed_head():
    fill(37)
    head = sot_ledger_json("head")
    for index in range(37):
        proof = sot_ledger_json("proof", "--index", str(index))
        assert proof["tree_size"] == 37
        assert proof["root_hash"] == head["root_hash"]
        leaf_hash = rfc.hash_leaf(leaf_bytes(index))
        assert proof["leaf_hash"] == leaf_hash.hex()
        assert rfc.verify_inclusion(
            leaf_hash,
            proof["leaf_index"],
            proof["tree_size"],
            [bytes.fromhex(node) for node in proof["audit_path"]],
            bytes.fromhex(head["root_hash"]),
        )


def test_proofs_against_older_sizes_verify_against_the_heads_signed_then():
    fill(5)
    old_head = sot_ledger_json("head")
    fill(20, start=5)
    proof = sot_ledger_json("proof", "--index", "3", "--size", "5")
    assert proof["root_hash"] == old_head["root_hash"]
    assert rfc.verify_inclusion(
        rfc.hash_leaf(leaf_bytes(3)),
        3,
        5,
        [bytes.fromhex(node) for node in proof["audit_path"]],
        bytes.fromhex(old_head["root_hash"]),
    )


def test_printed_consistency_proofs_verify_between_signed_heads():
    heads: list[dict] = []
    for batch in (1, 2, 5, 8, 13):
        fill(batch, start=sum(h["tree_size"] for h in heads[-1:]))
        heads.append(sot_ledger_json("head"))
    for old in heads:
        for new in heads:
            if old["tree_size"] > new["tree_size"]:
                continue
            result = sot_ledger_json(
                "consistency", "--first", str(old["tree_size"]), "--second", str(new["tree_size"])
            )
            assert result["first_root"] == old["root_hash"]
            assert result["second_root"] == new["root_hash"]
            assert rfc.verify_consistency(
                old["tree_size"],
                new["tree_size"],
                bytes.fromhex(old["root_hash"]),
                bytes.fromhex(new["root_hash"]),
                [bytes.fromhex(node) for node in result["proof"]],
            )


def _raw_set_leaf_data(index: int, data: bytes) -> None:
    """What someone with write access to the database could do behind the ORM's back."""
    table = connection.ops.quote_name(Leaf._meta.db_table)
    column = connection.ops.quote_name("index")
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET data = %s WHERE {column} = %s", [data, index])  # noqa: S608


def test_a_tampered_leaf_is_detected():
    fill(10)
    head = sot_ledger_json("head")
    proof = sot_ledger_json("proof", "--index", "4")
    original = leaf_bytes(4)
    _raw_set_leaf_data(4, original.replace("№4".encode(), "№5".encode()))

    tampered = leaf_bytes(4)
    assert tampered != original
    assert rfc.hash_leaf(tampered).hex() != proof["leaf_hash"]
    assert not rfc.verify_inclusion(
        rfc.hash_leaf(tampered),
        4,
        10,
        [bytes.fromhex(node) for node in proof["audit_path"]],
        bytes.fromhex(head["root_hash"]),
    )


def test_a_reordered_log_is_detected():
    fill(10)
    head = sot_ledger_json("head")
    leaves = [leaf_bytes(i) for i in range(10)]
    assert rfc.mth(leaves).hex() == head["root_hash"]

    _raw_set_leaf_data(2, leaves[7])
    _raw_set_leaf_data(7, leaves[2])

    reordered = [leaf_bytes(i) for i in range(10)]
    assert sorted(reordered) == sorted(leaves)
    assert rfc.mth(reordered).hex() != head["root_hash"]


@pytest.mark.parametrize(
    "args",
    [
        ("proof", "--index", "10"),
        ("proof", "--index", "-1"),
        ("proof", "--index", "3", "--size", "11"),
        ("proof", "--index", "5", "--size", "3"),
        ("consistency", "--first", "0", "--second", "5"),
        ("consistency", "--first", "6", "--second", "5"),
        ("consistency", "--first", "1", "--second", "11"),
        ("leaf", "--index", "10"),
    ],
)
def test_bad_arguments_are_command_errors(args):
    fill(10)
    with pytest.raises(CommandError):
        sot_ledger(*args)


def test_head_of_an_empty_log_is_a_command_error():
    with pytest.raises(CommandError):
        sot_ledger("head")


def test_init_key_creates_a_private_file_once(ledger_key_file):
    out = sot_ledger("init-key")
    assert ledger_key_file.exists()
    assert ledger_key_file.stat().st_mode & 0o777 == 0o600
    public = out.rsplit(" ", 1)[1].strip()
    assert len(bytes.fromhex(public)) == 32
    before = ledger_key_file.read_bytes()
    with pytest.raises(CommandError):
        sot_ledger("init-key")
    assert ledger_key_file.read_bytes() == before
    fill(1)
    assert sot_ledger_json("head")["public_key"] == public


def test_bench_ledger_reports_throughput_and_proof_latency():
    out = StringIO()
    call_command("bench_ledger", leaves=45, batch=20, proofs=10, stdout=out)
    assert "leaves/s" in out.getvalue()
    assert "p95" in out.getvalue()
    assert sot_ledger_json("head")["tree_size"] == 45
