"""Factories of the personnel tests (synthetic people only)."""

import datetime
import random

import factory

from congress.names import synthetic_name
from personnel.models import Delegate, Person, Session
from tests.factories import OrganizationFactory

_rng = random.Random(11)


class GrassrootsFactory(OrganizationFactory):
    kind = "grassroots_committee"
    name = factory.Sequence(lambda n: f"Đảng bộ phường số {n}")
    code = factory.Sequence(lambda n: f"CS{n:03d}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    organization = factory.SubFactory(GrassrootsFactory)
    congress = factory.SelfAttribute("organization.congress")
    member_number = factory.Sequence(lambda n: f"01.{n:06d}")
    full_name = factory.LazyFunction(lambda: synthetic_name(_rng, female=_rng.random() < 0.4))
    gender = "male"
    birth_date = datetime.date(1975, 5, 12)
    birth_year = 1975
    joined_on = datetime.date(2000, 2, 3)
    official_on = datetime.date(2001, 2, 3)
    status = "official"
    sector = "Khối phường"


class DelegateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegate

    person = factory.SubFactory(PersonFactory)
    congress = factory.SelfAttribute("person.congress")
    organization = factory.SelfAttribute("person.organization")
    kind = "elected"
    number = factory.Sequence(lambda n: n + 1)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    name = factory.Sequence(lambda n: f"Phiên {n}")
    kind = "official"
    date = datetime.date(2020, 6, 3)
