import datetime

import pytest
from django.urls import reverse

from congress.models import Congress, PartyOrganization
from tests.factories import CongressFactory, MilestoneFactory, TaskFactory

pytestmark = pytest.mark.django_db


def url(name, congress, **kwargs):
    return reverse(name, kwargs={"congress": congress.slug, **kwargs})


def test_home_redirects_anonymous_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_home_sends_a_one_congress_user_to_its_dashboard(client_for, secretariat, congress):
    response = client_for(secretariat).get("/")
    assert response.status_code == 302
    assert response["Location"] == url("dashboard", congress)


def test_home_lists_congresses_for_users_with_several(client_for, secretariat, congress):
    from tests.factories import CongressRoleFactory

    other = CongressFactory(name="Đại hội Đảng bộ phường Ngọc Hà")
    CongressRoleFactory(congress=other, user=secretariat)
    response = client_for(secretariat).get("/")
    assert response.status_code == 200
    assert other.name in response.content.decode()


def test_login_page_is_vietnamese_by_default_even_for_an_english_browser(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    body = response.content.decode()
    assert response["Content-Language"] == "vi"
    assert "Đăng nhập" in body


def test_language_switch_to_english_and_back(client_for, secretariat, congress):
    c = client_for(secretariat)
    c.post(reverse("set_language"), {"language": "en", "next": url("dashboard", congress)})
    assert "Preparation dashboard" in c.get(url("dashboard", congress)).content.decode()
    c.post(reverse("set_language"), {"language": "vi", "next": url("dashboard", congress)})
    assert "Bảng điều hành công tác chuẩn bị" in c.get(url("dashboard", congress)).content.decode()


def test_dashboard_anonymous_redirects_to_login(client, congress):
    response = client.get(url("dashboard", congress))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_dashboard_outsider_gets_404(client_for, outsider, congress):
    assert client_for(outsider).get(url("dashboard", congress)).status_code == 404


def test_wrong_congress_slug_is_404(client_for, secretariat, congress):
    assert client_for(secretariat).get("/khong-co-dai-hoi-nay/").status_code == 404


def test_dashboard_shows_countdown_red_list_and_progress(client_for, secretariat, subcommittees, frozen_today):
    congress = subcommittees["organization"].congress
    late = TaskFactory(
        subcommittee=subcommittees["organization"], title="Hợp đồng hội trường", due_date=datetime.date(2020, 4, 10)
    )
    TaskFactory(subcommittee=subcommittees["organization"], title="Đã xong", due_date=datetime.date(2020, 4, 1),
                status="done", progress=100)  # fmt: skip
    TaskFactory(subcommittee=subcommittees["documents"], title="Sắp tới hạn", due_date=datetime.date(2020, 4, 24))
    response = client_for(secretariat).get(url("dashboard", congress))
    assert response.status_code == 200
    assert response.context["days_to_opening"] == 43  # 20/04 → 02/06/2020
    assert response.context["days_to_cutoff"] == 133
    assert [t.title for t in response.context["red_list"]] == [late.title]
    assert [t.title for t in response.context["due_soon"]] == ["Sắp tới hạn"]
    progress = {p.subcommittee.kind: (p.done, p.total) for p in response.context["progress"]}
    assert progress["organization"] == (1, 2)
    assert "<svg" in response.content.decode()


def test_dashboard_member_sees_only_their_subcommittee(client_for, member, subcommittees, frozen_today):
    TaskFactory(
        subcommittee=subcommittees["organization"], title="Việc của tổ chức", due_date=datetime.date(2020, 4, 1)
    )
    TaskFactory(
        subcommittee=subcommittees["personnel"], title="Việc mật của nhân sự", due_date=datetime.date(2020, 4, 1)
    )
    response = client_for(member).get(url("dashboard", subcommittees["organization"].congress))
    assert [t.title for t in response.context["red_list"]] == ["Việc của tổ chức"]
    assert [p.subcommittee.kind for p in response.context["progress"]] == ["organization"]
    assert "Việc mật của nhân sự" not in response.content.decode()


def test_dashboard_reviewer_sees_milestones_but_no_workspace(client_for, reviewer, congress, subcommittees):
    TaskFactory(subcommittee=subcommittees["personnel"], title="Việc mật của nhân sự")
    response = client_for(reviewer).get(url("dashboard", congress))
    assert response.status_code == 200
    assert "red_list" not in response.context
    assert "Việc mật của nhân sự" not in response.content.decode()
    assert client_for(reviewer).get(url("task_list", congress)).status_code == 403


def test_congress_settings_only_for_the_secretariat(client_for, member, secretariat, congress):
    assert client_for(member).get(url("congress_edit", congress)).status_code == 403
    assert client_for(secretariat).get(url("congress_edit", congress)).status_code == 200


def congress_post(congress, **changes):
    data = {
        "name": congress.name,
        "organizing_committee": congress.organizing_committee,
        "ordinal": 26,
        "term_start": 2020,
        "term_end": 2025,
        "level": "district",
        "place": "Ba Đình",
        "opening_date": "02/06/2020",
        "closing_date": "03/06/2020",
        "cutoff_date": "31/08/2020",
        "max_days": 3,
        "max_delegates": 300,
        "executive_committee_size": 45,
        "standing_committee_size": 13,
        "quorum_percent": 67,
        "status": "preparing",
    }
    data.update(changes)
    return data


def test_congress_settings_save_with_ddmmyyyy_dates(client_for, secretariat, congress):
    response = client_for(secretariat).post(
        url("congress_edit", congress), congress_post(congress, opening_date="01/06/2020")
    )
    assert response.status_code == 302
    congress.refresh_from_db()
    assert congress.opening_date == datetime.date(2020, 6, 1)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"closing_date": "06/06/2020"}, "closing_date", "tối đa 3 ngày"),
        ({"opening_date": "01/09/2020", "closing_date": "02/09/2020"}, "closing_date", "31/08/2020"),
        ({"standing_committee_size": 16}, "standing_committee_size", "một phần ba"),
        ({"opening_date": "31/02/2020"}, "opening_date", "dd/mm/yyyy"),
        ({"closing_date": "01/06/2020"}, "closing_date", "trước ngày khai mạc"),
    ],
)
def test_congress_settings_bad_input_is_400_in_vietnamese_and_nothing_saved(
    client_for, secretariat, congress, changes, field, message
):
    response = client_for(secretariat).post(url("congress_edit", congress), congress_post(congress, **changes))
    assert response.status_code == 400
    assert any(message in str(e) for e in response.context["form"].errors[field])
    congress.refresh_from_db()
    assert (congress.opening_date, congress.closing_date, congress.standing_committee_size) == (
        datetime.date(2020, 6, 2),
        datetime.date(2020, 6, 3),
        13,
    )


def test_organizations_tree_and_accent_free_search(client_for, secretariat, congress):
    root = PartyOrganization.objects.create(congress=congress, name="Đảng bộ quận Ba Đình", kind="committee")
    ward = PartyOrganization.objects.create(
        congress=congress, name="Đảng bộ phường Điện Biên", kind="grassroots_committee", parent=root, member_count=700
    )
    PartyOrganization.objects.create(
        congress=congress, name="Chi bộ Tổ dân phố số 1", kind="cell", parent=ward, member_count=40
    )
    c = client_for(secretariat)
    page = c.get(url("organization_list", congress)).context["page"]
    assert [(o.name, depth) for o, depth in page] == [
        ("Đảng bộ quận Ba Đình", 0),
        ("Đảng bộ phường Điện Biên", 1),
        ("Chi bộ Tổ dân phố số 1", 2),
    ]
    found = c.get(url("organization_list", congress), {"q": "dien bien"}).context["page"]
    assert [o.name for o, _ in found] == ["Đảng bộ phường Điện Biên"]


def test_organization_create_and_duplicate_code_refused(client_for, secretariat, congress):
    c = client_for(secretariat)
    data = {"name": "Chi bộ Trường THCS Giảng Võ", "code": "CS30", "kind": "grassroots_cell", "member_count": 35}
    assert c.post(url("organization_create", congress), data).status_code == 302
    again = c.post(url("organization_create", congress), {**data, "name": "Khác"})
    assert again.status_code == 400
    assert PartyOrganization.objects.filter(congress=congress).count() == 1


def test_organization_create_refused_for_members(client_for, member, congress):
    response = client_for(member).post(url("organization_create", congress), {"name": "X", "kind": "cell"})
    assert response.status_code == 403
    assert not PartyOrganization.objects.exists()


def test_milestone_after_cutoff_is_refused(client_for, secretariat, congress):
    response = client_for(secretariat).post(
        url("milestone_create", congress), {"title": "Tổng kết", "kind": "other", "due_date": "01/09/2020"}
    )
    assert response.status_code == 400
    assert "31/08/2020" in str(response.context["form"].errors["due_date"])
    assert not congress.milestones.exists()


def test_milestone_done_toggle_requires_post(client_for, secretariat, congress):
    milestone = MilestoneFactory(congress=congress)
    c = client_for(secretariat)
    assert c.get(url("milestone_done", congress, pk=milestone.pk)).status_code == 405
    c.post(url("milestone_done", congress, pk=milestone.pk))
    milestone.refresh_from_db()
    assert milestone.done_at is not None


def test_milestone_of_another_congress_is_404(client_for, secretariat, congress):
    foreign = MilestoneFactory(congress=CongressFactory())
    assert client_for(secretariat).get(url("milestone_edit", congress, pk=foreign.pk)).status_code == 404


def test_profile_language_choice_sets_the_interface(client_for, secretariat, congress):
    c = client_for(secretariat)
    c.post(reverse("profile"), {"full_name": "Phạm Thanh Trang", "email": "a@b.vn", "language": "en"})
    assert "Preparation dashboard" in c.get(url("dashboard", congress)).content.decode()


def test_profile_without_a_name_is_refused_next_to_the_field(client_for, secretariat):
    secretariat.full_name = "Phạm Thanh Trang"
    secretariat.save()
    response = client_for(secretariat).post(reverse("profile"), {"full_name": "  ", "email": "", "language": "vi"})
    assert response.status_code == 400
    assert response.context["form"].errors["full_name"] == ["Trường này là bắt buộc."]
    assert 'id="id_full_name"' in response.content.decode() and "is-invalid" in response.content.decode()
    secretariat.refresh_from_db()
    assert secretariat.full_name == "Phạm Thanh Trang"


def test_reserved_slug_is_refused():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        Congress(slug="admin").full_clean()
    assert "slug" in error.value.message_dict
