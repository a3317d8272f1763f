"""iCalendar (RFC 5545) export of hearings, written by hand: the format is small and exact.

What the RFC asks of us: CRLF after every line (3.1), lines folded at 75 octets with a CRLF and
one space, never inside a UTF-8 character (3.1), TEXT values with backslash, semicolon, comma and
newline escaped (3.3.11), times in UTC with the "Z" suffix (3.3.5), and a UID and DTSTAMP on
every event (3.6.1).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from django.http import HttpResponse
from django.utils.translation import gettext as _

from .models import Hearing, HearingFormat, HearingStatus

LINE_OCTETS = 75


def escape_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets, at character boundaries."""
    pieces: list[str] = []
    current = ""
    size = 0
    limit = LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append(current)
            # A continuation line starts with a space, which counts towards its 75 octets.
            current, size, limit = char, octets, LINE_OCTETS - 1
        else:
            current += char
            size += octets
    pieces.append(current)
    return "\r\n ".join(pieces)


def utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event(hearing: Hearing, stamp: str, domain: str) -> list[str]:
    case = hearing.case
    summary = _("Hearing: case %(number)s") % {"number": case}
    location = f"{case.court.name}, {_('courtroom')} {hearing.courtroom.number}"
    if case.court.address:
        location += f", {case.court.address}"
    details = [
        _("Judge: %(name)s") % {"name": hearing.judge.full_name},
        _("Format: %(format)s") % {"format": HearingFormat(hearing.format).label},
        _("Status: %(status)s") % {"status": HearingStatus(hearing.status).label},
    ]
    status = {
        HearingStatus.POSTPONED: "CANCELLED",
        HearingStatus.CANCELLED: "CANCELLED",
    }.get(HearingStatus(hearing.status), "CONFIRMED")
    return [
        "BEGIN:VEVENT",
        f"UID:hearing-{hearing.pk}@{domain}",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{utc_stamp(hearing.starts_at)}",
        f"DTEND:{utc_stamp(hearing.ends_at)}",
        f"SUMMARY:{escape_text(summary)}",
        f"LOCATION:{escape_text(location)}",
        f"DESCRIPTION:{escape_text(chr(10).join(details))}",
        f"STATUS:{status}",
        "END:VEVENT",
    ]


def calendar_ics(hearings: Iterable[Hearing], *, name: str, now: datetime, domain: str) -> str:
    """The hearings as one VCALENDAR text, every line CRLF-terminated and folded."""
    stamp = utc_stamp(now)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Sot//Hearings//KK",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for hearing in hearings:
        lines.extend(_event(hearing, stamp, domain))
    lines.append("END:VCALENDAR")
    return "".join(f"{fold(line)}\r\n" for line in lines)


def ics_response(
    hearings: Iterable[Hearing], *, name: str, filename: str, now: datetime, host: str
) -> HttpResponse:
    """The calendar as a download; UIDs carry the host name so they are unique across servers."""
    body = calendar_ics(hearings, name=name, now=now, domain=host.split(":")[0])
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
