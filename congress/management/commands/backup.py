"""Back up the database (and the uploaded files) into a timestamped file under var/backups/.

SQLite: SQLite's online backup API, safe while the app runs. PostgreSQL: `pg_dump -Fc` (restore
with `pg_restore`, see the README). The uploaded files (MEDIA_ROOT) go into a .tar.gz beside it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils import timezone


def backup_dir() -> Path:
    return Path(getattr(settings, "BACKUP_DIR", None) or Path(settings.VAR_DIR) / "backups")


def sqlite_backup(alias: str, target: Path) -> None:
    """Copy a live SQLite database page by page (consistent even while others write)."""
    connection = connections[alias]
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        with destination:
            connection.connection.backup(destination)
    finally:
        destination.close()


def postgres_backup(alias: str, target: Path) -> None:
    executable = shutil.which("pg_dump")
    if executable is None:
        raise CommandError("pg_dump is not installed: apt-get install postgresql-client (same major version).")
    db = connections[alias].settings_dict
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    command = [executable, "-Fc", "--no-owner", "-f", str(target), "-d", str(db["NAME"])]
    if db.get("HOST"):
        command += ["-h", str(db["HOST"])]
    if db.get("PORT"):
        command += ["-p", str(db["PORT"])]
    if db.get("USER"):
        command += ["-U", str(db["USER"])]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        target.unlink(missing_ok=True)
        raise CommandError(f"pg_dump failed: {result.stderr.strip()}")


def media_backup(target: Path) -> bool:
    media = Path(settings.MEDIA_ROOT)
    if not media.is_dir() or not any(media.iterdir()):
        return False
    with tarfile.open(target, "w:gz") as archive:
        archive.add(media, arcname="media")
    return True


class Command(BaseCommand):
    help = "Back up the database (and uploaded files) into var/backups/<timestamp>…"

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", help="Folder for the backup files (default: var/backups/).")
        parser.add_argument("--database", default="default", help="Database alias (default: default).")
        parser.add_argument("--no-media", action="store_true", help="Do not archive the uploaded files.")

    def handle(self, *args, output_dir=None, database="default", no_media=False, **options):
        folder = Path(output_dir) if output_dir else backup_dir()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        vendor = connections[database].vendor
        if vendor == "sqlite":
            target = folder / f"db-{stamp}.sqlite3"
            sqlite_backup(database, target)
        elif vendor == "postgresql":
            target = folder / f"db-{stamp}.dump"
            postgres_backup(database, target)
        else:
            raise CommandError(f"Backups of {vendor} databases are not supported.")
        self.stdout.write(self.style.SUCCESS(f"Database backed up to {target}"))
        if not no_media:
            media_target = folder / f"media-{stamp}.tar.gz"
            if media_backup(media_target):
                self.stdout.write(self.style.SUCCESS(f"Uploaded files archived to {media_target}"))
        return str(target)
