from __future__ import annotations

import random
from datetime import date

from sot.core.iin import iin_birth_date, is_valid_bin, is_valid_iin
from sot.seeding.names import organisation_name, person_name
from sot.seeding.people import IdentityRegister, person_make, population_make

TODAY = date(2026, 6, 15)


def test_iins_are_valid_unique_and_encode_birth_date_and_sex():
    rng = random.Random(3)
    register = IdentityRegister(rng)
    people = [person_make(rng, register, TODAY) for _ in range(2000)]
    assert len({p.iin for p in people}) == len(people)
    for person in people:
        assert is_valid_iin(person.iin)
        assert iin_birth_date(person.iin) == person.born
        assert int(person.iin[6]) % 2 == (0 if person.is_female else 1)
        assert 18 <= (TODAY - person.born).days // 365 <= 80


def test_bins_are_valid_with_an_entity_type():
    register = IdentityRegister(random.Random(5))
    bins = [register.bin(date(2010, 5, 1), entity_type=t) for t in (4, 5, 6) for _ in range(300)]
    assert all(is_valid_bin(b) for b in bins)
    assert all(b.startswith("1005") for b in bins)
    assert len(set(bins)) == len(bins)


def test_population_pools_are_parallel_and_valid():
    pool = population_make(random.Random(1), IdentityRegister(random.Random(2)), TODAY, 500, 80)
    assert len(pool.person_names) == len(pool.person_iins) == 500
    assert len(pool.org_names) == len(pool.org_bins) == 80
    assert all(is_valid_iin(i) for i in pool.person_iins)
    assert all(is_valid_bin(b) for b in pool.org_bins)


def test_names_follow_gender_and_tradition():
    rng = random.Random(9)
    for _ in range(500):
        surname, given, patronymic = person_name(rng, is_female=True)
        assert surname
        assert given
        assert patronymic
        assert patronymic.endswith(("қызы", "овна", "евна", "вна"))
        if surname.endswith(("в", "н")) and not surname.endswith("ин"):
            # A declined surname has its feminine form (Нұрланова, not Нұрланов).
            assert surname in {"Ким", "Пак", "Ли", "Цой", "Тен", "Шмидт", "Вагнер"}
        male = person_name(rng, is_female=False)
        assert male[2].endswith(("ұлы", "ович", "евич", "ич"))
    kazakh = [person_name(rng, False)[0] for _ in range(300)]
    assert any(name.endswith("ов") and any(c in name for c in "әғқңөұүһі") for name in kazakh)


def test_names_are_deterministic():
    assert [person_name(random.Random(4), True) for _ in range(3)] == [
        person_name(random.Random(4), True) for _ in range(3)
    ]
    assert organisation_name(random.Random(1)) == organisation_name(random.Random(1))
