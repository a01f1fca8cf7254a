#!/usr/bin/env bash
# Rolls the live site back to the release that was live before (or to a given release ID).
#
#   scripts/rollback.sh [--root DIR] [ID]      (same as: scripts/publish.sh --rollback [ID])
#
# The publish root comes from --root or UNGVEJEN_PUBLISH_ROOT (default /srv/ungvejen);
# UNGVEJEN_RELOAD_CMD is run after the switch. `scripts/publish.sh --list` lists the releases.
set -euo pipefail
fail() { echo "publish: FAILED – $1 (see --help)" >&2; exit 2; }
root=() id=()
while [ $# -gt 0 ]; do
    case "$1" in
        --root) [ $# -ge 2 ] && [ -n "$2" ] || fail "--root needs a value"; root=(--root "$2"); shift 2 ;;
        -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
        -*) fail "unknown option '$1'" ;;
        *) [ ${#id[@]} -eq 0 ] || fail "give one release id, not several"; id=("$1"); shift ;;
    esac
done
# publish.sh checks the id (only release ids, never a path) before it touches anything.
exec bash "$(dirname "$0")/publish.sh" "${root[@]}" --rollback "${id[@]}"
