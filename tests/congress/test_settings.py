import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from congress.celery import _refuse_dev_secret_key
from congress.env import email_settings, env_bool, env_int, env_list, env_url


def test_env_bool_reads_and_rejects(monkeypatch):
    monkeypatch.setenv("X_FLAG", "yes")
    assert env_bool("X_FLAG") is True
    monkeypatch.setenv("X_FLAG", "0")
    assert env_bool("X_FLAG", True) is False
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env_bool("X_FLAG")


def test_env_int_rejects_text_and_small_values(monkeypatch):
    monkeypatch.setenv("X_NUM", "12")
    assert env_int("X_NUM", 1) == 12
    monkeypatch.setenv("X_NUM", "twelve")
    with pytest.raises(ImproperlyConfigured, match="not an integer"):
        env_int("X_NUM", 1)
    monkeypatch.setenv("X_NUM", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 5"):
        env_int("X_NUM", 10, minimum=5)


def test_env_list_and_url(monkeypatch):
    monkeypatch.setenv("X_HOSTS", "a.example, b.example,,")
    assert env_list("X_HOSTS", []) == ["a.example", "b.example"]
    monkeypatch.setenv("X_URL", "mysql://x")
    with pytest.raises(ImproperlyConfigured, match="scheme"):
        env_url("X_URL", schemes={"postgres"})
    monkeypatch.setenv("X_URL", "")
    assert env_url("X_URL", schemes={"postgres"}) is None


def test_email_settings_from_url():
    assert email_settings(None)["EMAIL_BACKEND"].endswith("console.EmailBackend")
    smtp = email_settings("smtp://user:secret@mail.example.org:587?tls=1")
    assert smtp["EMAIL_HOST"] == "mail.example.org"
    assert smtp["EMAIL_PORT"] == 587
    assert smtp["EMAIL_USE_TLS"] is True
    assert smtp["EMAIL_HOST_PASSWORD"] == "secret"
    with pytest.raises(ImproperlyConfigured):
        email_settings("ftp://mail.example.org")


def _run(env, *args):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "ALLOW_DEV_SECRET_KEY"}}
    return subprocess.run(
        [sys.executable, *args], env={**clean, **env}, capture_output=True, text=True, timeout=60, cwd=settings.BASE_DIR
    )


def _import_settings(env):
    return _run(env, "-c", "import congress.settings")


def test_settings_refuse_default_secret_key_without_debug():
    # The web app (wsgi), runserver and the Celery worker and beat refuse to start on the dev key.
    result = _run({"DEBUG": "0"}, "-c", "import congress.wsgi")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    result = _run({"DEBUG": "0"}, "manage.py", "runserver", "127.0.0.1:1")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    with pytest.raises(SystemExit, match="SECRET_KEY is not set"), override_settings(DEV_SECRET_KEY_REFUSED=True):
        _refuse_dev_secret_key()


def test_commands_that_serve_nothing_run_without_secrets_and_check_deploy_fails():
    # Migrations can be checked on a machine with no environment at all.
    result = _run({"DEBUG": "0"}, "manage.py", "makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout
    result = _run({"DEBUG": "0", "ALLOWED_HOSTS": "daihoi.example.vn"}, "manage.py", "check", "--deploy")
    assert result.returncode != 0
    assert "congress.E001" in result.stderr and "SECRET_KEY is not set" in result.stderr


def test_settings_start_with_debug_or_a_real_key():
    assert _import_settings({"DEBUG": "1"}).returncode == 0
    assert _import_settings({"DEBUG": "0", "SECRET_KEY": "x" * 50}).returncode == 0


def test_settings_reject_bad_database_url():
    result = _import_settings({"DEBUG": "1", "DATABASE_URL": "mongodb://localhost/x"})
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_defaults_are_vietnamese_and_hanoi_time(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
