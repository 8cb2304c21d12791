"""Authentication hardening: login throttling hooks (django-axes), the two-factor gate (django-otp)
and "log out everywhere"."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.sessions.models import Session
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

# Session flag set at login for users who enrolled a two-factor device.
OTP_SESSION_FLAG = "otp_required"


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check, skipped for calls without a request.

    Every login form (ours and the admin's) passes the request; only code such as the test
    client's `login()` or a shell calls `authenticate` without one, and there is no client to throttle.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR, or behind our reverse proxy the address it appended last.

    Only the last X-Forwarded-For entry is trusted: earlier ones come from the client and can be forged.
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR")


def lockout_minutes() -> int:
    cooloff = settings.AXES_COOLOFF_TIME
    if isinstance(cooloff, datetime.timedelta):
        return max(1, int(cooloff.total_seconds() // 60))
    return 0


def lockout_response(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """The login page again, saying the account is locked for a while (HTTP 429)."""
    form = AuthenticationForm(request)
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    form.fields["username"].initial = username
    context = {
        "form": form,
        "locked_out": True,
        "lockout_minutes": lockout_minutes(),
        "username": username,
        "next": request.POST.get("next", request.GET.get("next", "")),
    }
    return render(request, "registration/login.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


def _path_exempt(path: str) -> bool:
    exempt = (
        reverse("two_factor_verify"),
        reverse("logout"),
        reverse("set_language"),
        settings.STATIC_URL,
    )
    return path.startswith(exempt)


class TwoFactorMiddleware:
    """Ask for the one-time code after the password, and (when configured) before the admin.

    Runs after django-otp's OTPMiddleware, which sets `request.user.is_verified()`. Whether the user
    has a device is read once at login into the session, so ordinary requests cost no query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not _path_exempt(request.path):
            verified = user.is_verified() if hasattr(user, "is_verified") else False
            if not verified and request.session.get(OTP_SESSION_FLAG):
                return _redirect_with_next("two_factor_verify", request)
            if (
                not verified
                and settings.OTP_REQUIRED_FOR_ADMIN
                and (user.is_staff or user.is_superuser)
                and request.path.startswith(reverse("admin:index"))
                and not request.path.startswith(reverse("two_factor_setup"))
            ):
                messages.warning(
                    request, _("The administration requires two-step verification: set it up first, then continue.")
                )
                return _redirect_with_next("two_factor_setup", request)
        return self.get_response(request)


def _redirect_with_next(name: str, request: HttpRequest) -> HttpResponse:
    url = reverse(name)
    if request.method == "GET":
        url += "?" + urlencode({"next": request.get_full_path()})
    response = HttpResponseRedirect(url)
    if getattr(request, "htmx", False):
        response["HX-Redirect"] = url
    return response


def on_user_logged_in(sender, request, user, **kwargs) -> None:
    """Remember the new session (for "log out everywhere") and whether a second step is due."""
    from django_otp import user_has_device

    from congress.audit_models import UserSession

    if request is None or not hasattr(request, "session"):
        return
    if user_has_device(user, confirmed=True):
        request.session[OTP_SESSION_FLAG] = True
    key = request.session.session_key
    if key:
        UserSession.objects.get_or_create(
            session_key=key,
            defaults={
                "user": user,
                "ip": client_ip(request) or None,
                "user_agent": request.META.get("HTTP_USER_AGENT", "")[:255],
            },
        )


def on_user_logged_out(sender, request, user, **kwargs) -> None:
    from congress.audit_models import UserSession

    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        UserSession.objects.filter(session_key=key).delete()


def sessions_end_all(*, user) -> int:
    """End every session of `user` (all browsers, all devices); returns how many were ended.

    Tracked sessions are deleted through the session engine; with the database engine, sessions
    older than the tracking are found by decoding the live rows as well.
    """
    from importlib import import_module

    from congress.audit_models import UserSession

    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = set(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    if settings.SESSION_ENGINE == "django.contrib.sessions.backends.db":
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
            if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
                keys.add(session.session_key)
    for key in keys:
        store(session_key=key).delete()
    UserSession.objects.filter(user=user).delete()
    return len(keys)
