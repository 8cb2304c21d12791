"""get_<field>_display() of the project's models: Django's answer, read from a dict built once."""

from django.apps import apps
from django.db import models
from django.utils.translation import override

from congress.display import PROJECT_APPS


def _fields_with_choices():
    for model in apps.get_models():
        if model._meta.app_label in PROJECT_APPS:
            for field in model._meta.fields:
                if field.choices:
                    yield model, field


def test_every_choice_field_of_the_project_answers_as_django_does():
    checked = 0
    for model, field in _fields_with_choices():
        method = getattr(model, f"get_{field.name}_display")
        assert getattr(method, "__name__", "") == f"get_{field.name}_display", (model, field)
        values = [value for value, _label in field.flatchoices] + ["not-a-choice", None]
        for value in values:
            instance = model()
            setattr(instance, field.attname, value)
            for language in ("vi", "en"):
                with override(language):
                    assert method(instance) == models.Model._get_FIELD_display(instance, field), (model, field, value)
            checked += 1
    assert checked > 100


def test_the_label_follows_the_language_of_the_request():
    from personnel.models import Person

    person = Person(status="official")
    with override("vi"):
        vietnamese = person.get_status_display()
    with override("en"):
        english = person.get_status_display()
    assert vietnamese != english
    assert english == "Official member"
