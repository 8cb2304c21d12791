"""Core models: users, the congress and its rules, party organizations, roles, milestones."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.lookups import LessThan
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from congress.db import DaysBetween
from congress.vietnamese import fold, name_sort_key

RESERVED_SLUGS = {"admin", "accounts", "i18n", "static", "media", "api", "healthz"}


def validate_congress_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("“%(slug)s” is reserved; choose another short name.") % {"slug": value})


class User(AbstractUser):
    """An account. `full_name` is the Vietnamese name as written; lists sort by `name_key`."""

    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="vi")
    name_key = models.CharField(max_length=400, blank=True, db_index=True, editable=False)
    name_folded = models.CharField(max_length=150, blank=True, db_index=True, editable=False)

    class Meta(AbstractUser.Meta):
        ordering = ["name_key", "username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.username

    def save(self, *args, **kwargs):
        # Derived columns for ordering and search, kept in sync on every save.
        self.name_key = name_sort_key(self.full_name or self.username)
        self.name_folded = fold(f"{self.full_name} {self.username}")
        super().save(*args, **kwargs)

    def get_full_name(self) -> str:
        return self.full_name or super().get_full_name() or self.username


class CongressLevel(models.TextChoices):
    GRASSROOTS = "grassroots", _("Grassroots")
    DISTRICT = "district", _("District")
    CITY = "city", _("City / province")


class CongressStatus(models.TextChoices):
    PREPARING = "preparing", _("Preparing")
    IN_SESSION = "in_session", _("In session")
    CLOSED = "closed", _("Closed")


class Congress(models.Model):
    slug = models.SlugField(_("short name in URLs"), max_length=60, unique=True, validators=[validate_congress_slug])
    name = models.CharField(_("name"), max_length=255)
    organizing_committee = models.CharField(_("organizing party committee"), max_length=255)
    upper_committee = models.CharField(
        _("upper-level party committee"),
        max_length=255,
        blank=True,
        help_text=_("Printed above the issuing body on documents, e.g. “Đảng bộ thành phố Hà Nội”."),
    )
    ordinal = models.PositiveSmallIntegerField(_("ordinal"), help_text=_("e.g. 26 for the XXVI congress"))
    term_start = models.PositiveSmallIntegerField(_("term starts (year)"))
    term_end = models.PositiveSmallIntegerField(_("term ends (year)"))
    level = models.CharField(_("level"), max_length=20, choices=CongressLevel.choices, default=CongressLevel.DISTRICT)
    place = models.CharField(
        _("place name for dates"), max_length=100, blank=True, help_text=_('As in "Ba Đình, ngày … tháng … năm …"')
    )
    opening_date = models.DateField(_("planned opening"), null=True, blank=True)
    closing_date = models.DateField(_("planned closing"), null=True, blank=True)
    cutoff_date = models.DateField(_("must finish by"))
    max_days = models.PositiveSmallIntegerField(_("maximum length (days)"), default=3)
    max_delegates = models.PositiveIntegerField(_("maximum number of delegates"), default=300)
    executive_committee_size = models.PositiveSmallIntegerField(_("executive committee size"))
    standing_committee_size = models.PositiveSmallIntegerField(_("Standing Committee size"))
    quorum_percent = models.PositiveSmallIntegerField(
        _("quorum (% of delegates summoned)"),
        default=67,
        help_text=_("Share of summoned delegates that must be present."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CongressStatus.choices, default=CongressStatus.PREPARING
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-term_start", "name"]
        verbose_name = _("congress")
        verbose_name_plural = _("congresses")
        constraints = [
            models.CheckConstraint(
                condition=Q(closing_date__gte=F("opening_date")),
                name="congress_closing_after_opening",
                violation_error_message=_("The closing date cannot be before the opening date."),
            ),
            models.CheckConstraint(
                condition=Q(closing_date__lte=F("cutoff_date")),
                name="congress_closing_by_cutoff",
                violation_error_message=_("The congress must finish by the cutoff date."),
            ),
            models.CheckConstraint(
                condition=LessThan(DaysBetween(F("closing_date"), F("opening_date")), F("max_days")),
                name="congress_length_within_max_days",
                violation_error_message=_("The congress is longer than its maximum length."),
            ),
            models.CheckConstraint(
                condition=Q(executive_committee_size__gte=F("standing_committee_size") * 3),
                name="congress_standing_committee_third",
                violation_error_message=_(
                    "The Standing Committee may have at most one third of the executive committee."
                ),
            ),
            models.CheckConstraint(
                condition=Q(term_end__gt=F("term_start")),
                name="congress_term_order",
                violation_error_message=_("The term must end after it starts."),
            ),
            models.CheckConstraint(condition=Q(max_days__gte=1), name="congress_max_days_positive"),
            models.CheckConstraint(condition=Q(max_delegates__gte=1), name="congress_max_delegates_positive"),
            models.CheckConstraint(
                condition=Q(quorum_percent__gte=1, quorum_percent__lte=100), name="congress_quorum_percent_range"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("dashboard", kwargs={"congress": self.slug})

    @property
    def ordinal_roman(self) -> str:
        return to_roman(self.ordinal)

    @property
    def term_label(self) -> str:
        return f"{self.term_start}–{self.term_end}"

    @property
    def length_days(self) -> int | None:
        if self.opening_date and self.closing_date:
            return (self.closing_date - self.opening_date).days + 1
        return None


def to_roman(number: int) -> str:
    numerals = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]  # fmt: skip
    out = []
    for value, letters in numerals:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


class OrganizationKind(models.TextChoices):
    COMMITTEE = "committee", _("Party committee (organizing)")
    GRASSROOTS_COMMITTEE = "grassroots_committee", _("Grassroots party committee")
    GRASSROOTS_CELL = "grassroots_cell", _("Grassroots party cell")
    SUBORDINATE_COMMITTEE = "subordinate_committee", _("Subordinate party committee")
    CELL = "cell", _("Party cell")


class PartyOrganization(models.Model):
    """A node of the tree: the district committee → grassroots organizations → cells."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="organizations")
    parent = models.ForeignKey(
        "self", verbose_name=_("parent"), on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    name = models.CharField(_("name"), max_length=255)
    code = models.CharField(_("code"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganizationKind.choices)
    sector = models.CharField(_("sector"), max_length=100, blank=True)
    member_count = models.PositiveIntegerField(_("party members"), default=0)
    name_folded = models.CharField(max_length=255, blank=True, db_index=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["code", "name"]
        verbose_name = _("party organization")
        verbose_name_plural = _("party organizations")
        constraints = [
            models.UniqueConstraint(fields=["congress", "name", "parent"], name="organization_unique_name"),
            models.UniqueConstraint(
                fields=["congress", "code"], condition=~Q(code=""), name="organization_unique_code"
            ),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="organization_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)


class Role(models.TextChoices):
    """Congress-wide roles. Subcommittee roles are held through subcommittee memberships."""

    SECRETARIAT_LEAD = "secretariat_lead", _("Secretariat lead")
    SECRETARIAT = "secretariat", _("Secretariat staff")
    REVIEWER = "reviewer", _("Reviewer")
    CREDENTIALS = "credentials", _("Credentials committee")
    VOTE_COUNTING = "vote_counting", _("Vote-counting committee")
    OBSERVER = "observer", _("Observer")


class CongressRole(models.Model):
    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="roles")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="congress_roles")
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("congress role")
        verbose_name_plural = _("congress roles")
        constraints = [models.UniqueConstraint(fields=["congress", "user", "role"], name="congress_role_unique")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} ({self.congress.slug})"


class MilestoneKind(models.TextChoices):
    PLAN_APPROVED = "plan_approved", _("Preparation plan approved")
    SUBCOMMITTEES_FORMED = "subcommittees_formed", _("Subcommittees formed")
    DRAFTS_READY = "drafts_ready", _("Draft documents ready")
    GRASSROOTS_HELD = "grassroots_held", _("Grassroots congresses held")
    DOSSIERS_DUE = "dossiers_due", _("Candidacy dossiers due (15 working days before opening)")
    OPENING_ANNOUNCED = "opening_announced", _("Opening announced (30 working days before)")
    CONGRESS = "congress", _("Congress opens")
    CUTOFF = "cutoff", _("Cutoff: congress finished")
    OTHER = "other", _("Other")


class Milestone(models.Model):
    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(_("kind"), max_length=30, choices=MilestoneKind.choices, default=MilestoneKind.OTHER)
    title = models.CharField(_("title"), max_length=255)
    due_date = models.DateField(_("date"))
    responsible = models.ForeignKey(
        "subcommittees.Subcommittee",
        verbose_name=_("responsible subcommittee"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
    )
    done_at = models.DateField(_("done on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        indexes = [models.Index(fields=["congress", "due_date"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def is_overdue(self) -> bool:
        return not self.is_done and self.due_date < timezone.localdate()


class HolidayKind(models.TextChoices):
    DAY_OFF = "day_off", _("Day off")
    WORKING_DAY = "working_day", _("Make-up working day")


class Holiday(models.Model):
    """A public holiday (not a working day), as data the secretariat can extend.

    Kind "make-up working day" marks the opposite: a Saturday worked in exchange for a day off.
    """

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=HolidayKind.choices, default=HolidayKind.DAY_OFF)

    class Meta:
        ordering = ["date"]
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.name}"


def is_working_day(day: datetime.date, holidays: set[datetime.date]) -> bool:
    return day.weekday() < 5 and day not in holidays


# --- Deadlines and reminders (README, section "reminders").


class DeadlineKind(models.TextChoices):
    TASK = "task", _("Task")
    MILESTONE = "milestone", _("Milestone")
    REVIEW_ROUND = "review_round", _("Review round closes")
    COMMENT_DISPOSITION = "comment_disposition", _("Comments to be disposed")
    CANDIDACY_DOSSIER = "candidacy_dossier", _("Candidacy dossier")
    OTHER = "other", _("Other")


class Deadline(models.Model):
    """One dated obligation of any app, kept in sync by the service that writes its source.

    Who answers for it: a person, else a working group, else a subcommittee, else the secretariat.
    """

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="deadlines")
    kind = models.CharField(_("kind"), max_length=30, choices=DeadlineKind.choices, default=DeadlineKind.OTHER)
    source_type = models.CharField(_("source"), max_length=60, editable=False)  # "app_label.model"
    source_id = models.PositiveBigIntegerField(editable=False)
    source_key = models.CharField(max_length=30, blank=True, default="", editable=False)
    title = models.CharField(_("title"), max_length=255)
    url = models.CharField(_("link"), max_length=500, blank=True)
    due_date = models.DateField(_("due date"))
    done = models.BooleanField(_("done"), default=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deadlines",
    )
    group = models.ForeignKey(
        "subcommittees.WorkingGroup",
        verbose_name=_("working group"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deadlines",
    )
    subcommittee = models.ForeignKey(
        "subcommittees.Subcommittee",
        verbose_name=_("subcommittee"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deadlines",
    )
    # When the current due date was set (or the deadline reopened): reminders are owed from then,
    # so moving a date earlier does not make old reminders look late.
    armed_at = models.DateTimeField(_("armed at"), default=timezone.now, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        constraints = [
            models.UniqueConstraint(fields=["source_type", "source_id", "source_key"], name="deadline_unique_source"),
        ]
        indexes = [
            # The sweep looks up open deadlines by exact due dates.
            models.Index(fields=["due_date"], condition=Q(done=False), name="deadline_open_due_idx"),
            models.Index(fields=["congress", "due_date"], name="deadline_congress_due_idx"),
            # Deadlines created, moved or reopened since the last sweep.
            models.Index(fields=["armed_at"], condition=Q(done=False), name="deadline_open_armed_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.due_date:%d/%m/%Y})"


class OffsetUnit(models.TextChoices):
    DAYS = "days", _("calendar days")
    WORKING_DAYS = "working_days", _("working days")


def default_send_time() -> datetime.time:
    return datetime.time(7, 30)


class ReminderPolicy(models.Model):
    """How one congress reminds: offsets before the due date, escalation, quiet hours, working days."""

    congress = models.OneToOneField(Congress, on_delete=models.CASCADE, related_name="reminder_policy")
    offsets = models.CharField(
        _("remind this many days before the due date"),
        max_length=60,
        default="7,3,1",
        help_text=_("Numbers separated by commas, e.g. 7, 3, 1."),
    )
    offset_unit = models.CharField(
        _("count the days in"), max_length=20, choices=OffsetUnit.choices, default=OffsetUnit.DAYS
    )
    working_days_only = models.BooleanField(
        _("send on working days only"),
        default=True,
        help_text=_(
            "A reminder falling on a weekend or public holiday goes out on the working day before; "
            "an overdue notice on the working day after."
        ),
    )
    send_time = models.TimeField(_("time of day reminders go out"), default=default_send_time)
    quiet_hours = models.BooleanField(_("keep quiet hours"), default=True)
    quiet_start = models.TimeField(_("quiet from"), default=datetime.time(21, 0))
    quiet_end = models.TimeField(_("quiet until"), default=datetime.time(7, 0))
    escalate = models.BooleanField(_("escalate overdue deadlines to the subcommittee head"), default=True)
    escalate_after_days = models.PositiveSmallIntegerField(
        _("first overdue notice (days after the due date)"), default=1
    )
    escalate_every_days = models.PositiveSmallIntegerField(_("then repeat every (days)"), default=7)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )

    class Meta:
        verbose_name = _("reminder policy")
        verbose_name_plural = _("reminder policies")
        constraints = [
            models.CheckConstraint(
                condition=Q(escalate_after_days__gte=1, escalate_after_days__lte=60),
                name="policy_escalate_after_range",
                violation_error_message=_("The first overdue notice goes out 1 to 60 days after the due date."),
            ),
            models.CheckConstraint(
                condition=Q(escalate_every_days__gte=1, escalate_every_days__lte=60),
                name="policy_escalate_every_range",
                violation_error_message=_("Overdue notices repeat every 1 to 60 days."),
            ),
        ]

    def __str__(self) -> str:
        return str(_("Reminder policy of %(congress)s") % {"congress": self.congress})

    @property
    def offset_list(self) -> list[int]:
        """The offsets, largest first (7, 3, 1)."""
        return sorted({int(part) for part in self.offsets.split(",") if part.strip()}, reverse=True)

    def in_quiet_hours(self, moment: datetime.time) -> bool:
        if not self.quiet_hours or self.quiet_start == self.quiet_end:
            return False
        if self.quiet_start < self.quiet_end:
            return self.quiet_start <= moment < self.quiet_end
        return moment >= self.quiet_start or moment < self.quiet_end


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("Before the due date")
    OVERDUE = "overdue", _("Overdue")


class DeliveryState(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    MISSED = "missed", _("Missed")
    SKIPPED = "skipped", _("Skipped")


class EmailMode(models.TextChoices):
    SINGLE = "single", _("One e-mail per reminder")
    DIGEST = "digest", _("One daily digest e-mail")
    OFF = "off", _("No e-mail")


class Digest(models.Model):
    """The daily e-mail that gathers one person's reminders (for those who chose a digest)."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests")
    day = models.DateField(_("day"))
    state = models.CharField(_("state"), max_length=20, choices=DeliveryState.choices, default=DeliveryState.SCHEDULED)
    queued_at = models.DateTimeField(null=True, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0, editable=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-day", "id"]
        verbose_name = _("daily digest")
        verbose_name_plural = _("daily digests")
        constraints = [models.UniqueConstraint(fields=["recipient", "day"], name="digest_one_per_day")]
        indexes = [models.Index(fields=["state", "queued_at"], name="digest_state_queued_idx")]

    def __str__(self) -> str:
        return f"{self.recipient} {self.day:%d/%m/%Y}"


class Reminder(models.Model):
    """One reminder to one person, recorded when it falls due; its key makes it unique.

    The sweep records it (state scheduled) and queues a task; the task claims it (sending),
    delivers it and marks it sent, or failed after its retries. Too late: missed.
    """

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="reminders")
    deadline = models.ForeignKey(Deadline, on_delete=models.CASCADE, related_name="reminders")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ReminderKind.choices)
    offset_days = models.PositiveSmallIntegerField(_("days"))  # before the due date, or late
    due_date = models.DateField(_("due date reminded"))  # the deadline's date this reminder is about
    due_at = models.DateTimeField(_("due to go out"))
    owed_at = models.DateTimeField(editable=False)  # lateness counts from here (due_at or when the date was set)
    escalation = models.BooleanField(_("to the head"), default=False)
    state = models.CharField(_("state"), max_length=20, choices=DeliveryState.choices, default=DeliveryState.SCHEDULED)
    manual = models.BooleanField(_("sent by hand"), default=False)
    queued_at = models.DateTimeField(null=True, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0, editable=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, editable=False)
    email_mode = models.CharField(_("e-mail"), max_length=20, choices=EmailMode.choices, blank=True)
    in_app = models.BooleanField(_("in the app"), default=False)
    digest = models.ForeignKey(
        Digest, on_delete=models.SET_NULL, null=True, blank=True, related_name="reminders", editable=False
    )
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    note = models.CharField(_("note"), max_length=255, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-due_at", "id"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["deadline", "kind", "offset_days", "recipient", "due_date"],
                name="reminder_unique_key",
                violation_error_message=_("This reminder has already been recorded."),
            ),
            models.CheckConstraint(
                condition=~Q(state="sent") | Q(sent_at__isnull=False), name="reminder_sent_has_time"
            ),
        ]
        indexes = [
            models.Index(fields=["state", "queued_at"], name="reminder_state_queued_idx"),
            models.Index(fields=["congress", "state", "due_at"], name="reminder_congress_state_idx"),
            models.Index(
                fields=["recipient"],
                condition=Q(state="sent", email_mode="digest", digest__isnull=True),
                name="reminder_digest_pending_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.deadline.title} → {self.recipient} ({self.get_kind_display()} {self.offset_days})"


class Notification(models.Model):
    """An in-app notification (the bell), written in the recipient's language."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, null=True, blank=True, related_name="notifications"
    )
    reminder = models.OneToOneField(
        Reminder, on_delete=models.SET_NULL, null=True, blank=True, related_name="notification", editable=False
    )
    level = models.CharField(max_length=20, default="info")  # info / warning / danger: the badge colour
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["user", "read_at"], name="notification_user_read_idx"),
            models.Index(fields=["user", "-created_at"], name="notification_user_time_idx"),
        ]

    def __str__(self) -> str:
        return self.title


class ReminderSweep(models.Model):
    """Where the sweep has got to: the reminders due up to `covered_until` are recorded.

    One row. Each sweep looks only at what fell due since (at most REMINDER_LOOKBACK_HOURS back,
    after an outage), so a sweep with nothing new costs next to nothing whatever the deadlines."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    covered_until = models.DateTimeField(_("reminders recorded up to"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("reminder sweep")
        verbose_name_plural = _("reminder sweep")
        constraints = [models.CheckConstraint(condition=Q(id=1), name="reminder_sweep_single_row")]

    def __str__(self) -> str:
        return f"{self.covered_until:%d/%m/%Y %H:%M:%S}"


def default_digest_time() -> datetime.time:
    return datetime.time(8, 0)


class NotificationSettings(models.Model):
    """How one person wants reminders: e-mail (single or daily digest) and/or in the app."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    email_mode = models.CharField(
        _("reminders by e-mail"), max_length=20, choices=EmailMode.choices, default=EmailMode.SINGLE
    )
    in_app = models.BooleanField(_("reminders in the app (the bell)"), default=True)
    digest_time = models.TimeField(_("send my daily digest at"), default=default_digest_time)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")
        constraints = [
            models.CheckConstraint(
                condition=~Q(email_mode="off") | Q(in_app=True),
                name="notification_settings_some_channel",
                violation_error_message=_("Keep at least one way to receive reminders: e-mail or the app."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)


from congress.audit_models import *  # noqa: E402,F401,F403
from congress.programme_models import *  # noqa: E402,F401,F403
