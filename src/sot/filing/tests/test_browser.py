"""Done-when: a citizen files a signed claim in the browser, a clerk accepts it, the citizen sees the
case and its history in the cabinet. System chromium driven by Playwright."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory, valid_iin
from sot.courts.tests.factories import CourtFactory
from sot.signatures.testing import install_test_ca

from .conftest import PDF

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
PASSWORD = "pass-Word-123"  # the UserFactory's password


def running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


@pytest.fixture
def browser(live_server: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    if not CHROMIUM.exists():
        reason = "chromium not installed: apt-get install chromium"
        if running_in_ci():
            pytest.fail(f"{reason} (CI is set: browser tests must run, not skip)")
        pytest.skip(reason)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def sign_in(browser: Any, base: str, username: str) -> Any:
    context = browser.new_context(locale="kk-KZ", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(f"{base}/signin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url(f"{base}/")
    return page


def test_citizen_files_a_signed_claim_clerk_accepts_citizen_sees_the_case(
    transactional_db: None, settings: Any, live_server: Any, browser: Any, tmp_path: Path
) -> None:
    ca = install_test_ca(settings)
    court = CourtFactory(name_kk="Астана қаласы Есіл аудандық соты")
    citizen = UserFactory(roles=[Role.CITIZEN], iin=valid_iin(301), first_name="Әлия")
    clerk = UserFactory(roles=[Role.CLERK], court=court)
    credential = ca.issue(iin=str(citizen.iin), name="Сейітова Әлия", algorithm="ecdsa")
    key_file = tmp_path / "citizen.pem"
    key_file.write_text(credential.private_key_pem + credential.certificate_pem)
    claim_file = tmp_path / "talap.pdf"
    claim_file.write_bytes(PDF)
    base = live_server.url

    page = sign_in(browser, base, citizen.username)
    page.goto(f"{base}/cabinet/filings/")
    page.select_option("#id_kind", "civil_claim")
    page.click(".filing-start button[type=submit]")
    page.wait_for_url("**/steps/0/")
    page.fill("#f-court", court.code)
    page.fill("#f-defendant_name", "«Алатау» ЖШС")
    page.click("button[name=next]")
    page.wait_for_url("**/steps/1/")
    page.fill("#f-subject", "Қарызды өндіріп алу")
    page.fill("#f-facts", "Жауапкер қарызды қайтармады.")
    page.fill("#f-claim_amount", "500000")
    page.click("button[name=next]")
    page.wait_for_url("**/steps/2/")
    page.select_option("#id_slot", "claim_text")
    page.set_input_files("#id_file", str(claim_file))
    page.click("button[name=upload]")
    page.wait_for_selector("ul.attachments a")
    page.click("button[name=next]")
    page.wait_for_url("**/steps/3/")
    page.click("button[name=pay]")
    page.wait_for_selector(".message--success")
    page.click("button[name=next]")
    page.wait_for_url("**/steps/4/")
    page.set_input_files("#signature-key-file", str(key_file))
    page.click("[data-sig-sign]")
    page.wait_for_function("document.querySelector('[name=signature]').value.length > 0")
    page.click("button[name=submit]")
    page.wait_for_selector("#filing-status")
    detail_url = page.url

    clerk_page = sign_in(browser, base, clerk.username)
    clerk_page.goto(f"{base}/cabinet/queue/")
    clerk_page.click("table.filings tbody a")
    clerk_page.click("#accept-filing")
    clerk_page.wait_for_selector(".message--success")

    page.goto(detail_url)
    page.click("#opened-case")
    page.wait_for_selector("ol.cabinet-history")
    assert page.locator("ol.cabinet-history > li").count() >= 3
    history = page.locator("ol.cabinet-history").inner_text()
    assert "Тіркелді" in history or "registered" in history.lower()
    assert page.locator("ul.documents a").count() == 1
