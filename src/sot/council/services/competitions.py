"""Competitions: announcement, applications, document check, result (Art. 16–18)."""

from __future__ import annotations

from datetime import date

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.cases.documents import inspect_upload
from sot.core import clock
from sot.core.errors import Conflict, Forbidden, InvalidTransition, Message, ValidationFailed
from sot.courts.models import Court, CourtLevel

from ..dispatch import Sender, configured_sender
from ..models import (
    Application,
    ApplicationDocument,
    ApplicationStatus,
    Candidate,
    Competition,
    CompetitionStatus,
    ListDispatch,
    ResultNotice,
    SpecialCheck,
    Vote,
)
from ..records import candidate_facts
from ..rules.documents import missing_documents
from ..rules.eligibility import Position, eligibility
from ..rules.periods import add_months, add_years
from ..rules.reasons import render_all
from ..selectors import current_thresholds, required_documents
from .calendar import working_days_after
from .common import require_secretariat

NOTIFY_WITHIN_WORKING_DAYS = 10  # Art. 18 §12
SPECIAL_CHECK_VALID_YEARS = 1  # Art. 18 §9


def _locked(competition: Competition) -> Competition:
    return Competition.objects.select_for_update().get(pk=competition.pk)


def competition_create(
    *,
    position: str,
    court: Court,
    vacancies: int,
    basis: str,
    announcement_kk: str,
    announcement_ru: str,
    acting_user: User,
    previous: Competition | None = None,
    is_specialised_court: bool = False,
) -> Competition:
    """Art. 16 §2–3: a competition opens on the representation of the authorised body."""
    require_secretariat(acting_user)
    errors: dict[str, list[Message]] = {}
    if position not in Position.values:
        errors["position"] = [_("Choose a position.")]
    if vacancies < 1:
        errors["vacancies"] = [_("At least one vacancy.")]
    if not basis.strip():
        errors["basis"] = [_("State the representation that opens the vacancy.")]
    if errors:
        raise ValidationFailed(fields=errors)
    # A double submit returns the draft the first one made.
    existing = Competition.objects.filter(
        status=CompetitionStatus.DRAFT,
        position=position,
        court=court,
        basis=basis.strip(),
        previous=previous,
    ).first()
    if existing is not None:
        return existing
    return Competition.objects.create(
        position=position,
        court=court,
        vacancies=vacancies,
        basis=basis.strip(),
        announcement_kk=announcement_kk.strip(),
        announcement_ru=announcement_ru.strip(),
        previous=previous,
        is_specialised_court=is_specialised_court,
    )


@transaction.atomic
def competition_announce(
    *, competition: Competition, published_on: date, held_on: date, acting_user: User
) -> Competition:
    """Art. 16 §4: published in Kazakh and Russian at least one month before the competition;
    Art. 16 §5: applications are accepted for one month from publication."""
    require_secretariat(acting_user)
    competition = _locked(competition)
    if competition.status != CompetitionStatus.DRAFT:
        raise InvalidTransition(_("Only a draft competition can be announced."))
    errors: dict[str, list[Message]] = {}
    if not competition.announcement_kk:
        errors["announcement_kk"] = [_("The announcement must be published in Kazakh.")]
    if not competition.announcement_ru:
        errors["announcement_ru"] = [_("The announcement must be published in Russian.")]
    earliest = add_months(published_on, 1)
    if held_on < earliest:
        errors["held_on"] = [
            _("The competition may be held no earlier than one month after publication.")
        ]
    if errors:
        raise ValidationFailed(fields=errors)
    competition.status = CompetitionStatus.ANNOUNCED
    competition.published_on = published_on
    competition.applications_close_on = earliest
    competition.held_on = held_on
    competition.save()
    return competition


@transaction.atomic
def application_submit(
    *, competition: Competition, candidate: Candidate, acting_user: User
) -> Application:
    """Art. 16 §5: within one month of publication. Submitting twice returns the same application."""
    if candidate.user_id != acting_user.pk:
        raise Forbidden()
    competition = _locked(competition)
    existing = Application.objects.filter(competition=competition, candidate=candidate).first()
    if existing is not None:
        return existing
    today = clock.today()
    if (
        competition.status != CompetitionStatus.ANNOUNCED
        or competition.published_on is None
        or competition.applications_close_on is None
        or not competition.published_on <= today <= competition.applications_close_on
    ):
        raise InvalidTransition(_("Applications for this competition are not being accepted."))
    try:
        with transaction.atomic():
            return Application.objects.create(
                competition=competition, candidate=candidate, submitted_on=today
            )
    except IntegrityError:
        return Application.objects.get(competition=competition, candidate=candidate)


@transaction.atomic
def application_document_add(
    *, application: Application, upload: UploadedFile, title: str, acting_user: User
) -> ApplicationDocument:
    """A document of the application (the list is the regulation's, Art. 16 §5)."""
    if application.candidate.user_id != acting_user.pk:
        raise Forbidden()
    if application.status != ApplicationStatus.SUBMITTED:
        raise InvalidTransition(_("Documents are added only before the check."))
    if not title.strip():
        raise ValidationFailed(fields={"title": [_("Name the document.")]})
    checked = inspect_upload(upload)
    existing = application.documents.filter(sha256=checked.sha256).first()
    if existing is not None:
        return existing
    document = ApplicationDocument(
        application=application,
        title=title.strip()[:200],
        sha256=checked.sha256,
        media_type=checked.content_type,
        uploaded_at=clock.now(),
    )
    document.file.save(checked.sha256, upload, save=False)
    document.save()
    return document


@transaction.atomic
def competition_close_applications(*, competition: Competition, acting_user: User) -> Competition:
    """Art. 16 §6: after the month, the list of applicants goes to the regional courts and is
    published."""
    require_secretariat(acting_user)
    competition = _locked(competition)
    today = clock.today()
    if competition.status != CompetitionStatus.ANNOUNCED:
        raise InvalidTransition(_("The competition is not accepting applications."))
    if competition.applications_close_on is None or today <= competition.applications_close_on:
        raise InvalidTransition(
            _("Applications are accepted until %(date)s."),
            params={"date": competition.applications_close_on},
        )
    competition.status = CompetitionStatus.CHECKING
    competition.lists_published_on = today
    competition.save()
    applicants_list_send(competition=competition, acting_user=acting_user)
    return competition


@transaction.atomic
def applicants_list_send(
    *, competition: Competition, acting_user: User, sender: Sender | None = None
) -> ListDispatch:
    """Art. 16 §6: the list of applicants goes to every regional court for checks at the
    applicants' places of work. Once per competition: a second call returns the first dispatch."""
    require_secretariat(acting_user)
    competition = _locked(competition)
    existing = ListDispatch.objects.filter(competition=competition).first()
    if existing is not None:
        return existing
    if competition.lists_published_on is None:
        raise InvalidTransition(_("The list is sent once the acceptance of applications is over."))
    sender = sender or configured_sender()
    dispatch = ListDispatch.objects.create(
        competition=competition,
        applicants=[
            a.candidate.user.full_name
            for a in competition.applications.select_related("candidate__user").order_by("pk")
        ],
        sent_at=clock.now(),
        sent_by=acting_user,
        channel=sender.name,
    )
    dispatch.courts.set(Court.objects.filter(level=CourtLevel.REGIONAL, is_active=True))
    sender.send_list(dispatch)
    return dispatch


@transaction.atomic
def application_check(*, application: Application, acting_user: User) -> Application:
    """The document check: Art. 17 eligibility for the position, on the records as they stand, and
    the documents the regulation requires (Art. 16 §5)."""
    require_secretariat(acting_user)
    application = (
        Application.objects.select_for_update().select_related("competition").get(pk=application.pk)
    )
    competition = application.competition
    if competition.status != CompetitionStatus.CHECKING:
        raise InvalidTransition(_("Applications are checked after the acceptance period."))
    today = clock.today()
    facts = candidate_facts(
        application.candidate, today, competition.position, competition.court_id
    )
    result = eligibility(competition.position, facts, today, current_thresholds())
    reasons = result.reasons + missing_documents(
        required_documents(), application.documents.values_list("title", flat=True)
    )
    application.status = ApplicationStatus.REJECTED if reasons else ApplicationStatus.ADMITTED
    application.check_reasons = render_all(reasons)
    application.checked_on = today
    application.save()
    return application


def _winning_applications(competition: Competition) -> list[Application]:
    """Applications whose nomination vote was adopted, the most votes first (Art. 18 §8)."""
    votes = (
        Vote.objects.filter(
            item__competition=competition, nomination__isnull=False, is_open=False, adopted=True
        )
        .select_related("nomination__application")
        .order_by("-votes_for", "pk")
    )
    winners: list[Application] = []
    for vote in votes:
        assert vote.nomination is not None
        application = vote.nomination.application
        if application not in winners and len(winners) < competition.vacancies:
            winners.append(application)
    return winners


@transaction.atomic
def competition_complete(*, competition: Competition, acting_user: User) -> Competition:
    """Art. 18 §8: winners have two thirds of the votes of members taking part; Art. 18 §11: with no
    winner the competition did not take place; Art. 18 §12: participants are notified within ten
    working days."""
    require_secretariat(acting_user)
    competition = _locked(competition)
    if competition.status != CompetitionStatus.CHECKING:
        raise InvalidTransition(_("Only a competition under way can be completed."))
    if Vote.objects.filter(item__competition=competition, is_open=True).exists():
        raise InvalidTransition(_("A vote on this competition is still open."))
    today = clock.today()
    winners = _winning_applications(competition)
    for application in competition.applications.select_for_update():
        if application in winners:
            application.status = ApplicationStatus.WON
        elif application.status == ApplicationStatus.ADMITTED:
            application.status = ApplicationStatus.NOT_SELECTED
        application.save()
    competition.status = CompetitionStatus.COMPLETED if winners else CompetitionStatus.FAILED
    competition.completed_on = today
    competition.notify_by = working_days_after(today, NOTIFY_WITHIN_WORKING_DAYS)
    competition.save()
    return competition


@transaction.atomic
def participants_notify(
    *, competition: Competition, acting_user: User, sender: Sender | None = None
) -> int:
    """Art. 18 §12: the secretary notifies every participant of the result, each notice recorded
    and handed to the sender; returns how many were sent (none the second time)."""
    require_secretariat(acting_user)
    competition = _locked(competition)
    if competition.completed_on is None:
        raise InvalidTransition(_("The competition has no result yet."))
    sender = sender or configured_sender()
    now, today = clock.now(), clock.today()
    due_on = competition.notify_by or working_days_after(
        competition.completed_on, NOTIFY_WITHIN_WORKING_DAYS
    )
    waiting = list(competition.applications.select_for_update().filter(notified_on__isnull=True))
    for application in waiting:
        notice = ResultNotice.objects.create(
            application=application,
            outcome=application.status,
            due_on=due_on,
            sent_at=now,
            sent_by=acting_user,
            channel=sender.name,
        )
        application.notified_on = today
        application.save(update_fields=["notified_on"])
        sender.send_notice(notice)
    return len(waiting)


def competition_reannounce(*, competition: Competition, acting_user: User) -> Competition:
    """Art. 18 §11: a competition that did not take place may be announced again."""
    require_secretariat(acting_user)
    if competition.status != CompetitionStatus.FAILED:
        raise InvalidTransition(_("Only a competition that did not take place is re-announced."))
    if Competition.objects.filter(previous=competition).exists():
        raise Conflict(_("This competition has already been re-announced."))
    return competition_create(
        position=competition.position,
        court=competition.court,
        vacancies=competition.vacancies,
        basis=competition.basis,
        announcement_kk=competition.announcement_kk,
        announcement_ru=competition.announcement_ru,
        acting_user=acting_user,
        previous=competition,
        is_specialised_court=competition.is_specialised_court,
    )


def special_check_record(
    *,
    candidate: Candidate,
    is_passed: bool,
    issued_on: date,
    criminal_case_found: bool,
    notes: str,
    acting_user: User,
) -> SpecialCheck:
    """Art. 18 §9: the document is valid for one year from its issue."""
    require_secretariat(acting_user)
    existing = SpecialCheck.objects.filter(candidate=candidate, issued_on=issued_on).first()
    if existing is not None:
        return existing  # the same document recorded twice
    return SpecialCheck.objects.create(
        candidate=candidate,
        is_passed=is_passed,
        issued_on=issued_on,
        valid_until=add_years(issued_on, SPECIAL_CHECK_VALID_YEARS),
        criminal_case_found=criminal_case_found,
        notes=notes,
    )


def recommendation_blockers(application: Application, on: date) -> list[str]:
    """What stops recommending a winner: a non-judge needs a valid, passed special check
    (Art. 18 §9); a criminal case found needs the Council's session on the prosecutor's check
    (Art. 18 §10)."""
    blockers = []
    candidate = application.candidate
    if candidate.judge_id is None:
        check = candidate.special_checks.filter(issued_on__lte=on).first()
        if check is None or not check.is_passed or on > check.valid_until:
            blockers.append("special_check_required")
        elif check.criminal_case_found:
            blockers.append("additional_check_required")
    return blockers
