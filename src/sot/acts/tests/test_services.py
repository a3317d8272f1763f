"""Drafting, versions, signing and immutability of acts."""

from __future__ import annotations

import hashlib

import pytest

from sot.cases.models import CaseEvent, CaseEventKind
from sot.core.errors import Conflict, Forbidden, ValidationFailed
from sot.ledger.models import Leaf

from .. import services
from ..models import Act, ActKind, ActStatus, SignedActImmutable
from .conftest import World


def test_draft_from_template_numbers_paragraphs_and_records_template_version(world: World) -> None:
    act = services.act_draft_create(
        case=world.case, kind=ActKind.DECISION, lang="kk", acting_user=world.judge.user
    )
    assert act.template is not None
    assert act.template.version == 1
    assert "ШЕШІМ" in act.text
    assert "1. " in act.text
    assert "2. " in act.text
    assert act.versions.count() == 1
    assert act.status == ActStatus.DRAFT


def test_only_the_bench_drafts(world: World) -> None:
    with pytest.raises(Forbidden):
        services.act_draft_create(
            case=world.case, kind=ActKind.DECISION, lang="ru", acting_user=world.other_judge.user
        )


def test_each_save_is_a_version_and_a_stale_editor_is_refused(world: World) -> None:
    act = services.act_draft_create(
        case=world.case, kind=ActKind.RULING, lang="ru", acting_user=world.judge.user
    )
    v2 = services.act_version_save(
        act=act, text="Текст 2", acting_user=world.judge.user, base_version=1
    )
    assert v2.number == 2
    same = services.act_version_save(act=act, text="Текст 2", acting_user=world.judge.user)
    assert same.number == 2  # the same text again is not a new version
    with pytest.raises(Conflict):
        services.act_version_save(
            act=act, text="Текст 3", acting_user=world.judge.user, base_version=1
        )
    with pytest.raises(ValidationFailed):
        services.act_version_save(act=act, text="   ", acting_user=world.judge.user)
    assert act.versions.count() == 2


def _signed(world: World) -> Act:
    act = services.assistant_draft(
        case=world.case, rule="court_order", lang="kk", acting_user=world.judge.user
    )
    signature, certificate = world.sign(act)
    return services.act_sign(
        act=act, signature=signature, certificate_pem=certificate, acting_user=world.judge.user
    )


def test_signing_records_event_pdf_hash_in_the_ledger_and_a_check_code(world: World) -> None:
    act = _signed(world)
    assert act.status == ActStatus.SIGNED
    assert act.signed_at is not None
    assert act.short_code
    assert len(act.short_code) == 10
    document = act.document
    assert hashlib.sha256(bytes(document.pdf)).hexdigest() == document.sha256
    assert document.ledger_index is not None
    leaf = Leaf.objects.get(index=document.ledger_index)
    assert document.sha256 in bytes(leaf.data).decode("utf-8")
    assert CaseEvent.objects.filter(case=world.case, kind=CaseEventKind.ACT_SIGNED).count() == 1


def test_signed_act_is_immutable(world: World) -> None:
    act = _signed(world)
    act.text = "changed"
    with pytest.raises(SignedActImmutable):
        act.save()
    act.refresh_from_db()
    with pytest.raises(Forbidden):
        services.act_version_save(act=act, text="changed", acting_user=world.judge.user)
    signature, certificate = world.sign(act)
    with pytest.raises(Conflict):
        services.act_sign(
            act=act, signature=signature, certificate_pem=certificate, acting_user=world.judge.user
        )


def test_signature_by_someone_elses_certificate_is_refused(world: World) -> None:
    act = services.assistant_draft(
        case=world.case, rule="court_order", lang="ru", acting_user=world.judge.user
    )
    stranger = world.ca.issue(iin=world.outsider.iin, name="Бөтен Адам")
    signature, certificate = world.sign(act, stranger)
    with pytest.raises(ValidationFailed):
        services.act_sign(
            act=act, signature=signature, certificate_pem=certificate, acting_user=world.judge.user
        )
    act.refresh_from_db()
    assert act.status == ActStatus.DRAFT
    assert not act.short_code


def test_signature_over_other_text_is_refused(world: World) -> None:
    act = services.assistant_draft(
        case=world.case, rule="court_order", lang="ru", acting_user=world.judge.user
    )
    signature, certificate = world.sign(act)
    services.act_version_save(act=act, text=act.text + "\nдополнение", acting_user=world.judge.user)
    with pytest.raises(ValidationFailed):
        services.act_sign(
            act=act, signature=signature, certificate_pem=certificate, acting_user=world.judge.user
        )


def test_correction_is_a_new_act_referring_to_the_old(world: World) -> None:
    act = _signed(world)
    correction = services.act_correct(act=act, acting_user=world.judge.user)
    assert correction.pk != act.pk
    assert correction.corrects_id == act.pk
    assert correction.status == ActStatus.DRAFT
    assert correction.text == act.text


def test_rejected_draft_cannot_be_signed(world: World) -> None:
    act = services.assistant_draft(
        case=world.case, rule="court_order", lang="ru", acting_user=world.judge.user
    )
    services.act_reject(act=act, acting_user=world.judge.user)
    signature, certificate = world.sign(act)
    with pytest.raises(Forbidden):
        services.act_sign(
            act=act, signature=signature, certificate_pem=certificate, acting_user=world.judge.user
        )
