"""Forms and list filters of the work plan."""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from congress.forms import DateTimeInput, date_field
from congress.models import Congress
from congress.permissions import Access
from congress.renderers import FastSelect
from congress.vietnamese import fold
from subcommittees.models import (
    Meeting,
    MemberRole,
    Subcommittee,
    Task,
    TaskStatus,
    WorkingGroup,
)

User = get_user_model()


def congress_people(congress: Congress):
    """Everyone with a standing in the congress, in Vietnamese name order."""
    return (
        User.objects.filter(Q(congress_roles__congress=congress) | Q(memberships__subcommittee__congress=congress))
        .distinct()
        .order_by("name_key")
    )


class DoneMeansCompleteMixin:
    """A task marked done is 100% done; say so before the model's constraint is checked."""

    def clean(self):
        data = super().clean()
        if data.get("status") == TaskStatus.DONE:
            data["progress"] = 100
            self.instance.progress = 100
        return data


class TaskForm(DoneMeansCompleteMixin, forms.ModelForm):
    due_date = date_field(label=capfirst(_("due date")))

    class Meta:
        model = Task
        fields = [
            "title",
            "subcommittee",
            "group",
            "assignee",
            "due_date",
            "status",
            "progress",
            "description",
            "notes",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 2}),
            "progress": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 5}),
        }

    def __init__(self, *args, congress: Congress, access: Access, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.congress = congress
        subcommittees = congress.subcommittees.all()
        groups = WorkingGroup.objects.filter(subcommittee__congress=congress).select_related("subcommittee")
        if not access.is_secretariat:
            subcommittees = subcommittees.filter(pk__in=access.managed_subcommittees)
            groups = groups.filter(subcommittee__in=access.managed_subcommittees)
            self.fields["subcommittee"].required = True
        self.fields["subcommittee"].queryset = subcommittees
        self.fields["group"].queryset = groups
        self.fields["assignee"].queryset = congress_people(congress)
        self.fields["progress"].min_value = 0
        self.fields["progress"].max_value = 100


class TaskProgressForm(DoneMeansCompleteMixin, forms.ModelForm):
    """What the person a task is assigned to may change."""

    class Meta:
        model = Task
        fields = ["status", "progress", "notes"]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 2}),
            "progress": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 5}),
        }


class MembershipForm(forms.Form):
    user = forms.ModelChoiceField(label=capfirst(_("person")), queryset=User.objects.none())
    role = forms.ChoiceField(label=capfirst(_("role")), choices=MemberRole.choices, initial=MemberRole.MEMBER)
    title = forms.CharField(label=capfirst(_("office held")), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(is_active=True).order_by("name_key")


class GroupForm(forms.ModelForm):
    class Meta:
        model = WorkingGroup
        fields = ["name", "kind", "leader", "members", "duties"]
        widgets = {"duties": forms.Textarea(attrs={"rows": 3}), "members": forms.CheckboxSelectMultiple}

    def __init__(self, *args, subcommittee: Subcommittee, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.subcommittee = subcommittee
        people = congress_people(subcommittee.congress)
        self.fields["leader"].queryset = people
        self.fields["members"].queryset = people


class MeetingForm(forms.ModelForm):
    starts_at = forms.DateTimeField(
        label=capfirst(_("date and time")),
        widget=DateTimeInput(),
        input_formats=["%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"],
        error_messages={"invalid": _("Enter a date and time as dd/mm/yyyy hh:mm.")},
    )

    class Meta:
        model = Meeting
        fields = ["title", "body", "subcommittee", "starts_at", "location", "chair", "agenda", "minutes", "decisions"]
        widgets = {
            "agenda": forms.Textarea(attrs={"rows": 3}),
            "minutes": forms.Textarea(attrs={"rows": 5}),
            "decisions": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, congress: Congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.congress = congress
        self.fields["subcommittee"].queryset = congress.subcommittees.all()


class AttachmentForm(forms.Form):
    title = forms.CharField(label=capfirst(_("title")), max_length=255, required=False)
    file = forms.FileField(label=capfirst(_("file")))


class TaskFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=capfirst(_("Search")), method="search")
    subcommittee = django_filters.ModelChoiceFilter(
        label=capfirst(_("subcommittee")), queryset=Subcommittee.objects.none(), empty_label=_("All"), widget=FastSelect
    )
    group = django_filters.ModelChoiceFilter(
        label=capfirst(_("working group")),
        queryset=WorkingGroup.objects.none(),
        empty_label=_("All"),
        widget=FastSelect,
    )
    assignee = django_filters.ModelChoiceFilter(
        label=capfirst(_("assignee")), queryset=User.objects.none(), empty_label=_("All"), widget=FastSelect
    )
    status = django_filters.ChoiceFilter(
        label=capfirst(_("status")), choices=TaskStatus.choices, empty_label=_("All"), widget=FastSelect
    )
    when = django_filters.ChoiceFilter(
        label=capfirst(_("deadline")),
        choices=[("overdue", _("Overdue")), ("soon", _("Due within 7 days")), ("open", _("Not done"))],
        method="filter_when",
        empty_label=_("All"),
        widget=FastSelect,
    )

    class Meta:
        model = Task
        fields = ["q", "subcommittee", "group", "assignee", "status", "when"]

    def __init__(self, *args, congress: Congress, **kwargs):
        super().__init__(*args, **kwargs)
        # The drop-downs read only what they show (README, "Performance").
        self.filters["subcommittee"].queryset = congress.subcommittees.all()
        self.filters["group"].queryset = WorkingGroup.objects.filter(subcommittee__congress=congress).only("id", "name")
        self.filters["assignee"].queryset = congress_people(congress).only("id", "full_name", "username")

    def search(self, queryset, name, value):
        folded = fold(value)
        if not folded:
            return queryset
        return queryset.filter(Q(search_text__contains=folded) | Q(assignee__name_folded__contains=folded))

    def filter_when(self, queryset, name, value):
        today = timezone.localdate()
        open_tasks = queryset.exclude(status=TaskStatus.DONE)
        if value == "overdue":
            return open_tasks.filter(due_date__lt=today)
        if value == "soon":
            return open_tasks.filter(due_date__gte=today, due_date__lte=today + timezone.timedelta(days=7))
        if value == "open":
            return open_tasks
        return queryset
