#!/usr/bin/env bash
# The whole test suite: lint, format, types, migrations, translations, deploy checks, then pytest.
# Usage: tools/test.sh [--tests-only] [pytest args...]
# Runs against SQLite unless DATABASE_URL names PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"

tests_only=0
if [[ "${1:-}" == "--tests-only" ]]; then tests_only=1; shift; fi

if [[ $tests_only == 0 ]]; then
  echo "== ruff check";          ruff check .
  echo "== ruff format --check"; ruff format --check .
  echo "== mypy";                mypy
  echo "== migrations";          DJANGO_SETTINGS_MODULE=sot.settings.test sot makemigrations --check --dry-run
  echo "== deploy check";        tools/check_deploy.sh
  # Needs GNU gettext's xgettext; without it (a bare machine) this one check is skipped, CI has it.
  if command -v xgettext >/dev/null 2>&1 || [[ -n "${CI:-}" ]]; then
    echo "== catalogues current";  python tools/check_messages.py
  else
    echo "== catalogues current: skipped (install gettext to run it)"
  fi
fi
echo "== compile translations"; DJANGO_SETTINGS_MODULE=sot.settings.test sot i18n_compile
echo "== pytest (${DATABASE_URL:-sqlite})"
# pytest exits 5 when it collected nothing: that is a failure here, never a silent pass.
set +e
pytest -q -n 2 "$@"
rc=$?
set -e
if [[ $rc == 5 ]]; then echo "pytest collected no tests" >&2; exit 1; fi
exit $rc
