"""The hearing pages in the system chromium, in Kazakh (the default language).

A clerk schedules a hearing from the case page's hearings panel; the judge opens it late, postpones
another hearing for an unjustified reason, and suspends and resumes that case's proceedings. Each
step is checked by what the pages then show. The clock is frozen; the live server shares it.
The test body makes no database calls while the browser runs: under Playwright's event loop they
would open a second connection that is never closed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory, valid_iin
from sot.cases.models import Case, CaseStatus, ParticipantRole
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory, ParticipantFactory
from sot.core import clock
from sot.courts.tests.factories import CourtFactory, JudgeFactory, RegionFactory
from sot.hearings.models import (
    Courtroom,
    Hearing,
    HearingStatus,
    PostponementReason,
    SuspensionGround,
)
from sot.hearings.services import hearing_schedule
from sot.web.tests.conftest import PASSWORD
from sot.web.tests.test_browser import CHROMIUM, CHROMIUM_ARGS, running_in_ci

from .conftest import at

pytestmark = pytest.mark.browser


def kk(message: Any) -> str:
    """A message as a Kazakh reader sees it: a msgid, or a lazy label such as a status's."""
    with translation.override("kk"):
        return gettext(message) if isinstance(message, str) else str(message)


def kk_days(days: int) -> str:
    with translation.override("kk"):
        return ngettext("%(days)s day", "%(days)s days", days) % {"days": days}


@dataclass
class Court:
    clerk: User
    judge: User
    case: Case  # accepted: the clerk schedules its first hearing
    other: Case  # scheduled: its hearing is postponed, then its proceedings suspended
    other_hearing: Hearing
    room: Courtroom
    reason: PostponementReason
    ground: SuspensionGround


@pytest.fixture
def court(transactional_db: None) -> Court:
    # Own reason and ground rows: a transactional test elsewhere may have flushed the starter ones.
    reason = PostponementReason.objects.create(
        code="browser-no-file",
        name_kk="Іс материалдары дайын емес",
        name_ru="Материалы дела не готовы",
        name_en="The case file is not ready",
        is_justified=False,
    )
    ground = SuspensionGround.objects.create(
        code="browser-expertise",
        name_kk="Сараптама тағайындалды",
        name_ru="Назначена экспертиза",
        name_en="An expert examination is ordered",
        legal_basis="АПК 273-бап",
        is_mandatory=False,
    )
    place = CourtFactory(region=RegionFactory(timezone="Asia/Almaty"))
    clerk = UserFactory(roles=[Role.CLERK], court=place, first_name="Дана", last_name="Қасымова")
    judge = JudgeFactory(court=place, user__first_name="Ғалым", user__last_name="Өмірзақов")
    room = Courtroom.objects.create(court=place, number="305")
    case = CaseFactory(court=place, status=CaseStatus.ACCEPTED)
    CaseJudgeFactory(case=case, judge=judge)
    plaintiff = ParticipantFactory(case=case, name="Сейітова Әлия", iin=valid_iin(7))
    ParticipantFactory(
        case=case,
        role=ParticipantRole.REPRESENTATIVE,
        name="Адвокат Ерлан Бекұлы",
        iin=valid_iin(9),
        represents=plaintiff,
    )
    other = CaseFactory(court=place, status=CaseStatus.ACCEPTED)
    CaseJudgeFactory(case=other, judge=judge)
    other_hearing = hearing_schedule(
        case=other, courtroom=room, starts_at=at(11, 10), ends_at=at(11, 11), acting_user=clerk
    )
    return Court(
        clerk=clerk,
        judge=judge.user,
        case=case,
        other=other,
        other_hearing=other_hearing,
        room=room,
        reason=reason,
        ground=ground,
    )


@pytest.fixture
def browser(live_server: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    if not CHROMIUM.exists():
        reason = "chromium not installed: apt-get install chromium"
        if running_in_ci():
            pytest.fail(f"{reason} (CI is set: browser tests must run, not skip)")
        pytest.skip(reason)
    # Playwright's sync API runs an event loop in this thread; Django would refuse ORM calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def signed_in(browser: Any, base: str, user: User) -> Any:
    """A fresh Kazakh-speaking browser window with ``user`` signed in."""
    context = browser.new_context(locale="kk-KZ", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(f"{base}/signin/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url(f"{base}/")
    return page


def text(page: Any, selector: str) -> str:
    return str(page.locator(selector).first.inner_text()).strip()


def test_clerk_schedules_and_judge_runs_postpones_suspends_resumes(
    live_server: Any, court: Court, browser: Any
) -> None:
    base = live_server.url
    case_path = f"/cases/{court.case.pk}/"

    # The clerk books the first hearing from the case page's hearings panel (at 09:00).
    clerk = signed_in(browser, base, court.clerk)
    clerk.goto(f"{base}{case_path}")
    assert clerk.evaluate("document.documentElement.lang") == "kk"
    panel = clerk.locator('section[aria-labelledby="hearings-title"]')
    assert panel.locator("p.empty").inner_text().strip() == kk("No hearings scheduled.")
    panel.get_by_role("link", name=kk("Schedule a hearing")).click()
    clerk.wait_for_url(f"{base}/hearings/cases/{court.case.pk}/schedule/")
    clerk.select_option("#id_courtroom", str(court.room.pk))
    clerk.fill("#id_day", "2026-03-10")
    clerk.fill("#id_start", "10:00")
    clerk.fill("#id_end", "11:00")
    clerk.get_by_label("Адвокат Ерлан Бекұлы", exact=False).check()
    with clerk.expect_navigation():
        clerk.get_by_role("button", name=kk("Schedule"), exact=True).click()
    scheduled = re.fullmatch(rf"{base}/hearings/(\d+)/", clerk.url)
    assert scheduled is not None
    hearing_id = int(scheduled[1])
    assert text(clerk, ".messages") == kk("The hearing is scheduled.")
    assert "Адвокат Ерлан Бекұлы" in text(clerk, 'section[aria-labelledby="summoned-title"]')
    clerk.goto(f"{base}{case_path}")
    row = clerk.locator('section[aria-labelledby="hearings-title"] li[data-hearing]')
    assert row.count() == 1
    assert "10.03.2026 10:00–11:00" in row.inner_text()
    assert row.locator(".status").inner_text().strip() == kk("Scheduled")
    assert text(clerk, ".case-head .status") == kk(CaseStatus.SCHEDULED.label)

    # The judge opens it at 10:25: past the ten minutes' tolerance, a late start.
    with clock.frozen(at(10, 10, 25)):
        judge = signed_in(browser, base, court.judge)
        judge.goto(f"{base}{case_path}")
        judge.locator(f'li[data-hearing="{hearing_id}"] a').click()
        judge.wait_for_url(f"{base}/hearings/{hearing_id}/")
        with judge.expect_navigation():
            judge.get_by_role("button", name=kk("Open the hearing")).click()
        assert judge.url == f"{base}/hearings/{hearing_id}/"
        assert text(judge, ".messages") == kk("The hearing is open.")
        assert text(judge, ".case-head .status") == kk("In progress")
        assert "10.03.2026 10:25" in text(judge, "dl.facts")
        late = judge.locator('li.timeline__item[data-kind="started_late"] .timeline__label')
        assert late.inner_text().strip() == kk("Hearing opened late")

        # The other case's hearing is put off to Friday, for a reason the table calls unjustified.
        judge.goto(f"{base}/hearings/{court.other_hearing.pk}/")
        judge.get_by_role("link", name=kk("Postpone")).click()
        judge.wait_for_url(f"{base}/hearings/{court.other_hearing.pk}/postpone/")
        judge.select_option("#id_reason", str(court.reason.pk))
        judge.fill("#id_note", "Сарапшының қорытындысы келмеді")
        judge.fill("#id_day", "2026-03-13")
        judge.fill("#id_start", "15:00")
        judge.fill("#id_end", "16:00")
        with judge.expect_navigation():
            judge.get_by_role("button", name=kk("Postpone"), exact=True).click()
        assert re.fullmatch(rf"{base}/hearings/\d+/", judge.url)
        assert judge.url != f"{base}/hearings/{court.other_hearing.pk}/"
        assert text(judge, ".messages") == kk("The hearing is postponed.")
        assert "13.03.2026 15:00–16:00" in text(judge, "dl.facts")
        assert text(judge, ".case-head .status") == kk("Scheduled")
        judge.goto(f"{base}/hearings/{court.other_hearing.pk}/")
        assert text(judge, ".case-head .status") == kk("Postponed")
        history = text(judge, 'section[aria-labelledby="log-title"]')
        assert "Іс материалдары дайын емес" in history
        assert kk("Unjustified") in history
        assert "Сарапшының қорытындысы келмеді" in history

        # Then the other case's proceedings are suspended: its booked hearing is cancelled.
        other_path = f"/cases/{court.other.pk}/"
        judge.goto(f"{base}{other_path}")
        judge.get_by_role("link", name=kk("Suspend the proceedings")).click()
        judge.wait_for_url(f"{base}/hearings/cases/{court.other.pk}/suspend/")
        judge.select_option("#id_ground", str(court.ground.pk))
        with judge.expect_navigation():
            judge.get_by_role("button", name=kk("Suspend"), exact=True).click()
        assert judge.url == f"{base}{other_path}"
        assert text(judge, ".messages") == kk("The proceedings are suspended.")
        assert text(judge, ".case-head .status") == kk(CaseStatus.SUSPENDED.label)
        panel = judge.locator('section[aria-labelledby="hearings-title"]')
        assert kk("still suspended") in panel.inner_text()
        assert "Сараптама тағайындалды (АПК 273-бап)" in panel.inner_text()
        friday = panel.locator("li[data-hearing]", has_text="13.03.2026 15:00")
        assert friday.locator(".status").inner_text().strip() == kk(HearingStatus.CANCELLED.label)

    # A week later (7 days and 35 minutes) the judge resumes the proceedings from the panel.
    with clock.frozen(at(17, 11)):
        judge.reload()
        judge.fill("#resume-note", "Сараптама қорытындысы алынды")
        with judge.expect_navigation():
            # The panel's form, with the note (the case page has a plain resume action too).
            panel = judge.locator('section[aria-labelledby="hearings-title"]')
            panel.get_by_role("button", name=kk("Resume the proceedings")).click()
        assert judge.url == f"{base}{other_path}"
        assert text(judge, ".messages") == kk("The proceedings are resumed.")
        # Back to the status held before the suspension.
        assert text(judge, ".case-head .status") == kk(CaseStatus.SCHEDULED.label)
        period = panel.locator("li", has_text="Сараптама тағайындалды").inner_text()
        assert "10.03.2026 – 17.03.2026" in period
        assert kk_days(7) in period
        assert judge.get_by_role("link", name=kk("Suspend the proceedings")).count() == 1
