"""Text analysis for search: normalisation, Kazakh stems, Russian lemmas, transliteration."""

from .analyzer import QueryTerm, Token, analyze, analyze_query, index_terms, term_of, tokens
from .language import Language, detect_language
from .transliterate import to_cyrillic, to_latin

__all__ = [
    "Language",
    "QueryTerm",
    "Token",
    "analyze",
    "analyze_query",
    "detect_language",
    "index_terms",
    "term_of",
    "to_cyrillic",
    "to_latin",
    "tokens",
]
