"""The certificate of presence or absence of court cases: a signed PDF with Kazakh text embedded."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from rest_framework.test import APIClient

from sot.cases.tests.factories import CaseFactory, ParticipantFactory

from .conftest import World


def inflated(pdf: bytes) -> bytes:
    import re
    import zlib

    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"".join(parts)


def client_for(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_certificate_lists_my_cases_and_verifies(
    world: World, lang: str, api_client: APIClient
) -> None:
    mine = CaseFactory(court=world.court, number="T0001-26-000777")
    ParticipantFactory(case=mine, user=world.citizen)
    ParticipantFactory(
        case=CaseFactory(court=world.court, number="T0001-26-000999"), user=world.other
    )

    response = client_for(world.citizen).post(
        "/api/v1/filing/certificates/", {"lang": lang}, format="json"
    )

    assert response.status_code == 201, response.content
    pdf = response.content
    assert pdf.startswith(b"%PDF")
    # The font is embedded and maps the Kazakh letter Ә (U+04D8) of the person's name.
    assert b"/FontFile2" in inflated(pdf)
    assert b"<04d8>" in inflated(pdf)
    digest = hashlib.sha256(pdf).hexdigest()
    assert response["X-Sot-Certificate-SHA256"] == digest
    serial = response["X-Sot-Certificate-Serial"]
    check = api_client.get(
        "/api/v1/filing/certificates/verify/", {"serial": serial, "sha256": digest}
    )
    assert check.json()["valid"] is True
    assert check.json()["case_count"] == 1
    forged = api_client.get(
        "/api/v1/filing/certificates/verify/", {"serial": serial, "sha256": "0" * 64}
    )
    assert forged.json()["valid"] is False


def test_certificate_text_names_the_cases(world: World) -> None:
    from sot.filing.certificate import render_pdf

    mine = CaseFactory(court=world.court, number="T0001-26-000123")
    ParticipantFactory(case=mine, user=world.citizen)
    pdf, count = render_pdf(world.citizen, "kk", "SC-TEST")
    assert count == 1
    assert pdf.startswith(b"%PDF")
