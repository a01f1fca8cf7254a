#!/usr/bin/env bash
# Publishes UngVejen so that a mistake can never break the live site.
#
#   scripts/publish.sh                  build, check, then switch the live site to the new release
#   scripts/publish.sh --rollback [ID]  switch back to the release before the live one (or to ID)
#   scripts/publish.sh --list           list the kept releases; the live one is marked
#
# Options (or environment variables):
#   --root DIR      UNGVEJEN_PUBLISH_ROOT  publish root (default /srv/ungvejen). It holds
#                                          releases/<timestamp>/, `current` (the live release,
#                                          nginx's root) and `previous` (the one before).
#   --project DIR   UNGVEJEN_PROJECT       the MkDocs project to build (default: this repository)
#   --keep N        UNGVEJEN_KEEP          releases to keep for rollback (default 5)
#                   UNGVEJEN_RELOAD_CMD    run after every switch, e.g. "systemctl reload nginx":
#                                          nginx reads the release's _nginx_headers.conf (the CSP
#                                          hashes) only when it loads its configuration
#                   UNGVEJEN_PYTHON        Python with MkDocs (default: .venv/bin/python here)
#
# Publishing: build strictly into releases/.incoming-<id> (the data validation runs in the
# build), check every internal link and #anchor (scripts/check_links.py), check that the
# security headers were written and that nginx accepts them, then rename the folder to
# releases/<id> and switch `current` atomically (a new symlink moved over the old one with
# `mv -T`). Any failure stops before the switch: the live site is untouched, and the reason
# is printed. If the reload command fails after the switch, the switch is undone.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
root="${UNGVEJEN_PUBLISH_ROOT:-/srv/ungvejen}"
project="${UNGVEJEN_PROJECT:-$repo}"
keep="${UNGVEJEN_KEEP:-5}"
python="${UNGVEJEN_PYTHON:-$repo/.venv/bin/python}"
mode="publish"
target=""

while [ $# -gt 0 ]; do
    case "$1" in
        --root) root="$2"; shift 2 ;;
        --project) project="$2"; shift 2 ;;
        --keep) keep="$2"; shift 2 ;;
        --rollback) mode="rollback"; shift; if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then target="$1"; shift; fi ;;
        --list) mode="list"; shift ;;
        -h|--help) awk 'NR > 1 && /^set -euo/ { exit } NR > 1' "$0"; exit 0 ;;
        *) echo "publish: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
done

say() { echo "publish: $*"; }
fail() {
    echo "publish: FAILED – $*" >&2
    echo "publish: the live site is unchanged$(live_note)." >&2
    exit 1
}
live_note() {
    local live
    live="$(live_release)"
    if [ -n "$live" ]; then echo " (still release $live)"; else echo " (nothing is published yet)"; fi
}
live_release() { [ -L "$root/current" ] && basename "$(readlink "$root/current")" || true; }
releases() { find "$root/releases" -mindepth 1 -maxdepth 1 -type d ! -name '.*' -printf '%f\n' | LC_ALL=C sort; }

# Points $root/<name> at releases/<id> atomically: a new symlink, renamed over the old one.
point() {
    local name="$1" id="$2" temporary="$root/.$1.$$"
    ln -sfn "releases/$id" "$temporary"
    mv -T "$temporary" "$root/$name"
}

# Makes <id> live (and the release we leave `previous`), then runs the reload command.
switch_to() {
    local id="$1" before before_previous
    before="$(live_release)"
    before_previous="$( [ -L "$root/previous" ] && basename "$(readlink "$root/previous")" || true)"
    point current "$id"
    if [ -n "$before" ] && [ "$before" != "$id" ]; then point previous "$before"; fi
    if [ -n "${UNGVEJEN_RELOAD_CMD:-}" ]; then
        if ! sh -c "$UNGVEJEN_RELOAD_CMD"; then
            if [ -n "$before" ]; then point current "$before"; fi
            if [ -n "$before_previous" ]; then point previous "$before_previous"; else rm -f "$root/previous"; fi
            echo "publish: FAILED – the reload command failed: $UNGVEJEN_RELOAD_CMD" >&2
            echo "publish: switched back; the live site is unchanged$(live_note)." >&2
            exit 1
        fi
    elif [ -n "$before" ] && ! cmp -s "$root/releases/$before/_nginx_headers.conf" "$root/releases/$id/_nginx_headers.conf"; then
        say "WARNING: the security headers changed – reload nginx now (set UNGVEJEN_RELOAD_CMD to do it here)."
    fi
}

mkdir -p "$root/releases" "$root/logs"
root="$(cd "$root" && pwd)"
exec 9>"$root/.publish.lock"
flock -n 9 || { echo "publish: another publish or rollback is running in $root" >&2; exit 1; }
# Left over by a publish that was killed (a running one would hold the lock).
rm -rf "$root"/releases/.incoming-*

if [ "$mode" = "list" ]; then
    live="$(live_release)"
    releases | while read -r id; do
        if [ "$id" = "$live" ]; then echo "$id  (live)"; else echo "$id"; fi
    done
    exit 0
fi

if [ "$mode" = "rollback" ]; then
    live="$(live_release)"
    [ -n "$live" ] || { echo "publish: nothing is published in $root – nothing to roll back" >&2; exit 1; }
    if [ -z "$target" ]; then
        target="$(releases | awk -v live="$live" '$0 < live' | tail -n 1)"
        [ -n "$target" ] || { echo "publish: no release older than $live is kept – nothing to roll back to" >&2; exit 1; }
    fi
    [ -f "$root/releases/$target/index.html" ] || { echo "publish: release '$target' not found in $root/releases" >&2; exit 1; }
    [ "$target" != "$live" ] || { echo "publish: $target is already live"; exit 0; }
    switch_to "$target"
    say "rolled back: $target is live (was $live)."
    exit 0
fi

# --- publish ---------------------------------------------------------------------------
[ -f "$project/mkdocs.yml" ] || fail "no mkdocs.yml in $project"
project="$(cd "$project" && pwd)"
[ -x "$python" ] || fail "no Python at $python (run scripts/setup.sh, or set UNGVEJEN_PYTHON)"
id="$(date -u +%Y%m%dT%H%M%SZ)"
n=1
while [ -e "$root/releases/$id" ]; do n=$((n + 1)); id="$(date -u +%Y%m%dT%H%M%SZ)-$n"; done
incoming="$root/releases/.incoming-$id"
log="$root/logs/publish-$id.log"
trap 'rm -rf "$incoming" "$incoming.nginx"' EXIT

say "building release $id from $project"
if ! (cd "$project" && NO_MKDOCS_2_WARNING=1 "$python" -m mkdocs build --strict --clean \
        --config-file "$project/mkdocs.yml" --site-dir "$incoming") >"$log" 2>&1; then
    grep -m 40 -E '^(WARNING|ERROR)|Aborted|Error' "$log" >&2 || tail -n 40 "$log" >&2
    fail "the strict build stopped (full log: $log)"
fi

say "checking links and anchors"
if ! report="$("$python" "$repo/scripts/check_links.py" "$incoming" 2>&1)"; then
    echo "$report" >>"$log"
    echo "$report" | head -n 40 >&2
    fail "broken links or anchors in the new release (full log: $log)"
fi
echo "$report" >>"$log"

for file in index.html en/index.html 404.html en/404.html sitemap.xml _headers _nginx_headers.conf; do
    [ -s "$incoming/$file" ] || fail "the new release has no $file"
done

nginx_bin="$(command -v nginx || true)"
[ -n "$nginx_bin" ] || { [ -x /usr/sbin/nginx ] && nginx_bin=/usr/sbin/nginx; }
if [ -n "$nginx_bin" ]; then
    say "checking the nginx configuration with the new headers"
    mkdir -p "$incoming.nginx/root"
    ln -s "$incoming" "$incoming.nginx/root/current"
    bash "$repo/deploy/render.sh" --out "$incoming.nginx/conf" --root "$incoming.nginx/root" \
        --listen 127.0.0.1:8 >/dev/null
    if ! "$nginx_bin" -t -q -p "$incoming.nginx/conf" -c "$incoming.nginx/conf/nginx.conf" -e stderr >>"$log" 2>&1; then
        tail -n 5 "$log" >&2
        fail "nginx does not accept the configuration with the new release (full log: $log)"
    fi
    rm -rf "$incoming.nginx"
else
    say "nginx is not installed here: its configuration was not tested"
fi

mv -T "$incoming" "$root/releases/$id"
switch_to "$id"
say "published: $id is live$( [ -L "$root/previous" ] && echo " (previous: $(basename "$(readlink "$root/previous")"))")."

# Keep the newest $keep releases, and always the live and the previous one.
live="$(live_release)"
previous="$( [ -L "$root/previous" ] && basename "$(readlink "$root/previous")" || true)"
releases | head -n "-$keep" | while read -r old; do
    if [ "$old" != "$live" ] && [ "$old" != "$previous" ]; then rm -rf "${root:?}/releases/$old"; fi
done
find "$root/logs" -name 'publish-*.log' -printf '%f\n' | LC_ALL=C sort | head -n -20 | while read -r old; do
    rm -f "$root/logs/$old"
done
say "roll back with: scripts/rollback.sh --root $root"
