"""Russian person names by natasha's NER (its news models ship inside the wheel: nothing is downloaded).

The models load once per process (about two seconds); ``depersonalize_many`` keeps one copy per
worker process. Only the NER tagger runs: it tokenizes by itself, so natasha's sentence segmenter
would be wasted work.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from .blas import single_thread_blas


@cache
def _tagger() -> Any:
    single_thread_blas()
    from natasha import NewsEmbedding, NewsNERTagger

    return NewsNERTagger(NewsEmbedding())


def person_spans(
    text: str, pieces: Sequence[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """(start, end) of every PER span natasha finds in ``text``, or only in the given pieces of it."""
    if pieces is None:
        pieces = [(0, len(text))]
    pieces = [(start, end) for start, end in pieces if text[start:end].strip()]
    spans: list[tuple[int, int]] = []
    tagger = _tagger()
    for (offset, end), markup in zip(
        pieces, tagger.map([text[s:e] for s, e in pieces]), strict=True
    ):
        del end
        spans.extend(
            (offset + span.start, offset + span.stop) for span in markup.spans if span.type == "PER"
        )
    return spans


def warm_up() -> None:
    _tagger()
