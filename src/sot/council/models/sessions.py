"""Sessions of the Council, their agenda, votes and decisions (Art. 4, 6, 8–10, 18 §8)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sot.council.rules.tally import DecisionKind, VoteChoice

from .competitions import Application, Competition


class SeatRole(models.TextChoices):
    CHAIR = "chair", _("Chair of the Council")
    MEMBER = "member", _("Member of the Council")
    SECRETARY = "secretary", _("Secretary of the Council (no vote)")


class CouncilSeat(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="council_seats",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=16, choices=SeatRole.choices)
    since = models.DateField(_("since"))
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("Council seat")
        verbose_name_plural = _("Council seats")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    OPEN = "open", _("In progress")
    FINISHED = "finished", _("Finished")


class Session(models.Model):
    starts_at = models.DateTimeField(_("starts at"))
    place = models.CharField(_("place"), max_length=200)
    # Art. 8 §2: closed only by the members' majority, never for competition results.
    is_closed = models.BooleanField(_("closed session"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=SessionStatus.choices, default="planned"
    )
    # Members present, fixed when the session opens (Art. 8 §1 quorum).
    present = models.ManyToManyField(
        CouncilSeat, verbose_name=_("members present"), related_name="sessions", blank=True
    )
    members_total = models.PositiveSmallIntegerField(_("members in office"), null=True, blank=True)
    minutes = models.TextField(_("minutes"), blank=True)

    class Meta:
        verbose_name = _("Council session")
        verbose_name_plural = _("Council sessions")
        ordering = ["-starts_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d} {self.place}"


class AgendaItem(models.Model):
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="agenda", verbose_name=_("session")
    )
    position = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=16, choices=DecisionKind.choices)
    title = models.CharField(_("title"), max_length=300)
    competition = models.ForeignKey(
        Competition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("competition"),
    )
    # The person the question concerns (for recusal, Art. 6 §2.4).
    concerns = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("concerns"),
    )
    # Art. 8 §4: materials are decided within three months of receipt.
    materials_received_on = models.DateField(_("materials received on"))
    materials = models.TextField(_("materials"), blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["session", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "position"], name="council_agenda_position_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Recusal(models.Model):
    """Art. 6 §2.4: a member who is a spouse, close relative or in-law of the person concerned."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="recusals", verbose_name=_("agenda item")
    )
    seat = models.ForeignKey(
        CouncilSeat, on_delete=models.PROTECT, related_name="+", verbose_name=_("member")
    )
    relationship = models.CharField(_("relationship"), max_length=200)

    class Meta:
        verbose_name = _("recusal")
        verbose_name_plural = _("recusals")
        constraints = [
            models.UniqueConstraint(fields=["item", "seat"], name="council_recusal_unique")
        ]

    def __str__(self) -> str:
        return f"{self.seat} / {self.item}"


class Nomination(models.Model):
    """Art. 18 §8.3: a member puts an applicant forward for the vote."""

    item = models.ForeignKey(
        AgendaItem,
        on_delete=models.CASCADE,
        related_name="nominations",
        verbose_name=_("agenda item"),
    )
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="+", verbose_name=_("application")
    )
    nominated_by = models.ForeignKey(
        CouncilSeat, on_delete=models.PROTECT, related_name="+", verbose_name=_("nominated by")
    )

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "application"], name="council_nomination_unique"
            )
        ]

    def __str__(self) -> str:
        return str(self.application)


class Vote(models.Model):
    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="votes", verbose_name=_("agenda item")
    )
    nomination = models.ForeignKey(
        Nomination,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="votes",
        verbose_name=_("nomination"),
    )
    question = models.CharField(_("question"), max_length=300)
    is_secret = models.BooleanField(_("secret ballot"), default=False)
    is_open = models.BooleanField(_("voting in progress"), default=True)
    # The tally, written when the vote closes.
    votes_for = models.PositiveSmallIntegerField(_("for"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("against"), null=True, blank=True)
    required = models.PositiveSmallIntegerField(_("required"), null=True, blank=True)
    quorum = models.BooleanField(_("quorum"), null=True, blank=True)
    adopted = models.BooleanField(_("adopted"), null=True, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.question


class OpenBallot(models.Model):
    vote = models.ForeignKey(
        Vote, on_delete=models.CASCADE, related_name="open_ballots", verbose_name=_("vote")
    )
    seat = models.ForeignKey(
        CouncilSeat, on_delete=models.PROTECT, related_name="+", verbose_name=_("member")
    )
    choice = models.CharField(_("choice"), max_length=8, choices=VoteChoice.choices)

    class Meta:
        verbose_name = _("open ballot")
        verbose_name_plural = _("open ballots")
        constraints = [
            models.UniqueConstraint(fields=["vote", "seat"], name="council_open_ballot_unique")
        ]

    def __str__(self) -> str:
        return f"{self.seat}: {self.choice}"


class SecretBallot(models.Model):
    """A secret ballot: the choice only. No member, no time, and a random key, so neither a
    column nor the order of rows links a ballot to the ``VoterMark`` written with it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    vote = models.ForeignKey(
        Vote, on_delete=models.CASCADE, related_name="secret_ballots", verbose_name=_("vote")
    )
    choice = models.CharField(_("choice"), max_length=8, choices=VoteChoice.choices)

    class Meta:
        verbose_name = _("secret ballot")
        verbose_name_plural = _("secret ballots")

    def __str__(self) -> str:
        return self.choice


class VoterMark(models.Model):
    """That a member has voted in a secret ballot (so nobody votes twice), not how."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    vote = models.ForeignKey(
        Vote, on_delete=models.CASCADE, related_name="voter_marks", verbose_name=_("vote")
    )
    seat = models.ForeignKey(
        CouncilSeat, on_delete=models.PROTECT, related_name="+", verbose_name=_("member")
    )

    class Meta:
        verbose_name = _("voter mark")
        verbose_name_plural = _("voter marks")
        constraints = [
            models.UniqueConstraint(fields=["vote", "seat"], name="council_voter_mark_unique")
        ]

    def __str__(self) -> str:
        return str(self.seat)


class DecisionForm(models.TextChoices):
    # Art. 10 §3.
    CONCLUSION = "conclusion", _("Conclusion")
    PROTOCOL = "protocol", _("Protocol decision")
    RECOMMENDATION = "recommendation", _("Recommendation")


class Decision(models.Model):
    """Art. 10 §2: in writing, with date, place, composition and reasons, signed by the chair and
    the secretary; published (Art. 10 §5)."""

    item = models.OneToOneField(
        AgendaItem, on_delete=models.PROTECT, related_name="decision", verbose_name=_("agenda item")
    )
    form = models.CharField(_("form"), max_length=16, choices=DecisionForm.choices)
    decided_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200)
    composition = models.JSONField(_("composition"))
    reasons = models.TextField(_("reasons"))
    is_adopted = models.BooleanField(_("adopted"))
    signed_by_chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed by the chair"),
    )
    signed_by_secretary = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed by the secretary"),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_form_display()} {self.decided_on}"


class DissentingOpinion(models.Model):
    """Art. 10 §3: a member's written dissent, attached to the minutes."""

    decision = models.ForeignKey(
        Decision,
        on_delete=models.CASCADE,
        related_name="dissents",
        verbose_name=_("decision"),
    )
    seat = models.ForeignKey(
        CouncilSeat, on_delete=models.PROTECT, related_name="+", verbose_name=_("member")
    )
    text = models.TextField(_("text"))
    submitted_at = models.DateTimeField(_("submitted at"))

    class Meta:
        verbose_name = _("dissenting opinion")
        verbose_name_plural = _("dissenting opinions")
        constraints = [
            models.UniqueConstraint(fields=["decision", "seat"], name="council_dissent_unique")
        ]

    def __str__(self) -> str:
        return str(self.seat)
