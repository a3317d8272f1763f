"""The act pages: editor, diff, sign, review, case panel, and the public check page."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client

from sot.accounts.models import User
from sot.core import clock

from .. import publication, services
from ..models import Act, ActStatus
from .conftest import World


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_case_panel_offers_the_assistant_to_the_bench_only(world: World) -> None:
    page = _client(world.judge.user).get(f"/cases/{world.case.pk}/")
    assert b"data-assistant-form" in page.content
    page = _client(world.plaintiff).get(f"/cases/{world.case.pk}/")
    assert page.status_code == 200
    assert b"data-assistant-form" not in page.content


def test_judge_drafts_edits_diffs_and_signs_through_pages(world: World) -> None:
    judge = _client(world.judge.user)
    response = judge.post(
        f"/acts/cases/{world.case.pk}/assistant/", {"rule": "court_order", "lang": "kk"}
    )
    act = Act.objects.get(case=world.case)
    assert response.status_code == 302
    assert response["Location"] == f"/acts/{act.pk}/"
    page = judge.get(f"/acts/{act.pk}/")
    assert b"Verify:" in page.content or b"checks" in page.content
    judge.post(f"/acts/{act.pk}/save/", {"text": act.text + "\nҚосымша.", "base_version": 1})
    assert act.versions.count() == 2
    diff = judge.get(f"/acts/{act.pk}/versions/1/2/")
    assert "Қосымша.".encode() in diff.content
    assert b"diff--added" in diff.content
    signature, certificate = world.sign(act)
    judge.post(f"/acts/{act.pk}/sign/", {"signature": signature, "certificate": certificate})
    act.refresh_from_db()
    assert act.status == ActStatus.SIGNED
    pdf = judge.get(f"/acts/{act.pk}/pdf/")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


def test_stale_editor_save_is_refused_with_a_message(world: World) -> None:
    judge = _client(world.judge.user)
    act = services.act_draft_create(
        case=world.case, kind="decision", lang="ru", acting_user=world.judge.user
    )
    services.act_version_save(act=act, text="newer", acting_user=world.judge.user)
    response = judge.post(f"/acts/{act.pk}/save/", {"text": "mine", "base_version": 1})
    assert response.status_code == 400
    act.refresh_from_db()
    assert act.text == "newer\n"


def test_outsider_gets_404_on_every_act_page(world: World) -> None:
    act = services.act_draft_create(
        case=world.case, kind="decision", lang="ru", acting_user=world.judge.user
    )
    outsider = _client(world.outsider)
    for path in [f"/acts/{act.pk}/", f"/acts/{act.pk}/versions/1/1/", f"/acts/{act.pk}/review/"]:
        assert outsider.get(path).status_code == 404
    assert (
        outsider.post(f"/acts/{act.pk}/sign/", {"signature": "x", "certificate": "y"}).status_code
        == 404
    )
    assert (
        outsider.post(
            f"/acts/cases/{world.case.pk}/new/", {"kind": "decision", "lang": "ru"}
        ).status_code
        == 404
    )


def test_public_check_page_shows_court_kind_signer_hash_and_ledger(world: World) -> None:
    act = services.assistant_draft(
        case=world.case, rule="court_order", lang="ru", acting_user=world.judge.user
    )
    signature, certificate = world.sign(act)
    act = services.act_sign(
        act=act, signature=signature, certificate_pem=certificate, acting_user=world.judge.user
    )
    anonymous = Client()
    assert act.short_code is not None
    redirect = anonymous.get("/acts/check/", {"code": act.short_code.lower()})
    assert redirect.status_code == 302
    page = anonymous.get(f"/acts/check/{act.short_code}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert 'data-check-verdict="valid"' in text
    assert act.document.sha256 in text
    assert "data-ledger-proof" in text
    assert "Сейітова" not in text  # no party names on the public page
    missing = anonymous.get("/acts/check/ZZZZZZZZZZ/")
    assert missing.status_code == 404
    assert 'data-check-verdict="unknown"' in missing.content.decode()


def test_review_page_shows_original_and_published_side_by_side(world: World) -> None:
    act = services.assistant_draft(
        case=world.case, rule="court_order", lang="ru", acting_user=world.judge.user
    )
    signature, certificate = world.sign(act)
    services.act_sign(
        act=act, signature=signature, certificate_pem=certificate, acting_user=world.judge.user
    )
    publication.publish_due(today=clock.today() + timedelta(days=30))
    page = _client(world.judge.user).get(f"/acts/{act.pk}/review/")
    text = page.content.decode()
    assert "data-published-text" in text
    assert "Сейітова" in text
    assert _client(world.plaintiff).get(f"/acts/{act.pk}/review/").status_code == 404
