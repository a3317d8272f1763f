"""The kinds of notice and the context keys each one's templates may use (CONTRACTS.md §2).

A kind's templates (``templates/notifications/notices/<kind>.<lang>.txt``) may use exactly the
declared keys plus ``recipient_name``; ``notify()`` refuses an unknown kind or a missing key, and a
test renders every template in every language with these keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Filled by notify() itself for every notice, so every template may use it.
COMMON_KEYS = ("recipient_name",)


@dataclass(frozen=True)
class NoticeKind:
    code: str
    label: str | Promise
    keys: tuple[str, ...]
    # Notices derived here (hearings, deadlines); the others come only from explicit notify() calls.
    is_derived: bool = False


KINDS: dict[str, NoticeKind] = {
    kind.code: kind
    for kind in (
        NoticeKind("filing.submitted", _("Filing submitted"), ("filing_number", "filing_kind")),
        NoticeKind(
            "filing.accepted",
            _("Filing accepted"),
            ("filing_number", "filing_kind", "case_number", "court_name"),
        ),
        NoticeKind(
            "filing.returned", _("Filing returned"), ("filing_number", "filing_kind", "grounds")
        ),
        NoticeKind(
            "filing.left_without_motion",
            _("Filing left without motion"),
            ("filing_number", "filing_kind", "grounds", "cure_by"),
        ),
        NoticeKind(
            "act.issued",
            _("Court act issued"),
            ("act_number", "act_kind", "case_number", "court_name"),
        ),
        NoticeKind("act.published", _("Court act published"), ("act_number", "case_number")),
        NoticeKind(
            "hearing.scheduled",
            _("Hearing scheduled"),
            ("case_number", "court_name", "starts_at", "courtroom", "court_address"),
            is_derived=True,
        ),
        NoticeKind(
            "hearing.postponed",
            _("Hearing postponed"),
            ("case_number", "court_name", "old_starts_at", "starts_at", "courtroom"),
            is_derived=True,
        ),
        NoticeKind(
            "hearing.cancelled",
            _("Hearing cancelled"),
            ("case_number", "court_name", "old_starts_at"),
            is_derived=True,
        ),
        NoticeKind(
            "hearing.suspended",
            _("Proceedings suspended"),
            ("case_number", "court_name"),
            is_derived=True,
        ),
        NoticeKind(
            "hearing.resumed",
            _("Proceedings resumed"),
            ("case_number", "court_name"),
            is_derived=True,
        ),
        NoticeKind(
            "deadline.approaching",
            _("Procedural deadline approaching"),
            ("case_number", "deadline_name", "article", "due_date"),
            is_derived=True,
        ),
    )
}


def allowed_keys(kind: str) -> frozenset[str]:
    return frozenset(KINDS[kind].keys) | frozenset(COMMON_KEYS)
