"""The form renderer: Django's widget markup, written by Python for the common widgets.

Django renders every widget through a template, and a select through one included template per
option. On the list pages the filter forms alone cost more than the rows (README, "Performance").
The renderer below writes the same markup as Django's templates, character for character, for the
text-like inputs, the checkbox, the textarea and the select; every other widget template (radio,
multi-widgets, file inputs, or a template of ours in templates/forms/) goes through the template
engine as before. tests/congress/test_renderers.py compares both paths widget by widget.
"""

from __future__ import annotations

from html import escape as _html_escape
from pathlib import Path

import django.forms
from django import forms
from django.conf import settings
from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.functional import cached_property
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

_WIDGETS = "django/forms/widgets/"
INPUT_TEMPLATES = frozenset(
    f"{_WIDGETS}{name}.html"
    for name in (
        "input",
        "text",
        "number",
        "email",
        "url",
        "password",
        "hidden",
        "search",
        "tel",
        "date",
        "datetime",
        "time",
        "color",
        "checkbox",
    )
)


def _escape_value(value) -> str:
    """`{{ value }}` in a template: localized, then escaped unless already safe."""
    if not isinstance(value, str):
        value = localize(value)
    return conditional_escape(value)


def _escape_stringformat(value) -> str:
    """`{{ value|stringformat:'s' }}`: str() (no localization), escaped unless already safe."""
    if isinstance(value, SafeString):
        return value
    return conditional_escape(str(value))


def render_attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {_escape_value(name)}")
        else:
            parts.append(f' {_escape_value(name)}="{_escape_stringformat(value)}"')
    return "".join(parts)


def render_input(widget: dict) -> str:
    """django/forms/widgets/input.html (and text.html, number.html, checkbox.html … which include it)."""
    value = widget["value"]
    shown = f' value="{_escape_stringformat(value)}"' if value is not None else ""
    return (
        f'<input type="{_escape_value(widget["type"])}" name="{_escape_value(widget["name"])}"'
        f"{shown}{render_attrs(widget['attrs'])}>"
    )


def render_textarea(widget: dict) -> str:
    value = widget["value"]
    return (
        f'<textarea name="{_escape_value(widget["name"])}"{render_attrs(widget["attrs"])}>\n'
        f"{_escape_value(value) if value else ''}</textarea>"
    )


_SELECT_TEMPLATE = forms.Select.template_name


def _option(value, label, selected: bool) -> str:
    # Plain str and int, the usual values and labels, skip the checks for safe and lazy strings
    # (Django's escape is html.escape; str() of an int is what both filters give, labels aside).
    kind = type(value)
    shown = _html_escape(value) if kind is str else str(value) if kind is int else _escape_stringformat(value)
    text = _html_escape(label) if type(label) is str else _escape_value(label)
    return f'\n  <option value="{shown}"{" selected" if selected else ""}>{text}</option>\n'


class FastSelect(forms.Select):
    """Django's Select, written straight from its choices: the same markup without the dict per option
    that Select.optgroups builds for the template (a filter of 280 paragraphs, authors and
    organizations: about 2 ms less a page). For single selects whose options inherit no attributes;
    anything else goes the usual way."""

    def render(self, name, value, attrs=None, renderer=None):
        if self.allow_multiple_selected or self.option_inherits_attrs or self.template_name != _SELECT_TEMPLATE:
            return super().render(name, value, attrs, renderer)
        values = self.format_value(value)
        parts = [f'<select name="{_escape_value(name)}"{render_attrs(self.build_attrs(self.attrs, attrs))}>']
        has_selected = False
        for option_value, option_label in self.choices:
            if option_value is None:
                option_value = ""
            if isinstance(option_label, (list, tuple)):
                if option_value:
                    parts.append(f'\n  <optgroup label="{_escape_value(option_value)}">')
                for subvalue, sublabel in option_label:
                    selected = not has_selected and str(subvalue) in values
                    has_selected |= selected
                    parts.append(_option(subvalue, sublabel, selected))
                if option_value:
                    parts.append("\n  </optgroup>")
            else:
                selected = not has_selected and str(option_value) in values
                has_selected |= selected
                parts.append(_option(option_value, option_label, selected))
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 (every value above is escaped)


def set_flat_choices(field: forms.ChoiceField, choices: list[tuple]) -> None:
    """`field.choices = choices` for a flat list of (value, label) pairs whose labels are strings (or lazy
    ones): what Django's setter would store, without normalizing every pair twice, for the field and for its
    widget (a filter of 300 authors: 0.5 ms). Nested groups or other kinds of choices: use the setter."""
    field._choices = field.widget._choices = list(choices)


def render_select(widget: dict) -> str:
    """django/forms/widgets/select.html with select_option.html for every option (its file ends in a newline)."""
    parts = [f'<select name="{_escape_value(widget["name"])}"{render_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_escape_value(group_name)}">')
        for option in group_choices:
            parts.append(
                f'\n  <option value="{_escape_stringformat(option["value"])}"{render_attrs(option["attrs"])}>'
                f"{_escape_value(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class FormRenderer(DjangoTemplates):
    """Django's renderer, with Python for the common widgets and templates/forms/ searched first."""

    python_templates = {
        **dict.fromkeys(INPUT_TEMPLATES, render_input),
        f"{_WIDGETS}textarea.html": render_textarea,
        f"{_WIDGETS}select.html": render_select,
    }

    @cached_property
    def engine(self):
        return self.backend(
            {
                "APP_DIRS": True,
                "DIRS": [
                    Path(settings.BASE_DIR) / "templates" / "forms",
                    Path(django.forms.__file__).parent / "templates",
                ],
                "NAME": "djangoforms",
                "OPTIONS": {},
            }
        )

    def render(self, template_name, context, request=None):
        write = self.python_templates.get(template_name)
        if write is None or set(context) - {"widget"}:
            return super().render(template_name, context, request=request)
        return mark_safe(write(context["widget"]))  # noqa: S308 (every value above is escaped)
