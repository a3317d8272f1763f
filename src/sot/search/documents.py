"""What goes into an index for one act: an ``Entry``, built from an ``Act`` or a generated text."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

import tantivy

from .analysis import index_terms
from .analysis.language import Language
from .schema import IndexName


@dataclass(frozen=True)
class Entry:
    key: str
    ref: str  # shown as the act's id: the source bank's id when imported, else the act number
    number: str
    lang: str
    text: str
    court: str
    region: str
    category: str
    instance: str
    kind: str
    outcome: str
    issued_on: datetime.date
    articles: Sequence[str] = ()
    # Internal index only.
    judge: str = ""
    matter: str = ""
    closed: bool = False
    terms: str = field(default="", compare=False)  # pre-analysed body; computed when empty


def analysed(entry: Entry) -> str:
    lang: Language | None = entry.lang if entry.lang in ("kk", "ru") else None  # type: ignore[assignment]
    return entry.terms or index_terms(entry.text, lang)


def issued_key(day: datetime.date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def to_document(entry: Entry, name: IndexName) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_text("key", entry.key)
    doc.add_text("ref", entry.ref)
    doc.add_text("number", entry.number)
    doc.add_text("body", analysed(entry))
    doc.add_bytes("text", entry.text.encode())
    for name_, value in (
        ("lang", entry.lang),
        ("court", entry.court),
        ("region", entry.region),
        ("category", entry.category),
        ("instance", entry.instance),
        ("kind", entry.kind),
        ("outcome", entry.outcome),
    ):
        if value:
            doc.add_text(name_, value)
    for article in entry.articles:
        if article:
            doc.add_text("article", str(article))
    doc.add_integer("issued", issued_key(entry.issued_on))
    if name == IndexName.INTERNAL:
        if entry.judge:
            doc.add_text("judge", entry.judge)
        if entry.matter:
            doc.add_text("matter", entry.matter)
        doc.add_text("closed", "1" if entry.closed else "0")
    return doc
