"""Who appears before the Council on a question (Art. 9 §3) and who must leave before it decides
(Art. 10 §1)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .sessions import AgendaItem


class Appearance(models.Model):
    """The person a question concerns (a candidate for the post, a judge to be released) or
    another invited person: whether they were notified, present at the hearing, and when they left
    so that the Council could decide without them."""

    item = models.ForeignKey(
        AgendaItem,
        on_delete=models.CASCADE,
        related_name="appearances",
        verbose_name=_("agenda item"),
    )
    name = models.CharField(_("name"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    is_concerned = models.BooleanField(_("the person concerned"), default=True)
    # Art. 9 §3: the absence of a person duly notified does not prevent the hearing.
    notified_on = models.DateField(_("notified on"), null=True, blank=True)
    present = models.BooleanField(_("present at the hearing"), default=False)
    # Art. 10 §1: decisions on the merits are taken in the absence of this person.
    left_at = models.DateTimeField(_("left before the decision at"), null=True, blank=True)

    class Meta:
        verbose_name = _("appearance")
        verbose_name_plural = _("appearances")
        ordering = ["item", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "name"], name="council_appearance_unique")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def in_the_room(self) -> bool:
        return self.present and self.left_at is None
