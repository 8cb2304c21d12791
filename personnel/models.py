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
            models.Index(fields=["congress", "name_key"], name="person_congress_name_key"),
            models.Index(fields=["organization", "name_key"], name="person_org_name_key"),
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
    ELECTED = "elected", _("Elected")
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
