"""Template tags of the bell: the signed-in person's unread count (one query, only where used)."""

from django import template

from congress.notifications import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    request = context.get("request")
    user = getattr(request, "user", None)
    return unread_count(user) if user is not None else 0
