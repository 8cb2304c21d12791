"""Django's validator messages whose Vietnamese this project writes itself.

Django's Vietnamese catalog puts a space before the full stop ("… lớn hơn hoặc bằng với 0 .") and
after the numbers; the project's catalog (LOCALE_PATHS) is read first, so these entries replace
them. Listed here so that makemessages keeps them in locale/vi/LC_MESSAGES/django.po.
"""

from django.utils.translation import gettext_noop

MESSAGES = (
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is %(limit_value)s (it is %(show_value)s)."),
)
