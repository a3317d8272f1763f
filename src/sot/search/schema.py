"""The two index schemas: the public bank and the internal index.

Text goes in pre-analysed: ``body`` holds our analyzer's terms joined by spaces and is split by
tantivy's whitespace tokenizer, so tantivy never analyses language itself. The original text is
stored beside it (bytes, not indexed) for snippets.
"""

from __future__ import annotations

from enum import StrEnum

import tantivy

TERMS_TOKENIZER = "sot_terms"


class IndexName(StrEnum):
    PUBLIC = "public"
    INTERNAL = "internal"


# Keyword fields: indexed as one raw term, fast (filters and facet counts), stored (display).
KEYWORD_FIELDS = ("lang", "court", "region", "category", "instance", "kind", "outcome", "article")
INTERNAL_KEYWORD_FIELDS = ("judge", "matter", "closed")
# Fields whose values are counted on the results page (facets).
FACET_FIELDS = ("court", "region", "category", "instance", "kind", "outcome", "article", "lang")


def build_schema(name: IndexName) -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    # The act's key: its database id, or the generated document's number in the benchmark.
    builder.add_text_field("key", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("ref", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("number", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("body", tokenizer_name=TERMS_TOKENIZER, index_option="position")
    builder.add_bytes_field("text", stored=True)
    keywords = KEYWORD_FIELDS + (INTERNAL_KEYWORD_FIELDS if name == IndexName.INTERNAL else ())
    for field in keywords:
        builder.add_text_field(
            field, stored=True, fast=True, tokenizer_name="raw", index_option="basic"
        )
    # Issue date as YYYYMMDD: sorts and ranges like a date, cheap as a fast field.
    builder.add_integer_field("issued", stored=True, indexed=True, fast=True)
    return builder.build()


def terms_analyzer() -> tantivy.TextAnalyzer:
    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
