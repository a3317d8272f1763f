import pytest
from django.contrib.auth.models import Group

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.accounts.services import roles_ensure, user_create
from sot.core.errors import ValidationFailed

pytestmark = pytest.mark.django_db


def test_every_role_is_a_group():
    roles_ensure()
    assert set(Group.objects.values_list("name", flat=True)) >= set(Role.values)


def test_user_is_created_with_roles_and_kazakh_as_default_language():
    user = user_create(
        username="a.saparova",
        password="Zxcv-1234-long",
        first_name="Айгүл",
        last_name="Сапарова",
        middle_name="Нұрланқызы",
        iin="900101300017",
        roles=[Role.LAWYER],
    )
    assert user.check_password("Zxcv-1234-long")
    assert user.has_role(Role.LAWYER)
    assert not user.has_role(Role.JUDGE)
    assert user.full_name == "Сапарова Айгүл Нұрланқызы"
    assert user.preferred_language == "kk"
    assert user.masked_iin == "••••••••0017"


def test_invalid_iin_creates_no_user():
    with pytest.raises(ValidationFailed) as error:
        user_create(username="x", password=None, iin="900101300018")
    assert "iin" in error.value.fields
    assert not User.objects.filter(username="x").exists()


def test_user_without_password_cannot_sign_in():
    user = user_create(username="imported", password=None)
    assert not user.has_usable_password()
