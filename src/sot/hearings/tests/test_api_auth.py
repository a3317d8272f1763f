"""Every hearings operation needs a signed-in caller: 401 with the API's error body otherwise."""

from __future__ import annotations

import pytest
from drf_spectacular.generators import SchemaGenerator

from sot.core.tests.api_assertions import assert_error

pytestmark = pytest.mark.django_db

H = "/api/v1/hearings/"
OPERATIONS = [
    ("post", H),
    ("get", H + "1/"),
    ("post", H + "1/start/"),
    ("post", H + "1/end/"),
    ("post", H + "1/postpone/"),
    ("get", H + "1/video/"),
    ("get", H + "cases/1/"),
    ("post", H + "cases/1/suspend/"),
    ("post", H + "cases/1/resume/"),
    ("get", H + "cases/1/suspensions/"),
    ("get", H + "calendar/mine/"),
    ("get", H + "calendar/mine.ics"),
    ("get", H + "calendar/judges/1/"),
    ("get", H + "calendar/judges/1.ics"),
    ("get", H + "calendar/courtrooms/1/"),
    ("get", H + "postponement-reasons/"),
    ("get", H + "suspension-grounds/"),
    ("get", H + "courtrooms/"),
]


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_anonymous_callers_get_401(api_client, method, path):
    response = getattr(api_client, method)(path)
    assert_error(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"] == "Token"


def test_this_list_is_every_hearings_operation_in_the_schema():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    documented = {
        (method, path)
        for path, operations in schema["paths"].items()
        for method in operations
        if path.startswith(H)
    }
    assert len(documented) == len(OPERATIONS)
