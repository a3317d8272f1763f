"""Forms of the web pages: case filters and case actions."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sot.cases.lifecycle import CaseAction
from sot.cases.models import CaseStatus
from sot.core.judiciary import CaseCategory

from .case_context import PAGE_ACTIONS


class CaseFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *CaseStatus.choices],
    )
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("Any category")), *CaseCategory.choices],
    )


class CaseActionForm(forms.Form):
    """One lifecycle action (the pressed button's value) with an optional note for the record."""

    # The hearings section takes schedule, heard, suspend and resume (see case_context).
    action = forms.ChoiceField(
        choices=[(value, label) for value, label in CaseAction.choices if value in PAGE_ACTIONS]
    )
    # The status the page showed: a double-submitted form does not move the case twice.
    seen_status = forms.ChoiceField(choices=CaseStatus.choices, widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note for the case history (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
