"""The personnel demo: 18,236 synthetic members, 268 delegates with seats and credentials; idempotent."""

import datetime
import re

import pytest
from django.db import transaction

from congress import demo as congress_demo
from personnel import demo
from personnel.models import Delegate, Person, SeatAllocation, Session
from personnel.selectors import credentials_report, seat_table

pytestmark = pytest.mark.django_db


def counts(congress):
    return (
        Person.objects.filter(congress=congress).count(),
        Delegate.objects.filter(congress=congress).count(),
        SeatAllocation.objects.filter(congress=congress).count(),
        Session.objects.filter(congress=congress).count(),
        Person.history.filter(congress=congress).count(),
    )


def test_personnel_demo_matches_the_seed_facts_is_idempotent_and_moves_with_the_shift():
    congress = congress_demo.seed().congress
    with transaction.atomic():
        demo.seed(congress=congress)
    first = counts(congress)
    demo.seed(congress=congress)
    assert counts(congress) == first

    assert Person.objects.filter(congress=congress, member_number__startswith=demo.DEMO_PREFIX).count() == 18_236
    official = Delegate.objects.filter(congress=congress, is_alternate=False)
    assert official.count() == 268 == demo.TOTAL_DELEGATES
    assert official.filter(kind="ex_officio").count() == demo.EXECUTIVE_COMMITTEE
    table = seat_table(congress)
    assert (table.allocated, table.registered, len(table.rows)) == (225, 225, 56)
    assert table.adjustments == 2 and all(r.allocation.seats >= 1 for r in table.rows)

    report = credentials_report(congress)
    assert all(b.sum == report.summoned for b in report.breakdowns)
    assert report.qualified > 0.85 * report.summoned and len(report.not_qualified) == 1
    assert len(report.not_summoned) == 3 and len(report.substitutions) == 1  # retired, transferred, charged
    assert not Person.objects.filter(congress=congress, status="probationary", delegacies__isnull=False).exists()

    pattern = re.compile(r"^[A-ZĐÂĂÊÔƠƯ]\w+( [A-ZĐ]\w+){1,3}$")
    names = list(Person.objects.filter(congress=congress).values_list("full_name", flat=True)[:500])
    assert all(pattern.match(n) for n in names), names[:5]
    assert any(" Thị " in n for n in names)

    # Seeding with another date shift moves the dates instead of duplicating rows.
    person = Person.objects.get(congress=congress, member_number="01.000001")
    demo.seed(congress=congress, shift_days=14)
    moved = Person.objects.get(pk=person.pk)
    assert moved.joined_on - person.joined_on == datetime.timedelta(days=14)
    assert Person.objects.filter(congress=congress).count() == 18_236
    assert Session.objects.get(congress=congress, name="Phiên trù bị").date == datetime.date(2020, 6, 16)
