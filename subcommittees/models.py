"""Subcommittees, their working groups and members, the task plan, meetings and attachments."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from congress.models import Congress

DUE_SOON_DAYS = 7


class SubcommitteeKind(models.TextChoices):
    PERSONNEL = "personnel", _("Personnel subcommittee")
    DOCUMENTS = "documents", _("Documents subcommittee")
    ORGANIZATION = "organization", _("Organization & Service subcommittee")


class Subcommittee(models.Model):
    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="subcommittees")
    kind = models.CharField(_("kind"), max_length=20, choices=SubcommitteeKind.choices)
    name = models.CharField(_("name"), max_length=255)
    mandate = models.TextField(_("mandate"), blank=True)
    regulations = models.TextField(_("working regulations"), blank=True)
    decision = models.CharField(_("establishing decision"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["congress", "kind"]
        verbose_name = _("subcommittee")
        verbose_name_plural = _("subcommittees")
        constraints = [models.UniqueConstraint(fields=["congress", "kind"], name="subcommittee_one_per_kind")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("subcommittee_detail", kwargs={"congress": self.congress.slug, "kind": self.kind})


class MemberRole(models.TextChoices):
    HEAD = "head", _("Head")
    DEPUTY = "deputy", _("Deputy head")
    SECRETARY = "secretary", _("Secretary")
    MEMBER = "member", _("Member")


# Roles that may run the subcommittee's work (edit tasks, groups, meetings).
MANAGING_ROLES = (MemberRole.HEAD, MemberRole.DEPUTY, MemberRole.SECRETARY)


class Membership(models.Model):
    subcommittee = models.ForeignKey(Subcommittee, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)
    title = models.CharField(_("office held"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["subcommittee", "role", "user__name_key"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["subcommittee", "user"], name="membership_unique_user"),
            models.UniqueConstraint(fields=["subcommittee"], condition=Q(role="head"), name="membership_one_head"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}"


class GroupKind(models.TextChoices):
    STANDING_UNIT = "standing_unit", _("Standing unit")
    WORKING_GROUP = "working_group", _("Working group")
    SUPPORT_UNIT = "support_unit", _("Support unit")


class WorkingGroup(models.Model):
    subcommittee = models.ForeignKey(Subcommittee, on_delete=models.CASCADE, related_name="groups")
    kind = models.CharField(_("kind"), max_length=20, choices=GroupKind.choices, default=GroupKind.WORKING_GROUP)
    name = models.CharField(_("name"), max_length=255)
    duties = models.TextField(_("duties"), blank=True)
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leader"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_groups",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("members"), blank=True, related_name="working_groups"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["subcommittee", "kind", "name"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        constraints = [models.UniqueConstraint(fields=["subcommittee", "name"], name="group_unique_name")]

    def __str__(self) -> str:
        return self.name


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    BLOCKED = "blocked", _("Blocked")


class Task(models.Model):
    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="tasks")
    subcommittee = models.ForeignKey(
        Subcommittee,
        verbose_name=_("subcommittee"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
    )
    group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("working group"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
    )
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    due_date = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    notes = models.TextField(_("notes"), blank=True)
    search_text = models.TextField(blank=True, editable=False)  # folded title and description, for search
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100),
                name="task_progress_at_most_100",
                violation_error_message=_("Progress is a percentage between 0 and 100."),
            ),
            models.CheckConstraint(condition=~Q(status="done") | Q(progress=100), name="task_done_means_complete"),
            models.CheckConstraint(
                condition=Q(subcommittee__isnull=False) | Q(group__isnull=False) | Q(assignee__isnull=False),
                name="task_has_owner",
                violation_error_message=_("Assign the task to a subcommittee, a working group or a person."),
            ),
        ]
        indexes = [
            models.Index(fields=["congress", "status", "due_date"]),
            models.Index(fields=["congress", "due_date"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("task_detail", kwargs={"congress": self.congress.slug, "pk": self.pk})

    @property
    def is_done(self) -> bool:
        return self.status == TaskStatus.DONE

    @property
    def is_overdue(self) -> bool:
        return not self.is_done and self.due_date < timezone.localdate()

    @property
    def days_late(self) -> int:
        return max((timezone.localdate() - self.due_date).days, 0) if not self.is_done else 0

    @property
    def is_due_soon(self) -> bool:
        today = timezone.localdate()
        return not self.is_done and today <= self.due_date <= today + timezone.timedelta(days=DUE_SOON_DAYS)


class MeetingBody(models.TextChoices):
    EXECUTIVE = "executive", _("Executive committee")
    STANDING = "standing", _("Standing Committee")
    SUBCOMMITTEE = "subcommittee", _("Subcommittee")
    OTHER = "other", _("Other")


class Meeting(models.Model):
    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="meetings")
    body = models.CharField(_("body"), max_length=20, choices=MeetingBody.choices)
    subcommittee = models.ForeignKey(
        Subcommittee,
        verbose_name=_("subcommittee"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
    )
    title = models.CharField(_("title"), max_length=255)
    starts_at = models.DateTimeField(_("date and time"))
    location = models.CharField(_("location"), max_length=255, blank=True)
    chair = models.CharField(_("chaired by"), max_length=255, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=~Q(body="subcommittee") | Q(subcommittee__isnull=False), name="meeting_subcommittee_named"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meeting_detail", kwargs={"congress": self.congress.slug, "pk": self.pk})


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"attachments/{instance.congress_id}/{timezone.now():%Y/%m}/{filename}"


class Attachment(models.Model):
    """A file of a subcommittee (working regulations, plans) or of a meeting (minutes)."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="attachments")
    subcommittee = models.ForeignKey(
        Subcommittee, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments")
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    original_name = models.CharField(max_length=255, editable=False)
    content_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveIntegerField(editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", editable=False
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.CheckConstraint(
                condition=Q(subcommittee__isnull=False, meeting__isnull=True)
                | Q(subcommittee__isnull=True, meeting__isnull=False),
                name="attachment_one_owner",
            ),
        ]

    def __str__(self) -> str:
        return self.title
