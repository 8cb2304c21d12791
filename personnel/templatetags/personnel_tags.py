"""Template helpers of the personnel app: the user's personnel rights, the accent-free filter."""

from django import template

from personnel.permissions import personnel_access_for_request

register = template.Library()


@register.simple_tag(takes_context=True)
def personnel_rights(context):
    """The request's PersonnelAccess (read once per request), or None outside a congress."""
    request = context.get("request")
    return personnel_access_for_request(request) if request is not None else None


@register.filter(name="fold")
def fold_filter(value) -> str:
    """Accent-free lower case text (for the client-side filter of the tick list)."""
    from congress.vietnamese import fold

    return fold(str(value or ""))
