"""The acts API: the whole life of an act, permissions, and the public check."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory, ParticipantFactory

from .conftest import World


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def _draft(api: APIClient, world: World, lang: str = "ru") -> dict[str, Any]:
    api.force_authenticate(world.judge.user)
    response = api.post(
        "/api/v1/acts/assistant/",
        {"case_id": world.case.pk, "rule": "court_order", "lang": lang},
        format="json",
    )
    assert response.status_code == 201, response.content
    return dict(response.json())


def test_draft_edit_sign_pdf_and_check_through_the_api(api: APIClient, world: World) -> None:
    act = _draft(api, world)
    assert act["status"] == "draft"
    assert act["checks"]
    saved = api.post(
        f"/api/v1/acts/{act['id']}/versions/",
        {"text": act["text"] + "\nДополнение судьи.", "base_version": 1},
        format="json",
    )
    assert saved.status_code == 201
    assert saved.json()["number"] == 2
    payload = api.get(f"/api/v1/acts/{act['id']}/signing-payload/").json()
    import base64

    signature = base64.b64encode(
        world.credential.sign(base64.b64decode(payload["payload_b64"]))
    ).decode()
    signed = api.post(
        f"/api/v1/acts/{act['id']}/sign/",
        {"signature": signature, "certificate": world.credential.certificate_pem},
        format="json",
    )
    assert signed.status_code == 200, signed.content
    body = signed.json()
    assert body["status"] == "signed"
    assert body["short_code"]
    assert body["pdf_sha256"]
    pdf = api.get(f"/api/v1/acts/{act['id']}/pdf/")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    import hashlib

    assert hashlib.sha256(pdf.content).hexdigest() == body["pdf_sha256"]
    public = APIClient()
    check = public.get(f"/api/v1/acts/check/{body['short_code'].lower()}/")
    assert check.status_code == 200
    data = check.json()
    assert data["pdf_sha256"] == body["pdf_sha256"]
    assert data["ledger_included"] is True
    assert data["signer"]
    assert data["kind"] == "court_order"
    assert "text" not in data
    again = api.post(f"/api/v1/acts/{act['id']}/versions/", {"text": "x"}, format="json")
    assert again.status_code == 403  # signed acts are immutable


def test_unknown_check_code_is_404(api: APIClient, db: None) -> None:
    response = api.get("/api/v1/acts/check/NOPE234567/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_participants_see_signed_acts_but_not_drafts(api: APIClient, world: World) -> None:
    act = _draft(api, world)
    api.force_authenticate(world.plaintiff)
    assert api.get(f"/api/v1/acts/{act['id']}/").status_code == 404
    assert api.get(f"/api/v1/acts/cases/{world.case.pk}/").json() == []


def test_outsiders_and_other_judges_cannot_see_or_edit(api: APIClient, world: World) -> None:
    act = _draft(api, world)
    api.force_authenticate(world.outsider)
    assert api.get(f"/api/v1/acts/{act['id']}/").status_code == 404
    api.force_authenticate(world.other_judge.user)
    response = api.post(
        "/api/v1/acts/", {"case_id": world.case.pk, "kind": "decision", "lang": "kk"}, format="json"
    )
    assert response.status_code == 403
    assert (
        api.post(f"/api/v1/acts/{act['id']}/versions/", {"text": "x"}, format="json").status_code
        == 404
    )


def test_closed_case_acts_only_for_bench_and_parties(api: APIClient, world: World) -> None:
    from sot.acts import services

    world.case.is_closed = True
    world.case.save()
    act = services.act_draft_create(
        case=world.case, kind="decision", lang="ru", acting_user=world.judge.user
    )
    signature, certificate = world.sign(act)
    services.act_sign(
        act=act, signature=signature, certificate_pem=certificate, acting_user=world.judge.user
    )
    api.force_authenticate(world.plaintiff)
    assert api.get(f"/api/v1/acts/{act.pk}/").status_code == 200
    api.force_authenticate(world.clerk)  # court staff, not the case's secretary
    assert api.get(f"/api/v1/acts/{act.pk}/").status_code == 404
    api.force_authenticate(world.other_judge.user)
    assert api.get(f"/api/v1/acts/{act.pk}/").status_code == 404


def test_bad_input_is_a_clear_error(api: APIClient, world: World) -> None:
    api.force_authenticate(world.judge.user)
    response = api.post(
        "/api/v1/acts/", {"case_id": world.case.pk, "kind": "x", "lang": "de"}, format="json"
    )
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"kind", "lang"}
    world.case.documents.all().delete()
    response = api.post(
        "/api/v1/acts/assistant/",
        {"case_id": world.case.pk, "rule": "court_order", "lang": "ru"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["rule"]


def test_assistant_proposals_list_checks(api: APIClient, world: World) -> None:
    api.force_authenticate(world.judge.user)
    rows = api.get(f"/api/v1/acts/cases/{world.case.pk}/assistant/").json()
    by_rule = {row["rule"]: row for row in rows}
    assert by_rule["court_order"]["ready"] is True
    assert by_rule["travel_ban"]["ready"] is False
    api.force_authenticate(world.plaintiff)
    assert api.get(f"/api/v1/acts/cases/{world.case.pk}/assistant/").status_code == 403


def test_another_courts_judge_sees_nothing(api: APIClient, world: World) -> None:
    other = CaseFactory()
    seat = CaseJudgeFactory(case=other)
    ParticipantFactory(case=other)
    api.force_authenticate(seat.judge.user)
    assert api.get(f"/api/v1/acts/cases/{world.case.pk}/").status_code == 404
