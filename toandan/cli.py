"""The `toandan` console script: Django's management commands, with dashes allowed in names.

`toandan load-demo` is `manage.py load_demo`; `toandan serve` starts the web server and a worker.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toandan.settings")
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["toandan", *args[1:]])


if __name__ == "__main__":
    main()
