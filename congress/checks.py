"""System checks of the project (registered in CongressConfig.ready)."""

from django.conf import settings
from django.core.checks import Error, Tags, register

from congress.startup import REFUSAL


@register(Tags.security, deploy=True)
def dev_secret_key_check(app_configs=None, **kwargs):
    """`check --deploy` fails on the development key (the app itself refuses to start on it)."""
    if settings.SECRET_KEY == settings.DEV_SECRET_KEY and not settings.DEBUG:
        return [Error(REFUSAL, id="congress.E001")]
    return []
