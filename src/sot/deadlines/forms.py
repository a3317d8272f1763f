"""Filters of the monitoring pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ViolationKind


class CourtFilterForm(forms.Form):
    court = forms.IntegerField(label=_("Court (id)"), required=False, min_value=1)


class ViolationFilterForm(CourtFilterForm):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any kind")), *ViolationKind.choices]
    )
