"""Submission through the API: drafts, the one-shot submit, idempotency and every bad input."""

from __future__ import annotations

import base64
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from rest_framework.test import APIClient

from sot.cases.models import Case, ParticipantRole
from sot.cases.tests.factories import CaseFactory, ParticipantFactory
from sot.core import clock
from sot.filing.models import Filing, FilingAttachment, FilingStatus
from sot.notifications.models import Notice
from sot.signatures.testing import TestCA

from .conftest import PDF, World, claim_form, direct_payload, pdf, sha

DIRECT = "/api/v1/filing/filings/"


def client_for(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def stored_files(settings: Any) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def two_files() -> list[tuple[str, str, bytes]]:
    return [
        ("claim_text", "claim.pdf", PDF),
        ("evidence", "evidence.txt", "Шарт көшірмесі\n".encode()),
    ]


def assert_nothing_stored(settings: Any) -> None:
    assert Filing.objects.count() == 0
    assert FilingAttachment.objects.count() == 0
    assert stored_files(settings) == []


# --- the one-shot submission ---------------------------------------------------------------------


def test_direct_submit_creates_one_signed_filing(world: World, settings: Any) -> None:
    body = direct_payload("civil_claim", claim_form(world), two_files(), world.cred)

    response = client_for(world.citizen).post(DIRECT, body, format="multipart")

    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == FilingStatus.SUBMITTED
    assert data["signature_status"] == "valid"
    assert data["number"].startswith("CC-")
    assert [a["sha256"] for a in data["attachments"]] == [sha(d) for _s, _n, d in two_files()]
    # 1 % of a 1,000,000 tenge property claim by a person (Tax Code art. 610), paid through the gateway
    assert data["fee_amount"] == "10000.00"
    assert data["payments"][0]["receipt_number"].startswith("LOC-")
    assert len(stored_files(settings)) == 2
    assert Notice.objects.filter(kind="filing.submitted", recipient=world.citizen).count() == 1


def test_a_retried_submit_returns_the_first_filing(world: World) -> None:
    client = client_for(world.citizen)
    first = client.post(
        DIRECT,
        direct_payload("civil_claim", claim_form(world), two_files(), world.cred),
        format="multipart",
    )
    again = client.post(
        DIRECT,
        direct_payload("civil_claim", claim_form(world), two_files(), world.cred),
        format="multipart",
    )

    assert first.status_code == 201
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert Filing.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_submits_with_one_key_make_one_filing(settings: Any, world: World) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (SQLite serialises the whole database)")
    results: list[int] = []

    def submit() -> None:
        body = direct_payload("civil_claim", claim_form(world), two_files(), world.cred, key="race")
        response = client_for(world.citizen).post(DIRECT, body, format="multipart")
        results.append(response.status_code)
        connection.close()

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == [200, 200, 200, 201]
    assert Filing.objects.filter(client_key="race").count() == 1


# --- bad input: each a clear error, nothing stored ----------------------------------------------


def test_tampered_attachment_is_refused(world: World, settings: Any) -> None:
    signed = two_files()
    sent = [signed[0], ("evidence", "evidence.txt", "Өзгертілген мәтін\n".encode())]
    body = direct_payload("civil_claim", claim_form(world), sent, world.cred, sign_files=signed)

    response = client_for(world.citizen).post(
        DIRECT, body, format="multipart", HTTP_ACCEPT_LANGUAGE="ru"
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "signature_tampered"
    assert response["Content-Language"] == "ru"
    assert response.json()["error"]["fields"]["signature"]
    assert_nothing_stored(settings)


def test_someone_elses_certificate_is_refused(world: World, settings: Any) -> None:
    body = direct_payload("civil_claim", claim_form(world), two_files(), world.other_cred)

    response = client_for(world.citizen).post(DIRECT, body, format="multipart")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "signature_iin_mismatch"
    assert_nothing_stored(settings)


def test_an_expired_certificate_is_refused(world: World, settings: Any) -> None:
    now = clock.now()
    expired = world.ca.issue(
        iin=str(world.citizen.iin),
        name="X",
        not_before=now - timedelta(days=400),
        not_after=now - timedelta(days=1),
    )
    body = direct_payload("civil_claim", claim_form(world), two_files(), expired)

    response = client_for(world.citizen).post(DIRECT, body, format="multipart")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "signature_expired"
    assert_nothing_stored(settings)


def test_a_certificate_from_an_untrusted_authority_is_refused(world: World, settings: Any) -> None:
    stranger = TestCA.create(name="Not Trusted").issue(iin=str(world.citizen.iin), name="X")
    body = direct_payload("civil_claim", claim_form(world), two_files(), stranger)

    response = client_for(world.citizen).post(DIRECT, body, format="multipart")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "signature_untrusted"
    assert_nothing_stored(settings)


def test_an_authentication_certificate_cannot_sign_a_filing(world: World, settings: Any) -> None:
    auth = world.ca.issue(iin=str(world.citizen.iin), name="X", purpose="auth")
    body = direct_payload("civil_claim", claim_form(world), two_files(), auth)

    response = client_for(world.citizen).post(DIRECT, body, format="multipart")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "signature_not_signing_key"
    assert_nothing_stored(settings)


def test_a_missing_required_attachment_is_refused(world: World, settings: Any) -> None:
    files = [("evidence", "evidence.txt", b"only evidence\n")]
    body = direct_payload("civil_claim", claim_form(world), files, world.cred)

    response = client_for(world.citizen).post(DIRECT, body, format="multipart")

    assert response.status_code == 400
    assert "attachments" in response.json()["error"]["fields"]
    assert_nothing_stored(settings)


def test_an_oversize_file_is_refused(world: World, settings: Any) -> None:
    settings.SOT_DOCUMENT_MAX_BYTES = 1024 * 1024
    files = [("claim_text", "claim.pdf", PDF + b"0" * (1024 * 1024))]
    body = direct_payload("civil_claim", claim_form(world), files, world.cred)

    response = client_for(world.citizen).post(DIRECT, body, format="multipart")

    assert response.status_code == 400
    assert "files.0" in response.json()["error"]["fields"]
    assert_nothing_stored(settings)


def test_a_disguised_file_is_refused(world: World, settings: Any) -> None:
    files = [("claim_text", "claim.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200)]
    body = direct_payload("civil_claim", claim_form(world), files, world.cred)

    response = client_for(world.citizen).post(DIRECT, body, format="multipart")

    assert response.status_code == 400
    assert "files.0" in response.json()["error"]["fields"]
    assert_nothing_stored(settings)


def test_a_text_file_named_pdf_is_refused(world: World, settings: Any) -> None:
    files = [("claim_text", "claim.pdf", b"plain words, not a PDF\n")]
    body = direct_payload("civil_claim", claim_form(world), files, world.cred)

    response = client_for(world.citizen).post(DIRECT, body, format="multipart")

    assert response.status_code == 400
    assert_nothing_stored(settings)


def test_filing_into_a_case_the_filer_is_not_part_of_is_refused(
    world: World, settings: Any
) -> None:
    case = CaseFactory(court=world.court)
    ParticipantFactory(case=case, user=world.other)
    form = {"case": case.number, "request": "Іс материалдарымен танысуға рұқсат сұраймын."}
    body = direct_payload("petition_read_materials", form, [], world.cred)

    response = client_for(world.citizen).post(DIRECT, body, format="multipart")

    assert response.status_code == 400
    assert "case" in response.json()["error"]["fields"]
    assert_nothing_stored(settings)


def test_unknown_form_fields_are_refused_not_ignored(world: World, settings: Any) -> None:
    body = direct_payload(
        "civil_claim", claim_form(world, status="accepted"), two_files(), world.cred
    )

    response = client_for(world.citizen).post(DIRECT, body, format="multipart")

    assert response.status_code == 400
    assert "status" in response.json()["error"]["fields"]
    assert_nothing_stored(settings)


def test_a_citizen_cannot_file_a_prosecutors_sanction_petition(world: World, settings: Any) -> None:
    body = direct_payload("prosecutor_sanction", {"court": world.court.code}, [], world.cred)

    response = client_for(world.citizen).post(DIRECT, body, format="multipart")

    assert response.status_code == 403
    assert_nothing_stored(settings)


def test_a_pending_signature_never_counts_as_valid(world: World, monkeypatch: Any) -> None:
    from sot.filing import signing
    from sot.signatures.models import SignatureStatus
    from sot.signatures.verdict import Verdict

    real = signing.verify

    def unreachable(*args: Any, **kwargs: Any) -> Verdict:
        verdict = real(*args, **kwargs)
        return Verdict(
            status=SignatureStatus.PENDING,
            code="revocation_unavailable",
            message="later",
            subject_iin=verdict.subject_iin,
            subject_name=verdict.subject_name,
            certificate_sha256=verdict.certificate_sha256,
            serial=verdict.serial,
            signed_at=None,
        )

    monkeypatch.setattr(signing, "verify", unreachable)
    body = direct_payload("civil_claim", claim_form(world), two_files(), world.cred)

    response = client_for(world.citizen).post(DIRECT, body, format="multipart")

    assert response.status_code == 201
    filing = Filing.objects.get()
    assert filing.status == FilingStatus.AWAITING_SIGNATURE_CHECK
    assert filing.signature_status == "pending"
    client_for(world.clerk).post(f"/api/v1/filing/filings/{filing.pk}/accept/")
    assert not Case.objects.exists()  # the clerk cannot accept what is not validly signed

    monkeypatch.setattr(signing, "verify", real)
    from sot.filing.services import signature_recheck

    assert signature_recheck(filing=filing).status == FilingStatus.SUBMITTED


# --- drafts, step by step ------------------------------------------------------------------------


def test_draft_save_return_preview_pay_sign_submit(world: World) -> None:
    client = client_for(world.citizen)
    created = client.post(
        "/api/v1/filing/drafts/",
        {"kind": "civil_claim", "form": {"court": world.court.code}},
        format="json",
    )
    assert created.status_code == 201, created.content
    fid = created.json()["id"]
    url = f"/api/v1/filing/filings/{fid}/"

    saved = client.patch(url, {"form": claim_form(world)}, format="json")
    assert saved.status_code == 200
    assert client.get(url).json()["form"]["subject"] == "Қарызды өндіріп алу"  # come back later

    uploaded = client.post(
        url + "attachments/", {"slot": "claim_text", "file": pdf()}, format="multipart"
    )
    assert uploaded.status_code == 201, uploaded.content

    early = client.post(url + "submit/", {"signature": "AA==", "certificate": "x"}, format="json")
    assert early.status_code == 400
    assert "fee" in early.json()["error"]["fields"]  # the fee comes first

    paid = client.post(url + "payments/", {}, format="json")
    assert paid.status_code == 201
    assert paid.json()["amount"] == "10000.00"

    bundle = client.get(url + "bundle/").json()
    signature = base64.b64encode(world.cred.sign(base64.b64decode(bundle["payload"]))).decode()
    body = {"signature": signature, "certificate": world.cred.certificate_pem, "client_key": "d1"}
    submitted = client.post(url + "submit/", body, format="json")
    assert submitted.status_code == 200, submitted.content
    assert submitted.json()["status"] == FilingStatus.SUBMITTED
    assert submitted.json()["bundle_sha256"] == bundle["sha256"]

    again = client.post(url + "submit/", body, format="json")
    assert again.json()["id"] == fid
    assert Filing.objects.count() == 1
    assert client.patch(url, {"form": claim_form(world)}, format="json").status_code == 409


def test_a_signature_over_an_older_draft_is_tampered(world: World) -> None:
    client = client_for(world.citizen)
    fid = client.post(
        "/api/v1/filing/drafts/", {"kind": "court_order", "form": {}}, format="json"
    ).json()["id"]
    url = f"/api/v1/filing/filings/{fid}/"
    form = {
        "court": world.court.code,
        "debtor_name": "Б",
        "subject": "Қарыз",
        "debt_amount": "100",
        "facts": "Қарыз",
        "fee_exemption": "wages",
    }
    client.patch(url, {"form": form}, format="json")
    client.post(
        url + "attachments/", {"slot": "application_text", "file": pdf()}, format="multipart"
    )
    client.post(
        url + "attachments/",
        {"slot": "debt_documents", "file": pdf("debt.pdf", b"1")},
        format="multipart",
    )
    payload = base64.b64decode(client.get(url + "bundle/").json()["payload"])
    client.patch(url, {"form": {**form, "debt_amount": "900"}}, format="json")

    body = {
        "signature": base64.b64encode(world.cred.sign(payload)).decode(),
        "certificate": world.cred.certificate_pem,
    }
    response = client.post(url + "submit/", body, format="json")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "signature_tampered"
    assert Filing.objects.get().status == FilingStatus.DRAFT


def test_other_people_cannot_see_or_touch_a_draft(world: World) -> None:
    fid = (
        client_for(world.citizen)
        .post("/api/v1/filing/drafts/", {"kind": "civil_claim"}, format="json")
        .json()["id"]
    )
    outsider = client_for(world.other)
    clerk = client_for(world.clerk)

    assert outsider.get(f"/api/v1/filing/filings/{fid}/").status_code == 404
    assert (
        outsider.patch(f"/api/v1/filing/filings/{fid}/", {"form": {}}, format="json").status_code
        == 404
    )
    assert clerk.get(f"/api/v1/filing/filings/{fid}/").status_code == 404  # drafts are private


def test_every_kind_is_exposed_with_its_steps_in_three_languages(api_client: APIClient) -> None:
    titles = {}
    for lang in ("kk", "ru", "en"):
        response = api_client.get("/api/v1/filing/kinds/", HTTP_ACCEPT_LANGUAGE=lang)
        assert response.status_code == 200
        titles[lang] = {k["code"]: k["title"] for k in response.json()}
    expected = {
        "civil_claim",
        "simplified_claim",
        "court_order",
        "administrative_claim",
        "petition_secure_claim",
        "petition_postpone",
        "petition_read_materials",
        "petition_video",
        "petition_return_claim",
        "appeal",
        "cassation",
        "private_complaint",
        "criminal_investigator_complaint",
        "prosecutor_sanction",
    }
    assert expected <= set(titles["kk"])
    assert titles["kk"]["appeal"] == "Апелляциялық шағым"
    assert titles["ru"]["appeal"] == "Апелляционная жалоба"
    assert titles["en"]["appeal"] == "Appeal"


def test_a_prosecutor_files_a_sanction_petition_and_it_opens_a_closed_criminal_case(
    world: World,
) -> None:
    cred = world.ca.issue(iin=str(world.prosecutor.iin), name="Прокурор")
    form = {
        "court": world.court.code,
        "pretrial_number": "252500031000123",
        "suspect_name": "Күдікті",
        "suspect_iin": "850101300123",
        "sanction": "house_arrest",
        "term_days": "30",
        "facts": "Негіздер",
    }
    from sot.core.iin import complete_iin

    form["suspect_iin"] = complete_iin("85010130012") or form["suspect_iin"]
    files = [("petition_text", "p.pdf", PDF), ("sanction_materials", "m.pdf", PDF + b"m")]
    response = client_for(world.prosecutor).post(
        DIRECT, direct_payload("prosecutor_sanction", form, files, cred), format="multipart"
    )
    assert response.status_code == 201, response.content

    accepted = client_for(world.clerk).post(
        f"/api/v1/filing/filings/{response.json()['id']}/accept/"
    )

    assert accepted.status_code == 200, accepted.content
    case = Case.objects.get()
    assert case.category == "criminal"
    assert case.is_closed
    assert case.participants.filter(role=ParticipantRole.PROSECUTOR, user=world.prosecutor).exists()
    assert case.participants.filter(role=ParticipantRole.ACCUSED).exists()
