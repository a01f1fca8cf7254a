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
# `mv -T`). Any failure stops before the switch and prints one line
# `publish: FAILED – <reason>`: the live site is untouched. If the reload command fails after
# the switch, the switch is undone.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
root="${UNGVEJEN_PUBLISH_ROOT:-/srv/ungvejen}"
project="${UNGVEJEN_PROJECT:-$repo}"
keep="${UNGVEJEN_KEEP:-5}"
python="${UNGVEJEN_PYTHON:-$repo/.venv/bin/python}"
mode="publish"
target=""

say() { echo "publish: $*"; }
# Every failure ends here: one line with the reason, then what is live. Arguments are checked
# before the publish root is touched, so `live_note` only reads it once it is known to exist.
fail() {
    echo "publish: FAILED – $1" >&2
    if [ -n "${went_live:-}" ]; then
        echo "publish: $went_live is live; what failed came after the switch." >&2
    elif [ -n "${checked:-}" ]; then
        echo "publish: the live site is unchanged$(live_note)." >&2
    fi
    exit "${2:-1}"
}
usage() { fail "$1 (see --help)" 2; }
link() { [ -L "$root/$1" ] && basename "$(readlink "$root/$1")" || true; }
live_note() {
    local live
    live="$(link current)"
    if [ -n "$live" ]; then echo " (still release $live)"; else echo " (nothing is published yet)"; fi
}
# Runs a command; if it fails, stops with "<what>: <the reason the command gave>".
must() {
    local what="$1" error
    shift
    error="$("$@" 2>&1)" || fail "$what: ${error##*: }"
}
# A command that fails where none was expected still gets its FAILED line (set -E: in functions too).
set -E
trap 'unexpected $? "$BASH_COMMAND"' ERR
unexpected() {
    if [ "$BASHPID" != "$$" ]; then exit "$1"; fi  # a subshell: its caller reports it
    fail "unexpected error (exit $1) in: $2"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --root|--project|--keep)
            [ $# -ge 2 ] && [ -n "$2" ] || usage "$1 needs a value"
            case "$1" in --root) root="$2" ;; --project) project="$2" ;; --keep) keep="$2" ;; esac
            shift 2 ;;
        --rollback|--list)
            [ "$mode" = "publish" ] || usage "use either --rollback or --list"
            mode="${1#--}"; shift
            if [ "$mode" = "rollback" ] && [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then target="$1"; shift; fi ;;
        -h|--help) awk 'NR > 1 && /^set -euo/ { exit } NR > 1' "$0"; exit 0 ;;
        *) usage "unknown option '$1'" ;;
    esac
done
# Checked before anything is built or switched (a bad --keep used to fail after going live).
case "$keep" in ''|*[!0-9]*) usage "--keep must be a number of releases, not '$keep'" ;; esac
[ "$keep" -ge 1 ] || usage "--keep must be at least 1"
[ -n "$root" ] || usage "the publish root is empty"

must "cannot create the publish root $root" mkdir -p "$root"
root="$(cd "$root" && pwd)"
releases_dir="$root/releases"
checked=1
must "cannot create the folders of the publish root $root" mkdir -p "$releases_dir" "$root/logs"
must "cannot write in the publish root $root" touch "$root/.publish.lock"
exec 9>>"$root/.publish.lock"
flock -n 9 || fail "another publish or rollback is running in $root"

releases() { find "$releases_dir" -mindepth 1 -maxdepth 1 -type d ! -name '.*' -printf '%f\n' | LC_ALL=C sort; }

# Why folder $1 cannot be written to – "Read-only file system", "No space left on device"… –
# or nothing if 64 KB can be written there.
write_problem() {
    local probe="$1/.write-test.$$" error
    if error="$( { head -c 65536 /dev/zero >"$probe"; } 2>&1 )"; then rm -f "$probe"; return 0; fi
    rm -f "$probe"
    echo "${error##*: }"
}

# Points $root/<name> at releases/<id> atomically: a new symlink, renamed over the old one.
point() {
    local name="$1" id="$2" temporary="$root/.$1.$$"
    ln -sfn "releases/$id" "$temporary"
    mv -T "$temporary" "$root/$name"
}
reload() { [ -z "${UNGVEJEN_RELOAD_CMD:-}" ] || sh -c "$UNGVEJEN_RELOAD_CMD"; }

# Makes <id> live (and the release we leave `previous`), then runs the reload command.
switch_to() {
    local id="$1" before before_previous
    before="$(link current)"
    before_previous="$(link previous)"
    point current "$id"
    if [ -n "$before" ] && [ "$before" != "$id" ]; then point previous "$before"; fi
    if ! reload; then
        if [ -n "$before" ]; then point current "$before"; else rm -f "$root/current"; fi
        if [ -n "$before_previous" ]; then point previous "$before_previous"; else rm -f "$root/previous"; fi
        fail "the reload command failed: $UNGVEJEN_RELOAD_CMD – switched back"
    fi
    if [ -z "${UNGVEJEN_RELOAD_CMD:-}" ] && [ -n "$before" ] &&
        ! cmp -s "$releases_dir/$before/_nginx_headers.conf" "$releases_dir/$id/_nginx_headers.conf"; then
        say "WARNING: the security headers changed – reload nginx now (set UNGVEJEN_RELOAD_CMD to do it here)."
    fi
}

# Left over by a publish that was killed (a running one would hold the lock).
rm -rf "$releases_dir"/.incoming-*

if [ "$mode" = "list" ]; then
    live="$(link current)"
    releases | while read -r id; do
        if [ "$id" = "$live" ]; then echo "$id  (live)"; else echo "$id"; fi
    done
    exit 0
fi

if [ "$mode" = "rollback" ]; then
    live="$(link current)"
    [ -n "$live" ] || fail "nothing is published in $root – nothing to roll back"
    if [ -z "$target" ]; then
        target="$(releases | awk -v live="$live" '$0 < live' | tail -n 1)"
        [ -n "$target" ] || fail "no release older than $live is kept – nothing to roll back to"
    fi
    [ -f "$releases_dir/$target/index.html" ] || fail "release '$target' not found in $releases_dir"
    if [ "$target" = "$live" ]; then say "$target is already live"; exit 0; fi
    switch_to "$target"
    say "rolled back: $target is live (was $live)."
    exit 0
fi

# --- publish ---------------------------------------------------------------------------
[ -f "$project/mkdocs.yml" ] || fail "no mkdocs.yml in $project"
project="$(cd "$project" && pwd)"
[ -x "$python" ] || fail "no Python at $python (run scripts/setup.sh, or set UNGVEJEN_PYTHON)"
# A read-only or full disk would otherwise show up later as a puzzling build or log error.
for folder in "$root/logs" "$releases_dir"; do
    problem="$(write_problem "$folder")"
    [ -z "$problem" ] || fail "cannot write to $folder: $problem"
done
id="$(date -u +%Y%m%dT%H%M%SZ)"
n=1
while [ -e "$releases_dir/$id" ]; do n=$((n + 1)); id="$(date -u +%Y%m%dT%H%M%SZ)-$n"; done
incoming="$releases_dir/.incoming-$id"
log="$root/logs/publish-$id.log"
check=""
trap 'rm -rf "$incoming" ${check:+"$check"}' EXIT

say "building release $id from $project"
# The output is kept in memory first: on a full disk the log may be what cannot be written.
if ! output="$(cd "$project" && NO_MKDOCS_2_WARNING=1 "$python" -m mkdocs build --strict --clean \
        --config-file "$project/mkdocs.yml" --site-dir "$incoming" 2>&1)"; then
    printf '%s\n' "$output" >"$log" 2>/dev/null || true
    grep -m 40 -E '^(WARNING|ERROR)|Aborted|Error' <<<"$output" >&2 || tail -n 40 <<<"$output" >&2
    problem="$(write_problem "$releases_dir")"
    [ -z "$problem" ] || fail "the new release could not be written to $releases_dir: $problem"
    crash="$(grep -E '^[A-Za-z_.]*(Error|Exception): ' <<<"$output" | tail -n 1 || true)"
    [ -z "$crash" ] || fail "the build crashed: $crash (full log: $log)"
    fail "the strict build stopped (full log: $log)"
fi
printf '%s\n' "$output" >"$log" 2>/dev/null || fail "cannot write the log $log: $(write_problem "$root/logs")"

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
    # In a temporary folder: deploy/render.sh refuses paths with spaces, the publish root's may have some.
    check="$(mktemp -d)"
    mkdir "$check/root"
    ln -s "$incoming" "$check/root/current"
    if ! rendered="$(bash "$repo/deploy/render.sh" --out "$check/conf" --root "$check/root" --listen 127.0.0.1:8 2>&1)"; then
        fail "cannot write a test configuration for nginx: $rendered"
    fi
    if ! "$nginx_bin" -t -q -p "$check/conf" -c "$check/conf/nginx.conf" -e stderr >>"$log" 2>&1; then
        tail -n 5 "$log" >&2
        fail "nginx does not accept the configuration with the new release (full log: $log)"
    fi
    rm -rf "$check"
else
    say "nginx is not installed here: its configuration was not tested"
fi

must "cannot rename the new release" mv -T "$incoming" "$releases_dir/$id"
switch_to "$id"
went_live="$id"
say "published: $id is live$( [ -L "$root/previous" ] && echo " (previous: $(link previous))")."

# Keep the newest $keep releases, and always the live and the previous one.
live="$(link current)"
previous="$(link previous)"
releases | head -n "-$keep" | while read -r old; do
    if [ "$old" != "$live" ] && [ "$old" != "$previous" ]; then rm -rf "${releases_dir:?}/$old"; fi
done
find "$root/logs" -name 'publish-*.log' -printf '%f\n' | LC_ALL=C sort | head -n -20 | while read -r old; do
    rm -f "$root/logs/$old"
done
say "roll back with: scripts/rollback.sh --root $(printf '%q' "$root")"
