"""The query language of the search box.

- words: every word must occur, in any grammatical form (``талапкердің`` finds ``талап``);
- ``"exact phrase"``: the words in this order (each in any form);
- ``OR`` between two parts: either; ``AND`` is the default and may be written;
- ``NOT part`` or ``-part``: without it.
Operators are upper-case Latin words; a lower-case ``or``/``not`` is an ordinary word.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import tantivy

from .analysis import analyze_query, detect_language
from .analysis.language import Language

_PART = re.compile(r'-?"[^"]*"?|\S+')
# A phrase whose words each have several readings is searched as each combination, up to this many.
MAX_PHRASE_VARIANTS = 16


@dataclass(frozen=True)
class Clause:
    """A word or phrase: one tuple of alternative terms per word position."""

    positions: tuple[frozenset[str], ...]
    negated: bool = False

    @property
    def is_phrase(self) -> bool:
        return len(self.positions) > 1


@dataclass
class ParsedQuery:
    # Outer list: all required (AND); inner list: alternatives (OR).
    groups: list[list[Clause]] = field(default_factory=list)
    excluded: list[Clause] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.groups and not self.excluded

    @property
    def has_phrase(self) -> bool:
        return any(clause.is_phrase for group in self.groups for clause in group)

    def highlight_terms(self) -> frozenset[str]:
        terms: set[str] = set()
        for group in self.groups:
            for clause in group:
                for options in clause.positions:
                    terms |= options
        return frozenset(terms)


def prune(parsed: ParsedQuery, exists: Callable[[str], bool]) -> ParsedQuery:
    """Drop the readings no indexed act has (a word's Kazakh stem in a Russian-only bank, …):
    each costs a posting-list lookup, and a phrase multiplies its variants by them."""

    def pruned(clause: Clause) -> Clause:
        positions = tuple(
            frozenset(t for t in options if exists(t)) or options for options in clause.positions
        )
        return Clause(positions, clause.negated)

    return ParsedQuery(
        groups=[[pruned(c) for c in group] for group in parsed.groups],
        excluded=[pruned(c) for c in parsed.excluded],
    )


def _readings(text: str, lang: Language | None) -> tuple[frozenset[str], ...]:
    """Each word's terms: its readings in the detected language and as a word on its own."""
    own = analyze_query(text)
    hinted = analyze_query(text, lang) if lang else own
    return tuple(a.alternatives | b.alternatives for a, b in zip(own, hinted, strict=True))


def parse(text: str) -> ParsedQuery:
    parts = _PART.findall(text or "")
    plain = " ".join(p.strip('-"') for p in parts if p not in ("AND", "OR", "NOT"))
    detected = detect_language(plain)
    lang: Language | None = detected if detected in ("kk", "ru") else None
    parsed = ParsedQuery()
    negate_next = False
    join_next = False
    for part in parts:
        if part == "AND":
            continue
        if part == "OR":
            join_next = bool(parsed.groups)
            continue
        if part == "NOT":
            negate_next = True
            continue
        negated = negate_next or (part.startswith("-") and len(part) > 1)
        body = part[1:] if part.startswith("-") and len(part) > 1 else part
        positions = _readings(body.strip('"'), lang)
        negate_next = False
        if not positions:
            join_next = False
            continue
        clause = Clause(positions, negated)
        if negated:
            parsed.excluded.append(clause)
        elif join_next:
            parsed.groups[-1].append(clause)
        else:
            parsed.groups.append([clause])
        join_next = False
    return parsed


def _clause_query(schema: tantivy.Schema, clause: Clause) -> tantivy.Query:
    if not clause.is_phrase:
        options = sorted(clause.positions[0])
        if len(options) == 1:
            return tantivy.Query.term_query(schema, "body", options[0])
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "body", t)) for t in options]
        )
    variants = list(
        itertools.islice(
            itertools.product(*(sorted(p) for p in clause.positions)), MAX_PHRASE_VARIANTS
        )
    )
    phrases = [tantivy.Query.phrase_query(schema, "body", list(words)) for words in variants]
    if len(phrases) == 1:
        return phrases[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in phrases])


def text_query(schema: tantivy.Schema, parsed: ParsedQuery) -> tantivy.Query:
    subqueries: list[tuple[tantivy.Occur, tantivy.Query]] = []
    for group in parsed.groups:
        queries = [_clause_query(schema, clause) for clause in group]
        if len(queries) == 1:
            subqueries.append((tantivy.Occur.Must, queries[0]))
        else:
            either = tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])
            subqueries.append((tantivy.Occur.Must, either))
    if not parsed.groups:
        subqueries.append((tantivy.Occur.Must, tantivy.Query.all_query()))
    subqueries.extend(
        (tantivy.Occur.MustNot, _clause_query(schema, clause)) for clause in parsed.excluded
    )
    return tantivy.Query.boolean_query(subqueries)
