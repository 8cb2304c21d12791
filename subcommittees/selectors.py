"""Reads of the work plan: what a user may see, progress figures, the dashboard and its timeline."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from html import escape

from django.db.models import Avg, Count, Q, QuerySet
from django.utils import timezone
from django.utils.safestring import mark_safe

from congress.models import Congress, Milestone
from congress.permissions import Access
from subcommittees.models import DUE_SOON_DAYS, Meeting, Subcommittee, Task, TaskStatus


def visible_subcommittees(*, congress: Congress, access: Access) -> QuerySet[Subcommittee]:
    qs = congress.subcommittees.all()
    if not access.sees_all_subcommittees:
        qs = qs.filter(pk__in=list(access.memberships))
    return qs


def visible_tasks(*, congress: Congress, access: Access, user=None) -> QuerySet[Task]:
    """Tasks of the congress the user may read: all for the secretariat and observers;
    otherwise those of the user's subcommittees and those assigned to the user."""
    qs = Task.objects.filter(congress=congress)
    if not access.sees_all_subcommittees:
        condition = Q(subcommittee_id__in=list(access.memberships))
        if user is not None:
            condition |= Q(assignee=user)
        qs = qs.filter(condition)
    return qs.select_related("congress", "subcommittee", "group", "assignee")


def visible_meetings(*, congress: Congress, access: Access) -> QuerySet[Meeting]:
    qs = Meeting.objects.filter(congress=congress)
    if not access.sees_all_subcommittees:
        qs = qs.filter(subcommittee_id__in=list(access.memberships))
    return qs.select_related("subcommittee")


@dataclass
class SubcommitteeProgress:
    subcommittee: Subcommittee
    total: int
    done: int
    overdue: int
    average: int

    @property
    def done_percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def subcommittee_progress(*, congress: Congress, access: Access) -> list[SubcommitteeProgress]:
    today = timezone.localdate()
    rows = visible_subcommittees(congress=congress, access=access).annotate(
        total=Count("tasks"),
        done=Count("tasks", filter=Q(tasks__status=TaskStatus.DONE)),
        overdue=Count("tasks", filter=Q(tasks__due_date__lt=today) & ~Q(tasks__status=TaskStatus.DONE)),
        average=Avg("tasks__progress"),
    )
    return [
        SubcommitteeProgress(
            subcommittee=row, total=row.total, done=row.done, overdue=row.overdue, average=round(row.average or 0)
        )
        for row in rows
    ]


@dataclass
class TimelineMark:
    x: float
    label: str
    date: datetime.date
    css: str


@dataclass
class TimelineRow:
    label: str
    y: int
    marks: list[TimelineMark]

    def marks_svg(self, *, diamonds: bool = False) -> str:
        """The row's marks as SVG elements, built here and not in a template loop: a district's 500
        tasks cost about 17 ms in the template and under 1 ms here (an f-string and html.escape, the
        escaping Django's own `escape` does, without format_html's per-argument checks). Numbers are
        written with a decimal point whatever the language (SVG rejects "358,1")."""
        y = self.y
        if diamonds:
            parts = [
                f'<rect class="mark-{escape(m.css)}" x="{int(m.x) - 6}" y="{y - 6}" width="12" height="12" '
                f'transform="rotate(45 {m.x!r} {y})"><title>{m.date:%d/%m/%Y} – {escape(str(m.label))}</title></rect>'
                for m in self.marks
            ]
        else:
            parts = [
                f'<circle class="mark-{escape(m.css)}" cx="{m.x!r}" cy="{y}" r="5">'
                f"<title>{m.date:%d/%m/%Y} – {escape(str(m.label))}</title></circle>"
                for m in self.marks
            ]
        return mark_safe("".join(parts))  # noqa: S308 (every text above is escaped)

    @property
    def milestone_marks_svg(self) -> str:
        return self.marks_svg(diamonds=True)

    @property
    def task_marks_svg(self) -> str:
        return self.marks_svg()


@dataclass
class Timeline:
    width: int
    height: int
    months: list[TimelineMark]
    rows: list[TimelineRow]
    today_x: float | None
    cutoff_x: float
    left: int
    overdue: int = 0  # open tasks past their due date (the dashboard's red count, without another query)
    # (due date, id) of the open tasks in date order: the dashboard picks its lists from these
    open_tasks: list[tuple[datetime.date, int]] = field(default_factory=list)


TIMELINE_LEFT = 190
TIMELINE_WIDTH = 1000
TIMELINE_ROW = 34


def timeline(
    *,
    congress: Congress,
    access: Access,
    tasks: QuerySet[Task] | None = None,
    milestones: list[Milestone] | None = None,
) -> Timeline:
    """A server-rendered timeline: milestones, then each subcommittee's task due dates, to the cutoff.

    `milestones`: the congress's milestones when the caller has them already (one query less)."""
    milestones = list(congress.milestones.all()) if milestones is None else milestones
    task_rows = list(
        (tasks if tasks is not None else visible_tasks(congress=congress, access=access)).values(
            "id", "subcommittee__name", "subcommittee__kind", "due_date", "status", "title"
        )
    )
    today = timezone.localdate()
    dates = [m.due_date for m in milestones] + [t["due_date"] for t in task_rows] + [congress.cutoff_date]
    start = min(dates).replace(day=1)
    end = congress.cutoff_date
    span = max((end - start).days, 1)
    plot = TIMELINE_WIDTH - TIMELINE_LEFT - 20

    def x_of(day: datetime.date) -> float:
        return round(TIMELINE_LEFT + plot * min(max((day - start).days, 0), span) / span, 1)

    months = []
    cursor = start
    while cursor <= end:
        months.append(TimelineMark(x=x_of(cursor), label=cursor.strftime("%m/%Y"), date=cursor, css="month"))
        cursor = (cursor.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)

    rows: list[TimelineRow] = [
        TimelineRow(
            label="",
            y=0,
            marks=[
                TimelineMark(
                    x=x_of(m.due_date),
                    label=m.title,
                    date=m.due_date,
                    css="done" if m.done_at else ("overdue" if m.due_date < today else "milestone"),
                )
                for m in milestones
            ],
        )
    ]
    by_subcommittee: dict[str, list[TimelineMark]] = {}
    for t in task_rows:
        if t["status"] == TaskStatus.DONE:
            css = "done"
        elif t["due_date"] < today:
            css = "overdue"
        elif t["due_date"] <= today + datetime.timedelta(days=DUE_SOON_DAYS):
            css = "soon"
        else:
            css = "open"
        by_subcommittee.setdefault(t["subcommittee__name"] or "—", []).append(
            TimelineMark(x=x_of(t["due_date"]), label=t["title"], date=t["due_date"], css=css)
        )
    for name, marks in sorted(by_subcommittee.items()):
        rows.append(TimelineRow(label=name, y=0, marks=marks))
    overdue = sum(1 for row in rows[1:] for mark in row.marks if mark.css == "overdue")
    for index, row in enumerate(rows):
        row.y = 40 + index * TIMELINE_ROW
    height = 40 + len(rows) * TIMELINE_ROW + 10
    return Timeline(
        width=TIMELINE_WIDTH,
        height=height,
        months=months,
        rows=rows,
        today_x=x_of(today) if start <= today <= end else None,
        cutoff_x=x_of(end),
        left=TIMELINE_LEFT,
        overdue=overdue,
        open_tasks=sorted((t["due_date"], t["id"]) for t in task_rows if t["status"] != TaskStatus.DONE),
    )


def upcoming_milestones(*, congress: Congress, limit: int = 6) -> list[Milestone]:
    today = timezone.localdate()
    return list(
        congress.milestones.filter(done_at__isnull=True, due_date__gte=today).select_related("responsible")[:limit]
    )
