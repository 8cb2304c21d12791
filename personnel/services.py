"""Writes on party members, delegates, seats, credentials, sessions and check-in.

Every rule that depends on a count (the delegate cap, the seat cap, an organization's seats) is
checked inside a transaction that first locks the congress row (select_for_update), so two clerks
saving at once are serialized and cannot exceed it together.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from congress.models import Congress, OrganizationKind, PartyOrganization
from personnel.allocation import allocate_seats
from personnel.models import (
    CheckIn,
    CheckInMethod,
    CredentialStatus,
    Delegate,
    DelegateKind,
    MemberStatus,
    NotSummonedReason,
    Person,
    SeatAllocation,
    Session,
    Substitution,
    person_derived_columns,
)

GRASSROOTS_KINDS = (OrganizationKind.GRASSROOTS_COMMITTEE, OrganizationKind.GRASSROOTS_CELL)
MIN_JOINING_AGE = 18

# A member's status that keeps a delegate from being summoned.
STATUS_NOT_SUMMONED = {
    MemberStatus.SUSPENDED: NotSummonedReason.SUSPENDED,
    MemberStatus.CHARGED: NotSummonedReason.CHARGED,
    MemberStatus.RETIRED: NotSummonedReason.RETIRED,
    MemberStatus.TRANSFERRED: NotSummonedReason.TRANSFERRED,
}
_DERIVED_REASONS = set(STATUS_NOT_SUMMONED.values())


def lock_congress(congress: Congress) -> Congress:
    """Serialize writers of one congress's counted rules (the row lock lasts until the transaction ends)."""
    return Congress.objects.select_for_update().get(pk=congress.pk)


def _date(value: datetime.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


# --- party members


def person_rule_errors(
    *,
    birth_date: datetime.date | None,
    birth_year: int | None,
    joined_on: datetime.date | None,
    official_on: datetime.date | None,
    status: str,
    today: datetime.date | None = None,
) -> dict[str, str]:
    """The dates of a member record as field → message (shared by the form, the service and the import)."""
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    year = birth_date.year if birth_date else birth_year
    if birth_date and birth_date > today:
        errors["birth_date"] = _("The date of birth is in the future.")
    elif year is not None and not 1900 <= year <= today.year:
        errors["birth_year"] = _("The year of birth %(year)s is not plausible.") % {"year": year}
    if joined_on:
        if joined_on > today:
            errors["joined_on"] = _("The date of joining the Party is in the future.")
        elif year is not None and "birth_date" not in errors and "birth_year" not in errors:
            # A year-only birth counts from 1 January.
            born = birth_date or datetime.date(year, 1, 1)
            if joined_on <= born:
                errors["joined_on"] = _("Born after joining the Party: the dates of birth and joining are swapped?")
            else:
                age = joined_on.year - born.year - ((joined_on.month, joined_on.day) < (born.month, born.day))
                if age < MIN_JOINING_AGE:
                    errors["joined_on"] = _(
                        "Joined the Party at %(age)s, before the age of %(min)s (born %(born)s, joined %(joined)s)."
                    ) % {
                        "age": age,
                        "min": MIN_JOINING_AGE,
                        "born": _date(birth_date) or str(year),
                        "joined": _date(joined_on),
                    }
    if official_on:
        if joined_on and official_on < joined_on:
            errors["official_on"] = _("The official-member date is before the date of joining the Party.")
        elif official_on > today:
            errors["official_on"] = _("The official-member date is in the future.")
        if status == MemberStatus.PROBATIONARY:
            errors.setdefault("status", _("A probationary member has no official-member date yet."))
    return errors


def person_check(*, person: Person) -> None:
    errors = person_rule_errors(
        birth_date=person.birth_date,
        birth_year=person.birth_year,
        joined_on=person.joined_on,
        official_on=person.official_on,
        status=person.status,
    )
    if not (person.full_name or "").strip():
        errors["full_name"] = _("Enter the full name.")
    if person.birth_date is None and person.birth_year is None:
        errors["birth_year"] = _("Enter the date of birth, or at least the year.")
    if person.organization_id and person.organization.congress_id != person.congress_id:
        errors["organization"] = _("This party organization belongs to another congress.")
    if person.member_number:
        clash = Person.objects.filter(congress_id=person.congress_id, member_number=person.member_number)
        if person.pk:
            clash = clash.exclude(pk=person.pk)
        if clash.exists():
            errors["member_number"] = _("Another party member already has the card number %(number)s.") % {
                "number": person.member_number
            }
    if person.pk and person.status == MemberStatus.PROBATIONARY and person.delegacies.exists():
        errors["status"] = _(
            "This member is a delegate; a probationary member can be neither a delegate nor a candidate."
        )
    if errors:
        raise ValidationError(errors)


def person_normalize(person: Person) -> None:
    """Derived columns; bulk imports call this too, so the sort key and search text never drift."""
    person.full_name = " ".join((person.full_name or "").split())
    person.member_number = (person.member_number or "").strip()
    if person.birth_date:
        person.birth_year = person.birth_date.year
    person.name_key, person.name_folded = person_derived_columns(person.full_name)


@transaction.atomic
def person_save(*, person: Person) -> Person:
    person_normalize(person)
    person_check(person=person)
    person.save()
    for delegate in person.delegacies.all():
        delegate_sync_flags(delegate=delegate, person=person)
    return person


# --- delegates


def grassroots_of(organization: PartyOrganization, by_id: dict[int, PartyOrganization] | None = None):
    """The grassroots organization a member's cell belongs to (its delegation)."""
    node = organization
    seen = set()
    while node.kind not in GRASSROOTS_KINDS and node.parent_id and node.pk not in seen:
        seen.add(node.pk)
        node = by_id[node.parent_id] if by_id and node.parent_id in by_id else node.parent
    return node if node.kind in GRASSROOTS_KINDS else organization


def not_summoned_for(person: Person) -> str:
    return STATUS_NOT_SUMMONED.get(person.status, "")


def delegate_sync_flags(*, delegate: Delegate, person: Person | None = None) -> None:
    """Flag (or unflag) a delegate whose member status keeps him or her from being summoned.

    Manual reasons (elected in breach of the rules) are never overwritten.
    """
    person = person or delegate.person
    derived = not_summoned_for(person)
    if delegate.not_summoned and delegate.not_summoned not in _DERIVED_REASONS:
        return
    if delegate.not_summoned != derived:
        delegate.not_summoned = derived
        delegate.save(update_fields=["not_summoned", "updated_at"])


def official_delegate_count(congress: Congress) -> int:
    return Delegate.objects.filter(congress=congress, is_alternate=False).count()


def next_delegate_number(congress: Congress) -> int:
    return (Delegate.objects.filter(congress=congress).aggregate(m=Max("number"))["m"] or 0) + 1


def delegate_rule_errors(
    *,
    congress: Congress,
    person: Person,
    kind: str,
    organization: PartyOrganization,
    is_alternate: bool,
    number: int | None,
    exclude_pk: int | None = None,
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if person.congress_id != congress.pk:
        errors["person"] = _("This party member is recorded in another congress.")
        return errors
    if person.status == MemberStatus.PROBATIONARY:
        errors["person"] = _(
            "%(name)s is a probationary member; probationary members can be neither delegates nor candidates."
        ) % {"name": person.full_name}
    others = Delegate.objects.filter(congress=congress)
    if exclude_pk:
        others = others.exclude(pk=exclude_pk)
    if others.filter(person=person).exists():
        errors["person"] = _("%(name)s is already a delegate of this congress.") % {"name": person.full_name}
    if organization.congress_id != congress.pk:
        errors["organization"] = _("This party organization belongs to another congress.")
    if kind == DelegateKind.EX_OFFICIO and not person.is_executive_member:
        errors["kind"] = _(
            "Only members of the outgoing executive committee are ex-officio delegates; "
            "mark %(name)s as a committee member first."
        ) % {"name": person.full_name}
    if is_alternate and kind != DelegateKind.ELECTED:
        errors["is_alternate"] = _("Only elected delegates have alternates.")
    if number is not None:
        if number < 1:
            errors["number"] = _("The delegate number starts at 1.")
        elif others.filter(number=number).exists():
            errors["number"] = _("Another delegate already has the number %(number)s.") % {"number": number}
    return errors


def _check_counts(*, congress: Congress, organization: PartyOrganization, kind: str, adding: int = 1) -> None:
    """The delegate cap and the organization's seats; call with the congress row locked."""
    count = official_delegate_count(congress)
    if count + adding > congress.max_delegates:
        raise ValidationError(
            {
                "person": _(
                    "The congress may have at most %(max)s delegates and already has %(count)s; "
                    "no delegate can be added."
                )
                % {"max": congress.max_delegates, "count": count}
            }
        )
    if kind == DelegateKind.ELECTED:
        allocation = SeatAllocation.objects.filter(congress=congress, organization=organization).first()
        if allocation is not None:
            taken = Delegate.objects.filter(
                congress=congress, organization=organization, kind=DelegateKind.ELECTED, is_alternate=False
            ).count()
            if taken + adding > allocation.seats:
                raise ValidationError(
                    {
                        "organization": _("%(org)s elects %(seats)s delegates and %(taken)s are already registered.")
                        % {"org": organization.name, "seats": allocation.seats, "taken": taken}
                    }
                )


@transaction.atomic
def delegate_register(
    *,
    congress: Congress,
    person: Person,
    kind: str,
    organization: PartyOrganization | None = None,
    number: int | None = None,
    is_alternate: bool = False,
    alternate_rank: int | None = None,
    notes: str = "",
) -> Delegate:
    """Register a delegate (or an alternate); official delegates get the next number unless given one."""
    congress = lock_congress(congress)
    organization = organization or grassroots_of(person.organization)
    errors = delegate_rule_errors(
        congress=congress,
        person=person,
        kind=kind,
        organization=organization,
        is_alternate=is_alternate,
        number=number,
    )
    if errors:
        raise ValidationError(errors)
    if not is_alternate:
        _check_counts(congress=congress, organization=organization, kind=kind)
        if number is None:
            number = next_delegate_number(congress)
    delegate = Delegate(
        congress=congress,
        person=person,
        kind=kind,
        organization=organization,
        number=number,
        is_alternate=is_alternate,
        alternate_rank=alternate_rank if is_alternate else None,
        not_summoned=not_summoned_for(person),
        notes=notes,
    )
    delegate.save()
    return delegate


@transaction.atomic
def delegate_update(
    *, delegate: Delegate, number: int | None, not_summoned: str, absence_reason: str, notes: str
) -> Delegate:
    """What the secretariat changes after registration: number, the not-summoned flag, absence, notes."""
    congress = lock_congress(delegate.congress)
    errors: dict[str, str] = {}
    if number is not None:
        if number < 1:
            errors["number"] = _("The delegate number starts at 1.")
        elif Delegate.objects.filter(congress=congress, number=number).exclude(pk=delegate.pk).exists():
            errors["number"] = _("Another delegate already has the number %(number)s.") % {"number": number}
    elif not delegate.is_alternate and Delegate.objects.filter(pk=delegate.pk, number__isnull=False).exists():
        # Badges and check-in by number need it: clearing it dropped the delegate from both without a word.
        # (The stored row decides: a ModelForm has already written the empty value on the instance.)
        errors["number"] = _("An official delegate keeps a delegate number: type a new number instead of clearing it.")
    derived = not_summoned_for(delegate.person)
    if derived and not not_summoned:
        errors["not_summoned"] = _(
            "The member's status (%(status)s) keeps this delegate from being summoned; change the member record first."
        ) % {"status": delegate.person.get_status_display()}
    if errors:
        raise ValidationError(errors)
    delegate.number = number
    delegate.not_summoned = not_summoned
    delegate.absence_reason = absence_reason.strip()
    delegate.notes = notes
    delegate.save()
    return delegate


@transaction.atomic
def delegates_add_ex_officio(*, congress: Congress) -> list[Delegate]:
    """Add every member of the outgoing executive committee who is not yet a delegate, in ballot order."""
    congress = lock_congress(congress)
    people = (
        Person.objects.filter(congress=congress, is_executive_member=True)
        .exclude(delegacies__congress=congress)
        .select_related("organization")
        .order_by("name_key", "id")
    )
    people = list(people)
    if not people:
        raise ValidationError(_("Every member of the outgoing executive committee is already a delegate."))
    probationary = [p.full_name for p in people if p.status == MemberStatus.PROBATIONARY]
    if probationary:
        raise ValidationError(
            _("Probationary members cannot be delegates: %(names)s. Correct their records first.")
            % {"names": ", ".join(probationary)}
        )
    count = official_delegate_count(congress)
    if count + len(people) > congress.max_delegates:
        raise ValidationError(
            _("Adding the %(n)s committee members would make %(total)s delegates, above the maximum of %(max)s.")
            % {"n": len(people), "total": count + len(people), "max": congress.max_delegates}
        )
    organizations = {o.pk: o for o in PartyOrganization.objects.filter(congress=congress)}
    number = next_delegate_number(congress)
    created = []
    for person in people:
        created.append(
            Delegate(
                congress=congress,
                person=person,
                kind=DelegateKind.EX_OFFICIO,
                organization=grassroots_of(organizations[person.organization_id], organizations),
                number=number,
                not_summoned=not_summoned_for(person),
            )
        )
        number += 1
    for delegate in created:
        delegate.save()
    return created


@transaction.atomic
def substitution_record(*, replaced: Delegate, alternate: Delegate, reason: str, by=None) -> Substitution:
    """An alternate takes the place of an absent official delegate of the same organization."""
    congress = lock_congress(replaced.congress)
    errors: dict[str, str] = {}
    if not reason.strip():
        errors["reason"] = _("Give the reason for the substitution.")
    if replaced.is_alternate:
        errors["alternate"] = _("An alternate cannot be replaced; choose an official delegate.")
    if not alternate.is_alternate:
        errors["alternate"] = _("%(name)s is not an alternate.") % {"name": alternate.person.full_name}
    elif alternate.congress_id != congress.pk or alternate.organization_id != replaced.organization_id:
        errors["alternate"] = _("The alternate must come from the same organization (%(org)s).") % {
            "org": replaced.organization.name
        }
    elif Substitution.objects.filter(alternate=alternate).exists():
        errors["alternate"] = _("%(name)s already replaces another delegate.") % {"name": alternate.person.full_name}
    elif alternate.not_summoned:
        errors["alternate"] = _("%(name)s cannot be summoned (%(why)s).") % {
            "name": alternate.person.full_name,
            "why": alternate.get_not_summoned_display(),
        }
    elif alternate.credential_status == CredentialStatus.NOT_QUALIFIED:
        errors["alternate"] = _("%(name)s was found not qualified.") % {"name": alternate.person.full_name}
    if Substitution.objects.filter(replaced=replaced).exists():
        errors["alternate"] = _("%(name)s has already been replaced.") % {"name": replaced.person.full_name}
    if errors:
        raise ValidationError(errors)
    substitution = Substitution.objects.create(
        congress=congress, replaced=replaced, alternate=alternate, reason=reason.strip(), recorded_by=by
    )
    if alternate.number is None:
        alternate.number = next_delegate_number(congress)
        alternate.save(update_fields=["number", "updated_at"])
    return substitution


# --- credentials


@transaction.atomic
def credential_decide(*, delegate: Delegate, status: str, reason: str, by=None) -> Delegate:
    if status not in CredentialStatus.values:
        raise ValidationError({"credential_status": _("Choose a credentials status.")})
    reason = reason.strip()
    if status == CredentialStatus.NOT_QUALIFIED and not reason:
        raise ValidationError({"credential_reason": _("Give the reasons why the delegate is not qualified.")})
    delegate.credential_status = status
    delegate.credential_reason = reason
    if status == CredentialStatus.PENDING:
        delegate.credential_checked_by = None
        delegate.credential_checked_at = None
    else:
        delegate.credential_checked_by = by
        delegate.credential_checked_at = timezone.now()
    delegate.save()
    return delegate


# --- seats


def ex_officio_count(congress: Congress) -> int:
    """Ex-officio delegates registered, or the outgoing committee members on record if none are yet."""
    registered = Delegate.objects.filter(congress=congress, kind=DelegateKind.EX_OFFICIO, is_alternate=False).count()
    if registered:
        return registered
    return Person.objects.filter(congress=congress, is_executive_member=True).count()


def seat_cap(congress: Congress) -> int:
    """Seats the grassroots organizations may share: the delegate maximum less the ex-officio delegates."""
    return max(0, congress.max_delegates - ex_officio_count(congress))


def grassroots_organizations(congress: Congress):
    return PartyOrganization.objects.filter(congress=congress, kind__in=GRASSROOTS_KINDS).order_by("code", "name")


def _seat_sum(congress: Congress) -> int:
    return sum(a.seats for a in SeatAllocation.objects.filter(congress=congress))


@transaction.atomic
def seats_allocate(*, congress: Congress, total: int, base: int = 1, by=None) -> list[SeatAllocation]:
    """Compute every grassroots organization's seats; manual adjustments are kept (and counted)."""
    congress = lock_congress(congress)
    cap = seat_cap(congress)
    if total > cap:
        raise ValidationError(
            {
                "total": _(
                    "At most %(cap)s seats can be allocated: %(max)s delegates less %(ex)s ex-officio delegates."
                )
                % {"cap": cap, "max": congress.max_delegates, "ex": congress.max_delegates - cap}
            }
        )
    organizations = list(grassroots_organizations(congress))
    if not organizations:
        raise ValidationError({"total": _("There is no grassroots organization to allocate seats to.")})
    try:
        computed = allocate_seats(total, {str(o.pk): o.member_count for o in organizations}, base)
    except ValueError as error:
        # allocate_seats names organizations by key; say it with their names instead.
        message = str(error)
        for o in organizations:
            message = message.replace(f"“{o.pk}”", f"“{o.name}”")
        raise ValidationError({"total": message}) from None
    existing = {a.organization_id: a for a in SeatAllocation.objects.filter(congress=congress)}
    result = []
    for organization in organizations:
        allocation = existing.get(organization.pk) or SeatAllocation(congress=congress, organization=organization)
        allocation.members = organization.member_count
        allocation.computed_seats = computed[str(organization.pk)]
        if allocation.computed_seats + allocation.adjustment < 0:
            allocation.adjustment = -allocation.computed_seats
        allocation.updated_by = by
        allocation.save()
        result.append(allocation)
    adjustments = sum(a.adjustment for a in result)
    allocated = _seat_sum(congress)
    if allocated > cap:
        raise ValidationError(
            {
                "total": _(
                    "With the manual adjustments (%(adj)+d) this makes %(sum)s seats, above the %(cap)s available; "
                    "lower the total to %(fit)s or change the adjustments."
                )
                % {"adj": adjustments, "sum": allocated, "cap": cap, "fit": total - (allocated - cap)}
            }
        )
    return result


@transaction.atomic
def seat_adjust(*, allocation: SeatAllocation, adjustment: int, reason: str, by=None) -> SeatAllocation:
    """A manual adjustment for one organization; the congress row lock keeps the sum under the cap."""
    congress = lock_congress(allocation.congress)
    allocation = SeatAllocation.objects.select_related("organization").get(pk=allocation.pk)
    reason = reason.strip()
    errors: dict[str, str] = {}
    if adjustment and not reason:
        errors["reason"] = _("Give the reason for the manual adjustment.")
    seats = allocation.computed_seats + adjustment
    if seats < 0:
        errors["adjustment"] = _("An organization cannot have fewer than 0 seats (the formula gives %(n)s).") % {
            "n": allocation.computed_seats
        }
    registered = Delegate.objects.filter(
        congress=congress, organization=allocation.organization, kind=DelegateKind.ELECTED, is_alternate=False
    ).count()
    if seats >= 0 and seats < registered:
        errors["adjustment"] = _("%(org)s already has %(n)s elected delegates registered.") % {
            "org": allocation.organization.name,
            "n": registered,
        }
    cap = seat_cap(congress)
    others = _seat_sum(congress) - allocation.seats
    if not errors and others + seats > cap:
        errors["adjustment"] = _(
            "This would make %(sum)s seats in all, above the %(cap)s available; at most %(max)+d here."
        ) % {"sum": others + seats, "cap": cap, "max": cap - others - allocation.computed_seats}
    if errors:
        raise ValidationError(errors)
    allocation.adjustment = adjustment
    allocation.reason = reason if adjustment else ""
    allocation.updated_by = by
    allocation.save()
    return allocation


# --- sessions and check-in


@transaction.atomic
def session_save(*, session: Session) -> Session:
    congress = session.congress
    errors: dict[str, str] = {}
    if congress.opening_date and congress.closing_date:
        if not congress.opening_date <= session.date <= congress.closing_date:
            errors["date"] = _("The session must fall between the opening (%(a)s) and the closing (%(b)s).") % {
                "a": _date(congress.opening_date),
                "b": _date(congress.closing_date),
            }
    if session.starts_at and session.ends_at and session.ends_at <= session.starts_at:
        errors["ends_at"] = _("The session must end after it starts.")
    clash = Session.objects.filter(congress=congress, name=session.name)
    if session.pk:
        clash = clash.exclude(pk=session.pk)
    if clash.exists():
        errors["name"] = _("Another session of this congress has this name.")
    # The programme's rules (congress days): preparatory session at most half a day, the sessions within
    # max_days, one session at a time per hall.
    from congress.programme_rules import session_programme_errors

    for field, message in session_programme_errors(session=session).items():
        errors.setdefault(field, message)
    if errors:
        raise ValidationError(errors)
    session.save()
    return session


BADGE_PREFIX = "DHDB"


def badge_payload(delegate: Delegate, congress: Congress) -> str:
    """What the badge's QR code holds: the congress, the delegate number and a signature."""
    signature = salted_hmac("personnel.badge", f"{congress.slug}|{delegate.number}|{delegate.pk}").hexdigest()[:12]
    return f"{BADGE_PREFIX}|{congress.slug}|{delegate.number}|{signature}"


@dataclass(frozen=True)
class CheckInResult:
    delegate: Delegate
    checkin: CheckIn


def _delegate_from_code(session: Session, code: str) -> tuple[Delegate, str]:
    """The delegate a scanned badge or a typed number points to, and the check-in method."""
    congress = session.congress
    code = (code or "").strip()
    if not code:
        raise ValidationError({"code": _("Type a delegate number or scan a badge.")})
    if code.upper().startswith(BADGE_PREFIX + "|"):
        parts = code.split("|")
        if len(parts) != 4 or not parts[2].isdigit():
            raise ValidationError({"code": _("This QR code is not a delegate badge of this application.")})
        _prefix, slug, number_text, signature = parts
        if slug != congress.slug:
            other = Congress.objects.filter(slug=slug).values_list("name", flat=True).first()
            raise ValidationError(
                {
                    "code": _("This badge belongs to another congress (%(other)s); it is not valid here.")
                    % {"other": other or slug}
                }
            )
        delegate = (
            Delegate.objects.filter(congress=congress, number=int(number_text))
            .select_related("person", "organization")
            .first()
        )
        if delegate is None or not constant_time_compare(badge_payload(delegate, congress), code):
            raise ValidationError(
                {"code": _("This badge is not recognized (an old or altered badge?); type the delegate number.")}
            )
        return delegate, CheckInMethod.SCAN
    digits = code.lstrip("#").strip()
    if not digits.isdigit():
        raise ValidationError({"code": _("“%(code)s” is not a delegate number.") % {"code": code[:40]}})
    delegate = (
        Delegate.objects.filter(congress=congress, number=int(digits)).select_related("person", "organization").first()
    )
    if delegate is None:
        raise ValidationError({"code": _("There is no delegate number %(n)s.") % {"n": int(digits)}})
    return delegate, CheckInMethod.NUMBER


def checkin_refusal(delegate: Delegate) -> str | None:
    """Why a delegate cannot check in, or None."""
    name = delegate.person.full_name
    if delegate.not_summoned:
        return _("%(name)s is not summoned (%(why)s).") % {"name": name, "why": delegate.get_not_summoned_display()}
    if delegate.credential_status == CredentialStatus.NOT_QUALIFIED:
        return _("%(name)s was found not qualified by the credentials committee.") % {"name": name}
    if delegate.is_alternate and not Substitution.objects.filter(alternate=delegate).exists():
        return _("%(name)s is an alternate who replaces no delegate.") % {"name": name}
    if not delegate.is_alternate and Substitution.objects.filter(replaced=delegate).exists():
        return _("%(name)s has been replaced by an alternate.") % {"name": name}
    return None


def checkin_record(
    *, session: Session, code: str = "", delegate: Delegate | None = None, method: str = "", by=None
) -> CheckInResult:
    """Check a delegate in to a session (by scanned badge, typed number, or from the list). Twice: refused."""
    if delegate is None:
        delegate, method = _delegate_from_code(session, code)
    elif delegate.congress_id != session.congress_id:
        raise ValidationError({"code": _("This delegate belongs to another congress.")})
    refusal = checkin_refusal(delegate)
    if refusal:
        raise ValidationError({"code": refusal})
    earlier = CheckIn.objects.filter(session=session, delegate=delegate).first()
    if earlier is None:
        try:
            with transaction.atomic():
                checkin = CheckIn.objects.create(
                    session=session, delegate=delegate, method=method or CheckInMethod.LIST, checked_in_by=by
                )
            return CheckInResult(delegate=delegate, checkin=checkin)
        except IntegrityError:
            # Another desk checked the same delegate in a moment ago: the unique constraint decides.
            earlier = CheckIn.objects.filter(session=session, delegate=delegate).first()
    at = timezone.localtime(earlier.checked_in_at).strftime("%H:%M") if earlier else ""
    raise ValidationError(
        {
            "code": _("%(number)s – %(name)s already checked in at %(at)s; not counted twice.")
            % {
                "number": f"{delegate.number:03d}" if delegate.number else "",
                "name": delegate.person.full_name,
                "at": at,
            }
        }
    )


@transaction.atomic
def checkin_cancel(*, session: Session, delegate: Delegate) -> None:
    deleted, _rows = CheckIn.objects.filter(session=session, delegate=delegate).delete()
    if not deleted:
        raise ValidationError({"code": _("%(name)s was not checked in.") % {"name": delegate.person.full_name}})
