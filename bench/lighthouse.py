"""Lighthouse scores (performance, accessibility, best practices, SEO) of the home page, a theme
page and the help page: our site next to a plain Material build of the same Markdown, both
served by Debian's nginx with deploy/ (see bench/page_weight.py for both builds and the server).

Run: .venv/bin/python bench/lighthouse.py
     BENCH_LH_RUNS=3 … takes the median of three runs per page (default 1).

npm `lighthouse@13` from .tools/ (installed with `npm install --prefix .tools lighthouse@13` when
missing), Chromium at /usr/bin/chromium, Lighthouse's default mobile emulation and simulated
throttling. The JSON reports are kept in bench/out/lighthouse/ (gitignored). Goal for our pages:
100 in each category; every audit that costs points on our pages is listed.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from page_weight import OURS, PAGES, PLAIN, build_sites, nginx  # noqa: E402

TOOLS = ROOT / ".tools"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
OUT = ROOT / "bench" / "out" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
RUNS = int(os.environ.get("BENCH_LH_RUNS", "1"))


def ensure_lighthouse() -> None:
    if LIGHTHOUSE.exists():
        return
    print("Installing lighthouse@13 into .tools/ …", file=sys.stderr)
    subprocess.run(["npm", "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund", "lighthouse@13"],
                   check=True, capture_output=True, text=True)


def lighthouse(url: str, report: Path) -> dict:
    """One Lighthouse run; returns the parsed JSON report (also written to `report`)."""
    report.parent.mkdir(parents=True, exist_ok=True)
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    for attempt in range(3):  # Lighthouse now and then fails to record a trace (NO_NAVSTART): try again
        report.unlink(missing_ok=True)
        done = subprocess.run(command, capture_output=True, text=True, timeout=300,
                              env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
        if done.returncode == 0 and report.exists():
            result = json.loads(report.read_text(encoding="utf-8"))
            if not result.get("runtimeError"):
                return result
        print(f"lighthouse: attempt {attempt + 1} failed for {url}; retrying", file=sys.stderr)
    raise SystemExit(f"lighthouse failed for {url}:\n{(done.stdout + done.stderr)[-3000:]}")


def scores(result: dict) -> dict[str, int]:
    return {c: round(100 * (result["categories"][c]["score"] or 0)) for c in CATEGORIES}


def losing_audits(result: dict) -> list[str]:
    """Audits that cost points: weighted, score < 1 (performance metrics with their values)."""
    lines = []
    for category in CATEGORIES:
        for ref in result["categories"][category]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                value = f" {audit['displayValue']}" if audit.get("displayValue") else ""
                items = (audit.get("details") or {}).get("items") or []
                lines.append(f"{SHORT[category]}: {ref['id']} (score {audit['score']:.2f}{value}"
                             f"{f', {len(items)} item(s)' if items and category != 'performance' else ''})")
    warnings = result.get("runWarnings") or []
    lines += [f"run warning: {warning}" for warning in warnings]
    return lines


def measure(servers: dict, pages: list[str] = PAGES) -> dict[str, dict[str, dict]]:
    """{site name: page_weight.Server} -> {site name: {page: {"scores", "losing", "report"}}}."""
    ensure_lighthouse()
    results: dict[str, dict[str, dict]] = {}
    for name, server in servers.items():
        results[name] = {}
        for path in pages:
            slug = (path.strip("/").replace("/", "_") or "home")
            runs = []
            for run in range(RUNS):
                report = OUT / f"{'ours' if name == OURS else 'plain'}-{slug}-{run + 1}.json"
                runs.append(lighthouse(server.url + path, report))
            # median per category; the losing audits of the run closest to the median performance
            per_category = {c: statistics.median(scores(r)[c] for r in runs) for c in CATEGORIES}
            closest = min(runs, key=lambda r: abs(scores(r)["performance"] - per_category["performance"]))
            results[name][path] = {"scores": {c: int(round(v)) for c, v in per_category.items()},
                                   "losing": losing_audits(closest),
                                   "metrics": metrics(closest),
                                   "performance_runs": [scores(r)["performance"] for r in runs],
                                   "report": str(OUT / f"{'ours' if name == OURS else 'plain'}-{slug}-{runs.index(closest) + 1}.json")}
    return results


def metrics(result: dict) -> str:
    ids = [("first-contentful-paint", "FCP"), ("largest-contentful-paint", "LCP"), ("total-blocking-time", "TBT"),
           ("cumulative-layout-shift", "CLS"), ("speed-index", "SI")]
    return ", ".join(f"{short} {result['audits'][key].get('displayValue', '?')}" for key, short in ids if key in result["audits"])


def report(results: dict[str, dict[str, dict]]) -> dict:
    ours, plain = results[OURS], results[PLAIN]
    runs = f"median of {RUNS} runs" if RUNS > 1 else "one run"
    print(f"Lighthouse 13 (mobile emulation, simulated throttling, {runs} per page), served by nginx with deploy/")
    print("perf / a11y / best practices / SEO; goal for UngVejen: 100 in each\n")
    print(f"  {'page':<20} {'UngVejen':>21}   {'plain Material':>21}   goal")
    figures = {}
    for path in ours:
        a, b = ours[path]["scores"], plain[path]["scores"]
        met = all(v == 100 for v in a.values())
        fmt = lambda s: " / ".join(f"{s[c]:>3}" for c in CATEGORIES)  # noqa: E731
        print(f"  {path:<20} {fmt(a):>21}   {fmt(b):>21}   {'met' if met else 'MISSED'}")
        figures[path] = {"ours": a, "plain": b, "goal_met": met, "ours_losing": ours[path]["losing"],
                         "plain_losing": plain[path]["losing"], "ours_metrics": ours[path]["metrics"],
                         "ours_performance_runs": ours[path]["performance_runs"],
                         "plain_performance_runs": plain[path]["performance_runs"]}
    for name, pages in results.items():
        print(f"\n  {name} – audits that cost points (reports in {OUT.relative_to(ROOT)}/):")
        for path, result in pages.items():
            runs = result["performance_runs"]
            spread = f" (performance in {len(runs)} runs: {', '.join(map(str, runs))})" if len(runs) > 1 else ""
            print(f"    {path}: {result['metrics']}{spread}")
            for line in result["losing"] or ["none"]:
                print(f"      {line}")
    return figures


def main(servers: dict | None = None) -> dict:
    """Builds and serves both sites unless `servers` ({name: page_weight.Server}) is given."""
    ensure_lighthouse()
    if servers is not None:
        return report(measure(servers))
    tmp = Path(tempfile.mkdtemp(prefix="bench-lighthouse-"))
    try:
        print("Building both sites …", file=sys.stderr)
        sites = build_sites(tmp)
        with nginx(sites[OURS]) as ours, nginx(sites[PLAIN]) as plain:
            return report(measure({OURS: ours, PLAIN: plain}))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
