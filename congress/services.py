"""Writes on the congress, its organizations and milestones; the congress rules live here."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from congress.deadlines import deadline_sync_milestone
from congress.models import Congress, Milestone, MilestoneKind, PartyOrganization
from congress.workdays import working_days_before

DOSSIER_WORKING_DAYS = 15
ANNOUNCEMENT_WORKING_DAYS = 30


def congress_rule_errors(
    *,
    opening_date: datetime.date | None,
    closing_date: datetime.date | None,
    cutoff_date: datetime.date | None,
    max_days: int | None,
    executive_committee_size: int | None,
    standing_committee_size: int | None,
) -> dict[str, str]:
    """The congress rules as field → message; empty when everything holds."""
    errors: dict[str, str] = {}
    if opening_date and closing_date:
        if closing_date < opening_date:
            errors["closing_date"] = _("The closing date cannot be before the opening date.")
        elif max_days and (closing_date - opening_date).days + 1 > max_days:
            errors["closing_date"] = _(
                "The congress may last at most %(max)d days; these dates make %(days)d days."
            ) % {"max": max_days, "days": (closing_date - opening_date).days + 1}
    if closing_date and cutoff_date and closing_date > cutoff_date:
        errors.setdefault(
            "closing_date",
            _("The congress must finish by %(cutoff)s.") % {"cutoff": cutoff_date.strftime("%d/%m/%Y")},
        )
    if opening_date and cutoff_date and opening_date > cutoff_date and "closing_date" not in errors:
        errors["opening_date"] = _("The opening cannot be after the cutoff date %(cutoff)s.") % {
            "cutoff": cutoff_date.strftime("%d/%m/%Y")
        }
    if executive_committee_size is not None and standing_committee_size is not None:
        if standing_committee_size * 3 > executive_committee_size:
            errors["standing_committee_size"] = _(
                "The Standing Committee may have at most one third of the executive committee (%(max)d of %(exec)d)."
            ) % {"max": executive_committee_size // 3, "exec": executive_committee_size}
    if max_days is not None and max_days < 1:
        errors["max_days"] = _("The congress lasts at least one day.")
    return errors


def _check(congress: Congress) -> None:
    errors = congress_rule_errors(
        opening_date=congress.opening_date,
        closing_date=congress.closing_date,
        cutoff_date=congress.cutoff_date,
        max_days=congress.max_days,
        executive_committee_size=congress.executive_committee_size,
        standing_committee_size=congress.standing_committee_size,
    )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def congress_save(*, congress: Congress) -> Congress:
    """Create or update a congress after checking its rules; derived milestones follow its dates."""
    _check(congress)
    congress.save()
    milestones_sync_derived(congress=congress)
    return congress


def milestones_sync_derived(*, congress: Congress) -> None:
    """Keep the milestones that follow from the congress dates (dossiers, announcement, opening, cutoff).

    Their titles are stored in the congress's working language (Vietnamese), like every other title.
    """
    with translation.override(settings.LANGUAGE_CODE):
        _sync_derived(congress)


def _sync_derived(congress: Congress) -> None:
    derived: dict[str, tuple[str, datetime.date | None]] = {
        MilestoneKind.CUTOFF: (_("Congress finished (cutoff)"), congress.cutoff_date),
    }
    if congress.opening_date:
        opening = congress.opening_date
        derived[MilestoneKind.CONGRESS] = (_("Congress opens"), opening)
        derived[MilestoneKind.DOSSIERS_DUE] = (
            _("Candidacy dossiers from non-delegates due"),
            working_days_before(opening, DOSSIER_WORKING_DAYS),
        )
        derived[MilestoneKind.OPENING_ANNOUNCED] = (
            _("Opening date announced"),
            working_days_before(opening, ANNOUNCEMENT_WORKING_DAYS),
        )
    existing = {m.kind: m for m in congress.milestones.filter(kind__in=list(derived))}
    for kind, (title, due) in derived.items():
        milestone = existing.get(kind)
        if milestone is None:
            milestone = Milestone.objects.create(congress=congress, kind=kind, title=title, due_date=due)
        elif milestone.due_date != due:
            milestone.due_date = due
            milestone.save(update_fields=["due_date"])
        deadline_sync_milestone(milestone=milestone)


def milestone_check(*, milestone: Milestone) -> None:
    congress = milestone.congress
    if milestone.due_date and milestone.due_date > congress.cutoff_date:
        raise ValidationError(
            {
                "due_date": _("This date is after the cutoff %(cutoff)s; everything must be done by then.")
                % {"cutoff": congress.cutoff_date.strftime("%d/%m/%Y")}
            }
        )


@transaction.atomic
def milestone_save(*, milestone: Milestone) -> Milestone:
    milestone_check(milestone=milestone)
    milestone.save()
    deadline_sync_milestone(milestone=milestone)
    return milestone


@transaction.atomic
def milestone_toggle_done(*, milestone: Milestone) -> Milestone:
    """Mark a milestone done today, or reopen it; its reminders stop or resume."""
    milestone.done_at = None if milestone.done_at else timezone.localdate()
    milestone.save(update_fields=["done_at"])
    deadline_sync_milestone(milestone=milestone)
    return milestone


def organization_save(*, organization: PartyOrganization) -> PartyOrganization:
    if organization.parent_id:
        parent = organization.parent
        if parent.congress_id != organization.congress_id:
            raise ValidationError({"parent": _("The parent organization belongs to another congress.")})
        node = parent
        while node is not None:
            if organization.pk and node.pk == organization.pk:
                raise ValidationError({"parent": _("An organization cannot be placed under itself.")})
            node = node.parent
    duplicate = PartyOrganization.objects.filter(
        congress_id=organization.congress_id, parent_id=organization.parent_id, name=organization.name
    ).exclude(pk=organization.pk)
    if duplicate.exists():
        raise ValidationError({"name": _("An organization with this name already exists at this place in the tree.")})
    if organization.code and (
        PartyOrganization.objects.filter(congress_id=organization.congress_id, code=organization.code)
        .exclude(pk=organization.pk)
        .exists()
    ):
        raise ValidationError({"code": _("This code is already used by another organization.")})
    organization.save()
    return organization
