"""Golden hashes of the data files and the site, taken from the code before the speed work
(issue 16).

    python tests/golden_hashes.py > tests/golden/data_hashes.json

For each corpus (the seeds, 40 and 1,000 generated letters, the realdocs when present) it
records the SHA-256 of ``graph.json``, ``graph.graphml``, ``questions.csv`` and
``citations.csv``, of every file of the site ``kamerxref build`` writes (:func:`site_hashes`)
and of the graph itself (:func:`graph_digest`, every node and edge with its attributes,
sorted). ``tests/test_exporters.py`` compares them all: a speed change must leave every
byte as it was. A change that is meant to alter the output (a reader fix) retakes the hashes
in the same commit, and says why.

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
GENERATED_LARGE = 1000


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


#: The day the site's status and "days left" refer to (fixed, so hashes do not age).
TODAY = "2026-12-04"
#: The optional data formats the site is built with, besides the default ones.
FORMATS = "graphml,gexf"


def corpus_hashes(folder: Path, inputs: list[str], jobs: int = 2) -> dict:
    """The hashes of the letters ``inputs`` (relative to ``folder``): ``graph`` (the graph
    itself), the data files ``json``, ``graphml``, ``questions-csv`` and ``csv`` as
    ``kamerxref export`` writes them, and ``site``: every file ``kamerxref build --formats
    graphml,gexf`` writes, by relative path (the letter pages folded into one digest,
    ``letters/*.html``, so 1,000 pages do not make 1,000 lines)."""
    import datetime as dt

    import kamerxref
    from kamerxref.exporters import export

    with _cwd(folder):
        corpus = kamerxref.load(*inputs, jobs=jobs)
    G = corpus.at(dt.date.fromisoformat(TODAY)).graph  # never the clock's day: hashes must not age
    out = {"graph": graph_digest(G)}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in FILES:
            path = export(G, fmt, Path(tmp) / fmt)
            out[fmt] = hashlib.sha256(path.read_bytes()).hexdigest()
        site = Path(tmp) / "site"
        corpus.build(site, today=dt.date.fromisoformat(TODAY), jobs=jobs, formats=FORMATS)
        out["site"] = site_hashes(site)
    return out


def site_hashes(site: Path) -> dict[str, str]:
    """``{"index.html": sha256, ..., "letters/*.html": digest of (name, sha256) of every
    letter page}``."""
    files, pages = {}, hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if rel.startswith("letters/") and rel.endswith(".html"):
            pages.update(f"{rel} {digest}\n".encode())
        else:
            files[rel] = digest
    files["letters/*.html"] = pages.hexdigest()
    return files


def generated(tmp: Path, n: int = GENERATED) -> Path:
    from kamerxref.graph.generate import write_corpus

    write_corpus(tmp, n, seed=0, jobs=1)
    return tmp


def all_hashes(realdocs: Path | None) -> dict:
    out = {"seeds": corpus_hashes(ROOT / "data", sorted(p.name for p in (ROOT / "data").glob("*.txt")))}
    with tempfile.TemporaryDirectory() as tmp:
        out["generated"] = corpus_hashes(generated(Path(tmp)), ["letters"])
    with tempfile.TemporaryDirectory() as tmp:
        out["generated-1000"] = corpus_hashes(generated(Path(tmp), GENERATED_LARGE), ["letters"])
    if realdocs and realdocs.is_dir():
        out["realdocs"] = corpus_hashes(realdocs, sorted(p.name for p in realdocs.glob("[0-9][0-9]_*")))
    return out


if __name__ == "__main__":
    realdocs = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "realdocs"
    print(json.dumps(all_hashes(realdocs), indent=1, sort_keys=True))
