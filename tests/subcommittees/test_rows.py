"""The task list's rows written in Python are the template's rows, character for character."""

import datetime

from subcommittees.rows import task_rows
from tests.factories import SubcommitteeFactory, TaskFactory, UserFactory, WorkingGroupFactory
from tests.rows_reference import assert_same_rows

# The rows of templates/subcommittees/task_list.html before subcommittees/rows.py wrote them.
TEMPLATE_ROWS = """{% load i18n %}{% translate "Overdue" as overdue_word %}{% for task in tasks %}
  <tr class="{% if task.status != 'done' and task.due_date < today %}overdue{% endif %}">
    <td><a href="{{ task.get_absolute_url }}">{{ task.title }}</a></td>
    <td class="small">{{ task.subcommittee.name|default:"" }}{% if task.group %}<br><span class="text-muted">{{ task.group.name }}</span>{% endif %}</td>
    <td class="small">{{ task.assignee|default:"" }}</td>
    <td class="text-nowrap">{{ task.due_date|date:"d/m/Y" }}</td>
    <td>{% if task.status == "done" %}<span class="badge text-bg-success"><i class="bi bi-check2" aria-hidden="true"></i> {{ task.get_status_display }}</span>{% elif task.due_date < today %}<span class="badge text-bg-danger"><i class="bi bi-exclamation-triangle" aria-hidden="true"></i> {{ overdue_word }}</span> <span class="badge text-bg-light border">{{ task.get_status_display }}</span>{% elif task.status == "blocked" %}<span class="badge text-bg-warning">{{ task.get_status_display }}</span>{% else %}<span class="badge text-bg-light border">{{ task.get_status_display }}</span>{% endif %}</td>
    <td class="text-nowrap"><progress class="progress-bar-native" max="100" value="{{ task.progress }}" aria-hidden="true"></progress> {{ task.progress }}%</td>
  </tr>{% endfor %}"""  # noqa: E501


def test_task_rows_are_the_template_rows(congress):
    today = datetime.date(2020, 6, 1)
    sub = SubcommitteeFactory(congress=congress, kind="documents", name='Tiểu ban "Văn kiện" & <b>')
    group = WorkingGroupFactory(subcommittee=sub, name="Tổ <biên tập>")
    who = UserFactory(username="u1", full_name="Nguyễn Thị <Lan>")
    TaskFactory(
        subcommittee=sub, group=group, assignee=who, title="Dự thảo <báo cáo> & tờ trình", status="done", progress=100
    )
    TaskFactory(
        subcommittee=sub, title="Quá hạn", due_date=datetime.date(2020, 5, 1), status="in_progress", progress=40
    )
    TaskFactory(subcommittee=sub, title="Vướng", due_date=datetime.date(2020, 7, 1), status="blocked", progress=5)
    TaskFactory(subcommittee=sub, group=group, title="Mở", due_date=datetime.date(2020, 6, 1), status="not_started")
    TaskFactory(
        subcommittee=None, congress=congress, assignee=who, title="Không tiểu ban", due_date=datetime.date(2020, 8, 1)
    )
    tasks = list(congress.tasks.select_related("subcommittee", "group", "assignee", "congress").order_by("id"))
    assert len(tasks) == 5
    assert_same_rows(
        TEMPLATE_ROWS,
        {"tasks": tasks, "today": today},
        lambda: task_rows(tasks, congress_slug=congress.slug, today=today),
    )
