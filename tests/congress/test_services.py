import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from congress.models import Holiday, MilestoneKind
from congress.services import congress_rule_errors, congress_save, milestones_sync_derived, organization_save
from congress.workdays import VIETNAM_HOLIDAYS, working_days_before
from tests.factories import CongressFactory, OrganizationFactory

d = datetime.date


def rules(**overrides):
    values = {
        "opening_date": d(2020, 6, 2),
        "closing_date": d(2020, 6, 3),
        "cutoff_date": d(2020, 8, 31),
        "max_days": 3,
        "executive_committee_size": 45,
        "standing_committee_size": 13,
    }
    return congress_rule_errors(**{**values, **overrides})


def test_congress_rules_accept_the_seed():
    assert rules() == {}


@translation.override("vi")
def test_congress_rules_name_each_broken_rule():
    assert "trước ngày khai mạc" in rules(closing_date=d(2020, 6, 1))["closing_date"]
    assert "tối đa 3 ngày" in rules(closing_date=d(2020, 6, 5))["closing_date"]
    assert "31/08/2020" in rules(opening_date=d(2020, 9, 1), closing_date=d(2020, 9, 2))["closing_date"]
    assert "một phần ba" in rules(standing_committee_size=16)["standing_committee_size"]
    with translation.override("en"):
        assert "one third" in rules(standing_committee_size=16)["standing_committee_size"]


@pytest.mark.django_db
def test_congress_save_refuses_and_leaves_data_unchanged():
    congress = CongressFactory()
    congress.closing_date = d(2020, 6, 10)
    with pytest.raises(ValidationError) as error:
        congress_save(congress=congress)
    assert "closing_date" in error.value.message_dict
    congress.refresh_from_db()
    assert congress.closing_date == d(2020, 6, 3)


def test_working_days_skip_weekends_and_holidays():
    holidays = {datetime.date.fromisoformat(iso) for iso, _ in VIETNAM_HOLIDAYS}
    # Opening Tuesday 02/06/2020: 15 working days before is Tuesday 12/05/2020.
    assert working_days_before(d(2020, 6, 2), 15, holidays) == d(2020, 5, 12)
    # 30 working days before skips 30/04 and 01/05: Friday 17/04/2020.
    assert working_days_before(d(2020, 6, 2), 30, holidays) == d(2020, 4, 17)
    assert working_days_before(d(2020, 6, 2), 30, set()) == d(2020, 4, 21)


@pytest.mark.django_db
def test_derived_milestones_follow_the_opening():
    for iso, name in VIETNAM_HOLIDAYS:
        Holiday.objects.create(date=datetime.date.fromisoformat(iso), name=name)
    congress = CongressFactory()
    milestones_sync_derived(congress=congress)
    dates = dict(congress.milestones.values_list("kind", "due_date"))
    assert dates[MilestoneKind.DOSSIERS_DUE] == d(2020, 5, 12)
    assert dates[MilestoneKind.OPENING_ANNOUNCED] == d(2020, 4, 17)
    assert dates[MilestoneKind.CONGRESS] == d(2020, 6, 2)
    assert dates[MilestoneKind.CUTOFF] == d(2020, 8, 31)
    # Moving the opening moves them; running again adds nothing.
    congress.opening_date, congress.closing_date = d(2020, 6, 9), d(2020, 6, 10)
    congress_save(congress=congress)
    assert congress.milestones.count() == 4
    assert congress.milestones.get(kind=MilestoneKind.DOSSIERS_DUE).due_date == d(2020, 5, 19)
    # Titles are stored in Vietnamese whatever the active language.
    assert congress.milestones.get(kind=MilestoneKind.CONGRESS).title == "Khai mạc Đại hội"


@pytest.mark.django_db
def test_organization_cannot_be_its_own_ancestor():
    parent = OrganizationFactory(name="Đảng bộ phường Ngọc Hà")
    child = OrganizationFactory(congress=parent.congress, parent=parent, name="Chi bộ Tổ dân phố số 1")
    parent.parent = child
    with pytest.raises(ValidationError, match="trực thuộc chính nó"):
        organization_save(organization=parent)


@pytest.mark.django_db
def test_organization_parent_must_be_in_the_same_congress():
    other = OrganizationFactory()
    org = OrganizationFactory.build(congress=CongressFactory(), parent=other, name="X", code="X1")
    with pytest.raises(ValidationError, match="đại hội khác"):
        organization_save(organization=org)
