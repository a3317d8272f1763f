"""Settings come from the environment; production refuses to start on defaults."""

import os
import subprocess
import sys

import pytest


def _run_settings(module: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = (
        "import django, os; django.setup(); from django.conf import settings; "
        "print(settings.DATABASES['default']['ENGINE'])"
    )
    full_env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    full_env.update(env, DJANGO_SETTINGS_MODULE=module)
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-c", code], env=full_env, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("key", ["", "sot-dev-only-not-for-production", "short-key"])
def test_production_refuses_a_default_or_weak_secret_key(key, tmp_path):
    result = _run_settings(
        "sot.settings.production",
        {
            "SOT_SECRET_KEY": key,
            "SOT_ALLOWED_HOSTS": "sot.example.kz",
            "SOT_DATA_DIR": str(tmp_path),
        },
    )
    assert result.returncode != 0
    assert "SOT_SECRET_KEY" in result.stderr


def test_production_starts_with_a_strong_key(tmp_path):
    result = _run_settings(
        "sot.settings.production",
        {
            "SOT_SECRET_KEY": "k" * 20 + "x9Q-z" * 8,
            "SOT_ALLOWED_HOSTS": "sot.example.kz",
            "SOT_DATA_DIR": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_embedded_default_is_sqlite_under_the_data_dir(tmp_path):
    result = _run_settings("sot.settings.dev", {"SOT_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"
    assert (tmp_path / "data").is_dir()


def test_database_url_switches_to_postgresql(tmp_path):
    result = _run_settings(
        "sot.settings.dev",
        {"SOT_DATA_DIR": str(tmp_path), "DATABASE_URL": "postgres://u@127.0.0.1:5432/sot"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.postgresql"
