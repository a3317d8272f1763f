"""Senders for what the secretariat sends out (Art. 16 §6 lists, Art. 18 §12 notices).

Sot has no notifications app yet. The services record every dispatch and notice (to whom, when,
by whom, through which channel) and hand the row to the configured sender inside the same
transaction: a sender that refuses leaves nothing recorded. The default ``RecordingSender`` only
records, so the secretariat's pages show what is due to go out; the notifications work will
provide a sender that delivers (court e-mail, the candidate's cabinet, SMS) and be selected with the
``SOT_COUNCIL_SENDER`` setting (a dotted path).
"""

from __future__ import annotations

from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from .models import ListDispatch, ResultNotice


class Sender(Protocol):
    name: str

    def send_list(self, dispatch: ListDispatch) -> None: ...

    def send_notice(self, notice: ResultNotice) -> None: ...


class RecordingSender:
    """Records only; delivery waits for the notifications app."""

    name = "recorded"

    def send_list(self, dispatch: ListDispatch) -> None:
        return None

    def send_notice(self, notice: ResultNotice) -> None:
        return None


def configured_sender() -> Sender:
    path = getattr(settings, "SOT_COUNCIL_SENDER", "")
    if not path:
        return RecordingSender()
    sender: Sender = import_string(path)()
    return sender
