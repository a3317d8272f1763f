"""Pages: who may open what, what they show, actions, language, and how many queries they cost."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.contrib.messages import constants as message_levels
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory, valid_iin
from sot.cases.models import Case, CaseEvent, CaseEventKind, CaseStatus
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory, ParticipantFactory
from sot.core.iin import mask_iin
from sot.core.models import AuditAction, AuditEvent

from .conftest import PASSWORD, World

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "citizen", "clerk", "judge", "chair", "analyst"]


def client_for(world: World, role: str) -> Client:
    client = Client()
    user = world.user(role)
    if user is not None:
        client.force_login(user)
    return client


def case_url(case_id: int) -> str:
    return reverse("web:case_detail", args=[case_id])


def linked_case_ids(html: str) -> set[int]:
    return {int(pk) for pk in re.findall(r'href="/cases/(\d+)/"', html)}


def assert_page_structure(html: str) -> None:
    """The layout's accessibility contract: one h1, landmarks, a skip link to main."""
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html
    assert 'class="skip-link" href="#main"' in html


# --- pages by role ----------------------------------------------------------------------------

PAGE_ACCESS = {
    # url name: expected status per role (302 = redirect to sign-in)
    "web:home": dict.fromkeys(ROLES, 200),
    "web:my_cases": {"anonymous": 302} | dict.fromkeys(ROLES[1:], 200),
    "web:docket": {
        "anonymous": 302,
        "citizen": 403,
        "clerk": 403,
        "judge": 200,
        "chair": 200,
        "analyst": 403,
    },
    "web:court_cases": {
        "anonymous": 302,
        "citizen": 403,
        "clerk": 200,
        "judge": 403,
        "chair": 200,
        "analyst": 403,
    },
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url_name", list(PAGE_ACCESS))
def test_page_access(world: World, url_name: str, role: str) -> None:
    response = client_for(world, role).get(reverse(url_name))

    expected = PAGE_ACCESS[url_name][role]
    assert response.status_code == expected
    if expected == 302:
        assert response["Location"].startswith(f"{reverse('web:login')}?next=")
    else:
        assert_page_structure(response.content.decode())


@pytest.mark.parametrize("role", ROLES[1:])
def test_navigation_offers_only_the_pages_a_role_may_open(world: World, role: str) -> None:
    html = client_for(world, role).get(reverse("web:home")).content.decode()

    for url_name, access in PAGE_ACCESS.items():
        link = f'href="{reverse(url_name)}"'
        assert (link in html) == (access[role] == 200), url_name


def test_current_page_is_marked_in_the_navigation(world: World) -> None:
    html = client_for(world, "judge").get(reverse("web:docket")).content.decode()

    assert f'<a href="{reverse("web:docket")}" aria-current="page">' in html
    assert html.count('aria-current="page"') == 1


# --- the case page permission matrix ----------------------------------------------------------

CASE_ACCESS = {
    # case: roles that see it (everyone else gets the same 404 as for a missing case)
    "own": {"citizen", "clerk", "judge", "chair", "analyst"},
    "other": {"clerk", "judge", "chair", "analyst"},
    "closed_own": {"citizen"},
    "closed_bench": {"judge"},
    "closed_clerk": {"clerk"},
    "elsewhere": {"analyst"},
}


@pytest.mark.parametrize("role", ROLES[1:])
@pytest.mark.parametrize("case_name", list(CASE_ACCESS))
def test_case_page_permission_matrix(world: World, case_name: str, role: str) -> None:
    case = getattr(world, case_name)

    response = client_for(world, role).get(case_url(case.pk))

    assert response.status_code == (200 if role in CASE_ACCESS[case_name] else 404)
    assert_page_structure(response.content.decode())
    if response.status_code == 404:
        assert case.court.name_kk not in response.content.decode()


def test_case_page_redirects_anonymous_to_sign_in(world: World) -> None:
    response = Client().get(case_url(world.own.pk))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('web:login')}?next={case_url(world.own.pk)}"


def test_missing_case_is_the_same_404(world: World) -> None:
    response = client_for(world, "analyst").get(case_url(10**9))

    assert response.status_code == 404
    assert response.templates[0].name == "404.html"


def test_server_error_page_renders_without_a_request() -> None:
    # Django renders 500.html with no request and no context processors.
    html = render_to_string("500.html")

    assert '<html lang="kk">' in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1


def test_closed_case_read_is_audited(world: World) -> None:
    client_for(world, "citizen").get(case_url(world.closed_own.pk))

    audit = AuditEvent.objects.get(action=AuditAction.CASE_CLOSED_READ)
    assert (audit.actor, audit.object_id) == (world.citizen, str(world.closed_own.pk))


# --- lists ------------------------------------------------------------------------------------


def test_my_cases_lists_only_the_participants_cases(world: World) -> None:
    response = client_for(world, "citizen").get(reverse("web:my_cases"))

    assert linked_case_ids(response.content.decode()) == {world.own.pk, world.closed_own.pk}


def test_docket_lists_only_the_judges_pending_cases(world: World) -> None:
    CaseJudgeFactory(
        case=CaseFactory(court=world.court, status=CaseStatus.ARCHIVED), judge=world.judge
    )
    CaseJudgeFactory(case=world.other)  # another judge of the same court

    response = client_for(world, "judge").get(reverse("web:docket"))

    assert linked_case_ids(response.content.decode()) == {world.own.pk, world.closed_bench.pk}


def test_court_cases_lists_own_court_open_cases_and_involved_closed_ones(world: World) -> None:
    response = client_for(world, "clerk").get(reverse("web:court_cases"))

    assert linked_case_ids(response.content.decode()) == {
        world.own.pk,
        world.other.pk,
        world.closed_clerk.pk,
    }


def test_court_cases_filters_by_status_and_category(world: World) -> None:
    client = client_for(world, "clerk")

    by_status = client.get(reverse("web:court_cases"), {"status": CaseStatus.SCHEDULED})
    by_category = client.get(reverse("web:court_cases"), {"category": "criminal"})
    bad_filter = client.get(reverse("web:court_cases"), {"status": "nonsense"})

    assert linked_case_ids(by_status.content.decode()) == {world.other.pk}
    assert linked_case_ids(by_category.content.decode()) == set()
    assert bad_filter.status_code == 200


def test_lists_paginate_and_keep_filters_in_page_links(world: World) -> None:
    for _ in range(30):
        CaseFactory(court=world.court, status=CaseStatus.SCHEDULED)
    client = client_for(world, "clerk")

    first = client.get(reverse("web:court_cases"), {"status": CaseStatus.SCHEDULED})
    second = client.get(reverse("web:court_cases"), {"status": "scheduled", "page": "2"})

    assert len(linked_case_ids(first.content.decode())) == 25
    assert len(linked_case_ids(second.content.decode())) == 6
    assert 'href="?status=scheduled&amp;page=2"' in first.content.decode()


# --- the case page ----------------------------------------------------------------------------


def test_case_page_shows_masked_iins_bench_and_timeline_in_court_zone(world: World) -> None:
    defendant_iin = valid_iin(2)
    CaseEvent.objects.create(
        case=world.own,
        kind=CaseEventKind.REGISTERED,
        at=dt.datetime(2025, 1, 15, 6, 0, tzinfo=dt.UTC),
        actor=world.clerk,
        payload={"from": "filed", "to": "registered", "number": world.own.number},
    )

    response = client_for(world, "citizen").get(case_url(world.own.pk))
    html = response.content.decode()

    assert valid_iin(1) not in html  # the citizen's own IIN
    assert defendant_iin not in html
    assert mask_iin(defendant_iin) in html
    assert world.judge.user.last_name in html
    # 06:00 UTC is 15:00 in the court's zone (the test region is in Asia/Tokyo).
    assert (
        '<time class="timeline__time" datetime="2025-01-15T15:00:00+09:00">15.01.2025 15:00</time>'
        in html
    )
    assert [entry.kind for entry in response.context["timeline"]] == [CaseEventKind.REGISTERED]


def test_case_page_offers_only_actions_the_user_may_take(world: World) -> None:
    def offered(role: str) -> list[str]:
        response = client_for(world, role).get(case_url(world.own.pk))
        return [button.value for button in response.context["actions"]]

    # A registered case: accepting, returning or leaving without motion is the bench's.
    assert offered("judge") == ["accept", "return", "leave_without_motion"]
    assert offered("clerk") == []
    assert offered("citizen") == []
    assert '<form method="post" action="/cases/' not in (
        client_for(world, "citizen").get(case_url(world.own.pk)).content.decode()
    )


def test_matter_chain_links_the_instances(world: World) -> None:
    higher = CaseFactory(
        court=world.court.parent, instance="appeal", matter=world.own.matter, lower_case=world.own
    )

    response = client_for(world, "citizen").get(case_url(higher.pk))

    assert [case.pk for case in response.context["matter_cases"]] == [world.own.pk, higher.pk]
    assert f'href="{case_url(higher.pk)}" aria-current="page"' in response.content.decode()


# --- actions ----------------------------------------------------------------------------------


def act(client: Client, case_id: int, action: str, note: str = "", seen: str | None = None) -> Any:
    """Press an action button on a case page that showed the status ``seen`` (default: current)."""
    if seen is None:
        seen = Case.objects.filter(pk=case_id).values_list("status", flat=True).first() or ""
    data = {"action": action, "note": note, "seen_status": seen}
    return client.post(reverse("web:case_act", args=[case_id]), data, follow=True)


def error_messages(response: Any) -> list[str]:
    return [str(m) for m in response.context["messages"] if m.level == message_levels.ERROR]


def test_transition_changes_status_and_appears_in_the_timeline(world: World) -> None:
    response = act(client_for(world, "judge"), world.own.pk, "accept", note="Documents complete")

    world.own.refresh_from_db()
    assert world.own.status == CaseStatus.ACCEPTED
    assert response.redirect_chain == [(case_url(world.own.pk), 302)]
    last = response.context["timeline"][-1]
    assert (last.kind, last.details[-1]) == (CaseEventKind.ACCEPTED, "Documents complete")
    assert error_messages(response) == []
    assert 'data-kind="accepted"' in response.content.decode()


@pytest.mark.parametrize(
    ("role", "action"),
    [
        ("judge", "decide"),  # not possible from "registered"
        ("citizen", "accept"),  # possible, but not the citizen's to take
        ("clerk", "accept"),  # the bench's, not the office's
        ("judge", "self-destruct"),  # not an action at all
    ],
)
def test_refused_action_shows_an_error_and_changes_nothing(
    world: World, role: str, action: str
) -> None:
    events_before = world.own.events.count()

    response = act(client_for(world, role), world.own.pk, action)

    world.own.refresh_from_db()
    assert response.status_code == 200
    assert world.own.status == CaseStatus.REGISTERED
    assert world.own.events.count() == events_before
    assert len(error_messages(response)) == 1
    assert 'class="message message--error" role="alert"' in response.content.decode()


def test_action_on_an_invisible_case_is_404_and_changes_nothing(world: World) -> None:
    response = client_for(world, "judge").post(
        reverse("web:case_act", args=[world.elsewhere.pk]), {"action": "accept"}
    )

    world.elsewhere.refresh_from_db()
    assert response.status_code == 404
    assert world.elsewhere.status == CaseStatus.REGISTERED


def test_appeal_opens_the_higher_case_in_the_matter(world: World) -> None:
    world.own.status = CaseStatus.DECIDED
    world.own.clerk = world.clerk
    world.own.save()

    response = act(client_for(world, "clerk"), world.own.pk, "appeal")

    world.own.refresh_from_db()
    assert world.own.status == CaseStatus.APPEALED
    chain = response.context["matter_cases"]
    assert [c.court for c in chain] == [world.court, world.court.parent]


def test_actions_need_post_and_a_csrf_token(world: World) -> None:
    url = reverse("web:case_act", args=[world.own.pk])
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.judge.user)

    assert client.get(url).status_code == 405
    assert client.post(url, {"action": "accept"}).status_code == 403
    world.own.refresh_from_db()
    assert world.own.status == CaseStatus.REGISTERED

    client.get(case_url(world.own.pk))
    token = client.cookies["csrftoken"].value
    client.post(
        url, {"action": "accept", "seen_status": "registered", "csrfmiddlewaretoken": token}
    )
    world.own.refresh_from_db()
    assert world.own.status == CaseStatus.ACCEPTED


def test_a_double_submitted_form_moves_the_case_once(world: World) -> None:
    client = client_for(world, "judge")
    act(client, world.own.pk, "accept", seen="registered")
    response = act(client, world.own.pk, "accept", seen="registered")

    assert world.own.events.filter(kind=CaseEventKind.ACCEPTED).count() == 1
    assert len(error_messages(response)) == 1


@pytest.mark.parametrize("action", ["schedule", "mark_heard", "suspend", "resume"])
def test_hearing_steps_are_not_taken_with_a_bare_button(world: World, action: str) -> None:
    """Scheduling, hearing, suspending and resuming go through the hearings section, which records
    the hearing or the ground with the move: the plain form neither offers nor accepts them."""
    world.own.status = CaseStatus.ACCEPTED
    world.own.save()
    client = client_for(world, "judge")
    page = client.get(case_url(world.own.pk)).content.decode()
    assert f'value="{action}"' not in page
    events_before = world.own.events.count()
    act(client, world.own.pk, action, seen="accepted")
    assert world.own.events.count() == events_before


# --- sign-in and sign-out ---------------------------------------------------------------------


def test_sign_in_page_has_labelled_fields(db: None) -> None:
    html = Client().get(reverse("web:login")).content.decode()

    assert '<label for="id_username">' in html
    assert '<label for="id_password">' in html
    assert 'autocomplete="current-password"' in html


def test_sign_in_and_out(world: World) -> None:
    client = Client()

    failed = client.post(
        reverse("web:login"), {"username": world.citizen.username, "password": "x"}
    )
    signed_in = client.post(
        reverse("web:login"),
        {"username": world.citizen.username, "password": PASSWORD, "next": reverse("web:my_cases")},
    )

    assert failed.status_code == 200
    assert 'role="alert"' in failed.content.decode()
    assert signed_in["Location"] == reverse("web:my_cases")
    assert client.get(reverse("web:my_cases")).status_code == 200
    assert client.get(reverse("web:logout")).status_code == 405
    assert client.post(reverse("web:logout"))["Location"] == reverse("web:home")
    assert client.get(reverse("web:my_cases")).status_code == 302


# --- language ---------------------------------------------------------------------------------


def test_kazakh_is_the_default_language(db: None) -> None:
    html = Client().get(reverse("web:home")).content.decode()

    assert html.startswith('<!doctype html>\n<html lang="kk">')
    assert re.search(r'value="kk" lang="kk"\s+aria-current="true"', html)


@pytest.mark.parametrize("language", ["ru", "en", "kk"])
def test_language_switch_sets_the_language(world: World, language: str) -> None:
    client = client_for(world, "citizen")
    here = case_url(world.own.pk)

    response = client.post("/i18n/setlang/", {"language": language, "next": here}, follow=True)

    html = response.content.decode()
    assert response.redirect_chain[-1][0] == here
    assert f'<html lang="{language}">' in html
    assert re.search(rf'value="{language}" lang="{language}"\s+aria-current="true"', html)
    assert html.count('aria-current="true"') == 1


# --- query counts -----------------------------------------------------------------------------


def test_list_pages_have_bounded_query_counts(world: World, django_assert_max_num_queries) -> None:
    for _ in range(30):
        case = CaseFactory(court=world.court)
        ParticipantFactory(case=case, user=world.citizen)
        CaseJudgeFactory(case=case, judge=world.chair)
    citizen, chair = client_for(world, "citizen"), client_for(world, "chair")

    with django_assert_max_num_queries(5):
        assert citizen.get(reverse("web:my_cases")).status_code == 200
    with django_assert_max_num_queries(7):
        assert chair.get(reverse("web:docket")).status_code == 200
    with django_assert_max_num_queries(7):
        assert chair.get(reverse("web:court_cases"), {"category": "civil"}).status_code == 200


def test_case_page_query_count_does_not_grow_with_the_case(
    world: World, django_assert_max_num_queries
) -> None:
    for n in range(20):
        ParticipantFactory(case=world.own, iin=valid_iin(100 + n))
        CaseEvent.objects.create(
            case=world.own, kind=CaseEventKind.DOCUMENT_ADDED, actor=world.clerk
        )
    for _ in range(3):
        CaseJudgeFactory(case=world.own, judge__user=UserFactory(roles=[Role.JUDGE]))
    judge = client_for(world, "judge")

    # 10 reads + one bench check per bench action offered (rules.may_act asks each time) + the
    # sections other apps add (distribution, deadlines, hearings, filing, acts, notifications: a few
    # reads each, never per row).
    with django_assert_max_num_queries(13 + 8):
        assert judge.get(case_url(world.own.pk)).status_code == 200
