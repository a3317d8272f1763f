#!/usr/bin/env bash
# Extract translatable strings into src/sot/locale/{kk,ru,en} (needs GNU gettext), then compile.
set -euo pipefail
cd "$(dirname "$0")/../src/sot"
export PATH="$PWD/../../.venv/bin:$PATH"
DJANGO_SETTINGS_MODULE=sot.settings.test sot makemessages -l kk -l ru -l en \
  --no-obsolete --no-location --ignore='*/tests/*' --ignore='seeding/*'
DJANGO_SETTINGS_MODULE=sot.settings.test sot i18n_compile
