"""The one analyzer: text → terms, identical for indexing and querying."""

import functools
from dataclasses import dataclass

from . import kazakh, russian
from .language import KAZAKH_LETTERS, Language, detect_language
from .normalize import WORD, normalize, split_words
from .transliterate import KAZAKH_LATIN_MARKS, is_latin, to_cyrillic


@dataclass(frozen=True)
class Token:
    """A term with its word position (for phrases) and character span in the normalised text
    (NFKC keeps offsets for the scripts used here, so spans also fit the original for highlighting)."""

    term: str
    position: int
    start: int
    end: int


@dataclass(frozen=True)
class QueryTerm:
    """One query word and the terms it may have been indexed as (any of them matches)."""

    word: str
    position: int
    alternatives: frozenset[str]


def _kazakh_term(word: str) -> str:
    if is_latin(word):
        word = to_cyrillic(word)
    return kazakh.stem(word)


# Court acts reuse a small vocabulary: one lookup per (word, language) instead of the checks below.
@functools.lru_cache(maxsize=262144)
def _term(word: str, lang: Language) -> str:
    if word.isdigit():
        return word
    if lang == "kk" or KAZAKH_LETTERS.intersection(word) or KAZAKH_LATIN_MARKS.intersection(word):
        return _kazakh_term(word)
    if lang == "ru" and not is_latin(word):
        return russian.lemma(word)
    if not is_latin(word):
        # Unknown language, Cyrillic word without Kazakh letters: Russian is the safer guess for
        # indexing; queries try both (see analyze_query).
        return russian.lemma(word)
    return word


def _loanword_readings(word: str) -> set[str]:
    """Cyrillic readings of a Latin word spelled as a loanword is in Cyrillic: the Latin "i",
    "ia", "iu" of алимент, алаяқтық, юрист stand for и, я, ю there (the official table maps them
    to і, іа, іу). Queries only; the index holds the Cyrillic spelling."""
    cyrillic = to_cyrillic(word)
    ya = cyrillic.replace("іа", "я").replace("іу", "ю")
    return {ya, ya.replace("і", "и"), cyrillic.replace("і", "и")} - {cyrillic}


def term_of(word: str, lang: Language) -> str:
    """The term of one normalised word in a text of language ``lang`` (used by snippets)."""
    return _term(word, lang)


def index_terms(text: str, lang: Language | None = None) -> str:
    """The terms of ``text`` joined by spaces: the pre-analysed input of a whitespace-tokenized
    index field (one term per word, so word positions survive for phrase queries)."""
    language = lang or detect_language(text)
    return " ".join([_term(m.group(), language) for m in WORD.finditer(normalize(text))])


def tokens(text: str, lang: Language | None = None) -> list[Token]:
    """Tokens with positions; lang is detected for the whole text when not given."""
    language = lang or detect_language(text)
    return [
        Token(_term(word, language), position, start, end)
        for position, (word, start, end) in enumerate(split_words(normalize(text)))
    ]


def analyze(text: str, lang: Language | None = None) -> list[str]:
    """Terms for indexing (in order, with repeats)."""
    return [token.term for token in tokens(text, lang)]


def analyze_query(text: str, lang: Language | None = None) -> list[QueryTerm]:
    """Query terms. A short query often says nothing about its language ("сот", "talap"), so
    unless the language is known each word also carries its Kazakh and Russian readings."""
    language = lang or detect_language(text)
    result = []
    for position, (word, _, _) in enumerate(split_words(normalize(text))):
        options = {_term(word, language)}
        if language == "unknown" and not word.isdigit():
            options.add(_kazakh_term(word))
            if not is_latin(word):
                options.add(russian.lemma(word))
        if is_latin(word):
            options.update(kazakh.stem(variant) for variant in _loanword_readings(word))
        result.append(QueryTerm(word, position, frozenset(options)))
    return result
