#!/usr/bin/env bash
# Publishes UngVejen so that a mistake can never break the live site.
#
#   scripts/publish.sh                  build, check, then switch the live site to the new release
#   scripts/publish.sh --rollback [ID]  switch back to the release that was live before (or to ID)
#   scripts/publish.sh --list           list the kept releases; the live one is marked
#
# Options (or environment variables):
#   --root DIR      UNGVEJEN_PUBLISH_ROOT  publish root (default /srv/ungvejen). It holds
#                                          releases/<id>/, `current` (the live release, nginx's
#                                          root), `previous` (the one live before), history and
#                                          manifests/<id>.sha256.
#   --project DIR   UNGVEJEN_PROJECT       the MkDocs project to build (default: this repository)
#   --keep N        UNGVEJEN_KEEP          releases to keep for rollback (default 5)
#                   UNGVEJEN_RELOAD_CMD    run after every switch, e.g. "systemctl reload nginx":
#                                          nginx reads the release's _nginx_headers.conf (the CSP
#                                          hashes) only when it loads its configuration
#                   UNGVEJEN_PYTHON        Python with MkDocs (default: .venv/bin/python here)
#
# Publishing: build strictly into releases/.incoming-<id> (the data validation runs in the
# build), check every internal link and #anchor (scripts/check_links.py), check that the
# security headers were written and that nginx accepts them, write the release's manifest
# (sha256 of every file) and check it, rename the folder to releases/<id>, and switch `current`
# atomically (a new symlink moved over the old one with `mv -T`). Only when the reload command
# has succeeded is the switch written to `history`: a release is a rollback candidate only once
# it has been live, a rollback goes back through the history (never by folder names), and it
# checks the release's files against its manifest first. Old releases are renamed into
# releases/.trash before they are deleted. Any failure prints one line
# `publish: FAILED – <reason>` and leaves the live site as it was.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
root="${UNGVEJEN_PUBLISH_ROOT:-/srv/ungvejen}"
project="${UNGVEJEN_PROJECT:-$repo}"
keep="${UNGVEJEN_KEEP:-5}"
python="${UNGVEJEN_PYTHON:-$repo/.venv/bin/python}"
mode="publish"
target=""
# The ids this script makes (UTC time, `-2`… if taken): nothing else may name a release, so a
# rollback target can never be a path such as ../../somewhere.
id_pattern='^[0-9]{8}T[0-9]{6}Z(-[0-9]+)?$'

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
# The release a symlink in the root (current, previous) points at; empty if there is none.
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
if [ -n "$target" ] && ! [[ $target =~ $id_pattern ]]; then
    fail "'$target' is not a release id: ids look like 20261128T101530Z (see --list)" 2
fi
[ -n "$root" ] || usage "the publish root is empty"

must "cannot create the publish root $root" mkdir -p "$root"
root="$(cd "$root" && pwd)"
releases_dir="$root/releases" manifests="$root/manifests" history="$root/history"
trash="$root/releases/.trash"
checked=1
must "cannot create the folders of the publish root $root" mkdir -p "$releases_dir" "$root/logs" "$manifests"
must "cannot write in the publish root $root" touch "$root/.publish.lock"
exec 9>>"$root/.publish.lock"
flock -n 9 || fail "another publish or rollback is running in $root"

# --- the state: history of switches, releases, manifests -----------------------------------

# The history has one line per switch that went live: time, release id, how (publish; back:
# --rollback; to: --rollback ID; restore: back to the live release after a killed switch;
# adopt: live before the history was kept). Read as a stack – `back` pops the live release,
# the others push theirs – it holds the releases `--rollback` goes back through, live one last.
stack() {
    [ -f "$history" ] || return 0
    awk '$3 == "back" && n > 0 { n-- } n == 0 || s[n] != $2 { s[++n] = $2 } END { for (i = 1; i <= n; i++) print s[i] }' "$history"
}
history_live() { [ -f "$history" ] && tail -n 1 "$history" | awk '{ print $2 }' || true; }
# The release that was live before the last switch to $1 (nginx serves its hashed files too).
history_before() { [ -f "$history" ] && awk -v id="$1" '$2 != id { p = $2 } END { print p }' "$history" || true; }
has_been_live() { [ -f "$history" ] && awk -v id="$1" '$2 == id { found = 1 } END { exit !found }' "$history"; }
record() { printf '%s %s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$1" "$2" >>"$history"; }

releases() { find "$releases_dir" -mindepth 1 -maxdepth 1 -type d ! -name '.*' -printf '%f\n' | LC_ALL=C sort; }

# A manifest lists sha256 and path of every file of a release (sha256sum's format). It is
# written, checked against the files, and only then renamed into manifests/: a manifest there
# is the mark that its release is complete.
seal() {
    local folder="$1" manifest="$manifests/$2.sha256"
    (cd "$folder" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0r sha256sum) >"$manifest.tmp" &&
        verify "$folder" "$manifest.tmp" >/dev/null && mv -f "$manifest.tmp" "$manifest"
}
verify() { (cd "$1" && sha256sum --check --quiet --strict "$2") 2>&1; }

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
# Points `current` and `previous` back at what the history says: after a failed switch, and
# whatever an earlier publish left when it was killed between switch and reload.
point_at_history() {
    local live before
    live="$(history_live)"
    before="$(history_before "$live")"
    if [ -n "$live" ]; then point current "$live"; else rm -f "$root/current"; fi
    if [ -n "$before" ]; then point previous "$before"; else rm -f "$root/previous"; fi
}
reload() { [ -z "${UNGVEJEN_RELOAD_CMD:-}" ] || sh -c "$UNGVEJEN_RELOAD_CMD"; }

# Makes <id> live (`previous`: the release live before it), reloads, and only then records
# the switch in the history. On failure, both links go back to what the history says.
switch_to() {
    local id="$1" how="$2" live before error
    live="$(history_live)"
    before="$(history_before "$id")"
    if [ -n "$before" ]; then point previous "$before"; fi
    point current "$id"
    if ! reload; then
        point_at_history
        fail "the reload command failed: $UNGVEJEN_RELOAD_CMD – switched back"
    fi
    if ! error="$(record "$id" "$how" 2>&1)"; then
        point_at_history
        reload || true
        fail "cannot write $history (${error##*: }) – switched back"
    fi
    if [ -z "${UNGVEJEN_RELOAD_CMD:-}" ] && [ -n "$live" ] &&
        ! cmp -s "$releases_dir/$live/_nginx_headers.conf" "$releases_dir/$id/_nginx_headers.conf"; then
        say "WARNING: the security headers changed – reload nginx now (set UNGVEJEN_RELOAD_CMD to do it here)."
    fi
}

# Moves old releases out of the list atomically (a rename into the trash, same filesystem)
# before deleting them: a kill during `rm -rf` leaves nothing half-deleted among the releases.
retire() {
    mkdir -p "$trash"
    rm -f "$manifests/$1.sha256"
    mv -T "$releases_dir/$1" "$trash/$1"
}

# Left over by a publish that was killed (a running one would hold the lock).
rm -rf "$releases_dir"/.incoming-* "$trash" "$manifests"/*.tmp "$root"/.current.* "$root"/.previous.* \
    "$root"/logs/.write-test.* "$releases_dir"/.write-test.* "$manifests"/.write-test.*

# Publish roots from before the history was kept: `previous` and `current` have been live.
if [ ! -s "$history" ]; then
    for name in previous current; do
        old="$(link "$name")"
        if [[ $old =~ $id_pattern ]] && [ -d "$releases_dir/$old" ]; then
            [ -f "$manifests/$old.sha256" ] || seal "$releases_dir/$old" "$old" ||
                fail "cannot write the manifest of release $old"
            record "$old" adopt
        fi
    done
fi

if [ "$mode" = "list" ]; then
    live="$(history_live)"
    serving="$(link current)"
    previous="$(link previous)"
    note() { notes="${notes:+$notes, }$1"; }
    releases | while read -r id; do
        notes=""
        if [ "$id" = "$live" ]; then note "live"; fi
        if [ "$id" = "$serving" ] && [ "$id" != "$live" ]; then note "served, but its switch did not finish: roll back or publish"; fi
        if [ "$id" = "$previous" ]; then note "previous"; fi
        if ! has_been_live "$id"; then note "never live"; fi
        if [ ! -f "$manifests/$id.sha256" ]; then note "incomplete"; fi
        echo "$id${notes:+  ($notes)}"
    done
    exit 0
fi

if [ "$mode" = "rollback" ]; then
    live="$(history_live)"
    [ -n "$live" ] || fail "nothing has been published in $root – nothing to roll back"
    if [ -z "$target" ] && [ "$(link current)" != "$live" ]; then
        # A publish or rollback was killed after its switch: the last release that went live.
        target="$live" how="restore"
    elif [ -z "$target" ]; then
        target="$(stack | tail -n 2 | head -n 1)" how="back"
        [ "$target" != "$live" ] || fail "no release was live before $live – nothing to roll back to"
    else
        has_been_live "$target" || fail "release $target has never been live – only releases that have been live can be rolled back to (see --list)"
        how="to"
    fi
    if [ "$target" = "$live" ] && [ "$(link current)" = "$live" ]; then say "$target is already live"; exit 0; fi
    [ -d "$releases_dir/$target" ] || fail "release $target is no longer kept – nothing to roll back to"
    [ -f "$manifests/$target.sha256" ] || fail "release $target is incomplete (it has no manifest)"
    if ! problems="$(verify "$releases_dir/$target" "$manifests/$target.sha256")"; then
        missing="$(grep -cE ': FAILED( open or read)?$' <<<"$problems" || true)"
        first="$(grep -m 1 -E ': FAILED( open or read)?$' <<<"$problems" | sed -E 's/^\.\///; s/: FAILED.*//' || true)"
        fail "release $target is incomplete or damaged: $missing files are missing or changed (${first:-its manifest}, …)"
    fi
    was="$(link current)"
    switch_to "$target" "$how"
    say "rolled back: $target is live (was ${was:-nothing})."
    exit 0
fi

# --- publish ---------------------------------------------------------------------------
[ -f "$project/mkdocs.yml" ] || fail "no mkdocs.yml in $project"
project="$(cd "$project" && pwd)"
[ -x "$python" ] || fail "no Python at $python (run scripts/setup.sh, or set UNGVEJEN_PYTHON)"
# A read-only or full disk would otherwise show up later as a puzzling build or log error.
for folder in "$root/logs" "$releases_dir" "$manifests"; do
    problem="$(write_problem "$folder")"
    [ -z "$problem" ] || fail "cannot write to $folder: $problem"
done
taken() { [ -e "$releases_dir/$1" ] || grep -qs " $1 " "$history"; }
id="$(date -u +%Y%m%dT%H%M%SZ)"
n=1
while taken "$id"; do n=$((n + 1)); id="$(date -u +%Y%m%dT%H%M%SZ)-$n"; done
incoming="$releases_dir/.incoming-$id"
log="$root/logs/publish-$id.log"
check=""
trap 'rm -rf "$incoming" ${check:+"$check"}; rm -f "$manifests/$id.sha256.tmp"' EXIT

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

say "writing the manifest"
if ! error="$(seal "$incoming" "$id" 2>&1)"; then
    problem="$(write_problem "$manifests")"
    fail "cannot write the manifest of the new release: ${problem:-${error##*: }}"
fi
must "cannot rename the new release" mv -T "$incoming" "$releases_dir/$id"
switch_to "$id" publish
went_live="$id"
say "published: $id is live$( [ -L "$root/previous" ] && echo " (previous: $(link previous))")."

# Keep the last $keep releases on the rollback stack and `previous`; the rest – rolled back
# from, never live, incomplete – goes to the trash, which is then emptied.
wanted="$(stack | tail -n "$keep"; link previous)"
releases | while read -r old; do
    grep -qxF "$old" <<<"$wanted" || retire "$old"
done
rm -rf "$trash"
for manifest in "$manifests"/*.sha256; do
    old="$(basename "$manifest" .sha256)"
    if [ -f "$manifest" ] && [ ! -d "$releases_dir/$old" ]; then rm -f "$manifest"; fi
done
find "$root/logs" -name 'publish-*.log' -printf '%f\n' | LC_ALL=C sort | head -n -20 | while read -r old; do
    rm -f "$root/logs/$old"
done
say "roll back with: scripts/rollback.sh --root $(printf '%q' "$root")"
