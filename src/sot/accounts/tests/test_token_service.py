"""API tokens through the accounts services: issued for a password, audited once, revoked."""

from __future__ import annotations

import pytest
from django.contrib.auth.signals import user_logged_in
from django.test import RequestFactory
from rest_framework.authtoken.models import Token

from sot.accounts.services import InvalidCredentials, token_issue, token_revoke
from sot.core.models import AuditAction, AuditEvent

from .factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "pass-Word-123"  # the factories' password


@pytest.fixture
def request_from():
    def build(address: str = "10.1.2.3"):
        return RequestFactory().post("/api/v1/auth/token/", REMOTE_ADDR=address)

    return build


def test_a_password_gets_the_users_token_and_one_sign_in_row(request_from):
    user = UserFactory(username="clerk1")
    sent: list[object] = []

    def receiver(**kwargs: object) -> None:
        sent.append(kwargs["user"])

    user_logged_in.connect(receiver)
    try:
        token = token_issue(username="clerk1", password=PASSWORD, request=request_from())
    finally:
        user_logged_in.disconnect(receiver)

    assert token == Token.objects.get(user=user)
    assert sent == []  # authenticate() does not send it: the service writes the row itself
    row = AuditEvent.objects.get()
    assert (row.action, row.actor, row.object_id) == (AuditAction.SIGN_IN, user, str(user.pk))
    assert row.details == {"via": "api_token"}
    assert row.ip_address == "10.1.2.3"


def test_each_sign_in_returns_the_same_token_and_is_audited(request_from):
    UserFactory(username="u1")
    first = token_issue(username="u1", password=PASSWORD, request=request_from())
    second = token_issue(username="u1", password=PASSWORD, request=request_from())
    assert first.key == second.key
    assert AuditEvent.objects.filter(action=AuditAction.SIGN_IN).count() == 2


@pytest.mark.parametrize(
    ("username", "password", "is_active"),
    [
        pytest.param("u1", "wrong", True, id="wrong-password"),
        pytest.param("nobody", PASSWORD, True, id="unknown-user"),
        pytest.param("u1", PASSWORD, False, id="inactive-user"),
    ],
)
def test_a_failed_sign_in_raises_and_leaves_one_failure_row(
    request_from, username, password, is_active
):
    UserFactory(username="u1", is_active=is_active)

    with pytest.raises(InvalidCredentials) as raised:
        token_issue(username=username, password=password, request=request_from())

    assert (raised.value.code, raised.value.status) == ("invalid_credentials", 400)
    assert not Token.objects.exists()
    row = AuditEvent.objects.get()  # from user_login_failed, via sot.accounts.signin_audit
    assert (row.action, row.actor, row.object_id) == (AuditAction.SIGN_IN_FAILED, None, username)


def test_works_without_a_request():
    user = UserFactory(username="u1")
    assert token_issue(username="u1", password=PASSWORD, request=None).user == user
    assert AuditEvent.objects.get().ip_address is None


def test_revoke_deletes_the_token_and_the_next_sign_in_gets_a_new_one(request_from):
    user = UserFactory(username="u1")
    old = token_issue(username="u1", password=PASSWORD, request=request_from())

    token_revoke(user=user)

    assert not Token.objects.filter(user=user).exists()
    assert token_issue(username="u1", password=PASSWORD, request=request_from()).key != old.key


def test_revoking_without_a_token_is_fine():
    user = UserFactory()
    token_revoke(user=user)
    assert not Token.objects.exists()
