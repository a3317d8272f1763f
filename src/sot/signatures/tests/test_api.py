"""The signatures API: public verify, QR challenges (creator only), the phone's answer."""

from __future__ import annotations

import base64

import pytest

from sot.accounts.tests.factories import UserFactory
from sot.signatures.models import Challenge, SignatureRecord
from sot.signatures.testing import TestCA

from .conftest import IIN, OTHER_IIN

pytestmark = pytest.mark.django_db
PAYLOAD = b'{"attachments":[],"form":{"a":1}}'


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def verify_body(cred, *, iin=IIN, payload=PAYLOAD, signature=None):
    return {
        "payload_b64": b64(payload),
        "signature": signature if signature is not None else b64(cred.sign(PAYLOAD)),
        "certificate": cred.certificate_pem,
        "iin": iin,
    }


def test_verify_is_public_and_returns_the_verdict(api_client, ca: TestCA) -> None:
    cred = ca.issue(iin=IIN, name="A B")
    response = api_client.post("/api/v1/signatures/verify/", verify_body(cred), format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "valid"
    assert body["code"] == "ok"
    assert body["subject_iin"] == IIN
    assert not SignatureRecord.objects.exists()  # verification stores nothing


def test_verify_tampered_payload_is_invalid_with_code(api_client, ca: TestCA) -> None:
    cred = ca.issue(iin=IIN, name="A B")
    body = verify_body(cred, payload=PAYLOAD + b" ")
    response = api_client.post(
        "/api/v1/signatures/verify/", body, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.json()["status"] == "invalid"
    assert response.json()["code"] == "tampered"


def test_verify_refuses_malformed_base64_as_field_error(api_client, ca: TestCA) -> None:
    cred = ca.issue(iin=IIN, name="A B")
    response = api_client.post(
        "/api/v1/signatures/verify/", verify_body(cred, signature="*not*base64*"), format="json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "validation_failed"
    assert list(response.json()["error"]["fields"]) == ["signature"]


def test_verify_refuses_an_invalid_iin(api_client, ca: TestCA) -> None:
    cred = ca.issue(iin=IIN, name="A B")
    bad = IIN[:11] + str((int(IIN[11]) + 1) % 10)
    response = api_client.post(
        "/api/v1/signatures/verify/", verify_body(cred, iin=bad), format="json"
    )
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["iin"]


def test_challenge_create_needs_sign_in(api_client) -> None:
    response = api_client.post(
        "/api/v1/signatures/challenges/", {"payload_b64": b64(PAYLOAD)}, format="json"
    )
    assert response.status_code == 401


def test_qr_signing_round_trip_through_the_api(api_client, ca: TestCA) -> None:
    user = UserFactory(iin=IIN)
    api_client.force_authenticate(user)
    created = api_client.post(
        "/api/v1/signatures/challenges/", {"payload_b64": b64(PAYLOAD)}, format="json"
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["state"] == "open"
    assert body["qr_svg"].startswith("<svg")
    token = body["phone_url"].rstrip("/").rsplit("/", 1)[-1]

    phone = api_client.__class__()  # the phone has no session
    shown = phone.get(f"/api/v1/signatures/phone/{token}/").json()
    assert base64.b64decode(shown["payload_b64"]) == PAYLOAD
    cred = ca.issue(iin=IIN, name="A B", algorithm="ecdsa")
    answered = phone.post(
        f"/api/v1/signatures/phone/{token}/answer/",
        {"signature": b64(cred.sign(PAYLOAD)), "certificate": cred.certificate_pem},
        format="json",
    )
    assert answered.status_code == 200, answered.content

    status = api_client.get(f"/api/v1/signatures/challenges/{body['id']}/").json()
    assert status["state"] == "answered"
    assert status["status"] == "valid"
    assert status["certificate"].strip() == cred.certificate_pem.strip()


def test_someone_elses_challenge_is_404(api_client) -> None:
    owner = UserFactory(iin=IIN)
    api_client.force_authenticate(owner)
    created = api_client.post(
        "/api/v1/signatures/challenges/", {"payload_b64": b64(PAYLOAD)}, format="json"
    ).json()
    api_client.force_authenticate(UserFactory(iin=OTHER_IIN))
    response = api_client.get(f"/api/v1/signatures/challenges/{created['id']}/")
    assert response.status_code == 404


def test_phone_answer_by_someone_else_is_refused_with_code(api_client, ca: TestCA) -> None:
    user = UserFactory(iin=IIN)
    api_client.force_authenticate(user)
    api_client.post("/api/v1/signatures/challenges/", {"payload_b64": b64(PAYLOAD)}, format="json")
    token = Challenge.objects.get().token
    cred = ca.issue(iin=OTHER_IIN, name="C D")
    phone = api_client.__class__()
    response = phone.post(
        f"/api/v1/signatures/phone/{token}/answer/",
        {"signature": b64(cred.sign(PAYLOAD)), "certificate": cred.certificate_pem},
        format="json",
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "iin_mismatch"
    assert not SignatureRecord.objects.exists()


def test_phone_answer_twice_is_409_challenge_used(api_client, ca: TestCA) -> None:
    user = UserFactory(iin=IIN)
    api_client.force_authenticate(user)
    api_client.post("/api/v1/signatures/challenges/", {"payload_b64": b64(PAYLOAD)}, format="json")
    token = Challenge.objects.get().token
    cred = ca.issue(iin=IIN, name="A B")
    body = {"signature": b64(cred.sign(PAYLOAD)), "certificate": cred.certificate_pem}
    phone = api_client.__class__()
    assert (
        phone.post(f"/api/v1/signatures/phone/{token}/answer/", body, format="json").status_code
        == 200
    )
    again = phone.post(f"/api/v1/signatures/phone/{token}/answer/", body, format="json")
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "challenge_used"
    assert SignatureRecord.objects.count() == 1


def test_unknown_token_is_404(api_client) -> None:
    response = api_client.get("/api/v1/signatures/phone/unknown/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "challenge_not_found"
