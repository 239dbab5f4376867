"""Charts drawn on the server as SVG: nothing to download, nothing to run in the browser, and printable.

Right-to-left pages mirror every chart: time runs from right to left and labels stand on the right, as an
Arabic reader scans. Each chart is an image with a short text alternative; the page shows its figures in a
table beside it (reports_present.Table), which is what a screen reader reads and what the links are in.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
FONT = 11
# Colours that stay apart for the common colour-vision deficiencies (Okabe–Ito).
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as the page writes it
    href: str | None = None


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _text(x: float, y: float, text: str, *, anchor: str, rtl: bool, size: int = FONT, extra: str = "") -> str:
    # Always said: an SVG inside a right-to-left page inherits its direction, which flips text-anchor.
    direction = ' direction="rtl"' if rtl else ' direction="ltr"'
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}"{direction}{extra}>'
        f"{escape(text)}</text>"
    )


def _svg(height: int, label: str, body: list[str]) -> SafeString:
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" width="100%" role="img" aria-label="{}" '
        'xmlns="http://www.w3.org/2000/svg">{}</svg>',
        WIDTH,
        height,
        label,
        mark_safe("".join(body)),  # noqa: S308 - every text above went through escape()
    )


def _title(bar: Bar) -> str:
    return f"<title>{escape(bar.label)}: {escape(bar.text)}</title>"


def _link(href: str | None, inner: str) -> str:
    if not href:
        return inner
    # Not a tab stop: the table beside the chart holds the same links for the keyboard and screen readers.
    return f'<a href="{escape(href)}" tabindex="-1">{inner}</a>'


def columns(bars: Sequence[Bar], *, label: str, rtl: bool, every: int | None = None) -> SafeString:
    """Vertical bars over time or hours (one per item, in order; mirrored when ``rtl``)."""
    height, top, bottom, side = 220, 12, 36, 44
    plot_w, plot_h = WIDTH - side - 10, height - top - bottom
    ceiling = _nice_ceiling(max((b.value for b in bars), default=0))
    band = plot_w / max(len(bars), 1)
    every = every or max(1, math.ceil(len(bars) / 12))
    body = []
    axis_x = WIDTH - side + 6 if rtl else side - 6
    for step in range(3):
        value = ceiling * step / 2
        y = top + plot_h - plot_h * step / 2
        body.append(
            f'<line x1="{(10 if rtl else side):.1f}" x2="{(WIDTH - side if rtl else WIDTH - 10):.1f}" '
            f'y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
        )
        body.append(_text(axis_x, y + 4, f"{value:g}", anchor="start" if rtl else "end", rtl=False))
    for index, bar in enumerate(bars):
        slot = len(bars) - 1 - index if rtl else index
        x = (10 if rtl else side) + slot * band
        bar_h = plot_h * bar.value / ceiling if ceiling else 0
        rect = (
            f'<rect x="{x + band * 0.12:.1f}" y="{top + plot_h - bar_h:.1f}" width="{band * 0.76:.1f}" '
            f'height="{bar_h:.1f}" fill="{COLOURS[0]}">{_title(bar)}</rect>'
        )
        body.append(_link(bar.href, rect))
        if index % every == 0:
            body.append(
                _text(x + band / 2, height - bottom + 16, bar.label, anchor="middle", rtl=rtl, size=10)
            )
    return _svg(height, label, body)


def rows(bars: Sequence[Bar], *, label: str, rtl: bool) -> SafeString:
    """Horizontal bars, one per named row (channels, languages), largest first as given."""
    line, pad, label_w, value_w = 24, 8, 170, 70
    height = pad * 2 + line * max(len(bars), 1)
    top_value = max((b.value for b in bars), default=0) or 1
    span = WIDTH - label_w - value_w - 20
    body = []
    for index, bar in enumerate(bars):
        y = pad + index * line
        length = span * bar.value / top_value
        if rtl:
            body.append(_text(WIDTH - 6, y + 16, bar.label, anchor="start", rtl=True))
            x = WIDTH - label_w - length
            value_x, value_anchor = x - 6, "end"
        else:
            body.append(_text(6, y + 16, bar.label, anchor="start", rtl=False))
            x = label_w
            value_x, value_anchor = x + length + 6, "start"
        rect = (
            f'<rect x="{x:.1f}" y="{y + 4:.1f}" width="{max(length, 1):.1f}" height="{line - 8}" '
            f'fill="{COLOURS[index % len(COLOURS)]}">{_title(bar)}</rect>'
        )
        body.append(_link(bar.href, rect))
        body.append(_text(value_x, y + 16, bar.text, anchor=value_anchor, rtl=False))
    return _svg(height, label, body)


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]  # shares 0–1; None where there is nothing to measure


def lines(series: Sequence[Series], x_labels: Sequence[str], *, label: str, rtl: bool) -> SafeString:
    """Shares (0–100%) over time: one line per series, broken where a day has nothing to measure."""
    height, top, bottom, side = 240, 12, 58, 44
    plot_w, plot_h = WIDTH - side - 10, height - top - bottom
    n = max(len(x_labels), 1)
    band = plot_w / n
    left = 10 if rtl else side
    body = []
    axis_x = WIDTH - side + 6 if rtl else side - 6

    def x_of(index: int) -> float:
        slot = n - 1 - index if rtl else index
        return left + slot * band + band / 2

    for share in (0, 0.5, 1):
        y = top + plot_h * (1 - share)
        body.append(
            f'<line x1="{left:.1f}" x2="{left + plot_w:.1f}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
        )
        body.append(_text(axis_x, y + 4, f"{share * 100:.0f}%", anchor="start" if rtl else "end", rtl=False))
    every = max(1, math.ceil(n / 12))
    for index, text in enumerate(x_labels):
        if index % every == 0:
            body.append(_text(x_of(index), top + plot_h + 16, text, anchor="middle", rtl=rtl, size=10))
    for number, one in enumerate(series):
        colour = COLOURS[number % len(COLOURS)]
        dash = ' stroke-dasharray="5 3"' if number % 2 else ""
        segment: list[str] = []
        segments = [segment]
        for index, value in enumerate(one.values):
            if value is None:
                segment = []
                segments.append(segment)
                continue
            x, y = x_of(index), top + plot_h * (1 - value)
            segment.append(f"{x:.1f},{y:.1f}")
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{colour}"/>')
        for points in segments:
            if len(points) > 1:
                path = " ".join(points)
                body.append(
                    f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>'
                )
        legend_y = height - 14
        legend_x = (WIDTH - 20 - number * 200) if rtl else (20 + number * 200)
        body.append(
            f'<line x1="{legend_x:.1f}" x2="{legend_x + (-18 if rtl else 18):.1f}" y1="{legend_y - 4}" '
            f'y2="{legend_y - 4}" stroke="{colour}" stroke-width="3"{dash}/>'
        )
        body.append(
            _text(legend_x + (-24 if rtl else 24), legend_y, one.name, anchor="start", rtl=rtl, size=10)
        )
    return _svg(height, label, body)
