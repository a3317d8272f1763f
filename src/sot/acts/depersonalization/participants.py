"""Case forms of the participants' names, so every mention of a known person is found.

Russian forms come from pymorphy3's lexemes (surname, given name and patronymic paradigms), plus
rule-made forms for names pymorphy3 does not know (most Kazakh ones). Kazakh case endings are not
generated: the matcher strips them from the text instead (``kazakh.strip_case_ending``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lexicon import given_name_forms
from .morphology import analyzer
from .names import _PATRONYMIC, _SURNAME, surname_base
from .types import Person

# Roles whose names stay in the published act: they act in office (issue 7, part 5).
KEPT_ROLES = frozenset(
    {"judge", "secretary", "hearing_secretary", "prosecutor", "advocate", "defender", "court"}
)

# Roles that may or may not be an office: the role word in the text decides (адвокат → kept).
CONTEXT_ROLES = frozenset({"", "representative", "other"})

_SURNAME_ENDINGS = ("", "а", "у", "ым", "ом", "е", "ой", "ых", "ыми", "ою")
_PATRONYMIC_ENDINGS_M = ("", "а", "у", "ем", "е")
_PATRONYMIC_ENDINGS_F = ("а", "ы", "е", "у", "ой")
_GIVEN_ENDINGS = ("", "а", "у", "ом", "ем", "е", "ы", "и", "ой", "ей", "я", "ю")


def _pymorphy_forms(word: str, grammeme: str) -> set[str]:
    forms: set[str] = set()
    for parse in analyzer().parse(word):
        if grammeme in parse.tag:
            forms.update(form.word for form in parse.lexeme)
    return forms


def _surname_forms(word: str) -> set[str]:
    lower = word.lower()
    base = surname_base(lower)
    forms = {lower, base} | _pymorphy_forms(lower, "Surn")
    if base != lower or _SURNAME.search(lower):
        forms.update(base + ending for ending in _SURNAME_ENDINGS)
    return forms


def _patronymic_forms(word: str) -> set[str]:
    lower = word.lower()
    forms = {lower} | _pymorphy_forms(lower, "Patr")
    if lower.endswith("ич"):
        forms.update(lower + ending for ending in _PATRONYMIC_ENDINGS_M)
    elif lower.endswith("на"):
        forms.update(lower[:-1] + ending for ending in _PATRONYMIC_ENDINGS_F)
    return forms


def _given_forms(word: str) -> set[str]:
    lower = word.lower()
    forms = {lower} | _pymorphy_forms(lower, "Name")
    stem = lower[:-1] if lower.endswith(("а", "я", "й", "ь")) else lower
    forms.update(stem + ending for ending in _GIVEN_ENDINGS)
    return forms


def split_name(name: str) -> tuple[str, str, str]:
    """(surname, given, patronymic) of a full name in either order Kazakh courts write it."""
    words = name.replace(".", ". ").split()
    words = [w for w in words if len(w.rstrip(".")) > 1]
    if not words:
        return "", "", ""
    if len(words) == 1:
        return words[0], "", ""
    last = words[-1].lower()
    first = words[0].lower()
    if not _PATRONYMIC.search(last) and first in given_name_forms() and _SURNAME.search(last):
        # Given (patronymic) surname: "Иван Петрович Сидоров".
        return words[-1], words[0], " ".join(words[1:-1])
    return words[0], words[1], " ".join(words[2:])


_ORGANISATION = re.compile(
    r"[«»\"\d]|\b(?:ТОО|АО|ГУ|ИП|ЖШС|АҚ|ЖК|МҚҰ|КЕАҚ|НАО|РГП|ГКП|МКК|банк\w*|департамент\w*)\b",
    re.IGNORECASE,
)


def is_individual(person: Person) -> bool:
    """A person's name: one to four capitalised words, no quotes, digits or legal forms."""
    words = person.name.split()
    return (
        0 < len(words) <= 4
        and all(word[:1].isupper() for word in words)
        and not _ORGANISATION.search(person.name)
    )


def participant_forms(participants: Sequence[Person]) -> dict[str, set[int]]:
    """Lower-case word form → indexes of the participants it can belong to."""
    table: dict[str, set[int]] = {}
    for index, person in enumerate(participants):
        if not is_individual(person):
            continue
        surname, given, patronymic = split_name(person.name)
        forms: set[str] = set()
        if surname:
            forms |= _surname_forms(surname)
        if given:
            forms |= _given_forms(given)
        for word in patronymic.split():
            forms |= _patronymic_forms(word)
        for form in forms:
            if len(form) >= 2:
                table.setdefault(form, set()).add(index)
    return table


def participant_initials(participants: Sequence[Person]) -> list[str]:
    return [(split_name(p.name)[1][:1] or "").upper() for p in participants]


def is_kept(person: Person) -> bool:
    return person.role.strip().lower() in KEPT_ROLES
