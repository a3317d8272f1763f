"""The values depersonalization takes and returns (the public contract other apps code against)."""

from __future__ import annotations

from dataclasses import dataclass, field


class Kind:
    """Kinds of personal data an act may carry; the strings appear in ``--json`` output."""

    PERSON = "person"
    IIN = "iin"
    BIN = "bin"
    ADDRESS = "address"
    PHONE = "phone"
    EMAIL = "email"
    PLATE = "plate"
    IBAN = "iban"
    CARD = "card"
    DOCUMENT = "document"
    BIRTH_DATE = "birth_date"

    ALL = (PERSON, IIN, BIN, ADDRESS, PHONE, EMAIL, PLATE, IBAN, CARD, DOCUMENT, BIRTH_DATE)


@dataclass(frozen=True)
class Person:
    """A participant named in the case record; ``role`` as in the issue (plaintiff, judge, …)."""

    name: str
    role: str = ""


@dataclass(frozen=True)
class Entity:
    """One removed span: ``text[start:end]`` of the input is replaced by ``replacement``."""

    start: int
    end: int
    kind: str
    replacement: str


@dataclass(frozen=True)
class Result:
    text: str
    entities: list[Entity] = field(default_factory=list)


@dataclass(frozen=True)
class Span:
    """A detection before placeholders are assigned; ``key`` groups the mentions of one person."""

    start: int
    end: int
    kind: str
    key: str = ""
