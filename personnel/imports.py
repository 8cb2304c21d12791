"""Excel (.xlsx) import and export of party members and delegate lists.

An import is all or nothing: every row is read and checked first; if any row is wrong nothing is
saved and the user gets each error with its row number, column and message. Good files are written
with bulk inserts in batches (with their history rows), so 20,000 members take seconds.
"""

from __future__ import annotations

import datetime
import functools
import io
import re
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from congress.models import Congress, PartyOrganization
from congress.vietnamese import fold
from personnel.models import (
    Delegate,
    DelegateKind,
    Gender,
    ImportJob,
    ImportKind,
    ImportStatus,
    MemberStatus,
    Person,
    Qualification,
    SeatAllocation,
    TheoryLevel,
)
from personnel.services import (
    grassroots_of,
    lock_congress,
    not_summoned_for,
    person_derived_columns,
    person_rule_errors,
)

BATCH_SIZE = 1000
MAX_ROWS = 100_000
MAX_ERRORS = 1000
PROGRESS_EVERY = 500
IN_CHUNK = 900  # SQLite's older parameter limit is 999


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # the header in the template (Vietnamese, as the secretariat's lists are)
    required: bool = False
    aliases: tuple[str, ...] = ()  # other accepted headers (English, short forms)
    example: str = ""
    note: str = ""


MEMBER_COLUMNS = [
    Column("member_number", "Số thẻ đảng viên", True, ("so the", "so the dang", "party card number", "card number"), "01.234567"),  # noqa: E501
    Column("full_name", "Họ và tên", True, ("ho ten", "full name", "name"), "Nguyễn Thị Thu Hà"),
    Column("gender", "Giới tính", True, ("gender", "sex"), "Nữ", "Nam / Nữ"),
    Column("birth", "Ngày sinh", True, ("nam sinh", "date of birth", "birth date", "year of birth"), "12/05/1975", "dd/mm/yyyy hoặc chỉ năm (1975)"),  # noqa: E501
    Column("ethnicity", "Dân tộc", False, ("ethnicity",), "Kinh"),
    Column("hometown", "Quê quán", False, ("hometown",), "Hà Nội"),
    Column("general_education", "Giáo dục phổ thông", False, ("gdpt", "general education"), "12/12"),
    Column("qualification", "Trình độ chuyên môn", False, ("chuyen mon", "professional qualification", "qualification"), "Thạc sĩ", "Tiến sĩ / Thạc sĩ / Đại học / Cao đẳng / Trung cấp / Không"),  # noqa: E501
    Column("theory_level", "Lý luận chính trị", False, ("llct", "political theory", "political theory level"), "Cao cấp", "Cao cấp / Trung cấp / Sơ cấp / Không"),  # noqa: E501
    Column("joined_on", "Ngày vào Đảng", False, ("joined the party", "joined on", "date of joining"), "03/02/2000", "dd/mm/yyyy"),  # noqa: E501
    Column("official_on", "Ngày chính thức", False, ("official on", "official member since"), "03/02/2001", "dd/mm/yyyy"),  # noqa: E501
    Column("position", "Chức vụ", False, ("position",), "Phó Chủ tịch UBND phường"),
    Column("organization", "Tổ chức đảng", True, ("chi bo", "dang bo", "party organization", "organization"), "CS01", "Mã hoặc tên tổ chức đảng"),  # noqa: E501
    Column("sector", "Ngành, khối", False, ("nganh", "khoi", "sector"), "Khối phường"),
    Column("status", "Tình trạng", False, ("status",), "Chính thức", "Chính thức / Dự bị / Đình chỉ sinh hoạt / Bị khởi tố / Nghỉ hưu / Chuyển sinh hoạt"),  # noqa: E501
    Column("phone", "Điện thoại", False, ("phone",), "0912345678"),
    Column("email", "Email", False, ("e-mail", "thu dien tu"), ""),
    Column("is_executive_member", "Ủy viên BCH khóa trước", False, ("uy vien bch", "executive committee member"), "Không", "Có / Không"),  # noqa: E501
]  # fmt: skip

DELEGATE_COLUMNS = [
    Column("member_number", "Số thẻ đảng viên", True, ("so the", "party card number", "card number"), "01.234567"),
    Column("full_name", "Họ và tên", False, ("ho ten", "full name", "name"), "Nguyễn Thị Thu Hà", "Để đối chiếu"),
    Column("kind", "Loại đại biểu", False, ("kind", "delegate kind"), "Bầu", "Đương nhiên / Bầu / Chỉ định"),
    Column("organization", "Đoàn đại biểu", False, ("to chuc dang", "delegation", "organization"), "CS01", "Mã hoặc tên đảng bộ, chi bộ cơ sở"),  # noqa: E501
    Column("number", "Số đại biểu", False, ("so", "delegate number", "number"), "", "Để trống: đánh số tiếp theo"),
    Column("is_alternate", "Dự khuyết", False, ("alternate",), "Không", "Có / Không"),
    Column("alternate_rank", "Thứ tự dự khuyết", False, ("alternate rank",), ""),
]  # fmt: skip

COLUMNS = {ImportKind.MEMBERS: MEMBER_COLUMNS, ImportKind.DELEGATES: DELEGATE_COLUMNS}

# Accepted spellings (folded) of the choice columns, Vietnamese first, then English and the stored values.
GENDERS = {"nam": Gender.MALE, "male": Gender.MALE, "m": Gender.MALE, "nu": Gender.FEMALE, "female": Gender.FEMALE,
           "f": Gender.FEMALE}  # fmt: skip
QUALIFICATIONS = {
    "tien si": Qualification.DOCTORATE, "ts": Qualification.DOCTORATE, "tien si khoa hoc": Qualification.DOCTORATE,
    "doctorate": Qualification.DOCTORATE, "phd": Qualification.DOCTORATE,
    "thac si": Qualification.MASTER, "ths": Qualification.MASTER, "master": Qualification.MASTER,
    "master's degree": Qualification.MASTER,
    "dai hoc": Qualification.BACHELOR, "cu nhan": Qualification.BACHELOR, "ky su": Qualification.BACHELOR,
    "bac si": Qualification.BACHELOR, "bachelor": Qualification.BACHELOR, "bachelor's degree": Qualification.BACHELOR,
    "cao dang": Qualification.COLLEGE, "college": Qualification.COLLEGE,
    "trung cap": Qualification.VOCATIONAL, "so cap": Qualification.VOCATIONAL, "vocational": Qualification.VOCATIONAL,
    "vocational / intermediate": Qualification.VOCATIONAL,
    "khong": Qualification.NONE, "chua qua dao tao": Qualification.NONE, "none": Qualification.NONE,
}  # fmt: skip
THEORY_LEVELS = {
    "cao cap": TheoryLevel.SENIOR, "cu nhan": TheoryLevel.SENIOR, "cu nhan chinh tri": TheoryLevel.SENIOR,
    "senior": TheoryLevel.SENIOR,
    "trung cap": TheoryLevel.INTERMEDIATE, "intermediate": TheoryLevel.INTERMEDIATE,
    "so cap": TheoryLevel.ELEMENTARY, "elementary": TheoryLevel.ELEMENTARY,
    "khong": TheoryLevel.NONE, "none": TheoryLevel.NONE,
}  # fmt: skip
STATUSES = {
    "chinh thuc": MemberStatus.OFFICIAL, "dang vien chinh thuc": MemberStatus.OFFICIAL,
    "official": MemberStatus.OFFICIAL, "official member": MemberStatus.OFFICIAL,
    "du bi": MemberStatus.PROBATIONARY, "dang vien du bi": MemberStatus.PROBATIONARY,
    "probationary": MemberStatus.PROBATIONARY, "probationary member": MemberStatus.PROBATIONARY,
    "dinh chi sinh hoat": MemberStatus.SUSPENDED, "dinh chi": MemberStatus.SUSPENDED,
    "suspended": MemberStatus.SUSPENDED,
    "bi khoi to": MemberStatus.CHARGED, "khoi to": MemberStatus.CHARGED, "bi truy to": MemberStatus.CHARGED,
    "charged": MemberStatus.CHARGED, "charged or indicted": MemberStatus.CHARGED,
    "nghi huu": MemberStatus.RETIRED, "retired": MemberStatus.RETIRED,
    "chuyen sinh hoat": MemberStatus.TRANSFERRED, "chuyen cong tac": MemberStatus.TRANSFERRED,
    "transferred": MemberStatus.TRANSFERRED,
}  # fmt: skip
KINDS = {
    "duong nhien": DelegateKind.EX_OFFICIO, "dai bieu duong nhien": DelegateKind.EX_OFFICIO,
    "ex-officio": DelegateKind.EX_OFFICIO, "ex_officio": DelegateKind.EX_OFFICIO,
    "bau": DelegateKind.ELECTED, "duoc bau": DelegateKind.ELECTED, "dai bieu bau": DelegateKind.ELECTED,
    "elected": DelegateKind.ELECTED,
    "chi dinh": DelegateKind.APPOINTED, "dai bieu chi dinh": DelegateKind.APPOINTED, "appointed": DelegateKind.APPOINTED,  # noqa: E501
}  # fmt: skip
YES = {"co", "x", "yes", "y", "1", "true", "dung"}
NO = {"khong", "", "no", "n", "0", "false"}


_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


class FileError(Exception):
    """The file as a whole cannot be imported (not a workbook, wrong columns, empty)."""


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class Outcome:
    total: int = 0
    imported: int = 0
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    file_error: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_error


class Rows:
    """Collects row errors; stops storing after MAX_ERRORS but keeps counting."""

    def __init__(self, outcome: Outcome):
        self.outcome = outcome

    def error(self, row: int, column: Column | None, message: str) -> None:
        self.outcome.error_count += 1
        if len(self.outcome.errors) < MAX_ERRORS:
            self.outcome.errors.append(RowError(row, column.label if column else "", message))


# --- reading cells


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _parse_date(value, *, year_only: bool = False) -> tuple[datetime.date | None, int | None]:
    """(date, year) from a cell: a date, dd/mm/yyyy text, or (when allowed) a year alone."""
    if value is None or value == "":
        return None, None
    if isinstance(value, datetime.datetime):
        return value.date(), value.year
    if isinstance(value, datetime.date):
        return value, value.year
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = int(value)
        if year_only and 1800 <= number <= 2200 and number == value:
            return None, number
        if 1 <= number < 80_000:
            from openpyxl.utils.datetime import from_excel

            day = from_excel(value)
            day = day.date() if isinstance(day, datetime.datetime) else day
            return day, day.year
        raise ValueError
    text = _text(value)
    if year_only and text.isdigit() and len(text) == 4:
        return None, int(text)
    match = _DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        if year < 100:
            year += 2000 if year <= timezone.localdate().year % 100 else 1900
    else:
        match = _YMD.match(text)
        if not match:
            raise ValueError
        year, month, day = (int(g) for g in match.groups())
    parsed = datetime.date(year, month, day)  # ValueError for 31/02
    return parsed, parsed.year


@functools.lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    """fold() remembered: the same few values ("Nam", "Thạc sĩ", "CS01") repeat on every row."""
    return fold(text)


def _choice(value, table: dict, default=None):
    text = _fold(_text(value))
    if not text:
        return default
    if text in table:
        return table[text]
    raise KeyError(text)


def _yes_no(value) -> bool:
    if isinstance(value, bool):
        return value
    text = _fold(_text(value))
    if text in YES:
        return True
    if text in NO:
        return False
    raise KeyError(text)


def _read_dimensions(sheet) -> None:
    """openpyxl's ReadOnlyWorksheet._get_size, reading the opening tags.

    openpyxl looks for the sheet's <dimension> among closing tags, so when a sheet has none (files
    written by openpyxl's write-only mode, our own exports among them) it parses the whole sheet
    once just to find that out, before the rows are read: 1.4 s of a 20,000-row import. Same answer,
    from the first tags only."""
    from openpyxl.worksheet.dimensions import SheetDimension
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    dimension_tag, data_tag = f"{{{SHEET_MAIN_NS}}}dimension", f"{{{SHEET_MAIN_NS}}}sheetData"
    source = sheet._get_source()
    try:
        for _event, element in iterparse(source, events=("start",)):
            if element.tag == dimension_tag:
                boundaries = SheetDimension.from_tree(element).boundaries
                sheet._min_column, sheet._min_row, sheet._max_column, sheet._max_row = boundaries
                return
            if element.tag == data_tag:
                return
    finally:
        source.close()


def _open_sheet(data: bytes):
    from openpyxl import load_workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    ReadOnlyWorksheet._get_size = _read_dimensions  # see _read_dimensions
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise FileError(
            _("The file cannot be read as an Excel workbook (.xlsx): %(error)s") % {"error": error}
        ) from None
    except Exception as error:  # openpyxl raises many kinds on damaged files; none may become a 500
        raise FileError(
            _("The file cannot be read as an Excel workbook (.xlsx): %(error)s") % {"error": error}
        ) from None
    if not workbook.worksheets:
        raise FileError(_("The workbook has no sheet."))
    return workbook, workbook.worksheets[0]


def _header_map(header: Iterable, columns: list[Column]) -> dict[int, Column]:
    known: dict[str, Column] = {}
    for column in columns:
        known[fold(column.label)] = column
        known[column.key] = column
        for alias in column.aliases:
            known[fold(alias)] = column
    mapping: dict[int, Column] = {}
    unknown: list[str] = []
    seen: dict[str, int] = {}
    for index, cell in enumerate(header):
        label = _text(cell)
        if not label:
            continue
        column = known.get(fold(label).rstrip(" *:"))
        if column is None:
            unknown.append(label)
            continue
        if column.key in seen:
            raise FileError(_("The column “%(label)s” appears twice.") % {"label": column.label})
        seen[column.key] = index
        mapping[index] = column
    missing = [c.label for c in columns if c.required and c.key not in seen]
    problems = []
    if missing:
        problems.append(_("Required columns are missing: %(cols)s.") % {"cols": ", ".join(missing)})
    if unknown:
        problems.append(_("Unknown columns: %(cols)s.") % {"cols": ", ".join(unknown)})
    if problems:
        problems.append(_("Use the template's header row (download the template)."))
        raise FileError(" ".join(problems))
    return mapping


def _fast_parser_class():
    """openpyxl's own read-only sheet parser, with a quicker path for inline strings.

    openpyxl builds a rich-text object for every inline-string cell (files written by openpyxl,
    LibreOffice exports); for 20,000 rows that is most of the reading time. Plain text is all we need.
    """
    from openpyxl.utils import coordinate_to_tuple
    from openpyxl.worksheet._reader import INLINE_STRING, WorkSheetParser
    from openpyxl.xml.constants import SHEET_MAIN_NS

    text_tag = f"{{{SHEET_MAIN_NS}}}t"
    run_tag = f"{{{SHEET_MAIN_NS}}}r"

    class FastParser(WorkSheetParser):
        def parse_cell(self, element):
            if element.get("t") != "inlineStr":
                return super().parse_cell(element)
            coordinate = element.get("r")
            if coordinate:
                row, column = coordinate_to_tuple(coordinate)
                self.col_counter = column
            else:
                self.col_counter += 1
                row, column = self.row_counter, self.col_counter
            child = element.find(INLINE_STRING)
            value = None
            if child is not None:
                parts = [t.text or "" for t in child.findall(text_tag)]
                parts += [t.text or "" for r in child.findall(run_tag) for t in r.findall(text_tag)]
                value = "".join(parts)
            return {"row": row, "column": column, "value": value, "data_type": "s", "style_id": 0}

    return FastParser


def _sheet_rows(sheet):
    """(Excel row number, values) of every row of a read-only sheet."""
    try:
        parser = _fast_parser_class()(
            sheet._get_source(),
            sheet._shared_strings,
            data_only=True,
            epoch=sheet.parent.epoch,
            date_formats=sheet.parent._date_formats,
            timedelta_formats=sheet.parent._timedelta_formats,
        )
    except (AttributeError, ImportError, TypeError):  # another openpyxl version: the public, slower path
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, values
        return
    try:
        for number, cells in parser.parse():
            width = max((c["column"] for c in cells), default=0)
            values = [None] * width
            for cell in cells:
                values[cell["column"] - 1] = cell["value"]
            yield number, values
    finally:
        parser.source.close()


def read_rows(data: bytes, columns: list[Column], progress: Callable[[int, int], None] | None = None):
    """Yield (row number, {key: raw value}) for each non-empty data row; raise FileError for a bad file."""
    workbook, sheet = _open_sheet(data)
    try:
        rows = _sheet_rows(sheet)
        first = next(rows, None)
        if first is None or not any(_text(c) for c in first[1]):
            raise FileError(_("The first sheet is empty: the first row must hold the column headers."))
        mapping = _header_map(first[1], columns)
        expected = max(0, (sheet.max_row or 0) - first[0])
        count = 0
        for number, values in rows:
            if not any(v is not None and _text(v) != "" for v in values):
                continue
            count += 1
            if count > MAX_ROWS:
                raise FileError(_("The file has more than %(max)s rows; split it.") % {"max": MAX_ROWS})
            record = {column.key: (values[index] if index < len(values) else None) for index, column in mapping.items()}
            if progress and count % PROGRESS_EVERY == 0:
                progress(count, max(expected, count))
            yield number, record
    except FileError:
        raise
    except Exception as error:  # a damaged sheet must give a message, never a 500
        raise FileError(
            _("The file cannot be read as an Excel workbook (.xlsx): %(error)s") % {"error": error}
        ) from None
    finally:
        workbook.close()


# --- organizations


class OrganizationIndex:
    """Find an organization by its code or its name (accents optional)."""

    def __init__(self, congress: Congress):
        self.all = {o.pk: o for o in PartyOrganization.objects.filter(congress=congress)}
        self.by_code = {fold(o.code): o for o in self.all.values() if o.code}
        self.by_name: dict[str, list[PartyOrganization]] = {}
        for o in self.all.values():
            self.by_name.setdefault(fold(o.name), []).append(o)

    def find(self, value) -> PartyOrganization | None:
        text = _fold(_text(value))
        if not text:
            return None
        if text in self.by_code:
            return self.by_code[text]
        matches = self.by_name.get(text, [])
        return matches[0] if len(matches) == 1 else None

    def ambiguous(self, value) -> bool:
        return len(self.by_name.get(fold(_text(value)), [])) > 1


def _bulk_create_with_history(objs: list, model, by=None) -> None:
    """bulk_create, then one history row per object copied in SQL (INSERT … SELECT, by chunks of ids).

    simple_history's bulk helper builds a Python object per history row; copying in the database
    is several times faster and writes the same rows ("+", now, the uploader).
    """
    model.objects.bulk_create(objs, batch_size=BATCH_SIZE)
    pks = [o.pk for o in objs]
    if any(pk is None for pk in pks):  # a database that does not return ids: the library's way
        model.history.bulk_history_create(objs, batch_size=BATCH_SIZE, default_user=by)
        return
    history = model.history.model
    quote = connection.ops.quote_name
    columns = [f.column for f in model._meta.concrete_fields]
    target = ", ".join(
        quote(c) for c in columns + ["history_date", "history_change_reason", "history_type", "history_user_id"]
    )
    source = ", ".join(quote(c) for c in columns)
    now = timezone.now()
    user_id = getattr(by, "pk", None)
    with connection.cursor() as cursor:
        for chunk in _chunks(pks):
            placeholders = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {quote(history._meta.db_table)} ({target}) "  # noqa: S608 (names from model meta)
                f"SELECT {source}, %s, NULL, '+', %s FROM {quote(model._meta.db_table)} WHERE id IN ({placeholders})",
                [now, user_id, *chunk],
            )


def _chunks(items: list, size: int = IN_CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- members


def validate_members(
    congress: Congress, data: bytes, progress: Callable[[int, int], None] | None = None
) -> tuple[Outcome, list[Person]]:
    outcome = Outcome()
    rows = Rows(outcome)
    columns = {c.key: c for c in MEMBER_COLUMNS}
    organizations = OrganizationIndex(congress)
    today = timezone.localdate()
    people: list[Person] = []
    numbers_in_file: dict[str, int] = {}
    numbers_rows: list[tuple[int, str]] = []
    try:
        records = list(read_rows(data, MEMBER_COLUMNS, progress))
    except FileError as error:
        outcome.file_error = str(error)
        return outcome, []
    outcome.total = len(records)
    if not records:
        outcome.file_error = _("The file has a header row but no data rows.")
        return outcome, []
    for number, record in records:
        row_ok = True

        def bad(key: str, message: str, number=number) -> None:
            nonlocal row_ok
            row_ok = False
            rows.error(number, columns[key], message)

        for column in MEMBER_COLUMNS:
            if column.required and _text(record.get(column.key)) == "":
                bad(column.key, _("This column must be filled in."))
        member_number = _text(record.get("member_number"))
        if member_number:
            if len(member_number) > 30:
                bad("member_number", _("The card number is longer than 30 characters."))
            elif member_number in numbers_in_file:
                bad(
                    "member_number",
                    _("The card number %(n)s is also on row %(row)s.")
                    % {"n": member_number, "row": numbers_in_file[member_number]},
                )
            else:
                numbers_in_file[member_number] = number
                numbers_rows.append((number, member_number))
        full_name = _text(record.get("full_name"))
        if len(full_name) > 150:
            bad("full_name", _("The name is longer than 150 characters."))
        gender = None
        try:
            gender = _choice(record.get("gender"), GENDERS)
        except KeyError:
            bad("gender", _("“%(v)s” is not a gender: write Nam or Nữ.") % {"v": _text(record.get("gender"))})
        birth_date = birth_year = None
        try:
            birth_date, birth_year = _parse_date(record.get("birth"), year_only=True)
        except (ValueError, OverflowError):
            bad("birth", _("“%(v)s” is not a date (dd/mm/yyyy) or a year.") % {"v": _text(record.get("birth"))})
        dates = {}
        for key in ("joined_on", "official_on"):
            try:
                dates[key] = _parse_date(record.get(key))[0]
            except (ValueError, OverflowError):
                dates[key] = None
                bad(key, _("“%(v)s” is not a date (dd/mm/yyyy).") % {"v": _text(record.get(key))})
        choices = {}
        for key, table, default, hint in (
            ("qualification", QUALIFICATIONS, Qualification.NONE, columns["qualification"].note),
            ("theory_level", THEORY_LEVELS, TheoryLevel.NONE, columns["theory_level"].note),
            ("status", STATUSES, MemberStatus.OFFICIAL, columns["status"].note),
        ):
            try:
                choices[key] = _choice(record.get(key), table, default)
            except KeyError:
                choices[key] = default
                bad(key, _("“%(v)s” is not one of: %(allowed)s.") % {"v": _text(record.get(key)), "allowed": hint})
        try:
            is_executive = _yes_no(record.get("is_executive_member"))
        except KeyError:
            is_executive = False
            bad("is_executive_member", _("Write Có or Không."))
        organization = organizations.find(record.get("organization"))
        if organization is None and _text(record.get("organization")):
            if organizations.ambiguous(record.get("organization")):
                bad("organization", _("Several organizations have this name; use the code."))
            else:
                bad(
                    "organization",
                    _("Unknown party organization “%(v)s”: use a code or name from the Organizations page.")
                    % {"v": _text(record.get("organization"))},
                )
        email = _text(record.get("email"))
        if email and ("@" not in email or " " in email or len(email) > 254):
            bad("email", _("“%(v)s” is not an email address.") % {"v": email})
        if birth_year is not None or birth_date is not None:
            date_errors = person_rule_errors(
                birth_date=birth_date,
                birth_year=birth_year,
                joined_on=dates.get("joined_on"),
                official_on=dates.get("official_on"),
                status=choices["status"],
                today=today,
            )
            field_to_column = {
                "birth_date": "birth",
                "birth_year": "birth",
                "joined_on": "joined_on",
                "official_on": "official_on",
                "status": "status",
            }
            for key, message in date_errors.items():
                bad(field_to_column[key], str(message))
        if not row_ok:
            continue
        name_key, name_folded = person_derived_columns(full_name)
        people.append(
            Person(
                congress=congress,
                member_number=member_number,
                full_name=full_name,
                gender=gender,
                birth_date=birth_date,
                birth_year=birth_date.year if birth_date else birth_year,
                ethnicity=_text(record.get("ethnicity"))[:50] or "Kinh",
                hometown=_text(record.get("hometown"))[:255],
                general_education=_text(record.get("general_education"))[:10],
                qualification=choices["qualification"],
                theory_level=choices["theory_level"],
                joined_on=dates.get("joined_on"),
                official_on=dates.get("official_on"),
                position=_text(record.get("position"))[:255],
                organization=organization,
                sector=(_text(record.get("sector")) or organization.sector)[:100],
                status=choices["status"],
                phone=_text(record.get("phone"))[:30],
                email=email,
                is_executive_member=is_executive,
                name_key=name_key,
                name_folded=name_folded,
            )
        )
    # Card numbers already on record.
    numbers = [n for _row, n in numbers_rows]
    existing: set[str] = set()
    for chunk in _chunks(numbers):
        existing.update(
            Person.objects.filter(congress=congress, member_number__in=chunk).values_list("member_number", flat=True)
        )
    for row, n in numbers_rows:
        if n in existing:
            rows.error(
                row,
                columns["member_number"],
                _("A party member with the card number %(n)s is already on record.") % {"n": n},
            )
    return outcome, people


def import_members(
    *, congress: Congress, data: bytes, by=None, progress: Callable[[int, int], None] | None = None
) -> Outcome:
    outcome, people = validate_members(congress, data, progress)
    if not outcome.ok:
        return outcome
    try:
        with transaction.atomic():
            _bulk_create_with_history(people, Person, by)
    except IntegrityError:
        # Someone saved the same card number meanwhile: the database refused, nothing was kept.
        outcome.file_error = _("Another user saved some of these card numbers meanwhile; nothing was imported.")
        return outcome
    outcome.imported = len(people)
    return outcome


# --- delegates


def validate_delegates(
    congress: Congress, data: bytes, progress: Callable[[int, int], None] | None = None
) -> tuple[Outcome, list[Delegate]]:
    outcome = Outcome()
    rows = Rows(outcome)
    columns = {c.key: c for c in DELEGATE_COLUMNS}
    try:
        records = list(read_rows(data, DELEGATE_COLUMNS, progress))
    except FileError as error:
        outcome.file_error = str(error)
        return outcome, []
    outcome.total = len(records)
    if not records:
        outcome.file_error = _("The file has a header row but no data rows.")
        return outcome, []
    organizations = OrganizationIndex(congress)
    numbers = list({_text(r.get("member_number")) for _n, r in records if _text(r.get("member_number"))})
    people: dict[str, Person] = {}
    for chunk in _chunks(numbers):
        for person in Person.objects.filter(congress=congress, member_number__in=chunk):
            people[person.member_number] = person
    delegate_people = set(Delegate.objects.filter(congress=congress).values_list("person_id", flat=True))
    taken_numbers = set(
        Delegate.objects.filter(congress=congress, number__isnull=False).values_list("number", flat=True)
    )
    seen_people: dict[int, int] = {}
    seen_numbers: dict[int, int] = {}
    delegates: list[Delegate] = []
    for number, record in records:
        row_ok = True

        def bad(key: str, message: str, number=number) -> None:
            nonlocal row_ok
            row_ok = False
            rows.error(number, columns[key], message)

        member_number = _text(record.get("member_number"))
        person = people.get(member_number)
        if not member_number:
            bad("member_number", _("This column must be filled in."))
        elif person is None:
            bad(
                "member_number",
                _("No party member with the card number %(n)s; import the member first.") % {"n": member_number},
            )
        else:
            name = _text(record.get("full_name"))
            if name and fold(name) != person.name_folded:
                bad(
                    "full_name",
                    _("The card number %(n)s belongs to %(name)s, not to “%(given)s”.")
                    % {"n": member_number, "name": person.full_name, "given": name},
                )
            if person.status == MemberStatus.PROBATIONARY:
                bad(
                    "member_number",
                    _("%(name)s is a probationary member; probationary members cannot be delegates.")
                    % {"name": person.full_name},
                )
            if person.pk in delegate_people:
                bad("member_number", _("%(name)s is already a delegate.") % {"name": person.full_name})
            elif person.pk in seen_people:
                bad(
                    "member_number",
                    _("%(name)s is also on row %(row)s.") % {"name": person.full_name, "row": seen_people[person.pk]},
                )
            else:
                seen_people[person.pk] = number
        try:
            kind = _choice(record.get("kind"), KINDS, DelegateKind.ELECTED)
        except KeyError:
            kind = DelegateKind.ELECTED
            bad(
                "kind",
                _("“%(v)s” is not one of: %(allowed)s.")
                % {"v": _text(record.get("kind")), "allowed": columns["kind"].note},
            )
        try:
            is_alternate = _yes_no(record.get("is_alternate"))
        except KeyError:
            is_alternate = False
            bad("is_alternate", _("Write Có or Không."))
        if is_alternate and kind != DelegateKind.ELECTED:
            bad("is_alternate", _("Only elected delegates have alternates."))
        if person is not None and kind == DelegateKind.EX_OFFICIO and not person.is_executive_member:
            bad("kind", _("%(name)s is not a member of the outgoing executive committee.") % {"name": person.full_name})
        delegate_number = None
        raw_number = _text(record.get("number"))
        if raw_number:
            if not raw_number.isdigit() or int(raw_number) < 1:
                bad("number", _("“%(v)s” is not a delegate number (1, 2, 3…).") % {"v": raw_number})
            else:
                delegate_number = int(raw_number)
                if delegate_number in taken_numbers:
                    bad("number", _("Another delegate already has the number %(n)s.") % {"n": delegate_number})
                elif delegate_number in seen_numbers:
                    bad(
                        "number",
                        _("The number %(n)s is also on row %(row)s.")
                        % {"n": delegate_number, "row": seen_numbers[delegate_number]},
                    )
                else:
                    seen_numbers[delegate_number] = number
        rank = None
        raw_rank = _text(record.get("alternate_rank"))
        if raw_rank:
            if not raw_rank.isdigit():
                bad("alternate_rank", _("“%(v)s” is not a rank (1, 2, 3…).") % {"v": raw_rank})
            elif not is_alternate:
                bad("alternate_rank", _("Only an alternate has an alternate rank."))
            else:
                rank = int(raw_rank)
        organization = None
        if _text(record.get("organization")):
            organization = organizations.find(record.get("organization"))
            if organization is None:
                bad(
                    "organization",
                    _("Unknown party organization “%(v)s”: use a code or name from the Organizations page.")
                    % {"v": _text(record.get("organization"))},
                )
        elif person is not None:
            organization = grassroots_of(organizations.all[person.organization_id], organizations.all)
        if not row_ok or person is None or organization is None:
            continue
        delegates.append(
            Delegate(
                congress=congress,
                person=person,
                kind=kind,
                organization=organization,
                number=delegate_number,
                is_alternate=is_alternate,
                alternate_rank=rank,
                not_summoned=not_summoned_for(person),
            )
        )
    return outcome, delegates


def _check_delegate_counts(congress: Congress, delegates: list[Delegate], outcome: Outcome) -> None:
    """The cap and each organization's seats, for the whole file at once (congress row locked)."""
    official = [d for d in delegates if not d.is_alternate]
    count = Delegate.objects.filter(congress=congress, is_alternate=False).count()
    if count + len(official) > congress.max_delegates:
        outcome.file_error = _(
            "The congress already has %(count)s delegates; with %(new)s more it would exceed the maximum of %(max)s."
        ) % {"count": count, "new": len(official), "max": congress.max_delegates}
        return
    seats = {a.organization_id: a for a in SeatAllocation.objects.filter(congress=congress)}
    elected: dict[int, int] = {}
    for d in official:
        if d.kind == DelegateKind.ELECTED:
            elected[d.organization_id] = elected.get(d.organization_id, 0) + 1
    problems = []
    for org_id, n in elected.items():
        allocation = seats.get(org_id)
        if allocation is None:
            continue
        taken = Delegate.objects.filter(
            congress=congress, organization_id=org_id, kind=DelegateKind.ELECTED, is_alternate=False
        ).count()
        if taken + n > allocation.seats:
            problems.append(
                _("%(org)s elects %(seats)s delegates: %(taken)s registered and %(n)s in the file.")
                % {"org": allocation.organization.name, "seats": allocation.seats, "taken": taken, "n": n}
            )
    if problems:
        outcome.file_error = " ".join(problems)


def import_delegates(
    *, congress: Congress, data: bytes, by=None, progress: Callable[[int, int], None] | None = None
) -> Outcome:
    outcome, delegates = validate_delegates(congress, data, progress)
    if not outcome.ok:
        return outcome
    try:
        with transaction.atomic():
            congress = lock_congress(congress)
            _check_delegate_counts(congress, delegates, outcome)
            if outcome.file_error:
                return outcome
            next_number = (Delegate.objects.filter(congress=congress).aggregate(m=Max("number"))["m"] or 0) + 1
            used = {d.number for d in delegates if d.number}
            for delegate in delegates:
                if delegate.number is None and not delegate.is_alternate:
                    while next_number in used:
                        next_number += 1
                    delegate.number = next_number
                    used.add(next_number)
            _bulk_create_with_history(delegates, Delegate, by)
    except IntegrityError:
        outcome.file_error = _("Another user registered some of these delegates meanwhile; nothing was imported.")
        return outcome
    outcome.imported = len(delegates)
    return outcome


# --- jobs


IMPORTERS = {ImportKind.MEMBERS: import_members, ImportKind.DELEGATES: import_delegates}


def import_run(*, job: ImportJob) -> ImportJob:
    """Run an import job: progress is written as rows are read; the result lands on the job."""
    started = time.monotonic()

    def progress(done: int, total: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(processed_rows=done, total_rows=total)

    try:
        with job.file.open("rb") as handle:
            data = handle.read()
        outcome = IMPORTERS[job.kind](congress=job.congress, data=data, by=job.created_by, progress=progress)
    except (OSError, ValidationError) as error:
        outcome = Outcome(file_error=_("The file could not be read: %(error)s") % {"error": error})
    job.total_rows = outcome.total
    job.processed_rows = outcome.total
    job.imported_rows = outcome.imported
    job.errors = [e.as_dict() for e in outcome.errors]
    job.seconds = round(time.monotonic() - started, 2)
    job.finished_at = timezone.now()
    if outcome.ok:
        job.status = ImportStatus.DONE
        job.message = _("%(n)s rows imported.") % {"n": outcome.imported}
    else:
        job.status = ImportStatus.FAILED
        if outcome.file_error:
            job.message = outcome.file_error
        else:
            job.message = _("%(n)s errors. Correct the rows below and upload the file again.") % {
                "n": outcome.error_count
            }
    job.save()
    return job


def import_claim(job_id: int) -> ImportJob | None:
    """Claim a waiting job (a conditional UPDATE, so a job runs once even if queued twice)."""
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportStatus.PENDING).update(status=ImportStatus.RUNNING)
    if not claimed:
        return None
    return ImportJob.objects.select_related("congress", "created_by").get(pk=job_id)


# --- templates and exports


def _workbook_with_header(columns: list[Column], title: str):
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    for index, column in enumerate(columns, start=1):
        from openpyxl.utils import get_column_letter

        sheet.column_dimensions[get_column_letter(index)].width = max(14, len(column.label) + 4)
    sheet.freeze_panes = "A2"
    from openpyxl.cell import WriteOnlyCell

    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.label)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="FDE9C9" if column.required else "EEEEEE")
        header.append(cell)
    sheet.append(header)
    return workbook, sheet


def _workbook_bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_xlsx(kind: str, congress: Congress) -> bytes:
    """The downloadable template: the header row, one example row, a guide and the organizations."""
    columns = COLUMNS[kind]
    workbook, sheet = _workbook_with_header(columns, "Danh sách")
    guide = workbook.create_sheet("Hướng dẫn")
    guide.append(["Cột", "Bắt buộc", "Ví dụ", "Giá trị"])
    for column in columns:
        guide.append([column.label, "Có" if column.required else "", column.example, column.note])
    guide.append([])
    guide.append(["Dòng 1 là tiêu đề cột: giữ nguyên. Mỗi dòng sau là một người. Ngày ghi dd/mm/yyyy."])
    guide.append(["Nếu có một dòng sai, không dòng nào được nhập; sửa các dòng được báo lỗi rồi tải lên lại."])
    orgs = workbook.create_sheet("Tổ chức đảng")
    orgs.append(["Mã", "Tên tổ chức đảng", "Loại"])
    for o in PartyOrganization.objects.filter(congress=congress).order_by("code", "name"):
        orgs.append([o.code, o.name, o.get_kind_display()])
    return _workbook_bytes(workbook)


def _date_cell(value: datetime.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


QUALIFICATION_VI = {
    Qualification.DOCTORATE: "Tiến sĩ", Qualification.MASTER: "Thạc sĩ", Qualification.BACHELOR: "Đại học",
    Qualification.COLLEGE: "Cao đẳng", Qualification.VOCATIONAL: "Trung cấp", Qualification.NONE: "Không",
}  # fmt: skip
THEORY_VI = {TheoryLevel.SENIOR: "Cao cấp", TheoryLevel.INTERMEDIATE: "Trung cấp", TheoryLevel.ELEMENTARY: "Sơ cấp",
             TheoryLevel.NONE: "Không"}  # fmt: skip
STATUS_VI = {
    MemberStatus.OFFICIAL: "Chính thức", MemberStatus.PROBATIONARY: "Dự bị", MemberStatus.SUSPENDED: "Đình chỉ sinh hoạt",  # noqa: E501
    MemberStatus.CHARGED: "Bị khởi tố", MemberStatus.RETIRED: "Nghỉ hưu", MemberStatus.TRANSFERRED: "Chuyển sinh hoạt",
}  # fmt: skip
KIND_VI = {DelegateKind.EX_OFFICIO: "Đương nhiên", DelegateKind.ELECTED: "Bầu", DelegateKind.APPOINTED: "Chỉ định"}


def export_members(people: Iterable[Person]) -> bytes:
    """Members as .xlsx in the import template's columns (a file exported can be imported elsewhere)."""
    workbook, sheet = _workbook_with_header(MEMBER_COLUMNS, "Đảng viên")
    for p in people:
        sheet.append(
            [
                p.member_number,
                p.full_name,
                "Nữ" if p.gender == Gender.FEMALE else "Nam",
                _date_cell(p.birth_date) or p.birth_year,
                p.ethnicity,
                p.hometown,
                p.general_education,
                QUALIFICATION_VI.get(p.qualification, ""),
                THEORY_VI.get(p.theory_level, ""),
                _date_cell(p.joined_on),
                _date_cell(p.official_on),
                p.position,
                p.organization.code or p.organization.name,
                p.sector,
                STATUS_VI.get(p.status, ""),
                p.phone,
                p.email,
                "Có" if p.is_executive_member else "Không",
            ]
        )
    return _workbook_bytes(workbook)


def export_delegates(delegates: Iterable[Delegate]) -> bytes:
    workbook, sheet = _workbook_with_header(DELEGATE_COLUMNS, "Đại biểu")
    for d in delegates:
        sheet.append(
            [
                d.person.member_number,
                d.person.full_name,
                KIND_VI.get(d.kind, ""),
                d.organization.code or d.organization.name,
                d.number,
                "Có" if d.is_alternate else "Không",
                d.alternate_rank,
            ]
        )
    return _workbook_bytes(workbook)
