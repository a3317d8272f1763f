"""Forms of the Cabinet's notices pages; services validate the values again."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ContactKind


class ContactPointForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ContactKind.choices)
    value = forms.CharField(
        label=_("Phone, e-mail or postal address"),
        max_length=300,
        help_text=_("Phone as +7 7XX XXX XX XX. A code is sent to phones and e-mails."),
    )
    is_opted_in = forms.BooleanField(
        label=_("Send court notices here"), required=False, initial=True
    )


class VerifyForm(forms.Form):
    code = forms.RegexField(label=_("Code"), regex=r"^\s*\d{6}\s*$", max_length=12)
