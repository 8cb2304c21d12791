"""Reads of personnel data: lists, presence per session, the credentials report's figures.

Hooks for other apps (the hall screen, elections):
- `summoned_q()` / `summoned_delegates(congress)`: who is summoned;
- `presence_for_session(session)` and `presence_by_session(congress)`: summoned, present, quorum;
- `absent_without_alternate_count(congress)`: for the election threshold;
- `delegate_by_number(congress, number)`, `person_by_member_number(congress, number)`: lookups.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from django.db.models import DEFERRED, CharField, Count, F, Q, QuerySet, Value
from django.utils import timezone
from django.utils.translation import gettext as _

from congress.models import Congress
from congress.vietnamese import fold
from personnel.models import (
    CheckIn,
    CredentialStatus,
    Delegate,
    DelegateKind,
    Gender,
    MemberStatus,
    Person,
    Qualification,
    SeatAllocation,
    Session,
    Substitution,
    TheoryLevel,
)
from personnel.services import GRASSROOTS_KINDS, ex_officio_count, seat_cap

MAJORITY_ETHNICITY = "kinh"
CHART_BAR_WIDTH = 280  # SVG user units of the longest bar (the 640-unit chart keeps room for its label)


# --- who is summoned


def summoned_q(prefix: str = "") -> Q:
    """Delegates summoned to the congress: official delegates not replaced by an alternate, and the
    alternates who replace one; in both cases not flagged as not summoned."""
    p = prefix
    official = Q(**{f"{p}is_alternate": False, f"{p}replaced_by__isnull": True})
    substituting = Q(**{f"{p}is_alternate": True, f"{p}replacing__isnull": False})
    return (official | substituting) & Q(**{f"{p}not_summoned": ""})


def entitled_q(prefix: str = "") -> Q:
    """Summoned and not found not qualified: the delegates who may sit, vote and count for the quorum."""
    return summoned_q(prefix) & ~Q(**{f"{prefix}credential_status": CredentialStatus.NOT_QUALIFIED})


def summoned_delegates(congress: Congress) -> QuerySet[Delegate]:
    return Delegate.objects.filter(summoned_q(), congress=congress).select_related(
        "person", "organization", "person__organization"
    )


def summoned_count(congress: Congress) -> int:
    """Delegates summoned whose credentials were not refused (the base of quorum and election thresholds)."""
    return Delegate.objects.filter(entitled_q(), congress=congress).count()


def absent_without_alternate_count(congress: Congress) -> int:
    """Summoned delegates recorded as absent for the whole congress (no alternate replaces them)."""
    return Delegate.objects.filter(entitled_q(), congress=congress).exclude(absence_reason="").count()


def delegate_by_number(congress: Congress, number: int) -> Delegate | None:
    return (
        Delegate.objects.filter(congress=congress, number=number)
        .select_related("person", "organization", "person__organization")
        .first()
    )


def person_by_member_number(congress: Congress, member_number: str) -> Person | None:
    return (
        Person.objects.filter(congress=congress, member_number=(member_number or "").strip())
        .select_related("organization")
        .first()
    )


# --- presence


@dataclass(frozen=True)
class Presence:
    session: Session | None
    summoned: int
    present: int
    quorum_percent: int

    @property
    def absent(self) -> int:
        return self.summoned - self.present

    @property
    def quorum_needed(self) -> int:
        return math.ceil(self.summoned * self.quorum_percent / 100)

    @property
    def quorum_met(self) -> bool:
        return self.summoned > 0 and self.present >= self.quorum_needed

    @property
    def percent(self) -> float:
        return round(100 * self.present / self.summoned, 1) if self.summoned else 0.0


def presence_for_session(session: Session) -> Presence:
    """Present / summoned at one session, with the quorum (two queries)."""
    congress = session.congress
    present = CheckIn.objects.filter(entitled_q("delegate__"), session=session).count()
    return Presence(
        session=session, summoned=summoned_count(congress), present=present, quorum_percent=congress.quorum_percent
    )


def presence_by_session(congress: Congress) -> list[Presence]:
    """Presence at every session of the congress, in order (three queries whatever the number of sessions)."""
    summoned = summoned_count(congress)
    counts = dict(
        CheckIn.objects.filter(entitled_q("delegate__"), session__congress=congress)
        .values_list("session_id")
        .annotate(n=Count("id"))
        .values_list("session_id", "n")
    )
    return [
        Presence(session=s, summoned=summoned, present=counts.get(s.pk, 0), quorum_percent=congress.quorum_percent)
        for s in Session.objects.filter(congress=congress)
    ]


def current_session(congress: Congress) -> Session | None:
    """Today's session (the latest one started), else the next one, else the last one."""
    sessions = list(Session.objects.filter(congress=congress))
    if not sessions:
        return None
    today = timezone.localdate()
    todays = [s for s in sessions if s.date == today]
    if todays:
        now = timezone.localtime().time()
        started = [s for s in todays if s.starts_at is None or s.starts_at <= now]
        return started[-1] if started else todays[0]
    upcoming = [s for s in sessions if s.date > today]
    return upcoming[0] if upcoming else sessions[-1]


# --- lists


def people_search(
    *, congress: Congress, query: str = "", organization_id: int | None = None, status: str = ""
) -> QuerySet[Person]:
    """Members in ballot order; the search finds "Nguyễn Văn Đạt" from "nguyen van dat", "Dat" or "đạt",
    and card numbers from their beginning ("01.0001" finds 01.000123)."""
    qs = Person.objects.filter(congress=congress).select_related("organization")
    query = (query or "").strip()
    if query:
        qs = qs.filter(Q(name_folded__contains=fold(query)) | Q(member_number__startswith=query))
    if organization_id:
        qs = qs.filter(Q(organization_id=organization_id) | Q(organization__parent_id=organization_id))
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("name_key", "id")


def delegates_search(
    *,
    congress: Congress,
    query: str = "",
    organization_id: int | None = None,
    kind: str = "",
    credential_status: str = "",
    alternates: str = "",
    flagged: bool = False,
    order: str = "name",
) -> QuerySet[Delegate]:
    # The substitutions are shown by name only: two annotated names rather than four more joined
    # model instances a row (README, "Performance").
    qs = (
        Delegate.objects.filter(congress=congress)
        .select_related("person", "organization")
        .annotate(
            replaced_by_name=F("replaced_by__alternate__person__full_name"),
            replacing_name=F("replacing__replaced__person__full_name"),
        )
    )
    query = (query or "").strip()
    if query:
        condition = Q(person__name_folded__contains=fold(query)) | Q(person__member_number=query)
        if query.isdigit():
            condition |= Q(number=int(query))
        qs = qs.filter(condition)
    if organization_id:
        qs = qs.filter(organization_id=organization_id)
    if kind:
        qs = qs.filter(kind=kind)
    if credential_status:
        qs = qs.filter(credential_status=credential_status)
    if alternates == "official":
        qs = qs.filter(is_alternate=False)
    elif alternates == "alternate":
        qs = qs.filter(is_alternate=True)
    if flagged:
        qs = qs.exclude(not_summoned="")
    if order == "number":
        return qs.order_by("is_alternate", "number", "person__name_key", "id")
    return qs.order_by("person__name_key", "id")


def credentials_queue(*, congress: Congress, status: str = CredentialStatus.PENDING) -> QuerySet[Delegate]:
    qs = Delegate.objects.filter(congress=congress).select_related("person", "organization", "credential_checked_by")
    if status:
        qs = qs.filter(credential_status=status)
    return qs.order_by("is_alternate", "organization__code", "person__name_key", "id")


@dataclass
class SeatRow:
    organization: object
    allocation: SeatAllocation | None
    registered: int


@dataclass
class SeatTable:
    rows: list[SeatRow]
    cap: int
    ex_officio: int
    max_delegates: int

    @property
    def allocated(self) -> int:
        return sum(r.allocation.seats for r in self.rows if r.allocation)

    @property
    def computed(self) -> int:
        return sum(r.allocation.computed_seats for r in self.rows if r.allocation)

    @property
    def adjustments(self) -> int:
        return sum(r.allocation.adjustment for r in self.rows if r.allocation)

    @property
    def registered(self) -> int:
        return sum(r.registered for r in self.rows)

    @property
    def members(self) -> int:
        return sum(r.organization.member_count for r in self.rows)

    @property
    def free(self) -> int:
        return self.cap - self.allocated


def seat_table(congress: Congress) -> SeatTable:
    """Grassroots organizations with their seats and the elected delegates registered (constant queries)."""
    from congress.models import PartyOrganization

    organizations = PartyOrganization.objects.filter(congress=congress, kind__in=GRASSROOTS_KINDS).annotate(
        registered=Count(
            "delegates",
            filter=Q(delegates__kind=DelegateKind.ELECTED, delegates__is_alternate=False),
        )
    )
    allocations = {a.organization_id: a for a in SeatAllocation.objects.filter(congress=congress)}
    rows = [SeatRow(o, allocations.get(o.pk), o.registered) for o in organizations.order_by("code", "name")]
    return SeatTable(
        rows=rows, cap=seat_cap(congress), ex_officio=ex_officio_count(congress), max_delegates=congress.max_delegates
    )


# --- the credentials report


@dataclass
class Breakdown:
    key: str
    title: str
    rows: list[tuple[str, int]]
    total: int

    @property
    def sum(self) -> int:
        return sum(n for _label, n in self.rows)

    @cached_property
    def bars(self) -> list[dict]:  # read twice a breakdown on the page (chart and table)
        top = max([n for _l, n in self.rows] or [0]) or 1
        return [
            {
                "label": label,
                "count": n,
                "percent": round(100 * n / self.total, 1) if self.total else 0.0,
                "width": round(100 * n / top, 1),
                "w": round(CHART_BAR_WIDTH * n / top, 1),
                "tx": round(CHART_BAR_WIDTH * n / top + 242, 1),
                "y": index * 26,
            }
            for index, (label, n) in enumerate(self.rows)
        ]

    @property
    def chart_height(self) -> int:
        return max(26, 26 * len(self.rows))

    @property
    def chart_svg(self) -> str:
        """The bar chart (SVG) of the page and of the PDF, written in Python (personnel/charts.py)."""
        from personnel.charts import breakdown_chart_svg

        return breakdown_chart_svg(self)

    @property
    def table_rows_html(self) -> str:
        """The rows of the breakdown's table on the page (a label, a count, a percentage)."""
        from personnel.charts import breakdown_table_rows

        return breakdown_table_rows(self)


@dataclass
class DelegateFigure:
    delegate: Delegate
    value: float | int


@dataclass
class CredentialsReport:
    congress: Congress
    reference_date: datetime.date
    session: Session | None
    summoned: int
    present: int
    absent: list[Delegate]
    breakdowns: list[Breakdown] = field(default_factory=list)
    women: int = 0
    minorities: list[Delegate] = field(default_factory=list)
    average_age: float | None = None
    youngest: DelegateFigure | None = None
    oldest: DelegateFigure | None = None
    longest_membership: DelegateFigure | None = None
    shortest_membership: DelegateFigure | None = None
    substitutions: list[Substitution] = field(default_factory=list)
    not_summoned: list[Delegate] = field(default_factory=list)
    qualified: int = 0
    not_qualified: list[Delegate] = field(default_factory=list)
    pending: int = 0

    def breakdown(self, key: str) -> Breakdown:
        return next(b for b in self.breakdowns if b.key == key)


AGE_BANDS = [(None, 40), (41, 50), (51, 60), (61, 70), (71, None)]


def age_at(person: Person | ReportRow, day: datetime.date) -> int:
    """Age in whole years; a year-only birth counts from 1 January."""
    born = person.birth_date or datetime.date(person.birth_year, 1, 1)
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def age_band_label(low: int | None, high: int | None) -> str:
    if low is None:
        return _("40 or under")
    if high is None:
        return _("Over 70")
    return _("%(low)s to %(high)s") % {"low": low, "high": high}


def membership_years(person: Person | ReportRow, day: datetime.date) -> float | None:
    if not person.joined_on:
        return None
    return round((day - person.joined_on).days / 365.2425, 1)


def _counted(title_key: str, title: str, values: list[str], labels: dict[str, str], total: int) -> Breakdown:
    counts = Counter(values)
    ordered = [k for k in labels if counts.get(k)] + sorted(k for k in counts if k not in labels)
    return Breakdown(title_key, title, [(labels.get(k, k) or _("Not given"), counts[k]) for k in ordered], total)


class ReportRow(NamedTuple):
    """A summoned delegate as the report's figures read it: plain values, no model instance."""

    id: int
    kind: str
    credential_status: str
    credential_reason: str
    absence_reason: str
    person_id: int
    full_name: str
    name_key: str
    gender: str
    birth_date: datetime.date | None
    birth_year: int | None
    ethnicity: str
    general_education: str
    qualification: str
    theory_level: str
    sector: str
    joined_on: datetime.date | None


REPORT_DELEGATE_FIELDS = ReportRow._fields[:6]
REPORT_PERSON_FIELDS = ReportRow._fields[6:]
REPORT_VALUES = (*REPORT_DELEGATE_FIELDS, *(f"person__{name}" for name in REPORT_PERSON_FIELDS))


def _loaded(model, db: str, values: dict):
    """An instance as the database would give it with `.only(*values)`: other fields deferred."""
    return model.from_db(db, list(values), [values.get(f.attname, DEFERRED) for f in model._meta.concrete_fields])


def _report_delegate(row: ReportRow, db: str) -> Delegate:
    delegate = _loaded(Delegate, db, {name: getattr(row, name) for name in REPORT_DELEGATE_FIELDS})
    person = {"id": row.person_id, **{name: getattr(row, name) for name in REPORT_PERSON_FIELDS}}
    delegate.person = _loaded(Person, db, person)
    return delegate


def credentials_report(congress: Congress, *, session: Session | None = None) -> CredentialsReport:
    """Figures of the credentials report on the summoned delegates; every breakdown sums to the total."""
    reference = congress.opening_date or timezone.localdate()
    # The figures read plain values: 268 delegates with their party members are otherwise 540 model
    # instances, most of the page's time (README, "Performance"). Model instances (with the same
    # columns) are made only for the delegates the report names.
    query = summoned_delegates(congress).select_related(None).order_by("person__name_key", "id")
    rows = [ReportRow._make(values) for values in query.values_list(*REPORT_VALUES)]
    made: dict[int, Delegate] = {}

    def delegate(row: ReportRow) -> Delegate:
        if row.id not in made:
            made[row.id] = _report_delegate(row, query.db)
        return made[row.id]

    total = len(rows)
    if session is None:
        session = (
            Session.objects.filter(congress=congress, kind="official").first()
            or Session.objects.filter(congress=congress).first()
        )
    present_ids = (
        set(CheckIn.objects.filter(session=session).values_list("delegate_id", flat=True)) if session else set()
    )
    present = sum(1 for r in rows if r.id in present_ids)
    absent = [delegate(r) for r in rows if r.id not in present_ids]
    report = CredentialsReport(
        congress=congress,
        reference_date=reference,
        session=session,
        summoned=total,
        present=present,
        absent=absent,
    )

    def add(breakdown: Breakdown) -> None:
        report.breakdowns.append(breakdown)

    add(
        Breakdown(
            "presence",
            _("Presence"),
            [(_("Present"), present), (_("Absent"), total - present)],
            total,
        )
    )
    kinds = {k.value: k.label for k in DelegateKind}
    add(_counted("kind", _("By kind"), [r.kind for r in rows], kinds, total))
    add(_counted("gender", _("Gender"), [r.gender for r in rows], {g.value: g.label for g in Gender}, total))
    report.women = sum(1 for r in rows if r.gender == Gender.FEMALE)

    ages = [age_at(r, reference) for r in rows]
    band_rows = []
    for low, high in AGE_BANDS:
        n = sum(1 for a in ages if (low is None or a >= low) and (high is None or a <= high))
        band_rows.append((age_band_label(low, high), n))
    add(Breakdown("age", _("Age"), band_rows, total))
    if rows:
        report.average_age = round(sum(ages) / total, 1)
        pairs = sorted(zip(ages, rows, strict=True), key=lambda pair: (pair[0], pair[1].name_key))
        report.youngest = DelegateFigure(delegate(pairs[0][1]), pairs[0][0])
        report.oldest = DelegateFigure(delegate(pairs[-1][1]), pairs[-1][0])

    folded = {ethnicity: fold(ethnicity or "") for ethnicity in {r.ethnicity for r in rows}}
    minorities = [delegate(r) for r in rows if folded[r.ethnicity] not in (MAJORITY_ETHNICITY, "")]
    report.minorities = minorities
    add(
        Breakdown(
            "ethnicity",
            _("Ethnicity"),
            [(_("Kinh"), total - len(minorities)), (_("Ethnic minorities"), len(minorities))],
            total,
        )
    )
    add(_counted("education", _("General education"), [r.general_education for r in rows], {}, total))
    add(
        _counted(
            "qualification",
            _("Professional qualification"),
            [r.qualification for r in rows],
            {q.value: q.label for q in Qualification},
            total,
        )
    )
    add(
        _counted(
            "theory",
            _("Political theory"),
            [r.theory_level for r in rows],
            {t.value: t.label for t in TheoryLevel},
            total,
        )
    )
    add(_counted("sector", _("Sector"), [r.sector for r in rows], {}, total))

    years = [(membership_years(r, reference), r) for r in rows]
    years = [(y, r) for y, r in years if y is not None]
    if years:
        years.sort(key=lambda pair: (pair[0], pair[1].name_key))
        report.shortest_membership = DelegateFigure(delegate(years[0][1]), years[0][0])
        report.longest_membership = DelegateFigure(delegate(years[-1][1]), years[-1][0])

    statuses = Counter(r.credential_status for r in rows)
    report.qualified = statuses.get(CredentialStatus.QUALIFIED, 0)
    report.not_qualified = [delegate(r) for r in rows if r.credential_status == CredentialStatus.NOT_QUALIFIED]
    report.pending = statuses.get(CredentialStatus.PENDING, 0)
    add(
        Breakdown(
            "credentials",
            _("Conclusion"),
            [
                (CredentialStatus.QUALIFIED.label, report.qualified),
                (CredentialStatus.NOT_QUALIFIED.label, len(report.not_qualified)),
                (CredentialStatus.PENDING.label, report.pending),
            ],
            total,
        )
    )
    # The two lists name people and give a reason: only those columns (three persons of 26 columns
    # each are otherwise most of the time of a one-row query).
    report.substitutions = list(
        Substitution.objects.filter(congress=congress)
        .select_related("replaced__person", "alternate__person")
        .only("reason", "replaced__person__full_name", "alternate__person__full_name")
    )
    report.not_summoned = list(
        Delegate.objects.filter(congress=congress)
        .exclude(not_summoned="")
        .select_related("person")
        .only("not_summoned", "person__full_name")
        .order_by("person__name_key")
    )
    return report


def member_status_totals(congress: Congress) -> dict[str, int]:
    """Members of the congress by status, from the (congress, status) index alone: the official members
    counted over their range of it, the other statuses grouped over their short ranges, in one statement
    (grouping the congress's 18,000 entries cost 2.3 ms with the query, this 1.4 ms)."""
    official = MemberStatus.OFFICIAL
    members = Person.objects.filter(congress=congress).order_by()
    rows = (
        members.filter(status=official)
        .values_list(Value(official, output_field=CharField()))
        .annotate(n=Count("*"))
        .union(
            members.filter(status__in=[s for s in MemberStatus.values if s != official])
            .values_list("status")
            .annotate(n=Count("*")),
            all=True,
        )
    )
    return {status: n for status, n in rows if n}


def member_status_counts(congress: Congress, totals: dict[str, int] | None = None) -> list[tuple[str, str, int]]:
    """(status, label, members) for every status, in the order of the choices."""
    counts = member_status_totals(congress) if totals is None else totals
    return [(s.value, s.label, counts.get(s.value, 0)) for s in MemberStatus]
