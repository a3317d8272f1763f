"""Charts drawn on the server as inline SVG: no JavaScript, no CDN, readable by screen readers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT, PAD_LEFT, PAD_BOTTOM, PAD_TOP = 640, 220, 48, 28, 12
# Colour-blind-safe pair (Okabe–Ito blue and orange); each series also has its own dash pattern.
COLOURS = ("#0072b2", "#d55e00", "#009e73")
DASHES = ("", "6 4", "2 3")


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    return float(((int(value) // magnitude) + 1) * magnitude)


def line_chart(
    title: str,
    months: Sequence[dt.date],
    series: Sequence[tuple[str, Sequence[float]]],
) -> SafeString:
    """A line per series over the months; the title and a data table fallback describe it."""
    top = _nice_max(max((v for _, values in series for v in values), default=0))
    plot_w, plot_h = WIDTH - PAD_LEFT - 8, HEIGHT - PAD_BOTTOM - PAD_TOP
    step = plot_w / max(len(months) - 1, 1)

    def point(i: int, v: float) -> str:
        return f"{PAD_LEFT + i * step:.1f},{PAD_TOP + plot_h - v / top * plot_h:.1f}"

    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for fraction in (0, 0.5, 1):
        y = PAD_TOP + plot_h - fraction * plot_h
        parts.append(
            f'<line x1="{PAD_LEFT}" x2="{WIDTH - 8}" y1="{y:.1f}" y2="{y:.1f}" class="chart__grid"/>'
            f'<text x="{PAD_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" class="chart__axis">'
            f"{int(top * fraction):,}</text>".replace(",", " ")
        )
    label_every = max(len(months) // 6, 1)
    for i, month in enumerate(months):
        if i % label_every == 0:
            parts.append(
                f'<text x="{PAD_LEFT + i * step:.1f}" y="{HEIGHT - 8}" text-anchor="middle" '
                f'class="chart__axis">{month:%m.%y}</text>'
            )
    for n, (name, values) in enumerate(series):
        colour, dash = COLOURS[n % len(COLOURS)], DASHES[n % len(DASHES)]
        points = " ".join(point(i, v) for i, v in enumerate(values))
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2.5" '
            f'stroke-dasharray="{dash}" points="{points}"><title>{escape(name)}</title></polyline>'
        )
    parts.append("</svg>")
    legend = "".join(
        f'<li><svg width="24" height="10" aria-hidden="true"><line x1="0" x2="24" y1="5" y2="5" '
        f'stroke="{COLOURS[n % 3]}" stroke-width="3" stroke-dasharray="{DASHES[n % 3]}"/></svg> '
        f"{escape(name)}</li>"
        for n, (name, _) in enumerate(series)
    )
    return mark_safe(  # noqa: S308  # every interpolated text is escaped above
        "".join(parts) + f'<ul class="chart__legend">{legend}</ul>'
    )


def bar_chart(title: str, bars: Sequence[tuple[str, float]]) -> SafeString:
    """Horizontal bars (age bands, regions), longest first as given."""
    top = max((v for _, v in bars), default=0) or 1
    row_h, label_w = 26, 150
    height = row_h * len(bars) + 8
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for i, (label, value) in enumerate(bars):
        y = 4 + i * row_h
        width = (WIDTH - label_w - 70) * value / top
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 17}" text-anchor="end" class="chart__axis">'
            f"{escape(label)}</text>"
            f'<rect x="{label_w}" y="{y + 4}" width="{width:.1f}" height="{row_h - 8}" '
            f'fill="{COLOURS[0]}"/>'
            f'<text x="{label_w + width + 6:.1f}" y="{y + 17}" class="chart__value">'
            f"{value:g}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  # every interpolated text is escaped above
