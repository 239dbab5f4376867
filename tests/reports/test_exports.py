"""The season report as PDF (Arabic shaped, right to left), XLSX (sums that add up) and CSV, each with the
filters that chose its cases."""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from khidma.backoffice.exports import CSV_HEADER

pytestmark = pytest.mark.django_db

SEASON = {"preset": "season", "season": "hajj-1447"}


def _get(client, file_format: str, params=None, language="en"):
    response = client.get(
        f"/staff/reports/export.{file_format}", {**SEASON, **(params or {})}, HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return response


def test_the_csv_has_one_header_and_writes_the_filters_used(client, hajj, staff):
    client.force_login(staff["supervisor"])
    response = _get(client, "csv", {"channel": "web"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == CSV_HEADER
    filters = {row[1]: row[4] for row in rows if row[0] == "Filters"}
    assert "Hajj season 1447 AH" in filters["Period"]
    assert filters["Channel"] == "Web"
    received = {row[1]: row[3] for row in rows if row[0] == "Figures" and row[2] == "Value"}
    assert received["Received"] == "3"  # a, e and the complaint


def test_the_xlsx_opens_and_its_tables_add_up_to_the_totals(client, hajj, staff):
    client.force_login(staff["supervisor"])
    book = load_workbook(io.BytesIO(_get(client, "xlsx").content))
    summary = book["Summary"]
    figures = {row[0]: row[1] for row in summary.iter_rows(values_only=True) if row and row[0]}
    assert figures["Received"] == 7
    assert "Hajj season 1447 AH" in figures["Period"]
    for title in ("By channel", "By language", "By category", "Per day", "Per hour of the day"):
        sheet = book[title]
        rows = list(sheet.iter_rows(values_only=True))
        header = next(i for i, row in enumerate(rows) if row and row[0] in {"Name", "Day", "Hour"})
        column = rows[header].index("Received")
        assert sum(row[column] for row in rows[header + 1 :]) == 7, title
        assert rows[1][0] == "Period"  # every sheet says what it covers


def test_the_pdf_renders_arabic_text(client, hajj, staff):
    client.force_login(staff["supervisor"])
    response = _get(client, "pdf", {"category": "cleanliness"}, language="ar")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    # Spaces and line breaks as the reader guessed them, and the control characters the web build of the
    # font leaves beside letters' dots (khidma/backoffice/exports.py), are not the text.
    words = re.sub(r"[\s\x00-\x1f]+", "", text)
    # Names from the data: the category chosen (also written as a filter), the areas, the season.
    assert "النظافة" in words
    assert "الغرب" in words
    assert "موسمحج" in words and "1447" in words


def test_an_unknown_export_format_is_not_found(client, hajj, staff):
    client.force_login(staff["supervisor"])
    assert client.get("/staff/reports/export.docx", SEASON).status_code == 404
