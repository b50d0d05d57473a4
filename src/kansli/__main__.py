"""`python -m kansli <command>`: Kansli's command line (Django's management commands)."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansli.config.settings.local")
    from django.core.management import execute_from_command_line

    execute_from_command_line([sys.argv[0].replace("__main__.py", "kansli"), *sys.argv[1:]])


if __name__ == "__main__":
    main()
