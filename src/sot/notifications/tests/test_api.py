"""The notifications API: one's own notices and contacts only; providers' signed receipts."""

from __future__ import annotations

import json

import pytest

from sot.notifications import receipts
from sot.notifications.models import Channel, DeliveryState, Notice
from sot.notifications.services import notify

from .conftest import accepted_context
from .factories import ContactPointFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice(w, smtp, django_capture_on_commit_callbacks):
    ContactPointFactory(user=w.lawyer)
    with django_capture_on_commit_callbacks(execute=True):
        return notify(
            kind="filing.accepted",
            recipients=[w.lawyer],
            case=w.case,
            context=accepted_context(w.case),
            key="a",
        )[0]


def _post_receipt(api_client, endpoint, payload, secret):
    body = json.dumps(payload).encode()
    return api_client.post(
        f"/api/v1/notifications/receipts/{endpoint}/",
        data=body,
        content_type="application/json",
        HTTP_X_SOT_SIGNATURE=receipts.sign(secret, body) if secret else "",
    )


def test_inbox_lists_my_notices_only(api_client, w, notice):
    api_client.force_authenticate(w.lawyer)
    body = api_client.get("/api/v1/notifications/inbox/").json()
    assert [n["id"] for n in body["results"]] == [notice.pk]
    assert {d["channel"] for d in body["results"][0]["deliveries"]} == {"inbox", "email"}

    api_client.force_authenticate(w.stranger)
    assert api_client.get("/api/v1/notifications/inbox/").json()["results"] == []


def test_marking_read_is_mine_only(api_client, w, notice):
    api_client.force_authenticate(w.stranger)
    assert api_client.post(f"/api/v1/notifications/inbox/{notice.pk}/read/").status_code == 404
    api_client.force_authenticate(w.lawyer)
    response = api_client.post(f"/api/v1/notifications/inbox/{notice.pk}/read/")
    assert response.status_code == 200
    assert response.json()["read_at"]
    inbox = notice.deliveries.get(channel=Channel.INBOX)
    assert inbox.state == DeliveryState.READ


def test_a_signed_receipt_marks_the_mail_delivered_and_repeats_change_nothing(api_client, notice):
    email = notice.deliveries.get(channel=Channel.EMAIL)
    payload = {"receipt_id": email.provider_id, "status": "delivered"}
    first = _post_receipt(api_client, "email", payload, "email-secret")
    assert first.status_code == 200, first.content
    assert first.json() == {"delivery": email.pk, "state": "delivered"}
    again = _post_receipt(api_client, "email", {**payload, "status": "failed"}, "email-secret")
    assert again.json()["state"] == "delivered"
    assert Notice.objects.get(pk=notice.pk).reached_at is not None


@pytest.mark.parametrize("secret", ["", "wrong", "smpp-secret"])
def test_an_unsigned_or_wrongly_signed_receipt_is_refused(api_client, notice, secret):
    email = notice.deliveries.get(channel=Channel.EMAIL)
    response = _post_receipt(
        api_client, "email", {"receipt_id": email.provider_id, "status": "delivered"}, secret
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    email.refresh_from_db()
    assert email.state == DeliveryState.SENT


def test_a_receipt_for_another_providers_delivery_is_not_found(api_client, notice):
    email = notice.deliveries.get(channel=Channel.EMAIL)
    response = _post_receipt(
        api_client, "smpp", {"receipt_id": email.provider_id, "status": "delivered"}, "smpp-secret"
    )
    assert response.status_code == 404


def test_contacts_api_refuses_a_bad_phone_clearly(api_client, w):
    api_client.force_authenticate(w.citizen)
    response = api_client.post(
        "/api/v1/notifications/contacts/", {"kind": "phone", "value": "123"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["value"]
    assert api_client.get("/api/v1/notifications/contacts/").json() == []


def test_another_persons_contact_cannot_be_verified(api_client, w):
    point = ContactPointFactory(user=w.citizen, verified_at=None)
    api_client.force_authenticate(w.stranger)
    response = api_client.post(
        f"/api/v1/notifications/contacts/{point.pk}/verify/", {"code": "123456"}, format="json"
    )
    assert response.status_code == 404


def test_push_subscription_is_registered(api_client, w):
    api_client.force_authenticate(w.citizen)
    response = api_client.post(
        "/api/v1/notifications/push-subscriptions/",
        {"endpoint": "https://push.example.kz/sub/1", "keys": {"p256dh": "BAAA", "auth": "xyz"}},
        format="json",
    )
    assert response.status_code == 201
    assert w.citizen.push_subscriptions.get().endpoint == "https://push.example.kz/sub/1"
