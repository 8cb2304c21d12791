"""The navigation bar written in Python (congress/nav.py) against the templates it replaced (kept below, the
included ones inlined): role by role, page by page, in both languages."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from congress.models import Role
from congress.nav import main_nav
from congress.permissions import access_for
from documents.permissions import documents_access_for
from personnel.permissions import personnel_access_for_request
from tests.documents.factories import RoundFactory, VersionFactory
from tests.factories import CongressRoleFactory, MembershipFactory, UserFactory
from tests.rows_reference import squeeze

pytestmark = pytest.mark.django_db

NAV_TEMPLATE = """{% load i18n %}  <nav class="navbar navbar-expand-lg app-nav py-0" aria-label="{% translate 'Main navigation' %}">
    <div class="container-fluid">
      <button class="navbar-toggler my-1" type="button" data-bs-toggle="collapse" data-bs-target="#nav" aria-controls="nav" aria-expanded="false" aria-label="{% translate 'Menu' %}">
        <span class="navbar-toggler-icon"></span>
      </button>
      <div class="collapse navbar-collapse" id="nav">
        <ul class="navbar-nav flex-wrap">
          {% url 'dashboard' congress.slug as u %}<li class="nav-item"><a class="nav-link{% if request.path == u %} active{% endif %}" href="{{ u }}"><i class="bi bi-speedometer2" aria-hidden="true"></i> {% translate "Dashboard" %}</a></li>
          {% if access.can_view_workspace %}
          {% url 'subcommittee_list' congress.slug as u %}<li class="nav-item"><a class="nav-link{% if u in request.path %} active{% endif %}" href="{{ u }}">{% translate "Subcommittees" %}</a></li>
          {% url 'task_list' congress.slug as u %}<li class="nav-item"><a class="nav-link{% if u in request.path %} active{% endif %}" href="{{ u }}">{% translate "Tasks" %}</a></li>
          {% url 'meeting_list' congress.slug as u %}<li class="nav-item"><a class="nav-link{% if u in request.path %} active{% endif %}" href="{{ u }}">{% translate "Meetings" %}</a></li>
          {% endif %}
          {% url 'milestone_list' congress.slug as u %}<li class="nav-item"><a class="nav-link{% if u in request.path %} active{% endif %}" href="{{ u }}">{% translate "Timeline" %}</a></li>
          {% if access.is_secretariat %}{% url 'reminder_upcoming' congress.slug as u %}<li class="nav-item"><a class="nav-link{% if u in request.path %} active{% endif %}" href="{{ u }}">{% translate "Reminders" %}</a></li>{% endif %}
          {% if pa %}
{% if pa.can_view_people or pa.can_view_credentials %}
<li class="nav-item dropdown">
  <a class="nav-link dropdown-toggle{% if '/members/' in request.path or '/delegates/' in request.path or '/seats/' in request.path or '/credentials/' in request.path or '/imports/' in request.path %} active{% endif %}" href="#" role="button" data-bs-toggle="dropdown" aria-expanded="false" data-testid="nav-personnel">{% translate "Delegates" %}</a>
  <ul class="dropdown-menu">
    {% if pa.can_view_people %}
    <li><a class="dropdown-item" href="{% url 'member_list' congress.slug %}"><i class="bi bi-people" aria-hidden="true"></i> {% translate "Party members" %}</a></li>
    <li><a class="dropdown-item" href="{% url 'seat_allocation' congress.slug %}"><i class="bi bi-diagram-3" aria-hidden="true"></i> {% translate "Seat allocation" %}</a></li>
    <li><a class="dropdown-item" href="{% url 'delegate_list' congress.slug %}"><i class="bi bi-person-badge" aria-hidden="true"></i> {% translate "Delegates" %}</a></li>
    {% if pa.can_edit_people %}<li><a class="dropdown-item" href="{% url 'import_create' congress.slug %}"><i class="bi bi-file-earmark-spreadsheet" aria-hidden="true"></i> {% translate "Import from Excel" %}</a></li>{% endif %}
    {% endif %}
    <li><hr class="dropdown-divider"></li>
    <li><a class="dropdown-item" href="{% url 'credentials_queue' congress.slug %}"><i class="bi bi-check2-square" aria-hidden="true"></i> {% translate "Credentials check" %}</a></li>
    <li><a class="dropdown-item" href="{% url 'credentials_report' congress.slug %}"><i class="bi bi-bar-chart" aria-hidden="true"></i> {% translate "Credentials report" %}</a></li>
  </ul>
</li>
{% endif %}
{% if pa.can_view_presence %}
{% url 'session_list' congress.slug as u %}<li class="nav-item"><a class="nav-link{% if '/sessions/' in request.path or '/presence/' in request.path %} active{% endif %}" href="{{ u }}" data-testid="nav-presence">{% if pa.can_check_in %}{% translate "Check-in & presence" %}{% else %}{% translate "Presence" %}{% endif %}</a></li>
{% endif %}
{% if access.is_member_of_congress %}
{% url 'election_index' congress.slug as u %}{% if pa.can_view_people %}
<li class="nav-item dropdown">
  <a class="nav-link dropdown-toggle{% if '/elections/' in request.path %} active{% endif %}" href="#" role="button" data-bs-toggle="dropdown" aria-expanded="false" data-testid="nav-elections">{% translate "Elections" %}</a>
  <ul class="dropdown-menu">
    <li><a class="dropdown-item" href="{{ u }}"><i class="bi bi-check2-all" aria-hidden="true"></i> {% translate "Elections and results" %}</a></li>
    <li><a class="dropdown-item" href="{% url 'election_plan' congress.slug %}"><i class="bi bi-clipboard-data" aria-hidden="true"></i> {% translate "Personnel plan" %}</a></li>
    <li><a class="dropdown-item" href="{% url 'election_pool' congress.slug %}"><i class="bi bi-person-lines-fill" aria-hidden="true"></i> {% translate "Cadre planning pool" %}</a></li>
  </ul>
</li>
{% else %}
<li class="nav-item"><a class="nav-link{% if '/elections/' in request.path %} active{% endif %}" href="{{ u }}" data-testid="nav-elections">{% translate "Elections" %}</a></li>
{% endif %}{% endif %}
{% endif %}
          {% with show=documents.show link=documents.link active=documents.active %}{% if show %}{% url link congress.slug as u %}<li class="nav-item"><a class="nav-link{% if active %} active{% endif %}" href="{{ u }}"><i class="bi bi-journal-text" aria-hidden="true"></i> {% if link == "draft_list" %}{% translate "Drafts" %}{% else %}{% translate "My reviews" %}{% endif %}</a></li>{% endif %}{% endwith %}
          {% if access.is_member_of_congress %}
{% if access.can_view_workspace %}
<li class="nav-item dropdown">
  <a class="nav-link dropdown-toggle{% if '/programme/' in request.path %} active{% endif %}" href="#" role="button" data-bs-toggle="dropdown" aria-expanded="false" data-testid="nav-congress-days">{% translate "Congress days" %}</a>
  <ul class="dropdown-menu">
    <li><a class="dropdown-item" href="{% url 'programme' congress.slug %}"><i class="bi bi-list-ol" aria-hidden="true"></i> {% translate "Programme" %}</a></li>
    <li><a class="dropdown-item" href="{% url 'running_order' congress.slug %}"><i class="bi bi-stopwatch" aria-hidden="true"></i> {% translate "Running order" %}</a></li>
    <li><a class="dropdown-item" href="{% url 'body_list' congress.slug %}"><i class="bi bi-people" aria-hidden="true"></i> {% translate "Congress bodies" %}</a></li>
    <li><a class="dropdown-item" href="{% url 'vote_list' congress.slug %}"><i class="bi bi-hand-index-thumb" aria-hidden="true"></i> {% translate "Show of hands" %}</a></li>
    {% if access.is_secretariat or pa.organization_role %}<li><a class="dropdown-item" href="{% url 'hall_control' congress.slug %}" data-testid="nav-hall-control"><i class="bi bi-display" aria-hidden="true"></i> {% translate "Hall screen control" %}</a></li>{% endif %}
    <li><hr class="dropdown-divider"></li>
    <li><a class="dropdown-item" href="{% url 'hall_screen' congress.slug %}" target="_blank" rel="noopener"><i class="bi bi-projector" aria-hidden="true"></i> {% translate "Hall screen" %}</a></li>
    <li><a class="dropdown-item" href="{% url 'programme_archive' congress.slug %}" target="_blank" rel="noopener"><i class="bi bi-archive" aria-hidden="true"></i> {% translate "Records of the congress (PDF)" %}</a></li>
  </ul>
</li>
{% else %}
{% url 'hall_screen' congress.slug as u %}<li class="nav-item"><a class="nav-link" href="{{ u }}" target="_blank" rel="noopener">{% translate "Hall screen" %}</a></li>
{% endif %}
{% endif %}
          {% if access.can_view_workspace %}
          {% url 'organization_list' congress.slug as u %}<li class="nav-item"><a class="nav-link{% if u in request.path %} active{% endif %}" href="{{ u }}">{% translate "Organizations" %}</a></li>
          {% endif %}
          {% if access.is_secretariat_lead %}{% url 'audit_log' congress.slug as u %}<li class="nav-item"><a class="nav-link{% if u in request.path %} active{% endif %}" href="{{ u }}"><i class="bi bi-journal-check" aria-hidden="true"></i> {% translate "Audit trail" %}</a></li>{% endif %}
        </ul>
      </div>
    </div>
  </nav>"""  # noqa: E501


def _documents_item(docs, congress, path):
    """What the documents_nav_item inclusion tag gave documents/_nav_item.html."""
    if docs is None or not docs.sees_documents:
        return {"show": False}
    link = "draft_list" if docs.reads_all else "review_invitations"
    base = f"/{congress.slug}/"
    active = any(path.startswith(base + part) for part in ("drafts/", "reviews/", "versions/", "rounds/", "comments/"))
    return {"show": True, "link": link, "active": active}


def _people(congress, subcommittees):
    def role(role):
        user = UserFactory()
        CongressRoleFactory(congress=congress, user=user, role=role)
        return user

    def member(kind, role="member"):
        user = UserFactory()
        MembershipFactory(subcommittee=subcommittees[kind], user=user, role=role)
        return user

    invited = UserFactory()
    draft_round = RoundFactory(version=VersionFactory(draft__congress=congress))
    draft_round.reviewers.add(invited)
    return {
        "secretariat lead": role(Role.SECRETARIAT_LEAD),
        "secretariat": role(Role.SECRETARIAT),
        "observer": role(Role.OBSERVER),
        "reviewer": role(Role.REVIEWER),
        "credentials committee": role(Role.CREDENTIALS),
        "vote counting": role(Role.VOTE_COUNTING),
        "personnel head": member("personnel", "head"),
        "personnel member": member("personnel"),
        "organization head": member("organization", "head"),
        "organization member": member("organization"),
        "documents member": member("documents"),
        "invited outsider": invited,
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }


PATHS = [
    "/{s}/",
    "/{s}/tasks/",
    "/{s}/tasks/12/",
    "/{s}/members/",
    "/{s}/delegates/",
    "/{s}/sessions/1/",
    "/{s}/elections/",
    "/{s}/rounds/3/dispositions/",
    "/{s}/programme/",
    "/{s}/audit/",
    "/{s}/reminders/",
    "/{s}/organizations/",
]


def test_nav_written_in_python_is_the_template_nav(congress, subcommittees):
    template = Template(NAV_TEMPLATE)
    factory = RequestFactory()
    seen = set()
    for name, user in _people(congress, subcommittees).items():
        access = access_for(user, congress)
        for path in PATHS:
            request = factory.get(path.format(s=congress.slug))
            request.user, request.congress, request.access = user, congress, access
            docs = documents_access_for(user, congress)
            context = {
                "request": request,
                "user": user,
                "congress": congress,
                "access": access,
                "pa": personnel_access_for_request(request),
                "documents": _documents_item(docs, congress, request.path),
            }
            for language in ("vi", "en"):
                with translation.override(language):
                    expected = squeeze(template.render(Context(context)))
                    written = squeeze(str(main_nav(request, congress, access, docs=docs)))
                    assert written == expected, (name, path, language)
                    seen.add(expected)
    assert len(seen) > 40  # the roles and pages above do give different bars
