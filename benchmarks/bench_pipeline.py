"""Issue 5's goal as one measurement: N letters read, resolved, attributed, built into a
graph and exported (graph.json, GraphML, GEXF, both CSVs) with ``--jobs`` processes, the
way ``kamerxref build`` does it (without the HTML views, which bench_html.py measures).

    python benchmarks/bench_pipeline.py --letters 10000 --jobs 2

Prints the time per stage, the total, and the peak memory of the process and its
workers (ru_maxrss). Corpora come from the seeded generator, cached under
benchmarks/results/ (git-ignored).
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--letters", type=int, nargs="+", default=[100, 1000, 10000])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--results", type=Path, default=HERE / "results")
    args = ap.parse_args()

    import kamerxref
    from kamerxref.exporters import write_all
    from kamerxref.graph.generate import write_corpus

    rows = []
    for n in args.letters:
        corpus = args.results / f"corpus-s{args.seed}-n{n}"
        if not (corpus / "letters").is_dir():
            write_corpus(corpus, n, seed=args.seed)
        t0 = time.perf_counter()
        c = kamerxref.load(corpus / "letters", jobs=args.jobs)
        t1 = time.perf_counter()
        G = c.graph
        t2 = time.perf_counter()
        with tempfile.TemporaryDirectory() as out:
            write_all(G, out, jobs=args.jobs)
        t3 = time.perf_counter()
        rss = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        row = {"letters": n, "jobs": args.jobs, "read_cite_attribute_s": round(t1 - t0, 2),
               "graph_s": round(t2 - t1, 2), "export_s": round(t3 - t2, 2),
               "total_s": round(t3 - t0, 2), "nodes": G.number_of_nodes(),
               "edges": G.number_of_edges(), "peak_rss_mb": round(rss[0] / 1024),
               "peak_worker_rss_mb": round(rss[1] / 1024)}
        rows.append(row)
        print(json.dumps(row), flush=True)
        del c, G
    (args.results / "pipeline.json").write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
