"""Real servers for the channel tests: an SMTP sink (aiosmtpd) and an SMPP gateway on 127.0.0.1."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases.models import Case, CaseStatus, Participant
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory, ParticipantFactory
from sot.core import clock
from sot.courts.models import Judge
from sot.courts.tests.factories import CourtFactory, JudgeFactory, RegionFactory
from sot.hearings.models import Courtroom
from sot.notifications import rendering
from sot.notifications.testing import smpp_gateway, smtp_sink

ALMATY = ZoneInfo("Asia/Almaty")
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=ALMATY)


@pytest.fixture(autouse=True)
def frozen_now():
    with clock.frozen(NOW):
        yield NOW


@pytest.fixture(autouse=True)
def _spool(settings, tmp_path):
    settings.SOT_HYBRID_MAIL_DIR = tmp_path / "hybrid-mail"
    settings.SOT_NOTIFY_RECEIPT_SECRETS = {
        "smpp": "smpp-secret",
        "email": "email-secret",
        "push": "push-secret",
        "print-centre": "print-secret",
    }


@pytest.fixture
def smtp(settings):
    with smtp_sink() as sink:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = sink.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_TIMEOUT = 5
        yield sink


@pytest.fixture
def smpp(settings):
    with smpp_gateway() as gateway:
        settings.SOT_NOTIFY_SMS_BACKEND = "sot.notifications.channels.sms.SmppSms"
        settings.SOT_SMPP_HOST = "127.0.0.1"
        settings.SOT_SMPP_PORT = gateway.port
        settings.SOT_SMPP_SYSTEM_ID = "sot-test"
        settings.SOT_SMPP_RECEIPT_WAIT = 0.3
        yield gateway


@dataclass
class World:
    judge: Judge
    clerk: User
    citizen: User
    lawyer: User
    stranger: User
    case: Case
    plaintiff: Participant
    advocate: Participant
    room: Courtroom


@pytest.fixture
def w(db) -> World:
    court = CourtFactory(region=RegionFactory(timezone="Asia/Almaty"))
    judge = JudgeFactory(court=court, user__last_name="Судья")
    clerk = UserFactory(roles=[Role.CLERK], court=court)
    citizen = UserFactory(roles=[Role.CITIZEN], preferred_language="kk", last_name="Сапарова")
    lawyer = UserFactory(roles=[Role.LAWYER], preferred_language="ru", last_name="Адвокатов")
    stranger = UserFactory(roles=[Role.CITIZEN])
    case = CaseFactory(court=court, status=CaseStatus.ACCEPTED)
    CaseJudgeFactory(case=case, judge=judge)
    plaintiff = ParticipantFactory(case=case, user=citizen)
    advocate = ParticipantFactory(
        case=case, role="representative", user=lawyer, represents=plaintiff
    )
    return World(
        judge=judge,
        clerk=clerk,
        citizen=citizen,
        lawyer=lawyer,
        stranger=stranger,
        case=case,
        plaintiff=plaintiff,
        advocate=advocate,
        room=Courtroom.objects.create(court=court, number="3"),
    )


def accepted_context(case: Case) -> dict[str, str]:
    return {
        "filing_number": "F-1",
        "filing_kind": "Талап арыз",
        "case_number": case.number or "",
        "court_name": case.court.name,
    }


@pytest.fixture
def kinds_context():
    return {
        kind: {key: f"<{key}>" for key in rendering.KINDS[kind].keys} for kind in rendering.KINDS
    }
