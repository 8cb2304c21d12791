"""Factories and fixtures of the elections tests (synthetic people only).

Import the fixtures into a test module with `from tests.personnel.election_factories import *`.
"""

import datetime

import factory
import pytest

from congress.models import Role
from personnel.election_models import Candidate, Election, NominationStep
from personnel.election_services import candidate_add, election_lock, round_setup
from tests.factories import CongressRoleFactory, UserFactory
from tests.personnel.factories import GrassrootsFactory, PersonFactory

__all__ = [
    "CandidateFactory",
    "ElectionFactory",
    "counters",
    "executive",
    "pass_five_steps",
    "people",
    "person_in",
    "voting_round",
]


class ElectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Election

    body = "executive"
    title = "Ban Chấp hành Đảng bộ quận khóa XXVI, nhiệm kỳ 2020–2025"
    seats = 4
    surplus_percent = 30
    surplus_required = True


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    source = "committee"


def person_in(congress, full_name, **kwargs):
    organization = kwargs.pop("organization", None) or GrassrootsFactory(congress=congress)
    return PersonFactory(congress=congress, organization=organization, full_name=full_name, **kwargs)


def pass_five_steps(candidate, *, start=datetime.date(2019, 12, 2), voters=40, in_favour=35):
    for step in range(1, 6):
        NominationStep.objects.create(
            candidate=candidate,
            step=step,
            held_on=start + datetime.timedelta(days=7 * step),
            voters=voters,
            in_favour=in_favour,
        )
    return candidate


NAMES = ["Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Minh An", "Phạm Quang Bình", "Vũ Thị Hà", "Đỗ Đức Cường"]


@pytest.fixture
def people(congress):
    organization = GrassrootsFactory(congress=congress)
    return [person_in(congress, name, organization=organization) for name in NAMES]


@pytest.fixture
def counters(congress):
    one = UserFactory(username="kiemphieu1", full_name="Hoàng Thị Thu Trang")
    two = UserFactory(username="kiemphieu2", full_name="Dương Văn Phong")
    for user in (one, two):
        CongressRoleFactory(congress=congress, user=user, role=Role.VOTE_COUNTING)
    return one, two


@pytest.fixture
def executive(congress, people, counters):
    """An election of 4 among the first 5 people (a surplus of 1: 25%, 30% allowed), counted by the two counters."""
    election = ElectionFactory(congress=congress, seats=4, surplus_percent=30)
    election.counters.set(counters)
    for person in people[:5]:
        pass_five_steps(candidate_add(election=election, person=person))
    return election


@pytest.fixture
def voting_round(executive):
    """Round 1 of the executive election, locked: 7 summoned, 6 ballots issued and collected."""
    round_ = election_lock(election=executive)
    return round_setup(round_=round_, summoned=7, absent_without_alternate=0, ballots_issued=6, ballots_collected=6)
