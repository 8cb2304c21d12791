"""Cheap template filters for what every list page repeats per row (built in: no {% load %} needed).

`{% url %}` is Django's, remembering what it reversed: the navigation's 30 links have the same
arguments on every page, and a reverse costs about 18 µs.

Django's `date` filter costs about 18 µs a call (a DateFormat object, a regular expression); a
list of 50 rows with two dates spent 2 ms on it. `dmy` and `dmyhm` write the project's one date
format directly. `as_field` writes a filter form's field with crispy-forms' Bootstrap 5 markup
without its eight nested templates (1 ms a field → about 0.05 ms); widgets it does not know (radio
buttons, multi-widgets, files) still go through crispy. README, "Performance".
"""

from __future__ import annotations

import datetime

from django import forms, template
from django.conf import settings
from django.template import defaulttags
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape, format_html, format_html_join

from congress.renderers import FastSelect

register = template.Library()


@register.filter(expects_localtime=True)
def dmy(value) -> str:
    """`|date:"d/m/Y"`: 29/08/2020, or "" for an empty value."""
    if isinstance(value, datetime.date):
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    return ""


@register.filter(expects_localtime=True)
def dmyhm(value) -> str:
    """`|date:"d/m/Y H:i"`: 29/08/2020 08:30 in the local time zone; a date alone as `dmy`."""
    if isinstance(value, datetime.datetime):
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d} {value.hour:02d}:{value.minute:02d}"
    if isinstance(value, datetime.date):
        return dmy(value)  # a date alone (Django's filter would raise on "H:i")
    return ""


_CRISPY_ONLY = (forms.RadioSelect, forms.CheckboxSelectMultiple, forms.MultiWidget, forms.FileInput)


def _bootstrap_class(widget) -> str:
    if isinstance(widget, forms.CheckboxInput):
        return "form-check-input"
    if isinstance(widget, forms.Select):
        return "form-select"
    return "form-control"


@register.filter
def as_field(bound):
    """A form field as crispy-forms' bootstrap5 `as_crispy_field` writes it: label, widget, errors, help."""
    widget = bound.field.widget
    if isinstance(widget, _CRISPY_ONLY) or widget.is_hidden:
        from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field

        return as_crispy_field(bound)
    auto_id = bound.auto_id
    errors = bound.errors
    own = widget.attrs.get("class", "")
    kind = "select" if isinstance(widget, FastSelect) else type(widget).__name__.lower()  # crispy's class name
    classes = own.split() + ([] if kind in own else [kind]) + [_bootstrap_class(widget)]
    if errors:
        classes.append("is-invalid")
    attrs = {"class": " ".join(classes)}
    if errors and auto_id:
        attrs["aria-describedby"] = f"{auto_id}_error"
    control = bound.as_widget(attrs=attrs)
    feedback = ""
    if errors:
        messages = format_html_join(
            "", '<p id="error_{}_{}"><strong>{}</strong></p>', ((n, auto_id, m) for n, m in enumerate(errors, start=1))
        )
        feedback = format_html('<div id="{}_error" class="invalid-feedback">{}</div>', auto_id, messages)
    help_text = ""
    if bound.help_text:  # escaped (crispy writes it as is; none of ours holds markup)
        help_text = format_html('<div id="{}_helptext" class="form-text">{}</div>', auto_id, bound.help_text)
    label = conditional_escape(bound.label) if bound.label else ""
    required = bound.field.required
    if isinstance(widget, forms.CheckboxInput):
        label_html = format_html('<label for="{}" class="form-check-label">{}</label>', auto_id, label) if label else ""
        return format_html(
            '<div class="mb-3"><div id="div_{}" class="form-check">{}{}{}{}</div></div>',
            auto_id,
            control,
            label_html,
            feedback,
            help_text,
        )
    label_html = ""
    if label:
        label_html = format_html(
            '<label for="{}" class="form-label{}">{}{}</label>',
            auto_id,
            " requiredField" if required else "",
            label,
            format_html('<span class="asteriskField">{}</span>', "*") if required else "",
        )
    return format_html(
        '<div id="div_{}" class="mb-3">{}{}{}{}</div>', auto_id, label_html, control, feedback, help_text
    )


# --- {% url %}, remembered


_REVERSED: dict[tuple, str] = {}
_REVERSED_MAX = 20_000  # then start again (rows' links have a new pk each; the navigation's do not)


def _plain(value) -> bool:
    """Arguments whose text cannot change under the same value (not model instances, not lazy text)."""
    return isinstance(value, (str, int)) and not isinstance(value, bool)


class RememberedURLNode(defaulttags.URLNode):
    """Django's URLNode; a URL reversed from plain arguments is kept, keyed by everything reverse()
    reads: the view name, the arguments, the current app, the URLconf and the script prefix."""

    def render(self, context):
        args = tuple(arg.resolve(context) for arg in self.args)
        kwargs = {k: v.resolve(context) for k, v in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        key = None
        if isinstance(view_name, str) and all(map(_plain, args)) and all(map(_plain, kwargs.values())):
            key = (
                view_name,
                args,
                tuple(sorted(kwargs.items())),
                current_app,
                get_urlconf(),
                settings.ROOT_URLCONF,
                get_script_prefix(),
            )
        url = _REVERSED.get(key) if key is not None else None
        if url is None:
            url = ""
            try:
                url = reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
            except NoReverseMatch:
                if self.asvar is None:
                    raise
            else:
                if key is not None:
                    if len(_REVERSED) >= _REVERSED_MAX:
                        _REVERSED.clear()
                    _REVERSED[key] = url
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    """Replaces Django's built-in {% url %} (same syntax, same output; see RememberedURLNode)."""
    node = defaulttags.url(parser, token)
    return RememberedURLNode(node.view_name, node.args, node.kwargs, node.asvar)


@register.simple_tag(takes_context=True)
def main_nav(context):
    """The congress's navigation bar (congress/nav.py), for base.html."""
    from congress.nav import main_nav as write
    from documents.permissions import documents_access_for

    request, congress = context["request"], context["congress"]
    docs = getattr(request, "documents_access", None) or documents_access_for(request.user, congress)
    return write(request, congress, context["access"], docs=docs)
