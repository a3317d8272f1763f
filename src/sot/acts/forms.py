"""Forms of the act pages; services validate again (the API reaches them without these)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .assistant import RULES
from .models import ActKind, ActLanguage


class NewActForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of act"), choices=ActKind.choices)
    lang = forms.ChoiceField(label=_("Language of the act"), choices=ActLanguage.choices)


class AssistantForm(forms.Form):
    rule = forms.ChoiceField(
        label=_("Routine act"), choices=[(code, rule.title) for code, rule in RULES.items()]
    )
    lang = forms.ChoiceField(label=_("Language of the act"), choices=ActLanguage.choices)


class EditForm(forms.Form):
    text = forms.CharField(label=_("Text of the act"), widget=forms.Textarea(attrs={"rows": 28}))
    base_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class SignForm(forms.Form):
    signature = forms.CharField(max_length=20_000)
    certificate = forms.CharField(max_length=40_000)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class CheckForm(forms.Form):
    code = forms.CharField(label=_("Code printed on the act"), max_length=20)
