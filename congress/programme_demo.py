# ruff: noqa: E501 (rows of demo data read better on one line)
"""Demo of the congress days of the Ba Đình 26th congress: the programme of 02–03/06/2020, the bodies
approved at the preparatory session, the check-in, the votes by show of hands and the speakers.

The congress is shown as it stood late on the afternoon of 03/06: the executive committee has been
elected (the election demo publishes its result), the hall screen shows it with the presence of the
afternoon session and an announcement; the election of the delegation to the city congress, the vote
on the resolution and the closing are still to come, so that the control page can be tried.

Idempotent: sessions by name (the personnel demo's when it ran first), items by (session, title),
bodies by kind, votes by (item, title), speakers by (item, delegate, topic); check-ins are added
only for delegates not yet checked in. Every date moves with `shift_days`. People are synthetic.
"""

from __future__ import annotations

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from congress.models import Congress
from congress.programme_models import (
    AgendaItem,
    BodyKind,
    BodyMember,
    BodyRole,
    HallScreen,
    HandVote,
    ItemKind,
    SpeakerRequest,
    SpeakerStatus,
    VoteSubject,
)
from congress.programme_services import (
    body_is_approved,
    body_member_add,
    vote_create,
    vote_record,
)
from personnel.election_models import PLENARY_BODIES, Candidate
from personnel.models import CheckIn, CheckInMethod, Delegate, Session, SessionKind
from personnel.selectors import entitled_q, presence_for_session

d = datetime.date
t = datetime.time
VENUE = "Hội trường Quận ủy Ba Đình, số 10 Đội Cấn"
# Used only when the personnel demo did not create the sessions (same names as there).
SESSIONS = [
    ("Phiên trù bị", SessionKind.PREPARATORY, d(2020, 6, 2), t(14, 0), t(17, 0)),
    ("Phiên chính thức – ngày thứ nhất", SessionKind.OFFICIAL, d(2020, 6, 3), t(7, 30), t(11, 30)),
    ("Phiên chính thức – bầu cử", SessionKind.OFFICIAL, d(2020, 6, 3), t(13, 30), t(17, 30)),
]  # fmt: skip

R, DI, V, E, C = ItemKind.REPORT, ItemKind.DISCUSSION, ItemKind.VOTE, ItemKind.ELECTION, ItemKind.CEREMONY
# (kind, title, presenter, minutes, draft kind)
PROGRAMME = {
    "Phiên trù bị": [
        (C, "Chào cờ; tuyên bố lý do, giới thiệu đại biểu", "Ban Tổ chức Đại hội", 10, ""),
        (
            V,
            "Bầu Đoàn Chủ tịch, Đoàn Thư ký và Ban Thẩm tra tư cách đại biểu",
            "Ban Thường vụ Quận ủy khóa XXV",
            15,
            "",
        ),
        (V, "Thông qua Chương trình và Quy chế làm việc của Đại hội", "Đoàn Chủ tịch", 15, ""),
        (R, "Quán triệt mục đích, yêu cầu của Đại hội; hướng dẫn thảo luận văn kiện", "Đoàn Chủ tịch", 20, ""),
        (DI, "Thảo luận dự thảo Báo cáo chính trị tại hội trường", "Đoàn Chủ tịch điều hành", 100, "political_report"),
        (C, "Bế mạc phiên trù bị", "Đoàn Chủ tịch", 10, ""),
    ],
    "Phiên chính thức – ngày thứ nhất": [
        (C, "Chào cờ; tuyên bố lý do, giới thiệu đại biểu, khách mời", "Ban Tổ chức Đại hội", 15, ""),
        (R, "Diễn văn khai mạc Đại hội", "Đồng chí Bí thư Quận ủy", 15, ""),
        (
            R,
            "Báo cáo chính trị của Ban Chấp hành Đảng bộ quận khóa XXV",
            "Đồng chí Phó Bí thư Thường trực Quận ủy",
            40,
            "political_report",
        ),
        (
            R,
            "Báo cáo kiểm điểm sự lãnh đạo, chỉ đạo của Ban Chấp hành khóa XXV",
            "Đồng chí Phó Bí thư Quận ủy",
            20,
            "self_review",
        ),
        (R, "Báo cáo thẩm tra tư cách đại biểu", "Trưởng Ban Thẩm tra tư cách đại biểu", 15, ""),
        (V, "Biểu quyết thông qua Báo cáo thẩm tra tư cách đại biểu", "Đoàn Chủ tịch", 5, ""),
        (DI, "Tham luận của các đoàn đại biểu", "Đoàn Chủ tịch điều hành", 80, "political_report"),
        (
            R,
            "Phát biểu chỉ đạo của đồng chí lãnh đạo Thành ủy Hà Nội",
            "Đồng chí Ủy viên Ban Thường vụ Thành ủy",
            30,
            "",
        ),
    ],
    "Phiên chính thức – bầu cử": [
        (V, "Thông qua Quy chế bầu cử; biểu quyết số lượng Ban Chấp hành khóa XXVI", "Đoàn Chủ tịch", 15, ""),
        (V, "Bầu Ban Kiểm phiếu", "Đoàn Chủ tịch", 10, ""),
        (E, "Bầu cử Ban Chấp hành Đảng bộ quận khóa XXVI", "Ban Kiểm phiếu", 150, ""),
        (E, "Bầu Đoàn đại biểu dự Đại hội Đảng bộ thành phố lần thứ XVII", "Ban Kiểm phiếu", 40, ""),
        (V, "Thông qua Nghị quyết Đại hội", "Đoàn Thư ký", 15, "resolution"),
        (C, "Bế mạc Đại hội; chào cờ", "Đoàn Chủ tịch", 10, ""),
    ],
}
# Items that have taken place (by session): how many from the top. The rest is still to come.
DONE = {"Phiên trù bị": 6, "Phiên chính thức – ngày thứ nhất": 8, "Phiên chính thức – bầu cử": 3}
CURRENT = ("Phiên chính thức – bầu cử", "Bầu cử Ban Chấp hành Đảng bộ quận khóa XXVI")
NOTICE = "Đại hội nghỉ giải lao 15 phút trước khi bầu Đoàn đại biểu dự Đại hội Đảng bộ thành phố"
ABSENT = {"Phiên trù bị": 6, "Phiên chính thức – ngày thứ nhất": 3, "Phiên chính thức – bầu cử": 4}

BODIES = [(BodyKind.PRESIDIUM, 9), (BodyKind.SECRETARIAT, 3), (BodyKind.CREDENTIALS, 5), (BodyKind.VOTE_COUNTING, 7)]
# (session, item title, subject, body kind, question, against, abstaining)
VOTES = [
    ("Phiên trù bị", 1, VoteSubject.BODY, BodyKind.PRESIDIUM, "Thông qua danh sách Đoàn Chủ tịch Đại hội", 0, 0),
    ("Phiên trù bị", 1, VoteSubject.BODY, BodyKind.SECRETARIAT, "Thông qua danh sách Đoàn Thư ký Đại hội", 0, 0),
    ("Phiên trù bị", 1, VoteSubject.BODY, BodyKind.CREDENTIALS, "Bầu Ban Thẩm tra tư cách đại biểu", 0, 1),
    ("Phiên trù bị", 2, VoteSubject.PROGRAMME, "", "Thông qua Chương trình Đại hội", 0, 0),
    ("Phiên trù bị", 2, VoteSubject.RULES, "", "Thông qua Quy chế làm việc của Đại hội", 0, 2),
    ("Phiên chính thức – ngày thứ nhất", 5, VoteSubject.CREDENTIALS_REPORT, "",
     "Thông qua Báo cáo thẩm tra tư cách đại biểu", 0, 0),
    ("Phiên chính thức – bầu cử", 0, VoteSubject.ELECTION_RULES, "", "Thông qua Quy chế bầu cử", 0, 0),
    ("Phiên chính thức – bầu cử", 0, VoteSubject.COMMITTEE_SIZE, "",
     "Thông qua số lượng Ban Chấp hành Đảng bộ quận khóa XXVI: 45 đồng chí", 2, 3),
    ("Phiên chính thức – bầu cử", 1, VoteSubject.BODY, BodyKind.VOTE_COUNTING, "Bầu Ban Kiểm phiếu", 0, 0),
    ("Phiên chính thức – bầu cử", 2, VoteSubject.CANDIDATE_LIST, "",
     "Thông qua danh sách bầu cử Ban Chấp hành khóa XXVI (51 đồng chí)", 4, 6),
]  # fmt: skip
TOPICS = [
    "Phát triển kinh tế đô thị, thương mại – dịch vụ gắn với bảo tồn khu phố cổ, phố cũ",
    "Cải cách hành chính, chuyển đổi số trong hoạt động của chính quyền phường",
    "Xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh ở khu dân cư",
    "Công tác bảo đảm an ninh, trật tự trên địa bàn các phường trung tâm",
    "Phát triển giáo dục – đào tạo, xây dựng trường chuẩn quốc gia",
    "Công tác dân vận, phát huy vai trò Mặt trận Tổ quốc và các đoàn thể",
    "Quản lý trật tự xây dựng, chỉnh trang đô thị và cải tạo chung cư cũ",
    "Chăm lo an sinh xã hội, người có công và hộ nghèo",
]


def _aware(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


@transaction.atomic
def seed(*, congress: Congress, shift_days: int = 0) -> None:
    shift = datetime.timedelta(days=shift_days)
    sessions = _sessions(congress, shift)
    items = _programme(congress, sessions)
    delegates = list(
        Delegate.objects.filter(entitled_q(), congress=congress)
        .select_related("person", "organization")
        .order_by("number", "id")
    )
    if not delegates:
        return  # the personnel demo registers the delegates; without them there is nothing more to show
    _checkins(sessions, delegates)
    _bodies(congress, delegates)
    _votes(congress, sessions, items)
    _speakers(items, delegates, random.Random(2607))
    _hall(congress, items)


def _sessions(congress: Congress, shift: datetime.timedelta) -> dict[str, Session]:
    found = {}
    for name, kind, day, start, end in SESSIONS:
        session, _created = Session.objects.get_or_create(
            congress=congress,
            name=name,
            defaults={"kind": kind, "date": day + shift, "starts_at": start, "ends_at": end, "venue": VENUE},
        )
        found[name] = session
    return found


def _programme(congress: Congress, sessions: dict[str, Session]) -> dict[str, list[AgendaItem]]:
    from documents.models import Draft

    drafts = {}
    for draft in Draft.objects.filter(congress=congress).order_by("created_at", "id"):
        drafts.setdefault(draft.kind, draft)
    items: dict[str, list[AgendaItem]] = {}
    for name, rows in PROGRAMME.items():
        session = sessions[name]
        cursor = datetime.datetime.combine(session.date, session.starts_at or t(8, 0))
        done = DONE[name]
        items[name] = []
        for position, (kind, title, presenter, minutes, draft_kind) in enumerate(rows, start=1):
            # Actual times: a little late or early, reproducibly (from the position, not a shared random).
            late = [2, 0, 5, -1, 3, 8, 4, 0][position % 8]
            longer = [0, 3, -2, 5, 1, -4, 6, 2][position % 8]
            start = cursor + datetime.timedelta(minutes=late)
            end = start + datetime.timedelta(minutes=max(1, minutes + longer))
            taken_place = position <= done
            item, _created = AgendaItem.objects.update_or_create(
                session=session,
                title=title,
                defaults={
                    "position": position,
                    "kind": kind,
                    "presenter": presenter,
                    "planned_minutes": minutes,
                    "draft": drafts.get(draft_kind) if draft_kind else None,
                    "actual_start": timezone.make_aware(start) if taken_place else None,
                    "actual_end": timezone.make_aware(end) if taken_place else None,
                },
            )
            items[name].append(item)
            cursor = end if taken_place else cursor + datetime.timedelta(minutes=minutes)
    return items


def _checkins(sessions: dict[str, Session], delegates: list[Delegate]) -> None:
    """Most delegates check in at every session, a few minutes before it opens (badge scanned).

    Who is absent is decided per delegate (from the session and the delegate's number), so a second
    run finds the same people whatever else changed in the list of delegates.
    """
    desk = get_user_model().objects.filter(username="letan").first()
    for name, session in sessions.items():
        rate = min(0.05, ABSENT[name] / max(len(delegates), 1))
        already = set(CheckIn.objects.filter(session=session).values_list("delegate_id", flat=True))
        opening = _aware(session.date, session.starts_at or t(8, 0))
        coming = [d for d in delegates if random.Random(f"{name}|{d.number}").random() >= rate]
        created = CheckIn.objects.bulk_create(
            [
                CheckIn(session=session, delegate=d, method=CheckInMethod.SCAN, checked_in_by=desk)
                for d in coming
                if d.pk not in already
            ]
        )
        # auto_now_add stamped them now: put them in the 45 minutes before the session opens.
        by_minute: dict[int, list[int]] = {}
        for checkin in created:
            minutes = random.Random(f"{name}|{checkin.delegate.number}|at").randint(1, 45)
            by_minute.setdefault(minutes, []).append(checkin.pk)
        for minutes, pks in by_minute.items():
            CheckIn.objects.filter(pk__in=pks).update(checked_in_at=opening - datetime.timedelta(minutes=minutes))


def _bodies(congress: Congress, delegates: list[Delegate]) -> None:
    from congress.programme_models import CongressBody

    candidates = set(
        Candidate.objects.filter(election__congress=congress, withdrawn=False)
        .exclude(election__body__in=list(PLENARY_BODIES))
        .values_list("person_id", flat=True)
    )
    executive = [d for d in delegates if d.person.is_executive_member]
    others = [d for d in delegates if not d.person.is_executive_member]
    counting = [d for d in others if d.person_id not in candidates]
    # Spread each body over the delegations (every n-th delegate), as a proposed list would be.
    pools = {
        BodyKind.PRESIDIUM: _spread(executive or delegates, 3),
        BodyKind.SECRETARIAT: _spread(others or delegates, 29, start=5),
        BodyKind.CREDENTIALS: _spread(executive[1:] + others[11:], 31, start=3),
        BodyKind.VOTE_COUNTING: _spread(counting, 23, start=7),
    }
    taken: set[int] = set()
    for kind, size in BODIES:
        body = CongressBody.objects.filter(congress=congress, kind=kind).first()
        if body is not None and (body.members.exists() or body_is_approved(body)):
            taken.update(body.members.values_list("delegate_id", flat=True))
            continue
        chosen = [d for d in pools[kind] if d.pk not in taken][:size]
        for index, delegate in enumerate(chosen):
            body_member_add(
                congress=congress, kind=kind, delegate=delegate, role=BodyRole.HEAD if index == 0 else BodyRole.MEMBER
            )
            taken.add(delegate.pk)


def _spread(pool: list, step: int, start: int = 0) -> list:
    """Every `step`-th of the pool from `start`, then the others (so that a short pool still fills a body)."""
    picked = pool[start::step]
    return picked + [d for d in pool if d not in picked]


def _votes(congress: Congress, sessions: dict[str, Session], items: dict[str, list[AgendaItem]]) -> None:
    by = get_user_model().objects.filter(username="vanphong").first()
    for name, index, subject, body_kind, title, against, abstain in VOTES:
        item = items[name][index]
        present = presence_for_session(item.session).present
        if present <= against + abstain:
            continue  # too few delegates checked in (a congress without the personnel demo)
        if body_kind and not BodyMember.objects.filter(body__congress=congress, body__kind=body_kind).exists():
            continue
        vote = HandVote.objects.filter(item=item, title=title).first()
        if vote is None:
            vote = vote_create(item=item, subject=subject, title=title, body_kind=body_kind)
        if not vote.is_counted:
            vote = vote_record(
                vote=vote, votes_for=present - against - abstain, votes_against=against, votes_abstain=abstain, by=by
            )
        moment = (item.actual_end or timezone.now()) - datetime.timedelta(minutes=1)
        HandVote.objects.filter(pk=vote.pk).update(recorded_at=moment, published_at=moment)


def _speakers(items: dict[str, list[AgendaItem]], delegates: list[Delegate], rng: random.Random) -> None:
    discussions = [i for rows in items.values() for i in rows if i.kind == ItemKind.DISCUSSION]
    speakers = rng.sample(delegates, min(len(delegates), 14))
    topics = iter(TOPICS * 2)
    for number, item in enumerate(discussions):
        if item.speakers.exists():
            continue  # seeded before: the list of delegates may have changed since, keep the speakers
        group = speakers[number * 7 : number * 7 + 7]
        cursor = item.actual_start
        for position, delegate in enumerate(group, start=1):
            topic = next(topics)
            written = position > 5
            seconds = 0 if written else rng.randint(300, 540)
            started = cursor + datetime.timedelta(minutes=1) if cursor and not written else None
            SpeakerRequest.objects.create(
                item=item,
                delegate=delegate,
                topic=topic,
                position=position,
                status=SpeakerStatus.WRITTEN if written else SpeakerStatus.DONE,
                started_at=started,
                ended_at=started + datetime.timedelta(seconds=seconds) if started else None,
                seconds_used=seconds,
                contribution=(
                    f"Đại biểu {delegate.person.full_name} ({delegate.organization.name}) đề nghị bổ sung vào "
                    f"dự thảo nội dung về {topic[0].lower() + topic[1:]}, nêu rõ chỉ tiêu và giải pháp cụ thể "
                    "cho nhiệm kỳ 2020–2025."
                ),
            )
            if started:
                cursor = started + datetime.timedelta(seconds=seconds)


def _hall(congress: Congress, items: dict[str, list[AgendaItem]]) -> None:
    session_name, title = CURRENT
    current = next(i for i in items[session_name] if i.title == title)
    HallScreen.objects.update_or_create(
        congress=congress,
        defaults={
            "item": current,
            "notice": NOTICE,
            "show_results": True,
            "timer_speaker": None,
            "timer_seconds": 0,
            "timer_started_at": None,
            "timer_elapsed": 0,
        },
    )
