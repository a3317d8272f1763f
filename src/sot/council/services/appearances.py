"""Art. 9 §3 and Art. 10 §1: the person concerned is heard, then the Council decides without them.

The secretariat records who is invited on a question (the person concerned and others), whether
they were notified, whether they were present at the hearing and when they left. A vote on the
merits (competition or substantive) is refused while someone invited is still in the room, or
while the person concerned was neither present nor duly notified.
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.core import clock
from sot.core.errors import InvalidTransition, ValidationFailed

from ..models import AgendaItem, Appearance, SessionStatus
from ..rules.tally import DecisionKind
from .common import require_secretariat


def appearance_record(
    *,
    item: AgendaItem,
    name: str,
    is_concerned: bool,
    notified_on: date | None,
    acting_user: User,
    user: User | None = None,
) -> Appearance:
    """Invite a person on a question; recording the same name again returns the first row."""
    require_secretariat(acting_user)
    if item.session.status == SessionStatus.FINISHED:
        raise InvalidTransition(_("The session is over."))
    name = name.strip()
    if not name:
        raise ValidationFailed(fields={"name": [_("Name the person.")]})
    if notified_on is not None and notified_on > clock.today():
        raise ValidationFailed(fields={"notified_on": [_("The date is in the future.")]})
    try:
        with transaction.atomic():
            appearance, _created = Appearance.objects.get_or_create(
                item=item,
                name=name,
                defaults={"is_concerned": is_concerned, "notified_on": notified_on, "user": user},
            )
    except IntegrityError:
        appearance = Appearance.objects.get(item=item, name=name)
    return appearance


def _open_merits_vote(item: AgendaItem) -> bool:
    return item.kind != DecisionKind.PROCEDURAL and item.votes.filter(is_open=True).exists()


@transaction.atomic
def appearance_present(*, appearance: Appearance, acting_user: User) -> Appearance:
    """Art. 9 §3: the person takes part in the hearing of the question."""
    require_secretariat(acting_user)
    appearance = Appearance.objects.select_for_update().select_related("item").get(pk=appearance.pk)
    if _open_merits_vote(appearance.item):
        raise InvalidTransition(
            _("The Council is deciding: invited persons may not be present (Art. 10 §1).")
        )
    if not appearance.present or appearance.left_at is not None:
        appearance.present = True
        appearance.left_at = None
        appearance.save(update_fields=["present", "left_at"])
    return appearance


@transaction.atomic
def appearance_left(*, appearance: Appearance, acting_user: User) -> Appearance:
    """Art. 10 §1: the person leaves before the Council decides; a second call changes nothing."""
    require_secretariat(acting_user)
    appearance = Appearance.objects.select_for_update().get(pk=appearance.pk)
    if not appearance.present:
        raise InvalidTransition(_("The person was not present."))
    if appearance.left_at is None:
        appearance.left_at = clock.now()
        appearance.save(update_fields=["left_at"])
    return appearance


def require_decision_in_absence(item: AgendaItem) -> None:
    """Refuse a vote on the merits that Art. 9 §3 or Art. 10 §1 does not allow yet.

    Procedural questions are decided by the members with no such condition (Art. 10 §1, second
    sentence)."""
    if item.kind == DecisionKind.PROCEDURAL:
        return
    appearances = list(Appearance.objects.filter(item=item))
    in_room = [a.name for a in appearances if a.in_the_room]
    if in_room:
        raise InvalidTransition(
            _(
                "Art. 10 §1: the Council decides on the merits in the absence of the person "
                "concerned and other invited persons. Still present: %(names)s."
            ),
            params={"names": ", ".join(in_room)},
        )
    unheard = [
        a.name for a in appearances if a.is_concerned and not a.present and not a.notified_on
    ]
    if unheard:
        raise InvalidTransition(
            _(
                "Art. 9 §3: the question is heard with the person concerned, or in their absence "
                "only if they were duly notified. Neither present nor notified: %(names)s."
            ),
            params={"names": ", ".join(unheard)},
        )
