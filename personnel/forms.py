"""Forms of the personnel app (labels capitalised, dates dd/mm/yyyy)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from congress.forms import date_field
from congress.models import Congress
from congress.renderers import FastSelect, set_flat_choices
from personnel.models import (
    CredentialStatus,
    Delegate,
    DelegateKind,
    ImportKind,
    MemberStatus,
    NotSummonedReason,
    Person,
    Session,
)
from personnel.services import GRASSROOTS_KINDS, person_rule_errors


def _capfirst_labels(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        if field.label:
            field.label = capfirst(field.label)


class PersonForm(forms.ModelForm):
    birth_date = date_field(label=capfirst(_("date of birth")), required=False)
    joined_on = date_field(label=capfirst(_("joined the Party on")), required=False)
    official_on = date_field(label=capfirst(_("official member since")), required=False)

    class Meta:
        model = Person
        fields = [
            "full_name",
            "member_number",
            "gender",
            "birth_date",
            "birth_year",
            "ethnicity",
            "hometown",
            "general_education",
            "qualification",
            "theory_level",
            "joined_on",
            "official_on",
            "organization",
            "position",
            "sector",
            "status",
            "is_executive_member",
            "phone",
            "email",
            "address",
        ]

    def __init__(self, *args, congress: Congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.congress = congress
        self.fields["organization"].queryset = congress.organizations.order_by("code", "name")
        self.fields["birth_year"].required = False
        _capfirst_labels(self)

    def clean(self):
        data = super().clean()
        if data.get("birth_date"):
            data["birth_year"] = data["birth_date"].year
        if not data.get("birth_date") and not data.get("birth_year"):
            self.add_error("birth_year", _("Enter the date of birth, or at least the year."))
            return data
        errors = person_rule_errors(
            birth_date=data.get("birth_date"),
            birth_year=data.get("birth_year"),
            joined_on=data.get("joined_on"),
            official_on=data.get("official_on"),
            status=data.get("status") or MemberStatus.OFFICIAL,
        )
        if errors:
            raise ValidationError(errors)
        return data


def grassroots_choices(congress: Congress) -> list[tuple[int | str, str]]:
    """ "All", then the congress's grassroots organizations as (id, name): a filter needs no model
    instances (57 organizations as models cost about 1 ms a list page; README, "Performance")."""
    organizations = congress.organizations.filter(kind__in=GRASSROOTS_KINDS).order_by("code", "name")
    return [("", _("All")), *organizations.values_list("pk", "name")]


class PeopleFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    organization = forms.TypedChoiceField(
        label=_("Party organization"), required=False, coerce=int, empty_value=None, widget=FastSelect
    )
    status = forms.ChoiceField(label=_("Status"), required=False, widget=FastSelect)

    def __init__(self, *args, congress: Congress, **kwargs):
        super().__init__(*args, **kwargs)
        set_flat_choices(self.fields["organization"], grassroots_choices(congress))
        self.fields["status"].choices = [("", _("All"))] + list(MemberStatus.choices)
        self.fields["q"].widget.attrs["placeholder"] = _("name or card number, without accents is fine")


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("List"), choices=ImportKind.choices)
    file = forms.FileField(label=_("Excel file (.xlsx)"))


class AllocateForm(forms.Form):
    total = forms.IntegerField(label=_("Seats to allocate"), min_value=0)
    base = forms.IntegerField(label=_("Base seats per organization"), min_value=0, initial=1)


class AdjustForm(forms.Form):
    adjustment = forms.IntegerField(label=_("Manual adjustment (+/−)"), min_value=-300, max_value=300)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=255)


class DelegateRegisterForm(forms.Form):
    member_number = forms.CharField(label=_("Party card number"), max_length=30)
    kind = forms.ChoiceField(label=_("Kind"), choices=DelegateKind.choices, initial=DelegateKind.ELECTED)
    organization = forms.ModelChoiceField(
        label=_("Delegation"),
        queryset=None,
        required=False,
        help_text=_("Leave empty: the member's grassroots organization."),
    )
    number = forms.IntegerField(
        label=_("Delegate number"), min_value=1, required=False, help_text=_("Leave empty: the next number.")
    )
    is_alternate = forms.BooleanField(label=_("Alternate"), required=False)
    alternate_rank = forms.IntegerField(label=_("Alternate rank"), min_value=1, required=False)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, congress: Congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.congress = congress
        self.fields["organization"].queryset = congress.organizations.filter(kind__in=GRASSROOTS_KINDS).order_by(
            "code", "name"
        )

    def clean_member_number(self):
        number = self.cleaned_data["member_number"].strip()
        try:
            self.cleaned_data["person"] = Person.objects.select_related("organization").get(
                congress=self.congress, member_number=number
            )
        except Person.DoesNotExist:
            raise ValidationError(_("No party member has the card number %(n)s.") % {"n": number}) from None
        return number


class DelegateEditForm(forms.ModelForm):
    class Meta:
        model = Delegate
        fields = ["number", "not_summoned", "absence_reason", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["not_summoned"].choices = [("", _("Summoned"))] + list(NotSummonedReason.choices)
        _capfirst_labels(self)


class SubstitutionForm(forms.Form):
    alternate = forms.ModelChoiceField(label=_("Alternate"), queryset=Delegate.objects.none())
    reason = forms.CharField(label=_("Reason"), max_length=255)

    def __init__(self, *args, replaced: Delegate, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alternate"].queryset = (
            Delegate.objects.filter(
                congress_id=replaced.congress_id,
                organization_id=replaced.organization_id,
                is_alternate=True,
                replacing__isnull=True,
            )
            .select_related("person")
            .order_by("alternate_rank", "person__name_key")
        )
        self.fields["alternate"].label_from_instance = lambda d: f"{d.alternate_rank or '–'}. {d.person.full_name}"


class DelegateFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    organization = forms.TypedChoiceField(
        label=_("Delegation"), required=False, coerce=int, empty_value=None, widget=FastSelect
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False, widget=FastSelect)
    credential_status = forms.ChoiceField(label=_("Credentials"), required=False, widget=FastSelect)
    alternates = forms.ChoiceField(
        label=_("Official / alternate"),
        required=False,
        choices=[("", _("All")), ("official", _("Official delegates")), ("alternate", _("Alternates"))],
        widget=FastSelect,
    )
    flagged = forms.BooleanField(label=_("Only not summoned"), required=False)
    order = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("name", _("By name")), ("number", _("By number"))],
        widget=FastSelect,
    )

    def __init__(self, *args, congress: Congress, **kwargs):
        super().__init__(*args, **kwargs)
        set_flat_choices(self.fields["organization"], grassroots_choices(congress))
        self.fields["kind"].choices = [("", _("All"))] + list(DelegateKind.choices)
        self.fields["credential_status"].choices = [("", _("All"))] + list(CredentialStatus.choices)
        self.fields["q"].widget.attrs["placeholder"] = _("name, card or delegate number")


class CredentialForm(forms.Form):
    credential_status = forms.ChoiceField(label=_("Credentials"), choices=CredentialStatus.choices)
    credential_reason = forms.CharField(
        label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class SessionForm(forms.ModelForm):
    date = date_field(label=capfirst(_("date")))

    class Meta:
        model = Session
        fields = ["name", "kind", "date", "starts_at", "ends_at", "venue"]
        widgets = {
            "starts_at": forms.TimeInput(attrs={"placeholder": "hh:mm"}, format="%H:%M"),
            "ends_at": forms.TimeInput(attrs={"placeholder": "hh:mm"}, format="%H:%M"),
        }

    def __init__(self, *args, congress: Congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.congress = congress
        _capfirst_labels(self)

    def validate_unique(self):
        # The service checks the name with a clear message; the model's check would repeat it.
        pass


class CheckInForm(forms.Form):
    code = forms.CharField(label=_("Delegate number or badge code"), max_length=200)
