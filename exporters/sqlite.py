"""``kamerxref export sqlite``: the corpus as a SQLite database, ready for Datasette.

    kamerxref export sqlite letters/ -o kamerxref.db && datasette kamerxref.db

Tables (primary keys, and foreign keys Datasette turns into links):

========== ==========================================================================
letters    one row per letter: the ``kamerxref letters`` record (``fracties`` and
           ``cites`` as JSON arrays, for ``json_each``), ``warnings`` as a count
questions  one row per question, as ``questions.csv`` (``letter`` -> letters)
footnotes  one row per footnote: ``id``, ``letter``, ``number`` as printed, ``text``,
           ``line``, ``n_citations``
citations  one row per question × cited node, as ``citations.csv`` (``question`` ->
           questions, ``letter`` -> letters)
answers    one row per answer × question it answers (Kamervragen answers, a minister's
           reply): ``answer``, ``letter`` (the answering letter), ``number``, ``text``,
           ``question``, ``how``, ``score``; empty when no answer was read
========== ==========================================================================

Full-text search (FTS5, ``unicode61`` with diacritics folded, so ``financiele`` finds
``financiële``) over ``questions.text`` and ``footnotes.text``: Datasette shows a search
box on both tables; in SQL::

    SELECT q.id, q.text FROM questions_fts JOIN questions q ON q.rowid = questions_fts.rowid
    WHERE questions_fts MATCH 'terugkeerhub'

Written with ``sqlite-utils`` into a temporary file beside the target, vacuumed and
renamed over it, so the same letters give a byte-identical file (same SQLite library),
and an interrupted export leaves the old file.
"""
from __future__ import annotations

import filecmp
import os
import shutil
import tempfile
from pathlib import Path

import networkx as nx

from .io import previous_of
from .json_graph import dumps
from .tables import citation_rows, letter_record, question_rows

TOKENIZE = "unicode61 remove_diacritics 2"


def _letters(G: nx.MultiDiGraph):
    for lid in sorted(n for n, k in G.nodes(data="kind") if k == "letter"):
        rec = letter_record(G, lid)
        rec["warnings"] = G.nodes[lid].get("n_warnings", 0)
        for k in ("fracties", "cites"):  # JSON arrays (json_each in SQL)
            rec[k] = dumps(rec[k]).decode("utf-8")
        yield rec


def _footnotes(G: nx.MultiDiGraph):
    rows = [{"id": n, "letter": d.get("letter"), "number": d.get("number"), "text": d.get("text", ""),
             "line": d.get("line"), "n_citations": d.get("n_citations", 0)}
            for n, d in G.nodes(data=True) if d.get("kind") == "footnote"]
    rows.sort(key=lambda r: (r["letter"] or "", r["line"] or 0, r["id"]))
    return rows


def _answers(G: nx.MultiDiGraph):
    rows = []
    for u, v, d in G.edges(data=True):
        if d.get("kind") != "answers":
            continue
        a = G.nodes[u]
        rows.append({"answer": u, "letter": a.get("letter"), "number": a.get("number", ""),
                     "text": a.get("text", ""), "question": v, "how": d.get("how", ""),
                     "score": d.get("score")})
    rows.sort(key=lambda r: (r["answer"], r["question"]))
    return rows


def _citations(G: nx.MultiDiGraph):
    for row in citation_rows(G):  # NULL, not "", where no page or part is cited
        row["page"] = None if row["page"] == "" else row["page"]
        row["part"] = row["part"] or None
        yield row


#: table -> (columns, primary key, foreign keys). Columns a record gains later (other
#: stages add fields to ``letters``) are added as they come.
SCHEMA = {
    "letters": ({"id": str, "kenmerk": str, "datum": str, "betreft": str, "committee": str,
                 "addressee": str, "chair": str, "deadline": str, "fracties": str,
                 "questions": int, "footnotes": int, "cites": str, "source": str,
                 "warnings": int}, "id", []),
    "questions": ({"id": str, "letter": str, "index": int, "number": str, "fracties": str,
                   "section": str, "text": str, "n_cites": int, "cites": str}, "id",
                  [("letter", "letters", "id")]),
    "footnotes": ({"id": str, "letter": str, "number": str, "text": str, "line": int,
                   "n_citations": int}, "id", [("letter", "letters", "id")]),
    "citations": ({"question": str, "letter": str, "fracties": str, "footnotes": str, "how": str,
                   "target": str, "target_kind": str, "document": str, "part": str, "page": int,
                   "url": str}, None, [("question", "questions", "id"), ("letter", "letters", "id")]),
    "answers": ({"answer": str, "letter": str, "number": str, "text": str, "question": str,
                 "how": str, "score": float}, ("answer", "question"),
                [("letter", "letters", "id")]),
}
INDEXES = [("questions", ["letter"]), ("footnotes", ["letter"]), ("citations", ["question"]),
           ("citations", ["target"]), ("citations", ["document"]), ("answers", ["question"])]


def write_sqlite(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the database to ``path`` (atomically)."""
    import sqlite_utils

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    rows = {"letters": _letters(G), "questions": question_rows(G),
            "footnotes": _footnotes(G), "citations": _citations(G), "answers": _answers(G)}
    try:
        os.unlink(tmp)  # sqlite makes its own file
        db = sqlite_utils.Database(tmp)
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        with db.conn:
            for name, (columns, pk, fks) in SCHEMA.items():
                db[name].create(columns, pk=pk, foreign_keys=fks or None)
                db[name].insert_all(rows[name], batch_size=2000, alter=True)
            for name, cols in INDEXES:
                db[name].create_index(cols)
        for name in ("questions", "footnotes"):
            db[name].enable_fts(["text"], fts_version="FTS5", tokenize=TOKENIZE)
        db.execute("PRAGMA journal_mode = DELETE")
        db.vacuum()
        db.close()
        old = previous_of(path) or path  # in a site build: the old site's database
        if old.is_file() and filecmp.cmp(tmp, old, shallow=False):
            os.unlink(tmp)  # the same database: leave the file (and its mtime) alone
            if old != path:
                os.link(old, path) if os.stat(old).st_dev == os.stat(path.parent).st_dev else \
                    os.replace(shutil.copy2(old, tmp), path)
        else:
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
    except BaseException:
        for leftover in (tmp, tmp + "-journal"):
            try:
                os.unlink(leftover)
            except FileNotFoundError:
                pass
        raise
    return path
