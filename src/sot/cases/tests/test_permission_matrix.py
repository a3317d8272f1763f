"""Who sees which case through the API: every role × every read endpoint × every kind of case.

The rules (top of ``sot/cases/selectors.py``):
- whoever is involved in a case (party with an account, judge on the bench, hearing secretary) sees
  every case of its matter, closed-session ones included;
- clerks, judges and chairs see the open cases of their own court (a judge's court is the one
  they sit in, Judge.court; a clerk's or a chair's without a Judge row is User.court);
- analysts and administrators see open cases nationwide;
- nobody sees a closed case they are not involved in: not by role, not through a list filter.

Each test builds the same small world around one caller. Court A is the caller's court; R is the
regional court above it; B is another district court.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from sot.accounts.models import User
from sot.accounts.roles import Role
from sot.accounts.tests.factories import UserFactory
from sot.cases.models import Case, ParticipantRole
from sot.cases.tests.factories import CaseFactory, CaseJudgeFactory, ParticipantFactory
from sot.core.judiciary import Instance
from sot.courts.models import Court, CourtKind, CourtLevel
from sot.courts.tests.factories import CourtFactory, JudgeFactory

pytestmark = pytest.mark.django_db

CASES = "/api/v1/cases/"

# The kinds of case, by what they are to the caller.
OWN_OPEN = "own_open"  # court A, open, the caller is involved
OWN_CLOSED = "own_closed"  # court A, closed session, the caller is involved
OWN_CLOSED_APPEAL = "own_closed_appeal"  # court R, closed, appeal in the matter of OWN_CLOSED
SAME_COURT_OPEN = "same_court_open"  # court A, open, not involved
SAME_COURT_CLOSED_APPEAL = "same_court_closed_appeal"  # court R, closed, SAME_COURT_OPEN's matter
OTHER_COURT_OPEN = "other_court_open"  # court B, open, not involved
OTHER_CLOSED = "other_closed"  # court A, closed session, not involved
CASE_KINDS = (
    OWN_OPEN,
    OWN_CLOSED,
    OWN_CLOSED_APPEAL,
    SAME_COURT_OPEN,
    SAME_COURT_CLOSED_APPEAL,
    OTHER_COURT_OPEN,
    OTHER_CLOSED,
)

INVOLVED = frozenset({OWN_OPEN, OWN_CLOSED, OWN_CLOSED_APPEAL})
COURT_STAFF = INVOLVED | {SAME_COURT_OPEN}
NATIONAL = COURT_STAFF | {OTHER_COURT_OPEN}


@dataclass(frozen=True)
class Caller:
    roles: tuple[Role, ...]
    sees: frozenset[str]
    # How the caller takes part in their own cases: as a party, on the bench, as the secretary.
    involvement: str = "party"
    party_role: str = ParticipantRole.PLAINTIFF
    staff_court: str | None = None  # "A" or "B": the User.court
    judge_court: str | None = None  # "A": a Judge row in that court
    is_superuser: bool = False


CALLERS: dict[str, Caller | None] = {
    "anonymous": None,
    "citizen": Caller((Role.CITIZEN,), INVOLVED),
    "lawyer": Caller((Role.LAWYER,), INVOLVED, party_role=ParticipantRole.REPRESENTATIVE),
    "prosecutor": Caller((Role.PROSECUTOR,), INVOLVED, party_role=ParticipantRole.PROSECUTOR),
    "clerk": Caller((Role.CLERK,), COURT_STAFF, involvement="secretary", staff_court="A"),
    # The User.court of a judge is stale on purpose: the court they sit in is what counts.
    "judge": Caller(
        (Role.JUDGE,), COURT_STAFF, involvement="bench", staff_court="B", judge_court="A"
    ),
    "court_chair": Caller((Role.COURT_CHAIR,), COURT_STAFF, staff_court="A"),
    "court_chair_with_judge_row": Caller(
        (Role.COURT_CHAIR, Role.JUDGE), COURT_STAFF, involvement="bench", judge_court="A"
    ),
    "analyst": Caller((Role.ANALYST,), NATIONAL),
    "council_member": Caller((Role.COUNCIL_MEMBER,), INVOLVED, staff_court="A"),
    "council_secretary": Caller((Role.COUNCIL_SECRETARY,), INVOLVED, staff_court="A"),
    "administrator": Caller((Role.ADMINISTRATOR,), NATIONAL),
    # Django's superuser flag opens nothing: access is by role and involvement only.
    "superuser_without_roles": Caller((), INVOLVED, staff_court="A", is_superuser=True),
}


@dataclass
class World:
    user: User | None
    cases: dict[str, Case] = field(default_factory=dict)

    def visible(self, caller: str) -> set[int]:
        spec = CALLERS[caller]
        return {self.cases[kind].pk for kind in spec.sees} if spec else set()


def build(caller: str) -> World:
    regional = CourtFactory(level=CourtLevel.REGIONAL, kind=CourtKind.REGIONAL)
    courts: dict[str, Court] = {
        "A": CourtFactory(parent=regional),
        "B": CourtFactory(parent=regional),
        "R": regional,
    }
    spec = CALLERS[caller]
    user = None
    judge = None
    if spec is not None:
        user = UserFactory(
            roles=list(spec.roles),
            court=courts[spec.staff_court] if spec.staff_court else None,
            is_superuser=spec.is_superuser,
            is_staff=spec.is_superuser,
        )
        if spec.judge_court:
            judge = JudgeFactory(user=user, court=courts[spec.judge_court])
    # Someone else takes part in every case, so each has a party and a bench of its own.
    bystander = UserFactory(roles=[Role.CITIZEN])
    other_judge = JudgeFactory(court=courts["A"])

    def case(court: str, *, closed: bool, lower: Case | None = None) -> Case:
        made = CaseFactory(
            court=courts[court],
            is_closed=closed,
            instance=Instance.APPEAL if lower else Instance.FIRST,
            lower_case=lower,
            **({"matter": lower.matter} if lower else {}),
        )
        ParticipantFactory(case=made, user=bystander)
        if court == "A":
            CaseJudgeFactory(case=made, judge=other_judge)
        return made

    def involve(made: Case) -> None:
        if spec is None or user is None:
            return
        if spec.involvement == "bench":
            CaseJudgeFactory(case=made, judge=judge)
        elif spec.involvement == "secretary":
            Case.objects.filter(pk=made.pk).update(clerk=user)
        else:
            ParticipantFactory(case=made, user=user, role=spec.party_role)

    world = World(user=user)
    world.cases[OWN_OPEN] = case("A", closed=False)
    world.cases[OWN_CLOSED] = case("A", closed=True)
    world.cases[OWN_CLOSED_APPEAL] = case("R", closed=True, lower=world.cases[OWN_CLOSED])
    world.cases[SAME_COURT_OPEN] = case("A", closed=False)
    world.cases[SAME_COURT_CLOSED_APPEAL] = case(
        "R", closed=True, lower=world.cases[SAME_COURT_OPEN]
    )
    world.cases[OTHER_COURT_OPEN] = case("B", closed=False)
    world.cases[OTHER_CLOSED] = case("A", closed=True)
    involve(world.cases[OWN_OPEN])
    involve(world.cases[OWN_CLOSED])
    return world


@pytest.fixture
def client_for(api_client):
    def sign_in(world: World):
        if world.user is not None:
            api_client.force_login(world.user)  # a real session, as the web pages use
        return api_client

    return sign_in


def result_ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["next"] is None, "the world fits on one page"
    return {row["id"] for row in body["results"]}


def assert_refused(response, caller: str) -> None:
    """Anonymous callers are told to sign in; everyone else hears "not found", never "forbidden"."""
    expected = (401, "not_authenticated") if caller == "anonymous" else (404, "not_found")
    assert (response.status_code, response.json()["error"]["code"]) == expected


CALLER_IDS = list(CALLERS)


@pytest.mark.parametrize("caller", CALLER_IDS)
def test_case_list_shows_exactly_the_visible_cases(client_for, caller):
    world = build(caller)
    response = client_for(world).get(CASES, {"page_size": 200})
    if caller == "anonymous":
        assert_refused(response, caller)
        return
    assert result_ids(response) == world.visible(caller)


@pytest.mark.parametrize("kind", CASE_KINDS)
@pytest.mark.parametrize("caller", CALLER_IDS)
@pytest.mark.parametrize(
    "endpoint", ["detail", "history", "matter", "documents"], ids=lambda e: f"{e}"
)
def test_case_endpoints(client_for, caller, kind, endpoint):
    world = build(caller)
    case = world.cases[kind]
    tail = "" if endpoint == "detail" else f"{endpoint}/"

    response = client_for(world).get(f"{CASES}{case.pk}/{tail}")

    if case.pk not in world.visible(caller):
        assert_refused(response, caller)
        return
    assert response.status_code == 200, response.content
    if endpoint == "detail":
        assert response.json()["id"] == case.pk
    elif endpoint == "matter":
        # The matter's cases the caller may see, and not one more.
        same_matter = {c.pk for c in world.cases.values() if c.matter == case.matter}
        assert result_ids(response) == same_matter & world.visible(caller)


FILTERS = {
    "number": lambda case: {"number": case.number},
    "q-number-prefix": lambda case: {"q": case.number},
    "court": lambda case: {"court": case.court.code},
    "is_closed": lambda case: {"is_closed": "true" if case.is_closed else "false"},
    "instance": lambda case: {"instance": case.instance},
    "status-and-category": lambda case: {"status": case.status, "category": case.category},
}


@pytest.mark.parametrize("filter_name", list(FILTERS))
@pytest.mark.parametrize("caller", CALLER_IDS)
def test_list_filters_never_reveal_a_case(client_for, caller, filter_name):
    world = build(caller)
    client = client_for(world)
    visible = world.visible(caller)
    for kind, case in world.cases.items():
        params = {**FILTERS[filter_name](case), "page_size": 200}

        response = client.get(CASES, params)

        if caller == "anonymous":
            assert_refused(response, caller)
            continue
        found = result_ids(response)
        assert found <= visible, f"{kind} via {params}"
        assert (case.pk in found) == (case.pk in visible), f"{kind} via {params}"


@pytest.mark.parametrize("caller", [c for c in CALLER_IDS if c != "anonymous"])
def test_closed_cases_through_the_closed_filter(client_for, caller):
    world = build(caller)
    response = client_for(world).get(CASES, {"is_closed": "true", "page_size": 200})
    closed = {c.pk for c in world.cases.values() if c.is_closed}
    assert result_ids(response) == closed & world.visible(caller)
    assert world.cases[OTHER_CLOSED].pk not in result_ids(response)
