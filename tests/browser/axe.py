"""axe-core (npm, node_modules/axe-core) run inside a Playwright page against WCAG 2.2 AA.

`violations(page)` injects axe.min.js once per document and returns what it found, each as a short line that
names the rule, the impact and the first few elements, so a failing assertion says what to fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Rules switched off, each with the reason (also in docs/portal.md, "Accessibility"). Nothing else is.
EXCLUDED_RULES: dict[str, str] = {}


def require_axe() -> None:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make install` (npm ci installs axe-core from package-lock.json)")


def run_axe(page, *, include: str | None = None) -> list[dict]:
    """axe's raw violations for the current page (or the part that matches `include`)."""
    require_axe()
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, not added as a <script>: the pages' Content-Security-Policy
        # (script-src 'self') rightly refuses an inline script, and a test must not weaken the policy.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    options = {
        "runOnly": {"type": "tag", "values": TAGS},
        "rules": {rule: {"enabled": False} for rule in EXCLUDED_RULES},
        "resultTypes": ["violations"],
    }
    return page.evaluate(
        "([context, options]) => axe.run(context || document, options).then(r => r.violations)",
        [include, options],
    )


def describe(found: list[dict]) -> list[str]:
    lines = []
    for violation in found:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:4]]
        summary = violation["nodes"][0].get("failureSummary", "").replace("\n", " ")[:300]
        lines.append(f"{violation['id']} ({violation['impact']}): {', '.join(targets)} — {summary}")
    return lines


def assert_accessible(page, where: str = "") -> None:
    found = describe(run_axe(page))
    assert not found, f"axe found WCAG 2.2 AA violations on {where or page.url}:\n" + "\n".join(found)


_SMALL_TARGETS = """() => Array.from(document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary'))
  .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
  .filter(el => !el.closest('[aria-hidden=true]'))  // not offered to anyone (e.g. the form's default button)
  .map(el => {
    // A radio button or a checkbox is touched through its label, which is the target.
    const choice = el.type === 'radio' || el.type === 'checkbox';
    const target = choice && el.closest('label') ? el.closest('label') : el;
    const box = target.getBoundingClientRect();
    return [el.outerHTML.slice(0, 80), Math.round(box.width), Math.round(box.height)];
  })
  .filter(([, width, height]) => width < MIN || height < MIN)"""


def small_targets(page, minimum: int = 44) -> list:
    """Controls and links smaller than `minimum` CSS pixels either way. axe's target-size checks WCAG's 24 px;
    the portal aims at 44 px, what a thumb on a phone needs."""
    return page.evaluate(_SMALL_TARGETS.replace("MIN", str(minimum)))
