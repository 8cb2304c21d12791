"""Benchmark data: whole congresses generated with bulk inserts, at any size, from a seeded generator.

One function, `build_congress`, makes everything the measured pages read: the organization tree,
party members, delegates (ex-officio, elected, alternates, one substitution, credentials decided),
sessions and check-ins, the subcommittees with their groups and members, milestones and tasks with
their deadlines, five drafts each with a published version and a review round full of comments
(most already disposed), and the executive committee election with a counted, published round.
The same code makes the small congresses of the query-count check (10 and 1,000 rows), the
measured district (the Ba Đình demo's scale) and the 29 other districts and the city of the
province, so the pages have the same shape at every size. People are synthetic (congress/names.py).
"""

from __future__ import annotations

import datetime
import functools
import random
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from congress.models import (
    Congress,
    CongressLevel,
    CongressRole,
    Deadline,
    DeadlineKind,
    Milestone,
    MilestoneKind,
    OrganizationKind,
    PartyOrganization,
    ReminderPolicy,
    Role,
    User,
)
from congress.names import synthetic_name
from congress.vietnamese import fold, name_sort_key
from documents.models import Comment, Draft, DraftVersion, Paragraph, ReviewRound
from personnel.election_models import Candidate, Election, Round, RoundCandidate
from personnel.models import CheckIn, Delegate, Person, Session, Substitution, person_derived_columns
from subcommittees.models import Membership, Subcommittee, Task, WorkingGroup
from tests.bench.bulk import Inserter, days

BENCH_USERNAME = "bench.thuky"
BENCH_PASSWORD = "bench-password-2020"  # noqa: S105 (a throwaway account of the benchmark database)


@dataclass(frozen=True)
class Size:
    members: int
    organizations: int  # grassroots organizations under the organizing committee
    delegates: int
    round_comments: int  # comments in the measured review round (the political report's)
    other_comments: int  # comments spread over the four other drafts' rounds
    tasks: int
    candidates: int
    paragraphs: int = 150  # of the political report; the other drafts have 40
    level: str = CongressLevel.DISTRICT

    @property
    def comments(self) -> int:
        return self.round_comments + self.other_comments


# The Ba Đình demo's scale: 56 organizations, 18,000 members, 268 delegates, 5 drafts, 2,000 comments, 500 tasks.
DISTRICT = Size(
    members=18_000, organizations=56, delegates=268, round_comments=1_200, other_comments=800, tasks=500, candidates=52
)
# The 29 other districts of the province: a little smaller, so that the province holds about 450,000 members.
OTHER_DISTRICT = Size(
    members=14_800, organizations=100, delegates=268, round_comments=1_200, other_comments=800, tasks=500, candidates=52
)
CITY = Size(
    members=1_000,
    organizations=30,
    delegates=450,
    round_comments=1_200,
    other_comments=800,
    tasks=500,
    candidates=80,
    level=CongressLevel.CITY,
)
PROVINCE_DISTRICTS = 30  # the measured one included


def scaled(rows: int) -> Size:
    """A congress whose every list has `rows` rows (the query-count check at 10 and 1,000 rows)."""
    return Size(
        members=rows,
        organizations=max(2, min(56, rows // 50)),
        delegates=rows,
        round_comments=rows,
        other_comments=8,
        tasks=rows,
        candidates=rows,
    )


def quick(size: Size, factor: int) -> Size:
    """The same congress, every count divided by `factor` (BENCH_QUICK)."""

    def cut(n: int, low: int = 2) -> int:
        return max(low, n // factor)

    return Size(
        members=cut(size.members, 60),
        organizations=cut(size.organizations),
        delegates=cut(size.delegates, 12),
        round_comments=cut(size.round_comments),
        other_comments=cut(size.other_comments, 8),
        tasks=cut(size.tasks),
        candidates=cut(size.candidates, 3),
        paragraphs=cut(size.paragraphs, 12),
        level=size.level,
    )


@dataclass
class Built:
    """What the measurements need to know about a generated congress."""

    congress_id: int
    slug: str
    size: Size
    round_id: int  # the political report's review round (reading page, disposition page)
    election_round_id: int  # the counted round of the executive committee election
    search: str  # a member search that finds people ("nguyen van an")
    counts: dict[str, int] = field(default_factory=dict)


@functools.lru_cache(maxsize=20_000)
def _derived(full_name: str) -> tuple[str, str]:
    return person_derived_columns(full_name)


SENTENCES = [
    "Tiếp tục đổi mới phương thức lãnh đạo của Đảng, nâng cao sức chiến đấu của tổ chức cơ sở đảng.",
    "Phát triển kinh tế – xã hội nhanh và bền vững, chú trọng chất lượng tăng trưởng và chuyển đổi số.",
    "Xây dựng đội ngũ cán bộ, đảng viên có phẩm chất, năng lực, uy tín, ngang tầm nhiệm vụ.",
    "Đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp.",
    "Quản lý chặt chẽ đất đai, trật tự xây dựng, bảo vệ môi trường và cảnh quan đô thị.",
    "Chăm lo đời sống vật chất, tinh thần của nhân dân, bảo đảm an sinh xã hội.",
    "Giữ vững quốc phòng, an ninh, trật tự an toàn xã hội trên địa bàn quận.",
    "Phát huy sức mạnh khối đại đoàn kết toàn dân tộc và vai trò của Mặt trận Tổ quốc.",
]
COMMENT_TEXTS = [
    "Đề nghị bổ sung số liệu cụ thể về kết quả thực hiện chỉ tiêu.",
    "Nên làm rõ hơn nguyên nhân của hạn chế, khuyết điểm.",
    "Đề nghị viết gọn lại đoạn này, tránh trùng lặp với phần đánh giá chung.",
    "Cần nhấn mạnh vai trò của chi bộ khu dân cư trong thực hiện nhiệm vụ.",
    "Đề nghị cân nhắc chỉ tiêu này cho phù hợp với điều kiện thực tế.",
    "Bổ sung giải pháp về chuyển đổi số trong công tác quản lý đảng viên.",
]
RESPONSES = [
    "Tiếp thu, đã chỉnh sửa trong dự thảo lần 2.",
    "Xin giải trình: nội dung đã được thể hiện ở phần II của báo cáo.",
    "Tiếp thu một phần; số liệu sẽ được cập nhật khi có báo cáo tổng kết.",
    "Ghi nhận; ý kiến thuộc phạm vi chương trình hành động.",
]
TASK_TITLES = [
    "Chuẩn bị dự thảo báo cáo chính trị",
    "Tổng hợp danh sách đại biểu",
    "Rà soát hồ sơ nhân sự",
    "Chuẩn bị hội trường",
    "In ấn tài liệu Đại hội",
    "Tuyên truyền trực quan",
    "Xây dựng kịch bản điều hành",
    "Kiểm tra công tác an ninh",
    "Tiếp nhận ý kiến góp ý dự thảo",
    "Chuẩn bị phiếu bầu cử",
]
ETHNIC = ["Kinh"] * 60 + ["Tày", "Mường"]
QUALIFICATIONS = (
    ["bachelor"] * 55 + ["master"] * 12 + ["doctorate"] * 2 + ["college"] * 8 + ["vocational"] * 13 + ["none"] * 10
)
THEORY = ["senior"] * 8 + ["intermediate"] * 25 + ["elementary"] * 40 + ["none"] * 27
STATUSES = ["official"] * 970 + ["probationary"] * 24 + ["transferred"] * 3 + ["suspended"] * 2 + ["charged"]
SECTORS = ["Khối phường", "Khối cơ quan", "Khối doanh nghiệp", "Khối lực lượng vũ trang", "Khối giáo dục – y tế"]


def _user_row(pk: int, username: str, full_name: str, password: str, **extra) -> dict:
    key = name_sort_key(full_name)
    return {
        "id": pk,
        "username": username,
        "password": password,
        "full_name": full_name,
        "email": f"{username}@bench.example",
        "is_active": True,
        "date_joined": timezone.now(),
        "name_key": key,
        "name_folded": fold(f"{full_name} {username}"),
        "language": "vi",
        **extra,
    }


@transaction.atomic
def ensure_bench_users() -> User:
    """The measured user: secretariat lead of the measured congresses, staff with view rights in the admin."""
    from django.contrib.auth.models import Permission

    user = User.objects.filter(username=BENCH_USERNAME).first()
    if user is None:
        user = User(username=BENCH_USERNAME, full_name="Phạm Thanh Trang", is_staff=True)
        user.set_password(BENCH_PASSWORD)
        user.save()
        wanted = [
            ("personnel", "person"),
            ("personnel", "delegate"),
            ("documents", "comment"),
            ("subcommittees", "task"),
            ("personnel", "candidate"),
        ]
        for app_label, model in wanted:
            user.user_permissions.add(
                *Permission.objects.filter(content_type__app_label=app_label, content_type__model=model)
            )
    return user


@transaction.atomic
def build_congress(
    *,
    slug: str,
    size: Size,
    seed: int,
    name: str,
    secretariat: list[int] | None = None,
    staff: list[int] | None = None,
    deadline_fill: int = 0,
) -> Built:
    """Generate one congress of `size`; `secretariat` user ids become its secretariat lead(s), `staff`
    its secretariat staff; `deadline_fill` adds that many further deadlines (kind "other")."""
    rng = random.Random(seed)
    ins = Inserter()
    now = ins.now
    today = timezone.localdate()
    opening = today + days(42)
    counts: dict[str, int] = {}

    congress = Congress.objects.create(
        slug=slug,
        name=name,
        organizing_committee=name.replace("Đại hội đại biểu ", "").split(" lần")[0],
        upper_committee="Đảng bộ tỉnh (benchmark)",
        ordinal=26,
        term_start=2020,
        term_end=2025,
        level=size.level,
        place="Ba Đình",
        opening_date=opening,
        closing_date=opening + days(1),
        cutoff_date=opening + days(90),
        max_delegates=max(300, size.delegates),
        executive_committee_size=45,
        standing_committee_size=13,
    )
    cid = congress.pk
    # No quiet hours: the sweep's figures must not depend on the hour the benchmark runs at.
    ReminderPolicy.objects.create(congress=congress, quiet_hours=False)

    # --- users of this congress: secretariat, subcommittee leaders and members, a reviewer
    hashed = "!bench-unusable"
    local_users = ins.ids(User, 16)
    user_rows = [
        _user_row(pk, f"{slug}.u{i:02d}", synthetic_name(rng, female=i % 3 == 0), hashed)
        for i, pk in enumerate(local_users)
    ]
    ins.insert(User, user_rows)
    lead = local_users[0]
    reviewer = local_users[15]
    roles = [(lead, Role.SECRETARIAT_LEAD), (local_users[1], Role.SECRETARIAT), (reviewer, Role.REVIEWER)]
    roles += [(u, Role.SECRETARIAT_LEAD) for u in secretariat or []]
    roles += [(u, Role.SECRETARIAT) for u in staff or []]
    ins.insert(
        CongressRole,
        (
            {"id": pk, "congress_id": cid, "user_id": u, "role": r}
            for pk, (u, r) in zip(ins.ids(CongressRole, len(roles)), roles, strict=True)
        ),
    )

    sub_ids = ins.ids(Subcommittee, 3)
    kinds = ["personnel", "documents", "organization"]
    sub_names = {
        "personnel": "Tiểu ban Nhân sự",
        "documents": "Tiểu ban Văn kiện",
        "organization": "Tiểu ban Tổ chức phục vụ Đại hội",
    }
    ins.insert(
        Subcommittee,
        ({"id": pk, "congress_id": cid, "kind": k, "name": sub_names[k]} for pk, k in zip(sub_ids, kinds, strict=True)),
    )
    sub = dict(zip(kinds, sub_ids, strict=True))
    memberships = []
    for index, kind in enumerate(kinds):
        base = 2 + index * 4
        memberships += [
            (sub[kind], local_users[base], "head"),
            (sub[kind], local_users[base + 1], "secretary"),
            (sub[kind], local_users[base + 2], "member"),
            (sub[kind], local_users[base + 3], "member"),
        ]
    ins.insert(
        Membership,
        (
            {"id": pk, "subcommittee_id": s, "user_id": u, "role": r}
            for pk, (s, u, r) in zip(ins.ids(Membership, len(memberships)), memberships, strict=True)
        ),
    )
    group_specs = [
        ("organization", "standing_unit", "Bộ phận thường trực"),
        ("organization", "working_group", "Tổ Tuyên truyền"),
        ("organization", "working_group", "Tổ Lễ tân – Khánh tiết"),
        ("organization", "working_group", "Tổ Hậu cần – Y tế"),
        ("organization", "working_group", "Tổ An ninh – Trật tự"),
        ("documents", "working_group", "Tổ biên tập"),
        ("personnel", "support_unit", "Bộ phận giúp việc Tiểu ban Nhân sự"),
    ]
    group_ids = ins.ids(WorkingGroup, len(group_specs))
    group_sub = {}
    group_rows = []
    for pk, (kind, gkind, gname) in zip(group_ids, group_specs, strict=True):
        leader = local_users[2 + kinds.index(kind) * 4 + 2]
        group_sub[pk] = sub[kind]
        group_rows.append({"id": pk, "subcommittee_id": sub[kind], "kind": gkind, "name": gname, "leader_id": leader})
    ins.insert(WorkingGroup, group_rows)
    ins.link(WorkingGroup.members.through, "workinggroup", "user", [(g["id"], g["leader_id"]) for g in group_rows])

    # --- organizations: the organizing committee at the root, grassroots organizations below
    org_ids = ins.ids(PartyOrganization, size.organizations + 1)
    root = org_ids[0]
    weights = [rng.randint(20, 1100) for _ in range(size.organizations)]
    scale = size.members / sum(weights)
    member_counts = [max(1, int(w * scale)) for w in weights]
    member_counts[0] += size.members - sum(member_counts)
    if member_counts[0] < 1:  # tiny congresses: spread evenly instead
        member_counts = [size.members // size.organizations] * size.organizations
        member_counts[0] += size.members - sum(member_counts)
    org_rows = [
        {
            "id": root,
            "congress_id": cid,
            "parent_id": None,
            "name": congress.organizing_committee,
            "code": "QU",
            "kind": OrganizationKind.COMMITTEE,
            "member_count": size.members,
            "name_folded": fold(congress.organizing_committee),
        }
    ]
    for index, (pk, members) in enumerate(zip(org_ids[1:], member_counts, strict=True), start=1):
        org_name = f"Đảng bộ phường số {index}" if index % 3 else f"Chi bộ cơ quan số {index}"
        org_rows.append(
            {
                "id": pk,
                "congress_id": cid,
                "parent_id": root,
                "name": org_name,
                "code": f"CS{index:03d}",
                "kind": OrganizationKind.GRASSROOTS_COMMITTEE if index % 3 else OrganizationKind.GRASSROOTS_CELL,
                "sector": SECTORS[index % len(SECTORS)],
                "member_count": members,
                "name_folded": fold(org_name),
            }
        )
    ins.insert(PartyOrganization, org_rows)
    counts["organizations"] = len(org_rows)
    grassroots = org_ids[1:]

    # --- party members
    person_ids = ins.ids(Person, size.members)
    must_be_official = max(size.delegates, size.candidates)
    person_org: dict[int, int] = {}
    person_key: dict[int, str] = {}  # name keys of the candidates (ballot order)
    executive = min(43, max(1, size.delegates // 6))

    def people():
        number = 0
        for org_index, (org, members) in enumerate(zip(grassroots, member_counts, strict=True)):
            for _ in range(members):
                pk = person_ids[number]
                female = rng.random() < 0.45
                full_name = "Nguyễn Văn An" if number == 0 else synthetic_name(rng, female=female)
                born = datetime.date(rng.randint(1940, 1998), rng.randint(1, 12), rng.randint(1, 28))
                joined = datetime.date(
                    min(born.year + rng.randint(19, 40), 2019), rng.randint(1, 12), rng.randint(1, 28)
                )
                status = rng.choice(STATUSES) if number >= must_be_official else "official"
                official = None if status == "probationary" else joined + days(365)
                key, folded = _derived(full_name)
                person_org[pk] = org
                if number < size.candidates:
                    person_key[pk] = key
                number += 1
                yield {
                    "id": pk,
                    "congress_id": cid,
                    "member_number": f"{seed % 100:02d}.{number:06d}",
                    "full_name": full_name,
                    "gender": "female" if female else "male",
                    "birth_date": born,
                    "birth_year": born.year,
                    "ethnicity": rng.choice(ETHNIC),
                    "hometown": "Hà Nội",
                    "general_education": "12/12",
                    "qualification": rng.choice(QUALIFICATIONS),
                    "theory_level": rng.choice(THEORY),
                    "joined_on": joined,
                    "official_on": official,
                    "position": "Đảng viên",
                    "organization_id": org,
                    "sector": SECTORS[org_index % len(SECTORS)],
                    "status": status,
                    "is_executive_member": number <= executive,
                    "name_key": key,
                    "name_folded": folded,
                    "created_at": now,
                    "updated_at": now,
                }

    counts["members"] = ins.insert(Person, people())

    # --- delegates: ex-officio first, then elected ones, the last 5 % alternates
    delegate_ids = ins.ids(Delegate, size.delegates)
    alternates = size.delegates // 20
    delegate_rows = []
    for index, (pk, person) in enumerate(zip(delegate_ids, person_ids, strict=False)):
        alternate = index >= size.delegates - alternates
        kind = "ex_officio" if index < executive else "elected"
        status = "qualified" if index % 10 else "pending"
        row = {
            "id": pk,
            "congress_id": cid,
            "person_id": person,
            "kind": kind,
            "organization_id": person_org[person],
            "number": None if alternate else index + 1,
            "is_alternate": alternate,
            "alternate_rank": index - (size.delegates - alternates) + 1 if alternate else None,
            "credential_status": status,
            "credential_checked_by_id": lead if status != "pending" else None,
            "credential_checked_at": now if status != "pending" else None,
            "created_at": now,
            "updated_at": now,
        }
        delegate_rows.append(row)
    if size.delegates >= 12:
        delegate_rows[executive + 1].update(credential_status="not_qualified", credential_reason="Vi phạm quy định")
        delegate_rows[executive + 2]["not_summoned"] = "retired"
        delegate_rows[executive + 3]["absence_reason"] = "Đi công tác nước ngoài"
    counts["delegates"] = ins.insert(Delegate, delegate_rows)
    if alternates:
        ins.insert(
            Substitution,
            [
                {
                    "id": ins.ids(Substitution, 1)[0],
                    "congress_id": cid,
                    "replaced_id": delegate_ids[executive + 4],
                    "alternate_id": delegate_ids[size.delegates - alternates],
                    "reason": "Ốm, không dự được Đại hội",
                    "recorded_at": now,
                    "recorded_by_id": lead,
                }
            ],
        )

    session_ids = ins.ids(Session, 3)
    ins.insert(
        Session,
        [
            {
                "id": session_ids[0],
                "congress_id": cid,
                "kind": "preparatory",
                "name": "Phiên trù bị",
                "date": opening - days(1),
                "starts_at": datetime.time(8, 0),
                "ends_at": datetime.time(11, 30),
            },
            {
                "id": session_ids[1],
                "congress_id": cid,
                "kind": "official",
                "name": "Phiên chính thức – ngày thứ nhất",
                "date": opening,
                "starts_at": datetime.time(7, 30),
                "ends_at": datetime.time(11, 30),
            },
            {
                "id": session_ids[2],
                "congress_id": cid,
                "kind": "official",
                "name": "Phiên chính thức – bầu cử",
                "date": opening,
                "starts_at": datetime.time(13, 30),
                "ends_at": datetime.time(17, 30),
            },
        ],
    )
    present = [d["id"] for d in delegate_rows if not d["is_alternate"] and rng.random() < 0.95]
    ins.insert(
        CheckIn,
        (
            {
                "id": pk,
                "session_id": session_ids[1],
                "delegate_id": d,
                "method": "scan",
                "checked_in_at": now,
                "checked_in_by_id": lead,
            }
            for pk, d in zip(ins.ids(CheckIn, len(present)), present, strict=True)
        ),
    )

    # --- milestones, tasks and their deadlines
    milestones = [
        (MilestoneKind.PLAN_APPROVED, "Ban Thường vụ thông qua kế hoạch", -120, True),
        (MilestoneKind.SUBCOMMITTEES_FORMED, "Thành lập các tiểu ban", -110, True),
        (MilestoneKind.DRAFTS_READY, "Hoàn thành dự thảo văn kiện", -30, True),
        (MilestoneKind.GRASSROOTS_HELD, "Hoàn thành đại hội cơ sở", -10, False),
        (MilestoneKind.OPENING_ANNOUNCED, "Thông báo triệu tập Đại hội", 0, False),
        (MilestoneKind.DOSSIERS_DUE, "Hạn nộp hồ sơ ứng cử", 21, False),
        (MilestoneKind.CONGRESS, "Khai mạc Đại hội", 42, False),
        (MilestoneKind.CUTOFF, "Hạn hoàn thành Đại hội", 132, False),
    ]
    milestone_ids = ins.ids(Milestone, len(milestones))
    ins.insert(
        Milestone,
        [
            {
                "id": pk,
                "congress_id": cid,
                "kind": k,
                "title": t,
                "due_date": today + days(offset),
                "done_at": today + days(offset) if done else None,
                "responsible_id": sub["organization"],
            }
            for pk, (k, t, offset, done) in zip(milestone_ids, milestones, strict=True)
        ],
    )
    task_ids = ins.ids(Task, size.tasks)
    task_rows = []
    groups_by_sub = {s: [g for g, gs in group_sub.items() if gs == s] for s in sub_ids}
    members_by_sub = {s: [u for s2, u, _r in memberships if s2 == s] for s in sub_ids}
    for index, pk in enumerate(task_ids):
        subcommittee = sub_ids[index % 3]
        due = today + days(rng.randint(-90, 45))
        status = rng.choices(["done", "in_progress", "not_started", "blocked"], weights=[40, 30, 25, 5])[0]
        if index == 0:  # at every size the dashboard's red list shows something (compare like with like)
            due, status = today - days(3), "in_progress"
        title = f"{TASK_TITLES[index % len(TASK_TITLES)]} (đợt {index // len(TASK_TITLES) + 1})"
        description = SENTENCES[index % len(SENTENCES)]
        groups = groups_by_sub[subcommittee]
        task_rows.append(
            {
                "id": pk,
                "congress_id": cid,
                "subcommittee_id": subcommittee,
                "group_id": rng.choice(groups) if groups and rng.random() < 0.6 else None,
                "assignee_id": rng.choice(members_by_sub[subcommittee]) if rng.random() < 0.5 else None,
                "title": title,
                "description": description,
                "due_date": due,
                "status": status,
                "progress": 100 if status == "done" else rng.choice([0, 10, 30, 50, 80]),
                "search_text": fold(f"{title} {description}"),
                "completed_at": now if status == "done" else None,
                "created_by_id": lead,
                "created_at": now,
                "updated_at": now,
            }
        )
    counts["tasks"] = ins.insert(Task, task_rows)
    deadline_rows = [
        {
            "congress_id": cid,
            "kind": DeadlineKind.TASK,
            "source_type": "subcommittees.task",
            "source_id": t["id"],
            "title": t["title"],
            "url": f"/{slug}/tasks/{t['id']}/",
            "due_date": t["due_date"],
            "done": t["status"] == "done",
            "assignee_id": t["assignee_id"],
            "group_id": t["group_id"],
            "subcommittee_id": t["subcommittee_id"],
            "armed_at": now - days(60),
        }
        for t in task_rows
    ]
    deadline_rows += [
        {
            "congress_id": cid,
            "kind": DeadlineKind.MILESTONE,
            "source_type": "congress.milestone",
            "source_id": pk,
            "title": t,
            "url": f"/{slug}/milestones/",
            "due_date": today + days(offset),
            "done": done,
            "subcommittee_id": sub["organization"],
            "armed_at": now - days(60),
        }
        for pk, (_k, t, offset, done) in zip(milestone_ids, milestones, strict=True)
    ]
    fill_ids = ins.ids(Deadline, len(deadline_rows) + deadline_fill)
    deadline_rows += [
        {
            "congress_id": cid,
            "kind": DeadlineKind.OTHER,
            "source_type": "bench.other",
            "source_id": 0,
            "title": f"Việc cần làm số {n}",
            "due_date": today + days(rng.randint(-180, 180)),
            "done": rng.random() < 0.3,
            "subcommittee_id": sub_ids[n % 3],
            "armed_at": now - days(200),
        }
        for n in range(1, deadline_fill + 1)
    ]
    for pk, row in zip(fill_ids, deadline_rows, strict=True):
        row["id"] = pk
        if row["source_type"] == "bench.other":
            row["source_id"] = pk
    counts["deadlines"] = ins.insert(Deadline, deadline_rows)

    # --- drafts: one published version and one review round each; the political report's is measured
    draft_specs = [
        ("political_report", "Báo cáo chính trị của Ban Chấp hành Đảng bộ khóa XXV", size.paragraphs, False),
        ("self_review", "Báo cáo kiểm điểm của Ban Chấp hành khóa XXV", 40, True),
        ("action_programme", "Chương trình hành động thực hiện Nghị quyết Đại hội", 40, False),
        ("resolution", "Nghị quyết Đại hội đại biểu Đảng bộ lần thứ XXVI", 40, False),
        ("other", "Báo cáo tổng hợp ý kiến đóng góp vào dự thảo văn kiện Đại hội cấp trên", 40, False),
    ]
    draft_ids = ins.ids(Draft, len(draft_specs))
    version_ids = ins.ids(DraftVersion, len(draft_specs))
    round_ids = ins.ids(ReviewRound, len(draft_specs))
    ins.insert(
        Draft,
        [
            {
                "id": pk,
                "congress_id": cid,
                "title": title,
                "kind": kind,
                "subcommittee_id": sub["documents"],
                "status": "standing_review",
                "confidential": confidential,
                "created_by_id": lead,
                "created_at": now,
                "updated_at": now,
            }
            for pk, (kind, title, _n, confidential) in zip(draft_ids, draft_specs, strict=True)
        ],
    )
    ins.insert(
        DraftVersion,
        [
            {
                "id": pk,
                "draft_id": d,
                "number": 1,
                "source": "typed",
                "paragraph_count": n,
                "created_by_id": lead,
                "created_at": now - days(25),
                "published_at": now - days(21),
                "published_by_id": lead,
            }
            for pk, d, (_k, _t, n, _c) in zip(version_ids, draft_ids, draft_specs, strict=True)
        ],
    )
    paragraphs_of: dict[int, list[int]] = {}
    paragraph_rows = []
    for version, (_k, _t, n, _c) in zip(version_ids, draft_specs, strict=True):
        ids = list(ins.ids(Paragraph, n))
        paragraphs_of[version] = ids
        section, k = 0, 0
        for position, pk in enumerate(ids, start=1):
            heading = position == 1 or position % 12 == 0
            if heading:
                section, k = section + 1, 0
                label, text = str(section), f"Phần {section}. {SENTENCES[section % len(SENTENCES)][:60]}"
            else:
                k += 1
                label = f"{section}.{k}"
                text = " ".join(SENTENCES[(position + j) % len(SENTENCES)] for j in range(3))
            paragraph_rows.append(
                {
                    "id": pk,
                    "version_id": version,
                    "position": position,
                    "label": label,
                    "kind": "heading" if heading else "paragraph",
                    "level": 1 if heading else 0,
                    "text": text,
                }
            )
    ins.insert(Paragraph, paragraph_rows)
    ins.insert(
        ReviewRound,
        [
            {
                "id": pk,
                "draft_id": d,
                "version_id": v,
                "title": "Lấy ý kiến lần 1",
                "opens_on": today - days(20),
                "closes_on": today + days(10),
                "disposition_due_on": today + days(25),
                "created_by_id": lead,
                "created_at": now,
                "instructions": "Góp ý trực tiếp vào từng đoạn của dự thảo.",
            }
            for pk, d, v in zip(round_ids, draft_ids, version_ids, strict=True)
        ],
    )
    ins.link(ReviewRound.reviewers.through, "reviewround", "user", [(r, reviewer) for r in round_ids])
    ins.link(
        ReviewRound.organizations.through,
        "reviewround",
        "partyorganization",
        [(r, o) for r in round_ids for o in grassroots[:10]],
    )
    org_names = {row["id"]: row["name"] for row in org_rows}
    per_round = [size.round_comments] + [size.other_comments // 4] * 4
    per_round[1] += size.other_comments - sum(per_round[1:])

    def comments():
        for round_id, version, n in zip(round_ids, version_ids, per_round, strict=True):
            paragraphs = paragraphs_of[version]
            ids = ins.ids(Comment, n)
            for number, pk in enumerate(ids, start=1):
                org = rng.choice(grassroots) if rng.random() < 0.7 else None
                disposition = rng.choices(
                    ["", "accepted", "partly", "explained", "noted"], weights=[30, 28, 14, 21, 7]
                )[0]
                yield {
                    "id": pk,
                    "round_id": round_id,
                    "number": number,
                    "paragraph_id": None if rng.random() < 0.08 else rng.choice(paragraphs),
                    "author_id": reviewer if org is None and rng.random() < 0.5 else None,
                    "author_name": org_names[org] if org else user_rows[15]["full_name"],
                    "organization_id": org,
                    "source": "written" if org else "online",
                    "recorded_by_id": lead if org else None,
                    "text": rng.choice(COMMENT_TEXTS),
                    "created_at": now - days(rng.randint(1, 19)),
                    "disposition": disposition,
                    "response": rng.choice(RESPONSES) if disposition else "",
                    "disposed_by_id": lead if disposition else None,
                    "disposed_at": now if disposition else None,
                    "revision": 1 if disposition else 0,
                }

    counts["comments"] = ins.insert(Comment, comments())

    # --- the executive committee election: candidates, a counted and published first round
    seats = max(1, min(size.candidates - 1, round(size.candidates / 1.15))) if size.candidates > 1 else 1
    election_id = ins.ids(Election, 1)[0]
    ins.insert(
        Election,
        [
            {
                "id": election_id,
                "congress_id": cid,
                "body": "executive",
                "seats": seats,
                "surplus_percent": 30,
                "surplus_required": size.candidates > seats,
                "title": "Ban Chấp hành Đảng bộ khóa XXVI, nhiệm kỳ 2020–2025",
                "held_on": opening,
                "list_locked_at": now,
                "list_locked_by_id": lead,
                "created_at": now,
            }
        ],
    )
    candidate_persons = list(person_ids[: size.candidates])
    candidate_ids = ins.ids(Candidate, len(candidate_persons))
    ins.insert(
        Candidate,
        [
            {
                "id": pk,
                "election_id": election_id,
                "person_id": p,
                "source": "committee",
                "added_at": now,
                "added_by_id": lead,
            }
            for pk, p in zip(candidate_ids, candidate_persons, strict=True)
        ],
    )
    summoned = max(1, size.delegates - alternates)
    invalid = 1 if summoned > 2 else 0
    threshold = summoned // 2 + 1
    round_id = ins.ids(Round, 1)[0]
    ins.insert(
        Round,
        [
            {
                "id": round_id,
                "election_id": election_id,
                "number": 1,
                "kind": "first",
                "seats": seats,
                "summoned": summoned,
                "ballots_issued": summoned,
                "ballots_collected": summoned,
                "status": "counted",
                "valid": summoned - invalid,
                "invalid": invalid,
                "threshold": threshold,
                "unfilled": 0,
                "counted_at": now,
                "counted_by_id": lead,
                "published_at": now,
            }
        ],
    )
    order = sorted(zip(candidate_ids, candidate_persons, strict=True), key=lambda pair: (person_key[pair[1]], pair[1]))
    votes = {
        c: rng.randint(threshold, summoned - invalid) if rng.random() < 0.9 else rng.randint(0, threshold - 1)
        for c, _p in order
    }
    ranked = sorted(votes, key=lambda c: -votes[c])
    elected = {c for c in ranked[:seats] if votes[c] >= threshold}
    ins.insert(
        RoundCandidate,
        [
            {
                "id": pk,
                "round_id": round_id,
                "candidate_id": c,
                "number": n,
                "votes": votes[c],
                "outcome": "elected" if c in elected else "not_elected",
            }
            for pk, n, (c, _p) in zip(ins.ids(RoundCandidate, len(order)), range(1, len(order) + 1), order, strict=True)
        ],
    )
    counts["candidates"] = len(order)
    ins.finish()
    return Built(
        congress_id=cid,
        slug=slug,
        size=size,
        round_id=round_ids[0],
        election_round_id=round_id,
        search="nguyen van an",
        counts=counts,
    )


def table_counts() -> dict[str, int]:
    """Rows in the tables that grow with a province (for the report)."""
    tables = {
        "members": Person,
        "organizations": PartyOrganization,
        "delegates": Delegate,
        "comments": Comment,
        "tasks": Task,
        "deadlines": Deadline,
        "congresses": Congress,
    }
    return {name: model.objects.count() for name, model in tables.items()}


def vacuum_analyze() -> None:
    """PostgreSQL: what autovacuum would have done by the time people use the data (plan statistics)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
