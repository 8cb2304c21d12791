"""Rules of the congress days that do not depend on a request: the checks on sessions, the result of a
vote by show of hands, and the planned running order.

`session_programme_errors` is called by every writer of sessions (personnel.services.session_save,
which already checks the congress dates and start < end): the preparatory session lasts at most half
a day, all the sessions fit in `max_days`, and two sessions never overlap in one hall. This module
imports only models, so personnel.services can import it without a cycle.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from congress.programme_models import DEFAULT_SPEAKER_MINUTES, HALF_DAY_MINUTES, ProgrammeSettings, VoteBase
from congress.vietnamese import fold


def _hhmm(value: datetime.time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def _ddmm(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def minutes_between(start: datetime.time, end: datetime.time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def programme_settings(congress) -> ProgrammeSettings:
    """The congress's settings, or the defaults (unsaved) when the secretariat never changed them."""
    found = ProgrammeSettings.objects.filter(congress_id=congress.pk).first()
    return found or ProgrammeSettings(
        congress=congress, preparatory_max_minutes=HALF_DAY_MINUTES, speaker_minutes=DEFAULT_SPEAKER_MINUTES
    )


def hall_key(venue: str) -> str:
    """Two spellings of one hall ("Hội trường A", "hoi truong a ") are the same hall."""
    return " ".join(fold(venue or "").split())


def _overlaps(a, b) -> bool:
    """Do two sessions of the same day overlap? A session without times takes the whole day."""
    if not (a.starts_at and a.ends_at and b.starts_at and b.ends_at):
        return True
    return a.starts_at < b.ends_at and b.starts_at < a.ends_at


def session_programme_errors(*, session) -> dict[str, str]:
    """What is wrong with a session in the congress's programme (empty: nothing); three queries."""
    from personnel.models import Session

    congress = session.congress
    others = list(Session.objects.filter(congress=congress).exclude(pk=session.pk or 0))
    return session_problems(
        session,
        others=others,
        max_days=congress.max_days,
        preparatory_limit=programme_settings(congress).preparatory_max_minutes,
        opening=congress.opening_date,
        closing=congress.closing_date,
    )


def session_problems(
    session,
    *,
    others: list,
    max_days: int,
    preparatory_limit: int,
    opening: datetime.date | None = None,
    closing: datetime.date | None = None,
) -> dict[str, str]:
    """The checks themselves, on sessions already read (the programme page shows them for every session,
    so a session left outside the congress dates after they moved is flagged there)."""
    from personnel.models import SessionKind

    errors: dict[str, str] = {}
    if session.date and opening and closing and not opening <= session.date <= closing:
        errors["date"] = _("The session must fall between the opening (%(a)s) and the closing (%(b)s).") % {
            "a": _ddmm(opening),
            "b": _ddmm(closing),
        }
    if session.kind == SessionKind.PREPARATORY and session.starts_at and session.ends_at:
        length = minutes_between(session.starts_at, session.ends_at)
        if length > preparatory_limit:
            errors["ends_at"] = _(
                "The preparatory session lasts at most half a day (%(limit)s minutes); this one lasts %(length)s."
            ) % {"limit": preparatory_limit, "length": length}
    if not session.date:
        return errors
    days = {s.date for s in others} | {session.date}
    span = (max(days) - min(days)).days + 1
    if span > max_days and "date" not in errors:
        errors["date"] = _(
            "The congress lasts at most %(max)s days; with this session its sessions span %(span)s days."
        ) % {"max": max_days, "span": span}
    hall = hall_key(session.venue)
    if hall:
        clash = next(
            (s for s in others if s.date == session.date and hall_key(s.venue) == hall and _overlaps(s, session)),
            None,
        )
        if clash is not None:
            errors["starts_at"] = _("The hall is taken: “%(other)s” sits there on %(date)s %(start)s–%(end)s.") % {
                "other": clash.name,
                "date": _ddmm(clash.date),
                "start": _hhmm(clash.starts_at) or "…",
                "end": _hhmm(clash.ends_at) or "…",
            }
    return errors


def session_programme_check(*, session) -> None:
    errors = session_programme_errors(session=session)
    if errors:
        raise ValidationError(errors)


# --- votes by show of hands


@dataclass(frozen=True)
class HandResult:
    votes_for: int
    votes_against: int
    votes_abstain: int
    present: int
    summoned: int
    base: str

    @property
    def base_count(self) -> int:
        return self.summoned if self.base == VoteBase.SUMMONED else self.present

    @property
    def needed(self) -> int:
        """The smallest number of votes for that is more than half of the base."""
        return self.base_count // 2 + 1

    @property
    def passed(self) -> bool:
        return self.votes_for * 2 > self.base_count

    @property
    def not_voting(self) -> int:
        return self.present - self.votes_for - self.votes_against - self.votes_abstain

    def percent(self, count: int) -> float:
        """Share of the base, one decimal (as announced in the hall)."""
        return math.floor(1000 * count / self.base_count + 0.5) / 10 if self.base_count else 0.0


def hand_vote_result(
    *, votes_for, votes_against, votes_abstain, present: int, summoned: int, base: str = VoteBase.PRESENT
) -> HandResult:
    """The result of a vote by show of hands; refuses counts that cannot be (with the field at fault)."""
    errors: dict[str, str] = {}
    counts = {"votes_for": votes_for, "votes_against": votes_against, "votes_abstain": votes_abstain}
    for field, value in counts.items():
        if value is None:
            errors[field] = _("Enter a number (0 if nobody).")
        elif value < 0:
            errors[field] = _("A count cannot be negative.")
    if base not in VoteBase.values:
        errors["base"] = _("Choose the base of the majority.")
    if errors:
        raise ValidationError(errors)
    if present < 1:
        raise ValidationError(
            {"votes_for": _("No delegate is checked in at this session: record the check-in before the vote.")}
        )
    total = votes_for + votes_against + votes_abstain
    if total > present:
        raise ValidationError(
            {
                "votes_for": _(
                    "For + against + abstaining = %(total)s, more than the %(present)s delegates present at this "
                    "session (from check-in). Count again."
                )
                % {"total": total, "present": present}
            }
        )
    return HandResult(
        votes_for=votes_for,
        votes_against=votes_against,
        votes_abstain=votes_abstain,
        present=present,
        summoned=max(summoned, present),
        base=base,
    )


# --- planned running order


@dataclass(frozen=True)
class PlannedSlot:
    item: object
    start: datetime.time | None
    end: datetime.time | None


def planned_slots(session, items: list) -> list[PlannedSlot]:
    """Each item's planned start and end: the session's start plus the durations before it."""
    slots = []
    if session.starts_at is None:
        return [PlannedSlot(item=i, start=None, end=None) for i in items]
    cursor = datetime.datetime.combine(session.date, session.starts_at)
    for item in items:
        end = cursor + datetime.timedelta(minutes=item.planned_minutes)
        slots.append(
            PlannedSlot(item=item, start=cursor.time(), end=end.time() if end.date() == cursor.date() else None)
        )
        cursor = end
    return slots
