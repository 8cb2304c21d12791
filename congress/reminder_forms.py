"""Forms of the reminder pages: the congress's policy, a person's settings, send now / skip."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from congress.forms import date_field
from congress.models import (
    DeliveryState,
    EmailMode,
    NotificationSettings,
    ReminderKind,
    ReminderPolicy,
)
from congress.reminders import parse_offsets

UPCOMING_DAYS_MAX = 60


class TimeInput(forms.TimeInput):
    def __init__(self, attrs=None):
        defaults = {"placeholder": "hh:mm", "autocomplete": "off", "inputmode": "numeric"}
        super().__init__(attrs={**defaults, **(attrs or {})}, format="%H:%M")


def time_field(**kwargs) -> forms.TimeField:
    kwargs.setdefault("widget", TimeInput())
    kwargs.setdefault("input_formats", ["%H:%M", "%Hh%M", "%H.%M"])
    kwargs.setdefault("error_messages", {"invalid": _("Enter a time as hh:mm (for example 07:30).")})
    return forms.TimeField(**kwargs)


class ReminderPolicyForm(forms.ModelForm):
    send_time = time_field(label=capfirst(_("time of day reminders go out")))
    quiet_start = time_field(label=capfirst(_("quiet from")))
    quiet_end = time_field(label=capfirst(_("quiet until")))

    class Meta:
        model = ReminderPolicy
        fields = [
            "offsets",
            "offset_unit",
            "working_days_only",
            "send_time",
            "quiet_hours",
            "quiet_start",
            "quiet_end",
            "escalate",
            "escalate_after_days",
            "escalate_every_days",
        ]
        widgets = {
            "escalate_after_days": forms.NumberInput(attrs={"min": 1, "max": 60}),
            "escalate_every_days": forms.NumberInput(attrs={"min": 1, "max": 60}),
        }

    def clean_offsets(self) -> str:
        try:
            offsets = parse_offsets(self.cleaned_data.get("offsets", ""))
        except ValidationError as error:
            raise ValidationError(error.message_dict["offsets"]) from None
        return ",".join(str(n) for n in offsets)


class NotificationSettingsForm(forms.ModelForm):
    digest_time = time_field(label=capfirst(_("send my daily digest at")))

    class Meta:
        model = NotificationSettings
        fields = ["email_mode", "in_app", "digest_time"]
        widgets = {"email_mode": forms.RadioSelect}

    def clean(self):
        data = super().clean()
        # Said next to the checkbox (the database constraint would say it a second time, above the form).
        if data.get("email_mode") == EmailMode.OFF and not data.get("in_app"):
            self.add_error("in_app", _("Keep at least one way to receive reminders: e-mail or the app."))
        return data


class ReminderActionForm(forms.Form):
    """Which reminder a button acts on: a recorded one by id, or a planned one by its key."""

    reminder = forms.IntegerField(required=False, min_value=1)
    deadline = forms.IntegerField(required=False, min_value=1)
    kind = forms.ChoiceField(required=False, choices=ReminderKind.choices)
    offset = forms.IntegerField(required=False, min_value=0, max_value=400)
    recipient = forms.IntegerField(required=False, min_value=1)
    due_date = date_field(required=False)
    next = forms.CharField(required=False, max_length=500)

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        key = [data.get(name) for name in ("deadline", "kind", "offset", "recipient", "due_date")]
        if not data.get("reminder") and any(value in (None, "") for value in key):
            raise forms.ValidationError(_("This button does not say which reminder it is for; reload the page."))
        return data

    def key(self) -> dict:
        data = self.cleaned_data
        return {
            "deadline_id": data["deadline"],
            "kind": data["kind"],
            "offset_days": data["offset"],
            "recipient_id": data["recipient"],
            "due_date": data["due_date"],
        }


class ReminderLogFilter(forms.Form):
    state = forms.ChoiceField(
        label=capfirst(_("state")),
        required=False,
        choices=[("", _("All states")), *DeliveryState.choices],
    )


class UpcomingFilter(forms.Form):
    days = forms.IntegerField(
        label=capfirst(_("days ahead")), required=False, min_value=1, max_value=UPCOMING_DAYS_MAX, initial=14
    )
