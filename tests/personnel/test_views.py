"""Views of the personnel app: who sees what (302 / 404 / 403 / 200), content, bad input, query counts."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from personnel.models import CheckIn, Delegate, ImportJob, Person, SeatAllocation, Session
from personnel.services import badge_payload
from tests.personnel.factories import DelegateFactory, PersonFactory, SessionFactory
from tests.personnel.xlsx import build, member_row

pytestmark = pytest.mark.django_db


def url(name, congress, **kwargs):
    return reverse(name, kwargs={"congress": congress.slug, **kwargs})


@pytest.fixture
def session(congress):
    return SessionFactory(congress=congress, name="Phiên chính thức", date=congress.closing_date)


@pytest.fixture
def delegate(orgs):
    return DelegateFactory(person__organization=orgs[0], person__full_name="Nguyễn Văn Đạt", number=7)


@pytest.fixture
def users(secretariat, personnel_head, personnel_member, member, observer, credentials_user, outsider, other_member):
    return {
        "secretariat": secretariat,
        "personnel_head": personnel_head,
        "personnel_member": personnel_member,
        "organization_member": member,
        "documents_member": other_member,
        "observer": observer,
        "credentials": credentials_user,
        "outsider": outsider,
    }


# Expected status of each page for each kind of user (GET).
PAGES = {
    "member_list": {"secretariat": 200, "personnel_head": 200, "personnel_member": 200, "organization_member": 403,
                    "documents_member": 403, "observer": 403, "credentials": 403, "outsider": 404},
    "delegate_list": {"secretariat": 200, "personnel_head": 200, "personnel_member": 200, "organization_member": 403,
                      "documents_member": 403, "observer": 403, "credentials": 403, "outsider": 404},
    "seat_allocation": {"secretariat": 200, "personnel_head": 200, "personnel_member": 200, "organization_member": 403,
                        "observer": 403, "outsider": 404},
    "import_create": {"secretariat": 200, "personnel_head": 200, "personnel_member": 403, "observer": 403,
                      "outsider": 404},
    "delegate_create": {"secretariat": 200, "personnel_head": 200, "personnel_member": 403, "outsider": 404},
    "member_create": {"secretariat": 200, "personnel_head": 200, "personnel_member": 403, "outsider": 404},
    "credentials_queue": {"secretariat": 200, "personnel_member": 200, "credentials": 200, "organization_member": 403,
                          "observer": 403, "outsider": 404},
    "credentials_report": {"secretariat": 200, "personnel_member": 200, "credentials": 200, "observer": 403,
                           "documents_member": 403, "outsider": 404},
    "session_list": {"secretariat": 200, "organization_member": 200, "observer": 200, "documents_member": 200,
                     "credentials": 200, "outsider": 404},
    "presence": {"secretariat": 200, "observer": 200, "documents_member": 200, "outsider": 404},
    "badges": {"secretariat": 200, "personnel_member": 200, "organization_member": 200, "observer": 403,
               "documents_member": 403, "outsider": 404},
}  # fmt: skip


@pytest.mark.parametrize("page", list(PAGES))
def test_pages_anonymous_is_sent_to_login(client, congress, page):
    response = client.get(url(page, congress))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(("page", "who"), [(p, w) for p, users in PAGES.items() for w in users])
def test_pages_status_for_each_kind_of_user(client_for, congress, users, orgs, page, who):
    assert client_for(users[who]).get(url(page, congress)).status_code == PAGES[page][who]


def test_checkin_page_statuses(client, client_for, congress, users, session, delegate):
    target = url("checkin", congress, pk=session.pk)
    assert client.get(target).status_code == 302
    expected = {"secretariat": 200, "organization_member": 200, "personnel_member": 200, "observer": 403,
                "documents_member": 403, "outsider": 404}  # fmt: skip
    for who, status in expected.items():
        assert client_for(users[who]).get(target).status_code == status, who


def test_object_pages_of_another_congress_are_404(client_for, secretariat, congress, orgs):
    from tests.factories import CongressFactory
    from tests.personnel.factories import GrassrootsFactory

    other = CongressFactory(slug="khac")
    foreign = DelegateFactory(person__organization=GrassrootsFactory(congress=other))
    foreign_session = SessionFactory(congress=other)
    c = client_for(secretariat)
    assert c.get(url("member_edit", congress, pk=foreign.person.pk)).status_code == 404
    assert c.get(url("delegate_detail", congress, pk=foreign.pk)).status_code == 404
    assert c.get(url("credential_decide", congress, pk=foreign.pk)).status_code == 404
    assert c.get(url("checkin", congress, pk=foreign_session.pk)).status_code == 404


# --- members


def test_member_list_searches_without_accents_in_ballot_order(client_for, secretariat, congress, orgs):
    for name in ["Trần Văn Đạt", "Nguyễn Thị An", "Lê Văn Đạt", "Phạm Minh Bình"]:
        PersonFactory(organization=orgs[0], full_name=name)
    c = client_for(secretariat)
    names = [p.full_name for p in c.get(url("member_list", congress)).context["page"]]
    assert names == ["Nguyễn Thị An", "Phạm Minh Bình", "Lê Văn Đạt", "Trần Văn Đạt"]
    for query in ["dat", "Đạt", "ĐẠT", "van dat"]:
        found = [p.full_name for p in c.get(url("member_list", congress), {"q": query}).context["page"]]
        assert found == ["Lê Văn Đạt", "Trần Văn Đạt"], query


def test_member_list_queries_do_not_grow_with_rows(client_for, secretariat, congress, orgs):
    c = client_for(secretariat)
    PersonFactory(organization=orgs[0])
    with CaptureQueriesContext(connection) as one:
        c.get(url("member_list", congress))
    for i in range(30):
        PersonFactory(organization=orgs[i % 3])
    with CaptureQueriesContext(connection) as many:
        c.get(url("member_list", congress))
    assert len(many.captured_queries) == len(one.captured_queries)


def test_member_list_counts_are_right_with_and_without_a_search(client_for, secretariat, congress, orgs):
    """The count comes from the counts by status, or from a short first page of a search, or from a
    COUNT(*) when a search fills more than a page: the same figures whichever way."""
    for i in range(53):
        PersonFactory(organization=orgs[i % 3], full_name=f"Nguyễn Văn Hùng {i:02d}", status="official")
    for name in ["Trần Thị Lan", "Lê Thị Lan"]:
        PersonFactory(organization=orgs[0], full_name=name, status="probationary", official_on=None)
    c = client_for(secretariat)
    cases = [
        ({}, 55, 50),
        ({"status": "probationary"}, 2, 2),
        ({"q": "lan"}, 2, 2),
        ({"q": "hung"}, 53, 50),
        ({"q": "hung", "page": "2"}, 53, 3),
        ({"q": "hung", "page": "9"}, 53, 3),  # past the end: the last page
        ({"q": "khong ai"}, 0, 0),
        ({"q": "lan", "organization": orgs[1].pk}, 0, 0),
    ]
    for params, count, shown in cases:
        response = c.get(url("member_list", congress), params)
        page = response.context["page"]
        assert (page.paginator.count, len(page.object_list)) == (count, shown), params
        assert f"{count} " in response.content.decode(), params
    with CaptureQueriesContext(connection) as short:
        c.get(url("member_list", congress), {"q": "lan"})
    # No count of the search's own (the tabs' counts by status are read, as on every list page).
    assert not [
        q for q in short.captured_queries if 'COUNT(*) AS "__count"' in q["sql"] and "personnel_person" in q["sql"]
    ]


def test_member_create_and_bad_dates_save_nothing(client_for, personnel_head, congress, orgs):
    c = client_for(personnel_head)
    data = {"full_name": "Vũ Thị Hồng Nhung", "member_number": "09.1", "gender": "female", "birth_date": "12/05/1990",
            "ethnicity": "Kinh", "qualification": "master", "theory_level": "intermediate", "joined_on": "01/01/2005",
            "official_on": "", "organization": orgs[0].pk, "status": "official"}  # fmt: skip
    response = c.post(url("member_create", congress), data)
    assert response.status_code == 400
    assert "Vào Đảng lúc 14 tuổi" in response.content.decode()
    assert Person.objects.count() == 0
    data["joined_on"] = "01/01/2015"
    assert c.post(url("member_create", congress), data).status_code == 302
    person = Person.objects.get()
    assert (person.name_folded, person.birth_year) == ("vu thi hong nhung", 1990)


def test_member_edit_read_only_for_personnel_member(client_for, personnel_member, congress, orgs):
    person = PersonFactory(organization=orgs[0], full_name="Lê Văn Tám")
    c = client_for(personnel_member)
    response = c.get(url("member_edit", congress, pk=person.pk))
    assert response.status_code == 200 and "Lê Văn Tám" in response.content.decode()
    assert c.post(url("member_edit", congress, pk=person.pk), {"full_name": "X"}).status_code == 403
    person.refresh_from_db()
    assert person.full_name == "Lê Văn Tám"


def test_member_export_is_an_xlsx_with_the_rows(client_for, secretariat, congress, orgs):
    PersonFactory(organization=orgs[0], full_name="Nguyễn Văn Đạt")
    response = client_for(secretariat).get(url("member_list", congress), {"format": "xlsx", "q": "dat"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(load_workbook(io.BytesIO(response.content), read_only=True).worksheets[0].iter_rows(values_only=True))
    assert rows[0][1] == "Họ và tên" and rows[1][1] == "Nguyễn Văn Đạt" and len(rows) == 2


# --- imports


def upload(data, name="danh-sach.xlsx"):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def test_import_good_file_inline(client_for, personnel_head, congress, orgs):
    c = client_for(personnel_head)
    response = c.post(
        url("import_create", congress), {"kind": "members", "file": upload(build([member_row(0), member_row(1)]))}
    )
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == url("import_detail", congress, pk=job.pk)
    page = c.get(response["Location"])
    assert (job.status, Person.objects.count()) == ("pending", 0) or page.status_code == 200
    job.refresh_from_db()
    assert (job.status, job.imported_rows, Person.objects.count()) == ("done", 2, 2)
    assert "Đã nhập 2 dòng." in page.content.decode()


def test_import_bad_rows_listed_and_nothing_saved(client_for, personnel_head, congress, orgs):
    c = client_for(personnel_head)
    rows = [member_row(0), member_row(1, org="CS99"), member_row(2, **{"Ngày sinh": "31/02/1970"})]
    response = c.post(url("import_create", congress), {"kind": "members", "file": upload(build(rows))}, follow=True)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Chưa nhập dòng nào." in body and "Không có tổ chức đảng “CS99”" in body and "“31/02/1970”" in body
    assert [e["row"] for e in response.context["job"].errors] == [3, 4]
    assert Person.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.xlsx", b"not an excel file at all", "không được chấp nhận"),
        ("a.pdf", b"%PDF-1.4 hello", "không được chấp nhận"),
        ("a.xlsx", b"", "rỗng"),
    ],
)
def test_import_wrong_file_types_are_refused_with_400(client_for, personnel_head, congress, orgs, name, data, message):
    response = client_for(personnel_head).post(
        url("import_create", congress), {"kind": "members", "file": upload(data, name)}
    )
    assert response.status_code == 400
    assert message.lower() in response.content.decode().lower()
    assert ImportJob.objects.count() == 0


def test_import_large_file_goes_to_celery_with_progress(client_for, personnel_head, congress, orgs, settings,
                                                        django_capture_on_commit_callbacks, monkeypatch):  # fmt: skip
    import personnel.views

    monkeypatch.setattr(personnel.views, "INLINE_IMPORT_MAX_BYTES", 100)
    c = client_for(personnel_head)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = c.post(url("import_create", congress), {"kind": "members", "file": upload(build([member_row(0)]))})
    job = ImportJob.objects.get()
    assert job.status == "pending"
    progress = c.get(response["Location"], HTTP_HX_REQUEST="true")
    assert 'hx-trigger="every 1s"' in progress.content.decode()
    for callback in callbacks:
        callback()  # the worker (eager in tests) runs the task
    job.refresh_from_db()
    assert (job.status, Person.objects.count()) == ("done", 1)
    assert 'hx-trigger="every 1s"' not in c.get(response["Location"], HTTP_HX_REQUEST="true").content.decode()


def test_import_task_runs_once_even_if_queued_twice(congress, orgs, personnel_head):
    from django.core.files.base import ContentFile

    from personnel.tasks import run_import

    job = ImportJob.objects.create(congress=congress, kind="members", original_name="x.xlsx", created_by=personnel_head)
    job.file.save("x.xlsx", ContentFile(build([member_row(0)])))
    run_import(job_id=job.pk)
    run_import(job_id=job.pk)
    run_import(job_id=999999)
    assert Person.objects.count() == 1


def test_import_template_downloads(client_for, personnel_member, congress, orgs):
    response = client_for(personnel_member).get(url("import_template", congress, kind="delegates"))
    header = next(load_workbook(io.BytesIO(response.content), read_only=True).worksheets[0].iter_rows(values_only=True))
    assert header[0] == "Số thẻ đảng viên"
    assert client_for(personnel_member).get(url("import_template", congress, kind="nope")).status_code == 404


# --- seats


def test_seat_allocation_page_allocates_and_adjusts(client_for, personnel_head, congress, orgs):
    congress.max_delegates = 10
    congress.save()
    c = client_for(personnel_head)
    page = c.get(url("seat_allocation", congress))
    assert page.context["table"].cap == 10
    assert c.post(url("seat_allocation", congress), {"total": 9, "base": 1}).status_code == 302
    assert [a.seats for a in SeatAllocation.objects.order_by("organization__code")] == [4, 3, 2]
    allocation = SeatAllocation.objects.get(organization=orgs[2])
    prefix = f"a{allocation.pk}"
    bad = c.post(
        url("seat_adjust", congress, pk=allocation.pk), {f"{prefix}-adjustment": 2, f"{prefix}-reason": "Trọng điểm"}
    )
    assert bad.status_code == 400 and "vượt 10" in bad.content.decode()
    no_reason = c.post(
        url("seat_adjust", congress, pk=allocation.pk), {f"{prefix}-adjustment": 1, f"{prefix}-reason": ""}
    )
    assert no_reason.status_code == 400 and "Ghi rõ lý do điều chỉnh." in no_reason.content.decode()
    ok = c.post(
        url("seat_adjust", congress, pk=allocation.pk), {f"{prefix}-adjustment": 1, f"{prefix}-reason": "Trọng điểm"}
    )
    assert ok.status_code == 302
    assert sum(a.seats for a in SeatAllocation.objects.all()) == 10
    too_many = c.post(url("seat_allocation", congress), {"total": 11, "base": 1})
    assert too_many.status_code == 400 and "tối đa 10 đại biểu" in too_many.content.decode()


def test_seat_allocation_post_by_reader_is_403(client_for, personnel_member, congress, orgs):
    assert (
        client_for(personnel_member).post(url("seat_allocation", congress), {"total": 3, "base": 1}).status_code == 403
    )
    assert SeatAllocation.objects.count() == 0


# --- delegates


def test_delegate_register_by_card_number_and_refusals(client_for, personnel_head, congress, orgs):
    person = PersonFactory(organization=orgs[0], member_number="01.000777", full_name="Hoàng Thị Lan")
    probationary = PersonFactory(
        organization=orgs[0], member_number="01.000888", status="probationary", official_on=None
    )
    c = client_for(personnel_head)
    response = c.post(url("delegate_create", congress), {"member_number": "01.000777", "kind": "elected"})
    assert response.status_code == 302
    assert Delegate.objects.get().person == person
    again = c.post(url("delegate_create", congress), {"member_number": "01.000777", "kind": "elected"})
    assert again.status_code == 400 and "đã là đại biểu" in again.content.decode()
    bad = c.post(url("delegate_create", congress), {"member_number": probationary.member_number, "kind": "elected"})
    assert bad.status_code == 400 and "đảng viên dự bị" in bad.content.decode()
    unknown = c.post(url("delegate_create", congress), {"member_number": "00.0", "kind": "elected"})
    assert unknown.status_code == 400 and "Không có đảng viên nào mang số thẻ 00.0." in unknown.content.decode()
    assert Delegate.objects.count() == 1


def test_delegate_list_filters_and_constant_queries(client_for, secretariat, congress, orgs):
    c = client_for(secretariat)
    DelegateFactory(person__organization=orgs[0], kind="ex_officio", person__is_executive_member=True)
    with CaptureQueriesContext(connection) as one:
        c.get(url("delegate_list", congress))
    for i in range(20):
        DelegateFactory(person__organization=orgs[i % 3], credential_status="qualified" if i % 2 else "pending")
    with CaptureQueriesContext(connection) as many:
        response = c.get(url("delegate_list", congress))
    assert len(many.captured_queries) == len(one.captured_queries)
    assert response.context["page"].paginator.count == 21
    filtered = c.get(url("delegate_list", congress), {"organization": orgs[1].pk, "credential_status": "qualified"})
    assert {(d.organization, d.credential_status) for d in filtered.context["page"]} == {(orgs[1], "qualified")}
    assert [d.kind for d in c.get(url("delegate_list", congress), {"kind": "ex_officio"}).context["page"]] == [
        "ex_officio"
    ]


def test_delegate_ex_officio_button(client_for, secretariat, congress, orgs):
    PersonFactory(organization=orgs[0], is_executive_member=True)
    c = client_for(secretariat)
    assert c.post(url("delegate_ex_officio", congress)).status_code == 302
    assert Delegate.objects.filter(kind="ex_officio").count() == 1
    again = c.post(url("delegate_ex_officio", congress), follow=True)
    assert "đều đã là đại biểu" in again.content.decode()


def test_delegate_detail_substitution(client_for, secretariat, congress, orgs, delegate):
    alternate = DelegateFactory(person__organization=orgs[0], is_alternate=True, alternate_rank=1, number=None)
    c = client_for(secretariat)
    page = c.get(url("delegate_detail", congress, pk=delegate.pk))
    assert alternate.person.full_name in page.content.decode()
    bad = c.post(
        url("delegate_detail", congress, pk=delegate.pk), {"substitute": "1", "alternate": alternate.pk, "reason": ""}
    )
    assert bad.status_code == 400
    ok = c.post(
        url("delegate_detail", congress, pk=delegate.pk), {"substitute": "1", "alternate": alternate.pk, "reason": "Ốm"}
    )
    assert ok.status_code == 302
    assert delegate.replaced_by.alternate == alternate


def test_delegate_edit_cannot_clear_an_official_delegates_number(client_for, secretariat, congress, delegate):
    delegate.number = 7
    delegate.save()
    response = client_for(secretariat).post(
        url("delegate_detail", congress, pk=delegate.pk), {"edit": "1", "number": "", "notes": "ghi chú"}
    )
    assert response.status_code == 400
    assert "Đại biểu chính thức phải có số đại biểu" in response.context["form"].errors["number"][0]
    delegate.refresh_from_db()
    assert (delegate.number, delegate.notes) == (7, "")


# --- credentials


def test_credentials_queue_and_decisions(client_for, credentials_user, personnel_member, congress, delegate):
    c = client_for(credentials_user)
    queue = c.get(url("credentials_queue", congress))
    assert list(queue.context["page"]) == [delegate]
    missing = c.post(url("credential_decide", congress, pk=delegate.pk), {"credential_status": "not_qualified"})
    assert missing.status_code == 400 and "Ghi rõ lý do" in missing.content.decode()
    delegate.refresh_from_db()
    assert delegate.credential_status == "pending"
    ok = c.post(url("credential_decide", congress, pk=delegate.pk), {"credential_status": "qualified"})
    assert ok.status_code == 302
    delegate.refresh_from_db()
    assert (delegate.credential_status, delegate.credential_checked_by) == ("qualified", credentials_user)
    assert list(c.get(url("credentials_queue", congress)).context["page"]) == []
    reader = client_for(personnel_member)
    assert (
        reader.post(url("credential_decide", congress, pk=delegate.pk), {"credential_status": "pending"}).status_code
        == 403
    )


def test_credentials_report_page_pdf_and_docx(client_for, credentials_user, congress, delegate):
    c = client_for(credentials_user)
    page = c.get(url("credentials_report", congress))
    body = page.content.decode()
    assert page.status_code == 200 and 'data-testid="chart-age"' in body and "Báo cáo thẩm tra tư cách đại biểu" in body
    assert "<script" not in body.split("</main>")[0] and "style=" not in body
    # SVG attributes keep a dot decimal whatever the language (Vietnamese writes 66,7).
    assert re.search(r'<rect [^>]*width="\d+(\.\d+)?"', body) and not re.search(r'width="\d+,\d', body)
    pdf = c.get(url("credentials_report", congress), {"format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    docx = c.get(url("credentials_report", congress), {"format": "docx"})
    assert docx.content[:2] == b"PK"


# --- check-in and presence


def test_checkin_typed_number_then_twice(client_for, member, congress, session, delegate):
    c = client_for(member)
    target = url("checkin", congress, pk=session.pk)
    ok = c.post(target, {"code": "7"}, HTTP_HX_REQUEST="true")
    assert ok.status_code == 200 and "Nguyễn Văn Đạt" in ok.content.decode() and ok["HX-Trigger"] == "presence-changed"
    twice = c.post(target, {"code": "007"}, HTTP_HX_REQUEST="true")
    assert "không tính hai lần" in twice.content.decode() and twice["X-Checkin-Refused"] == "1"
    full_page = c.post(target, {"code": "007"})
    assert full_page.status_code == 400
    assert CheckIn.objects.count() == 1


def test_checkin_badge_of_another_congress_in_the_page(client_for, secretariat, congress, session, delegate):
    from tests.factories import CongressFactory
    from tests.personnel.factories import GrassrootsFactory

    other = CongressFactory(slug="tay-ho", name="Đại hội Đảng bộ quận Tây Hồ")
    foreign = DelegateFactory(person__organization=GrassrootsFactory(congress=other), number=7)
    response = client_for(secretariat).post(
        url("checkin", congress, pk=session.pk), {"code": badge_payload(foreign, other)}
    )
    assert (
        response.status_code == 400
        and "Thẻ này của đại hội khác (Đại hội Đảng bộ quận Tây Hồ)" in response.content.decode()
    )
    assert CheckIn.objects.count() == 0


def test_checkin_tick_and_undo(client_for, member, congress, session, delegate):
    c = client_for(member)
    target = url("checkin_tick", congress, pk=session.pk, delegate=delegate.pk)
    row = c.post(target, HTTP_HX_REQUEST="true")
    assert row.status_code == 200 and "table-success" in row.content.decode()
    again = c.post(target, HTTP_HX_REQUEST="true")
    assert "không tính hai lần" in again.content.decode()
    assert CheckIn.objects.count() == 1
    c.post(target, {"undo": "1"}, HTTP_HX_REQUEST="true")
    assert CheckIn.objects.count() == 0


def test_checkin_page_lists_summoned_with_constant_queries(client_for, secretariat, congress, session, orgs):
    c = client_for(secretariat)
    DelegateFactory(person__organization=orgs[0])
    with CaptureQueriesContext(connection) as one:
        c.get(url("checkin", congress, pk=session.pk))
    for i in range(15):
        DelegateFactory(person__organization=orgs[i % 3])
    with CaptureQueriesContext(connection) as many:
        response = c.get(url("checkin", congress, pk=session.pk))
    assert len(many.captured_queries) == len(one.captured_queries)
    assert len(response.context["rows"]) == 16


def test_presence_page_live_partial_counts(client_for, observer, congress, session, delegate, orgs):
    DelegateFactory(person__organization=orgs[0])
    c = client_for(observer)
    page = c.get(url("presence", congress))
    assert page.status_code == 200 and 'hx-trigger="every 3s"' in page.content.decode()
    CheckIn.objects.create(session=session, delegate=delegate, method="number")
    live = c.get(url("presence_session", congress, pk=session.pk), HTTP_HX_REQUEST="true")
    assert "1 / 2" in live.content.decode() and "<html" not in live.content.decode()


def test_session_create_and_bad_date(client_for, head, congress):
    c = client_for(head)
    bad = c.post(url("session_create", congress), {"name": "Phiên 1", "kind": "official", "date": "01/01/2020"})
    assert bad.status_code == 400 and "ngày khai mạc" in bad.content.decode()
    assert Session.objects.count() == 0
    ok = c.post(url("session_create", congress), {"name": "Phiên 1", "kind": "official", "date": "02/06/2020",
                                                  "starts_at": "07:30", "ends_at": "11:30"})  # fmt: skip
    assert ok.status_code == 302
    dup = c.post(url("session_create", congress), {"name": "Phiên 1", "kind": "official", "date": "02/06/2020"})
    assert dup.status_code == 400 and Session.objects.count() == 1


def test_nav_shows_each_link_only_to_those_who_may_use_it(client_for, congress, users, orgs):
    body = client_for(users["secretariat"]).get(url("dashboard", congress)).content.decode()
    assert url("member_list", congress) in body and url("session_list", congress) in body
    body = client_for(users["observer"]).get(url("dashboard", congress)).content.decode()
    assert url("member_list", congress) not in body and url("session_list", congress) in body
    body = client_for(users["credentials"]).get(url("dashboard", congress)).content.decode()
    assert url("credentials_queue", congress) in body and url("member_list", congress) not in body


@pytest.mark.parametrize(
    "model", ["person", "delegate", "substitution", "seatallocation", "session", "checkin", "importjob"]
)
def test_admin_changelists_and_folded_search(client_for, congress, orgs, model):
    from tests.factories import UserFactory

    admin = UserFactory(username="quantri", is_staff=True, is_superuser=True)
    DelegateFactory(person__organization=orgs[0], person__full_name="Nguyễn Văn Đạt")
    c = client_for(admin)
    response = c.get(reverse(f"admin:personnel_{model}_changelist"), {"q": "nguyen van dat"})
    assert response.status_code == 200
    if model in ("person", "delegate"):
        assert "Nguyễn Văn Đạt" in response.content.decode()
