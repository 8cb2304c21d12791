"""WSGI entry point (gunicorn congress.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

from congress.startup import refuse_dev_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congress.settings")
refuse_dev_secret_key()
application = get_wsgi_application()
