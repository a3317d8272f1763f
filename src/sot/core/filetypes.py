"""Tell a file's type from its content, not its name.

Court documents arrive as PDF, office documents and scans. The extension and the browser's declared
type are the sender's claim; the first bytes (and for ZIP-based formats, the archive's own manifest)
are the evidence. Archives are opened only to read their directory, never extracted, and a directory
that promises far more bytes than were sent is refused as a decompression bomb.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import IO

# A document's parts may compress well, but not a thousand times over.
MAX_COMPRESSION_RATIO = 100
MAX_ARCHIVE_MEMBERS = 10_000


@dataclass(frozen=True)
class FileType:
    mime: str
    extensions: tuple[str, ...]


PDF = FileType("application/pdf", (".pdf",))
PNG = FileType("image/png", (".png",))
JPEG = FileType("image/jpeg", (".jpg", ".jpeg"))
TIFF = FileType("image/tiff", (".tif", ".tiff"))
DOCX = FileType(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",)
)
XLSX = FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",))
ODT = FileType("application/vnd.oasis.opendocument.text", (".odt",))
TEXT = FileType("text/plain", (".txt",))

ALLOWED_DOCUMENT_TYPES = (PDF, PNG, JPEG, TIFF, DOCX, XLSX, ODT, TEXT)


class UnsafeArchive(Exception):
    """The upload is a ZIP whose directory is malformed or expands suspiciously."""


def sniff(head: bytes, stream: IO[bytes] | None = None) -> FileType | None:
    """The type of a file given its first bytes (and the whole stream for ZIP-based formats)."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(stream if stream is not None else io.BytesIO(head))
    if _looks_like_text(head):
        return TEXT
    return None


def _sniff_zip(stream: IO[bytes]) -> FileType | None:
    stream.seek(0, io.SEEK_END)
    compressed_size = stream.tell()
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            members = archive.infolist()
            if len(members) > MAX_ARCHIVE_MEMBERS:
                raise UnsafeArchive("too many members")
            declared = sum(member.file_size for member in members)
            if declared > max(compressed_size, 1) * MAX_COMPRESSION_RATIO:
                raise UnsafeArchive("expands beyond the allowed ratio")
            names = {member.filename for member in members}
            if "mimetype" in names:
                if archive.read("mimetype").strip() == ODT.mime.encode():
                    return ODT
                return None
            if "[Content_Types].xml" in names:
                if any(name.startswith("word/") for name in names):
                    return DOCX
                if any(name.startswith("xl/") for name in names):
                    return XLSX
            return None
    except zipfile.BadZipFile as exc:
        raise UnsafeArchive("not a readable archive") from exc
    finally:
        stream.seek(0)


def _looks_like_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # The sample may end inside a multi-byte character; only that is forgiven.
        if exc.start < len(head) - 3:
            return False
    return True
