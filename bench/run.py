"""`make bench`: run every benchmark and write the figures to docs/benchmarks.md.

Figures are medians and percentiles from one run on one machine; compare ratios measured in the same run,
not numbers from different machines.
"""

from __future__ import annotations

import datetime
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import backoffice, intake, sla  # noqa: E402


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


def main() -> None:
    sections = [intake.run(), sla.run(), backoffice.run()]
    today = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d")
    text = "\n\n".join(
        [
            "# Benchmarks",
            f"Written by `make bench` on {today} — {_machine()}.",
            "Speed targets are checked here, never by timed assertions in tests. The machine is shared and "
            "noisy: quote medians and ratios from one run.",
            *sections,
        ]
    )
    (ROOT / "docs").mkdir(exist_ok=True)
    (ROOT / "docs" / "benchmarks.md").write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
