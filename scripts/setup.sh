#!/usr/bin/env bash
# Installs what the site and its tests need on a fresh Debian machine (run as root):
# Debian's Chromium and nginx for browser and serving tests, and the pinned Python packages.
set -euo pipefail
cd "$(dirname "$0")/.."

needed=()
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || needed+=(nginx)
command -v pdftotext >/dev/null 2>&1 || needed+=(poppler-utils)
if [ "${1:-}" = "--with-test-tools" ] && [ ${#needed[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/pip install -q --disable-pip-version-check -r requirements.txt
