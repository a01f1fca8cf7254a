"""All benchmarks in one run, each against its baseline measured in the same run:

    .venv/bin/python bench/run.py

1. build time        bench/build_speed.py   – ours vs plain Material + static-i18n, and a generated
                                              large variant (BENCH_RUNS builds, BENCH_PAGES pages)
2. page weight       bench/page_weight.py   – bytes and requests of /, /temaer/rusmidler/,
                                              /faa-hjaelp-nu/ through nginx, vs plain Material
3. Lighthouse        bench/lighthouse.py    – the same pages, same servers (BENCH_LH_RUNS runs)
4. search weight     bench/search_weight.py – if present: Pagefind vs Material's lunr search
5. serving speed     bench/serving_speed.py – requests/s for /temaer/rusmidler/ through nginx with
                                              the build's pre-compressed copies vs on-the-fly gzip
                                              (wrk, BENCH_SERVE_SECONDS), and the bytes saved

Environment (defaults chosen so a run takes about 5–7 minutes on 2 cores):
  BENCH_RUNS=3       warm builds per site for the median build time
  BENCH_PAGES=100    generated pages (× 2 languages) in the large build variant
  BENCH_LH_RUNS=3    Lighthouse runs per page (median; one run's performance score swings by ±10
                     when other processes use the CPU)
  BENCH_SERVE_SECONDS=10  seconds of wrk load per nginx configuration
  BENCH_SKIP=…       comma-separated parts to leave out: build,weight,lighthouse,search,serving
The figures are also written to bench/out/run.json (gitignored).
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

os.environ.setdefault("BENCH_RUNS", "3")
os.environ.setdefault("BENCH_PAGES", "100")
os.environ.setdefault("BENCH_LH_RUNS", "3")
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT / "tests"))

import build_speed  # noqa: E402
import lighthouse  # noqa: E402
import page_weight  # noqa: E402
import serving_speed  # noqa: E402
from page_weight import OURS, PLAIN  # noqa: E402

SKIP = {part.strip() for part in os.environ.get("BENCH_SKIP", "").split(",") if part.strip()}


class Tee(io.TextIOBase):
    """Prints through and keeps a copy (for search_weight, whose main() returns nothing)."""

    def __init__(self, stream):
        self.stream, self.copy = stream, io.StringIO()

    def write(self, text):
        self.stream.write(text)
        self.copy.write(text)
        return len(text)

    def flush(self):
        self.stream.flush()


def section(title: str) -> None:
    print(f"\n{'=' * 100}\n{title}\n{'=' * 100}", flush=True)


def step(name: str, errors: dict, function, *args):
    started = time.monotonic()
    try:
        return function(*args)
    except (Exception, SystemExit) as error:  # noqa: BLE001 – one broken part must not hide the others
        errors[name] = f"{type(error).__name__}: {str(error)[-1500:]}"
        traceback.print_exc()
        return None
    finally:
        print(f"[{name}: {time.monotonic() - started:.0f} s]", flush=True)


def run_search_weight():
    path = BENCH / "search_weight.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("search_weight", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["search_weight"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    if not hasattr(module, "main"):
        return None
    argv, sys.argv = sys.argv, [str(path)]  # its main() reads its own options: use the defaults
    tee = Tee(sys.stdout)
    try:
        with contextlib.redirect_stdout(tee):
            returned = module.main()
    finally:
        sys.argv = argv
    return {"returned": returned, "output": tee.copy.getvalue().strip()}


def weight_and_lighthouse(errors: dict) -> tuple[dict | None, dict | None]:
    tmp = Path(tempfile.mkdtemp(prefix="bench-run-"))
    try:
        print("Building UngVejen and the plain Material variant …", flush=True)
        sites = page_weight.build_sites(tmp)
        with page_weight.nginx(sites[OURS]) as ours, page_weight.nginx(sites[PLAIN]) as plain:
            servers = {OURS: ours, PLAIN: plain}
            weight = None
            if "weight" not in SKIP:
                section("2. Page weight (bench/page_weight.py)")
                weight = step("page weight", errors, lambda: page_weight.report(page_weight.measure(servers)))
            scores = None
            if "lighthouse" not in SKIP:
                section("3. Lighthouse (bench/lighthouse.py)")
                scores = step("lighthouse", errors, lambda: lighthouse.report(lighthouse.measure(servers)))
        return weight, scores
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def summary(figures: dict, errors: dict, seconds: float) -> None:
    section("Summary – ratios against baselines measured in this run")
    build = figures.get("build")
    if build:
        print(f"Build (median of {os.environ['BENCH_RUNS']} warm builds, both languages)")
        print(f"  UngVejen {build['ours_s']:.2f} s vs plain Material with its own search (Material's default)"
              f" {build['plain_search_s']:.2f} s = {build['ratio_vs_search']:.2f} ×"
              f" (goal ≤ 1.30: {'met' if build['ratio_vs_search'] <= 1.3 else 'MISSED'})")
        print(f"  against plain Material + static-i18n without any search {build['plain_s']:.2f} s"
              f" = {build['ratio']:.2f} ×")
        print(f"  {build['pages']} source pages: {build['per_page_ms']:.0f} ms per page; generated {build['large_pages']}"
              f" pages: {build['large_s']:.1f} s, {build['large_per_page_ms']:.0f} ms per page"
              f" = {build['scaling']:.2f} × per page (1.00 = linear)")
    weight, scores = figures.get("weight"), figures.get("lighthouse")
    paths = list((weight or scores or {}).keys())
    if paths:
        print("\nPer page (KB = KiB sent by nginx incl. headers; Lighthouse perf/a11y/bp/seo)")
        print(f"  {'page':<20} {'UngVejen KB':>11} {'req':>4} {'plain KB':>9} {'req':>4} {'ratio':>6}   "
              f"{'UngVejen LH':>17}   {'plain LH':>17}")
        for path in paths:
            w = (weight or {}).get(path)
            s = (scores or {}).get(path)
            left = (f"{w['ours_kb']:>11.1f} {w['ours_requests']:>4} {w['plain_kb']:>9.1f} {w['plain_requests']:>4} "
                    f"{w['ratio']:>6.2f}") if w else f"{'–':>11} {'':>4} {'':>9} {'':>4} {'':>6}"
            lh = (lambda d: "/".join(f"{d[c]}" for c in lighthouse.CATEGORIES))
            right = f"{lh(s['ours']):>17}   {lh(s['plain']):>17}" if s else ""
            print(f"  {path:<20} {left}   {right}")
        if weight:
            missed = [p for p, w in weight.items() if not w["goal_met"]]
            print(f"  page weight goal ≤ {page_weight.GOAL_KB} KB: {'met on all' if not missed else 'MISSED on ' + ', '.join(missed)}")
        if scores:
            missed = [p for p, s in scores.items() if not s["goal_met"]]
            print(f"  Lighthouse goal 100/100/100/100: {'met on all' if not missed else 'MISSED on ' + ', '.join(missed)}")
    search = figures.get("search")
    if search:
        print("\nSearch weight (bench/search_weight.py, as it printed it)")
        table = [line for line in search["output"].splitlines() if line.strip()]
        for line in table:
            print(f"  {line}")
    elif "search" not in SKIP and "search weight" not in errors:
        print("\nSearch weight: bench/search_weight.py not present (or without main()) – skipped")
    serving = figures.get("serving")
    if serving:
        print(f"\nServing {serving['page']} with Accept-Encoding: gzip (wrk, {serving['connections']} connections, "
              f"{serving['seconds']} s)")
        print(f"  pre-compressed {serving['on_requests_per_s']:,.0f} requests/s vs on-the-fly gzip "
              f"{serving['off_requests_per_s']:,.0f} = {serving['ratio']:.1f} ×")
        on_the_fly, gz, br = (serving["bytes"][key]["site"] for key in ("on_the_fly", "gz", "br"))
        print(f"  all {serving['files']} text files: {on_the_fly / 1024:,.0f} KB gzip'd on the fly, "
              f"{gz / 1024:,.0f} KB .gz ({gz / on_the_fly - 1:+.1%}), {br / 1024:,.0f} KB .br ({br / on_the_fly - 1:+.1%})")
    for name, error in errors.items():
        print(f"\n{name} FAILED: {error}")
    print(f"\nTotal time {seconds / 60:.1f} min on {os.cpu_count()} cores; load average at the end "
          f"{', '.join(f'{value:.1f}' for value in os.getloadavg())} (other processes slow builds and Lighthouse's performance)")


def main() -> dict:
    started = time.monotonic()
    figures: dict = {}
    errors: dict = {}
    if "build" not in SKIP:
        section(f"1. Build time (bench/build_speed.py; BENCH_RUNS={os.environ['BENCH_RUNS']}, "
                f"BENCH_PAGES={os.environ['BENCH_PAGES']})")
        figures["build"] = step("build time", errors, build_speed.main)
    if not {"weight", "lighthouse"} <= SKIP:
        figures["weight"], figures["lighthouse"] = step("builds for page weight and Lighthouse", errors,
                                                        weight_and_lighthouse, errors) or (None, None)
    if "search" not in SKIP:
        section("4. Search weight (bench/search_weight.py)")
        figures["search"] = step("search weight", errors, run_search_weight)
    if "serving" not in SKIP:
        section(f"5. Serving speed (bench/serving_speed.py; BENCH_SERVE_SECONDS={serving_speed.SECONDS})")
        figures["serving"] = step("serving speed", errors, serving_speed.main)
    seconds = time.monotonic() - started
    summary(figures, errors, seconds)
    out = BENCH / "out"
    out.mkdir(exist_ok=True)
    (out / "run.json").write_text(json.dumps({"figures": figures, "errors": errors, "seconds": seconds,
                                              "env": {k: v for k, v in os.environ.items() if k.startswith("BENCH_")}},
                                             indent=2, default=str), encoding="utf-8")
    return figures


if __name__ == "__main__":
    main()
