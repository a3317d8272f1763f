"""``sot council …``: JSON answers on hand-worked facts files, and refusals naming the field."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.translation import gettext

from sot.council.models import Regulation

from .facts_support import facts

pytestmark = pytest.mark.django_db


def run(tmp_path, *args, document):
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    out = StringIO()
    call_command("council", "--language", "en", *args, "--facts", str(path), stdout=out)
    return json.loads(out.getvalue())


def test_art_17_2_eligibility_exactly_15_years(tmp_path):
    answer = run(
        tmp_path,
        "eligibility",
        "--position",
        "regional_judge",
        "--on",
        "2026-06-01",
        document=facts(legal_experience_years=15, judge_experience_years=5),
    )
    assert answer == {"eligible": True, "reasons": []}


def test_art_17_3_eligibility_reasons_carry_code_article_and_message(tmp_path):
    answer = run(
        tmp_path,
        "eligibility",
        "--position",
        "supreme_judge",
        document=facts(legal_experience_years=19),
    )
    assert answer["eligible"] is False
    assert answer["reasons"] == [
        {
            "code": "legal_experience_short",
            "article": "17.3",
            "message": "Legal experience: 19 years, at least 20 required.",
        }
    ]


def test_art_17_1_eligibility_reads_the_regulation_from_the_database(tmp_path):
    Regulation.objects.create(pk=1, district_judge_min_age=41)
    answer = run(
        tmp_path,
        "eligibility",
        "--position",
        "district_judge",
        "--on",
        "2026-06-01",
        document=facts(),
    )
    assert [r["code"] for r in answer["reasons"]] == ["too_young"]


def test_art_13_4_exam_admission_exactly_four_years_after_magistracy(tmp_path):
    answer = run(
        tmp_path,
        "exam-admission",
        "--on",
        "2026-06-01",
        document=facts(magistracy_graduated_on="2022-06-01"),
    )
    assert answer["admitted"] is True
    assert answer["exempt"] is True
    assert [(r["code"], r["article"]) for r in answer["reasons"]] == [("exempt_magistracy", "13.4")]


def test_art_18_8_tally_exactly_two_thirds(tmp_path):
    document = {
        "kind": "competition",
        "members_total": 9,
        "chair": 1,
        "secretary": 10,
        "votes": [{"member": n, "vote": "for" if n <= 6 else "against"} for n in range(1, 10)],
        "recused": [],
    }
    assert run(tmp_path, "tally", document=document) == {
        "quorum": True,
        "adopted": True,
        "for": 6,
        "against": 3,
        "required": 6,
        "errors": [],
    }


def test_messages_follow_the_language(tmp_path):
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts(citizen=False)), encoding="utf-8")
    out = StringIO()
    call_command("council", "--language", "ru", "exam-admission", "--facts", str(path), stdout=out)
    message = json.loads(out.getvalue())["reasons"][0]["message"]
    assert message != "Only citizens of Kazakhstan may become judges."


def test_missing_fact_exits_with_the_field_name(tmp_path):
    document = facts()
    del document["special_check_passed"]
    with pytest.raises(CommandError, match="special_check_passed"):
        run(tmp_path, "exam-admission", document=document)


def test_unknown_fact_exits_with_the_field_name(tmp_path):
    with pytest.raises(CommandError, match="favourite_colour"):
        run(tmp_path, "exam-admission", document=facts(favourite_colour="red"))


def test_bad_json_and_bad_date_are_refused(tmp_path):
    path = tmp_path / "facts.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("council", "tally", "--facts", str(path))
    with pytest.raises(CommandError, match="--on"):
        run(tmp_path, "exam-admission", "--on", "2026-02-30", document=facts())


def test_messages_default_to_the_sites_language(tmp_path, settings):
    settings.LANGUAGE_CODE = "ru"
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts(citizen=False)), encoding="utf-8")
    out = StringIO()
    call_command("council", "exam-admission", "--facts", str(path), stdout=out)
    message = json.loads(out.getvalue())["reasons"][0]["message"]
    with translation.override("ru"):
        expected = gettext("Only citizens of Kazakhstan may become judges.")
    assert message == expected
    assert message != "Only citizens of Kazakhstan may become judges."
