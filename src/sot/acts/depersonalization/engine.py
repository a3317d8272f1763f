"""Putting the detectors together: choose spans, group a person's mentions, assign placeholders."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from . import patterns, russian
from .doubt import doubtful_pieces
from .kazakh import looks_kazakh
from .kazakh_numerals import numeral_ending
from .lexicon import NOT_NAMES, official_before
from .names import Mention, Token, _in_quotes, _mention, _named_after, find_mentions, tokenize
from .participants import CONTEXT_ROLES, is_kept, participant_forms
from .types import Entity, Kind, Person, Result, Span

PERSON_PREFIX = {"kk": "ТАӘ", "ru": "ФИО"}
LABELS: dict[str, dict[str, str]] = {
    "kk": {
        Kind.IIN: "[ЖСН]",
        Kind.BIN: "[БСН]",
        Kind.ADDRESS: "[мекенжай]",
        Kind.PHONE: "[телефон]",
        Kind.EMAIL: "[e-mail]",
        Kind.PLATE: "[мемлекеттік нөмір]",
        Kind.IBAN: "[шот]",
        Kind.CARD: "[карта нөмірі]",
        Kind.DOCUMENT: "[құжат нөмірі]",
        Kind.BIRTH_DATE: "[туған күні]",
    },
    "ru": {
        Kind.IIN: "[ИИН]",
        Kind.BIN: "[БИН]",
        Kind.ADDRESS: "[адрес]",
        Kind.PHONE: "[телефон]",
        Kind.EMAIL: "[e-mail]",
        Kind.PLATE: "[госномер]",
        Kind.IBAN: "[счёт]",
        Kind.CARD: "[номер карты]",
        Kind.DOCUMENT: "[номер документа]",
        Kind.BIRTH_DATE: "[дата рождения]",
    },
}


@dataclass
class _PersonSpan:
    mention: Mention
    cluster: str = ""


def detect_language(text: str) -> str:
    return "kk" if looks_kazakh(text) else "ru"


def _natasha_mentions(text: str, tokens: list[Token], taken: list[Mention]) -> list[Mention]:
    pieces = doubtful_pieces(text, tokens, taken)
    if not pieces:
        return []
    found = []
    for start, end in russian.person_spans(text, pieces):
        if any(m.start < end and start < m.end for m in taken):
            continue
        tokens = [t for t in tokenize(text[start:end]) if t.is_capitalised]
        tokens = [t for t in tokens if t.is_initial or t.text.lower() not in NOT_NAMES]
        if not tokens or all(t.is_initial for t in tokens):
            continue
        for token in tokens:
            token.start += start
            token.end += start
        first, last = tokens[0].start, tokens[-1].end
        if _in_quotes(text, first) or _named_after(text, first, last):
            continue
        found.append(_mention(tokens))
    return found


def _clusters(mentions: list[Mention]) -> list[str]:
    """One key per mention; mentions of one person share it.

    Two people may share a surname (spouses, parent and child): initials tell them apart. A bare
    surname goes to the first person with that surname.
    """
    keys: list[str] = []
    by_base: dict[str, list[str]] = {}
    for mention in mentions:
        if mention.participant is not None:
            keys.append(f"p{mention.participant}")
            continue
        base = mention.surname_base or "?"
        seen = by_base.setdefault(base, [])
        if mention.initial:
            key = f"s:{base}:{mention.initial}"
            if key not in seen:
                # An earlier bare mention of this surname was this person.
                bare = f"s:{base}:"
                if bare in seen:
                    seen.remove(bare)
                    keys[:] = [key if k == bare else k for k in keys]
                seen.append(key)
        else:
            key = seen[0] if seen else f"s:{base}:"
            if not seen:
                seen.append(key)
        keys.append(key)
    return keys


def _choose(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, longer first; persons give way to addresses (streets named after people)."""
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), s.start))
    starts: list[int] = []  # chosen spans, kept sorted by start; they never overlap each other
    chosen: list[Span] = []
    for span in ordered:
        index = bisect.bisect_left(starts, span.start)
        if index > 0 and chosen[index - 1].end > span.start:
            continue
        if index < len(chosen) and chosen[index].start < span.end:
            continue
        starts.insert(index, span.start)
        chosen.insert(index, span)
    return chosen


def depersonalize(
    text: str, *, lang: str = "auto", participants: Sequence[Person] | None = None
) -> Result:
    """Remove the personal data of private persons from ``text`` (issue 7, part 5)."""
    if lang not in ("kk", "ru"):
        lang = detect_language(text)
    people = list(participants or ())
    forms = participant_forms(people) if people else None
    tokens = tokenize(text)
    mentions = find_mentions(text, participant_forms=forms, tokens=tokens)
    if lang == "ru":
        extra = _natasha_mentions(text, tokens, mentions)
        mentions = sorted(mentions + extra, key=lambda m: m.start)
    keys = _clusters(mentions)
    kept: set[str] = set()
    previous_end = 0
    for mention, key in zip(mentions, keys, strict=True):
        if mention.participant is not None:
            person = people[mention.participant]
            # A representative may be an advocate acting in office: the text says which.
            if is_kept(person) or (
                person.role.strip().lower() in CONTEXT_ROLES
                and official_before(text, mention.start, not_before=previous_end)
            ):
                kept.add(key)
        elif official_before(text, mention.start, not_before=previous_end):
            kept.add(key)
        previous_end = mention.end
    spans = patterns.find_patterned(text)
    person_keys: dict[tuple[int, int], tuple[str, Mention]] = {}
    for mention, key in zip(mentions, keys, strict=True):
        if key in kept:
            continue
        spans.append(Span(mention.start, mention.end, Kind.PERSON, key))
        person_keys[(mention.start, mention.end)] = (key, mention)
    chosen = _choose(spans)
    return _render(text, chosen, person_keys, lang)


def _render(
    text: str,
    spans: list[Span],
    person_keys: dict[tuple[int, int], tuple[str, Mention]],
    lang: str,
) -> Result:
    numbers: dict[str, int] = {}
    entities: list[Entity] = []
    parts: list[str] = []
    cursor = 0
    for span in spans:
        if span.kind == Kind.PERSON:
            key, mention = person_keys[(span.start, span.end)]
            number = numbers.setdefault(key, len(numbers) + 1)
            replacement = f"{PERSON_PREFIX[lang]}-{number}"
            ending = mention.tokens[-1].ending if mention.tokens else ""
            if lang == "kk" and ending:
                replacement += "-" + numeral_ending(number, ending)
        else:
            replacement = LABELS[lang][span.kind]
        entities.append(Entity(span.start, span.end, span.kind, replacement))
        parts.append(text[cursor : span.start])
        parts.append(replacement)
        cursor = span.end
    parts.append(text[cursor:])
    return Result("".join(parts), entities)
