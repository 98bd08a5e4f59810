"""One benchmark for every stage of kamerxref, on generated corpora of any size.

    python benchmarks/run.py --sizes 10 100 1000 10000 --json out.json

For each size N it writes (or reuses) a generated corpus of N letters with its gold under
``benchmarks/results/`` (git-ignored; see :mod:`kamerxref.graph.generate`), then runs the
stages in a fresh Python process of their own, so that ``ru_maxrss`` and caches of one size
do not leak into the next:

========= ===========================================================================
read      ``kamerxref.graph.readers.read_letters(paths) -> (letters, issues)``
cite      ``kamerxref.graph.citations.resolve_letter(letter)`` for each letter
attribute ``kamerxref.graph.attribution.attribute(letter)`` for each letter
graph     ``kamerxref.graph.build.build_graph(letters) -> nx.MultiDiGraph``
export    ``kamerxref.exporters.write_all(G, out_dir)`` (json, graphml, gexf, csv)
html      ``kamerxref.exporters.html.write_site(G, out_dir, today)``
========= ===========================================================================

A stage whose function does not exist (yet) is shown as ``n/a``; a stage that fails shows
``error`` and the stages that need its output are skipped. Timing is measured in a first
pass without tracing; peak memory per stage in a second pass under ``tracemalloc``
(which slows Python down, so it never touches the timings; ``--no-tracemalloc`` skips it).
``ru_maxrss`` is the process high-water mark after each stage of the first pass.

Printed: one table (per size, per stage: time, MB/s and letters/s of corpus input, peak
traced memory, maxrss), then accuracy against the generated gold
(:func:`kamerxref.graph.generate.score_corpus`), the speed ratio against ``nllegalcit``
on the same footnotes when that package is importable (``pip install nllegalcit``; it
is slow, so at most ``--nllegalcit-sample`` footnotes are timed and the rate per footnote
is compared), and the scaling of the largest size against the one before it.
``--json`` writes everything, with the machine, for comparing runs.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import hashlib
import importlib
import io
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
STAGES = ("read", "cite", "attribute", "graph", "export", "html")
#: A fixed "today" for the HTML stage, so its output does not depend on the run date.
TODAY = _dt.date(2026, 7, 1)


# ============================================================================ machine
def machine() -> dict:
    """nproc, CPU model, RAM and Python, as the README table states them."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"nproc": nproc, "cpu": cpu, "ram_gb": ram_gb,
            "python": platform.python_version(), "platform": platform.platform()}


# ============================================================================ corpora
def generator_version() -> str:
    """Hash of the generator's source: a cached corpus from an older generator is rebuilt."""
    from kamerxref.graph import generate

    return hashlib.sha256(Path(generate.__file__).read_bytes()).hexdigest()[:16]


def ensure_corpus(size: int, seed: int, root: Path = RESULTS) -> Path:
    """The cached corpus of ``size`` letters and ``seed``, written if missing or stale."""
    from kamerxref.graph.generate import write_corpus

    out = root / f"corpus-s{seed}-n{size}"
    stamp = out / "corpus.json"
    want = {"size": size, "seed": seed, "generator": generator_version()}
    if stamp.exists():
        try:
            if json.loads(stamp.read_text()) == want and (out / "gold.jsonl").exists():
                return out
        except (OSError, ValueError):
            pass
    t0 = time.perf_counter()
    write_corpus(out, size, seed)
    stamp.write_text(json.dumps(want))
    print(f"generated {size} letters (seed {seed}) in {time.perf_counter() - t0:.1f} s -> {out}",
          file=sys.stderr)
    return out


# ============================================================================ stages
def _get(module: str, name: str):
    """A stage function, or None when its module or the function is not there (yet)."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def stage_functions() -> dict:
    return {
        "read": _get("kamerxref.graph.readers", "read_letters"),
        "cite": _get("kamerxref.graph.citations", "resolve_letter"),
        "attribute": _get("kamerxref.graph.attribution", "attribute"),
        "graph": _get("kamerxref.graph.build", "build_graph"),
        "export": _get("kamerxref.exporters", "write_all"),
        "html": _get("kamerxref.exporters.html", "write_site"),
    }


def _call_write_all(write_all, G, letters, out: Path):
    """``write_all(G, out_dir)``: one process, like every stage of this table (the
    parallel build is measured by bench_jobs.py and bench_pipeline.py)."""
    return write_all(G, out)


def run_stages(corpus: Path, out: Path, fns: dict, trace: bool) -> tuple[dict, list, object]:
    """Run every stage once; returns per-stage records, the letters and the graph.

    Without ``trace``: wall time and ``ru_maxrss`` after the stage. With ``trace``: the
    peak of ``tracemalloc`` during the stage (memory in use, including what earlier
    stages hold, since that is what the stage needs to run).
    """
    records: dict[str, dict] = {}
    state: dict = {"letters": None, "G": None}
    needs = {"read": None, "cite": "letters", "attribute": "letters", "graph": "letters",
             "export": "G", "html": "G"}
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)

    def body(stage: str):
        fn = fns[stage]
        if stage == "read":
            letters, issues = fn([corpus / "letters"])
            state["letters"] = letters
            state["read_issues"] = len(issues)
        elif stage in ("cite", "attribute"):
            from kamerxref.graph.gcpause import gc_paused

            with gc_paused():  # as graph.pipeline runs them, with every letter alive
                for letter in state["letters"]:
                    fn(letter)
        elif stage == "graph":
            state["G"] = fn(state["letters"])
        elif stage == "export":
            _call_write_all(fn, state["G"], state["letters"], out / "export")
        elif stage == "html":
            fn(state["G"], out / "html", TODAY)

    failed: set[str] = set()
    for stage in STAGES:
        need = needs[stage]
        if fns[stage] is None:
            records[stage] = {"status": "n/a"}
            failed.add(stage)
            continue
        if need and state.get(need) is None:
            records[stage] = {"status": "skipped", "why": f"no {need}"}
            continue
        if trace:
            tracemalloc.reset_peak()
        t0 = time.perf_counter()
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                body(stage)
        except Exception as err:  # a stage under construction: report it, go on
            records[stage] = {"status": "error", "error": f"{type(err).__name__}: {err}"[:300]}
            if stage == "read":
                state["letters"] = None
            if stage == "graph":
                state["G"] = None
            continue
        dt = time.perf_counter() - t0
        rec = {"status": "ok"}
        if trace:
            rec["peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        else:
            rec["time_s"] = round(dt, 4)
            rec["maxrss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        records[stage] = rec
    if "read_issues" in state:
        records["read"]["issues"] = state["read_issues"]
    return records, state["letters"] or [], state["G"]


def compare_nllegalcit(letters: list, cite_seconds: float | None, sample: int) -> dict:
    """Time ``nllegalcit.parse_citations`` on (at most ``sample``) footnotes of the corpus
    and compare its rate per footnote with ours (the cite stage over all footnotes)."""
    try:
        import nllegalcit
    except ImportError:
        return {"status": "n/a", "why": "nllegalcit is not installed (pip install nllegalcit)"}
    texts = [fn.text for letter in letters for fn in letter.footnotes]
    if not texts or not cite_seconds:
        return {"status": "n/a", "why": "no footnotes or no cite stage"}
    picked = texts[:sample]
    found = failed = 0
    t0 = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):  # it prints parse trees
        for t in picked:
            try:
                found += bool(nllegalcit.parse_citations(t))
            except Exception:  # its grammar raises on text it cannot parse
                failed += 1
    theirs = (time.perf_counter() - t0) / len(picked)
    ours = cite_seconds / len(texts)
    ours_found = sum(bool(fn.citations) for letter in letters for fn in letter.footnotes[:])
    return {"status": "ok", "footnotes": len(picked), "nllegalcit_ms_per_footnote": round(theirs * 1000, 3),
            "ours_ms_per_footnote": round(ours * 1000, 4), "speed_ratio": round(theirs / ours, 1),
            "nllegalcit_with_citation": round(found / len(picked), 4),
            "nllegalcit_errors": failed,
            "ours_with_citation": round(ours_found / len(texts), 4)}


def worker(corpus: Path, size: int, trace: bool, sample: int) -> dict:
    """Everything measured for one corpus, in this (fresh) process."""
    from kamerxref.graph.generate import read_gold, score_corpus

    fns = stage_functions()
    files = sorted((corpus / "letters").glob("*.txt"))
    nbytes = sum(f.stat().st_size for f in files)
    out = RESULTS / f"out-n{size}"
    timing, letters, G = run_stages(corpus, out, fns, trace=False)
    result = {"size": size, "letters": len(files), "bytes": nbytes, "stages": timing}
    mb = nbytes / 2**20
    for rec in timing.values():
        if rec.get("status") == "ok" and rec["time_s"] > 0:
            rec["mb_s"] = round(mb / rec["time_s"], 2)
            rec["letters_s"] = round(len(files) / rec["time_s"], 1)
    if G is not None:
        result["graph"] = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
    if letters and timing["read"].get("status") == "ok":
        score = score_corpus(letters, read_gold(corpus))
        result["accuracy"] = score["checks"]
        result["accuracy_forms"] = score["forms"]
        result["missing"] = len(score["missing"])
    cite = timing.get("cite", {})
    result["nllegalcit"] = compare_nllegalcit(letters, cite.get("time_s"), sample)
    del letters, G
    if trace:
        tracemalloc.start()
        mem, _, _ = run_stages(corpus, out, fns, trace=True)
        tracemalloc.stop()
        for stage, rec in mem.items():
            if rec.get("status") == "ok" and timing[stage].get("status") == "ok":
                timing[stage]["peak_mb"] = rec["peak_mb"]
    shutil.rmtree(out, ignore_errors=True)
    return result


# ============================================================================ report
def _fmt(v, spec: str) -> str:
    return format(v, spec) if isinstance(v, (int, float)) else "n/a"


def table(runs: list[dict]) -> str:
    """The one table: a row per size and stage, with accuracy and nllegalcit below each size."""
    head = (f"{'letters':>8} {'MB':>7} {'stage':<10} {'time s':>9} {'MB/s':>8} {'letters/s':>10} "
            f"{'peak MB':>8} {'maxrss MB':>9}")
    lines = [head, "-" * len(head)]
    for run in runs:
        total = 0.0
        for stage in STAGES:
            rec = run["stages"].get(stage, {"status": "n/a"})
            if rec.get("status") == "ok":
                total += rec["time_s"]
                lines.append(f"{run['letters']:>8} {run['bytes'] / 2**20:>7.1f} {stage:<10} "
                             f"{rec['time_s']:>9.3f} {_fmt(rec.get('mb_s'), '>8.2f')} "
                             f"{_fmt(rec.get('letters_s'), '>10.1f')} {_fmt(rec.get('peak_mb'), '>8.1f')} "
                             f"{rec['maxrss_mb']:>9.1f}")
            else:
                why = rec.get("error") or rec.get("why") or ""
                lines.append(f"{run['letters']:>8} {run['bytes'] / 2**20:>7.1f} {stage:<10} "
                             f"{rec['status']:>9}  {why[:60]}")
        if total:
            lines.append(f"{run['letters']:>8} {run['bytes'] / 2**20:>7.1f} {'total':<10} {total:>9.3f} "
                         f"{run['bytes'] / 2**20 / total:>8.2f} {run['letters'] / total:>10.1f}")
        acc = run.get("accuracy")
        if acc:
            parts = [f"{k} {v[2]:.1%}" for k, v in acc.items() if v[2] is not None]
            lines.append(f"{'':>8} {'':>7} accuracy   " + ", ".join(parts))
        nl = run.get("nllegalcit", {})
        if nl.get("status") == "ok":
            lines.append(f"{'':>8} {'':>7} nllegalcit {nl['nllegalcit_ms_per_footnote']:.2f} ms/footnote "
                         f"vs ours {nl['ours_ms_per_footnote']:.3f}: {nl['speed_ratio']:.0f}x faster "
                         f"({nl['footnotes']} footnotes; with a citation found: nllegalcit "
                         f"{nl['nllegalcit_with_citation']:.1%}, ours {nl['ours_with_citation']:.1%})")
        else:
            lines.append(f"{'':>8} {'':>7} nllegalcit n/a: {nl.get('why', '')}")
        lines.append("")
    return "\n".join(lines).rstrip()


def scaling(runs: list[dict]) -> dict | None:
    """Time of the largest size over the one before it, per stage and in total, with the
    ratio of sizes (issue 8: 10,000 letters at most 12x the time of 1,000)."""
    if len(runs) < 2:
        return None
    a, b = sorted(runs, key=lambda r: r["letters"])[-2:]
    out = {"from": a["letters"], "to": b["letters"], "size_ratio": round(b["letters"] / max(1, a["letters"]), 2),
           "stages": {}}
    ta = tb = 0.0
    for stage in STAGES:
        ra, rb = a["stages"].get(stage, {}), b["stages"].get(stage, {})
        if ra.get("status") == "ok" and rb.get("status") == "ok" and ra["time_s"] > 0:
            out["stages"][stage] = round(rb["time_s"] / ra["time_s"], 2)
            ta += ra["time_s"]
            tb += rb["time_s"]
    out["total"] = round(tb / ta, 2) if ta else None
    return out


# ============================================================================ entry point
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark every kamerxref stage on generated corpora.")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, help="write all results to this JSON file")
    ap.add_argument("--no-tracemalloc", action="store_true",
                    help="skip the second, traced pass (peak memory per stage)")
    ap.add_argument("--nllegalcit-sample", type=int, default=500,
                    help="footnotes timed with nllegalcit per size (default 500)")
    ap.add_argument("--results", type=Path, default=RESULTS, help="corpus cache folder")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--worker-out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if any(s < 1 for s in args.sizes):
        ap.error("sizes must be >= 1")

    if args.worker:
        res = worker(args.corpus, args.sizes[0], not args.no_tracemalloc, args.nllegalcit_sample)
        args.worker_out.write_text(json.dumps(res))
        return 0

    args.results.mkdir(parents=True, exist_ok=True)
    runs = []
    for size in args.sizes:
        corpus = ensure_corpus(size, args.seed, args.results)
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
            out = Path(tmp.name)
        cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", "--corpus", str(corpus),
               "--sizes", str(size), "--worker-out", str(out),
               "--nllegalcit-sample", str(args.nllegalcit_sample)]
        if args.no_tracemalloc:
            cmd.append("--no-tracemalloc")
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            print(f"benchmark of {size} letters failed: {last}", file=sys.stderr)
            out.unlink(missing_ok=True)
            return 1
        run = json.loads(out.read_text())
        out.unlink()
        print(f"measured {size} letters in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        runs.append(run)
        if args.json:  # after every size, so a long run that is stopped keeps what it measured
            write_json(args.json, runs, args.seed)
    info = machine()
    print(f"kamerxref benchmark -- {info['nproc']} cores, {info['cpu']}, {info['ram_gb']} GB RAM, "
          f"Python {info['python']}; generated corpora, seed {args.seed}")
    print(table(runs))
    sc = scaling(runs)
    if sc and sc["stages"]:
        per = ", ".join(f"{k} {v}x" for k, v in sc["stages"].items())
        print(f"scaling {sc['from']} -> {sc['to']} letters ({sc['size_ratio']}x): total {sc['total']}x ({per})")
    if args.json:
        write_json(args.json, runs, args.seed)
    return 0


def write_json(path: Path, runs: list[dict], seed: int) -> None:
    doc = {"machine": machine(), "seed": seed, "generator": generator_version(),
           "date": _dt.datetime.now().isoformat(timespec="seconds"), "runs": runs,
           "scaling": scaling(runs)}
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    sys.exit(main())
