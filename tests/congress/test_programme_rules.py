"""The programme checks on sessions (wherever sessions are written) and the results of votes by show
of hands: the rules of issue 9, as unit tests."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from congress.programme_models import HandVote, ProgrammeSettings
from congress.programme_rules import hand_vote_result, planned_slots, session_problems, session_programme_errors
from personnel.models import Session
from personnel.services import session_save
from tests.congress.test_programme_support import *  # noqa: F403
from tests.congress.test_programme_support import VENUE, AgendaItemFactory, HandVoteFactory

pytestmark = pytest.mark.django_db
d, t = datetime.date, datetime.time


def new_session(congress, **kwargs) -> Session:
    values = {"name": "Phiên họp", "kind": "official", "date": d(2020, 6, 3), "venue": VENUE}
    values.update(kwargs)
    return Session(congress=congress, **values)


def refused(session) -> dict:
    with pytest.raises(ValidationError) as info:
        session_save(session=session)
    return {field: " ".join(messages) for field, messages in info.value.message_dict.items()}


# --- sessions


def test_session_outside_the_congress_dates_is_refused_and_not_saved(congress):
    errors = refused(new_session(congress, date=d(2020, 6, 5), starts_at=t(8, 0), ends_at=t(11, 0)))
    assert list(errors) == ["date"]
    assert "02/06/2020" in errors["date"] and "03/06/2020" in errors["date"]
    assert Session.objects.count() == 0


def test_preparatory_session_of_half_a_day_is_accepted(congress):
    session = session_save(session=new_session(congress, kind="preparatory", date=d(2020, 6, 2), starts_at=t(13, 30),
                                               ends_at=t(17, 30)))  # fmt: skip
    assert session.pk is not None


def test_preparatory_session_longer_than_half_a_day_is_refused(congress):
    errors = refused(new_session(congress, kind="preparatory", date=d(2020, 6, 2), starts_at=t(8, 0), ends_at=t(14, 0)))
    assert list(errors) == ["ends_at"]
    assert "240" in errors["ends_at"] and "360" in errors["ends_at"]
    assert Session.objects.count() == 0


def test_preparatory_limit_is_the_congress_setting(congress):
    ProgrammeSettings.objects.create(congress=congress, preparatory_max_minutes=180)
    errors = refused(new_session(congress, kind="preparatory", date=d(2020, 6, 2), starts_at=t(13, 30),
                                 ends_at=t(17, 30)))  # fmt: skip
    assert "180" in errors["ends_at"]


def test_official_session_may_last_longer_than_half_a_day(congress):
    session = session_save(session=new_session(congress, starts_at=t(7, 30), ends_at=t(17, 30)))
    assert session.pk is not None


def test_sessions_spanning_more_than_max_days_are_refused_when_no_dates_are_set(congress):
    congress.opening_date = congress.closing_date = None
    congress.save()
    session_save(session=new_session(congress, name="Ngày 1", date=d(2020, 6, 1)))
    session_save(session=new_session(congress, name="Ngày 3", date=d(2020, 6, 3), venue="Hội trường B"))
    errors = refused(new_session(congress, name="Ngày 4", date=d(2020, 6, 4), venue="Hội trường C"))
    assert list(errors) == ["date"]
    assert "3" in errors["date"] and "4" in errors["date"]
    assert Session.objects.count() == 2


def test_overlapping_sessions_in_one_hall_are_refused(congress):
    session_save(session=new_session(congress, name="Sáng", starts_at=t(7, 30), ends_at=t(11, 30)))
    errors = refused(new_session(congress, name="Trưa", starts_at=t(11, 0), ends_at=t(12, 0)))
    assert list(errors) == ["starts_at"]
    assert "Sáng" in errors["starts_at"] and "07:30" in errors["starts_at"]
    assert Session.objects.count() == 1


def test_the_same_hall_written_differently_is_one_hall(congress):
    session_save(session=new_session(congress, name="Sáng", starts_at=t(7, 30), ends_at=t(11, 30)))
    errors = refused(
        new_session(congress, name="Trưa", starts_at=t(9, 0), ends_at=t(10, 0), venue="  hoi truong QUAN UY ba dinh ")
    )
    assert list(errors) == ["starts_at"]


def test_back_to_back_sessions_and_other_halls_are_accepted(congress):
    session_save(session=new_session(congress, name="Sáng", starts_at=t(7, 30), ends_at=t(11, 30)))
    session_save(session=new_session(congress, name="Chiều", starts_at=t(11, 30), ends_at=t(12, 30)))
    session_save(session=new_session(congress, name="Tổ 1", starts_at=t(8, 0), ends_at=t(9, 0), venue="Phòng họp số 2"))
    assert Session.objects.count() == 3


def test_a_session_without_times_takes_its_hall_for_the_day(congress):
    session_save(session=new_session(congress, name="Sáng", starts_at=t(7, 30), ends_at=t(11, 30)))
    errors = refused(new_session(congress, name="Cả ngày"))
    assert list(errors) == ["starts_at"]


def test_changing_a_session_does_not_clash_with_itself(congress):
    session = session_save(session=new_session(congress, name="Sáng", starts_at=t(7, 30), ends_at=t(11, 30)))
    session.ends_at = t(11, 45)
    session_save(session=session)
    assert Session.objects.get().ends_at == t(11, 45)


def test_session_programme_errors_is_empty_for_a_good_session(congress):
    assert session_programme_errors(session=new_session(congress, starts_at=t(7, 30), ends_at=t(11, 30))) == {}


def test_session_end_before_start_is_also_a_database_constraint(congress):
    with pytest.raises(IntegrityError), transaction.atomic():
        new_session(congress, starts_at=t(11, 0), ends_at=t(10, 0)).save()


# --- votes by show of hands


def test_show_of_hands_passes_with_more_than_half_of_those_present():
    result = hand_vote_result(votes_for=131, votes_against=100, votes_abstain=29, present=260, summoned=268)
    assert (result.passed, result.needed, result.base_count, result.not_voting) == (True, 131, 260, 0)


def test_show_of_hands_exactly_half_does_not_pass():
    result = hand_vote_result(votes_for=130, votes_against=130, votes_abstain=0, present=260, summoned=268)
    assert (result.passed, result.needed) == (False, 131)


def test_show_of_hands_on_the_summoned_needs_more_than_half_of_them():
    result = hand_vote_result(
        votes_for=134, votes_against=0, votes_abstain=0, present=200, summoned=268, base="summoned"
    )
    assert (result.passed, result.needed) == (False, 135)
    result = hand_vote_result(
        votes_for=135, votes_against=0, votes_abstain=0, present=200, summoned=268, base="summoned"
    )
    assert result.passed is True


def test_show_of_hands_with_an_odd_base():
    assert hand_vote_result(votes_for=4, votes_against=3, votes_abstain=0, present=7, summoned=9).passed is True
    assert hand_vote_result(votes_for=3, votes_against=0, votes_abstain=4, present=7, summoned=9).passed is False


def test_show_of_hands_with_more_votes_than_delegates_present_is_refused():
    with pytest.raises(ValidationError) as info:
        hand_vote_result(votes_for=250, votes_against=10, votes_abstain=5, present=260, summoned=268)
    message = " ".join(info.value.message_dict["votes_for"])
    assert "265" in message and "260" in message


def test_show_of_hands_with_a_negative_or_missing_count_is_refused():
    with pytest.raises(ValidationError) as info:
        hand_vote_result(votes_for=-1, votes_against=None, votes_abstain=0, present=10, summoned=10)
    assert sorted(info.value.message_dict) == ["votes_against", "votes_for"]


def test_show_of_hands_without_anybody_checked_in_is_refused():
    with pytest.raises(ValidationError) as info:
        hand_vote_result(votes_for=0, votes_against=0, votes_abstain=0, present=0, summoned=10)
    assert list(info.value.message_dict) == ["votes_for"]


def test_show_of_hands_percent_of_the_base():
    result = hand_vote_result(votes_for=257, votes_against=1, votes_abstain=2, present=262, summoned=268)
    assert (result.percent(257), result.percent(1), result.not_voting) == (98.1, 0.4, 2)


def test_vote_counts_above_presence_are_refused_by_the_database_too(item):
    vote = HandVoteFactory(item=item)
    with pytest.raises(IntegrityError), transaction.atomic():
        HandVote.objects.filter(pk=vote.pk).update(
            votes_for=9, votes_against=1, votes_abstain=1, present=10, summoned=10, passed=True
        )


def test_vote_result_inconsistent_with_the_majority_is_refused_by_the_database(item):
    vote = HandVoteFactory(item=item)
    with pytest.raises(IntegrityError), transaction.atomic():
        HandVote.objects.filter(pk=vote.pk).update(
            votes_for=5, votes_against=5, votes_abstain=0, present=10, summoned=10, passed=True
        )
    HandVote.objects.filter(pk=vote.pk).update(
        votes_for=6, votes_against=4, votes_abstain=0, present=10, summoned=10, passed=True
    )
    assert HandVote.objects.get(pk=vote.pk).passed is True


# --- the planned running order


def test_planned_slots_follow_the_session_start_and_the_durations(preparatory):
    items = [
        AgendaItemFactory(session=preparatory, planned_minutes=10, position=1),
        AgendaItemFactory(session=preparatory, planned_minutes=45, position=2),
        AgendaItemFactory(session=preparatory, planned_minutes=5, position=3),
    ]
    slots = planned_slots(preparatory, items)
    assert [(s.start, s.end) for s in slots] == [
        (t(14, 0), t(14, 10)),
        (t(14, 10), t(14, 55)),
        (t(14, 55), t(15, 0)),
    ]


def test_planned_slots_without_a_start_time_are_empty(congress):
    session = new_session(congress)
    assert [(s.start, s.end) for s in planned_slots(session, [AgendaItemFactory.build(planned_minutes=10)])] == [
        (None, None)
    ]


def test_session_problems_flag_a_session_outside_the_congress_dates(congress):
    session = new_session(congress, date=d(2020, 6, 4))
    problems = session_problems(
        session, others=[], max_days=3, preparatory_limit=240, opening=d(2020, 6, 2), closing=d(2020, 6, 3)
    )
    assert problems == {
        "date": "Phiên họp phải trong khoảng từ ngày khai mạc (02/06/2020) đến ngày bế mạc (03/06/2020)."
    }
    inside = new_session(congress, date=d(2020, 6, 3))
    assert (
        session_problems(
            inside, others=[], max_days=3, preparatory_limit=240, opening=d(2020, 6, 2), closing=d(2020, 6, 3)
        )
        == {}
    )
