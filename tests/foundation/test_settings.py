"""Settings come from the environment, and production refuses unsafe ones."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


SHOW = (
    "import django; from django.conf import settings; "
    "django.setup(); print(settings.DATABASES['default']['ENGINE'], settings.DEBUG)"
)


def load_settings(code: str = SHOW, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG"} and not k.startswith("EMAIL_")
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO, env=clean, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings(DEBUG="0", DATABASE_URL="postgresql://postgres@127.0.0.1/x")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_it_refuses_a_database_that_is_not_postgresql():
    result = load_settings(SECRET_KEY="s3cret-for-this-test", DATABASE_URL="sqlite:///db.sqlite3")
    assert result.returncode != 0
    assert "PostgreSQL only" in result.stderr


def test_it_starts_with_a_secret_key_and_debug_off():
    result = load_settings(
        SECRET_KEY="s3cret-for-this-test",
        DATABASE_URL="postgresql://postgres@127.0.0.1/x",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "False"]


def test_the_cache_sits_beside_the_broker_in_the_next_database():
    from factcheck.settings import cache_url_beside

    assert cache_url_beside("redis://redis:6379/0") == "redis://redis:6379/1"
    assert (
        cache_url_beside("rediss://:pw@redis.example:6380/3") == "rediss://:pw@redis.example:6380/4"
    )
    assert cache_url_beside("redis://127.0.0.1:6379") == "redis://127.0.0.1:6379/1"
    assert cache_url_beside("redis+socket:///srv/var/redis.socket") == (
        "unix:///srv/var/redis.socket?db=1"
    )
    assert cache_url_beside("amqp://guest@127.0.0.1//") == "locmem://"


def test_email_goes_to_the_console_until_an_smtp_host_is_given():
    show = (
        "import django; from django.conf import settings as s; django.setup(); "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_USE_TLS)"
    )
    production = {
        "SECRET_KEY": "s3cret-for-this-test",
        "DATABASE_URL": "postgresql://postgres@127.0.0.1/x",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    }
    console = load_settings(code=show, **production)
    assert console.stdout.split()[0] == "django.core.mail.backends.console.EmailBackend"
    smtp = load_settings(
        code=show,
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="2525",
        EMAIL_HOST_USER="digest",
        **production,
    )
    assert smtp.returncode == 0, smtp.stderr
    assert smtp.stdout.split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
        "2525",
        "digest",
        "True",
    ]
