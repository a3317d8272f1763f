import io
import zipfile

import pytest

from sot.core.filetypes import DOCX, ODT, PDF, PNG, TEXT, UnsafeArchive, sniff


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_types_are_told_by_content():
    assert sniff(b"%PDF-1.7\n...") is PDF
    assert sniff(b"\x89PNG\r\n\x1a\n....") is PNG
    assert sniff("Талап арыз".encode()) is TEXT


def test_windows_executable_is_not_a_known_type():
    assert sniff(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00") is None


def test_office_documents_are_told_by_their_manifest():
    docx = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
    assert sniff(docx[:8], io.BytesIO(docx)) is DOCX
    odt = _zip({"mimetype": ODT.mime.encode(), "content.xml": b"<office/>"})
    assert sniff(odt[:8], io.BytesIO(odt)) is ODT


def test_plain_zip_is_not_a_document():
    data = _zip({"evil.exe": b"MZ" + b"\x00" * 100})
    assert sniff(data[:8], io.BytesIO(data)) is None


def test_decompression_bomb_is_refused_without_extracting():
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\x00" * 50_000_000})
    assert len(bomb) < 100_000
    with pytest.raises(UnsafeArchive):
        sniff(bomb[:8], io.BytesIO(bomb))


def test_truncated_archive_is_refused():
    data = _zip({"[Content_Types].xml": b"<Types/>"})[:40]
    with pytest.raises(UnsafeArchive):
        sniff(data[:8], io.BytesIO(data))


def test_binary_with_nul_bytes_is_not_text():
    assert sniff(b"hello\x00world") is None
