"""Precomputed, deterministic layered layouts (vis-network then runs with physics off).

The positions are computed once in Python from the networkx graph, so the same graph gives
the same picture on every build and nothing moves when the page opens. A letter view is
five columns, left to right::

    letter, sections | questions | pages, parts | documents | dossiers

Questions stand in document order, one row each, with an empty row where the section
changes (so "Vragen en opmerkingen van de leden van de fractie van D66" and the JA21
section form visible blocks). Every other node is placed at the barycentre (mean row) of
the nodes that point at it -- a page at the mean of the questions citing it, a document
at the mean of its pages -- then pushed down just enough not to overlap the node above
(one forward sweep, linear after sorting) and the column shifted back so the nodes sit
on average where they want to be. Pages of one document are kept together, ordered by
the questions citing them (``bijlage p. 40``, cited by the first D66 questions, above
``p. 6``, cited by Volt and PvdD), which keeps edges short and crossings few.
Ties are broken by node id, so the layout never depends on dict or set order.
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Any, Callable, Iterable

import networkx as nx

ROW = 34.0  # px between rows
COL = 320.0  # px between columns
COLUMN = {"letter": 0, "section": 0, "question": 1, "page": 2, "part": 2, "document": 3,
          "dossier": 4}


def _mean(values: list[float], default: float) -> float:
    return sum(values) / len(values) if values else default


def _sweep(items: list[tuple[Any, float]], gap: float = ROW) -> dict[Any, float]:
    """Place items (already in display order) at their desired y, at least ``gap`` below
    the previous one; then shift the column so that on average the items sit at their
    desired y (a forward sweep alone pushes everything below the first crowded spot)."""
    out: dict[Any, float] = {}
    prev = None
    for node, want in items:
        y = want if prev is None else max(want, prev + gap)
        out[node] = y
        prev = y
    if items:
        shift = sum(out[n] - want for n, want in items) / len(items)
        for n in out:
            out[n] -= shift
    return out


def _page_key(G: nx.MultiDiGraph, n: str) -> tuple:
    d = G._node[n]
    try:
        page = int(d.get("page", 0) or 0)
    except (TypeError, ValueError):
        page = 0
    return (str(d.get("part") or ""), 0 if d.get("kind") == "part" else 1, page, n)


def detail_layout(G: nx.MultiDiGraph, lids: list[str], nodes: set[str],
                  edges: Iterable[tuple[str, str, str, dict]],
                  members: Callable[[str], tuple[list[str], list[str]]] | None = None
                  ) -> dict[str, tuple[float, float]]:
    """Positions for a letter (or corpus) view: ``{node id: (x, y)}`` in pixels
    (``members``: a letter's sections and questions, as :func:`views.letter_members`)."""
    from .views import document_of, letter_members  # circular at import time

    members = members or (lambda lid: letter_members(G, lid))
    y: dict[str, float] = {}
    row = 0.0
    for lid in lids:
        y[lid] = row * ROW
        row += 1.5
        _, questions = members(lid)
        prev_section = None
        for q in questions:
            sec = G._node[q].get("section_id") or ""
            if prev_section is not None and sec != prev_section:
                row += 1
            prev_section = sec
            y[q] = row * ROW
            row += 1
        row += 3
    preds: dict[str, list[str]] = defaultdict(list)  # target -> nodes pointing at it
    children: dict[str, list[str]] = defaultdict(list)  # section -> questions/subsections
    for u, v, _, d in edges:
        kind = d.get("kind")
        if kind == "contains":
            children[u].append(v)
        else:
            preds[v].append(u)
    # sections: mean row of their questions (topic sections first, then their parents)
    sections = sorted((n for n in nodes if G._node[n].get("kind") == "section"),
                      key=lambda n: (-int(G._node[n].get("level", 1) or 1), n))
    for s in sections:
        ys = [y[c] for c in children[s] if c in y]
        y[s] = _mean(ys, y.get(str(G._node[s].get("letter")), 0.0))
    col0 = sorted((n for n in nodes if COLUMN.get(G._node[n].get("kind")) == 0),
                  key=lambda n: (y[n], 0 if G._node[n].get("kind") == "letter" else 1, n))
    y.update(_sweep([(n, y[n]) for n in col0]))
    # pages and parts: grouped by document, document groups by barycentre
    col2 = [n for n in nodes if COLUMN.get(G._node[n].get("kind")) == 2]
    own: dict[str, float] = {}
    doc_ys: dict[str, list[float]] = defaultdict(list)
    doc_of: dict[str, str] = {}
    for n in col2:
        ys = [y[p] for p in preds[n] if p in y]
        doc_of[n] = document_of(G, n)
        doc_ys[doc_of[n]].extend(ys)
        own[n] = _mean(ys, 0.0)
    for n in col2:  # a part with no citers of its own sits with its pages
        if not [p for p in preds[n] if p in y]:
            ys = [own[p] for p in preds[n] if p in own]
            own[n] = _mean(ys, _mean(doc_ys[doc_of[n]], 0.0))
    doc_bary = {d: _mean(v, 0.0) for d, v in doc_ys.items()}
    # documents by barycentre; inside one, pages near the questions citing them
    col2.sort(key=lambda n: (doc_bary.get(doc_of[n], 0.0), doc_of[n], own[n], _page_key(G, n)))
    y.update(_sweep([(n, own[n]) for n in col2]))
    # documents, then dossiers: barycentre of what points at them
    for kind in ("document", "dossier"):
        col = [n for n in nodes if G._node[n].get("kind") == kind]
        want = {n: _mean([y[p] for p in preds[n] if p in y], 0.0) for n in col}
        col.sort(key=lambda n: (want[n], n))
        y.update(_sweep([(n, want[n]) for n in col]))
    out = {}
    for n in nodes:
        col = COLUMN.get(G._node[n].get("kind"), 5)
        out[n] = (round(col * COL, 1), round(y.get(n, 0.0), 1))
    return out
