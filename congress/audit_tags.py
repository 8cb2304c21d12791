"""Template tags of the audit trail: `{% load audit %}{% history_card object %}` shows an object's history."""

from __future__ import annotations

from django import template

register = template.Library()


@register.inclusion_tag("security/_history.html")
def history_card(obj, limit: int = 20):
    """The last changes of a history-tracked object: who, when, what changed (one query)."""
    from congress.audit import object_history

    return {"history_rows": object_history(obj, limit=limit) if obj is not None else []}


@register.simple_tag
def two_factor_enabled(user) -> bool:
    """Whether the user has a confirmed authenticator app."""
    from django_otp import user_has_device

    return bool(user and user.is_authenticated and user_has_device(user, confirmed=True))
