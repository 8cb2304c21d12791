"""Demo of the personnel plan and the elections of the Ba Đình 26th congress (synthetic people).

Seeds the personnel plan and its structure targets, the cadre planning pool and its training
class, the candidate list of the executive committee (51 names for 45 seats, each through the
five steps), its counted and published election (double entry by two counters, one mismatch
resolved after a recount), and the Standing Committee of 13 elected at the first plenary.

Idempotent: everything is keyed on natural keys; a counted election is never counted again;
seeding with another date shift moves the dates — except the reference date for ages and the
birth-date limits, which belong to the 2020–2025 term like the people's birth dates. The
candidates are the delegates of the personnel demo when it has registered them (the outgoing
committee first), completed with synthetic members otherwise.
"""

from __future__ import annotations

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from congress.demo import DEMO_PASSWORD
from congress.models import Congress, CongressRole, OrganizationKind, PartyOrganization, Role
from congress.names import synthetic_name
from personnel.election_models import (
    Ballot,
    BallotEntry,
    BallotStatus,
    Candidate,
    CandidateSource,
    Election,
    ElectionBody,
    EndorsementStatus,
    NominationStep,
    PersonnelPlan,
    PoolEntry,
    PoolPosition,
    Round,
    StructureTarget,
    TrainingAttendance,
    TrainingClass,
)
from personnel.election_selectors import age_limit_breach, candidacy_dossier_deadline, elected_people
from personnel.election_services import (
    ballot_enter,
    ballot_resolve,
    election_deadline_sync,
    election_lock,
    round_count,
)
from personnel.elections import tally
from personnel.models import Gender, MemberStatus, Person

EXECUTIVE_SEATS = 45
EXECUTIVE_LIST = 51  # a surplus of 6: 13.3%
STANDING_SEATS = 13
STANDING_LIST = 14
OFFICIAL_SESSION = datetime.date(2020, 6, 3)
d = datetime.date

COUNTERS = [("kiemphieu1", True), ("kiemphieu2", False)]  # username, female

POSITIONS = [
    "Phó Bí thư Quận ủy", "Phó Chủ tịch UBND quận", "Chủ nhiệm Ủy ban Kiểm tra Quận ủy", "Trưởng Ban Dân vận Quận ủy",
    "Chủ tịch Ủy ban MTTQ quận", "Viện trưởng Viện Kiểm sát nhân dân quận", "Chánh án Tòa án nhân dân quận",
    "Chỉ huy trưởng Ban Chỉ huy Quân sự quận", "Trưởng phòng Tài chính – Kế hoạch", "Trưởng phòng Giáo dục và Đào tạo",
    "Trưởng phòng Quản lý đô thị", "Bí thư Quận đoàn", "Chủ tịch Hội Liên hiệp Phụ nữ quận",
    "Chủ tịch Hội Cựu chiến binh quận",
    "Chủ tịch Liên đoàn Lao động quận", "Giám đốc Trung tâm Y tế quận", "Chánh Thanh tra quận", "Trưởng phòng Nội vụ",
]  # fmt: skip


def _shifted(day: datetime.date, shift: datetime.timedelta) -> datetime.date:
    return day + shift


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@transaction.atomic
def seed(*, congress: Congress, shift_days: int = 0) -> None:
    rng = random.Random(2026)
    shift = datetime.timedelta(days=shift_days)
    counters = _counters(congress, rng)
    plan = _plan(congress, shift)
    candidates_people = _people(congress, rng, plan)
    _pool(congress, candidates_people, shift)
    executive = _executive(congress, candidates_people, counters, shift, rng)
    _standing(congress, executive, counters, shift, rng)
    _city_delegates(congress, candidates_people, shift)


def _counters(congress: Congress, rng: random.Random) -> list:
    User = get_user_model()
    users = []
    for username, female in COUNTERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "full_name": synthetic_name(rng, female=female),
                "position": "Thành viên Ban Kiểm phiếu",
                "email": f"{username}@badinh.example",
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        CongressRole.objects.get_or_create(congress=congress, user=user, role=Role.VOTE_COUNTING)
        users.append(user)
    return users


def _plan(congress: Congress, shift: datetime.timedelta) -> PersonnelPlan:
    plan, _ = PersonnelPlan.objects.update_or_create(
        congress=congress,
        defaults={
            "executive_size": EXECUTIVE_SEATS,
            "standing_size": STANDING_SEATS,
            "inspection_size": 11,
            # Not shifted: ages are those of the 2020–2025 term, like the birth dates and the limits.
            "reference_date": d(2020, 6, 1),
            "approved_by": "Nghị quyết Hội nghị Ban Chấp hành Đảng bộ quận khóa XXV, tháng 12/2019",
            "notes": "Cơ cấu Ban Chấp hành khóa XXVI: khối Đảng, đoàn thể; khối chính quyền; khối phường; "
            "lực lượng vũ trang; khối nội chính; bảo đảm tỷ lệ cán bộ nữ, cán bộ trẻ.",
        },
    )
    targets = [
        ("executive", "female", None, "", 15, None),
        ("standing", "female", None, "", None, 1),
        ("executive", "under_age", 40, "", 10, None),
        ("executive", "ethnic_minority", None, "", None, 1),
        ("executive", "sector", None, "Khối phường", 20, None),
        ("executive", "sector", None, "Lực lượng vũ trang", None, 2),
    ]
    for position, (body, criterion, age, sector, percent, count) in enumerate(targets, start=1):
        StructureTarget.objects.update_or_create(
            plan=plan,
            position=position,
            defaults={
                "body": body,
                "criterion": criterion,
                "age_below": age,
                "sector": sector,
                "min_percent": percent,
                "min_count": count,
            },
        )
    return plan


def _people(congress: Congress, rng: random.Random, plan: PersonnelPlan) -> list[Person]:
    """51 official members within the age limits: delegates first (outgoing committee first), then synthetic ones."""
    delegates = (
        Person.objects.filter(
            congress=congress,
            status=MemberStatus.OFFICIAL,
            delegacies__congress=congress,
            delegacies__is_alternate=False,
        )
        .exclude(member_number__startswith="UV26.")
        .distinct()
        .order_by("-is_executive_member", "name_key", "pk")
    )
    # At most 39 delegates, so that the synthetic dozen brings the structure the plan asks for.
    chosen = [p for p in delegates[:200] if age_limit_breach(plan, p) is None][: EXECUTIVE_LIST - 12]
    synthetic = _synthetic_people(congress, rng, EXECUTIVE_LIST - len(chosen))
    return chosen + synthetic


def _synthetic_people(congress: Congress, rng: random.Random, count: int) -> list[Person]:
    organizations = list(
        PartyOrganization.objects.filter(
            congress=congress,
            kind__in=[OrganizationKind.GRASSROOTS_COMMITTEE, OrganizationKind.GRASSROOTS_CELL],
        ).order_by("code", "pk")
    )
    if not organizations:
        root = PartyOrganization.objects.filter(congress=congress, parent__isnull=True).first()
        organizations = [root] if root else []
    wards = [o for o in organizations if o.name.startswith("Đảng bộ phường")] or organizations
    armed = [o for o in organizations if o.sector == "Lực lượng vũ trang"] or organizations
    others = [o for o in organizations if o not in wards and o not in armed] or organizations
    people = []
    names: set[str] = set()
    for index in range(1, count + 1):
        female = index % 5 == 0  # one in five: 20% women
        name = synthetic_name(rng, female=female)
        while name in names:
            name = synthetic_name(rng, female=female)
        names.add(name)
        if index % 13 == 0 or index <= 2 * len(armed) and index % 17 == 3:
            organization = armed[index % len(armed)]
            position = "Chỉ huy trưởng" if index % 2 else "Trưởng Công an"
        elif index % 3 == 0:
            organization = wards[index % len(wards)]
            position = f"Bí thư {organization.name}"
        else:
            organization = others[index % len(others)]
            position = POSITIONS[index % len(POSITIONS)]
        young = index % 8 == 1  # about 12%: born in the 1980s
        year = rng.randint(1981, 1986) if young else rng.randint(1967 if not female else 1971, 1979)
        birth = d(year, rng.randint(1, 12), rng.randint(1, 28))
        joined = d(year + rng.randint(22, 28), rng.randint(1, 12), rng.randint(1, 28))
        person, _ = Person.objects.update_or_create(
            congress=congress,
            member_number=f"UV26.{index:03d}",
            defaults={
                "full_name": name,
                "gender": Gender.FEMALE if female else Gender.MALE,
                "birth_date": birth,
                "birth_year": birth.year,
                "ethnicity": "Tày" if index == 7 else "Kinh",
                "general_education": "12/12",
                "qualification": "master" if index % 2 else "bachelor",
                "theory_level": "senior",
                "joined_on": joined,
                "official_on": joined + datetime.timedelta(days=365),
                "position": position,
                "organization": organization,
                "sector": organization.sector or "Khối Đảng, đoàn thể",
                "status": MemberStatus.OFFICIAL,
                "is_executive_member": index % 4 != 0,  # most are re-nominated
            },
        )
        people.append(person)
    return people


def _pool(congress: Congress, people: list[Person], shift: datetime.timedelta) -> None:
    term = f"{congress.term_start}–{congress.term_end}"
    added = _shifted(d(2019, 9, 30), shift)
    positions = (
        [PoolPosition.SECRETARY] * 2
        + [PoolPosition.DEPUTY_SECRETARY] * 4
        + [PoolPosition.STANDING] * 14
        + [PoolPosition.EXECUTIVE] * 10
    )
    training, _ = TrainingClass.objects.update_or_create(
        congress=congress,
        name="Lớp bồi dưỡng nguồn cán bộ quy hoạch Ban Chấp hành Đảng bộ quận nhiệm kỳ 2020–2025",
        defaults={
            "organizer": "Ban Tổ chức Quận ủy phối hợp Trung tâm Chính trị quận",
            "starts_on": _shifted(d(2019, 11, 11), shift),
            "ends_on": _shifted(d(2019, 11, 20), shift),
        },
    )
    for person, position in zip(people, positions, strict=False):
        PoolEntry.objects.update_or_create(
            person=person,
            position=position,
            term=term,
            defaults={
                "congress": congress,
                "added_on": added,
                "decision": "Quyết định số 1520-QĐ/QU của Ban Thường vụ Quận ủy",
            },
        )
        TrainingAttendance.objects.get_or_create(training_class=training, person=person)


def _steps(
    election: Election, shift: datetime.timedelta, start: datetime.date, upto: dict[int, int] | None = None
) -> None:
    """The five steps of every candidate, each passed; the votes are drawn per candidate so that
    reseeding changes nothing but the dates. Written in bulk (325 rows for the two lists)."""
    voters = [15, 45, 160, 15, 45]
    existing = {(s.candidate_id, s.step): s for s in NominationStep.objects.filter(candidate__election=election)}
    new, changed = [], []
    for candidate in election.candidates.filter(source=CandidateSource.COMMITTEE).select_related("person"):
        local = random.Random(f"{election.body}-{candidate.person.member_number}-{candidate.person.full_name}")
        for step in range(1, (upto or {}).get(candidate.pk, 5) + 1):
            total = voters[step - 1]
            values = {
                "held_on": _shifted(start + datetime.timedelta(days=14 * (step - 1)), shift),
                "voters": total,
                "in_favour": total - local.randint(0, total // 5),
            }
            row = existing.get((candidate.pk, step))
            if row is None:
                new.append(NominationStep(candidate=candidate, step=step, **values))
            elif any(getattr(row, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(row, k, v)
                changed.append(row)
    NominationStep.objects.bulk_create(new)
    NominationStep.objects.bulk_update(changed, ["held_on", "voters", "in_favour"])


def _executive(congress: Congress, people: list[Person], counters: list, shift, rng: random.Random) -> Election:
    held_on = _shifted(OFFICIAL_SESSION, shift)
    election, _ = Election.objects.update_or_create(
        congress=congress,
        body=ElectionBody.EXECUTIVE,
        defaults={
            "title": f"Ban Chấp hành Đảng bộ quận Ba Đình khóa {congress.ordinal_roman}, nhiệm kỳ "
            f"{congress.term_start}–{congress.term_end}",
            "seats": EXECUTIVE_SEATS,
            "surplus_percent": 15,
            "surplus_required": True,
            "held_on": held_on,
            "endorsement_status": EndorsementStatus.SUBMITTED,
            "endorsement_reference": "Tờ trình số 02-TTr/QU đề nghị Ban Thường vụ Thành ủy chuẩn y",
        },
    )
    election.counters.set(counters)
    if not election.rounds.exists():
        for person in people:
            Candidate.objects.get_or_create(election=election, person=person)
    _steps(election, shift, d(2019, 12, 2))
    if not election.rounds.exists():
        election_lock(election=election)
    round_ = election.rounds.get(number=1)
    _count(round_, counters, rng, summoned=_summoned(congress), absent=1, present_missing=2)
    _dates(election, round_, held_on, counted=(15, 30), published=(16, 0))
    election.refresh_from_db()
    election_deadline_sync(election=election)
    return election


def _summoned(congress: Congress) -> int:
    """The delegates summoned (from the personnel demo's registry, or the congress's maximum without one)."""
    from personnel.election_selectors import summoned_defaults

    summoned, _absent = summoned_defaults(Election(congress=congress, body=ElectionBody.EXECUTIVE))
    return summoned


def _dates(election: Election, round_: Round, day: datetime.date, *, counted, published) -> None:
    Round.objects.filter(pk=round_.pk).update(counted_at=_at(day, *counted), published_at=_at(day, *published))
    Election.objects.filter(pk=election.pk).update(list_locked_at=_at(day - datetime.timedelta(days=1), 16))


def _ballots(round_: Round, rng: random.Random, voters: int) -> list[list[int]]:
    """Plausible papers: most voters strike exactly the surplus; a few strike more, a few spoil the ballot."""
    numbers = list(round_.entries.order_by("number").values_list("number", flat=True))
    surplus = max(len(numbers) - round_.seats, 0)
    # Popularity: a few candidates are struck out far more often than the others.
    weights = {n: rng.choice([1, 1, 1, 2, 3, 8]) for n in numbers}
    papers = []
    for _ in range(voters):
        extra = rng.choice([0] * 14 + [1, 2, 4])
        wanted = surplus + extra if surplus else rng.choice([0] * 9 + [1, 2])
        if surplus and rng.random() < 0.015:
            wanted = surplus - 1  # keeps one name too many: invalid
        struck: set[int] = set()
        while len(struck) < min(wanted, len(numbers)):
            struck.add(rng.choices(numbers, weights=[weights[n] for n in numbers])[0])
        papers.append(sorted(struck))
    return papers


def _count(round_: Round, counters: list, rng: random.Random, *, summoned: int, absent: int, present_missing: int):
    """Both counters enter every paper; one paper is misread by the second counter and recounted."""
    if round_.is_counted:
        return
    issued = summoned - absent - present_missing
    round_.summoned, round_.absent_without_alternate = summoned, absent
    round_.ballots_issued = round_.ballots_collected = issued
    round_.save()
    keys = {n: f"c{n}" for n in round_.entries.values_list("number", flat=True)}
    for _attempt in range(20):  # no tie across the last seat in the demo: draw again if there is one
        papers = _ballots(round_, rng, issued)
        kept = [{keys[n] for n in keys if n not in paper} for paper in papers]
        result = tally(seats=round_.seats, candidates=list(keys.values()), ballots=kept, summoned=summoned,
                       absent_without_alternate=absent)  # fmt: skip
        if not result.tied:
            break
    one, two = counters
    misread = min(17, len(papers))
    ballots = Ballot.objects.bulk_create(
        [
            Ballot(round=round_, number=number, status=BallotStatus.AGREED, struck=paper)
            for number, paper in enumerate(papers, start=1)
            if number != misread
        ]
    )
    BallotEntry.objects.bulk_create(
        [
            BallotEntry(ballot=b, slot=slot, struck=b.struck, entered_by=user)
            for b in ballots
            for slot, user in ((1, one), (2, two))
        ]
    )
    paper = papers[misread - 1]
    ballot_enter(round_=round_, number=misread, struck=paper, by=one)
    typo = [n + 1 if n + 1 in keys and n + 1 not in paper else n for n in paper] or [1]
    ballot, _kind = ballot_enter(round_=round_, number=misread, struck=typo, by=two)
    if ballot.status == BallotStatus.MISMATCH:
        ballot_resolve(
            ballot=ballot, struck=paper, by=one, note="Trưởng Ban Kiểm phiếu cùng hai thành viên đọc lại phiếu gốc."
        )
    round_count(round_=round_, by=one)


def _standing(congress: Congress, executive: Election, counters: list, shift, rng: random.Random) -> None:
    held_on = _shifted(OFFICIAL_SESSION, shift)
    election, _ = Election.objects.update_or_create(
        congress=congress,
        body=ElectionBody.STANDING,
        defaults={
            "title": f"Ban Thường vụ Quận ủy Ba Đình khóa {congress.ordinal_roman}, nhiệm kỳ "
            f"{congress.term_start}–{congress.term_end}",
            "seats": STANDING_SEATS,
            "surplus_percent": 10,
            "surplus_required": False,
            "held_on": held_on,
            "endorsement_status": EndorsementStatus.SUBMITTED,
            "endorsement_reference": "Tờ trình số 03-TTr/QU đề nghị Ban Thường vụ Thành ủy chuẩn y",
        },
    )
    election.counters.set(counters)
    if not election.rounds.exists():
        members = elected_people(executive)
        women = [p for p in members if p.gender == Gender.FEMALE][:2]
        men = [p for p in members if p.gender != Gender.FEMALE][: STANDING_LIST - len(women)]
        for person in women + men:
            Candidate.objects.get_or_create(election=election, person=person)
    _steps(election, shift, d(2020, 1, 6))
    if not election.rounds.exists():
        election_lock(election=election)
    round_ = election.rounds.get(number=1)
    _count(round_, counters, rng, summoned=EXECUTIVE_SEATS, absent=0, present_missing=0)
    _dates(election, round_, held_on, counted=(18, 15), published=(18, 45))


def _city_delegates(congress: Congress, people: list[Person], shift: datetime.timedelta) -> None:
    """The delegation to the city congress, still in preparation: the list is not complete yet."""
    election, _ = Election.objects.update_or_create(
        congress=congress,
        body=ElectionBody.CITY_DELEGATES,
        defaults={
            "title": "Đại biểu dự Đại hội đại biểu Đảng bộ thành phố Hà Nội lần thứ XVII, nhiệm kỳ 2020–2025",
            "seats": 10,
            "surplus_percent": 20,
            "surplus_required": True,
            "held_on": _shifted(OFFICIAL_SESSION, shift),
        },
    )
    if election.rounds.exists():
        return
    for person in people[:10]:
        Candidate.objects.get_or_create(election=election, person=person)
    deadline = candidacy_dossier_deadline(congress)
    Candidate.objects.update_or_create(
        election=election,
        person=people[-1],
        defaults={
            "source": CandidateSource.SELF,
            "dossier_received_on": deadline - datetime.timedelta(days=3) if deadline else None,
        },
    )
    # The last three introduced by the committee are only at step 3 of 5.
    late = election.candidates.filter(source=CandidateSource.COMMITTEE).order_by("person__name_key")[7:]
    _steps(election, shift, d(2020, 2, 3), upto={c.pk: 3 for c in late})
    election_deadline_sync(election=election)
