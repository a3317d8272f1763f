"""The documents an application must carry: the list is the Council's regulation's (Art. 16 §5)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from .reasons import Reason


def missing_documents(required: Iterable[str], attached: Iterable[str]) -> list[Reason]:
    """Art. 16 §5: each required document, matched by title without regard to case or spacing."""
    have = {" ".join(title.split()).casefold() for title in attached}
    return [
        Reason(
            "document_missing",
            "16.5",
            _("The application lacks a required document: %(title)s."),
            {"title": title},
        )
        for title in required
        if " ".join(title.split()).casefold() not in have
    ]
