"""The congress rules hold in the database itself, not only in forms."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from congress.models import Congress, to_roman
from tests.factories import CongressFactory, OrganizationFactory

d = datetime.date


def save_fails(**changes):
    congress = CongressFactory()
    for field, value in changes.items():
        setattr(congress, field, value)
    with pytest.raises(IntegrityError), transaction.atomic():
        congress.save()


@pytest.mark.django_db
def test_closing_before_opening_is_refused_by_the_database():
    save_fails(opening_date=d(2020, 6, 3), closing_date=d(2020, 6, 2))


@pytest.mark.django_db
def test_length_above_max_days_is_refused_by_the_database():
    save_fails(opening_date=d(2020, 6, 1), closing_date=d(2020, 6, 4))  # 4 days, max 3


@pytest.mark.django_db
def test_length_of_exactly_max_days_is_accepted():
    congress = CongressFactory(opening_date=d(2020, 6, 1), closing_date=d(2020, 6, 3))
    assert congress.length_days == 3


@pytest.mark.django_db
def test_closing_after_cutoff_is_refused_by_the_database():
    save_fails(opening_date=d(2020, 8, 31), closing_date=d(2020, 9, 1))


@pytest.mark.django_db
def test_standing_committee_above_a_third_is_refused_by_the_database():
    save_fails(executive_committee_size=36, standing_committee_size=13)


@pytest.mark.django_db
def test_standing_committee_of_exactly_a_third_is_accepted():
    CongressFactory(executive_committee_size=39, standing_committee_size=13)
    assert Congress.objects.count() == 1


@pytest.mark.django_db
def test_organization_names_and_codes_are_unique_per_congress():
    org = OrganizationFactory(code="CS01", name="Đảng bộ phường Ngọc Hà")
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganizationFactory(congress=org.congress, code="CS01", name="Khác")
    OrganizationFactory(code="CS01", name="Đảng bộ phường Ngọc Hà")  # another congress: fine


@pytest.mark.django_db
def test_user_keeps_sort_key_and_folded_name_in_sync():
    from tests.factories import UserFactory

    user = UserFactory(full_name="Nguyễn Văn Đạt")
    user.full_name = "Trần Thị Ánh"
    user.save()
    user.refresh_from_db()
    assert user.name_folded.startswith("tran thi anh")


def test_roman_ordinals():
    assert [to_roman(n) for n in (25, 26, 14, 9, 40)] == ["XXV", "XXVI", "XIV", "IX", "XL"]
