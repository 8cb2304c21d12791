"""The permission matrix: every URL pattern of the project, generated from the URL conf, requested by
an anonymous visitor, an outsider, a reviewer, a subcommittee member and the secretariat lead, against
the result declared for it below. A URL without a declaration fails: a new view cannot escape.

How to declare a URL (other apps: put yours in tests/<app>/url_specs.py, see `load_app_specs`):
    "task_detail": S(LOGIN, 404, 403, 200, 200, kwargs={"pk": "@task"}, other="task"),
the five expected results for GET (anonymous, outsider, reviewer, member, secretariat): LOGIN
(redirect to the login page), an HTTP status, or REDIRECT (a redirect elsewhere); `kwargs` maps each
URL argument to "@key", a key of the `world` fixture (an object: its pk is used), or to a literal;
`other` names the world key whose twin in ANOTHER congress must answer 404 to the secretariat;
`post_only=True` for views that refuse GET (all five GETs must be 405) with `post=(…five…)` the
results of an empty POST.
"""

from __future__ import annotations

import copy
import importlib
import importlib.util

import pytest
from django.conf import settings
from django.db import models, transaction
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from tests.security.matrix_spec import LOGIN, REDIRECT, USERS, P, S, Spec
from tests.security.url_specs_observed import OBSERVED

pytestmark = pytest.mark.django_db

ALL_200 = (200, 200, 200, 200)

SPECS: dict[str, Spec] = {
    # --- Accounts (not scoped by congress).
    "home": S(LOGIN, 200, REDIRECT, REDIRECT, REDIRECT),
    "login": S(200, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "logout": P(REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "password_change": S(LOGIN, *ALL_200),
    "password_change_done": S(LOGIN, *ALL_200),
    "profile": S(LOGIN, *ALL_200),
    "set_language": S(REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "two_factor_setup": S(LOGIN, *ALL_200),
    "two_factor_verify": S(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "two_factor_disable": P(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "logout_everywhere": P(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    # Notifications (reminders app): each user's own.
    "notification_list": S(LOGIN, *ALL_200),
    "notification_bell": S(286, *ALL_200),
    "notification_settings": S(LOGIN, *ALL_200),
    "notification_read_all": P(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "notification_read": P(LOGIN, 404, 404, 404, 404, kwargs={"pk": 987654}),
    # --- Audit trail: the secretariat lead only.
    "audit_log": S(LOGIN, 404, 403, 403, 200),
    "audit_restore": P(LOGIN, 404, 403, 403, REDIRECT),
    # --- Core.
    "dashboard": S(LOGIN, 404, 200, 200, 200),
    "congress_edit": S(LOGIN, 404, 403, 403, 200),
    "organization_list": S(LOGIN, 404, 403, 200, 200),
    "organization_create": S(LOGIN, 404, 403, 403, 200),
    "organization_edit": S(LOGIN, 404, 403, 403, 200, kwargs={"pk": "@organization"}, other="organization"),
    "milestone_list": S(LOGIN, 404, 200, 200, 200),
    "milestone_create": S(LOGIN, 404, 403, 403, 200),
    "milestone_edit": S(LOGIN, 404, 403, 403, 200, kwargs={"pk": "@milestone"}, other="milestone"),
    "milestone_done": P(LOGIN, 404, 403, 403, REDIRECT, kwargs={"pk": "@milestone"}),
    # Reminders (secretariat).
    "reminder_upcoming": S(LOGIN, 404, 403, 403, 200),
    "reminder_log": S(LOGIN, 404, 403, 403, 200),
    "reminder_policy": S(LOGIN, 404, 403, 403, 200),
    "reminder_send": P(LOGIN, 404, 403, 403, 400),
    "reminder_skip": P(LOGIN, 404, 403, 403, 400),
    # --- Subcommittees, tasks, meetings, files (the member belongs to the Organization subcommittee).
    "subcommittee_list": S(LOGIN, 404, 403, 200, 200),
    "subcommittee_detail": S(LOGIN, 404, 403, 200, 200, kwargs={"kind": "organization"}),
    "membership_create": P(LOGIN, 404, 403, 403, 400, kwargs={"kind": "organization"}),
    "membership_delete": P(LOGIN, 404, 403, 403, REDIRECT, kwargs={"kind": "organization", "pk": "@membership"}),
    "group_create": S(LOGIN, 404, 403, 403, 200, kwargs={"kind": "organization"}),
    "group_edit": S(LOGIN, 404, 403, 403, 200, kwargs={"kind": "organization", "pk": "@group"}, other="group"),
    "subcommittee_attachment_upload": P(LOGIN, 404, 403, 403, 400, kwargs={"kind": "organization"}),
    "task_list": S(LOGIN, 404, 403, 200, 200),
    "task_create": S(LOGIN, 404, 403, 403, 200),
    "task_detail": S(LOGIN, 404, 403, 200, 200, kwargs={"pk": "@task"}, other="task"),
    "task_edit": S(LOGIN, 404, 403, 403, 200, kwargs={"pk": "@task"}, other="task"),
    "task_progress": P(LOGIN, 404, 403, 403, 400, kwargs={"pk": "@task"}),
    "meeting_list": S(LOGIN, 404, 403, 200, 200),
    "meeting_create": S(LOGIN, 404, 403, 403, 200),
    "meeting_detail": S(LOGIN, 404, 403, 200, 200, kwargs={"pk": "@meeting"}, other="meeting"),
    "meeting_edit": S(LOGIN, 404, 403, 403, 200, kwargs={"pk": "@meeting"}, other="meeting"),
    "meeting_attachment_upload": P(LOGIN, 404, 403, 403, 400, kwargs={"meeting": "@meeting"}),
    "attachment_download": S(LOGIN, 404, 403, 200, 200, kwargs={"pk": "@attachment"}, other="attachment"),
    "attachment_delete": P(LOGIN, 404, 403, 403, REDIRECT, kwargs={"pk": "@attachment"}),
}

# World builders of other apps (tests/<app>/url_specs.py: `build(world)` adds objects).
BUILDERS = []


def load_app_specs() -> None:
    """Merge the SPECS (and world builders) that other apps declare in tests/<app>/url_specs.py.

    Their declarations replace the OBSERVED ones (tests/security/url_specs_observed.py)."""
    for name, spec in OBSERVED.items():
        SPECS.setdefault(name, spec)
    for app in ("congress", "subcommittees", "personnel", "documents"):
        module_name = f"tests.{app}.url_specs"
        if importlib.util.find_spec(f"tests.{app}") and importlib.util.find_spec(module_name):
            module = importlib.import_module(module_name)
            overlap = (set(SPECS) - set(OBSERVED)) & set(module.SPECS)
            assert not overlap, f"{module_name} declares URLs already declared: {sorted(overlap)}"
            SPECS.update(module.SPECS)
            if hasattr(module, "build"):
                BUILDERS.append(module.build)


load_app_specs()


def url_patterns() -> list[tuple[str, str, list[str]]]:
    """(name, route, argument names) of every pattern of the project, the admin's included."""
    found = []

    def walk(patterns, prefix: str, namespace: str | None, args: list[str]):
        for p in patterns:
            here = args + list(p.pattern.regex.groupindex)
            if isinstance(p, URLResolver):
                ns = ":".join(filter(None, [namespace, p.namespace]))
                walk(p.url_patterns, prefix + str(p.pattern), ns or None, here)
            elif isinstance(p, URLPattern):
                name = f"{namespace}:{p.name}" if namespace and p.name else p.name
                found.append((name or f"<unnamed {prefix}{p.pattern}>", prefix + str(p.pattern), here))

    walk(get_resolver().url_patterns, "", None, [])
    return found


ALL = url_patterns()
PROJECT = sorted({name for name, route, _args in ALL if not route.startswith("admin/")})
ADMIN = sorted({name for name, route, _args in ALL if route.startswith("admin/")})


@pytest.fixture
def matrix(world, secretariat, member, reviewer, outsider):
    for build in BUILDERS:
        build(world)
    clients = {"anonymous": Client()}
    for key, user in (("outsider", outsider), ("reviewer", reviewer), ("member", member), ("secretariat", secretariat)):
        clients[key] = Client()
        clients[key].force_login(user)
    return world, clients


def resolve_kwargs(spec: Spec, world: dict, *, other: bool = False) -> dict:
    source = world["other"] if other else world
    kwargs = {"congress": world["congress"].slug}
    for arg, ref in spec.kwargs.items():
        if isinstance(ref, str) and ref.startswith("@"):
            value = source[ref[1:]]
            kwargs[arg] = value.pk if isinstance(value, models.Model) else value
        else:
            kwargs[arg] = ref
    return kwargs


def outcome(response) -> int | str:
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        login = reverse("login")
        return LOGIN if location.startswith(login) and "next=" in location else REDIRECT
    return response.status_code


def request_rolled_back(client: Client, method: str, url: str, **data):
    """One request whose writes are undone, so every request sees the same world."""
    cookies = copy.deepcopy(client.cookies)  # a logout would otherwise drop the session for the next URLs
    with transaction.atomic():
        response = getattr(client, method)(url, data or {})
        transaction.set_rollback(True)
    client.cookies = cookies
    return response


ARGS = {name: args for name, _route, args in ALL}


def url_for(name: str, spec: Spec, world: dict, *, other: bool = False) -> str:
    kwargs = resolve_kwargs(spec, world, other=other)
    return reverse(name, kwargs={k: v for k, v in kwargs.items() if k in ARGS[name]})


def test_every_url_has_a_declared_spec():
    missing = [name for name in PROJECT if name not in SPECS]
    assert missing == [], (
        f"These URLs have no entry in the permission matrix: {missing}. Declare the expected result for each "
        "user (see the docstring of tests/security/test_permission_matrix.py), in SPECS there or in "
        "tests/<app>/url_specs.py."
    )
    stale = sorted(set(SPECS) - set(PROJECT))
    assert stale == [], f"Specs for URLs that no longer exist: {stale}"


def check_url(name: str, world: dict, clients: dict) -> list[str]:
    """What differs from the declaration for one URL (empty when all is as declared)."""
    spec = SPECS[name]
    problems = []
    url = url_for(name, spec, world)
    got = tuple(outcome(request_rolled_back(clients[user], "get", url)) for user in USERS)
    if got != spec.get:
        problems.append(
            f"GET {url}: expected {dict(zip(USERS, spec.get, strict=True))}, got {dict(zip(USERS, got, strict=True))}"
        )
    if spec.post is not None:
        got = tuple(outcome(request_rolled_back(clients[user], "post", url)) for user in USERS)
        if got != spec.post:
            expected = dict(zip(USERS, spec.post, strict=True))
            problems.append(f"POST {url}: expected {expected}, got {dict(zip(USERS, got, strict=True))}")
    if spec.other:
        other_url = url_for(name, spec, world, other=True)
        method = "post" if spec.post_only else "get"
        status = request_rolled_back(clients["secretariat"], method, other_url).status_code
        if other_url == url or status != 404:
            problems.append(f"{method.upper()} {other_url} reads another congress's object ({status})")
    return problems


def test_url_permission_matrix(matrix):
    """Every declared URL, every user: one world for all (building it per URL would be slow)."""
    world, clients = matrix
    problems = {}
    for name in PROJECT:
        if name in SPECS:
            found = check_url(name, world, clients)
            if found:
                problems[name] = found
    assert problems == {}


def test_url_post_requires_csrf(matrix, secretariat):
    world, _clients = matrix
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat)
    accepted = {}
    for name in PROJECT:
        if name not in SPECS:
            continue
        url = url_for(name, SPECS[name], world)
        response = request_rolled_back(client, "post", url)
        if response.status_code != 403:
            accepted[url] = response.status_code
    assert accepted == {}, "POST without a CSRF token was not refused"


def test_post_only_views_are_declared_as_such(matrix):
    """A view answering 405 to GET must be declared post_only (so its POST access is checked too)."""
    world, clients = matrix
    undeclared = []
    for name in PROJECT:
        spec = SPECS.get(name)
        if spec is None or spec.post_only:
            continue
        if request_rolled_back(clients["secretariat"], "get", url_for(name, spec, world)).status_code == 405:
            undeclared.append(name)
    assert undeclared == []


# --- The admin: every page behind the admin login, for visitors and for members who are not staff.

ADMIN_KWARGS = {"object_id": "1", "app_label": "congress", "content_type_id": "1", "url": "x"}
ADMIN_PUBLIC = {"admin:login", "admin:view_on_site"}


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_admin_pages_need_a_staff_login(who, matrix):
    _world, clients = matrix
    client = clients[who]
    admin_login = reverse("admin:login")
    wrong = {}
    for name, _route, args in ALL:
        # Unnamed admin patterns (old change URLs, the catch-all) only redirect to named ones.
        if not name.startswith("admin:") or name in ADMIN_PUBLIC:
            continue
        try:
            url = reverse(name, kwargs={a: ADMIN_KWARGS.get(a, "1") for a in args})
        except NoReverseMatch:  # positional groups (simple-history's admin)
            url = reverse(name, args=["1"] * 2)
        response = client.get(url)
        # The admin's logout sends a visitor to the admin index, which asks for the admin login.
        expected = reverse("admin:index") if name == "admin:logout" else admin_login
        if not (response.status_code == 302 and response["Location"].startswith(expected)):
            wrong[name] = response.status_code
    assert wrong == {}
    assert len(ADMIN) > 50


def test_admin_login_page_is_the_only_public_admin_page(client):
    assert client.get(reverse("admin:login")).status_code == 200
    assert settings.AXES_ENABLED is True
