"""The Python API for Jupyter and scripts: load letters, get the graph, tables, queries
and an inline view.

>>> import kamerxref
>>> corpus = kamerxref.load()                      # the bundled letters in data/
>>> corpus.citing("kst-36871-O/bijlage/p40")       # doctest: +SKIP
>>> corpus.graph.nodes["letter-181524"]["deadline"]
'2026-07-21'
"""
from __future__ import annotations

import datetime as _dt
import html
import os
from dataclasses import dataclass, field, make_dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

import networkx as nx

from kamerxref.exporters import export as _export_data
from kamerxref.exporters import tables as _tables
from kamerxref.exporters import write_all
from kamerxref.exporters.io import SiteBuild, write_atomic
from kamerxref.graph import queries as _q
from kamerxref.graph.build import build_graph
from kamerxref.graph.documents import read_documents
from kamerxref.graph.model import Issue, Letter
from kamerxref.graph.pairing import STATUSES, Pairing, pair_replies, status_date
from kamerxref.graph.pipeline import load_letters, process

__all__ = ["Corpus", "View", "load", "from_text", "parse_citations", "fetch", "default_data",
           "build_date"]

#: Columns of :meth:`Corpus.status` (and ``kamerxref status``).
STATUS_COLUMNS = ["id", "kenmerk", "datum", "deadline", "status", "reply", "answered",
                  "answered_questions", "questions", "days_late", "days_open", "expected", "betreft"]


def default_data() -> Path:
    """The folder of bundled sample letters (``data/``), the default input.

    >>> sorted(p.name for p in default_data().glob("*.txt"))
    ['000_b50105430c9bb7d0.txt', '002_7ac5984d77b17826.txt']
    """
    return Path(str(resources.files("kamerxref.data")))


def build_date() -> _dt.date:
    """Today, or the date of ``SOURCE_DATE_EPOCH`` when set (reproducible builds): the
    date "days left" is counted from (letter 181524 is due 2026-07-21).

    >>> os.environ["SOURCE_DATE_EPOCH"] = "1782000000"; build_date()   # doctest: +SKIP
    datetime.date(2026, 6, 21)
    """
    return status_date()


def _table(rows, columns: list[str], name: str):
    """A pandas DataFrame when pandas is installed, else a list of dataclass rows."""
    rows = list(rows)
    try:
        import pandas as pd
    except ImportError:
        row = make_dataclass(name, columns)
        return [row(**{c: r.get(c) for c in columns}) for r in rows]
    df = pd.DataFrame(rows, columns=columns)
    dtypes = {c: t for c, t in _tables.CSV_DTYPES.items() if c in df.columns}
    for c, t in dtypes.items():
        if t == "Int64":
            df[c] = pd.to_numeric(df[c].replace("", None)).astype("Int64")
    return df


@dataclass
class View:
    """An interactive explorer page that shows itself inline in Jupyter.

    ``_repr_html_`` returns an ``<iframe srcdoc=...>`` holding the whole self-contained
    page, which works in JupyterLab, classic Notebook, VS Code and Colab, offline.
    """

    html: str
    height: int = 720

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
                f'style="width:100%;height:{self.height}px;border:1px solid #ccc" '
                f'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>')

    def __repr__(self) -> str:
        """Short: the page itself is shown by ``_repr_html_`` (a notebook stores it once)."""
        return f"<kamerxref View: {len(self.html):,} characters of HTML; .save(path) writes it>"

    def save(self, path: str | Path) -> Path:
        """Write the page to a file (atomically)."""
        return write_atomic(path, self.html)


@dataclass
class Corpus:
    """Letters read, resolved and attributed, with their graph and the queries on it.

    Build one with :func:`load` or :func:`from_text`.
    """

    letters: list[Letter]
    issues: list[Issue] = field(default_factory=list)  # files that could not be read
    #: cited documents' metadata from a fetch cache among the inputs (graph/documents.py)
    documents: dict = field(default_factory=dict)
    today: _dt.date | None = None  # the day statuses refer to (default: build_date())

    @cached_property
    def pairing(self) -> Pairing:
        """Replies linked to letters and answers to questions (graph/pairing.py): with
        ``tests/fixtures/replies/reply_180760.txt`` loaded, ``pairing.links`` holds
        ``ReplyLink(reply="letter-7204518", letter="letter-180760", how="kenmerk", ...)``;
        ``pairing.replies_of("letter-180760")`` and ``pairing.answers_of("letter-180760/q1")``
        ask it per letter and per question (an index made once, not a scan per call)."""
        return pair_replies(self.letters)

    def paired(self, jobs: int = 1) -> "Corpus":
        """Pair the replies now and return the corpus: :func:`load` gives its letters
        paired (with ``tests/fixtures/replies/reply_180760.txt`` loaded, letter-7204518's
        ``replies_to`` is ``["letter-180760"]``, and the pairing warnings are on the
        letters); a corpus made from letters read with ``load_letters(..., pair=False)``
        is paired once here, not twice; ``jobs`` processes match the answers."""
        if "pairing" not in self.__dict__:
            self.__dict__["pairing"] = pair_replies(self.letters, jobs=jobs)
        return self

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The citation graph (``networkx.MultiDiGraph``, DESIGN §4).

        >>> corpus.graph.nodes["kst-36871-O/bijlage/p40"]["kind"]     # doctest: +SKIP
        'page'
        """
        if self.__dict__.get("_released"):
            raise RuntimeError("this corpus let its letters go (build(keep_letters=False)): "
                               "its graph cannot be made again for another day; load it again")
        return self._graph_of(self.letters)

    def _graph_of(self, letters: list[Letter], consume: bool = False) -> nx.MultiDiGraph:
        return build_graph(letters, documents=self.documents, pairing=self.pairing,
                           today=self.today or build_date(), consume=consume)

    def at(self, today: _dt.date | None) -> "Corpus":
        """The statuses as of ``today`` (the graph is rebuilt when the day changes):
        ``corpus.at(date(2026, 6, 1)).graph.nodes["letter-181524"]["status"]`` is ``"open"``."""
        if today is not None and today != self.today:
            self.today = today
            self.__dict__.pop("graph", None)
        return self

    @property
    def warnings(self) -> list[Issue]:
        """Every warning: unreadable files, then each letter's own, e.g.
        ``data/x.txt:line 80, footnote 5: Idem after a footnote with two targets`` (the
        bundled letters 181524 and 180760 read without any)."""
        return list(self.issues) + [w for l in self.letters for w in l.warnings]

    # -- tables ------------------------------------------------------------------
    def letters_table(self):
        """One row per letter: kenmerk, datum, betreft, deadline, counts ...

        >>> kamerxref.load().letters_table()[["kenmerk", "deadline"]]   # doctest: +SKIP
              kenmerk    deadline
        0     180760  2026-06-03
        1     181524  2026-07-21
        """
        warnings = {l.id: [str(w) for w in l.warnings] for l in self.letters}
        rows = [_tables.letter_record(self.graph, lid, warnings.get(lid))
                for lid in sorted(n for n, k in self.graph.nodes(data="kind") if k == "letter")]
        for r in rows:
            r["fracties"] = "; ".join(r["fracties"])
            r["cites"] = "; ".join(r["cites"])
            r["warnings"] = len(r["warnings"])
        return _table(rows, _tables.LETTER_COLUMNS, "LetterRow")

    def questions(self, fractie: str | None = None):
        """One row per question in document order; ``fractie="D66"`` keeps that fractie's
        (a joint Volt/PvdD question belongs to both)."""
        rows = _tables.question_rows(self.graph)
        if fractie:
            rows = [r for r in rows if fractie in r["fracties"].split("; ")]
        return _table(rows, _tables.QUESTION_COLUMNS, "QuestionRow")

    def citations(self):
        """One row per question × cited node (page, else part, else document), with the
        footnotes it came through, ``how`` and the official URL.

        >>> corpus.citations().query("question == 'letter-181524/q1'")[["target", "how"]]  # doctest: +SKIP
                            target     how
        0  kst-36871-O/bijlage/p40  direct
        """
        return _table(_tables.citation_rows(self.graph), _tables.CITATION_COLUMNS, "CitationRow")

    def status(self, today: _dt.date | None = None):
        """One row per committee letter with its reply and status on ``today`` (default:
        the corpus's day), the most pressing first (overdue, open, postponed, partly
        answered, answered late, answered):

        >>> kamerxref.load().status(today=date(2026, 12, 4))[["id", "status", "days_late"]]  # doctest: +SKIP
                      id   status  days_late
        0  letter-180760  overdue        184
        1  letter-181524  overdue        136
        """
        return _table(self.status_records(today), STATUS_COLUMNS, "StatusRow")

    def status_records(self, today: _dt.date | None = None) -> list[dict]:
        """The rows of :meth:`status` as dicts (what ``kamerxref status`` prints):
        ``{"id": "letter-180760", "status": "overdue", "reply": None, "days_late": 184, ...}``."""
        G = self.at(today).graph
        rows = []
        for lid in sorted(n for n, d in G.nodes(data=True) if d.get("kind") == "letter"):
            d = G.nodes[lid]
            if not d.get("status"):
                continue
            rows.append({"id": lid, "kenmerk": d["kenmerk"] or None, "datum": d["datum"] or None,
                         "deadline": d["deadline"] or None, **_tables.letter_status_fields(d),
                         "questions": d["n_questions"], "days_open": d.get("days_open"),
                         "expected": d.get("expected") or None, "betreft": d["betreft"] or None})
        rank = {s: i for i, s in enumerate(STATUSES)}
        rows.sort(key=lambda r: (rank.get(r["status"], len(rank)), -(r["days_late"] or 0), r["id"]))
        return rows

    def unanswered(self, letter: str | None = None) -> list[dict]:
        """Question records (as :meth:`citing` gives them) that no loaded reply answers, in
        letter and document order; ``letter="letter-180760"`` keeps that letter's."""
        letter = node_id(letter) if letter else letter
        return [r for r in (_tables.question_record(self.graph, q)
                            for q in _tables.question_ids(self.graph, letter))
                if r["answer"] is None]

    # -- queries -----------------------------------------------------------------
    def citing(self, target: str) -> list[dict]:
        """Question records that cite ``target`` (page, part, document or dossier id, or a
        citation as people write it: ``"36 871 O bijlage p. 40"``).

        >>> corpus.citing("kst-36871-O/bijlage/p40")[0]["text"][:30]   # doctest: +SKIP
        'Deze leden vragen de regering '
        """
        return [_tables.question_record(self.graph, q)
                for q in _q.citing(self.graph, node_id(target))]

    def cites(self, question: str) -> list[dict]:
        """What a question (``letter-181524/q28``) cites, one record per node."""
        return _q.cites_of(self.graph, node_id(question))

    def most_cited(self, kind: str = "page", n: int | None = 10) -> list[tuple[str, int]]:
        """``[("kst-36871-O/p5", 9), ...]``: nodes cited by the most questions."""
        return _q.most_cited(self.graph, kind, n)

    def sharing(self, letter: str | None = None) -> list[tuple[str, str, list[str]]]:
        """Pairs of letters citing common sources, with the shared ids:
        ``[("letter-181524", "letter-190001", ["dossier-36871", "kst-36871-O", ...])]``."""
        return _q.letters_sharing(self.graph, node_id(letter) if letter else letter)

    def per_fractie(self, letter: str | None = None) -> dict[str, int]:
        """``{"Volt": 33, "PvdD": 33, "D66": 26, "JA21": 6}``: questions per fractie."""
        return _q.questions_per_fractie(self.graph, node_id(letter) if letter else letter)

    def label(self, node: str) -> str:
        """A node as people write it, for tables and charts: ``kst-36871-O/p5`` ->
        ``"36 871 O p. 5"``, ``kst-36871-O/bijlage/p40`` -> ``"36 871 O bijlage p. 40"``,
        ``dossier-36871`` -> ``"Dossier 36 871"``, ``letter-181524`` -> ``"Letter 181524"``."""
        from kamerxref.exporters.html.views import readable_label

        return readable_label(self.graph, node)

    def co_cited(self, kind: str = "page", min_count: int = 1) -> list[tuple[str, str, int]]:
        """Pairs of pages (or documents) cited by the same question: in letter 181524
        ``("kst-36871-O/bijlage/p42", "kst-36871-O/p5", 3)``."""
        return _q.co_cited(self.graph, kind, min_count)

    # -- views and files -----------------------------------------------------------
    def view(self, letter: str | None = None, today: _dt.date | None = None, height: int = 720) -> View:
        """The interactive explorer: one letter (``"letter-181524"``) or the whole corpus;
        in Jupyter the returned :class:`View` shows itself inline."""
        from kamerxref.exporters import html as _html

        today = today or self.today or build_date()
        self.at(today)
        letter = node_id(letter) if letter else letter
        page = (_html.render_letter(self.graph, letter, today) if letter
                else _html.render_corpus(self.graph, today))
        return View(page, height)

    def export(self, fmt: str, path: str | Path, today: _dt.date | None = None) -> Path:
        """Write one output: ``html``, ``json``, ``graphml``, ``gexf``, ``csv``,
        ``questions-csv`` or ``sqlite`` (a Datasette-ready database).

        >>> corpus.export("graphml", "kamerxref.graphml")   # doctest: +SKIP  (Gephi, yEd)
        >>> corpus.export("html", "letter-181524.html")      # doctest: +SKIP
        """
        if fmt == "html":
            return self.view(today=today).save(path)
        return _export_data(self.graph, fmt, path)

    def build(self, out_dir: str | Path = "kamerxref-out", today: _dt.date | None = None,
              jobs: int = 1, formats: str | None = None, keep_letters: bool = True) -> list[Path]:
        """Write everything ``kamerxref build`` writes; returns the paths, sorted:
        ``index.html``, ``letters/letter-181524.html``, ``graph.json`` ... ;
        ``formats="graphml,gexf,sqlite"`` (or ``"all"``) adds those data files.

        ``keep_letters=False`` lets each letter go once it is in the graph (the letters
        of 10,000 seed-size letters are some 600 MB beside a 1.3 GB graph): afterwards
        the corpus holds its graph and no letters (``kamerxref build`` does this)."""
        from kamerxref.exporters import build_formats
        from kamerxref.exporters import html as _html

        out = Path(out_dir)
        today = today or self.today or build_date()
        inputs = [l.source for l in self.letters]
        self.at(today)
        if not keep_letters and "graph" not in self.__dict__:
            self.pairing  # noqa: B018 - paired while the letters are here
            letters, self.letters = self.letters, []
            self.__dict__["_released"] = True
            self.__dict__["graph"] = self._graph_of(letters, consume=True)
        G = self.at(today).graph
        # built whole beside ``out`` and swapped in (exporters.io.SiteBuild): never a mix of
        # old and new pages, no stale page, never over a folder kamerxref did not make or
        # one holding an input
        with SiteBuild(out, inputs=inputs) as site:
            # this process writes the data files while the page workers render
            paths = _html.write_site(G, site.tmp, today, jobs=jobs, meanwhile=lambda: write_all(
                G, site.tmp, jobs=1, formats=build_formats(formats)))
        return sorted(site.path(p) for p in paths)


def node_id(text: str) -> str:
    """The graph id for an id or a citation as people write it (DESIGN §5):
    ``"36 871 O bijlage p. 40"`` -> ``kst-36871-O/bijlage/p40``, ``"181524"`` ->
    ``letter-181524``; ids pass through. Raises ``UnreadableId`` (a ``ValueError``)
    naming the text when it names no node."""
    from kamerxref.graph.citations.ids import target_from_text

    return target_from_text(text)


def load(*paths: str | Path, jobs: int = 1) -> Corpus:
    """Read letters from files and folders (default: the bundled ``data/``).

    >>> corpus = kamerxref.load("data/")             # doctest: +SKIP
    >>> [l.kenmerk for l in corpus.letters]           # doctest: +SKIP
    ['181524', '180760']
    """
    paths = paths or (default_data(),)
    letters, issues = load_letters(paths, jobs=jobs, pair=False)
    documents, doc_issues = read_documents(paths)
    return Corpus(letters, issues + doc_issues, documents).paired(jobs)


def from_text(*texts: str, source: str = "<text>") -> Corpus:
    """Read letters given as strings (the text format of the seeds in ``data/``).

    >>> text = open("data/002_7ac5984d77b17826.txt").read()          # doctest: +SKIP
    >>> from_text(text).letters[0].kenmerk                            # doctest: +SKIP
    '180760'
    """
    from kamerxref.graph.readers.text import read_text

    letters = [process(read_text(t, f"{source}#{i + 1}" if len(texts) > 1 else source))
               for i, t in enumerate(texts)]
    pair_replies(letters)
    return Corpus(letters)


def parse_citations(lines: list[str] | str) -> list[list]:
    """The citation engine on footnote texts, one per line, ``Idem`` resolved to the line
    before; returns the Citation records per line (``kst-36871-O``, part ``bijlage``).

    >>> parse_citations(["Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40.",
    ...                  "Idem, p. 18."])[1][0].pages            # doctest: +SKIP
    (18,)
    """
    from kamerxref.graph.citations import resolve_footnotes

    if isinstance(lines, str):
        lines = lines.splitlines()
    return [cits for cits, _ in resolve_footnotes([(str(i + 1), t) for i, t in enumerate(lines)])]


def fetch(cache: str | Path, *, dossier: str | tuple[str, ...] = (), ids: tuple[str, ...] = (),
          cited: tuple[str | Path, ...] | None = None, since: _dt.date | None = None,
          until: _dt.date | None = None, chamber: str | None = None, doc_type: str | None = None,
          committee: str | None = None, formats: tuple[str, ...] = ("xml",),
          sru_url: str | None = None, offline: bool = False, max_records: int = 1000,
          delay: float = 0.5, timeout: float = 30.0, retries: int = 4, backoff: float = 1.0,
          progress=None, on_records=None):
    """Fetch official papers from the KOOP SRU service into the folder ``cache``, as
    ``kamerxref fetch`` does; returns a :class:`~kamerxref.graph.fetch.FetchResult`
    (``fetched``, ``unchanged``, ``problems``, ``notes``, ``stopped``). ``cited`` (letter
    files or folders; ``()`` for the bundled ``data/``) adds what those letters cite.

    >>> kamerxref.fetch("cache", dossier="36871", formats=("xml", "pdf"))      # doctest: +SKIP
    >>> kamerxref.fetch("cache", cited=("data/",))                             # doctest: +SKIP
    >>> kamerxref.load("data/", "cache").graph.nodes["kst-36871-O"]["doc_title"]  # doctest: +SKIP
    'Kabinetsappreciatie onderzoeksrapport Clingendael; Brief regering'
    """
    from kamerxref.graph import fetch as F

    selection = F.Selection(dossiers=(dossier,) if isinstance(dossier, str) else tuple(dossier),
                            ids=tuple(ids), since=since, until=until, chamber=chamber,
                            doc_type=doc_type, committee=committee)
    other: list[str] = []
    if cited is not None:
        letters, _ = load_letters(list(cited) or [default_data()])
        found, bijlage, other = F.cited_documents(letters)
        selection.ids = tuple(dict.fromkeys(selection.ids + tuple(found)))
        selection.bijlagen_of = tuple(bijlage)
    if selection.is_empty():
        raise ValueError("say what to fetch: dossier, ids, cited, or since/until/chamber/"
                         "doc_type/committee")
    if offline:
        result = F.offline_report(selection, cache, formats)
    else:
        with F.Http(timeout=timeout, delay=delay, retries=retries, backoff=backoff) as http:
            result = F.fetch(selection, cache, http, formats, sru_url or F.SRU_URL, max_records,
                             progress=progress, on_records=on_records)
    if other:
        result.notes.insert(0, f"{len(other)} cited documents are not official publications in "
                               f"the KOOP service (EU documents, E-dossiers, case law): "
                               f"{', '.join(other[:8])}{' ...' if len(other) > 8 else ''}")
    return result
