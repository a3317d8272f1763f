"""The case API's documents: uploads checked by content and size, stored once by hash."""

from __future__ import annotations

import hashlib

import pytest

from sot.cases import services
from sot.cases.models import (
    Document,
)
from sot.core.tests.api_assertions import assert_error

from .api_support import (
    stored_files,
    upload,
    url,
    zip_bytes,
)
from .factories import CaseFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


class TestDocuments:
    def test_the_clerk_uploads_a_pdf_and_lists_it(self, w, client_as, media):
        case = w.file()
        client = client_as(w.clerk)

        response = client.post(
            url(case, "documents/"),
            {"file": upload("иск.pdf", PDF), "title": "Исковое заявление"},
            format="multipart",
        )

        assert response.status_code == 201, response.content
        body = response.json()
        digest = hashlib.sha256(PDF).hexdigest()
        assert body["sha256"] == digest
        assert body["size"] == len(PDF)
        assert body["content_type"] == "application/pdf"
        assert body["original_name"] == "иск.pdf"
        assert body["title"] == "Исковое заявление"
        assert body["uploaded_by"] == w.clerk.full_name
        assert [p.name for p in stored_files(media)] == [digest]
        assert case.events.filter(kind="document_added").exists()

        listed = client.get(url(case, "documents/"))
        assert listed.status_code == 200
        assert listed.json()["results"] == [body]

    def test_the_judge_on_the_bench_may_upload(self, w, client_as, media):
        case = w.file()
        services.judge_assign(case=case, judge=w.judge, acting_user=w.chair)
        response = client_as(w.judge.user).post(
            url(case, "documents/"), {"file": upload("a.pdf", PDF)}, format="multipart"
        )
        assert response.status_code == 201, response.content
        assert response.json()["title"] == "a.pdf"  # no title: the file's name

    @pytest.mark.parametrize(
        ("name", "content"),
        [
            pytest.param("act.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64, id="exe-as-pdf"),
            pytest.param("act.pdf", zip_bytes({"payload.js": b"alert(1)"}), id="zip-as-pdf"),
            pytest.param(
                "act.pdf",
                b"<!DOCTYPE html><html><script>alert(1)</script></html>",
                id="html-as-pdf",
            ),
            pytest.param("act.docx", PDF, id="pdf-as-docx"),
            pytest.param("act.exe", b"MZ\x90\x00" + b"\x00" * 64, id="exe"),
            pytest.param("empty.pdf", b"", id="empty"),
            pytest.param(
                "bomb.docx",
                zip_bytes({"[Content_Types].xml": b"<x/>", "word/document.xml": b"0" * 5_000_000}),
                id="zip-bomb",
            ),
        ],
    )
    def test_disguised_or_unsafe_files_are_400_and_nothing_is_stored(
        self, w, client_as, media, name, content
    ):
        case = w.file()
        events = case.events.count()

        response = client_as(w.clerk).post(
            url(case, "documents/"), {"file": upload(name, content)}, format="multipart"
        )

        error = assert_error(response, 400, "validation_failed")
        assert list(error["fields"]) == ["file"]
        assert not Document.objects.exists()
        assert stored_files(media) == []
        assert case.events.count() == events

    def test_an_oversized_file_is_400_and_nothing_is_stored(self, w, client_as, media, settings):
        settings.SOT_DOCUMENT_MAX_BYTES = 1024 * 1024
        case = w.file()
        big = PDF + b"0" * (1024 * 1024)

        response = client_as(w.clerk).post(
            url(case, "documents/"), {"file": upload("big.pdf", big)}, format="multipart"
        )

        error = assert_error(response, 400, "validation_failed")
        assert list(error["fields"]) == ["file"]
        assert not Document.objects.exists()
        assert stored_files(media) == []

    def test_no_file_is_400(self, w, client_as, media):
        case = w.file()
        response = client_as(w.clerk).post(
            url(case, "documents/"), {"title": "пусто"}, format="multipart"
        )
        error = assert_error(response, 400, "validation_failed")
        assert list(error["fields"]) == ["file"]

    def test_json_is_415(self, w, client_as, media):
        case = w.file()
        response = client_as(w.clerk).post(url(case, "documents/"), {"file": "x"}, format="json")
        assert_error(response, 415, "unsupported_media_type")

    def test_a_party_may_list_but_not_upload(self, w, client_as, media):
        case = w.file()
        ParticipantFactory(case=case, user=w.citizen)
        client = client_as(w.citizen)

        response = client.post(
            url(case, "documents/"), {"file": upload("a.pdf", PDF)}, format="multipart"
        )

        assert_error(response, 403, "forbidden")
        assert not Document.objects.exists()
        assert stored_files(media) == []
        assert client.get(url(case, "documents/")).json()["count"] == 0

    def test_documents_of_an_invisible_case_are_404(self, w, client_as, media):
        case = CaseFactory(court=w.other_court)
        client = client_as(w.clerk)
        assert_error(client.get(url(case, "documents/")), 404, "not_found")
        response = client.post(
            url(case, "documents/"), {"file": upload("a.pdf", PDF)}, format="multipart"
        )
        assert_error(response, 404, "not_found")
        assert stored_files(media) == []
