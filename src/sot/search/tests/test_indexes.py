"""The two indexes: what goes in each, incremental updates from the acts signals, reindex."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from sot.acts import signals
from sot.acts.models import Act
from sot.courts.tests.factories import CourtFactory
from sot.search import indexing
from sot.search.engine import SearchParams, search
from sot.search.schema import IndexName

from .factories import make_act

pytestmark = pytest.mark.django_db


def keys(name: IndexName, text: str) -> set[str]:
    return {hit.key for hit in search(name, SearchParams(text=text, facets=False)).hits}


def test_signed_act_goes_to_the_internal_index_and_published_act_to_the_public_bank():
    court = CourtFactory()
    draft_public = make_act(court=court, text="Иск о взыскании алиментов удовлетворить.")
    unpublished = make_act(court=court, text="Иск о взыскании алиментов.", published=False)
    indexing.sync_acts([draft_public.pk, unpublished.pk])

    assert keys(IndexName.PUBLIC, "алиментов") == {str(draft_public.pk)}
    assert keys(IndexName.INTERNAL, "алиментов") == {str(draft_public.pk), str(unpublished.pk)}


def test_the_public_bank_holds_the_depersonalized_text_only():
    court = CourtFactory()
    act = make_act(
        court=court,
        text="Истец Сапаров Ерлан просит взыскать алименты.",
        published_text="Истец [ФИО 1] просит взыскать алименты.",
    )
    indexing.sync_acts([act.pk])

    assert keys(IndexName.PUBLIC, "Сапаров") == set()
    assert keys(IndexName.INTERNAL, "Сапаров") == {str(act.pk)}


def test_closed_session_acts_never_reach_the_public_bank_even_if_marked_published():
    court = CourtFactory()
    act = make_act(court=court, text="Об установлении отцовства.", closed=True)
    Act.objects.filter(pk=act.pk).update(published_text=act.text, published_at=act.signed_at)
    indexing.sync_acts([act.pk])

    assert keys(IndexName.PUBLIC, "отцовства") == set()
    assert keys(IndexName.INTERNAL, "отцовства") == {str(act.pk)}


def test_signals_index_incrementally_and_withdrawal_removes_from_the_public_bank():
    court = CourtFactory()
    act = make_act(court=court, text="Талапкердің талаптары қанағаттандырылсын.", lang="kk")

    signals.act_signed.send(sender=None, act_id=act.pk)
    signals.act_published.send(sender=None, act_id=act.pk)
    assert keys(IndexName.PUBLIC, "талап") == {str(act.pk)}

    Act.objects.filter(pk=act.pk).update(published_at=None)
    signals.act_withdrawn.send(sender=None, act_id=act.pk)
    assert keys(IndexName.PUBLIC, "талап") == set()
    assert keys(IndexName.INTERNAL, "талап") == {str(act.pk)}


def test_updating_an_act_replaces_its_document_rather_than_adding_one():
    court = CourtFactory()
    act = make_act(court=court, text="Иск о выселении.")
    indexing.sync_acts([act.pk])
    Act.objects.filter(pk=act.pk).update(
        text="Иск о разделе имущества.", published_text="Иск о разделе имущества."
    )
    indexing.sync_acts([act.pk])

    assert keys(IndexName.PUBLIC, "выселение") == set()
    assert search(IndexName.PUBLIC, SearchParams(text="имущество")).total == 1


@pytest.mark.parametrize("which", ["public", "internal", "all"])
def test_reindex_rebuilds_from_the_database(which):
    court = CourtFactory()
    act = make_act(court=court, text="Кража мобильного телефона.")
    call_command("search", "reindex", "--index", which)

    expected = {str(act.pk)}
    if which in ("public", "all"):
        assert keys(IndexName.PUBLIC, "кража") == expected
    if which in ("internal", "all"):
        assert keys(IndexName.INTERNAL, "кража") == expected
