"""The congress days: agenda items of the sessions, congress bodies, votes by show of hands, speakers
and the state of the hall screen.

Imported at the end of congress/models.py so that Django registers these models in the congress app.
The sessions themselves are personnel.Session rows (date, times, venue, check-in); the rules on them
live in congress/programme_rules.py, the writes in congress/programme_services.py.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.lookups import GreaterThan, LessThanOrEqual
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from congress.models import Congress

HALF_DAY_MINUTES = 240  # a working half-day: 07:30–11:30 or 13:30–17:30
DEFAULT_SPEAKER_MINUTES = 7


class ProgrammeSettings(models.Model):
    """The rules of the congress days that are data, not constants (one row per congress, optional)."""

    congress = models.OneToOneField(Congress, on_delete=models.CASCADE, related_name="programme_settings")
    preparatory_max_minutes = models.PositiveSmallIntegerField(
        _("longest preparatory session (minutes)"),
        default=HALF_DAY_MINUTES,
        help_text=_("The preparatory session lasts at most half a day (240 minutes)."),
    )
    speaker_minutes = models.PositiveSmallIntegerField(
        _("speaking time per speaker (minutes)"), default=DEFAULT_SPEAKER_MINUTES
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("congress days settings")
        verbose_name_plural = _("congress days settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(preparatory_max_minutes__gte=30, preparatory_max_minutes__lte=720),
                name="programme_settings_preparatory_range",
                violation_error_message=_("The preparatory session lasts between 30 and 720 minutes."),
            ),
            models.CheckConstraint(
                condition=Q(speaker_minutes__gte=1, speaker_minutes__lte=60),
                name="programme_settings_speaker_range",
                violation_error_message=_("A speaker gets between 1 and 60 minutes."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.congress)


class ItemKind(models.TextChoices):
    REPORT = "report", _("Report")
    DISCUSSION = "discussion", _("Discussion")
    VOTE = "vote", _("Vote")
    ELECTION = "election", _("Election")
    CEREMONY = "ceremony", _("Ceremony")


class AgendaItem(models.Model):
    """One point of a session's programme, in its running order, with planned and actual times."""

    session = models.ForeignKey(
        "personnel.Session", verbose_name=_("session"), on_delete=models.PROTECT, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices, default=ItemKind.REPORT)
    title = models.CharField(_("title"), max_length=255)
    presenter = models.CharField(_("presented by"), max_length=255, blank=True)
    planned_minutes = models.PositiveSmallIntegerField(_("planned duration (minutes)"))
    draft = models.ForeignKey(
        "documents.Draft",
        verbose_name=_("draft document"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    notes = models.TextField(_("notes"), blank=True)
    actual_start = models.DateTimeField(_("actually started"), null=True, blank=True)
    actual_end = models.DateTimeField(_("actually ended"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["session_id", "position", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        indexes = [models.Index(fields=["session", "position"], name="agenda_item_session_order")]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_minutes__gte=1, planned_minutes__lte=600),
                name="agenda_item_planned_minutes_range",
                violation_error_message=_("The planned duration is between 1 and 600 minutes."),
            ),
            models.CheckConstraint(condition=Q(position__gte=1), name="agenda_item_position_positive"),
            models.CheckConstraint(
                condition=Q(actual_end__isnull=True)
                | (Q(actual_start__isnull=False) & Q(actual_end__gte=F("actual_start"))),
                name="agenda_item_ends_after_start",
                violation_error_message=_("An item ends after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_running(self) -> bool:
        return self.actual_start is not None and self.actual_end is None

    @property
    def actual_minutes(self) -> int | None:
        if self.actual_start and self.actual_end:
            return round((self.actual_end - self.actual_start).total_seconds() / 60)
        return None


class BodyKind(models.TextChoices):
    PRESIDIUM = "presidium", _("Presidium")
    SECRETARIAT = "secretariat", _("Congress secretariat")
    CREDENTIALS = "credentials", _("Credentials committee")
    VOTE_COUNTING = "vote_counting", _("Vote-counting committee")


class CongressBody(models.Model):
    """A body that runs the congress, elected or approved at the preparatory session."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="congress_bodies")
    kind = models.CharField(_("congress body"), max_length=20, choices=BodyKind.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["congress", "id"]
        verbose_name = _("congress body")
        verbose_name_plural = _("congress bodies")
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "kind"],
                name="congress_body_one_per_kind",
                violation_error_message=_("This congress already has this body."),
            )
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class BodyRole(models.TextChoices):
    HEAD = "head", _("Head of the body")
    MEMBER = "member", _("Member of the body")


class BodyMember(models.Model):
    """A delegate sitting in a congress body."""

    body = models.ForeignKey(
        CongressBody, verbose_name=_("congress body"), on_delete=models.CASCADE, related_name="members"
    )
    delegate = models.ForeignKey(
        "personnel.Delegate", verbose_name=_("delegate"), on_delete=models.PROTECT, related_name="body_seats"
    )
    role = models.CharField(_("role"), max_length=10, choices=BodyRole.choices, default=BodyRole.MEMBER)
    position = models.PositiveSmallIntegerField(_("order"), default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "position", "id"]
        verbose_name = _("member of a congress body")
        verbose_name_plural = _("members of congress bodies")
        constraints = [
            models.UniqueConstraint(
                fields=["body", "delegate"],
                name="body_member_once",
                violation_error_message=_("This delegate is already a member of this body."),
            ),
            models.UniqueConstraint(
                fields=["body"],
                condition=Q(role="head"),
                name="body_member_one_head",
                violation_error_message=_("This body already has a head."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.body}: {self.delegate}"

    @property
    def role_label(self) -> str:
        """The head's title depends on the body: the presidium's presides, the others' head."""
        if self.role != BodyRole.HEAD:
            return self.get_role_display()
        return str(HEAD_TITLES.get(self.body.kind, self.get_role_display()))


HEAD_TITLES = {
    BodyKind.PRESIDIUM: _("Presiding"),
    BodyKind.SECRETARIAT: _("Head of the congress secretariat"),
    BodyKind.CREDENTIALS: _("Head of the committee"),
    BodyKind.VOTE_COUNTING: _("Head of the committee"),
}


class VoteSubject(models.TextChoices):
    PROGRAMME = "programme", _("Programme of the congress")
    RULES = "rules", _("Rules of procedure")
    BODY = "body", _("Approval of a congress body")
    CREDENTIALS_REPORT = "credentials_report", _("Credentials report")
    ELECTION_RULES = "election_rules", _("Election rules")
    COMMITTEE_SIZE = "committee_size", _("Size of the new committee")
    CANDIDATE_LIST = "candidate_list", _("List of candidates")
    WITHDRAWAL = "withdrawal", _("Withdrawal from the list of candidates")
    RESOLUTION = "resolution", _("Resolution of the congress")
    OTHER = "other", _("Other")


class VoteBase(models.TextChoices):
    PRESENT = "present", _("Delegates present")
    SUMMONED = "summoned", _("Delegates summoned")


class HandVote(models.Model):
    """A vote by show of hands (raising the delegate card) on an agenda item.

    The counts are entered by the secretariat; the presence at that moment (from check-in) is kept
    with them, so the result never changes afterwards. Passed: more than half of the base.
    """

    item = models.ForeignKey(AgendaItem, verbose_name=_("agenda item"), on_delete=models.PROTECT, related_name="votes")
    subject = models.CharField(_("subject"), max_length=30, choices=VoteSubject.choices)
    title = models.CharField(_("question put to the vote"), max_length=255)
    body = models.ForeignKey(
        CongressBody,
        verbose_name=_("congress body approved"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approval_votes",
    )
    base = models.CharField(
        _("majority of"),
        max_length=10,
        choices=VoteBase.choices,
        default=VoteBase.PRESENT,
        help_text=_("Passed with more than half of the delegates present (usual) or summoned."),
    )
    votes_for = models.PositiveIntegerField(_("for"), null=True, blank=True)
    votes_against = models.PositiveIntegerField(_("against"), null=True, blank=True)
    votes_abstain = models.PositiveIntegerField(_("abstaining"), null=True, blank=True)
    present = models.PositiveIntegerField(_("delegates present"), null=True, blank=True)
    summoned = models.PositiveIntegerField(_("delegates summoned"), null=True, blank=True)
    passed = models.BooleanField(_("passed by the congress"), null=True, blank=True)
    recorded_at = models.DateTimeField(_("counts entered at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("counts entered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(_("announced"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["item_id", "id"]
        verbose_name = _("vote by show of hands")
        verbose_name_plural = _("votes by show of hands")
        indexes = [models.Index(fields=["published_at"], name="hand_vote_published")]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(votes_for__isnull=True, votes_against__isnull=True, votes_abstain__isnull=True)
                    & Q(present__isnull=True, summoned__isnull=True, passed__isnull=True)
                )
                | (
                    Q(votes_for__isnull=False, votes_against__isnull=False, votes_abstain__isnull=False)
                    & Q(present__isnull=False, summoned__isnull=False, passed__isnull=False)
                ),
                name="hand_vote_counts_complete",
                violation_error_message=_("Enter the three counts: for, against and abstaining."),
            ),
            models.CheckConstraint(
                condition=Q(votes_for__isnull=True)
                | Q(present__gte=F("votes_for") + F("votes_against") + F("votes_abstain")),
                name="hand_vote_counts_within_present",
                violation_error_message=_("More votes than delegates present."),
            ),
            models.CheckConstraint(
                condition=Q(present__isnull=True) | Q(present__lte=F("summoned")),
                name="hand_vote_present_within_summoned",
                violation_error_message=_("More delegates present than summoned."),
            ),
            models.CheckConstraint(
                condition=Q(passed__isnull=True)
                | Q(GreaterThan(F("votes_for") * 2, F("present")), base="present", passed=True)
                | Q(LessThanOrEqual(F("votes_for") * 2, F("present")), base="present", passed=False)
                | Q(GreaterThan(F("votes_for") * 2, F("summoned")), base="summoned", passed=True)
                | Q(LessThanOrEqual(F("votes_for") * 2, F("summoned")), base="summoned", passed=False),
                name="hand_vote_passed_by_majority",
                violation_error_message=_("A vote passes with more than half of its base."),
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(passed__isnull=False),
                name="hand_vote_published_after_count",
                violation_error_message=_("Only a counted vote can be announced."),
            ),
            models.CheckConstraint(
                condition=Q(subject="body", body__isnull=False) | (~Q(subject="body") & Q(body__isnull=True)),
                name="hand_vote_body_for_body_subject",
                violation_error_message=_("Choose the congress body for an approval vote (and only for it)."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_counted(self) -> bool:
        return self.passed is not None

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def base_count(self) -> int | None:
        return self.summoned if self.base == VoteBase.SUMMONED else self.present

    @property
    def not_voting(self) -> int | None:
        """Delegates present who raised no card at all."""
        if self.votes_for is None:
            return None
        return self.present - self.votes_for - self.votes_against - self.votes_abstain

    @property
    def needed(self) -> int | None:
        """The fewest votes for that pass: more than half of the base."""
        return self.base_count // 2 + 1 if self.base_count is not None else None

    def _share(self, count: int | None) -> float | None:
        if count is None or not self.base_count:
            return None
        return round(100 * count / self.base_count, 1)

    @property
    def percent_for(self) -> float | None:
        return self._share(self.votes_for)

    @property
    def percent_against(self) -> float | None:
        return self._share(self.votes_against)

    @property
    def percent_abstain(self) -> float | None:
        return self._share(self.votes_abstain)


class SpeakerStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    SPEAKING = "speaking", _("Speaking")
    DONE = "done", _("Has spoken")
    WRITTEN = "written", _("Submitted in writing")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class SpeakerRequest(models.Model):
    """A delegate's request to speak on an agenda item, and what he or she said (the contribution)."""

    item = models.ForeignKey(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.PROTECT, related_name="speakers"
    )
    delegate = models.ForeignKey(
        "personnel.Delegate", verbose_name=_("delegate"), on_delete=models.PROTECT, related_name="speaker_requests"
    )
    topic = models.CharField(_("topic"), max_length=255)
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    status = models.CharField(_("status"), max_length=20, choices=SpeakerStatus.choices, default=SpeakerStatus.WAITING)
    started_at = models.DateTimeField(_("started speaking"), null=True, blank=True)
    ended_at = models.DateTimeField(_("finished speaking"), null=True, blank=True)
    seconds_used = models.PositiveIntegerField(_("time used (seconds)"), default=0)
    contribution = models.TextField(_("contribution (what was said)"), blank=True)
    paragraph_label = models.CharField(
        _("paragraph of the draft"), max_length=20, blank=True, help_text=_("e.g. 2.3; empty: the whole draft.")
    )
    comment = models.OneToOneField(
        "documents.Comment",
        verbose_name=_("comment in the review"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="congress_contribution",
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["item_id", "position", "id"]
        verbose_name = _("request to speak")
        verbose_name_plural = _("requests to speak")
        constraints = [
            models.CheckConstraint(condition=Q(position__gte=1), name="speaker_position_positive"),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | (Q(started_at__isnull=False) & Q(ended_at__gte=F("started_at"))),
                name="speaker_ends_after_start",
                violation_error_message=_("A speaker finishes after starting."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.delegate.person.full_name}: {self.topic}"

    @property
    def time_used(self) -> str:
        """mm:ss as shown on the timer."""
        return clock(self.seconds_used)


def clock(seconds: int) -> str:
    """Seconds as m:ss (negative: overtime, shown with a plus sign as on the hall screen)."""
    sign = "+" if seconds < 0 else ""
    minutes, rest = divmod(abs(int(seconds)), 60)
    return f"{sign}{minutes:02d}:{rest:02d}"


class HallScreen(models.Model):
    """What the projector in the hall shows, driven from the control page (one row per congress)."""

    congress = models.OneToOneField(Congress, on_delete=models.CASCADE, related_name="hall_screen")
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("current agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    notice = models.CharField(_("announcement on the screen"), max_length=200, blank=True)
    show_results = models.BooleanField(_("show the last published result"), default=True)
    timer_speaker = models.ForeignKey(
        SpeakerRequest,
        verbose_name=_("speaker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    timer_seconds = models.PositiveIntegerField(_("time allowed (seconds)"), default=0)
    timer_started_at = models.DateTimeField(_("timer running since"), null=True, blank=True)
    timer_elapsed = models.PositiveIntegerField(_("seconds counted before"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("hall screen")
        verbose_name_plural = _("hall screens")

    def __str__(self) -> str:
        return str(self.congress)

    @property
    def timer_running(self) -> bool:
        return self.timer_started_at is not None


__all__ = [
    "AgendaItem",
    "BodyKind",
    "BodyMember",
    "BodyRole",
    "CongressBody",
    "HallScreen",
    "HandVote",
    "ItemKind",
    "ProgrammeSettings",
    "SpeakerRequest",
    "SpeakerStatus",
    "VoteBase",
    "VoteSubject",
]
