"""The chairs' daily digest (real SMTP server), the annual report (PDF with Kazakh text), the
commands and the demo hook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command

from sot.analytics.demo import demo_seed
from sot.analytics.digest import digest_send
from sot.analytics.models import Cursor, DigestSent, Fact
from sot.analytics.report import annual_report_html, annual_report_pdf

from .world import World

pytestmark = pytest.mark.django_db


def test_each_chair_gets_one_digest_a_day(world: World) -> None:
    world.chair.email = "chair@example.kz"
    world.chair.save()
    day = dt.date(2025, 6, 2)
    result = digest_send(day=day)
    assert result.sent == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["chair@example.kz"]
    assert world.courts[0].name in message.body
    again = digest_send(day=day)
    assert (again.sent, again.skipped_already_sent) == (0, 1)
    assert DigestSent.objects.count() == 1


def test_digest_goes_through_a_real_smtp_server(world: World, settings) -> None:
    import socket

    from aiosmtpd.controller import Controller

    received: list[bytes] = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            received.append(envelope.content)
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        world.chair.email = "chair@example.kz"
        world.chair.save()
        assert digest_send(day=dt.date(2025, 6, 3)).sent == 1
    finally:
        controller.stop()
    assert received


def test_annual_report_html_compares_with_the_previous_year(world: World) -> None:
    html = annual_report_html(year=2026, lang="kk")
    assert "2025" in html
    assert "2026" in html
    assert "<svg" in html
    assert 'lang="kk"' in html


def test_annual_report_pdf_embeds_fonts_with_kazakh_letters(world: World) -> None:
    pdf = annual_report_pdf(year=2025, lang="kk", compress=False)
    assert pdf.startswith(b"%PDF")
    assert b"/FontFile2" in pdf  # the TrueType font program is embedded
    assert b"DejaVu" in pdf
    # The text-to-Unicode map holds Kazakh-only letters (e.g. қ U+049B), so they were typeset.
    assert b"<049b>" in pdf.lower() or b"049b" in pdf.lower()


def test_report_command_writes_pdf_and_html(world: World, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    call_command("report", "annual", "--year", "2025", "--lang", "ru", "--output", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    html = tmp_path / "report.html"
    call_command(
        "report",
        "annual",
        "--year",
        "2025",
        "--lang",
        "kk",
        "--output",
        str(html),
        "--format",
        "html",
    )
    assert "<svg" in html.read_text(encoding="utf-8")


def test_analytics_commands_update_and_rebuild(world: World) -> None:
    before = {(f.month, f.court_id, f.judge_id, f.metric): f.value for f in Fact.objects.all()}
    call_command("analytics", "rebuild")
    after = {(f.month, f.court_id, f.judge_id, f.metric): f.value for f in Fact.objects.all()}
    assert {k: v for k, v in before.items() if v} == after
    call_command("analytics", "update")
    assert Cursor.objects.filter(source="case_events").exists()


def test_demo_seed_rebuilds_the_aggregates(world: World) -> None:
    Fact.objects.all().delete()
    demo_seed()
    assert Fact.objects.exists()
