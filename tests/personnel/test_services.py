"""Services of the personnel app: members, delegates, seats, credentials, check-in, and their rules."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from personnel.models import CheckIn, Delegate, SeatAllocation, Substitution
from personnel.selectors import (
    absent_without_alternate_count,
    delegate_by_number,
    presence_by_session,
    presence_for_session,
    summoned_count,
)
from personnel.services import (
    badge_payload,
    checkin_record,
    credential_decide,
    delegate_register,
    delegates_add_ex_officio,
    person_save,
    seat_adjust,
    seats_allocate,
    substitution_record,
)
from tests.factories import CongressFactory
from tests.personnel.factories import DelegateFactory, GrassrootsFactory, PersonFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _vietnamese():
    with translation.override("vi"):
        yield


def messages_of(caught):
    return " ".join(caught.value.messages)


# --- members


def test_person_save_keeps_sort_key_and_search_text_in_sync(orgs):
    person = PersonFactory(organization=orgs[0], full_name="Nguyễn Văn An")
    person.full_name = "Đỗ  Thị   Đào"
    person_save(person=person)
    person.refresh_from_db()
    assert (person.full_name, person.name_folded) == ("Đỗ Thị Đào", "do thi dao")
    from congress.vietnamese import name_sort_key

    assert person.name_key == name_sort_key("Đỗ Thị Đào")


def test_person_save_refuses_making_a_delegate_probationary(orgs):
    delegate = DelegateFactory(person__organization=orgs[0])
    person = delegate.person
    person.status, person.official_on = "probationary", None
    with pytest.raises(ValidationError) as caught:
        person_save(person=person)
    assert "đang là đại biểu" in messages_of(caught)


def test_person_save_flags_a_delegate_when_suspended_and_unflags_when_restored(orgs):
    delegate = DelegateFactory(person__organization=orgs[0])
    person = delegate.person
    person.status = "suspended"
    person_save(person=person)
    delegate.refresh_from_db()
    assert delegate.not_summoned == "suspended"
    person.status = "official"
    person_save(person=person)
    delegate.refresh_from_db()
    assert delegate.not_summoned == ""


def test_person_save_keeps_a_manual_breach_flag(orgs):
    delegate = DelegateFactory(person__organization=orgs[0], not_summoned="breach")
    person_save(person=delegate.person)
    delegate.refresh_from_db()
    assert delegate.not_summoned == "breach"


def test_person_dates_joined_before_18_and_born_after_joining(orgs):
    person = PersonFactory.build(
        organization=orgs[0],
        congress=orgs[0].congress,
        birth_date=datetime.date(1990, 6, 1),
        joined_on=datetime.date(2008, 5, 31),
    )
    with pytest.raises(ValidationError) as caught:
        person_save(person=person)
    assert caught.value.message_dict["joined_on"] == [
        "Vào Đảng lúc 17 tuổi, trước 18 tuổi (sinh 01/06/1990, vào Đảng 31/05/2008)."
    ]
    person.birth_date = datetime.date(2009, 1, 1)
    with pytest.raises(ValidationError) as caught:
        person_save(person=person)
    assert "Sinh sau ngày vào Đảng" in caught.value.message_dict["joined_on"][0]


def test_person_constraints_hold_in_the_database(orgs):
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonFactory(organization=orgs[0], status="probationary", official_on=datetime.date(2001, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonFactory(organization=orgs[0], joined_on=datetime.date(2000, 1, 1), official_on=datetime.date(1999, 1, 1))
    PersonFactory(organization=orgs[0], member_number="X1")
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonFactory(organization=orgs[0], member_number="X1")


# --- delegates


def test_delegate_register_numbers_and_delegation_from_the_members_cell(congress, orgs):
    from tests.factories import OrganizationFactory

    cell = OrganizationFactory(
        congress=congress, parent=orgs[1], kind="cell", name="Chi bộ Tổ dân phố 3", code="CS02-03"
    )
    person = PersonFactory(organization=cell)
    first = delegate_register(congress=congress, person=PersonFactory(organization=orgs[0]), kind="elected")
    second = delegate_register(congress=congress, person=person, kind="elected")
    assert (first.number, second.number, second.organization) == (1, 2, orgs[1])
    alternate = delegate_register(
        congress=congress, person=PersonFactory(organization=orgs[0]), kind="elected", is_alternate=True
    )
    assert alternate.number is None


def test_delegate_register_refuses_a_probationary_member(congress, orgs):
    person = PersonFactory(organization=orgs[0], status="probationary", official_on=None)
    with pytest.raises(ValidationError) as caught:
        delegate_register(congress=congress, person=person, kind="elected")
    assert "đảng viên dự bị" in caught.value.message_dict["person"][0]
    assert Delegate.objects.count() == 0


def test_delegate_register_never_above_max_delegates(congress, orgs):
    congress.max_delegates = 2
    congress.save()
    for _ in range(2):
        delegate_register(congress=congress, person=PersonFactory(organization=orgs[0]), kind="elected")
    with pytest.raises(ValidationError) as caught:
        delegate_register(congress=congress, person=PersonFactory(organization=orgs[0]), kind="elected")
    assert "tối đa 2 đại biểu" in messages_of(caught)
    # Alternates are not counted against the cap.
    delegate_register(congress=congress, person=PersonFactory(organization=orgs[0]), kind="elected", is_alternate=True)
    assert Delegate.objects.filter(is_alternate=False).count() == 2


def test_delegate_register_respects_the_organizations_seats(congress, orgs):
    SeatAllocation.objects.create(congress=congress, organization=orgs[0], computed_seats=1)
    delegate_register(congress=congress, person=PersonFactory(organization=orgs[0]), kind="elected")
    with pytest.raises(ValidationError) as caught:
        delegate_register(congress=congress, person=PersonFactory(organization=orgs[0]), kind="elected")
    assert "được bầu 1 đại biểu" in messages_of(caught)


def test_delegate_register_ex_officio_only_for_committee_members(congress, orgs):
    with pytest.raises(ValidationError) as caught:
        delegate_register(congress=congress, person=PersonFactory(organization=orgs[0]), kind="ex_officio")
    assert "đại biểu đương nhiên" in caught.value.message_dict["kind"][0]


def test_delegates_add_ex_officio_in_one_action_in_ballot_order(congress, orgs):
    names = ["Trần Văn Bình", "Lê Thị An", "Phạm Quang Cường"]
    for name in names:
        PersonFactory(organization=orgs[0], full_name=name, is_executive_member=True)
    retired = PersonFactory(organization=orgs[1], full_name="Vũ Văn Đông", is_executive_member=True, status="retired")
    PersonFactory(organization=orgs[0])  # not a committee member
    added = delegates_add_ex_officio(congress=congress)
    assert [(d.number, d.person.full_name) for d in added] == [
        (1, "Lê Thị An"),
        (2, "Trần Văn Bình"),
        (3, "Phạm Quang Cường"),
        (4, "Vũ Văn Đông"),
    ]
    assert Delegate.objects.get(person=retired).not_summoned == "retired"
    with pytest.raises(ValidationError):
        delegates_add_ex_officio(congress=congress)


def test_delegate_alternate_must_be_elected_in_the_database(orgs):
    with pytest.raises(IntegrityError), transaction.atomic():
        DelegateFactory(person__organization=orgs[0], kind="appointed", is_alternate=True, number=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        DelegateFactory(person__organization=orgs[0], credential_status="not_qualified", credential_reason="")


# --- substitutions and summoned counts


def test_substitution_replaces_an_absent_delegate_and_keeps_summoned_count(congress, orgs):
    official = DelegateFactory(person__organization=orgs[0], number=1)
    DelegateFactory(person__organization=orgs[0], number=2)
    alternate = DelegateFactory(person__organization=orgs[0], is_alternate=True, alternate_rank=1, number=None)
    assert summoned_count(congress) == 2
    substitution_record(replaced=official, alternate=alternate, reason="Ốm, nằm viện")
    alternate.refresh_from_db()
    assert (summoned_count(congress), alternate.number) == (2, 3)
    assert Substitution.objects.get().reason == "Ốm, nằm viện"


def test_substitution_rules(congress, orgs):
    official = DelegateFactory(person__organization=orgs[0])
    other_org_alternate = DelegateFactory(person__organization=orgs[1], is_alternate=True, number=None)
    with pytest.raises(ValidationError) as caught:
        substitution_record(replaced=official, alternate=other_org_alternate, reason="Ốm")
    assert "cùng đoàn" in messages_of(caught)
    same_org = DelegateFactory(person__organization=orgs[0], is_alternate=True, number=None)
    with pytest.raises(ValidationError) as caught:
        substitution_record(replaced=official, alternate=same_org, reason="  ")
    assert "lý do" in messages_of(caught)
    substitution_record(replaced=official, alternate=same_org, reason="Đi công tác")
    another = DelegateFactory(person__organization=orgs[0], is_alternate=True, number=None)
    with pytest.raises(ValidationError) as caught:
        substitution_record(replaced=official, alternate=another, reason="Ốm")
    assert "đã được thay thế" in messages_of(caught)


def test_summoned_excludes_flagged_and_not_qualified_and_counts_absent(congress, orgs):
    DelegateFactory(person__organization=orgs[0])
    DelegateFactory(person__organization=orgs[0], not_summoned="charged")
    DelegateFactory(person__organization=orgs[0], credential_status="not_qualified", credential_reason="Bầu sai")
    DelegateFactory(person__organization=orgs[0], absence_reason="Ốm nặng")
    DelegateFactory(person__organization=orgs[0], is_alternate=True, number=None)
    assert (summoned_count(congress), absent_without_alternate_count(congress)) == (2, 1)


def test_delegate_by_number_hook(congress, orgs):
    delegate = DelegateFactory(person__organization=orgs[0], number=42)
    assert delegate_by_number(congress, 42) == delegate
    assert delegate_by_number(congress, 43) is None


# --- credentials


def test_credential_decide_not_qualified_needs_reasons(orgs, secretariat):
    delegate = DelegateFactory(person__organization=orgs[0])
    with pytest.raises(ValidationError) as caught:
        credential_decide(delegate=delegate, status="not_qualified", reason=" ", by=secretariat)
    assert caught.value.message_dict["credential_reason"] == ["Ghi rõ lý do đại biểu không đủ tư cách."]
    credential_decide(delegate=delegate, status="qualified", reason="", by=secretariat)
    delegate.refresh_from_db()
    assert (delegate.credential_status, delegate.credential_checked_by) == ("qualified", secretariat)


# --- seats


def test_seats_allocate_uses_the_cap_and_keeps_adjustments(congress, orgs):
    congress.max_delegates = 12
    congress.save()
    PersonFactory(organization=orgs[0], is_executive_member=True)
    PersonFactory(organization=orgs[0], is_executive_member=True)  # cap = 12 − 2 = 10
    with pytest.raises(ValidationError) as caught:
        seats_allocate(congress=congress, total=11, base=1)
    assert "tối đa 10 đại biểu" in messages_of(caught)
    seats_allocate(congress=congress, total=8, base=1)
    assert [a.seats for a in SeatAllocation.objects.order_by("organization__code")] == [4, 2, 2]
    allocation = SeatAllocation.objects.get(organization=orgs[2])
    seat_adjust(allocation=allocation, adjustment=2, reason="Đơn vị trọng điểm")
    assert sum(a.seats for a in SeatAllocation.objects.all()) == 10
    with pytest.raises(ValidationError) as caught:
        seats_allocate(congress=congress, total=10, base=1)
    assert "giảm tổng số xuống 8" in messages_of(caught)
    allocation.refresh_from_db()
    assert (allocation.adjustment, allocation.reason) == (2, "Đơn vị trọng điểm")


def test_seat_adjust_never_above_the_cap_and_needs_a_reason(congress, orgs):
    congress.max_delegates = 10
    congress.save()
    seats_allocate(congress=congress, total=9, base=1)
    allocation = SeatAllocation.objects.get(organization=orgs[1])
    with pytest.raises(ValidationError) as caught:
        seat_adjust(allocation=allocation, adjustment=1, reason="")
    assert caught.value.message_dict["reason"] == ["Ghi rõ lý do điều chỉnh."]
    with pytest.raises(ValidationError) as caught:
        seat_adjust(allocation=allocation, adjustment=2, reason="Quan trọng")
    assert "vượt 10" in messages_of(caught)
    seat_adjust(allocation=allocation, adjustment=1, reason="Quan trọng")
    assert sum(a.seats for a in SeatAllocation.objects.all()) == 10


@pytest.mark.django_db(transaction=True)
def test_seat_adjust_two_clerks_at_once_cannot_exceed_the_cap(congress, orgs):
    """Two clerks each add the last free seat to a different organization at the same moment."""
    import threading

    from django.db import connections

    congress.max_delegates = 10
    congress.save()
    seats_allocate(congress=congress, total=9, base=1)  # one seat free
    targets = list(SeatAllocation.objects.order_by("organization__code")[:2])
    barrier = threading.Barrier(2)
    outcomes = []

    def clerk(allocation):
        try:
            barrier.wait(timeout=5)
            with translation.override("vi"):
                seat_adjust(allocation=allocation, adjustment=1, reason="Tăng cường")
            outcomes.append("saved")
        except ValidationError:
            outcomes.append("refused")
        except Exception as error:  # a lock timeout would also be a refusal, never two saves
            outcomes.append(f"error: {error}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=clerk, args=(a,)) for a in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("saved") == 1, outcomes
    assert sum(a.seats for a in SeatAllocation.objects.all()) == 10


# --- check-in


def test_checkin_by_number_and_badge_and_twice_is_refused(congress, orgs):
    session = SessionFactory(congress=congress)
    delegate = DelegateFactory(person__organization=orgs[0], number=12)
    result = checkin_record(session=session, code="012")
    assert (result.delegate, result.checkin.method) == (delegate, "number")
    with pytest.raises(ValidationError) as caught:
        checkin_record(session=session, code=badge_payload(delegate, congress))
    assert "đã điểm danh lúc" in messages_of(caught) and "không tính hai lần" in messages_of(caught)
    assert CheckIn.objects.count() == 1
    other_session = SessionFactory(congress=congress)
    assert checkin_record(session=other_session, code=badge_payload(delegate, congress)).checkin.method == "scan"


def test_checkin_badge_of_another_congress_is_refused(congress, orgs):
    other = CongressFactory(slug="hoan-kiem", name="Đại hội Đảng bộ quận Hoàn Kiếm")
    other_delegate = DelegateFactory(person__organization=GrassrootsFactory(congress=other), number=5)
    DelegateFactory(person__organization=orgs[0], number=5)
    session = SessionFactory(congress=congress)
    with pytest.raises(ValidationError) as caught:
        checkin_record(session=session, code=badge_payload(other_delegate, other))
    assert messages_of(caught) == "Thẻ này của đại hội khác (Đại hội Đảng bộ quận Hoàn Kiếm); không dùng được ở đây."
    assert CheckIn.objects.count() == 0


def test_checkin_forged_or_garbage_codes_are_refused(congress, orgs):
    delegate = DelegateFactory(person__organization=orgs[0], number=7)
    session = SessionFactory(congress=congress)
    forged = badge_payload(delegate, congress)[:-3] + "abc"
    for code, message in [
        (forged, "Không nhận ra thẻ này"),
        ("DHDB|x", "không phải thẻ đại biểu"),
        ("https://example.org", "không phải là số đại biểu"),
        ("999", "Không có đại biểu số 999"),
        ("", "Gõ số đại biểu"),
    ]:
        with pytest.raises(ValidationError) as caught:
            checkin_record(session=session, code=code)
        assert message in messages_of(caught), code
    assert CheckIn.objects.count() == 0


def test_checkin_refuses_not_summoned_replaced_and_idle_alternates(congress, orgs):
    session = SessionFactory(congress=congress)
    flagged = DelegateFactory(person__organization=orgs[0], number=1, not_summoned="suspended")
    replaced = DelegateFactory(person__organization=orgs[0], number=2)
    alternate = DelegateFactory(person__organization=orgs[0], is_alternate=True, number=None)
    idle = DelegateFactory(person__organization=orgs[0], is_alternate=True, number=None)
    substitution_record(replaced=replaced, alternate=alternate, reason="Ốm")
    for delegate, message in [(flagged, "không được triệu tập"), (replaced, "đã được đại biểu dự khuyết thay thế"),
                              (idle, "chưa thay thế ai")]:  # fmt: skip
        with pytest.raises(ValidationError) as caught:
            checkin_record(session=session, delegate=delegate)
        assert message in messages_of(caught)
    alternate.refresh_from_db()
    assert checkin_record(session=session, code=str(alternate.number)).delegate == alternate


def test_presence_counts_and_quorum(congress, orgs):
    congress.quorum_percent = 67
    congress.save()
    session = SessionFactory(congress=congress)
    delegates = [DelegateFactory(person__organization=orgs[0]) for _ in range(3)]
    assert (presence_for_session(session).present, presence_for_session(session).quorum_needed) == (0, 3)
    checkin_record(session=session, delegate=delegates[0])
    checkin_record(session=session, delegate=delegates[1])
    presence = presence_for_session(session)
    assert (presence.present, presence.summoned, presence.quorum_met) == (2, 3, False)
    checkin_record(session=session, delegate=delegates[2])
    assert presence_for_session(session).quorum_met is True
    assert [(p.session, p.present) for p in presence_by_session(congress)] == [(session, 3)]


def test_probationary_rule_is_held_by_the_database_too(orgs):
    """Paths that skip the service (admin, shell, raw updates) still cannot make a probationary delegate."""
    probationary = PersonFactory(organization=orgs[0], status="probationary", official_on=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Delegate.objects.create(
            congress=probationary.congress, person=probationary, kind="elected", organization=orgs[0]
        )
    delegate = DelegateFactory(person__organization=orgs[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        type(delegate.person).objects.filter(pk=delegate.person.pk).update(status="probationary", official_on=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Delegate.objects.filter(pk=delegate.pk).update(person=probationary)
    assert Delegate.objects.get(pk=delegate.pk).person.status == "official"


def test_member_status_totals_count_each_status_of_one_congress():
    """The official members and the other statuses are read apart (one statement): each count is that of
    its status, in this congress only; a status nobody has is left out; no member at all, no counts."""
    import collections

    from personnel.models import MemberStatus
    from personnel.selectors import member_status_counts, member_status_totals

    here = GrassrootsFactory()
    elsewhere = GrassrootsFactory(congress=CongressFactory(slug="tay-ho"))
    assert member_status_totals(here.congress) == {}
    plan = {"official": 5, "probationary": 3, "suspended": 1, "transferred": 2}
    for status, n in plan.items():
        official_on = None if status == "probationary" else datetime.date(2001, 2, 3)
        PersonFactory.create_batch(n, organization=here, status=status, official_on=official_on)
        PersonFactory.create_batch(n + 1, organization=elsewhere, status=status, official_on=official_on)
    PersonFactory(organization=elsewhere, status="retired")
    assert member_status_totals(here.congress) == plan
    assert member_status_totals(elsewhere.congress) == collections.Counter(
        {status: n + 1 for status, n in plan.items()}
    ) + collections.Counter({"retired": 1})
    counts = member_status_counts(here.congress)
    assert [(value, n) for value, _label, n in counts] == [(s, plan.get(s, 0)) for s in MemberStatus.values]
