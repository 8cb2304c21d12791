"""Services of the congress days: items and their actual times, congress bodies, votes by show of hands,
speakers and contributions, the hall screen."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from congress.programme_models import AgendaItem, BodyMember, HallScreen, HandVote, SpeakerRequest
from congress.programme_selectors import bodies, hall_view, last_published_result
from congress.programme_services import (
    body_member_add,
    body_member_remove,
    contribution_record,
    contribution_to_comment,
    item_delete,
    item_end,
    item_move,
    item_save,
    item_start,
    item_times_set,
    speaker_add,
    timer_add,
    timer_pause,
    timer_resume,
    timer_start,
    timer_stop,
    vote_create,
    vote_delete,
    vote_publish,
    vote_record,
    vote_unpublish,
)
from personnel.election_models import Round
from personnel.models import Delegate
from tests.congress.test_programme_support import *  # noqa: F403
from tests.congress.test_programme_support import AgendaItemFactory, check_in
from tests.factories import CongressFactory
from tests.personnel.election_factories import CandidateFactory, ElectionFactory
from tests.personnel.factories import DelegateFactory, PersonFactory

pytestmark = pytest.mark.django_db
HANOI = datetime.timezone(datetime.timedelta(hours=7))


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2020, 6, day, hour, minute, tzinfo=HANOI)


def errors_of(call) -> dict:
    with pytest.raises(ValidationError) as info:
        call()
    return {field: " ".join(messages) for field, messages in info.value.message_dict.items()}


# --- agenda items


def test_item_save_puts_a_new_item_at_the_end_of_its_session(preparatory):
    first = item_save(item=AgendaItem(session=preparatory, title="Chào cờ", kind="ceremony", planned_minutes=5))
    second = item_save(
        item=AgendaItem(session=preparatory, title=" Bầu Đoàn Chủ tịch ", kind="vote", planned_minutes=15)
    )
    assert [(i.title, i.position) for i in AgendaItem.objects.all()] == [("Chào cờ", 1), ("Bầu Đoàn Chủ tịch", 2)]
    assert (first.position, second.position) == (1, 2)


def test_item_save_refuses_a_draft_of_another_congress(preparatory):
    from tests.documents.factories import DraftFactory

    foreign = DraftFactory(congress=CongressFactory(slug="tay-ho"))
    errors = errors_of(
        lambda: item_save(item=AgendaItem(session=preparatory, title="Thảo luận", planned_minutes=60, draft=foreign))
    )
    assert list(errors) == ["draft"]
    assert AgendaItem.objects.count() == 0


def test_item_move_swaps_with_the_neighbour(preparatory):
    a, b, c = (AgendaItemFactory(session=preparatory, title=x, position=i) for i, x in enumerate("ABC", start=1))
    item_move(item=c, up=True)
    assert list(AgendaItem.objects.values_list("title", flat=True)) == ["A", "C", "B"]
    item_move(item=a, up=True)  # already first: nothing moves
    item_move(item=a, up=False)
    assert list(AgendaItem.objects.values_list("title", "position")) == [("C", 1), ("A", 2), ("B", 3)]


def test_item_delete_refuses_an_item_with_votes_and_renumbers_otherwise(preparatory, item):
    other = AgendaItemFactory(session=preparatory, title="Bế mạc", position=2)
    HandVote.objects.create(item=item, subject="programme", title="Thông qua Chương trình")
    assert "__all__" in errors_of(lambda: item_delete(item=item))
    HandVote.objects.all().delete()
    item_delete(item=item)
    assert list(AgendaItem.objects.values_list("title", "position")) == [(other.title, 1)]


def test_item_start_ends_the_running_item_and_puts_the_new_one_on_the_screen(congress, preparatory):
    one = AgendaItemFactory(session=preparatory, title="Chào cờ", position=1)
    two = AgendaItemFactory(session=preparatory, title="Bầu Đoàn Chủ tịch", position=2)
    item_start(item=one, at=at(2, 14, 2))
    item_start(item=two, at=at(2, 14, 12))
    one.refresh_from_db()
    two.refresh_from_db()
    assert (one.actual_start, one.actual_end, two.actual_start, two.actual_end) == (
        at(2, 14, 2), at(2, 14, 12), at(2, 14, 12), None
    )  # fmt: skip
    assert HallScreen.objects.get(congress=congress).item == two
    item_end(item=two, at=at(2, 14, 30))
    two.refresh_from_db()
    assert (two.actual_minutes, two.is_running) == (18, False)


def test_item_start_refuses_an_item_that_has_ended(item):
    item_start(item=item, at=at(2, 14, 0))
    item_end(item=item, at=at(2, 14, 5))
    assert "__all__" in errors_of(lambda: item_start(item=item))


def test_item_end_refuses_an_item_not_started(item):
    assert "__all__" in errors_of(lambda: item_end(item=item))


def test_item_times_are_corrected_on_the_session_day(item):
    item_times_set(item=item, actual_start=datetime.time(14, 5), actual_end=datetime.time(14, 20))
    item.refresh_from_db()
    assert (timezone.localtime(item.actual_start), timezone.localtime(item.actual_end)) == (at(2, 14, 5), at(2, 14, 20))


def test_item_times_end_before_start_is_refused_and_nothing_saved(item):
    errors = errors_of(
        lambda: item_times_set(item=item, actual_start=datetime.time(14, 30), actual_end=datetime.time(14, 20))
    )
    assert list(errors) == ["actual_end"]
    item.refresh_from_db()
    assert item.actual_start is None


# --- congress bodies


def test_body_member_must_be_a_delegate_of_this_congress(congress, delegates):
    foreign = DelegateFactory(person=PersonFactory(congress=CongressFactory(slug="tay-ho")))
    errors = errors_of(lambda: body_member_add(congress=congress, kind="presidium", delegate=foreign))
    assert list(errors) == ["delegate"]
    assert errors["delegate"] == "Người này không phải là đại biểu của Đại hội này."
    assert errors_of(lambda: body_member_add(congress=congress, kind="presidium", delegate=None)) != {}
    assert BodyMember.objects.count() == 0


def test_body_member_must_be_summoned(congress, delegates):
    Delegate.objects.filter(pk=delegates[0].pk).update(not_summoned="suspended")
    delegates[0].refresh_from_db()
    errors = errors_of(lambda: body_member_add(congress=congress, kind="secretariat", delegate=delegates[0]))
    assert delegates[0].person.full_name in errors["delegate"]
    assert BodyMember.objects.count() == 0


def test_vote_counting_member_may_not_be_a_candidate_in_the_congress_elections(congress, delegates):
    election = ElectionFactory(congress=congress)
    CandidateFactory(election=election, person=delegates[0].person)
    errors = errors_of(lambda: body_member_add(congress=congress, kind="vote_counting", delegate=delegates[0]))
    assert delegates[0].person.full_name in errors["delegate"] and election.get_body_display() in errors["delegate"]
    assert BodyMember.objects.count() == 0
    # A candidate may sit in the presidium; a withdrawn candidate may count.
    body_member_add(congress=congress, kind="presidium", delegate=delegates[0])
    election.candidates.update(withdrawn=True)
    body_member_add(congress=congress, kind="vote_counting", delegate=delegates[0])
    assert BodyMember.objects.count() == 2


def test_candidate_of_a_plenary_election_may_count_the_congress_votes(congress, delegates):
    standing = ElectionFactory(congress=congress, body="standing", seats=1)
    CandidateFactory(election=standing, person=delegates[1].person)
    body_member_add(congress=congress, kind="vote_counting", delegate=delegates[1])
    assert BodyMember.objects.count() == 1


def test_counting_member_who_became_a_candidate_later_is_flagged(congress, delegates):
    member = body_member_add(congress=congress, kind="vote_counting", delegate=delegates[2])
    CandidateFactory(election=ElectionFactory(congress=congress), person=delegates[2].person)
    counting = next(b for b in bodies(congress) if b.kind == "vote_counting")
    assert list(counting.conflicts) == [member.pk]


def test_body_has_one_head_and_each_delegate_once(congress, delegates):
    body_member_add(congress=congress, kind="credentials", delegate=delegates[0], role="head")
    assert list(errors_of(lambda: body_member_add(congress=congress, kind="credentials", delegate=delegates[1],
                                                    role="head"))) == ["role"]  # fmt: skip
    assert list(errors_of(lambda: body_member_add(congress=congress, kind="credentials", delegate=delegates[0]))) == [
        "delegate"
    ]
    assert BodyMember.objects.count() == 1


def test_approved_body_is_locked_until_a_new_approval_vote(congress, delegates, preparatory, item):
    check_in(preparatory, delegates)
    member = body_member_add(congress=congress, kind="presidium", delegate=delegates[0], role="head")
    vote = vote_create(item=item, subject="body", title="Thông qua Đoàn Chủ tịch", body_kind="presidium")
    vote_record(vote=vote, votes_for=10, votes_against=0, votes_abstain=0)
    assert list(errors_of(lambda: body_member_add(congress=congress, kind="presidium", delegate=delegates[1]))) == [
        "delegate"
    ]
    assert "__all__" in errors_of(lambda: body_member_remove(member=member))
    vote_create(item=item, subject="body", title="Thông qua Đoàn Chủ tịch (bổ sung)", body_kind="presidium")
    body_member_add(congress=congress, kind="presidium", delegate=delegates[1])
    assert BodyMember.objects.count() == 2


def test_approval_vote_needs_a_body_with_members(congress, item):
    errors = errors_of(
        lambda: vote_create(item=item, subject="body", title="Bầu Ban Kiểm phiếu", body_kind="vote_counting")
    )
    assert list(errors) == ["body_kind"]
    errors = errors_of(lambda: vote_create(item=item, subject="programme", title="X", body_kind="presidium"))
    assert list(errors) == ["body_kind"]
    assert HandVote.objects.count() == 0


# --- votes by show of hands


def test_vote_record_counts_against_the_delegates_present_at_the_session(preparatory, delegates, item, secretariat):
    check_in(preparatory, delegates[:7])
    vote = vote_create(item=item, subject="programme", title="Thông qua Chương trình Đại hội")
    vote = vote_record(vote=vote, votes_for=4, votes_against=2, votes_abstain=1, by=secretariat)
    assert (vote.present, vote.summoned, vote.passed, vote.needed, vote.recorded_by) == (7, 10, True, 4, secretariat)
    vote = vote_record(vote=vote, votes_for=3, votes_against=3, votes_abstain=1)
    assert (vote.passed, vote.not_voting) == (False, 0)


def test_vote_record_on_the_summoned_base(preparatory, delegates, item):
    check_in(preparatory, delegates[:7])
    vote = vote_create(item=item, subject="committee_size", title="Số lượng Ban Chấp hành", base="summoned")
    assert vote_record(vote=vote, votes_for=5, votes_against=0, votes_abstain=0).passed is False
    assert vote_record(vote=vote, votes_for=6, votes_against=0, votes_abstain=0).passed is True


def test_vote_record_with_more_votes_than_present_is_refused_and_nothing_saved(preparatory, delegates, item):
    check_in(preparatory, delegates[:5])
    vote = vote_create(item=item, subject="rules", title="Thông qua Quy chế làm việc")
    errors = errors_of(lambda: vote_record(vote=vote, votes_for=5, votes_against=1, votes_abstain=0))
    assert list(errors) == ["votes_for"] and "6" in errors["votes_for"] and "5" in errors["votes_for"]
    vote.refresh_from_db()
    assert (vote.votes_for, vote.passed, vote.recorded_at) == (None, None, None)


def test_only_checked_in_delegates_with_valid_credentials_count_as_present(preparatory, delegates, item):
    check_in(preparatory, delegates[:3])
    Delegate.objects.filter(pk=delegates[0].pk).update(credential_status="not_qualified", credential_reason="Bầu sai")
    vote = vote_create(item=item, subject="programme", title="Thông qua Chương trình")
    assert list(errors_of(lambda: vote_record(vote=vote, votes_for=3, votes_against=0, votes_abstain=0))) == [
        "votes_for"
    ]
    assert vote_record(vote=vote, votes_for=2, votes_against=0, votes_abstain=0).present == 2


def test_publish_needs_counts_and_an_announced_result_is_final(preparatory, delegates, item):
    check_in(preparatory, delegates)
    vote = vote_create(item=item, subject="programme", title="Thông qua Chương trình")
    assert "__all__" in errors_of(lambda: vote_publish(vote=vote))
    vote_record(vote=vote, votes_for=10, votes_against=0, votes_abstain=0)
    vote = vote_publish(vote=vote)
    assert vote.published_at is not None
    assert list(errors_of(lambda: vote_record(vote=vote, votes_for=9, votes_against=1, votes_abstain=0))) == [
        "votes_for"
    ]
    assert "__all__" in errors_of(lambda: vote_delete(vote=vote))
    vote = vote_unpublish(vote=vote)
    assert vote_record(vote=vote, votes_for=9, votes_against=1, votes_abstain=0).votes_for == 9


# --- speakers, timer, contributions


def test_speaker_must_be_a_summoned_delegate_of_the_congress(congress, delegates, item):
    foreign = DelegateFactory(person=PersonFactory(congress=CongressFactory(slug="tay-ho")))
    errors = errors_of(lambda: speaker_add(item=item, delegate=foreign, topic="Kinh tế"))
    assert list(errors) == ["delegate"]
    errors = errors_of(lambda: speaker_add(item=item, delegate=delegates[0], topic="  "))
    assert list(errors) == ["topic"]
    assert SpeakerRequest.objects.count() == 0


def test_speaker_timer_start_pause_stop_records_the_time_used(congress, delegates, item):
    first = speaker_add(item=item, delegate=delegates[0], topic="Kinh tế đô thị")
    second = speaker_add(item=item, delegate=delegates[1], topic="Cải cách hành chính")
    assert (first.position, second.position) == (1, 2)
    with time_machine.travel(at(2, 15, 0), tick=False) as clock:
        timer_start(congress=congress, speaker=first, minutes=7)
        clock.move_to(at(2, 15, 3))
        timer_pause(congress=congress)
        clock.move_to(at(2, 15, 10))
        assert hall_view(congress).timer_remaining == 7 * 60 - 180
        timer_resume(congress=congress)
        timer_add(congress=congress, seconds=60)
        clock.move_to(at(2, 15, 15))
        view = hall_view(congress)
        assert (view.timer_remaining, view.timer_clock, view.speaker, view.item) == (8 * 60 - 480, "00:00", first, item)
        clock.move_to(at(2, 15, 16))
        assert hall_view(congress).timer_clock == "+01:00"
        timer_start(congress=congress, speaker=second, minutes=5)  # the first one has finished
        first.refresh_from_db()
        assert (first.status, first.seconds_used, first.time_used) == ("done", 9 * 60, "09:00")
        clock.move_to(at(2, 15, 20))
        timer_stop(congress=congress)
    second.refresh_from_db()
    assert (second.status, second.seconds_used) == ("done", 240)
    assert hall_view(congress).timer_set is False


def test_timer_refuses_a_speaker_who_has_spoken(congress, delegates, item):
    speaker = speaker_add(item=item, delegate=delegates[0], topic="Kinh tế")
    timer_start(congress=congress, speaker=speaker, minutes=5)
    timer_stop(congress=congress)
    assert list(errors_of(lambda: timer_start(congress=congress, speaker=speaker, minutes=5))) == ["speaker"]
    assert list(errors_of(lambda: timer_start(congress=congress, minutes=0))) == ["minutes"]


def test_contribution_on_a_draft_becomes_a_comment_of_its_review(
    congress, subcommittees, delegates, preparatory, secretariat
):
    from documents.models import Comment
    from tests.documents.factories import DraftFactory, RoundFactory, VersionFactory

    draft = DraftFactory(congress=congress, subcommittee=subcommittees["documents"], title="Báo cáo chính trị")
    review = RoundFactory(version=VersionFactory(draft=draft), draft=draft, opens_on=datetime.date(2020, 5, 25),
                          closes_on=datetime.date(2020, 6, 3))  # fmt: skip
    discussion = AgendaItemFactory(session=preparatory, kind="discussion", title="Thảo luận văn kiện", draft=draft)
    speaker = speaker_add(item=discussion, delegate=delegates[3], topic="Chuyển đổi số")
    contribution_record(speaker=speaker, contribution="Đề nghị bổ sung chỉ tiêu chuyển đổi số.", paragraph_label="2.1")
    with time_machine.travel(at(2, 16, 0), tick=False):
        comment = contribution_to_comment(speaker=speaker, review_round=review, by=secretariat)
    assert (comment.source, comment.paragraph.label, comment.text, comment.recorded_by) == (
        "congress", "2.1", "Đề nghị bổ sung chỉ tiêu chuyển đổi số.", secretariat
    )  # fmt: skip
    assert delegates[3].person.full_name in comment.author_name
    speaker.refresh_from_db()
    assert speaker.comment == comment
    assert "__all__" in errors_of(lambda: contribution_to_comment(speaker=speaker, review_round=review))
    assert list(errors_of(lambda: contribution_record(speaker=speaker, contribution="Khác"))) == ["contribution"]
    assert Comment.objects.count() == 1


def test_contribution_to_a_closed_round_or_an_unknown_paragraph_is_refused(
    congress, subcommittees, delegates, preparatory
):
    from documents.models import Comment
    from tests.documents.factories import DraftFactory, RoundFactory, VersionFactory

    draft = DraftFactory(congress=congress, subcommittee=subcommittees["documents"])
    review = RoundFactory(version=VersionFactory(draft=draft), draft=draft)  # closed on 30/04/2020
    discussion = AgendaItemFactory(session=preparatory, kind="discussion", draft=draft)
    speaker = speaker_add(item=discussion, delegate=delegates[0], topic="Giáo dục")
    assert list(errors_of(lambda: contribution_to_comment(speaker=speaker, review_round=review))) == ["contribution"]
    contribution_record(speaker=speaker, contribution="Đề nghị nêu rõ chỉ tiêu trường chuẩn.", paragraph_label="9.9")
    assert list(errors_of(lambda: contribution_to_comment(speaker=speaker, review_round=review))) == ["paragraph_label"]
    contribution_record(speaker=speaker, contribution="Đề nghị nêu rõ chỉ tiêu trường chuẩn.", paragraph_label="")
    with time_machine.travel(at(2, 16, 0), tick=False):
        assert "__all__" in errors_of(lambda: contribution_to_comment(speaker=speaker, review_round=review))
    no_draft = speaker_add(item=AgendaItemFactory(session=preparatory), delegate=delegates[1], topic="An ninh")
    contribution_record(speaker=no_draft, contribution="Ý kiến về an ninh.")
    assert "__all__" in errors_of(lambda: contribution_to_comment(speaker=no_draft, review_round=review))
    assert Comment.objects.count() == 0


# --- the hall screen


def test_hall_shows_the_newest_published_result_vote_or_election(congress, preparatory, delegates, item):
    from tests.personnel.election_factories import ElectionFactory

    check_in(preparatory, delegates)
    assert last_published_result(congress) is None
    vote = vote_create(item=item, subject="programme", title="Thông qua Chương trình")
    vote_record(vote=vote, votes_for=10, votes_against=0, votes_abstain=0)
    with time_machine.travel(at(2, 14, 30), tick=False):
        vote_publish(vote=vote)
    assert last_published_result(congress).vote == vote
    election = ElectionFactory(congress=congress, seats=1)
    Round.objects.create(election=election, number=1, seats=1, summoned=10, ballots_issued=10, ballots_collected=10,
                         status="counted", valid=10, invalid=0, threshold=6, published_at=at(3, 16, 0))  # fmt: skip
    shown = last_published_result(congress)
    assert (shown.kind, shown.election.round.election) == ("election", election)
    HandVote.objects.filter(pk=vote.pk).update(published_at=at(3, 17, 0))
    assert last_published_result(congress).kind == "vote"


def test_hall_hides_results_when_the_control_says_so(congress, preparatory, delegates, item):
    from congress.programme_services import hall_set_notice

    check_in(preparatory, delegates)
    vote = vote_create(item=item, subject="programme", title="Thông qua Chương trình")
    vote_record(vote=vote, votes_for=10, votes_against=0, votes_abstain=0)
    vote_publish(vote=vote)
    hall_set_notice(congress=congress, notice="Giải lao 15 phút", show_results=False)
    view = hall_view(congress)
    assert (view.result, view.hall.notice) == (None, "Giải lao 15 phút")
