"""Filing kinds are data: one JSON file per kind under ``kinds/``, loaded once per process.

A kind names its fields (from the shared library ``kinds/_fields.json`` or inline), groups them into
steps, lists its attachments, who may file it, its fee rule and what it opens (a new case of a
category and instance) or joins (an existing case). Adding a kind is adding a file; see
docs/filing.md for the format.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.translation import get_language

KINDS_DIR = Path(__file__).parent / "kinds"
DATA_DIR = Path(__file__).parent / "data"

FIELD_TYPES = frozenset(
    {
        "text",
        "textarea",
        "money",
        "integer",
        "date",
        "bool",
        "choice",
        "iin_bin",
        "court",
        "case",
        "exemption",
    }
)
TARGETS = frozenset({"new_case", "existing_case"})
ON_ACCEPT = frozenset({"register", "appeal", "event"})


def localized(texts: dict[str, str], lang: str | None = None) -> str:
    """The text in the request's language, falling back to Kazakh, then Russian."""
    lang = (lang or get_language() or "kk")[:2]
    return texts.get(lang) or texts.get("kk") or texts.get("ru") or next(iter(texts.values()), "")


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool
    label: dict[str, str]
    help: dict[str, str] = field(default_factory=dict)
    max_length: int | None = None
    min: int | None = None
    max: int | None = None
    choices: tuple[tuple[str, dict[str, str]], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "required": self.required,
            "label": localized(self.label),
            "help": localized(self.help) if self.help else "",
        }
        if self.max_length is not None:
            data["max_length"] = self.max_length
        if self.min is not None:
            data["min"] = self.min
        if self.max is not None:
            data["max"] = self.max
        if self.type == "exemption":
            data["choices"] = [
                {"value": code, "label": localized(item["label"])}
                for code, item in fee_table()["exemptions"].items()
            ]
        elif self.choices:
            data["choices"] = [{"value": v, "label": localized(lbl)} for v, lbl in self.choices]
        return data


@dataclass(frozen=True)
class Step:
    code: str
    title: dict[str, str]
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class AttachmentSlot:
    code: str
    required: bool
    label: dict[str, str]


@dataclass(frozen=True)
class Opponent:
    name_field: str
    iin_field: str
    role: str
    kind: str


@dataclass(frozen=True)
class FilingKind:
    code: str
    title: dict[str, str]
    target: str
    filers: frozenset[str]
    steps: tuple[Step, ...]
    attachments: tuple[AttachmentSlot, ...]
    fee: str
    on_accept: str
    routine: bool
    law: str
    category: str = ""
    instance: str = ""
    filer_role: str = "applicant"
    closed: bool = False
    opponent: Opponent | None = None
    extraterritorial_field: str = ""
    case_statuses: frozenset[str] = frozenset()
    case_instances: frozenset[str] = frozenset()

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for step in self.steps for f in step.fields)

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    def slot(self, code: str) -> AttachmentSlot | None:
        return next((s for s in self.attachments if s.code == code), None)

    def label(self, lang: str | None = None) -> str:
        return localized(self.title, lang)


class SchemaError(ValueError):
    """A kind file that does not follow the format: found when the kinds are loaded."""


def _read(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _field(name: str | dict[str, Any], library: dict[str, Any]) -> Field:
    spec = dict(library[name], name=name) if isinstance(name, str) else dict(name)
    if spec.get("type") not in FIELD_TYPES:
        raise SchemaError(f"field {spec.get('name')}: unknown type {spec.get('type')!r}")
    return Field(
        name=spec["name"],
        type=spec["type"],
        required=bool(spec.get("required", False)),
        label=spec["label"],
        help=spec.get("help", {}),
        max_length=spec.get("max_length"),
        min=spec.get("min"),
        max=spec.get("max"),
        choices=tuple((c["value"], c["label"]) for c in spec.get("choices", [])),
    )


def _kind(raw: dict[str, Any], library: dict[str, Any], texts: dict[str, Any]) -> FilingKind:
    code = raw["code"]
    if raw["target"] not in TARGETS or raw["on_accept"] not in ON_ACCEPT:
        raise SchemaError(f"kind {code}: bad target or on_accept")
    if raw["fee"] not in fee_table()["rules"]:
        raise SchemaError(f"kind {code}: unknown fee rule {raw['fee']!r}")
    steps = tuple(
        Step(
            code=step["code"],
            title=texts["steps"][step["code"]],
            fields=tuple(_field(name, library) for name in step["fields"]),
        )
        for step in raw["steps"]
    )
    names = [f.name for s in steps for f in s.fields]
    wanted = "court" if raw["target"] == "new_case" else "case"
    if wanted not in names:
        raise SchemaError(f"kind {code}: a {raw['target']} kind needs a {wanted!r} field")
    opponent = raw.get("opponent")
    return FilingKind(
        code=code,
        title=raw["title"],
        target=raw["target"],
        filers=frozenset(raw["filers"]),
        steps=steps,
        attachments=tuple(
            AttachmentSlot(
                code=a["code"], required=bool(a["required"]), label=texts["attachments"][a["code"]]
            )
            for a in raw["attachments"]
        ),
        fee=raw["fee"],
        on_accept=raw["on_accept"],
        routine=bool(raw.get("routine", False)),
        law=raw.get("law", ""),
        category=raw.get("category", ""),
        instance=raw.get("instance", ""),
        filer_role=raw.get("filer_role", "applicant"),
        closed=bool(raw.get("closed", False)),
        opponent=Opponent(
            name_field=opponent["name"],
            iin_field=opponent["iin"],
            role=opponent["role"],
            kind=opponent.get("kind", "person"),
        )
        if opponent
        else None,
        extraterritorial_field=raw.get("extraterritorial_field", ""),
        case_statuses=frozenset(raw.get("case_statuses", [])),
        case_instances=frozenset(raw.get("case_instances", [])),
    )


@cache
def all_kinds() -> dict[str, FilingKind]:
    library = _read(KINDS_DIR / "_fields.json")
    texts = _read(KINDS_DIR / "_texts.json")
    kinds = {}
    for path in sorted(KINDS_DIR.glob("*.json")):
        if path.name.startswith("_"):
            continue
        kind = _kind(_read(path), library, texts)
        kinds[kind.code] = kind
    return kinds


def kind_get(code: str) -> FilingKind | None:
    return all_kinds().get(code)


@cache
def fee_table() -> dict[str, Any]:
    data: dict[str, Any] = _read(DATA_DIR / "fees.json")
    return data


@cache
def grounds_table() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = _read(DATA_DIR / "grounds.json")
    return data


def kind_as_dict(kind: FilingKind, *, may_file: bool) -> dict[str, Any]:
    """The kind in the request's language: what the web form renders and the API returns."""
    return {
        "code": kind.code,
        "title": kind.label(),
        "target": kind.target,
        "category": kind.category,
        "instance": kind.instance,
        "filers": sorted(kind.filers),
        "may_file": may_file,
        "fee_rule": kind.fee,
        "routine": kind.routine,
        "law": kind.law,
        "steps": [
            {"code": s.code, "title": localized(s.title), "fields": [f.as_dict() for f in s.fields]}
            for s in kind.steps
        ],
        "attachments": [
            {"code": a.code, "label": localized(a.label), "required": a.required}
            for a in kind.attachments
        ],
    }
