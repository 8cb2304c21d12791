"""The Celery application: configuration comes from Django settings (CELERY_*)."""

import os

from celery import Celery
from celery.signals import beat_init, worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congress.settings")

app = Celery("congress")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def _make_broker_folders(sender, **kwargs):
    """kombu's filesystem transport does not create its folders itself."""
    from django.conf import settings

    options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
    for key in ("data_folder_in", "data_folder_out", "control_folder", "processed_folder"):
        if key in options:
            os.makedirs(options[key], exist_ok=True)


@worker_init.connect
@beat_init.connect
def _refuse_dev_secret_key(**kwargs):
    """A worker or beat does not start on the development key with DEBUG off (congress/startup.py).

    Celery logs and swallows exceptions of signal handlers: SystemExit is what stops it."""
    from django.core.exceptions import ImproperlyConfigured

    from congress.startup import refuse_dev_secret_key

    try:
        refuse_dev_secret_key()
    except ImproperlyConfigured as error:
        raise SystemExit(f"ImproperlyConfigured: {error}") from error
