"""Which sentences of a Russian act still need natasha after the rules have run.

natasha's NER costs most of the time budget (about 25-45 acts of 8 KB a second per core), while
most names in acts are ``Иванов И.И.``-shaped and the rules find them. A sentence goes to natasha
only when it holds a capitalised word the rules left unexplained: not sentence-initial, not part of
a found name, not in quotes, not an abbreviation, and not a common word pymorphy3 knows (it tags
names, surnames and patronymics as such, and does not know most Kazakh names at all).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lexicon import NOT_NAMES, is_role_word
from .morphology import is_common_word as _is_common_word
from .names import Mention, Token, _in_quotes

_SENTENCE_BREAK = re.compile(r"(?<![A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.)(?<=[.!?;])\s+|\n+")


def sentences(text: str) -> list[tuple[int, int]]:
    bounds = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if e > s]


def _doubtful(text: str, token: Token, sentence_start: int) -> bool:
    if token.is_initial or not token.is_capitalised or token.start == sentence_start:
        return False
    lower = token.text.lower()
    if lower in NOT_NAMES or is_role_word(token.text) or _is_common_word(lower):
        return False
    return not _in_quotes(text, token.start)


def doubtful_pieces(
    text: str, tokens: Sequence[Token], mentions: Sequence[Mention]
) -> list[tuple[int, int]]:
    """Spans of ``text`` (whole sentences, neighbours merged) for natasha to read."""
    covered: set[int] = set()
    for mention in mentions:
        covered.update(id(token) for token in mention.tokens)
        covered.add(mention.start)
    pieces: list[tuple[int, int]] = []
    index = 0
    for start, end in sentences(text):
        doubtful = False
        while index < len(tokens) and tokens[index].start < end:
            token = tokens[index]
            index += 1
            if doubtful or token.start < start:
                continue
            if id(token) in covered or token.start in covered:
                continue
            doubtful = _doubtful(text, token, start)
        if doubtful:
            if pieces and text[pieces[-1][1] : start].strip() == "":
                pieces[-1] = (pieces[-1][0], end)
            else:
                pieces.append((start, end))
    return pieces
