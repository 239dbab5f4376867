"""The ``khidma`` console script: Django's ``manage.py`` for this project.

Our own commands are spelled with hyphens on the command line (``khidma seed-demo``); Django module names
cannot contain hyphens, so they are mapped to underscores here.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "khidma.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


if __name__ == "__main__":
    main()
