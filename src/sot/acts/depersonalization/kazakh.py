"""Kazakh case endings on names.

Kazakh adds the case ending to the last word of a name group (``Н.С. Ахметовке``,
``Ахметов Нұрлан Серікұлының``), often after the possessive ``-ы/-і`` of ``ұлы/қызы``
(``Серікұлына``). No library handles this, so we strip the endings ourselves and test what is left.
Vowel harmony is not checked: stripping over-generates, and the remainder must still look like a
name, which is the strong test.
"""

from __future__ import annotations

import re

# Cases: genitive, dative, accusative, locative, ablative, instrumental, plus the -дағы/-нікі
# derivatives courts use ("Ахметовтегі", "Ахметовтікі"). Plural names are rare and left out.
CASE_ENDINGS: tuple[str, ...] = tuple(
    sorted(
        {
            *("ның", "нің", "дың", "дің", "тың", "тің"),
            *("ға", "ге", "қа", "ке", "на", "не", "а", "е"),
            *("ны", "ні", "ды", "ді", "ты", "ті", "н"),
            *("да", "де", "та", "те", "нда", "нде"),
            *("дан", "ден", "тан", "тен", "нан", "нен"),
            *("мен", "бен", "пен", "менен", "бенен", "пенен"),
            *("дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі"),
            *("нікі", "дікі", "тікі", "нiкi"),
            *("ша", "ше"),
        },
        key=len,
        reverse=True,
    )
)

# Patronymics and new-style surnames: "son of" / "daughter of", with Russian-keyboard spellings.
PATRONYMIC_SUFFIXES = ("ұлы", "қызы", "улы", "кызы", "уly")


def strip_case_ending(word: str, *, min_stem: int = 3) -> list[tuple[str, str]]:
    """Every (stem, ending) split of ``word`` by a Kazakh case ending, longest ending first.

    A hyphen or apostrophe between the name and its ending (``Ким-ге``, ``Ли'ге``) is allowed.
    """
    splits = []
    for ending in CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= min_stem:
            stem = word[: -len(ending)]
            if stem.endswith(("-", "'", "’")):
                stem = stem[:-1]
            splits.append((stem, word[len(stem) :]))
    return splits


_KAZAKH_LETTER = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_LETTER = re.compile(r"[^\W\d_]")


def looks_kazakh(text: str) -> bool:
    """Kazakh text uses ә ғ қ ң ө ұ ү һ і often; Russian text only inside Kazakh names."""
    sample = text[:20000]
    letters = len(_LETTER.findall(sample)) or 1
    return len(_KAZAKH_LETTER.findall(sample)) / letters > 0.015
