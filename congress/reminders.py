"""Reminder policy, the plan of reminders derived from deadlines, and the periodic sweep.

Nothing is scheduled in advance: every sweep (Celery beat, each minute) reads the deadlines and
the policy, derives the reminders that fell due since it last looked, records each as a
`Reminder` row under a unique key (deadline, kind, offset, recipient, due date) and queues one
task per new row once the transaction commits. A broker outage therefore delays reminders but
never loses them, and running the sweep twice records nothing twice.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from congress.deadlines import Recipients
from congress.models import (
    Congress,
    CongressStatus,
    Deadline,
    DeliveryState,
    Digest,
    EmailMode,
    NotificationSettings,
    OffsetUnit,
    Reminder,
    ReminderKind,
    ReminderPolicy,
    ReminderSweep,
)
from congress.workdays import ONE_DAY, WorkCalendar, work_calendar

logger = logging.getLogger(__name__)

# Overdue notices stop this long after the due date.
ESCALATION_HORIZON_DAYS = 365
MAX_OFFSET_DAYS = 90


# --- policy


def policy_for(congress: Congress) -> ReminderPolicy:
    """The congress's policy, or the default one (7, 3, 1 days; weekly escalation) if none was saved."""
    try:
        return congress.reminder_policy
    except ReminderPolicy.DoesNotExist:
        return ReminderPolicy(congress=congress)


def parse_offsets(text: str) -> list[int]:
    """'7, 3, 1' → [7, 3, 1]; raises ValidationError with a clear message."""
    parts = [part.strip() for part in (text or "").replace(";", ",").split(",") if part.strip()]
    if not parts:
        return []
    try:
        numbers = [int(part) for part in parts]
    except ValueError:
        raise ValidationError(
            {"offsets": _("Write whole numbers of days separated by commas, for example 7, 3, 1.")}
        ) from None
    if any(n < 1 or n > MAX_OFFSET_DAYS for n in numbers):
        raise ValidationError(
            {"offsets": _("Each offset is between 1 and %(max)d days before the due date.") % {"max": MAX_OFFSET_DAYS}}
        )
    if len(set(numbers)) != len(numbers):
        raise ValidationError({"offsets": _("The same offset is written twice.")})
    return sorted(numbers, reverse=True)


@transaction.atomic
def reminder_policy_save(*, policy: ReminderPolicy, by=None) -> ReminderPolicy:
    """Check and save a congress's reminder policy."""
    errors: dict[str, str] = {}
    try:
        policy.offsets = ",".join(str(n) for n in parse_offsets(policy.offsets))
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
    if not policy.offsets and not policy.escalate and "offsets" not in errors:
        errors["offsets"] = _("With no offset and no overdue notice, nobody would ever be reminded.")
    for name in ("escalate_after_days", "escalate_every_days"):
        value = getattr(policy, name)
        if value is None or not 1 <= value <= 60:
            errors[name] = _("Between 1 and 60 days.")
    if policy.quiet_hours:
        if policy.quiet_start == policy.quiet_end:
            errors["quiet_end"] = _("Quiet hours must end at another time than they start.")
        elif policy.in_quiet_hours(policy.send_time):
            errors["send_time"] = _("Reminders cannot be set to go out during the quiet hours.")
    if errors:
        raise ValidationError(errors)
    if by is not None:
        policy.updated_by = by
    policy.save()
    return policy


# --- the plan: which reminder falls due when


def before_days(due: datetime.date, policy: ReminderPolicy, calendar: WorkCalendar) -> dict[datetime.date, int]:
    """Send day → offset, for the reminders ahead of `due`. Offsets landing on the same day
    (moved off a weekend) make one reminder, the nearest offset."""
    days: dict[datetime.date, int] = {}
    for offset in policy.offset_list:  # largest first, so the nearest offset wins a shared day
        if policy.offset_unit == OffsetUnit.WORKING_DAYS:
            day = calendar.working_days_before(due, offset)
        else:
            day = due - datetime.timedelta(days=offset)
            if policy.working_days_only:
                day = calendar.on_or_before(day)
        days[day] = offset
    return days


def overdue_days(
    due: datetime.date, policy: ReminderPolicy, calendar: WorkCalendar, until: datetime.date
) -> dict[datetime.date, int]:
    """Send day → days late (nominal), for the overdue notices up to `until`: `escalate_after_days`
    after the due date, then every `escalate_every_days`, for at most a year."""
    days: dict[datetime.date, int] = {}
    if not policy.escalate:
        return days
    late = policy.escalate_after_days
    while late <= ESCALATION_HORIZON_DAYS and due + datetime.timedelta(days=late) <= until:
        day = due + datetime.timedelta(days=late)
        if policy.working_days_only:
            day = calendar.on_or_after(day)
        days[day] = late  # the later notice wins a shared day
        late += policy.escalate_every_days
    return days


def _candidate_due_dates(
    policy: ReminderPolicy, calendar: WorkCalendar, send_days: list[datetime.date]
) -> set[datetime.date]:
    """Due dates that can have a reminder sent on one of `send_days` (a superset: the exact send
    days are computed per deadline afterwards). Depends on the policy and the calendar only."""
    dates: set[datetime.date] = set()
    for day in send_days:
        if policy.working_days_only and not calendar.is_working_day(day):
            continue  # nothing is sent on a day off
        # Nominal days whose reminders move onto `day`: the days off after it (moved back), or
        # before it (overdue notices, moved forward).
        after, before = [day], [day]
        while policy.working_days_only and not calendar.is_working_day(after[-1] + ONE_DAY) and len(after) < 32:
            after.append(after[-1] + ONE_DAY)
        while policy.working_days_only and not calendar.is_working_day(before[-1] - ONE_DAY) and len(before) < 32:
            before.append(before[-1] - ONE_DAY)
        for offset in policy.offset_list:
            if policy.offset_unit == OffsetUnit.WORKING_DAYS:
                # `offset` working days span at most twice as many calendar days plus a Tết.
                candidate = day + ONE_DAY
                while candidate <= day + datetime.timedelta(days=offset * 2 + 14):
                    if calendar.working_days_before(candidate, offset) == day:
                        dates.add(candidate)
                    candidate += ONE_DAY
            else:
                dates.update(nominal + datetime.timedelta(days=offset) for nominal in after)
        if policy.escalate:
            for nominal in before:
                late = policy.escalate_after_days
                while late <= ESCALATION_HORIZON_DAYS:
                    dates.add(nominal - datetime.timedelta(days=late))
                    late += policy.escalate_every_days
    return dates


def _send_days(policy: ReminderPolicy, start: datetime.datetime, end: datetime.datetime) -> list[datetime.date]:
    """The days whose sending time (policy.send_time) falls in (start, end]."""
    days = []
    day = timezone.localdate(start)
    while day <= timezone.localdate(end):
        moment = timezone.make_aware(datetime.datetime.combine(day, policy.send_time))
        if start < moment <= end:
            days.append(day)
        day += ONE_DAY
    return days


@dataclass(frozen=True)
class PlannedReminder:
    deadline: Deadline
    recipient_id: int
    kind: str
    offset_days: int
    due_at: datetime.datetime
    escalation: bool
    policy: ReminderPolicy

    @property
    def key(self) -> tuple:
        return (self.deadline.pk, self.kind, self.offset_days, self.recipient_id, self.deadline.due_date)

    @property
    def owed_at(self) -> datetime.datetime:
        """Lateness counts from the later of its time and when the deadline's date was set."""
        return max(self.due_at, self.deadline.armed_at)


def _policies(congress_ids: list[int] | None = None) -> dict[int, ReminderPolicy]:
    """Policies of the congresses still running (one query)."""
    congresses = Congress.objects.exclude(status=CongressStatus.CLOSED).select_related("reminder_policy")
    if congress_ids is not None:
        congresses = congresses.filter(pk__in=congress_ids)
    return {c.pk: policy_for(c) for c in congresses}


def _signature(policy: ReminderPolicy) -> tuple:
    return (
        tuple(policy.offset_list),
        policy.offset_unit,
        policy.working_days_only,
        policy.escalate,
        policy.escalate_after_days,
        policy.escalate_every_days,
    )


def plan_deadline(
    deadline: Deadline,
    *,
    policy: ReminderPolicy,
    calendar: WorkCalendar,
    recipients: Recipients,
    until: datetime.date,
) -> list[PlannedReminder]:
    """Every reminder of one open deadline, whenever it falls (overdue notices up to `until`)."""
    if deadline.done:
        return []

    def moment(day: datetime.date) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(day, policy.send_time))

    responsible = recipients.responsible(deadline)
    planned = [
        PlannedReminder(deadline, user_id, ReminderKind.BEFORE, offset, moment(day), False, policy)
        for day, offset in before_days(deadline.due_date, policy, calendar).items()
        for user_id in responsible
    ]
    overdue = overdue_days(deadline.due_date, policy, calendar, until)
    if overdue:
        heads = [u for u in recipients.escalation(deadline) if u not in responsible]
        planned += [
            PlannedReminder(deadline, user_id, ReminderKind.OVERDUE, late, moment(day), user_id in heads, policy)
            for day, late in overdue.items()
            for user_id in responsible + heads
        ]
    return planned


def planned_reminders(
    *,
    start: datetime.datetime,
    end: datetime.datetime,
    congress_ids: list[int] | None = None,
    armed_since: datetime.datetime | None = None,
) -> list[PlannedReminder]:
    """Every reminder of open deadlines whose time falls in (start, end], in a constant number of
    queries: the deadlines are looked up by the exact due dates that can have a reminder then.

    With `armed_since`, also the reminders that fell due within the lookback of the deadlines
    created, moved or reopened since then (their time had passed before they were owed)."""
    policies = _policies(congress_ids)
    if not policies:
        return []
    calendar = work_calendar()
    groups: dict[tuple, list[int]] = defaultdict(list)
    for congress_id, policy in policies.items():
        groups[(*_signature(policy), policy.send_time)].append(congress_id)
    condition = Q(pk__in=[])
    for members in groups.values():
        policy = policies[members[0]]
        send_days = _send_days(policy, start, end)
        if send_days:
            dates = _candidate_due_dates(policy, calendar, send_days)
            condition |= Q(congress_id__in=members, due_date__in=sorted(dates))
    lookback = end - _hours(settings.REMINDER_LOOKBACK_HOURS)
    if armed_since is not None:
        # By the armed_at index alone (deadlines of closed congresses are dropped below).
        condition |= Q(armed_at__gt=armed_since, armed_at__lte=end)
    deadlines = [
        deadline
        for deadline in Deadline.objects.filter(condition, done=False).select_related(
            "assignee", "group__leader", "congress"
        )
        if deadline.congress_id in policies
    ]
    recipients = Recipients.load(deadlines)
    until = timezone.localdate(end)
    planned = []
    for deadline in deadlines:
        rearmed = armed_since is not None and armed_since < deadline.armed_at <= end
        for p in plan_deadline(
            deadline, policy=policies[deadline.congress_id], calendar=calendar, recipients=recipients, until=until
        ):
            if start < p.due_at <= end or (rearmed and lookback < p.due_at <= end):
                planned.append(p)
    planned.sort(key=lambda p: (p.due_at, p.deadline.due_date, p.deadline.pk, p.escalation, p.recipient_id))
    return planned


# --- the sweep


@dataclass
class SweepResult:
    recorded: int = 0
    missed: int = 0
    queued: int = 0
    released: int = 0
    digests: int = 0

    def __str__(self) -> str:
        return (
            f"{self.recorded} reminder(s) recorded, {self.queued} queued, {self.missed} missed, "
            f"{self.released} stale claim(s) released, {self.digests} digest(s) queued"
        )


def _hours(value: int) -> datetime.timedelta:
    return datetime.timedelta(hours=value)


def _seconds(value: int) -> datetime.timedelta:
    return datetime.timedelta(seconds=value)


def reminders_sweep(*, now: datetime.datetime | None = None) -> SweepResult:
    """One sweep: record the reminders that fell due since the last one, then queue every recorded
    one not yet sent.

    Cost: a constant number of queries; the rows read grow with the reminders due now, not with
    the deadlines. Two sweeps at once are serialized by the watermark row (and the unique key)."""
    now = now or timezone.now()
    result = SweepResult()
    with transaction.atomic():
        mark = ReminderSweep.objects.select_for_update().filter(pk=1).first()
        oldest = now - _hours(settings.REMINDER_LOOKBACK_HOURS)
        since = max(min(mark.covered_until, now), oldest) if mark else oldest
        _record_due(since, now, result)
        if mark is None:
            ReminderSweep.objects.get_or_create(pk=1, defaults={"covered_until": now})
        if mark is not None and now > mark.covered_until:
            ReminderSweep.objects.filter(pk=1, covered_until__lt=now).update(covered_until=now)
        reminder_ids, digest_ids = _dispatch(now, result)
        # Queue after the commit, so a worker never looks for a row it cannot see yet.
        if reminder_ids:
            transaction.on_commit(lambda: _queue_reminders(reminder_ids))
        if digest_ids:
            transaction.on_commit(lambda: _queue_digests(digest_ids))
    return result


def _record_due(since: datetime.datetime, now: datetime.datetime, result: SweepResult) -> None:
    planned = planned_reminders(start=since, end=now, armed_since=since)
    if not planned:
        return
    # Per deadline and person only the newest due reminder counts: after an outage or a date
    # moved earlier, one reminder goes out, not the whole backlog. (Quiet hours do not stop the
    # recording, only the sending: see _dispatch.)
    newest: dict[tuple[int, int], PlannedReminder] = {}
    for p in planned:
        key = (p.deadline.pk, p.recipient_id)
        if key not in newest or p.due_at >= newest[key].due_at:
            newest[key] = p
    existing = set(
        Reminder.objects.filter(deadline_id__in={p.deadline.pk for p in newest.values()}).values_list(
            "deadline_id", "kind", "offset_days", "recipient_id", "due_date"
        )
    )
    missed_before = now - _hours(settings.REMINDER_MISSED_AFTER_HOURS)
    rows = []
    for p in newest.values():
        if p.key in existing:
            continue
        late = p.owed_at < missed_before
        rows.append(
            Reminder(
                congress_id=p.deadline.congress_id,
                deadline_id=p.deadline.pk,
                recipient_id=p.recipient_id,
                kind=p.kind,
                offset_days=p.offset_days,
                due_date=p.deadline.due_date,
                due_at=p.due_at,
                owed_at=p.owed_at,
                escalation=p.escalation,
                state=DeliveryState.MISSED if late else DeliveryState.SCHEDULED,
                note=_missed_note() if late else "",
            )
        )
        result.missed += late
        result.recorded += 1
    # A concurrent sweep may have recorded the same keys: the unique constraint keeps one.
    Reminder.objects.bulk_create(rows, ignore_conflicts=True)


def _missed_note() -> str:
    return _("Not sent: more than %(hours)d hours late.") % {"hours": settings.REMINDER_MISSED_AFTER_HOURS}


def _dispatch(now: datetime.datetime, result: SweepResult) -> tuple[list[int], list[int]]:
    """Recorded rows to (re)queue: new ones, ones whose message was lost (queued long ago and still
    scheduled), ones whose worker died while sending (claim older than the lease).

    Written as conditions, never as lists of ids, so the number of queries stays the same however
    many rows fall due at once."""
    result.released = Reminder.objects.filter(
        state=DeliveryState.SENDING, claimed_at__lt=now - _seconds(settings.REMINDER_CLAIM_LEASE_SECONDS)
    ).update(state=DeliveryState.SCHEDULED, queued_at=None, claimed_at=None)
    stale = now - _seconds(settings.REMINDER_REQUEUE_AFTER_SECONDS)
    waiting = Q(state=DeliveryState.SCHEDULED) & (Q(queued_at__isnull=True) | Q(queued_at__lt=stale))
    if not Reminder.objects.filter(waiting).exists():
        return [], _digests_due(now, result)
    result.missed += Reminder.objects.filter(
        waiting, manual=False, owed_at__lt=now - _hours(settings.REMINDER_MISSED_AFTER_HOURS)
    ).update(state=DeliveryState.MISSED, note=_missed_note())
    # Congresses in their quiet hours keep their rows for the morning (a manual "send now" goes).
    local = timezone.localtime(now).time()
    quiet = [pk for pk, policy in _policies().items() if policy.in_quiet_hours(local)]
    ready = Reminder.objects.filter(waiting).exclude(congress_id__in=quiet, manual=False)
    ids = list(ready.order_by("due_at", "id").values_list("id", flat=True))
    result.queued = ready.update(queued_at=now)
    return ids, _digests_due(now, result)


def _digests_due(now: datetime.datetime, result: SweepResult) -> list[int]:
    """Create today's digest for each person with reminders waiting for one, once their digest
    time has passed; return the digests to (re)queue."""
    pending = set(
        Reminder.objects.filter(state=DeliveryState.SENT, email_mode=EmailMode.DIGEST, digest__isnull=True).values_list(
            "recipient_id", flat=True
        )
    )
    local = timezone.localtime(now)
    if pending:
        times = dict(NotificationSettings.objects.filter(user_id__in=pending).values_list("user_id", "digest_time"))
        due = [u for u in pending if local.time() >= times.get(u, datetime.time(8, 0))]
        Digest.objects.bulk_create([Digest(recipient_id=u, day=local.date()) for u in due], ignore_conflicts=True)
    stale = now - _seconds(settings.REMINDER_REQUEUE_AFTER_SECONDS)
    Digest.objects.filter(
        state=DeliveryState.SENDING, claimed_at__lt=now - _seconds(settings.REMINDER_CLAIM_LEASE_SECONDS)
    ).update(state=DeliveryState.SCHEDULED, queued_at=None, claimed_at=None)
    ready = Digest.objects.filter(Q(queued_at__isnull=True) | Q(queued_at__lt=stale), state=DeliveryState.SCHEDULED)
    ids = list(ready.order_by("id").values_list("id", flat=True))
    result.digests = ready.update(queued_at=now) if ids else 0
    return ids


# The broker being down must not fail the sweep: the rows stay scheduled and a later sweep
# queues them again once REMINDER_REQUEUE_AFTER_SECONDS have passed.
def _broker_errors() -> tuple[type[BaseException], ...]:
    from kombu.exceptions import OperationalError

    return (OperationalError, ConnectionError, OSError, TimeoutError)


def _queue_reminders(ids: list[int]) -> None:
    from congress.tasks import send_reminder

    for pk in ids:
        try:
            send_reminder.apply_async(kwargs={"reminder_id": pk})
        except _broker_errors() as error:
            logger.warning("Broker unavailable, %d reminder(s) left for the next sweep: %s", len(ids), error)
            return


def _queue_digests(ids: list[int]) -> None:
    from congress.tasks import send_digest

    for pk in ids:
        try:
            send_digest.apply_async(kwargs={"digest_id": pk})
        except _broker_errors() as error:
            logger.warning("Broker unavailable, %d digest(s) left for the next sweep: %s", len(ids), error)
            return


# --- the secretariat's hand on a reminder: send now, skip


def reminder_key_check(
    *,
    congress: Congress,
    deadline_id: int,
    kind: str,
    offset_days: int,
    recipient_id: int,
    due_date: datetime.date,
) -> PlannedReminder:
    """The planned reminder with this key (within the coming year), or ValidationError."""
    try:
        deadline = Deadline.objects.get(congress=congress, pk=deadline_id)
    except Deadline.DoesNotExist:
        raise ValidationError(_("This deadline no longer exists.")) from None
    if deadline.done:
        raise ValidationError(_("This deadline is done: there is nothing to remind."))
    if deadline.due_date != due_date:
        raise ValidationError(_("The deadline has moved since this page was shown; reload the page."))
    deadline = Deadline.objects.select_related("assignee", "group__leader", "congress").get(pk=deadline.pk)
    policy = policy_for(congress)
    until = timezone.localdate() + datetime.timedelta(days=ESCALATION_HORIZON_DAYS)
    for planned in plan_deadline(
        deadline, policy=policy, calendar=work_calendar(), recipients=Recipients.load([deadline]), until=until
    ):
        if planned.key == (deadline_id, kind, offset_days, recipient_id, due_date):
            return planned
    raise ValidationError(_("This reminder is not (or no longer) planned for this deadline."))


@transaction.atomic
def reminder_send_now(*, congress: Congress, by, reminder: Reminder | None = None, **key) -> Reminder:
    """Send a reminder at once: a planned one (recorded now), or a failed, missed or skipped one
    again. Its key stays unique, so the sweep will not send it a second time."""
    now = timezone.now()
    if reminder is None:
        planned = reminder_key_check(congress=congress, **key)
        reminder = Reminder.objects.filter(
            deadline_id=planned.deadline.pk,
            kind=planned.kind,
            offset_days=planned.offset_days,
            recipient_id=planned.recipient_id,
            due_date=planned.deadline.due_date,
        ).first() or Reminder(
            congress=congress,
            deadline=planned.deadline,
            recipient_id=planned.recipient_id,
            kind=planned.kind,
            offset_days=planned.offset_days,
            due_date=planned.deadline.due_date,
            due_at=planned.due_at,
            owed_at=max(planned.due_at, now),
            escalation=planned.escalation,
        )
    reminder = _locked(reminder)
    if reminder.state in (DeliveryState.SENT, DeliveryState.SENDING):
        raise ValidationError(_("This reminder has already been sent."))
    if reminder.deadline.done:
        raise ValidationError(_("This deadline is done: there is nothing to remind."))
    reminder.state = DeliveryState.SCHEDULED
    reminder.manual = True
    reminder.queued_at = now
    reminder.claimed_at = None
    reminder.handled_by = by
    reminder.note = _("Sent by hand.")
    reminder.save()
    pk = reminder.pk
    transaction.on_commit(lambda: _queue_reminders([pk]))
    return reminder


@transaction.atomic
def reminder_skip(*, congress: Congress, by, reminder: Reminder | None = None, **key) -> Reminder:
    """Do not send a reminder: a planned one is recorded as skipped, so no sweep sends it."""
    if reminder is None:
        planned = reminder_key_check(congress=congress, **key)
        reminder = Reminder.objects.filter(
            deadline_id=planned.deadline.pk,
            kind=planned.kind,
            offset_days=planned.offset_days,
            recipient_id=planned.recipient_id,
            due_date=planned.deadline.due_date,
        ).first() or Reminder(
            congress=congress,
            deadline=planned.deadline,
            recipient_id=planned.recipient_id,
            kind=planned.kind,
            offset_days=planned.offset_days,
            due_date=planned.deadline.due_date,
            due_at=planned.due_at,
            owed_at=planned.due_at,
            escalation=planned.escalation,
        )
    reminder = _locked(reminder)
    if reminder.state in (DeliveryState.SENT, DeliveryState.SENDING):
        raise ValidationError(_("This reminder has already been sent."))
    if reminder.state == DeliveryState.SKIPPED:
        raise ValidationError(_("This reminder is already skipped."))
    reminder.state = DeliveryState.SKIPPED
    reminder.handled_by = by
    reminder.note = _("Skipped by %(name)s.") % {"name": by}
    reminder.save()
    return reminder


def _locked(reminder: Reminder) -> Reminder:
    """The row re-read under a lock (an existing one), so a worker cannot claim it meanwhile."""
    if reminder.pk is None:
        return reminder
    return Reminder.objects.select_for_update().select_related("deadline").get(pk=reminder.pk)
