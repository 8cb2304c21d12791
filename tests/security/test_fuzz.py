"""Property-based fuzzing of every form and htmx/JSON endpoint of the core and work-plan apps.

Malformed dates, huge strings, control characters, script tags, SQL metacharacters and ids of
another congress's objects: the answer is always a 4xx with a message or a clean save, never a 500
(the test client raises it), never a partial write, never a read of the other congress.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congress.models import Congress, Milestone, PartyOrganization
from subcommittees.models import Attachment, Meeting, Membership, Task, WorkingGroup

pytestmark = pytest.mark.django_db

SECRET = "bí mật Tây Hồ"
PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE subcommittees_task; --",
    "' OR '1'='1",
    "%",
    "_",
    "\\",
    "31/02/2020",
    "00/00/0000",
    "2020-13-45",
    "99/99/9999 25:61",
    "01/01/10000",
    "-1",
    "0",
    "101",
    "1e400",
    "9" * 40,
    "NaN",
    "１２",
    "\x00",
    "\u202e\u200b",
    "Nguyễn Văn Đạt",
    "",
    " ",
    "A" * 70_000,
]


def values(other_ids: list[int]):
    """A value for any form field: nasty text, or an id of the other congress's objects."""
    return st.one_of(
        st.sampled_from(PAYLOADS),
        st.sampled_from([str(i) for i in other_ids]),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
        st.integers(min_value=-(2**63), max_value=2**63).map(str),
    )


def snapshot(congress: Congress) -> dict:
    """Everything a form of the core or the work plan can write, row by row."""
    tables = {
        "congress": Congress.objects.order_by("pk").values(),
        "task": Task.objects.order_by("pk").values(),
        "meeting": Meeting.objects.order_by("pk").values(),
        "milestone": Milestone.objects.order_by("pk").values(),
        "organization": PartyOrganization.objects.order_by("pk").values(),
        "membership": Membership.objects.order_by("pk").values(),
        "group": WorkingGroup.objects.order_by("pk").values(),
        "group_members": WorkingGroup.members.through.objects.order_by("pk").values(),
        "attachment": Attachment.objects.order_by("pk").values(),
        "task_history": Task.history.values_list("history_id"),
    }
    return {
        name: [tuple(sorted(row.items())) if isinstance(row, dict) else row for row in qs]
        for name, qs in tables.items()
    }


def no_cross_congress_links(congress: Congress) -> bool:
    """Nothing saved in `congress` points at an object of another congress."""
    return not (
        Task.objects.filter(congress=congress)
        .exclude(subcommittee__congress=congress)
        .exclude(subcommittee=None)
        .exists()
        or Task.objects.filter(congress=congress, group__isnull=False)
        .exclude(group__subcommittee__congress=congress)
        .exists()
        or Meeting.objects.filter(congress=congress, subcommittee__isnull=False)
        .exclude(subcommittee__congress=congress)
        .exists()
        or Milestone.objects.filter(congress=congress, responsible__isnull=False)
        .exclude(responsible__congress=congress)
        .exists()
        or PartyOrganization.objects.filter(congress=congress, parent__isnull=False)
        .exclude(parent__congress=congress)
        .exists()
    )


# (url name, URL kwargs from the world, fields posted, method)
FORMS = {
    "congress_edit": (
        {},
        [
            "name",
            "organizing_committee",
            "upper_committee",
            "ordinal",
            "term_start",
            "term_end",
            "level",
            "place",
            "opening_date",
            "closing_date",
            "cutoff_date",
            "max_days",
            "max_delegates",
            "executive_committee_size",
            "standing_committee_size",
            "quorum_percent",
            "status",
        ],
        "post",
    ),
    "organization_create": ({}, ["name", "code", "kind", "parent", "sector", "member_count"], "post"),
    "organization_edit": ({"pk": "organization"}, ["name", "code", "kind", "parent", "sector", "member_count"], "post"),
    "milestone_create": ({}, ["title", "kind", "due_date", "responsible", "done_at", "notes"], "post"),
    "task_create": (
        {},
        ["title", "subcommittee", "group", "assignee", "due_date", "status", "progress", "description", "notes"],
        "post",
    ),
    "task_edit": (
        {"pk": "task"},
        ["title", "subcommittee", "group", "assignee", "due_date", "status", "progress", "description", "notes"],
        "post",
    ),
    "task_progress": ({"pk": "task"}, ["status", "progress", "notes"], "post"),
    "meeting_create": (
        {},
        ["title", "body", "subcommittee", "starts_at", "location", "chair", "agenda", "minutes", "decisions"],
        "post",
    ),
    "meeting_edit": ({"pk": "meeting"}, ["title", "body", "subcommittee", "starts_at", "location"], "post"),
    "membership_create": ({"kind": "organization"}, ["user", "role", "title"], "post"),
    "group_create": ({"kind": "organization"}, ["name", "kind", "leader", "members", "duties"], "post"),
    "task_list": ({}, ["q", "subcommittee", "group", "assignee", "status", "when", "page"], "get"),
    "meeting_list": ({}, ["page"], "get"),
    "organization_list": ({}, ["q", "page"], "get"),
    "audit_log": ({}, ["model", "user", "action", "date_from", "date_to", "page", "tab"], "get"),
    "profile": (None, ["full_name", "email", "position", "phone", "language"], "post"),
    "notification_bell": (None, [], "get"),
}
FUZZ = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)


def _url(name: str, world: dict) -> str:
    from django.urls import reverse

    kwargs_spec, _fields, _method = FORMS[name]
    if kwargs_spec is None:
        return reverse(name)
    kwargs = {"congress": world["congress"].slug}
    for key, ref in kwargs_spec.items():
        kwargs[key] = world[ref].pk if ref in world else ref
    return reverse(name, kwargs=kwargs)


def _other_ids(world: dict) -> list[int]:
    other = world["other"]
    return [obj.pk for key, obj in other.items() if hasattr(obj, "pk")] + [987654321]


@pytest.mark.parametrize("name", sorted(FORMS))
def test_fuzz_form(name, world, secretariat):
    client = Client()
    client.force_login(secretariat)
    url = _url(name, world)
    _kwargs, fields, method = FORMS[name]
    congress = world["congress"]

    @FUZZ
    @given(data=st.fixed_dictionaries({f: values(_other_ids(world)) for f in fields}))
    def check(data):
        with transaction.atomic():
            before = snapshot(congress)
            response = getattr(client, method)(url, data)
            body = response.content.decode(errors="replace")
            assert response.status_code in {200, 286, 302, 400, 403, 404}, response.status_code
            assert SECRET not in body
            assert "<script>alert(1)</script>" not in body
            assert "onerror=alert(1)>" not in body
            if response.status_code >= 400:
                assert snapshot(congress) == before, "a refused request wrote something"
                if response.status_code == 400 and method == "post":
                    assert "alert-danger" in body or "invalid-feedback" in body, "a 400 without a message"
            assert no_cross_congress_links(congress)
            transaction.set_rollback(True)

    check()


def test_fuzz_upload_any_bytes_is_refused_or_stored_cleanly(world, secretariat):
    client = Client()
    client.force_login(secretariat)
    url = f"/{world['congress'].slug}/meetings/{world['meeting'].pk}/files/"

    @FUZZ
    @given(
        content=st.one_of(
            st.binary(max_size=3000),
            st.sampled_from(
                [b"%PDF-1.4 fake", b"PK\x03\x04broken zip", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"MZ\x90\x00"]
            ),
        ),
        filename=st.sampled_from(["a.pdf", "a.exe", "../../etc/passwd", "x.docx", "<script>.txt", "a" * 300 + ".pdf"]),
        title=st.sampled_from(PAYLOADS),
    )
    def check(content, filename, title):
        with transaction.atomic():
            before = Attachment.objects.count()
            upload = SimpleUploadedFile(filename, content)
            response = client.post(url, {"title": title, "file": upload})
            assert response.status_code in {302, 400}
            after = Attachment.objects.count()
            if response.status_code == 400:
                assert after == before
                assert "alert-danger" in response.content.decode() or "invalid-feedback" in response.content.decode()
            else:
                stored = Attachment.objects.latest("pk")
                assert ".." not in stored.file.name and stored.congress_id == world["congress"].pk
            transaction.set_rollback(True)

    check()


@pytest.mark.parametrize("who", ["member", "reviewer", "outsider"])
def test_fuzz_ids_of_another_congress_are_never_read(world, request, who):
    """Every object URL, with the ids of the other congress's objects: always 404 (or 403 before lookup)."""
    user = request.getfixturevalue(who)
    client = Client()
    client.force_login(user)
    slug = world["congress"].slug
    other = world["other"]
    urls = [
        f"/{slug}/tasks/{other['task'].pk}/",
        f"/{slug}/tasks/{other['task'].pk}/edit/",
        f"/{slug}/meetings/{other['meeting'].pk}/",
        f"/{slug}/files/{other['attachment'].pk}/",
        f"/{slug}/milestones/{other['milestone'].pk}/",
        f"/{slug}/organizations/{other['organization'].pk}/",
        f"/{slug}/subcommittees/organization/groups/{other['group'].pk}/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in {403, 404}, url
        assert SECRET not in response.content.decode(errors="replace")
