"""Template helpers of the personnel app: the accent-free filter (the navigation is in congress/nav.py)."""

from django import template

register = template.Library()


@register.filter(name="fold")
def fold_filter(value) -> str:
    """Accent-free lower case text (for the client-side filter of the tick list)."""
    from congress.vietnamese import fold

    return fold(str(value or ""))
