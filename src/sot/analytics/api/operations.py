"""Every operation of the Situational Center API, for the shared API tests (sot.core.tests)."""

BASE = "/api/v1/analytics/"

PROTECTED = [
    ("get", BASE + "indicators/"),
    ("get", BASE + "values/"),
    ("get", BASE + "values/{code}/"),
    ("get", BASE + "values/{code}/cases/"),
    ("get", BASE + "load/"),
]
PUBLIC: list[tuple[str, str]] = []
