"""ASGI entry point."""

import os

from django.core.asgi import get_asgi_application

from congress.startup import refuse_dev_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congress.settings")
refuse_dev_secret_key()
application = get_asgi_application()
