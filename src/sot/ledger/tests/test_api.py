"""The public ledger API: open to anyone, proofs that verify independently, errors in one shape."""

from __future__ import annotations

import pytest

from sot.ledger import services

from . import rfc9162_verifier as rfc

pytestmark = pytest.mark.django_db

KAZAKH = "Қазақстан Республикасының Жоғарғы Соты"


@pytest.fixture
def log():
    services.ledger_append_many(
        entries=[
            services.LeafInput(kind="test.entry", data={"i": i, "t": KAZAKH}) for i in range(9)
        ]
    )
    head_small = services.tree_head_sign()
    services.ledger_append_many(
        entries=[services.LeafInput(kind="test.entry", data={"i": i}) for i in range(9, 21)]
    )
    return head_small


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body["error"]) == {"code", "message", "fields"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


def test_head_is_public(api_client, log):
    response = api_client.get("/api/v1/ledger/head/")
    assert response.status_code == 200
    assert response.json()["tree_size"] == 21
    assert set(response.json()) == {
        "tree_size",
        "root_hash",
        "timestamp",
        "signature",
        "public_key",
    }


def test_a_bad_token_does_not_stop_a_public_read(api_client, log):
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    assert api_client.get("/api/v1/ledger/head/").status_code == 200


def test_head_of_an_empty_log_is_404(api_client):
    assert_error(api_client.get("/api/v1/ledger/head/"), 404, "not_found")


def test_leaf_and_proof_verify_independently(api_client, log, django_assert_max_num_queries):
    head = api_client.get("/api/v1/ledger/head/").json()
    for index in (0, 7, 20):
        leaf = api_client.get(f"/api/v1/ledger/leaves/{index}/").json()
        leaf_hash = rfc.hash_leaf(leaf["leaf"].encode("utf-8"))
        assert leaf["leaf_hash"] == leaf_hash.hex()
        with django_assert_max_num_queries(3):
            proof = api_client.get(f"/api/v1/ledger/proof/?index={index}").json()
        assert rfc.verify_inclusion(
            leaf_hash,
            index,
            proof["tree_size"],
            [bytes.fromhex(h) for h in proof["audit_path"]],
            bytes.fromhex(head["root_hash"]),
        )
    assert KAZAKH in api_client.get("/api/v1/ledger/leaves/3/").json()["leaf"]


def test_consistency_verifies_between_signed_heads(api_client, log):
    head = api_client.get("/api/v1/ledger/head/").json()
    proof = api_client.get("/api/v1/ledger/consistency/?first=9&second=21").json()
    assert proof["first_root"] == bytes(log.root_hash).hex()
    assert proof["second_root"] == head["root_hash"]
    assert rfc.verify_consistency(
        9,
        21,
        bytes(log.root_hash),
        bytes.fromhex(head["root_hash"]),
        [bytes.fromhex(h) for h in proof["proof"]],
    )


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/api/v1/ledger/proof/", "index"),
        ("/api/v1/ledger/proof/?index=abc", "index"),
        ("/api/v1/ledger/proof/?index=-1", "index"),
        ("/api/v1/ledger/proof/?index=1&size=0", "size"),
        ("/api/v1/ledger/proof/?index=1&size=22", "size"),
        ("/api/v1/ledger/proof/?index=5&size=3", "index"),
        ("/api/v1/ledger/consistency/?first=1", "second"),
        ("/api/v1/ledger/consistency/?first=0&second=3", "first"),
        ("/api/v1/ledger/consistency/?first=5&second=3", "first"),
        ("/api/v1/ledger/consistency/?first=1&second=22", "second"),
    ],
)
def test_bad_parameters_are_400(api_client, log, path, field):
    error = assert_error(api_client.get(path), 400, "validation_failed")
    assert field in error["fields"]


@pytest.mark.parametrize("path", ["/api/v1/ledger/leaves/21/", "/api/v1/ledger/proof/?index=21"])
def test_unknown_indexes_are_404(api_client, log, path):
    assert_error(api_client.get(path), 404, "not_found")


def test_writes_are_not_allowed(api_client, log):
    assert api_client.post("/api/v1/ledger/head/", {}).status_code == 405
