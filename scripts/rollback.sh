#!/usr/bin/env bash
# Rolls the live site back to the release before the live one (or to a given release ID).
#
#   scripts/rollback.sh [--root DIR] [ID]      (same as: scripts/publish.sh --rollback [ID])
#
# The publish root comes from --root or UNGVEJEN_PUBLISH_ROOT (default /srv/ungvejen);
# UNGVEJEN_RELOAD_CMD is run after the switch. `scripts/publish.sh --list` lists the releases.
set -euo pipefail
root=() id=()
while [ $# -gt 0 ]; do
    case "$1" in
        --root) root=(--root "$2"); shift 2 ;;
        -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
        *) id=("$1"); shift ;;
    esac
done
exec bash "$(dirname "$0")/publish.sh" "${root[@]}" --rollback "${id[@]}"
