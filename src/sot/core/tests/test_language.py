"""Kazakh by default on pages; the person's choice next; Accept-Language only for the API."""

import pytest
from django.urls import reverse

from sot.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _lang(response) -> str:
    return response.headers["Content-Language"]


def test_pages_are_kazakh_even_if_the_browser_prefers_russian(client):
    assert _lang(client.get(reverse("web:home"), HTTP_ACCEPT_LANGUAGE="ru")) == "kk"


def test_the_language_cookie_wins_on_pages(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    assert _lang(client.get(reverse("web:home"))) == "ru"


def test_signed_in_users_get_their_preferred_language(client):
    client.force_login(UserFactory(preferred_language="en"))
    assert _lang(client.get(reverse("web:home"))) == "en"


def test_api_honours_accept_language(client):
    response = client.get("/api/v1/courts/", HTTP_ACCEPT_LANGUAGE="ru")
    assert _lang(response) == "ru"
    assert _lang(client.get("/api/v1/courts/")) == "kk"
