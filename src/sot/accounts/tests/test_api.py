"""API tokens and /api/v1/me/."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle

from sot.accounts.roles import Role
from sot.core.models import AuditAction, AuditEvent
from sot.core.tests.api_assertions import assert_error
from sot.courts.tests.factories import CourtFactory, JudgeFactory

from .factories import UserFactory, valid_iin

pytestmark = pytest.mark.django_db

TOKEN = "/api/v1/auth/token/"
ME = "/api/v1/me/"
PASSWORD = "pass-Word-123"  # the factories' password


@pytest.fixture(autouse=True)
def _throttle_counters():
    """Sign-in attempts are counted in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


def allowed_attempts() -> int:
    """Sign-in attempts per period at the configured rate (SOT_AUTH_THROTTLE, "10/min")."""
    allowed, _seconds = ScopedRateThrottle().parse_rate(
        str(api_settings.DEFAULT_THROTTLE_RATES["auth_token"])
    )
    assert allowed is not None
    return allowed


class TestToken:
    def test_password_gets_a_token_that_then_authenticates(self, api_client):
        user = UserFactory(username="clerk1", roles=[Role.CLERK])

        response = api_client.post(TOKEN, {"username": "clerk1", "password": PASSWORD})

        assert response.status_code == 200
        key = response.json()["token"]
        assert Token.objects.get(user=user).key == key
        assert AuditEvent.objects.filter(action=AuditAction.SIGN_IN).count() == 1  # once
        assert AuditEvent.objects.filter(
            action=AuditAction.SIGN_IN, actor=user, object_id=str(user.pk)
        ).exists()
        api_client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        assert api_client.get(ME).json()["username"] == "clerk1"

    def test_signing_in_again_returns_the_same_token(self, api_client):
        UserFactory(username="u1")
        first = api_client.post(TOKEN, {"username": "u1", "password": PASSWORD}).json()
        second = api_client.post(TOKEN, {"username": "u1", "password": PASSWORD}).json()
        assert first == second
        assert Token.objects.count() == 1

    def test_a_stale_token_header_does_not_block_signing_in(self, api_client):
        UserFactory(username="u1")
        api_client.credentials(HTTP_AUTHORIZATION="Token revoked-long-ago")
        response = api_client.post(TOKEN, {"username": "u1", "password": PASSWORD})
        assert response.status_code == 200

    @pytest.mark.parametrize(
        "credentials",
        [
            pytest.param({"username": "u1", "password": "wrong"}, id="wrong-password"),
            pytest.param({"username": "nobody", "password": PASSWORD}, id="unknown-user"),
        ],
    )
    def test_wrong_credentials_are_400_and_audited(self, api_client, credentials):
        UserFactory(username="u1")

        response = api_client.post(TOKEN, credentials, HTTP_ACCEPT_LANGUAGE="en")

        assert_error(response, 400, "invalid_credentials")
        assert not Token.objects.exists()
        failure = AuditEvent.objects.get(action=AuditAction.SIGN_IN_FAILED)
        assert failure.object_id == credentials["username"]
        assert failure.actor is None

    def test_an_inactive_user_gets_no_token(self, api_client):
        UserFactory(username="gone", is_active=False)
        response = api_client.post(TOKEN, {"username": "gone", "password": PASSWORD})
        assert_error(response, 400, "invalid_credentials")
        assert not Token.objects.exists()

    def test_missing_fields_are_named(self, api_client):
        error = assert_error(api_client.post(TOKEN, {}), 400, "validation_failed")
        assert set(error["fields"]) == {"username", "password"}

    def test_malformed_json_is_400_in_the_error_shape(self, api_client):
        response = api_client.post(TOKEN, "{not json", content_type="application/json")
        assert_error(response, 400, "parse_error")

    def test_delete_revokes_the_token(self, api_client):
        user = UserFactory()
        token = Token.objects.create(user=user)
        api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")

        response = api_client.delete(TOKEN)

        assert response.status_code == 204
        assert not Token.objects.filter(user=user).exists()
        assert_error(api_client.get(ME), 401, "authentication_failed")

    def test_delete_with_a_session_revokes_the_users_token(self, api_client):
        user = UserFactory()
        Token.objects.create(user=user)
        api_client.force_login(user)
        assert api_client.delete(TOKEN).status_code == 204
        assert not Token.objects.filter(user=user).exists()

    def test_delete_needs_a_signed_in_caller(self, api_client):
        response = api_client.delete(TOKEN)
        assert_error(response, 401, "not_authenticated")
        assert response["WWW-Authenticate"] == "Token"

    def test_get_is_not_allowed(self, api_client):
        api_client.force_login(UserFactory())
        assert_error(api_client.get(TOKEN), 405, "method_not_allowed")

    def test_attempts_over_the_rate_are_429_in_the_error_shape(self, api_client):
        UserFactory(username="u1")
        allowed = allowed_attempts()
        wrong = {"username": "u1", "password": "wrong"}
        for _ in range(allowed):
            assert_error(api_client.post(TOKEN, wrong), 400, "invalid_credentials")

        refused = api_client.post(TOKEN, {"username": "u1", "password": PASSWORD})

        assert_error(refused, 429, "throttled")
        assert int(refused["Retry-After"]) > 0
        assert not Token.objects.exists()  # not even the right password gets in now

    def test_revoking_is_not_throttled(self, api_client):
        user = UserFactory()
        allowed = allowed_attempts()
        api_client.force_login(user)
        for _ in range(allowed + 1):
            assert api_client.delete(TOKEN).status_code == 204


class TestMe:
    def test_describes_the_caller_with_a_masked_iin(self, api_client):
        court = CourtFactory()
        iin = valid_iin(77)
        user = UserFactory(
            username="clerk7",
            last_name="Сапарова",
            first_name="Айгүл",
            middle_name="Маратқызы",
            iin=iin,
            court=court,
            roles=[Role.CLERK, Role.CITIZEN],
        )
        api_client.force_login(user)

        response = api_client.get(ME)

        assert response.status_code == 200
        assert response.json() == {
            "id": user.pk,
            "username": "clerk7",
            "full_name": "Сапарова Айгүл Маратқызы",
            "roles": ["citizen", "clerk"],
            "masked_iin": "••••••••" + iin[-4:],
            "court": court.code,
            "preferred_language": "kk",
        }
        assert iin not in response.content.decode()

    def test_a_judges_court_is_the_court_they_sit_in(self, api_client):
        judge = JudgeFactory()
        judge.user.court = CourtFactory()  # a stale staff court must not win
        judge.user.save()
        api_client.force_login(judge.user)

        body = api_client.get(ME).json()

        assert body["court"] == judge.court.code
        assert body["roles"] == ["judge"]

    def test_a_citizen_without_iin_or_court(self, api_client):
        api_client.force_login(UserFactory(roles=[Role.CITIZEN]))
        body = api_client.get(ME).json()
        assert body["masked_iin"] == ""
        assert body["court"] is None

    def test_works_with_a_token(self, api_client):
        user = UserFactory()
        api_client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
        assert api_client.get(ME).json()["id"] == user.pk

    def test_anonymous_is_401_in_the_error_shape(self, api_client):
        response = api_client.get(ME)
        assert_error(response, 401, "not_authenticated")
        assert response["WWW-Authenticate"] == "Token"
