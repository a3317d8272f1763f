"""The iCalendar export against RFC 5545: CRLF, folding at 75 octets, escaping, UTC times."""

from __future__ import annotations

import pytest

from sot.hearings.icalendar import calendar_ics, escape_text, fold
from sot.hearings.services import hearing_schedule

from .conftest import NOW, at

pytestmark = pytest.mark.django_db


def test_text_escaping_rfc5545_3_3_11():
    assert escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"


def test_short_lines_are_not_folded():
    assert fold("SUMMARY:short") == "SUMMARY:short"


def test_folding_at_75_octets_never_splits_a_character_rfc5545_3_1():
    line = "SUMMARY:" + "Сот отырысы " * 20  # two-octet Cyrillic letters
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert "".join([pieces[0], *(p[1:] for p in pieces[1:])]) == line
    for piece in pieces:
        piece.encode("utf-8").decode("utf-8")  # each piece is whole characters


def test_a_calendar_with_one_hearing(w):
    w.court.name_kk = "Сот; бір, екі"
    w.court.save()
    hearing = hearing_schedule(
        case=w.case,
        courtroom=w.room,
        starts_at=at(12, 10),
        ends_at=at(12, 11, 30),
        acting_user=w.clerk,
    )

    text = calendar_ics([hearing], name="Судья", now=NOW, domain="sot.example")

    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert any(line.startswith("PRODID:") for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert f"UID:hearing-{hearing.pk}@sot.example" in unfolded
    assert "DTSTAMP:20260310T040000Z" in unfolded  # 09:00 in Almaty (UTC+5)
    assert "DTSTART:20260312T050000Z" in unfolded
    assert "DTEND:20260312T063000Z" in unfolded
    assert "Сот\\; бір\\, екі" in unfolded
    assert "STATUS:CONFIRMED" in unfolded
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
