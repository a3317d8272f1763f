#!/usr/bin/env bash
# `sot check --deploy` on the production settings with a throwaway strong key: must be clean.
set -euo pipefail
key=$(python -c 'import secrets; print(secrets.token_urlsafe(64))')
DJANGO_SETTINGS_MODULE=sot.settings.production SOT_SECRET_KEY="$key" SOT_ALLOWED_HOSTS=sot.example.kz \
  SOT_DATA_DIR="$(mktemp -d)" sot check --deploy --fail-level WARNING
