"""The dashboard's figures and task lists come from the timeline's single read of the tasks: the same
figures as the grouped query per subcommittee, the same owner and assignee cells as the tasks' own."""

import datetime

from django.urls import reverse

from congress.permissions import access_for
from subcommittees.selectors import subcommittee_progress, timeline, visible_tasks
from tests.factories import TaskFactory, UserFactory, WorkingGroupFactory


def _figures(progress):
    return [(p.subcommittee.pk, p.total, p.done, p.overdue, p.average) for p in progress]


def _tasks(subcommittees, member):
    org, docs, personnel = subcommittees["organization"], subcommittees["documents"], subcommittees["personnel"]
    group = WorkingGroupFactory(subcommittee=org, name="Tổ <hậu cần>")
    helper = UserFactory(username="giupviec", full_name="")
    TaskFactory(subcommittee=org, group=group, assignee=member, title="Hội trường", due_date=datetime.date(2020, 4, 1),
                progress=33)  # fmt: skip
    TaskFactory(subcommittee=org, title="Xong", status="done", progress=100, due_date=datetime.date(2020, 3, 1))
    TaskFactory(subcommittee=org, title="Sắp tới", progress=50, due_date=datetime.date(2020, 4, 22))
    TaskFactory(subcommittee=docs, assignee=helper, title="Dự thảo", progress=20, due_date=datetime.date(2020, 4, 2))
    # a personnel task assigned to the member: visible to him, but not a subcommittee he sees
    TaskFactory(subcommittee=personnel, assignee=member, title="Giao riêng", due_date=datetime.date(2020, 4, 3))


def test_progress_from_the_timeline_counts_matches_the_grouped_query(secretariat, member, subcommittees, frozen_today):
    congress = subcommittees["organization"].congress
    _tasks(subcommittees, member)
    for user in (secretariat, member):
        access = access_for(user, congress)
        plan = timeline(
            congress=congress, access=access, tasks=visible_tasks(congress=congress, access=access, user=user)
        )
        by_sql = subcommittee_progress(congress=congress, access=access)
        from_counts = subcommittee_progress(congress=congress, access=access, counts=plan.counts)
        assert _figures(from_counts) == sorted(_figures(by_sql))
    assert [p.subcommittee.kind for p in from_counts] == ["organization"]
    assert (from_counts[0].total, from_counts[0].done, from_counts[0].overdue, from_counts[0].average) == (3, 1, 1, 61)


def test_red_list_cells_links_and_lateness(client_for, secretariat, member, subcommittees, frozen_today):
    congress = subcommittees["organization"].congress
    _tasks(subcommittees, member)
    response = client_for(secretariat).get(reverse("dashboard", kwargs={"congress": congress.slug}))
    red = response.context["red_list"]
    assert [(t.title, t.owner, t.assignee) for t in red] == [
        ("Hội trường", "Tổ <hậu cần>", "Lê Thị Hoa"),
        ("Dự thảo", subcommittees["documents"].name, "giupviec"),
        ("Giao riêng", subcommittees["personnel"].name, "Lê Thị Hoa"),
    ]
    html = response.content.decode()
    for task in red:
        assert f'<a href="{reverse("task_detail", kwargs={"congress": congress.slug, "pk": task.pk})}">' in html
    assert "Tổ &lt;hậu cần&gt;" in html
    assert [t.title for t in response.context["due_soon"]] == ["Sắp tới"]
    assert response.context["due_soon"][0].url.endswith(f"/tasks/{response.context['due_soon'][0].pk}/")
