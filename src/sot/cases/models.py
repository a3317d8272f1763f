"""Cases, their participants and bench, the append-only event log, and case documents."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sot.core import clock
from sot.core.judiciary import CaseCategory, Instance
from sot.core.models import AppendOnlyModel, AppendOnlyQuerySet
from sot.courts.models import Court, Judge, Region


class CaseStatus(models.TextChoices):
    FILED = "filed", _("Filed")
    REGISTERED = "registered", _("Registered")
    ACCEPTED = "accepted", _("Accepted for proceedings")
    RETURNED = "returned", _("Returned")
    LEFT_WITHOUT_MOTION = "left_without_motion", _("Left without motion")
    SCHEDULED = "scheduled", _("Hearing scheduled")
    HEARD = "heard", _("Heard")
    DECIDED = "decided", _("Decided")
    APPEALED = "appealed", _("Appealed")
    IN_FORCE = "in_force", _("Entered into force")
    ENFORCEMENT = "enforcement", _("Enforcement")
    ARCHIVED = "archived", _("Archived")
    SUSPENDED = "suspended", _("Suspended")


class CaseQuerySet(models.QuerySet["Case"]):
    def pending(self) -> CaseQuerySet:
        """Cases a court still has to decide."""
        return self.filter(
            status__in=[
                CaseStatus.REGISTERED,
                CaseStatus.ACCEPTED,
                CaseStatus.LEFT_WITHOUT_MOTION,
                CaseStatus.SCHEDULED,
                CaseStatus.HEARD,
                CaseStatus.SUSPENDED,
            ]
        )


class Case(models.Model):
    # Allocated at registration: "<court code>-<yy>-<sequence>", no gaps per court and year.
    number = models.CharField(_("case number"), max_length=32, unique=True, null=True, blank=True)
    # Indexed by the (court, status) and (court, filed_at) indexes below, which lead with it.
    court = models.ForeignKey(
        Court,
        verbose_name=_("court"),
        on_delete=models.PROTECT,
        related_name="cases",
        db_index=False,
    )
    category = models.CharField(_("category"), max_length=32, choices=CaseCategory.choices)
    instance = models.CharField(
        _("instance"), max_length=16, choices=Instance.choices, default=Instance.FIRST
    )
    subject = models.CharField(_("subject"), max_length=500, blank=True)
    article = models.CharField(_("article"), max_length=64, blank=True)
    claim_amount = models.DecimalField(
        _("claim amount"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=24, choices=CaseStatus.choices, default=CaseStatus.FILED
    )
    # Where a suspended case goes back to when it resumes.
    status_before_suspension = models.CharField(
        max_length=24, choices=CaseStatus.choices, blank=True
    )
    is_closed = models.BooleanField(_("closed session"), default=False)
    is_electronic = models.BooleanField(_("filed electronically"), default=True)
    # The claimant asked for a court outside the parties' regions where the category allows it.
    extraterritorial_requested = models.BooleanField(
        _("extraterritorial court requested"), default=False
    )
    filed_at = models.DateTimeField(_("filed on"), default=clock.now)
    registered_at = models.DateTimeField(_("registered on"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    # Every case of one matter (first instance, appeal, cassation) shares this key: one query
    # returns the matter's whole history.
    matter = models.UUIDField(_("case across instances"), default=uuid.uuid4, db_index=True)
    lower_case = models.ForeignKey(
        "self",
        verbose_name=_("lower-instance case"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="higher_cases",
    )
    clerk = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hearing secretary"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="clerked_cases",
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [
            models.Index(fields=["court", "status"], name="cases_case_court_status"),
            models.Index(fields=["court", "-filed_at"], name="cases_case_court_filed"),
            models.Index(fields=["-filed_at"], name="cases_case_filed"),
        ]

    def __str__(self) -> str:
        return self.number or f"#{self.pk}"


class BenchRole(models.TextChoices):
    PRESIDING = "presiding", _("Presiding judge")
    RAPPORTEUR = "rapporteur", _("Judge-rapporteur")
    MEMBER = "member", _("Panel member")


class CaseJudge(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="bench")
    judge = models.ForeignKey(Judge, on_delete=models.PROTECT, related_name="case_seats")
    role = models.CharField(_("role"), max_length=16, choices=BenchRole.choices)
    assigned_at = models.DateTimeField(_("assigned on"), default=clock.now)

    class Meta:
        verbose_name = _("judge on a case")
        verbose_name_plural = _("judges on cases")
        constraints = [models.UniqueConstraint(fields=["case", "judge"], name="cases_bench_unique")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.judge_id} ({self.role})"


class ParticipantRole(models.TextChoices):
    PLAINTIFF = "plaintiff", _("Plaintiff")
    DEFENDANT = "defendant", _("Defendant")
    THIRD_PARTY = "third_party", _("Third party")
    APPLICANT = "applicant", _("Applicant")
    ACCUSED = "accused", _("Accused")
    VICTIM = "victim", _("Victim")
    REPRESENTATIVE = "representative", _("Representative")
    PROSECUTOR = "prosecutor", _("Prosecutor")


class PartyKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")


class Participant(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="participants")
    role = models.CharField(_("role"), max_length=24, choices=ParticipantRole.choices)
    kind = models.CharField(
        _("kind"), max_length=16, choices=PartyKind.choices, default=PartyKind.PERSON
    )
    # Set when the participant has a Sot account: that is what gives them access to the case.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="case_participations",
        db_index=False,  # indexed by (user, case) below
    )
    name = models.CharField(_("name"), max_length=300)
    iin = models.CharField(_("IIN"), max_length=12, blank=True)
    bin = models.CharField(_("BIN"), max_length=12, blank=True)
    # The region of the party's registered address: extraterritorial distribution keeps the case
    # away from the courts of the parties' regions.
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    represents = models.ForeignKey(
        "self",
        verbose_name=_("represents"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="representatives",
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        indexes = [models.Index(fields=["user", "case"], name="cases_participant_user")]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"


class CaseNumberSequence(models.Model):
    """The last number handed out per court and year; rows are locked while a number is taken."""

    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["court", "year"], name="cases_number_seq_unique")
        ]

    def __str__(self) -> str:
        return f"{self.court_id}/{self.year}: {self.last}"


class CaseEventKind(models.TextChoices):
    FILED = "filed", _("Filed")
    REGISTERED = "registered", _("Registered")
    ACCEPTED = "accepted", _("Accepted for proceedings")
    RETURNED = "returned", _("Returned")
    LEFT_WITHOUT_MOTION = "left_without_motion", _("Left without motion")
    SCHEDULED = "scheduled", _("Hearing scheduled")
    HEARD = "heard", _("Heard")
    DECIDED = "decided", _("Decided")
    APPEALED = "appealed", _("Appealed")
    IN_FORCE = "in_force", _("Entered into force")
    ENFORCEMENT = "enforcement", _("Sent for enforcement")
    ARCHIVED = "archived", _("Archived")
    SUSPENDED = "suspended", _("Suspended")
    RESUMED = "resumed", _("Resumed")
    JUDGE_ASSIGNED = "judge_assigned", _("Judge assigned")
    JUDGE_REASSIGNED = "judge_reassigned", _("Judge reassigned")
    SENT_TO_CHAIR = "sent_to_chair", _("Sent to the court chair for assignment")
    PARTICIPANT_ADDED = "participant_added", _("Participant added")
    DOCUMENT_ADDED = "document_added", _("Document added")
    PETITION_FILED = "petition_filed", _("Petition filed")
    ACT_SIGNED = "act_signed", _("Court act signed")
    ACT_PUBLISHED = "act_published", _("Court act published")


class CaseEvent(AppendOnlyModel):
    # Indexed by (case, at) below.
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events", db_index=False)
    kind = models.CharField(_("kind"), max_length=32, choices=CaseEventKind.choices)
    at = models.DateTimeField(_("time"), default=clock.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    payload = models.JSONField(_("details"), default=dict, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        indexes = [
            models.Index(fields=["case", "at"], name="cases_event_case_at"),
            models.Index(fields=["at"], name="cases_event_at"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.at:%Y-%m-%d}"


def document_upload_path(instance: Document, filename: str) -> str:
    # Content-addressed: the same bytes are stored once, and no user-supplied name reaches disk.
    return f"documents/{instance.sha256[:2]}/{instance.sha256}"


class Document(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="documents")
    title = models.CharField(_("title"), max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    file = models.FileField(_("file"), upload_to=document_upload_path, max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    size = models.PositiveBigIntegerField(_("size"))
    content_type = models.CharField(_("type"), max_length=128)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded on"), default=clock.now)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title
