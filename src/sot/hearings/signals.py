"""Signals the hearings app sends for other apps to listen to."""

from django.dispatch import Signal

# Sent inside the transaction that writes a hearing event, right after it; kwarg ``event``
# (a ``HearingEvent``). Notifications derive hearing notices from it.
hearing_event_recorded = Signal()
