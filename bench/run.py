"""`make bench`: run the benchmarks and write the figures to docs/benchmarks.md.

`python bench/run.py triage` (what `make bench-triage` runs) refreshes only the named sections and keeps
the others. Figures are medians and percentiles from one run on one machine; compare ratios measured in the
same run, not numbers from different machines.
"""

from __future__ import annotations

import datetime
import os
import platform
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from bench import backoffice, intake, peak, reports, sla, slow3g, stages, triage  # noqa: E402

BENCHMARKS = {
    "intake": intake.run,
    "stages": stages.run,
    "sla": sla.run,
    "backoffice": backoffice.run,
    "reports": reports.run,
    "triage": triage.run,
    "slow3g": slow3g.run,
    "peak": peak.run,
}
OUTPUT = ROOT / "docs" / "benchmarks.md"


def _machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()}"


def _sections(text: str) -> dict[str, str]:
    """Existing sections by their '## ' heading, in order."""
    parts = re.split(r"(?m)^(?=## )", text)
    return {part.splitlines()[0]: part.strip() for part in parts if part.startswith("## ")}


def main(names: list[str]) -> None:
    chosen = names or list(BENCHMARKS)
    unknown = set(chosen) - set(BENCHMARKS)
    if unknown:
        names_list = ", ".join(sorted(unknown))
        raise SystemExit(f"unknown benchmark(s): {names_list}; choose from {', '.join(BENCHMARKS)}")
    sections = _sections(OUTPUT.read_text(encoding="utf-8")) if OUTPUT.exists() else {}
    for name in chosen:
        section = BENCHMARKS[name]().strip()
        sections[section.splitlines()[0]] = section
    today = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d")
    text = "\n\n".join(
        [
            "# Benchmarks",
            f"Written by `make bench` — last run {today} on {_machine()} "
            f"(sections refreshed: {', '.join(chosen)}).",
            "Speed and quality targets are checked here, never by timed assertions in tests. The machine is "
            "shared and noisy: quote medians and ratios from one run.",
            *sections.values(),
        ]
    )
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main(sys.argv[1:])
