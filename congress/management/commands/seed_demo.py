"""Load the Ba Đình 26th congress demo (idempotent) and print the demo logins."""

import importlib
import importlib.util

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from congress import demo

# Apps that contribute to the demo with a `demo.seed(congress=..., shift_days=...)` function.
DEMO_APPS = ["personnel", "documents", "subcommittees"]
# Further demo modules (dotted paths) with the same `seed` function, run after the apps' demos.
DEMO_MODULES = ["personnel.election_demo", "congress.programme_demo"]


class Command(BaseCommand):
    help = "Load the Ba Đình 26th congress demo. Running it again changes nothing (or only moves dates)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebase-to-today",
            action="store_true",
            help="Shift every date (by whole weeks) so that the opening lies ahead of today.",
        )
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the demo logins.")

    def handle(self, *args, rebase_to_today=False, quiet_logins=False, **options):
        shift_days = demo.shift_for_today() if rebase_to_today else 0
        with transaction.atomic():
            result = demo.seed(shift_days=shift_days)
            for app in DEMO_APPS:
                if app in settings.INSTALLED_APPS and importlib.util.find_spec(f"{app}.demo"):
                    importlib.import_module(f"{app}.demo").seed(congress=result.congress, shift_days=shift_days)
            for module in DEMO_MODULES:
                if importlib.util.find_spec(module):
                    importlib.import_module(module).seed(congress=result.congress, shift_days=shift_days)
        congress = result.congress
        self.stdout.write(self.style.SUCCESS(f"Demo loaded: {congress.name}"))
        self.stdout.write(
            f"  opening {congress.opening_date:%d/%m/%Y}, closing {congress.closing_date:%d/%m/%Y}, "
            f"cutoff {congress.cutoff_date:%d/%m/%Y}"
            + (f" (dates shifted by {shift_days} days)" if shift_days else " (historical dates)")
        )
        if not quiet_logins:
            self.stdout.write("")
            self.stdout.write(self.style.MIGRATE_HEADING(f"Demo logins (password for all: {demo.DEMO_PASSWORD})"))
            for username, name, role in result.logins:
                self.stdout.write(f"  {username:<14} {name:<28} {role}")
