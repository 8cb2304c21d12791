"""Writes of the congress days: agenda items and their actual times, congress bodies, votes by show of
hands, speakers and their contributions, and the hall screen (current item, speaker timer, results).

Every function is keyword-only and raises ValidationError with a field dict and a clear message;
nothing is written when it refuses. Rows that two desks may change at once (the hall screen, a vote)
are locked with select_for_update first.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from congress.models import Congress
from congress.programme_models import (
    AgendaItem,
    BodyKind,
    BodyMember,
    BodyRole,
    CongressBody,
    HallScreen,
    HandVote,
    ItemKind,
    SpeakerRequest,
    SpeakerStatus,
    VoteBase,
    VoteSubject,
)
from congress.programme_rules import hand_vote_result, programme_settings
from personnel.election_models import PLENARY_BODIES, Candidate
from personnel.models import Delegate, Session
from personnel.selectors import entitled_q, presence_for_session

MAX_TIMER_SECONDS = 4 * 3600


def _hhmm(moment: datetime.datetime | None) -> str:
    return timezone.localtime(moment).strftime("%H:%M") if moment else ""


def _local(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


# --- agenda items


def _next_position(queryset) -> int:
    return (queryset.aggregate(n=Max("position"))["n"] or 0) + 1


@transaction.atomic
def item_save(*, item: AgendaItem) -> AgendaItem:
    """Create or change an agenda item; a new one goes to the end of its session."""
    errors: dict[str, str] = {}
    session = item.session
    if item.pk:
        before = AgendaItem.objects.select_for_update().get(pk=item.pk)
        if before.session_id != item.session_id:
            if before.votes.exists() or before.speakers.exists():
                errors["session"] = _("This item has votes or speakers: it stays in its session.")
            else:
                item.position = _next_position(AgendaItem.objects.filter(session=session))
    else:
        Session.objects.select_for_update().filter(pk=session.pk).first()  # serialize positions per session
        item.position = _next_position(AgendaItem.objects.filter(session=session))
    if item.kind not in ItemKind.values:
        errors["kind"] = _("Choose the kind of item.")
    if item.planned_minutes is None or not 1 <= item.planned_minutes <= 600:
        errors["planned_minutes"] = _("The planned duration is between 1 and 600 minutes.")
    if item.draft_id and item.draft.congress_id != session.congress_id:
        errors["draft"] = _("This draft belongs to another congress.")
    if not (item.title or "").strip():
        errors["title"] = _("Give the item a title.")
    if errors:
        raise ValidationError(errors)
    item.title = item.title.strip()
    item.save()
    return item


@transaction.atomic
def item_move(*, item: AgendaItem, up: bool) -> None:
    """Swap an item with its neighbour in the running order (positions renumbered 1..n)."""
    items = list(AgendaItem.objects.select_for_update().filter(session_id=item.session_id).order_by("position", "id"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if up else index + 1
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    for position, other in enumerate(items, start=1):
        if other.position != position:
            AgendaItem.objects.filter(pk=other.pk).update(position=position)


@transaction.atomic
def item_delete(*, item: AgendaItem) -> None:
    if item.votes.exists() or item.speakers.exists():
        raise ValidationError(
            {"__all__": _("This item has votes or requests to speak: it cannot be removed from the programme.")}
        )
    if item.actual_start:
        raise ValidationError({"__all__": _("This item has already taken place: it stays in the programme.")})
    session_id = item.session_id
    item.delete()
    for position, pk in enumerate(
        AgendaItem.objects.filter(session_id=session_id).order_by("position", "id").values_list("pk", flat=True),
        start=1,
    ):
        AgendaItem.objects.filter(pk=pk).update(position=position)


@transaction.atomic
def item_start(*, item: AgendaItem, at: datetime.datetime | None = None) -> AgendaItem:
    """The item begins now: its actual start, the end of the item running before it, the hall screen."""
    at = at or timezone.now()
    congress = item.session.congress
    hall = _hall_locked(congress)
    item = AgendaItem.objects.select_for_update().select_related("session").get(pk=item.pk)
    if item.actual_end:
        raise ValidationError(
            {
                "__all__": _("“%(title)s” ended at %(end)s; correct its times in the running order if needed.")
                % {"title": item.title, "end": _hhmm(item.actual_end)}
            }
        )
    running = AgendaItem.objects.select_for_update().filter(
        session__congress=congress, actual_start__isnull=False, actual_end__isnull=True
    )
    for other in running.exclude(pk=item.pk):
        other.actual_end = max(at, other.actual_start)
        other.save(update_fields=["actual_end"])
    if item.actual_start is None:
        item.actual_start = at
        item.save(update_fields=["actual_start"])
    hall.item = item
    hall.save(update_fields=["item", "updated_at"])
    return item


@transaction.atomic
def item_end(*, item: AgendaItem, at: datetime.datetime | None = None) -> AgendaItem:
    at = at or timezone.now()
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if item.actual_start is None:
        raise ValidationError({"__all__": _("“%(title)s” has not started yet.") % {"title": item.title}})
    if item.actual_end is None:
        item.actual_end = max(at, item.actual_start)
        item.save(update_fields=["actual_end"])
    return item


@transaction.atomic
def item_times_set(
    *, item: AgendaItem, actual_start: datetime.time | None, actual_end: datetime.time | None
) -> AgendaItem:
    """Correct the actual times of an item (typed as hh:mm, on the day of its session)."""
    item = AgendaItem.objects.select_for_update().select_related("session").get(pk=item.pk)
    if actual_end and not actual_start:
        raise ValidationError({"actual_start": _("Give the start time before the end time.")})
    if actual_start and actual_end and actual_end < actual_start:
        raise ValidationError({"actual_end": _("The item ends after it starts.")})
    day = item.session.date
    item.actual_start = _local(day, actual_start) if actual_start else None
    item.actual_end = _local(day, actual_end) if actual_end else None
    item.save(update_fields=["actual_start", "actual_end"])
    return item


# --- congress bodies


def body_latest_vote(body: CongressBody) -> HandVote | None:
    if not body.pk:
        return None
    return body.approval_votes.order_by("-created_at", "-id").first()


def body_is_approved(body: CongressBody) -> bool:
    vote = body_latest_vote(body)
    return bool(vote and vote.passed)


def counting_candidacies(delegate: Delegate):
    """The elections held by the congress in which this delegate's person is a candidate (not withdrawn)."""
    return (
        Candidate.objects.filter(
            election__congress_id=delegate.congress_id, person_id=delegate.person_id, withdrawn=False
        )
        .exclude(election__body__in=list(PLENARY_BODIES))
        .select_related("election")
    )


def _refuse_if_approved(body: CongressBody, field: str) -> None:
    vote = body_latest_vote(body)
    if vote and vote.passed:
        raise ValidationError(
            {
                field: _(
                    "The congress approved this list (“%(vote)s”); put a new approval vote on the programme "
                    "before changing it."
                )
                % {"vote": vote.title}
            }
        )


@transaction.atomic
def body_member_add(
    *, congress: Congress, kind: str, delegate: Delegate | None, role: str = BodyRole.MEMBER
) -> BodyMember:
    """Seat a delegate in a congress body: only delegates of this congress who may sit; no candidate
    of the congress's elections counts the votes."""
    if kind not in BodyKind.values:
        raise ValidationError({"kind": _("Choose a congress body.")})
    if delegate is None:
        raise ValidationError({"delegate": _("Only a delegate of this congress can sit in a congress body.")})
    if delegate.congress_id != congress.pk:
        raise ValidationError({"delegate": _("This person is not a delegate of this congress.")})
    if role not in BodyRole.values:
        raise ValidationError({"role": _("Choose the role.")})
    name = delegate.person.full_name
    if not Delegate.objects.filter(entitled_q(), pk=delegate.pk).exists():
        raise ValidationError(
            {
                "delegate": _("%(name)s is not a summoned delegate with valid credentials: not eligible.")
                % {"name": name}
            }
        )
    body, _created = CongressBody.objects.get_or_create(congress=congress, kind=kind)
    CongressBody.objects.select_for_update().filter(pk=body.pk).first()
    _refuse_if_approved(body, "delegate")
    if kind == BodyKind.VOTE_COUNTING:
        elections = [str(c.election) for c in counting_candidacies(delegate)]
        if elections:
            raise ValidationError(
                {
                    "delegate": _(
                        "%(name)s is a candidate (%(elections)s): a candidate cannot count the votes of the election."
                    )
                    % {"name": name, "elections": ", ".join(elections)}
                }
            )
    if body.members.filter(delegate=delegate).exists():
        raise ValidationError({"delegate": _("%(name)s is already a member of this body.") % {"name": name}})
    if role == BodyRole.HEAD and body.members.filter(role=BodyRole.HEAD).exists():
        raise ValidationError({"role": _("This body already has a head.")})
    try:
        with transaction.atomic():
            return BodyMember.objects.create(
                body=body, delegate=delegate, role=role, position=_next_position(body.members.all())
            )
    except IntegrityError:
        raise ValidationError({"delegate": _("%(name)s is already a member of this body.") % {"name": name}})


@transaction.atomic
def body_member_remove(*, member: BodyMember) -> None:
    _refuse_if_approved(member.body, "__all__")
    member.delete()


# --- votes by show of hands


@transaction.atomic
def vote_create(
    *, item: AgendaItem, subject: str, title: str, base: str = VoteBase.PRESENT, body_kind: str = ""
) -> HandVote:
    errors: dict[str, str] = {}
    congress = item.session.congress
    if subject not in VoteSubject.values:
        errors["subject"] = _("Choose what the vote is about.")
    if base not in VoteBase.values:
        errors["base"] = _("Choose the base of the majority.")
    title = (title or "").strip()
    if not title:
        errors["title"] = _("Write the question put to the vote.")
    body = None
    if subject == VoteSubject.BODY:
        if body_kind not in BodyKind.values:
            errors["body_kind"] = _("Choose the congress body the vote approves.")
        else:
            body, _created = CongressBody.objects.get_or_create(congress=congress, kind=body_kind)
            if not body.members.exists():
                errors["body_kind"] = _("This body has no member yet: propose its members before the vote.")
    elif body_kind:
        errors["body_kind"] = _("Only an approval vote concerns a congress body.")
    if errors:
        raise ValidationError(errors)
    return HandVote.objects.create(item=item, subject=subject, title=title[:255], base=base, body=body)


@transaction.atomic
def vote_record(*, vote: HandVote, votes_for: int, votes_against: int, votes_abstain: int, by=None) -> HandVote:
    """Enter the counts; the result is computed against the delegates present at the session now."""
    vote = HandVote.objects.select_for_update().select_related("item__session__congress").get(pk=vote.pk)
    if vote.is_published:
        raise ValidationError(
            {"votes_for": _("This result has been announced: withdraw the announcement before correcting it.")}
        )
    presence = presence_for_session(vote.item.session)
    result = hand_vote_result(
        votes_for=votes_for,
        votes_against=votes_against,
        votes_abstain=votes_abstain,
        present=presence.present,
        summoned=presence.summoned,
        base=vote.base,
    )
    vote.votes_for, vote.votes_against, vote.votes_abstain = (
        result.votes_for,
        result.votes_against,
        result.votes_abstain,
    )
    vote.present, vote.summoned, vote.passed = result.present, result.summoned, result.passed
    vote.recorded_at = timezone.now()
    vote.recorded_by = by
    vote.save()
    return vote


@transaction.atomic
def vote_publish(*, vote: HandVote) -> HandVote:
    vote = HandVote.objects.select_for_update().get(pk=vote.pk)
    if not vote.is_counted:
        raise ValidationError({"__all__": _("Enter the counts before announcing the result.")})
    if vote.published_at is None:
        vote.published_at = timezone.now()
        vote.save(update_fields=["published_at"])
    return vote


@transaction.atomic
def vote_unpublish(*, vote: HandVote) -> HandVote:
    vote = HandVote.objects.select_for_update().get(pk=vote.pk)
    if vote.published_at is not None:
        vote.published_at = None
        vote.save(update_fields=["published_at"])
    return vote


@transaction.atomic
def vote_delete(*, vote: HandVote) -> None:
    if vote.is_counted:
        raise ValidationError({"__all__": _("This vote has been counted: it stays in the minutes.")})
    vote.delete()


# --- speakers and contributions


@transaction.atomic
def speaker_add(*, item: AgendaItem, delegate: Delegate | None, topic: str, written: bool = False) -> SpeakerRequest:
    congress_id = item.session.congress_id
    errors: dict[str, str] = {}
    if delegate is None or delegate.congress_id != congress_id:
        errors["delegate"] = _("Only a delegate of this congress can ask to speak.")
    elif not Delegate.objects.filter(entitled_q(), pk=delegate.pk).exists():
        errors["delegate"] = _("%(name)s is not a summoned delegate with valid credentials.") % {
            "name": delegate.person.full_name
        }
    topic = (topic or "").strip()
    if not topic:
        errors["topic"] = _("Give the topic of the contribution.")
    if errors:
        raise ValidationError(errors)
    AgendaItem.objects.select_for_update().filter(pk=item.pk).first()  # serialize positions per item
    return SpeakerRequest.objects.create(
        item=item,
        delegate=delegate,
        topic=topic[:255],
        position=_next_position(item.speakers.all()),
        status=SpeakerStatus.WRITTEN if written else SpeakerStatus.WAITING,
    )


@transaction.atomic
def speaker_move(*, speaker: SpeakerRequest, up: bool) -> None:
    rows = list(SpeakerRequest.objects.select_for_update().filter(item_id=speaker.item_id).order_by("position", "id"))
    index = next(i for i, other in enumerate(rows) if other.pk == speaker.pk)
    target = index - 1 if up else index + 1
    if 0 <= target < len(rows):
        rows[index], rows[target] = rows[target], rows[index]
    for position, other in enumerate(rows, start=1):
        if other.position != position:
            SpeakerRequest.objects.filter(pk=other.pk).update(position=position)


@transaction.atomic
def speaker_withdraw(*, speaker: SpeakerRequest) -> SpeakerRequest:
    speaker = SpeakerRequest.objects.select_for_update().get(pk=speaker.pk)
    if speaker.status != SpeakerStatus.WAITING:
        raise ValidationError({"__all__": _("Only a speaker still waiting can withdraw.")})
    speaker.status = SpeakerStatus.WITHDRAWN
    speaker.save(update_fields=["status"])
    return speaker


@transaction.atomic
def contribution_record(*, speaker: SpeakerRequest, contribution: str, paragraph_label: str = "") -> SpeakerRequest:
    speaker = SpeakerRequest.objects.select_for_update().get(pk=speaker.pk)
    if speaker.comment_id:
        raise ValidationError(
            {"contribution": _("This contribution is already in the comment register: change it there.")}
        )
    speaker.contribution = (contribution or "").strip()
    speaker.paragraph_label = (paragraph_label or "").strip()[:20]
    speaker.save(update_fields=["contribution", "paragraph_label"])
    return speaker


@transaction.atomic
def contribution_to_comment(*, speaker: SpeakerRequest, review_round, by=None):
    """Record a contribution on a draft as a comment of the draft's review (source: the congress)."""
    from documents.models import CommentSource
    from documents.services import comment_record_on_behalf

    speaker = (
        # Lock only the request: PostgreSQL refuses FOR UPDATE on the nullable side of the join (the draft).
        SpeakerRequest.objects.select_for_update(of=("self",))
        .select_related("item__draft", "delegate__person", "delegate__organization")
        .get(pk=speaker.pk)
    )
    draft = speaker.item.draft
    if speaker.comment_id:
        raise ValidationError({"__all__": _("This contribution is already in the comment register.")})
    if draft is None:
        raise ValidationError({"__all__": _("This agenda item has no draft document attached.")})
    if not speaker.contribution.strip():
        raise ValidationError({"contribution": _("Record what the delegate said first.")})
    if review_round is None or review_round.draft_id != draft.pk:
        raise ValidationError({"review_round": _("Choose a review round of “%(draft)s”.") % {"draft": draft.title}})
    paragraph = None
    if speaker.paragraph_label:
        paragraph = review_round.version.paragraphs.filter(label=speaker.paragraph_label).first()
        if paragraph is None:
            raise ValidationError(
                {
                    "paragraph_label": _("Version %(n)s of the draft has no paragraph %(label)s.")
                    % {"n": review_round.version.number, "label": speaker.paragraph_label}
                }
            )
    delegate = speaker.delegate
    try:
        comment = comment_record_on_behalf(
            round=review_round,
            paragraph=paragraph,
            text=speaker.contribution,
            author_name=f"{delegate.person.full_name} (đại biểu, {delegate.organization.name})",
            organization=delegate.organization,
            recorded_by=by,
            source=CommentSource.CONGRESS,
            received_at=speaker.ended_at or timezone.now(),
        )
    except ValidationError as error:
        if hasattr(error, "error_dict") and "text" in error.error_dict:
            raise ValidationError({"contribution": error.error_dict["text"]})
        raise
    speaker.comment = comment
    speaker.save(update_fields=["comment"])
    return comment


# --- the hall screen


def hall_for(congress: Congress) -> HallScreen:
    hall, _created = HallScreen.objects.get_or_create(congress=congress)
    return hall


def _hall_locked(congress: Congress) -> HallScreen:
    hall_for(congress)
    return HallScreen.objects.select_for_update().get(congress=congress)


def timer_elapsed(hall: HallScreen, now: datetime.datetime | None = None) -> int:
    """Seconds counted by the speaker timer so far."""
    elapsed = hall.timer_elapsed
    if hall.timer_started_at:
        elapsed += max(0, int(((now or timezone.now()) - hall.timer_started_at).total_seconds()))
    return elapsed


@transaction.atomic
def hall_set_item(*, congress: Congress, item: AgendaItem | None) -> HallScreen:
    hall = _hall_locked(congress)
    if item is not None and item.session.congress_id != congress.pk:
        raise ValidationError({"item": _("This item belongs to another congress.")})
    hall.item = item
    hall.save(update_fields=["item", "updated_at"])
    return hall


@transaction.atomic
def hall_set_notice(*, congress: Congress, notice: str, show_results: bool) -> HallScreen:
    hall = _hall_locked(congress)
    hall.notice = (notice or "").strip()[:200]
    hall.show_results = show_results
    hall.save(update_fields=["notice", "show_results", "updated_at"])
    return hall


def _finish_speaker(hall: HallScreen, now: datetime.datetime) -> None:
    """Record the time of the speaker on the timer (if any) and mark him or her as having spoken."""
    if hall.timer_speaker_id is None:
        return
    speaker = SpeakerRequest.objects.select_for_update().get(pk=hall.timer_speaker_id)
    if speaker.status == SpeakerStatus.SPEAKING:
        speaker.status = SpeakerStatus.DONE
        speaker.ended_at = max(now, speaker.started_at or now)
        speaker.seconds_used = timer_elapsed(hall, now)
        speaker.save(update_fields=["status", "ended_at", "seconds_used"])


@transaction.atomic
def timer_start(*, congress: Congress, minutes: int | None = None, speaker: SpeakerRequest | None = None) -> HallScreen:
    """Start the countdown, for a speaker (who is then speaking) or on its own (e.g. a break)."""
    now = timezone.now()
    if minutes is None:
        minutes = programme_settings(congress).speaker_minutes
    if not 1 <= minutes <= MAX_TIMER_SECONDS // 60:
        raise ValidationError({"minutes": _("Give between 1 and 240 minutes.")})
    hall = _hall_locked(congress)
    if speaker is not None:
        speaker = SpeakerRequest.objects.select_for_update().select_related("item__session").get(pk=speaker.pk)
        if speaker.item.session.congress_id != congress.pk:
            raise ValidationError({"speaker": _("This speaker belongs to another congress.")})
        if speaker.status not in (SpeakerStatus.WAITING, SpeakerStatus.SPEAKING):
            raise ValidationError(
                {"speaker": _("%(name)s is not waiting to speak.") % {"name": speaker.delegate.person.full_name}}
            )
    if hall.timer_speaker_id and (speaker is None or hall.timer_speaker_id != speaker.pk):
        _finish_speaker(hall, now)
    hall.timer_speaker = speaker
    hall.timer_seconds = minutes * 60
    hall.timer_elapsed = 0
    hall.timer_started_at = now
    if speaker is not None:
        SpeakerRequest.objects.filter(pk=speaker.pk).update(status=SpeakerStatus.SPEAKING, started_at=now)
        if hall.item_id != speaker.item_id:
            hall.item = speaker.item
    hall.save()
    return hall


@transaction.atomic
def timer_pause(*, congress: Congress) -> HallScreen:
    hall = _hall_locked(congress)
    if hall.timer_started_at:
        hall.timer_elapsed = timer_elapsed(hall)
        hall.timer_started_at = None
        hall.save(update_fields=["timer_elapsed", "timer_started_at", "updated_at"])
    return hall


@transaction.atomic
def timer_resume(*, congress: Congress) -> HallScreen:
    hall = _hall_locked(congress)
    if not hall.timer_seconds:
        raise ValidationError({"__all__": _("The timer is not set.")})
    if hall.timer_started_at is None:
        hall.timer_started_at = timezone.now()
        hall.save(update_fields=["timer_started_at", "updated_at"])
    return hall


@transaction.atomic
def timer_add(*, congress: Congress, seconds: int) -> HallScreen:
    hall = _hall_locked(congress)
    if not hall.timer_seconds:
        raise ValidationError({"__all__": _("The timer is not set.")})
    hall.timer_seconds = min(MAX_TIMER_SECONDS, max(0, hall.timer_seconds + seconds))
    hall.save(update_fields=["timer_seconds", "updated_at"])
    return hall


@transaction.atomic
def timer_stop(*, congress: Congress) -> HallScreen:
    """Stop and clear the countdown; the speaker on it has spoken, with the time used recorded."""
    hall = _hall_locked(congress)
    _finish_speaker(hall, timezone.now())
    hall.timer_speaker = None
    hall.timer_seconds = 0
    hall.timer_elapsed = 0
    hall.timer_started_at = None
    hall.save()
    return hall
