"""Hybrid mail: pack the letters waiting in the spool into one ZIP for the print centre.

The ZIP holds each letter as ``<delivery key>.pdf`` and ``manifest.json``: one entry per letter
with the delivery key (the print centre quotes it in its receipt), the notice, the addressee, the
postal address, the case, the language, the deliver-by time and the PDF's SHA-256.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from django.db import transaction

from sot.core import clock

from .channels.hybrid import pending_dir, spool_dir
from .models import Channel, Delivery, DeliveryState, PrintBatch


def print_batch_make() -> PrintBatch | None:
    """Pack every sent hybrid-mail letter not yet in a batch; None when there is none."""
    folder = pending_dir()
    with transaction.atomic():
        deliveries = list(
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(channel=Channel.HYBRID_MAIL, state=DeliveryState.SENT, batch__isnull=True)
            .select_related("notice__recipient", "notice__case")
            .order_by("pk")
        )
        deliveries = [d for d in deliveries if (folder / f"{d.key}.pdf").exists()]
        if not deliveries:
            return None
        now = clock.now()
        name = f"sot-print-{now:%Y%m%dT%H%M%S}-{deliveries[0].pk}.zip"
        target = spool_dir() / "batches" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        manifest = []
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for delivery in deliveries:
                pdf = (folder / f"{delivery.key}.pdf").read_bytes()
                archive.writestr(f"{delivery.key}.pdf", pdf)
                notice = delivery.notice
                manifest.append(
                    {
                        "key": str(delivery.key),
                        "file": f"{delivery.key}.pdf",
                        "sha256": hashlib.sha256(pdf).hexdigest(),
                        "notice": notice.pk,
                        "kind": notice.kind,
                        "addressee": notice.recipient.full_name,
                        "address": delivery.address,
                        "case_number": notice.case.number if notice.case else None,
                        "lang": notice.lang,
                        "deliver_by": notice.due_by.isoformat() if notice.due_by else None,
                    }
                )
            archive.writestr(
                "manifest.json",
                json.dumps(
                    {"created_at": now.isoformat(), "letters": manifest},
                    ensure_ascii=False,
                    indent=1,
                ),
            )
        batch = PrintBatch.objects.create(
            name=name,
            path=str(target),
            sha256=hashlib.sha256(target.read_bytes()).hexdigest(),
            count=len(deliveries),
            created_at=now,
        )
        Delivery.objects.filter(pk__in=[d.pk for d in deliveries]).update(batch=batch)
    for delivery in deliveries:
        Path(folder / f"{delivery.key}.pdf").unlink(missing_ok=True)
    return batch
