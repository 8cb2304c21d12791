"""The refusal to start on the development secret key (settings.DEV_SECRET_KEY_REFUSED).

Called by every entry point that serves: wsgi.py, asgi.py, `manage.py runserver`, and the Celery
worker and beat (signals below, wired in congress/celery.py). `check --deploy` reports it too
(congress/checks.py). Other management commands run, so that migrations and checks work on a
machine without secrets.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

REFUSAL = (
    "SECRET_KEY is not set. With DEBUG off the app refuses to start on the development key: "
    "set SECRET_KEY to a long random string (e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))')."
)


def refuse_dev_secret_key() -> None:
    if getattr(settings, "DEV_SECRET_KEY_REFUSED", False):
        raise ImproperlyConfigured(REFUSAL)
