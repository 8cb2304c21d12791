"""Party members, delegates, seat allocation, credentials and check-in."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from congress.models import Congress, PartyOrganization
from congress.vietnamese import fold, name_sort_key


class Gender(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class Qualification(models.TextChoices):
    """Highest professional qualification (trình độ chuyên môn)."""

    DOCTORATE = "doctorate", _("Doctorate")
    MASTER = "master", _("Master's degree")
    BACHELOR = "bachelor", _("Bachelor's degree")
    COLLEGE = "college", _("College")
    VOCATIONAL = "vocational", _("Vocational / intermediate")
    NONE = "none", _("None")


class TheoryLevel(models.TextChoices):
    """Political theory level (trình độ lý luận chính trị)."""

    SENIOR = "senior", _("Senior")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ELEMENTARY = "elementary", _("Elementary")
    NONE = "none", _("None")


class MemberStatus(models.TextChoices):
    OFFICIAL = "official", _("Official member")
    PROBATIONARY = "probationary", _("Probationary member")
    SUSPENDED = "suspended", _("Suspended")
    CHARGED = "charged", _("Charged or indicted")
    RETIRED = "retired", _("Retired")
    TRANSFERRED = "transferred", _("Transferred")


class Person(models.Model):
    """A party member's record in one congress's organizations (confidential personnel data)."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="people")
    member_number = models.CharField(
        _("party card number"), max_length=30, blank=True, help_text=_("Unique within the congress when filled in.")
    )
    full_name = models.CharField(_("full name"), max_length=150)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("year of birth"), help_text=_("Filled from the date of birth when the full date is known.")
    )
    ethnicity = models.CharField(_("ethnicity"), max_length=50, default="Kinh")
    hometown = models.CharField(_("hometown"), max_length=255, blank=True)
    general_education = models.CharField(_("general education"), max_length=10, blank=True, help_text="12/12")
    qualification = models.CharField(
        _("professional qualification"), max_length=20, choices=Qualification.choices, default=Qualification.NONE
    )
    theory_level = models.CharField(
        _("political theory level"), max_length=20, choices=TheoryLevel.choices, default=TheoryLevel.NONE
    )
    joined_on = models.DateField(_("joined the Party on"), null=True, blank=True)
    official_on = models.DateField(_("official member since"), null=True, blank=True)
    position = models.CharField(_("position"), max_length=255, blank=True)
    organization = models.ForeignKey(
        PartyOrganization, verbose_name=_("party organization"), on_delete=models.PROTECT, related_name="people"
    )
    sector = models.CharField(_("sector"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=MemberStatus.choices, default=MemberStatus.OFFICIAL)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    is_executive_member = models.BooleanField(
        _("member of the outgoing executive committee"),
        default=False,
        help_text=_("Members of the outgoing executive committee are ex-officio delegates."),
    )
    name_key = models.CharField(max_length=400, db_index=True, editable=False)
    name_folded = models.CharField(max_length=150, db_index=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name_key", "id"]
        verbose_name = _("party member")
        verbose_name_plural = _("party members")
        indexes = [
            # The member list in ballot order, and its search: the searched columns are in the index,
            # so a search tests 18,000 index entries instead of fetching 18,000 rows in name order
            # (SQLite: 25 ms → 4.5 ms a page; README, "Performance").
            models.Index(
                fields=["congress", "name_key", "name_folded", "member_number"], name="person_congress_name_search"
            ),
            models.Index(fields=["organization", "name_key"], name="person_org_name_key"),
            # The member list's counts by status: read from the index alone (10 ms → 1 ms for 18,000).
            models.Index(fields=["congress", "status"], name="person_congress_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "member_number"],
                condition=~Q(member_number=""),
                name="person_unique_member_number",
                violation_error_message=_("Another party member already has this party card number."),
            ),
            models.CheckConstraint(
                condition=Q(birth_year__gte=1900, birth_year__lte=2100),
                name="person_birth_year_range",
                violation_error_message=_("The year of birth is not plausible."),
            ),
            models.CheckConstraint(
                condition=Q(official_on__isnull=True) | Q(joined_on__isnull=True) | Q(official_on__gte=F("joined_on")),
                name="person_official_after_joining",
                violation_error_message=_("A member becomes official after joining the Party, not before."),
            ),
            models.CheckConstraint(
                condition=Q(birth_date__isnull=True) | Q(joined_on__isnull=True) | Q(joined_on__gt=F("birth_date")),
                name="person_joined_after_birth",
                violation_error_message=_("The date of joining the Party is before the date of birth."),
            ),
            models.CheckConstraint(
                condition=~Q(status="probationary") | Q(official_on__isnull=True),
                name="person_probationary_not_official",
                violation_error_message=_("A probationary member has no official-member date yet."),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        # Derived columns for ordering and search; bulk imports set them through person_derived_columns.
        self.name_key, self.name_folded = person_derived_columns(self.full_name)
        if self.birth_date:
            self.birth_year = self.birth_date.year
        super().save(*args, **kwargs)

    @property
    def is_probationary(self) -> bool:
        return self.status == MemberStatus.PROBATIONARY


def person_derived_columns(full_name: str) -> tuple[str, str]:
    """(name_key, name_folded) for a person's full name: the sort key and the search text."""
    return name_sort_key(full_name), fold(full_name)


class DelegateKind(models.TextChoices):
    EX_OFFICIO = "ex_officio", _("Ex-officio")
    ELECTED = "elected", _("Elected by a lower congress")
    APPOINTED = "appointed", _("Appointed")


class CredentialStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    QUALIFIED = "qualified", _("Qualified")
    NOT_QUALIFIED = "not_qualified", _("Not qualified")


class NotSummonedReason(models.TextChoices):
    """Why a delegate is not summoned to the congress (blank: summoned)."""

    SUSPENDED = "suspended", _("Suspended from Party activities")
    CHARGED = "charged", _("Charged or indicted")
    BREACH = "breach", _("Elected in breach of the rules")
    RETIRED = "retired", _("Committee member retired before the opening")
    TRANSFERRED = "transferred", _("Committee member transferred before the opening")


class Delegate(models.Model):
    """A delegate (or an alternate) of a congress."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="delegates")
    person = models.ForeignKey(
        Person, verbose_name=_("party member"), on_delete=models.PROTECT, related_name="delegacies"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DelegateKind.choices)
    organization = models.ForeignKey(
        PartyOrganization,
        verbose_name=_("delegation (source organization)"),
        on_delete=models.PROTECT,
        related_name="delegates",
    )
    number = models.PositiveIntegerField(_("delegate number"), null=True, blank=True)
    is_alternate = models.BooleanField(_("alternate"), default=False)
    alternate_rank = models.PositiveSmallIntegerField(_("alternate rank"), null=True, blank=True)
    credential_status = models.CharField(
        _("credentials"), max_length=20, choices=CredentialStatus.choices, default=CredentialStatus.PENDING
    )
    credential_reason = models.TextField(_("credentials: reasons"), blank=True)
    credential_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    credential_checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    not_summoned = models.CharField(
        _("not summoned because"), max_length=20, choices=NotSummonedReason.choices, blank=True
    )
    absence_reason = models.CharField(
        _("absent from the congress because"),
        max_length=255,
        blank=True,
        help_text=_("Fill in only when the delegate is absent for the whole congress."),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["number", "id"]
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        indexes = [
            models.Index(fields=["congress", "organization"], name="delegate_congress_org"),
            models.Index(fields=["congress", "credential_status"], name="delegate_congress_credentials"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "person"],
                name="delegate_unique_person",
                violation_error_message=_("This party member is already a delegate of this congress."),
            ),
            models.UniqueConstraint(
                fields=["congress", "number"],
                name="delegate_unique_number",
                violation_error_message=_("Another delegate already has this number."),
            ),
            models.CheckConstraint(
                condition=Q(is_alternate=False) | Q(kind="elected"),
                name="delegate_alternate_is_elected",
                violation_error_message=_("Only elected delegates have alternates."),
            ),
            models.CheckConstraint(
                condition=Q(is_alternate=True) | Q(alternate_rank__isnull=True),
                name="delegate_rank_only_for_alternates",
                violation_error_message=_("Only an alternate has an alternate rank."),
            ),
            models.CheckConstraint(
                condition=~Q(credential_status="not_qualified") | ~Q(credential_reason=""),
                name="delegate_not_qualified_has_reason",
                violation_error_message=_("Give the reasons why the delegate is not qualified."),
            ),
            models.CheckConstraint(
                condition=Q(number__isnull=True) | Q(number__gte=1),
                name="delegate_number_positive",
                violation_error_message=_("The delegate number starts at 1."),
            ),
        ]

    def __str__(self) -> str:
        if self.number:
            return f"{self.number:03d} – {self.person}"
        return str(self.person)


class Substitution(models.Model):
    """An alternate replacing an absent official delegate of the same organization."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="substitutions")
    replaced = models.OneToOneField(
        Delegate, verbose_name=_("delegate replaced"), on_delete=models.CASCADE, related_name="replaced_by"
    )
    alternate = models.OneToOneField(
        Delegate, verbose_name=_("alternate"), on_delete=models.CASCADE, related_name="replacing"
    )
    reason = models.CharField(_("reason"), max_length=255)
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["recorded_at", "id"]
        verbose_name = _("substitution")
        verbose_name_plural = _("substitutions")
        constraints = [
            models.CheckConstraint(
                condition=~Q(replaced=F("alternate")),
                name="substitution_not_self",
                violation_error_message=_("A delegate cannot replace himself or herself."),
            ),
            models.CheckConstraint(
                condition=~Q(reason=""),
                name="substitution_has_reason",
                violation_error_message=_("Give the reason for the substitution."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.alternate} → {self.replaced}"


class SeatAllocation(models.Model):
    """The seats a grassroots organization elects: proportional share plus a manual adjustment."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="seat_allocations")
    organization = models.OneToOneField(
        PartyOrganization, verbose_name=_("party organization"), on_delete=models.CASCADE, related_name="seats"
    )
    members = models.PositiveIntegerField(_("party members counted"), default=0)
    computed_seats = models.PositiveIntegerField(_("seats by the formula"), default=0)
    adjustment = models.IntegerField(_("manual adjustment"), default=0)
    reason = models.CharField(_("reason for the adjustment"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("updated by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["organization__code", "organization__name"]
        verbose_name = _("seat allocation")
        verbose_name_plural = _("seat allocations")
        constraints = [
            models.CheckConstraint(
                condition=Q(computed_seats__gte=-F("adjustment")),
                name="seat_allocation_not_negative",
                violation_error_message=_("An organization cannot have fewer than 0 seats."),
            ),
            models.CheckConstraint(
                condition=Q(adjustment=0) | ~Q(reason=""),
                name="seat_allocation_adjustment_has_reason",
                violation_error_message=_("Give the reason for the manual adjustment."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization}: {self.seats}"

    @property
    def seats(self) -> int:
        return self.computed_seats + self.adjustment


class SessionKind(models.TextChoices):
    PREPARATORY = "preparatory", _("Preparatory session")
    OFFICIAL = "official", _("Official session")
    OTHER = "other", _("Other session")


class Session(models.Model):
    """A sitting of the congress, at which delegates check in."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(_("kind"), max_length=20, choices=SessionKind.choices, default=SessionKind.OFFICIAL)
    name = models.CharField(_("name"), max_length=255)
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at"), null=True, blank=True)
    ends_at = models.TimeField(_("ends at"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "starts_at", "id"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "name"],
                name="session_unique_name",
                violation_error_message=_("Another session of this congress has this name."),
            ),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(starts_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                name="session_ends_after_start",
                violation_error_message=_("The session must end after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.date:%d/%m/%Y})"


class CheckInMethod(models.TextChoices):
    SCAN = "scan", _("Badge scanned")
    NUMBER = "number", _("Number typed")
    LIST = "list", _("Ticked in the list")


class CheckIn(models.Model):
    """A delegate present at a session: one row per delegate and session (a second scan adds nothing)."""

    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="checkins")
    delegate = models.ForeignKey(
        Delegate, verbose_name=_("delegate"), on_delete=models.CASCADE, related_name="checkins"
    )
    method = models.CharField(_("how"), max_length=10, choices=CheckInMethod.choices)
    checked_in_at = models.DateTimeField(_("checked in at"), auto_now_add=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-checked_in_at", "-id"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "delegate"],
                name="checkin_once_per_session",
                violation_error_message=_("This delegate has already checked in to this session."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.delegate} @ {self.session}"


class ImportKind(models.TextChoices):
    MEMBERS = "members", _("Party members")
    DELEGATES = "delegates", _("Delegates")


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Refused")


class ImportJob(models.Model):
    """An uploaded .xlsx list and what became of it: all rows imported, or none and the errors."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="import_jobs")
    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    file = models.FileField(_("file"), upload_to="personnel/imports/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    status = models.CharField(_("status"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.PENDING)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows read"), default=0)
    imported_rows = models.PositiveIntegerField(_("rows imported"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    message = models.TextField(_("message"), blank=True)
    seconds = models.FloatField(_("duration (s)"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.original_name}"

    @property
    def percent(self) -> int:
        if not self.total_rows:
            return 100 if self.status in (ImportStatus.DONE, ImportStatus.FAILED) else 0
        return min(100, round(100 * self.processed_rows / self.total_rows))

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)


from personnel.election_models import *  # noqa: E402,F401,F403
