from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CongressConfig(AppConfig):
    name = "congress"
    verbose_name = _("Congress")

    def ready(self) -> None:
        from congress import checks  # noqa: F401  (registers the system checks)
