"""The search form of both pages (GET parameters, same names as the API)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sot.acts.models import ActKind, ActLanguage
from sot.core.judiciary import CaseCategory, Instance

from .engine import MAX_PER_PAGE, SearchParams

ANY = [("", _("Any"))]
SORTS = [("relevance", _("Relevance")), ("date", _("Newest first"))]
FILTER_NAMES = ("court", "region", "category", "instance", "kind", "article", "outcome", "lang")


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Words or “an exact phrase”"), required=False, max_length=500)
    court = forms.CharField(label=_("Court code"), required=False, max_length=8)
    region = forms.CharField(label=_("Region code"), required=False, max_length=8)
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=ANY + CaseCategory.choices
    )
    instance = forms.ChoiceField(
        label=_("Instance"), required=False, choices=ANY + Instance.choices
    )
    kind = forms.ChoiceField(label=_("Kind of act"), required=False, choices=ANY + ActKind.choices)
    article = forms.CharField(label=_("Article"), required=False, max_length=64)
    outcome = forms.CharField(label=_("Outcome"), required=False, max_length=32)
    lang = forms.ChoiceField(label=_("Language"), required=False, choices=ANY + ActLanguage.choices)
    date_from = forms.DateField(
        label=_("Issued from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Issued until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORTS)
    page = forms.IntegerField(required=False, min_value=1, max_value=1000, widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end of the period is before its start."))
        return data

    def filter_names(self) -> tuple[str, ...]:
        return FILTER_NAMES

    def params(self) -> SearchParams:
        data = self.cleaned_data
        return SearchParams(
            text=data.get("q") or "",
            filters={n: [str(data[n])] for n in self.filter_names() if data.get(n)},
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            sort=data.get("sort") or "relevance",
            page=data.get("page") or 1,
            per_page=min(10, MAX_PER_PAGE),
        )


class InternalSearchForm(SearchForm):
    judge = forms.IntegerField(label=_("Judge (number)"), required=False, min_value=1)

    def filter_names(self) -> tuple[str, ...]:
        return (*FILTER_NAMES, "judge")
