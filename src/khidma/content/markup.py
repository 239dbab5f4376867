"""The little markup staff may use in articles and posts, turned into safe HTML.

Staff never write HTML: every character they type is escaped first, then a few plain-text conventions
become elements —

- a blank line starts a new paragraph; a single line break stays a line break;
- ``## Heading`` and ``### Heading`` at the start of a line;
- lines starting with ``- `` or ``* `` make a bulleted list, lines starting with ``1. `` a numbered one;
- ``**bold**``;
- ``[text](https://…)`` or ``[text](/path)`` make a link (no other schemes, so no ``javascript:``, no plain
  ``http:`` and no ``//other-host``).
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_BOLD = re.compile(r"\*\*(.+?)\*\*")
# A link goes to an https address or to a path of this site; "//evil.example" and "/\\evil.example" are
# addresses of another site that browsers accept, so a path must not start with a second slash or backslash.
_LINK = re.compile(r"\[([^\]\n]+)\]\(((?:https://|/(?![/\\]))[^\s)\\]*)\)")
_BULLET = re.compile(r"^[-*]\s+")
_NUMBER = re.compile(r"^[0-9٠-٩۰-۹]+[.)]\s+")
_HEADING = re.compile(r"^(#{2,3})\s+")


def _inline(text: str) -> str:
    html = escape(text)
    html = _LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', html)
    return _BOLD.sub(r"<strong>\1</strong>", html)


def _block(lines: list[str]) -> str:
    if all(_BULLET.match(line) for line in lines):
        items = "".join(f"<li>{_inline(_BULLET.sub('', line))}</li>" for line in lines)
        return f"<ul>{items}</ul>"
    if all(_NUMBER.match(line) for line in lines):
        items = "".join(f"<li>{_inline(_NUMBER.sub('', line))}</li>" for line in lines)
        return f"<ol>{items}</ol>"
    heading = _HEADING.match(lines[0])
    if heading:
        level = len(heading.group(1))
        head = f"<h{level}>{_inline(lines[0][heading.end() :])}</h{level}>"
        return head + (_block(lines[1:]) if lines[1:] else "")
    return "<p>" + "<br>".join(_inline(line) for line in lines) + "</p>"


def render(text: str) -> SafeString:
    blocks: list[list[str]] = [[]]
    for raw in (text or "").replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return mark_safe("".join(_block(lines) for lines in blocks if lines))  # noqa: S308 — escaped above


def plain(text: str) -> str:
    """The text without markup: for summaries, feeds and search."""
    text = _LINK.sub(r"\1", text or "")
    text = _BOLD.sub(r"\1", text)
    lines = [_HEADING.sub("", _NUMBER.sub("", _BULLET.sub("", line.strip()))) for line in text.splitlines()]
    return re.sub(r"\s+", " ", " ".join(lines)).strip()
