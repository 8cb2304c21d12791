"""Request-level tests of the elections pages: who may see and do what, what the pages show, bad input.

Users: anonymous (302 to login), an outsider (404), a member of another subcommittee (403 on the
confidential pages), a plain member of the Personnel subcommittee (reads, 403 on writes), its head
(writes), the secretariat, and the two members of the vote-counting committee.
"""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from personnel.election_models import (
    Ballot,
    BallotEntry,
    Candidate,
    Election,
    NominationStep,
    PersonnelPlan,
    PoolEntry,
    Round,
    StructureTarget,
    TrainingAttendance,
    TrainingClass,
    Withdrawal,
)
from personnel.election_services import (
    ballot_enter,
    election_lock,
    plan_save,
    round_count,
    round_publish,
    withdrawal_request,
)
from tests.personnel.election_factories import *  # noqa: F403
from tests.personnel.election_factories import ElectionFactory, pass_five_steps, person_in

pytestmark = pytest.mark.django_db

d = datetime.date


def url(name, congress, *args):
    return reverse(name, args=[congress.slug, *args])


def content(response) -> str:
    return response.content.decode()


def count_all(round_, counters, papers):
    for number, struck in papers.items():
        for counter in counters:
            ballot_enter(round_=round_, number=number, struck=struck, by=counter)
    return round_count(round_=round_)


@pytest.fixture
def counted(voting_round, counters):
    """Round 1 counted: An, Bình, Hà, Hùng elected (Lan struck out on every ballot)."""
    return count_all(voting_round, counters, {n: [5] for n in range(1, 7)})


# --- access matrix of the pages (GET)


CONFIDENTIAL = [
    ("election_plan", lambda e, r, c: ()),
    ("election_pool", lambda e, r, c: ()),
    ("election_detail", lambda e, r, c: (e.pk,)),
    ("candidate_detail", lambda e, r, c: (c.pk,)),
]
MANAGER_FORMS = [
    ("election_plan_edit", lambda e, r, c: ()),
    ("election_target_create", lambda e, r, c: ()),
    ("election_training_create", lambda e, r, c: ()),
    ("election_create", lambda e, r, c: ()),
    ("election_edit", lambda e, r, c: (e.pk,)),
    ("election_candidate_create", lambda e, r, c: (e.pk,)),
]
COUNTING = [
    ("election_round_count", lambda e, r, c: (r.pk,)),
    ("election_round_check", lambda e, r, c: (r.pk,)),
    ("election_round_setup", lambda e, r, c: (r.pk,)),
    ("election_round_ballot", lambda e, r, c: (r.pk,)),
]


@pytest.fixture
def objects(voting_round):
    election = voting_round.election
    return election, voting_round, election.candidates.first()


@pytest.mark.parametrize(("name", "args"), CONFIDENTIAL + MANAGER_FORMS + COUNTING + [("election_index", None)])
def test_elections_pages_anonymous_redirect_outsider_404(client, client_for, outsider, congress, objects, name, args):
    target = url(name, congress, *(args(*objects) if args else ()))
    response = client.get(target)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert client_for(outsider).get(target).status_code == 404


@pytest.mark.parametrize(("name", "args"), CONFIDENTIAL + MANAGER_FORMS + COUNTING)
def test_elections_pages_forbidden_to_a_member_of_another_subcommittee(
    client_for, member, congress, objects, name, args
):
    response = client_for(member).get(url(name, congress, *args(*objects)))
    assert response.status_code == 403


@pytest.mark.parametrize(("name", "args"), MANAGER_FORMS)
def test_elections_forms_forbidden_to_a_plain_personnel_member(
    client_for, personnel_member, congress, objects, name, args
):
    assert client_for(personnel_member).get(url(name, congress, *args(*objects))).status_code == 403


@pytest.mark.parametrize(("name", "args"), CONFIDENTIAL + COUNTING)
def test_elections_pages_readable_by_a_plain_personnel_member(
    client_for, personnel_member, congress, objects, name, args
):
    assert client_for(personnel_member).get(url(name, congress, *args(*objects))).status_code == 200


@pytest.mark.parametrize(("name", "args"), CONFIDENTIAL)
def test_counters_do_not_see_the_confidential_pages(client_for, counters, congress, objects, name, args):
    assert client_for(counters[0]).get(url(name, congress, *args(*objects))).status_code == 403


# --- overview


def test_election_index_member_sees_only_published_results(client_for, member, congress, counted):
    c = client_for(member)
    response = c.get(url("election_index", congress))
    assert response.status_code == 200
    assert response.context["elections"] == []
    assert response.context["results"] == []
    assert "Chưa có kết quả nào được công bố." in content(response)
    round_publish(round_=counted)
    response = c.get(url("election_index", congress))
    assert [r.pk for r in response.context["results"]] == [counted.pk]


def test_election_index_secretariat_sees_elections_and_can_add_bodies(client_for, secretariat, congress, executive):
    response = client_for(secretariat).get(url("election_index", congress))
    assert [e.pk for e in response.context["elections"]] == [executive.pk]
    assert response.context["elections"][0].candidate_count == 5
    assert "Ban Thường vụ" in content(response)  # a button to create the Standing Committee election
    assert reverse("election_create", args=[congress.slug]) + "?body=standing" in content(response)


def test_election_index_counter_sees_only_the_elections_he_counts(client_for, counters, congress, executive):
    other = ElectionFactory(congress=congress, body="city_delegates", seats=10, surplus_percent=20)
    response = client_for(counters[0]).get(url("election_index", congress))
    assert [e.pk for e in response.context["elections"]] == [executive.pk]
    assert other.title not in [e.title for e in response.context["elections"]] or other.pk != executive.pk


def test_nav_shows_elections_to_every_member(client_for, member, congress):
    response = client_for(member).get(reverse("dashboard", args=[congress.slug]))
    assert 'data-testid="nav-elections"' in content(response)


# --- personnel plan


def test_plan_page_shows_targets_and_age_flags(client_for, personnel_member, congress, executive, people):
    plan = plan_save(
        plan=PersonnelPlan(congress=congress, executive_size=45, standing_size=13, reference_date=d(2020, 6, 1))
    )
    StructureTarget.objects.create(plan=plan, body="executive", criterion="female", min_percent=15)
    people[3].birth_date = d(1964, 5, 1)  # Phạm Quang Bình, first time: born before June 1965
    people[3].save()
    response = client_for(personnel_member).get(url("election_plan", congress))
    assert response.status_code == 200
    page = content(response)
    assert "chưa đạt" in page  # no woman among the 5 candidates of the factory (all men)
    assert "0/5" in page
    assert [c.person.full_name for c, _limit in response.context["view"].age_flags] == ["Phạm Quang Bình"]


def test_plan_edit_refuses_a_standing_committee_over_a_third(client_for, personnel_head, congress):
    c = client_for(personnel_head)
    data = {
        "executive_size": 36,
        "standing_size": 13,
        "reference_date": "01/06/2020",
        "first_time_male_born_from": "01/06/1965",
        "first_time_female_born_from": "01/06/1970",
        "renominated_male_born_from": "01/12/1962",
        "renominated_female_born_from": "01/12/1967",
    }
    response = c.post(url("election_plan_edit", congress), data)
    assert response.status_code == 400
    assert "Số lượng Ban Thường vụ không quá một phần ba số lượng Ban Chấp hành." in content(response)
    assert PersonnelPlan.objects.count() == 0
    response = c.post(url("election_plan_edit", congress), {**data, "executive_size": 45})
    assert response.status_code == 302
    assert PersonnelPlan.objects.get(congress=congress).executive_size == 45


def test_plan_edit_post_forbidden_to_a_plain_personnel_member(client_for, personnel_member, congress):
    response = client_for(personnel_member).post(url("election_plan_edit", congress), {"executive_size": 45})
    assert response.status_code == 403
    assert PersonnelPlan.objects.count() == 0


def test_target_create_edit_delete(client_for, personnel_head, congress):
    c = client_for(personnel_head)
    response = c.post(
        url("election_target_create", congress), {"body": "executive", "criterion": "under_age", "position": 1}
    )
    assert response.status_code == 400
    assert StructureTarget.objects.count() == 0
    response = c.post(
        url("election_target_create", congress),
        {"body": "executive", "criterion": "under_age", "age_below": 40, "min_percent": 10, "position": 1},
    )
    assert response.status_code == 302
    target = StructureTarget.objects.get()
    response = c.post(
        url("election_target_edit", congress, target.pk),
        {"body": "executive", "criterion": "under_age", "age_below": 40, "min_percent": 12, "position": 1},
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.min_percent == 12
    assert c.post(url("election_target_delete", congress, target.pk)).status_code == 302
    assert StructureTarget.objects.count() == 0


# --- pool and training


def test_pool_add_and_bad_input(client_for, personnel_head, congress, people):
    c = client_for(personnel_head)
    data = {"person": people[0].member_number, "position": "standing", "term": "2020–2025", "added_on": "30/09/2019"}
    assert c.post(url("election_pool", congress), data).status_code == 302
    response = c.post(url("election_pool", congress), data)
    assert response.status_code == 400
    assert PoolEntry.objects.count() == 1
    response = c.post(url("election_pool", congress), {**data, "added_on": "31/02/2019", "position": "executive"})
    assert response.status_code == 400
    assert "Nhập ngày hợp lệ theo dạng dd/mm/yyyy (ví dụ 03/06/2020)." in content(response)
    assert PoolEntry.objects.count() == 1


def test_pool_add_forbidden_to_a_plain_personnel_member(client_for, personnel_member, congress, people):
    data = {"person": people[0].member_number, "position": "standing", "term": "2020–2025", "added_on": "30/09/2019"}
    assert client_for(personnel_member).post(url("election_pool", congress), data).status_code == 403
    assert PoolEntry.objects.count() == 0


def _pool(congress, people, n):
    training = TrainingClass.objects.create(
        congress=congress, name="Lớp bồi dưỡng nguồn", starts_on=d(2019, 11, 11), ends_on=d(2019, 11, 20)
    )
    for person in people[:n]:
        PoolEntry.objects.create(
            congress=congress, person=person, position="executive", term="2020–2025", added_on=d(2019, 9, 30)
        )
        TrainingAttendance.objects.create(training_class=training, person=person)


def queries_for(c, target) -> int:
    """Queries of one request (after a first one that warms the session)."""
    c.get(target)
    with CaptureQueriesContext(connection) as captured:
        c.get(target)
    return len(captured)


def test_pool_list_constant_queries(client_for, personnel_member, congress, people, django_assert_num_queries):
    c = client_for(personnel_member)
    target = url("election_pool", congress)
    _pool(congress, people[:1], 1)
    one_row = queries_for(c, target)
    for person in people[1:]:
        PoolEntry.objects.create(
            congress=congress, person=person, position="standing", term="2020–2025", added_on=d(2019, 9, 30)
        )
    with django_assert_num_queries(one_row):
        response = c.get(target)
    assert len(response.context["page"]) == 6
    assert "Lớp bồi dưỡng nguồn" in content(response)


def test_training_class_create_and_attendee(client_for, personnel_head, congress, people):
    c = client_for(personnel_head)
    response = c.post(
        url("election_training_create", congress),
        {"name": "Lớp bồi dưỡng nguồn cán bộ", "starts_on": "20/11/2019", "ends_on": "11/11/2019"},
    )
    assert response.status_code == 400
    assert TrainingClass.objects.count() == 0
    response = c.post(
        url("election_training_create", congress),
        {"name": "Lớp bồi dưỡng nguồn cán bộ", "starts_on": "11/11/2019", "ends_on": "20/11/2019"},
    )
    training = TrainingClass.objects.get()
    assert response.status_code == 302
    response = c.post(url("election_training", congress, training.pk), {"person": "nguyen van hung", "completed": "on"})
    assert response.status_code == 302
    response = c.post(url("election_training", congress, training.pk), {"person": people[0].member_number})
    assert response.status_code == 400
    assert list(training.attendances.values_list("person__full_name", flat=True)) == ["Nguyễn Văn Hùng"]


# --- elections and candidates


def test_election_create_refuses_a_surplus_over_30_percent(client_for, personnel_head, congress):
    c = client_for(personnel_head)
    data = {"body": "executive", "title": "Ban Chấp hành khóa XXVI", "seats": 45, "surplus_percent": 31}
    response = c.post(url("election_create", congress), {**data, "surplus_required": "on"})
    assert response.status_code == 400
    assert "Số dư không quá 30%." in content(response)
    assert Election.objects.count() == 0
    response = c.post(url("election_create", congress), {**data, "surplus_percent": 15, "surplus_required": "on"})
    assert response.status_code == 302
    assert Election.objects.get().surplus_percent == 15


def test_election_create_prefills_from_the_congress(client_for, personnel_head, congress):
    response = client_for(personnel_head).get(url("election_create", congress) + "?body=standing")
    assert response.context["form"].initial["seats"] == 13


def test_election_edit_sets_counters_of_the_vote_counting_committee(
    client_for, secretariat, congress, executive, member
):
    data = {"body": "executive", "title": executive.title, "seats": 4, "surplus_percent": 30, "surplus_required": "on"}
    response = client_for(secretariat).post(
        url("election_edit", congress, executive.pk), {**data, "counters": [member.pk]}
    )
    assert response.status_code == 400  # not on the vote-counting committee: not a choice
    assert sorted(executive.counters.values_list("username", flat=True)) == ["kiemphieu1", "kiemphieu2"]


def test_election_detail_constant_queries(client_for, secretariat, congress, people, django_assert_num_queries):
    election = ElectionFactory(congress=congress, seats=4)
    pass_five_steps(Candidate.objects.create(election=election, person=people[0]))
    c = client_for(secretariat)
    target = url("election_detail", congress, election.pk)
    one_row = queries_for(c, target)
    for person in people[1:]:
        pass_five_steps(Candidate.objects.create(election=election, person=person))
    withdrawal_request(candidate=election.candidates.last(), reason="Lý do riêng")
    with django_assert_num_queries(one_row):
        response = c.get(target)
    assert len(response.context["candidates"]) == 6


def test_election_index_constant_queries(client_for, secretariat, congress, executive, django_assert_num_queries):
    c = client_for(secretariat)
    target = url("election_index", congress)
    one_row = queries_for(c, target)
    ElectionFactory(congress=congress, body="standing", seats=13, surplus_percent=10, surplus_required=False)
    election_lock(election=executive)
    with django_assert_num_queries(one_row):
        response = c.get(target)
    assert len(response.context["elections"]) == 2


def test_election_detail_shows_ballot_order_and_the_surplus_check(client_for, secretariat, congress, executive):
    response = client_for(secretariat).get(url("election_detail", congress, executive.pk))
    assert [c.person.full_name for c in response.context["candidates"]] == [
        "Lê Minh An",
        "Phạm Quang Bình",
        "Vũ Thị Hà",
        "Nguyễn Văn Hùng",
        "Trần Thị Lan",
    ]
    assert "5 người trong danh sách, bầu 4 người" in content(response)
    assert "trong giới hạn" in content(response)


def test_candidate_create_refuses_a_probationary_member_in_vietnamese(client_for, personnel_head, congress, executive):
    person = person_in(congress, "Đinh Thị Ngọc Anh", status="probationary", official_on=None)
    response = client_for(personnel_head).post(
        url("election_candidate_create", congress, executive.pk),
        {"person": person.member_number, "source": "committee"},
    )
    assert response.status_code == 400
    assert "Đinh Thị Ngọc Anh không phải đảng viên chính thức (Đảng viên dự bị) nên không thể ứng cử." in content(
        response
    )
    assert not Candidate.objects.filter(person=person).exists()


def test_candidate_create_refuses_a_late_dossier_with_the_dates(client_for, personnel_head, congress, executive):
    person = person_in(congress, "Ngô Thanh Tùng")
    data = {"person": "Ngô Thanh Tùng", "source": "self", "dossier_received_on": "13/05/2020"}
    response = client_for(personnel_head).post(url("election_candidate_create", congress, executive.pk), data)
    assert response.status_code == 400
    assert "12/05/2020" in content(response)
    assert "13/05/2020" in content(response)
    assert not Candidate.objects.filter(person=person).exists()
    data["dossier_received_on"] = "12/05/2020"
    response = client_for(personnel_head).post(url("election_candidate_create", congress, executive.pk), data)
    assert response.status_code == 302
    assert Candidate.objects.get(person=person).source == "self"


def test_candidate_create_page_shows_the_dossier_deadline(client_for, personnel_head, congress, executive):
    response = client_for(personnel_head).get(url("election_candidate_create", congress, executive.pk))
    assert "12/05/2020" in content(response)


def test_lock_outside_the_surplus_answers_400_with_the_reason_and_locks_nothing(
    client_for, personnel_head, congress, executive, people
):
    pass_five_steps(Candidate.objects.create(election=executive, person=people[5]))
    response = client_for(personnel_head).post(url("election_lock", congress, executive.pk))
    assert response.status_code == 400
    assert "Danh sách có 6 người, bầu 4 người: số dư 2, vượt quá 30% cho phép (tối đa 5 người)." in content(response)
    executive.refresh_from_db()
    assert executive.list_locked_at is None
    assert Round.objects.count() == 0


def test_lock_and_unlock(client_for, personnel_head, congress, executive):
    c = client_for(personnel_head)
    assert c.post(url("election_lock", congress, executive.pk)).status_code == 302
    executive.refresh_from_db()
    assert executive.is_locked
    assert c.post(url("election_unlock", congress, executive.pk)).status_code == 302
    executive.refresh_from_db()
    assert not executive.is_locked


def test_lock_forbidden_to_a_plain_personnel_member(client_for, personnel_member, congress, executive):
    assert client_for(personnel_member).post(url("election_lock", congress, executive.pk)).status_code == 403
    executive.refresh_from_db()
    assert not executive.is_locked


def test_candidate_steps_withdrawal_and_delete(client_for, personnel_head, congress, executive, people):
    c = client_for(personnel_head)
    candidate = Candidate.objects.create(election=executive, person=people[5])
    bad = {"step": 1, "held_on": "02/12/2019", "voters": 15, "in_favour": 16}
    response = c.post(url("candidate_step", congress, candidate.pk), bad)
    assert response.status_code == 400
    assert "Số phiếu đồng ý (16) không thể nhiều hơn số người biểu quyết (15)." in content(response)
    assert NominationStep.objects.filter(candidate=candidate).count() == 0
    ok = {"step": 1, "held_on": "02/12/2019", "voters": 15, "in_favour": 14}
    assert c.post(url("candidate_step", congress, candidate.pk), ok).status_code == 302
    response = c.get(url("candidate_detail", congress, candidate.pk))
    assert "14/15" in content(response)

    assert c.post(url("candidate_withdrawal", congress, candidate.pk), {"reason": ""}).status_code == 400
    assert c.post(url("candidate_withdrawal", congress, candidate.pk), {"reason": "Lý do sức khỏe"}).status_code == 302
    decide = url("candidate_withdrawal_decide", congress, candidate.pk)
    assert c.post(decide, {"voters": 290, "in_favour": 300}).status_code == 400
    assert Withdrawal.objects.get(candidate=candidate).accepted is None
    assert c.post(decide, {"voters": 290, "in_favour": 200}).status_code == 302
    candidate.refresh_from_db()
    assert candidate.withdrawn

    other = Candidate.objects.get(election=executive, person=people[0])
    assert c.post(url("candidate_delete", congress, other.pk)).status_code == 302
    assert not Candidate.objects.filter(pk=other.pk).exists()


def test_candidate_writes_forbidden_to_a_plain_personnel_member(client_for, personnel_member, congress, executive):
    candidate = executive.candidates.first()
    c = client_for(personnel_member)
    assert c.post(url("candidate_step", congress, candidate.pk), {"step": 1}).status_code == 403
    assert c.post(url("candidate_withdrawal", congress, candidate.pk), {"reason": "x"}).status_code == 403
    assert c.post(url("candidate_delete", congress, candidate.pk)).status_code == 403
    assert Candidate.objects.filter(pk=candidate.pk).exists()
    assert not Withdrawal.objects.exists()


def test_candidate_delete_after_lock_answers_400(client_for, personnel_head, congress, executive):
    election_lock(election=executive)
    candidate = executive.candidates.first()
    response = client_for(personnel_head).post(url("candidate_delete", congress, candidate.pk))
    assert response.status_code == 400
    assert Candidate.objects.filter(pk=candidate.pk).exists()


def test_withdrawal_decision_without_a_request_answers_400(client_for, personnel_head, congress, executive):
    candidate = executive.candidates.first()
    response = client_for(personnel_head).post(
        url("candidate_withdrawal_decide", congress, candidate.pk), {"voters": 10, "in_favour": 9}
    )
    assert response.status_code == 400
    assert not Withdrawal.objects.exists()


# --- ballots and counting


def test_ballot_pdf_for_counters_and_personnel(client_for, counters, personnel_member, congress, voting_round):
    for user in (counters[0], personnel_member):
        response = client_for(user).get(url("election_round_ballot", congress, voting_round.pk))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")


def test_round_setup_by_a_counter_and_bad_input(client_for, counters, congress, voting_round):
    c = client_for(counters[0])
    data = {"summoned": 7, "absent_without_alternate": 0, "ballots_issued": 6, "ballots_collected": 7}
    response = c.post(url("election_round_setup", congress, voting_round.pk), data)
    assert response.status_code == 400
    assert "7" in content(response)
    voting_round.refresh_from_db()
    assert voting_round.ballots_collected == 6
    response = c.post(url("election_round_setup", congress, voting_round.pk), {**data, "ballots_collected": 5})
    assert response.status_code == 302
    voting_round.refresh_from_db()
    assert voting_round.ballots_collected == 5


def test_round_setup_post_forbidden_to_a_plain_personnel_member(client_for, personnel_member, congress, voting_round):
    data = {"summoned": 7, "absent_without_alternate": 0, "ballots_issued": 6, "ballots_collected": 5}
    assert (
        client_for(personnel_member).post(url("election_round_setup", congress, voting_round.pk), data).status_code
        == 403
    )
    voting_round.refresh_from_db()
    assert voting_round.ballots_collected == 6


def test_ballot_entry_screen_double_entry(client_for, counters, congress, voting_round):
    one, two = (client_for(u) for u in counters)
    target = url("election_round_count", congress, voting_round.pk)
    page = one.get(target)
    assert page.status_code == 200
    assert 'id="ballot-entry"' in content(page)
    assert "autofocus" in content(page)
    assert "elections-entry.js" in content(page)
    response = one.post(target, {"number": 1, "struck": "5 2"})
    assert response.status_code == 302
    response = two.post(target, {"number": 1, "struck": "2, 5"}, follow=True)
    assert "Phiếu số 1 đã lưu: hai lần nhập khớp nhau." in content(response)
    assert Ballot.objects.get(number=1).status == "agreed"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"number": 1, "struck": "9"}, "Không có tên nào mang số 9 trên phiếu này (từ số 1 đến số 5)."),
        ({"number": 1, "struck": "1 2 3 4 5 5"}, "Gạch 6 tên, nhưng phiếu chỉ có 5 tên."),
        ({"number": 1, "struck": "2 2"}, "Số 2 được gõ hai lần."),
        ({"number": 9, "struck": "1"}, "Không có phiếu số 9: thu về 6 phiếu (số 1 đến số 6)."),
        ({"number": "", "struck": "1"}, "Gõ số của phiếu giấy."),
        ({"number": 1, "struck": "1 a"}, "“a” không phải là số: gõ số thứ tự của những tên bị gạch."),
    ],
)
def test_ballot_entry_bad_input_answers_400_with_a_message_and_counts_nothing(
    client_for, counters, congress, voting_round, data, message
):
    response = client_for(counters[0]).post(url("election_round_count", congress, voting_round.pk), data)
    assert response.status_code == 400
    assert message in content(response)
    assert (Ballot.objects.count(), BallotEntry.objects.count()) == (0, 0)


def test_ballot_entered_twice_by_the_same_counter_answers_400(client_for, counters, congress, voting_round):
    c = client_for(counters[0])
    target = url("election_round_count", congress, voting_round.pk)
    c.post(target, {"number": 3, "struck": "1"})
    response = c.post(target, {"number": 3, "struck": "1"})
    assert response.status_code == 400
    assert "Đồng chí đã nhập phiếu số 3; lần nhập thứ hai do một thành viên khác thực hiện." in content(response)
    assert BallotEntry.objects.count() == 1


def test_ballot_entry_forbidden_to_those_who_do_not_count(
    client_for, secretariat, personnel_member, congress, voting_round
):
    target = url("election_round_count", congress, voting_round.pk)
    for user in (secretariat, personnel_member):
        c = client_for(user)
        page = c.get(target)
        assert page.status_code == 200  # they follow the progress
        assert 'id="ballot-entry"' not in content(page)
        assert c.post(target, {"number": 1, "struck": "1"}).status_code == 403
    assert Ballot.objects.count() == 0


def test_recount_list_and_resolution(client_for, counters, congress, voting_round):
    ballot_enter(round_=voting_round, number=2, struck=[3], by=counters[0])
    ballot_enter(round_=voting_round, number=2, struck=[4], by=counters[1])
    c = client_for(counters[0])
    page = c.get(url("election_round_check", congress, voting_round.pk))
    assert [b.number for b in page.context["ballots"]] == [2]
    resolve = url("election_ballot_resolve", congress, voting_round.pk, 2)
    response = c.post(resolve, {"b2-struck": "4", "b2-note": ""})
    assert response.status_code == 400
    assert Ballot.objects.get(number=2).status == "mismatch"
    response = c.post(resolve, {"b2-struck": "4", "b2-note": "Hai thành viên kiểm lại phiếu gốc"})
    assert response.status_code == 302
    assert Ballot.objects.get(number=2).status == "resolved"
    assert client_for(counters[1]).post(resolve, {"b2-struck": "3", "b2-note": "x"}).status_code == 400
    assert Ballot.objects.get(number=2).struck == [4]


def test_tally_refuses_an_incomplete_count(client_for, counters, congress, voting_round):
    ballot_enter(round_=voting_round, number=1, struck=[1], by=counters[0])
    response = client_for(counters[0]).post(url("election_round_tally", congress, voting_round.pk))
    assert response.status_code == 400
    assert "Phiếu chưa nhập: 2, 3, 4, 5, 6." in content(response)
    voting_round.refresh_from_db()
    assert voting_round.status == "open"


def test_tally_by_a_counter_then_results(client_for, counters, congress, voting_round):
    for number in range(1, 7):
        for counter in counters:
            ballot_enter(round_=voting_round, number=number, struck=[5], by=counter)
    response = client_for(counters[1]).post(url("election_round_tally", congress, voting_round.pk))
    assert response.status_code == 302
    voting_round.refresh_from_db()
    assert (voting_round.status, voting_round.valid, voting_round.threshold) == ("counted", 6, 4)


def test_results_hidden_until_published_then_visible_to_every_member(
    client, client_for, member, observer, outsider, counters, congress, counted
):
    target = url("election_round_results", congress, counted.pk)
    assert client.get(target).status_code == 302
    assert client_for(outsider).get(target).status_code == 404
    assert client_for(member).get(target).status_code == 403
    page = client_for(counters[0]).get(target)
    assert page.status_code == 200
    assert [r.name for r in page.context["result"].elected] == [
        "Lê Minh An",
        "Phạm Quang Bình",
        "Vũ Thị Hà",
        "Nguyễn Văn Hùng",
    ]
    round_publish(round_=counted)
    for user in (member, observer):
        page = client_for(user).get(target)
        assert page.status_code == 200
        assert '<svg class="results-chart"' in content(page)
        assert "85,71%" in content(page)  # 6 of 7 summoned


def test_counting_minutes_pdf_and_docx(client_for, counters, congress, counted):
    from docx import Document

    c = client_for(counters[0])
    response = c.get(url("election_round_minutes", congress, counted.pk, "pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    response = c.get(url("election_round_minutes", congress, counted.pk, "docx"))
    assert response.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "BIÊN BẢN KIỂM PHIẾU" in text
    assert "Số phiếu phát ra: 6; số phiếu thu về: 6." in text
    assert "Số phiếu hợp lệ: 6; số phiếu không hợp lệ: 0." in text
    assert "ít nhất 4 phiếu" in text
    assert "Trúng cử (4/4): Lê Minh An, Phạm Quang Bình, Vũ Thị Hà, Nguyễn Văn Hùng." in text


def test_minutes_of_an_uncounted_round_404(client_for, counters, congress, voting_round):
    assert (
        client_for(counters[0]).get(url("election_round_minutes", congress, voting_round.pk, "pdf")).status_code == 404
    )


def test_publish_by_managers_only(client_for, personnel_member, personnel_head, member, congress, counted):
    target = url("election_round_publish", congress, counted.pk)
    assert client_for(member).post(target).status_code == 403
    assert client_for(personnel_member).post(target).status_code == 403
    counted.refresh_from_db()
    assert counted.published_at is None
    assert client_for(personnel_head).post(target).status_code == 302
    counted.refresh_from_db()
    assert counted.published_at is not None


def test_endorsement_form(client_for, personnel_head, congress, executive, counted):
    c = client_for(personnel_head)
    target = url("election_endorsement", congress, executive.pk)
    response = c.post(target, {"endorsement_status": "endorsed", "endorsement_reference": "QĐ 123"})
    assert response.status_code == 400
    executive.refresh_from_db()
    assert executive.endorsement_status == "not_submitted"
    response = c.post(
        target, {"endorsement_status": "endorsed", "endorsement_reference": "QĐ 123", "endorsement_date": "20/06/2020"}
    )
    assert response.status_code == 302
    executive.refresh_from_db()
    assert (executive.endorsement_status, executive.endorsement_date) == ("endorsed", d(2020, 6, 20))


def test_next_round_among_the_tied(client_for, personnel_head, counters, congress, voting_round, executive):
    count_all(voting_round, counters, {1: [3], 2: [4], 3: [5], 4: [3], 5: [4], 6: [5]})
    c = client_for(personnel_head)
    page = c.get(url("election_detail", congress, executive.pk))
    assert getattr(page.context["next_round_form"], "tie", False) is True
    assert c.post(url("election_round_next", congress, executive.pk)).status_code == 302
    second = executive.rounds.get(number=2)
    assert (second.kind, second.seats, second.entries.count()) == ("tie", 2, 3)
    # A third round cannot be opened while the second is not counted.
    response = c.post(url("election_round_next", congress, executive.pk))
    assert response.status_code == 400
    assert executive.rounds.count() == 2


def test_withdrawal_pending_blocks_the_lock_in_the_page(client_for, personnel_head, congress, executive, people):
    withdrawal_request(candidate=Candidate.objects.get(election=executive, person=people[0]), reason="Lý do riêng")
    response = client_for(personnel_head).post(url("election_lock", congress, executive.pk))
    assert response.status_code == 400
    assert "Nguyễn Văn Hùng xin rút khỏi danh sách: Đại hội phải biểu quyết trước." in content(response)


def test_minutes_in_an_unknown_format_404(client_for, counters, congress, counted):
    assert client_for(counters[0]).get(url("election_round_minutes", congress, counted.pk, "xls")).status_code == 404


def test_pages_in_english(client_for, secretariat, congress, counted):
    c = client_for(secretariat)
    c.cookies["django_language"] = "en"
    page = c.get(url("election_round_results", congress, counted.pk))
    assert "Votes per candidate" in content(page)
    assert "85.71%" in content(page)
    page = c.get(url("election_detail", congress, counted.election_id))
    assert "5 names for 4 seats" in content(page)


ADMIN_MODELS = ["personnelplan", "poolentry", "trainingclass", "election", "candidate", "round", "ballot"]


@pytest.mark.parametrize("model", ADMIN_MODELS)
def test_admin_changelist_and_change_page(admin_client, congress, counted, people, model):
    from django.apps import apps

    plan_save(plan=PersonnelPlan(congress=congress, executive_size=45, standing_size=13, reference_date=d(2020, 6, 1)))
    _pool(congress, people, 2)
    assert admin_client.get(reverse(f"admin:personnel_{model}_changelist")).status_code == 200
    obj = apps.get_model("personnel", model).objects.order_by("pk").first()
    assert admin_client.get(reverse(f"admin:personnel_{model}_change", args=[obj.pk])).status_code == 200


def test_person_lookup_by_card_number_or_unique_name(client_for, personnel_head, congress, executive, people):
    namesake = person_in(congress, "Nguyễn Văn Hùng")  # the same name as people[0]
    c = client_for(personnel_head)
    target = url("election_candidate_create", congress, executive.pk)
    response = c.post(target, {"person": "Nguyen Van Hung", "source": "committee"})
    assert response.status_code == 400
    assert "Có nhiều đảng viên tên Nguyen Van Hung" in content(response)
    assert namesake.member_number in content(response)
    response = c.post(target, {"person": "Không Có Ai", "source": "committee"})
    assert response.status_code == 400
    assert "Không có đảng viên nào có số thẻ hoặc họ tên này" in content(response)
    assert c.post(target, {"person": namesake.member_number, "source": "committee"}).status_code == 302
    assert executive.candidates.filter(person=namesake).exists()


def test_person_suggestions(client, client_for, member, personnel_member, outsider, congress, people):
    target = url("election_person_suggestions", congress) + "?person=hung&target=id_person"
    assert client.get(target).status_code == 302
    assert client_for(outsider).get(target).status_code == 404
    assert client_for(member).get(target).status_code == 403
    response = client_for(personnel_member).get(target)
    assert response.status_code == 200
    assert [p.full_name for p in response.context["people"]] == ["Nguyễn Văn Hùng"]
    assert f'data-value="{people[0].member_number}"' in content(response)
    assert (
        client_for(personnel_member).get(url("election_person_suggestions", congress) + "?person=x").context["people"]
        == []
    )


def test_candidate_form_is_light_whatever_the_number_of_members(client_for, personnel_head, congress, executive):
    response = client_for(personnel_head).get(url("election_candidate_create", congress, executive.pk))
    assert 'hx-get="/ba-dinh/elections/people/"' in content(response)
    assert '<select name="person"' not in content(response)


def test_person_suggestions_find_a_card_number_from_its_beginning(client_for, personnel_member, congress, people):
    number = people[0].member_number
    response = client_for(personnel_member).get(url("election_person_suggestions", congress) + f"?person={number[:-1]}")
    assert people[0] in response.context["people"]
    assert all(
        p.member_number.startswith(number[:-1]) or number[:-1] in p.name_folded for p in response.context["people"]
    )
