"""Settings of the benchmark: the project's own settings, on the benchmark's database, with the
framework-floor view added to the URLs (tests/bench/urls.py). Used by `python -m tests.bench` and by
the gunicorn it starts; the environment of a production-like run comes from tests/bench/config.py."""

from congress.settings import *  # noqa: F403
from congress.settings import DATABASES
from tests.bench.config import STATIC_ROOT as BENCH_STATIC_ROOT
from tests.bench.config import database_settings

DATABASES = {"default": database_settings(DATABASES["default"])}
ROOT_URLCONF = "tests.bench.urls"
# collectstatic for the benchmark writes here, not into the project's staticfiles/.
STATIC_ROOT = BENCH_STATIC_ROOT
