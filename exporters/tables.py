"""Tables of the graph: letters, questions and citations as rows (lists of dicts) and as
CSV (``questions.csv``, ``citations.csv``) for pandas and spreadsheets.

``citations.csv`` has one row per question × cited node (DESIGN §5), e.g. for letter
181524::

    question,letter,fractie,footnote,how,target,document,part,page,url
    letter-181524/q1,letter-181524,D66,2,paragraph,kst-36871-O/bijlage/p40,kst-36871-O,bijlage,40,https://...

Column types (what :data:`CSV_DTYPES` tells ``pandas.read_csv``): integers for
``index``/``page``/``n_cites`` (``page`` is empty where a part or document is cited),
text for the rest; list-valued cells (``fracties``) are joined with ``"; "``.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

import networkx as nx

from kamerxref.graph.queries import cited_documents, cites_of, json_strings

LETTER_COLUMNS = ["id", "kenmerk", "datum", "betreft", "committee", "addressee", "chair",
                  "deadline", "fracties", "questions", "footnotes", "cites", "source", "warnings",
                  "status", "reply", "answered", "answered_questions", "days_late",
                  "kind", "publication"]
QUESTION_COLUMNS = ["id", "letter", "index", "number", "fracties", "section", "text", "n_cites", "cites",
                    "answer", "answer_how"]
CITATION_COLUMNS = ["question", "letter", "fracties", "footnotes", "how", "target", "target_kind",
                    "document", "part", "page", "url"]
#: dtypes for ``pandas.read_csv`` (nullable integers where a cell may be empty).
CSV_DTYPES = {"index": "Int64", "number": "string", "page": "Int64", "n_cites": "Int64",
              "part": "string", "footnotes": "string", "fracties": "string",
              "answered_questions": "Int64", "days_late": "Int64"}


def _nodes(G: nx.MultiDiGraph, kind: str) -> list[str]:
    return [n for n, d in G.nodes(data=True) if d.get("kind") == kind]


def question_ids(G: nx.MultiDiGraph, letter: str | None = None) -> list[str]:
    qs = [q for q in _nodes(G, "question") if letter is None or G._node[q]["letter"] == letter]
    return sorted(qs, key=lambda q: (G._node[q]["letter"], G._node[q]["index"]))


def question_record(G: nx.MultiDiGraph, qid: str) -> dict:
    """The ``kamerxref questions`` record of DESIGN §5: cites hold the most specific node."""
    d = G._node[qid]
    cites = [{"id": c["id"], "document": c["document"], "part": c["part"], "page": c["page"],
              "how": c["how"], "footnotes": c["footnotes"]} for c in cites_of(G, qid)]
    return {"id": qid, "letter": d["letter"], "fracties": json.loads(d["fracties"]),
            "section": d["section"] or None, "number": d["number"] or None, "text": d["text"],
            "cites": cites, "answer": answer_of(d)}


def answer_of(d: dict) -> dict | None:
    """The ``answer`` of a question record (graph/pairing.py): ``{"letter", "text", "how",
    "score"}`` (the answering letter, the answer's text, how it was paired, 0..1) or None."""
    if not d.get("answer"):
        return None
    return {"letter": d["answer_letter"], "text": d["answer_text"], "how": d["answer_how"],
            "score": d["answer_score"]}


def letter_status_fields(d: dict) -> dict:
    """A letter's reply and status (DESIGN §5): ``status`` (``open``, ``overdue``,
    ``postponed``, ``answered``, ``answered late``, ``partly answered``; null for replies
    and answers), ``reply`` (id), ``answered`` (ISO date), ``answered_questions``,
    ``days_late`` (days past the deadline of a late reply, or of an overdue letter so far)."""
    return {"status": d.get("status") or None, "reply": d.get("reply") or None,
            "answered": d.get("answered") or None,
            "answered_questions": d.get("answered_questions", 0),
            "days_late": d.get("days_late")}


def letter_record(G: nx.MultiDiGraph, lid: str, warnings: list[str] | None = None) -> dict:
    d = G._node[lid]
    return {"id": lid, "kenmerk": d["kenmerk"] or None, "datum": d["datum"] or None,
            "betreft": d["betreft"] or None, "committee": d["committee"] or None,
            "addressee": d["addressee"] or None, "chair": d["chair"] or None,
            "deadline": d["deadline"] or None, "fracties": json.loads(d["fracties"]),
            "questions": d["n_questions"], "footnotes": d["n_footnotes"],
            "cites": cited_documents(G, lid), "source": d["source"],
            "warnings": list(warnings or []), **letter_status_fields(d),
            "kind": d.get("role") or "committee", "publication": d.get("publication") or None}


class QuestionCites:
    """What each question cites, as ``questions.csv`` needs it (``n_cites`` and ``cites``),
    noted while ``citations.csv`` is written: a build writes both, and working out every
    question's cites (:func:`cites_of`) once rather than twice saves a third of the two
    files' time. Only complete once :func:`citation_rows` has run to its end."""

    def __init__(self) -> None:
        self.order: list[str] = []  # every question, in letter and question order
        # a question citing one node: its id (no new string); more: (count, "id; id");
        # none: not here
        self.cited: dict[str, str | tuple[int, str]] = {}
        self.complete = False

    def of(self, qid: str) -> tuple[int, str]:
        c = self.cited.get(qid)
        if c is None:
            return 0, ""
        return (1, c) if type(c) is str else c


def citation_rows(G: nx.MultiDiGraph, noted: QuestionCites | None = None) -> Iterator[dict]:
    """One row per question × cited node, in letter and question order (a generator:
    10,000 letters make half a million rows). ``noted`` keeps what each question cites,
    for :func:`question_rows`."""
    order = question_ids(G)
    for qid in order:
        d = G._node[qid]
        fracties = "; ".join(json_strings(d["fracties"]))
        cites = cites_of(G, qid)
        if noted is not None and cites:
            noted.cited[qid] = (cites[0]["id"] if len(cites) == 1 else
                                (len(cites), "; ".join(c["id"] for c in cites)))
        for c in cites:
            yield {"question": qid, "letter": d["letter"], "fracties": fracties,
                   "footnotes": "; ".join(c["footnotes"]), "how": c["how"],
                   "target": c["id"], "target_kind": c["kind"], "document": c["document"],
                   "part": c["part"] or "", "page": "" if c["page"] is None else c["page"],
                   "url": c["url"]}
    if noted is not None:
        noted.order, noted.complete = order, True


def question_rows(G: nx.MultiDiGraph, noted: QuestionCites | None = None) -> Iterator[dict]:
    """One row per question, in letter and document order (with ``noted`` complete, the
    cites :func:`citation_rows` found)."""
    if noted is not None and noted.complete:
        for qid in noted.order:
            n, cites = noted.of(qid)
            yield _question_row(qid, G._node[qid], n, cites)
        return
    for qid in question_ids(G):
        found = cites_of(G, qid)
        yield _question_row(qid, G._node[qid], len(found), "; ".join(c["id"] for c in found))


def _question_row(qid: str, d: dict, n_cites: int, cites: str) -> dict:
    return {"id": qid, "letter": d["letter"], "index": d["index"], "number": d["number"],
            "fracties": "; ".join(json_strings(d["fracties"])), "section": d["section"],
            "text": d["text"], "n_cites": n_cites, "cites": cites,
            "answer": d.get("answer", ""), "answer_how": d.get("answer_how", "")}


#: A cell a spreadsheet would run as a formula starts with one of these (OWASP "CSV
#: injection"): ``=HYPERLINK(...)`` in a question's text, ``@SUM``, ``+``, ``-``, a tab or
#: a carriage return.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(v):
    if type(v) is str and "\r" not in v:  # most cells: no type checks beyond this one
        return neutralise_formula(v)
    if v is None:
        return ""
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        v = "; ".join(v)
    elif isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, str):
        # a lone CR would end the row for a CSV reader (the writer quotes only "\n")
        return neutralise_formula(v.replace("\r\n", "\n").replace("\r", "\n") if "\r" in v else v)
    return v


def neutralise_formula(text: str) -> str:
    """Text a spreadsheet would take for a formula gets a leading ``'`` (shown as text,
    the apostrophe hidden): ``"=HYPERLINK(\\"http://x\\")"`` -> ``"'=HYPERLINK(..."``;
    ``"- het non-refoulement"`` -> ``"'- het non-refoulement"``. Other text is unchanged;
    numbers stay numbers (a page ``-`` never occurs: pages are integers)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def iter_csv(rows: Iterable[dict], columns: list[str], batch: int = 2000) -> Iterator[str]:
    """CSV text in chunks (header first), ``\\n`` line endings, lists joined with ``"; "``."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")  # DictWriter's rows, as lists: a third faster
    w.writerow(columns)
    for i, r in enumerate(rows, 1):
        w.writerow([_cell(r.get(c, "")) for c in columns])
        if i % batch == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def to_csv(rows: Iterable[dict], columns: list[str]) -> str:
    return "".join(iter_csv(rows, columns))
