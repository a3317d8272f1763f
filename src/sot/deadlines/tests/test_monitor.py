"""Monitoring: violations appear when a clock runs out, as time moves forward; once each."""

from __future__ import annotations

from datetime import date, timedelta
from email import message_from_bytes, policy

import pytest
from django.core.management import call_command

from sot.cases import services as cases
from sot.cases.lifecycle import CaseAction
from sot.core import clock
from sot.deadlines.digest import digest_send
from sot.deadlines.models import CaseClock, DigestSent, MonitorRun, Violation, ViolationKind
from sot.deadlines.monitor import monitor_run

from .conftest import World, at
from .smtp_server import smtp_server


def act(world: World, action: str, day: str) -> None:
    user = world.judge.user if action in ("suspend", "resume", "decide") else world.clerk
    with clock.frozen(at(day)):
        cases.case_transition(case=world.case, action=action, acting_user=user)


def monitor(day: str) -> MonitorRun:
    with clock.frozen(at(day, hour=2)):
        return monitor_run()


def test_a_breach_is_recorded_the_day_after_the_last_day_and_only_once(world: World) -> None:
    """CPC art. 183(2): set for trial 2 March 2026, due Monday 4 May; on 4 May nothing is late,
    on 5 May the breach is recorded, naming the case, the rule, the judge and the delay."""
    act(world, CaseAction.SCHEDULE, "2026-03-02")

    on_the_last_day = monitor("2026-05-04")
    next_day = monitor("2026-05-05")
    again = monitor("2026-05-06")

    violation = Violation.objects.get()
    assert (on_the_last_day.recorded, next_day.recorded, again.recorded) == (0, 1, 0)
    assert violation.kind == ViolationKind.DEADLINE_BREACHED
    assert (violation.case, violation.rule, violation.responsible) == (
        world.case,
        "cpc-consideration",
        world.judge.user,
    )
    assert violation.source == f"clock:{world.case.pk}:cpc-consideration"
    assert violation.details["due"] == "2026-05-04"
    # Detected at 02:00 on 5 May, two hours after the term ran out at midnight.
    assert violation.delay == timedelta(hours=2)


def test_suspension_keeps_the_clock_from_running_out(world: World) -> None:
    """Suspended 10 March to 31 March: due 25 May instead of 4 May."""
    act(world, CaseAction.SCHEDULE, "2026-03-02")
    act(world, CaseAction.SUSPEND, "2026-03-10")
    monitor("2026-05-20")  # still suspended in May: a paused clock is never overdue
    act(world, CaseAction.RESUME, "2026-05-21")

    assert not Violation.objects.exists()
    due = CaseClock.objects.get(rule__code="cpc-consideration").due
    assert due is not None
    assert due > date(2026, 5, 21)


def test_an_act_entered_late_is_recorded_when_it_is_entered(world: World) -> None:
    """The reasoned decision is due five working days after the announcement (2 April → 9
    April); a document added on 14 April stops the clock five days after the term ran out."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    act(world, CaseAction.SCHEDULE, "2026-03-02")
    act(world, CaseAction.MARK_HEARD, "2026-04-01")
    act(world, CaseAction.DECIDE, "2026-04-02")
    monitor("2026-04-03")
    with clock.frozen(at("2026-04-14")):
        cases.document_add(
            case=world.case,
            upload=SimpleUploadedFile("decision.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
            title="Decision",
            acting_user=world.judge.user,
        )
    monitor("2026-04-15")

    late = Violation.objects.get(kind=ViolationKind.ACT_ENTERED_LATE)
    assert late.rule == "cpc-reasoned-decision"
    assert late.details["stopped_on"] == "2026-04-14"
    assert late.delay == timedelta(days=5)  # 14 April against a term that ended on 9 April


def test_monitor_command_reports_how_far_it_got(world: World) -> None:
    from io import StringIO

    act(world, CaseAction.SCHEDULE, "2026-03-02")
    out = StringIO()
    with clock.frozen(at("2026-06-01")):
        call_command("deadlines", "monitor", stdout=out)

    run = MonitorRun.objects.get()
    assert (run.through, run.recorded, run.finished_at is not None) == (date(2026, 6, 1), 1, True)
    assert "2026-06-01" in out.getvalue()


@pytest.fixture
def breach(world: World) -> Violation:
    act(world, CaseAction.SCHEDULE, "2026-03-02")
    monitor("2026-05-05")
    return Violation.objects.get()


def test_the_chair_gets_the_digest_by_smtp_in_their_language(
    world: World, breach: Violation, settings
) -> None:
    with smtp_server() as (port, mailbox):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        with clock.frozen(at("2026-05-06", hour=7)):
            first = digest_send()
            second = digest_send()

    assert (first.sent, second.sent, second.skipped_already_sent) == (1, 0, 1)
    [(sender, recipients, raw)] = mailbox.messages
    message = message_from_bytes(raw, policy=policy.default)
    body = message.get_body().get_content()  # type: ignore[union-attr]
    assert (sender, recipients) == (settings.DEFAULT_FROM_EMAIL, ["chair@example.kz"])
    assert world.case.number in body
    assert "cpc-consideration" not in body  # the rule's name, not its code
    assert "Срок рассмотрения гражданского дела" in body  # the chair reads Russian
    assert DigestSent.objects.get().violations == 1


def test_no_digest_without_violations(world: World, settings, mailoutbox) -> None:
    with clock.frozen(at("2026-05-06", hour=7)):
        result = digest_send()

    assert (result.sent, result.skipped_nothing_to_report) == (0, 1)
    assert mailoutbox == []


def test_a_digest_the_mail_server_refuses_is_retried_next_run(
    world: World, breach: Violation, settings
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    with smtp_server() as (port, _mailbox):
        unused_port = port  # the server is gone once the block ends: nobody listens there
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", unused_port, 2

    with clock.frozen(at("2026-05-06", hour=7)):
        result = digest_send()

    assert (result.sent, result.failed) == (0, 1)
    assert not DigestSent.objects.exists()
