"""The one analyzer: text → terms, identical for indexing and querying."""

from dataclasses import dataclass

from . import kazakh, russian
from .language import KAZAKH_LETTERS, Language, detect_language
from .normalize import normalize, split_words
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
        result.append(QueryTerm(word, position, frozenset(options)))
    return result
