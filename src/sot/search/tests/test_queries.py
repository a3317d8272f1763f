"""Queries on the public bank: word forms, phrases, AND/OR/NOT, filters, facets, snippets,
sorting, pages and similar acts."""

from __future__ import annotations

import datetime

import pytest

from sot.courts.tests.factories import CourtFactory
from sot.search import indexing
from sot.search.engine import SearchParams, search, similar
from sot.search.query import parse
from sot.search.schema import IndexName

from .factories import make_act

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank():
    one, two = CourtFactory(), CourtFactory()
    acts = {
        "kk_claim": make_act(
            court=one,
            lang="kk",
            text="Талапкердің талаптары толығымен қанағаттандырылсын.",
            issued_on=datetime.date(2024, 1, 10),
            kind="decision",
            outcome="granted",
            articles=["ГК 715"],
        ),
        "kk_theft": make_act(
            court=two,
            lang="kk",
            category="criminal",
            kind="sentence",
            text="Сотталушы ұрлық жасағаны үшін кінәлі деп танылсын.",
            issued_on=datetime.date(2023, 5, 2),
            outcome="convicted",
            articles=["УК 188"],
        ),
        "ru_loan": make_act(
            court=one,
            text="Взыскать задолженность по договору займа с ответчика.",
            issued_on=datetime.date(2022, 7, 1),
            outcome="granted",
            articles=["ГК 715"],
        ),
        "ru_reverse": make_act(
            court=two,
            text="Займа договор не заключался, иск о задолженности отклонить.",
            issued_on=datetime.date(2025, 2, 1),
            outcome="dismissed",
        ),
        "ru_theft": make_act(
            court=two,
            category="criminal",
            kind="sentence",
            text="Подсудимого признать виновным в краже <script>alert(1)</script>.",
            issued_on=datetime.date(2021, 1, 1),
            outcome="convicted",
            articles=["УК 188"],
        ),
    }
    indexing.sync_acts([a.pk for a in acts.values()])
    return {"courts": (one, two), **{k: str(v.pk) for k, v in acts.items()}}


def found(text="", **kwargs):
    return [hit.key for hit in search(IndexName.PUBLIC, SearchParams(text=text, **kwargs)).hits]


def test_kazakh_words_in_other_forms_match(bank):
    assert found("талаптарын") == [bank["kk_claim"]]
    assert found("талапкерлер") == [bank["kk_claim"]]


def test_russian_words_in_other_forms_match(bank):
    assert set(found("займы")) == {bank["ru_loan"], bank["ru_reverse"]}
    assert found("кражи") == [bank["ru_theft"]]


def test_latin_script_kazakh_finds_cyrillic_acts(bank):
    assert found("talapkerdiñ") == [bank["kk_claim"]]
    assert found("ūrlıq") == [bank["kk_theft"]]


def test_an_exact_phrase_needs_the_words_in_order(bank):
    assert found('"договор займа"') == [bank["ru_loan"]]
    assert set(found("договор займа")) == {bank["ru_loan"], bank["ru_reverse"]}


def test_or_and_not(bank):
    assert set(found("кража OR ұрлық")) == {bank["ru_theft"], bank["kk_theft"]}
    assert found("задолженность NOT договор") == []
    assert found("задолженность -заключался") == [bank["ru_loan"]]
    assert found("задолженность AND ответчик") == [bank["ru_loan"]]


def test_filters_narrow_the_results(bank):
    one, _two = bank["courts"]
    assert found("задолженность", filters={"court": [one.code]}) == [bank["ru_loan"]]
    assert found("задолженность", filters={"outcome": ["dismissed"]}) == [bank["ru_reverse"]]
    assert set(found(filters={"article": ["УК 188"]})) == {bank["kk_theft"], bank["ru_theft"]}
    assert found(filters={"kind": ["sentence"], "lang": ["kk"]}) == [bank["kk_theft"]]
    assert found(filters={"region": [one.region.code], "category": ["civil"]}) in (
        [bank["kk_claim"], bank["ru_loan"]],
    )
    between = found(date_from=datetime.date(2022, 1, 1), date_to=datetime.date(2023, 12, 31))
    assert set(between) == {bank["ru_loan"], bank["kk_theft"]}


def test_facets_count_the_matching_acts(bank):
    results = search(IndexName.PUBLIC, SearchParams(text="задолженность"))
    assert results.total == 2
    assert dict(results.facets["outcome"]) == {"granted": 1, "dismissed": 1}
    assert sum(n for _, n in results.facets["court"]) == 2


def test_snippets_mark_the_matched_forms_and_escape_the_text(bank):
    hit = search(IndexName.PUBLIC, SearchParams(text="кража")).hits[0]
    assert "<mark>краже</mark>" in hit.snippet
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet


def test_sorting_by_date_and_pages(bank):
    newest_first = found(sort="date")
    assert newest_first[0] == bank["ru_reverse"]
    assert newest_first[-1] == bank["ru_theft"]
    page_two = search(IndexName.PUBLIC, SearchParams(sort="date", page=2, per_page=2))
    assert [h.key for h in page_two.hits] == newest_first[2:4]
    assert page_two.total == 5
    assert page_two.pages == 3


def test_similar_acts_share_distinctive_words(bank):
    keys = [hit.key for hit in similar(IndexName.PUBLIC, bank["ru_loan"])]
    assert keys[0] == bank["ru_reverse"]
    assert bank["ru_loan"] not in keys


def test_query_parsing():
    parsed = parse('"договор займа" OR кредит -залог NOT ипотека')
    assert len(parsed.groups) == 1
    assert len(parsed.groups[0]) == 2
    assert parsed.groups[0][0].is_phrase
    assert len(parsed.excluded) == 2
    assert parse("").is_empty
