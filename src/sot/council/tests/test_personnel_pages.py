"""Pages for judges' electronic personal records and the personnel reserve (Art. 3 §1.15–17)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.council.models import PersonalRecordEntry, ReserveEntry
from sot.courts.tests.factories import JudgeFactory

pytestmark = pytest.mark.django_db


def test_art_3_1_16_secretariat_includes_a_judge_in_the_reserve_once(client, council):
    judge = JudgeFactory()
    client.force_login(council.secretary.user)
    body = {"judge": judge.user.username, "post": "district_chair", "included_on": "2026-01-10"}
    client.post(reverse("council:reserve_include"), body)
    client.post(reverse("council:reserve_include"), body)
    assert ReserveEntry.objects.filter(judge=judge).count() == 1
    page = client.get(reverse("council:personnel"))
    assert judge.user.full_name in page.content.decode()


def test_art_3_1_16_reserve_refuses_an_unknown_court_and_other_users(client, council):
    judge = JudgeFactory()
    body = {
        "judge": judge.user.username,
        "post": "district_chair",
        "included_on": "2026-01-10",
        "court_code": "NO-SUCH",
    }
    client.force_login(council.secretary.user)
    client.post(reverse("council:reserve_include"), body)
    client.force_login(council.members[1].user)
    assert client.post(reverse("council:reserve_include"), body).status_code == 403
    assert client.get(reverse("council:personnel")).status_code == 403
    assert not ReserveEntry.objects.exists()


def test_art_3_1_15_record_kept_by_the_secretariat_read_by_the_judge_alone(client, council):
    judge, other = JudgeFactory(), JudgeFactory()
    client.force_login(council.secretary.user)
    found = client.get(reverse("council:personnel"), {"judge": judge.user.username})
    assert found["Location"] == reverse("council:personal_record", args=[judge.pk])
    add = reverse("council:personal_record_add", args=[judge.pk])
    client.post(add, {"kind": "award", "on": "2025-12-01", "text": "Медаль"})
    client.post(add, {"kind": "award", "on": "2025-12-01", "text": "Медаль"})
    client.post(add, {"kind": "award", "on": "not a date", "text": "x"})
    assert list(PersonalRecordEntry.objects.values_list("text", flat=True)) == ["Медаль"]

    client.force_login(judge.user)
    assert client.get(reverse("council:my_record"))["Location"] == reverse(
        "council:personal_record", args=[judge.pk]
    )
    own = client.get(reverse("council:personal_record", args=[judge.pk]))
    assert "Медаль" in own.content.decode()
    assert 'name="text"' not in own.content.decode()  # read only
    assert client.get(reverse("council:personal_record", args=[other.pk])).status_code == 404
    assert client.post(add, {"kind": "award", "on": "2025-12-02", "text": "x"}).status_code == 403
    client.force_login(UserFactory(roles=[Role.CITIZEN]))
    assert client.get(reverse("council:my_record")).status_code == 404
