"""Compare rows written in Python with the template rows they replaced (whitespace between tags aside)."""

import re

from django.template import Context, Template
from django.utils import translation


def squeeze(html: str) -> str:
    """Line breaks and indentation between tags dropped; a space between two tags is kept (it shows)."""
    return re.sub(r"[ \t]*\n\s*", "", html.strip())


def assert_same_rows(template_source: str, context: dict, written: str) -> None:
    for language in ("vi", "en"):
        with translation.override(language):
            expected = Template(template_source).render(Context(context))
            assert squeeze(str(written() if callable(written) else written)) == squeeze(expected), language
