"""QR sign-in and the phone page, without JavaScript (the progressive-enhancement baseline)."""

from __future__ import annotations

import base64

import pytest
from django.test import Client

from sot.accounts.tests.factories import UserFactory
from sot.core.models import AuditAction, AuditEvent
from sot.signatures.models import Challenge
from sot.signatures.testing import TestCA

from .conftest import IIN

pytestmark = pytest.mark.django_db


def test_qr_login_page_shows_an_inline_svg_qr_code(client: Client) -> None:
    response = client.get("/signatures/qr-login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html
    challenge = Challenge.objects.get()
    assert f"/signatures/phone/{challenge.token}/" in html
    assert "http" in html
    assert "cdn" not in html.lower()


def test_qr_login_end_to_end_without_javascript(client: Client, ca: TestCA) -> None:
    user = UserFactory(iin=IIN)
    client.get("/signatures/qr-login/")
    challenge = Challenge.objects.get()
    waiting = client.post(
        f"/signatures/qr-login/{challenge.pk}/complete/",
        {"next": "/"},
        HTTP_ACCEPT="application/json",
    )
    assert waiting.json() == {"state": "open"}

    phone = Client()
    assert phone.get(f"/signatures/phone/{challenge.token}/").status_code == 200
    cred = ca.issue(iin=IIN, name="A B", purpose="auth")
    signature = base64.b64encode(cred.sign(bytes(challenge.payload))).decode()
    answered = phone.post(
        f"/signatures/phone/{challenge.token}/",
        {"signature": signature, "certificate": cred.certificate_pem},
    )
    assert answered.status_code == 200
    assert "_auth_user_id" not in phone.session  # the phone is not signed in

    done = client.post(f"/signatures/qr-login/{challenge.pk}/complete/", {"next": "/cases/"})
    assert done.status_code == 302
    assert done["Location"] == "/cases/"
    assert client.session["_auth_user_id"] == str(user.pk)
    assert AuditEvent.objects.filter(action=AuditAction.SIGN_IN, actor=user).exists()


def test_qr_login_redirect_ignores_foreign_next(client: Client, ca: TestCA) -> None:
    UserFactory(iin=IIN)
    client.get("/signatures/qr-login/")
    challenge = Challenge.objects.get()
    cred = ca.issue(iin=IIN, name="A B", purpose="auth")
    signature = base64.b64encode(cred.sign(bytes(challenge.payload))).decode()
    Client().post(
        f"/signatures/phone/{challenge.token}/",
        {"signature": signature, "certificate": cred.certificate_pem},
    )
    done = client.post(
        f"/signatures/qr-login/{challenge.pk}/complete/", {"next": "https://evil.example/"}
    )
    assert done["Location"] == "/"


def test_another_browser_cannot_complete_someone_elses_qr_login(client: Client, ca: TestCA) -> None:
    UserFactory(iin=IIN)
    client.get("/signatures/qr-login/")
    challenge = Challenge.objects.get()
    cred = ca.issue(iin=IIN, name="A B", purpose="auth")
    signature = base64.b64encode(cred.sign(bytes(challenge.payload))).decode()
    Client().post(
        f"/signatures/phone/{challenge.token}/",
        {"signature": signature, "certificate": cred.certificate_pem},
    )
    intruder = Client()
    intruder.get("/")
    response = intruder.post(
        f"/signatures/qr-login/{challenge.pk}/complete/", HTTP_ACCEPT="application/json"
    )
    assert response.json()["code"] == "challenge_not_found"
    assert "_auth_user_id" not in intruder.session


def test_phone_page_with_signing_key_shows_translated_refusal(client: Client, ca: TestCA) -> None:
    UserFactory(iin=IIN)
    client.get("/signatures/qr-login/")
    challenge = Challenge.objects.get()
    cred = ca.issue(iin=IIN, name="A B", purpose="sign")
    signature = base64.b64encode(cred.sign(bytes(challenge.payload))).decode()
    response = Client().post(
        f"/signatures/phone/{challenge.token}/",
        {"signature": signature, "certificate": cred.certificate_pem},
    )
    assert response.status_code == 400
    assert "Бұл аутентификация сертификаты емес" in response.content.decode()  # Kazakh by default


def test_phone_page_for_unknown_token_is_404(client: Client) -> None:
    assert client.get("/signatures/phone/nope/").status_code == 404


def test_sign_widget_renders_with_payload_and_named_fields() -> None:
    from django.template.loader import render_to_string

    html = render_to_string("signatures/sign_widget.html", {"payload_b64": "eyJ9"})
    assert 'data-payload="eyJ9"' in html
    assert 'name="signature"' in html
    assert 'name="certificate"' in html
    assert "signatures/sign.js" in html
