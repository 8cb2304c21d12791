"""Reads of the work plan: what a user may see, progress figures, the dashboard and its timeline."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from html import escape

from django.db.models import Avg, Count, Q, QuerySet
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext

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


def subcommittee_progress(
    *, congress: Congress, access: Access, counts: dict[int, list[int]] | None = None
) -> list[SubcommitteeProgress]:
    """`counts`: the figures per subcommittee id when the caller has read the visible tasks already
    (`Timeline.counts`; every task of a visible subcommittee is a visible task), so that only the
    subcommittees are read and SQL does not join and group their tasks."""
    if counts is not None:
        empty = [0, 0, 0, 0]
        result = []
        # in id order, as the grouped query below gives them (Meta.ordering does not apply to it)
        for sub in visible_subcommittees(congress=congress, access=access).order_by("pk"):
            total, done, overdue, progress_sum = counts.get(sub.pk, empty)
            result.append(
                SubcommitteeProgress(
                    subcommittee=sub,
                    total=total,
                    done=done,
                    overdue=overdue,
                    average=round(progress_sum / total) if total else 0,
                )
            )
        return result
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
        written with a decimal point whatever the language (SVG rejects "358,1"). The few distinct
        classes and dates are escaped and formatted once each."""
        y = self.y
        css_of: dict[str, str] = {}
        date_of: dict[datetime.date, str] = {}
        # One escape over all the titles, split again: a separator escape leaves alone and a form
        # never lets into a title (a NUL); the slow path if one got in anyway.
        labels = escape("\x00".join([str(m.label) for m in self.marks])).split("\x00")
        if len(labels) != len(self.marks):
            labels = [escape(str(m.label)) for m in self.marks]
        parts = []
        append = parts.append
        for m, label in zip(self.marks, labels, strict=True):
            css = css_of.get(m.css)
            if css is None:
                css = css_of[m.css] = escape(m.css)
            day = date_of.get(m.date)
            if day is None:
                day = date_of[m.date] = f"{m.date:%d/%m/%Y}"
            if diamonds:
                append(
                    f'<rect class="mark-{css}" x="{int(m.x) - 6}" y="{y - 6}" width="12" height="12" '
                    f'transform="rotate(45 {m.x!r} {y})"><title>{day} – {label}</title></rect>'
                )
            else:
                append(
                    f'<circle class="mark-{css}" cx="{m.x!r}" cy="{y}" r="5"><title>{day} – {label}</title></circle>'
                )
        return mark_safe("".join(parts))  # noqa: S308 (every text above is escaped)

    @property
    def milestone_marks_svg(self) -> str:
        return self.marks_svg(diamonds=True)

    @property
    def task_marks_svg(self) -> str:
        return self.marks_svg()


@dataclass
class OpenTask:
    """An open task as the dashboard's lists show it, read with the timeline's tasks."""

    pk: int
    title: str
    due_date: datetime.date
    owner: str  # the task's group, else its subcommittee
    assignee: str | None
    url: str = ""
    late: str = ""  # "n days" late


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
    open_rows: dict[int, OpenTask] = field(default_factory=dict)  # the open tasks by id
    # per subcommittee id: [tasks, done, overdue, sum of progress] (see subcommittee_progress)
    counts: dict[int | None, list[int]] = field(default_factory=dict)

    @property
    def months_svg(self) -> str:
        """The month lines and labels (the template's loop, written here)."""
        height = self.height
        return mark_safe(  # noqa: S308 (the labels are escaped)
            "".join(
                f'\n  <line class="month" x1="{m.x!r}" y1="20" x2="{m.x!r}" y2="{height}"></line>'
                f'\n  <text class="month-label" x="{m.x!r}" y="14" text-anchor="middle">'
                f"{escape(str(m.label))}</text>\n  "
                for m in self.months
            )
        )

    @property
    def rows_svg(self) -> str:
        """Each row's line, label (the first is the milestones', translated; the others cut as
        `truncatechars:28` does) and marks: the template's loop, written here."""
        parts = []
        for index, row in enumerate(self.rows):
            label = gettext("Milestones") if index == 0 else Truncator(row.label).chars(28)
            parts.append(
                f'\n  <line class="row-line" x1="{self.left}" y1="{row.y}" x2="{self.cutoff_x!r}" y2="{row.y}"></line>'
                f'\n  <text class="row-label" x="4" y="{row.y + 4}">{escape(str(label))}</text>'
                f"\n  {row.marks_svg(diamonds=index == 0)}\n  "
            )
        return mark_safe("".join(parts))  # noqa: S308 (the labels and marks are escaped)


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
    # Tuples, not dicts: a district's 500 tasks are read twice as fast. The group and the assignee
    # are read for the dashboard's lists of open tasks, which then need no query of their own.
    task_rows = list(
        (tasks if tasks is not None else visible_tasks(congress=congress, access=access)).values_list(
            "id",
            "subcommittee__name",
            "due_date",
            "status",
            "title",
            "group__name",
            "assignee__full_name",
            "assignee__username",
            "subcommittee_id",
            "progress",
        )
    )
    today = timezone.localdate()
    dates = [m.due_date for m in milestones] + [t[2] for t in task_rows] + [congress.cutoff_date]
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
    # Tasks share their due dates: the position and the colour of an open task are worked out once
    # per date.
    soon_end = today + datetime.timedelta(days=DUE_SOON_DAYS)
    x_cache: dict[datetime.date, float] = {}
    css_cache: dict[datetime.date, str] = {}
    done = TaskStatus.DONE
    overdue = 0
    open_tasks: list[tuple[datetime.date, int]] = []
    open_rows: dict[int, OpenTask] = {}
    by_subcommittee: dict[str, list[TimelineMark]] = {}
    counts: dict[int | None, list[int]] = {}
    for pk, name, due, status, title, group, assignee_name, assignee_username, sub_id, progress in task_rows:
        count = counts.get(sub_id)
        if count is None:
            count = counts[sub_id] = [0, 0, 0, 0]  # tasks, done, overdue, sum of progress
        count[0] += 1
        count[3] += progress
        x = x_cache.get(due)
        if x is None:
            x = x_cache[due] = x_of(due)
        if status == done:
            css = "done"
            count[1] += 1
        else:
            open_tasks.append((due, pk))
            open_rows[pk] = OpenTask(
                pk=pk,
                title=title,
                due_date=due,
                # as the task's own page says it: the group, else the subcommittee; the assignee's name
                owner=group if group is not None else (name if name is not None else ""),
                assignee=(assignee_name or assignee_username) if assignee_username is not None else None,
            )
            css = css_cache.get(due)
            if css is None:
                css = css_cache[due] = "overdue" if due < today else ("soon" if due <= soon_end else "open")
            if css == "overdue":
                overdue += 1
                count[2] += 1
        marks = by_subcommittee.get(name or "—")
        if marks is None:
            marks = by_subcommittee[name or "—"] = []
        marks.append(TimelineMark(x=x, label=title, date=due, css=css))
    for name, marks in sorted(by_subcommittee.items()):
        rows.append(TimelineRow(label=name, y=0, marks=marks))
    for index, row in enumerate(rows):
        row.y = 40 + index * TIMELINE_ROW
    height = 40 + len(rows) * TIMELINE_ROW + 10
    open_tasks.sort()
    return Timeline(
        width=TIMELINE_WIDTH,
        height=height,
        months=months,
        rows=rows,
        today_x=x_of(today) if start <= today <= end else None,
        cutoff_x=x_of(end),
        left=TIMELINE_LEFT,
        overdue=overdue,
        open_tasks=open_tasks,
        open_rows=open_rows,
        counts=counts,
    )


def upcoming_milestones(*, congress: Congress, limit: int = 6) -> list[Milestone]:
    today = timezone.localdate()
    return list(
        congress.milestones.filter(done_at__isnull=True, due_date__gte=today).select_related("responsible")[:limit]
    )
