"""Fast bulk inserts for the benchmark data: explicit ids, raw multi-row INSERTs, no model instances.

Building 450,000 model instances and letting the ORM insert them takes minutes; writing tuples
with `executemany` (SQLite) or `execute_values` (PostgreSQL) takes seconds. Ids are assigned here,
so foreign keys can be wired without reading anything back. History rows are not written: no page
that is measured reads them.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.management.color import no_style
from django.db import connection, models
from django.utils import timezone

BATCH = 5000
# Field types whose Python values the database drivers do not take as they are.
_PREPARED = (models.DateTimeField, models.DateField, models.TimeField, models.JSONField, models.DecimalField)


class Inserter:
    """Hands out ids per model and inserts rows given as {attname: value} dicts."""

    def __init__(self) -> None:
        self._next: dict[type[models.Model], int] = {}
        self._touched: set[type[models.Model]] = set()
        self._plans: dict[type[models.Model], tuple] = {}
        self.now = timezone.now()
        self.rows_written = 0

    def ids(self, model: type[models.Model], count: int) -> range:
        if model not in self._next:
            with connection.cursor() as cursor:
                table = connection.ops.quote_name(model._meta.db_table)
                cursor.execute(f"SELECT MAX(id) FROM {table}")  # noqa: S608 (a table name from model meta)
                self._next[model] = (cursor.fetchone()[0] or 0) + 1
        start = self._next[model]
        self._next[model] = start + count
        return range(start, start + count)

    def _plan(self, model: type[models.Model]) -> tuple:
        if model not in self._plans:
            fields = list(model._meta.local_concrete_fields)
            defaults = []
            for f in fields:
                if f.primary_key:
                    defaults.append(_REQUIRED)
                elif f.has_default():
                    defaults.append(f.get_default())
                elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                    defaults.append(self.now)
                elif f.null:
                    defaults.append(None)
                elif f.empty_strings_allowed and not isinstance(f, _PREPARED):
                    defaults.append("")
                else:
                    defaults.append(_REQUIRED)
            prepare = [isinstance(f, _PREPARED) for f in fields]
            quote = connection.ops.quote_name
            sql_columns = ", ".join(quote(f.column) for f in fields)
            self._plans[model] = (fields, defaults, prepare, quote(model._meta.db_table), sql_columns)
        return self._plans[model]

    def insert(self, model: type[models.Model], rows: Iterable[dict]) -> int:
        fields, defaults, prepare, table, columns = self._plan(model)
        batch: list[tuple] = []
        written = 0
        for row in rows:
            values = []
            for field, default, prep in zip(fields, defaults, prepare, strict=True):
                value = row.get(field.attname, default)
                if value is _REQUIRED:
                    raise ValueError(f"{model.__name__}.{field.attname} needs a value")
                if prep and value is not None:
                    value = field.get_db_prep_save(value, connection)
                values.append(value)
            batch.append(tuple(values))
            if len(batch) >= BATCH:
                self._write(table, columns, len(fields), batch)
                written += len(batch)
                batch = []
        if batch:
            self._write(table, columns, len(fields), batch)
            written += len(batch)
        self._touched.add(model)
        self.rows_written += written
        return written

    def _write(self, table: str, columns: str, width: int, batch: list[tuple]) -> None:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                from psycopg2.extras import execute_values

                execute_values(cursor.cursor, f"INSERT INTO {table} ({columns}) VALUES %s", batch, page_size=1000)
            else:
                marks = ", ".join(["%s"] * width)
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", batch)  # noqa: S608

    def link(self, through: type[models.Model], left: str, right: str, pairs: Iterable[tuple[int, int]]) -> int:
        """Rows of a many-to-many table (ids assigned here too)."""
        pairs = list(pairs)
        ids = self.ids(through, len(pairs))
        return self.insert(
            through, ({"id": pk, f"{left}_id": a, f"{right}_id": b} for pk, (a, b) in zip(ids, pairs, strict=True))
        )

    def finish(self) -> None:
        """Move PostgreSQL's sequences past the ids written here."""
        if connection.vendor == "postgresql" and self._touched:
            statements = connection.ops.sequence_reset_sql(no_style(), list(self._touched))
            with connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)
        self._touched.clear()


class _Required:
    def __repr__(self) -> str:
        return "<required>"


_REQUIRED = _Required()


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)
