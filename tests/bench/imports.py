"""Import of a members list (.xlsx): our importer against django-import-export, same file, same database.

django-import-export is the yardstick (what a Django team would reach for); it is a dev-only
dependency (requirements-test.txt), configured as its documentation shows: a ModelResource with
the sheet's Vietnamese column names, widgets for dates, choices and the organization code, card
numbers as the import id. Each import runs into a fresh congress inside a transaction that is rolled
back afterwards, so the benchmark database is left as it was.
"""

from __future__ import annotations

import datetime
import io
import random
import time

from django.db import transaction
from django.utils import timezone

from congress.models import Congress, OrganizationKind, PartyOrganization
from congress.names import synthetic_name
from personnel.imports import MEMBER_COLUMNS, QUALIFICATION_VI, STATUS_VI, THEORY_VI, import_members
from personnel.models import Person

ORGANIZATIONS = 56


class _Rollback(Exception):
    pass


def members_xlsx(rows: int, *, seed: int = 20_000) -> bytes:
    """A members list as the secretariat gets it: the template's columns, dates written dd/mm/yyyy."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Danh sách")
    sheet.append([c.label for c in MEMBER_COLUMNS])
    qualifications, theories = list(QUALIFICATION_VI.values()), list(THEORY_VI.values())
    for n in range(1, rows + 1):
        female = rng.random() < 0.45
        born = datetime.date(rng.randint(1945, 1998), rng.randint(1, 12), rng.randint(1, 28))
        joined = datetime.date(min(born.year + rng.randint(19, 40), 2018), rng.randint(1, 12), rng.randint(1, 28))
        sheet.append(
            [
                f"99.{n:06d}",
                synthetic_name(rng, female=female),
                "Nữ" if female else "Nam",
                born.strftime("%d/%m/%Y"),
                "Kinh",
                "Hà Nội",
                "12/12",
                rng.choice(qualifications),
                rng.choice(theories),
                joined.strftime("%d/%m/%Y"),
                (joined + datetime.timedelta(days=365)).strftime("%d/%m/%Y"),
                "Đảng viên",
                f"CS{rng.randint(1, ORGANIZATIONS):02d}",
                "Khối phường",
                STATUS_VI["official"],
                "",
                "",
                "Không",
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _target_congress(slug: str) -> Congress:
    today = timezone.localdate()
    congress = Congress.objects.create(
        slug=slug,
        name=f"Import target {slug}",
        organizing_committee="Quận ủy (import)",
        ordinal=26,
        term_start=2020,
        term_end=2025,
        cutoff_date=today + datetime.timedelta(days=90),
        executive_committee_size=45,
        standing_committee_size=13,
    )
    root = PartyOrganization.objects.create(congress=congress, name="Đảng bộ quận", code="QU", kind="committee")
    PartyOrganization.objects.bulk_create(
        PartyOrganization(
            congress=congress,
            parent=root,
            name=f"Đảng bộ phường số {i}",
            code=f"CS{i:02d}",
            kind=OrganizationKind.GRASSROOTS_COMMITTEE,
            name_folded=f"dang bo phuong so {i}",
        )
        for i in range(1, ORGANIZATIONS + 1)
    )
    return congress


def _timed(run, slug: str, data: bytes, expected: int) -> tuple[float, float]:
    """Seconds for `run(congress, data)`, wall clock and this process's CPU (SQLite runs in it: on a
    busy machine the CPU time says what an idle one would take); checks every row arrived, then
    rolls everything back."""
    seconds = cpu = 0.0
    try:
        with transaction.atomic():
            congress = _target_congress(slug)
            start, cpu_start = time.perf_counter(), time.process_time()
            run(congress, data)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
            imported = Person.objects.filter(congress=congress).count()
            if imported != expected:
                raise AssertionError(f"{slug}: {imported} members imported, {expected} expected")
            raise _Rollback
    except _Rollback:
        pass
    return seconds, cpu


def ours(congress: Congress, data: bytes) -> None:
    outcome = import_members(congress=congress, data=data)
    if not outcome.ok:
        raise AssertionError(f"our importer refused the file: {outcome.file_error or outcome.errors[:3]}")


def import_export_resource(congress: Congress):
    from import_export import fields, resources, widgets

    def mapping(table: dict) -> widgets.Widget:
        class MapWidget(widgets.Widget):
            def clean(self, value, row=None, **kwargs):
                return table.get(value, value)

        return MapWidget()

    class OrganizationWidget(widgets.ForeignKeyWidget):
        def get_queryset(self, value, row, *args, **kwargs):
            return PartyOrganization.objects.filter(congress=congress)

    def invert(table: dict) -> dict:
        return {label: str(value) for value, label in table.items()}

    date = widgets.DateWidget(format="%d/%m/%Y")
    labels = {c.key: c.label for c in MEMBER_COLUMNS}

    class MemberResource(resources.ModelResource):
        member_number = fields.Field(attribute="member_number", column_name=labels["member_number"])
        full_name = fields.Field(attribute="full_name", column_name=labels["full_name"])
        gender = fields.Field(
            attribute="gender", column_name=labels["gender"], widget=mapping({"Nam": "male", "Nữ": "female"})
        )
        birth_date = fields.Field(attribute="birth_date", column_name=labels["birth"], widget=date)
        ethnicity = fields.Field(attribute="ethnicity", column_name=labels["ethnicity"])
        hometown = fields.Field(attribute="hometown", column_name=labels["hometown"])
        general_education = fields.Field(attribute="general_education", column_name=labels["general_education"])
        qualification = fields.Field(
            attribute="qualification", column_name=labels["qualification"], widget=mapping(invert(QUALIFICATION_VI))
        )
        theory_level = fields.Field(
            attribute="theory_level", column_name=labels["theory_level"], widget=mapping(invert(THEORY_VI))
        )
        joined_on = fields.Field(attribute="joined_on", column_name=labels["joined_on"], widget=date)
        official_on = fields.Field(attribute="official_on", column_name=labels["official_on"], widget=date)
        position = fields.Field(attribute="position", column_name=labels["position"])
        organization = fields.Field(
            attribute="organization",
            column_name=labels["organization"],
            widget=OrganizationWidget(PartyOrganization, field="code"),
        )
        sector = fields.Field(attribute="sector", column_name=labels["sector"])
        status = fields.Field(attribute="status", column_name=labels["status"], widget=mapping(invert(STATUS_VI)))
        is_executive_member = fields.Field(
            attribute="is_executive_member",
            column_name=labels["is_executive_member"],
            widget=mapping({"Có": True, "Không": False}),
        )

        class Meta:
            model = Person
            import_id_fields = ["member_number"]
            fields = [
                "member_number",
                "full_name",
                "gender",
                "birth_date",
                "ethnicity",
                "hometown",
                "general_education",
                "qualification",
                "theory_level",
                "joined_on",
                "official_on",
                "position",
                "organization",
                "sector",
                "status",
                "is_executive_member",
            ]

        def get_queryset(self):
            return Person.objects.filter(congress=congress)

        def before_save_instance(self, instance, row, **kwargs):
            instance.congress = congress

    return MemberResource()


def theirs(congress: Congress, data: bytes) -> None:
    import tablib

    dataset = tablib.Dataset().load(data, format="xlsx")
    result = import_export_resource(congress).import_data(dataset, dry_run=False, raise_errors=True)
    if result.has_errors() or result.has_validation_errors():
        raise AssertionError("django-import-export refused the file")


def measure_imports(rows: int, *, yardstick: bool = True) -> dict:
    data = members_xlsx(rows)
    result = {"rows": rows, "file_bytes": len(data)}
    seconds, cpu = _timed(ours, "bench-import-ours", data, rows)
    result["ours_seconds"] = round(seconds, 2)
    result["ours_cpu_seconds"] = round(cpu, 2)
    result["ours_rows_per_s"] = round(rows / seconds)
    if yardstick:
        try:
            import import_export  # noqa: F401
        except ImportError:
            result["import_export"] = "not installed (pip install -r requirements-test.txt)"
            return result
        seconds, cpu = _timed(theirs, "bench-import-ie", data, rows)
        result["import_export_seconds"] = round(seconds, 2)
        result["import_export_cpu_seconds"] = round(cpu, 2)
        result["import_export_rows_per_s"] = round(rows / seconds)
        result["ratio"] = round(result["ours_rows_per_s"] / result["import_export_rows_per_s"], 1)
    return result
