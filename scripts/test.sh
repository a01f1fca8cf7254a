#!/usr/bin/env bash
# Installs everything the tests need (Chromium, nginx, Python packages) and runs all tests,
# browser tests included. A missing browser is a failure, never a skip.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-test-tools
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest -n 2 --durations=10 "$@"
