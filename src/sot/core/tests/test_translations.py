"""Kazakh is the state language: every user-facing string must exist in kk and ru (en is the source)."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]")


def _catalogue(lang: str):
    path = Path(settings.LOCALE_PATHS[0]) / lang / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"missing catalogue {path}"
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def _strings(message) -> list[str]:
    if isinstance(message, list | tuple):
        return [m for m in message if m is not None]
    return [message]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_message_is_translated(lang):
    catalogue = _catalogue(lang)
    untranslated = [
        m.id
        for m in catalogue
        if m.id and (m.fuzzy or not all(s.strip() for s in _strings(m.string)))
    ]
    assert len(catalogue) > 50
    assert untranslated == []


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_translations_keep_the_placeholders(lang):
    catalogue = _catalogue(lang)
    broken = [
        message.id
        for message in catalogue
        if message.id
        for translated in _strings(message.string)
        if translated
        and set(PLACEHOLDER.findall(translated))
        != set(PLACEHOLDER.findall(" ".join(_strings(message.id))))
    ]
    assert broken == []
