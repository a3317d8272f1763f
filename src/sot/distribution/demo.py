"""Demo draws: the seeder places its judges in bulk, so register a few cases the live way.

``demo_seed()`` files and registers three cases at the demo clerk's court, with the demo citizen as
claimant: a civil claim (drawn among courts outside both parties' regions), a criminal case (drawn
within the court) and a closed-session case (logged by a salted commitment). Each has a "How was
the judge chosen?" page.
"""

from __future__ import annotations

from django.db import transaction

from sot.accounts.models import User
from sot.cases import services
from sot.cases.lifecycle import CaseAction
from sot.cases.models import Case, ParticipantRole, PartyKind
from sot.core.iin import complete_iin
from sot.core.judiciary import CaseCategory
from sot.courts.models import Region

from .models import Draw


def _iin(n: int) -> str:
    for k in range(n * 10, n * 10 + 10):
        candidate = complete_iin(f"9001{k % 28 + 1:02d}3{k % 10000:04d}")
        if candidate is not None:
            return candidate
    raise ValueError("no valid IIN")


@transaction.atomic
def demo_seed() -> list[Case]:
    clerk = User.objects.filter(username="demo.clerk").first()
    citizen = User.objects.filter(username="demo.citizen").first()
    if clerk is None or citizen is None or clerk.court is None:
        return []
    if Draw.objects.filter(case__participants__user=citizen).exists():
        return []  # already done
    court = clerk.court
    other_region = Region.objects.exclude(id=court.region_id or 0).order_by("code").first()
    cases = []
    for n, (category, closed, subject) in enumerate(
        (
            (CaseCategory.CIVIL, False, "О взыскании задолженности по договору займа"),
            (CaseCategory.CRIMINAL, False, "Ст. 188 ч. 2 УК РК"),
            (CaseCategory.CIVIL, True, "Об усыновлении"),
        )
    ):
        case = services.case_file(
            court=court,
            category=category,
            subject=subject,
            acting_user=clerk,
            is_closed=closed,
            participants=(
                services.ParticipantInput(
                    role=ParticipantRole.PLAINTIFF
                    if category == CaseCategory.CIVIL
                    else ParticipantRole.VICTIM,
                    name=citizen.full_name,
                    kind=PartyKind.PERSON,
                    iin=citizen.iin or _iin(2 * n),
                    user=citizen,
                    region=court.region,
                ),
                services.ParticipantInput(
                    role=ParticipantRole.DEFENDANT
                    if category == CaseCategory.CIVIL
                    else ParticipantRole.ACCUSED,
                    name="Серіков Дәурен",
                    iin=_iin(2 * n + 1),
                    region=other_region,
                ),
            ),
        )
        registered = services.case_transition(
            case=case, action=CaseAction.REGISTER, acting_user=clerk
        )
        registered.refresh_from_db()  # the draw may have moved it to another court
        cases.append(registered)
    return cases
