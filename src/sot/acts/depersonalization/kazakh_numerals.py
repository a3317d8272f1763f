"""Case endings for a placeholder's number, as Kazakh reads it (``ТАӘ-1-дің``, ``ТАӘ-3-ке``).

A name's ending harmonised with the name (``Оспановқа``); once the name becomes ``ТАӘ-3`` the ending
must harmonise with the numeral instead (үш → ``3-ке``). Endings a placeholder does not need
(-дағы, -нікі) are kept as written.
"""

from __future__ import annotations

from .kazakh import strip_case_ending

GENITIVE, DATIVE, ACCUSATIVE, LOCATIVE, ABLATIVE, INSTRUMENTAL = range(6)

_CASE_OF_ENDING = {
    **dict.fromkeys(("ның", "нің", "дың", "дің", "тың", "тің"), GENITIVE),
    **dict.fromkeys(("ға", "ге", "қа", "ке", "на", "не", "а", "е"), DATIVE),
    **dict.fromkeys(("ны", "ні", "ды", "ді", "ты", "ті", "н"), ACCUSATIVE),
    **dict.fromkeys(("да", "де", "та", "те", "нда", "нде"), LOCATIVE),
    **dict.fromkeys(("дан", "ден", "тан", "тен", "нан", "нен"), ABLATIVE),
    **dict.fromkeys(("мен", "бен", "пен", "менен", "бенен", "пенен"), INSTRUMENTAL),
}

# The last numeral word of the number → its six case endings (genitive … instrumental).
_UNITS = {
    1: "дің ге ді де ден мен",  # бір
    2: "нің ге ні де ден мен",  # екі
    3: "тің ке ті те тен пен",  # үш
    4: "тің ке ті те тен пен",  # төрт
    5: "тің ке ті те тен пен",  # бес
    6: "ның ға ны да дан мен",  # алты
    7: "нің ге ні де ден мен",  # жеті
    8: "дің ге ді де ден бен",  # сегіз
    9: "дың ға ды да дан бен",  # тоғыз
}
_TENS = {
    1: "ның ға ды да нан мен",  # он
    2: "ның ға ны да дан мен",  # жиырма
    3: "дың ға ды да дан бен",  # отыз
    4: "тың қа ты та тан пен",  # қырық
    5: "дің ге ді де ден мен",  # елу
    6: "тың қа ты та тан пен",  # алпыс
    7: "тің ке ті те тен пен",  # жетпіс
    8: "нің ге ні де нен мен",  # сексен
    9: "ның ға ды да нан мен",  # тоқсан
}
_HUNDRED = "дің ге ді де ден мен"  # жүз, мың: both take the front-vowel set


def _endings(number: int) -> list[str]:
    if number % 10:
        return _UNITS[number % 10].split()
    if number % 100:
        return _TENS[(number % 100) // 10].split()
    return _HUNDRED.split()


def numeral_ending(number: int, ending: str) -> str:
    """The ending ``ending`` (stripped from a name) as it attaches to ``number``."""
    case = _CASE_OF_ENDING.get(ending)
    if case is None:
        # A compound ending (-дағы, -нікі, or a case after a possessive): keep the case part if known.
        for _, tail in strip_case_ending("x" * 3 + ending):
            if tail in _CASE_OF_ENDING:
                case = _CASE_OF_ENDING[tail]
                break
        else:
            return ending
    return _endings(number)[case]
