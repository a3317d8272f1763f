"""Publication of signed acts in the public bank, by rules kept as data.

``PublicationRule`` (category, kind → at announcement / after entering into force / never) and
``ClosedArticle`` (statute articles whose acts are never published) are loaded from
``data/publication.json`` and edited in the admin. Whatever the rules say, these are never
published (CPC RK art. 19, CrPC RK art. 29; to be reviewed): acts of closed sessions, acts
concerning minors, acts under a closed article (sexual offences, adoption, state secrets).

Publishing runs ``depersonalize()`` with the case's participants, keeps the original and the
published text side by side for a reviewer (the review page), and hands the act to search through
``act_published``. A reviewer may withdraw it (``act_withdrawn``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.cases import services as case_services
from sot.cases.models import CaseEventKind, CaseStatus, ParticipantRole
from sot.core import clock
from sot.core.errors import Conflict, Forbidden

from . import access, signals
from .models import (
    Act,
    ActStatus,
    ClosedArticle,
    PublicationMoment,
    PublicationRule,
    PublicationState,
)

# Participant roles the depersonalizer is told about (their names are removed).
PRIVATE_ROLES: dict[str, str] = {
    ParticipantRole.PLAINTIFF: "plaintiff",
    ParticipantRole.DEFENDANT: "defendant",
    ParticipantRole.THIRD_PARTY: "third_party",
    ParticipantRole.APPLICANT: "applicant",
    ParticipantRole.ACCUSED: "accused",
    ParticipantRole.VICTIM: "victim",
}
_ARTICLE_NUMBER = re.compile(r"\d+(?:-\d+)?")
STATUTE_BY_CATEGORY = {"criminal": "CC", "administrative_offence": "CC", "civil": "MFC"}


@dataclass(frozen=True)
class Decision:
    moment: str  # PublicationMoment
    reason: str


def _closed_article(act: Act) -> ClosedArticle | None:
    """The closed article the case is about, if any: the charge's article for criminal cases
    (Criminal Code), the substantive article for civil ones (Marriage and Family Code)."""
    code = STATUTE_BY_CATEGORY.get(act.category)
    article = act.case.article if act.case is not None else ""
    match = _ARTICLE_NUMBER.search(article or "")
    if code is None or match is None:
        return None
    number = match.group(0).split("-")[0]
    return ClosedArticle.objects.filter(code=code, article=number).first()


def publication_decision(act: Act) -> Decision:
    """When (if ever) this act may be published, and why."""
    if act.is_closed or (act.case is not None and act.case.is_closed):
        return Decision(PublicationMoment.NEVER, str(_("Closed session")))
    if act.involves_minor:
        return Decision(PublicationMoment.NEVER, str(_("Concerns a minor")))
    closed = _closed_article(act)
    if closed is not None:
        return Decision(PublicationMoment.NEVER, closed.reason)
    rule = (
        PublicationRule.objects.filter(category=act.category)
        .filter(Q(kind=act.kind) | Q(kind=""))
        .order_by("-kind")
        .first()
    )
    if rule is None:
        # No rule: nothing is published until an administrator writes one.
        return Decision(PublicationMoment.NEVER, str(_("No publication rule for this category")))
    return Decision(rule.moment, rule.legal_basis)


def _in_force(act: Act, today: date) -> bool:
    if act.case is not None and act.case.status in {
        CaseStatus.IN_FORCE,
        CaseStatus.ENFORCEMENT,
        CaseStatus.ARCHIVED,
    }:
        return True
    return act.enters_force_on is not None and act.enters_force_on <= today


def is_due(act: Act, decision: Decision, today: date) -> bool:
    if decision.moment == PublicationMoment.ANNOUNCEMENT:
        return True
    return decision.moment == PublicationMoment.IN_FORCE and _in_force(act, today)


def participants_for(act: Act) -> list:  # list[Person]
    from sot.acts.depersonalization import Person

    if act.case is None:
        return []
    people = []
    for participant in act.case.participants.all():
        role = PRIVATE_ROLES.get(participant.role)
        if role and participant.kind == "person":
            people.append(Person(name=participant.name, role=role))
    return people


def published_text_for(act: Act) -> str:
    from sot.acts.depersonalization import depersonalize

    return depersonalize(act.text, lang=act.lang, participants=participants_for(act)).text


@transaction.atomic
def act_publication_apply(*, act_id: int, today: date | None = None) -> str:
    """Apply the rules to one signed act: publish it now, wait, or mark it never published."""
    act = (
        Act.objects.select_for_update(of=("self",))
        .select_related("case", "court")
        .filter(pk=act_id)
        .first()
    )
    if act is None or act.status != ActStatus.SIGNED:
        return "skipped"
    if act.publication_state in {PublicationState.PUBLISHED, PublicationState.WITHDRAWN}:
        return "skipped"
    decision = publication_decision(act)
    if decision.moment == PublicationMoment.NEVER:
        _set_state(act, PublicationState.NEVER, decision.reason)
        return "never"
    if not is_due(act, decision, today or clock.today()):
        _set_state(act, PublicationState.WAITING, decision.reason)
        return "waiting"
    _publish(act, decision.reason)
    return "published"


def _set_state(act: Act, state: str, note: str) -> None:
    if act.publication_state != state or act.publication_note != note[:300]:
        act.publication_state = state
        act.publication_note = note[:300]
        act.save(update_fields=["publication_state", "publication_note"])


def _publish(act: Act, note: str) -> None:
    act.published_text = published_text_for(act)
    act.published_at = clock.now()
    act.publication_state = PublicationState.PUBLISHED
    act.publication_note = note[:300]
    act.save(
        update_fields=["published_text", "published_at", "publication_state", "publication_note"]
    )
    assert act.case is not None
    event = case_services.case_event_record(
        case=act.case,
        kind=CaseEventKind.ACT_PUBLISHED,
        actor=None,
        payload={"act_id": act.pk, "act_number": act.number},
    )
    recipients = [
        p.user for p in act.case.participants.select_related("user") if p.user is not None
    ]
    if recipients:
        from sot.notifications.services import notify  # imported late: optional app wiring

        notify(
            kind="act.published",
            recipients=recipients,
            case=act.case,
            event=event,
            context={"act_number": act.number, "case_number": act.case_number},
        )
    act_id = act.pk
    transaction.on_commit(lambda: signals.act_published.send(sender=Act, act_id=act_id))


def publish_due(*, today: date | None = None, limit: int = 10_000) -> dict[str, int]:
    """Fire the rules over signed acts not yet decided or still waiting. Each act commits alone."""
    pending = (
        Act.objects.filter(status=ActStatus.SIGNED, case__isnull=False)
        .filter(publication_state__in=[PublicationState.NONE, PublicationState.WAITING])
        .order_by("signed_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    counts: dict[str, int] = {"published": 0, "waiting": 0, "never": 0, "skipped": 0}
    for act_id in list(pending):
        outcome = act_publication_apply(act_id=act_id, today=today)
        counts[outcome] += 1
    return counts


@transaction.atomic
def act_withdraw(*, act: Act, acting_user: User, reason: str) -> Act:
    """A reviewer takes a published act out of the public bank (e.g. depersonalization missed a name)."""
    act = Act.objects.select_for_update(of=("self",)).select_related("case", "court").get(pk=act.pk)
    if not access.may_review_publication(acting_user, act):
        raise Forbidden()
    if act.publication_state != PublicationState.PUBLISHED:
        raise Conflict(_("Only a published act can be withdrawn."))
    act.publication_state = PublicationState.WITHDRAWN
    act.publication_note = reason.strip()[:300]
    act.published_at = None
    act.save(update_fields=["publication_state", "publication_note", "published_at"])
    act_id = act.pk
    transaction.on_commit(lambda: signals.act_withdrawn.send(sender=Act, act_id=act_id))
    return act
