"""What each HTML view shows: the node and edge lists, taken from the graph of schema.md.

Three views share one page template and one script (``explorer.js``):

``letter``
    One letter: its sections and questions on the left, the pages / parts / documents /
    dossiers they cite on the right. For ``letter-181524`` that is the D66 question
    "Deze leden vragen de regering of zij kan aangeven hoe ..." linked to
    ``kst-36871-O/bijlage/p40`` (footnote 2, ``how="paragraph"``), the page linked to its
    part ``kst-36871-O/bijlage``, the part to ``kst-36871-O``, the document to
    ``dossier-36871``.
``corpus``
    The union of the letter views of every letter (the ``kamerxref export html`` view)
    while that stays drawable (:data:`MAX_FULL_NODES`); above it the overview.
``overview``
    The corpus at 1,000-10,000 letters (``index.html``; :func:`overview_data`): the
    letters table with filters, a timeline, the most-cited sources and pages, and a graph
    of the sources letters share. With 1,000 letters there are ~70,000 questions, far too
    many to draw.

The node set of a letter view is, exactly (the browser tests recompute it from the
networkx graph and compare the counts):

* the letter, its sections and its questions (``letter -contains->``);
* every node a question or the letter ``cites``, and the documents the letter is
  ``about``;
* upwards from those, every node reached over ``page_of`` / ``part_of`` / ``in_dossier``.

Its edges are the graph's edges between those nodes of kind ``cites``, ``page_of``,
``part_of``, ``in_dossier`` and ``about``, plus ``contains`` edges leaving a section
(section -> question, fractie section -> topic section). ``letter -contains->`` edges are
left out: the letter node would otherwise have an edge to every question.
"""
from __future__ import annotations

import datetime as _dt
import heapq
import itertools
import math
import re
from collections import defaultdict
from pathlib import PurePath
from typing import Any, Callable, Iterable

import networkx as nx

from kamerxref.graph.queries import edge_targets, json_strings, out_edges

from . import layout
from .links import safe_href, source_url

#: Edge kinds drawn in the letter and corpus views (plus ``contains`` from a section).
VIEW_EDGE_KINDS = frozenset({"cites", "page_of", "part_of", "in_dossier", "about"})
#: Edge kinds followed upwards from a cited node to its part, document and dossier.
UP_EDGE_KINDS = frozenset({"page_of", "part_of", "in_dossier"})
TARGET_KINDS = ("page", "part", "document", "dossier")
HOWS = ("direct", "paragraph", "section", "letter")
#: Above this many nodes the corpus view aggregates (letters <-> documents) instead of
#: drawing every question: vis-network stays interactive within 2 s below it.
MAX_FULL_NODES = 2500

MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")

#: Node colours and shapes (vis-network shape names); the legend is drawn from this table.
NODE_STYLE: dict[str, dict[str, str]] = {
    "letter": {"shape": "star", "color": "#37474f", "name": "Letter"},
    "fractie": {"shape": "ellipse", "color": "#ffe082", "name": "Fractie"},
    "section": {"shape": "box", "color": "#cfd8dc", "name": "Section (fractie / topic)"},
    "question": {"shape": "dot", "color": "#90a4ae", "name": "Question (colour: fractie)"},
    "page": {"shape": "square", "color": "#4db6ac", "name": "Page"},
    "part": {"shape": "triangle", "color": "#26a69a", "name": "Part (bijlage)"},
    "document": {"shape": "diamond", "color": "#00796b", "name": "Document"},
    "dossier": {"shape": "hexagon", "color": "#8d6e63", "name": "Dossier"},
}
#: ``cites`` edges by attribution confidence (DESIGN §3), other edges thin and grey.
HOW_STYLE: dict[str, dict[str, Any]] = {
    "direct": {"color": "#0d47a1", "width": 2.5, "dashes": False,
               "name": "direct: footnote since the previous question"},
    "paragraph": {"color": "#2e7d32", "width": 1.8, "dashes": [8, 4],
                  "name": "paragraph: earlier in the paragraph"},
    "section": {"color": "#e65100", "width": 1.5, "dashes": [2, 4],
                "name": "section: context paragraph before"},
    "letter": {"color": "#6a1b9a", "width": 1.5, "dashes": [12, 4, 2, 4],
               "name": "letter: introduction"},
}
#: A ``how`` outside DESIGN §3 (the pipeline may add one, e.g. ``text``) still gets a
#: checkbox and a legend entry, drawn in this style.
OTHER_HOW_STYLE = {"color": "#455a64", "width": 1.5, "dashes": [1, 3]}
STRUCTURE_EDGE_STYLE = {"color": "#b0bec5", "width": 1, "dashes": False}
ABOUT_EDGE_STYLE = {"color": "#78909c", "width": 1.2, "dashes": [4, 4]}
#: Fractie colours, assigned in sorted order of the graph's fractie names so a fractie
#: has the same colour on every page of one build.
PALETTE = ("#e53935", "#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#00acc1", "#fdd835",
           "#6d4c41", "#d81b60", "#3949ab", "#7cb342", "#546e7a")


def style_data() -> dict[str, Any]:
    """The colour / shape table the script draws with (the legend uses the same)."""
    return {"nodes": {k: {"shape": v["shape"], "color": v["color"]} for k, v in NODE_STYLE.items()},
            "hows": {k: {"color": v["color"], "width": v["width"], "dashes": v["dashes"]}
                     for k, v in HOW_STYLE.items()},
            "other": OTHER_HOW_STYLE, "structure": STRUCTURE_EDGE_STYLE,
            "about": ABOUT_EDGE_STYLE}


def hows_of(edges: list[dict[str, Any]]) -> list[str]:
    """The four ``how`` values of DESIGN §3, then any other the edges carry, sorted."""
    seen: set[str] = set()
    for e in edges:
        if e.get("how"):
            seen.add(e["how"])
        seen.update(e.get("hows", {}))
    return list(HOWS) + sorted(seen - set(HOWS))


# --------------------------------------------------------------------------- helpers
def json_list(value: Any) -> list[str]:
    """Decode a JSON-encoded list attribute (``'["Volt", "PvdD"]'``); [] when absent or
    malformed (a view must not fail on one bad attribute)."""
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if not isinstance(value, str) or not value:
        return []
    return list(json_strings(value))


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def _kind(G: nx.MultiDiGraph, n: str) -> str:
    return _str(G._node[n].get("kind"))  # G._node[n] without the view's checks (hot: every edge walk)


def parse_iso(value: Any) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(_str(value))
    except ValueError:
        return None


def date_nl(d: _dt.date | None) -> str:
    """``date(2026, 6, 23)`` -> ``"23 juni 2026"`` (as the letters print it)."""
    return f"{d.day} {MONTHS_NL[d.month - 1]} {d.year}" if d else ""


def deadline_status(deadline: _dt.date | None, today: _dt.date) -> tuple[int | None, str]:
    """Days left until the answer is due and a phrase for the header.

    Letter 181524 (23 juni 2026, "binnen vier weken") is due 21 juli 2026: on 1 juli 2026
    that is ``(20, "20 days left")``, on 23 juli 2026 ``(-2, "2 days overdue")``.
    """
    if deadline is None:
        return None, "no deadline"
    days = (deadline - today).days
    if days == 0:
        return 0, "due today"
    if days > 0:
        return days, f"{days} day{'s' if days != 1 else ''} left"
    return days, f"{-days} day{'s' if days != -1 else ''} overdue"


def fractie_colors(G: nx.MultiDiGraph) -> dict[str, str]:
    """Fractie name -> colour, over all fractie nodes and question fracties of ``G``."""
    names: set[str] = set()
    for d in G._node.values():  # the attribute dicts, without the node view
        k = d.get("kind")
        if k == "fractie":
            names.add(_str(d.get("name") or d.get("label")))
        elif k in ("question", "section", "letter"):
            names.update(json_list(d.get("fracties")))
    names.discard("")
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(sorted(names))}


def short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def document_of(G: nx.MultiDiGraph, n: str) -> str:
    """The document (or dossier) a cited node belongs to: ``kst-36871-O/bijlage/p40`` ->
    ``kst-36871-O``; a document or dossier is its own."""
    kind = _kind(G, n)
    if kind in ("document", "dossier"):
        return n
    doc = _str(G._node[n].get("document"))
    if doc and doc in G:
        return doc
    seen = {n}
    frontier = [n]
    while frontier:  # follow page_of / part_of up to the document
        cur = frontier.pop()
        for v, _, d in sorted(out_edges(G, cur), key=lambda e: e[0]):
            if d.get("kind") in ("page_of", "part_of") and v not in seen:
                if _kind(G, v) == "document":
                    return v
                seen.add(v)
                frontier.append(v)
    return n


def target_citation(G: nx.MultiDiGraph, n: str) -> str:
    """How a cited node is shown: ``kst-36871-O/bijlage/p40`` ->
    ``"Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40"``."""
    d = G._node[n]
    kind = _str(d.get("kind"))
    if kind == "document":
        return _str(d.get("citation") or d.get("label") or n)
    if kind == "dossier":
        return _str(d.get("label") or n)
    doc = document_of(G, n)
    base = target_citation(G, doc) if doc != n else _str(d.get("label") or n)
    part = _str(d.get("part"))
    text = f"{base}, {part}" if part else base
    if kind == "page":
        text += f", p. {_str(d.get('page'))}"
    return text


def readable_label(G: nx.MultiDiGraph, n: str) -> str:
    """A cited node as people write it, short: ``kst-36871-O/p5`` -> ``"36 871 O p. 5"``,
    ``kst-36871-O/bijlage/p40`` -> ``"36 871 O bijlage p. 40"``, ``kst-29628-1139`` ->
    ``"29 628 nr. 1139"``, ``dossier-36871`` -> ``"Dossier 36 871"``, ``com-2026-45`` ->
    ``"COM(2026)45"``; a letter ``"Letter 181524"``; other nodes their label."""
    if n not in G:
        return n
    d = G._node[n]
    kind = _kind(G, n)
    if kind == "letter":
        return f"Letter {_str(d.get('kenmerk')) or n}"
    if kind == "dossier":
        number = _str(d.get("number"))
        if _str(d.get("dossier_kind")) == "edossier":
            return f"E-dossier {number}"
        return f"Dossier {dossier_label(number)}" if number else _str(d.get("label") or n)
    if kind not in ("page", "part"):
        if kind == "document":
            m = _KST.match(n)
            if m:
                number = m.group(2)
                return f"{dossier_label(m.group(1))} " + (number if not number.isdigit() else f"nr. {number}")
            return _str(d.get("label") or n)
        return _str(d.get("label") or n)
    doc = document_of(G, n)
    base = readable_label(G, doc) if doc != n and doc in G else _str(d.get("label") or n)
    part = _str(d.get("part"))
    text = f"{base} {part}" if part else base
    if kind == "page":
        text += f" p. {_str(d.get('page'))}"
    return text


_KST = re.compile(r"^kst-(\d+(?:-[A-Z]+|-\d{2})?)-([A-Za-z0-9]+)$")


def dossier_label(dossier: str) -> str:
    """``36871`` -> ``36 871``; ``21501-02`` -> ``21 501-02``."""
    base, sep, suffix = dossier.partition("-")
    if len(base) == 5 and base.isdigit():
        base = f"{base[:2]} {base[2:]}"
    return base + (f"-{suffix}" if sep else "")


# --------------------------------------------------------------------------- node sets
def letter_members(G: nx.MultiDiGraph, lid: str) -> tuple[list[str], list[str]]:
    """(sections, questions) of a letter, sections by index and questions in document
    order."""
    sections, questions = [], []
    for v, _, d in out_edges(G, lid):
        if d.get("kind") != "contains":
            continue
        k = _kind(G, v)
        if k == "section":
            sections.append(v)
        elif k == "question":
            questions.append(v)
    sections.sort(key=lambda n: (_int(G._node[n].get("index")), n))
    questions.sort(key=lambda n: (_int(G._node[n].get("index")), n))
    return list(dict.fromkeys(sections)), list(dict.fromkeys(questions))


def cites_edges(G: nx.MultiDiGraph, sources: Iterable[str]) -> list[tuple[str, str, str, dict]]:
    out = []
    succ = G._succ  # the adjacency dicts walked in place (out_edges' order, no lists)
    for u in sources:
        for v, keyed in succ[u].items():
            for k, d in keyed.items():
                if d.get("kind") == "cites":
                    out.append((u, v, _str(k), d))
    out.sort(key=lambda e: (e[0], e[1], e[2]))
    return out


def view_nodes(G: nx.MultiDiGraph, letter_ids: Iterable[str],
               members: Callable[[str], tuple[list[str], list[str]]] | None = None) -> set[str]:
    """The node set of the letter view(s) (see the module docstring); ``members``: a
    letter's (sections, questions), :func:`letter_members` unless given."""
    members = members or (lambda lid: letter_members(G, lid))
    nodes: set[str] = set()
    frontier: list[str] = []
    for lid in letter_ids:
        sections, questions = members(lid)
        nodes.add(lid)
        nodes.update(sections)
        nodes.update(questions)
        for u in (lid, *questions):
            frontier += edge_targets(G, u, ("cites", "about"))
    while frontier:
        n = frontier.pop()
        if n in nodes:
            continue
        nodes.add(n)
        frontier += (v for v in edge_targets(G, n, UP_EDGE_KINDS) if v not in nodes)
    return nodes


def view_edges(G: nx.MultiDiGraph, nodes: set[str]) -> list[tuple[str, str, str, dict]]:
    """The drawn edges between ``nodes``, sorted by (from, to, key)."""
    out = []
    succ = G._succ  # walked in place, in out_edges' order
    for u in nodes:
        from_section = _kind(G, u) == "section"
        for v, keyed in succ[u].items():
            if v not in nodes:
                continue
            for k, d in keyed.items():
                kind = d.get("kind")
                if kind in VIEW_EDGE_KINDS or (kind == "contains" and from_section):
                    out.append((u, v, _str(k), d))
    out.sort(key=lambda e: (e[0], e[1], e[2]))
    return out


# --------------------------------------------------------------------------- records
#: Letter status values (DESIGN §5, set on letter nodes by the reply pairing); without
#: them the status is derived from the deadline: ``open`` or ``overdue``.
STATUS_ORDER = ("overdue", "open", "postponed", "partly answered", "answered late", "answered")


def letter_status(d: dict, days: int | None, today: _dt.date | None = None) -> str:
    """The letter's ``status`` attribute when the graph has one, else ``overdue`` past the
    deadline and ``open`` before it (or without one). A status that depends on the day
    (no reply yet: ``open``, ``overdue``, ``postponed``) is taken on the view's ``today``,
    which may differ from the day the graph was built for."""
    status = _str(d.get("status"))
    if status and status not in ("open", "overdue", "postponed"):
        return status
    expected = parse_iso(d.get("expected"))
    if status == "postponed" or (status and expected):
        if expected is None or today is None or today <= expected:
            return "postponed"
    return "overdue" if days is not None and days < 0 else "open"


def letter_record(G: nx.MultiDiGraph, lid: str, today: _dt.date) -> dict[str, Any]:
    """Letter metadata for the header, the panels and the overview table. ``due`` is the
    phrase about the deadline ("20 days left"; without a reply among the files read, "no
    reply found, 28 days past the deadline"), ``status`` the answer status
    (``open``, ``overdue``, ``answered`` ...; see :func:`letter_status`)."""
    d = G._node[lid]
    datum = parse_iso(d.get("datum"))
    deadline = parse_iso(d.get("deadline"))
    days, due = deadline_status(deadline, today)
    answered = parse_iso(d.get("answered"))
    source = _str(d.get("source"))
    status = letter_status(d, days, today)
    if status == "overdue" and not _str(d.get("reply")) and days is not None:
        # only the files read are known: say what was (not) found, not that the minister is late
        due = f"no reply found, {-days} day{'s' if days != -1 else ''} past the deadline"
    elif status == "postponed" and parse_iso(d.get("expected")):
        due = f"reply expected {date_nl(parse_iso(d.get('expected')))}"
    if answered is not None:
        days = None  # an answered letter counts no days left
        due = f"answered {date_nl(answered)}"
        late = _int(d.get("days_late"), 0)
        if late > 0:
            due += f", {late} day{'s' if late != 1 else ''} late"
    return {
        "id": lid,
        "kenmerk": _str(d.get("kenmerk")),
        "datum": datum.isoformat() if datum else _str(d.get("datum")),
        "datum_nl": date_nl(datum),
        "betreft": _str(d.get("betreft")),
        "deadline": deadline.isoformat() if deadline else "",
        "deadline_nl": date_nl(deadline),
        "days_left": days,
        "due": due,
        "status": status,
        "reply": _str(d.get("reply")),
        "answered": answered.isoformat() if answered else "",
        "term": _str(d.get("term")),
        "committee": _str(d.get("committee")),
        "committee_abbr": _str(d.get("committee_abbr")),
        "chamber": _str(d.get("chamber")),
        "addressee": _str(d.get("addressee")),
        "chair": _str(d.get("chair")),
        "source": PurePath(source).name if source else "",
        "fracties": json_list(d.get("fracties")),
        "n_questions": _int(d.get("n_questions")),
        "n_footnotes": _int(d.get("n_footnotes")),
        "n_warnings": _int(d.get("n_warnings")),
    }


def question_answer(G: nx.MultiDiGraph, q: str) -> dict[str, Any] | None:
    """The answer to a question: the attributes the reply pairing sets (``answer_text``,
    ``answer_how``, ``answer_score``, ``answer_letter``), else the text of an
    ``answer`` node with an ``answers`` edge to it; None when unanswered."""
    d = G._node[q]
    text = _str(d.get("answer_text"))
    if text:
        return {"text": text, "how": _str(d.get("answer_how")),
                "letter": _str(d.get("answer_letter")), "score": d.get("answer_score")}
    answers = [(u, e) for u, keyed in G._pred[q].items() for e in keyed.values()
               if e.get("kind") == "answers"]  # most questions have none: nothing to sort
    for u, e in sorted(answers, key=lambda t: t[0]):
        if _kind(G, u) == "answer":
            a = G._node[u]
            return {"text": _str(a.get("text")), "how": _str(e.get("how") or "number"),
                    "letter": _str(a.get("letter")), "score": e.get("score")}
    return None


def _node_record(G: nx.MultiDiGraph, n: str, colors: dict[str, str]) -> dict[str, Any]:
    d = G._node[n]
    kind = _str(d.get("kind"))
    label = _str(d.get("label") or n)
    rec: dict[str, Any] = {"id": n, "kind": kind,
                           "label": short(label, 24 if kind == "question" else 48)}
    if kind == "question":
        fr = json_list(d.get("fracties"))
        rec.update(letter=_str(d.get("letter")), index=_int(d.get("index")),
                   number=_str(d.get("number")), text=_str(d.get("text")), fracties=fr,
                   section=_str(d.get("section")), section_id=_str(d.get("section_id")),
                   line=_int(d.get("line")))
        answer = question_answer(G, n)
        if answer:
            rec["answer"] = answer
        if fr and fr[0] in colors:
            rec["color"] = colors[fr[0]]
    elif kind == "section":
        rec.update(letter=_str(d.get("letter")), heading=_str(d.get("heading")),
                   section_kind=_str(d.get("section_kind")),
                   fracties=json_list(d.get("fracties")), index=_int(d.get("index")))
        heading = _str(d.get("heading") or d.get("label") or n)
        if rec["section_kind"] == "fractie" and rec["fracties"]:
            heading = ", ".join(rec["fracties"])  # "Vragen en opmerkingen van ... D66" -> "D66"
        rec["label"] = short(heading, 32)
    elif kind in TARGET_KINDS:
        rec.update(citation=target_citation(G, n), url=source_url(G, n),
                   readable=readable_label(G, n),
                   document=document_of(G, n), part=_str(d.get("part")),
                   page=_int(d.get("page")) if kind == "page" else None,
                   doc_kind=_str(d.get("doc_kind") or d.get("dossier_kind")))
        # what a fetch cache tells about the cited paper (graph/documents.py)
        for key in ("doc_title", "doc_date", "doc_type"):
            if d.get(key):
                rec[key] = _str(d[key])
        if kind == "page" and d.get("text"):
            rec["page_text"] = _str(d["text"])
    elif kind == "letter":
        rec["label"] = short(_str(d.get("label") or n), 30)
    elif kind == "fractie":
        rec["name"] = _str(d.get("name") or d.get("label") or n)
        if rec["name"] in colors:
            rec["color"] = colors[rec["name"]]
    return rec


def _edge_record(i: int, u: str, v: str, d: dict) -> dict[str, Any]:
    rec: dict[str, Any] = {"id": f"e{i}", "from": u, "to": v, "kind": _str(d.get("kind"))}
    if rec["kind"] == "cites":
        rec["how"] = _str(d.get("how")) or "direct"
        rec["via"] = _str(d.get("via"))
        rec["footnotes"] = json_list(d.get("footnotes"))
    return rec


# --------------------------------------------------------------------------- views
def letter_ids(G: nx.MultiDiGraph) -> list[str]:
    """All letters, by (datum, id)."""
    ids = [n for n, d in G._node.items() if d.get("kind") == "letter"]
    return sorted(ids, key=lambda n: (_str(G._node[n].get("datum")), n))


def footnote_record(G: nx.MultiDiGraph, fid: str, lid: str,
                    index: "CorpusIndex | None" = None) -> dict[str, Any]:
    """A footnote with what it refers to: ``refs`` = ``[[node id, "36 871 O bijlage p. 40",
    official URL], ...]`` in the order of the graph's ``refers_to`` edges (labels and
    URLs from ``index`` where given: computed once per site)."""
    fd = G._node[fid]
    label, url = (index.label, index.url) if index is not None else (
        lambda v: readable_label(G, v), lambda v: source_url(G, v))
    refs = [[v, label(v), url(v)]
            for v in sorted((v for v in edge_targets(G, fid, ("refers_to",)) if v in G),
                            key=_ref_key)]
    return {"number": _str(fd.get("number")), "text": _str(fd.get("text")), "letter": lid,
            "line": _int(fd.get("line")), "refs": refs}


def _ref_key(node: str) -> list:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", node)]


def detail_data(G: nx.MultiDiGraph, lids: list[str], today: _dt.date,
                colors: dict[str, str] | None = None,
                index: "CorpusIndex | None" = None) -> dict[str, Any]:
    """Data of the ``letter`` (one letter) and ``corpus`` (several) views. ``colors``
    (:func:`fractie_colors`) is computed once per site: it scans the whole graph; so is
    ``index`` (a site's :class:`CorpusIndex`), which keeps the records of the cited
    pages, parts, documents and dossiers that many pages show."""
    colors = fractie_colors(G) if colors is None else colors
    record = ((lambda n: _node_record(G, n, colors)) if index is None else
              (lambda n: index.node_record(n, colors)))
    members = (lambda lid: letter_members(G, lid)) if index is None else index.members
    nodes = view_nodes(G, lids, members)
    edges = view_edges(G, nodes)
    pos = layout.detail_layout(G, lids, nodes, edges, members)
    order = sorted(nodes, key=lambda n: (pos[n][0], pos[n][1], n))
    node_recs = []
    for n in order:
        rec = record(n)
        rec["x"], rec["y"] = pos[n]
        node_recs.append(rec)
    footnotes: dict[str, dict[str, Any]] = {}
    for lid in lids:
        for v, _, d in out_edges(G, lid):
            if d.get("kind") == "contains" and _kind(G, v) == "footnote":
                footnotes[v] = footnote_record(G, v, lid, index)
    for _, _, _, d in cites_edges(G, [n for n in nodes if _kind(G, n) in ("question", "letter")]):
        via = _str(d.get("via"))
        if via and via in G and via not in footnotes:
            footnotes[via] = footnote_record(G, via, _str(G._node[via].get("letter")), index)
    edge_recs = [_edge_record(i, u, v, d) for i, (u, v, _, d) in enumerate(edges)]
    return {
        "mode": "letter" if len(lids) == 1 else "corpus",
        "hows": hows_of(edge_recs),
        "today": today.isoformat(),
        "letters": [letter_record(G, lid, today) for lid in lids],
        "fracties": [{"name": k, "color": v} for k, v in sorted(colors.items())],
        "nodes": node_recs,
        "edges": edge_recs,
        "footnotes": dict(sorted(footnotes.items())),
        "style": style_data(),
    }


def cited_sources(G: nx.MultiDiGraph, lid: str, up: Callable[[str], list[str]] | None = None,
                  questions: list[str] | None = None) -> dict[str, int]:
    """What a letter cites, with the number of its questions citing each: the cited
    pages, parts and documents and everything above them (part, document, dossier), and
    the documents it is ``about`` (count 0 unless cited too). ``up`` is
    :func:`up_closure` of a node and ``questions`` the letter's (a :class:`CorpusIndex`
    passes what it has computed once)."""
    up = up or (lambda n: up_closure(G, n))
    if questions is None:
        _, questions = letter_members(G, lid)
    per: dict[str, set[str]] = defaultdict(set)
    for u in (lid, *questions):  # unsorted: only the sets of citers count
        for v in edge_targets(G, u, ("cites",)):
            for t in up(v):
                per[t].add(u)
    for v, _, d in out_edges(G, lid):
        if d.get("kind") == "about" and v in G:
            for t in up(v):
                per.setdefault(t, set())
    return {t: len({q for q in qs if q != lid}) for t, qs in per.items()}


def up_closure(G: nx.MultiDiGraph, n: str) -> list[str]:
    """``kst-36871-O/bijlage/p40`` -> itself, ``kst-36871-O/bijlage``, ``kst-36871-O``,
    ``dossier-36871`` (over ``page_of`` / ``part_of`` / ``in_dossier``)."""
    out, seen = [n], {n}
    i = 0
    while i < len(out):
        for v, _, d in out_edges(G, out[i]):
            if d.get("kind") in UP_EDGE_KINDS and v not in seen:
                seen.add(v)
                out.append(v)
        i += 1
    return out


#: How much a shared source says about two letters being related, by kind.
RELATED_WEIGHT = {"page": 3.0, "part": 2.0, "document": 2.0, "dossier": 1.0}


class CorpusIndex:
    """What every page of a site needs about the whole corpus, computed once: per letter
    the sources it cites (:func:`cited_sources`), per source the letters citing it.

    For :meth:`related`, letters citing the same set of shared sources form one class
    (in a corpus of replies and follow-up letters on one dossier, hundreds of letters
    cite exactly the same pages): a letter's related letters are scored per class, so a
    page is O(classes sharing a source), not O(letters citing it), and 10,000 letters
    that all cite the same Kamerstuk no longer cost 10,000 x 10,000 steps.
    """

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.G = G
        self.lids = letter_ids(G)
        self._up: dict[str, list[str]] = {}
        self._labels: dict[str, str] = {}
        self._urls: dict[str, str] = {}
        self._records: dict[str, dict[str, Any]] = {}  # of cited nodes, by node_record
        self._members = {lid: letter_members(G, lid) for lid in self.lids}
        self.sources = {lid: cited_sources(G, lid, self.up_closure, self._members[lid][1])
                        for lid in self.lids}
        self.letters_of: dict[str, list[str]] = defaultdict(list)
        for lid in self.lids:
            for t in sorted(self.sources[lid]):
                self.letters_of[t].append(lid)
        # the related-letters classes: a letter's sorted shared sources -> class number
        self._kind = {t: _kind(G, t) for t in self.letters_of}
        self._weight = {t: RELATED_WEIGHT.get(self._kind[t], 1.0) / math.log2(1 + len(ls))
                        for t, ls in self.letters_of.items() if len(ls) > 1}
        classes: dict[tuple[str, ...], int] = {}
        self._class_members: list[list[str]] = []
        self._classes_of: dict[str, list[int]] = defaultdict(list)
        for lid in self.lids:
            key = tuple(t for t in sorted(self.sources[lid]) if t in self._weight)
            c = classes.get(key)
            if c is None:
                c = classes[key] = len(self._class_members)
                self._class_members.append([])
                for t in key:
                    self._classes_of[t].append(c)
            self._class_members[c].append(lid)
        for members in self._class_members:
            members.sort()

    def members(self, lid: str) -> tuple[list[str], list[str]]:
        """:func:`letter_members` of a letter, computed once."""
        return self._members[lid]

    def up_closure(self, n: str) -> list[str]:
        """:func:`up_closure`, computed once per node."""
        out = self._up.get(n)
        if out is None:
            out = self._up[n] = up_closure(self.G, n)
        return out

    def label(self, n: str) -> str:
        """:func:`readable_label`, computed once per node."""
        out = self._labels.get(n)
        if out is None:
            out = self._labels[n] = readable_label(self.G, n)
        return out

    def url(self, n: str) -> str:
        """:func:`source_url`, computed once per node."""
        out = self._urls.get(n)
        if out is None:
            out = self._urls[n] = source_url(self.G, n)
        return out

    def node_record(self, n: str, colors: dict[str, str]) -> dict[str, Any]:
        """The view record of a node (a new dict: the caller adds its position); a cited
        page, part, document or dossier's is computed once (5,000 letters citing one
        Kamerstuk show the same record), the others each time."""
        if _kind(self.G, n) not in TARGET_KINDS:
            return _node_record(self.G, n, colors)
        rec = self._records.get(n)
        if rec is None:
            rec = self._records[n] = _node_record(self.G, n, colors)
        return dict(rec)

    def shared(self, lid: str) -> list[str]:
        """The sources of ``lid`` that another letter cites too."""
        return sorted(t for t in self.sources[lid] if t in self._weight)

    def related(self, G: nx.MultiDiGraph, lid: str, n: int = 15) -> list[dict[str, Any]]:
        """The letters sharing most with ``lid``: a shared page counts 3, a part or
        document 2, a dossier 1, divided by the log of the number of letters citing it
        (a source half the corpus cites says little); ties by letter id."""
        score: dict[int, float] = defaultdict(float)
        common: dict[int, list[str]] = defaultdict(list)
        for t in sorted(self.sources[lid]):  # this order: the same float sums as per letter
            w = self._weight.get(t)
            if w is None:
                continue
            for c in self._classes_of[t]:
                score[c] += w
                common[c].append(t)
        by_score: dict[float, list[int]] = defaultdict(list)
        for c, sc in score.items():
            by_score[round(sc, 6)].append(c)
        ranked: list[tuple[str, int]] = []
        for sc in sorted(by_score, reverse=True):
            # the classes' members are sorted by id: merge them, and stop at n (a class
            # of 5,000 identical letters is not sorted again for every page)
            level = heapq.merge(*(zip(self._class_members[c], itertools.repeat(c))
                                  for c in by_score[sc]))
            ranked += itertools.islice(((o, c) for o, c in level if o != lid), n - len(ranked))
            if len(ranked) >= n:
                break
        out = []
        ordered: dict[int, list[str]] = {}  # a class's shared sources, most telling first
        for other, c in ranked[:n]:
            d = G._node[other]
            items = ordered.get(c)
            if items is None:
                items = ordered[c] = sorted(
                    common[c], key=lambda t: (-RELATED_WEIGHT.get(self._kind[t], 1.0), t))
            out.append({"id": other, "kenmerk": _str(d.get("kenmerk")), "betreft": _str(d.get("betreft")),
                        "datum": _str(d.get("datum")),
                        "shared": [[t, self._kind[t], self.label(t)] for t in items[:6]],
                        "n_shared": len(items)})
        return out


def overview_data(G: nx.MultiDiGraph, today: _dt.date,
                  letter_href: Callable[[str], str] | None = None,
                  colors: dict[str, str] | None = None,
                  index: "CorpusIndex | None" = None) -> dict[str, Any]:
    """Data of the ``overview`` view (``index.html``, and the single-file view of a corpus
    too large to draw every question), built for 1,000-10,000 letters: the letters
    table (each letter with its fractie question counts, its cited documents and the
    sources it shares with another letter), the cited sources (every document and
    dossier; pages and parts only when two letters cite them) with their counts; the
    script draws the table, the timeline, the most-cited lists and the graph of what
    letters share from it, and re-draws them for the filters."""
    colors = fractie_colors(G) if colors is None else colors
    index = index or CorpusIndex(G)
    letters = []
    q_letter: dict[str, str] = {}
    for lid in index.lids:
        _, questions = index.members(lid)
        for q in questions:
            q_letter[q] = lid
    per_fractie: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for v, lid in q_letter.items():  # the asks edges into the questions (not every edge)
        for u, keyed in G._pred[v].items():
            for d in keyed.values():
                if d.get("kind") == "asks":
                    per_fractie[lid][_str(G._node[u].get("name") or G._node[u].get("label") or u)] += 1
    keep: set[str] = set()
    for lid in index.lids:
        rec = letter_record(G, lid, today)
        src = index.sources[lid]
        rec["docs"] = sorted(t for t in src if _kind(G, t) in ("document", "dossier"))
        rec["n_documents"] = sum(1 for t in src if _kind(G, t) == "document")
        rec["shared"] = index.shared(lid)
        rec["fq"] = dict(sorted(per_fractie[lid].items()))
        if letter_href is not None:
            rec["href"] = letter_href(lid)
        keep.update(rec["docs"])
        keep.update(rec["shared"])
        letters.append(rec)
    n_questions: dict[str, int] = defaultdict(int)
    for lid in index.lids:
        for t, nq in index.sources[lid].items():
            n_questions[t] += nq
    sources = {}
    for t in sorted(keep):
        d = G._node[t]
        sources[t] = {"kind": _kind(G, t), "readable": readable_label(G, t),
                      "citation": target_citation(G, t), "url": source_url(G, t),
                      "document": document_of(G, t),
                      "n_letters": len(index.letters_of[t]), "n_questions": n_questions[t]}
        if _kind(G, t) == "page":
            sources[t]["page"] = _int(d.get("page"))
    return {
        "mode": "overview",
        "today": today.isoformat(),
        "letters": letters,
        "sources": sources,
        "fracties": [{"name": k, "color": v} for k, v in sorted(colors.items())],
        "links": letter_href is not None,
        "style": style_data(),
    }


def corpus_is_drawable(G: nx.MultiDiGraph, lids: list[str]) -> bool:
    """True when the full question <-> source graph of all letters stays under
    :data:`MAX_FULL_NODES` nodes."""
    return len(view_nodes(G, lids)) <= MAX_FULL_NODES
