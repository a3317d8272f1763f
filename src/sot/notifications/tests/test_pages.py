"""The Court Cabinet's notices pages."""

from __future__ import annotations

import pytest

from sot.notifications.models import ContactPoint, Notice
from sot.notifications.services import notify

pytestmark = pytest.mark.django_db

CONTEXT = {"act_number": "12", "case_number": "2-12/26"}


@pytest.fixture
def notice(w):
    return notify(
        kind="act.published", recipients=[w.citizen], case=w.case, context=CONTEXT, key="p"
    )[0]


def test_the_inbox_page_lists_and_marks_read(client, w, notice):
    client.force_login(w.citizen)
    page = client.get("/notifications/")
    assert page.status_code == 200
    assert notice.subject in page.content.decode()
    response = client.post(f"/notifications/{notice.pk}/read/")
    assert response.status_code == 302
    assert Notice.objects.get(pk=notice.pk).read_at is not None


def test_someone_elses_notice_is_404(client, w, notice):
    client.force_login(w.stranger)
    assert notice.subject not in client.get("/notifications/").content.decode()
    assert client.post(f"/notifications/{notice.pk}/read/").status_code == 404
    assert Notice.objects.get(pk=notice.pk).read_at is None


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get("/notifications/").status_code == 302


def test_a_bad_phone_is_shown_on_the_form(client, w):
    client.force_login(w.citizen)
    page = client.post(
        "/notifications/contacts/", {"kind": "phone", "value": "555", "is_opted_in": "on"}
    )
    assert page.status_code == 200
    assert "+7" in page.content.decode()
    assert not ContactPoint.objects.exists()


def test_navigation_offers_the_page(client, w):
    client.force_login(w.citizen)
    assert 'href="/notifications/"' in client.get("/notifications/contacts/").content.decode()
