"""Forms of the personnel plan, the planning pool, nominations, counting and results."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from congress.forms import date_field
from congress.models import Congress, Role
from congress.vietnamese import fold
from personnel.election_models import (
    Candidate,
    CandidateSource,
    Election,
    EndorsementStatus,
    NominationStepKind,
    PersonnelPlan,
    PoolPosition,
    StructureTarget,
    TrainingClass,
)
from personnel.election_services import parse_struck
from personnel.models import Person


def person_label(person: Person) -> str:
    born = person.birth_date.strftime("%d/%m/%Y") if person.birth_date else str(person.birth_year)
    number = f" · {person.member_number}" if person.member_number else ""
    return f"{person.full_name} ({born}) – {person.organization.name}{number}"


class PersonLookupInput(forms.TextInput):
    """A text box for a party card number or a full name, with suggestions as one types (htmx)."""

    template_name = "personnel/elections/widgets/person_lookup.html"

    def __init__(self, attrs=None):
        defaults = {"autocomplete": "off", "placeholder": _("party card number or full name")}
        super().__init__(attrs={**defaults, **(attrs or {})})


class PersonLookupField(forms.CharField):
    """A party member of the congress, found by card number or by full name (an 18,000-member
    organization does not fit in a drop-down list)."""

    widget = PersonLookupInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 150)
        super().__init__(*args, **kwargs)
        self.congress: Congress | None = None

    def bind(self, congress: Congress, search_url: str) -> None:
        self.congress = congress
        self.widget.attrs.update(
            {
                "hx-get": search_url,
                "hx-trigger": "input changed delay:250ms",
                "hx-swap": "innerHTML",
                "data-person-lookup": "",
            }
        )

    def prepare_value(self, value):
        if isinstance(value, Person):
            return value.member_number or value.full_name
        if isinstance(value, int):
            person = Person.objects.filter(pk=value).first()
            return (person.member_number or person.full_name) if person else ""
        return value

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        return find_person(self.congress, value)


def find_person(congress: Congress, text: str) -> Person:
    """The member with this card number, or the only member with this full name (accents optional)."""
    text = " ".join(text.split())
    people = Person.objects.filter(congress=congress).select_related("organization")
    by_number = people.filter(member_number__iexact=text).first()
    if by_number:
        return by_number
    matches = list(people.filter(name_folded=fold(text)).order_by("name_key", "id")[:6])
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise ValidationError(
            _("Several party members are called %(name)s: type the card number of the right one (%(choices)s).")
            % {"name": text, "choices": "; ".join(person_label(p) for p in matches[:5])}
        )
    raise ValidationError(
        _("No party member has this card number or full name; type a few letters to see suggestions.")
    )


class PlanForm(forms.ModelForm):
    reference_date = date_field(label=capfirst(_("reference date for ages")))
    first_time_male_born_from = date_field(label=capfirst(_("first-time members, men: born on or after")))
    first_time_female_born_from = date_field(label=capfirst(_("first-time members, women: born on or after")))
    renominated_male_born_from = date_field(label=capfirst(_("re-nominated members, men: born on or after")))
    renominated_female_born_from = date_field(label=capfirst(_("re-nominated members, women: born on or after")))

    class Meta:
        model = PersonnelPlan
        fields = [
            "executive_size",
            "standing_size",
            "inspection_size",
            "reference_date",
            "first_time_male_born_from",
            "first_time_female_born_from",
            "renominated_male_born_from",
            "renominated_female_born_from",
            "approved_by",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class TargetForm(forms.ModelForm):
    class Meta:
        model = StructureTarget
        fields = ["body", "criterion", "age_below", "sector", "min_percent", "min_count", "position"]


class LookupFormMixin:
    def bind_people(self, congress: Congress, search_url: str) -> None:
        self.fields["person"].bind(congress, search_url)


class PoolEntryForm(LookupFormMixin, forms.Form):
    person = PersonLookupField(label=capfirst(_("party member")))
    position = forms.ChoiceField(label=capfirst(_("position planned for")), choices=PoolPosition.choices)
    term = forms.CharField(label=capfirst(_("term")), max_length=20)
    added_on = date_field(label=capfirst(_("added to the pool on")))
    decision = forms.CharField(label=capfirst(_("decision")), max_length=255, required=False)
    notes = forms.CharField(label=capfirst(_("notes")), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, congress: Congress, search_url: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.bind_people(congress, search_url)
        self.fields["term"].initial = f"{congress.term_start}–{congress.term_end}"


class TrainingClassForm(forms.ModelForm):
    starts_on = date_field(label=capfirst(_("starts on")))
    ends_on = date_field(label=capfirst(_("ends on")))

    class Meta:
        model = TrainingClass
        fields = ["name", "organizer", "starts_on", "ends_on"]


class AttendanceForm(LookupFormMixin, forms.Form):
    person = PersonLookupField(label=capfirst(_("party member")))
    completed = forms.BooleanField(label=capfirst(_("completed")), required=False, initial=True)
    note = forms.CharField(label=capfirst(_("note")), max_length=255, required=False)

    def __init__(self, *args, congress: Congress, search_url: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.bind_people(congress, search_url)


class CounterChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return str(obj)


class ElectionForm(forms.ModelForm):
    held_on = date_field(label=capfirst(_("election date")), required=False)
    counters = CounterChoiceField(
        label=capfirst(_("vote-counting committee")),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Members of the vote-counting committee who enter the ballots of this election."),
    )

    class Meta:
        model = Election
        fields = ["body", "title", "seats", "surplus_percent", "surplus_required", "held_on"]

    def __init__(self, *args, congress: Congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.congress = congress
        self.fields["counters"].queryset = (
            get_user_model()
            .objects.filter(congress_roles__congress=congress, congress_roles__role=Role.VOTE_COUNTING)
            .order_by("name_key")
            .distinct()
        )
        self.fields["surplus_percent"].widget.attrs.update({"min": 0, "max": 30})
        if self.instance.pk:
            self.fields["counters"].initial = list(self.instance.counters.values_list("pk", flat=True))


class CandidateForm(LookupFormMixin, forms.Form):
    person = PersonLookupField(label=capfirst(_("party member")))
    source = forms.ChoiceField(label=capfirst(_("nominated by")), choices=CandidateSource.choices)
    nominated_by = forms.CharField(
        label=capfirst(_("nominating delegates")),
        max_length=255,
        required=False,
        help_text=_("Names of the delegates who nominated."),
    )
    dossier_received_on = date_field(
        label=capfirst(_("candidacy dossier received on")),
        required=False,
        help_text=_("Required for self-nominations and nominations of people who are not delegates."),
    )
    notes = forms.CharField(label=capfirst(_("notes")), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, congress: Congress, search_url: str, **kwargs):
        super().__init__(*args, **kwargs)
        # Any member is found, so that a probationary member gets the rule's message, not "no such member".
        self.bind_people(congress, search_url)


class StepForm(forms.Form):
    step = forms.TypedChoiceField(label=capfirst(_("step")), choices=NominationStepKind.choices, coerce=int)
    held_on = date_field(label=capfirst(_("held on")))
    voters = forms.IntegerField(label=capfirst(_("voters")), min_value=1)
    in_favour = forms.IntegerField(label=capfirst(_("in favour")), min_value=0)
    note = forms.CharField(label=capfirst(_("note")), max_length=255, required=False)


class WithdrawalRequestForm(forms.Form):
    reason = forms.CharField(label=capfirst(_("reason")), widget=forms.Textarea(attrs={"rows": 2}))


class WithdrawalDecisionForm(forms.Form):
    voters = forms.IntegerField(label=capfirst(_("delegates voting")), min_value=1)
    in_favour = forms.IntegerField(label=capfirst(_("in favour of the withdrawal")), min_value=0)


class RoundSetupForm(forms.Form):
    summoned = forms.IntegerField(label=capfirst(_("delegates summoned")), min_value=1)
    absent_without_alternate = forms.IntegerField(
        label=capfirst(_("absent for the whole congress without an alternate")), min_value=0
    )
    ballots_issued = forms.IntegerField(label=capfirst(_("ballots issued")), min_value=0, required=False)
    ballots_collected = forms.IntegerField(label=capfirst(_("ballots collected")), min_value=0, required=False)


class StruckField(forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        try:
            return parse_struck(value or "")
        except ValidationError as error:
            raise ValidationError(error.message_dict["struck"]) from None


class BallotEntryForm(forms.Form):
    number = forms.IntegerField(
        label=capfirst(_("ballot number")),
        min_value=1,
        widget=forms.NumberInput(attrs={"autofocus": True, "inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": _("Type the number of the paper ballot."), "invalid": _("Type a whole number.")},
    )
    struck = StruckField(
        label=capfirst(_("numbers of the names struck out")),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
        help_text=_("Separated by spaces, e.g. 3 7 12; leave empty when no name is struck out."),
    )
    written_in = forms.BooleanField(label=capfirst(_("a name written in")), required=False)
    spoiled = forms.BooleanField(label=capfirst(_("spoiled (not the congress's ballot, marked)")), required=False)


class ResolveForm(forms.Form):
    struck = StruckField(label=capfirst(_("numbers of the names struck out")), required=False)
    written_in = forms.BooleanField(label=capfirst(_("a name written in")), required=False)
    spoiled = forms.BooleanField(label=capfirst(_("spoiled (not the congress's ballot, marked)")), required=False)
    note = forms.CharField(
        label=capfirst(_("recount note")),
        max_length=255,
        help_text=_("Who recounted the paper ballot and what it shows."),
    )


class CandidateMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Candidate) -> str:
        return obj.person.full_name


class NextRoundForm(forms.Form):
    candidates = CandidateMultipleChoiceField(
        label=capfirst(_("candidates for the unfilled seats")),
        queryset=Candidate.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, eligible, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidates"].queryset = eligible


class EndorsementForm(forms.Form):
    endorsement_status = forms.ChoiceField(
        label=capfirst(_("upper-level endorsement")), choices=EndorsementStatus.choices
    )
    endorsement_reference = forms.CharField(label=capfirst(_("endorsement decision")), max_length=255, required=False)
    endorsement_date = date_field(label=capfirst(_("endorsement date")), required=False)
