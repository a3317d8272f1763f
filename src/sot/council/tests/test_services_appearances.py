"""Art. 9 §3 and Art. 10 §1: the person concerned is heard at the session; the Council decides on
the merits without them and without other invited persons."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from sot.core import clock
from sot.core.errors import Forbidden, InvalidTransition, ValidationFailed
from sot.council.models import Appearance, Vote
from sot.council.services import appearances, sessions

from .conftest import at

DAY = date(2026, 3, 10)


@pytest.fixture
def item(council):
    with clock.frozen(at(DAY)):
        session = sessions.session_plan(
            starts_at=at(DAY), place="Астана", is_closed=False, acting_user=council.secretary.user
        )
        item = sessions.agenda_item_add(
            session=session,
            kind="substantive",
            title="Судьяны босату туралы",
            materials_received_on=DAY,
            acting_user=council.secretary.user,
        )
    sessions.session_open(
        session=session, present=council.members, acting_user=council.secretary.user
    )
    return item


def invite(council, item, name="Ахметов А.", notified_on=None, is_concerned=True):
    with clock.frozen(at(DAY)):
        return appearances.appearance_record(
            item=item,
            name=name,
            is_concerned=is_concerned,
            notified_on=notified_on,
            acting_user=council.secretary.user,
        )


def put_to_vote(council, item):
    return sessions.vote_open(
        item=item, question="Босату?", is_secret=False, acting_user=council.chair.user
    )


def test_art_10_1_no_decision_on_the_merits_with_the_person_concerned_present(council, item):
    person = invite(council, item, notified_on=DAY)
    appearances.appearance_present(appearance=person, acting_user=council.secretary.user)
    with pytest.raises(InvalidTransition) as raised:
        put_to_vote(council, item)
    assert "Ахметов А." in raised.value.render_message()
    assert "10" in raised.value.render_message()
    assert not Vote.objects.exists()
    with clock.frozen(at(DAY, 11)):
        left = appearances.appearance_left(appearance=person, acting_user=council.secretary.user)
    assert left.left_at == at(DAY, 11)
    assert put_to_vote(council, item).is_open


def test_art_10_1_other_invited_persons_leave_too_and_nobody_comes_back_during_the_vote(
    council, item
):
    person = invite(council, item, notified_on=DAY)
    expert = invite(council, item, name="Сарапшы", is_concerned=False)
    for row in (person, expert):
        appearances.appearance_present(appearance=row, acting_user=council.secretary.user)
    appearances.appearance_left(appearance=person, acting_user=council.secretary.user)
    with pytest.raises(InvalidTransition) as raised:
        put_to_vote(council, item)
    assert "Сарапшы" in raised.value.render_message()
    appearances.appearance_left(appearance=expert, acting_user=council.secretary.user)
    put_to_vote(council, item)
    with pytest.raises(InvalidTransition):
        appearances.appearance_present(appearance=person, acting_user=council.secretary.user)
    person.refresh_from_db()
    assert person.left_at is not None


def test_art_10_1_procedural_questions_need_no_absence(council, item):
    item.kind = "procedural"
    item.save(update_fields=["kind"])
    person = invite(council, item)
    appearances.appearance_present(appearance=person, acting_user=council.secretary.user)
    assert put_to_vote(council, item).is_open


def test_art_9_3_heard_in_absence_only_if_duly_notified(council, item):
    invite(council, item)  # neither present nor notified
    with pytest.raises(InvalidTransition) as raised:
        put_to_vote(council, item)
    assert "9" in raised.value.render_message()
    Appearance.objects.update(notified_on=DAY)
    assert put_to_vote(council, item).is_open


def test_art_9_3_appearances_recorded_once_by_the_secretariat(council, item):
    first = invite(council, item)
    assert invite(council, item).pk == first.pk
    with pytest.raises(Forbidden):
        appearances.appearance_record(
            item=item,
            name="x",
            is_concerned=True,
            notified_on=None,
            acting_user=council.members[1].user,
        )
    with pytest.raises(ValidationFailed) as raised, clock.frozen(at(DAY)):
        appearances.appearance_record(
            item=item,
            name=" ",
            is_concerned=True,
            notified_on=date(2026, 3, 11),
            acting_user=council.secretary.user,
        )
    assert set(raised.value.fields) == {"name"}
    with pytest.raises(InvalidTransition):
        appearances.appearance_left(appearance=first, acting_user=council.secretary.user)
    assert Appearance.objects.count() == 1


API = "/api/v1/council/"


def test_art_10_1_through_the_api_the_vote_waits_until_the_person_has_left(
    api_client, council, item
):
    api_client.force_authenticate(council.secretary.user)
    url = f"{API}sessions/{item.session_id}/items/{item.pk}/appearances/"
    bad = api_client.post(url, {"name": "", "notified_on": "yesterday"}, format="json")
    assert bad.status_code == 400
    assert set(bad.json()["error"]["fields"]) == {"name", "notified_on"}
    created = api_client.post(url, {"name": "Ахметов А.", "notified_on": "2026-03-01"})
    assert created.status_code == 201
    action = f"{API}appearances/{created.json()['id']}/actions/"
    assert api_client.post(action, {"action": "present"}).json()["present"] is True
    api_client.force_authenticate(council.chair.user)
    refused = api_client.post(
        f"{API}sessions/{item.session_id}/items/{item.pk}/votes/",
        {"question": "Босату?"},
        format="json",
    )
    assert refused.status_code == 409
    assert "Ахметов А." in refused.json()["error"]["message"]
    assert api_client.post(action, {"action": "left"}).status_code == 403
    api_client.force_authenticate(council.secretary.user)
    assert api_client.post(action, {"action": "left"}).json()["left_at"] is not None
    assert (
        api_client.post(f"{API}appearances/999999/actions/", {"action": "left"}).status_code == 404
    )
    assert (
        api_client.post(
            f"{API}sessions/{item.session_id}/items/999999/appearances/", {"name": "x"}
        ).status_code
        == 404
    )
    api_client.force_authenticate(council.chair.user)
    opened = api_client.post(
        f"{API}sessions/{item.session_id}/items/{item.pk}/votes/",
        {"question": "Босату?"},
        format="json",
    )
    assert opened.status_code == 201


def test_art_9_3_the_session_page_records_presence_and_departure(client, council, item):
    url = reverse("council:appearance_act", args=[item.session_id, item.pk])
    client.force_login(council.members[1].user)
    assert client.post(url, {"action": "invite", "name": "x"}).status_code == 403
    client.force_login(council.secretary.user)
    client.post(url, {"action": "invite", "name": "Ахметов А.", "notified_on": "2026-02-30"})
    assert not Appearance.objects.exists()
    client.post(url, {"action": "invite", "name": "Ахметов А.", "is_concerned": "1"})
    person = Appearance.objects.get()
    client.post(url, {"action": "present", "appearance": person.pk})
    page = client.get(reverse("council:session_detail", args=[item.session_id]))
    assert "Ахметов А." in page.content.decode()
    client.post(url, {"action": "left", "appearance": person.pk})
    person.refresh_from_db()
    assert (person.present, person.left_at is not None) == (True, True)
