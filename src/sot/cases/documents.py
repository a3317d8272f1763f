"""Inspection of uploaded case documents before anything is stored."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from sot.core.errors import ValidationFailed
from sot.core.filetypes import ALLOWED_DOCUMENT_TYPES, UnsafeArchive, sniff

SNIFF_BYTES = 8192


@dataclass(frozen=True)
class CheckedUpload:
    original_name: str
    sha256: str
    size: int
    content_type: str


def clean_file_name(name: str) -> str:
    """Keep the base name only, printable, at most 255 characters: it is shown, never a path."""
    base = PurePath(name.replace("\\", "/")).name
    base = "".join(ch for ch in unicodedata.normalize("NFC", base) if ch.isprintable())
    return base.strip()[:255]


def inspect_upload(upload: UploadedFile) -> CheckedUpload:
    name = clean_file_name(upload.name or "")
    size = upload.size or 0
    max_bytes: int = settings.SOT_DOCUMENT_MAX_BYTES
    if not name:
        raise ValidationFailed(fields={"file": [_("The file has no usable name.")]})
    if size == 0:
        raise ValidationFailed(fields={"file": [_("The file is empty.")]})
    if size > max_bytes:
        raise ValidationFailed(
            _("The file is too large: at most %(limit)s MB."),
            fields={"file": [_("The file is too large.")]},
            params={"limit": max_bytes // (1024 * 1024)},
        )
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    try:
        detected = sniff(head, upload.file)
    except UnsafeArchive as exc:
        raise ValidationFailed(
            fields={"file": [_("The archive is damaged or expands too much to be accepted.")]}
        ) from exc
    if detected is None or detected not in ALLOWED_DOCUMENT_TYPES:
        raise ValidationFailed(
            fields={
                "file": [
                    _(
                        "This type of file is not accepted: send PDF, DOCX, ODT, XLSX, "
                        "PNG, JPEG, TIFF or plain text."
                    )
                ]
            }
        )
    suffix = PurePath(name).suffix.lower()
    if suffix not in detected.extensions:
        raise ValidationFailed(
            fields={"file": [_("The file's content does not match its extension.")]}
        )
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedUpload(
        original_name=name, sha256=digest.hexdigest(), size=size, content_type=detected.mime
    )
