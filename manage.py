#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congress.settings")
    from django.core.management import execute_from_command_line

    if "runserver" in sys.argv[1:2]:
        from congress.startup import refuse_dev_secret_key

        refuse_dev_secret_key()
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
