"""Issue 16's table: every stage × corpus size with wall time, CPU time and peak memory,
the whole ``kamerxref build`` / ``export json`` / ``cite -`` as a user runs them, and the
lower bounds (what the same work costs at its floor), all measured in the same run.

    python benchmarks/bench_stages.py --corpus seed --sizes 100 1000 10000 --json out.json

Corpora (:mod:`corpora`): ``seed`` (the seed letters under new kenmerken, 12 KB each) or
``gen`` (the generator's). Each size runs in a fresh process. Per stage: ``wall`` (s),
``cpu`` (user + system s of this process), ``peak`` (the highest resident set size seen
during the stage, sampled every 5 ms: memory in use, including what earlier stages
hold). The stages run in one process, one after another:

read, cite, attribute, graph, then each data format on its own (``exporters.export``:
json, graphml, gexf, csv, questions-csv and sqlite where the code has it), then the HTML
site (``exporters.html.write_site``, one process).

Then as a user runs them (a subprocess; CPU and peak RSS include its workers, via
``wait4``): ``kamerxref build --jobs 2`` (default formats) with the bytes it wrote, and
``kamerxref export json``. ``kamerxref cite - --format json`` runs once per run on the
distinct footnote lines of the generated 1,000-letter corpus (about 2.6 MB).

Lower bounds: reading the files; one ``re.finditer`` pass of a Kamerstukken pattern over
the text; networkx adding the same nodes and edges from lists; ``orjson`` writing the
same node-link records; the citation engine alone on the ``cite`` lines.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpora  # noqa: E402

TODAY = _dt.date(2026, 7, 1)
KST = re.compile(r"Kamerstukken\s+(I{1,2})\s+(\d{4}/\d{2,4}),\s*(\d[\d ]*\d)(?:,\s*([A-Z]{1,3}|nr\.\s*\d+))?")


class RssPeak:
    """The highest resident set size of this process while the ``with`` block runs."""

    def __init__(self, every: float = 0.005):
        self.every, self.peak, self._stop = every, 0, threading.Event()
        self._page = os.sysconf("SC_PAGE_SIZE")

    def _rss(self) -> int:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * self._page

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, self._rss())
            self._stop.wait(self.every)

    def __enter__(self):
        self.peak = self._rss()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()
        self.peak = max(self.peak, self._rss())


def measure(fn):
    """``(result, {"wall", "cpu", "peak_mb"})`` of ``fn()``."""
    c0, t0 = time.process_time(), time.perf_counter()
    with RssPeak() as mem:
        result = fn()
    return result, {"wall": round(time.perf_counter() - t0, 3),
                    "cpu": round(time.process_time() - c0, 3),
                    "peak_mb": round(mem.peak / 2**20, 1)}


def run_child(cmd: list[str], stdin: Path | None = None, env: dict | None = None) -> dict:
    """A command's wall, CPU (with its waited-for workers) and peak RSS (the largest process)."""
    t0 = time.perf_counter()
    # cwd: a folder without a kamerxref/ of its own, so "python -c" imports the kamerxref
    # on the path (PYTHONPATH, or the installed one), not a checkout it happens to run in
    with open(stdin or os.devnull, "rb") as fin:
        proc = subprocess.Popen(cmd, stdin=fin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                env=env, cwd=tempfile.gettempdir())
        err = proc.stderr.read()
        _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    rec = {"wall": round(wall, 3), "cpu": round(ru.ru_utime + ru.ru_stime, 3),
           "peak_mb": round(ru.ru_maxrss / 1024, 1), "status": os.waitstatus_to_exitcode(status)}
    if rec["status"] != 0:
        rec["error"] = err.decode(errors="replace").strip().splitlines()[-1:]
    return rec


def du(path: Path) -> tuple[int, int]:
    """Bytes under ``path`` and under ``path/letters``."""
    total = letters = 0
    for root, _, files in os.walk(path):
        for f in files:
            n = os.path.getsize(os.path.join(root, f))
            total += n
            if os.sep + "letters" in root[len(str(path)):]:
                letters += n
    return total, letters


# ---------------------------------------------------------------------------- worker
def worker(letters_dir: Path, out: Path) -> dict:
    import networkx as nx

    import kamerxref.exporters as exporters
    from kamerxref.exporters import export
    from kamerxref.exporters.html import write_site
    from kamerxref.graph.attribution import attribute
    from kamerxref.graph.build import build_graph
    from kamerxref.graph.citations import resolve_letter
    from kamerxref.graph.gcpause import gc_paused
    from kamerxref.graph.readers import read_letters

    stages, bounds = {}, {}
    files = sorted(letters_dir.glob("*.txt"))
    nbytes = sum(f.stat().st_size for f in files)

    # lower bounds on the input first (cold page cache is not measured: files were just written)
    data, bounds["read files"] = measure(lambda: [f.read_bytes() for f in files])
    text = b"\n".join(data).decode("utf-8")
    del data
    _, bounds["re.finditer Kamerstukken"] = measure(lambda: sum(1 for _ in KST.finditer(text)))
    del text

    (letters, _), stages["read"] = measure(lambda: read_letters([letters_dir]))

    def each(fn):
        with gc_paused():
            for letter in letters:
                fn(letter)

    _, stages["cite"] = measure(lambda: each(resolve_letter))
    _, stages["attribute"] = measure(lambda: each(attribute))
    G, stages["graph"] = measure(lambda: build_graph(letters))
    del letters

    nodes = list(G.nodes(data=True))
    edges = list(G.edges(keys=True, data=True))

    def from_lists():
        H = nx.MultiDiGraph()
        H.add_nodes_from(nodes)
        H.add_edges_from(edges)
        return H.number_of_nodes()

    _, bounds["networkx from lists"] = measure(from_lists)
    try:
        import orjson

        _, bounds["orjson node-link"] = measure(lambda: len(orjson.dumps(
            {"nodes": [{"id": n, **d} for n, d in nodes],
             "edges": [{"source": u, "target": v, "key": k, **d} for u, v, k, d in edges]})))
    except ImportError:
        pass
    del nodes, edges

    out.mkdir(parents=True, exist_ok=True)
    formats = list(getattr(exporters, "ALL_FORMATS", exporters.DATA_FORMATS))
    for fmt in formats:
        path = out / f"data.{fmt}"
        _, stages[f"export {fmt}"] = measure(lambda: export(G, fmt, path))
        stages[f"export {fmt}"]["bytes"] = path.stat().st_size
    _, stages["html site"] = measure(lambda: write_site(G, out / "site", TODAY))
    stages["html site"]["bytes"] = du(out / "site")[0]
    return {"letters": len(files), "bytes": nbytes, "nodes": G.number_of_nodes(),
            "edges": G.number_of_edges(), "stages": stages, "bounds": bounds}


# ---------------------------------------------------------------------------- cite lines
def cite_lines(root: Path, target: int = 2_600_000) -> Path:
    """Distinct footnote lines of the generated 1,000-letter corpus, about 2.6 MB."""
    path = root / "cite-lines.txt"
    if path.exists():
        return path
    sys.path.insert(0, str(HERE.parent))
    letters_dir = corpora.ensure_gen(1000, root=root)
    from kamerxref.graph.readers import read_letters

    letters, _ = read_letters([letters_dir])
    seen, lines, size = set(), [], 0
    for letter in letters:
        for fn in letter.footnotes:
            t = " ".join(fn.text.split())
            if t and t not in seen:
                seen.add(t)
                lines.append(t)
                size += len(t.encode()) + 1
    while size < target:  # distinct: the same footnotes again, cited from other pages
        for t in list(lines):
            t2 = re.sub(r"p\. (\d+)", lambda m: f"p. {int(m.group(1)) + 1000 + len(lines)}", t, count=1)
            if t2 not in seen:
                seen.add(t2)
                lines.append(t2)
                size += len(t2.encode()) + 1
            if size >= target:
                break
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def cite_engine(lines_path: Path) -> dict:
    from kamerxref.graph.citations import resolve_footnotes

    lines = lines_path.read_text(encoding="utf-8").splitlines()
    numbered = [(str(i + 1), t) for i, t in enumerate(lines)]
    _, rec = measure(lambda: resolve_footnotes(numbered, "<stdin>"))
    rec["mb_s"] = round(lines_path.stat().st_size / 2**20 / rec["wall"], 2)
    return rec


# ---------------------------------------------------------------------------- main
def cli(*args) -> list[str]:
    """``kamerxref ARGS`` as the console script runs it (``kamerxref.cli:run``: the
    collector off, no teardown at exit), with this interpreter."""
    return [sys.executable, "-c", "from kamerxref.cli import run; run()", *args]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=corpora.KINDS, default="seed")
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--label", default="", help="e.g. before / after, stored in the JSON")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--no-stages", action="store_true", help="only the CLI runs and bounds")
    ap.add_argument("--build-args", default="", help="extra arguments for kamerxref build")
    ap.add_argument("--results", type=Path, default=corpora.RESULTS)
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"),
                    help="print the before/after table of two --json files and exit")
    ap.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.compare:
        print(compare(*(json.loads(p.read_text()) for p in args.compare)))
        return 0
    if args.worker:
        res = worker(Path(args.worker[0]), Path(args.worker[1]))
        print(json.dumps(res))
        return 0
    import kamerxref

    doc = {"label": args.label, "corpus": args.corpus, "kamerxref": str(Path(kamerxref.__file__).parent),
           "date": _dt.datetime.now().isoformat(timespec="seconds"), "runs": []}
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1782864000"}
    lines = cite_lines(args.results)
    doc["cite"] = {"bytes": lines.stat().st_size,
                   "cli": run_child(cli("cite", "-", "--format", "json"), stdin=lines, env=env),
                   "engine": cite_engine(lines)}
    doc["cite"]["cli"]["mb_s"] = round(lines.stat().st_size / 2**20 / doc["cite"]["cli"]["wall"], 2)
    print(json.dumps({"cite": doc["cite"]}), flush=True)
    for n in args.sizes:
        letters_dir = corpora.ensure(args.corpus, n, args.results)
        run = {"size": n}
        with tempfile.TemporaryDirectory(dir=args.results) as tmp:
            tmp = Path(tmp)
            if not args.no_stages:
                proc = subprocess.run([sys.executable, __file__, "--worker", str(letters_dir), str(tmp / "w")],
                                      capture_output=True, text=True)
                if proc.returncode:
                    run["error"] = proc.stderr.strip().splitlines()[-3:]
                else:
                    run.update(json.loads(proc.stdout.strip().splitlines()[-1]))
                shutil.rmtree(tmp / "w", ignore_errors=True)
            extra = args.build_args.split()
            build = run_child(cli("build", str(letters_dir), "-o", str(tmp / "site"), "--jobs", "2",
                                  "-q", "--today", TODAY.isoformat(), *extra), env=env)
            build["bytes"], build["letters_bytes"] = du(tmp / "site")
            run["cli build --jobs 2"] = build
            shutil.rmtree(tmp / "site", ignore_errors=True)
            ex = run_child(cli("export", "json", str(letters_dir), "-o", str(tmp / "g.json"), "-q"), env=env)
            ex["letters_s"] = round(n / ex["wall"], 1)
            run["cli export json"] = ex
        doc["runs"].append(run)
        print(json.dumps(run), flush=True)
        if args.json:
            args.json.write_text(json.dumps(doc, indent=1) + "\n")
    print(table(doc))
    return 0


def table(doc: dict) -> str:
    """Markdown: one row per stage × size."""
    out = [f"corpus {doc['corpus']} ({doc['label']})", "",
           "| letters | stage | wall s | CPU s | peak MB | bytes |", "|---|---|---|---|---|---|"]
    for run in doc["runs"]:
        rows = [(k, v) for k, v in run.get("stages", {}).items()]
        rows += [(k, run[k]) for k in ("cli build --jobs 2", "cli export json") if k in run]
        rows += [(f"bound: {k}", v) for k, v in run.get("bounds", {}).items()]
        for name, r in rows:
            out.append(f"| {run['size']:,} | {name} | {r.get('wall', '')} | {r.get('cpu', '')} | "
                       f"{r.get('peak_mb', '')} | {r.get('bytes', '')} |")
    c = doc.get("cite")
    if c:
        out.append(f"\ncite - --format json, {c['bytes'] / 2**20:.2f} MiB distinct lines: whole process "
                   f"{c['cli']['wall']} s ({c['cli']['mb_s']} MiB/s, one run; bench_citations.py "
                   f"--cite-lines gives the best of several, in MB/s); engine alone {c['engine']['wall']} s "
                   f"({c['engine']['mb_s']} MiB/s)")
    return "\n".join(out)


def compare(before: dict, after: dict) -> str:
    """Markdown: per size, one row per stage with wall, CPU and peak before -> after."""
    def cell(r, k):
        return "" if not r or k not in r else f"{r[k]:,}" if isinstance(r[k], int) else str(r[k])

    out = []
    b_runs = {r["size"]: r for r in before["runs"]}
    for run in after["runs"]:
        b = b_runs.get(run["size"], {})
        out += [f"\n{run['size']:,} letters ({before['corpus']} corpus)\n",
                "| stage | wall s | CPU s | peak MB | MB written |", "|---|---|---|---|---|"]
        names = list(dict.fromkeys([*b.get("stages", {}), *run.get("stages", {})]))
        rows = [(n, b.get("stages", {}).get(n), run.get("stages", {}).get(n)) for n in names]
        rows += [(k, b.get(k), run.get(k)) for k in ("cli build --jobs 2", "cli export json")]
        rows += [(f"bound: {k}", b.get("bounds", {}).get(k), v) for k, v in run.get("bounds", {}).items()]
        for name, x, y in rows:
            mb = lambda r: "" if not r or "bytes" not in r else f"{r['bytes'] / 2**20:,.0f}"
            out.append(f"| {name} | {cell(x, 'wall')} -> {cell(y, 'wall')} | {cell(x, 'cpu')} -> "
                       f"{cell(y, 'cpu')} | {cell(x, 'peak_mb')} -> {cell(y, 'peak_mb')} | "
                       f"{mb(x)} -> {mb(y)} |")
    c0, c1 = before.get("cite"), after.get("cite")
    if c0 and c1:
        out.append(f"\n`cite - --format json`, {c1['bytes'] / 2**20:.2f} MiB of distinct footnote lines: "
                   f"whole process CPU {c0['cli']['cpu']} -> {c1['cli']['cpu']} s, peak "
                   f"{c0['cli']['peak_mb']} -> {c1['cli']['peak_mb']} MB; the engine alone CPU "
                   f"{c0['engine']['cpu']} -> {c1['engine']['cpu']} s")
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
