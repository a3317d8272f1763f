"""The annual report on the state of justice (issue 9 §5; seed 000 §5.11): HTML, and PDF by WeasyPrint.

The figures are the Situational Center's aggregates for the calendar year, for the country and
each region, beside the previous year's. Charts are the same inline SVG as on the dashboard; the
PDF embeds the DejaVu fonts (Debian ``fonts-dejavu-core``), which carry every Kazakh letter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from sot.core import clock
from sot.courts.models import Region

from . import metrics as m
from .charts import bar_chart, line_chart
from .figures import load_figures, load_many
from .indicators import BY_CODE
from .load import load_figures as load_load
from .scope import Scope
from .selectors import evaluate

REPORT_CODES = (
    "filed",
    "electronic_share",
    "incoming",
    "resolved",
    "pending",
    "clearance_rate",
    "disposition_time",
    "average_duration",
    "pending_over_year",
    "past_deadline",
    "acts_late",
    "suspensions",
    "suspension_days",
    "hearings_late",
    "postponements_unjustified",
    "video_share",
    "notices_late",
    "conciliation_share",
    "appeal_reversal_rate",
    "writs_rejected",
)
REGION_CODES = ("incoming", "clearance_rate", "disposition_time", "past_deadline")


def _year_scope(year: int) -> Scope:
    return Scope(month_from=dt.date(year, 1, 1), month_to=dt.date(year, 12, 1))


def _change(now: float | None, before: float | None) -> str:
    if now is None or before is None or before == 0:
        return "—"
    return f"{(now - before) / before * 100:+.1f}%"


def report_context(year: int) -> dict[str, object]:
    scope, previous = _year_scope(year), _year_scope(year - 1)
    now_f, before_f = load_figures(scope), load_figures(previous)
    rows = []
    for code in REPORT_CODES:
        indicator = BY_CODE[code]
        a, b = evaluate(indicator, now_f), evaluate(indicator, before_f)
        rows.append({"value": a, "previous": b, "change": _change(a.value, b.value)})
    months = now_f.months(12)
    series_now = now_f.by_month(m.INCOMING)
    resolved = now_f.by_month(m.RESOLVED)
    trend = line_chart(
        _("Incoming and resolved cases by month, %(year)s") % {"year": year},
        months,
        [
            (_("Incoming cases"), [float(series_now.get(x, 0)) for x in months]),
            (_("Resolved cases"), [float(resolved.get(x, 0)) for x in months]),
        ],
    )
    regions = list(Region.objects.order_by("code"))
    region_rows = []
    region_figures = load_many([scope.with_place(region=r) for r in regions])
    for region, figures in zip(regions, region_figures, strict=True):
        region_rows.append((region.name, [evaluate(BY_CODE[c], figures) for c in REGION_CODES]))
    clearance = [
        (name, float(values[1].value or 0)) for name, values in region_rows if values[1].value
    ]
    return {
        "year": year,
        "previous_year": year - 1,
        "rows": rows,
        "trend": trend,
        "region_chart": bar_chart(_("Clearance rate by region, %"), clearance),
        "region_headers": [BY_CODE[c].name for c in REGION_CODES],
        "region_rows": region_rows,
        "load": load_load(replace(scope)),
        "generated": clock.now(),
    }


def annual_report_html(*, year: int, lang: str) -> str:
    with translation.override(lang):
        return render_to_string(
            "analytics/report_annual.html", {**report_context(year), "lang": lang}
        )


def annual_report_pdf(*, year: int, lang: str, compress: bool = True) -> bytes:
    from weasyprint import HTML  # imported here: loading it costs a second the pages don't need

    html = HTML(string=annual_report_html(year=year, lang=lang))
    pdf = html.write_pdf(uncompressed_pdf=not compress)
    assert pdf is not None
    return bytes(pdf)
