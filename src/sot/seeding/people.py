"""Synthetic identities: people with valid IINs and organisations with valid BINs.

An IIN is the birth date (YYMMDD), a digit for century and sex (3/4: born in the 1900s, 5/6: in
the 2000s; odd for men), a four-digit serial and the check digit. A BIN is the registration year
and month (YYMM), the entity type (4: resident legal entity, 5: foreign one, 6: joint venture),
an attribute digit (0: head office, 1: branch), a five-digit serial and the check digit.
Prefixes whose check digit would be 10 have no valid number: the serial is drawn again.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from sot.core.iin import complete_iin

from .names import BANK_NAMES, full_name, organisation_name, person_name


@dataclass
class IdentityRegister:
    """Hands out IINs and BINs, each one once, so no two synthetic identities share a number."""

    rng: random.Random
    used: set[str] = field(default_factory=set)

    def iin(self, born: date, is_female: bool) -> str:
        century_sex = (3 if born.year < 2000 else 5) + (1 if is_female else 0)
        prefix = f"{born:%y%m%d}{century_sex}"
        while True:
            candidate = complete_iin(f"{prefix}{self.rng.randrange(10000):04d}")
            if candidate is not None and candidate not in self.used:
                self.used.add(candidate)
                return candidate

    def bin(self, registered: date, entity_type: int = 4, branch: bool = False) -> str:
        prefix = f"{registered:%y%m}{entity_type}{1 if branch else 0}"
        while True:
            candidate = complete_iin(f"{prefix}{self.rng.randrange(100000):05d}")
            if candidate is not None and candidate not in self.used:
                self.used.add(candidate)
                return candidate


def birth_date(rng: random.Random, youngest: int, oldest: int, today: date) -> date:
    """A birth date for someone aged between ``youngest`` and ``oldest`` years on ``today``."""
    days = rng.randrange(youngest * 365, oldest * 365)
    return today - timedelta(days=days)


@dataclass(frozen=True)
class Person:
    surname: str
    given: str
    patronymic: str
    iin: str
    is_female: bool
    born: date

    @property
    def name(self) -> str:
        return full_name((self.surname, self.given, self.patronymic))


def person_make(
    rng: random.Random,
    register: IdentityRegister,
    today: date,
    youngest: int = 18,
    oldest: int = 80,
) -> Person:
    is_female = rng.random() < 0.5
    surname, given, patronymic = person_name(rng, is_female)
    born = birth_date(rng, youngest, oldest, today)
    return Person(surname, given, patronymic, register.iin(born, is_female), is_female, born)


@dataclass
class Population:
    """Pools the case generator draws parties from, as parallel lists (cheap to index).

    People recur: a pool smaller than the number of party seats means some appear in several cases,
    as debtors and repeat litigants do. Lenders recur far more: the first organisations are banks
    and collectors, drawn for a large share of civil claims.
    """

    person_names: list[str]
    person_iins: list[str]
    org_names: list[str]
    org_bins: list[str]
    lender_count: int


def population_make(
    rng: random.Random, register: IdentityRegister, today: date, people: int, organisations: int
) -> Population:
    names: list[str] = []
    iins: list[str] = []
    for _ in range(people):
        is_female = rng.random() < 0.5
        parts = person_name(rng, is_female)
        names.append(full_name(parts))
        iins.append(register.iin(birth_date(rng, 18, 80, today), is_female))
    org_names = list(BANK_NAMES)
    org_bins = [
        register.bin(birth_date(rng, 5, 30, today), entity_type=4) for _ in range(len(org_names))
    ]
    for _ in range(max(organisations - len(org_names), 0)):
        org_names.append(organisation_name(rng))
        entity_type = 4 if rng.random() < 0.9 else rng.choice((5, 6))
        registered = birth_date(rng, 1, 30, today)
        org_bins.append(register.bin(registered, entity_type, branch=rng.random() < 0.1))
    return Population(names, iins, org_names, org_bins, lender_count=len(BANK_NAMES))
