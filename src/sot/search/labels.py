"""Human labels for facet values (codes in the index, names on the page)."""

from __future__ import annotations

from sot.acts.models import ActKind, ActLanguage
from sot.core.judiciary import CaseCategory, Instance
from sot.courts.models import Court, Region

from .engine import Results

CHOICES: dict[str, dict[str, object]] = {
    "category": dict(CaseCategory.choices),
    "instance": dict(Instance.choices),
    "kind": dict(ActKind.choices),
    "lang": dict(ActLanguage.choices),
}


def facet_rows(results: Results) -> list[tuple[str, list[tuple[str, object, int]]]]:
    """(field, [(value, label, count)]) with court and region names looked up once."""
    courts = {c.code: c.name for c in Court.objects.filter(code__in=_values(results, "court"))}
    regions = {r.code: r.name for r in Region.objects.filter(code__in=_values(results, "region"))}
    names: dict[str, dict[str, object]] = {
        "court": dict(courts),
        "region": dict(regions),
        **CHOICES,
    }
    rows = []
    for field_name, values in results.facets.items():
        if values:
            labels = names.get(field_name, {})
            rows.append((field_name, [(v, labels.get(v, v), n) for v, n in values]))
    return rows


def hit_rows(results: Results) -> list[tuple[object, object, object]]:
    """(hit, kind label, court name) for the result list."""
    codes = {str(hit.fields.get("court", "")) for hit in results.hits}
    courts = {c.code: c.name for c in Court.objects.filter(code__in=codes)}
    kinds = CHOICES["kind"]
    return [
        (
            hit,
            kinds.get(str(hit.fields.get("kind", "")), hit.fields.get("kind", "")),
            courts.get(str(hit.fields.get("court", "")), hit.fields.get("court", "")),
        )
        for hit in results.hits
    ]


def _values(results: Results, field_name: str) -> list[str]:
    return [value for value, _ in results.facets.get(field_name, [])]
