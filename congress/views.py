"""Views of the core app: home, dashboard, congress settings, organizations, milestones, profile."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from congress.access import congress_view
from congress.forms import CongressForm, MilestoneForm, OrganizationForm, ProfileForm
from congress.models import Congress, Milestone, PartyOrganization, Role
from congress.permissions import Access
from congress.services import congress_save, milestone_save, milestone_toggle_done, organization_save
from congress.vietnamese import fold
from subcommittees.selectors import subcommittee_progress, timeline, upcoming_milestones, visible_tasks

RED_LIST_LIMIT = 15
UPCOMING_LIMIT = 6
DUE_SOON_LIMIT = 10


def form_response(request: HttpRequest, template: str, context: dict, form) -> HttpResponse:
    """Render a form page; a form with errors answers 400 so nothing looks saved."""
    return render(request, template, context, status=400 if form.is_bound and form.errors else 200)


def apply_service(form, call) -> bool:
    """Run a service after form validation; its ValidationError lands on the form."""
    try:
        call()
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errs in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errs)
        else:
            form.add_error(None, error)
        return False
    return True


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    congresses = Congress.objects.all()
    if not user.is_superuser:
        congresses = congresses.filter(Q(roles__user=user) | Q(subcommittees__memberships__user=user)).distinct()
    congresses = list(congresses)
    if len(congresses) == 1:
        return redirect(congresses[0].get_absolute_url())
    return render(request, "congress/home.html", {"congresses": congresses})


def _annotate_listed_tasks(tasks, *, congress: Congress, today) -> None:
    """The dashboard's task lists: each task's link and lateness worked out here, not per row in the
    template (a reverse() and a plural translation each): the link is reversed once and the task's
    id put in its place; the "n days" text is the template's own message, made once per number."""
    head, _sep, tail = reverse("task_detail", kwargs={"congress": congress.slug, "pk": 987654321}).rpartition(
        "987654321"
    )
    late_labels: dict[int, str] = {}
    for task in tasks:
        task.url = f"{head}{task.pk}{tail}"
        days = max((today - task.due_date).days, 0)  # open tasks only
        label = late_labels.get(days)
        if label is None:
            label = late_labels[days] = ngettext("%(n)s day", "%(n)s days", days) % {"n": localize(days)}
        task.late = label


@congress_view(workspace=False)
def dashboard(request: HttpRequest, congress: Congress, access: Access) -> HttpResponse:
    today = timezone.localdate()
    context: dict = {
        "today": today,
        "days_to_opening": (congress.opening_date - today).days if congress.opening_date else None,
        "days_to_cutoff": (congress.cutoff_date - today).days,
    }
    if access.can_view_workspace:
        tasks = visible_tasks(congress=congress, access=access, user=request.user)
        # One read of the milestones serves the upcoming list and the timeline; the timeline also
        # counts the overdue tasks and reads the open tasks as the red list and the week's list show
        # them, so that these lists need no query of their own (see README "Performance").
        milestones = list(congress.milestones.all())
        plan = timeline(congress=congress, access=access, tasks=tasks, milestones=milestones)
        week_end = today + timezone.timedelta(days=7)
        red_ids = [pk for due, pk in plan.open_tasks if due < today][:RED_LIST_LIMIT]
        soon_ids = [pk for due, pk in plan.open_tasks if today <= due <= week_end][:DUE_SOON_LIMIT]
        red_list = [plan.open_rows[pk] for pk in red_ids]
        due_soon = [plan.open_rows[pk] for pk in soon_ids]
        _annotate_listed_tasks(red_list + due_soon, congress=congress, today=today)
        context.update(
            milestones=[m for m in milestones if m.done_at is None and m.due_date >= today][:UPCOMING_LIMIT],
            progress=subcommittee_progress(congress=congress, access=access, counts=plan.counts),
            red_list=red_list,
            red_count=plan.overdue,
            due_soon=due_soon,
            timeline=plan,
        )
    else:
        context["milestones"] = upcoming_milestones(congress=congress, limit=UPCOMING_LIMIT)
    context["my_roles"] = [label for value, label in Role.choices if value in access.roles]
    return render(request, "congress/dashboard.html", context)


@congress_view(secretariat=True)
def congress_edit(request: HttpRequest, congress: Congress, access: Access) -> HttpResponse:
    form = CongressForm(request.POST or None, instance=congress)
    if request.method == "POST" and form.is_valid():
        if apply_service(form, lambda: congress_save(congress=form.instance)):
            messages.success(request, _("The congress settings were saved."))
            return redirect("dashboard", congress=congress.slug)
    return form_response(request, "congress/congress_form.html", {"form": form}, form)


@congress_view()
def organization_list(request: HttpRequest, congress: Congress, access: Access) -> HttpResponse:
    organizations = congress.organizations.select_related("parent")
    query = request.GET.get("q", "").strip()
    if query:
        organizations = organizations.filter(name_folded__contains=fold(query))
    organizations = list(organizations)
    # Show the tree in order: each node followed by its children.
    children: dict[int | None, list[PartyOrganization]] = {}
    for org in organizations:
        children.setdefault(org.parent_id, []).append(org)
    ids = {o.pk for o in organizations}
    roots = [o for o in organizations if o.parent_id is None or o.parent_id not in ids]
    ordered: list[tuple[PartyOrganization, int]] = []

    def walk(node: PartyOrganization, depth: int) -> None:
        ordered.append((node, depth))
        for child in children.get(node.pk, []):
            walk(child, depth + 1)

    for root in roots:
        walk(root, 0)
    page = Paginator(ordered, 100).get_page(request.GET.get("page"))
    total_members = sum(o.member_count for o in organizations if o.parent_id is not None and o.kind != "cell")
    return render(
        request,
        "congress/organization_list.html",
        {"page": page, "query": query, "total_members": total_members, "count": len(organizations)},
    )


@congress_view(secretariat=True)
def organization_edit(request: HttpRequest, congress: Congress, access: Access, pk: int | None = None) -> HttpResponse:
    instance = get_object_or_404(PartyOrganization, congress=congress, pk=pk) if pk else None
    form = OrganizationForm(request.POST or None, instance=instance, congress=congress)
    if request.method == "POST" and form.is_valid():
        if apply_service(form, lambda: organization_save(organization=form.instance)):
            messages.success(request, _("The organization was saved."))
            return redirect("organization_list", congress=congress.slug)
    return form_response(request, "congress/organization_form.html", {"form": form, "object": instance}, form)


@congress_view(workspace=False)
def milestone_list(request: HttpRequest, congress: Congress, access: Access) -> HttpResponse:
    milestones = congress.milestones.select_related("responsible")
    return render(request, "congress/milestone_list.html", {"milestones": milestones, "today": timezone.localdate()})


@congress_view(secretariat=True)
def milestone_edit(request: HttpRequest, congress: Congress, access: Access, pk: int | None = None) -> HttpResponse:
    instance = get_object_or_404(Milestone, congress=congress, pk=pk) if pk else None
    form = MilestoneForm(request.POST or None, instance=instance, congress=congress)
    if request.method == "POST" and form.is_valid():
        if apply_service(form, lambda: milestone_save(milestone=form.instance)):
            messages.success(request, _("The milestone was saved."))
            return redirect("milestone_list", congress=congress.slug)
    return form_response(request, "congress/milestone_form.html", {"form": form, "object": instance}, form)


@require_POST
@congress_view(secretariat=True)
def milestone_done(request: HttpRequest, congress: Congress, access: Access, pk: int) -> HttpResponse:
    milestone = get_object_or_404(Milestone, congress=congress, pk=pk)
    milestone_toggle_done(milestone=milestone)
    return redirect("milestone_list", congress=congress.slug)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile was saved."))
        response = redirect("profile")
        response.set_cookie("django_language", form.instance.language, samesite="Lax")
        return response
    return form_response(request, "congress/profile.html", {"form": form}, form)
