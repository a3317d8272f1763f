"""The vocabulary every court domain shares: case categories and instances."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseCategory(models.TextChoices):
    CIVIL = "civil", _("Civil")
    ADMINISTRATIVE = "administrative", _("Administrative (public-law dispute)")
    ADMINISTRATIVE_OFFENCE = "administrative_offence", _("Administrative offence")
    CRIMINAL = "criminal", _("Criminal")


class Instance(models.TextChoices):
    FIRST = "first", _("First instance")
    APPEAL = "appeal", _("Appeal")
    CASSATION = "cassation", _("Cassation")
