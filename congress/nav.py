"""The main navigation bar of a congress, written in Python.

It is on every page, and as templates (base.html with the personnel, elections, documents and
congress-days items) its thirty links, conditions and translations cost about 1.2 ms a page, more
than most pages' own rows (README, "Performance"). The markup is that of the templates it replaced;
tests/congress/test_nav.py keeps those templates and compares both, role by role, in both languages.

What the bar shows depends only on the person's standing (congress roles, subcommittee memberships,
review invitations and copies): nothing here reads the database that the page has not read already,
except the documents standing of a person whose page did not need it (at most two small queries,
as before).
"""

from __future__ import annotations

from html import escape

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

_URLS: dict[tuple, str] = {}
_URLS_MAX = 5_000


def _url(name: str, slug: str) -> str:
    key = (name, slug, get_urlconf(), settings.ROOT_URLCONF, get_script_prefix())
    url = _URLS.get(key)
    if url is None:
        if len(_URLS) >= _URLS_MAX:
            _URLS.clear()
        url = _URLS[key] = reverse(name, args=[slug])
    return url


def _t(message: str) -> str:
    # As {% translate "literal" %}: a literal's translation comes from our catalogs and is not escaped.
    return gettext(message)


def _item(url: str, label: str, active: bool, *, icon: str = "", testid: str = "") -> str:
    icon_html = f'<i class="bi {icon}" aria-hidden="true"></i> ' if icon else ""
    test = f' data-testid="{testid}"' if testid else ""
    return (
        f'<li class="nav-item"><a class="nav-link{" active" if active else ""}" href="{escape(url)}"{test}>'
        f"{icon_html}{label}</a></li>"
    )


def _dropdown_item(url: str, icon: str, label: str, extra: str = "") -> str:
    return (
        f'<li><a class="dropdown-item" href="{escape(url)}"{extra}><i class="bi {icon}" aria-hidden="true"></i> '
        f"{label}</a></li>"
    )


def _dropdown(label: str, active: bool, testid: str, items: list[str]) -> str:
    return (
        '<li class="nav-item dropdown">'
        f'<a class="nav-link dropdown-toggle{" active" if active else ""}" href="#" role="button" '
        f'data-bs-toggle="dropdown" aria-expanded="false" data-testid="{testid}">{label}</a>'
        f'<ul class="dropdown-menu">{"".join(items)}</ul></li>'
    )


_DIVIDER = '<li><hr class="dropdown-divider"></li>'


def _personnel_items(pa, access, slug: str, path: str) -> list[str]:
    """personnel/_nav.html and personnel/election_nav.html."""
    out = []
    if pa.can_view_people or pa.can_view_credentials:
        items = []
        if pa.can_view_people:
            items += [
                _dropdown_item(_url("member_list", slug), "bi-people", _t("Party members")),
                _dropdown_item(_url("seat_allocation", slug), "bi-diagram-3", _t("Seat allocation")),
                _dropdown_item(_url("delegate_list", slug), "bi-person-badge", _t("Delegates")),
            ]
            if pa.can_edit_people:
                items.append(
                    _dropdown_item(_url("import_create", slug), "bi-file-earmark-spreadsheet", _t("Import from Excel"))
                )
        items += [
            _DIVIDER,
            _dropdown_item(_url("credentials_queue", slug), "bi-check2-square", _t("Credentials check")),
            _dropdown_item(_url("credentials_report", slug), "bi-bar-chart", _t("Credentials report")),
        ]
        active = any(part in path for part in ("/members/", "/delegates/", "/seats/", "/credentials/", "/imports/"))
        out.append(_dropdown(_t("Delegates"), active, "nav-personnel", items))
    if pa.can_view_presence:
        label = _t("Check-in & presence") if pa.can_check_in else _t("Presence")
        active = "/sessions/" in path or "/presence/" in path
        out.append(_item(_url("session_list", slug), label, active, testid="nav-presence"))
    if access.is_member_of_congress:
        elections = _url("election_index", slug)
        active = "/elections/" in path
        if pa.can_view_people:
            items = [
                _dropdown_item(elections, "bi-check2-all", _t("Elections and results")),
                _dropdown_item(_url("election_plan", slug), "bi-clipboard-data", _t("Personnel plan")),
                _dropdown_item(_url("election_pool", slug), "bi-person-lines-fill", _t("Cadre planning pool")),
            ]
            out.append(_dropdown(_t("Elections"), active, "nav-elections", items))
        else:
            out.append(_item(elections, _t("Elections"), active, testid="nav-elections"))
    return out


def _documents_item(docs, slug: str, path: str) -> list[str]:
    """documents/_nav_item.html: "Drafts" for those who work on or read all drafts, "My reviews" for
    invited reviewers."""
    if docs is None or not docs.sees_documents:
        return []
    link = "draft_list" if docs.reads_all else "review_invitations"
    base = f"/{slug}/"
    active = any(path.startswith(base + part) for part in ("drafts/", "reviews/", "versions/", "rounds/", "comments/"))
    label = _t("Drafts") if link == "draft_list" else _t("My reviews")
    return [_item(_url(link, slug), label, active, icon="bi-journal-text")]


def _congress_days_items(pa, access, slug: str, path: str) -> list[str]:
    """partials/_nav_extra.html: the congress days (programme, bodies, votes, hall screen)."""
    if not access.is_member_of_congress:
        return []
    if not access.can_view_workspace:
        return [
            f'<li class="nav-item"><a class="nav-link" href="{escape(_url("hall_screen", slug))}" target="_blank" '
            f'rel="noopener">{_t("Hall screen")}</a></li>'
        ]
    blank = ' target="_blank" rel="noopener"'
    items = [
        _dropdown_item(_url("programme", slug), "bi-list-ol", _t("Programme")),
        _dropdown_item(_url("running_order", slug), "bi-stopwatch", _t("Running order")),
        _dropdown_item(_url("body_list", slug), "bi-people", _t("Congress bodies")),
        _dropdown_item(_url("vote_list", slug), "bi-hand-index-thumb", _t("Show of hands")),
    ]
    if access.is_secretariat or (pa is not None and pa.organization_role):
        items.append(
            _dropdown_item(
                _url("hall_control", slug), "bi-display", _t("Hall screen control"), ' data-testid="nav-hall-control"'
            )
        )
    items += [
        _DIVIDER,
        _dropdown_item(_url("hall_screen", slug), "bi-projector", _t("Hall screen"), blank),
        _dropdown_item(_url("programme_archive", slug), "bi-archive", _t("Records of the congress (PDF)"), blank),
    ]
    return [_dropdown(_t("Congress days"), "/programme/" in path, "nav-congress-days", items)]


def main_nav(request, congress, access, docs=None) -> SafeString:
    """The <nav> of base.html for a signed-in member of `congress` (the caller checks that)."""
    from personnel.permissions import personnel_access_for_request

    slug = congress.slug
    path = request.path
    pa = personnel_access_for_request(request)
    dashboard = _url("dashboard", slug)
    items = [_item(dashboard, _t("Dashboard"), path == dashboard, icon="bi-speedometer2")]

    def link(name: str, label: str, **kwargs) -> str:
        url = _url(name, slug)
        return _item(url, label, url in path, **kwargs)

    if access.can_view_workspace:
        items += [
            link("subcommittee_list", _t("Subcommittees")),
            link("task_list", _t("Tasks")),
            link("meeting_list", _t("Meetings")),
        ]
    items.append(link("milestone_list", _t("Timeline")))
    if access.is_secretariat:
        items.append(link("reminder_upcoming", _t("Reminders")))
    if pa:
        items += _personnel_items(pa, access, slug, path)
    items += _documents_item(docs, slug, path)
    items += _congress_days_items(pa, access, slug, path)
    if access.can_view_workspace:
        items.append(link("organization_list", _t("Organizations")))
    if access.is_secretariat_lead:
        items.append(link("audit_log", _t("Audit trail"), icon="bi-journal-check"))
    return mark_safe(  # noqa: S308 (links escaped; labels are our catalogs' translations, as in templates)
        f'<nav class="navbar navbar-expand-lg app-nav py-0" aria-label="{_t("Main navigation")}">'
        '<div class="container-fluid">'
        '<button class="navbar-toggler my-1" type="button" data-bs-toggle="collapse" data-bs-target="#nav" '
        f'aria-controls="nav" aria-expanded="false" aria-label="{_t("Menu")}">'
        '<span class="navbar-toggler-icon"></span></button>'
        '<div class="collapse navbar-collapse" id="nav"><ul class="navbar-nav flex-wrap">'
        f"{''.join(items)}</ul></div></div></nav>"
    )
