import pytest
from django.urls import reverse

from sot.accounts.tests.factories import UserFactory
from sot.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def test_sign_in_and_failed_sign_in_are_audited(client):
    user = UserFactory(username="clerk.one")
    client.post(reverse("web:login"), {"username": "clerk.one", "password": "wrong"})
    client.post(reverse("web:login"), {"username": "clerk.one", "password": "pass-Word-123"})
    rows = list(AuditEvent.objects.order_by("pk").values_list("action", "object_id", "actor"))
    assert rows == [
        (AuditAction.SIGN_IN_FAILED, "clerk.one", None),
        (AuditAction.SIGN_IN, str(user.pk), user.pk),
    ]
