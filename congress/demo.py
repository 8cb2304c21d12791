"""The Ba Đình 26th congress demo: public facts plus synthetic people and a plausible work plan.

Every write is keyed on a natural key (slug, username, code, title), so seeding twice changes
nothing, and seeding with another date shift moves the dates instead of duplicating rows.
The work plan is a snapshot of the preparation as of STORY_NOW (20/04/2020).
"""

from __future__ import annotations

import datetime
import math
import random
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from congress.models import (
    Congress,
    CongressLevel,
    CongressRole,
    EmailMode,
    Holiday,
    HolidayKind,
    Milestone,
    MilestoneKind,
    NotificationSettings,
    OrganizationKind,
    PartyOrganization,
    ReminderPolicy,
    Role,
)
from congress.names import synthetic_name
from congress.services import milestones_sync_derived
from congress.workdays import VIETNAM_HOLIDAYS, VIETNAM_WORKING_DAYS

SLUG = "ba-dinh-xxvi"
DEMO_PASSWORD = "daihoi-badinh-2020"
OPENING = datetime.date(2020, 6, 2)  # preparatory session; official session 03/06/2020
CLOSING = datetime.date(2020, 6, 3)
CUTOFF = datetime.date(2020, 8, 31)
STORY_NOW = datetime.date(2020, 4, 20)
TOTAL_MEMBERS = 18_236  # "more than 18,000 party members"

d = datetime.date

WARDS = [
    "Phúc Xá", "Trúc Bạch", "Vĩnh Phúc", "Cống Vị", "Liễu Giai", "Nguyễn Trung Trực", "Quán Thánh",
    "Ngọc Hà", "Điện Biên", "Đội Cấn", "Ngọc Khánh", "Kim Mã", "Giảng Võ", "Thành Công",
]  # fmt: skip
# The other grassroots organizations: agencies, armed forces, schools, health, enterprises.
OTHER_ORGANIZATIONS = [
    ("Đảng bộ Cơ quan Quận ủy", "grassroots_committee", "Khối Đảng, đoàn thể"),
    ("Đảng bộ Ủy ban nhân dân quận", "grassroots_committee", "Khối chính quyền"),
    ("Đảng bộ Công an quận", "grassroots_committee", "Lực lượng vũ trang"),
    ("Đảng bộ Quân sự quận", "grassroots_committee", "Lực lượng vũ trang"),
    ("Chi bộ Viện Kiểm sát nhân dân quận", "grassroots_cell", "Khối nội chính"),
    ("Chi bộ Tòa án nhân dân quận", "grassroots_cell", "Khối nội chính"),
    ("Chi bộ Chi cục Thi hành án dân sự quận", "grassroots_cell", "Khối nội chính"),
    ("Chi bộ Chi cục Thuế quận", "grassroots_cell", "Khối kinh tế"),
    ("Chi bộ Kho bạc Nhà nước quận", "grassroots_cell", "Khối kinh tế"),
    ("Đảng bộ Trung tâm Y tế quận", "grassroots_committee", "Khối y tế"),
    ("Chi bộ Bệnh viện Đa khoa quận", "grassroots_cell", "Khối y tế"),
    ("Chi bộ Trung tâm Văn hóa – Thông tin và Thể thao quận", "grassroots_cell", "Khối văn hóa, giáo dục"),
    ("Chi bộ Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên", "grassroots_cell", "Khối văn hóa, giáo dục"),
    ("Chi bộ Ban Quản lý dự án đầu tư xây dựng quận", "grassroots_cell", "Khối chính quyền"),
    ("Chi bộ Ban Quản lý chợ", "grassroots_cell", "Khối kinh tế"),
    ("Chi bộ Đội Quản lý trật tự xây dựng đô thị", "grassroots_cell", "Khối chính quyền"),
    ("Chi bộ Ban Quản lý dịch vụ công ích", "grassroots_cell", "Khối chính quyền"),
] + [
    (f"Chi bộ Trường {school}", "grassroots_cell", "Khối văn hóa, giáo dục")
    for school in [
        "THCS Phan Chu Trinh", "THCS Giảng Võ", "THCS Nguyễn Trãi", "THCS Thành Công", "THCS Ba Đình",
        "THCS Thống Nhất", "THCS Mạc Đĩnh Chi", "THCS Nguyễn Công Trứ", "THCS Phúc Xá", "THCS Hoàng Hoa Thám",
        "Tiểu học Ngọc Hà", "Tiểu học Kim Đồng", "Tiểu học Hoàng Diệu", "Tiểu học Nguyễn Trung Trực",
        "Tiểu học Thủ Lệ", "Tiểu học Ngọc Khánh", "Tiểu học Vạn Phúc", "Mầm non Hoa Hồng",
    ]
] + [
    (f"Chi bộ {company}", "grassroots_cell", "Khối doanh nghiệp")
    for company in [
        "Công ty TNHH MTV Môi trường đô thị Ba Đình", "Công ty Cổ phần Thương mại Ba Đình",
        "Công ty Cổ phần Đầu tư Xây dựng số 1", "Công ty Cổ phần Dịch vụ Thương mại Kim Mã",
        "Công ty Cổ phần In và Bao bì Thăng Long", "Công ty TNHH Dịch vụ Giảng Võ",
        "Công ty Cổ phần Du lịch Hồ Tây",
    ]
]  # fmt: skip

# (subcommittee kind, group name or None, assignee key or None, title, due, status, progress)
TASKS = [
    ("organization", None, "tochuc", "Xây dựng dự thảo Kế hoạch tổ chức Đại hội trình Ban Thường vụ", d(2019, 7, 15), "done", 100),
    ("organization", None, "tochuc", "Trình Ban Chấp hành khóa XXV cho ý kiến dự thảo Kế hoạch", d(2019, 7, 26), "done", 100),
    ("organization", None, "tochuc", "Dự thảo Quyết định thành lập các tiểu ban chuẩn bị Đại hội", d(2019, 8, 10), "done", 100),
    ("organization", "Bộ phận thường trực", "tochuc_tt", "Xây dựng Quy chế làm việc của Tiểu ban Tổ chức phục vụ", d(2019, 8, 30), "done", 100),
    ("organization", "Bộ phận thường trực", "tochuc_tt", "Hướng dẫn tổ chức đại hội chi bộ, đảng bộ cơ sở", d(2019, 9, 20), "done", 100),
    ("organization", "Bộ phận thường trực", "tochuc_tt", "Tổng hợp lịch đại hội các đảng bộ, chi bộ cơ sở", d(2019, 11, 15), "done", 100),
    ("organization", "Bộ phận thường trực", "tochuc_tt", "Chỉ đạo điểm Đại hội Đảng bộ phường Ngọc Hà", d(2020, 3, 10), "done", 100),
    ("organization", "Bộ phận thường trực", "tochuc_tt", "Theo dõi, tổng hợp kết quả đại hội cấp cơ sở", d(2020, 5, 15), "in_progress", 80),
    ("organization", "Tổ Tuyên truyền", "tuyentruyen", "Kế hoạch tuyên truyền chào mừng Đại hội", d(2020, 2, 28), "done", 100),
    ("organization", "Tổ Tuyên truyền", "tuyentruyen", "Thiết kế pa-nô, áp phích, băng rôn chào mừng", d(2020, 4, 10), "in_progress", 60),
    ("organization", "Tổ Tuyên truyền", "tuyentruyen", "Phóng sự truyền hình về thành tựu nhiệm kỳ 2015–2020", d(2020, 5, 20), "in_progress", 40),
    ("organization", "Tổ Tuyên truyền", "tuyentruyen", "Tổ chức lễ ra quân tuyên truyền Đại hội", d(2020, 5, 25), "not_started", 0),
    ("organization", "Tổ Lễ tân – Khánh tiết", "letan", "Phương án trang trí hội trường, sân khấu", d(2020, 4, 15), "in_progress", 50),
    ("organization", "Tổ Lễ tân – Khánh tiết", "letan", "Danh sách khách mời, in và gửi giấy mời", d(2020, 5, 22), "not_started", 0),
    ("organization", "Tổ Lễ tân – Khánh tiết", "letan", "Tập huấn đội lễ tân, sơ đồ chỗ ngồi đại biểu", d(2020, 5, 29), "not_started", 0),
    ("organization", "Tổ Hậu cần – Y tế", "haucan", "Dự toán kinh phí tổ chức Đại hội", d(2019, 10, 31), "done", 100),
    ("organization", "Tổ Hậu cần – Y tế", "haucan", "Hợp đồng hội trường, âm thanh, ánh sáng", d(2020, 4, 17), "blocked", 30),
    ("organization", "Tổ Hậu cần – Y tế", "haucan", "Phương án phòng, chống dịch Covid-19 tại Đại hội", d(2020, 5, 25), "in_progress", 20),
    ("organization", "Tổ Hậu cần – Y tế", "haucan", "In thẻ đại biểu, chuẩn bị tài liệu phát đại biểu", d(2020, 5, 30), "not_started", 0),
    ("organization", "Tổ An ninh – Trật tự", "anninh", "Phương án bảo vệ an ninh, trật tự Đại hội", d(2020, 4, 30), "in_progress", 50),
    ("organization", "Tổ An ninh – Trật tự", "anninh", "Diễn tập phương án bảo vệ, phòng cháy chữa cháy", d(2020, 5, 28), "not_started", 0),
    ("documents", None, "vankien", "Đề cương Báo cáo chính trị trình Ban Thường vụ", d(2019, 9, 15), "done", 100),
    ("documents", "Tổ biên tập", "bientap", "Dự thảo lần 1 Báo cáo chính trị", d(2019, 11, 30), "done", 100),
    ("documents", "Tổ biên tập", "bientap", "Dự thảo Báo cáo kiểm điểm của Ban Chấp hành khóa XXV", d(2019, 12, 15), "done", 100),
    ("documents", "Tổ biên tập", "bientap", "Tổ chức lấy ý kiến nguyên lãnh đạo quận, MTTQ, đoàn thể", d(2020, 1, 15), "done", 100),
    ("documents", "Tổ biên tập", "bientap", "Tổng hợp ý kiến của đại hội cấp cơ sở vào dự thảo văn kiện", d(2020, 4, 15), "in_progress", 70),
    ("documents", "Tổ biên tập", "bientap", "Hoàn thiện dự thảo trình Ban Chấp hành thông qua", d(2020, 4, 30), "in_progress", 40),
    ("documents", None, "vankien", "Xin ý kiến Ban Thường vụ Thành ủy vào dự thảo văn kiện", d(2020, 5, 10), "not_started", 0),
    ("documents", "Bộ phận giúp việc Tiểu ban Văn kiện", "bientap", "Chương trình hành động thực hiện Nghị quyết Đại hội", d(2020, 5, 20), "not_started", 0),
    ("documents", "Bộ phận giúp việc Tiểu ban Văn kiện", "bientap", "Dự thảo Nghị quyết Đại hội", d(2020, 5, 25), "not_started", 0),
    ("documents", None, "vankien", "Biên tập Văn kiện Đại hội sau Đại hội, phát hành", d(2020, 7, 31), "not_started", 0),
    ("personnel", None, "nhansu", "Rà soát, bổ sung quy hoạch cấp ủy nhiệm kỳ 2020–2025", d(2019, 9, 30), "done", 100),
    ("personnel", None, "nhansu", "Xây dựng Đề án nhân sự Ban Chấp hành khóa XXVI", d(2019, 12, 20), "done", 100),
    ("personnel", "Bộ phận giúp việc Tiểu ban Nhân sự", "nhansu_gv", "Tổ chức lớp bồi dưỡng nguồn cán bộ quy hoạch", d(2019, 11, 20), "done", 100),
    ("personnel", "Bộ phận giúp việc Tiểu ban Nhân sự", "nhansu_gv", "Thực hiện quy trình 5 bước giới thiệu nhân sự", d(2020, 3, 31), "done", 100),
    ("personnel", "Bộ phận giúp việc Tiểu ban Nhân sự", "nhansu_gv", "Thẩm định hồ sơ, lấy ý kiến các cơ quan chức năng về nhân sự", d(2020, 4, 15), "in_progress", 75),
    ("personnel", None, "nhansu", "Phân bổ số lượng đại biểu cho các đảng bộ, chi bộ cơ sở", d(2020, 1, 20), "done", 100),
    ("personnel", "Bộ phận giúp việc Tiểu ban Nhân sự", "nhansu_gv", "Tổng hợp danh sách đại biểu được bầu từ đại hội cơ sở", d(2020, 5, 18), "in_progress", 60),
    ("personnel", None, "nhansu", "Báo cáo thẩm tra tư cách đại biểu", d(2020, 5, 29), "not_started", 0),
    ("personnel", None, "nhansu", "In phiếu bầu cử, chuẩn bị hòm phiếu", d(2020, 5, 29), "not_started", 0),
    ("personnel", None, "nhansu", "Hoàn thiện hồ sơ kết quả bầu cử báo cáo Thành ủy", d(2020, 6, 15), "not_started", 0),
]  # fmt: skip

MILESTONES = [
    (MilestoneKind.OTHER, "Ban Chấp hành khóa XXV cho ý kiến dự thảo Kế hoạch tổ chức Đại hội", d(2019, 7, 26), True),
    (MilestoneKind.PLAN_APPROVED, "Ban Thường vụ ban hành Kế hoạch tổ chức Đại hội", d(2019, 8, 5), True),
    (MilestoneKind.SUBCOMMITTEES_FORMED, "Thành lập ba tiểu ban chuẩn bị Đại hội", d(2019, 8, 15), True),
    (MilestoneKind.DRAFTS_READY, "Dự thảo văn kiện lấy ý kiến đại hội cấp cơ sở", d(2019, 12, 31), True),
    (MilestoneKind.GRASSROOTS_HELD, "Hoàn thành đại hội các đảng bộ, chi bộ cơ sở", d(2020, 4, 30), False),
    (MilestoneKind.OTHER, "Hoàn thành báo cáo kết quả Đại hội gửi Thành ủy", d(2020, 6, 30), False),
]

# key → (username, gender female?, congress role, subcommittee kind, membership role, office held)
PEOPLE = [
    ("thuky", "thuky", True, Role.SECRETARIAT_LEAD, None, None, "Chánh Văn phòng Quận ủy"),
    ("vanphong", "vanphong", False, Role.SECRETARIAT, None, None, "Chuyên viên Văn phòng Quận ủy"),
    ("nhansu", "nhansu", False, None, "personnel", "head", "Bí thư Quận ủy"),
    ("nhansu_gv", "nhansu.gv", True, None, "personnel", "secretary", "Trưởng Ban Tổ chức Quận ủy"),
    ("vankien", "vankien", False, None, "documents", "head", "Phó Bí thư Thường trực Quận ủy"),
    ("bientap", "bientap", True, None, "documents", "member", "Trưởng Ban Tuyên giáo Quận ủy"),
    ("tochuc", "tochuc", False, None, "organization", "head", "Phó Bí thư Quận ủy, Chủ tịch UBND quận"),
    ("tochuc_tt", "tochuc.tt", True, None, "organization", "deputy", "Phó Chánh Văn phòng Quận ủy"),
    ("tuyentruyen", "tuyentruyen", False, None, "organization", "member", "Phó Trưởng Ban Tuyên giáo"),
    ("letan", "letan", True, None, "organization", "member", "Chuyên viên Văn phòng Quận ủy"),
    ("haucan", "haucan", False, None, "organization", "member", "Chánh Văn phòng HĐND – UBND quận"),
    ("anninh", "anninh", False, None, "organization", "member", "Trưởng Công an quận"),
    ("gopy", "gopy", False, Role.REVIEWER, None, None, "Nguyên Bí thư Quận ủy"),
    ("quansat", "quansat", True, Role.OBSERVER, None, None, "Chuyên viên Ban Tổ chức Thành ủy"),
]

ROLE_NAMES = {
    Role.SECRETARIAT_LEAD: "Lãnh đạo bộ phận thư ký (secretariat lead)",
    Role.SECRETARIAT: "Chuyên viên thư ký (secretariat staff)",
    Role.REVIEWER: "Người góp ý dự thảo (reviewer)",
    Role.OBSERVER: "Theo dõi (observer)",
    "head": "Trưởng tiểu ban (head)",
    "deputy": "Phó trưởng tiểu ban (deputy)",
    "secretary": "Thư ký tiểu ban (secretary)",
    "member": "Thành viên (member)",
}

SUBCOMMITTEES = {
    "personnel": ("Tiểu ban Nhân sự", "Chuẩn bị đề án nhân sự Ban Chấp hành, Ban Thường vụ khóa XXVI và nhân sự đoàn đại biểu dự Đại hội Đảng bộ Thành phố."),
    "documents": ("Tiểu ban Văn kiện", "Chuẩn bị Báo cáo chính trị, Báo cáo kiểm điểm của Ban Chấp hành khóa XXV, Nghị quyết Đại hội."),
    "organization": ("Tiểu ban Tổ chức phục vụ Đại hội", "Chuẩn bị kế hoạch, chương trình, điều kiện vật chất và công tác phục vụ Đại hội."),
}  # fmt: skip

GROUPS = [
    ("organization", "standing_unit", "Bộ phận thường trực", "tochuc_tt", "Giúp Tiểu ban điều phối, đôn đốc, tổng hợp tiến độ chuẩn bị."),
    ("organization", "working_group", "Tổ Tuyên truyền", "tuyentruyen", "Tuyên truyền, cổ động trực quan, báo chí."),
    ("organization", "working_group", "Tổ Lễ tân – Khánh tiết", "letan", "Đón tiếp đại biểu, khách mời; trang trí khánh tiết."),
    ("organization", "working_group", "Tổ Hậu cần – Y tế", "haucan", "Kinh phí, hội trường, ăn nghỉ, y tế, tài liệu."),
    ("organization", "working_group", "Tổ An ninh – Trật tự", "anninh", "Bảo vệ an ninh, trật tự, an toàn Đại hội."),
    ("documents", "working_group", "Tổ biên tập", "bientap", "Biên tập các dự thảo văn kiện, tổng hợp ý kiến góp ý."),
    ("documents", "support_unit", "Bộ phận giúp việc Tiểu ban Văn kiện", "bientap", ""),
    ("personnel", "support_unit", "Bộ phận giúp việc Tiểu ban Nhân sự", "nhansu_gv", ""),
    ("organization", "support_unit", "Bộ phận giúp việc Tiểu ban Tổ chức phục vụ", "tochuc_tt", ""),
]  # fmt: skip

REGULATIONS = (
    "1. Tiểu ban làm việc theo nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách.\n"
    "2. Trưởng Tiểu ban phân công nhiệm vụ cho các thành viên và các tổ công tác; Bộ phận thường trực "
    "giúp Tiểu ban theo dõi, đôn đốc tiến độ.\n"
    "3. Tiểu ban họp định kỳ mỗi tháng một lần, họp đột xuất khi cần; báo cáo Ban Thường vụ Quận ủy "
    "trước ngày 25 hằng tháng.\n"
    "4. Thành viên Tiểu ban giữ bí mật tài liệu, thông tin về công tác chuẩn bị Đại hội."
)


@dataclass
class DemoResult:
    congress: Congress
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # (username, name, role)
    shift_days: int = 0


def shift_for_today(today: datetime.date | None = None) -> int:
    """Whole weeks that move STORY_NOW to today (weekdays stay weekdays)."""
    today = today or timezone.localdate()
    return math.ceil((today - STORY_NOW).days / 7) * 7


def distribute_members(names: list[str], total: int, rng: random.Random) -> dict[str, int]:
    """Plausible member counts adding up exactly to `total`: wards are large, cells small."""
    weights = {n: (rng.randint(650, 1100) if n.startswith("Đảng bộ phường") else rng.randint(20, 260)) for n in names}
    for big in ("Đảng bộ Công an quận", "Đảng bộ Quân sự quận", "Đảng bộ Ủy ban nhân dân quận"):
        if big in weights:
            weights[big] = rng.randint(300, 500)
    scale = total / sum(weights.values())
    counts = {n: max(5, int(w * scale)) for n, w in weights.items()}
    counts[names[0]] += total - sum(counts.values())
    return counts


@transaction.atomic
def seed(*, shift_days: int = 0, stdout=None) -> DemoResult:
    rng = random.Random(2020)
    shift = datetime.timedelta(days=shift_days)
    User = get_user_model()

    for iso, name in VIETNAM_HOLIDAYS:
        Holiday.objects.get_or_create(date=datetime.date.fromisoformat(iso), defaults={"name": name})
    for iso, name in VIETNAM_WORKING_DAYS:
        Holiday.objects.get_or_create(
            date=datetime.date.fromisoformat(iso), defaults={"name": name, "kind": HolidayKind.WORKING_DAY}
        )

    congress, _ = Congress.objects.update_or_create(
        slug=SLUG,
        defaults={
            "name": "Đại hội đại biểu Đảng bộ quận Ba Đình lần thứ XXVI, nhiệm kỳ 2020–2025",
            "organizing_committee": "Quận ủy Ba Đình",
            "upper_committee": "Đảng bộ thành phố Hà Nội",
            "ordinal": 26,
            "term_start": 2020,
            "term_end": 2025,
            "level": CongressLevel.DISTRICT,
            "place": "Ba Đình",
            "opening_date": OPENING + shift,
            "closing_date": CLOSING + shift,
            "cutoff_date": CUTOFF + shift,
            "max_days": 3,
            "max_delegates": 300,
            "executive_committee_size": 45,
            "standing_committee_size": 13,
            "quorum_percent": 67,
        },
    )
    result = DemoResult(congress=congress, shift_days=shift_days)

    # People: synthetic names, fixed by a seeded generator so reruns give the same names.
    users: dict[str, object] = {}
    admin, created = User.objects.get_or_create(
        username="admin", defaults={"full_name": "Quản trị hệ thống", "is_staff": True, "is_superuser": True}
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save()
    result.logins.append(("admin", str(admin), "Quản trị (superuser, Django admin)"))
    for key, username, female, role, sub_kind, member_role, office in PEOPLE:
        name = synthetic_name(rng, female=female)
        user, created = User.objects.get_or_create(
            username=username, defaults={"full_name": name, "position": office, "email": f"{username}@badinh.example"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        users[key] = user
        if role:
            CongressRole.objects.get_or_create(congress=congress, user=user, role=role)
            result.logins.append((username, str(user), ROLE_NAMES[role]))
        else:
            result.logins.append((username, str(user), f"{SUBCOMMITTEES[sub_kind][0]} – {ROLE_NAMES[member_role]}"))

    # Organizations: the district committee at the root, 56 grassroots organizations, a few cells.
    root, _ = PartyOrganization.objects.update_or_create(
        congress=congress, code="QU", defaults={"name": "Đảng bộ quận Ba Đình", "kind": OrganizationKind.COMMITTEE}
    )
    grassroots = [(f"Đảng bộ phường {w}", "grassroots_committee", "Khối phường") for w in WARDS] + OTHER_ORGANIZATIONS
    assert len(grassroots) == 56, len(grassroots)
    counts = distribute_members([g[0] for g in grassroots], TOTAL_MEMBERS, rng)
    orgs = {}
    for index, (name, kind, sector) in enumerate(grassroots, start=1):
        org, _ = PartyOrganization.objects.update_or_create(
            congress=congress,
            code=f"CS{index:02d}",
            defaults={"name": name, "kind": kind, "sector": sector, "parent": root, "member_count": counts[name]},
        )
        orgs[name] = org
    root.member_count = sum(counts.values())
    root.save()
    ngoc_ha = orgs["Đảng bộ phường Ngọc Hà"]
    for number in range(1, 6):
        PartyOrganization.objects.update_or_create(
            congress=congress,
            code=f"CS{list(orgs).index(ngoc_ha.name) + 1:02d}-{number:02d}",
            defaults={
                "name": f"Chi bộ Tổ dân phố số {number}",
                "kind": OrganizationKind.CELL,
                "parent": ngoc_ha,
                "member_count": rng.randint(25, 90),
                "sector": "Khối phường",
            },
        )

    # Subcommittees, memberships, groups.
    from subcommittees.models import Meeting, MeetingBody, Membership, Subcommittee, Task, WorkingGroup
    from subcommittees.services import task_save

    subs = {}
    for kind, (name, mandate) in SUBCOMMITTEES.items():
        sub, _ = Subcommittee.objects.update_or_create(
            congress=congress,
            kind=kind,
            defaults={
                "name": name,
                "mandate": mandate,
                "regulations": REGULATIONS,
                "decision": "Quyết định số 1205-QĐ/QU ngày 15/8/2019 của Ban Thường vụ Quận ủy",
            },
        )
        subs[kind] = sub
    for key, _username, _female, _role, sub_kind, member_role, office in PEOPLE:
        if sub_kind:
            Membership.objects.update_or_create(
                subcommittee=subs[sub_kind], user=users[key], defaults={"role": member_role, "title": office}
            )
    # The secretariat lead also sits in the Organization & Service subcommittee, as in practice.
    Membership.objects.update_or_create(
        subcommittee=subs["organization"], user=users["thuky"], defaults={"role": "member", "title": "Chánh Văn phòng"}
    )
    groups = {}
    for sub_kind, kind, name, leader, duties in GROUPS:
        group, _ = WorkingGroup.objects.update_or_create(
            subcommittee=subs[sub_kind], name=name, defaults={"kind": kind, "leader": users[leader], "duties": duties}
        )
        group.members.add(users[leader])
        groups[name] = group

    # Work plan.
    story_now = STORY_NOW + shift
    for sub_kind, group_name, assignee, title, due, status, progress in TASKS:
        task = Task.objects.filter(congress=congress, title=title).first() or Task(congress=congress, title=title)
        task.subcommittee = subs[sub_kind]
        task.group = groups.get(group_name) if group_name else None
        task.assignee = users[assignee] if assignee else None
        task.due_date = due + shift
        task.status = status
        task.progress = progress
        if status == "done" and not task.completed_at:
            task.completed_at = timezone.make_aware(
                datetime.datetime.combine(min(due + shift, story_now), datetime.time(16))
            )
        task_save(task=task, by=users["thuky"])

    for kind, title, due, done in MILESTONES:
        Milestone.objects.update_or_create(
            congress=congress,
            title=title,
            defaults={"kind": kind, "due_date": due + shift, "done_at": (due + shift) if done else None},
        )
    milestones_sync_derived(congress=congress)
    seed_reminders(congress=congress, users=users)

    meeting_at = timezone.make_aware(datetime.datetime.combine(d(2019, 7, 26) + shift, datetime.time(8, 0)))
    Meeting.objects.update_or_create(
        congress=congress,
        title="Hội nghị Ban Chấp hành Đảng bộ quận khóa XXV cho ý kiến vào dự thảo Kế hoạch tổ chức Đại hội",
        defaults={
            "body": MeetingBody.EXECUTIVE,
            "starts_at": meeting_at,
            "location": "Hội trường Quận ủy Ba Đình",
            "chair": "Thường trực Quận ủy",
            "agenda": "1. Dự thảo Kế hoạch tổ chức Đại hội lần thứ XXVI.\n2. Dự kiến thành lập ba tiểu ban chuẩn bị Đại hội.",
            "minutes": "Ban Chấp hành thảo luận, cơ bản nhất trí với dự thảo Kế hoạch; đề nghị bổ sung lộ trình "
            "đại hội điểm cấp cơ sở và phương án tổ chức trong điều kiện phòng, chống dịch.",
            "decisions": "Giao Ban Thường vụ tiếp thu ý kiến, hoàn thiện và ban hành Kế hoạch.",
        },
    )
    Meeting.objects.update_or_create(
        congress=congress,
        title="Họp Tiểu ban Tổ chức phục vụ Đại hội tháng 4/2020",
        defaults={
            "body": MeetingBody.SUBCOMMITTEE,
            "subcommittee": subs["organization"],
            "starts_at": timezone.make_aware(datetime.datetime.combine(d(2020, 4, 14) + shift, datetime.time(14, 0))),
            "location": "Phòng họp số 2, Quận ủy",
            "chair": str(users["tochuc"]),
            "agenda": "Rà soát tiến độ của các tổ công tác; phương án phòng, chống dịch tại Đại hội.",
            "minutes": "Tổ Hậu cần – Y tế báo cáo vướng mắc về hợp đồng hội trường.",
            "decisions": "Giao Bộ phận thường trực đôn đốc các tổ; báo cáo Ban Thường vụ trước 25/4/2020.",
        },
    )
    return result


# How some demo users take their reminders (the others: one e-mail each, and the bell).
NOTIFICATION_PREFERENCES = {
    "vankien": (EmailMode.DIGEST, True),  # a busy head: one digest a day
    "bientap": (EmailMode.OFF, True),  # the bell only
}


def seed_reminders(*, congress: Congress, users: dict) -> None:
    """The reminder policy and preferences, and the deadlines of every task and milestone.

    The demo's policy keeps no quiet hours, so that reminders arrive as soon as the worker starts,
    whatever the hour `make run` is started at (Reminders → Reminder policy turns them on).
    """
    from congress.deadlines import deadlines_rebuild

    ReminderPolicy.objects.get_or_create(congress=congress, defaults={"quiet_hours": False})
    for key, (email_mode, in_app) in NOTIFICATION_PREFERENCES.items():
        NotificationSettings.objects.get_or_create(
            user=users[key], defaults={"email_mode": email_mode, "in_app": in_app}
        )
    deadlines_rebuild(congress=congress)
