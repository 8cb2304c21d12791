"""Compile every .po catalog of the project to .mo with polib (no system gettext needed)."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

SKIP = {".venv", "node_modules", ".git", "staticfiles"}


class Command(BaseCommand):
    help = "Compile the project's .po files to .mo (like compilemessages, without needing msgfmt)."

    def handle(self, *args, **options):
        base = Path(settings.BASE_DIR)
        count = 0
        for po_path in base.rglob("*.po"):
            if SKIP & set(po_path.relative_to(base).parts):
                continue
            catalog = polib.pofile(str(po_path))
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            catalog.save_as_mofile(str(mo_path))
            count += 1
        self.stdout.write(f"Compiled {count} catalog(s).")
