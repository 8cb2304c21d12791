"""Who may see and do what with drafts: one access helper per object type, the only check views make.

- The secretariat and the Documents subcommittee's members *work* on every draft (comment,
  record comments, dispose, export); its head, deputies and secretary (and the secretariat)
  *manage* (drafts, versions, rounds, approval, circulated copies).
- Observers read everything and write nothing.
- Anyone invited to a review round (a reviewer, or any other user) sees that round's draft and
  version, comments in it, and sees only his own comments unless the round lets reviewers see
  each other's. Never the disposition page.
- Everybody else: 404.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from congress.access import get_congress_for_user
from congress.models import Congress, Role
from congress.permissions import Access, access_for
from documents.models import CirculationCopy, Comment, Draft, DraftVersion, RegisterExport, ReviewRound


@dataclass(frozen=True)
class DocumentsAccess:
    access: Access
    user_id: int | None
    documents_role: str | None = None  # membership role in the Documents subcommittee
    invited: frozenset[int] | None = None  # the rounds he is invited to; None: read on first use
    holds_copies: bool = False  # a numbered copy was issued to him
    _read: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def invited_round_ids(self) -> frozenset[int]:
        """Read on first use: most pages of a congress member never ask (the benchmark's query budget)."""
        if self.invited is not None:
            return self.invited
        if "invited" not in self._read:
            self._read["invited"] = _invited_rounds(self.user_id, self.access.congress_id)
        return self._read["invited"]

    @property
    def works(self) -> bool:
        return self.access.is_secretariat or self.documents_role is not None

    @property
    def manages(self) -> bool:
        from subcommittees.models import MANAGING_ROLES

        return self.access.is_secretariat or self.documents_role in MANAGING_ROLES

    @property
    def reads_all(self) -> bool:
        return self.works or self.access.is_observer

    @property
    def is_reviewer(self) -> bool:
        return Role.REVIEWER in self.access.roles

    @property
    def sees_documents(self) -> bool:
        """Anything at all in the documents area (possibly just an empty list of invitations)."""
        return self.reads_all or self.is_reviewer or bool(self.invited_round_ids) or self.holds_copies

    def is_invited(self, round_id: int) -> bool:
        return round_id in self.invited_round_ids

    def can_comment(self, review_round: ReviewRound) -> bool:
        return self.works or self.is_invited(review_round.pk)

    def sees_all_comments_of(self, review_round: ReviewRound) -> bool:
        return self.reads_all or (self.is_invited(review_round.pk) and review_round.reviewers_see_all)


def _invited_rounds(user_id: int | None, congress_id: int) -> frozenset[int]:
    if user_id is None:
        return frozenset()
    return frozenset(
        ReviewRound.objects.filter(draft__congress_id=congress_id, reviewers=user_id).values_list("id", flat=True)
    )


def documents_access_for(user, congress: Congress | int) -> DocumentsAccess:
    """The user's standing towards the congress's drafts (at most two small queries, cached per request)."""
    congress_id = congress if isinstance(congress, int) else congress.pk
    access = access_for(user, congress_id)
    if not getattr(user, "is_authenticated", False):
        return DocumentsAccess(access=access, user_id=None)
    cache = user.__dict__.setdefault("_documents_access", {})
    if congress_id not in cache:
        from subcommittees.models import Subcommittee

        role = None
        if access.memberships:
            documents_ids = Subcommittee.objects.filter(congress_id=congress_id, kind="documents").values_list(
                "id", flat=True
            )
            role = next((access.memberships[i] for i in documents_ids if i in access.memberships), None)
        # An outsider's invitations decide whether he gets in at all; a member's wait until a page asks.
        invited = None if access.is_member_of_congress else _invited_rounds(user.pk, congress_id)
        holds_copies = False
        if not (access.is_member_of_congress or invited):
            holds_copies = CirculationCopy.objects.filter(
                version__draft__congress_id=congress_id, recipient=user
            ).exists()
        cache[congress_id] = DocumentsAccess(
            access=access, user_id=user.pk, documents_role=role, invited=invited, holds_copies=holds_copies
        )
    return cache[congress_id]


def forget_documents_access(user) -> None:
    user.__dict__.pop("_documents_access", None)


def documents_view(view):
    """Decorate a view taking (request, congress, docs, **kwargs) from a URL with <congress>.

    Unlike `congress_view`, a user invited to a review round gets in even without a role in the
    congress; congress members with nothing to see here get 403, everybody else 404.
    """

    @login_required
    @wraps(view)
    def wrapper(request, congress: str, *args, **kwargs):
        try:
            congress_obj, access = get_congress_for_user(request.user, congress)
        except Http404:
            from congress.models import Congress as CongressModel

            congress_obj = CongressModel.objects.filter(slug=congress).first()
            if congress_obj is None:
                raise
            access = access_for(request.user, congress_obj)
        docs = documents_access_for(request.user, congress_obj)
        if not (access.is_member_of_congress or docs.invited_round_ids or docs.holds_copies):
            raise Http404(_("No such congress."))
        if not docs.sees_documents:
            raise PermissionDenied(_("Your role in this congress does not include the draft documents."))
        request.congress = congress_obj
        request.access = access
        request.documents_access = docs
        return view(request, congress_obj, docs, *args, **kwargs)

    return wrapper


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def get_draft_for_user(docs: DocumentsAccess, congress: Congress, pk: int, *, manage: bool = False) -> Draft:
    try:
        draft = Draft.objects.select_related("congress", "subcommittee").get(congress=congress, pk=pk)
    except Draft.DoesNotExist:
        raise Http404(_("No such draft.")) from None
    if not docs.reads_all and not ReviewRound.objects.filter(draft=draft, pk__in=docs.invited_round_ids).exists():
        raise Http404(_("No such draft."))
    if manage:
        _require(docs.manages, _("Only the secretariat and the Documents subcommittee's leaders can change this."))
    return draft


def get_version_for_user(
    docs: DocumentsAccess, congress: Congress, pk: int, *, work: bool = False, manage: bool = False
) -> DraftVersion:
    try:
        version = DraftVersion.objects.select_related("draft", "draft__congress").get(draft__congress=congress, pk=pk)
    except DraftVersion.DoesNotExist:
        raise Http404(_("No such version.")) from None
    if not docs.reads_all:
        invited = ReviewRound.objects.filter(version=version, pk__in=docs.invited_round_ids).exists()
        if not invited or not version.is_published:
            raise Http404(_("No such version."))
    if work:
        _require(docs.works, _("Only the secretariat and the Documents subcommittee can do this."))
    if manage:
        _require(docs.manages, _("Only the secretariat and the Documents subcommittee's leaders can change this."))
    return version


def get_round_for_user(
    docs: DocumentsAccess, congress: Congress, pk: int, *, work: bool = False, manage: bool = False
) -> ReviewRound:
    try:
        review_round = ReviewRound.objects.select_related("draft", "draft__congress", "version").get(
            draft__congress=congress, pk=pk
        )
    except ReviewRound.DoesNotExist:
        raise Http404(_("No such review round.")) from None
    if not (docs.reads_all or docs.is_invited(review_round.pk)):
        raise Http404(_("No such review round."))
    if work:
        _require(docs.works, _("Only the secretariat and the Documents subcommittee handle the comments."))
    if manage:
        _require(docs.manages, _("Only the secretariat and the Documents subcommittee's leaders can change this."))
    return review_round


def visible_comment_filter(docs: DocumentsAccess, review_round: ReviewRound) -> dict:
    """Keyword filter on Comment for what this user may read in this round."""
    if docs.sees_all_comments_of(review_round):
        return {}
    return {"author_id": docs.user_id}


def get_comment_for_user(docs: DocumentsAccess, congress: Congress, pk: int, *, work: bool = False) -> Comment:
    try:
        comment = Comment.objects.select_related("round", "round__draft", "round__version", "paragraph").get(
            round__draft__congress=congress, pk=pk
        )
    except Comment.DoesNotExist:
        raise Http404(_("No such comment.")) from None
    review_round = comment.round
    visible = docs.sees_all_comments_of(review_round) or (
        docs.is_invited(review_round.pk) and comment.author_id == docs.user_id
    )
    if not visible:
        raise Http404(_("No such comment."))
    if work:
        _require(docs.works, _("Only the secretariat and the Documents subcommittee handle the comments."))
    return comment


def get_export_for_user(docs: DocumentsAccess, congress: Congress, pk: int) -> RegisterExport:
    try:
        export = RegisterExport.objects.select_related("round", "round__draft").get(
            round__draft__congress=congress, pk=pk
        )
    except RegisterExport.DoesNotExist:
        raise Http404(_("No such export.")) from None
    if not docs.reads_all:
        raise Http404(_("No such export."))
    return export


def get_copy_for_user(docs: DocumentsAccess, congress: Congress, pk: int) -> CirculationCopy:
    """A circulated copy: its recipient may download it; the managers see them all."""
    try:
        copy = CirculationCopy.objects.select_related("version", "version__draft").get(
            version__draft__congress=congress, pk=pk
        )
    except CirculationCopy.DoesNotExist:
        raise Http404(_("No such copy.")) from None
    if not (docs.manages or (copy.recipient_id is not None and copy.recipient_id == docs.user_id)):
        raise Http404(_("No such copy."))
    return copy
