"""Writes on drafts: versions, publication with carry-over, approval steps, review rounds,
comments, dispositions, register exports and circulated copies. The only way to change them."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Max, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from congress.deadlines import deadline_remove, deadline_upsert
from congress.models import Congress, CongressRole, Deadline, DeadlineKind, PartyOrganization, Role
from documents.diff import match_paragraphs
from documents.models import (
    COMMENT_MAX_CHARS,
    RESPONSE_MAX_CHARS,
    STATUS_FLOW,
    CirculationCopy,
    CirculationDownload,
    Comment,
    CommentSource,
    Disposition,
    Draft,
    DraftStatus,
    DraftStatusChange,
    DraftVersion,
    ExportStatus,
    Paragraph,
    ParagraphKind,
    RegisterExport,
    ReviewRound,
    VersionSource,
)
from documents.parsing import Block, number_blocks, parse_docx, parse_structured_text

logger = logging.getLogger(__name__)

# --- drafts


def draft_save(*, draft: Draft, by=None, drafters=None) -> Draft:
    if draft.subcommittee_id and draft.subcommittee.congress_id != draft.congress_id:
        raise ValidationError({"subcommittee": _("This subcommittee belongs to another congress.")})
    duplicate = Draft.objects.filter(congress_id=draft.congress_id, title=draft.title).exclude(pk=draft.pk)
    if duplicate.exists():
        raise ValidationError({"title": _("This congress already has a draft with this title.")})
    if draft.pk is None and by is not None:
        draft.created_by = by
    try:
        with transaction.atomic():
            draft.save()
            if drafters is not None:
                draft.drafters.set(drafters)
            # The rounds' deadlines carry the draft's title and owner subcommittee.
            rounds_deadlines_sync(rounds=draft.rounds.all())
    except IntegrityError:
        raise ValidationError({"title": _("This congress already has a draft with this title.")}) from None
    return draft


def allowed_moves(draft: Draft) -> list[str]:
    """Statuses a draft may go to from its current one: the next step, or back to drafting."""
    index = STATUS_FLOW.index(draft.status)
    moves = []
    if index + 1 < len(STATUS_FLOW):
        moves.append(STATUS_FLOW[index + 1])
    if draft.status not in (DraftStatus.DRAFTING, DraftStatus.ADOPTED):
        moves.append(DraftStatus.DRAFTING)
    return moves


@transaction.atomic
def draft_move(*, draft: Draft, to_status: str, by, note: str = "") -> DraftStatusChange:
    """Move a draft along the approval flow, recording who moved it, when, with which version."""
    draft = Draft.objects.select_for_update().get(pk=draft.pk)
    if to_status not in allowed_moves(draft):
        raise ValidationError(
            {
                "to_status": _("A draft in “%(now)s” cannot go to “%(to)s”.")
                % {"now": draft.get_status_display(), "to": DraftStatus(to_status).label}
                if to_status in DraftStatus.values
                else _("Unknown status.")
            }
        )
    latest = draft.versions.filter(published_at__isnull=False).order_by("-number").first()
    if to_status != DraftStatus.DRAFTING and latest is None:
        raise ValidationError({"to_status": _("Publish a version first: there is nothing to submit.")})
    if to_status != DraftStatus.DRAFTING:
        unhandled = ReviewRound.objects.filter(version=latest, handled_at__isnull=True, comments__disposition="")
        if unhandled.exists():
            raise ValidationError(
                {"to_status": _("Comments on version %(n)d still wait for a disposition.") % {"n": latest.number}}
            )
    change = DraftStatusChange.objects.create(
        draft=draft, from_status=draft.status, to_status=to_status, version=latest, moved_by=by, note=note[:1000]
    )
    draft.status = to_status
    draft.save(update_fields=["status", "updated_at"])
    return change


# --- versions


def _blocks_from(*, text: str | None, upload) -> tuple[list[Block], str]:
    if upload is not None:
        return parse_docx(upload), VersionSource.DOCX
    if text is not None and text.strip():
        return parse_structured_text(text), VersionSource.TYPED
    raise ValidationError({"text": _("Type the text or upload a Word (.docx) file.")})


def _write_paragraphs(version: DraftVersion, blocks: list[Block]) -> None:
    labels = number_blocks(blocks)
    Paragraph.objects.bulk_create(
        [
            Paragraph(
                version=version,
                position=position,
                label=label,
                kind=ParagraphKind.HEADING if block.is_heading else ParagraphKind.PARAGRAPH,
                level=block.level,
                text=block.text,
            )
            for position, (block, label) in enumerate(zip(blocks, labels, strict=True), start=1)
        ],
        batch_size=500,
    )
    version.paragraph_count = len(blocks)
    version.save(update_fields=["paragraph_count"])


@transaction.atomic
def version_create(*, draft: Draft, by, text: str | None = None, upload=None, note: str = "") -> DraftVersion:
    """A new working version from typed text or a .docx; nothing is saved if the input is refused."""
    blocks, source = _blocks_from(text=text, upload=upload)
    draft = Draft.objects.select_for_update().get(pk=draft.pk)
    if draft.versions.filter(published_at__isnull=True).exists():
        raise ValidationError(_("This draft already has a version being edited; publish or change it."))
    number = (draft.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = DraftVersion(draft=draft, number=number, source=source, note=note[:500], created_by=by)
    if upload is not None:
        version.source_name = upload.name[:255]
        upload.seek(0)
        version.source_file.save(upload.name, upload, save=False)
    version.save()
    _write_paragraphs(version, blocks)
    return version


@transaction.atomic
def version_update(*, version: DraftVersion, by, text: str | None = None, upload=None, note: str = "") -> DraftVersion:
    """Replace the text of a working version. A published version never changes."""
    version = DraftVersion.objects.select_for_update().get(pk=version.pk)
    if version.is_published:
        raise ValidationError(_("A published version never changes: create a new version instead."))
    blocks, source = _blocks_from(text=text, upload=upload)
    if Comment.objects.filter(Q(carried_to__version=version) | Q(landed_in__version=version)).exists():
        raise ValidationError(_("Comments already point into this version; create a new version instead."))
    version.paragraphs.all().delete()
    version.source = source
    version.note = note[:500]
    if upload is not None:
        version.source_name = upload.name[:255]
        upload.seek(0)
        version.source_file.save(upload.name, upload, save=False)
    version.save()
    _write_paragraphs(version, blocks)
    return version


@dataclass
class CarryOverResult:
    carried: int = 0  # open comments now anchored in the new version
    landed: int = 0  # accepted comments whose landing paragraph was found
    unmatched: int = 0  # comments whose paragraph has no counterpart (shown as "whole document")


@transaction.atomic
def version_publish(*, version: DraftVersion, by, carry_over: bool = True) -> CarryOverResult:
    """Publish a working version (it never changes again) and, if asked, carry the comments over."""
    version = DraftVersion.objects.select_for_update().select_related("draft").get(pk=version.pk)
    if version.is_published:
        raise ValidationError(_("This version is already published."))
    if version.paragraph_count == 0:
        raise ValidationError(_("The version has no text."))
    version.published_at = timezone.now()
    version.published_by = by
    version.save(update_fields=["published_at", "published_by"])
    previous = (
        version.draft.versions.filter(published_at__isnull=False, number__lt=version.number).order_by("-number").first()
    )
    if not carry_over or previous is None:
        return CarryOverResult()
    return comments_carry_over(from_version=previous, to_version=version)


@transaction.atomic
def comments_carry_over(*, from_version: DraftVersion, to_version: DraftVersion) -> CarryOverResult:
    """Anchor the comments of `from_version`'s rounds in `to_version`, matching paragraphs by text.

    Open comments (no disposition yet) get `carried_to`, so they show on the new version and
    nothing is lost; accepted or partly accepted comments without a landing paragraph get it
    filled with the match. Running it twice changes nothing more.
    """
    comments = list(
        Comment.objects.filter(round__version=from_version)
        .filter(
            Q(disposition="", carried_to__isnull=True)
            | Q(disposition__in=[Disposition.ACCEPTED, Disposition.PARTLY], landed_in__isnull=True)
        )
        .select_related("paragraph")
    )
    sources = {c.paragraph_id: c.paragraph for c in comments if c.paragraph_id}
    source_list = sorted(sources.values(), key=lambda p: p.position)
    candidates = list(to_version.paragraphs.order_by("position"))
    matches = match_paragraphs(source_list, candidates)
    target = {source_list[i].pk: m.paragraph for i, m in matches.items()}
    result = CarryOverResult()
    carried, landed = [], []
    for comment in comments:
        paragraph = target.get(comment.paragraph_id)
        if comment.paragraph_id and paragraph is None:
            result.unmatched += 1
            continue
        if not comment.disposition:
            if paragraph is None:
                continue  # a whole-document comment stays on the whole document
            comment.carried_to = paragraph
            carried.append(comment)
        elif paragraph is not None:
            comment.landed_in = paragraph
            landed.append(comment)
    Comment.objects.bulk_update(carried, ["carried_to"], batch_size=500)
    Comment.objects.bulk_update(landed, ["landed_in"], batch_size=500)
    result.carried, result.landed = len(carried), len(landed)
    return result


# --- review rounds


def round_check(*, review_round: ReviewRound) -> None:
    errors: dict[str, str] = {}
    version = review_round.version if review_round.version_id else None
    if version is None:
        errors["version"] = _("Choose the version to review.")
    else:
        if version.draft_id != review_round.draft_id:
            errors["version"] = _("This version belongs to another draft.")
        elif not version.is_published:
            errors["version"] = _("Only a published version can be sent out for comments.")
    if review_round.opens_on and review_round.closes_on and review_round.closes_on < review_round.opens_on:
        errors["closes_on"] = _("The round cannot close before it opens.")
    if review_round.disposition_due_on and review_round.closes_on:
        if review_round.disposition_due_on < review_round.closes_on:
            errors["disposition_due_on"] = _("Dispositions cannot be due before the round closes.")
    duplicate = ReviewRound.objects.filter(draft_id=review_round.draft_id, title=review_round.title).exclude(
        pk=review_round.pk
    )
    if duplicate.exists():
        errors["title"] = _("This draft already has a review round with this title.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def round_save(*, review_round: ReviewRound, by, reviewers=None, organizations=None) -> ReviewRound:
    """Create or change a round; invited users without a role in the congress become reviewers."""
    round_check(review_round=review_round)
    if review_round.pk is None:
        review_round.created_by = by
    elif review_round.comments.exists() and (
        ReviewRound.objects.filter(pk=review_round.pk).values_list("version_id", flat=True).get()
        != review_round.version_id
    ):
        raise ValidationError({"version": _("Comments were already made on this version; open a new round.")})
    review_round.save()
    if reviewers is not None:
        review_round.reviewers.set(reviewers)
        congress_id = review_round.draft.congress_id
        for user in reviewers:
            if not CongressRole.objects.filter(congress_id=congress_id, user=user).exists():
                CongressRole.objects.create(congress_id=congress_id, user=user, role=Role.REVIEWER)
    if organizations is not None:
        if any(o.congress_id != review_round.draft.congress_id for o in organizations):
            raise ValidationError({"organizations": _("This organization belongs to another congress.")})
        review_round.organizations.set(organizations)
    round_deadlines_sync(review_round=review_round)
    return review_round


@transaction.atomic
def round_mark_handled(*, review_round: ReviewRound, by) -> ReviewRound:
    """Close a round as handled: refused while any comment lacks a disposition."""
    review_round = ReviewRound.objects.select_for_update().get(pk=review_round.pk)
    if review_round.is_handled:
        raise ValidationError(_("This round is already marked as handled."))
    left = review_round.comments.filter(disposition="").count()
    if left:
        raise ValidationError(
            _("%(n)d comment(s) still have no disposition: every comment gets one before the round is handled.")
            % {"n": left},
            code="undisposed",
        )
    review_round.handled_at = timezone.now()
    review_round.handled_by = by
    review_round.save(update_fields=["handled_at", "handled_by"])
    round_deadlines_sync(review_round=review_round)
    return review_round


@transaction.atomic
def round_reopen(*, review_round: ReviewRound) -> ReviewRound:
    review_round.handled_at = None
    review_round.handled_by = None
    review_round.save(update_fields=["handled_at", "handled_by"])
    round_deadlines_sync(review_round=review_round)
    return review_round


@transaction.atomic
def round_delete(*, review_round: ReviewRound) -> None:
    """Delete a round with its comments and exports, and its deadlines with their reminders."""
    deadline_remove(source=review_round)
    review_round.delete()


# --- the rounds' deadlines (reminders: congress/deadlines.py, congress/reminders.py)

ROUND_CLOSE_KEY = "close"
ROUND_DISPOSITION_KEY = "disposition"


def _rounds_for_sync(rounds: QuerySet[ReviewRound]) -> QuerySet[ReviewRound]:
    return rounds.select_related("draft__congress", "draft__subcommittee", "version").annotate(
        undisposed=Count("comments", filter=Q(comments__disposition=""))
    )


def _round_deadlines_write(review_round: ReviewRound, today: datetime.date) -> list[int]:
    """Write the two deadlines of a round read by _rounds_for_sync; return their ids."""
    draft = review_round.draft
    common = {
        "source": review_round,
        "congress": draft.congress,
        "subcommittee": draft.subcommittee,
        "url": review_round.get_absolute_url(),
    }
    names = {"draft": draft.title, "n": review_round.version.number}
    with translation.override(settings.LANGUAGE_CODE):  # titles are stored in the working language
        close_title = _("End of comments: %(draft)s (draft no. %(n)d)") % names
        disposition_title = _("Answer every comment: %(draft)s (draft no. %(n)d)") % names
    # The comments are in once the round is handled or its last day is behind us: nothing to chase.
    ids = [
        deadline_upsert(
            **common,
            key=ROUND_CLOSE_KEY,
            kind=DeadlineKind.REVIEW_ROUND,
            title=close_title,
            due_date=review_round.closes_on,
            done=review_round.is_handled or review_round.closes_on < today,
        ).pk
    ]
    if review_round.disposition_due_on is None:
        # No date set for the answers: no deadline to remind of.
        deadline_remove(source=review_round, key=ROUND_DISPOSITION_KEY)
    else:
        ids.append(
            deadline_upsert(
                **common,
                key=ROUND_DISPOSITION_KEY,
                kind=DeadlineKind.COMMENT_DISPOSITION,
                title=disposition_title,
                due_date=review_round.disposition_due_on,
                done=review_round.is_handled or review_round.undisposed == 0,
            ).pk
        )
    return ids


def round_deadlines_sync(*, review_round: ReviewRound) -> None:
    """Keep a round's two deadlines in step with it, in the caller's transaction:

    - "close" (the last day for comments): the owner subcommittee is reminded ahead of it to chase
      the invited reviewers; done once the round is handled or the day has passed;
    - "disposition" (every comment answered by `disposition_due_on`): done while no comment waits
      for a disposition; a new comment reopens it. A round without that date has none.

    Constant cost: one read of the round with its count of open comments, then the two upserts.
    Callers that write many comments call it once at the end."""
    rows = list(_rounds_for_sync(ReviewRound.objects.filter(pk=review_round.pk)))
    if not rows:
        return
    _round_deadlines_write(rows[0], timezone.localdate())


def rounds_deadlines_sync(*, rounds: QuerySet[ReviewRound]) -> list[int]:
    """The same for several rounds (a draft's, a congress's) in one read; returns the deadline ids."""
    today = timezone.localdate()
    ids: list[int] = []
    for review_round in _rounds_for_sync(rounds):
        ids += _round_deadlines_write(review_round, today)
    return ids


def round_close_deadlines_expire(*, today: datetime.date | None = None) -> int:
    """A round stops taking comments after its last day without anyone writing to it: mark its
    "close" deadline done then, so no overdue notice goes out for it (the periodic task
    documents.close_round_deadlines, hourly). One UPDATE; agrees with round_deadlines_sync."""
    today = today or timezone.localdate()
    return Deadline.objects.filter(
        source_type=ReviewRound._meta.label_lower, source_key=ROUND_CLOSE_KEY, done=False, due_date__lt=today
    ).update(done=True, updated_at=timezone.now())


@transaction.atomic
def rounds_deadlines_rebuild(*, congress: Congress) -> int:
    """Re-sync the deadlines of every round of a congress (after writes that bypassed the services:
    the demo, the admin) and drop those of deleted rounds. Returns the number kept."""
    kept = rounds_deadlines_sync(rounds=ReviewRound.objects.filter(draft__congress=congress))
    Deadline.objects.filter(congress=congress, source_type=ReviewRound._meta.label_lower).exclude(pk__in=kept).delete()
    return len(kept)


# --- comments


def _check_comment_input(*, review_round: ReviewRound, paragraph: Paragraph | None, text: str, proposed_text: str):
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if review_round.is_handled:
        errors["__all__"] = _("This round has been handled: it takes no more comments.")
    elif today > review_round.closes_on:
        errors["__all__"] = _("The round closed on %(date)s: no more comments are taken.") % {
            "date": review_round.closes_on.strftime("%d/%m/%Y")
        }
    elif today < review_round.opens_on:
        errors["__all__"] = _("The round opens on %(date)s: comments are taken from that day.") % {
            "date": review_round.opens_on.strftime("%d/%m/%Y")
        }
    if paragraph is not None and paragraph.version_id != review_round.version_id:
        errors["paragraph"] = _("This paragraph is not part of the version under review.")
    if not text.strip():
        errors["text"] = _("Write the comment.")
    elif len(text) > COMMENT_MAX_CHARS:
        errors["text"] = _("A comment has at most %(max)d characters (this one has %(n)d).") % {
            "max": COMMENT_MAX_CHARS,
            "n": len(text),
        }
    if len(proposed_text) > COMMENT_MAX_CHARS:
        errors["proposed_text"] = _("The proposed text has at most %(max)d characters.") % {"max": COMMENT_MAX_CHARS}
    if errors:
        raise ValidationError(errors)


def _next_number(review_round: ReviewRound) -> int:
    # The round row is locked by the caller, so two comments never get the same number.
    return (review_round.comments.aggregate(n=Max("number"))["n"] or 0) + 1


@transaction.atomic
def comment_add(
    *, review_round: ReviewRound, paragraph: Paragraph | None, author, text: str, proposed_text: str = ""
) -> Comment:
    """A comment written in the application by a reviewer (or a member of the subcommittee)."""
    review_round = ReviewRound.objects.select_for_update().get(pk=review_round.pk)
    _check_comment_input(review_round=review_round, paragraph=paragraph, text=text, proposed_text=proposed_text)
    comment = Comment.objects.create(
        round=review_round,
        number=_next_number(review_round),
        paragraph=paragraph,
        author=author,
        author_name=str(author)[:255],
        source=CommentSource.ONLINE,
        text=text.strip(),
        proposed_text=proposed_text.strip(),
    )
    round_deadlines_sync(review_round=review_round)  # a comment to answer reopens "disposition"
    return comment


@transaction.atomic
def comment_record_on_behalf(
    *,
    round: ReviewRound,  # noqa: A002 - the name other apps call it by
    paragraph: Paragraph | None,
    text: str,
    author_name: str,
    organization: PartyOrganization | None = None,
    recorded_by,
    proposed_text: str = "",
    source: str = CommentSource.WRITTEN,
    received_at: datetime.datetime | None = None,
) -> Comment:
    """A comment recorded by the secretariat for a person or an organization (written submission,
    conference, discussion at the congress). The round's dates apply as for any comment."""
    review_round = ReviewRound.objects.select_for_update().get(pk=round.pk)
    _check_comment_input(review_round=review_round, paragraph=paragraph, text=text, proposed_text=proposed_text)
    author_name = author_name.strip() or (organization.name if organization else "")
    if not author_name:
        raise ValidationError({"author_name": _("Say who made the comment: a person or an organization.")})
    if organization is not None and organization.congress_id != review_round.draft.congress_id:
        raise ValidationError({"organization": _("This organization belongs to another congress.")})
    if source not in CommentSource.values or source == CommentSource.ONLINE:
        raise ValidationError({"source": _("Say how the comment was received.")})
    comment = Comment.objects.create(
        round=review_round,
        number=_next_number(review_round),
        paragraph=paragraph,
        author=None,
        author_name=author_name[:255],
        organization=organization,
        source=source,
        recorded_by=recorded_by,
        text=text.strip(),
        proposed_text=proposed_text.strip(),
        created_at=received_at or timezone.now(),
    )
    round_deadlines_sync(review_round=review_round)
    return comment


# --- dispositions


def _check_disposition(*, disposition: str, response: str, landed_in: Paragraph | None, comment_round) -> dict:
    errors: dict[str, str] = {}
    if disposition not in Disposition.values:
        errors["disposition"] = _("Choose a disposition.")
    elif disposition != Disposition.ACCEPTED and not response.strip():
        errors["response"] = _("Write the response: it is required unless the comment is accepted.")
    if len(response) > RESPONSE_MAX_CHARS:
        errors["response"] = _("A response has at most %(max)d characters.") % {"max": RESPONSE_MAX_CHARS}
    if landed_in is not None:
        version = comment_round.version
        if landed_in.version.draft_id != version.draft_id or landed_in.version.number <= version.number:
            errors["landed_in"] = _("Choose a paragraph of a later version of this draft.")
    return errors


@transaction.atomic
def comment_dispose(
    *,
    comment: Comment,
    disposition: str,
    response: str,
    by,
    expected_revision: int,
    landed_in: Paragraph | None = None,
) -> Comment:
    """Give a comment its disposition. `expected_revision` is the revision the user saw: if someone
    else disposed the comment meanwhile, the write is refused with a conflict message."""
    errors = _check_disposition(
        disposition=disposition, response=response, landed_in=landed_in, comment_round=comment.round
    )
    if errors:
        raise ValidationError(errors)
    updated = Comment.objects.filter(pk=comment.pk, revision=expected_revision).update(
        disposition=disposition,
        response=response.strip(),
        landed_in=landed_in,
        disposed_by=by,
        disposed_at=timezone.now(),
        revision=F("revision") + 1,
    )
    if not updated:
        current = Comment.objects.select_related("disposed_by").get(pk=comment.pk)
        who = str(current.disposed_by) if current.disposed_by else _("someone else")
        raise ValidationError(
            _(
                "%(who)s changed the disposition of comment no. %(n)d while you were editing it "
                "(now: %(now)s). Your answer was not saved: read theirs, then save again if needed."
            )
            % {"who": who, "n": current.number, "now": current.get_disposition_display() or "—"},
            code="conflict",
        )
    comment.refresh_from_db()
    round_deadlines_sync(review_round=comment.round)
    return comment


@transaction.atomic
def comments_dispose_bulk(
    *, review_round: ReviewRound, comment_ids: list[int], disposition: str, response: str, by
) -> int:
    """The same disposition and response for many comments of one round (e.g. all "noted")."""
    errors = _check_disposition(disposition=disposition, response=response, landed_in=None, comment_round=review_round)
    if not comment_ids:
        errors["comments"] = _("Tick the comments to dispose.")
    if errors:
        raise ValidationError(errors)
    count = Comment.objects.filter(round=review_round, pk__in=comment_ids).update(
        disposition=disposition,
        response=response.strip(),
        disposed_by=by,
        disposed_at=timezone.now(),
        revision=F("revision") + 1,
    )
    round_deadlines_sync(review_round=review_round)  # once for the whole batch
    return count


# --- register exports


@transaction.atomic
def register_export_request(*, review_round: ReviewRound, fmt: str, by) -> RegisterExport:
    """Queue a register export; the task runs after the transaction commits."""
    from documents.tasks import build_register_export

    export = RegisterExport.objects.create(round=review_round, format=fmt, requested_by=by)
    transaction.on_commit(lambda: build_register_export.delay(export_id=export.pk))
    return export


def register_export_run(*, export_id: int) -> None:
    """Build the file of a queued export, reporting progress on its row. Safe to run twice:
    the row is claimed with a conditional update, and a second run finds it taken."""
    from django.core.files.base import ContentFile

    from documents.exports import register_file

    claimed = RegisterExport.objects.filter(pk=export_id, status=ExportStatus.PENDING).update(
        status=ExportStatus.RUNNING, progress=1
    )
    if not claimed:
        return
    export = RegisterExport.objects.select_related("round", "round__draft", "round__draft__congress").get(pk=export_id)

    def progress(percent: int) -> None:
        RegisterExport.objects.filter(pk=export_id).update(progress=max(1, min(int(percent), 99)))

    try:
        content, filename = register_file(review_round=export.round, fmt=export.format, progress=progress)
    except Exception as error:  # recorded on the row and shown to the user, not retried
        logger.exception("Register export %s failed", export_id)
        RegisterExport.objects.filter(pk=export_id).update(
            status=ExportStatus.FAILED, error=str(error)[:500], finished_at=timezone.now()
        )
        return
    export.file.save(filename, ContentFile(content), save=False)
    export.status = ExportStatus.DONE
    export.progress = 100
    export.finished_at = timezone.now()
    export.save(update_fields=["file", "status", "progress", "finished_at"])


# --- controlled circulation


@transaction.atomic
def circulation_issue(
    *, version: DraftVersion, recipient_name: str, by, recipient=None, organization=None, note: str = ""
) -> CirculationCopy:
    version = DraftVersion.objects.select_for_update().select_related("draft").get(pk=version.pk)
    if not version.is_published:
        raise ValidationError(_("Only a published version can be circulated."))
    recipient_name = recipient_name.strip() or (str(recipient) if recipient else "")
    if not recipient_name:
        raise ValidationError({"recipient_name": _("Name the recipient of the copy.")})
    if organization is not None and organization.congress_id != version.draft.congress_id:
        raise ValidationError({"organization": _("This organization belongs to another congress.")})
    number = (version.copies.aggregate(n=Max("number"))["n"] or 0) + 1
    return CirculationCopy.objects.create(
        version=version,
        number=number,
        recipient_name=recipient_name[:255],
        recipient=recipient,
        organization=organization,
        note=note[:500],
        issued_by=by,
    )


def circulation_download(*, copy: CirculationCopy, by, ip_address: str | None = None) -> bytes:
    """The watermarked PDF of a copy; every download is logged."""
    from documents.exports import version_pdf

    pdf = version_pdf(copy.version, copy=copy)
    CirculationDownload.objects.create(copy=copy, user=by, ip_address=ip_address)
    return pdf
