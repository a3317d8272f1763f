"""``sot filing_recheck``: check again the signatures that could not be checked at submission."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from sot.filing.models import Filing, FilingStatus
from sot.filing.services import signature_recheck


class Command(BaseCommand):
    help = "Re-verify filings waiting for a signature check (verdict PENDING at submission)."

    def handle(self, *args: Any, **options: Any) -> None:
        counts: dict[str, int] = {}
        waiting = Filing.objects.filter(status=FilingStatus.AWAITING_SIGNATURE_CHECK)
        for filing in waiting.order_by("submitted_at")[:1000]:
            status = signature_recheck(filing=filing).status
            counts[status] = counts.get(status, 0) + 1
        self.stdout.write(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "none")
