"""Forms of the security pages: the audit filters and the one-time code of two-step verification."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from congress.audit import AuditFilters, audited_models
from congress.forms import date_field
from congress.models import Congress

User = get_user_model()


class AuditFilterForm(forms.Form):
    model = forms.ChoiceField(label=capfirst(_("kind of object")), required=False)
    user = forms.ModelChoiceField(
        label=capfirst(_("user")), queryset=User.objects.none(), required=False, empty_label=_("All")
    )
    action = forms.ChoiceField(
        label=capfirst(_("action")),
        required=False,
        choices=[
            ("", _("All")),
            ("+", pgettext_lazy("audit action", "Created")),
            ("~", pgettext_lazy("audit action", "Changed")),
            ("-", pgettext_lazy("audit action", "Deleted")),
        ],
    )
    date_from = date_field(label=capfirst(_("from")), required=False)
    date_to = date_field(label=capfirst(_("to")), required=False)

    def __init__(self, *args, congress: Congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["model"].choices = [("", _("All"))] + [
            (label, capfirst(audited.verbose_name)) for label, audited in audited_models().items()
        ]
        # Everyone with a standing in the congress, and the administrators who may also change it.
        self.fields["user"].queryset = (
            User.objects.filter(
                Q(congress_roles__congress=congress)
                | Q(memberships__subcommittee__congress=congress)
                | Q(is_superuser=True)
                | Q(is_staff=True)
            )
            .distinct()
            .order_by("name_key", "username")
        )

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            raise ValidationError({"date_to": _("The end of the period is before its start.")})
        return data

    def filters(self) -> AuditFilters:
        if not self.is_bound or not self.is_valid():
            return AuditFilters()
        data = self.cleaned_data
        return AuditFilters(
            model=data.get("model") or "",
            user_id=data["user"].pk if data.get("user") else None,
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            action=data.get("action") or "",
        )


class TokenForm(forms.Form):
    token = forms.CharField(
        label=capfirst(_("code from the authenticator app")),
        max_length=12,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True, "pattern": "[0-9 ]*"}
        ),
    )

    def clean_token(self) -> str:
        token = "".join(self.cleaned_data["token"].split())
        if not token.isdigit() or not 6 <= len(token) <= 8:
            raise ValidationError(_("Enter the 6-digit code shown by the authenticator app."))
        return token
