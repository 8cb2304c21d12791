"""Forms of the core app, and the date widget every app uses (dd/mm/yyyy)."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from congress.models import Congress, Milestone, PartyOrganization
from congress.services import congress_rule_errors


class DateInput(forms.DateInput):
    """A text box taking dd/mm/yyyy, whatever the browser's language."""

    def __init__(self, attrs=None):
        defaults = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off", "class": "date-input"}
        super().__init__(attrs={**defaults, **(attrs or {})}, format="%d/%m/%Y")


class DateTimeInput(forms.DateTimeInput):
    def __init__(self, attrs=None):
        defaults = {"placeholder": "dd/mm/yyyy hh:mm", "autocomplete": "off"}
        super().__init__(attrs={**defaults, **(attrs or {})}, format="%d/%m/%Y %H:%M")


def date_field(**kwargs) -> forms.DateField:
    kwargs.setdefault("widget", DateInput())
    kwargs.setdefault("input_formats", ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"])
    kwargs.setdefault("error_messages", {"invalid": _("Enter a valid date as dd/mm/yyyy (for example 03/06/2020).")})
    return forms.DateField(**kwargs)


class CongressForm(forms.ModelForm):
    opening_date = date_field(label=capfirst(_("planned opening")), required=False)
    closing_date = date_field(label=capfirst(_("planned closing")), required=False)
    cutoff_date = date_field(label=capfirst(_("must finish by")))

    class Meta:
        model = Congress
        fields = [
            "name",
            "organizing_committee",
            "upper_committee",
            "ordinal",
            "term_start",
            "term_end",
            "level",
            "place",
            "opening_date",
            "closing_date",
            "cutoff_date",
            "max_days",
            "max_delegates",
            "executive_committee_size",
            "standing_committee_size",
            "quorum_percent",
            "status",
        ]

    def clean(self):
        data = super().clean()
        errors = congress_rule_errors(
            opening_date=data.get("opening_date"),
            closing_date=data.get("closing_date"),
            cutoff_date=data.get("cutoff_date"),
            max_days=data.get("max_days"),
            executive_committee_size=data.get("executive_committee_size"),
            standing_committee_size=data.get("standing_committee_size"),
        )
        if data.get("term_start") and data.get("term_end") and data["term_end"] <= data["term_start"]:
            errors["term_end"] = _("The term must end after it starts.")
        if data.get("quorum_percent") is not None and not 1 <= data["quorum_percent"] <= 100:
            errors["quorum_percent"] = _("The quorum is a percentage between 1 and 100.")
        if errors:
            raise ValidationError(errors)
        return data


class OrganizationForm(forms.ModelForm):
    class Meta:
        model = PartyOrganization
        fields = ["name", "code", "kind", "parent", "sector", "member_count"]

    def __init__(self, *args, congress: Congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.congress = congress
        parents = congress.organizations.all()
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents


class MilestoneForm(forms.ModelForm):
    due_date = date_field(label=capfirst(_("date")))
    done_at = date_field(label=capfirst(_("done on")), required=False)

    class Meta:
        model = Milestone
        fields = ["title", "kind", "due_date", "responsible", "done_at", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, congress: Congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.congress = congress
        self.fields["responsible"].queryset = congress.subcommittees.all()


class ProfileForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["full_name", "email", "position", "phone", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The name signs the audit trail, reminders and dispositions: an empty one would show the login instead.
        self.fields["full_name"].required = True
