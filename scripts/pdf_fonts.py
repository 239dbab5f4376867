"""Make the TrueType fonts the PDF exports embed, from the npm font packages (`make install` runs this).

The season report's PDF is drawn by fpdf2, whose text shaping (HarfBuzz, through uharfbuzz) reads TrueType
or OpenType files, not the web fonts the @fontsource packages ship. Their WOFF files are TrueType fonts
compressed with zlib, which fontTools (a dependency of fpdf2) unpacks without anything else installed; the
result is written into the back-office app, where git ignores it, like the portal's copied static files.

    .venv/bin/python scripts/pdf_fonts.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
MODULES = ROOT / "node_modules" / "@fontsource"
OUT = ROOT / "src" / "khidma" / "backoffice" / "fonts"

# (npm package, subset, weight, file written): the Arabic script (Urdu, Persian) and Latin, regular and bold.
FONTS = [
    ("noto-sans-arabic", "arabic", 400, "NotoSansArabic-Regular.ttf"),
    ("noto-sans-arabic", "arabic", 700, "NotoSansArabic-Bold.ttf"),
    ("noto-sans", "latin", 400, "NotoSans-Regular.ttf"),
    ("noto-sans", "latin", 700, "NotoSans-Bold.ttf"),
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for package, subset, weight, name in FONTS:
        source = MODULES / package / "files" / f"{package}-{subset}-{weight}-normal.woff"
        if not source.exists():
            sys.exit(f"missing {source}: run npm ci")
        font = TTFont(source)
        font.flavor = None  # WOFF → plain TrueType
        font.save(OUT / name)
        (OUT / f"{package}.LICENSE").write_bytes((MODULES / package / "LICENSE").read_bytes())
    (OUT / ".built").write_text("")
    print(f"PDF fonts written to {OUT}")


if __name__ == "__main__":
    main()
