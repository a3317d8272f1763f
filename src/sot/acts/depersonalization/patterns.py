"""Detectors for personal data with a recognisable shape: numbers, contacts, addresses, dates of birth.

Every detector is a function ``text -> list[Span]``. Shapes alone over-match (any 12 digits, any
date), so each detector either checks the number itself (IIN check digit, Luhn, IBAN mod 97) or asks
for a label nearby (``ИИН``, ``удостоверение личности``, ``туған``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sot.core.iin import is_valid_identification_number

from .lexicon import NOT_NAMES, is_role_word
from .types import Kind, Span

_LABEL_GAP = r"[\s:№N#\-–—.,()]{0,6}"

# --- IIN / BIN -----------------------------------------------------------------------------------
_TWELVE_DIGITS = re.compile(r"(?<![\d\w])\d{12}(?![\d\w])")
_IIN_LABEL = re.compile(r"(?:ИИН|ЖСН|IIN|ИНН)\s*$", re.IGNORECASE)
_BIN_LABEL = re.compile(r"(?:БИН|БСН|BIN)\s*$", re.IGNORECASE)
_LABEL_WINDOW = 24


def _label_before(text: str, start: int, label: re.Pattern[str]) -> bool:
    window = text[max(0, start - _LABEL_WINDOW) : start]
    window = re.sub(r"[:№N#\-–—(),.]+\s*$", "", window.rstrip()).rstrip()
    return bool(label.search(window))


def find_identification_numbers(text: str) -> list[Span]:
    """IINs (check digit valid, or labelled ИИН/ЖСН) and BINs of individuals.

    A valid number whose fifth digit is 4, 5 or 6 is a legal entity's BIN (month digits of an IIN
    never reach there) and stays: companies are not depersonalized.
    """
    spans = []
    for match in _TWELVE_DIGITS.finditer(text):
        value = match.group()
        labelled_iin = _label_before(text, match.start(), _IIN_LABEL)
        labelled_bin = _label_before(text, match.start(), _BIN_LABEL)
        if is_valid_identification_number(value):
            if value[4] in "456":
                continue
            kind = Kind.BIN if labelled_bin else Kind.IIN
        elif labelled_iin:
            kind = Kind.IIN  # a mistyped IIN still identifies a person
        else:
            continue
        spans.append(Span(match.start(), match.end(), kind))
    return spans


# --- contacts --------------------------------------------------------------------------------------
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\s?7|8)[\s\-]?\(?\d{3}\)?[\s\-]?\d{3}[\s\-]?\d{2}[\s\-]?\d{2}(?!\d)"
    r"|(?<![\w+])(?:\+\s?7|8)[\s\-]?\(?\d{4}\)?[\s\-]?\d{2}[\s\-]?\d{2}[\s\-]?\d{2}(?!\d)"
    r"|(?<![\w+])(?:\+\s?7|8)[\s\-]?\(?\d{5}\)?[\s\-]?\d{1,2}[\s\-]?\d{2}[\s\-]?\d{2}(?!\d)"
)
_SHORT_PHONE_LABEL = re.compile(r"(?:тел|телефон|ұялы)\.?[\s:]*$", re.IGNORECASE)
_SHORT_PHONE = re.compile(
    r"(?<!\d)(?:\(?7\d{2}\)?[\s\-]?\d{3}[\s\-]?\d{2}[\s\-]?\d{2}|\d{2,3}[\s\-]\d{2}[\s\-]\d{2})(?!\d)"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")


def find_phones(text: str) -> list[Span]:
    spans = []
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) == 11:
            spans.append(Span(match.start(), match.end(), Kind.PHONE))
    # Local numbers (45-67-89) and numbers without the 8 / +7 only after a phone label.
    spans.extend(
        Span(match.start(), match.end(), Kind.PHONE)
        for match in _SHORT_PHONE.finditer(text)
        if _SHORT_PHONE_LABEL.search(text[max(0, match.start() - 16) : match.start()])
    )
    return spans


def find_emails(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), Kind.EMAIL) for m in _EMAIL.finditer(text)]


# --- bank details ------------------------------------------------------------------------------
_IBAN = re.compile(r"(?<![\w])KZ\d{2}(?:\s?[0-9A-Z]{4}){4}(?![\w])")
_CARD = re.compile(r"(?<![\d\w])\d{4}(?:[\s\-]?\d{4}){3}(?:\d{0,3})(?![\d\w])")
_MASKED_CARD = re.compile(
    r"(?<![\d\w])\d{4}[\s\-]?\d{2}[\d*Xx]{2}[\s\-]?[*Xx]{4}[\s\-]?\d{4}(?![\d\w])"
)


def _iban_checks(value: str) -> bool:
    compact = value.replace(" ", "")
    rearranged = compact[4:] + compact[:4]
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(numeric) % 97 == 1


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        digit = int(char)
        if index % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


_ACCOUNT_LABEL = re.compile(r"(?:ИИК|IBAN|ЖСК|сч[её]т|шот)[^\n]{0,12}$", re.IGNORECASE)


def find_bank_details(text: str) -> list[Span]:
    spans = []
    for match in _IBAN.finditer(text):
        labelled = _ACCOUNT_LABEL.search(text[max(0, match.start() - 24) : match.start()])
        if _iban_checks(match.group()) or labelled:
            spans.append(Span(match.start(), match.end(), Kind.IBAN))
    for match in _CARD.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if 13 <= len(digits) <= 19 and luhn_valid(digits):
            spans.append(Span(match.start(), match.end(), Kind.CARD))
    spans.extend(Span(m.start(), m.end(), Kind.CARD) for m in _MASKED_CARD.finditer(text))
    return spans


# --- vehicle plates ----------------------------------------------------------------------------
# Latin letters and their Cyrillic look-alikes: plates get typed with either.
_PLATE_LETTER = "A-ZАВЕКМНОРСТУХ"
_PLATE = re.compile(
    rf"(?<![\w])(?:\d{{3}}\s?[{_PLATE_LETTER}]{{2,3}}\s?(?:0[1-9]|1[0-9]|20)"
    rf"|[{_PLATE_LETTER}]\s?\d{{3}}\s?[{_PLATE_LETTER}]{{2,3}}"
    rf"|[{_PLATE_LETTER}]{{1,2}}\s?\d{{3}}\s?[{_PLATE_LETTER}]{{1,3}}\s?\d{{0,2}})(?![\w])"
)
_PLATE_LABEL = re.compile(
    r"(?:г\.?\s?р\.?\s?з|гос(?:ударственн\w*)?\.?\s*(?:рег\w*\.?\s*)?(?:номер\w*|знак\w*)|"
    r"номер\w*\s+знак\w*|тіркеу\s+(?:нөмір|белгі)\w*|нөмір\w*|мемлекеттік\s+\w+|"
    r"автомобил\w*|автокөлі\w*|көлі\w*|транспорт\w*|марки\s+\S+)",
    re.IGNORECASE,
)


def find_plates(text: str) -> list[Span]:
    spans = []
    for match in _PLATE.finditer(text):
        value = match.group()
        modern = re.fullmatch(rf"\d{{3}}\s?[{_PLATE_LETTER}]{{2,3}}\s?\d{{2}}", value)
        labelled = _PLATE_LABEL.search(text[max(0, match.start() - 60) : match.start()])
        if modern or labelled:
            spans.append(Span(match.start(), match.end(), Kind.PLATE))
    return spans


# --- identity documents ----------------------------------------------------------------------
_DOCUMENT = re.compile(
    r"(?:удостоверени\w*\s+личности|уд\.\s?л\.|паспорт\w*|вод\w*\s+удостоверени\w*|"
    r"жеке\s+(?:бас\s+)?куәлі\w*|жүргізуші\s+куәлі\w*|куәлі\w*|вид\w*\s+на\s+жительство|"
    r"свидетельств\w*\s+о\s+рождении|туу\s+туралы\s+куәлі\w*|ықтиярхат\w*)"
    r"[^\n\d]{0,60}?(?:№|N|No\.?|номер\w*|нөмір\w*|серии?\s+[A-ZА-Я]{1,2})?\s*"
    r"([A-ZА-Я]{0,2}\s?\d{6,10})",
    re.IGNORECASE,
)


# Kazakh puts the number first: "№ N12345678 паспорт", "N 04452187 нөмірлі жалған паспорт".
_DOCUMENT_NUMBER_FIRST = re.compile(
    r"(?:№|N)\s*([A-ZА-Я]{0,2}\s?\d{6,10})\s+(?:нөмірлі\s+)?(?:[^\W\d_]+\s+){0,2}?"
    r"(?:паспорт|жеке\s+(?:бас\s+)?куәлі|жүргізуші\s+куәлі|куәлі)",
    re.IGNORECASE,
)


_DOCUMENT_WORD = re.compile(
    r"удостоверени|уд\.\s?л|паспорт|куәлі|жительств|рождени|ықтиярхат", re.IGNORECASE
)


def find_documents(text: str) -> list[Span]:
    """Document numbers; the full patterns run only around document words (they are rare)."""
    found: set[tuple[int, int]] = set()
    for word in _DOCUMENT_WORD.finditer(text):
        around = (
            (_DOCUMENT, max(0, word.start() - 30), word.start() + 160),
            (_DOCUMENT_NUMBER_FIRST, max(0, word.start() - 60), word.end() + 40),
        )
        for pattern, offset, end in around:
            for match in pattern.finditer(text[offset:end]):
                found.add((offset + match.start(1), offset + match.end(1)))
    return [Span(start, end, Kind.DOCUMENT) for start, end in sorted(found)]


# --- dates of birth ----------------------------------------------------------------------------
_MONTHS = (
    r"(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|"
    r"қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)\w*"
)
_DATE = (
    rf"(?:\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|\d{{4}}[.-]\d{{2}}[.-]\d{{2}}"
    rf"|\d{{4}}\s+жылғы\s+\d{{1,2}}\s+{_MONTHS})"
)
_YEAR_OR_DATE = rf"(?:{_DATE}|\d{{4}})"
_BIRTH_AFTER = re.compile(
    rf"({_YEAR_OR_DATE})(?:\s*(?:года?|г\.|жылы|ж\.))?\s*"
    r"(?:рождения|г\.\s?р\.|г\.р\.|гр\.|туған|ж\.\s?т\.|ж\.т\.|дүниеге\s+келген)",
)
_BIRTH_BEFORE = re.compile(
    rf"(?:[Дд]ата\s+рождения|[Рр]одивш\w+|[Рр]одил(?:ся|ась)|[Рр]ожденн?\w+|"
    rf"[Тт]уған\s+(?:күні|жылы|уақыты)|[Тт]уылған\s+күні|дүниеге\s+келген)[\s:,\-–—]*({_DATE})",
)


_BIRTH_WORD = re.compile(
    r"рожд|родивш|родил|г\.\s?р\.|гр\.|туған|туылған|ж\.\s?т\.|дүниеге", re.IGNORECASE
)


def find_birth_dates(text: str) -> list[Span]:
    """Dates next to a birth word; the full patterns run only around those words (they are rare)."""
    found: set[tuple[int, int]] = set()
    for word in _BIRTH_WORD.finditer(text):
        offset = max(0, word.start() - 60)
        window = text[offset : word.end() + 60]
        for pattern in (_BIRTH_AFTER, _BIRTH_BEFORE):
            for match in pattern.finditer(window):
                start, end = match.span(1)
                found.add((offset + start, offset + end))
    return [Span(start, end, Kind.BIRTH_DATE) for start, end in sorted(found)]


# --- addresses -----------------------------------------------------------------------------------
_NAME_WORD = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9][\w.\-]*"
_STREET_BEFORE = (
    r"(?:ул\.|улиц[аыеу]\w*|пр\.|пр-т\w*|проспект\w*|мкр\.?|микрорайон\w*|пер\.|переул\w*|"
    r"б-р|бульвар\w*|шоссе|ж/м|жилой\s+массив|тупик|тракт|набережн\w+|пл\.(?=\s*[А-ЯЁ])|площад[ьи](?=\s+[А-ЯЁ])|"
    r"с/т|садов\w+\s+товарищ\w+|СНТ|дач\w+\s+массив\w*)"
)
_STREET_AFTER = (
    r"(?:көшесі\w*|к-сі\w*|даңғылы\w*|даңғ\.|д-лы|шағын\s*ауданы\w*|ш\.?/а\.?|ықшам\s*ауданы\w*|"
    r"тұйық\s*көшесі\w*|бульвары\w*|тас\s*жолы\w*|саяжай\w*|тұрғын\s+алабы\w*|алаңы\w*)"
)
_HOUSE = (
    r"(?:д\.|дом\w*|здани\w*|уч\.|участ\w*|корп\.|корпус\w*|стр\.)\s*\d+[а-яa-z]?(?:/\d+)?"
    r"|\d+[а-яa-z]?(?:/\d+)?\s*[-–]?\s*(?:үй\w*|ғимарат\w*|учаске\w*)"
    r"|\d{1,4}[а-яa-z]?(?:/\d{1,3})?(?:\s?[-–]\s?\d{1,4})?(?![\d.,]?\d)"
)
_FLAT = (
    r"(?:кв\.|квартир\w*|оф\.|офис\w*|ком\.|комн\w*)\s*\d+[а-яa-z]?"
    r"|\d+[а-яa-z]?\s*[-–]?\s*(?:пәтер\w*|кеңсе\w*|бөлме\w*)"
)
# Lower-case words inside Kazakh street names: "Тәуке хан", "Бұқар жырау", "Қабанбай батыр".
_STREET_NAME_LOWER = r"(?:хан|би|батыр|батыра|жырау|ақын|акын|ата|ана|абыз|жолы|жолу)(?![\w-])"
_SEP = r"[\s,]*"
_ADDRESS = re.compile(
    rf"(?:{_STREET_BEFORE}\s*{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_STREET_NAME_LOWER})){{0,2}}"
    rf"|{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_STREET_NAME_LOWER})){{0,2}}\s+{_STREET_AFTER})"
    rf"(?:{_SEP}(?:{_HOUSE}))?(?:{_SEP}(?:{_FLAT}))?",
)


def find_addresses(text: str) -> list[Span]:
    spans = []
    for match in _ADDRESS.finditer(text):
        start, end = match.span()
        # "Жауапкер Абай даңғылы": a capitalised role word before the street is not its name.
        first = re.match(r"[^\W\d_]+", text[start:end])
        if first and (is_role_word(first.group()) or first.group().lower() in NOT_NAMES):
            start += first.end()
            while start < end and text[start].isspace():
                start += 1
        # A trailing comma belongs to the sentence, not to the address.
        while end > start and text[end - 1] in " ,":
            end -= 1
        spans.append(Span(start, end, Kind.ADDRESS))
    return spans


DETECTORS: tuple[Callable[[str], list[Span]], ...] = (
    find_identification_numbers,
    find_phones,
    find_emails,
    find_bank_details,
    find_plates,
    find_documents,
    find_birth_dates,
    find_addresses,
)


def find_patterned(text: str) -> list[Span]:
    """Every shaped detection; overlaps are resolved by the caller."""
    spans: list[Span] = []
    for detector in DETECTORS:
        spans.extend(detector(text))
    return spans
