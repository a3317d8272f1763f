"""Word lists: given names with their case forms, role words, and capitalised words that are not names."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

# Russian case endings of given names, by how the nominative ends (Иван → Ивана, Ивану, Иваном, Иване;
# Анна → Анны, Анне, Анну, Анной; Юрий → Юрия …). Applied to Kazakh names in Russian text too.
_CONSONANT_ENDINGS = ("", "а", "у", "ом", "ем", "е", "ым", "ой")
_A_ENDINGS = ("ы", "и", "е", "у", "ой", "ей", "ою")
_Y_ENDINGS = ("я", "ю", "ем", "е", "и")


def _russian_forms(name: str) -> set[str]:
    forms = {name}
    if name.endswith(("а", "я")):
        forms.update(name[:-1] + ending for ending in _A_ENDINGS)
    elif name.endswith(("й", "ь")):
        forms.update(name[:-1] + ending for ending in _Y_ENDINGS)
    else:
        forms.update(name + ending for ending in _CONSONANT_ENDINGS)
    return forms


@cache
def given_names() -> frozenset[str]:
    """Lower-case given names, nominative."""
    text = resources.files(__package__).joinpath("data/given_names.txt").read_text("utf-8")
    names: set[str] = set()
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        names.update(word.lower() for word in line.split())
    return frozenset(names)


@cache
def given_name_forms() -> dict[str, str]:
    """Every Russian case form of every given name → its nominative."""
    forms: dict[str, str] = {}
    for name in given_names():
        for form in _russian_forms(name):
            forms.setdefault(form, name)
    return forms


# Roles whose holders keep their names in a published act (they act in office): stems, lower case.
OFFICIAL_ROLE = re.compile(
    r"\b(?:суд(?:ья|ьи|ье|ью|ьей|ей|ьёй|ьями)|председательств\w*|секретар\w*|прокурор\w*|"
    r"обвинител\w*|адвокат\w*|защитник\w*|судья\w*|төрағалық\s+етуші|төрағасы\w*|хатшы\w*|"
    r"айыптаушы\w*|"
    r"қорғаушы\w*)",
    re.IGNORECASE,
)

# Roles of private persons; a bare surname right after one is a name (``истец Иванов``).
PRIVATE_ROLE_WORDS = (
    r"(?:истц\w*|истец|ответчик\w*|подсудим\w*|осужд[её]нн?\w*|обвиняем\w*|потерпевш\w*|"
    r"свидетел\w*|заявител\w*|должник\w*|взыскател\w*|гражданин\w*|гражданк\w*|гр\.|"
    r"правонарушител\w*|представител\w*|супруг\w*|подозреваем\w*|несовершеннолетн\w*|"
    r"наследодател\w*|наследник\w*|привлекаем\w*|"
    r"талапкер\w*|жауапкер\w*|сотталушы\w*|сотталған\w*|айыпталушы\w*|жәбірленуші\w*|"
    r"куә\w*|өтініш\s+беруші\w*|борышкер\w*|өндіріп\s+алушы\w*|азамат\w*|өкіл\w*|"
    r"құқық\s+бұзушы\w*|жұбай\w*|мұрагер\w*|ИП|ЖК)"
)
PRIVATE_ROLE = re.compile(rf"(?<!\w){PRIVATE_ROLE_WORDS}\s*[–—-]?\s*$", re.IGNORECASE)
_ANY_ROLE = re.compile(
    rf"(?P<official>{OFFICIAL_ROLE.pattern})|(?P<private>(?<!\w){PRIVATE_ROLE_WORDS})",
    re.IGNORECASE,
)
# Where a clause ends: the role words before it don't describe the name after it.
_CLAUSE_END = re.compile(r"[,;\n(]|\.\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")


_MAX_WORDS_AFTER_ROLE = 7


def official_before(text: str, start: int, *, not_before: int = 0) -> bool:
    """The nearest role word before ``start`` in the same clause names an office (судья, прокурор …).

    ``not_before`` is where the previous name ended: a role word before it belongs to that name
    (``обвинитель Жакупов А.Б. просил признать Тулегенова`` — Тулегенов is not the prosecutor).
    """
    window_start = max(0, start - 160, not_before)  # signature lines pad with spaces
    window = text[window_start:start]
    cuts = list(_CLAUSE_END.finditer(window))
    if cuts:
        window = window[cuts[-1].end() :]
    last = None
    for last in _ANY_ROLE.finditer(window):  # noqa: B007 - we want the last one
        pass
    if last is None or last.group("official") is None:
        return False
    return len(window[last.end() :].split()) <= _MAX_WORDS_AFTER_ROLE


# Capitalised words that look like names by their ending but are not (sentence-initial words,
# places, bodies). Lower case.
NOT_NAMES = frozenset(
    [
        "один",
        "одна",
        "одно",
        "одним",
        "одной",
        "органов",
        "судов",
        "договоров",
        "доходов",
        "объектов",
        "документов",
        "расходов",
        "таким",
        "каким",
        "этим",
        "всем",
        "тем",
        "иным",
        "кодексов",
        "законов",
        "рублей",
        "тенге",
        "банков",
        "ростов",
        "саратов",
        "киров",
        "королёв",
        "пушкин",
        "казахстан",
        "республика",
        "республики",
        "суд",
        "суда",
        "суду",
        "судом",
        "суде",
        "сот",
        "соты",
        "сотына",
        "сотының",
        "астана",
        "алматы",
        "шымкент",
        "караганда",
        "қарағанды",
        "актобе",
        "ақтөбе",
        "тараз",
        "павлодар",
        "семей",
        "костанай",
        "қостанай",
        "кызылорда",
        "қызылорда",
        "уральск",
        "орал",
        "атырау",
        "актау",
        "ақтау",
        "петропавловск",
        "кокшетау",
        "көкшетау",
        "талдыкорган",
        "талдықорған",
        "туркестан",
        "түркістан",
        "экибастуз",
        "екібастұз",
        "темиртау",
        "теміртау",
        "жезказган",
        "жезқазған",
        "балхаш",
        "балқаш",
    ]
)

# Kazakh function words that start sentences and are unknown to pymorphy3 ("Кейін Ахметов …").
_KAZAKH_FUNCTION_WORDS = frozenset(
    (
        "сонымен",
        "алайда",
        "сонда",
        "осыған",
        "осы",
        "сондай-ақ",
        "бұдан",
        "содан",
        "кейін",
        "бірақ",
        "демек",
        "яғни",
        "сондықтан",
        "өйткені",
        "себебі",
        "оған",
        "онымен",
        "ол",
        "олар",
        "бұл",
        "сол",
        "мұнда",
        "сондай",
        "сонан",
        "бұған",
        "соған",
        "оны",
        "одан",
        "осыдан",
        "тек",
        "әрі",
        "және",
        "немесе",
        "ал",
        "енді",
        "егер",
        "қазір",
        "бүгін",
        "кеше",
        "тиісінше",
        "тараптар",
    )
)
NOT_NAMES = NOT_NAMES | _KAZAKH_FUNCTION_WORDS

# "имени / атындағы" after or before a name: a street, school or prize named after someone.
NAMED_AFTER_BEFORE = re.compile(r"(?:имени|им\.)\s*$", re.IGNORECASE)
NAMED_AFTER_AFTER = re.compile(
    r"^\s*(?:атындағы|көшесі|к-сі|даңғылы|ауылы|ауданы|университет|мектеб|мектеп)",
    re.IGNORECASE,
)


_ROLE_WORD = re.compile(rf"(?:{OFFICIAL_ROLE.pattern}|{PRIVATE_ROLE_WORDS})", re.IGNORECASE)


def is_role_word(word: str) -> bool:
    """``Истец``, ``Судья``, ``Жауапкер`` … — capitalised at a sentence start, never part of a name."""
    return _ROLE_WORD.fullmatch(word) is not None
