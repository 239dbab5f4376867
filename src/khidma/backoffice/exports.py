"""A report as a file: CSV (one long table a program reads), XLSX (a sheet per table, numbers as numbers) and
PDF (Arabic shaped and right to left). Each starts with the filters that chose its cases."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _
from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Font

from khidma.backoffice.reports_present import Presented, Table
from khidma.reports.figures import Report

# The fonts `make install` makes from the npm packages (scripts/pdf_fonts.py), and Debian's fonts-noto-core.
FONTS = Path(__file__).resolve().parent / "fonts"
SYSTEM_FONTS = Path("/usr/share/fonts/truetype/noto")
RTL = frozenset({"ar", "ur", "fa"})

# The tables every export carries, in order (the dashboard shows more: per staff member, backlog by age).
SECTIONS = (
    "durations",
    "channel",
    "language",
    "category",
    "area",
    "department",
    "service_point",
    "kind",
    "days",
    "hours",
    "ratings",
    "hotspots",
)


def _tables(shown: Presented) -> list[Table]:
    tables = []
    for key in SECTIONS:
        if key == "durations":
            tables.append(shown.durations)
        elif key in shown.tables:
            tables.append(shown.tables[key])
    return tables


# --- CSV -------------------------------------------------------------------------------------------------

CSV_HEADER = ["section", "row", "column", "value", "text"]


def to_csv(shown: Presented, report: Report, *, language: str) -> tuple[bytes, str]:
    """Long format: one line per figure, so every table fits one header. ``value`` is the number (shares as
    fractions, durations in seconds), ``text`` as the page writes it."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    writer.writerow([_("Report"), shown.title, "", "", shown.title])
    for label, value in shown.filters:
        writer.writerow([_("Filters"), label, "", "", value])
    for tile in shown.tiles:
        writer.writerow([_("Figures"), tile.label, _("Value"), _raw(tile.value.value), tile.value.text])
        if tile.previous is not None:
            writer.writerow(
                [
                    _("Figures"),
                    tile.label,
                    _("Previous period"),
                    _raw(tile.previous.value),
                    tile.previous.text,
                ]
            )
        if tile.change is not None:
            writer.writerow(
                [_("Figures"), tile.label, _("Change"), _raw(tile.change.value), tile.change.text]
            )
        if tile.change_percent is not None:
            writer.writerow(
                [
                    _("Figures"),
                    tile.label,
                    _("Change (%)"),
                    _raw(tile.change_percent.value),
                    tile.change_percent.text,
                ]
            )
    for table in _tables(shown):
        for row in table.rows:
            for column, cell in zip(table.columns[1:], row[1:], strict=True):
                writer.writerow([table.title, row[0].text, column, _raw(cell.value), cell.text])
    # A byte-order mark: spreadsheet programs then read the Arabic as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8"), "text/csv; charset=utf-8"


def _raw(value) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


# --- XLSX ------------------------------------------------------------------------------------------------


def to_xlsx(shown: Presented, report: Report, *, language: str) -> tuple[bytes, str]:
    book = Workbook()
    summary = book.active
    summary.title = _sheet_name(_("Summary"))
    _xlsx_header(summary, shown, language)
    summary.append([])
    summary.append([_("Figure"), _("Value"), _("Previous period"), _("Change"), _("Change (%)")])
    _bold(summary, summary.max_row)
    for tile in shown.tiles:
        summary.append(
            [
                tile.label,
                tile.value.value,
                tile.previous.value if tile.previous else None,
                tile.change.value if tile.change else None,
                tile.change_percent.value if tile.change_percent else None,
            ]
        )
    summary.column_dimensions["A"].width = 44
    for table in _tables(shown):
        sheet = book.create_sheet(_sheet_name(table.title))
        _xlsx_header(sheet, shown, language)
        sheet.append([])
        sheet.append(table.columns)
        _bold(sheet, sheet.max_row)
        for row in table.rows:
            # The first column names the row; the others are numbers a spreadsheet can add up.
            sheet.append([row[0].text, *(cell.value for cell in row[1:])])
        sheet.column_dimensions["A"].width = 36
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sheet_name(title: str) -> str:
    # Excel refuses these characters and names longer than 31.
    return "".join(ch for ch in title if ch not in "[]:*?/\\")[:31]


def _bold(sheet, row: int) -> None:
    for cell in sheet[row]:
        cell.font = Font(bold=True)


def _xlsx_header(sheet, shown: Presented, language: str) -> None:
    sheet.sheet_view.rightToLeft = language in RTL
    sheet.append([shown.title])
    sheet["A1"].font = Font(bold=True, size=14)
    for label, value in shown.filters:
        sheet.append([label, value])
    if shown.as_of:
        sheet.append([_("Figures as of"), shown.as_of])


# --- PDF -------------------------------------------------------------------------------------------------


@cache
def _font_files() -> dict[str, Path]:
    """The same four Noto fonts from Debian's package when it is installed, else from the npm packages.
    Both draw the same letters; Debian's build also maps every shaped Arabic glyph back to its letter, so
    text copied or searched in the PDF is exact, where the web build (which draws letters' dots as glyphs
    of their own) leaves an invisible control character beside each dot."""
    names = {
        "arabic": "NotoSansArabic-Regular.ttf",
        "arabic-bold": "NotoSansArabic-Bold.ttf",
        "latin": "NotoSans-Regular.ttf",
        "latin-bold": "NotoSans-Bold.ttf",
    }
    folder = SYSTEM_FONTS if all((SYSTEM_FONTS / name).exists() for name in names.values()) else FONTS
    files = {key: folder / name for key, name in names.items()}
    missing = [str(path) for path in files.values() if not path.exists()]
    if missing:
        raise RuntimeError(f"PDF fonts are missing ({', '.join(missing)}): run `make install`")
    return files


class _Pdf(FPDF):
    def __init__(self, *, rtl: bool, footer_text: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.rtl = rtl
        self.footer_text = footer_text
        files = _font_files()
        self.add_font("arabic", "", files["arabic"])
        self.add_font("arabic", "B", files["arabic-bold"])
        self.add_font("latin", "", files["latin"])
        self.add_font("latin", "B", files["latin-bold"])
        self.main, other = ("arabic", "latin") if rtl else ("latin", "arabic")
        self.set_fallback_fonts([other], exact_match=False)
        self.set_text_shaping(use_shaping_engine=True, direction="rtl" if rtl else "ltr")
        self.set_margins(14, 14, 14)
        self.set_auto_page_break(True, margin=16)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.main, "", 8)
        self.cell(0, 6, f"{self.footer_text} · {self.page_no()}", align="C")

    def text_line(self, text: str, *, size: float = 10, bold: bool = False, height: float = 6) -> None:
        self.set_font(self.main, "B" if bold else "", size)
        self.multi_cell(0, height, text, align="R" if self.rtl else "L", new_x="LMARGIN", new_y="NEXT")

    def table_of(self, columns: list[str], rows: list[list[str]], widths: list[float]) -> None:
        """A simple ruled table; in right-to-left documents the first column stands on the right."""
        order = list(range(len(columns)))
        if self.rtl:
            order.reverse()
        line = 6.5

        def draw(cells: list[str], *, bold: bool) -> None:
            if self.will_page_break(line):
                self.add_page()
            self.set_font(self.main, "B" if bold else "", 8.5)
            self.set_x(self.l_margin)
            for index in order:
                first = index == 0
                align = ("R" if self.rtl else "L") if first else "C"
                text = cells[index]
                # Shrink rather than wrap: a table row stays one line.
                while text and self.get_string_width(text) > widths[index] - 2 and len(text) > 4:
                    text = text[:-2] + "…"
                self.cell(widths[index], line, text, border="B", align=align)
            self.ln(line)

        draw(columns, bold=True)
        for row in rows:
            draw(row, bold=False)
        self.ln(3)


def to_pdf(shown: Presented, report: Report, *, language: str) -> tuple[bytes, str]:
    rtl = language in RTL
    pdf = _Pdf(rtl=rtl, footer_text=shown.title)
    pdf.add_page()
    pdf.text_line(shown.title, size=16, bold=True, height=9)
    for label, value in shown.filters:
        pdf.text_line(f"{label}: {value}", size=9.5)
    if shown.as_of:
        pdf.text_line(f"{_('Figures as of')}: {shown.as_of}", size=8.5)
    pdf.ln(3)
    width = pdf.epw
    has_previous = any(tile.previous is not None for tile in shown.tiles)
    if has_previous:
        columns = [_("Figure"), _("Value"), _("Previous period"), _("Change"), _("Change (%)")]
        rows = [
            [
                tile.label,
                tile.value.text,
                tile.previous.text if tile.previous else "—",
                tile.change.text if tile.change else "—",
                tile.change_percent.text if tile.change_percent else "—",
            ]
            for tile in shown.tiles
        ]
        widths = [width * 0.4, width * 0.15, width * 0.15, width * 0.15, width * 0.15]
        if shown.comparison_period:
            pdf.text_line(f"{_('Previous period')}: {shown.comparison_period}", size=9)
    else:
        columns = [_("Figure"), _("Value")]
        rows = [[tile.label, tile.value.text] for tile in shown.tiles]
        widths = [width * 0.7, width * 0.3]
    pdf.text_line(_("Figures"), size=12, bold=True, height=8)
    pdf.table_of([str(c) for c in columns], rows, widths)
    for table in _tables(shown):
        if not table.rows:
            continue
        pdf.text_line(table.title, size=12, bold=True, height=8)
        first = 0.34 if len(table.columns) > 2 else 0.6
        rest = (1 - first) / max(len(table.columns) - 1, 1)
        widths = [width * first, *([width * rest] * (len(table.columns) - 1))]
        pdf.table_of(table.columns, [[cell.text for cell in row] for row in table.rows], widths)
    return bytes(pdf.output()), "application/pdf"


FORMATS: dict[str, Callable[..., tuple[bytes, str]]] = {"csv": to_csv, "xlsx": to_xlsx, "pdf": to_pdf}
