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
    while that stays drawable (:data:`MAX_FULL_NODES`); above it the aggregate view.
``aggregate``
    Letters, fracties and cited documents, one edge per (letter, document) weighted by the
    number of ``cites`` edges it stands for. The overview (``index.html``) always uses it:
    with 1,000 letters there are ~70,000 questions, far too many to draw.

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
import json
import math
from collections import defaultdict
from pathlib import PurePath
from typing import Any, Callable, Iterable

import networkx as nx

from . import layout

#: Edge kinds drawn in the letter and corpus views (plus ``contains`` from a section).
VIEW_EDGE_KINDS = frozenset({"cites", "page_of", "part_of", "in_dossier", "about"})
#: Edge kinds followed upwards from a cited node to its part, document and dossier.
UP_EDGE_KINDS = frozenset({"page_of", "part_of", "in_dossier"})
TARGET_KINDS = ("page", "part", "document", "dossier")
HOWS = ("direct", "paragraph", "section", "letter")
#: Above this many nodes the corpus view aggregates (letters <-> documents) instead of
#: drawing every question: vis-network stays interactive within 2 s below it.
MAX_FULL_NODES = 2500
#: The aggregate graph draws at most this many documents (see :func:`graph_documents`).
MAX_GRAPH_DOCUMENTS = 600
#: Above this many letters the aggregate graph leaves out the fractie nodes and their
#: fractie -> letter edges (the Fractie filter and the fracties table remain).
MAX_FRACTIE_LETTERS = 200

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
    try:
        decoded = json.loads(value)
    except ValueError:
        return []
    return [str(v) for v in decoded] if isinstance(decoded, list) else []


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def _kind(G: nx.MultiDiGraph, n: str) -> str:
    return _str(G.nodes[n].get("kind"))


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
    for _, d in G.nodes(data=True):
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
    doc = _str(G.nodes[n].get("document"))
    if doc and doc in G:
        return doc
    seen = {n}
    frontier = [n]
    while frontier:  # follow page_of / part_of up to the document
        cur = frontier.pop()
        for _, v, d in sorted(G.out_edges(cur, data=True), key=lambda e: e[1]):
            if d.get("kind") in ("page_of", "part_of") and v not in seen:
                if _kind(G, v) == "document":
                    return v
                seen.add(v)
                frontier.append(v)
    return n


def target_citation(G: nx.MultiDiGraph, n: str) -> str:
    """How a cited node is shown: ``kst-36871-O/bijlage/p40`` ->
    ``"Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40"``."""
    d = G.nodes[n]
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


def safe_href(url: Any) -> str:
    """Only ``https://`` URLs become links (never ``javascript:`` or ``data:``)."""
    url = _str(url)
    return url if url.startswith("https://") and not any(c in url for c in "\"'<> \t\r\n") else ""


# --------------------------------------------------------------------------- node sets
def letter_members(G: nx.MultiDiGraph, lid: str) -> tuple[list[str], list[str]]:
    """(sections, questions) of a letter, sections by index and questions in document
    order."""
    sections, questions = [], []
    for _, v, d in G.out_edges(lid, data=True):
        if d.get("kind") != "contains":
            continue
        k = _kind(G, v)
        if k == "section":
            sections.append(v)
        elif k == "question":
            questions.append(v)
    sections.sort(key=lambda n: (_int(G.nodes[n].get("index")), n))
    questions.sort(key=lambda n: (_int(G.nodes[n].get("index")), n))
    return list(dict.fromkeys(sections)), list(dict.fromkeys(questions))


def cites_edges(G: nx.MultiDiGraph, sources: Iterable[str]) -> list[tuple[str, str, str, dict]]:
    out = []
    for u in sources:
        for _, v, k, d in G.out_edges(u, keys=True, data=True):
            if d.get("kind") == "cites":
                out.append((u, v, _str(k), d))
    out.sort(key=lambda e: (e[0], e[1], e[2]))
    return out


def view_nodes(G: nx.MultiDiGraph, letter_ids: Iterable[str]) -> set[str]:
    """The node set of the letter view(s) (see the module docstring)."""
    nodes: set[str] = set()
    frontier: list[str] = []
    for lid in letter_ids:
        sections, questions = letter_members(G, lid)
        nodes.add(lid)
        nodes.update(sections)
        nodes.update(questions)
        for _, v, d in G.out_edges([lid, *questions], data=True):
            if d.get("kind") in ("cites", "about"):
                frontier.append(v)
    while frontier:
        n = frontier.pop()
        if n in nodes:
            continue
        nodes.add(n)
        for _, v, d in G.out_edges(n, data=True):
            if d.get("kind") in UP_EDGE_KINDS and v not in nodes:
                frontier.append(v)
    return nodes


def view_edges(G: nx.MultiDiGraph, nodes: set[str]) -> list[tuple[str, str, str, dict]]:
    """The drawn edges between ``nodes``, sorted by (from, to, key)."""
    out = []
    for u in nodes:
        from_section = _kind(G, u) == "section"
        for _, v, k, d in G.out_edges(u, keys=True, data=True):
            if v not in nodes:
                continue
            kind = d.get("kind")
            if kind in VIEW_EDGE_KINDS or (kind == "contains" and from_section):
                out.append((u, v, _str(k), d))
    out.sort(key=lambda e: (e[0], e[1], e[2]))
    return out


# --------------------------------------------------------------------------- records
def letter_record(G: nx.MultiDiGraph, lid: str, today: _dt.date) -> dict[str, Any]:
    """Letter metadata for the header, the panels and the overview table."""
    d = G.nodes[lid]
    datum = parse_iso(d.get("datum"))
    deadline = parse_iso(d.get("deadline"))
    days, status = deadline_status(deadline, today)
    source = _str(d.get("source"))
    return {
        "id": lid,
        "kenmerk": _str(d.get("kenmerk")),
        "datum": datum.isoformat() if datum else _str(d.get("datum")),
        "datum_nl": date_nl(datum),
        "betreft": _str(d.get("betreft")),
        "deadline": deadline.isoformat() if deadline else "",
        "deadline_nl": date_nl(deadline),
        "days_left": days,
        "status": status,
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


def _node_record(G: nx.MultiDiGraph, n: str, colors: dict[str, str]) -> dict[str, Any]:
    d = G.nodes[n]
    kind = _str(d.get("kind"))
    rec: dict[str, Any] = {"id": n, "kind": kind, "label": short(_str(d.get("label") or n), 48)}
    if kind == "question":
        fr = json_list(d.get("fracties"))
        rec.update(letter=_str(d.get("letter")), index=_int(d.get("index")),
                   number=_str(d.get("number")), text=_str(d.get("text")), fracties=fr,
                   section=_str(d.get("section")), section_id=_str(d.get("section_id")),
                   line=_int(d.get("line")))
        rec["label"] = short(_str(d.get("label") or n), 24)
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
        rec.update(citation=target_citation(G, n), url=safe_href(d.get("url")),
                   document=document_of(G, n), part=_str(d.get("part")),
                   page=_int(d.get("page")) if kind == "page" else None,
                   doc_kind=_str(d.get("doc_kind") or d.get("dossier_kind")))
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
    ids = [n for n, d in G.nodes(data=True) if d.get("kind") == "letter"]
    return sorted(ids, key=lambda n: (_str(G.nodes[n].get("datum")), n))


def detail_data(G: nx.MultiDiGraph, lids: list[str], today: _dt.date,
                colors: dict[str, str] | None = None) -> dict[str, Any]:
    """Data of the ``letter`` (one letter) and ``corpus`` (several) views. ``colors``
    (:func:`fractie_colors`) is computed once per site: it scans the whole graph."""
    colors = fractie_colors(G) if colors is None else colors
    nodes = view_nodes(G, lids)
    edges = view_edges(G, nodes)
    pos = layout.detail_layout(G, lids, nodes, edges)
    order = sorted(nodes, key=lambda n: (pos[n][0], pos[n][1], n))
    node_recs = []
    for n in order:
        rec = _node_record(G, n, colors)
        rec["x"], rec["y"] = pos[n]
        node_recs.append(rec)
    footnotes: dict[str, dict[str, Any]] = {}
    for lid in lids:
        for _, v, d in G.out_edges(lid, data=True):
            if d.get("kind") == "contains" and _kind(G, v) == "footnote":
                fd = G.nodes[v]
                footnotes[v] = {"number": _str(fd.get("number")), "text": _str(fd.get("text")),
                                "letter": lid, "line": _int(fd.get("line"))}
    for _, _, _, d in cites_edges(G, [n for n in nodes if _kind(G, n) in ("question", "letter")]):
        via = _str(d.get("via"))
        if via and via in G and via not in footnotes:
            fd = G.nodes[via]
            footnotes[via] = {"number": _str(fd.get("number")), "text": _str(fd.get("text")),
                              "letter": _str(fd.get("letter")), "line": _int(fd.get("line"))}
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


def aggregate_data(G: nx.MultiDiGraph, today: _dt.date,
                   letter_href: Callable[[str], str] | None = None,
                   colors: dict[str, str] | None = None) -> dict[str, Any]:
    """Data of the ``aggregate`` view: letters, fracties, documents and their counts.

    Nodes: every letter; every fractie that asks a question (``fractie -asks->``); every
    document or dossier a letter or its questions cite (pages and parts folded into their
    document) or that a letter is ``about``. Edges: fractie -> letter (``member``, weight =
    questions asked), letter -> document (``cites``, weight = ``cites`` edges folded in,
    per ``how``), letter -> document (``about``).
    """
    colors = fractie_colors(G) if colors is None else colors
    lids = letter_ids(G)
    letters = []
    agg: dict[tuple[str, str], dict[str, Any]] = {}
    doc_questions: dict[str, set[str]] = defaultdict(set)
    doc_letters: dict[str, set[str]] = defaultdict(set)
    doc_cites: dict[str, int] = defaultdict(int)
    fractie_letters: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    about: set[tuple[str, str]] = set()
    question_letter: dict[str, str] = {}
    for lid in lids:
        rec = letter_record(G, lid, today)
        sections, questions = letter_members(G, lid)
        docs_of_letter: set[str] = set()
        for q in questions:
            question_letter[q] = lid
        for u, v, _, d in cites_edges(G, [lid, *questions]):
            doc = document_of(G, v)
            docs_of_letter.add(doc)
            a = agg.setdefault((lid, doc), {"weight": 0, "hows": defaultdict(int), "q": set()})
            a["weight"] += 1
            a["hows"][_str(d.get("how")) or "direct"] += 1
            if u != lid:
                a["q"].add(u)
                doc_questions[doc].add(u)
            doc_letters[doc].add(lid)
            doc_cites[doc] += 1
        for _, v, d in G.out_edges(lid, data=True):
            if d.get("kind") == "about" and v in G:
                about.add((lid, v))
                doc_letters[v].add(lid)
                docs_of_letter.add(v)
        rec["n_documents"] = len(docs_of_letter)
        rec["n_sections"] = len(sections)
        if letter_href is not None:
            rec["href"] = letter_href(lid)
        letters.append(rec)
    for u, v, d in G.edges(data=True):
        if d.get("kind") == "asks" and v in question_letter:
            fractie_letters[u][question_letter[v]] += 1
    all_docs = sorted(doc_letters)
    docs = graph_documents(all_docs, doc_letters, doc_cites)
    shown = set(docs)
    # fractie -> letter edges help a small corpus; with hundreds of letters they are
    # thousands of edges that say nothing the Fractie filter and table do not say
    fr_ids = sorted(fractie_letters) if len(lids) <= MAX_FRACTIE_LETTERS else []
    nodes = {**{lid: None for lid in lids}, **{f: None for f in fr_ids}, **{d: None for d in docs}}
    edge_list: list[tuple[str, str, str, dict[str, Any]]] = []
    for f in fr_ids:
        for lid, w in sorted(fractie_letters[f].items()):
            edge_list.append((f, lid, "member", {"weight": w}))
    for (lid, doc), a in agg.items():
        if doc not in shown:
            continue
        edge_list.append((lid, doc, "cites", {"weight": a["weight"],
                                              "hows": dict(sorted(a["hows"].items())),
                                              "questions": len(a["q"])}))
    for lid, doc in about:
        if doc not in shown:
            continue
        edge_list.append((lid, doc, "about", {"weight": 1}))
    edge_list.sort(key=lambda e: (e[0], e[1], e[2]))
    pos = layout.aggregate_layout(lids, fr_ids, docs, edge_list)
    node_recs = []
    by_id = {r["id"]: r for r in letters}
    for n in sorted(nodes, key=lambda n: (pos[n][0], pos[n][1], n)):
        rec = _node_record(G, n, colors)
        rec["x"], rec["y"] = pos[n]
        kind = rec["kind"]
        if kind == "letter":
            lrec = by_id[n]
            rec["label"] = short(f"{lrec['kenmerk'] or n} {lrec['betreft']}", 40)
            rec["fracties"] = lrec["fracties"]
            rec["size"] = node_size(lrec["n_questions"])
        elif kind == "fractie":
            rec["n_letters"] = len(fractie_letters[n])
            rec["n_questions"] = sum(fractie_letters[n].values())
            rec["size"] = node_size(rec["n_questions"])
        else:
            rec["n_letters"] = len(doc_letters[n])
            rec["n_questions"] = len(doc_questions[n])
            rec["n_cites"] = doc_cites[n]
            rec["size"] = node_size(doc_cites[n])
        node_recs.append(rec)
    documents = []
    for d in all_docs:
        rec = _node_record(G, d, colors)
        documents.append({"id": d, "kind": rec["kind"], "citation": rec.get("citation", d),
                          "url": rec.get("url", ""), "doc_kind": rec.get("doc_kind", ""),
                          "n_letters": len(doc_letters[d]), "n_questions": len(doc_questions[d]),
                          "n_cites": doc_cites[d], "letters": sorted(doc_letters[d]),
                          "in_graph": d in shown})
    edges = []
    for i, (u, v, kind, attrs) in enumerate(edge_list):
        edges.append({"id": f"e{i}", "from": u, "to": v, "kind": kind, **attrs})
    return {
        "mode": "aggregate",
        "hows": hows_of(edges),
        "today": today.isoformat(),
        "letters": letters,
        "fracties": [{"name": k, "color": v} for k, v in sorted(colors.items())],
        "nodes": node_recs,
        "edges": edges,
        "footnotes": {},
        "documents": documents,
        "fractie_table": [
            {"id": f, "name": _str(G.nodes[f].get("name") or G.nodes[f].get("label") or f),
             "n_letters": len(fractie_letters[f]), "n_questions": sum(fractie_letters[f].values()),
             "letters": sorted(fractie_letters[f])}
            for f in sorted(fractie_letters)],
        "n_documents_hidden": len(all_docs) - len(docs),
        "links": letter_href is not None,
        "style": style_data(),
    }


def graph_documents(all_docs: list[str], doc_letters: dict[str, set[str]],
                    doc_cites: dict[str, int]) -> list[str]:
    """The documents drawn in the aggregate graph: all of them up to
    :data:`MAX_GRAPH_DOCUMENTS`; beyond that the documents shared by at least two letters,
    most shared first, at most :data:`MAX_GRAPH_DOCUMENTS` (a document one letter cites
    links nothing; the documents table still lists every one). 1,000 letters cite some
    3,000 documents: drawing them all made the overview take 3 s before it responded."""
    if len(all_docs) <= MAX_GRAPH_DOCUMENTS:
        return all_docs
    ranked = sorted(all_docs, key=lambda d: (-len(doc_letters[d]), -doc_cites[d], d))
    return sorted(d for d in ranked[:MAX_GRAPH_DOCUMENTS] if len(doc_letters[d]) >= 2)


def corpus_is_drawable(G: nx.MultiDiGraph, lids: list[str]) -> bool:
    """True when the full question <-> source graph of all letters stays under
    :data:`MAX_FULL_NODES` nodes."""
    return len(view_nodes(G, lids)) <= MAX_FULL_NODES


def node_size(weight: int) -> float:
    """Aggregate node size grows with the square root of its weight (8..24 px)."""
    return round(min(24.0, 8.0 + 1.5 * math.sqrt(max(0, weight))), 1)

