"""A report's tables as HTML, built in Python: a dashboard holds a thousand cells, and writing them through
template loops costs more than computing the figures."""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from khidma.backoffice.reports_present import Table

register = template.Library()


def _cell(cell) -> str:
    # Numbers are isolated: "+760" stays "+760" in a right-to-left table.
    text = f"<bdi>{escape(cell.text)}</bdi>"
    if cell.href:
        return f'<td><a href="{escape(cell.href)}">{text}</a></td>'
    return f"<td>{text}</td>"


@register.simple_tag
def report_table(table: Table, caption: bool = True, wide: bool = False) -> SafeString:
    head = "".join(f'<th scope="col">{escape(column)}</th>' for column in table.columns)
    rows = [
        f'<tr><th scope="row">{escape(row[0].text)}</th>{"".join(_cell(cell) for cell in row[1:])}</tr>'
        for row in table.rows
    ]
    if not rows:
        rows = [f'<tr><td colspan="{len(table.columns)}">{escape(_("No cases."))}</td></tr>']
    classes = "figures wide" if wide else "figures"
    title = f"<caption>{escape(table.title)}</caption>" if caption else ""
    body = "".join(rows)
    return mark_safe(  # noqa: S308 - every text above went through escape()
        f'<table class="{classes}">{title}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )
