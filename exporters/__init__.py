"""Exporters: one module per output format, each a function graph -> text chunks.

``write_all`` writes the data files of ``kamerxref build``; every file is streamed to a
temporary file and renamed (:func:`exporters.io.write_atomic`), so an interrupted build
leaves no half-written file, and the same graph always gives the same bytes.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from kamerxref.graph.gcpause import gc_paused
from kamerxref.graph.parallel import fork_map

from .gexf import iter_gexf
from .graphml import iter_graphml
from .io import write_atomic
from .json_graph import iter_json
from .tables import CITATION_COLUMNS, QUESTION_COLUMNS, citation_rows, iter_csv, question_rows

#: ``kamerxref export FORMAT``: format -> (default file name, renderer to text chunks)
DATA_FORMATS = {
    "json": ("graph.json", iter_json),
    "graphml": ("graph.graphml", iter_graphml),
    "gexf": ("graph.gexf", iter_gexf),
    "csv": ("citations.csv", lambda G: iter_csv(citation_rows(G), CITATION_COLUMNS)),
    "questions-csv": ("questions.csv", lambda G: iter_csv(question_rows(G), QUESTION_COLUMNS)),
}


def export(G: nx.MultiDiGraph, fmt: str, path: str | Path) -> Path:
    """Write one data format (``json``, ``graphml``, ``gexf``, ``csv``) to ``path``."""
    with gc_paused():  # see kamerxref/graph/gcpause.py
        return write_atomic(path, DATA_FORMATS[fmt][1](G))


def _export_job(G: nx.MultiDiGraph, job: tuple[str, str]) -> Path:
    return export(G, *job)


def write_all(G: nx.MultiDiGraph, out_dir: str | Path, jobs: int = 1) -> list[Path]:
    """Write graph.json, graph.graphml, graph.gexf, questions.csv and citations.csv.

    With ``jobs > 1`` the formats are written by forked processes that share the graph
    (each file is the same as with one process)."""
    out = Path(out_dir)
    work = [(fmt, str(out / name)) for fmt, (name, _) in DATA_FORMATS.items()]
    return [Path(p) for p in fork_map(_export_job, work, jobs, shared=(G,), chunksize=1)]
