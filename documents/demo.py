# ruff: noqa: E501 - the demo text is prose
"""Demo drafts of the Ba Đình 26th congress: the political report outline in two versions, a round of
comments from organizations and reviewers (most already answered), a second round open on the new
version, and the executive committee's self-review report circulated as numbered copies.

Every write is keyed on a natural key (draft title, version number, round title, comment number), so
seeding twice changes nothing; dates move with `shift_days`. Comment texts are synthetic.
"""

from __future__ import annotations

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from congress.models import Congress, PartyOrganization
from congress.names import synthetic_name
from documents.models import (
    CirculationCopy,
    CirculationDownload,
    Comment,
    CommentSource,
    Disposition,
    Draft,
    DraftKind,
    DraftStatus,
    DraftStatusChange,
    DraftVersion,
    ReviewRound,
)
from documents.services import comments_carry_over, rounds_deadlines_rebuild, version_create

d = datetime.date

POLITICAL_REPORT = "Báo cáo chính trị của Ban Chấp hành Đảng bộ quận khóa XXV trình Đại hội lần thứ XXVI"
SELF_REVIEW = "Báo cáo kiểm điểm sự lãnh đạo, chỉ đạo của Ban Chấp hành Đảng bộ quận khóa XXV"

V1 = """# PHẦN THỨ NHẤT. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI LẦN THỨ XXV, NHIỆM KỲ 2015–2020
Nhiệm kỳ 2015–2020, Đảng bộ quận Ba Đình thực hiện Nghị quyết Đại hội trong bối cảnh có nhiều thuận lợi, song cũng không ít khó khăn, thách thức.
## I. Kết quả đạt được trên các lĩnh vực
Kinh tế của quận tiếp tục tăng trưởng khá, cơ cấu kinh tế chuyển dịch đúng hướng thương mại, dịch vụ.
Thu ngân sách trên địa bàn năm sau cao hơn năm trước, vượt chỉ tiêu Đại hội đề ra.
Công tác quy hoạch, quản lý đô thị, trật tự xây dựng có nhiều chuyển biến tích cực; hạ tầng đô thị được đầu tư đồng bộ hơn.
Công tác chỉnh trang đô thị, xây dựng tuyến phố văn minh đô thị đạt kết quả rõ nét.
Lĩnh vực văn hóa – xã hội có nhiều tiến bộ; chất lượng giáo dục toàn diện được nâng lên, giữ vững tốp đầu thành phố.
Công tác chăm sóc sức khỏe nhân dân, bảo đảm an sinh xã hội được quan tâm; tỷ lệ hộ nghèo giảm còn dưới 0,1%.
Quốc phòng, an ninh được giữ vững, bảo vệ tuyệt đối an toàn các mục tiêu, sự kiện chính trị quan trọng trên địa bàn.
Cải cách hành chính được đẩy mạnh, chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính tăng.
## II. Hạn chế, yếu kém và nguyên nhân
Tăng trưởng kinh tế chưa tương xứng với tiềm năng, lợi thế của quận trung tâm chính trị.
Quản lý đất đai, trật tự xây dựng ở một số nơi còn sơ hở; vi phạm chưa được xử lý dứt điểm.
Ô nhiễm môi trường, ùn tắc giao thông cục bộ còn diễn ra ở một số tuyến phố.
Nguyên nhân chủ yếu là năng lực lãnh đạo của một số tổ chức cơ sở đảng chưa đáp ứng yêu cầu.
## III. Bài học kinh nghiệm
Phải luôn giữ vững nguyên tắc tập trung dân chủ, phát huy vai trò, trách nhiệm của người đứng đầu.
Phải thường xuyên chăm lo xây dựng khối đại đoàn kết toàn dân, lắng nghe ý kiến của nhân dân.
# PHẦN THỨ HAI. PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ NHIỆM KỲ 2020–2025
## I. Phương hướng
Nâng cao năng lực lãnh đạo, sức chiến đấu của Đảng bộ; xây dựng hệ thống chính trị trong sạch, vững mạnh.
Phát huy sức mạnh khối đại đoàn kết toàn dân; xây dựng quận Ba Đình văn minh, hiện đại, xứng đáng là trung tâm chính trị – hành chính quốc gia.
## II. Mục tiêu và các chỉ tiêu chủ yếu
Tổng thu ngân sách trên địa bàn tăng bình quân 10% mỗi năm.
Đến năm 2025, 100% trường công lập đạt chuẩn quốc gia.
Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa trên 90%.
Hằng năm kết nạp đảng viên mới đạt và vượt chỉ tiêu thành phố giao.
## III. Nhiệm vụ và giải pháp chủ yếu
Tập trung phát triển thương mại, dịch vụ chất lượng cao gắn với bảo tồn, phát huy giá trị di sản Hoàng thành Thăng Long.
Nâng cao hiệu lực, hiệu quả quản lý nhà nước về quy hoạch, đất đai, trật tự xây dựng.
Đẩy mạnh cải cách hành chính, xây dựng chính quyền điện tử.
Chăm lo phát triển văn hóa, giáo dục, y tế; bảo đảm an sinh xã hội.
Giữ vững quốc phòng, an ninh, trật tự an toàn xã hội.
# PHẦN THỨ BA. XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ
Tăng cường xây dựng Đảng về chính trị, tư tưởng, đạo đức; đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.
Nâng cao chất lượng sinh hoạt chi bộ; đổi mới nội dung, phương thức lãnh đạo của cấp ủy.
Xây dựng đội ngũ cán bộ, nhất là cán bộ chủ chốt các cấp, đủ phẩm chất, năng lực, uy tín.
Tăng cường công tác kiểm tra, giám sát và thi hành kỷ luật đảng; phòng, chống tham nhũng, lãng phí.
Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị – xã hội trong giám sát, phản biện xã hội.
"""

# v2: the result of round 1 — reworded targets, a paragraph on digital transformation, one merged away.
V2_CHANGES = {
    "Kinh tế của quận tiếp tục tăng trưởng khá, cơ cấu kinh tế chuyển dịch đúng hướng thương mại, dịch vụ.": (
        "Kinh tế của quận tiếp tục tăng trưởng khá, bình quân 8,1% mỗi năm; cơ cấu kinh tế chuyển dịch đúng hướng "
        "thương mại, dịch vụ, du lịch."
    ),
    "Tổng thu ngân sách trên địa bàn tăng bình quân 10% mỗi năm.": (
        "Tổng thu ngân sách trên địa bàn tăng bình quân 8–10% mỗi năm."
    ),
    "Đẩy mạnh cải cách hành chính, xây dựng chính quyền điện tử.": (
        "Đẩy mạnh cải cách hành chính, chuyển đổi số, xây dựng chính quyền điện tử, hướng tới chính quyền số."
    ),
    "Công tác chỉnh trang đô thị, xây dựng tuyến phố văn minh đô thị đạt kết quả rõ nét.": None,  # merged
}
V2_INSERT_AFTER = {
    "Cải cách hành chính được đẩy mạnh, chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính tăng.": (
        "Ứng dụng công nghệ thông tin trong lãnh đạo, chỉ đạo, điều hành được triển khai sâu rộng; 100% văn bản "
        "được gửi, nhận qua môi trường mạng."
    ),
}

TOPICS = [
    "số liệu tăng trưởng kinh tế",
    "chuyển đổi số, chính quyền điện tử",
    "trật tự xây dựng, quản lý đất đai",
    "chỉnh trang đô thị, tuyến phố văn minh",
    "bảo tồn di sản Hoàng thành Thăng Long",
    "giáo dục, trường đạt chuẩn quốc gia",
    "an sinh xã hội, người có công",
    "công tác phát triển đảng viên",
    "sinh hoạt chi bộ tổ dân phố",
    "vai trò của Mặt trận Tổ quốc",
    "phòng, chống tham nhũng, lãng phí",
    "ô nhiễm môi trường, ùn tắc giao thông",
]
OPENERS = [
    "Đề nghị bổ sung, làm rõ hơn nội dung về {topic}.",
    "Đề nghị đánh giá sát thực tế hơn kết quả về {topic}, có số liệu so sánh với đầu nhiệm kỳ.",
    "Đề nghị nêu rõ hạn chế và nguyên nhân chủ quan liên quan đến {topic}.",
    "Đề nghị cân nhắc chỉ tiêu về {topic} cho phù hợp với khả năng thực hiện.",
    "Nhất trí với dự thảo; đề nghị viết gọn lại phần về {topic}.",
    "Đề nghị bổ sung giải pháp cụ thể, khả thi về {topic}.",
]
RESPONSES = {
    Disposition.ACCEPTED: ["", "Tiếp thu, đã chỉnh sửa trong dự thảo lần 2.", "Tiếp thu toàn bộ ý kiến."],
    Disposition.PARTLY: [
        "Tiếp thu một phần; số liệu đã được cập nhật, phần đề xuất bổ sung chỉ tiêu mới sẽ cụ thể hóa trong "
        "chương trình hành động.",
        "Tiếp thu về ý, biên tập lại cho gọn, phù hợp với văn phong báo cáo chính trị.",
    ],
    Disposition.EXPLAINED: [
        "Xin giải trình: nội dung này đã được thể hiện ở Phần thứ hai, mục III.",
        "Xin giữ như dự thảo vì chỉ tiêu đã được Ban Thường vụ Thành ủy định hướng.",
    ],
    Disposition.NOTED: [
        "Ghi nhận; nội dung thuộc thẩm quyền của Ủy ban nhân dân quận, sẽ chuyển để nghiên cứu.",
        "Ghi nhận ý kiến để đưa vào chương trình công tác toàn khóa.",
    ],
}


def _moment(day: datetime.date, hour: int, rng: random.Random) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, rng.randint(0, 59))))


def _v2_text() -> str:
    lines = []
    for line in V1.strip().split("\n"):
        body = line.lstrip("# ").strip()
        if body in V2_CHANGES:
            if V2_CHANGES[body] is None:
                continue
            line = V2_CHANGES[body]
        lines.append(line)
        if body in V2_INSERT_AFTER:
            lines.append(V2_INSERT_AFTER[body])
    return "\n".join(lines)


def _version(draft: Draft, number: int, text: str, *, by, published: datetime.datetime, note: str) -> DraftVersion:
    version = draft.versions.filter(number=number).first()
    if version is None:
        version = version_create(draft=draft, by=by, text=text, note=note)
    version.published_at = published
    version.published_by = by
    version.created_at = published - datetime.timedelta(days=2)
    version.note = note
    version.save(update_fields=["published_at", "published_by", "created_at", "note"])
    return version


def _comments(
    review_round: ReviewRound,
    *,
    count: int,
    organizations: list[PartyOrganization],
    reviewer,
    recorder,
    disposer,
    disposed_share: float,
    rng: random.Random,
    start: datetime.date,
    end: datetime.date,
) -> None:
    paragraphs = list(review_round.version.paragraphs.order_by("position"))
    body = [p for p in paragraphs if not p.is_heading]
    former_leaders = [synthetic_name(rng, female=rng.random() < 0.3) for _ in range(4)]
    span = max((end - start).days, 0)
    kinds = [Disposition.ACCEPTED, Disposition.PARTLY, Disposition.EXPLAINED, Disposition.NOTED]
    for number in range(1, count + 1):
        who = rng.random()
        paragraph = None if rng.random() < 0.06 else rng.choice(body)
        topic = rng.choice(TOPICS)
        text = rng.choice(OPENERS).format(topic=topic)
        proposed = ""
        if paragraph is not None and rng.random() < 0.2:
            proposed = paragraph.text.rstrip(".") + f", trong đó chú trọng {topic}."
        defaults = {
            "paragraph": paragraph,
            "text": text,
            "proposed_text": proposed,
            "created_at": _moment(start + datetime.timedelta(days=rng.randint(0, span)), rng.randint(8, 16), rng),
            "organization": None,
            "author": None,
            "recorded_by": None,
        }
        if who < 0.1 and reviewer is not None:
            defaults.update(author=reviewer, author_name=str(reviewer), source=CommentSource.ONLINE)
        elif who < 0.16:
            name = rng.choice(former_leaders)
            defaults.update(
                author_name=f"Đồng chí {name}, nguyên lãnh đạo quận",
                source=CommentSource.WRITTEN,
                recorded_by=recorder,
            )
        else:
            organization = rng.choice(organizations)
            defaults.update(
                author_name=organization.name,
                organization=organization,
                source=rng.choice([CommentSource.WRITTEN, CommentSource.CONFERENCE]),
                recorded_by=recorder,
            )
        if rng.random() < disposed_share:
            kind = rng.choices(kinds, weights=[45, 25, 20, 10])[0]
            defaults.update(
                disposition=kind,
                response=rng.choice(RESPONSES[kind]),
                disposed_by=disposer,
                disposed_at=defaults["created_at"] + datetime.timedelta(days=rng.randint(3, 20)),
                revision=1,
            )
        else:
            defaults.update(disposition="", response="", disposed_by=None, disposed_at=None, revision=0)
        Comment.objects.update_or_create(round=review_round, number=number, defaults=defaults)


def _step(draft: Draft, to_status: str, from_status: str, *, version, by, at: datetime.datetime, note: str) -> None:
    DraftStatusChange.objects.update_or_create(
        draft=draft,
        to_status=to_status,
        from_status=from_status,
        defaults={"version": version, "moved_by": by, "moved_at": at, "note": note},
    )


def seed(*, congress: Congress, shift_days: int = 0) -> None:
    rng = random.Random(2603)
    shift = datetime.timedelta(days=shift_days)
    User = get_user_model()
    people = {u.username: u for u in User.objects.filter(username__in=["vankien", "bientap", "gopy", "thuky"])}
    head, editor, reviewer = people.get("vankien"), people.get("bientap"), people.get("gopy")
    documents = congress.subcommittees.get(kind="documents")

    draft, _ = Draft.objects.update_or_create(
        congress=congress,
        title=POLITICAL_REPORT,
        defaults={"kind": DraftKind.POLITICAL_REPORT, "subcommittee": documents, "created_by": head},
    )
    draft.drafters.set([u for u in (head, editor) if u])
    v1 = _version(
        draft, 1, V1, by=head, published=_moment(d(2019, 12, 5) + shift, 9, rng), note="Dự thảo lần 1 theo đề cương"
    )
    wards = list(congress.organizations.filter(code__startswith="CS").order_by("code")[:20])
    round1, _ = ReviewRound.objects.update_or_create(
        draft=draft,
        title="Lấy ý kiến các đảng bộ, chi bộ cơ sở, nguyên lãnh đạo quận, Mặt trận và các đoàn thể",
        defaults={
            "version": v1,
            "opens_on": d(2019, 12, 10) + shift,
            "closes_on": d(2020, 1, 15) + shift,
            "disposition_due_on": d(2020, 2, 15) + shift,
            "instructions": "Đề nghị các đồng chí góp ý trực tiếp vào từng đoạn; ý kiến bằng văn bản gửi Văn phòng Quận ủy.",
            "created_by": head,
        },
    )
    if reviewer:
        round1.reviewers.set([reviewer])
    round1.organizations.set(wards)
    # Most organizations answered; a few invited ones stayed silent.
    _comments(
        round1,
        count=320,
        organizations=wards[:17],
        reviewer=reviewer,
        recorder=editor,
        disposer=editor,
        disposed_share=0.9,
        rng=rng,
        start=d(2019, 12, 10) + shift,
        end=d(2020, 1, 15) + shift,
    )
    _step(
        draft,
        DraftStatus.STANDING_REVIEW,
        DraftStatus.DRAFTING,
        version=v1,
        by=head,
        at=_moment(d(2019, 12, 6) + shift, 15, rng),
        note="Trình Ban Thường vụ Quận ủy cho ý kiến dự thảo lần 1.",
    )
    _step(
        draft,
        DraftStatus.DRAFTING,
        DraftStatus.STANDING_REVIEW,
        version=v1,
        by=head,
        at=_moment(d(2020, 1, 20) + shift, 10, rng),
        note="Ban Thường vụ giao Tiểu ban tiếp thu ý kiến, hoàn thiện dự thảo lần 2.",
    )
    v2 = _version(
        draft,
        2,
        _v2_text(),
        by=head,
        published=_moment(d(2020, 3, 25) + shift, 9, rng),
        note="Tiếp thu ý kiến đợt 1: cập nhật số liệu, bổ sung chuyển đổi số",
    )
    comments_carry_over(from_version=v1, to_version=v2)
    round2, _ = ReviewRound.objects.update_or_create(
        draft=draft,
        title="Xin ý kiến Ban Thường vụ Quận ủy và đại hội các đảng bộ cơ sở vào dự thảo lần 2",
        defaults={
            "version": v2,
            "opens_on": d(2020, 4, 1) + shift,
            "closes_on": d(2020, 4, 30) + shift,
            "disposition_due_on": d(2020, 5, 10) + shift,
            "reviewers_see_all": True,
            "created_by": head,
        },
    )
    if reviewer:
        round2.reviewers.set([reviewer])
    round2.organizations.set(wards[:14])
    _comments(
        round2,
        count=24,
        organizations=wards[:14],
        reviewer=reviewer,
        recorder=editor,
        disposer=editor,
        disposed_share=0.3,
        rng=rng,
        start=d(2020, 4, 1) + shift,
        end=d(2020, 4, 19) + shift,
    )
    _step(
        draft,
        DraftStatus.STANDING_REVIEW,
        DraftStatus.DRAFTING,
        version=v2,
        by=head,
        at=_moment(d(2020, 3, 26) + shift, 15, rng),
        note="Trình Ban Thường vụ Quận ủy dự thảo lần 2.",
    )
    draft.status = DraftStatus.STANDING_REVIEW
    draft.save(update_fields=["status"])
    # The rounds were written above without the services: give them their deadlines (reminders).
    rounds_deadlines_rebuild(congress=congress)

    # The self-review report: confidential, circulated as numbered copies with a download log.
    review, _ = Draft.objects.update_or_create(
        congress=congress,
        title=SELF_REVIEW,
        defaults={
            "kind": DraftKind.SELF_REVIEW,
            "subcommittee": documents,
            "confidential": True,
            "created_by": head,
        },
    )
    review.drafters.set([u for u in (head,) if u])
    text = "\n".join(
        [
            "# I. ƯU ĐIỂM",
            "Ban Chấp hành đã lãnh đạo thực hiện thắng lợi phần lớn các chỉ tiêu Nghị quyết Đại hội XXV.",
            "Giữ vững nguyên tắc tập trung dân chủ; đoàn kết, thống nhất trong Ban Chấp hành.",
            "# II. HẠN CHẾ, KHUYẾT ĐIỂM",
            "Việc cụ thể hóa một số chủ trương còn chậm; công tác kiểm tra, giám sát có lúc chưa kịp thời.",
            "# III. NGUYÊN NHÂN VÀ BÀI HỌC",
            "Nguyên nhân chủ quan là một số cấp ủy viên chưa phát huy hết trách nhiệm được phân công.",
        ]
    )
    rv1 = _version(review, 1, text, by=head, published=_moment(d(2020, 3, 30) + shift, 9, rng), note="Dự thảo lần 1")
    if people.get("thuky"):
        for number, name in enumerate(["Thường trực Quận ủy", "Ban Thường vụ Quận ủy", "Văn phòng Quận ủy"], start=1):
            copy, _ = CirculationCopy.objects.update_or_create(
                version=rv1,
                number=number,
                defaults={
                    "recipient_name": name,
                    "issued_by": people["thuky"],
                    "issued_at": _moment(d(2020, 3, 31) + shift, 10, rng),
                },
            )
            if number == 1 and not copy.downloads.exists():
                CirculationDownload.objects.create(
                    copy=copy, user=people["thuky"], downloaded_at=_moment(d(2020, 3, 31) + shift, 14, rng)
                )
