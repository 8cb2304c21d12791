"""Backups: `manage.py backup` then `manage.py restore` into an empty database finds the same data."""

import io
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from subcommittees.models import Task
from subcommittees.services import attachment_add
from tests.factories import TaskFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def _rows(path: Path, sql: str) -> list[tuple]:
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite backup API; PostgreSQL uses pg_dump")
# A real commit: SQLite's backup waits forever on a database whose write transaction is open.
@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_an_empty_database_finds_the_same_data(
    tmp_path, congress, subcommittees, secretariat, pdf_upload, settings
):
    TaskFactory(subcommittee=subcommittees["organization"], title="Phương án trang trí hội trường")
    TaskFactory(subcommittee=subcommittees["personnel"], title="Danh sách đại biểu")
    attachment_add(
        congress=congress,
        title="Quy chế",
        upload=pdf_upload("quy-che.pdf"),
        by=secretariat,
        subcommittee=subcommittees["organization"],
    )
    out = io.StringIO()
    target = call_command("backup", output_dir=str(tmp_path / "backups"), stdout=out)
    backup = Path(target)
    assert backup.name.startswith("db-") and backup.suffix == ".sqlite3"
    media = next((tmp_path / "backups").glob("media-*.tar.gz"))

    empty = tmp_path / "restored.sqlite3"
    sqlite3.connect(empty).close()
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    call_command("restore", str(backup), target=str(empty), media=str(media), interactive=False, stdout=io.StringIO())

    expected = sorted(Task.objects.values_list("title", "subcommittee__kind"))
    restored = _rows(
        empty,
        "SELECT t.title, s.kind FROM subcommittees_task t "
        "JOIN subcommittees_subcommittee s ON s.id = t.subcommittee_id",
    )
    assert sorted(restored) == expected
    assert _rows(empty, "SELECT slug, name FROM congress_congress") == [(congress.slug, congress.name)]
    assert _rows(empty, "SELECT count(*) FROM subcommittees_historicaltask") == [(2,)]
    restored_files = list((tmp_path / "restored-media").rglob("*.pdf"))
    assert [f.read_bytes()[:5] for f in restored_files] == [b"%PDF-"]


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_bytes(b"hello")
    with pytest.raises(CommandError, match="not an SQLite backup"):
        call_command("restore", str(bogus), target=str(tmp_path / "x.sqlite3"), interactive=False)
    other = tmp_path / "other.sqlite3"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(CommandError, match="not a backup of this application"):
        call_command("restore", str(other), target=str(tmp_path / "x.sqlite3"), interactive=False)
    with pytest.raises(CommandError, match="No such file"):
        call_command("restore", str(tmp_path / "missing.sqlite3"), interactive=False)


@pytest.mark.slow
def test_backup_and_restore_commands_end_to_end(tmp_path):
    """The real commands in subprocesses on a file database, restored over it after a loss."""
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'live.sqlite3'}",
        "VAR_DIR": str(tmp_path / "var"),
        "DEBUG": "1",
        "PATH": "/usr/bin:/bin",
    }

    def manage(*args, stdin=None):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, input=stdin
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    manage("migrate", "--noinput", "-v0")
    manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.core.management import call_command; from congress.models import Congress; "
        "from tests.factories import CongressFactory; CongressFactory(slug='ba-dinh', name='Đại hội Ba Đình'); "
        "call_command('backup', no_media=True); Congress.objects.all().delete()",
    )
    backup = next((tmp_path / "var" / "backups").glob("db-*.sqlite3"))
    manage("restore", str(backup), "--noinput")
    out = manage(
        "shell",
        "--no-imports",
        "-c",
        "from congress.models import Congress; print(list(Congress.objects.values_list('slug', 'name')))",
    )
    assert out.strip().splitlines()[-1] == "[('ba-dinh', 'Đại hội Ba Đình')]"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump for PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_backup_on_postgresql_writes_a_pg_dump_archive(tmp_path, congress):
    target = Path(call_command("backup", output_dir=str(tmp_path), no_media=True, stdout=io.StringIO()))
    assert target.suffix == ".dump"
    assert target.read_bytes()[:5] == b"PGDMP"
    listing = subprocess.run(["pg_restore", "--list", str(target)], capture_output=True, text=True, check=True)
    assert "congress_congress" in listing.stdout
