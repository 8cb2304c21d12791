"""Draft documents, their numbered versions, review rounds, comments and their dispositions.

A published version never changes (services refuse it); an edit makes a new version. A comment
carries its disposition (tiếp thu / giải trình) in the same row, with a revision counter for
optimistic locking: two people disposing one comment at once cannot silently overwrite each other.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from congress.models import Congress, PartyOrganization

COMMENT_MAX_CHARS = 4000
RESPONSE_MAX_CHARS = 4000


class DraftKind(models.TextChoices):
    POLITICAL_REPORT = "political_report", _("Political report")
    SELF_REVIEW = "self_review", _("Executive committee self-review report")
    ACTION_PROGRAMME = "action_programme", _("Action programme")
    RESOLUTION = "resolution", _("Resolution")
    OTHER = "other", _("Other document")


class DraftStatus(models.TextChoices):
    """The approval flow, in order; a draft may also be sent back to drafting."""

    DRAFTING = "drafting", _("Drafting")
    STANDING_REVIEW = "standing_review", _("Standing Committee review")
    EXECUTIVE_APPROVED = "executive_approved", _("Approved by the executive committee")
    UPPER_LEVEL = "upper_level", _("Comments from the upper level")
    SUBMITTED = "submitted", _("Submitted to the congress")
    ADOPTED = "adopted", _("Adopted by the congress")


STATUS_FLOW = [
    DraftStatus.DRAFTING,
    DraftStatus.STANDING_REVIEW,
    DraftStatus.EXECUTIVE_APPROVED,
    DraftStatus.UPPER_LEVEL,
    DraftStatus.SUBMITTED,
    DraftStatus.ADOPTED,
]


class Draft(models.Model):
    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="drafts")
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=30, choices=DraftKind.choices, default=DraftKind.POLITICAL_REPORT)
    subcommittee = models.ForeignKey(
        "subcommittees.Subcommittee",
        verbose_name=_("owner subcommittee"),
        on_delete=models.PROTECT,
        related_name="drafts",
    )
    drafters = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible drafters"), blank=True, related_name="drafts"
    )
    status = models.CharField(_("status"), max_length=30, choices=DraftStatus.choices, default=DraftStatus.DRAFTING)
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("Circulated only as numbered, watermarked copies, each with a download log."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("draft document")
        verbose_name_plural = _("draft documents")
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "title"],
                name="draft_unique_title",
                violation_error_message=_("This congress already has a draft with this title."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("draft_detail", kwargs={"congress": self.congress.slug, "pk": self.pk})


class DraftStatusChange(models.Model):
    """One step of the approval flow: who moved the draft, when, with which version."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(_("from"), max_length=30, choices=DraftStatus.choices)
    to_status = models.CharField(_("to"), max_length=30, choices=DraftStatus.choices)
    version = models.ForeignKey(
        "DraftVersion",
        verbose_name=_("draft version"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=1000, blank=True)
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    moved_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["moved_at", "id"]
        verbose_name = _("approval step")
        verbose_name_plural = _("approval steps")

    def __str__(self) -> str:
        return f"{self.draft}: {self.get_from_status_display()} → {self.get_to_status_display()}"


class VersionSource(models.TextChoices):
    TYPED = "typed", _("Typed or pasted text")
    DOCX = "docx", _("Uploaded Word file")


def version_file_path(instance: DraftVersion, filename: str) -> str:
    return f"documents/{instance.draft.congress_id}/{instance.draft_id}/{timezone.now():%Y%m%d%H%M%S}-{filename}"


class DraftVersion(models.Model):
    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version no."))
    source = models.CharField(_("made from"), max_length=10, choices=VersionSource.choices)
    source_name = models.CharField(_("file name"), max_length=255, blank=True)
    source_file = models.FileField(_("uploaded file"), upload_to=version_file_path, max_length=300, blank=True)
    note = models.CharField(_("what changed"), max_length=500, blank=True)
    paragraph_count = models.PositiveIntegerField(_("paragraphs"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["draft", "number"]
        verbose_name = _("draft version")
        verbose_name_plural = _("versions")
        constraints = [
            models.UniqueConstraint(fields=["draft", "number"], name="version_unique_number"),
            models.UniqueConstraint(
                fields=["draft"],
                condition=Q(published_at__isnull=True),
                name="version_one_working_copy",
                violation_error_message=_("This draft already has a version being edited; publish or change it."),
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="version_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.draft} – v{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("version_detail", kwargs={"congress": self.draft.congress.slug, "pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class ParagraphKind(models.TextChoices):
    HEADING = "heading", _("Heading")
    PARAGRAPH = "paragraph", _("Paragraph")


class Paragraph(models.Model):
    """One numbered block of a version: a heading (section N) or a paragraph (N.k)."""

    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="paragraphs")
    position = models.PositiveIntegerField(_("place in the text"))
    label = models.CharField(_("number"), max_length=20)
    kind = models.CharField(_("kind"), max_length=10, choices=ParagraphKind.choices, default=ParagraphKind.PARAGRAPH)
    level = models.PositiveSmallIntegerField(_("heading level"), default=0)
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        constraints = [
            models.UniqueConstraint(fields=["version", "position"], name="paragraph_unique_position"),
            models.UniqueConstraint(fields=["version", "label"], name="paragraph_unique_label"),
            models.CheckConstraint(condition=Q(level__lte=3), name="paragraph_level_at_most_3"),
        ]

    def __str__(self) -> str:
        return f"§{self.label}"

    @property
    def is_heading(self) -> bool:
        return self.kind == ParagraphKind.HEADING


class ReviewRound(models.Model):
    """A call for comments on one published version, with invited reviewers and organizations."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="rounds")
    version = models.ForeignKey(
        DraftVersion, verbose_name=_("version under review"), on_delete=models.PROTECT, related_name="rounds"
    )
    title = models.CharField(_("title"), max_length=255)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"), help_text=_("Last day on which comments are taken."))
    disposition_due_on = models.DateField(
        _("dispositions due by"), null=True, blank=True, help_text=_("Every comment has an answer by this day.")
    )
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("invited reviewers"), blank=True, related_name="review_rounds"
    )
    organizations = models.ManyToManyField(
        PartyOrganization, verbose_name=_("invited organizations"), blank=True, related_name="review_rounds"
    )
    reviewers_see_all = models.BooleanField(
        _("reviewers see each other's comments"),
        default=False,
        help_text=_("Otherwise a reviewer sees only his own comments."),
    )
    instructions = models.TextField(_("instructions to reviewers"), blank=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["draft", "opens_on", "id"]
        verbose_name = _("review round")
        verbose_name_plural = _("review rounds")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")),
                name="round_closes_after_opening",
                violation_error_message=_("The round cannot close before it opens."),
            ),
            models.CheckConstraint(
                condition=Q(disposition_due_on__isnull=True) | Q(disposition_due_on__gte=F("closes_on")),
                name="round_dispositions_due_after_closing",
                violation_error_message=_("Dispositions cannot be due before the round closes."),
            ),
            models.UniqueConstraint(
                fields=["draft", "title"],
                name="round_unique_title",
                violation_error_message=_("This draft already has a review round with this title."),
            ),
        ]
        indexes = [models.Index(fields=["closes_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("round_read", kwargs={"congress": self.draft.congress.slug, "pk": self.pk})

    @property
    def is_handled(self) -> bool:
        return self.handled_at is not None

    def takes_comments_on(self, day) -> bool:
        return not self.is_handled and self.opens_on <= day <= self.closes_on

    @property
    def takes_comments(self) -> bool:
        return self.takes_comments_on(timezone.localdate())


class CommentSource(models.TextChoices):
    ONLINE = "online", _("Written in the application")
    WRITTEN = "written", _("Written submission")
    CONFERENCE = "conference", _("Conference or meeting")
    CONGRESS = "congress", _("Discussion at the congress")


class Disposition(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    PARTLY = "partly", _("Partly accepted")
    EXPLAINED = "explained", _("Explained, not accepted")
    NOTED = "noted", _("Noted (outside the document's scope)")


class Comment(models.Model):
    """A comment on one paragraph (or on the whole document) and the answer it got."""

    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="comments")
    number = models.PositiveIntegerField(_("no."))
    paragraph = models.ForeignKey(
        Paragraph,
        verbose_name=_("paragraph"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="comments",
        help_text=_("Empty: a comment on the whole document."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="document_comments",
    )
    author_name = models.CharField(_("comment by"), max_length=255)
    organization = models.ForeignKey(
        PartyOrganization,
        verbose_name=_("organization"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="document_comments",
    )
    source = models.CharField(_("source"), max_length=20, choices=CommentSource.choices, default=CommentSource.ONLINE)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.CharField(_("comment"), max_length=COMMENT_MAX_CHARS)
    proposed_text = models.CharField(_("proposed text"), max_length=COMMENT_MAX_CHARS, blank=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    # Carry-over: the paragraph of a later version that matches this comment's paragraph by text.
    carried_to = models.ForeignKey(
        Paragraph,
        verbose_name=_("carried to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_comments",
    )
    disposition = models.CharField(_("disposition"), max_length=20, choices=Disposition.choices, blank=True)
    response = models.CharField(_("response"), max_length=RESPONSE_MAX_CHARS, blank=True)
    landed_in = models.ForeignKey(
        Paragraph,
        verbose_name=_("landed in paragraph"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="landed_comments",
        help_text=_("The paragraph of the next version where the comment was taken into account."),
    )
    disposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    disposed_at = models.DateTimeField(_("disposed"), null=True, blank=True)
    revision = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["round", "number"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            models.UniqueConstraint(fields=["round", "number"], name="comment_unique_number"),
            models.CheckConstraint(
                condition=Q(disposition__in=["", *Disposition.values]), name="comment_disposition_known"
            ),
            models.CheckConstraint(
                condition=Q(disposition__in=["", Disposition.ACCEPTED]) | ~Q(response=""),
                name="comment_response_unless_accepted",
                violation_error_message=_("Write the response: it is required unless the comment is accepted."),
            ),
            models.CheckConstraint(
                condition=~Q(author_name=""),
                name="comment_author_named",
                violation_error_message=_("Say who made the comment."),
            ),
            models.CheckConstraint(condition=~Q(text=""), name="comment_not_empty"),
        ]
        indexes = [
            models.Index(fields=["round", "paragraph"]),
            # Also the register's counts, grouped by these columns, read from the index alone
            # (README, "Performance"); its prefix serves the undisposed comments of a round.
            models.Index(fields=["round", "disposition", "author_name", "organization"], name="comment_round_counts"),
            models.Index(fields=["round", "author"]),
        ]

    def __str__(self) -> str:
        return f"{self.round} #{self.number}"

    @property
    def is_disposed(self) -> bool:
        return bool(self.disposition)


class ExportFormat(models.TextChoices):
    DOCX = "docx", "Word (.docx)"
    PDF = "pdf", "PDF"
    XLSX = "xlsx", "Excel (.xlsx)"


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Could not be made")


def export_file_path(instance: RegisterExport, filename: str) -> str:
    return f"documents/exports/{instance.round_id}/{filename}"


class RegisterExport(models.Model):
    """A consolidation register built in the background (large rounds), with its progress."""

    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="exports")
    format = models.CharField(_("format"), max_length=10, choices=ExportFormat.choices)
    status = models.CharField(_("status"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.PENDING)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file = models.FileField(_("file"), upload_to=export_file_path, max_length=300, blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("register export")
        verbose_name_plural = _("register exports")
        constraints = [models.CheckConstraint(condition=Q(progress__lte=100), name="export_progress_at_most_100")]

    def __str__(self) -> str:
        return f"{self.round} ({self.format})"


class CirculationCopy(models.Model):
    """A numbered, watermarked copy of a version for one recipient (controlled circulation)."""

    version = models.ForeignKey(DraftVersion, on_delete=models.PROTECT, related_name="copies")
    number = models.PositiveIntegerField(_("copy no."))
    recipient_name = models.CharField(_("recipient"), max_length=255)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient's account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="document_copies",
        help_text=_("If set, this person can download his copy himself."),
    )
    organization = models.ForeignKey(
        PartyOrganization, verbose_name=_("organization"), on_delete=models.SET_NULL, null=True, blank=True
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)

    class Meta:
        ordering = ["version", "number"]
        verbose_name = _("circulated copy")
        verbose_name_plural = _("circulated copies")
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="copy_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="copy_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.version} – {self.number:02d} – {self.recipient_name}"


class CirculationDownload(models.Model):
    copy = models.ForeignKey(CirculationCopy, on_delete=models.CASCADE, related_name="downloads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+")
    downloaded_at = models.DateTimeField(_("when"), default=timezone.now)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        ordering = ["-downloaded_at"]
        verbose_name = _("copy download")
        verbose_name_plural = _("copy downloads")

    def __str__(self) -> str:
        return f"{self.copy} – {self.user} – {self.downloaded_at:%d/%m/%Y %H:%M}"
