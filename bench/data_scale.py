"""Data validation at scale: load + validate data/*.yml with 50, 500 and 5,000 extra contacts.

Run: .venv/bin/python bench/data_scale.py [--build] [COUNT ...]

Each extra contact is a copy of a real person in data/contacts.yml with its own id, spread over
the real themes. Printed per count: the time `load_site_data` takes (CPU time of this process,
best of BENCH_RUNS, and wall-clock time, which depends on what else runs), split into its phases
(YAML with the positions of the values, JSON Schema, cross-checks), the time per contact, and the same with every
extra contact holding three mistakes (the error path: problems, Danish texts, "did you mean").
"ms/contact" is the time each extra contact adds (the time without extra contacts taken off);
"vs most" compares it with the largest count's: about 1.0 at every count = linear (with 50
contacts the time added is a few milliseconds, within this machine's noise).
With --build, the real site is also built strictly without and with the extra contacts (wall
and CPU time of the build process), from cold caches and again warm, and the time the
contacts add is printed for both. A contact list on
a page or in a PDF shows at most `contacts_per_list` contacts; only the contact page lists all.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]

import yaml  # noqa: E402

from _ungvejen import data as data_module  # noqa: E402
from _ungvejen import yamlsource  # noqa: E402
from _ungvejen.problems import ProblemReport  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
COUNTS = (50, 500, 5000)


def extra_contacts(count: int, mistakes: bool = False) -> str:
    themes = [theme["id"] for theme in yaml.safe_load((ROOT / "data" / "themes.yml").read_text(encoding="utf-8"))["themes"]]
    rows = []
    for index in range(count):
        theme = themes[index % len(themes)]
        rows.append(f"""\
  - id: ekstra-{index}
    kind: {"persn" if mistakes else "person"}
    name: {{da: "Person Nummer {index}", en: "Person Number {index}"}}
    role: {{da: "SSP-konsulent, {theme}", en: "SSP consultant, {theme}"}}
    phone: "24 43 {index % 100:02d} {(index // 100) % 100:02d}"
    email: ekstra{index}@vejen.dk
    audiences: [unge, foraeldre, fagpersoner]
    themes: [{theme + ("x" if mistakes else "")}]
    who_is_told: {{da: "Kun SSP-konsulenten.", en: "Only the SSP consultant."}}
    urgency: {"raad!" if mistakes else "raad"}
    source: "https://www.vejen.dk/"
    last_verified: 2026-11-28
""")
    return "".join(rows)


def project(tmp: Path, count: int, mistakes: bool = False, whole_site: bool = False) -> Path:
    root = tmp / f"{count}{'-fejl' if mistakes else ''}{'-site' if whole_site else ''}"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "docs", root / "docs")
    if whole_site:
        shutil.copytree(ROOT / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(ROOT / "overrides", root / "overrides")
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    contacts = root / "data" / "contacts.yml"
    contacts.write_text(contacts.read_text(encoding="utf-8").rstrip("\n") + "\n" + extra_contacts(count, mistakes),
                        encoding="utf-8")
    return root


class Phases:
    """CPU time per phase of load_site_data, measured by wrapping the functions it calls."""

    def __init__(self):
        self.seconds = {"YAML": 0.0, "schema": 0.0, "cross-checks": 0.0}

    def wrap(self, module, name, phase):
        original = getattr(module, name)

        def timed(*args, **kwargs):
            started = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[phase] += time.process_time() - started
        setattr(module, name, timed)
        return lambda: setattr(module, name, original)


def load(root: Path) -> tuple[float, float, int, dict]:
    phases = Phases()
    undo = [phases.wrap(yamlsource, "_parse", "YAML"), phases.wrap(data_module, "schema_problems", "schema"), phases.wrap(data_module, "_cross_check", "cross-checks")]
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        data_module.load_site_data(root)
        problems = 0
    except ProblemReport as report:
        problems = len(report.problems)
    finally:
        for restore in undo:
            restore()
    return time.process_time() - cpu, time.perf_counter() - wall, problems, phases.seconds


def best(root: Path) -> tuple[float, float, int, dict]:
    return min((load(root) for _ in range(RUNS)), key=lambda result: result[0])


WARM_RUNS = int(os.environ.get("BENCH_WARM_RUNS", "3"))


def _timed_build(root: Path, tmp: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one strict build of the project at `root`, temp folder `tmp`.
    Not quiet (-q): MkDocs' --quiet also keeps --strict from counting the warnings."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    completed = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / "site")],
                               cwd=root, capture_output=True, text=True,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp)})
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode:
        raise SystemExit(f"build failed:\n{completed.stdout[-2000:]}{completed.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cold_build(root: Path) -> tuple[float, float]:
    """The first build: a temp folder of its own, so the build's caches (lesson PDFs, compressed
    copies, made files; see hooks/_ungvejen/compression.py and filestore.py) start empty for
    every count alike. Later builds of `root` use the same folder: warm, as an editor's rebuild."""
    (root / "tmp").mkdir()
    return _timed_build(root, root / "tmp")


def warm_pairs(base: Path, root: Path) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """WARM_RUNS pairs of warm builds, the site alone then with the contacts: this machine's speed
    drifts by up to 2 × within minutes, so each difference is taken within its pair."""
    return [(_timed_build(base, base / "tmp"), _timed_build(root, root / "tmp")) for _ in range(WARM_RUNS)]


def main(argv: list[str]) -> dict:
    with_build = "--build" in argv
    counts = [int(arg) for arg in argv if arg.isdigit()] or list(COUNTS)
    tmp = Path(tempfile.mkdtemp(prefix="bench-data-"))
    figures: dict = {}
    print(f"load_site_data with extra contacts (CPU time, best of {RUNS}; wall time of that run)")
    print(f"{'contacts':>9} {'CPU s':>7} {'wall s':>7} {'YAML':>6} {'schema':>7} {'cross':>6}"
          f" {'ms/contact':>11} {'vs most':>8}   with 3 mistakes each: {'CPU s':>6} {'problems':>8} {'vs most':>8}")
    base = best(project(tmp, 0))[0]
    print(f"{0:>9} {base:7.2f}   (the real data alone)")
    for count in counts:
        cpu, wall, _, phases = best(project(tmp, count))
        bad_cpu, _, problems, _ = best(project(tmp, count, mistakes=True))
        figures[count] = {"base_cpu_s": base, "cpu_s": cpu, "wall_s": wall, "phases": phases, "errors_cpu_s": bad_cpu,
                          "problems": problems, "per_contact_s": (cpu - base) / count, "errors_per_contact_s": (bad_cpu - base) / count}
    most = figures[max(counts)]
    for count in counts:
        row, phases = figures[count], figures[count]["phases"]
        print(f"{count:>9} {row['cpu_s']:7.2f} {row['wall_s']:7.2f} {phases['YAML']:6.2f} {phases['schema']:7.2f}"
              f" {phases['cross-checks']:6.2f} {1000 * row['per_contact_s']:11.2f} {row['per_contact_s'] / most['per_contact_s']:8.2f}"
              f"   {'':>21}{row['errors_cpu_s']:6.2f} {row['problems']:>8}"
              f" {row['errors_per_contact_s'] / most['errors_per_contact_s']:8.2f}")
    if with_build:
        print("\nStrict build of the real site with the extra contacts (wall / CPU seconds of the build process)."
              "\ncold: empty caches (the first build on a machine); one build per count, so its 'added' also"
              "\ncarries the drift of this machine's speed between builds minutes apart."
              f"\nwarm: the next builds, as an editor's rebuild; {WARM_RUNS} pairs (the site alone, then with the contacts),"
              "\nmedians of the pairs' differences and ratios. 'added' = with contacts minus without."
              "\nGoal: linear (ms per contact about the same), 5,000 adding < 10 s.")
        base = project(tmp, 0, whole_site=True)
        base_wall, base_cpu = cold_build(base)
        figures["build_base"] = {"cold_wall_s": base_wall, "cold_cpu_s": base_cpu}
        print(f"{0:>9} contacts: cold {base_wall:6.1f} s wall {base_cpu:6.1f} s CPU   (the real site alone)")
        for count in counts:
            root = project(tmp, count, whole_site=True)
            cold_wall, cold_cpu = cold_build(root)
            pairs = warm_pairs(base, root)
            warm_wall = statistics.median(with_[0] - alone[0] for alone, with_ in pairs)
            warm_cpu = statistics.median(with_[1] - alone[1] for alone, with_ in pairs)
            ratio = statistics.median(with_[0] / alone[0] for alone, with_ in pairs)
            alone_wall = statistics.median(alone[0] for alone, _ in pairs)
            with_wall = statistics.median(with_[0] for _, with_ in pairs)
            figures[count].update(cold_wall_s=cold_wall, cold_cpu_s=cold_cpu, cold_added_cpu_s=cold_cpu - base_cpu,
                                  warm_alone_wall_s=alone_wall, warm_wall_s=with_wall, warm_added_wall_s=warm_wall,
                                  warm_added_cpu_s=warm_cpu, warm_ratio=ratio)
            print(f"{count:>9} contacts: cold {cold_wall:6.1f} s wall {cold_cpu:6.1f} s CPU, added {cold_cpu - base_cpu:5.1f} s CPU;"
                  f" warm {with_wall:5.1f} s wall against {alone_wall:5.1f} s alone ({ratio:4.2f} ×),"
                  f" added {warm_wall:5.1f} s wall {warm_cpu:5.1f} s CPU ({1000 * warm_cpu / count:5.2f} ms each)")
    print(f"load average at the end: {os.getloadavg()[0]:.2f} (wall times depend on what else runs)")
    shutil.rmtree(tmp, ignore_errors=True)
    return figures


if __name__ == "__main__":
    main(sys.argv[1:])
