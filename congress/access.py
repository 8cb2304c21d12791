"""Access helpers: the single security check for a congress-scoped view.

Outsiders get a 404 (they do not learn that the congress exists); members who may read but
not write get a 403.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from congress.models import Congress
from congress.permissions import Access, access_for


def get_congress_for_user(user, slug: str, *, write: bool = False) -> tuple[Congress, Access]:
    try:
        congress = Congress.objects.get(slug=slug)
    except Congress.DoesNotExist:
        raise Http404(_("No such congress.")) from None
    access = access_for(user, congress)
    if not access.is_member_of_congress:
        raise Http404(_("No such congress."))
    if write and not access.can_manage_congress:
        raise PermissionDenied(_("Only the secretariat can change this."))
    return congress, access


def congress_view(*, workspace: bool = True, secretariat: bool = False):
    """Decorate a view taking (request, congress, access, **kwargs) from a URL with <congress>.

    `workspace`: the preparation workspace (secretariat, observers, subcommittee members);
    `secretariat`: only the secretariat (other members get 403).
    """

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, congress: str, *args, **kwargs):
            congress_obj, access = get_congress_for_user(request.user, congress)
            if workspace and not access.can_view_workspace:
                raise PermissionDenied(_("Your role in this congress does not include the preparation workspace."))
            if secretariat and not access.is_secretariat:
                raise PermissionDenied(_("Only the secretariat can do this."))
            request.congress = congress_obj
            request.access = access
            return view(request, congress_obj, access, *args, **kwargs)

        return wrapper

    return decorator
