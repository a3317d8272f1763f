"""Text normalisation shared by indexing and querying."""

import re
import unicodedata

WORD = re.compile(r"\d+|[^\W\d_]+")


def normalize(text: str) -> str:
    """NFKC (folds ligatures, full-width digits), casefold, then ё→е (Russian texts write both)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    # casefold can decompose (e.g. "İ" → "i̇"); recompose so letters stay single code points.
    return unicodedata.normalize("NFC", folded).replace("ё", "е").replace("\u0307", "")


def split_words(text: str) -> list[tuple[str, int, int]]:
    """Split normalised text into (word, start, end); digits and letters never share a token,
    so "ст.188ч.2" and "ст. 188 ч. 2" both give ст, 188, ч, 2."""
    return [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]
