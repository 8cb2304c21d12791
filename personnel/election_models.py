"""Personnel plan, cadre planning pool, nominations and elections (ballots, double entry, rounds).

Imported at the end of personnel/models.py so that Django registers these models in the
personnel app. Business rules live in personnel/election_services.py; the tally itself is the
pure function personnel.elections.tally.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from congress.models import Congress
from personnel.models import Person

# --- personnel plan (đề án nhân sự)


class PersonnelPlan(models.Model):
    """The planned size and structure of the new executive committee and its Standing Committee."""

    congress = models.OneToOneField(Congress, on_delete=models.CASCADE, related_name="personnel_plan")
    executive_size = models.PositiveSmallIntegerField(_("planned executive committee size"))
    standing_size = models.PositiveSmallIntegerField(_("planned Standing Committee size"))
    inspection_size = models.PositiveSmallIntegerField(_("planned inspection committee size"), null=True, blank=True)
    reference_date = models.DateField(
        _("reference date for ages"), help_text=_("Ages and age limits are computed at this date (e.g. 01/06/2020).")
    )
    first_time_male_born_from = models.DateField(
        _("first-time members, men: born on or after"), default=datetime.date(1965, 6, 1)
    )
    first_time_female_born_from = models.DateField(
        _("first-time members, women: born on or after"), default=datetime.date(1970, 6, 1)
    )
    renominated_male_born_from = models.DateField(
        _("re-nominated members, men: born on or after"), default=datetime.date(1962, 12, 1)
    )
    renominated_female_born_from = models.DateField(
        _("re-nominated members, women: born on or after"), default=datetime.date(1967, 12, 1)
    )
    approved_by = models.CharField(
        _("approved by"), max_length=255, blank=True, help_text=_("e.g. the outgoing executive committee's resolution")
    )
    notes = models.TextField(_("notes"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("personnel plan")
        verbose_name_plural = _("personnel plans")
        constraints = [
            models.CheckConstraint(
                condition=Q(executive_size__gte=1) & Q(standing_size__gte=1),
                name="plan_sizes_positive",
                violation_error_message=_("The planned sizes must be at least 1."),
            ),
            models.CheckConstraint(
                condition=Q(executive_size__gte=F("standing_size") * 3),
                name="plan_standing_third",
                violation_error_message=_(
                    "The Standing Committee may have at most one third of the executive committee."
                ),
            ),
        ]

    def __str__(self) -> str:
        return str(_("Personnel plan")) + f" – {self.congress}"


class TargetBody(models.TextChoices):
    EXECUTIVE = "executive", _("Executive committee")
    STANDING = "standing", _("Standing Committee")


class TargetCriterion(models.TextChoices):
    FEMALE = "female", _("Women")
    UNDER_AGE = "under_age", _("Younger than an age")
    ETHNIC_MINORITY = "ethnic_minority", _("Ethnic minorities")
    SECTOR = "sector", _("From a sector")


class StructureTarget(models.Model):
    """A structure target as data: at least N% and/or N people of a body meet a criterion."""

    plan = models.ForeignKey(PersonnelPlan, on_delete=models.CASCADE, related_name="targets")
    body = models.CharField(_("elected body"), max_length=20, choices=TargetBody.choices, default=TargetBody.EXECUTIVE)
    criterion = models.CharField(_("criterion"), max_length=20, choices=TargetCriterion.choices)
    age_below = models.PositiveSmallIntegerField(
        _("younger than (years)"), null=True, blank=True, help_text=_("For the age criterion, e.g. 40.")
    )
    sector = models.CharField(_("sector"), max_length=100, blank=True, help_text=_("For the sector criterion."))
    min_percent = models.PositiveSmallIntegerField(_("at least (%)"), null=True, blank=True)
    min_count = models.PositiveSmallIntegerField(_("at least (people)"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("structure target")
        verbose_name_plural = _("structure targets")
        constraints = [
            models.CheckConstraint(
                condition=Q(min_percent__isnull=False) | Q(min_count__isnull=False),
                name="target_has_a_minimum",
                violation_error_message=_("Give a minimum share or a minimum number of people."),
            ),
            models.CheckConstraint(
                condition=Q(min_percent__isnull=True) | Q(min_percent__lte=100),
                name="target_percent_range",
                violation_error_message=_("A share is at most 100%%."),  # %-formatted by Django
            ),
            models.CheckConstraint(
                condition=~Q(criterion="under_age") | Q(age_below__isnull=False, age_below__gte=18),
                name="target_age_given",
                violation_error_message=_("Give the age (18 or more) for the age criterion."),
            ),
            models.CheckConstraint(
                condition=~Q(criterion="sector") | ~Q(sector=""),
                name="target_sector_given",
                violation_error_message=_("Give the sector for the sector criterion."),
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if self.criterion == TargetCriterion.UNDER_AGE:
            what = _("younger than %(age)s") % {"age": self.age_below}
        elif self.criterion == TargetCriterion.SECTOR:
            what = _("from %(sector)s") % {"sector": self.sector}
        else:
            what = self.get_criterion_display()
        parts = []
        if self.min_percent is not None:
            parts.append(f"≥ {self.min_percent}%")
        if self.min_count is not None:
            parts.append(_("at least %(n)s") % {"n": self.min_count})
        return f"{self.get_body_display()}: {what} {', '.join(str(p) for p in parts)}"


# --- cadre planning pool (quy hoạch)


class PoolPosition(models.TextChoices):
    SECRETARY = "secretary", _("Party secretary")
    DEPUTY_SECRETARY = "deputy_secretary", _("Deputy secretary")
    STANDING = "standing", _("Standing Committee member")
    EXECUTIVE = "executive", _("Executive committee member")
    INSPECTION_CHAIR = "inspection_chair", _("Inspection committee chair")
    INSPECTION = "inspection", _("Inspection committee member")


class PoolEntry(models.Model):
    """A person in the cadre planning pool for a position and a term."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="pool_entries")
    person = models.ForeignKey(
        Person, verbose_name=_("party member"), on_delete=models.PROTECT, related_name="pool_entries"
    )
    position = models.CharField(_("position planned for"), max_length=20, choices=PoolPosition.choices)
    term = models.CharField(_("term"), max_length=20, help_text=_("e.g. 2020–2025"))
    added_on = models.DateField(_("added to the pool on"))
    decision = models.CharField(_("decision"), max_length=255, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "person__name_key", "id"]
        verbose_name = _("planning pool entry")
        verbose_name_plural = _("planning pool")
        indexes = [models.Index(fields=["congress", "position"], name="pool_congress_position")]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "position", "term"],
                name="pool_unique_person_position_term",
                violation_error_message=_("This person is already in the pool for this position and term."),
            ),
            models.CheckConstraint(
                condition=~Q(term=""), name="pool_term_given", violation_error_message=_("Give the term.")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_position_display()} ({self.term})"


class TrainingClass(models.Model):
    """A training class for the cadre source pool (lớp bồi dưỡng nguồn cán bộ)."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="training_classes")
    name = models.CharField(_("name"), max_length=255)
    organizer = models.CharField(_("organized by"), max_length=255, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    attendees = models.ManyToManyField(
        Person, through="TrainingAttendance", related_name="training_classes", verbose_name=_("attendees")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("training class")
        verbose_name_plural = _("training classes")
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "name"],
                name="training_class_unique_name",
                violation_error_message=_("Another training class has this name."),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="training_class_ends_after_start",
                violation_error_message=_("The class cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class TrainingAttendance(models.Model):
    training_class = models.ForeignKey(
        TrainingClass, verbose_name=_("training class"), on_delete=models.CASCADE, related_name="attendances"
    )
    person = models.ForeignKey(Person, verbose_name=_("party member"), on_delete=models.CASCADE, related_name="+")
    completed = models.BooleanField(_("completed"), default=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        ordering = ["person__name_key", "id"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(
                fields=["training_class", "person"],
                name="training_attendance_once",
                violation_error_message=_("This person already attends this class."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.training_class}"


# --- elections


class ElectionBody(models.TextChoices):
    EXECUTIVE = "executive", _("Executive committee")
    CITY_DELEGATES = "city_delegates", _("Delegates to the upper-level congress")
    STANDING = "standing", _("Standing Committee")
    SECRETARY = "secretary", _("Party secretary")
    DEPUTY_SECRETARIES = "deputy_secretaries", _("Deputy secretaries")
    INSPECTION = "inspection", _("Inspection committee")


# Elected by the new executive committee at its first plenary, not by the congress.
PLENARY_BODIES = {
    ElectionBody.STANDING,
    ElectionBody.SECRETARY,
    ElectionBody.DEPUTY_SECRETARIES,
    ElectionBody.INSPECTION,
}
# The body whose members alone may stand (elected first).
PARENT_BODY = {
    ElectionBody.STANDING: ElectionBody.EXECUTIVE,
    ElectionBody.SECRETARY: ElectionBody.STANDING,
    ElectionBody.DEPUTY_SECRETARIES: ElectionBody.STANDING,
}
MAX_SURPLUS_PERCENT = 30


class EndorsementStatus(models.TextChoices):
    NOT_SUBMITTED = "not_submitted", _("Not yet submitted")
    SUBMITTED = "submitted", _("Submitted to the upper level")
    ENDORSED = "endorsed", _("Endorsed")
    REFUSED = "refused", _("Not endorsed")


class Election(models.Model):
    """One election per body: its seats, the surplus the congress allows, its candidates and rounds."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="elections")
    body = models.CharField(_("elected body"), max_length=30, choices=ElectionBody.choices)
    title = models.CharField(
        _("title on the ballot"),
        max_length=255,
        help_text=_("e.g. “Ban Chấp hành Đảng bộ quận khóa XXVI, nhiệm kỳ 2020–2025”"),
    )
    seats = models.PositiveSmallIntegerField(_("seats"))
    surplus_percent = models.PositiveSmallIntegerField(
        _("allowed surplus (%)"),
        default=15,
        help_text=_("Set by the congress; at most 30%. Common practice is 10–15%."),
    )
    surplus_required = models.BooleanField(
        _("the list must exceed the seats"),
        default=True,
        help_text=_("Untick for elections where the list may equal the seats (secretary, deputies)."),
    )
    held_on = models.DateField(_("election date"), null=True, blank=True)
    counters = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vote-counting committee"),
        blank=True,
        related_name="counted_elections",
        help_text=_("Members of the vote-counting committee who enter the ballots of this election."),
    )
    list_locked_at = models.DateTimeField(_("list locked for printing"), null=True, blank=True)
    list_locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("locked by"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    endorsement_status = models.CharField(
        _("upper-level endorsement"),
        max_length=20,
        choices=EndorsementStatus.choices,
        default=EndorsementStatus.NOT_SUBMITTED,
    )
    endorsement_reference = models.CharField(_("endorsement decision"), max_length=255, blank=True)
    endorsement_date = models.DateField(_("endorsement date"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["counters"])

    class Meta:
        ordering = ["congress", "id"]
        verbose_name = _("election")
        verbose_name_plural = _("elections")
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "body"],
                name="election_one_per_body",
                violation_error_message=_("This body already has an election in this congress."),
            ),
            models.CheckConstraint(
                condition=Q(seats__gte=1),
                name="election_seats_positive",
                violation_error_message=_("An election has at least one seat."),
            ),  # fmt: skip
            models.CheckConstraint(
                condition=Q(surplus_percent__lte=MAX_SURPLUS_PERCENT),
                name="election_surplus_at_most_30",
                violation_error_message=_("The surplus may be at most 30%%."),  # %-formatted by Django
            ),
            models.CheckConstraint(
                condition=Q(endorsement_status__in=["not_submitted", "submitted"]) | Q(endorsement_date__isnull=False),
                name="election_endorsement_dated",
                violation_error_message=_("Give the date of the upper level's decision."),
            ),
        ]

    def __str__(self) -> str:
        return self.get_body_display()

    def get_absolute_url(self) -> str:
        return reverse("election_detail", kwargs={"congress": self.congress.slug, "pk": self.pk})

    @property
    def at_first_plenary(self) -> bool:
        return self.body in PLENARY_BODIES

    @property
    def is_locked(self) -> bool:
        return self.list_locked_at is not None

    @property
    def max_candidates(self) -> int:
        """Seats plus the allowed surplus (whole people, rounded down)."""
        return self.seats + self.seats * self.surplus_percent // 100

    @property
    def min_candidates(self) -> int:
        return self.seats + 1 if self.surplus_required else self.seats


class CandidateSource(models.TextChoices):
    COMMITTEE = "committee", _("Introduced by the outgoing committee (five steps)")
    SELF = "self", _("Self-nominated")
    DELEGATES = "delegates", _("Nominated by delegates at the congress")


class Candidate(models.Model):
    """A person standing (or proposed to stand) in one election."""

    election = models.ForeignKey(
        Election, verbose_name=_("election"), on_delete=models.CASCADE, related_name="candidates"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("party member"), on_delete=models.PROTECT, related_name="candidacies"
    )
    source = models.CharField(
        _("nominated by"), max_length=20, choices=CandidateSource.choices, default=CandidateSource.COMMITTEE
    )
    nominated_by = models.CharField(
        _("nominating delegates"), max_length=255, blank=True, help_text=_("Names of the delegates who nominated.")
    )
    dossier_received_on = models.DateField(_("candidacy dossier received on"), null=True, blank=True)
    withdrawn = models.BooleanField(_("withdrawn"), default=False)
    notes = models.TextField(_("notes"), blank=True)
    added_at = models.DateTimeField(_("added"), auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["person__name_key", "id"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "person"],
                name="candidate_once_per_election",
                violation_error_message=_("This person is already a candidate in this election."),
            ),
            models.CheckConstraint(
                condition=~Q(source="delegates") | ~Q(nominated_by=""),
                name="candidate_delegates_named",
                violation_error_message=_("Name the delegates who nominated this candidate."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.person)

    def get_absolute_url(self) -> str:
        return reverse("candidate_detail", kwargs={"congress": self.election.congress.slug, "pk": self.pk})


class NominationStepKind(models.IntegerChoices):
    """The five steps of introducing candidates for the committee (quy trình 5 bước)."""

    STANDING_PROPOSAL = 1, _("1. Standing Committee proposes the structure and the nominees")
    EXECUTIVE_DISCUSSION = 2, _("2. Executive committee discusses and nominates (secret ballot)")
    KEY_CADRES = 3, _("3. Conference of key cadres nominates (secret ballot)")
    STANDING_REVIEW = 4, _("4. Standing Committee reviews the results and nominates (secret ballot)")
    EXECUTIVE_DECISION = 5, _("5. Executive committee decides the list (secret ballot)")


class NominationStep(models.Model):
    """The vote at one step of introducing a candidate; each step needs more than half in favour."""

    candidate = models.ForeignKey(
        Candidate, verbose_name=_("candidate"), on_delete=models.CASCADE, related_name="steps"
    )
    step = models.PositiveSmallIntegerField(_("step"), choices=NominationStepKind.choices)
    held_on = models.DateField(_("held on"))
    voters = models.PositiveIntegerField(_("voters"), help_text=_("People who took part in the vote."))
    in_favour = models.PositiveIntegerField(_("in favour"))
    note = models.CharField(_("note"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["candidate", "step"]
        verbose_name = _("nomination step")
        verbose_name_plural = _("nomination steps")
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "step"],
                name="nomination_step_once",
                violation_error_message=_("This step is already recorded for this candidate."),
            ),
            models.CheckConstraint(
                condition=Q(step__gte=1, step__lte=5),
                name="nomination_step_range",
                violation_error_message=_("There are five steps."),
            ),  # fmt: skip
            models.CheckConstraint(
                condition=Q(voters__gte=1) & Q(in_favour__lte=F("voters")),
                name="nomination_step_votes",
                violation_error_message=_("The votes in favour cannot exceed the voters."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} – {self.get_step_display()}"

    @property
    def passed(self) -> bool:
        return self.in_favour * 2 > self.voters

    @property
    def percent(self) -> float:
        return 100 * self.in_favour / self.voters


class Withdrawal(models.Model):
    """A candidate's request to withdraw, decided by a vote of the congress."""

    candidate = models.OneToOneField(
        Candidate, verbose_name=_("candidate"), on_delete=models.CASCADE, related_name="withdrawal"
    )
    reason = models.TextField(_("reason"))
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    voters = models.PositiveIntegerField(_("delegates voting"), null=True, blank=True)
    in_favour = models.PositiveIntegerField(_("in favour of the withdrawal"), null=True, blank=True)
    accepted = models.BooleanField(_("accepted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("withdrawal request")
        verbose_name_plural = _("withdrawal requests")
        constraints = [
            models.CheckConstraint(
                condition=~Q(reason=""),
                name="withdrawal_has_reason",
                violation_error_message=_("Give the reason for the withdrawal."),
            ),  # fmt: skip
            models.CheckConstraint(
                condition=Q(accepted__isnull=True)
                | (Q(voters__gte=1) & Q(in_favour__isnull=False) & Q(in_favour__lte=F("voters"))),
                name="withdrawal_decided_by_vote",
                violation_error_message=_("A decision needs the vote: delegates voting and votes in favour."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate}: {self.reason[:40]}"


class RoundKind(models.TextChoices):
    FIRST = "first", _("First round")
    TIE = "tie", _("New round among tied candidates")
    UNFILLED = "unfilled", _("New round for unfilled seats")


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Counting")
    COUNTED = "counted", _("Counted")


class Round(models.Model):
    """One vote of an election: the ballot printed, the papers counted, the result."""

    election = models.ForeignKey(Election, verbose_name=_("election"), on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(_("round"))
    kind = models.CharField(_("kind"), max_length=20, choices=RoundKind.choices, default=RoundKind.FIRST)
    seats = models.PositiveSmallIntegerField(_("seats in this round"))
    summoned = models.PositiveIntegerField(
        _("delegates summoned"), help_text=_("Official delegates summoned (at a plenary: committee members).")
    )
    absent_without_alternate = models.PositiveIntegerField(
        _("absent for the whole congress without an alternate"), default=0
    )
    ballots_issued = models.PositiveIntegerField(_("ballots issued"), null=True, blank=True)
    ballots_collected = models.PositiveIntegerField(_("ballots collected"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    valid = models.PositiveIntegerField(_("valid ballots"), null=True, blank=True)
    invalid = models.PositiveIntegerField(_("invalid ballots"), null=True, blank=True)
    threshold = models.PositiveIntegerField(_("votes needed"), null=True, blank=True)
    unfilled = models.PositiveSmallIntegerField(_("seats unfilled"), null=True, blank=True)
    counted_at = models.DateTimeField(_("counted"), null=True, blank=True)
    counted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("counted by"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    published_at = models.DateTimeField(_("announced"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["election", "number"]
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        indexes = [models.Index(fields=["published_at"], name="round_published")]
        constraints = [
            models.UniqueConstraint(
                fields=["election", "number"],
                name="round_unique_number",
                violation_error_message=_("This round already exists."),
            ),  # fmt: skip
            models.CheckConstraint(
                condition=Q(seats__gte=1) & Q(number__gte=1),
                name="round_seats_positive",
                violation_error_message=_("A round has at least one seat."),
            ),  # fmt: skip
            models.CheckConstraint(
                condition=Q(summoned__gte=1) & Q(absent_without_alternate__lt=F("summoned")),
                name="round_summoned_positive",
                violation_error_message=_("The delegates summoned must be more than those absent."),
            ),
            models.CheckConstraint(
                condition=Q(ballots_issued__isnull=True) | Q(ballots_issued__lte=F("summoned")),
                name="round_issued_at_most_summoned",
                violation_error_message=_("More ballots issued than delegates summoned."),
            ),
            models.CheckConstraint(
                condition=Q(ballots_collected__isnull=True)
                | (Q(ballots_issued__isnull=False) & Q(ballots_collected__lte=F("ballots_issued"))),
                name="round_collected_at_most_issued",
                violation_error_message=_("More ballots collected than issued."),
            ),
            models.CheckConstraint(
                condition=~Q(status="counted")
                | (
                    Q(valid__isnull=False, invalid__isnull=False, ballots_collected__isnull=False)
                    & Q(ballots_collected=F("valid") + F("invalid"))
                ),
                name="round_counted_adds_up",
                violation_error_message=_("Valid and invalid ballots must add up to the ballots collected."),
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(status="counted"),
                name="round_published_after_count",
                violation_error_message=_("Only a counted round can be published."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.election} – " + str(_("round %(n)s") % {"n": self.number})

    @property
    def is_counted(self) -> bool:
        return self.status == RoundStatus.COUNTED

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def base(self) -> int:
        return self.summoned - self.absent_without_alternate


class Outcome(models.TextChoices):
    ELECTED = "elected", _("Elected")
    TIED = "tied", _("Tied: new round")
    NOT_ELECTED = "not_elected", _("Not elected")


class RoundCandidate(models.Model):
    """A name on the ballot of a round, with its number on the ballot and, once counted, its votes."""

    round = models.ForeignKey(Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="entries")
    candidate = models.ForeignKey(
        Candidate, verbose_name=_("candidate"), on_delete=models.PROTECT, related_name="round_entries"
    )
    number = models.PositiveSmallIntegerField(_("number on the ballot"))
    votes = models.PositiveIntegerField(_("votes"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)

    class Meta:
        ordering = ["round", "number"]
        verbose_name = _("name on the ballot")
        verbose_name_plural = _("names on the ballot")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "candidate"],
                name="round_candidate_once",
                violation_error_message=_("This candidate is already on the ballot."),
            ),  # fmt: skip
            models.UniqueConstraint(
                fields=["round", "number"],
                name="round_candidate_number_unique",
                violation_error_message=_("Two names have the same number on the ballot."),
            ),  # fmt: skip
            models.CheckConstraint(condition=Q(number__gte=1), name="round_candidate_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.candidate}"


class BallotStatus(models.TextChoices):
    WAITING = "waiting", _("Entered once: waiting for the second entry")
    AGREED = "agreed", _("Both entries agree")
    MISMATCH = "mismatch", _("Entries differ: recount")
    RESOLVED = "resolved", _("Recounted and resolved")


FINAL_BALLOT_STATUSES = (BallotStatus.AGREED, BallotStatus.RESOLVED)


class Ballot(models.Model):
    """A paper ballot of a round, numbered by the counters; its content once both entries agree."""

    round = models.ForeignKey(Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="ballots")
    number = models.PositiveIntegerField(_("ballot number"))
    status = models.CharField(_("status"), max_length=20, choices=BallotStatus.choices, default=BallotStatus.WAITING)
    struck = models.JSONField(_("names struck out (numbers)"), default=list, blank=True)
    written_in = models.BooleanField(_("a name written in"), default=False)
    spoiled = models.BooleanField(_("spoiled (not the congress's ballot, marked)"), default=False)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("resolved by"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolution_note = models.CharField(_("recount note"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "number"]
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        indexes = [models.Index(fields=["round", "status"], name="ballot_round_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "number"],
                name="ballot_unique_number",
                violation_error_message=_("This ballot number is already used."),
            ),  # fmt: skip
            models.CheckConstraint(condition=Q(number__gte=1), name="ballot_number_positive"),
            models.CheckConstraint(
                condition=~Q(status="resolved") | Q(resolved_at__isnull=False),
                name="ballot_resolved_dated",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Ballot %(n)s") % {"n": self.number})

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_BALLOT_STATUSES


class BallotEntry(models.Model):
    """One counter's reading of one paper ballot (double entry: two per ballot, by two people)."""

    ballot = models.ForeignKey(Ballot, verbose_name=_("ballot"), on_delete=models.CASCADE, related_name="readings")
    slot = models.PositiveSmallIntegerField(_("entry"))
    struck = models.JSONField(_("names struck out (numbers)"), default=list, blank=True)
    written_in = models.BooleanField(_("a name written in"), default=False)
    spoiled = models.BooleanField(_("spoiled"), default=False)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("entered by"), on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField(_("entered"), auto_now_add=True)

    class Meta:
        ordering = ["ballot", "slot"]
        verbose_name = _("ballot entry")
        verbose_name_plural = _("ballot entries")
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "slot"],
                name="ballot_entry_two_slots",
                violation_error_message=_("This ballot has already been entered twice."),
            ),  # fmt: skip
            models.UniqueConstraint(
                fields=["ballot", "entered_by"],
                name="ballot_entry_once_per_counter",
                violation_error_message=_("You have already entered this ballot."),
            ),  # fmt: skip
            models.CheckConstraint(condition=Q(slot__in=[1, 2]), name="ballot_entry_slot_1_or_2"),
        ]

    def __str__(self) -> str:
        return f"{self.ballot} #{self.slot} ({self.entered_by})"

    @property
    def content(self) -> tuple[tuple[int, ...], bool, bool]:
        return tuple(sorted(self.struck)), self.written_in, self.spoiled
