"""Chromium signs with WebCrypto: the sign widget (RSA and ECDSA key files) and QR sign-in by "phone"."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sot.accounts.tests.factories import UserFactory
from sot.signatures.testing import TestCA, install_test_ca

from .conftest import IIN, OTHER_IIN

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "pass-Word-123"


@pytest.fixture
def browser(live_server: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    if not CHROMIUM.exists():
        reason = "chromium not installed: apt-get install chromium"
        if os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}:
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


@pytest.fixture
def ca(settings: Any, transactional_db: None) -> TestCA:
    return install_test_ca(settings)


def key_file(tmp_path: Path, ca: TestCA, file_name: str, **kwargs: Any) -> Path:
    cred = ca.issue(**kwargs)
    path = tmp_path / f"{file_name}.pem"
    path.write_text(cred.private_key_pem + cred.certificate_pem)  # one file, as the demo writes
    return path


def sign_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/signin/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form[action$='/signin/'] button[type=submit]")
    page.wait_for_url(lambda url: "/signin/" not in url)


@pytest.mark.parametrize("algorithm", ["rsa", "ecdsa"])
def test_widget_signs_in_the_browser_and_the_server_accepts(
    live_server: Any, browser: Any, ca: TestCA, tmp_path: Path, algorithm: str
) -> None:
    UserFactory(username="signer", iin=IIN)
    path = key_file(tmp_path, ca, "signer", iin=IIN, name="A B", algorithm=algorithm)
    page = browser.new_context(locale="en-US").new_page()
    sign_in(page, live_server.url, "signer")
    page.goto(f"{live_server.url}/signatures/try/")
    page.set_input_files("#signature-key-file", str(path))
    page.click("[data-sig-sign]")
    page.wait_for_function("document.querySelector('[name=signature]').value.length > 0")
    page.click("form.form button[type=submit]")
    assert page.get_attribute("#signature-verdict", "data-code") == "ok"


def test_widget_with_someone_elses_key_is_refused(
    live_server: Any, browser: Any, ca: TestCA, tmp_path: Path
) -> None:
    UserFactory(username="signer", iin=IIN)
    path = key_file(tmp_path, ca, "other", iin=OTHER_IIN, name="C D", algorithm="ecdsa")
    page = browser.new_context(locale="ru-RU").new_page()
    sign_in(page, live_server.url, "signer")
    page.goto(f"{live_server.url}/signatures/try/")
    page.set_input_files("#signature-key-file", str(path))
    page.click("[data-sig-sign]")
    page.wait_for_function("document.querySelector('[name=signature]').value.length > 0")
    page.click("form.form button[type=submit]")
    assert page.get_attribute("#signature-verdict", "data-code") == "iin_mismatch"


def test_qr_sign_in_with_a_phone_page(
    live_server: Any, browser: Any, ca: TestCA, tmp_path: Path
) -> None:
    UserFactory(username="citizen", iin=IIN)
    path = key_file(
        tmp_path, ca, "citizen-auth", iin=IIN, name="A B", algorithm="ecdsa", purpose="auth"
    )
    desktop = browser.new_context(locale="kk-KZ").new_page()
    desktop.goto(f"{live_server.url}/signatures/qr-login/")
    assert desktop.locator("figure.sig-qr svg").count() == 1
    phone_url = desktop.get_attribute("a[href*='/signatures/phone/']", "href")

    phone = browser.new_context(locale="kk-KZ", viewport={"width": 360, "height": 740}).new_page()
    phone.goto(phone_url)
    phone.set_input_files("#phone-key-file", str(path))
    phone.click("[data-sig-sign]")
    phone.wait_for_function("document.querySelector('[data-sig-enhanced]').hidden")

    desktop.wait_for_url(lambda url: "/qr-login/" not in url, timeout=15_000)
    assert (
        desktop.locator(
            "form[action$='/signout/'], form[action*='logout'], .site-nav__user"
        ).count()
        >= 1
    )
