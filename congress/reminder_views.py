"""Pages of reminders (the secretariat's schedule, log and policy) and of notifications (the bell,
the notifications page, a person's settings)."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congress.access import congress_view
from congress.models import Congress, DeliveryState, Digest, Reminder
from congress.notifications import (
    notification_mark_read,
    notification_settings_save,
    notifications_for,
    notifications_mark_all_read,
    preferences,
    unread_count,
)
from congress.permissions import Access
from congress.reminder_access import get_notification_for_user, get_reminder_for_user
from congress.reminder_forms import (
    NotificationSettingsForm,
    ReminderActionForm,
    ReminderLogFilter,
    ReminderPolicyForm,
    UpcomingFilter,
)
from congress.reminders import planned_reminders, policy_for, reminder_policy_save, reminder_send_now, reminder_skip
from congress.views import apply_service, form_response
from congress.workdays import work_calendar

PAGE_SIZE = 25
UPCOMING_DEFAULT_DAYS = 14


def _state_counts(congress: Congress) -> dict[str, int]:
    counts = dict(
        Reminder.objects.filter(congress=congress)
        .values_list("state")
        .annotate(n=Count("id"))
        .values_list("state", "n")
    )
    return {state: counts.get(state, 0) for state in DeliveryState.values}


@congress_view(secretariat=True)
def reminder_upcoming(request: HttpRequest, congress: Congress, access: Access) -> HttpResponse:
    """What goes out in the coming days, and what already went out today, with its state."""
    form = UpcomingFilter(request.GET or None)
    days = UPCOMING_DEFAULT_DAYS
    status = 200
    if form.is_bound:
        if form.is_valid():
            days = form.cleaned_data["days"] or UPCOMING_DEFAULT_DAYS
        else:
            status = 400
    now = timezone.now()
    start_of_today = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))
    planned = planned_reminders(
        start=start_of_today - datetime.timedelta(microseconds=1),
        end=now + datetime.timedelta(days=days),
        congress_ids=[congress.pk],
    )
    page = Paginator(planned, PAGE_SIZE).get_page(request.GET.get("page"))
    items = list(page.object_list)
    recorded = {
        (r.deadline_id, r.kind, r.offset_days, r.recipient_id, r.due_date): r
        for r in Reminder.objects.filter(deadline_id__in={p.deadline.pk for p in items})
    }
    people = get_user_model().objects.in_bulk({p.recipient_id for p in items})
    rows = [
        {"planned": p, "recipient": people.get(p.recipient_id), "record": recorded.get(p.key), "due": p.due_at <= now}
        for p in items
    ]
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "notifications/reminder_upcoming.html",
        {
            "form": form,
            "days": days,
            "page": page,
            "rows": rows,
            "counts": _state_counts(congress),
            "policy": policy_for(congress),
            "querystring": urlencode(params, doseq=True),
        },
        status=status,
    )


@congress_view(secretariat=True)
def reminder_log(request: HttpRequest, congress: Congress, access: Access) -> HttpResponse:
    """Every recorded reminder, newest first, filtered by state."""
    form = ReminderLogFilter(request.GET or None)
    reminders = (
        Reminder.objects.filter(congress=congress)
        .select_related("deadline", "recipient", "digest", "handled_by")
        .order_by("-due_at", "-id")
    )
    status = 200
    if form.is_bound:
        if form.is_valid():
            if form.cleaned_data["state"]:
                reminders = reminders.filter(state=form.cleaned_data["state"])
        else:
            status = 400
    page = Paginator(reminders, PAGE_SIZE).get_page(request.GET.get("page"))
    failed_digests = list(
        Digest.objects.filter(state=DeliveryState.FAILED, recipient__reminders__congress=congress)
        .select_related("recipient")
        .distinct()[:20]
    )
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "notifications/reminder_log.html",
        {
            "form": form,
            "page": page,
            "counts": _state_counts(congress),
            "failed_digests": failed_digests,
            "querystring": urlencode(params, doseq=True),
        },
        status=status,
    )


def _back(request: HttpRequest, congress: Congress, form: ReminderActionForm) -> HttpResponse:
    target = form.cleaned_data.get("next") if form.is_valid() else None
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect("reminder_upcoming", congress=congress.slug)


def _reminder_action(request: HttpRequest, congress: Congress, access: Access, service, done_message: str):
    form = ReminderActionForm(request.POST)
    if form.is_valid():
        try:
            if form.cleaned_data["reminder"]:
                reminder = get_reminder_for_user(access, congress, form.cleaned_data["reminder"], write=True)
                service(congress=congress, by=request.user, reminder=reminder)
            else:
                service(congress=congress, by=request.user, **form.key())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, done_message)
            return _back(request, congress, form)
    return render(request, "notifications/reminder_action_error.html", {"form": form}, status=400)


@require_POST
@congress_view(secretariat=True)
def reminder_send(request: HttpRequest, congress: Congress, access: Access) -> HttpResponse:
    return _reminder_action(
        request, congress, access, reminder_send_now, _("The reminder is being sent; its state updates within seconds.")
    )


@require_POST
@congress_view(secretariat=True)
def reminder_skip_view(request: HttpRequest, congress: Congress, access: Access) -> HttpResponse:
    return _reminder_action(request, congress, access, reminder_skip, _("The reminder will not be sent."))


@congress_view(secretariat=True)
def reminder_policy(request: HttpRequest, congress: Congress, access: Access) -> HttpResponse:
    form = ReminderPolicyForm(request.POST or None, instance=policy_for(congress))
    if request.method == "POST" and form.is_valid():
        if apply_service(form, lambda: reminder_policy_save(policy=form.instance, by=request.user)):
            messages.success(request, _("The reminder policy was saved."))
            return redirect("reminder_upcoming", congress=congress.slug)
    today = timezone.localdate()
    calendar = work_calendar(today, congress.cutoff_date if congress.cutoff_date > today else today)
    return form_response(
        request,
        "notifications/reminder_policy.html",
        {
            "form": form,
            "days_off": sorted(calendar.days_off),
            "working_days": sorted(calendar.working_days),
        },
        form,
    )


# --- notifications of the signed-in person


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    unread_only = request.GET.get("unread") == "1"
    page = Paginator(notifications_for(request.user, unread_only=unread_only), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/notification_list.html",
        {
            "page": page,
            "unread_only": unread_only,
            "unread": unread_count(request.user),
            "querystring": "unread=1" if unread_only else "",
        },
    )


@require_POST
@login_required
def notification_read(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_notification_for_user(request.user, pk)
    notification_mark_read(notification=notification)
    if request.POST.get("open") and notification.url:
        return redirect(notification.url)
    return redirect(reverse("notification_list") + ("?unread=1" if request.POST.get("unread") == "1" else ""))


@require_POST
@login_required
def notification_read_all(request: HttpRequest) -> HttpResponse:
    count = notifications_mark_all_read(user=request.user)
    messages.success(request, _("%(count)d notification(s) marked as read.") % {"count": count})
    return redirect("notification_list")


def notification_bell(request: HttpRequest) -> HttpResponse:
    """The bell alone, polled by htmx; a signed-out page is told to stop polling (HTTP 286)."""
    if not request.user.is_authenticated:
        return HttpResponse(status=286)
    return render(request, "notifications/_bell.html", {"unread": unread_count(request.user)})


@login_required
def notification_settings(request: HttpRequest) -> HttpResponse:
    form = NotificationSettingsForm(request.POST or None, instance=preferences(request.user))
    if request.method == "POST" and form.is_valid():
        if apply_service(form, lambda: notification_settings_save(settings_row=form.instance)):
            messages.success(request, _("Your notification settings were saved."))
            return redirect("notification_settings")
    return form_response(request, "notifications/notification_settings.html", {"form": form}, form)
