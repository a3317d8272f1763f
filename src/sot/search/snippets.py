"""Highlighted snippets, made in Python from the stored text with the same analyzer.

The snippet is the window of the text with the most distinct query terms; matched words are
wrapped in ``<mark>``; everything else is HTML-escaped (an act's text is never trusted markup).
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe

from .analysis import term_of
from .analysis.language import Language
from .analysis.normalize import WORD, normalize

WINDOW_WORDS = 30
# Long acts: look for the best window in the first part only (snippets must stay cheap).
SCAN_CHARS = 20_000


def snippet(text: str, lang: str, terms: frozenset[str], window: int = WINDOW_WORDS) -> SafeString:
    head = text[:SCAN_CHARS]
    normalised = normalize(head)
    # Offsets of the normalised text fit the original only if lengths agree (see analysis docs).
    source = head if len(normalised) == len(head) else normalised
    language: Language = lang if lang in ("kk", "ru") else "unknown"  # type: ignore[assignment]
    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(normalised)]
    if not words:
        return mark_safe("")
    hits = [bool(terms) and term_of(w, language) in terms for _, _, w in words]
    best_start, best_score = 0, -1
    for start in range(0, max(1, len(words) - window + 1)):
        if start and not hits[start]:
            continue
        chosen = {
            term_of(words[i][2], language)
            for i in range(start, min(len(words), start + window))
            if hits[i]
        }
        if len(chosen) > best_score:
            best_start, best_score = start, len(chosen)
            if len(chosen) == len(terms):
                break
    first = max(0, best_start - 3) if best_score > 0 else 0
    last = min(len(words), first + window) - 1
    out = ["…" if first else ""]
    position = words[first][0]
    for i in range(first, last + 1):
        begin, end, _ = words[i]
        out.append(escape(source[position:begin]))
        piece = escape(source[begin:end])
        out.append(f"<mark>{piece}</mark>" if hits[i] else piece)
        position = end
    if words[last][1] < len(text):
        out.append("…")
    # Every piece of the act's text above went through escape(); only our <mark> tags are raw.
    return mark_safe("".join(out))  # noqa: S308
