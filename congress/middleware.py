"""Request middleware of the project."""

from django.conf import settings
from django.utils import translation


class LanguageMiddleware:
    """Vietnamese unless the user chose otherwise.

    Unlike Django's LocaleMiddleware, the browser's Accept-Language is ignored: an office PC set
    up in English must still show the Vietnamese interface. The choice comes from the language
    cookie (the VI/EN switch), then the user's profile, then LANGUAGE_CODE.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.supported:
            user = getattr(request, "user", None)
            language = getattr(user, "language", None) if user is not None and user.is_authenticated else None
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            # Don't leak this request's language into whatever runs next on the thread.
            translation.deactivate()
        response.headers.setdefault("Content-Language", language)
        return response
