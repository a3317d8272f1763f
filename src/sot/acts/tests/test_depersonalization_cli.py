"""``sot depersonalize``: output, --json offsets, participants, and clear errors for bad input."""

from __future__ import annotations

import io
import json
import sys

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (the msgids); the kk and ru catalogues translate them."""
    with translation.override("en"):
        yield


def test_errors_are_translated_to_the_users_language(tmp_path):
    with translation.override("ru"), pytest.raises(CommandError, match="Файл не найден"):
        call_command("depersonalize", str(tmp_path / "nope.txt"), stdout=io.StringIO())


TEXT = "Истец Смагулова Д.М., тел. 87015559012, обратилась к Кенжебаеву Е.А.\n"


def run(*args: str, stdin: str | None = None, monkeypatch=None) -> str:
    out = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    call_command("depersonalize", *args, stdout=out)
    return out.getvalue()


def test_prints_the_depersonalized_text(tmp_path):
    act = tmp_path / "act.txt"
    act.write_text(TEXT, encoding="utf-8")
    assert run(str(act)) == "Истец ФИО-1, тел. [телефон], обратилась к ФИО-2\n"


def test_json_output_has_offsets_into_the_input(tmp_path, monkeypatch):
    payload = json.loads(run("--json", "-", stdin=TEXT, monkeypatch=monkeypatch))
    assert payload["text"].startswith("Истец ФИО-1")
    spans = [TEXT[e["start"] : e["end"]] for e in payload["entities"]]
    assert spans == ["Смагулова Д.М.", "87015559012", "Кенжебаеву Е.А."]
    assert {e["kind"] for e in payload["entities"]} == {"person", "phone"}
    assert set(payload["entities"][0]) == {"start", "end", "kind", "replacement"}


def test_participants_file_keeps_the_judge_and_finds_inflected_forms(tmp_path):
    people = tmp_path / "people.json"
    people.write_text(
        json.dumps(
            [
                {"name": "Смирнов Денис Алексеевич", "role": "judge"},
                {"name": "Егоров Виктор Павлович", "role": "defendant"},
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    act = tmp_path / "act.txt"
    act.write_text("Смирнов Д.А. вручил Егорову копию решения.", encoding="utf-8")
    assert run("--participants", str(people), "--lang", "ru", str(act)).strip() == (
        "Смирнов Д.А. вручил ФИО-1 копию решения."
    )


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="File not found"):
        run(str(tmp_path / "nope.txt"))


def test_a_directory_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="directory"):
        run(str(tmp_path))


def test_an_unreadable_file_is_a_clear_error(tmp_path, monkeypatch):
    """Tests may run as root, where chmod 000 does not stop reads: refuse the read itself."""
    from pathlib import Path

    act = tmp_path / "act.txt"
    act.write_text(TEXT, encoding="utf-8")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_text", refuse)
    with pytest.raises(CommandError, match="permission denied"):
        run(str(act))


def test_a_file_that_is_not_utf8_is_a_clear_error(tmp_path):
    act = tmp_path / "act.txt"
    act.write_bytes("Истец Иванов".encode("cp1251"))
    with pytest.raises(CommandError, match="not UTF-8"):
        run(str(act))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"name": "Иванов"}', "JSON list"),
        ('["Иванов"]', "not an object"),
        ('[{"role": "plaintiff"}]', "has no name"),
        ('[{"name": "  "}]', "has no name"),
        ('[{"name": "Иванов", "role": 5}]', "role must be text"),
    ],
)
def test_bad_participants_file_is_a_clear_error_and_prints_nothing(tmp_path, content, message):
    people = tmp_path / "people.json"
    people.write_text(content, encoding="utf-8")
    act = tmp_path / "act.txt"
    act.write_text(TEXT, encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(CommandError, match=message):
        call_command("depersonalize", "--participants", str(people), str(act), stdout=out)
    assert out.getvalue() == ""


def test_an_unknown_language_is_refused(tmp_path):
    with pytest.raises(CommandError):
        run("--lang", "en", "-")
