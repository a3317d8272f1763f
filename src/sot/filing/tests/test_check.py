"""The formal check (accept, return, leave without motion) and the participant's cabinet."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from rest_framework.test import APIClient

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases.models import Case, CaseEvent, CaseEventKind, CaseStatus, ParticipantRole
from sot.cases.tests.factories import CaseFactory, ParticipantFactory
from sot.core import clock
from sot.courts.tests.factories import CourtFactory
from sot.filing.models import Filing, FilingStatus
from sot.notifications.models import Notice

from .conftest import PDF, World, claim_form, direct_payload

DIRECT = "/api/v1/filing/filings/"


def client_for(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def submit_claim(world: World, key: str = "k") -> int:
    files = [("claim_text", "claim.pdf", PDF), ("evidence", "e.txt", b"evidence\n")]
    body = direct_payload(
        "civil_claim", claim_form(world, defendant_iin=""), files, world.cred, key=key
    )
    response = client_for(world.citizen).post(DIRECT, body, format="multipart")
    assert response.status_code == 201, response.content
    return int(response.json()["id"])


def test_accept_files_and_registers_the_case_with_the_filer_as_plaintiff(world: World) -> None:
    fid = submit_claim(world)

    response = client_for(world.clerk).post(f"/api/v1/filing/filings/{fid}/accept/")

    assert response.status_code == 200, response.content
    case = Case.objects.get()
    assert response.json()["opened_case"] == {"id": case.pk, "number": case.number}
    assert case.status == CaseStatus.REGISTERED
    assert case.number
    assert case.claim_amount == 1_000_000
    plaintiff = case.participants.get(role=ParticipantRole.PLAINTIFF)
    assert plaintiff.user == world.citizen
    assert plaintiff.iin == world.citizen.iin
    assert case.participants.filter(role=ParticipantRole.DEFENDANT, name="ЖШС «Алатау»").exists()
    assert case.documents.count() == 2
    kinds = list(case.events.values_list("kind", flat=True))
    assert CaseEventKind.FILED in kinds
    assert CaseEventKind.REGISTERED in kinds
    assert CaseEventKind.PETITION_FILED in kinds
    notice = Notice.objects.get(kind="filing.accepted")
    assert notice.recipient == world.citizen
    assert notice.context["case_number"] == case.number


def test_distribution_assigns_a_judge_on_acceptance_when_automatic(
    world: World, settings: Any
) -> None:
    """Criminal cases are drawn within the court of jurisdiction (distribution's starter rules)."""
    from sot.courts.tests.factories import JudgeFactory

    settings.SOT_DISTRIBUTION_AUTOMATIC = True
    for _ in range(3):
        JudgeFactory(court=world.court)
    form = {
        "court": world.court.code,
        "pretrial_number": "252500031000123",
        "investigator_action": "Тінту хаттамасы",
        "facts": "Заңсыз тінту",
    }
    body = direct_payload(
        "criminal_investigator_complaint", form, [("complaint_text", "c.pdf", PDF)], world.cred
    )
    fid = client_for(world.citizen).post(DIRECT, body, format="multipart").json()["id"]

    accepted = client_for(world.clerk).post(f"/api/v1/filing/filings/{fid}/accept/")

    assert accepted.status_code == 200, accepted.content
    case = Case.objects.get()
    assert case.bench.count() == 1
    assert case.is_closed


def test_return_with_grounds_from_the_table_cpc_art_152(world: World) -> None:
    """CPC RK art. 152: a claim is returned on the grounds the law lists (numbers to be reviewed)."""
    fid = submit_claim(world)
    clerk = client_for(world.clerk)

    bad = clerk.post(
        f"/api/v1/filing/filings/{fid}/return/", {"grounds": ["because"]}, format="json"
    )
    assert bad.status_code == 400
    ok = clerk.post(
        f"/api/v1/filing/filings/{fid}/return/",
        {"grounds": ["not_within_jurisdiction"]},
        format="json",
    )

    assert ok.status_code == 200, ok.content
    assert ok.json()["status"] == FilingStatus.RETURNED
    assert ok.json()["grounds"][0]["article"].startswith("CPC RK art. 152")
    assert not Case.objects.exists()
    notice = Notice.objects.get(kind="filing.returned")
    assert "152" in notice.context["grounds"]
    assert clerk.post(f"/api/v1/filing/filings/{fid}/accept/").status_code == 409


def test_leave_without_motion_cpc_art_150_then_cure_and_resubmit(world: World) -> None:
    """CPC RK art. 150: left without motion with a deadline; cured in time, it is checked again."""
    fid = submit_claim(world)
    clerk = client_for(world.clerk)
    past = clerk.post(
        f"/api/v1/filing/filings/{fid}/leave-without-motion/",
        {"grounds": ["form_defects"], "cure_by": clock.today().isoformat()},
        format="json",
    )
    assert past.status_code == 400
    cure_by = clock.today() + dt.timedelta(days=10)

    left = clerk.post(
        f"/api/v1/filing/filings/{fid}/leave-without-motion/",
        {"grounds": ["form_defects", "copies_missing"], "cure_by": cure_by.isoformat()},
        format="json",
    )

    assert left.status_code == 200, left.content
    assert left.json()["cure_by"] == cure_by.isoformat()
    notice = Notice.objects.get(kind="filing.left_without_motion")
    assert notice.context["cure_by"] == cure_by.isoformat()
    # The filer corrects the form, signs the new bundle and submits again.
    import base64

    citizen = client_for(world.citizen)
    url = f"/api/v1/filing/filings/{fid}/"
    assert (
        citizen.patch(
            url, {"form": claim_form(world, facts="Толық мән-жайлар.")}, format="json"
        ).status_code
        == 200
    )
    payload = base64.b64decode(citizen.get(url + "bundle/").json()["payload"])
    body = {
        "signature": base64.b64encode(world.cred.sign(payload)).decode(),
        "certificate": world.cred.certificate_pem,
    }
    again = citizen.post(url + "submit/", body, format="json")
    assert again.status_code == 200, again.content
    assert again.json()["status"] == FilingStatus.SUBMITTED


def test_only_the_receiving_courts_office_checks_a_filing(world: World) -> None:
    fid = submit_claim(world)
    stranger_clerk = UserFactory(roles=[Role.CLERK], court=CourtFactory())

    assert (
        client_for(stranger_clerk).post(f"/api/v1/filing/filings/{fid}/accept/").status_code == 404
    )
    assert (
        client_for(world.citizen).post(f"/api/v1/filing/filings/{fid}/accept/").status_code == 403
    )
    assert client_for(world.other).get(f"/api/v1/filing/filings/{fid}/").status_code == 404
    queue = client_for(world.clerk).get("/api/v1/filing/queue/").json()["results"]
    assert [row["id"] for row in queue] == [fid]
    assert client_for(stranger_clerk).get("/api/v1/filing/queue/").json()["results"] == []


def test_routine_petitions_are_accepted_automatically_into_the_case_history(world: World) -> None:
    case = CaseFactory(court=world.court, status=CaseStatus.SCHEDULED)
    ParticipantFactory(case=case, user=world.citizen, iin=world.citizen.iin)
    form = {"case": case.number, "request": "Бейнебайланыс арқылы қатысуды сұраймын."}
    response = client_for(world.citizen).post(
        DIRECT, direct_payload("petition_video", form, [], world.cred), format="multipart"
    )

    assert response.status_code == 201, response.content
    assert response.json()["status"] == FilingStatus.ACCEPTED
    event = CaseEvent.objects.get(case=case, kind=CaseEventKind.PETITION_FILED)
    assert event.payload["automatic"] is True
    history = (
        client_for(world.citizen).get(f"/api/v1/filing/cabinet/cases/{case.pk}/history/").json()
    )
    assert [row["source"] for row in history] == ["filing", "case"] or len(history) == 2
    assert history == sorted(history, key=lambda row: row["at"])


def test_an_appeal_opens_the_higher_instance_case(world: World) -> None:
    from sot.courts.models import CourtLevel

    regional = CourtFactory(level=CourtLevel.REGIONAL)
    world.court.parent = regional
    world.court.save()
    case = CaseFactory(court=world.court, status=CaseStatus.DECIDED)
    ParticipantFactory(case=case, user=world.citizen, iin=world.citizen.iin)
    form = {
        "case": case.number,
        "appealed_act": "Шешім 01.03.2026",
        "facts": "Келіспеймін",
        "fee_exemption": "alimony",
    }
    response = client_for(world.citizen).post(
        DIRECT,
        direct_payload("appeal", form, [("complaint_text", "a.pdf", PDF)], world.cred),
        format="multipart",
    )
    assert response.status_code == 201, response.content

    accepted = client_for(world.clerk).post(
        f"/api/v1/filing/filings/{response.json()['id']}/accept/"
    )

    assert accepted.status_code == 200, accepted.content
    higher = Case.objects.get(lower_case=case)
    assert higher.court == regional
    assert higher.instance == "appeal"


def test_the_cabinet_shows_my_cases_history_and_documents_and_nothing_else(world: World) -> None:
    fid = submit_claim(world)
    client_for(world.clerk).post(f"/api/v1/filing/filings/{fid}/accept/")
    case = Case.objects.get()
    foreign = CaseFactory(court=world.court)
    ParticipantFactory(case=foreign, user=world.other)
    citizen = client_for(world.citizen)

    cases = citizen.get("/api/v1/filing/cabinet/cases/").json()["results"]
    assert [c["id"] for c in cases] == [case.pk]
    history = citizen.get(f"/api/v1/filing/cabinet/cases/{case.pk}/history/").json()
    kinds = [row["kind"] for row in history]
    assert "civil_claim" in kinds
    assert "registered" in kinds
    assert [row["at"] for row in history] == sorted(row["at"] for row in history)
    documents = citizen.get(f"/api/v1/filing/cabinet/cases/{case.pk}/documents/").json()
    assert len(documents) == 2
    download = citizen.get(
        f"/api/v1/filing/cabinet/cases/{case.pk}/documents/{documents[0]['id']}/"
    )
    assert download.status_code == 200
    content = b"".join(download.streaming_content)  # type: ignore[attr-defined]
    assert content.startswith(b"%PDF")
    filings = citizen.get("/api/v1/filing/filings/").json()["results"]
    assert [f["id"] for f in filings] == [fid]

    assert citizen.get(f"/api/v1/filing/cabinet/cases/{foreign.pk}/history/").status_code == 404
    assert citizen.get(f"/api/v1/filing/cabinet/cases/{foreign.pk}/documents/").status_code == 404
    outsider = client_for(world.other)
    assert outsider.get(f"/api/v1/filing/cabinet/cases/{case.pk}/history/").status_code == 404
    assert (
        outsider.get(
            f"/api/v1/filing/cabinet/cases/{case.pk}/documents/{documents[0]['id']}/"
        ).status_code
        == 404
    )
    attachment = Filing.objects.get().attachments.get(slot="claim_text")
    assert (
        outsider.get(f"/api/v1/filing/filings/{fid}/attachments/{attachment.pk}/").status_code
        == 404
    )
    assert (
        citizen.get(f"/api/v1/filing/filings/{fid}/attachments/{attachment.pk}/").status_code == 200
    )


@pytest.mark.parametrize("outcome", ["return", "leave-without-motion"])
def test_a_petition_outcome_is_a_case_event(world: World, outcome: str) -> None:
    case = CaseFactory(court=world.court, status=CaseStatus.SCHEDULED)
    ParticipantFactory(case=case, user=world.citizen, iin=world.citizen.iin)
    form = {"case": case.number, "request": "Кейінге қалдыруды сұраймын."}
    fid = (
        client_for(world.citizen)
        .post(DIRECT, direct_payload("petition_postpone", form, [], world.cred), format="multipart")
        .json()["id"]
    )
    body: dict[str, Any] = {"grounds": ["withdrawn_by_filer"]}
    if outcome != "return":
        body = {
            "grounds": ["form_defects"],
            "cure_by": (clock.today() + dt.timedelta(days=5)).isoformat(),
        }

    response = client_for(world.clerk).post(
        f"/api/v1/filing/filings/{fid}/{outcome}/", body, format="json"
    )

    assert response.status_code == 200, response.content
    event = CaseEvent.objects.get(case=case, kind=CaseEventKind.PETITION_FILED)
    assert event.payload["outcome"] in {"returned", "left_without_motion"}
