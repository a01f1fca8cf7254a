"""Build-time benchmark: our site against a plain Material + mkdocs-static-i18n build of the
same Markdown without our hooks, a generated 400-page × 2-language variant of our site, and
our six-language site against the same site with only Danish and English (issue 18: the
parents' languages may cost at most 0.5 × the two-language build).

Run: .venv/bin/python bench/build_speed.py   (prints a table; ratios are measured in this run)
     .venv/bin/python bench/build_speed.py --languages   (only the six- against two-language figure)
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import material
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from sitekit import make_project  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
GENERATED_PAGES = int(os.environ.get("BENCH_PAGES", "400"))


def timed_build(project: Path, strict: bool = True) -> float:
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site), "--strict" if strict else "--no-strict"]
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=project, capture_output=True, text=True,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    elapsed = time.perf_counter() - start
    shutil.rmtree(site, ignore_errors=True)
    if completed.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{completed.stdout[-2000:]}{completed.stderr[-2000:]}")
    return elapsed


def median_build(project: Path, strict: bool = True) -> float:
    timed_build(project, strict)  # warm-up: imports, page caches, the lesson-PDF cache
    return statistics.median(timed_build(project, strict) for _ in range(RUNS))


def paired_builds(ours: Path, plain: Path) -> tuple[float, float, float]:
    """Our build and plain Material's, in turn (A B A B ...): the median of each and the median
    of the pair-by-pair ratios, which stays meaningful when the machine's speed drifts."""
    timed_build(ours), timed_build(plain, strict=False)  # warm-up: caches, imports
    pairs = [(timed_build(ours), timed_build(plain, strict=False)) for _ in range(RUNS)]
    return (statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs),
            statistics.median(a / b for a, b in pairs))


def page_count(project: Path) -> int:
    return sum(1 for _ in (project / "docs").rglob("*.md"))


def plain_variant(tmp: Path, material_search: bool = False) -> Path:
    """The same Markdown and assets with Material + static-i18n only: no hooks, no overrides
    (with `material_search`, also Material's own search plugin, as Material ships by default)."""
    project = make_project(tmp, copy_docs=True)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(config)
    data.pop("hooks", None)
    if material_search:
        data["plugins"].insert(0, "search")
    data["theme"].pop("custom_dir", None)
    # Without our overrides there is no partials/languages/so.html (Material has no Somali):
    # such a language gets Material's English labels.
    material_languages = Path(material.__file__).parent / "templates" / "partials" / "languages"
    for plugin in data["plugins"]:
        for language in (plugin.get("i18n", {}).get("languages", []) if isinstance(plugin, dict) else []):
            if not (material_languages / f"{language['locale']}.html").exists():
                language["theme"] = {"language": "en"}
    data["not_in_nav"] = "/redaktoer/**"
    (project / "mkdocs.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


def large_variant(tmp: Path, pages: int) -> Path:
    """Our site plus generated theme pages (copies of the real ones) in both languages."""
    project = make_project(tmp, copy_docs=True)
    sources = sorted((project / "docs" / "temaer").glob("*.md"))
    danish = [p for p in sources if not p.name.endswith(".en.md")]
    target = project / "docs" / "ekstra"
    target.mkdir()
    names = []
    for index in range(pages):
        source = danish[index % len(danish)]
        name = f"side-{index:03d}"
        for suffix in ("", ".en"):
            text = (source.with_name(source.stem + suffix + ".md")).read_text(encoding="utf-8")
            text = re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)} {index}", text, count=1, flags=re.M)
            text = re.sub(r"^# (.*)$", lambda m: f"# {m.group(1)} {index}", text, count=1, flags=re.M)
            text = text.replace("](", "](../temaer/").replace("](../temaer/../", "](../")
            (target / f"{name}{suffix}.md").write_text(text, encoding="utf-8")
        names.append(f"ekstra/{name}.md")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"].append({"Ekstra": names})
    # Generated copies share descriptions and links; keep the benchmark about time, not content checks.
    config["strict"] = False
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


def two_language_variant(tmp: Path) -> Path:
    """Our site with the parents' languages (extra.ungvejen.parent_languages) not built."""
    project = make_project(tmp, copy_docs=True)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    parents = set(config["extra"]["ungvejen"]["parent_languages"]["languages"])
    plugin = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    for language in plugin["languages"]:
        if language["locale"] in parents:
            language["build"] = False
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


def timed_build_cpu(project: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, the build and what it starts, Pagefind too)
    of one strict build: CPU time says what a build costs when the machine is busy."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = timed_build(project)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def language_cost(tmp: Path) -> dict:
    six = make_project(tmp / "six", copy_docs=True)
    two = two_language_variant(tmp / "two")
    timed_build(six), timed_build(two)  # warm-up: caches, imports
    pairs = [(timed_build_cpu(six), timed_build_cpu(two)) for _ in range(RUNS)]
    wall_six, wall_two = (statistics.median(p[i][0] for p in pairs) for i in (0, 1))
    cpu_six, cpu_two = (statistics.median(p[i][1] for p in pairs) for i in (0, 1))
    wall_ratio = statistics.median(a[0] / b[0] for a, b in pairs)
    cpu_ratio = statistics.median(a[1] / b[1] for a, b in pairs)
    print(f"Build cost of the parents' languages (median of {RUNS} paired warm builds; goal ≤ 1.50 × two languages)")
    print(f"  Danish and English only                      : {wall_two:6.2f} s wall, {cpu_two:6.2f} s CPU")
    print(f"  six languages (+ ar, uk, pl, so)             : {wall_six:6.2f} s wall, {cpu_six:6.2f} s CPU")
    print(f"  ratio six / two                              : {wall_ratio:6.2f} × wall, {cpu_ratio:.2f} × CPU")
    print(f"  load average at the end: {os.getloadavg()[0]:.2f} (wall times depend on what else runs)")
    return {"six_s": wall_six, "two_s": wall_two, "languages_ratio": wall_ratio, "languages_cpu_ratio": cpu_ratio}


def main() -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="bench-build-"))
    ours = make_project(tmp / "ours", copy_docs=True)
    plain = plain_variant(tmp / "plain")
    plain_search = plain_variant(tmp / "plain-search", material_search=True)
    large = large_variant(tmp / "large", GENERATED_PAGES)
    t_ours, t_plain_search, ratio_vs_search = paired_builds(ours, plain_search)
    _, t_plain, ratio = paired_builds(ours, plain)
    t_large = median_build(large, strict=False)
    n_ours, n_large = page_count(ours), page_count(large)
    figures = {
        "ours_s": t_ours, "plain_s": t_plain, "ratio": ratio,
        "plain_search_s": t_plain_search, "ratio_vs_search": ratio_vs_search,
        "pages": n_ours, "large_pages": n_large, "large_s": t_large,
        "per_page_ms": 1000 * t_ours / n_ours, "large_per_page_ms": 1000 * t_large / n_large,
        "scaling": (t_large / t_ours) / (n_large / n_ours),
    }
    print(f"Build time (median of {RUNS} warm builds, 2 languages; ratios: median of paired runs)")
    print(f"  plain Material + static-i18n, same Markdown : {t_plain:6.2f} s")
    print(f"  plain + Material's own search (its default)  : {t_plain_search:6.2f} s")
    print(f"  UngVejen with all hooks                      : {t_ours:6.2f} s  = {figures['ratio']:.2f} × plain, "
          f"{figures['ratio_vs_search']:.2f} × plain with search (goal ≤ 1.30)")
    print(f"  UngVejen, {n_ours} source pages                  : {figures['per_page_ms']:6.1f} ms per source page")
    print(f"  generated variant, {n_large} source pages       : {t_large:6.2f} s, {figures['large_per_page_ms']:.1f} ms per page"
          f" = {figures['scaling']:.2f} × the real site's time per page (1.00 = linear)")
    print(f"  load average at the end: {os.getloadavg()[0]:.2f} (build times depend on what else runs)")
    figures.update(language_cost(tmp / "languages"))
    shutil.rmtree(tmp, ignore_errors=True)
    return figures


if __name__ == "__main__":
    if "--languages" in sys.argv[1:]:
        folder = Path(tempfile.mkdtemp(prefix="bench-build-"))
        language_cost(folder)
        shutil.rmtree(folder, ignore_errors=True)
    else:
        main()
