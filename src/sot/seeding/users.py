"""Seeded user accounts, written in bulk with their roles.

Every seeded account has an e-mail address under ``SEED_EMAIL_DOMAIN`` (a reserved example
domain, so nothing is ever sent): that is how ``sot seed --reset`` tells seeded accounts from real
ones. Only the demo accounts can sign in; every other seeded account gets an unusable password
(Django's "!" prefix), drawn from the seeded random generator so runs stay identical.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.hashers import make_password

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.accounts.services import roles_ensure

from .people import IdentityRegister, Person, person_make
from .writers import BulkWriter, next_id

SEED_EMAIL_DOMAIN = "seed.sot.example"
_ALPHABET = string.ascii_letters + string.digits


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    name: str
    iin: str


class UserRows:
    """Allocates ids and writes ``accounts_user`` rows plus their group memberships."""

    def __init__(
        self,
        writer: BulkWriter,
        rng: random.Random,
        register: IdentityRegister,
        joined: str,
        today_ordinal: int,
    ) -> None:
        self.rng = rng
        self.register = register
        self.joined = joined
        self.today_ordinal = today_ordinal
        self.users = writer.table(
            User,
            (
                "id",
                "password",
                "is_superuser",
                "username",
                "first_name",
                "last_name",
                "middle_name",
                "email",
                "is_staff",
                "is_active",
                "date_joined",
                "iin",
                "phone",
                "preferred_language",
                "court_id",
            ),
        )
        through = User.groups.through
        self.memberships = writer.table(through, ("id", "user_id", "group_id"))
        self.groups: dict[str, int] = {name: g.pk for name, g in roles_ensure().items()}
        self.next_user = next_id(User)
        self.next_membership = next_id(through)
        self._hashes: dict[str, str] = {}
        self.count = 0

    def _unusable(self) -> str:
        return "!" + "".join(self.rng.choice(_ALPHABET) for _ in range(40))

    def _hash(self, password: str) -> str:
        """One PBKDF2 run per distinct demo password, with a salt from the seeded generator."""
        encoded = self._hashes.get(password)
        if encoded is None:
            salt = "".join(self.rng.choice(_ALPHABET) for _ in range(22))
            encoded = self._hashes[password] = make_password(password, salt=salt)
        return encoded

    def person(self, oldest: int = 65, youngest: int = 23) -> Person:
        return person_make(
            self.rng, self.register, date.fromordinal(self.today_ordinal), youngest, oldest
        )

    def add(
        self,
        *,
        username: str,
        person: Person,
        roles: tuple[Role, ...],
        court_id: int | None = None,
        password: str | None = None,
        is_staff: bool = False,
        is_superuser: bool = False,
        language: str | None = None,
    ) -> Account:
        user_id = self.next_user
        self.next_user += 1
        if language is None:
            language = "kk" if self.rng.random() < 0.6 else "ru"
        phone = f"+7 7{self.rng.randrange(0, 100):02d} {self.rng.randrange(1_000_000, 10_000_000)}"
        self.users.add(
            (
                user_id,
                self._hash(password) if password else self._unusable(),
                is_superuser,
                username,
                person.given,
                person.surname,
                person.patronymic,
                f"{username}@{SEED_EMAIL_DOMAIN}",
                is_staff,
                True,
                self.joined,
                person.iin,
                phone,
                language,
                court_id,
            )
        )
        for role in roles:
            self.memberships.add((self.next_membership, user_id, self.groups[str(role)]))
            self.next_membership += 1
        self.count += 1
        return Account(user_id, username, person.name, person.iin)


def seeded_users() -> list[int]:
    """Ids of every account the seeder made."""
    return list(
        User.objects.filter(email__endswith=f"@{SEED_EMAIL_DOMAIN}").values_list("pk", flat=True)
    )
