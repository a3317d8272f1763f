"""Signals other apps listen to, so the case core does not import them."""

from django.dispatch import Signal

# Sent inside the writing transaction after a case event is stored: ``sender`` is ``CaseEvent``
# and ``event`` the new row. Receivers run in the same transaction; an exception rolls it back.
# Bulk writers (the seeder) do not send it; apps keep a rebuild command for those rows.
case_event_recorded = Signal()
