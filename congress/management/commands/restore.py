"""Restore an SQLite backup made by `manage.py backup` (PostgreSQL: use pg_restore, see the README).

The backup is checked first (a readable SQLite file of this app, passing an integrity check); the
configured database (or `--target`, another SQLite file) is then replaced by it as a whole.
"""

from __future__ import annotations

import sqlite3
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections


def check_backup(path: Path) -> None:
    if not path.is_file():
        raise CommandError(f"No such file: {path}")
    with path.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise CommandError(f"{path} is not an SQLite backup (a PostgreSQL dump is restored with pg_restore).")
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise CommandError(f"{path} is damaged (integrity check failed).")
        tables = {row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        source.close()
    if "django_migrations" not in tables or "congress_congress" not in tables:
        raise CommandError(f"{path} is not a backup of this application.")


def copy_into(source_path: Path, destination: sqlite3.Connection) -> None:
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    try:
        source.backup(destination)
    finally:
        source.close()


class Command(BaseCommand):
    help = "Restore the SQLite database from a backup file made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup file (db-YYYYMMDD-HHMMSS.sqlite3).")
        parser.add_argument("--target", help="Restore into this SQLite file instead of the configured database.")
        parser.add_argument("--media", help="Also unpack this media-….tar.gz into MEDIA_ROOT.")
        parser.add_argument("--database", default="default", help="Database alias (default: default).")
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive", help="Do not ask for confirmation."
        )

    def handle(self, *args, file, target=None, media=None, database="default", interactive=True, **options):
        path = Path(file)
        check_backup(path)
        if target:
            destination = sqlite3.connect(target)
            where = target
        else:
            connection = connections[database]
            if connection.vendor != "sqlite":
                raise CommandError(
                    "The configured database is not SQLite: restore a PostgreSQL dump with pg_restore (see the README)."
                )
            where = str(connection.settings_dict["NAME"])
            destination = None
        if interactive:
            answer = input(f"This replaces everything in {where} with {path}. Type 'yes' to continue: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        if destination is not None:
            try:
                copy_into(path, destination)
            finally:
                destination.close()
        else:
            connection.close()
            connection.ensure_connection()
            copy_into(path, connection.connection)
        self.stdout.write(self.style.SUCCESS(f"Restored {where} from {path}"))
        if media:
            self._restore_media(Path(media))

    def _restore_media(self, archive_path: Path) -> None:
        root = Path(settings.MEDIA_ROOT)
        root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive_path, "r:gz") as archive:
            members = []
            for member in archive.getmembers():
                # Only regular files and folders under media/: no links, no paths leaving the folder.
                name = Path(member.name)
                if name.parts[:1] != ("media",) or ".." in name.parts or not (member.isfile() or member.isdir()):
                    raise CommandError(f"Unexpected entry in the archive: {member.name}")
                member.name = str(Path(*name.parts[1:])) if len(name.parts) > 1 else "."
                members.append(member)
            archive.extractall(root, members=members, filter="data")
        self.stdout.write(self.style.SUCCESS(f"Uploaded files restored into {root}"))
