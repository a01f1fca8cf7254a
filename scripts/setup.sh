#!/usr/bin/env bash
# Installs what the site and its tests need on a fresh Debian machine (run as root):
# Debian's Chromium and nginx (with its brotli_static module) for browser and serving tests,
# and the pinned Python packages.
set -euo pipefail
cd "$(dirname "$0")/.."

needed=()
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || needed+=(nginx)
# brotli_static for deploy/ (loaded by deploy/nginx.conf).
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || needed+=(libnginx-mod-http-brotli-static)
command -v pdftotext >/dev/null 2>&1 || needed+=(poppler-utils)
command -v java >/dev/null 2>&1 || needed+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || needed+=(nodejs npm)
if [ "${1:-}" = "--with-test-tools" ] && [ ${#needed[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}" >/dev/null
fi

# The Nu Html Checker (vnu) for the HTML validity test, from the npm registry.
if [ "${1:-}" = "--with-test-tools" ] && [ ! -f .tools/node_modules/vnu-jar/build/dist/vnu.jar ]; then
  npm install --silent --no-audit --no-fund --prefix .tools vnu-jar@26.9.27 >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/pip install -q --disable-pip-version-check -r requirements.txt
