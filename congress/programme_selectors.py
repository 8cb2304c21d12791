"""Reads of the congress days: the programme with planned and actual times, the congress bodies, the
votes, the speakers of an item, what the hall screen shows, and the parts of the archive.

Every function runs a constant number of queries whatever the number of rows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from congress.models import Congress
from congress.programme_models import (
    AgendaItem,
    BodyKind,
    BodyMember,
    CongressBody,
    HallScreen,
    HandVote,
    SpeakerRequest,
    SpeakerStatus,
    clock,
)
from congress.programme_rules import PlannedSlot, minutes_between, planned_slots, programme_settings, session_problems
from personnel.election_models import PLENARY_BODIES, Candidate
from personnel.models import Session
from personnel.selectors import Presence, current_session, presence_for_session

# --- the programme


@dataclass
class Row:
    """An agenda item with its planned slot and, once it took place, its actual times."""

    item: AgendaItem
    planned_start: datetime.time | None
    planned_end: datetime.time | None

    @property
    def actual_start(self) -> datetime.datetime | None:
        return self.item.actual_start

    @property
    def actual_end(self) -> datetime.datetime | None:
        return self.item.actual_end

    @property
    def delay_minutes(self) -> int | None:
        """Minutes the item started late (negative: early), against the plan."""
        if self.actual_start is None or self.planned_start is None:
            return None
        local = timezone.localtime(self.actual_start)
        planned = datetime.datetime.combine(local.date(), self.planned_start, tzinfo=local.tzinfo)
        return round((local - planned).total_seconds() / 60)

    @property
    def overrun_minutes(self) -> int | None:
        """Minutes longer than planned (negative: shorter)."""
        if self.item.actual_minutes is None:
            return None
        return self.item.actual_minutes - self.item.planned_minutes


@dataclass
class SessionPlan:
    session: Session
    rows: list[Row]
    problems: dict[str, str] = field(default_factory=dict)

    @property
    def planned_minutes(self) -> int:
        return sum(r.item.planned_minutes for r in self.rows)

    @property
    def length_minutes(self) -> int | None:
        s = self.session
        return minutes_between(s.starts_at, s.ends_at) if s.starts_at and s.ends_at else None

    @property
    def overbooked_minutes(self) -> int:
        """How much the planned items exceed the session (0 when they fit)."""
        length = self.length_minutes
        return max(0, self.planned_minutes - length) if length is not None else 0


def programme(congress: Congress) -> list[SessionPlan]:
    """Every session with its items in running order and the rule problems (three queries)."""
    sessions = list(Session.objects.filter(congress=congress))
    items: dict[int, list[AgendaItem]] = {}
    for item in (
        AgendaItem.objects.filter(session__congress=congress)
        .select_related("draft")
        .order_by("session_id", "position", "id")
    ):
        items.setdefault(item.session_id, []).append(item)
    limit = programme_settings(congress).preparatory_max_minutes
    plans = []
    for session in sessions:
        slots: list[PlannedSlot] = planned_slots(session, items.get(session.pk, []))
        problems = session_problems(
            session,
            others=[s for s in sessions if s.pk != session.pk],
            max_days=congress.max_days,
            preparatory_limit=limit,
            opening=congress.opening_date,
            closing=congress.closing_date,
        )
        plans.append(
            SessionPlan(
                session=session,
                rows=[Row(item=s.item, planned_start=s.start, planned_end=s.end) for s in slots],
                problems=problems,
            )
        )
    return plans


def items_of(congress: Congress) -> QuerySet[AgendaItem]:
    return (
        AgendaItem.objects.filter(session__congress=congress)
        .select_related("session")
        .order_by("session__date", "session__starts_at", "session_id", "position", "id")
    )


# --- congress bodies


@dataclass
class BodyView:
    body: CongressBody
    members: list[BodyMember]
    latest_vote: HandVote | None
    conflicts: dict[int, list[str]]  # member id → elections in which he or she is a candidate
    form: object = None  # the add-a-member form, for those who manage

    @property
    def kind(self) -> str:
        return self.body.kind

    @property
    def approved(self) -> bool:
        return bool(self.latest_vote and self.latest_vote.passed)

    @property
    def head(self) -> BodyMember | None:
        return next((m for m in self.members if m.role == "head"), None)


def bodies(congress: Congress) -> list[BodyView]:
    """The four bodies in their order, with members, the last approval vote and the counting conflicts."""
    found = {
        b.kind: b
        for b in CongressBody.objects.filter(congress=congress).prefetch_related(
            Prefetch(
                "members",
                queryset=BodyMember.objects.select_related("delegate__person", "delegate__organization").order_by(
                    "position", "id"
                ),
            ),
            Prefetch(
                "approval_votes",
                queryset=HandVote.objects.select_related("item__session").order_by("-created_at", "-id"),
            ),
        )
    }
    counting = found.get(BodyKind.VOTE_COUNTING)
    conflicts: dict[int, list[str]] = {}
    if counting is not None:
        by_person = {m.delegate.person_id: m.pk for m in counting.members.all()}
        for candidate in (
            Candidate.objects.filter(election__congress=congress, person_id__in=list(by_person), withdrawn=False)
            .exclude(election__body__in=list(PLENARY_BODIES))
            .select_related("election")
        ):
            conflicts.setdefault(by_person[candidate.person_id], []).append(str(candidate.election))
    views = []
    for kind in BodyKind.values:
        body = found.get(kind) or CongressBody(congress=congress, kind=kind)
        members = list(body.members.all()) if body.pk else []
        for member in members:
            member.candidacies = conflicts.get(member.pk, []) if kind == BodyKind.VOTE_COUNTING else []
        votes = list(body.approval_votes.all()) if body.pk else []
        views.append(
            BodyView(
                body=body,
                members=members,
                latest_vote=votes[0] if votes else None,
                conflicts=conflicts if kind == BodyKind.VOTE_COUNTING else {},
            )
        )
    return views


# --- votes


def votes_of(congress: Congress) -> QuerySet[HandVote]:
    return (
        HandVote.objects.filter(item__session__congress=congress)
        .select_related("item__session", "body")
        .order_by("item__session__date", "item__session__starts_at", "item__session_id", "item__position", "id")
    )


# --- speakers


def speakers_of(item: AgendaItem) -> list[SpeakerRequest]:
    return list(
        item.speakers.select_related("delegate__person", "delegate__organization", "comment").order_by("position", "id")
    )


def review_rounds_for(item: AgendaItem) -> list:
    """The review rounds of the item's draft, newest first (the contributions go to one of them)."""
    if item.draft_id is None:
        return []
    from documents.models import ReviewRound

    return list(
        ReviewRound.objects.filter(draft_id=item.draft_id).select_related("version").order_by("-opens_on", "-id")
    )


# --- the hall screen


@dataclass(frozen=True)
class ShownResult:
    """The last result announced: a vote by show of hands or an election round."""

    kind: str  # "vote" or "election"
    published_at: datetime.datetime
    vote: HandVote | None = None
    election: object | None = None  # personnel.election_selectors.RoundResult


def last_published_result(congress: Congress) -> ShownResult | None:
    from personnel.election_models import Round
    from personnel.election_selectors import last_published_result as last_election_result

    vote = (
        HandVote.objects.filter(item__session__congress=congress, published_at__isnull=False)
        .select_related("item")
        .order_by("-published_at", "-id")
        .first()
    )
    round_at = (
        Round.objects.filter(election__congress=congress, published_at__isnull=False)
        .order_by("-published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    if round_at is not None and (vote is None or round_at > vote.published_at):
        result = last_election_result(congress)
        if result is not None:
            return ShownResult(kind="election", published_at=round_at, election=result)
    if vote is not None:
        return ShownResult(kind="vote", published_at=vote.published_at, vote=vote)
    return None


@dataclass(frozen=True)
class HallView:
    hall: HallScreen
    item: AgendaItem | None
    next_item: AgendaItem | None
    session: Session | None
    presence: Presence | None
    result: ShownResult | None
    timer_seconds: int
    timer_remaining: int
    timer_running: bool
    speaker: SpeakerRequest | None
    now: datetime.datetime

    @property
    def timer_set(self) -> bool:
        return self.timer_seconds > 0

    @property
    def overtime(self) -> bool:
        return self.timer_set and self.timer_remaining < 0

    @property
    def timer_clock(self) -> str:
        return clock(self.timer_remaining)


def hall_view(congress: Congress) -> HallView:
    """Everything the hall screen shows, read in a constant number of queries (about eight)."""
    now = timezone.now()
    hall = (
        HallScreen.objects.filter(congress=congress)
        .select_related(
            "item__session", "item__draft", "timer_speaker__delegate__person", "timer_speaker__delegate__organization"
        )
        .first()
    ) or HallScreen(congress=congress)
    item = hall.item
    session = item.session if item else current_session(congress)
    if session is not None:
        session.congress = congress  # the same row: saves a query in presence_for_session
    next_item = None
    if item is not None:
        next_item = (
            AgendaItem.objects.filter(session=item.session)
            .filter(Q(position__gt=item.position) | Q(position=item.position, id__gt=item.pk))
            .order_by("position", "id")
            .first()
        )
    presence = presence_for_session(session) if session else None
    result = last_published_result(congress) if hall.show_results else None
    elapsed = hall.timer_elapsed
    if hall.timer_started_at:
        elapsed += max(0, int((now - hall.timer_started_at).total_seconds()))
    return HallView(
        hall=hall,
        item=item,
        next_item=next_item,
        session=session,
        presence=presence,
        result=result,
        timer_seconds=hall.timer_seconds,
        timer_remaining=hall.timer_seconds - elapsed,
        timer_running=hall.timer_started_at is not None,
        speaker=hall.timer_speaker,
        now=now,
    )


def waiting_speakers(item: AgendaItem | None) -> list[SpeakerRequest]:
    if item is None:
        return []
    return [s for s in speakers_of(item) if s.status in (SpeakerStatus.WAITING, SpeakerStatus.SPEAKING)]
