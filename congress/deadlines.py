"""Deadlines: one row per dated obligation of any app, written only through these functions.

Other apps register their dates here from the service that writes the source object:

    from congress.deadlines import deadline_upsert, deadline_remove

    deadline_upsert(source=review_round, key="close", congress=review_round.draft.congress,
                    kind=DeadlineKind.REVIEW_ROUND, title=..., due_date=review_round.closes_on,
                    done=review_round.is_closed, subcommittee=documents_subcommittee,
                    url=review_round.get_absolute_url())
    deadline_remove(source=review_round)            # every deadline of that object
    deadline_remove(source=review_round, key="close")

The reminder sweep (congress/reminders.py) reads only this table. Who is reminded: the
`assignee`; else the `group`'s leader (or its members); else the `subcommittee`'s head, deputies
and secretary; else the secretariat. Overdue notices also go to the subcommittee head.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congress.models import Congress, CongressRole, Deadline, DeadlineKind, Milestone, Role


def _source_of(source: models.Model) -> tuple[str, int]:
    if source is None or source.pk is None:
        raise ValueError("A deadline's source must be a saved model instance.")
    return source._meta.label_lower, source.pk


@transaction.atomic
def deadline_upsert(
    *,
    source: models.Model,
    congress: Congress,
    title: str,
    due_date: datetime.date,
    kind: str = DeadlineKind.OTHER,
    key: str = "",
    done: bool = False,
    assignee=None,
    group=None,
    subcommittee=None,
    url: str = "",
) -> Deadline:
    """Create or update the deadline of `source` (and `key`, for objects with several dates).

    Moving the date or reopening re-arms the reminders: those of the new date are owed from now,
    so a date moved later reminds again, and one moved earlier does not flood stale reminders.
    """
    if due_date is None:
        raise ValidationError({"due_date": _("A deadline needs a due date.")})
    if group is not None and group.subcommittee.congress_id != congress.pk:
        raise ValidationError({"group": _("This working group belongs to another congress.")})
    if subcommittee is not None and subcommittee.congress_id != congress.pk:
        raise ValidationError({"subcommittee": _("This subcommittee belongs to another congress.")})
    if subcommittee is None and group is not None:
        subcommittee = group.subcommittee
    source_type, source_id = _source_of(source)
    values = {
        "congress": congress,
        "kind": kind,
        "title": title[:255],
        "url": url or "",
        "due_date": due_date,
        "done": bool(done),
        "assignee": assignee,
        "group": group,
        "subcommittee": subcommittee,
    }
    deadline = (
        Deadline.objects.select_for_update()
        .filter(source_type=source_type, source_id=source_id, source_key=key)
        .first()
    )
    if deadline is None:
        return Deadline.objects.create(source_type=source_type, source_id=source_id, source_key=key, **values)
    rearm = deadline.due_date != due_date or (deadline.done and not done)
    changed = [name for name, value in values.items() if getattr(deadline, name) != value]
    for name in changed:
        setattr(deadline, name, values[name])
    if rearm:
        deadline.armed_at = timezone.now()
        changed.append("armed_at")
    if changed:
        deadline.save(update_fields=[*changed, "updated_at"])
    return deadline


def deadline_remove(*, source: models.Model, key: str | None = None) -> int:
    """Remove the deadlines of `source` (only `key`'s when given); their reminders go with them."""
    source_type, source_id = _source_of(source)
    rows = Deadline.objects.filter(source_type=source_type, source_id=source_id)
    if key is not None:
        rows = rows.filter(source_key=key)
    count, _by_model = rows.delete()
    return count


def deadline_sync_task(*, task) -> Deadline:
    """The deadline of a task of the work plan (called by subcommittees.services.task_save)."""
    from subcommittees.models import TaskStatus

    return deadline_upsert(
        source=task,
        congress=task.congress,
        kind=DeadlineKind.TASK,
        title=task.title,
        due_date=task.due_date,
        done=task.status == TaskStatus.DONE,
        assignee=task.assignee,
        group=task.group,
        subcommittee=task.subcommittee,
        url=task.get_absolute_url(),
    )


def deadline_sync_milestone(*, milestone: Milestone) -> Deadline:
    """The deadline of a milestone; milestones without a responsible subcommittee fall to the secretariat."""
    from django.urls import reverse

    return deadline_upsert(
        source=milestone,
        congress=milestone.congress,
        kind=DeadlineKind.MILESTONE,
        title=milestone.title,
        due_date=milestone.due_date,
        done=milestone.done_at is not None,
        subcommittee=milestone.responsible,
        url=reverse("milestone_list", kwargs={"congress": milestone.congress.slug}),
    )


def deadlines_rebuild(*, congress: Congress) -> int:
    """Re-sync every task, milestone and review round of a congress (after edits that bypassed the
    services, e.g. in the admin); drops deadlines whose source is gone. Returns the count kept."""
    from django.apps import apps

    from subcommittees.models import Task

    kept: set[int] = set()
    for task in Task.objects.filter(congress=congress).select_related("congress", "assignee", "group", "subcommittee"):
        kept.add(deadline_sync_task(task=task).pk)
    for milestone in Milestone.objects.filter(congress=congress).select_related("congress", "responsible"):
        kept.add(deadline_sync_milestone(milestone=milestone).pk)
    congress.deadlines.filter(source_type__in=["subcommittees.task", "congress.milestone"]).exclude(
        pk__in=kept
    ).delete()
    count = len(kept)
    if apps.is_installed("documents"):
        from documents.services import rounds_deadlines_rebuild

        count += rounds_deadlines_rebuild(congress=congress)
    return count


# --- who is reminded


@dataclass
class Recipients:
    """Who a set of deadlines reminds, read in a fixed number of queries whatever their number."""

    deadlines: list[Deadline]
    managers: dict[int, list[int]] = field(default_factory=dict)  # subcommittee → head, deputies, secretary
    heads: dict[int, int] = field(default_factory=dict)  # subcommittee → head
    group_members: dict[int, list[int]] = field(default_factory=dict)
    leads: dict[int, list[int]] = field(default_factory=dict)  # congress → secretariat lead(s)
    staff: dict[int, list[int]] = field(default_factory=dict)  # congress → lead(s) and staff
    active: set[int] = field(default_factory=set)

    @classmethod
    def load(cls, deadlines: Iterable[Deadline]) -> Recipients:
        """`deadlines` must come with select_related("assignee", "group__leader")."""
        from subcommittees.models import MANAGING_ROLES, MemberRole, Membership, WorkingGroup

        deadlines = list(deadlines)
        found = cls(deadlines=deadlines)
        if not deadlines:
            return found
        subcommittees = {_subcommittee_id(d) for d in deadlines} - {None}
        rows = Membership.objects.filter(
            subcommittee_id__in=subcommittees, role__in=MANAGING_ROLES, user__is_active=True
        ).values_list("subcommittee_id", "user_id", "role", "user__name_key")
        by_subcommittee: dict[int, list[tuple[int, str, int]]] = defaultdict(list)
        order = {MemberRole.HEAD: 0, MemberRole.DEPUTY: 1, MemberRole.SECRETARY: 2}
        for subcommittee_id, user_id, role, name_key in rows:
            by_subcommittee[subcommittee_id].append((order.get(role, 9), name_key, user_id))
            if role == MemberRole.HEAD:
                found.heads[subcommittee_id] = user_id
        found.managers = {sid: [u for _o, _n, u in sorted(people)] for sid, people in by_subcommittee.items()}
        leaderless = {d.group_id for d in deadlines if d.group_id and not _active_leader(d)}
        if leaderless:
            through = WorkingGroup.members.through
            for group_id, user_id in (
                through.objects.filter(workinggroup_id__in=leaderless, user__is_active=True)
                .order_by("user__name_key")
                .values_list("workinggroup_id", "user_id")
            ):
                found.group_members.setdefault(group_id, []).append(user_id)
        roles = CongressRole.objects.filter(
            congress_id__in={d.congress_id for d in deadlines},
            role__in=[Role.SECRETARIAT_LEAD, Role.SECRETARIAT],
            user__is_active=True,
        ).order_by("user__name_key", "user_id")
        for congress_id, user_id, role in roles.values_list("congress_id", "user_id", "role"):
            if role == Role.SECRETARIAT_LEAD:
                found.leads.setdefault(congress_id, []).append(user_id)
            if user_id not in found.staff.setdefault(congress_id, []):
                found.staff[congress_id].append(user_id)
        return found

    def responsible(self, deadline: Deadline) -> list[int]:
        """The people who answer for the deadline."""
        if deadline.assignee_id and deadline.assignee.is_active:
            return [deadline.assignee_id]
        if deadline.group_id:
            leader = _active_leader(deadline)
            if leader:
                return [leader]
            if self.group_members.get(deadline.group_id):
                return list(self.group_members[deadline.group_id])
        managers = self.managers.get(_subcommittee_id(deadline))
        if managers:
            return list(managers)
        return list(self.staff.get(deadline.congress_id, []))

    def escalation(self, deadline: Deadline) -> list[int]:
        """Who hears of an overdue deadline besides the responsible: the subcommittee head,
        else the secretariat lead."""
        head = self.heads.get(_subcommittee_id(deadline))
        if head:
            return [head]
        return list(self.leads.get(deadline.congress_id) or self.staff.get(deadline.congress_id, []))


def _subcommittee_id(deadline: Deadline) -> int | None:
    if deadline.subcommittee_id:
        return deadline.subcommittee_id
    if deadline.group_id:
        return deadline.group.subcommittee_id
    return None


def _active_leader(deadline: Deadline) -> int | None:
    group = deadline.group
    if group is not None and group.leader_id and group.leader.is_active:
        return group.leader_id
    return None
