"""The project's URLs plus the framework floor: a bare view behind the same middleware.

Only the benchmark uses this URLconf (tests/bench/settings.py, or override_settings in-process);
production URLs do not have the floor view.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from congress.urls import urlpatterns as project_urlpatterns

FLOOR_PATH = "/bench-floor/"


def floor(request: HttpRequest) -> HttpResponse:
    """The cheapest response the stack can give a logged-in user: the anchor of every ratio."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


urlpatterns = [path(FLOOR_PATH.strip("/") + "/", floor, name="bench_floor"), *project_urlpatterns]
