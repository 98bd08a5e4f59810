"""Exporters: one module per output format, each a pure function graph -> text.

``write_all`` writes the data files of ``kamerxref build``; every file is written
atomically (:func:`exporters.io.write_atomic`) and deterministically.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from .gexf import to_gexf
from .graphml import to_graphml
from .io import write_atomic
from .json_graph import to_json
from .tables import CITATION_COLUMNS, QUESTION_COLUMNS, citation_rows, question_rows, to_csv

#: ``kamerxref export FORMAT``: format -> (default file name, renderer)
DATA_FORMATS = {
    "json": ("graph.json", to_json),
    "graphml": ("graph.graphml", to_graphml),
    "gexf": ("graph.gexf", to_gexf),
    "csv": ("citations.csv", lambda G: to_csv(citation_rows(G), CITATION_COLUMNS)),
    "questions-csv": ("questions.csv", lambda G: to_csv(question_rows(G), QUESTION_COLUMNS)),
}


def export(G: nx.MultiDiGraph, fmt: str, path: str | Path) -> Path:
    """Write one data format (``json``, ``graphml``, ``gexf``, ``csv``) to ``path``."""
    return write_atomic(path, DATA_FORMATS[fmt][1](G))


def write_all(G: nx.MultiDiGraph, out_dir: str | Path) -> list[Path]:
    """Write graph.json, graph.graphml, graph.gexf, questions.csv and citations.csv."""
    out = Path(out_dir)
    return [export(G, fmt, out / name) for fmt, (name, _) in DATA_FORMATS.items()]
