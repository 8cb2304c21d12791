"""Views of account security (two-step verification, log out everywhere) and the audit page."""

from __future__ import annotations

import base64
from urllib.parse import urlencode

import django_otp
import segno
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from congress.access import congress_view
from congress.audit import audit_rows, congress_changes, congress_events, history_restore
from congress.audit_forms import AuditFilterForm, TokenForm
from congress.models import Congress
from congress.permissions import Access
from congress.security import OTP_SESSION_FLAG, sessions_end_all

AUDIT_PAGE_SIZE = 50


def _next_url(request: HttpRequest, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


# --- Two-step verification (TOTP).


@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app: scan the QR code, confirm with a first code."""
    user = request.user
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if confirmed is not None:
        return render(
            request,
            "security/two_factor_setup.html",
            {"device": confirmed, "disable_form": TokenForm(), "next": _next_url(request, "")},
        )
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            request.session[OTP_SESSION_FLAG] = True
            messages.success(request, _("Two-step verification is on: from now on you will be asked for a code."))
            return redirect(_next_url(request, "profile"))
        form.add_error("token", _("This code is wrong or has expired; enter the code the app shows now."))
    context = {
        "form": form,
        "qr": segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2),
        "secret": base64.b32encode(device.bin_key).decode("ascii"),
        "next": _next_url(request, ""),
    }
    return render(request, "security/two_factor_setup.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def two_factor_disable(request: HttpRequest) -> HttpResponse:
    """Turn two-step verification off; it takes a valid code, so a stolen session cannot do it."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect("two_factor_setup")
    form = TokenForm(request.POST)
    if form.is_valid() and device.verify_token(form.cleaned_data["token"]):
        TOTPDevice.objects.filter(user=request.user).delete()
        request.session.pop(OTP_SESSION_FLAG, None)
        messages.success(request, _("Two-step verification is off."))
        return redirect("profile")
    if form.is_valid():
        form.add_error("token", _("This code is wrong or has expired; enter the code the app shows now."))
    return render(
        request, "security/two_factor_setup.html", {"device": device, "disable_form": form, "next": ""}, status=400
    )


@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The second step after the password, for users who enrolled a device."""
    next_url = _next_url(request, "home")
    devices = list(TOTPDevice.objects.filter(user=request.user, confirmed=True))
    if not devices:
        # The device was reset by an administrator: nothing left to ask.
        request.session.pop(OTP_SESSION_FLAG, None)
        return redirect(next_url)
    if request.user.is_verified():
        return redirect(next_url)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in devices:
            if device.verify_token(form.cleaned_data["token"]):
                django_otp.login(request, device)
                return redirect(next_url)
        form.add_error("token", _("This code is wrong or has expired; enter the code the app shows now."))
    return render(
        request,
        "security/two_factor_verify.html",
        {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def logout_everywhere(request: HttpRequest) -> HttpResponse:
    """End every session of the user, on every computer and phone, then this one."""
    count = sessions_end_all(user=request.user)
    logout(request)
    messages.success(request, _("You were logged out everywhere (%(count)d sessions ended).") % {"count": count})
    return redirect("login")


# --- The audit page.


def _require_audit(access: Access) -> None:
    if not access.is_secretariat_lead:
        raise PermissionDenied(_("Only the secretariat lead can read the audit trail."))


@congress_view(workspace=False)
def audit_log(request: HttpRequest, congress: Congress, access: Access) -> HttpResponse:
    """Every change across the congress (who, when, what) and every logged download or export."""
    _require_audit(access)
    tab = "downloads" if request.GET.get("tab") == "downloads" else "changes"
    params = request.GET.copy()
    params.pop("page", None)
    has_filters = any(params.get(k) for k in ("model", "user", "action", "date_from", "date_to"))
    form = AuditFilterForm(request.GET if has_filters else None, congress=congress)
    filters = form.filters()
    if tab == "downloads":
        page = Paginator(congress_events(congress=congress, filters=filters), AUDIT_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        rows = list(page.object_list)
    else:
        page = Paginator(congress_changes(congress=congress, filters=filters), AUDIT_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        rows = audit_rows(list(page.object_list))
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "security/audit.html",
        {
            "form": form,
            "tab": tab,
            "page": page,
            "rows": rows,
            "querystring": urlencode(params, doseq=True),
            "filter_querystring": urlencode({k: v for k, v in params.items() if k != "tab"}),
        },
        status=status,
    )


@require_POST
@congress_view(workspace=False)
def audit_restore(request: HttpRequest, congress: Congress, access: Access) -> HttpResponse:
    """Bring back a deleted object from its last historical row."""
    _require_audit(access)
    back = request.POST.get("back", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    try:
        history_id = int(request.POST.get("history_id", ""))
    except ValueError:
        history_id = None
    model_label = request.POST.get("model", "")
    try:
        if history_id is None:
            raise ValidationError(_("There is no such deleted object in this congress."))
        instance = history_restore(congress=congress, model_label=model_label, history_id=history_id)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        response = redirect(back or "audit_log", **({} if back else {"congress": congress.slug}))
        return response
    messages.success(request, _("“%(object)s” was restored.") % {"object": instance})
    return redirect(back or "audit_log", **({} if back else {"congress": congress.slug}))
