"""The congress-days demo: the Ba Đình programme of 02–03/06/2020, bodies, votes, check-in, speakers and
the hall screen — idempotent, shifted dates, synthetic names."""

import datetime
import re

import pytest

from congress import programme_demo
from congress.programme_models import AgendaItem, BodyMember, CongressBody, HallScreen, HandVote, SpeakerRequest
from congress.programme_selectors import bodies, hall_view, programme
from personnel.models import CheckIn, Session
from tests.factories import CongressFactory
from tests.personnel.factories import DelegateFactory, GrassrootsFactory, PersonFactory

pytestmark = pytest.mark.django_db
NAME = re.compile(r"^[A-ZĐÂĂÊÔƠƯ\w][\w]+( [\w]+){1,3}$")


@pytest.fixture
def demo_congress():
    congress = CongressFactory(slug="ba-dinh-xxvi", name="Đại hội đại biểu Đảng bộ quận Ba Đình lần thứ XXVI")
    wards = [GrassrootsFactory(congress=congress, name=f"Đảng bộ phường {w}") for w in ("Kim Mã", "Ngọc Hà", "Đội Cấn")]
    for number in range(1, 121):
        person = PersonFactory(congress=congress, organization=wards[number % 3], is_executive_member=number <= 40)
        DelegateFactory(person=person, number=number, kind="ex_officio" if number <= 40 else "elected")
    return congress


def counts():
    return {
        m.__name__: m.objects.count()
        for m in (Session, AgendaItem, CongressBody, BodyMember, HandVote, SpeakerRequest, CheckIn, HallScreen)
    }


def test_demo_seeds_the_programme_and_is_idempotent(demo_congress):
    programme_demo.seed(congress=demo_congress)
    first = counts()
    programme_demo.seed(congress=demo_congress)
    assert counts() == first
    assert first["Session"] == 3 and first["AgendaItem"] == 20 and first["HandVote"] == 10
    assert first["BodyMember"] == 9 + 3 + 5 + 7 and first["SpeakerRequest"] == 14


def test_demo_programme_fits_the_rules_and_the_sessions(demo_congress):
    programme_demo.seed(congress=demo_congress)
    plans = programme(demo_congress)
    assert [(p.session.name, p.session.date) for p in plans] == [
        ("Phiên trù bị", datetime.date(2020, 6, 2)),
        ("Phiên chính thức – ngày thứ nhất", datetime.date(2020, 6, 3)),
        ("Phiên chính thức – bầu cử", datetime.date(2020, 6, 3)),
    ]
    assert [p.problems for p in plans] == [{}, {}, {}]
    assert [p.overbooked_minutes for p in plans] == [0, 0, 0]
    assert plans[0].session.starts_at == datetime.time(14, 0)  # the afternoon of 02/06


def test_demo_bodies_are_approved_and_no_counter_is_a_candidate(demo_congress):
    programme_demo.seed(congress=demo_congress)
    views = bodies(demo_congress)
    assert [(v.kind, len(v.members), v.approved, bool(v.head)) for v in views] == [
        ("presidium", 9, True, True),
        ("secretariat", 3, True, True),
        ("credentials", 5, True, True),
        ("vote_counting", 7, True, True),
    ]
    assert all(not v.conflicts for v in views)
    assert all(NAME.match(m.delegate.person.full_name) for v in views for m in v.members)


def test_demo_votes_count_against_the_delegates_checked_in(demo_congress):
    programme_demo.seed(congress=demo_congress)
    for vote in HandVote.objects.select_related("item__session"):
        present = CheckIn.objects.filter(session=vote.item.session).count()
        assert (vote.present, vote.passed, vote.is_published) == (present, True, True)
        assert vote.votes_for + vote.votes_against + vote.votes_abstain == present


def test_demo_hall_shows_the_election_item_presence_and_a_notice(demo_congress):
    programme_demo.seed(congress=demo_congress)
    view = hall_view(demo_congress)
    assert view.item.title == "Bầu cử Ban Chấp hành Đảng bộ quận khóa XXVI"
    assert (view.presence.present, view.presence.summoned) == (
        CheckIn.objects.filter(session=view.session).count(),
        120,
    )
    assert 110 < view.presence.present <= 120
    assert view.hall.notice.startswith("Đại hội nghỉ giải lao")
    assert view.result.kind == "vote"  # no election in this test: the last announced vote


def test_demo_dates_move_with_the_shift(demo_congress):
    other = CongressFactory(slug="ba-dinh-doi", opening_date=datetime.date(2020, 6, 30),
                            closing_date=datetime.date(2020, 7, 1), cutoff_date=datetime.date(2020, 8, 31))  # fmt: skip
    DelegateFactory(person=PersonFactory(congress=other), number=1)
    programme_demo.seed(congress=other, shift_days=28)
    assert sorted({s.date for s in Session.objects.filter(congress=other)}) == [
        datetime.date(2020, 6, 30),
        datetime.date(2020, 7, 1),
    ]
    item = (
        AgendaItem.objects.filter(session__congress=other, actual_start__isnull=False).order_by("actual_start").first()
    )
    assert item.actual_start.date() == datetime.date(2020, 6, 30)


def test_demo_without_delegates_seeds_only_the_programme():
    congress = CongressFactory()
    programme_demo.seed(congress=congress)
    assert (AgendaItem.objects.count(), HandVote.objects.count(), CheckIn.objects.count()) == (20, 0, 0)
