#!/usr/bin/env bash
# Renders deploy/nginx.conf and deploy/ungvejen.conf with this server's paths.
#
#   deploy/render.sh --out DIR [--root PUBLISH_ROOT] [--listen ADDR] [--server-name NAME] [--log-dir DIR]
#
# --root        where scripts/publish.sh keeps releases/ and the `current` symlink
#               (default: $UNGVEJEN_PUBLISH_ROOT or /srv/ungvejen)
# --listen      nginx `listen` value (default 80; the tests use 127.0.0.1:<free port>)
# --server-name nginx `server_name` (default www.ungvejen.dk)
# --log-dir     folder for the access and error logs (default DIR/logs)
#
# Writes DIR/ungvejen.conf (the site; on Debian copy it to /etc/nginx/sites-enabled/) and
# DIR/nginx.conf (stand-alone: `nginx -p DIR -c DIR/nginx.conf -e stderr`), and creates
# DIR/logs and DIR/temp.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="" root="${UNGVEJEN_PUBLISH_ROOT:-/srv/ungvejen}" listen="80" name="www.ungvejen.dk" logs=""
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out="$2"; shift 2 ;;
        --root) root="$2"; shift 2 ;;
        --listen) listen="$2"; shift 2 ;;
        --server-name) name="$2"; shift 2 ;;
        --log-dir) logs="$2"; shift 2 ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "render.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[ -n "$out" ] || { echo "render.sh: --out DIR is required" >&2; exit 2; }
mkdir -p "$out"
out="$(cd "$out" && pwd)"
root="$(mkdir -p "$root" && cd "$root" && pwd)"
logs="${logs:-$out/logs}"
mkdir -p "$logs" "$out/temp"
for value in "$root" "$listen" "$name" "$logs"; do
    case "$value" in
        *[\|\;\{\}\"\'\ ]*) echo "render.sh: unusable character in '$value'" >&2; exit 2 ;;
    esac
done
for file in ungvejen.conf nginx.conf; do
    sed -e "s|@PUBLISH_ROOT@|$root|g" -e "s|@LISTEN@|$listen|g" \
        -e "s|@SERVER_NAME@|$name|g" -e "s|@LOG_DIR@|$logs|g" \
        "$here/$file" > "$out/$file.tmp"
    mv "$out/$file.tmp" "$out/$file"
done
echo "Wrote $out/ungvejen.conf and $out/nginx.conf (site root: $root/current)"
