"""Issues 9 and 14: publishing cannot break the live site – scripts/publish.sh, rollback, the link check.

A small project of its own (Material + mkdocs-static-i18n + our 404 and security-header
hooks) is published into a temporary publish root, served by Debian's nginx with deploy/,
and checked with HTTP requests: a broken page stops the publish and the live site stays
byte for byte the same; a rollback brings the previous release back.

The tests of rollback, cleanup and failure messages (issue 14) do not run MkDocs each time:
they publish with a stand-in for Python that copies one real build of the small project (the
`fast` fixture), so a publish takes about a second; the link check and nginx -t still run.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitekit import ROOT, run_build
from test_serving import Nginx

PUBLISH = ROOT / "scripts" / "publish.sh"
ROLLBACK = ROOT / "scripts" / "rollback.sh"
CHECK_LINKS = ROOT / "scripts" / "check_links.py"

MKDOCS_YML = """
site_name: Publish test
site_url: https://www.example.invalid/
strict: true
validation:
  links: {not_found: warn, anchors: warn, absolute_links: warn, unrecognized_links: warn}
theme:
  name: material
  language: da
  font: false
extra:
  ungvejen:
    exit_url: https://www.dmi.dk/
    audiences:
      unge: {review_every: 6 months}
plugins:
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: da, name: Dansk, default: true, build: true}
        - {locale: en, name: English, build: true}
hooks:
  - hooks/load_data.py
  - hooks/not_found.py
  - hooks/security_headers.py
"""


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "project")


def make_project(folder: Path) -> Path:
    shutil.copytree(ROOT / "hooks" / "_ungvejen", folder / "hooks" / "_ungvejen",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for hook in ("load_data.py", "not_found.py", "security_headers.py"):
        shutil.copy(ROOT / "hooks" / hook, folder / "hooks" / hook)
    # The build state needs the settings and the data files (the tiny site's, one theme page).
    shutil.copytree(ROOT / "data" / "schema", folder / "data" / "schema")
    for path in (ROOT / "tests" / "fixtures" / "tiny" / "data").glob("*.yml"):
        shutil.copy(path, folder / "data" / path.name)
    write(folder / "data" / "themes.yml", """
        themes:
          - {id: rusmidler, page: index.md, title: {da: Rusmidler, en: Drugs}, search_words: {da: [hash], en: [drugs]}}
    """)
    write(folder / "mkdocs.yml", MKDOCS_YML)
    write(folder / "docs" / "index.md", "# Forside\n\nUdgave 1\n\nLæs [om os](om.md#hvem).\n")
    write(folder / "docs" / "index.en.md", "# Home\n\nRelease 1\n\nRead [about us](om.md#hvem).\n")
    write(folder / "docs" / "om.md", "# Om os\n\n## Hvem\n\nSSP.\n")
    return folder


def publish(project: Path, root: Path, *arguments: str, env: dict | None = None,
            script: Path = PUBLISH, wrapper: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    environment = {**os.environ, "UNGVEJEN_PUBLISH_ROOT": str(root), "UNGVEJEN_PROJECT": str(project),
                   **(env or {})}
    # A session of its own: a test may kill the publish with `kill -KILL 0` (its process group).
    return subprocess.run([*wrapper, "bash", str(script), *arguments], capture_output=True, text=True,
                          env=environment, timeout=300, start_new_session=True)


def ok(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def failure(result: subprocess.CompletedProcess) -> str:
    """The one line `publish: FAILED – <reason>` that every failed publish or rollback prints."""
    lines = [line for line in (result.stdout + result.stderr).splitlines()
             if line.startswith("publish: FAILED – ")]
    assert result.returncode != 0 and len(lines) == 1, \
        f"exit {result.returncode}, {len(lines)} FAILED lines:\n{result.stdout}{result.stderr}"
    return lines[0]


def release_id(result: subprocess.CompletedProcess) -> str:
    return re.search(r"building release (\S+)", result.stdout).group(1)


def live(root: Path) -> str:
    return os.readlink(root / "current")


def releases(root: Path) -> list[str]:
    return sorted(path.name for path in (root / "releases").iterdir())


def label(root: Path, link: str = "current") -> str:
    """Which fast build is behind `current` (or `previous`): see FAST_PYTHON."""
    return (root / link / "label.txt").read_text(encoding="utf-8").strip()


FAST_PYTHON = """#!/usr/bin/env bash
# Stands in for Python in scripts/publish.sh: `-m mkdocs build … --site-dir DIR` copies a site
# that was built once and writes $UNGVEJEN_TEST_LABEL into DIR/label.txt; the rest runs Python.
if [ "${{1:-}} ${{2:-}} ${{3:-}}" = "-m mkdocs build" ]; then
    while [ $# -gt 1 ]; do
        if [ "$1" = --site-dir ]; then site="$2"; fi
        shift
    done
    cp -r '{site}' "$site" && printf '%s\\n' "${{UNGVEJEN_TEST_LABEL:-}}" >"$site/label.txt"
    exit
fi
exec '{python}' "$@"
"""


@dataclass
class FastBuild:
    python: Path
    project: Path

    def publish(self, root: Path, *arguments: str, label: str = "", env: dict | None = None,
                script: Path = PUBLISH) -> subprocess.CompletedProcess:
        return publish(self.project, root, *arguments, script=script,
                       env={"UNGVEJEN_PYTHON": str(self.python), "UNGVEJEN_TEST_LABEL": label, **(env or {})})

    def rollback(self, root: Path, *arguments: str, env: dict | None = None) -> subprocess.CompletedProcess:
        return self.publish(root, *arguments, env=env, script=ROLLBACK)


@pytest.fixture(scope="module")
def fast(tmp_path_factory) -> FastBuild:
    """Publishing without a MkDocs build each time: one real build of the small project, copied."""
    folder = tmp_path_factory.mktemp("fast-build")
    project = make_project(folder / "project")
    built = run_build(project, folder / "site")
    assert built.ok, built.output[-3000:]
    python = folder / "python"
    python.write_text(FAST_PYTHON.format(site=folder / "site", python=sys.executable), encoding="utf-8")
    python.chmod(0o755)
    return FastBuild(python, project)


def test_broken_page_never_reaches_the_live_site_and_rollback_restores(project, tmp_path):
    root = tmp_path / "publish"
    first = publish(project, root)
    assert first.returncode == 0, first.stdout + first.stderr
    assert (root / "current" / "_nginx_headers.conf").is_file()
    release_1 = live(root)

    server = Nginx(root, tmp_path)
    reload = {"UNGVEJEN_RELOAD_CMD": server.reload_command}
    try:
        status, headers, body = server.get("/")
        assert status == 200 and "Udgave 1" in body.decode()
        assert "content-security-policy" in headers

        write(project / "docs" / "index.md", "# Forside\n\nUdgave 2\n\nLæs [om os](om.md#hvem).\n")
        second = publish(project, root, env=reload)
        assert second.returncode == 0, second.stdout + second.stderr
        release_2 = live(root)
        assert release_2 != release_1 and os.readlink(root / "previous") == release_1
        status, _, served_2 = server.get("/")
        assert status == 200 and "Udgave 2" in served_2.decode()
        # A page loaded just before the switch may still ask for the old release's hashed files.
        old_asset = root / release_1 / "assets" / "javascripts" / "gammel.0123abcd.min.js"
        old_asset.write_text("/* old */", encoding="utf-8")
        assert server.get("/assets/javascripts/gammel.0123abcd.min.js")[::2] == (200, b"/* old */")

        # A link to a page that does not exist: the strict build stops.
        write(project / "docs" / "index.md", "# Forside\n\nUdgave 3\n\n[Væk](findes-ikke.md)\n")
        broken = publish(project, root, env=reload)
        assert broken.returncode != 0
        assert "findes-ikke.md" in broken.stderr and "strict build" in broken.stderr
        assert "live site is unchanged" in broken.stderr
        assert live(root) == release_2 and server.get("/")[2] == served_2

        # An anchor the build cannot see (raw HTML): the link check stops it.
        write(project / "docs" / "index.md", '# Forside\n\nUdgave 4\n\n<a href="#findes-ikke">Væk</a>\n')
        broken = publish(project, root, env=reload)
        assert broken.returncode != 0
        assert 'has no element with id "findes-ikke"' in broken.stderr and "live site is unchanged" in broken.stderr
        assert live(root) == release_2 and server.get("/")[2] == served_2
        assert releases(root) == sorted([release_1.split("/")[-1], release_2.split("/")[-1]])

        rolled = publish(project, root, env=reload, script=ROLLBACK)
        assert rolled.returncode == 0, rolled.stdout + rolled.stderr
        assert live(root) == release_1 and os.readlink(root / "previous") == release_2
        status, _, body = server.get("/")
        assert status == 200 and "Udgave 1" in body.decode()

        nothing_older = publish(project, root, "--rollback", env=reload)
        assert nothing_older.returncode != 0 and "nothing to roll back to" in nothing_older.stderr
        assert live(root) == release_1

        forward = publish(project, root, "--rollback", release_2.split("/")[-1], env=reload)
        assert forward.returncode == 0, forward.stderr
        assert "Udgave 2" in server.get("/")[2].decode()
    finally:
        server.stop()


def test_old_releases_are_pruned_and_a_failed_reload_switches_back(fast, tmp_path):
    root = tmp_path / "publish"
    for number in range(3):
        ok(fast.publish(root, "--keep", "2", label=str(number)))
    kept = releases(root)
    assert len(kept) == 2 and live(root) == f"releases/{kept[-1]}"

    previous = os.readlink(root / "previous")
    failed = fast.publish(root, env={"UNGVEJEN_RELOAD_CMD": "false"})
    assert failed.returncode != 0 and "reload command failed" in failed.stderr
    assert live(root) == f"releases/{kept[-1]}" and os.readlink(root / "previous") == previous


# --- issue 14: rollback goes back through what was live; hostile and careless input ----------


def test_rollback_goes_back_through_what_was_live_not_by_release_names(fast, tmp_path):
    """Publish A, B, C; roll back twice (A is live); publish D; roll back: A, not C."""
    root = tmp_path / "publish"
    for name in "ABC":
        ok(fast.publish(root, label=name))
    ok(fast.rollback(root))
    ok(fast.rollback(root))
    assert label(root) == "A"
    ok(fast.publish(root, label="D"))
    ok(fast.rollback(root))
    assert label(root) == "A" and label(root, "previous") == "D"
    # One line per switch that went live: time, release id, how.
    history = (root / "history").read_text(encoding="utf-8").splitlines()
    assert [line.split()[2] for line in history] == ["publish"] * 3 + ["back"] * 2 + ["publish", "back"]
    assert "nothing to roll back to" in failure(fast.rollback(root))
    assert label(root) == "A"


def test_a_release_whose_reload_failed_is_never_rolled_back_to(fast, tmp_path):
    root = tmp_path / "publish"
    ok(fast.publish(root, label="A"))
    ok(fast.publish(root, label="B"))
    reload_failed = fast.publish(root, label="C", env={"UNGVEJEN_RELOAD_CMD": "false"})
    assert "reload command failed" in failure(reload_failed) and label(root) == "B"
    ok(fast.publish(root, label="D"))
    ok(fast.rollback(root))
    assert label(root) == "B"
    refused = failure(fast.rollback(root, release_id(reload_failed)))
    assert "has never been live" in refused and label(root) == "B"


def test_a_kill_between_switch_and_reload_counts_as_not_live_and_previous_stays_right(fast, tmp_path):
    root = tmp_path / "publish"
    ok(fast.publish(root, label="A"))
    ok(fast.publish(root, label="B"))
    # Killed while the reload runs: `current` already points at C, nginx never loaded C's headers.
    killed = fast.publish(root, label="C", env={"UNGVEJEN_RELOAD_CMD": "kill -KILL 0"})
    assert killed.returncode == -9 and label(root) == "C"
    # Rolling back undoes the unfinished switch: B, the last release that went live; `previous` is
    # the one live before B.
    ok(fast.rollback(root))
    assert label(root) == "B" and label(root, "previous") == "A"
    ok(fast.publish(root, label="D"))
    assert label(root, "previous") == "B"
    ok(fast.rollback(root))
    assert label(root) == "B"
    ok(fast.rollback(root))
    assert label(root) == "A"
    assert "has never been live" in failure(fast.rollback(root, release_id(killed)))
    # The same kill followed by a publish: `previous` is B, not the never-reloaded C.
    killed = fast.publish(root, label="E", env={"UNGVEJEN_RELOAD_CMD": "kill -KILL 0"})
    assert killed.returncode == -9 and label(root) == "E"
    ok(fast.publish(root, label="F"))
    assert label(root, "previous") == "A"


def test_rollback_takes_only_release_ids(fast, tmp_path):
    root = tmp_path / "publish"
    ok(fast.publish(root, label="A"))
    release_a = live(root)
    write(tmp_path / "evil" / "index.html", "<h1>Not ours</h1>")
    write(root / "releases" / "notes" / "index.html", "<h1>Not a release</h1>")
    for target in ("../../evil", str(tmp_path / "evil"), "20261130T101530Z/../../../evil", "..", "notes"):
        line = failure(fast.rollback(root, target))
        assert "not a release id" in line, target
        assert live(root) == release_a


def test_rollback_refuses_a_release_with_missing_files(fast, tmp_path):
    """What a kill during `rm -rf` of an old release (before issue 14) left: index.html, no CSS/JS."""
    root = tmp_path / "publish"
    first = ok(fast.publish(root, label="A"))
    ok(fast.publish(root, label="B"))
    shutil.rmtree(root / "releases" / release_id(first) / "assets")
    line = failure(fast.rollback(root))
    assert "missing or changed" in line and "assets/" in line
    assert label(root) == "B"


KILLING_RM = """#!/usr/bin/env bash
# `rm` that deletes the assets of a release it is asked to delete, then kills the publish
# (its whole process group): a kill in the middle of `rm -rf`.
for path in "$@"; do
    if [ -d "$path" ] && [ -n "$(find "$path" -name index.html -print -quit)" ]; then
        find "$path" -type d -name assets -prune -exec /bin/rm -rf {} +
        kill -KILL 0
    fi
done
exec /bin/rm "$@"
"""


def test_a_kill_while_old_releases_are_deleted_leaves_no_partial_release(fast, tmp_path):
    root = tmp_path / "publish"
    first = ok(fast.publish(root, "--keep", "1", label="A"))
    ok(fast.publish(root, "--keep", "1", label="B"))
    write(tmp_path / "bin" / "rm", KILLING_RM)
    (tmp_path / "bin" / "rm").chmod(0o755)
    # C goes live, then the cleanup deletes A (neither kept nor `previous`) and is killed.
    killed = fast.publish(root, "--keep", "1", label="C",
                          env={"PATH": f"{tmp_path / 'bin'}:{os.environ['PATH']}"})
    assert killed.returncode == -9 and label(root) == "C"
    release_a = release_id(first)
    assert release_a not in releases(root)
    # Whole ids: a release made in the same second as another is called <id>-2.
    assert release_a not in ok(fast.publish(root, "--list")).stdout.split()
    assert "no longer kept" in failure(fast.rollback(root, release_a)) and label(root) == "C"
    ok(fast.rollback(root))
    assert label(root) == "B"
    assert "no longer kept" in failure(fast.rollback(root)) and label(root) == "B"
    # The next publish empties the trash.
    ok(fast.publish(root, label="D"))
    assert not (root / "releases" / ".trash").exists()


def test_every_refusal_is_one_failed_line_before_anything_is_built(fast, tmp_path):
    root = tmp_path / "publish"
    ok(fast.publish(root, label="A"))
    release_a = live(root)
    for arguments, env, words in (
        (["--keep", "abc"], {}, "--keep"),
        (["--keep", "0"], {}, "--keep"),
        ([], {"UNGVEJEN_KEEP": "5x"}, "--keep"),
        (["--keep"], {}, "--keep needs a value"),
        (["--root"], {}, "--root needs a value"),
        (["--publish-now"], {}, "unknown option '--publish-now'"),
        (["--rollback", "--list"], {}, "either"),
    ):
        line = failure(fast.publish(root, *arguments, label="B", env=env))
        assert words in line, (arguments, line)
        assert live(root) == release_a and len(releases(root)) == 1, arguments
    assert "--root needs a value" in failure(fast.rollback(root, "--root"))
    assert "one release id" in failure(fast.rollback(root, "20261130T101530Z", "20261130T101531Z"))
    with open(root / ".publish.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert "another publish or rollback is running" in failure(fast.publish(root, label="B"))
        assert "another publish or rollback is running" in failure(fast.rollback(root))
    assert live(root) == release_a and len(releases(root)) == 1


def test_a_publish_root_with_spaces_works(fast, tmp_path):
    root = tmp_path / "publish root" / "Ung Vejen"
    ok(fast.publish(root, label="A"))
    ok(fast.publish(root, label="B"))
    ok(fast.rollback(root))
    assert label(root) == "A" and label(root, "previous") == "B"
    listed = ok(fast.publish(root, "--list")).stdout.splitlines()
    assert len(listed) == 2 and sum("(live)" in line for line in listed) == 1


def _can_unshare() -> bool:
    """A user and mount namespace of our own: tmpfs mounts without privileges (Linux ≥ 3.8)."""
    try:
        return subprocess.run(["unshare", "--map-root-user", "--mount", "true"],
                              capture_output=True).returncode == 0
    except FileNotFoundError:
        return False


@pytest.mark.parametrize("folder, options, reason", [
    ("logs", "ro", "Read-only file system"),
    ("logs", "size=4k,fill", "No space left on device"),
    (".", "size=64k,fill", "No space left on device"),
    ("releases", "size=1m", "No space left on device"),
], ids=["read-only-logs", "full-logs", "full-disk", "disk-full-during-build"])
def test_a_read_only_or_full_disk_is_named_as_the_reason(project, tmp_path, folder, options, reason):
    """A tmpfs (read-only, full, or too small for the build) mounted over part of the publish root."""
    if not _can_unshare():
        pytest.skip("needs `unshare --map-root-user --mount` (user namespaces) to mount a small tmpfs")
    root = tmp_path / "publish"
    (root / folder).mkdir(parents=True, exist_ok=True)
    mount_options, fill = options.removesuffix(",fill"), options.endswith(",fill")
    setup = (f'mount -t tmpfs -o {mount_options} tmpfs "$0"/{folder} || exit 99\n'
             + ('head -c 100M /dev/zero >"$0"/' + folder + '/filler 2>/dev/null\n' if fill else "")
             + 'exec "$@"')
    wrapper = ("unshare", "--map-root-user", "--mount", "bash", "-c", setup, str(root))
    result = publish(project, root, wrapper=wrapper)
    assert result.returncode != 99, result.stderr
    line = failure(result)
    assert reason in line and "strict build" not in line, line
    assert not (root / "current").exists()


# --- the link checker on its own --------------------------------------------------------------


def test_link_checker_finds_missing_pages_and_anchors(tmp_path):
    site = tmp_path / "site"
    write(site / "index.html", """
        <link rel="canonical" href="https://www.example.invalid/">
        <a href="om/">ok</a> <a href="om/#hvem">ok</a> <a href="om">ok: the server adds the slash</a>
        <a href="#top">ok</a> <span id="top"></span> <a href="https://www.example.invalid/om/#hvem">ok</a>
        <a href="https://other.invalid/x">other host</a> <a href="mailto:a@b.invalid">mail</a>
        <a href="om/#hvor">missing anchor</a> <a href="findes-ikke/">missing page</a>
        <img src="billede.png" alt=""> <a href="https://www.example.invalid/væk/">missing, absolute</a>
    """)
    write(site / "om" / "index.html", '<h2 id="hvem">Hvem</h2><a href="../index.html#top">ok</a>')
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), str(CHECK_LINKS), str(site)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    problems = sorted(result.stdout.splitlines())
    assert len(problems) == 4, result.stdout
    assert any('href="om/#hvor"' in line and 'no element with id "hvor"' in line for line in problems)
    assert any('href="findes-ikke/"' in line and "does not exist" in line for line in problems)
    assert any('src="billede.png"' in line for line in problems)
    assert any("/væk/" in line for line in problems)


def test_real_site_passes_the_publish_link_check(site):
    """What scripts/publish.sh checks before the real site may go live."""
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), str(CHECK_LINKS), str(site)],
                            capture_output=True, text=True)
    assert result.returncode == 0, f"publish.sh would refuse this site:\n{result.stdout}"


def test_build_stops_on_what_the_csp_would_block(project, tmp_path):
    from sitekit import run_build

    write(project / "docs" / "om.md", """
        # Om os

        ## Hvem

        <p style="color: red">Rød</p>
        <button onclick="alert(1)">Tryk</button>
        <script src="https://cdn.example.invalid/x.js"></script>
    """)
    result = run_build(project, tmp_path / "site")
    assert not result.ok
    problems = [line for line in result.output.splitlines() if "Content-Security-Policy" in line]
    assert len(problems) == 3, result.output[-3000:]
    assert all("docs/om.md:" in line and "Sådan retter du" in line for line in problems)
