import pytest

from sot.search.analysis import detect_language

LONG_KK = (
    "Алматы қаласының аудандық соты азаматтық істі қарап, талапкердің талаптарын ішінара "
    "қанағаттандыру туралы шешім шығарды. Жауапкер шешімге апелляциялық шағым берді."
)
LONG_RU = (
    "Районный суд города Алматы, рассмотрев гражданское дело по иску о взыскании долга, "
    "решил исковые требования удовлетворить частично. Ответчик подал апелляционную жалобу."
)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (LONG_KK, "kk"),
        (LONG_RU, "ru"),
        ("Сот шешімі", "kk"),
        ("іс", "kk"),
        ("сот және прокурор", "kk"),  # no Kazakh letter, a frequent word
        ("Решение суда", "ru"),
        ("дело по статье", "ru"),
        ("Sot şeşimi", "kk"),  # Kazakh Latin marks
        ("", "unknown"),
        ("188", "unknown"),
        ("прокурор", "unknown"),  # the same word in both languages
        ("court decision", "unknown"),
    ],
)
def test_detects_language(text, lang):
    assert detect_language(text) == lang


def test_mixed_text_goes_to_the_language_with_more_evidence():
    assert detect_language(LONG_KK + " Решение суда.") == "kk"
    assert detect_language(LONG_RU + " Сот шешімі.") == "ru"
