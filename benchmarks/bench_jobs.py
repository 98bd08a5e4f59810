"""``kamerxref build --jobs 1`` against ``--jobs 2`` on a generated corpus: wall time of
each, and whether every output file is byte-identical (issue 8).

    python benchmarks/bench_jobs.py --letters 1000 [--repeat 3]

The corpus is written with the seeded generator under benchmarks/results/ (git-ignored).
Each build runs as a separate ``kamerxref build`` process with a fixed ``--today``.
"""
from __future__ import annotations

import argparse
import filecmp
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def build(letters: Path, out: Path, jobs: int) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kamerxref.cli", "build", str(letters), "-o", str(out),
                    "--jobs", str(jobs), "--today", "2026-07-01", "-q"], check=True)
    return time.perf_counter() - t


def same_tree(a: Path, b: Path) -> list[str]:
    """Relative paths that differ (or exist on one side only)."""
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    diff = sorted(str(p) for p in files_a ^ files_b)
    diff += sorted(str(p) for p in files_a & files_b if not filecmp.cmp(a / p, b / p, shallow=False))
    return diff


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--letters", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--results", type=Path, default=HERE / "results")
    args = ap.parse_args()

    from kamerxref.graph.generate import write_corpus

    corpus = args.results / f"corpus-s{args.seed}-n{args.letters}"
    if not (corpus / "letters").is_dir():
        write_corpus(corpus, args.letters, seed=args.seed)
    letters = corpus / "letters"
    times = {1: [], 2: []}
    for r in range(args.repeat):
        for jobs in (1, 2):
            times[jobs].append(build(letters, args.results / f"jobs{jobs}", jobs))
    diff = same_tree(args.results / "jobs1", args.results / "jobs2")
    best = {j: min(t) for j, t in times.items()}
    result = {"letters": args.letters, "cores": os.cpu_count(), "best_s": best,
              "speedup": round(best[1] / best[2], 2), "identical": not diff, "differing": diff[:10]}
    print(f"{args.letters} letters, best of {args.repeat}: --jobs 1 {best[1]:.2f} s, "
          f"--jobs 2 {best[2]:.2f} s, speed-up {result['speedup']}x; "
          f"outputs {'byte-identical' if not diff else 'DIFFER: ' + ', '.join(diff[:5])}")
    (args.results / "jobs.json").write_text(json.dumps(result, indent=2))
    return 0 if not diff else 1


if __name__ == "__main__":
    sys.exit(main())
