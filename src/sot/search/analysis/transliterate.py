"""Kazakh Latin (official alphabet of 2021) ↔ Cyrillic."""

# Cyrillic → Latin. Letters used only in Russian loanwords get the customary spelling.
CYRILLIC_TO_LATIN: dict[str, str] = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ж": "j",
    "з": "z", "и": "i", "й": "y", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ",
    "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü",
    "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ç", "ш": "ş", "щ": "şş", "ъ": "", "ы": "ı",
    "і": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia", "ё": "io",
}  # fmt: skip

# Latin → Cyrillic. Digraphs first; "sh"/"ch" are accepted for keyboards without ş/ç.
_LATIN_DIGRAPHS: dict[str, str] = {"sh": "ш", "ch": "ч"}
_LATIN_LETTERS: dict[str, str] = {
    "a": "а", "ä": "ә", "b": "б", "v": "в", "g": "г", "ğ": "ғ", "d": "д", "e": "е", "j": "ж",
    "z": "з", "i": "і", "ı": "ы", "y": "й", "k": "к", "q": "қ", "l": "л", "m": "м", "n": "н",
    "ñ": "ң", "o": "о", "ö": "ө", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "ū": "ұ",
    "ü": "ү", "f": "ф", "h": "х", "ş": "ш", "ç": "ч", "c": "ц", "w": "у", "x": "х",
}  # fmt: skip

LATIN_LETTERS = frozenset(_LATIN_LETTERS)
# Letters that only the Kazakh Latin alphabet uses (English and Russian transliteration do not).
KAZAKH_LATIN_MARKS = frozenset("äğqñöūüış")


def is_latin(word: str) -> bool:
    return bool(word) and all(ch in LATIN_LETTERS for ch in word)


def to_latin(text: str) -> str:
    """Cyrillic → Latin; characters without a mapping (digits, punctuation, Latin) pass through."""
    return "".join(_keep_case(ch, CYRILLIC_TO_LATIN.get(ch.lower())) for ch in text)


def _keep_case(original: str, mapped: str | None) -> str:
    if mapped is None:
        return original
    return mapped.capitalize() if original.isupper() else mapped


def to_cyrillic(text: str) -> str:
    """Latin → Cyrillic; capitals stay capitals."""
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if pair.lower() in _LATIN_DIGRAPHS:
            out.append(_keep_case(pair[0], _LATIN_DIGRAPHS[pair.lower()]))
            i += 2
            continue
        out.append(_keep_case(text[i], _LATIN_LETTERS.get(text[i].lower())))
        i += 1
    return "".join(out)
