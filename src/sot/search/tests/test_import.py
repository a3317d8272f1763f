"""``sot search import-acts`` and ``sot search query``."""

from __future__ import annotations

import json
import re

import pytest
from django.core.management import CommandError, call_command

from sot.acts.models import Act
from sot.courts.tests.factories import CourtFactory

pytestmark = pytest.mark.django_db


def line(**overrides):
    row = {
        "id": "old-1",
        "lang": "ru",
        "text": "Взыскать алименты на содержание ребёнка.",
        "court": "",
        "date": "2020-02-03",
        "category": "civil",
        "kind": "decision",
        "case_number": "2-123/2020",
    }
    row.update(overrides)
    return json.dumps(row, ensure_ascii=False)


@pytest.fixture
def court():
    return CourtFactory(code="T777")


def write(tmp_path, *lines):
    path = tmp_path / "bank.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_import_creates_published_acts_and_the_query_command_finds_them(tmp_path, court, capsys):
    path = write(
        tmp_path, line(court="T777"), line(id="old-2", court="T777", text="Иск о выселении.")
    )
    call_command("search", "import-acts", path)

    act = Act.objects.get(external_id="old-1")
    assert act.status == "signed"
    assert act.published_at is not None
    assert act.published_text == act.text
    assert act.case_number == "2-123/2020"
    capsys.readouterr()
    call_command("search", "query", "алиментов", "--json", "--limit", "5")
    rows = json.loads(capsys.readouterr().out)
    assert [row["id"] for row in rows] == ["old-1"]
    assert set(rows[0]) == {"id", "score", "snippet"}
    assert "[алименты]" in rows[0]["snippet"]


def test_reimport_updates_and_never_duplicates(tmp_path, court, capsys):
    call_command("search", "import-acts", write(tmp_path, line(court="T777")))
    call_command(
        "search",
        "import-acts",
        write(tmp_path, line(court="T777", text="Иск о разделе имущества.")),
    )

    assert Act.objects.filter(external_id="old-1").count() == 1
    assert Act.objects.get(external_id="old-1").text == "Иск о разделе имущества."
    capsys.readouterr()
    call_command("search", "query", "алименты", "--json")
    assert json.loads(capsys.readouterr().out) == []


def test_bad_lines_are_reported_by_number_and_write_nothing(tmp_path, court, capsys):
    path = write(
        tmp_path,
        line(court="T777"),
        "{not json",
        line(id="old-3", court="NOPE"),
        line(id="old-4", court="T777", date="03.02.2020"),
        line(id="old-5", court="T777", kind="verdict"),
        json.dumps({"id": "old-6"}),
    )
    with pytest.raises(CommandError):
        call_command("search", "import-acts", path)

    errors = capsys.readouterr().err.splitlines()
    # One message per bad line, each naming its line (in the user's language).
    assert len(errors) == 5
    for number, message in zip((2, 3, 4, 5, 6), errors, strict=True):
        assert re.search(rf"\b{number}\b", message), message
    assert list(Act.objects.values_list("external_id", flat=True)) == ["old-1"]
