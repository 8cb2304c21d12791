"""Forms of the congress days. They read and clean input; the rules are in congress/programme_services.py."""

from __future__ import annotations

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from congress.models import Congress
from congress.programme_models import AgendaItem, BodyKind, BodyRole, VoteBase, VoteSubject
from personnel.models import Delegate, Session
from personnel.selectors import entitled_q

TIME_INPUT = forms.TimeInput(
    attrs={"placeholder": "hh:mm", "inputmode": "numeric", "autocomplete": "off"}, format="%H:%M"
)


def _capfirst_labels(form: forms.BaseForm) -> None:
    for bound in form.fields.values():
        if bound.label:
            bound.label = capfirst(bound.label)


def delegate_label(delegate: Delegate) -> str:
    number = f"{delegate.number:03d} – " if delegate.number else ""
    return f"{number}{delegate.person.full_name} ({delegate.organization.name})"


class DelegateChoiceField(forms.ModelChoiceField):
    """A delegate of this congress; the list offers those who may sit (by number), the check is the service's."""

    def label_from_instance(self, obj: Delegate) -> str:
        return delegate_label(obj)


def delegate_choices(congress: Congress) -> list[tuple]:
    """The delegates who may sit, by number, as select options (one query; reuse it for several forms)."""
    return [("", "---------")] + [
        (d.pk, delegate_label(d))
        for d in Delegate.objects.filter(entitled_q(), congress=congress)
        .select_related("person", "organization")
        .order_by("number", "id")
    ]


def delegate_field(congress: Congress, label, choices: list[tuple] | None = None) -> DelegateChoiceField:
    # The list offers the delegates who may sit; the queryset accepts any delegate of the congress so that
    # the service can say why one who may not sit is refused.
    field = DelegateChoiceField(
        label=label,
        queryset=Delegate.objects.filter(congress=congress).select_related("person", "organization"),
        error_messages={"invalid_choice": _("Only a delegate of this congress can be chosen.")},
    )
    field.choices = choices if choices is not None else delegate_choices(congress)
    return field


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["session", "kind", "title", "presenter", "planned_minutes", "draft", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, congress: Congress, **kwargs):
        super().__init__(*args, **kwargs)
        from documents.models import Draft

        self.fields["session"].queryset = Session.objects.filter(congress=congress)
        self.fields["session"].error_messages["invalid_choice"] = _("Choose a session of this congress.")
        self.fields["draft"].queryset = Draft.objects.filter(congress=congress)
        self.fields["draft"].required = False
        self.fields["planned_minutes"].min_value = 1
        self.fields["planned_minutes"].widget.attrs.update({"min": 1, "max": 600})
        _capfirst_labels(self)


class ItemTimesForm(forms.Form):
    actual_start = forms.TimeField(label=_("Actually started"), required=False, widget=TIME_INPUT)
    actual_end = forms.TimeField(label=_("Actually ended"), required=False, widget=TIME_INPUT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-control form-control-sm time-input"
            field.error_messages["invalid"] = _("Enter a time as hh:mm (for example 14:05).")


class BodyMemberForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=BodyRole.choices, initial=BodyRole.MEMBER)

    def __init__(self, *args, congress: Congress, delegate_choices: list[tuple] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"delegate": delegate_field(congress, _("Delegate"), delegate_choices), **self.fields}


class VoteForm(forms.Form):
    item = forms.ModelChoiceField(label=_("Agenda item"), queryset=AgendaItem.objects.none())
    subject = forms.ChoiceField(label=_("Subject"), choices=VoteSubject.choices)
    body_kind = forms.ChoiceField(
        label=_("Congress body approved"),
        choices=[("", "---------")] + list(BodyKind.choices),
        required=False,
        help_text=_("Only for the approval of a congress body."),
    )
    title = forms.CharField(label=_("Question put to the vote"), max_length=255)
    base = forms.ChoiceField(
        label=_("Passed with more than half of"),
        choices=VoteBase.choices,
        initial=VoteBase.PRESENT,
    )

    def __init__(self, *args, congress: Congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = AgendaItem.objects.filter(session__congress=congress).select_related("session")
        self.fields["item"].error_messages["invalid_choice"] = _("Choose an agenda item of this congress.")
        self.fields["item"].label_from_instance = lambda i: f"{i.session.name} · {i.position}. {i.title}"


class VoteCountForm(forms.Form):
    votes_for = forms.IntegerField(label=_("For"), min_value=0, max_value=100_000)
    votes_against = forms.IntegerField(label=_("Against"), min_value=0, max_value=100_000)
    votes_abstain = forms.IntegerField(label=_("Abstaining"), min_value=0, max_value=100_000)


class SpeakerForm(forms.Form):
    topic = forms.CharField(label=_("Topic"), max_length=255)
    written = forms.BooleanField(label=_("Submitted in writing (not read in the hall)"), required=False)

    def __init__(self, *args, congress: Congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"delegate": delegate_field(congress, _("Delegate")), **self.fields}


class ContributionForm(forms.Form):
    contribution = forms.CharField(
        label=_("What was said"), widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=20_000
    )
    paragraph_label = forms.CharField(
        label=_("Paragraph of the draft"),
        max_length=20,
        required=False,
        help_text=_("e.g. 2.3; empty: the whole draft."),
    )


class ToCommentForm(forms.Form):
    review_round = forms.ModelChoiceField(label=_("Review round"), queryset=None)

    def __init__(self, *args, rounds: list, **kwargs):
        super().__init__(*args, **kwargs)
        from documents.models import ReviewRound

        self.fields["review_round"].queryset = ReviewRound.objects.filter(pk__in=[r.pk for r in rounds])
        self.fields["review_round"].error_messages["invalid_choice"] = _("Choose a review round of this draft.")
        self.fields["review_round"].label_from_instance = lambda r: str(r.title)


class TimerForm(forms.Form):
    minutes = forms.IntegerField(label=_("Countdown (minutes)"), min_value=1, max_value=240)


class NoticeForm(forms.Form):
    notice = forms.CharField(label=_("Announcement on the screen"), max_length=200, required=False)
    show_results = forms.BooleanField(label=_("Show the last announced result"), required=False)
