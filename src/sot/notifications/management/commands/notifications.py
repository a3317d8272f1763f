"""``sot notifications …``: the periodic sweep, deadline notices, late-notice violations, print
batches, SMPP receipts and VAPID keys."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sot.notifications import batching, dispatch, monitor
from sot.notifications.channels import channel_for
from sot.notifications.channels.push import vapid_key_pair
from sot.notifications.channels.sms import SmppSms


class Command(BaseCommand):
    help = "Notices: sweep, deadlines, late, print-batch, smpp-receipts, vapid-keys."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("sweep", help="Recover stalled deliveries, deadline notices, late notices.")
        sub.add_parser("deadlines", help="Notices for procedural deadlines within the lead time.")
        sub.add_parser("late", help="Record notices not delivered in time as violations.")
        sub.add_parser("print-batch", help="Pack waiting hybrid-mail letters into a ZIP.")
        receipts = sub.add_parser("smpp-receipts", help="Listen for SMPP delivery receipts.")
        receipts.add_argument("--seconds", type=float, default=60.0)
        sub.add_parser("vapid-keys", help="Print a new VAPID key pair for web push.")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "sweep":
            result = dispatch.recover()
            result["deadline_notices"] = monitor.deadline_notices_create()
            result["late_notices"] = monitor.late_notices_record()
            self.stdout.write(json.dumps(result))
        elif action == "deadlines":
            self.stdout.write(f"{monitor.deadline_notices_create()} deadline notices")
        elif action == "late":
            self.stdout.write(f"{monitor.late_notices_record()} late notices recorded")
        elif action == "print-batch":
            batch = batching.print_batch_make()
            self.stdout.write(
                f"{batch.path} ({batch.count} letters)" if batch else "nothing to print"
            )
        elif action == "smpp-receipts":
            self._smpp_receipts(options["seconds"])
        elif action == "vapid-keys":
            private_pem, public = vapid_key_pair()
            self.stdout.write(private_pem)
            self.stdout.write(f"SOT_VAPID_PUBLIC_KEY={public}")

    def _smpp_receipts(self, seconds: float) -> None:
        adapter = channel_for("sms")
        if not isinstance(adapter, SmppSms):
            self.stdout.write("SOT_NOTIFY_SMS_BACKEND is not the SMPP adapter")
            return
        with adapter.session() as client:
            found = adapter.read_receipts(client, wait=seconds)
        for provider_id, status in found:
            dispatch.receipt_record(
                providers=[adapter.provider], provider_id=provider_id, status=status
            )
        self.stdout.write(f"{len(found)} receipts")
