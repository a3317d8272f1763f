"""The annotated set meets the issue's targets (issue 7, part 7), on the held-out part too.

Blocks numbered 4, 8, 12 … in data/annotated_*.txt are held out: the rules were tuned by reading the
errors on the other blocks only. The floors are asserted on both parts separately.
"""

from __future__ import annotations

import io
import socket
import subprocess
import sys

import pytest
from django.core.management import call_command

from sot.acts.depersonalization import Person, benchmark, depersonalize, depersonalize_many
from sot.acts.depersonalization.evaluation import load_paragraphs, parse_markup
from sot.acts.depersonalization.types import Kind


@pytest.fixture(scope="module")
def paragraphs():
    return load_paragraphs()


def test_the_set_has_at_least_150_paragraphs_in_both_languages(paragraphs):
    assert len(paragraphs) >= 150
    assert {p.lang for p in paragraphs} == {"kk", "ru"}
    assert sum(p.is_held_out for p in paragraphs) >= 35
    kinds = {g.kind for p in paragraphs for g in p.gold}
    assert kinds == set(Kind.ALL)


def test_markup_offsets_are_exact():
    text, gold = parse_markup("Истец {per|Иванов И.И.}, ИИН {iin|700313311866}.")
    assert [text[g.start : g.end] for g in gold] == ["Иванов И.И.", "700313311866"]


@pytest.mark.parametrize("held_out", [False, True], ids=["tuning-part", "held-out-part"])
def test_targets_are_met(paragraphs, held_out):
    chosen = [p for p in paragraphs if p.is_held_out == held_out]
    with_people = benchmark.score(chosen, with_participants=True)
    without_people = benchmark.score(chosen, with_participants=False)
    assert benchmark.floor_failures(with_people, without_people) == []


def test_every_output_offset_is_a_span_of_the_input(paragraphs):
    for paragraph in paragraphs:
        result = depersonalize(paragraph.text, lang=paragraph.lang)
        cursor = 0
        rebuilt = []
        for entity in result.entities:
            assert entity.start >= cursor
            rebuilt += [paragraph.text[cursor : entity.start], entity.replacement]
            cursor = entity.end
        rebuilt.append(paragraph.text[cursor:])
        assert "".join(rebuilt) == result.text


def test_batch_on_two_processes_matches_one_by_one(paragraphs):
    texts = [p.text for p in paragraphs[:12]]
    assert depersonalize_many(texts, processes=2) == [depersonalize(t) for t in texts]


def test_batch_needs_one_participants_entry_per_text():
    with pytest.raises(ValueError, match="one entry per text"):
        depersonalize_many(["a", "b"], participants=[None], processes=1)


def test_natasha_loads_its_models_without_the_network():
    """natasha must not download anything: load it with every socket connection refused."""
    script = (
        "import socket\n"
        "def refuse(*a, **k):\n"
        "    raise OSError('network used')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "from sot.acts.depersonalization import russian\n"
        "print(russian.person_spans('Истец Петров Иван Сергеевич обратился в суд.'))\n"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "(6, 27)" in done.stdout
    assert socket.socket.connect is not None


def test_bench_command_reports_per_kind_and_throughput():
    out = io.StringIO()
    call_command(
        "bench_depersonalize", "--acts", "4", "--processes", "1", "--split", "held-out", stdout=out
    )
    report = out.getvalue()
    assert "person" in report
    assert "precision" in report
    assert "Targets: all met" in report
    assert "acts/s" in report


def test_random_text_never_breaks_offsets():
    """Whatever the input, the output is the input with each entity's span replaced."""
    import random

    rng = random.Random(7)
    alphabet = (
        "абвгдежзийклмнопрстуфхцчшщыьэюяАБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯәғқңөұүһіӘҒҚҢӨҰҮҺІ"
        " .,;:-–—«»\"()№0123456789\n@+*/'’KZAB"
    )
    for _ in range(100):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        name = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        for lang in ("auto", "kk", "ru"):
            result = depersonalize(text, lang=lang, participants=[Person(name, "accused")])
            cursor = 0
            rebuilt = []
            for entity in result.entities:
                assert cursor <= entity.start < entity.end <= len(text)
                rebuilt += [text[cursor : entity.start], entity.replacement]
                cursor = entity.end
            rebuilt.append(text[cursor:])
            assert "".join(rebuilt) == result.text
