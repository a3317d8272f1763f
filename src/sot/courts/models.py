"""The court system: regions, the three-tier court hierarchy, what each court hears, and judges."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from sot.core.judiciary import CaseCategory, Instance


def localized(obj: Any, field: str) -> str:
    """``obj.<field>_<lang>`` in the active language, falling back to Kazakh, then Russian."""
    lang = (get_language() or "kk")[:2]
    for code in (lang, "kk", "ru"):
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return str(value)
    return ""


class Region(models.Model):
    """An oblast or a city of republican significance (Astana, Almaty, Shymkent)."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name_kk = models.CharField(_("name (kk)"), max_length=200)
    name_ru = models.CharField(_("name (ru)"), max_length=200)
    name_en = models.CharField(_("name (en)"), max_length=200)
    timezone = models.CharField(_("time zone"), max_length=64, default="Asia/Almaty")
    is_city = models.BooleanField(_("city of republican significance"), default=False)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class CourtLevel(models.TextChoices):
    SUPREME = "supreme", _("Supreme Court")
    REGIONAL = "regional", _("Regional and equal courts")
    DISTRICT = "district", _("District and equal courts")


class CourtKind(models.TextChoices):
    SUPREME = "supreme", _("Supreme Court")
    REGIONAL = "regional", _("Regional court")
    CITY_REGIONAL = "city_regional", _("City court (Astana, Almaty, Shymkent)")
    MILITARY = "military", _("Military court")
    DISTRICT = "district", _("District court")
    CITY = "city", _("City court")
    ECONOMIC = "economic", _("Specialised inter-district economic court")
    ADMINISTRATIVE = "administrative", _("Specialised inter-district administrative court")
    CRIMINAL = "criminal", _("Specialised inter-district criminal court")
    JUVENILE = "juvenile", _("Specialised inter-district juvenile court")
    INVESTIGATIVE = "investigative", _("Investigative court")
    MILITARY_GARRISON = "military_garrison", _("Military garrison court")


class CourtQuerySet(models.QuerySet["Court"]):
    def active(self) -> CourtQuerySet:
        return self.filter(is_active=True)

    def hearing(self, category: str, instance: str) -> CourtQuerySet:
        return self.filter(competences__category=category, competences__instance=instance)


class Court(models.Model):
    code = models.CharField(_("code"), max_length=8, unique=True)
    level = models.CharField(_("level"), max_length=16, choices=CourtLevel.choices)
    kind = models.CharField(_("kind"), max_length=24, choices=CourtKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("higher court"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="courts",
    )
    name_kk = models.CharField(_("name (kk)"), max_length=300)
    name_ru = models.CharField(_("name (ru)"), max_length=300)
    name_en = models.CharField(_("name (en)"), max_length=300)
    address_kk = models.CharField(_("address (kk)"), max_length=300, blank=True)
    address_ru = models.CharField(_("address (ru)"), max_length=300, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    # True for district courts this repository generated where the real name was not at hand.
    is_generated = models.BooleanField(_("generated"), default=False)
    is_active = models.BooleanField(_("active"), default=True)

    objects = CourtQuerySet.as_manager()

    class Meta:
        verbose_name = _("court")
        verbose_name_plural = _("courts")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def address(self) -> str:
        return localized(self, "address")

    @property
    def timezone(self) -> str:
        return self.region.timezone if self.region_id and self.region else settings.TIME_ZONE


class CourtCompetence(models.Model):
    """One (instance, category) pair a court hears."""

    court = models.ForeignKey(Court, on_delete=models.CASCADE, related_name="competences")
    instance = models.CharField(_("instance"), max_length=16, choices=Instance.choices)
    category = models.CharField(_("category"), max_length=32, choices=CaseCategory.choices)

    class Meta:
        verbose_name = _("court competence")
        verbose_name_plural = _("court competences")
        constraints = [
            models.UniqueConstraint(
                fields=["court", "instance", "category"], name="courts_competence_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.court.code}: {self.instance}/{self.category}"


class JudgeStatus(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("judge status", "Active")
    ON_LEAVE = "on_leave", pgettext_lazy("judge status", "On leave")
    SUSPENDED = "suspended", pgettext_lazy("judge status", "Suspended from office")
    RETIRED = "retired", pgettext_lazy("judge status", "Retired")


class JudgeQuerySet(models.QuerySet["Judge"]):
    def active(self) -> JudgeQuerySet:
        return self.filter(status=JudgeStatus.ACTIVE)


class Judge(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.PROTECT
    )
    court = models.ForeignKey(
        Court, verbose_name=_("court"), on_delete=models.PROTECT, related_name="judges"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=JudgeStatus.choices, default=JudgeStatus.ACTIVE
    )
    status_since = models.DateField(_("status since"))
    appointed_on = models.DateField(_("appointed on"))

    objects = JudgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("judge")
        verbose_name_plural = _("judges")
        indexes = [models.Index(fields=["court", "status"], name="courts_judge_court_status")]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def full_name(self) -> str:
        return self.user.full_name


class JudgeSpecialisation(models.Model):
    judge = models.ForeignKey(Judge, on_delete=models.CASCADE, related_name="specialisations")
    category = models.CharField(_("category"), max_length=32, choices=CaseCategory.choices)

    class Meta:
        verbose_name = _("judge specialisation")
        verbose_name_plural = _("judge specialisations")
        constraints = [
            models.UniqueConstraint(fields=["judge", "category"], name="courts_judge_spec_unique")
        ]

    def __str__(self) -> str:
        return f"{self.judge_id}: {self.category}"


class JudgeStatusPeriod(models.Model):
    """The history of a judge's status: one row per period, the open one has no end."""

    judge = models.ForeignKey(Judge, on_delete=models.CASCADE, related_name="status_periods")
    status = models.CharField(_("status"), max_length=16, choices=JudgeStatus.choices)
    starts_on = models.DateField(_("valid from"))
    ends_on = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        verbose_name = _("judge status period")
        verbose_name_plural = _("judge status periods")
        ordering = ["judge", "starts_on"]

    def __str__(self) -> str:
        return f"{self.judge_id}: {self.status} {self.starts_on}–{self.ends_on or ''}"
