"""The task list's rows, written in Python (see congress/rows.py; tests/subcommittees/test_rows.py)."""

from __future__ import annotations

import datetime

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from congress.rows import pk_url, text
from congress.templatetags.page_tags import dmy
from subcommittees.models import Task, TaskStatus


def _status_badge(task: Task, today: datetime.date, overdue: str) -> str:
    label = text(task.get_status_display())
    if task.status == TaskStatus.DONE:
        return f'<span class="badge text-bg-success"><i class="bi bi-check2" aria-hidden="true"></i> {label}</span>'
    if task.due_date < today:
        return (
            f'<span class="badge text-bg-danger"><i class="bi bi-exclamation-triangle" aria-hidden="true"></i> '
            f'{overdue}</span> <span class="badge text-bg-light border">{label}</span>'
        )
    if task.status == TaskStatus.BLOCKED:
        return f'<span class="badge text-bg-warning">{label}</span>'
    return f'<span class="badge text-bg-light border">{label}</span>'


def task_rows(tasks, *, congress_slug: str, today: datetime.date) -> SafeString:
    """One <tr> a task: title and link, subcommittee and group, assignee, due date, status, progress."""
    url = pk_url("task_detail", congress_slug)
    overdue = text(gettext("Overdue"))
    rows = []
    for task in tasks:
        late = task.status != TaskStatus.DONE and task.due_date < today
        group = f'<br><span class="text-muted">{text(task.group.name)}</span>' if task.group else ""
        subcommittee = text(task.subcommittee.name) if task.subcommittee and task.subcommittee.name else ""
        progress = text(task.progress)
        rows.append(
            f'\n  <tr class="{"overdue" if late else ""}">\n'
            f'    <td><a href="{url(task.pk)}">{text(task.title)}</a></td>\n'
            f'    <td class="small">{subcommittee}{group}</td>\n'
            f'    <td class="small">{text(task.assignee) if task.assignee else ""}</td>\n'
            f'    <td class="text-nowrap">{dmy(task.due_date)}</td>\n'
            f"    <td>{_status_badge(task, today, overdue)}</td>\n"
            f'    <td class="text-nowrap"><progress class="progress-bar-native" max="100" value="{progress}" '
            f'aria-hidden="true"></progress> {progress}%</td>\n'
            f"  </tr>"
        )
    return mark_safe("".join(rows))  # noqa: S308 (every text above is escaped)
