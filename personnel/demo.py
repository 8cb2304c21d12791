# ruff: noqa: E501 - the demo data is prose and tables
"""Demo party members and delegates of the Ba Đình 26th congress (synthetic people, never real records).

All 18,236 members of the 56 grassroots organizations are generated (bulk inserts, a few seconds),
43 of them as the outgoing executive committee (ex-officio delegates); 225 further seats are allocated
(base 1 + largest remainder, two manual adjustments) and the elected delegates registered, for
268 delegates in all; credentials are mostly examined. Natural keys (card numbers, session names) make
seeding twice change nothing; every date moves with `shift_days`; a seeded generator keeps names stable.
"""

from __future__ import annotations

import datetime
import random

from django.contrib.auth import get_user_model
from django.db.models import F
from django.db.models.functions import ExtractYear

from congress.models import Congress, CongressRole, OrganizationKind, PartyOrganization, Role
from congress.names import synthetic_name
from personnel.imports import _bulk_create_with_history
from personnel.models import (
    CredentialStatus,
    Delegate,
    DelegateKind,
    MemberStatus,
    Person,
    Qualification,
    SeatAllocation,
    Session,
    SessionKind,
    TheoryLevel,
    person_derived_columns,
)
from personnel.services import (
    credential_decide,
    delegate_register,
    delegates_add_ex_officio,
    seat_adjust,
    seats_allocate,
    substitution_record,
)

TOTAL_DELEGATES = 268
DEMO_PREFIX = "01."  # card numbers of the demo members: 01.000001 …
EXECUTIVE_COMMITTEE = 43  # the outgoing (XXV) committee members still on record
d = datetime.date

PROVINCES = ["Hà Nội", "Hà Nội", "Hà Nội", "Nam Định", "Thái Bình", "Hải Dương", "Hưng Yên", "Bắc Ninh",
             "Hà Nam", "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Phú Thọ", "Vĩnh Phúc", "Hải Phòng"]  # fmt: skip
MINORITIES = ["Tày", "Mường", "Nùng", "Thái", "Dao"]
POSITIONS = ["Đảng viên", "Đảng viên", "Đảng viên", "Cán bộ hưu trí", "Chuyên viên", "Giáo viên",
             "Tổ trưởng tổ dân phố", "Bí thư chi bộ", "Phó Bí thư chi bộ", "Cán bộ công an", "Bác sĩ",
             "Kỹ sư", "Nhân viên văn phòng", "Trưởng phòng", "Phó Trưởng phòng"]  # fmt: skip
EXECUTIVE_POSITIONS = [
    "Bí thư Quận ủy", "Phó Bí thư Thường trực Quận ủy", "Phó Bí thư Quận ủy, Chủ tịch UBND quận",
    "Chủ tịch HĐND quận", "Trưởng Ban Tổ chức Quận ủy", "Trưởng Ban Tuyên giáo Quận ủy",
    "Chủ nhiệm Ủy ban Kiểm tra Quận ủy", "Trưởng Ban Dân vận Quận ủy", "Chánh Văn phòng Quận ủy",
    "Phó Chủ tịch UBND quận", "Trưởng Công an quận", "Chỉ huy trưởng Ban Chỉ huy Quân sự quận",
    "Chủ tịch Ủy ban MTTQ quận", "Bí thư Đảng ủy phường",
]  # fmt: skip
QUALIFICATIONS = [(Qualification.BACHELOR, 55), (Qualification.MASTER, 12), (Qualification.DOCTORATE, 2),
                  (Qualification.COLLEGE, 8), (Qualification.VOCATIONAL, 13), (Qualification.NONE, 10)]  # fmt: skip
THEORY = [(TheoryLevel.SENIOR, 8), (TheoryLevel.INTERMEDIATE, 25), (TheoryLevel.ELEMENTARY, 40),
          (TheoryLevel.NONE, 27)]  # fmt: skip
GRASSROOTS = (OrganizationKind.GRASSROOTS_COMMITTEE, OrganizationKind.GRASSROOTS_CELL)
SESSIONS = [
    ("Phiên trù bị", SessionKind.PREPARATORY, d(2020, 6, 2), datetime.time(8, 0), datetime.time(11, 30)),
    ("Phiên chính thức – ngày thứ nhất", SessionKind.OFFICIAL, d(2020, 6, 3), datetime.time(7, 30), datetime.time(11, 30)),
    ("Phiên chính thức – bầu cử", SessionKind.OFFICIAL, d(2020, 6, 3), datetime.time(13, 30), datetime.time(17, 30)),
]  # fmt: skip
VENUE = "Hội trường Quận ủy Ba Đình, số 10 Đội Cấn"


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights)[0]


def _date_between(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _member_specs(organizations: list[PartyOrganization], cells: dict[int, list[PartyOrganization]]):
    """Every demo member as a dict, in a fixed order from a seeded generator (same output every run)."""
    rng = random.Random(26_2020)
    number = 0
    for org in organizations:
        for _ in range(org.member_count):
            number += 1
            female = rng.random() < 0.45
            born = _date_between(rng, d(1938, 1, 1), d(1998, 12, 31))
            # Official members joined at least a year before the story (spring 2020) and so are official now.
            joined = _date_between(rng, d(born.year + 19, 1, 1), min(d(born.year + 45, 12, 31), d(2019, 3, 31)))
            status = _pick(rng, [(MemberStatus.OFFICIAL, 970), (MemberStatus.PROBATIONARY, 24),
                                 (MemberStatus.TRANSFERRED, 3), (MemberStatus.SUSPENDED, 2), (MemberStatus.CHARGED, 1)])  # fmt: skip
            if status == MemberStatus.PROBATIONARY:
                joined = _date_between(rng, d(2019, 5, 1), d(2020, 3, 31))
            official = None if status == MemberStatus.PROBATIONARY else joined + datetime.timedelta(days=365)
            old = born.year < 1958
            target = org
            if org.pk in cells and rng.random() < 0.6:
                target = rng.choice(cells[org.pk])
            yield {
                "member_number": f"{DEMO_PREFIX}{number:06d}",
                "full_name": synthetic_name(rng, female=female),
                "gender": "female" if female else "male",
                "birth_date": born if rng.random() < 0.93 else None,
                "birth_year": born.year,
                "ethnicity": "Kinh" if rng.random() < 0.985 else rng.choice(MINORITIES),
                "hometown": rng.choice(PROVINCES),
                "general_education": "10/10" if old and rng.random() < 0.6 else "12/12",
                "qualification": _pick(rng, QUALIFICATIONS),
                "theory_level": _pick(rng, THEORY),
                "joined_on": joined,
                "official_on": official,
                "position": "Cán bộ hưu trí" if old else rng.choice(POSITIONS),
                "organization": target,
                "sector": org.sector,
                "status": status,
                "phone": f"09{rng.randint(10_000_000, 99_999_999)}",
            }


def _shift(day: datetime.date | None, shift: datetime.timedelta) -> datetime.date | None:
    return day + shift if day else None


def _seed_members(congress: Congress, shift: datetime.timedelta) -> None:
    organizations = list(
        PartyOrganization.objects.filter(congress=congress, kind__in=GRASSROOTS).order_by("code", "name")
    )
    cells: dict[int, list[PartyOrganization]] = {}
    for cell in PartyOrganization.objects.filter(congress=congress, kind=OrganizationKind.CELL).order_by("code"):
        cells.setdefault(cell.parent_id, []).append(cell)
    existing = dict(Person.objects.filter(congress=congress).values_list("member_number", "joined_on"))
    to_create, delta = [], None
    for spec in _member_specs(organizations, cells):
        spec["birth_date"] = _shift(spec["birth_date"], shift)
        spec["joined_on"] = _shift(spec["joined_on"], shift)
        spec["official_on"] = _shift(spec["official_on"], shift)
        if spec["birth_date"]:
            spec["birth_year"] = spec["birth_date"].year
        if spec["member_number"] in existing:
            if delta is None and existing[spec["member_number"]]:
                delta = spec["joined_on"] - existing[spec["member_number"]]
            continue
        name_key, name_folded = person_derived_columns(spec["full_name"])
        to_create.append(Person(congress=congress, name_key=name_key, name_folded=name_folded, **spec))
    if delta:  # seeded again with another date shift: move the dates in the database, do not duplicate
        demo_people = Person.objects.filter(congress=congress, member_number__startswith=DEMO_PREFIX)
        demo_people.update(
            birth_date=F("birth_date") + delta, joined_on=F("joined_on") + delta, official_on=F("official_on") + delta
        )
        demo_people.filter(birth_date__isnull=False).update(birth_year=ExtractYear("birth_date"))
    if to_create:
        _bulk_create_with_history(to_create, Person)


def _seed_executive_committee(congress: Congress, rng: random.Random) -> None:
    if Person.objects.filter(congress=congress, is_executive_member=True).exists():
        return
    candidates = list(
        Person.objects.filter(
            congress=congress,
            status=MemberStatus.OFFICIAL,
            birth_year__gte=1960,
            birth_year__lte=1982,
            joined_on__isnull=False,
        ).order_by("member_number")
    )
    chosen = rng.sample(candidates, EXECUTIVE_COMMITTEE)
    for index, person in enumerate(chosen):
        person.is_executive_member = True
        person.position = EXECUTIVE_POSITIONS[index] if index < len(EXECUTIVE_POSITIONS) else "Ủy viên Ban Chấp hành"
        person.theory_level = TheoryLevel.SENIOR
        person.qualification = rng.choice([Qualification.MASTER, Qualification.MASTER, Qualification.BACHELOR,
                                           Qualification.DOCTORATE])  # fmt: skip
        person.general_education = "12/12"
    chosen[3].ethnicity, chosen[11].ethnicity = "Tày", "Mường"
    # Two of the outgoing committee left before the opening: flagged, not summoned.
    chosen[-1].status = MemberStatus.RETIRED
    chosen[-2].status = MemberStatus.TRANSFERRED
    chosen[-2].position = "Đã chuyển công tác về Thành ủy"
    Person.objects.bulk_update(
        chosen,
        [
            "is_executive_member",
            "position",
            "theory_level",
            "qualification",
            "general_education",
            "status",
            "ethnicity",
        ],
    )


def _seed_delegates(congress: Congress, rng: random.Random, by) -> None:
    if Delegate.objects.filter(congress=congress).exists():
        return
    delegates_add_ex_officio(congress=congress)
    ex_officio = Delegate.objects.filter(congress=congress, kind=DelegateKind.EX_OFFICIO).count()
    to_allocate = TOTAL_DELEGATES - ex_officio
    organizations = {o.name: o for o in PartyOrganization.objects.filter(congress=congress, kind__in=GRASSROOTS)}
    seats_allocate(congress=congress, total=to_allocate - 2, base=1, by=by)
    for name in ("Đảng bộ Công an quận", "Đảng bộ Quân sự quận"):
        allocation = SeatAllocation.objects.get(organization=organizations[name])
        seat_adjust(allocation=allocation, adjustment=1, reason="Lực lượng vũ trang, đơn vị trọng điểm", by=by)
    taken = set(Delegate.objects.filter(congress=congress).values_list("person_id", flat=True))
    for allocation in SeatAllocation.objects.filter(congress=congress).select_related("organization"):
        org = allocation.organization
        pool = list(
            Person.objects.filter(congress=congress, status=MemberStatus.OFFICIAL, birth_year__gte=1950)
            .filter(organization__in=[org, *org.children.all()])
            .exclude(pk__in=taken)
            .order_by("member_number")
        )
        picked = rng.sample(pool, min(len(pool), allocation.seats + (1 if allocation.seats >= 4 else 0)))
        for index, person in enumerate(picked):
            alternate = index >= allocation.seats
            delegate_register(
                congress=congress,
                person=person,
                kind=DelegateKind.ELECTED,
                organization=org,
                is_alternate=alternate,
                alternate_rank=1 if alternate else None,
            )
            taken.add(person.pk)
    elected = list(Delegate.objects.filter(congress=congress, kind=DelegateKind.ELECTED, is_alternate=False))
    # One elected delegate was charged after the grassroots congress: flagged, not summoned.
    charged = elected[17]
    charged.person.status = MemberStatus.CHARGED
    charged.person.save(update_fields=["status"])
    charged.not_summoned = "charged"
    charged.save(update_fields=["not_summoned"])
    # One is ill and replaced by the alternate of the same organization.
    for delegate in elected[40:]:
        alternate = Delegate.objects.filter(
            congress=congress, organization=delegate.organization, is_alternate=True, replacing__isnull=True
        ).first()
        if alternate:
            substitution_record(replaced=delegate, alternate=alternate, reason="Ốm, đang điều trị tại bệnh viện", by=by)
            break


def _seed_credentials(congress: Congress, rng: random.Random, by) -> None:
    if Delegate.objects.filter(congress=congress).exclude(credential_status=CredentialStatus.PENDING).exists():
        return
    summoned = list(
        Delegate.objects.filter(congress=congress, not_summoned="")
        .exclude(is_alternate=True, replacing__isnull=True)
        .exclude(replaced_by__isnull=False)
        .order_by("number")
    )
    for index, delegate in enumerate(summoned):
        if index == 101:
            credential_decide(
                delegate=delegate,
                status=CredentialStatus.NOT_QUALIFIED,
                reason="Hội nghị đại biểu bầu khi chưa đủ 2/3 số đại biểu được triệu tập; Ban Thường vụ đã chỉ đạo bầu lại.",
                by=by,
            )
        elif rng.random() < 0.9:
            credential_decide(delegate=delegate, status=CredentialStatus.QUALIFIED, reason="", by=by)


def _seed_sessions(congress: Congress, shift: datetime.timedelta) -> None:
    for name, kind, day, start, end in SESSIONS:
        Session.objects.update_or_create(
            congress=congress,
            name=name,
            defaults={"kind": kind, "date": day + shift, "starts_at": start, "ends_at": end, "venue": VENUE},
        )


def _credentials_user(congress: Congress):
    """A member of the credentials committee for the demo (elected at the preparatory session)."""
    from congress.demo import DEMO_PASSWORD

    User = get_user_model()
    user, created = User.objects.get_or_create(
        username="thamtra",
        defaults={
            "full_name": synthetic_name(random.Random(4), female=False),
            "position": "Trưởng Ban Tổ chức Quận ủy",
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    CongressRole.objects.get_or_create(congress=congress, user=user, role=Role.CREDENTIALS)
    return user


def seed(*, congress: Congress, shift_days: int = 0) -> None:
    shift = datetime.timedelta(days=shift_days)
    rng = random.Random(2605)
    secretary = get_user_model().objects.filter(username="thuky").first()
    _seed_members(congress, shift)
    _seed_executive_committee(congress, rng)
    _seed_delegates(congress, rng, secretary)
    _seed_credentials(congress, rng, _credentials_user(congress))
    _seed_sessions(congress, shift)
