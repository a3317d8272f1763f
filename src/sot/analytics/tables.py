"""The dashboard's tables as plain rows, for CSV/XLSX exports."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from sot.cases.models import Case

from .dashboard import Dashboard
from .exports import Cell

Table = tuple[list[str], list[list[Cell]]]


def indicator_table(dash: Dashboard) -> Table:
    header = [_("Group"), _("Indicator"), _("Unit")] + [p.place_name() for p in dash.places]
    rows: list[list[Cell]] = [
        [group, str(row.indicator.name), str(row.values[0].unit_label)]
        + [v.value for v in row.values]
        for group, group_rows in dash.groups
        for row in group_rows
    ]
    return header, rows


def region_table(dash: Dashboard) -> Table:
    first = dash.regions[0][1] if dash.regions else []
    header = [_("Region")] + [str(v.indicator.name) for v in first]
    rows: list[list[Cell]] = [
        [region.name] + [v.value for v in values] for region, values in dash.regions
    ]
    return header, rows


def case_table(cases: Iterable[Case]) -> Table:
    header = [_("Case number"), _("Court"), _("Category"), _("Status"), _("Filed on")]
    rows: list[list[Cell]] = [
        [
            c.number or "",
            c.court.name,
            c.get_category_display(),
            c.get_status_display(),
            c.filed_at.date().isoformat(),
        ]
        for c in cases
    ]
    return header, rows
