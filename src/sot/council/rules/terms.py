"""Chairs: no more than two consecutive terms in the same post (Art. 20)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .reasons import Reason

MAX_CONSECUTIVE_TERMS = 2  # Art. 20


def consecutive_terms_reason(terms_in_post: int) -> Reason | None:
    """Art. 20: a chair who has held the same post twice in a row may not be appointed again."""
    if terms_in_post < MAX_CONSECUTIVE_TERMS:
        return None
    return Reason(
        "consecutive_terms_exceeded",
        "20",
        _("Already held this post %(terms)s times in a row; at most %(max)s consecutive terms."),
        {"terms": terms_in_post, "max": MAX_CONSECUTIVE_TERMS},
    )
