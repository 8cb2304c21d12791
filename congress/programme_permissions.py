"""Who may see and run the congress days, written once, and one access helper per object type.

The secretariat and the Organization & Service subcommittee (every member: its working groups run the
hall) manage the programme, the congress bodies, the votes, the speakers and the hall screen. The rest
of the preparation workspace (observers, other subcommittees) reads the programme, bodies and votes.
The hall screen is projected and shows nothing confidential: anyone with a standing in the congress
may open it. Outsiders get 404, members without the right 403.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congress.access import congress_view
from congress.models import Congress
from congress.permissions import Access
from congress.programme_models import AgendaItem, BodyKind, BodyMember, CongressBody, HandVote, SpeakerRequest


@dataclass(frozen=True)
class ProgrammeAccess:
    access: Access
    organization_role: str | None = None  # role in the Organization & Service subcommittee, if any

    @property
    def can_view_hall(self) -> bool:
        return self.access.is_member_of_congress

    @property
    def can_view(self) -> bool:
        return self.access.can_view_workspace

    @property
    def can_manage(self) -> bool:
        return self.access.is_secretariat or self.organization_role is not None


def programme_access_for_request(request) -> ProgrammeAccess | None:
    """Read once per request (the navigation asks on every page); reuses the personnel app's lookup."""
    cached = getattr(request, "programme_access", None)
    if cached is None:
        access = getattr(request, "access", None)
        if access is None or getattr(request, "congress", None) is None:
            return None
        from personnel.permissions import personnel_access_for_request

        pa = personnel_access_for_request(request)
        cached = request.programme_access = ProgrammeAccess(access=access, organization_role=pa.organization_role)
    return cached


MESSAGES = {
    "can_view": gettext_lazy("The programme is for the secretariat, the subcommittees and the observers."),
    "can_manage": gettext_lazy(
        "Only the secretariat and the Organization & Service subcommittee run the congress days."
    ),
}


def require(pa: ProgrammeAccess, right: str) -> None:
    if not getattr(pa, right):
        raise PermissionDenied(MESSAGES[right])


def programme_view(right: str = "can_view"):
    """Decorate a view taking (request, congress, pa, **kwargs): login, 404 for outsiders, 403 without `right`."""

    def decorator(view):
        @congress_view(workspace=False)
        @wraps(view)
        def wrapper(request, congress: Congress, access: Access, *args, **kwargs):
            pa = programme_access_for_request(request)
            require(pa, right)
            return view(request, congress, pa, *args, **kwargs)

        return wrapper

    return decorator


# --- one access helper per object type: 404 when it is not there for this user, 403 when read-only.


def get_item_for_user(pa: ProgrammeAccess, congress: Congress, pk: int, *, write: bool = False) -> AgendaItem:
    try:
        item = AgendaItem.objects.select_related("session", "draft").get(session__congress=congress, pk=pk)
    except AgendaItem.DoesNotExist:
        raise Http404(_("No such agenda item.")) from None
    require(pa, "can_manage" if write else "can_view")
    return item


def get_body_for_user(pa: ProgrammeAccess, congress: Congress, kind: str, *, write: bool = False) -> CongressBody:
    if kind not in BodyKind.values:
        raise Http404(_("No such congress body."))
    require(pa, "can_manage" if write else "can_view")
    # Bodies are created by their first member (services); until then an unsaved one is shown empty.
    return CongressBody.objects.filter(congress=congress, kind=kind).first() or CongressBody(
        congress=congress, kind=kind
    )


def get_body_member_for_user(pa: ProgrammeAccess, congress: Congress, pk: int) -> BodyMember:
    try:
        member = BodyMember.objects.select_related("body", "delegate__person").get(body__congress=congress, pk=pk)
    except BodyMember.DoesNotExist:
        raise Http404(_("No such member.")) from None
    require(pa, "can_manage")
    return member


def get_vote_for_user(pa: ProgrammeAccess, congress: Congress, pk: int, *, write: bool = False) -> HandVote:
    try:
        vote = HandVote.objects.select_related("item__session", "body", "recorded_by").get(
            item__session__congress=congress, pk=pk
        )
    except HandVote.DoesNotExist:
        raise Http404(_("No such vote.")) from None
    require(pa, "can_manage" if write else "can_view")
    return vote


def get_speaker_for_user(pa: ProgrammeAccess, congress: Congress, pk: int) -> SpeakerRequest:
    try:
        speaker = SpeakerRequest.objects.select_related(
            "item__session", "item__draft", "delegate__person", "delegate__organization", "comment"
        ).get(item__session__congress=congress, pk=pk)
    except SpeakerRequest.DoesNotExist:
        raise Http404(_("No such request to speak.")) from None
    require(pa, "can_manage")
    return speaker
