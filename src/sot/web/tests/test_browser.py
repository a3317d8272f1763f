"""The system chromium drives the pages with the keyboard only, in two languages and at 360 px.

Set ``SOT_SCREENSHOT_DIR`` to keep screenshots of the pages at 360 and 1280 px wide.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory, valid_iin
from sot.cases.models import Case, CaseEvent, CaseEventKind, CaseStatus, ParticipantRole
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory, ParticipantFactory
from sot.courts.tests.factories import CourtFactory, JudgeFactory, RegionFactory

from .conftest import PASSWORD

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


def running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


@dataclass
class Story:
    username: str
    case: Case
    events: int


@pytest.fixture
def story(transactional_db: None) -> Story:
    """A citizen's civil case in an Almaty district court, some way through its first instance."""
    court = CourtFactory(
        region=RegionFactory(timezone="Asia/Almaty"),
        name_kk="Алматы қаласы Бостандық аудандық соты",
        name_ru="Бостандыкский районный суд города Алматы",
        name_en="Bostandyk District Court of Almaty",
    )
    citizen = UserFactory(
        roles=[Role.CITIZEN],
        first_name="Әлия",
        last_name="Сейітова",
        middle_name="Нұрланқызы",
        iin=valid_iin(7),
    )
    clerk = UserFactory(roles=[Role.CLERK], court=court, first_name="Дана", last_name="Қасымова")
    judge = JudgeFactory(
        court=court,
        user=UserFactory(
            roles=[Role.JUDGE], first_name="Ғалым", last_name="Өмірзақов", middle_name="Қайратұлы"
        ),
    )
    case = CaseFactory(
        court=court,
        number="1950-25-001234",
        status=CaseStatus.SCHEDULED,
        subject="Қарызды және тұрақсыздық айыбын өндіріп алу туралы",
        filed_at=dt.datetime(2025, 2, 3, 4, 15, tzinfo=dt.UTC),
    )
    ParticipantFactory(case=case, user=citizen, name="Сейітова Әлия Нұрланқызы", iin=citizen.iin)
    ParticipantFactory(
        case=case, role=ParticipantRole.DEFENDANT, name="Жұмабеков Ерұлан", iin=valid_iin(8)
    )
    CaseJudgeFactory(case=case, judge=judge)
    for _ in range(3):  # older cases, so My cases has more than one row
        ParticipantFactory(case=CaseFactory(court=court, status=CaseStatus.ARCHIVED), user=citizen)
    start = dt.datetime(2025, 2, 3, 4, 15, tzinfo=dt.UTC)
    timeline = [
        (CaseEventKind.FILED, citizen, {}),
        (
            CaseEventKind.REGISTERED,
            clerk,
            {"from": "filed", "to": "registered", "number": case.number},
        ),
        (CaseEventKind.JUDGE_ASSIGNED, clerk, {"role": "presiding"}),
        (CaseEventKind.ACCEPTED, judge.user, {"from": "registered", "to": "accepted"}),
        (
            CaseEventKind.SCHEDULED,
            clerk,
            {"from": "accepted", "to": "scheduled", "note": "Отырыс: 12.03.2025, 10:00, 305 зал"},
        ),
    ]
    for day, (kind, actor, payload) in enumerate(timeline):
        CaseEvent.objects.create(
            case=case, kind=kind, actor=actor, payload=payload, at=start + dt.timedelta(days=day)
        )
    return Story(username=citizen.username, case=case, events=len(timeline))


@pytest.fixture
def page(live_server: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    if not CHROMIUM.exists():
        reason = "chromium not installed: apt-get install chromium"
        if running_in_ci():
            pytest.fail(f"{reason} (CI is set: browser tests must run, not skip)")
        pytest.skip(reason)
    # Playwright's sync API runs an event loop in this thread; Django would refuse ORM calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            # A Kazakh-speaking browser, at a laptop's width to start with.
            context = browser.new_context(locale="kk-KZ", viewport={"width": 1280, "height": 900})
            context.set_default_timeout(10_000)
            yield context.new_page()
        finally:
            browser.close()


def tab_to(page: Any, selector: str, limit: int = 40) -> None:
    """Press Tab until ``selector`` has the focus: proves it is reachable from the keyboard."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
    raise AssertionError(f"{selector!r} is not reachable with Tab")


def html_lang(page: Any) -> str:
    return str(page.evaluate("document.documentElement.lang"))


def page_width(page: Any) -> int:
    return int(page.evaluate("document.scrollingElement.scrollWidth"))


def screenshot(page: Any, name: str) -> None:
    directory = os.environ.get("SOT_SCREENSHOT_DIR")
    if directory:
        page.screenshot(path=str(Path(directory) / f"{name}.png"), full_page=True)


def test_citizen_follows_a_case_with_the_keyboard(
    live_server: Any, story: Story, page: Any
) -> None:
    base = live_server.url
    page.goto(f"{base}/")
    assert html_lang(page) == "kk"

    # The first Tab lands on the skip link; it moves focus to the main content.
    tab_to(page, "a.skip-link", limit=1)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    tab_to(page, 'nav a[href="/signin/"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/signin/")
    assert page.evaluate("document.activeElement.id") == "id_username"  # autofocus
    page.keyboard.type(story.username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/")
    screenshot(page, "home-1280")

    tab_to(page, 'nav a[href="/cases/mine/"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/cases/mine/")
    assert page.locator("table.cases tbody tr").count() == 4
    screenshot(page, "my-cases-1280")

    case_path = f"/cases/{story.case.pk}/"
    tab_to(page, f'table.cases a[href="{case_path}"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}{case_path}")
    assert page.locator("ol.timeline > li").count() == story.events
    assert page.locator("h1").count() == 1
    screenshot(page, "case-1280")

    tab_to(page, 'button[name="language"][value="ru"]')
    page.keyboard.press("Enter")
    page.wait_for_function("document.documentElement.lang === 'ru'")
    assert page.url == f"{base}{case_path}"
    assert page.locator('button[value="ru"][aria-current="true"]').count() == 1

    page.set_viewport_size({"width": 360, "height": 780})
    for path, name in [(case_path, "case"), ("/", "home"), ("/cases/mine/", "my-cases")]:
        page.goto(f"{base}{path}")
        assert html_lang(page) == "ru"
        assert page_width(page) <= 360, f"{path} scrolls sideways at 360 px"
        screenshot(page, f"{name}-360")
