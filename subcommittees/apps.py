from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubcommitteesConfig(AppConfig):
    name = "subcommittees"
    verbose_name = _("Subcommittees and work plan")
