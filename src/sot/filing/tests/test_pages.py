"""The guided form, the clerk's check and the cabinet as web pages."""

from __future__ import annotations

import base64
import re
from typing import Any

from django.test import Client

from sot.cases.models import Case
from sot.filing.models import Filing, FilingStatus

from .conftest import World, claim_form, pdf


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_citizen_files_a_claim_step_by_step_and_the_clerk_accepts(world: World) -> None:
    web = signed_in(world.citizen)
    assert web.get("/cabinet/filings/").status_code == 200
    started = web.post("/cabinet/filings/new/", {"kind": "civil_claim"})
    filing = Filing.objects.get()
    base = f"/cabinet/filings/{filing.pk}/steps/"
    assert started["Location"] == base + "0/"
    form = claim_form(world)

    page = web.get(base + "0/")
    assert page.status_code == 200
    assert 'name="f-court"' in page.content.decode()
    bad = web.post(base + "0/", {"f-court": "NOPE", "f-defendant_name": "X"})
    assert bad.status_code == 400  # explained on the page, nothing saved
    assert Filing.objects.get().form == {}
    web.post(base + "0/", {f"f-{k}": form[k] for k in ("court", "defendant_name")})
    web.post(base + "1/", {f"f-{k}": form[k] for k in ("subject", "facts", "claim_amount")})
    web.post(base + "2/", {"upload": "1", "slot": "claim_text", "file": pdf()})
    web.post(base + "3/", {"pay": "1"})
    review = web.get(base + "4/").content.decode()
    payload_b64 = re.search(r'data-payload="([^"]+)"', review).group(1)  # type: ignore[union-attr]
    signature = base64.b64encode(world.cred.sign(base64.b64decode(payload_b64))).decode()

    done = web.post(
        base + "4/", {"signature": signature, "certificate": world.cred.certificate_pem}
    )

    assert done.status_code == 302, done.content.decode()[:2000]
    assert Filing.objects.get().status == FilingStatus.SUBMITTED
    clerk = signed_in(world.clerk)
    assert True
    assert str(Filing.objects.get().number) in clerk.get("/cabinet/queue/").content.decode()
    clerk.post(f"/cabinet/filings/{filing.pk}/check/", {"action": "accept"})
    case = Case.objects.get()
    text = web.get(f"/cabinet/cases/{case.pk}/").content.decode()
    assert str(case.number) in text
    assert "cabinet-history" in text
    assert signed_in(world.other).get(f"/cabinet/cases/{case.pk}/").status_code == 404
    assert signed_in(world.other).get(f"/cabinet/filings/{filing.pk}/").status_code == 404


def test_the_certificate_page_returns_a_pdf(world: World) -> None:
    response = signed_in(world.citizen).post("/cabinet/certificate/", {"lang": "ru"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_anonymous_visitors_are_sent_to_sign_in(db: None) -> None:
    assert Client().get("/cabinet/filings/").status_code == 302
