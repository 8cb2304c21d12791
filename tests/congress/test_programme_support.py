"""Factories and fixtures of the congress-days tests (imported by the test_programme* modules).

Import the fixtures into a test module with `from tests.congress.test_programme_support import *`.
"""

import datetime

import factory
import pytest
from django.urls import reverse

from congress.programme_models import AgendaItem, HandVote
from personnel.models import CheckIn
from tests.personnel.factories import DelegateFactory, GrassrootsFactory, PersonFactory, SessionFactory

__all__ = [
    "AgendaItemFactory",
    "HandVoteFactory",
    "check_in",
    "delegates",
    "hall",
    "item",
    "official",
    "preparatory",
    "url",
]

VENUE = "Hội trường Quận ủy Ba Đình"
NAMES = [
    "Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Minh An", "Phạm Quang Bình", "Vũ Thị Hà", "Đỗ Đức Cường",
    "Hoàng Thị Mai", "Bùi Văn Long", "Đặng Thu Trang", "Ngô Quốc Khánh",
]  # fmt: skip


def url(name, congress, **kwargs):
    return reverse(name, kwargs={"congress": congress.slug, **kwargs})


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    title = factory.Sequence(lambda n: f"Nội dung số {n}")
    kind = "report"
    planned_minutes = 15
    position = factory.Sequence(lambda n: n + 1)


class HandVoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HandVote

    subject = "programme"
    title = "Thông qua Chương trình Đại hội"


@pytest.fixture
def delegates(congress):
    """Ten summoned delegates of one ward (numbers 1–10)."""
    ward = GrassrootsFactory(congress=congress, name="Đảng bộ phường Kim Mã")
    return [
        DelegateFactory(person=PersonFactory(congress=congress, organization=ward, full_name=name), number=i)
        for i, name in enumerate(NAMES, start=1)
    ]


@pytest.fixture
def preparatory(congress):
    return SessionFactory(
        congress=congress,
        name="Phiên trù bị",
        kind="preparatory",
        date=datetime.date(2020, 6, 2),
        starts_at=datetime.time(14, 0),
        ends_at=datetime.time(17, 0),
        venue=VENUE,
    )


@pytest.fixture
def official(congress):
    return SessionFactory(
        congress=congress,
        name="Phiên chính thức",
        kind="official",
        date=datetime.date(2020, 6, 3),
        starts_at=datetime.time(7, 30),
        ends_at=datetime.time(11, 30),
        venue=VENUE,
    )


@pytest.fixture
def item(preparatory):
    return AgendaItemFactory(session=preparatory, title="Thông qua Chương trình Đại hội", kind="vote", position=1)


def check_in(session, delegates):
    for delegate in delegates:
        CheckIn.objects.create(session=session, delegate=delegate, method="number")


@pytest.fixture
def hall(congress):
    from congress.programme_services import hall_for

    return hall_for(congress)
