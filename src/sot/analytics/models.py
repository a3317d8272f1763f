"""Precomputed aggregates of the Situational Center.

Every figure on a dashboard, in an export, the API and the annual report is a sum over ``Fact`` rows:
one row per (month, court, judge, category, instance, metric). ``judge_id`` 0 holds the court's
total, so a court, region or country query never sums per-judge rows. ``Cursor`` records how far
each source log has been folded in (its high-water mark).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sot.core import clock

# judge_id of the rows that hold a court's total over all its judges.
ALL_JUDGES = 0
# court_id of the country's total rows; a region's total rows have court_id = −region id.
COUNTRY = 0


class Fact(models.Model):
    # First day of the month (Kazakhstan time) the counted event happened in.
    month = models.DateField(_("month"))
    # Plain integers, not foreign keys: the table is written in bulk and never joined on a page.
    court_id = models.IntegerField(_("court"))
    judge_id = models.IntegerField(_("judge"), default=ALL_JUDGES)
    category = models.CharField(_("category"), max_length=32)
    instance = models.CharField(_("instance"), max_length=16)
    metric = models.CharField(_("metric"), max_length=48)
    value = models.BigIntegerField(_("value"), default=0)

    class Meta:
        verbose_name = _("aggregate figure")
        verbose_name_plural = _("aggregate figures")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "court_id", "judge_id", "category", "instance", "metric"],
                name="analytics_fact_key",
            )
        ]
        indexes = [
            # Every read: one court, region or country (or judge), some metrics, a range of months.
            models.Index(
                fields=["court_id", "judge_id", "metric", "month"], name="analytics_fact_read"
            ),
            models.Index(fields=["judge_id", "metric"], name="analytics_fact_judges"),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.court_id}/{self.judge_id} {self.metric}={self.value}"


class Cursor(models.Model):
    """How far one source log (case events, violations, hearing events) has been aggregated."""

    source = models.CharField(_("source"), max_length=32, unique=True)
    last_id = models.BigIntegerField(_("last aggregated id"), default=0)
    updated_at = models.DateTimeField(_("updated on"), default=clock.now)

    class Meta:
        verbose_name = _("aggregation cursor")
        verbose_name_plural = _("aggregation cursors")

    def __str__(self) -> str:
        return f"{self.source}: {self.last_id}"


class DigestSent(models.Model):
    """One row per chair and day: the daily digest goes out once even if the timer runs twice."""

    chair = models.ForeignKey(
        "accounts.User", verbose_name=_("court chair"), on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField(_("day"))
    sent_at = models.DateTimeField(_("sent on"), default=clock.now)

    class Meta:
        verbose_name = _("Situational Center digest sent")
        verbose_name_plural = _("Situational Center digests sent")
        constraints = [
            models.UniqueConstraint(fields=["chair", "day"], name="analytics_digest_once")
        ]

    def __str__(self) -> str:
        return f"{self.chair_id} {self.day}"
