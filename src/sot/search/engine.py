"""Running a search against one index: text query, filters, permission filter, facets,
snippets, sorting and pages. Permission filters are part of the tantivy query, so a hit, its
snippet and every facet count come from documents the user may see."""

from __future__ import annotations

import datetime
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tantivy
from django.utils.safestring import SafeString

from . import store
from .analysis import analyze
from .analysis.language import Language
from .documents import issued_key
from .query import ParsedQuery, parse, prune, text_query
from .schema import FACET_FIELDS, IndexName
from .snippets import snippet

MAX_PER_PAGE = 50
FACET_SIZE = 20
FILTER_FIELDS = ("court", "region", "category", "instance", "kind", "outcome", "article", "lang")
INTERNAL_FILTER_FIELDS = ("judge",)
SIMILAR_TERMS = 25


@dataclass(frozen=True)
class SearchParams:
    text: str = ""
    filters: Mapping[str, Sequence[str]] = field(default_factory=dict)
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    sort: str = "relevance"  # or "date" (newest first)
    page: int = 1
    per_page: int = 10
    facets: bool = True
    snippets: bool = True


@dataclass(frozen=True)
class Hit:
    key: str
    ref: str
    number: str
    score: float
    snippet: SafeString
    fields: dict[str, Any]

    @property
    def issued_on(self) -> datetime.date | None:
        value = self.fields.get("issued")
        if not value:
            return None
        return datetime.date(value // 10000, value // 100 % 100, value % 100)


@dataclass(frozen=True)
class Results:
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]]
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


def _filters(schema: tantivy.Schema, name: IndexName, params: SearchParams) -> list[tantivy.Query]:
    allowed = FILTER_FIELDS + (INTERNAL_FILTER_FIELDS if name == IndexName.INTERNAL else ())
    queries = []
    for field_name, values in params.filters.items():
        values = [v for v in values if v]
        if field_name in allowed and values:
            queries.append(tantivy.Query.term_set_query(schema, field_name, list(values)))
    if params.date_from or params.date_to:
        queries.append(
            tantivy.Query.range_query(
                schema,
                "issued",
                tantivy.FieldType.Integer,
                issued_key(params.date_from) if params.date_from else None,
                issued_key(params.date_to) if params.date_to else None,
            )
        )
    return queries


def _combined(
    text: tantivy.Query, filters: list[tantivy.Query], permission: tantivy.Query | None
) -> tantivy.Query:
    # Filters restrict without scoring: the ranking is the text query's alone.
    restrictions = [*filters, *([permission] if permission is not None else [])]
    musts = [(tantivy.Occur.Must, text)]
    musts.extend(
        (tantivy.Occur.Must, tantivy.Query.const_score_query(query, 0.0)) for query in restrictions
    )
    return tantivy.Query.boolean_query(musts)


def _facets(searcher: tantivy.Searcher, query: tantivy.Query) -> dict[str, list[tuple[str, int]]]:
    spec = {f: {"terms": {"field": f, "size": FACET_SIZE}} for f in FACET_FIELDS}
    result = searcher.aggregate(query, spec)
    return {
        f: [(str(b["key"]), int(b["doc_count"])) for b in result.get(f, {}).get("buckets", [])]
        for f in FACET_FIELDS
    }


STORED_FIELDS = (
    "key",
    "ref",
    "number",
    "lang",
    "court",
    "region",
    "category",
    "instance",
    "kind",
    "outcome",
    "issued",
    "judge",
    "closed",
)


def _stored(doc: tantivy.Document) -> dict[str, Any]:
    # Field by field: to_dict() would also convert the stored text's bytes to a Python list.
    fields = {name: doc.get_first(name) for name in STORED_FIELDS}
    fields["article"] = doc.get_all("article")
    return {name: value for name, value in fields.items() if value is not None}


def _hit(
    doc: tantivy.Document, score: float, parsed: ParsedQuery | None, with_snippet: bool
) -> Hit:
    fields = _stored(doc)
    text = bytes(doc.get_first("text") or b"").decode()
    shown = (
        snippet(text, str(fields.get("lang", "")), parsed.highlight_terms())
        if with_snippet and parsed is not None
        else SafeString("")
    )
    return Hit(
        key=str(fields.get("key", "")),
        ref=str(fields.get("ref", "")),
        number=str(fields.get("number", "")),
        score=float(score),
        snippet=shown,
        fields=fields,
    )


def search(
    name: IndexName,
    params: SearchParams,
    *,
    permission: tantivy.Query | None = None,
    root: Path | None = None,
) -> Results:
    index, searcher = store.searcher(name, root)
    schema = index.schema
    parsed = prune(parse(params.text), lambda term: searcher.doc_freq("body", term) > 0)
    query = _combined(text_query(schema, parsed), _filters(schema, name, params), permission)
    per_page = max(1, min(params.per_page, MAX_PER_PAGE))
    page = max(1, params.page)
    by_date = params.sort == "date" or not parsed.groups
    found = searcher.search(
        query,
        per_page,
        count=True,
        order_by_field="issued" if by_date else None,
        offset=(page - 1) * per_page,
    )
    hits = [
        _hit(searcher.doc(address), 0.0 if by_date else key, parsed, params.snippets)
        for key, address in found.hits
    ]
    facets = _facets(searcher, query) if params.facets else {}
    # ``count`` is set when count=True (the type stubs omit it).
    total = int(getattr(found, "count", 0) or 0)
    return Results(total, hits, facets, page, per_page)


def find(name: IndexName, key: str, root: Path | None = None) -> Hit | None:
    index, searcher = store.searcher(name, root)
    found = searcher.search(tantivy.Query.term_query(index.schema, "key", key), 1)
    if not found.hits:
        return None
    return _hit(searcher.doc(found.hits[0][1]), 0.0, None, False)


def stored_text(name: IndexName, key: str, root: Path | None = None) -> tuple[str, str] | None:
    index, searcher = store.searcher(name, root)
    found = searcher.search(tantivy.Query.term_query(index.schema, "key", key), 1)
    if not found.hits:
        return None
    doc = searcher.doc(found.hits[0][1])
    return bytes(doc.get_first("text") or b"").decode(), str(doc.get_first("lang") or "")


def similar(
    name: IndexName,
    key: str,
    *,
    limit: int = 5,
    permission: tantivy.Query | None = None,
    root: Path | None = None,
) -> list[Hit]:
    """Acts sharing the most distinctive terms of this one (tf·idf of its own terms)."""
    source = stored_text(name, key, root)
    if source is None:
        return []
    text, lang = source
    index, searcher = store.searcher(name, root)
    schema = index.schema
    language: Language | None = lang if lang in ("kk", "ru") else None  # type: ignore[assignment]
    counts = Counter(t for t in analyze(text, language) if len(t) > 2 and not t.isdigit())
    total = max(1, searcher.num_docs)
    weights = {
        term: tf * math.log(1 + total / (1 + searcher.doc_freq("body", term)))
        for term, tf in counts.items()
    }
    top = sorted(weights, key=lambda t: weights[t], reverse=True)[:SIMILAR_TERMS]
    if not top:
        return []
    subqueries = [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "body", t)) for t in top]
    subqueries.append((tantivy.Occur.MustNot, tantivy.Query.term_query(schema, "key", key)))
    query = tantivy.Query.boolean_query(subqueries)
    if permission is not None:
        query = _combined(query, [], permission)
    found = searcher.search(query, limit)
    return [_hit(searcher.doc(address), score, None, False) for score, address in found.hits]
