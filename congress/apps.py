from django.apps import AppConfig
from django.db.models.signals import class_prepared
from django.utils.translation import gettext_lazy as _

from congress.display import fast_choice_display

# Before any model class is built (this module is read before the apps' models are imported).
class_prepared.connect(fast_choice_display)


class CongressConfig(AppConfig):
    name = "congress"
    verbose_name = _("Congress")

    def ready(self) -> None:
        from congress import checks  # noqa: F401  (registers the system checks)
