"""`get_<field>_display()` of the project's models, without re-reading every choice at each call.

Django's version builds a dict of all the field's choices at every call, hashing each label; a lazy
(translated) label is translated to be hashed. A list page of 50 rows with a status and a gender
asked that 100 times per request: about 600 translations (README, "Performance"). Here the choices
are read once per field (labels stay lazy, so the language of the request still applies) and each
call is a dict lookup. Same result as Django's: the label of the value, or the value itself.

Connected to `class_prepared` when the app registry loads (congress/apps.py), before any model is
built; only fields with a fixed list of choices, and only where the model has not written its own
`get_<field>_display`.
"""

from __future__ import annotations

from functools import partialmethod

from django.utils.encoding import force_str
from django.utils.hashable import make_hashable

PROJECT_APPS = frozenset({"congress", "subcommittees", "personnel", "documents"})


def choice_display(field):
    labels: dict | None = None

    def display(self):
        nonlocal labels
        if labels is None:
            labels = {make_hashable(value): label for value, label in field.flatchoices}
        value = getattr(self, field.attname)
        try:
            label = labels.get(value, value)
        except TypeError:  # an unhashable value (a list in a JSON field with choices)
            label = labels.get(make_hashable(value), value)
        return force_str(label, strings_only=True)

    display.__name__ = f"get_{field.name}_display"
    return display


def fast_choice_display(sender, **kwargs) -> None:
    if sender._meta.app_label not in PROJECT_APPS:
        return
    for field in sender._meta.fields:
        name = f"get_{field.name}_display"
        if not field.choices or callable(getattr(field, "_choices", None)):
            continue
        if isinstance(sender.__dict__.get(name), partialmethod):  # Django's, not one the model wrote
            setattr(sender, name, choice_display(field))
