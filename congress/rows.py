"""Helpers of the table rows written in Python on the longest lists (tasks, members, delegates).

A list page of 50 rows spent about 4 ms in the template engine on its rows alone: each `{{ }}` is
resolved, localized and escaped, each `{% url %}` reversed. The row writers (subcommittees/rows.py,
personnel/rows.py) write the same markup with f-strings: text escaped once with `html.escape` (the
escaping of Django's own `escape`), links from one reverse a page. Their tests render the template
rows they replace and compare, character for character (README, "Performance").
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from django.urls import reverse
from django.utils.formats import localize

_MARKER = 2_147_483_647  # any id: reversed once, then replaced by each row's


def text(value) -> str:
    """`{{ value }}`: localized, then escaped (None is written "None", as the template does)."""
    if not isinstance(value, str):
        value = localize(value)
    return escape(str(value))


def pk_url(viewname: str, *args) -> Callable[[int], str]:
    """The URL of `viewname` for the given leading arguments and a row's id (an `<int:pk>` last)."""
    head, tail = reverse(viewname, args=[*args, _MARKER]).rsplit(str(_MARKER), 1)
    return lambda pk: f"{head}{int(pk)}{tail}"
