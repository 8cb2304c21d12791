"""The elections demo: a candidate list for the executive committee, a counted election, the
Standing Committee of 13 elected at the first plenary — idempotent, synthetic names, shifted dates."""

import datetime
import re

import pytest

from congress.models import Deadline
from personnel import election_demo
from personnel.election_models import (
    Ballot,
    BallotEntry,
    BallotStatus,
    Candidate,
    Election,
    NominationStep,
    PersonnelPlan,
    PoolEntry,
    Round,
    RoundCandidate,
    StructureTarget,
    TrainingAttendance,
    TrainingClass,
)
from personnel.election_selectors import elected_people, list_check, plan_overview, round_result
from tests.factories import CongressFactory, OrganizationFactory, SubcommitteeFactory

pytestmark = pytest.mark.django_db

MODELS = [
    Election,
    Candidate,
    NominationStep,
    Round,
    RoundCandidate,
    Ballot,
    BallotEntry,
    PersonnelPlan,
    StructureTarget,
    PoolEntry,
    TrainingClass,
    TrainingAttendance,
    Deadline,
]
NAME = re.compile(r"^[A-ZĐÂĂÊÔƠƯ\w][\w]+( [\w]+){1,3}$")


def counts():
    return {m.__name__: m.objects.count() for m in MODELS}


@pytest.fixture
def seeded():
    """A congress like the demo's (the core demo itself is tested in tests/congress/test_demo.py)."""
    congress = CongressFactory(slug="ba-dinh-xxvi", organizing_committee="Quận ủy Ba Đình", ordinal=26)
    root = OrganizationFactory(congress=congress, name="Đảng bộ quận Ba Đình", code="QU", kind="committee")
    for code, name, sector in [
        ("CS01", "Đảng bộ phường Ngọc Hà", "Khối phường"),
        ("CS02", "Đảng bộ phường Kim Mã", "Khối phường"),
        ("CS03", "Đảng bộ Công an quận", "Lực lượng vũ trang"),
        ("CS04", "Đảng bộ Quân sự quận", "Lực lượng vũ trang"),
        ("CS05", "Đảng bộ Ủy ban nhân dân quận", "Khối chính quyền"),
        ("CS06", "Chi bộ Trường THCS Giảng Võ", "Khối văn hóa, giáo dục"),
    ]:
        OrganizationFactory(
            congress=congress, parent=root, code=code, name=name, sector=sector, kind="grassroots_committee"
        )
    SubcommitteeFactory(congress=congress, kind="personnel")
    election_demo.seed(congress=congress)
    return congress


def test_demo_elections_plan_pool_idempotent_and_shifted(seeded):
    # A candidate list for the executive committee: 51 names for 45 seats, within the surplus.
    executive = Election.objects.get(congress=seeded, body="executive")
    assert (executive.seats, executive.candidates.count()) == (45, 51)
    assert list_check(executive).within_limits
    # A counted, published election.
    first = executive.rounds.get()
    assert first.is_counted and first.is_published
    assert first.valid + first.invalid == first.ballots_collected
    result = round_result(first)
    assert len(result.elected) == 45
    assert all(row.votes >= first.threshold for row in result.elected)
    # Double entry: every ballot was read twice; one was misread and resolved after a recount.
    assert BallotEntry.objects.filter(ballot__round=first).count() == 2 * first.ballots_collected
    assert Ballot.objects.filter(round=first, status=BallotStatus.RESOLVED).count() == 1
    # The Standing Committee of 13, elected by the new executive committee among its members.
    standing = Election.objects.get(congress=seeded, body="standing")
    assert standing.rounds.get().summoned == 45
    assert len(elected_people(standing)) == 13
    assert {p.pk for p in elected_people(standing)} <= {p.pk for p in elected_people(executive)}
    # The plan's targets are met on the list; nobody breaks an age limit; synthetic Vietnamese names.
    view = plan_overview(seeded)
    assert [c.met_on_list for c in view.checks] == [True] * 6
    assert view.age_flags == []
    for candidate in Candidate.objects.select_related("person"):
        assert NAME.match(candidate.person.full_name), candidate.person.full_name
    assert PoolEntry.objects.filter(congress=seeded).count() == 30
    assert TrainingClass.objects.get(congress=seeded).attendances.count() == 30
    assert Deadline.objects.get(source_type="personnel.election", source_id=executive.pk).done is True
    # The delegation to the city congress is still in preparation: 11 names for 10 seats, three
    # candidates only at step 3 of the introduction, so the list cannot be locked yet.
    city = Election.objects.get(congress=seeded, body="city_delegates")
    check = list_check(city)
    assert (city.is_locked, check.count, check.within_limits, len(check.problems)) == (False, 11, True, 3)
    assert Deadline.objects.get(source_type="personnel.election", source_id=city.pk).done is False

    # Seeding again changes nothing; a date shift moves the dates and nothing else.
    first_counts = counts()
    election_demo.seed(congress=seeded)
    assert counts() == first_counts
    step = NominationStep.objects.order_by("pk").first()
    before = (step.held_on, step.in_favour)
    election_demo.seed(congress=seeded, shift_days=7)
    assert counts() == first_counts
    step.refresh_from_db()
    assert (step.held_on, step.in_favour) == (before[0] + datetime.timedelta(days=7), before[1])
    assert Election.objects.get(congress=seeded, body="executive").held_on == datetime.date(2020, 6, 10)
