"""Art. 13 §10: the Commission drafts the list of exam questions; a session of the Council
approves it. Only approved questions are drawn into tests and published as model questions."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sot.accounts.models import User
from sot.core import clock
from sot.core.errors import Conflict, InvalidTransition, ValidationFailed

from ..models import Question, QuestionList, Session, SessionStatus
from ..rules.tally import DecisionKind
from .common import require_secretariat
from .sessions import agenda_item_add


def questions_awaiting_approval() -> list[Question]:
    return list(
        Question.objects.filter(is_active=True, approved_on__isnull=True).order_by(
            "field_of_law", "pk"
        )
    )


@transaction.atomic
def question_list_submit(*, session: Session, acting_user: User) -> QuestionList:
    """Put the questions not yet approved on a session's agenda as one list.

    A second submission while a list waits for its session returns that list: a question is on
    one pending list at a time."""
    require_secretariat(acting_user)
    pending = (
        QuestionList.objects.select_for_update()
        .filter(approved_on__isnull=True)
        .exclude(item__session__status=SessionStatus.FINISHED)
        .first()
    )
    if pending is not None:
        return pending
    questions = questions_awaiting_approval()
    if not questions:
        raise ValidationFailed(
            fields={"questions": [_("Every question in the bank is already approved.")]}
        )
    item = agenda_item_add(
        session=session,
        # A decision on the exam's content, not on procedure: qualified majority (Art. 10 §1).
        kind=DecisionKind.SUBSTANTIVE,
        title=str(_("Approval of the list of exam questions (Art. 13 §10)")),
        materials_received_on=clock.today(),
        materials="\n".join(f"{q.get_field_of_law_display()}: {q.text}" for q in questions),
        acting_user=acting_user,
    )
    question_list, _created = QuestionList.objects.get_or_create(item=item)
    question_list.questions.set(questions)
    return question_list


@transaction.atomic
def question_list_approve(*, question_list: QuestionList, acting_user: User) -> QuestionList:
    """Record the session's approval after an adopted vote; the questions enter the tests."""
    require_secretariat(acting_user)
    question_list = (
        QuestionList.objects.select_for_update()
        .select_related("item__session")
        .get(pk=question_list.pk)
    )
    if question_list.approved_on is not None:
        raise Conflict(_("The list is already approved."))
    vote = question_list.item.votes.filter(is_open=False).order_by("-pk").first()
    if vote is None:
        raise InvalidTransition(_("The Council has not voted on the list yet."))
    if not vote.adopted:
        raise InvalidTransition(
            _("The Council did not approve the list: its questions stay out of the tests.")
        )
    approved_on = timezone.localdate(question_list.item.session.starts_at)
    question_list.approved_on = approved_on
    question_list.save(update_fields=["approved_on"])
    question_list.questions.filter(approved_on__isnull=True).update(approved_on=approved_on)
    return question_list
