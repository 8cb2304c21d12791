"""Rules of the personnel plan, nominations and elections, through the services (no HTTP).

The executive election of the fixtures: 4 seats, 5 names, 30% surplus allowed. Ballot order
(given name first): 1 Lê Minh An, 2 Phạm Quang Bình, 3 Vũ Thị Hà, 4 Nguyễn Văn Hùng, 5 Trần Thị Lan.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from personnel.election_models import (
    Ballot,
    BallotEntry,
    BallotStatus,
    Candidate,
    Election,
    NominationStep,
    Outcome,
    PersonnelPlan,
    Round,
    RoundKind,
    StructureTarget,
)
from personnel.election_selectors import (
    age_limit_breach,
    candidacy_dossier_deadline,
    last_published_result,
    list_check,
    plan_overview,
    surplus_problem,
)
from personnel.election_services import (
    ballot_enter,
    ballot_resolve,
    candidate_add,
    election_lock,
    election_save,
    election_unlock,
    endorsement_record,
    nomination_step_record,
    parse_struck,
    plan_save,
    round_count,
    round_open_next,
    round_publish,
    round_setup,
    withdrawal_decide,
    withdrawal_request,
)
from tests.personnel.election_factories import *  # noqa: F403
from tests.personnel.election_factories import ElectionFactory, pass_five_steps, person_in
from tests.personnel.factories import DelegateFactory

pytestmark = pytest.mark.django_db

d = datetime.date


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English here; the Vietnamese ones are checked in test_election_views."""
    with translation.override("en"):
        yield


def messages_of(error: ValidationError) -> list[str]:
    return error.messages


def names_by_number(round_: Round) -> dict[int, str]:
    return {e.number: e.candidate.person.full_name for e in round_.entries.select_related("candidate__person")}


def enter_twice(round_, counters, number, struck, **flags):
    one, two = counters
    ballot_enter(round_=round_, number=number, struck=struck, by=one, **flags)
    return ballot_enter(round_=round_, number=number, struck=struck, by=two, **flags)


# --- the surplus check


@pytest.mark.parametrize(
    ("count", "seats", "percent", "required", "ok"),
    [
        (45, 45, 15, True, False),  # no surplus where one is required
        (46, 45, 15, True, True),
        (51, 45, 15, True, True),  # 45 + 6 (15% of 45 = 6.75, whole people: 6)
        (52, 45, 15, True, False),
        (58, 45, 30, True, True),  # 45 + 13 (13.5)
        (59, 45, 30, True, False),
        (13, 13, 0, False, True),  # Standing Committee without surplus
        (14, 13, 10, False, True),  # 13 + 1 (1.3)
        (15, 13, 10, False, False),
        (1, 1, 0, False, True),  # secretary
        (2, 1, 0, False, False),
        (0, 1, 0, False, False),
    ],
)
def test_surplus_problem_limits(count, seats, percent, required, ok):
    problem = surplus_problem(count=count, seats=seats, surplus_percent=percent, surplus_required=required)
    assert (problem is None) == ok


def test_surplus_problem_says_why():
    assert surplus_problem(count=52, seats=45, surplus_percent=15, surplus_required=True) == (
        "The list has 52 names for 45 seats: a surplus of 7, more than the 15% allowed (at most 51 names)."
    )
    assert surplus_problem(count=45, seats=45, surplus_percent=15, surplus_required=True) == (
        "The list has 45 names for 45 seats: it must exceed the seats (at least 46 names)."
    )


def test_election_save_refuses_more_than_30_percent_and_impossible_surplus(congress):
    with pytest.raises(ValidationError) as error:
        election_save(election=Election(congress=congress, body="executive", title="BCH", seats=45, surplus_percent=31))
    assert error.value.message_dict["surplus_percent"] == ["The surplus may be at most 30%."]
    with pytest.raises(ValidationError) as error:
        election_save(election=Election(congress=congress, body="executive", title="BCH", seats=3, surplus_percent=30))
    assert "allow at least 34%" in error.value.message_dict["surplus_percent"][0]
    assert Election.objects.count() == 0


def test_election_save_standing_committee_at_most_a_third(congress):
    election_save(election=Election(congress=congress, body="executive", title="BCH", seats=45, surplus_percent=15))
    with pytest.raises(ValidationError) as error:
        election_save(
            election=Election(
                congress=congress, body="standing", title="BTV", seats=16, surplus_percent=0, surplus_required=False
            )
        )
    assert error.value.message_dict["seats"] == [
        "The Standing Committee may have at most one third of the executive committee (15 of 45)."
    ]


def test_election_one_per_body_is_a_database_rule(congress):
    ElectionFactory(congress=congress)
    with pytest.raises(IntegrityError), transaction.atomic():
        ElectionFactory(congress=congress)


def test_surplus_over_30_percent_is_a_database_rule(congress):
    with pytest.raises(IntegrityError), transaction.atomic():
        ElectionFactory(congress=congress, surplus_percent=31)


# --- locking the list


def test_lock_numbers_the_names_in_vietnamese_order(executive):
    round_ = election_lock(election=executive)
    assert names_by_number(round_) == {
        1: "Lê Minh An",
        2: "Phạm Quang Bình",
        3: "Vũ Thị Hà",
        4: "Nguyễn Văn Hùng",
        5: "Trần Thị Lan",
    }
    executive.refresh_from_db()
    assert executive.is_locked
    assert (round_.number, round_.kind, round_.seats) == (1, RoundKind.FIRST, 4)


def test_lock_refuses_a_list_outside_the_surplus_and_locks_nothing(executive, people):
    pass_five_steps(candidate_add(election=executive, person=people[5]))  # 6 names for 4 seats: 50%
    with pytest.raises(ValidationError) as error:
        election_lock(election=executive)
    assert messages_of(error.value) == [
        "The list has 6 names for 4 seats: a surplus of 2, more than the 30% allowed (at most 5 names)."
    ]
    executive.refresh_from_db()
    assert executive.list_locked_at is None
    assert Round.objects.count() == 0


def test_lock_refuses_candidates_who_did_not_pass_the_five_steps(executive, people):
    candidate = Candidate.objects.get(election=executive, person=people[0])
    step = candidate.steps.get(step=3)
    step.in_favour = 20  # exactly half of 40: not more than half
    step.save()
    Candidate.objects.get(election=executive, person=people[1]).steps.filter(step__gte=4).delete()
    with pytest.raises(ValidationError) as error:
        election_lock(election=executive)
    assert messages_of(error.value) == [
        "Nguyễn Văn Hùng did not pass step 3 (20 of 40 in favour).",
        "Trần Thị Lan has not been through the five steps of introduction yet.",
    ]


def test_lock_refuses_a_pending_withdrawal_and_a_member_no_longer_official(executive, people):
    withdrawal_request(candidate=Candidate.objects.get(election=executive, person=people[2]), reason="Lý do sức khỏe")
    people[3].status = "suspended"
    people[3].save()
    with pytest.raises(ValidationError) as error:
        election_lock(election=executive)
    assert messages_of(error.value) == [  # in ballot order
        "Lê Minh An asked to withdraw: the congress must vote on it first.",
        "Phạm Quang Bình is not an official party member (Suspended) and cannot stand.",
    ]


def test_unlock_only_before_any_ballot(voting_round, counters, executive):
    ballot_enter(round_=voting_round, number=1, struck=[1], by=counters[0])
    with pytest.raises(ValidationError) as error:
        election_unlock(election=executive)
    assert messages_of(error.value) == ["Ballots have been entered: the list can no longer be unlocked."]
    assert Round.objects.filter(election=executive).count() == 1


def test_unlock_before_ballots_removes_the_numbering(executive):
    election_lock(election=executive)
    election_unlock(election=executive)
    executive.refresh_from_db()
    assert (executive.is_locked, executive.rounds.count()) == (False, 0)


def test_locked_list_refuses_new_candidates(executive, people):
    election_lock(election=executive)
    with pytest.raises(ValidationError) as error:
        candidate_add(election=executive, person=people[5])
    assert "locked for printing" in error.value.message_dict["person"][0]


# --- candidates and nominations


def test_probationary_member_cannot_stand(executive, congress):
    person = person_in(congress, "Đinh Thị Ngọc Anh", status="probationary", official_on=None)
    with pytest.raises(ValidationError) as error:
        candidate_add(election=executive, person=person)
    assert error.value.message_dict["person"] == [
        "Đinh Thị Ngọc Anh is not an official party member (Probationary member) and cannot stand."
    ]
    assert not Candidate.objects.filter(person=person).exists()


def test_candidate_only_once_per_election(executive, people):
    with pytest.raises(ValidationError) as error:
        candidate_add(election=executive, person=people[0])
    assert error.value.message_dict["person"] == ["This person is already a candidate in this election."]


def test_dossier_deadline_is_15_working_days_before_the_opening(congress):
    # Opening Tuesday 02/06/2020: 15 working days back is Tuesday 12/05/2020.
    assert candidacy_dossier_deadline(congress) == d(2020, 5, 12)


def test_self_nomination_of_a_non_delegate_needs_a_dossier_on_time(executive, congress):
    late = person_in(congress, "Ngô Thanh Tùng")
    with pytest.raises(ValidationError) as error:
        candidate_add(election=executive, person=late, source="self", dossier_received_on=d(2020, 5, 13))
    assert error.value.message_dict["dossier_received_on"] == [
        "Candidacy dossiers from non-delegates were due on 12/05/2020, 15 working days before the opening; "
        "this one arrived on 13/05/2020 and cannot be accepted."
    ]
    with pytest.raises(ValidationError) as error:
        candidate_add(election=executive, person=late, source="self")
    assert error.value.message_dict["dossier_received_on"] == [
        "Ngô Thanh Tùng is not a delegate: a candidacy dossier is required (due 12/05/2020)."
    ]
    assert not Candidate.objects.filter(person=late).exists()
    on_time = candidate_add(election=executive, person=late, source="self", dossier_received_on=d(2020, 5, 12))
    assert on_time.source == "self"


def test_delegate_nominated_at_the_congress_needs_no_dossier_but_named_nominators(executive, congress):
    delegate = DelegateFactory(person=person_in(congress, "Bùi Thị Hạnh"))
    with pytest.raises(ValidationError) as error:
        candidate_add(election=executive, person=delegate.person, source="delegates")
    assert error.value.message_dict["nominated_by"] == ["Name the delegates who nominated this candidate."]
    candidate = candidate_add(
        election=executive, person=delegate.person, source="delegates", nominated_by="Đại biểu Lê Văn Nam, Đỗ Thị Hoa"
    )
    assert candidate.dossier_received_on is None


def test_five_steps_in_order_each_more_than_half(executive, congress):
    candidate = candidate_add(election=executive, person=person_in(congress, "Hồ Văn Long"))
    with pytest.raises(ValidationError) as error:
        nomination_step_record(candidate=candidate, step=2, held_on=d(2019, 12, 9), voters=45, in_favour=40)
    assert error.value.message_dict["step"] == ["Record step 1 first."]
    nomination_step_record(candidate=candidate, step=1, held_on=d(2019, 12, 2), voters=15, in_favour=14)
    with pytest.raises(ValidationError) as error:
        nomination_step_record(candidate=candidate, step=2, held_on=d(2019, 12, 9), voters=45, in_favour=46)
    assert error.value.message_dict["in_favour"] == ["The votes in favour (46) cannot exceed the voters (45)."]
    with pytest.raises(ValidationError) as error:
        nomination_step_record(candidate=candidate, step=2, held_on=d(2019, 11, 30), voters=45, in_favour=40)
    assert error.value.message_dict["held_on"] == ["Step 1 was held on 02/12/2019; this step cannot come before it."]
    step = nomination_step_record(candidate=candidate, step=2, held_on=d(2019, 12, 9), voters=44, in_favour=22)
    assert step.passed is False  # 22 of 44 is half, not more than half
    with pytest.raises(ValidationError) as error:
        nomination_step_record(candidate=candidate, step=3, held_on=d(2019, 12, 16), voters=120, in_favour=100)
    assert error.value.message_dict["step"] == [
        "Step 2 did not pass (not more than half in favour): the introduction stops there."
    ]
    assert candidate.steps.count() == 2


def test_step_that_fails_on_correction_drops_the_later_steps(executive, people):
    candidate = Candidate.objects.get(election=executive, person=people[0])
    nomination_step_record(candidate=candidate, step=3, held_on=d(2019, 12, 23), voters=100, in_favour=50)
    assert sorted(candidate.steps.values_list("step", flat=True)) == [1, 2, 3]


def test_withdrawal_is_decided_by_a_majority_of_the_delegates_voting(executive, people):
    first = Candidate.objects.get(election=executive, person=people[0])
    second = Candidate.objects.get(election=executive, person=people[1])
    refused = withdrawal_decide(
        withdrawal=withdrawal_request(candidate=first, reason="Xin rút vì lý do gia đình"), voters=290, in_favour=145
    )
    assert refused.accepted is False
    accepted = withdrawal_decide(
        withdrawal=withdrawal_request(candidate=second, reason="Xin rút vì lý do sức khỏe"), voters=290, in_favour=146
    )
    assert accepted.accepted is True
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.withdrawn, second.withdrawn) == (False, True)
    assert list_check(executive).count == 4


def test_withdrawal_decision_refuses_impossible_votes(executive, people):
    withdrawal = withdrawal_request(candidate=Candidate.objects.get(election=executive, person=people[0]), reason="x")
    with pytest.raises(ValidationError) as error:
        withdrawal_decide(withdrawal=withdrawal, voters=290, in_favour=291)
    assert error.value.message_dict["in_favour"] == ["The votes in favour (291) cannot exceed the voters (290)."]
    withdrawal.refresh_from_db()
    assert withdrawal.accepted is None


# --- age limits and structure targets


@pytest.fixture
def plan(congress):
    return plan_save(
        plan=PersonnelPlan(congress=congress, executive_size=45, standing_size=13, reference_date=d(2020, 6, 1))
    )


@pytest.mark.parametrize(
    ("gender", "renominated", "birth_date", "birth_year", "breaks"),
    [
        ("male", False, d(1965, 5, 31), 1965, d(1965, 6, 1)),
        ("male", False, d(1965, 6, 1), 1965, None),
        ("male", False, None, 1965, d(1965, 6, 1)),  # year only: counted from 1 January 1965
        ("male", False, None, 1966, None),
        ("female", False, d(1970, 5, 31), 1970, d(1970, 6, 1)),
        ("female", False, d(1970, 6, 1), 1970, None),
        ("male", True, d(1962, 11, 30), 1962, d(1962, 12, 1)),
        ("male", True, d(1962, 12, 1), 1962, None),
        ("male", True, None, 1963, None),
        ("female", True, d(1967, 11, 30), 1967, d(1967, 12, 1)),
        ("female", True, None, 1967, d(1967, 12, 1)),
        ("female", True, None, 1968, None),
    ],
)
def test_age_limits(plan, congress, gender, renominated, birth_date, birth_year, breaks):
    person = person_in(
        congress,
        "Nguyễn Văn Thử",
        gender=gender,
        birth_date=birth_date,
        birth_year=birth_year,
        is_executive_member=renominated,
        joined_on=None,
        official_on=None,
    )
    assert age_limit_breach(plan, person) == breaks


def test_plan_save_refuses_standing_committee_over_a_third(congress):
    with pytest.raises(ValidationError) as error:
        plan_save(
            plan=PersonnelPlan(congress=congress, executive_size=36, standing_size=13, reference_date=d(2020, 6, 1))
        )
    assert error.value.message_dict["standing_size"] == [
        "The Standing Committee may have at most one third of the executive committee (12 of 36)."
    ]
    assert PersonnelPlan.objects.count() == 0


def test_targets_met_or_not_on_the_candidate_list_with_age_flags(plan, congress, executive, people):
    # The list: 5 people; Trần Thị Lan is the only woman (20%); Vũ Thị Hà is made a man for this test.
    people[1].gender = "female"
    people[1].save()
    for person in people[2:5]:
        person.gender = "male"
        person.save()
    people[0].birth_date = d(1981, 3, 1)  # 39 on 01/06/2020: under 40
    people[0].save()
    people[2].birth_date, people[2].birth_year = None, 1980  # counted from 01/01/1980: 40, not under 40
    people[2].save()
    people[3].birth_date = d(1964, 1, 1)  # first time, man: born before June 1965
    people[3].save()
    StructureTarget.objects.create(plan=plan, body="executive", criterion="female", min_percent=15, position=1)
    StructureTarget.objects.create(plan=plan, body="executive", criterion="female", min_percent=25, position=2)
    StructureTarget.objects.create(
        plan=plan, body="executive", criterion="under_age", age_below=40, min_percent=10, position=3
    )
    StructureTarget.objects.create(plan=plan, body="executive", criterion="ethnic_minority", min_count=1, position=4)
    StructureTarget.objects.create(
        plan=plan, body="executive", criterion="sector", sector="khoi phuong", min_percent=50, position=5
    )
    StructureTarget.objects.create(plan=plan, body="standing", criterion="female", min_count=1, position=6)
    view = plan_overview(congress)
    rows = [(c.target.criterion, c.on_list.count if c.on_list else None, c.met_on_list) for c in view.checks]
    assert rows == [
        ("female", 1, True),  # 1 of 5 = 20% ≥ 15%
        ("female", 1, False),  # 20% < 25%
        ("under_age", 1, True),  # 1 of 5 = 20% ≥ 10%
        ("ethnic_minority", 0, False),
        ("sector", 5, True),  # "Khối phường", compared without accents
        ("female", None, None),  # no Standing Committee list yet
    ]
    assert [(c.person.full_name, limit) for c, limit in view.age_flags] == [("Phạm Quang Bình", d(1965, 6, 1))]


def test_target_without_a_minimum_is_a_database_rule(plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        StructureTarget.objects.create(plan=plan, body="executive", criterion="female")


# --- ballot entry


def test_parse_struck_accepts_spaces_commas_and_ranges():
    assert parse_struck("3 7, 12") == [3, 7, 12]
    assert parse_struck("2-4 9") == [2, 3, 4, 9]
    assert parse_struck("") == []
    with pytest.raises(ValidationError) as error:
        parse_struck("1-100000000")
    assert error.value.message_dict["struck"] == ["Too many numbers: a ballot has fewer names."]
    with pytest.raises(ValidationError) as error:
        parse_struck("3 x")
    assert error.value.message_dict["struck"] == ["“x” is not a number: type the numbers of the names struck out."]


def test_double_entry_agreed_and_mismatch_then_recount(voting_round, counters):
    one, two = counters
    ballot, kind = ballot_enter(round_=voting_round, number=1, struck=[5, 2], by=one)
    assert (kind, ballot.status) == ("first", BallotStatus.WAITING)
    ballot, kind = ballot_enter(round_=voting_round, number=1, struck=[2, 5], by=two)
    assert (kind, ballot.status, ballot.struck) == ("agreed", BallotStatus.AGREED, [2, 5])
    ballot_enter(round_=voting_round, number=2, struck=[3], by=one)
    ballot, kind = ballot_enter(round_=voting_round, number=2, struck=[4], by=two)
    assert (kind, ballot.status, ballot.struck) == ("mismatch", BallotStatus.MISMATCH, [])
    resolved = ballot_resolve(ballot=ballot, struck=[4], note="Hai thành viên kiểm lại: gạch tên số 4", by=one)
    assert (resolved.status, resolved.struck, resolved.resolved_by) == (BallotStatus.RESOLVED, [4], one)


@pytest.mark.parametrize(
    ("number", "struck", "field", "message"),
    [
        (1, [6], "struck", "No name has number 6 on this ballot (numbers 1 to 5)."),
        (1, [2, 2], "struck", "Number 2 was typed twice."),
        (1, [1, 2, 3, 4, 5, 5], "struck", "6 names struck out, but the ballot has only 5."),
        (7, [1], "number", "There is no ballot 7: 6 ballots were collected (numbers 1 to 6)."),
        (0, [1], "number", "Ballot numbers start at 1."),
    ],
)
def test_ballot_entry_bad_input_saves_nothing(voting_round, counters, number, struck, field, message):
    with pytest.raises(ValidationError) as error:
        ballot_enter(round_=voting_round, number=number, struck=struck, by=counters[0])
    assert error.value.message_dict[field] == [message]
    assert (Ballot.objects.count(), BallotEntry.objects.count()) == (0, 0)


def test_ballot_entered_twice_by_the_same_counter_is_refused(voting_round, counters):
    one, two = counters
    ballot_enter(round_=voting_round, number=3, struck=[1], by=one)
    with pytest.raises(ValidationError) as error:
        ballot_enter(round_=voting_round, number=3, struck=[1], by=one)
    assert error.value.message_dict["number"] == [
        "You have already entered ballot 3; the second entry is another counter's."
    ]
    ballot_enter(round_=voting_round, number=3, struck=[1], by=two)
    from tests.factories import CongressRoleFactory, UserFactory

    third = UserFactory(username="kiemphieu3")
    CongressRoleFactory(congress=voting_round.election.congress, user=third, role="vote_counting")
    voting_round.election.counters.add(third)
    with pytest.raises(ValidationError) as error:
        ballot_enter(round_=voting_round, number=3, struck=[1], by=third)
    assert error.value.message_dict["number"] == ["Ballot 3 has already been entered twice."]
    assert BallotEntry.objects.filter(ballot__number=3).count() == 2


def test_only_the_counters_of_the_election_enter_ballots(voting_round, secretariat):
    with pytest.raises(ValidationError) as error:
        ballot_enter(round_=voting_round, number=1, struck=[], by=secretariat)
    assert error.value.messages == [
        "Only the members of the vote-counting committee of this election enter its ballots."
    ]
    assert Ballot.objects.count() == 0


def test_ballots_need_the_numbers_issued_and_collected_first(executive, counters):
    round_ = election_lock(election=executive)
    with pytest.raises(ValidationError) as error:
        ballot_enter(round_=round_, number=1, struck=[], by=counters[0])
    assert error.value.message_dict["number"] == ["Enter the numbers of ballots issued and collected first."]


def test_round_setup_refuses_more_collected_than_issued_and_more_issued_than_summoned(voting_round):
    with pytest.raises(ValidationError) as error:
        round_setup(round_=voting_round, summoned=7, absent_without_alternate=0, ballots_issued=6, ballots_collected=7)
    assert error.value.message_dict["ballots_collected"] == [
        "More ballots collected (7) than issued (6): count the ballot box again."
    ]
    with pytest.raises(ValidationError) as error:
        round_setup(round_=voting_round, summoned=7, absent_without_alternate=0, ballots_issued=8, ballots_collected=6)
    assert error.value.message_dict["ballots_issued"] == ["More ballots issued (8) than delegates summoned (7)."]
    voting_round.refresh_from_db()
    assert (voting_round.ballots_issued, voting_round.ballots_collected) == (6, 6)


def test_collected_over_issued_is_a_database_rule(voting_round):
    Round.objects.filter(pk=voting_round.pk).update(ballots_collected=6)
    with pytest.raises(IntegrityError), transaction.atomic():
        Round.objects.filter(pk=voting_round.pk).update(ballots_collected=7)


# --- counting and rounds


def test_count_refuses_until_every_ballot_is_entered_twice_and_agreed(voting_round, counters):
    one, two = counters
    enter_twice(voting_round, counters, 1, [1])
    ballot_enter(round_=voting_round, number=2, struck=[1], by=one)
    ballot_enter(round_=voting_round, number=3, struck=[1], by=one)
    ballot_enter(round_=voting_round, number=3, struck=[2], by=two)
    with pytest.raises(ValidationError) as error:
        round_count(round_=voting_round)
    assert messages_of(error.value) == [
        "Ballots not entered yet: 4, 5, 6.",
        "1 ballots entered only once: they need the second entry.",
        "1 ballots with differing entries: recount them.",
    ]
    voting_round.refresh_from_db()
    assert (voting_round.status, voting_round.valid) == ("open", None)


def test_count_worked_example_with_invalid_ballots_of_each_kind(voting_round, counters):
    # 7 summoned: a candidate needs 4 votes. Six ballots, four of them invalid.
    enter_twice(voting_round, counters, 1, [5])  # keeps An, Bình, Hà, Hùng
    enter_twice(voting_round, counters, 2, [2])  # keeps An, Hà, Hùng, Lan
    enter_twice(voting_round, counters, 3, [])  # keeps all 5 names for 4 seats: invalid
    enter_twice(voting_round, counters, 4, [1, 2, 3, 4, 5])  # keeps no name on a list with surplus: invalid
    enter_twice(voting_round, counters, 5, [5], written_in=True)  # a name written in: invalid
    enter_twice(voting_round, counters, 6, [5], spoiled=True)  # not the congress's ballot: invalid
    counted = round_count(round_=voting_round)
    assert (counted.valid, counted.invalid, counted.threshold, counted.unfilled) == (2, 4, 4, 4)
    votes = {
        e.candidate.person.full_name: (e.votes, e.outcome) for e in counted.entries.select_related("candidate__person")
    }
    assert votes == {
        "Lê Minh An": (2, Outcome.NOT_ELECTED),
        "Phạm Quang Bình": (1, Outcome.NOT_ELECTED),
        "Vũ Thị Hà": (2, Outcome.NOT_ELECTED),
        "Nguyễn Văn Hùng": (2, Outcome.NOT_ELECTED),
        "Trần Thị Lan": (1, Outcome.NOT_ELECTED),
    }


def test_count_threshold_of_summoned_then_new_round_among_the_tied(voting_round, counters, executive):
    # Every voter keeps 4 of 5 names. An 6, Bình 6, Hà 4, Hùng 4, Lan 4: An and Bình are elected;
    # Hà, Hùng and Lan are tied with 4 (more than half of 7) for the last 2 seats.
    for number, struck in {1: [3], 2: [4], 3: [5], 4: [3], 5: [4], 6: [5]}.items():
        enter_twice(voting_round, counters, number, struck)
    counted = round_count(round_=voting_round)
    outcomes = {
        e.candidate.person.full_name: (e.votes, e.outcome) for e in counted.entries.select_related("candidate__person")
    }
    assert outcomes == {
        "Lê Minh An": (6, Outcome.ELECTED),
        "Phạm Quang Bình": (6, Outcome.ELECTED),
        "Vũ Thị Hà": (4, Outcome.TIED),
        "Nguyễn Văn Hùng": (4, Outcome.TIED),
        "Trần Thị Lan": (4, Outcome.TIED),
    }
    assert counted.unfilled == 2
    second = round_open_next(election=executive)
    assert (second.number, second.kind, second.seats, second.summoned) == (2, RoundKind.TIE, 2, 7)
    assert names_by_number(second) == {1: "Vũ Thị Hà", 2: "Nguyễn Văn Hùng", 3: "Trần Thị Lan"}


def test_unfilled_seats_new_round_with_the_list_the_congress_chooses(voting_round, counters, executive, people):
    # Only An passes (6 of 7 summoned need 4); three seats stay unfilled.
    for number, struck in {1: [2, 3, 4], 2: [2, 4, 5], 3: [3, 4, 5], 4: [2, 3, 5], 5: [2, 3, 4], 6: [3, 4, 5]}.items():
        enter_twice(voting_round, counters, number, struck)
    counted = round_count(round_=voting_round)
    assert counted.unfilled == 3
    elected = Candidate.objects.get(election=executive, person=people[2])
    others = list(Candidate.objects.filter(election=executive).exclude(pk=elected.pk))
    with pytest.raises(ValidationError) as error:
        round_open_next(election=executive, candidates=[elected, *others[:2]])
    assert "Lê Minh An" in error.value.message_dict["candidates"][0]
    with pytest.raises(ValidationError) as error:
        round_open_next(election=executive, candidates=others[:2])
    assert error.value.message_dict["candidates"] == [
        "The list has 2 names for 3 seats: there must be at least as many names as seats."
    ]
    third = round_open_next(election=executive, candidates=others[:3])
    assert (third.kind, third.seats, third.entries.count()) == (RoundKind.UNFILLED, 3, 3)


def test_publish_then_the_hall_screen_hook_shows_the_result(voting_round, counters):
    for number in range(1, 7):
        enter_twice(voting_round, counters, number, [5])
    counted = round_count(round_=voting_round)
    assert last_published_result(voting_round.election.congress) is None
    round_publish(round_=counted)
    result = last_published_result(voting_round.election.congress)
    assert [(r.name, r.votes, str(r.percent_of_base), str(r.percent_of_valid)) for r in result.elected] == [
        ("Lê Minh An", 6, "85.71", "100.00"),
        ("Phạm Quang Bình", 6, "85.71", "100.00"),
        ("Vũ Thị Hà", 6, "85.71", "100.00"),
        ("Nguyễn Văn Hùng", 6, "85.71", "100.00"),
    ]


def test_publish_refuses_an_uncounted_round(voting_round):
    with pytest.raises(ValidationError):
        round_publish(round_=voting_round)
    voting_round.refresh_from_db()
    assert voting_round.published_at is None


def test_endorsement_needs_a_counted_round_and_a_dated_decision(executive, voting_round, counters):
    with pytest.raises(ValidationError) as error:
        endorsement_record(election=executive, status="submitted")
    assert error.value.message_dict["endorsement_status"] == ["Nothing has been elected yet: count a round first."]
    for number in range(1, 7):
        enter_twice(voting_round, counters, number, [5])
    round_count(round_=voting_round)
    with pytest.raises(ValidationError) as error:
        endorsement_record(election=executive, status="endorsed", reference="Quyết định 123-QĐ/TU")
    assert error.value.message_dict["endorsement_date"] == ["Give the date of the upper level's decision."]
    endorsement_record(election=executive, status="endorsed", reference="Quyết định 123-QĐ/TU", date=d(2020, 6, 20))
    executive.refresh_from_db()
    assert (executive.endorsement_status, executive.endorsement_date) == ("endorsed", d(2020, 6, 20))


def test_standing_committee_candidates_come_from_the_new_executive_committee(
    voting_round, counters, executive, congress, people
):
    for number in range(1, 7):
        enter_twice(voting_round, counters, number, [5])  # Lan is not elected
    round_count(round_=voting_round)
    standing = ElectionFactory(congress=congress, body="standing", seats=1, surplus_percent=0, surplus_required=False)
    candidate_add(election=standing, person=people[1])  # Trần Thị Lan
    with pytest.raises(ValidationError) as error:
        election_lock(election=standing)
    assert messages_of(error.value) == [
        "Trần Thị Lan has not been through the five steps of introduction yet.",
        "Trần Thị Lan is not a member of the new Executive committee.",
    ]
    Candidate.objects.filter(election=standing).delete()
    pass_five_steps(candidate_add(election=standing, person=people[0]))  # Nguyễn Văn Hùng, elected
    round_ = election_lock(election=standing)
    assert round_.summoned == 4  # the members of the new executive committee
    assert NominationStep.objects.filter(candidate__election=standing).count() == 5


def test_election_registers_its_dossier_deadline_for_the_reminders(congress, subcommittees):
    from congress.models import Deadline

    election = election_save(
        election=Election(congress=congress, body="executive", title="BCH", seats=45, surplus_percent=15)
    )
    deadline = Deadline.objects.get(source_type="personnel.election", source_id=election.pk)
    assert (deadline.kind, deadline.due_date, deadline.done) == ("candidacy_dossier", d(2020, 5, 12), False)
    assert deadline.subcommittee == subcommittees["personnel"]
    assert deadline.title == "Hạn nộp hồ sơ ứng cử của người không phải là đại biểu: Ban Chấp hành"
    standing = election_save(
        election=Election(
            congress=congress, body="standing", title="BTV", seats=13, surplus_percent=0, surplus_required=False
        )
    )
    assert not Deadline.objects.filter(source_type="personnel.election", source_id=standing.pk).exists()


def test_locking_the_list_marks_the_dossier_deadline_done(executive):
    from congress.models import Deadline
    from personnel.election_services import election_deadline_sync

    election_deadline_sync(election=executive)
    election_lock(election=executive)
    assert Deadline.objects.get(source_type="personnel.election", source_id=executive.pk).done is True
