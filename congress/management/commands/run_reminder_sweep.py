"""Run one reminder sweep by hand (what Celery beat does every minute)."""

from django.core.management.base import BaseCommand

from congress.models import Congress
from congress.reminders import reminders_sweep


class Command(BaseCommand):
    help = (
        "Record the deadline reminders that fell due and queue their delivery, like the periodic sweep. "
        "Safe to run at any time: nothing is ever sent twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--inline",
            action="store_true",
            help="Deliver in this process instead of queueing to the Celery workers (no worker or broker needed).",
        )
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="First re-sync every deadline from its task or milestone (after edits made in the admin).",
        )

    def handle(self, *args, inline=False, rebuild=False, **options):
        from congress.celery import app

        if rebuild:
            from congress.deadlines import deadlines_rebuild

            for congress in Congress.objects.all():
                count = deadlines_rebuild(congress=congress)
                self.stdout.write(f"{congress.slug}: {count} deadline(s) in sync")
        eager = app.conf.task_always_eager
        app.conf.task_always_eager = inline or eager
        try:
            result = reminders_sweep()
        finally:
            app.conf.task_always_eager = eager
        self.stdout.write(self.style.SUCCESS(str(result)))
