"""The smart assistant: complete drafts from the case record, refused when preconditions fail."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from sot.cases.models import CaseStatus
from sot.core.errors import ValidationFailed
from sot.core.judiciary import CaseCategory

from .. import services
from ..models import ActKind, ActOrigin, ActStatus
from .conftest import World


def test_court_order_draft_has_parties_amount_articles_and_checks(world: World) -> None:
    """CPC RK arts. 135-140: a court order on an undisputed claim with documents (to be reviewed)."""
    act = services.assistant_draft(
        case=world.case, rule="court_order", lang="ru", acting_user=world.judge.user
    )
    assert act.kind == ActKind.COURT_ORDER
    assert act.origin == ActOrigin.ASSISTANT
    assert act.status == ActStatus.DRAFT  # never issued without the judge
    assert "Сейітова Әлия Нұрланқызы" in act.text
    assert "Жұмабеков Ерұлан Серікұлы" in act.text
    assert "1 250 000" in act.text
    assert "статьями 135, 139, 140 ГПК" in act.text
    assert "Қарыз шарты" in act.text  # the attached document
    codes = {check["code"] for check in act.checks}
    assert {"verify_undisputed", "verify_claim_listed", "documents_attached"} <= codes
    assert all(c["ok"] is not False for c in act.checks)


def test_court_order_draft_in_kazakh(world: World) -> None:
    act = services.assistant_draft(
        case=world.case, rule="court_order", lang="kk", acting_user=world.judge.user
    )
    assert act.text.startswith("СОТТЫҚ БҰЙРЫҚ")
    assert "теңге" in act.text


def test_court_order_refused_without_documents_art_136(world: World) -> None:
    """CPC RK art. 136: the documents confirming the claim must be attached (to be reviewed)."""
    world.case.documents.all().delete()
    with translation.override("en"), pytest.raises(ValidationFailed) as error:
        services.assistant_draft(
            case=world.case, rule="court_order", lang="ru", acting_user=world.judge.user
        )
    with translation.override("en"):
        assert "Not met: Documents confirming the claim" in str(error.value.render_fields()["rule"])
    assert world.case.acts.count() == 0


def test_court_order_refused_without_amount_and_after_decision(world: World) -> None:
    world.case.claim_amount = Decimal("0")
    world.case.status = CaseStatus.DECIDED
    world.case.save()
    proposal = services.assistant_propose(case=world.case, rule="court_order", lang="ru")
    assert {c.code for c in proposal.failed} == {"amount_stated", "not_decided"}


def test_court_order_only_in_civil_cases(world: World) -> None:
    world.case.category = CaseCategory.CRIMINAL
    world.case.save()
    with pytest.raises(ValidationFailed):
        services.assistant_draft(
            case=world.case, rule="court_order", lang="ru", acting_user=world.judge.user
        )


def test_travel_ban_needs_a_debt_in_enforcement(world: World) -> None:
    with pytest.raises(ValidationFailed):
        services.assistant_draft(
            case=world.case, rule="travel_ban", lang="kk", acting_user=world.judge.user
        )
    world.case.status = CaseStatus.ENFORCEMENT
    world.case.save()
    act = services.assistant_draft(
        case=world.case, rule="travel_ban", lang="kk", acting_user=world.judge.user
    )
    assert "Жұмабеков Ерұлан Серікұлы" in act.text
    assert "шектеу" in act.text


def test_return_of_claim_and_custody_sanction(world: World) -> None:
    act = services.assistant_draft(
        case=world.case, rule="return_of_claim", lang="ru", acting_user=world.judge.user
    )
    assert "статьёй 152 ГПК" in act.text
    world.case.category = CaseCategory.CRIMINAL
    world.case.article = "188-2"
    world.case.save()
    from sot.cases.models import ParticipantRole

    world.case.participants.filter(role=ParticipantRole.DEFENDANT).update(
        role=ParticipantRole.ACCUSED
    )
    act = services.assistant_draft(
        case=world.case, rule="custody_sanction", lang="ru", acting_user=world.judge.user
    )
    assert act.kind == ActKind.SANCTION
    assert "статьёй 188-2 УК" in act.text


def test_unknown_rule_is_a_clear_error(world: World) -> None:
    with pytest.raises(ValidationFailed):
        services.assistant_draft(
            case=world.case, rule="nope", lang="ru", acting_user=world.judge.user
        )
