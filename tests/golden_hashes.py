"""Golden hashes of the data files, taken from the code before the speed work (issue 16).

    python tests/golden_hashes.py > tests/golden/data_hashes.json

For each corpus (the seeds, 40 generated letters, the realdocs when present) it records
the SHA-256 of ``graph.json``, ``graph.graphml``, ``questions.csv`` and ``citations.csv``
and of the graph itself (:func:`graph_digest`, every node and edge with its attributes,
sorted). ``tests/test_exporters.py`` compares: where the graph is the one the hashes were
taken from, the files must be byte-identical; where another stage has changed the graph
since, the files cannot be compared with the old ones, and the test says so.

Letters are read by relative paths from their folder, so ``source`` attributes (and the
hashes) do not depend on where the repository is checked out.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ("json", "graphml", "questions-csv", "csv")
GENERATED = 40


def graph_digest(G) -> str:
    nodes = sorted((n, sorted(d.items())) for n, d in G.nodes(data=True))
    edges = sorted((u, v, k, sorted(d.items())) for u, v, k, d in G.edges(keys=True, data=True))
    return hashlib.sha256(json.dumps([nodes, edges], ensure_ascii=False).encode()).hexdigest()


@contextmanager
def _cwd(path: Path):
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def corpus_hashes(folder: Path, inputs: list[str]) -> dict:
    """``{"graph": digest, "json": sha256, ...}`` of the letters ``inputs`` (relative to
    ``folder``)."""
    import kamerxref
    from kamerxref.exporters import export

    with _cwd(folder):
        G = kamerxref.load(*inputs).graph
    out = {"graph": graph_digest(G)}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in FILES:
            path = export(G, fmt, Path(tmp) / fmt)
            out[fmt] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def generated(tmp: Path) -> Path:
    from kamerxref.graph.generate import write_corpus

    write_corpus(tmp, GENERATED, seed=0, jobs=1)
    return tmp


def all_hashes(realdocs: Path | None) -> dict:
    out = {"seeds": corpus_hashes(ROOT / "data", sorted(p.name for p in (ROOT / "data").glob("*.txt")))}
    with tempfile.TemporaryDirectory() as tmp:
        out["generated"] = corpus_hashes(generated(Path(tmp)), ["letters"])
    if realdocs and realdocs.is_dir():
        out["realdocs"] = corpus_hashes(realdocs, sorted(p.name for p in realdocs.glob("[0-9][0-9]_*")))
    return out


if __name__ == "__main__":
    realdocs = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "realdocs"
    print(json.dumps(all_hashes(realdocs), indent=1, sort_keys=True))
