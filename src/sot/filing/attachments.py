"""Attachments: checked with the case documents' rules, stored once per content hash."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from sot.cases.documents import CheckedUpload, inspect_upload
from sot.core.errors import ValidationFailed

from .models import FilingAttachment, attachment_path
from .schema import FilingKind


@dataclass(frozen=True)
class IncomingFile:
    slot: str
    upload: UploadedFile
    checked: CheckedUpload


def check_upload(
    kind: FilingKind, slot: str, upload: UploadedFile, field: str = "file"
) -> IncomingFile:
    """Refuse an unknown slot, an oversize, empty, badly named or disguised file, an archive bomb."""
    if kind.slot(slot) is None:
        raise ValidationFailed(fields={"slot": [_("This filing kind has no such attachment.")]})
    try:
        checked = inspect_upload(upload)
    except ValidationFailed as error:
        # Report under the caller's field name (a one-shot submission numbers its files).
        error.fields = {field: [m for msgs in error.fields.values() for m in msgs]}
        raise
    return IncomingFile(slot=slot, upload=upload, checked=checked)


def missing_slots(kind: FilingKind, present: set[str]) -> list[str]:
    return [s.code for s in kind.attachments if s.required and s.code not in present]


def max_attachments() -> int:
    return int(getattr(settings, "SOT_FILING_MAX_ATTACHMENTS", 20))


def store(filing_id: int, incoming: IncomingFile) -> FilingAttachment:
    """Save the bytes under their hash (once) and the row that points at them."""
    checked = incoming.checked
    name = attachment_path(None, checked.sha256)  # type: ignore[arg-type]
    if not default_storage.exists(name):
        incoming.upload.seek(0)
        saved = default_storage.save(name, incoming.upload)
        if saved != name:  # a concurrent writer stored the same bytes first
            default_storage.delete(saved)
    return FilingAttachment.objects.create(
        filing_id=filing_id,
        slot=incoming.slot,
        original_name=checked.original_name,
        file=name,
        sha256=checked.sha256,
        size=checked.size,
        content_type=checked.content_type,
    )
