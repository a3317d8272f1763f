from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases import services
from sot.cases.lifecycle import CaseAction
from sot.cases.models import (
    Case,
    CaseEvent,
    CaseEventKind,
    CaseStatus,
    Document,
    Participant,
    ParticipantRole,
)
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory, ParticipantFactory
from sot.core.errors import Forbidden, InvalidTransition, ValidationFailed
from sot.core.judiciary import CaseCategory, Instance
from sot.courts.tests.factories import CourtFactory, JudgeFactory

pytestmark = pytest.mark.django_db

VALID_IIN = "900101300017"
VALID_BIN = "150440001236"


def _plaintiff(**overrides: Any) -> services.ParticipantInput:
    data: dict[str, Any] = {
        "role": ParticipantRole.PLAINTIFF,
        "name": "Сапарова Айгүл",
        "iin": VALID_IIN,
    }
    data.update(overrides)
    return services.ParticipantInput(**data)


def test_filing_records_case_participants_and_events(court, clerk):
    case = services.case_file(
        court=court,
        category=CaseCategory.CIVIL,
        subject="О взыскании суммы долга",
        claim_amount=Decimal("150000.00"),
        participants=[
            _plaintiff(),
            services.ParticipantInput(
                role=ParticipantRole.DEFENDANT,
                name="ТОО «Дала»",
                kind="organisation",
                bin=VALID_BIN,
            ),
        ],
        acting_user=clerk,
    )
    assert case.status == CaseStatus.FILED
    assert case.number is None
    assert case.participants.count() == 2
    assert list(case.events.values_list("kind", flat=True)) == [
        CaseEventKind.FILED,
        CaseEventKind.PARTICIPANT_ADDED,
        CaseEventKind.PARTICIPANT_ADDED,
    ]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"iin": "900101300016"}, "participants.0.iin"),
        ({"iin": "90010130001"}, "participants.0.iin"),
        ({"role": "judge"}, "participants.0.role"),
        ({"name": "  "}, "participants.0.name"),
        ({"kind": "organisation", "iin": "", "bin": "900101300017"}, "participants.0.bin"),
    ],
)
def test_bad_participant_data_files_nothing(court, clerk, overrides, field):
    with pytest.raises(ValidationFailed) as error:
        services.case_file(
            court=court,
            category=CaseCategory.CIVIL,
            subject="x",
            participants=[_plaintiff(**overrides)],
            acting_user=clerk,
        )
    assert field in error.value.fields
    assert Case.objects.count() == 0
    assert CaseEvent.objects.count() == 0


def test_court_must_hear_the_category_and_instance():
    economic = CourtFactory(competences=[(Instance.FIRST, CaseCategory.CIVIL)])
    clerk = UserFactory(roles=[Role.CLERK], court=economic)
    with pytest.raises(ValidationFailed) as error:
        services.case_file(
            court=economic, category=CaseCategory.CRIMINAL, subject="x", acting_user=clerk
        )
    assert "court" in error.value.fields
    assert Case.objects.count() == 0


def test_only_the_courts_office_records_paper_filings(court):
    outsider = UserFactory(roles=[Role.CLERK], court=CourtFactory())
    with pytest.raises(Forbidden):
        services.case_file(
            court=court, category=CaseCategory.CIVIL, subject="x", acting_user=outsider
        )
    assert Case.objects.count() == 0


def test_recording_clerk_becomes_the_hearing_secretary(court, clerk):
    case = services.case_file(
        court=court, category=CaseCategory.CIVIL, subject="x", is_closed=True, acting_user=clerk
    )
    assert case.clerk == clerk


def test_negative_claim_is_refused(court, clerk):
    with pytest.raises(ValidationFailed) as error:
        services.case_file(
            court=court,
            category=CaseCategory.CIVIL,
            subject="x",
            claim_amount=Decimal("-1"),
            acting_user=clerk,
        )
    assert "claim_amount" in error.value.fields


def test_appeal_opens_a_linked_case_in_the_same_matter(court, judge, clerk):
    first = CaseFactory(court=court, status=CaseStatus.DECIDED)
    CaseJudgeFactory(case=first, judge=judge)
    ParticipantFactory(case=first, role=ParticipantRole.PLAINTIFF, iin=VALID_IIN)
    ParticipantFactory(case=first, role=ParticipantRole.DEFENDANT)

    appeal = services.case_appeal(case=first, acting_user=clerk)

    first.refresh_from_db()
    assert first.status == CaseStatus.APPEALED
    assert appeal.instance == Instance.APPEAL
    assert appeal.court == court.parent
    assert appeal.lower_case == first
    assert appeal.matter == first.matter
    assert appeal.status == CaseStatus.FILED
    assert sorted(appeal.participants.values_list("role", flat=True)) == ["defendant", "plaintiff"]
    matter = Case.objects.filter(matter=first.matter).order_by("pk")
    assert list(matter) == [first, appeal]


def test_appeal_keeps_who_represents_whom(court, clerk):
    first = CaseFactory(court=court, status=CaseStatus.DECIDED)
    client = ParticipantFactory(case=first, role=ParticipantRole.PLAINTIFF, name="Client")
    ParticipantFactory(
        case=first, role=ParticipantRole.REPRESENTATIVE, name="Advocate", represents=client
    )
    appeal = services.case_appeal(case=first, acting_user=clerk)
    advocate = appeal.participants.get(name="Advocate")
    assert advocate.represents is not None
    assert advocate.represents.case == appeal
    assert advocate.represents.name == "Client"


def test_cassation_goes_to_the_supreme_court(court, clerk):
    appellate_clerk = UserFactory(roles=[Role.CLERK], court=court.parent)
    first = CaseFactory(court=court, status=CaseStatus.DECIDED)
    appeal = services.case_appeal(case=first, acting_user=clerk)
    appeal.status = CaseStatus.IN_FORCE
    appeal.save(update_fields=["status"])
    cassation = services.case_appeal(case=appeal, acting_user=appellate_clerk)
    assert cassation.court.level == "supreme"
    assert cassation.instance == Instance.CASSATION
    assert cassation.matter == first.matter


def test_appeal_of_an_undecided_case_is_refused(court, clerk):
    case = CaseFactory(court=court, status=CaseStatus.SCHEDULED)
    with pytest.raises(InvalidTransition):
        services.case_appeal(case=case, acting_user=clerk)
    assert Case.objects.count() == 1


def test_transition_service_refuses_appeal_without_opening_a_case(court, clerk):
    case = CaseFactory(court=court, status=CaseStatus.DECIDED)
    with pytest.raises(InvalidTransition):
        services.case_transition(case=case, action=CaseAction.APPEAL, acting_user=clerk)
    assert Case.objects.count() == 1


def test_a_stale_expected_status_refuses_the_repeated_move(court, clerk):
    case = CaseFactory(court=court, status=CaseStatus.ACCEPTED)
    services.case_transition(
        case=case, action=CaseAction.SCHEDULE, acting_user=clerk, expected_status="accepted"
    )
    with pytest.raises(InvalidTransition):
        services.case_transition(
            case=case, action=CaseAction.SCHEDULE, acting_user=clerk, expected_status="accepted"
        )
    assert case.events.filter(kind=CaseEventKind.SCHEDULED).count() == 1


class TestJudgeAssign:
    def test_chair_assigns_an_active_specialised_judge(self, court):
        chair = JudgeFactory(court=court, user__roles=[Role.JUDGE, Role.COURT_CHAIR]).user
        judge = JudgeFactory(court=court, specialisations=[CaseCategory.CIVIL])
        case = CaseFactory(court=court)
        seat = services.judge_assign(case=case, judge=judge, acting_user=chair)
        assert seat.judge == judge
        assert case.events.filter(kind=CaseEventKind.JUDGE_ASSIGNED).count() == 1

    @pytest.mark.parametrize(
        "judge_kwargs",
        [
            {"status": "on_leave"},
            {"specialisations": [CaseCategory.CRIMINAL]},
        ],
        ids=["on-leave", "wrong-specialisation"],
    )
    def test_ineligible_judge_is_refused(self, court, judge_kwargs):
        chair = JudgeFactory(court=court, user__roles=[Role.JUDGE, Role.COURT_CHAIR]).user
        judge = JudgeFactory(court=court, **judge_kwargs)
        case = CaseFactory(court=court)
        with pytest.raises(ValidationFailed):
            services.judge_assign(case=case, judge=judge, acting_user=chair)
        assert not case.bench.exists()

    def test_judge_from_another_court_is_refused(self, court):
        chair = JudgeFactory(court=court, user__roles=[Role.JUDGE, Role.COURT_CHAIR]).user
        case = CaseFactory(court=court)
        with pytest.raises(ValidationFailed):
            services.judge_assign(case=case, judge=JudgeFactory(), acting_user=chair)

    def test_only_the_chair_assigns(self, court, clerk, judge):
        case = CaseFactory(court=court)
        with pytest.raises(Forbidden):
            services.judge_assign(case=case, judge=judge, acting_user=clerk)


class TestParticipantAdd:
    def test_clerk_adds_a_participant(self, court, clerk):
        case = CaseFactory(court=court)
        participant = services.participant_add(case=case, data=_plaintiff(), acting_user=clerk)
        assert participant.iin == VALID_IIN

    def test_bad_iin_adds_nothing(self, court, clerk):
        case = CaseFactory(court=court)
        with pytest.raises(ValidationFailed):
            services.participant_add(
                case=case, data=_plaintiff(iin="123456789012"), acting_user=clerk
            )
        assert Participant.objects.count() == 0
        assert CaseEvent.objects.count() == 0

    def test_outsider_cannot_add(self, court):
        case = CaseFactory(court=court)
        citizen = UserFactory(roles=[Role.CITIZEN])
        with pytest.raises(Forbidden):
            services.participant_add(case=case, data=_plaintiff(), acting_user=citizen)


class TestDocumentAdd:
    def test_document_is_stored_by_hash_with_sniffed_type(self, court, clerk, settings):
        case = CaseFactory(court=court)
        upload = SimpleUploadedFile("Талап арыз.pdf", b"%PDF-1.7\n1 0 obj\n", "text/html")
        document = services.document_add(case=case, upload=upload, title="", acting_user=clerk)
        assert document.content_type == "application/pdf"
        assert document.title == "Талап арыз.pdf"
        assert len(document.sha256) == 64
        assert document.file.name.endswith(document.sha256)
        assert case.events.filter(kind=CaseEventKind.DOCUMENT_ADDED).exists()

    @pytest.mark.parametrize(
        ("name", "content"),
        [
            ("claim.pdf", b"MZ\x90\x00 an executable"),
            ("claim.pdf", b"<html><script>alert(1)</script></html>"),
            ("claim.docx", b"%PDF-1.7 but named docx"),
            ("empty.pdf", b""),
        ],
        ids=["exe-as-pdf", "html-as-pdf", "pdf-as-docx", "empty"],
    )
    def test_disguised_or_empty_files_are_refused(self, court, clerk, settings, name, content):
        case = CaseFactory(court=court)
        upload = SimpleUploadedFile(name, content, "application/pdf")
        with pytest.raises(ValidationFailed) as error:
            services.document_add(case=case, upload=upload, title="x", acting_user=clerk)
        assert "file" in error.value.fields
        assert Document.objects.count() == 0
        assert not any(p.is_file() for p in settings.MEDIA_ROOT.rglob("*"))

    def test_oversized_file_is_refused(self, court, clerk, settings):
        settings.SOT_DOCUMENT_MAX_BYTES = 1024
        case = CaseFactory(court=court)
        upload = SimpleUploadedFile("big.pdf", b"%PDF-1.7\n" + b"0" * 2048)
        with pytest.raises(ValidationFailed):
            services.document_add(case=case, upload=upload, title="x", acting_user=clerk)
        assert Document.objects.count() == 0

    def test_identical_bytes_are_stored_once(self, court, clerk, settings):
        case = CaseFactory(court=court)
        for _ in range(2):
            upload = SimpleUploadedFile("a.pdf", b"%PDF-1.7\nsame bytes")
            services.document_add(case=case, upload=upload, title="x", acting_user=clerk)
        names = set(Document.objects.values_list("file", flat=True))
        assert len(names) == 1
        assert len([p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]) == 1

    def test_outsider_cannot_upload(self, court):
        case = CaseFactory(court=court)
        upload = SimpleUploadedFile("a.pdf", b"%PDF-1.7\n")
        with pytest.raises(Forbidden):
            services.document_add(
                case=case, upload=upload, title="x", acting_user=UserFactory(roles=[Role.CITIZEN])
            )
        assert Document.objects.count() == 0
