"""Exporters: one module per output format, each a function graph -> text chunks (the
SQLite database: graph -> file).

``write_all`` writes the data files of ``kamerxref build``; every file is streamed to a
temporary file and renamed (:func:`exporters.io.write_atomic`), so an interrupted build
leaves no half-written file, and the same graph always gives the same bytes.

``kamerxref build`` writes :data:`DEFAULT_FORMATS` (graph.json and the two CSVs) and the
others when asked (``--formats graphml,gexf,sqlite`` or ``all``): at 1,000 seed-size
letters GraphML, GEXF and SQLite add 6.6 s of CPU (a third of a build) and 148 MB (twice
what a build writes), for users of Gephi, yEd or Datasette only (benchmarks/README.md).
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from kamerxref.graph.gcpause import gc_paused
from kamerxref.graph.parallel import fork_map

from .gexf import iter_gexf
from .graphml import iter_graphml
from .io import write_atomic
from .json_graph import iter_json
from .unchanged import write_unless_same
from .tables import CITATION_COLUMNS, QUESTION_COLUMNS, QuestionCites, citation_rows, iter_csv, question_rows

#: ``kamerxref export FORMAT``: format -> (file name in a build, renderer to text chunks)
DATA_FORMATS = {
    "json": ("graph.json", iter_json),
    "graphml": ("graph.graphml", iter_graphml),
    "gexf": ("graph.gexf", iter_gexf),
    "csv": ("citations.csv", lambda G, noted=None: iter_csv(citation_rows(G, noted), CITATION_COLUMNS)),
    "questions-csv": ("questions.csv",
                      lambda G, noted=None: iter_csv(question_rows(G, noted), QUESTION_COLUMNS)),
}
#: The formats that share what each question cites (:class:`.tables.QuestionCites`).
_NOTING = ("csv", "questions-csv")
#: Formats written as a file of their own, not a text stream: format -> file name in a build.
FILE_FORMATS = {"sqlite": "kamerxref.db"}
#: What ``kamerxref build`` writes beside the explorer unless asked for more.
DEFAULT_FORMATS = ("json", "csv", "questions-csv")
#: Every data format, in the order a build writes them.
ALL_FORMATS = (*DATA_FORMATS, *FILE_FORMATS)


def build_formats(extra: str | None) -> list[str]:
    """The defaults and the formats named in ``--formats`` (``"graphml,gexf,sqlite"``,
    ``"all"``); raises ``ValueError`` naming an unknown one.

    >>> build_formats("gexf,sqlite")
    ['json', 'graphml', 'gexf', 'csv', 'questions-csv', 'sqlite']
    """
    names = {n.strip() for n in (extra or "").split(",") if n.strip()}
    if "all" in names:
        return list(ALL_FORMATS)
    unknown = sorted(names - set(ALL_FORMATS))
    if unknown:
        raise ValueError(f"unknown format {unknown[0]!r} (formats: {', '.join(ALL_FORMATS)}, all)")
    return [f for f in ALL_FORMATS if f in names or f in DEFAULT_FORMATS]


def file_name(fmt: str) -> str:
    """The file a build writes a format to: ``gexf`` -> ``graph.gexf``."""
    return FILE_FORMATS[fmt] if fmt in FILE_FORMATS else DATA_FORMATS[fmt][0]


def export(G: nx.MultiDiGraph, fmt: str, path: str | Path,
           noted: QuestionCites | None = None) -> Path:
    """Write one data format (``json``, ``graphml``, ``gexf``, ``csv``, ``questions-csv``,
    ``sqlite``) to ``path``; a file already there with the same bytes is left as it is
    (:mod:`.unchanged`). ``noted``: the questions' cites shared by the two CSVs of one
    :func:`write_all`."""
    with gc_paused():  # see kamerxref/graph/gcpause.py
        if fmt == "sqlite":
            from .sqlite import write_sqlite

            return write_sqlite(G, path)
        render = DATA_FORMATS[fmt][1]
        return write_unless_same(path, render(G, noted) if fmt in _NOTING else render(G))


def _export_job(G: nx.MultiDiGraph, job: tuple[str, str]) -> Path:
    return export(G, *job)


def write_all(G: nx.MultiDiGraph, out_dir: str | Path, jobs: int = 1,
              formats: Iterable[str] = DEFAULT_FORMATS) -> list[Path]:
    """Write ``formats`` (default graph.json, questions.csv and citations.csv; see
    :func:`build_formats`) into ``out_dir``.

    With ``jobs > 1`` the formats are written by forked processes that share the graph
    (each file is the same as with one process). In one process (``kamerxref build``
    writes them while its workers render the pages) ``citations.csv`` notes what each
    question cites and ``questions.csv``, written after it, uses that."""
    out = Path(out_dir)
    work = [(fmt, str(out / file_name(fmt))) for fmt in formats]
    if jobs <= 1:
        noted = QuestionCites()
        return [export(G, fmt, path, noted) for fmt, path in work]
    return [Path(p) for p in fork_map(_export_job, work, jobs, shared=(G,), chunksize=1)]


#: Folders of a built site that only kamerxref writes into (a rebuild swaps in the whole
#: site, exporters.io.SiteBuild, so pages of letters no longer read are gone).
SITE_FOLDERS = ("letters", "assets")
