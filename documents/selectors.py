"""Reads of the drafts: visible drafts and rounds, the reading page, the disposition work list,
the consolidation register and its counts, open rounds for deadline reminders."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, F, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from congress.models import Congress
from documents.models import (
    Comment,
    Disposition,
    Draft,
    DraftStatusChange,
    DraftVersion,
    Paragraph,
    ParagraphKind,
    ReviewRound,
)
from documents.permissions import DocumentsAccess, visible_comment_filter


def open_rounds(congress: Congress, *, today: datetime.date | None = None) -> QuerySet[ReviewRound]:
    """Rounds not yet handled whose deadlines still matter: taking comments (closes_on is the
    comment deadline) or closed and waiting for dispositions (disposition_due_on). For the
    deadline reminders; each row is annotated with `undisposed`, the comments still unanswered."""
    today = today or timezone.localdate()
    return (
        ReviewRound.objects.filter(draft__congress=congress, handled_at__isnull=True, opens_on__lte=today)
        .select_related("draft", "version")
        .annotate(undisposed=Count("comments", filter=Q(comments__disposition="")))
        .order_by("closes_on", "id")
    )


def visible_drafts(*, congress: Congress, docs: DocumentsAccess) -> QuerySet[Draft]:
    drafts = Draft.objects.filter(congress=congress)
    if not docs.reads_all:
        drafts = drafts.filter(rounds__in=list(docs.invited_round_ids)).distinct()
    return (
        drafts.select_related("subcommittee", "congress")
        .annotate(
            version_count=Count("versions", filter=Q(versions__published_at__isnull=False), distinct=True),
            round_count=Count("rounds", distinct=True),
        )
        .order_by("kind", "title", "id")
    )


def visible_rounds(*, draft: Draft, docs: DocumentsAccess) -> QuerySet[ReviewRound]:
    rounds = draft.rounds.select_related("version")
    if not docs.reads_all:
        rounds = rounds.filter(pk__in=list(docs.invited_round_ids))
    return rounds.annotate(
        comment_count=Count("comments"),
        undisposed=Count("comments", filter=Q(comments__disposition="")),
    )


def invitations_for(*, congress: Congress, user) -> list[ReviewRound]:
    """Rounds the user is invited to, newest first, with his own comment counts."""
    return list(
        ReviewRound.objects.filter(draft__congress=congress, reviewers=user)
        .select_related("draft", "version")
        .annotate(my_comments=Count("comments", filter=Q(comments__author=user)))
        .order_by("-closes_on", "-id")
    )


def timeline(draft: Draft) -> list[DraftStatusChange]:
    return list(draft.status_changes.select_related("moved_by", "version"))


@dataclass
class ReadingRow:
    paragraph: Paragraph
    count: int = 0
    open: int = 0
    carried: int = 0


def reading_rows(
    *, version: DraftVersion, review_round: ReviewRound | None = None, docs: DocumentsAccess
) -> tuple[list[ReadingRow], dict]:
    """Paragraphs with the number of comments beside each: three queries, whatever the size.

    With a round: the comments of that round the user may read. Without: those of every round on
    the version (for those who read all), plus the open comments carried here from a previous version.
    """
    paragraphs = list(version.paragraphs.order_by("position"))
    counts, carried, whole = _reading_counts(version=version, review_round=review_round, docs=docs)
    rows = [
        ReadingRow(
            paragraph=p,
            count=counts.get(p.pk, {}).get("n", 0),
            open=counts.get(p.pk, {}).get("open", 0),
            carried=carried.get(p.pk, 0),
        )
        for p in paragraphs
    ]
    return rows, whole


def reading_page_rows(
    *, review_round: ReviewRound, docs: DocumentsAccess, selected: Paragraph | None = None
) -> tuple[list[dict], dict]:
    """reading_rows of a round as its reading page shows them: a dict a paragraph, not a ReadingRow and its
    Paragraph (150 paragraphs: a template reads a dict's key at its first try, a model's attribute after a
    failed key lookup), with its comment `count` and whether it is the `selected` one. Same queries."""
    counts, _carried, whole = _reading_counts(version=review_round.version, review_round=review_round, docs=docs)
    rows = list(
        review_round.version.paragraphs.order_by("position").values("id", "position", "label", "kind", "level", "text")
    )
    selected_pk = selected.pk if selected is not None else None
    for row in rows:
        row["count"] = counts.get(row["id"], {}).get("n", 0)
        row["is_heading"] = row["kind"] == ParagraphKind.HEADING
        row["selected"] = row["id"] == selected_pk
    return rows, whole


def _reading_counts(
    *, version: DraftVersion, review_round: ReviewRound | None, docs: DocumentsAccess
) -> tuple[dict, dict[int, int], dict]:
    """The comment counts of reading_rows: {paragraph id: {n, open}}, {paragraph id: carried}, whole document."""
    comments = Comment.objects.all()
    if review_round is not None:
        comments = comments.filter(round=review_round, **visible_comment_filter(docs, review_round))
    elif docs.reads_all:
        comments = comments.filter(round__version=version)
    else:
        comments = comments.none()
    counts = {
        row["paragraph_id"]: row
        for row in comments.order_by()  # no ordering: its joins (round, draft) serve no grouping
        .values("paragraph_id")
        .annotate(n=Count("id"), open=Count("id", filter=Q(disposition="")))
    }
    carried: dict[int, int] = {}
    if docs.reads_all and review_round is None:
        carried = dict(
            Comment.objects.filter(carried_to__version=version, disposition="")
            .values("carried_to_id")
            .annotate(n=Count("id"))
            .values_list("carried_to_id", "n")
        )
    whole = counts.get(None, {"n": 0, "open": 0})
    return counts, carried, {"n": whole.get("n", 0), "open": whole.get("open", 0)}


def paragraph_comments(
    *, review_round: ReviewRound, paragraph: Paragraph | None, docs: DocumentsAccess
) -> list[Comment]:
    comments = Comment.objects.filter(
        round=review_round, paragraph=paragraph, **visible_comment_filter(docs, review_round)
    )
    return list(comments.select_related("organization", "landed_in").order_by("number"))


@dataclass
class DispositionFilter:
    paragraph: int | None = None  # a paragraph id, or 0 for the whole document
    author: int | None = None
    author_name: str = ""
    organization: int | None = None
    disposition: str = ""  # a Disposition value, "none" (not yet disposed) or "" (all)


def _disposition_filtered(*, review_round: ReviewRound, filters: DispositionFilter) -> QuerySet[Comment]:
    comments = Comment.objects.filter(round=review_round)
    if filters.paragraph == 0:
        comments = comments.filter(paragraph__isnull=True)
    elif filters.paragraph:
        comments = comments.filter(paragraph_id=filters.paragraph)
    if filters.author:
        comments = comments.filter(author_id=filters.author)
    if filters.author_name:
        comments = comments.filter(author_name=filters.author_name)
    if filters.organization:
        comments = comments.filter(organization_id=filters.organization)
    if filters.disposition == "none":
        comments = comments.filter(disposition="")
    elif filters.disposition:
        comments = comments.filter(disposition=filters.disposition)
    return comments


DISPOSITION_ORDER = (F("paragraph__position").asc(nulls_first=True), "number")


def _with_row_columns(comments: QuerySet[Comment]) -> QuerySet[Comment]:
    # One model instance a row: the related names the page shows come as annotations (a join each), not as
    # six related instances a row (README, "Performance"). The columns are those the rows read.
    return (
        comments.only(*DISPOSITION_ROW_FIELDS)
        .annotate(
            **{name: F(lookup) for name, lookup in _ROW_LOOKUPS.items()},
            # str(user): the full name, or the username when it is empty.
            disposed_by_name=Coalesce(NullIf(F("disposed_by__full_name"), Value("")), F("disposed_by__username")),
        )
        .order_by(*DISPOSITION_ORDER)
    )


def disposition_comments(*, review_round: ReviewRound, filters: DispositionFilter) -> QuerySet[Comment]:
    return _with_row_columns(_disposition_filtered(review_round=review_round, filters=filters))


class DispositionRows:
    """The rows of the work page for a Paginator: a page is read as the ids of its window (the order needs
    only the paragraph's position), then those rows with their joins, in one statement. Sorting every
    comment of the round with its six joins and dropping all but 50 cost 1.6 ms on the first page of
    2,000 comments and 4 ms on the 21st; now about 1.1 ms on any page (README, "Performance").

    The rows are dicts with disposition_comments' names (a template reads a dict's key at its first try;
    a model instance's attribute after a failed key lookup), and no instance is built."""

    ordered = True  # for Paginator's warning about unordered lists

    def __init__(self, filtered: QuerySet[Comment]):
        self.filtered = filtered

    def count(self) -> int:
        return self.filtered.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[dict]:
        if not isinstance(window, slice):
            raise TypeError("DispositionRows is read a page at a time")
        ids = self.filtered.order_by(*DISPOSITION_ORDER).values("pk")[window]
        # The related names as plain lookups, named in Python: building the annotations' expressions
        # cost more than reading the rows (disposition_comments has them for a single comment).
        rows = (
            Comment.objects.filter(pk__in=ids)
            .order_by(*DISPOSITION_ORDER)
            .values_list(
                *DISPOSITION_ROW_FIELDS, *_ROW_LOOKUPS.values(), "disposed_by__full_name", "disposed_by__username"
            )
        )
        names = (*DISPOSITION_ROW_FIELDS, *_ROW_LOOKUPS)
        width = len(names)
        out = []
        for row in rows:
            item = dict(zip(names, row[:width], strict=True))
            item["disposed_by_name"] = row[width] or row[width + 1]  # str(user): full name, else username
            out.append(item)
        return out


def disposition_rows(*, review_round: ReviewRound, filters: DispositionFilter) -> DispositionRows:
    return DispositionRows(_disposition_filtered(review_round=review_round, filters=filters))


# The related names a row shows, and where they are read (disposed_by_name is worked out apart).
_ROW_LOOKUPS = {
    "paragraph_label": "paragraph__label",
    "organization_name": "organization__name",
    "landed_in_label": "landed_in__label",
    "landed_in_version": "landed_in__version__number",
    "carried_to_label": "carried_to__label",
}
DISPOSITION_ROW_ANNOTATIONS = (*_ROW_LOOKUPS, "disposed_by_name")
DISPOSITION_ROW_FIELDS = (
    "id",
    "round_id",
    "number",
    "paragraph_id",
    "author_name",
    "organization_id",
    "source",
    "text",
    "proposed_text",
    "carried_to_id",
    "disposition",
    "response",
    "landed_in_id",
    "disposed_by_id",
    "disposed_at",
)


def later_paragraphs(review_round: ReviewRound) -> list[Paragraph]:
    """Paragraphs of the versions after the reviewed one: where a comment may have landed."""
    return list(
        Paragraph.objects.filter(
            version__draft_id=review_round.draft_id, version__number__gt=review_round.version.number
        )
        .select_related("version")
        .order_by("version__number", "position")
    )


@dataclass
class RegisterGroup:
    paragraph: Paragraph | None
    comments: list[Comment] = field(default_factory=list)


@dataclass
class RegisterCounts:
    total: int
    by_disposition: list[tuple[str, str, int]]  # (value, label, count); "" is "not yet disposed"
    by_organization: list[tuple[str, int, dict[str, int]]]  # (name, total, {disposition: count})
    invited_silent: list[str]  # invited organizations that sent no comment
    authors: list[str] = field(default_factory=list)  # who commented, by name (the filter's choices)
    organizations: list[tuple[int, str]] = field(default_factory=list)  # (id, name) of commenting organizations
    # (disposition, author name, organization id) → comments: the counts behind the figures above
    groups: dict[tuple[str, str, int | None], int] = field(default_factory=dict)

    @property
    def undisposed(self) -> int:
        return next((n for value, _label, n in self.by_disposition if value == ""), 0)

    def matching(self, filters: DispositionFilter) -> int | None:
        """How many comments the filters keep, from the counts (the page's count without a query of its
        own); None when a filter the counts do not hold (a paragraph, an author account) is set."""
        if filters.paragraph is not None or filters.author:
            return None
        return sum(
            n
            for (disposition, author_name, organization_id), n in self.groups.items()
            if (not filters.author_name or author_name == filters.author_name)
            and (not filters.organization or organization_id == filters.organization)
            and (
                not filters.disposition or disposition == ("" if filters.disposition == "none" else filters.disposition)
            )
        )


def register_counts(review_round: ReviewRound) -> RegisterCounts:
    from django.utils.translation import gettext as _

    # Tuples, not dicts: a round of 2,000 comments has a few hundred groups; no ordering, whose joins
    # (round, draft) the grouping does not need (README, "Performance").
    rows = list(
        Comment.objects.filter(round=review_round)
        .order_by()
        .values_list("disposition", "author_name", "organization_id")
        .annotate(n=Count("id"))
        .values_list("disposition", "author_name", "organization_id", "organization__name", "n")
    )
    by_disposition = dict.fromkeys([*Disposition.values, ""], 0)
    by_org: dict[str, dict[str, int]] = {}
    individuals = _("Individuals")
    for disposition, _author, _organization_id, organization_name, n in rows:
        by_disposition[disposition] += n
        counts = by_org.setdefault(organization_name or individuals, {})
        counts[disposition] = counts.get(disposition, 0) + n
    labels = dict(Disposition.choices)
    invited = list(review_round.organizations.values_list("name", flat=True))
    return RegisterCounts(
        total=sum(row[4] for row in rows),
        by_disposition=[(v, str(labels.get(v, _("Not yet disposed"))), n) for v, n in by_disposition.items()],
        by_organization=sorted(
            ((name, sum(d.values()), d) for name, d in by_org.items()), key=lambda item: (-item[1], item[0])
        ),
        invited_silent=sorted(set(invited) - set(by_org)),
        authors=sorted({row[1] for row in rows}),
        organizations=sorted({(row[2], row[3]) for row in rows if row[2]}, key=lambda item: (item[1], item[0])),
        groups={(row[0], row[1], row[2]): row[4] for row in rows},
    )


def register_groups(review_round: ReviewRound) -> list[RegisterGroup]:
    """Comments of a round grouped per paragraph in reading order (whole-document ones first)."""
    comments = (
        Comment.objects.filter(round=review_round)
        .select_related("paragraph", "organization", "landed_in", "landed_in__version")
        .order_by(F("paragraph__position").asc(nulls_first=True), "number")
    )
    groups: list[RegisterGroup] = []
    for comment in comments:
        if not groups or groups[-1].paragraph != comment.paragraph:
            groups.append(RegisterGroup(paragraph=comment.paragraph))
        groups[-1].comments.append(comment)
    groups.sort(key=lambda g: -1 if g.paragraph is None else g.paragraph.position)
    return groups


def versions_of(draft: Draft, *, docs: DocumentsAccess) -> QuerySet[DraftVersion]:
    versions = draft.versions.select_related("created_by", "published_by")
    if not docs.reads_all:
        versions = versions.filter(rounds__in=list(docs.invited_round_ids), published_at__isnull=False).distinct()
    return versions.order_by("-number")


def draft_page(draft: Draft, *, docs: DocumentsAccess) -> dict:
    return {
        "versions": list(versions_of(draft, docs=docs).annotate(copy_count=Count("copies"))),
        "rounds": list(visible_rounds(draft=draft, docs=docs)),
        "timeline": timeline(draft) if docs.reads_all else [],
        "drafters": list(draft.drafters.order_by("name_key")),
    }


def copies_of(version: DraftVersion):
    from documents.models import CirculationDownload

    return version.copies.select_related("recipient", "organization", "issued_by").prefetch_related(
        Prefetch("downloads", queryset=CirculationDownload.objects.select_related("user"))
    )


def copies_for(*, congress: Congress, user) -> list:
    """Numbered copies issued to this user (he may download them himself)."""
    from documents.models import CirculationCopy

    return list(
        CirculationCopy.objects.filter(version__draft__congress=congress, recipient=user)
        .select_related("version", "version__draft")
        .order_by("-issued_at")
    )
