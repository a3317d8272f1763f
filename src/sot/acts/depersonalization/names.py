"""Finding names of people by their shape, in Kazakh and Russian.

A name in an act is a short run of capitalised words and initials: ``Иванов И.И.``,
``И.И. Иванов``, ``Ахметов Нұрлан Серікұлы``, ``Н.С. Ахметовке``. Each word is classified by its
ending (surname ``-ов/-ева/-ина``, patronymic ``-ович/-овна/-ұлы/-қызы``) or by the given-name list,
after stripping Kazakh case endings; a run becomes a mention when it carries enough evidence.
Bare surnames count when a private-party role precedes them (``истец Иванов``) or when the same
surname was already found in a full form earlier or later in the act.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from .kazakh import strip_case_ending
from .lexicon import (
    NAMED_AFTER_AFTER,
    NAMED_AFTER_BEFORE,
    NOT_NAMES,
    PRIVATE_ROLE,
    given_name_forms,
    is_role_word,
)
from .morphology import is_common_word as _is_common_word

UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
# Only capitalised words and initials become tokens: a lower-case word is never part of a name, and
# the gap test in ``_adjacent`` still sees it between two tokens.
_TOKEN = re.compile(
    rf"(?<![^\W\d_])(?:(?P<initial>[{UPPER}]\.)|(?P<word>[{UPPER}][^\W\d_]*(?:[-'’][^\W\d_]+)*))"
)
_SPACE_GAP = re.compile(r"[ \t\u00a0]*")

SURNAME = "S"
GIVEN = "G"
PATRONYMIC = "P"
INITIAL = "I"

_PATRONYMIC = re.compile(
    r"(?:ович|евич|ьич|ич)(?:а|у|ем|е)?$|(?:овн|евн|ичн)(?:а|ы|е|у|ой)$|(?:ұлы|қызы|улы|кызы)$"
)
_NEW_STYLE = re.compile(r"(?:ұлы|қызы|улы|кызы)$")
_SURNAME = re.compile(
    r"..(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ом|е|ой|ых|ыми)?$"
    r"|..(?:ск|цк)(?:ий|ая|ого|ому|им|ом|ой|ую|ие)$"
    r"|..(?:енко|чук|щук|юк|ян|янц|дзе|швили|ич)$"
)
_SURNAME_BASE = re.compile(r"^(.*?(?:ов|ев|ёв|ин|ын))(?:а|у|ым|ом|е|ой|ых|ыми)?$")
_SK_BASE = re.compile(r"^(.*?(?:ск|цк))(?:ий|ая|ого|ому|им|ом|ой|ую|ие)$")


@dataclass
class Token:
    start: int
    end: int
    text: str
    is_initial: bool
    cats: set[str] = field(default_factory=set)
    # Lower-case forms to look up: the word and its stems without Kazakh case endings.
    stems: list[str] = field(default_factory=list)
    participants: set[int] = field(default_factory=set)
    # The Kazakh case ending the classification had to strip (``ке`` in ``Ахметовке``).
    ending: str = ""
    is_capitalised: bool = False


@dataclass
class Mention:
    start: int
    end: int
    surname_base: str = ""
    initial: str = ""
    participant: int | None = None
    tokens: list[Token] = field(default_factory=list)


@lru_cache(maxsize=65536)
def surname_base(word: str) -> str:
    """``Иванова``, ``Иванову``, ``Ивановым`` → ``иванов``; ``Ахметовке`` → ``ахметов``."""
    lower = word.lower()
    candidates = [lower] + [stem for stem, _ in strip_case_ending(lower)]
    for candidate in candidates:
        for pattern in (_SURNAME_BASE, _SK_BASE):
            match = pattern.match(candidate)
            if match:
                return match.group(1)
        if _NEW_STYLE.search(candidate):
            return candidate
    return lower


def _classify(word: str) -> tuple[set[str], list[str], str]:
    cats, stems, ending = _classify_cached(word)
    return set(cats), list(stems), ending


@lru_cache(maxsize=65536)
def _classify_cached(word: str) -> tuple[frozenset[str], tuple[str, ...], str]:
    cats, stems, ending = _classify_uncached(word)
    return frozenset(cats), tuple(stems), ending


def _classify_uncached(word: str) -> tuple[set[str], list[str], str]:
    lower = word.lower()
    stems = [lower] + [stem for stem, _ in strip_case_ending(lower)]
    if lower in NOT_NAMES or any(stem in NOT_NAMES for stem in stems[1:]) or is_role_word(word):
        return set(), stems, ""
    cats: set[str] = set()
    forms = given_name_forms()
    # "Қайратұлына" also reads as a surname in -ын(а); the patronymic with an ending is the truth.
    for stem in stems[1:]:
        if _NEW_STYLE.search(stem) and len(stem) > 5:
            return {PATRONYMIC, SURNAME}, stems, word[len(stem) :]
    for index, stem in enumerate(stems):
        if _PATRONYMIC.search(stem) and len(stem) > 5:
            cats.add(PATRONYMIC)
            if _NEW_STYLE.search(stem):
                cats.add(SURNAME)
        elif _SURNAME.search(stem):
            cats.add(SURNAME)
        if stem in forms:
            cats.add(GIVEN)
        if cats:
            # The first (longest-ending) split that reads as a name wins; shorter ones add noise.
            return cats, stems, word[len(stem) :] if index else ""
    return cats, stems, ""


def tokenize(text: str) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        is_initial = match.group("initial") is not None
        word = match.group()
        capitalised = is_initial or (word[:1].isupper() and not word.isupper())
        token = Token(match.start(), match.end(), word, is_initial, is_capitalised=capitalised)
        if is_initial:
            token.cats.add(INITIAL)
        elif token.is_capitalised:
            token.cats, token.stems, token.ending = _classify(token.text)
        elif len(word) >= 3:
            # Operative parts often write the name in capitals: "ИВАНОВА ИВАНА ИВАНОВИЧА признать".
            # Only words that read as name parts count; headings (ПРИГОВОР, УСТАНОВИЛ) do not.
            token.cats, token.stems, token.ending = _classify(word.title())
            token.is_capitalised = bool(token.cats)
        tokens.append(token)
    return tokens


def _adjacent(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end : right.start]
    return len(gap) <= 3 and _SPACE_GAP.fullmatch(gap) is not None


def _in_quotes(text: str, position: int) -> bool:
    """Inside «…» or "…" on the same line: a company or a title, never a person here."""
    line_start = text.rfind("\n", 0, position) + 1
    before = text[line_start:position]
    return before.count("«") > before.count("»") or before.count('"') % 2 == 1


def _runs(text: str, tokens: list[Token]) -> Iterable[list[Token]]:
    run: list[Token] = []
    for token in tokens:
        usable = token.is_capitalised and not (
            not token.is_initial and (token.text.lower() in NOT_NAMES or is_role_word(token.text))
        )
        if usable and run and _adjacent(text, run[-1], token):
            run.append(token)
            continue
        if run:
            yield run
        run = [token] if usable else []
    if run:
        yield run


def _split(run: list[Token]) -> list[list[Token]]:
    """Two names side by side: ``Б.С. Тайжанов А.В. Яковлеваның``, ``Иванов И.И. Петров П.П.``."""
    chunks: list[list[Token]] = []
    current: list[Token] = []
    for token in run:
        if current:
            has_initials = any(t.is_initial for t in current)
            has_words = any(not t.is_initial for t in current)
            if (token.is_initial and not current[-1].is_initial and has_initials) or (
                not token.is_initial and current[-1].is_initial and has_words
            ):
                chunks.append(current)
                current = []
        current.append(token)
    if current:
        chunks.append(current)
    return chunks


def _evidence(run: list[Token]) -> list[Token]:
    """Trim a run of capitalised words to the part that is a name (drop ``Истец`` in ``Истец Иванов``)."""
    keep = [False] * len(run)
    for i, token in enumerate(run):
        if token.cats or token.participants:
            keep[i] = True
            continue
        prev_cats = run[i - 1].cats if i > 0 else set()
        next_cats = run[i + 1].cats if i + 1 < len(run) else set()
        # An unknown word next to initials or a given name is a surname the rules can't see (Ким, Шевченко).
        if (
            INITIAL in prev_cats
            or INITIAL in next_cats
            or GIVEN in next_cats
            or PATRONYMIC in prev_cats
            or (GIVEN in prev_cats and not _is_common_word(token.text.lower()))
            # "Бакытжан Сагинтаев": a given name the list lacks, before a surname.
            or (
                i + 1 < len(run)
                and _STRONG_SURNAME.search(
                    run[i + 1].text.lower()[: len(run[i + 1].text) - len(run[i + 1].ending)]
                )
                and not _is_common_word(token.text.lower())
            )
        ):
            keep[i] = True
    # The longest stretch of kept tokens.
    best: list[Token] = []
    current: list[Token] = []
    for token, kept in zip(run, keep, strict=True):
        if kept:
            current.append(token)
            if len(current) > len(best):
                best = list(current)
        else:
            current = []
    return best


def _is_name(tokens: list[Token]) -> bool:
    cats = [token.cats for token in tokens]
    words = [c for c, t in zip(cats, tokens, strict=True) if not t.is_initial]
    initials = len(tokens) - len(words)
    if not words:
        return False
    if any(token.participants for token in tokens):
        return True
    if initials and words:
        return True
    if 2 <= len(words) <= 3 and not any(c for c in words):
        return True  # only reached through _unknown_name_after_role
    if len(words) >= 2 and any(c & {SURNAME, PATRONYMIC, GIVEN} for c in words):
        return any(SURNAME in c or PATRONYMIC in c for c in words) or (
            sum(GIVEN in c for c in words) >= 1
        )
    return False


def _mention(tokens: list[Token]) -> Mention:
    mention = Mention(tokens[0].start, tokens[-1].end, tokens=tokens)
    words = [t for t in tokens if not t.is_initial]
    surname = next((t for t in words if SURNAME in t.cats and PATRONYMIC not in t.cats), None)
    if surname is None:
        unknown = [t for t in words if not t.cats]
        surname = unknown[0] if unknown else None
    if surname is None:
        surname = next((t for t in words if SURNAME in t.cats), None)
    if surname is None and words and GIVEN not in words[-1].cats:
        surname = words[-1]
    mention.surname_base = surname_base(surname.text) if surname else ""
    given = next((t for t in tokens if t.is_initial or GIVEN in t.cats), None)
    if given is not None and given is not surname:
        mention.initial = given.text[0].upper()
    participants = [t.participants for t in tokens if t.participants]
    if participants:
        common = set.intersection(*participants)
        mention.participant = min(common) if common else min(participants[0])
    return mention


def _named_after(text: str, start: int, end: int) -> bool:
    return bool(
        NAMED_AFTER_BEFORE.search(text[max(0, start - 10) : start])
        or NAMED_AFTER_AFTER.search(text[end : end + 20])
    )


_STRONG_SURNAME = re.compile(r"..(?:ов|ев|ёв|ин)(?:а|у|ым|ом|е|ой)?$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;«\"(\n]\s*|\d\)\s*)$")
_PLACE_BEFORE = re.compile(r"(?:г\.|с\.|п\.|пос\.|ул\.|қ\.|им\.|город\w*|сел\w*|облыс\w*)\s*$")


def _mid_sentence_surname(text: str, token: Token) -> bool:
    """A capitalised ``-ов/-ева/-ин`` word inside a sentence is a surname (Kazakh case endings allowed)."""
    stem = token.text.lower()[: len(token.text) - len(token.ending)]
    if not _STRONG_SURNAME.search(stem):
        return False
    before = text[max(0, token.start - 12) : token.start]
    return not _SENTENCE_START.search(before) and not _PLACE_BEFORE.search(before)


_PLACE_AFTER = re.compile(
    r"^[\s«»\"]*(?:аудан\w*|облыс\w*|ауыл\w*|қала\w*|көше\w*|даңғыл\w*|атындағы|район\w*|"
    r"област\w*|город\w*|улиц\w*|проспект\w*|поселк\w*|сел\w*|мкр|микрорайон\w*|шағын|"
    r"университет\w*|мектеб\w*|мектеп\w*|школ\w*|ЖШС|ТОО|АҚ|АО|ЖК|ИП)",
    re.IGNORECASE,
)


def _lone_given_name(text: str, token: Token) -> bool:
    """``кәмелетке толмаған Әлихан``: a listed given name inside a sentence, not a place's name."""
    if GIVEN not in token.cats or token.cats & {SURNAME, PATRONYMIC}:
        return False
    if _is_common_word(token.text.lower()):
        return False  # Вера, Надежда, Любовь, Роман … as words
    before = text[max(0, token.start - 12) : token.start]
    if _SENTENCE_START.search(before) or _PLACE_BEFORE.search(before):
        return False
    return not _PLACE_AFTER.search(text[token.end : token.end + 16])


def _unknown_name_after_role(text: str, run: list[Token]) -> list[Token]:
    """``сотталушы Ерсұлтан Сапарбек``: two or three unlisted words right after a party's role."""
    if not 2 <= len(run) <= 3 or any(t.is_initial for t in run):
        return []
    if any(_is_common_word(t.text.lower()) for t in run):
        return []
    return run if _private_role_before(text, run[0].start) else []


def _private_role_before(text: str, start: int) -> bool:
    return bool(PRIVATE_ROLE.search(text[max(0, start - 40) : start]))


def find_mentions(
    text: str,
    *,
    participant_forms: Mapping[str, set[int]] | None = None,
    extra_bases: Iterable[str] = (),
    tokens: list[Token] | None = None,
) -> list[Mention]:
    """Person mentions by shape, plus bare surnames seen elsewhere in full form."""
    if tokens is None:
        tokens = tokenize(text)
    if participant_forms:
        for token in tokens:
            if token.is_capitalised and not token.is_initial:
                for stem in token.stems or [token.text.lower()]:
                    token.participants |= participant_forms.get(stem, set())
    mentions: list[Mention] = []
    used: set[int] = set()
    chunks = [chunk for run in _runs(text, tokens) for chunk in _split(run)]
    for chunk in chunks:
        part = _evidence(chunk) or _unknown_name_after_role(text, chunk)
        if not part:
            continue
        start, end = part[0].start, part[-1].end
        if _in_quotes(text, start) or _named_after(text, start, end):
            continue
        single_surname = len(part) == 1 and SURNAME in part[0].cats
        if (
            _is_name(part)
            or (
                single_surname
                and (_private_role_before(text, start) or _mid_sentence_surname(text, part[0]))
            )
            or (len(part) == 1 and _lone_given_name(text, part[0]))
        ):
            mentions.append(_mention(part))
            used.update(id(t) for t in part)
    # Second pass: bare surnames already known from a full mention.
    known = {m.surname_base for m in mentions if m.surname_base} | set(extra_bases)
    for token in tokens:
        if id(token) in used or token.is_initial or not token.is_capitalised:
            continue
        if token.text.lower() in NOT_NAMES:
            continue
        base = surname_base(token.text)
        stems = {base, *token.stems}
        if stems & known and not _in_quotes(text, token.start):
            if _named_after(text, token.start, token.end):
                continue
            mention = _mention([token])
            mention.surname_base = next(iter(stems & known))
            mentions.append(mention)
    mentions.sort(key=lambda m: m.start)
    return mentions
