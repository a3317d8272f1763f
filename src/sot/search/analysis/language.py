"""Per-text language detection: Kazakh, Russian or unknown."""

from typing import Literal

from .normalize import normalize, split_words
from .transliterate import KAZAKH_LATIN_MARKS, is_latin, to_cyrillic

Language = Literal["kk", "ru", "unknown"]

KAZAKH_LETTERS = frozenset("әғқңөұүһі")
# Frequent words that are spelled with common Cyrillic letters only.
KAZAKH_WORDS = frozenset(
    {"және", "бойынша", "туралы", "бұл", "осы", "деп", "мен", "бен", "пен", "сот", "болып", "жоқ"}
    | {"бар", "оның", "сондай", "арқылы", "тиіс", "сотқа", "соттың", "талап", "іс", "бір", "ол"}
)
RUSSIAN_WORDS = frozenset(
    {"и", "в", "во", "не", "на", "что", "с", "по", "к", "от", "из", "за", "о", "об", "для", "при"}
    | {"суд", "суда", "иск", "дело", "дела", "статьи", "ст", "года", "было", "является", "как"}
)
RUSSIAN_LETTERS = frozenset("ёщъэ")  # absent from native Kazakh words


def detect_language(text: str) -> Language:
    """Score every word: Kazakh letters or frequent Kazakh words count for kk, frequent Russian
    words and ё/щ/ъ/э for ru. Latin words count only with marks of the Kazakh Latin alphabet.
    The larger score wins; no evidence (or a tie) gives "unknown"."""
    kk = ru = 0
    for word, _, _ in split_words(normalize(text)):
        if is_latin(word):
            if not KAZAKH_LATIN_MARKS.intersection(word):
                continue
            word = to_cyrillic(word)
        if KAZAKH_LETTERS.intersection(word) or word in KAZAKH_WORDS:
            kk += 1
        elif word in RUSSIAN_WORDS or RUSSIAN_LETTERS.intersection(word):
            ru += 1
    if kk > ru:
        return "kk"
    if ru > kk:
        return "ru"
    return "unknown"
