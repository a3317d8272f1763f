"""Russian lemmas from pymorphy3's dictionary (OpenCorpora)."""

import functools

import pymorphy3


@functools.cache
def _morph() -> pymorphy3.MorphAnalyzer:
    # Loading the dictionary takes ~0.5 s and ~15 MB: once per process.
    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.lru_cache(maxsize=131072)
def lemma(word: str) -> str:
    """The normal form of the most probable parse; ё is folded like the rest of the text."""
    parses = _morph().parse(word)
    if not parses:
        return word
    return str(parses[0].normal_form).replace("ё", "е")
