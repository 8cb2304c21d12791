"""Who may see and change personnel data: the rules, written once, and one access helper per object.

Member records and delegate data are confidential: the secretariat and the Personnel subcommittee
see them; the Personnel subcommittee's head, deputies and secretary and the secretariat change
them. Check-in is also done by the Organization & Service subcommittee. The credentials committee
works through the credentials queue. Anyone with a standing in the congress may watch presence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congress.access import congress_view
from congress.models import Congress, Role
from congress.permissions import Access
from personnel.models import Delegate, ImportJob, Person, SeatAllocation, Session
from subcommittees.models import MANAGING_ROLES, Subcommittee, SubcommitteeKind


@dataclass(frozen=True)
class PersonnelAccess:
    access: Access
    personnel_role: str | None = None  # role in the Personnel subcommittee, if any
    organization_role: str | None = None  # role in the Organization & Service subcommittee, if any

    @property
    def can_view_people(self) -> bool:
        return self.access.is_secretariat or self.personnel_role is not None

    @property
    def can_edit_people(self) -> bool:
        return self.access.is_secretariat or self.personnel_role in MANAGING_ROLES

    @property
    def is_credentials_committee(self) -> bool:
        return Role.CREDENTIALS in self.access.roles

    @property
    def can_view_credentials(self) -> bool:
        return self.can_view_people or self.is_credentials_committee

    @property
    def can_decide_credentials(self) -> bool:
        return self.can_edit_people or self.is_credentials_committee

    @property
    def can_check_in(self) -> bool:
        return self.can_view_people or self.organization_role is not None

    @property
    def can_manage_sessions(self) -> bool:
        return self.access.is_secretariat or self.organization_role in MANAGING_ROLES

    @property
    def can_view_presence(self) -> bool:
        return self.access.is_member_of_congress

    @property
    def can_print_badges(self) -> bool:
        return self.can_check_in


def personnel_access(access: Access, congress: Congress) -> PersonnelAccess:
    """The user's personnel rights; one query at most (only for subcommittee members)."""
    if access.is_secretariat or not access.memberships:
        return PersonnelAccess(access=access)
    kinds = getattr(access, "membership_kinds", None)  # {subcommittee id: kind}, if the core ever provides it
    if kinds is None:
        kinds = dict(
            Subcommittee.objects.filter(
                congress_id=congress.pk,
                pk__in=list(access.memberships),
                kind__in=[SubcommitteeKind.PERSONNEL, SubcommitteeKind.ORGANIZATION],
            ).values_list("pk", "kind")
        )
    roles = {kind: access.memberships[pk] for pk, kind in kinds.items() if pk in access.memberships}
    return PersonnelAccess(
        access=access,
        personnel_role=roles.get(SubcommitteeKind.PERSONNEL),
        organization_role=roles.get(SubcommitteeKind.ORGANIZATION),
    )


def personnel_access_for_request(request) -> PersonnelAccess | None:
    """Read once per request (the navigation asks on every page)."""
    cached = getattr(request, "personnel_access", None)
    if cached is None:
        access, congress = getattr(request, "access", None), getattr(request, "congress", None)
        if access is None or congress is None:
            return None
        cached = request.personnel_access = personnel_access(access, congress)
    return cached


MESSAGES = {
    "can_view_people": gettext_lazy(
        "Party members' records are for the secretariat and the Personnel subcommittee only."
    ),
    "can_edit_people": gettext_lazy("Only the secretariat and the Personnel subcommittee's leaders can change this."),
    "can_view_credentials": gettext_lazy(
        "Credentials are for the credentials committee, the secretariat and the Personnel subcommittee."
    ),
    "can_decide_credentials": gettext_lazy("Only the credentials committee and the secretariat decide credentials."),
    "can_check_in": gettext_lazy(
        "Check-in is done by the secretariat and the Personnel and Organization & Service subcommittees."
    ),
    "can_manage_sessions": gettext_lazy(
        "Only the secretariat and the Organization & Service subcommittee's leaders can change sessions."
    ),
    "can_view_presence": gettext_lazy("No such congress."),
    "can_print_badges": gettext_lazy(
        "Badges are printed by the secretariat and the Personnel and Organization & Service subcommittees."
    ),
}


def require(pa: PersonnelAccess, right: str) -> None:
    if not getattr(pa, right):
        raise PermissionDenied(MESSAGES[right])


def personnel_view(right: str):
    """Decorate a view taking (request, congress, pa, **kwargs): login, 404 for outsiders, 403 without `right`."""

    def decorator(view):
        @congress_view(workspace=False)
        @wraps(view)
        def wrapper(request, congress: Congress, access: Access, *args, **kwargs):
            pa = personnel_access_for_request(request)
            require(pa, right)
            return view(request, congress, pa, *args, **kwargs)

        return wrapper

    return decorator


# --- one access helper per object type: 404 when it is not there for this user, 403 when read-only.


def get_person_for_user(pa: PersonnelAccess, congress: Congress, pk: int, *, write: bool = False) -> Person:
    if not pa.can_view_people:
        raise Http404(_("No such party member."))
    try:
        person = Person.objects.select_related("organization").get(congress=congress, pk=pk)
    except Person.DoesNotExist:
        raise Http404(_("No such party member.")) from None
    if write:
        require(pa, "can_edit_people")
    return person


def get_delegate_for_user(
    pa: PersonnelAccess, congress: Congress, pk: int, *, write: bool = False, credentials: bool = False
) -> Delegate:
    """`credentials`: the credentials committee's view of a delegate (read: queue; write: decide)."""
    visible = pa.can_view_credentials if credentials else pa.can_view_people
    if not visible:
        raise Http404(_("No such delegate."))
    try:
        delegate = Delegate.objects.select_related("person", "organization", "person__organization").get(
            congress=congress, pk=pk
        )
    except Delegate.DoesNotExist:
        raise Http404(_("No such delegate.")) from None
    if write:
        require(pa, "can_decide_credentials" if credentials else "can_edit_people")
    return delegate


def get_allocation_for_user(pa: PersonnelAccess, congress: Congress, pk: int, *, write: bool = False) -> SeatAllocation:
    if not pa.can_view_people:
        raise Http404(_("No such organization."))
    try:
        allocation = SeatAllocation.objects.select_related("organization").get(congress=congress, pk=pk)
    except SeatAllocation.DoesNotExist:
        raise Http404(_("No such organization.")) from None
    if write:
        require(pa, "can_edit_people")
    return allocation


def get_session_for_user(
    pa: PersonnelAccess, congress: Congress, pk: int, *, right: str = "can_view_presence"
) -> Session:
    if not pa.can_view_presence:
        raise Http404(_("No such session."))
    try:
        session = Session.objects.get(congress=congress, pk=pk)
    except Session.DoesNotExist:
        raise Http404(_("No such session.")) from None
    require(pa, right)
    return session


def get_import_for_user(pa: PersonnelAccess, congress: Congress, pk: int) -> ImportJob:
    if not pa.can_view_people:
        raise Http404(_("No such import."))
    try:
        job = ImportJob.objects.select_related("created_by").get(congress=congress, pk=pk)
    except ImportJob.DoesNotExist:
        raise Http404(_("No such import.")) from None
    require(pa, "can_edit_people")
    return job
