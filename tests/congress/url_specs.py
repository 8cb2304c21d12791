"""URLs of the core app declared in the permission matrix (tests/security/test_permission_matrix.py
loads this module): for now the congress days (congress/programme_urls.py).

The matrix's member belongs to the
Organization & Service subcommittee, so he runs the congress days; the reviewer has no workspace but
may watch the hall screen.
"""

import datetime

from congress.programme_models import AgendaItem, SpeakerRequest
from congress.programme_services import body_member_add, vote_create, vote_record
from personnel.models import CheckIn
from tests.personnel.factories import DelegateFactory, GrassrootsFactory, PersonFactory, SessionFactory
from tests.security.matrix_spec import LOGIN, REDIRECT, P, S

VIEW = (LOGIN, 404, 403, 200, 200)
HALL = (LOGIN, 404, 200, 200, 200)

SPECS = {
    "programme": S(*VIEW),
    "programme_print": S(*VIEW),
    "programme_archive": S(*VIEW),
    "running_order": S(*VIEW),
    "body_list": S(*VIEW),
    "vote_list": S(*VIEW),
    "vote_detail": S(*VIEW, kwargs={"pk": "@hand_vote"}, other="hand_vote"),
    "vote_minutes": S(*VIEW, kwargs={"pk": "@hand_vote"}, other="hand_vote"),
    "speaker_list": S(*VIEW, kwargs={"pk": "@agenda_item"}, other="agenda_item"),
    "agenda_item_create": S(*VIEW),
    "agenda_item_edit": S(*VIEW, kwargs={"pk": "@agenda_item"}, other="agenda_item"),
    "vote_create": S(*VIEW),
    "hall_control": S(*VIEW),
    "hall_screen": S(*HALL),
    "hall_live": S(*HALL),
    "agenda_item_move": P(LOGIN, 404, 403, REDIRECT, REDIRECT, kwargs={"pk": "@agenda_item"}, other="agenda_item"),
    "agenda_item_delete": P(
        LOGIN, 404, 403, 400, 400, kwargs={"pk": "@agenda_item"}, other="agenda_item"
    ),  # has a speaker
    "agenda_item_start": P(LOGIN, 404, 403, REDIRECT, REDIRECT, kwargs={"pk": "@agenda_item"}, other="agenda_item"),
    "agenda_item_end": P(LOGIN, 404, 403, 400, 400, kwargs={"pk": "@agenda_item"}, other="agenda_item"),
    "agenda_item_times": P(LOGIN, 404, 403, REDIRECT, REDIRECT, kwargs={"pk": "@agenda_item"}, other="agenda_item"),
    "speaker_add": P(LOGIN, 404, 403, 400, 400, kwargs={"pk": "@agenda_item"}, other="agenda_item"),
    "speaker_action": P(LOGIN, 404, 403, 400, 400, kwargs={"pk": "@speaker"}, other="speaker"),
    "speaker_contribution": P(LOGIN, 404, 403, REDIRECT, REDIRECT, kwargs={"pk": "@speaker"}, other="speaker"),
    "speaker_to_comment": P(LOGIN, 404, 403, 400, 400, kwargs={"pk": "@speaker"}, other="speaker"),
    "body_member_add": P(LOGIN, 404, 403, 400, 400, kwargs={"kind": "vote_counting"}),
    "body_member_remove": P(LOGIN, 404, 403, REDIRECT, REDIRECT, kwargs={"pk": "@body_member"}, other="body_member"),
    "vote_record": P(LOGIN, 404, 403, 400, 400, kwargs={"pk": "@hand_vote"}, other="hand_vote"),
    "vote_publish": P(LOGIN, 404, 403, REDIRECT, REDIRECT, kwargs={"pk": "@hand_vote"}, other="hand_vote"),
    "vote_delete": P(LOGIN, 404, 403, 400, 400, kwargs={"pk": "@hand_vote"}, other="hand_vote"),
    "hall_timer": P(LOGIN, 404, 403, 400, 400),
    "hall_notice": P(LOGIN, 404, 403, REDIRECT, REDIRECT),
}


def _objects(congress) -> dict:
    """An agenda item with a speaker, a counted vote on another item, a proposed body member."""
    ward = GrassrootsFactory(congress=congress)
    delegates = [
        DelegateFactory(person=PersonFactory(congress=congress, organization=ward), number=n) for n in (1, 2, 3)
    ]
    session = SessionFactory(congress=congress, name="Phiên trù bị", kind="preparatory", date=congress.opening_date,
                             starts_at=datetime.time(14, 0), ends_at=datetime.time(17, 0))  # fmt: skip
    for delegate in delegates:
        CheckIn.objects.create(session=session, delegate=delegate, method="number")
    item = AgendaItem.objects.create(session=session, title="Thảo luận văn kiện", kind="discussion", planned_minutes=60)
    voted = AgendaItem.objects.create(session=session, title="Thông qua Chương trình", kind="vote", planned_minutes=5,
                                      position=2)  # fmt: skip
    vote = vote_create(item=voted, subject="programme", title="Thông qua Chương trình Đại hội")
    vote_record(vote=vote, votes_for=3, votes_against=0, votes_abstain=0)
    return {
        "agenda_item": item,
        "speaker": SpeakerRequest.objects.create(item=item, delegate=delegates[0], topic="Chuyển đổi số"),
        "hand_vote": vote,
        "body_member": body_member_add(congress=congress, kind="presidium", delegate=delegates[1]),
    }


def build(world: dict) -> None:
    world.update(_objects(world["congress"]))
    world["other"].update(_objects(world["other"]["congress"]))
