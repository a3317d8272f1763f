from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from django.db import connection, transaction

from sot.core import clock
from sot.core.errors import ValidationFailed
from sot.ledger import keys, selectors, services, signing
from sot.ledger.models import Leaf, LogState, Node, TreeHead

from . import rfc9162_verifier as rfc

pytestmark = pytest.mark.django_db

KAZAKH = {"сот": "Алматы қаласының мамандандырылған ауданаралық экономикалық соты", "ә": "ғқңөұүһі"}


def test_append_gives_gap_free_indexes_and_a_signed_head_per_append():
    leaves = [services.ledger_append(kind="test.entry", data={"n": n}) for n in range(5)]
    leaves += services.ledger_append_many(
        entries=[services.LeafInput(kind="test.entry", data={"n": n}) for n in range(5, 12)]
    )

    assert [leaf.index for leaf in leaves] == list(range(12))
    assert list(Leaf.objects.order_by("index").values_list("index", flat=True)) == list(range(12))
    assert LogState.objects.get().size == 12
    assert list(TreeHead.objects.order_by("tree_size").values_list("tree_size", flat=True)) == [
        1,
        2,
        3,
        4,
        5,
        12,
    ]
    head = selectors.tree_head_latest()
    assert head is not None
    assert bytes(head.root_hash) == rfc.mth([bytes(leaf.data) for leaf in leaves])


def test_leaf_bytes_are_canonical_json_and_kazakh_round_trips():
    moment = datetime(2026, 11, 22, 6, 30, 15, 123456, tzinfo=UTC)
    with clock.frozen(moment):
        leaf = services.ledger_append(
            kind="act.signed", data={"z": 1, "text": KAZAKH, "a": [1, None]}
        )

    stored = bytes(Leaf.objects.get(index=leaf.index).data)
    document = {
        "appended_at": "2026-11-22T06:30:15.123456Z",
        "data": {"a": [1, None], "text": KAZAKH, "z": 1},
        "kind": "act.signed",
    }
    expected = json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")
    assert stored == expected
    assert "қаласының".encode() in stored  # UTF-8, not \u escapes
    assert json.loads(stored)["data"]["text"] == KAZAKH
    assert bytes(leaf.leaf_hash) == rfc.hash_leaf(stored)


@pytest.mark.parametrize(
    ("kind", "data", "field"),
    [
        ("Bad Kind", {}, "kind"),
        ("", {}, "kind"),
        ("ok", {"x": float("nan")}, "data"),
        ("ok", {"x": {1, 2}}, "data"),
        ("ok", "x" * (services.MAX_DATA_BYTES + 1), "data"),
    ],
)
def test_a_bad_entry_in_a_batch_appends_nothing(kind, data, field):
    services.ledger_append(kind="first", data={})
    entries = [
        services.LeafInput(kind="ok", data={"i": 1}),
        services.LeafInput(kind=kind, data=data),
    ]

    with pytest.raises(ValidationFailed) as raised:
        services.ledger_append_many(entries=entries)

    assert field in raised.value.fields
    assert Leaf.objects.count() == 1
    assert Node.objects.count() == 1
    assert LogState.objects.get().size == 1


def test_a_failing_transaction_leaves_no_leaf_no_node_no_head():
    services.ledger_append(kind="first", data={})
    before = (Leaf.objects.count(), Node.objects.count(), TreeHead.objects.count())

    def append_then_crash() -> None:
        with transaction.atomic():
            services.ledger_append_many(
                entries=[services.LeafInput(kind="lost", data={"i": i}) for i in range(7)]
            )
            raise RuntimeError("crash after the append, before commit")

    with pytest.raises(RuntimeError, match="crash"):
        append_then_crash()

    assert (Leaf.objects.count(), Node.objects.count(), TreeHead.objects.count()) == before
    assert LogState.objects.get().size == 1
    # and the next append continues where the committed log ends
    assert services.ledger_append(kind="next", data={}).index == 1


def test_log_rows_are_append_only():
    leaf = services.ledger_append(kind="first", data={})
    with pytest.raises(TypeError):
        Leaf.objects.filter(index=leaf.index).update(kind="other")
    with pytest.raises(TypeError):
        Node.objects.all().delete()
    stored = Leaf.objects.get(index=leaf.index)
    stored.kind = "other"
    with pytest.raises(TypeError):
        stored.save()


def test_tree_head_sign_signs_the_current_size_once():
    first = services.tree_head_sign()
    assert first.tree_size == 0
    assert bytes(first.root_hash) == rfc.mth([])
    assert services.tree_head_sign().pk == first.pk
    services.ledger_append(kind="first", data={})
    assert services.tree_head_sign().tree_size == 1


def test_the_signature_verifies_with_the_published_key_and_fails_on_a_changed_head():
    services.ledger_append_many(entries=[services.LeafInput(kind="k", data=i) for i in range(3)])
    head = selectors.tree_head_latest()
    assert head is not None
    fields: dict[str, Any] = {
        "timestamp": signing.timestamp_ms(head.timestamp),
        "tree_size": head.tree_size,
        "root_hash": bytes(head.root_hash),
    }
    assert bytes(head.public_key) == keys.public_key_bytes(keys.signing_key())
    assert signing.tree_head_verify(bytes(head.public_key), bytes(head.signature), **fields)
    assert not signing.tree_head_verify(
        bytes(head.public_key), bytes(head.signature), **{**fields, "tree_size": 4}
    )
    assert not signing.tree_head_verify(
        bytes(head.public_key), bytes(head.signature), **{**fields, "root_hash": b"\0" * 32}
    )


def test_a_missing_key_is_an_error_when_autocreate_is_off(settings, tmp_path):
    from django.core.exceptions import ImproperlyConfigured

    settings.SOT_LEDGER_KEY_FILE = tmp_path / "absent.pem"
    settings.SOT_LEDGER_KEY_AUTOCREATE = False
    with pytest.raises(ImproperlyConfigured):
        services.ledger_append(kind="k", data={})
    assert Leaf.objects.count() == 0
    assert not (tmp_path / "absent.pem").exists()


def test_a_lazily_created_key_file_is_private(ledger_key_file):
    services.tree_head_sign()
    assert ledger_key_file.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(("first", "end"), [(0, 1), (0, 13), (3, 9), (5, 6), (12, 13), (4, 8)])
def test_leaves_proven_accepts_the_signed_bytes_of_any_range(first, end):
    services.ledger_append_many(entries=[services.LeafInput(kind="k", data=i) for i in range(13)])
    head = selectors.tree_head_latest()
    assert head is not None
    proven = selectors.leaves_proven(first, end, head)
    assert proven is not None
    assert [leaf.index for leaf in proven] == list(range(first, end))


def test_leaves_proven_refuses_a_range_with_a_changed_leaf():
    services.ledger_append_many(entries=[services.LeafInput(kind="k", data=i) for i in range(13)])
    head = selectors.tree_head_latest()
    assert head is not None
    forged = b'{"appended_at":"2026-01-01T00:00:00.000000Z","data":99,"kind":"k"}'
    with connection.cursor() as cursor:
        cursor.execute('UPDATE ledger_leaf SET data = %s WHERE "index" = 6', [forged])
    assert selectors.leaves_proven(3, 9, head) is None
    assert selectors.leaves_proven(0, 6, head) is not None
