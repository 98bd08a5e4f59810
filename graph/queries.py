"""Queries on the citation graph: the questions users ask of it (DESIGN §4).

All functions take the ``MultiDiGraph`` of :func:`kamerxref.graph.build.build_graph`
and return plain, deterministically ordered Python values.

>>> citing(G, "kst-36871-O/bijlage/p40")            # doctest: +SKIP
['letter-181524/q1', 'letter-181524/q2']
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Container
from functools import lru_cache
from itertools import combinations
from typing import Any

import networkx as nx

from .attribution import HOW_RANK

#: Edges that lead from a container to what it contains, read backwards:
#: page -page_of-> part -part_of-> document -in_dossier-> dossier.
_CONTAINMENT = {"page_of", "part_of", "in_dossier"}


class UnknownNode(KeyError):
    """A target id that is not in the graph; the message suggests close ids."""

    def __init__(self, node: str, suggestions: list[str]):
        self.node = node
        self.suggestions = suggestions
        hint = f" (did you mean {', '.join(suggestions)}?)" if suggestions else ""
        super().__init__(f"{node} is not cited by any letter{hint}")

    def __str__(self) -> str:
        return self.args[0]


def _qkey(G: nx.MultiDiGraph, qid: str) -> tuple:
    d = G._node[qid]
    return (d.get("letter", ""), d.get("index", 0), qid)


def expand_target(G: nx.MultiDiGraph, target: str) -> set[str]:
    """``target`` and everything inside it: a dossier's documents, a document's parts and
    pages, a part's pages. ``kst-36871-O`` -> {kst-36871-O, kst-36871-O/p5,
    kst-36871-O/bijlage, kst-36871-O/bijlage/p40, ...}."""
    if target not in G:
        close = sorted(n for n in G if G._node[n].get("kind") in {"document", "part", "page", "dossier"}
                       and (n.startswith(target) or target.startswith(n)))[:5]
        raise UnknownNode(target, close)
    return _contained(G, target, down=True)


def _contained(G: nx.MultiDiGraph, start: str, down: bool) -> set[str]:
    """Follow the containment edges from ``start``: down to what it contains (a
    document's parts and pages) or up to what contains it (page -> part -> document ->
    dossier)."""
    found = {start}
    todo = [start]
    while todo:
        node = todo.pop()
        for other, _, data in (in_edges(G, node) if down else out_edges(G, node)):
            if data.get("kind") in _CONTAINMENT and other not in found:
                found.add(other)
                todo.append(other)
    return found


def citing(G: nx.MultiDiGraph, target: str) -> list[str]:
    """Question ids that cite ``target`` (a page, part, document or dossier id), directly
    or through its parts and pages, in letter and document order."""
    nodes = expand_target(G, target)
    found = set()
    for node in nodes:
        for src, _, data in in_edges(G, node):
            if data.get("kind") == "cites" and G._node[src].get("kind") == "question":
                found.add(src)
    return sorted(found, key=lambda q: _qkey(G, q))


def out_edges(G: nx.MultiDiGraph, u: str) -> list[tuple[str, Any, dict]]:
    """``(v, key, attrs)`` of ``u``'s out-edges in the graph's order: what
    ``G.out_edges(u, keys=True, data=True)`` gives, without a view object and a 4-tuple
    per edge (the CSVs and the site walk the edges of a million nodes at 10,000 letters).

    It reads the graph's own adjacency dicts (``G._succ``, read only): ``G.succ[u]``
    wraps every level in a view whose ``items()`` iterates in Python, half the cost of
    ``CorpusIndex`` and of the search index at 10,000 letters. A graph view (a subgraph)
    has a ``_succ`` mapping too, with its filter. A list, not a generator: most nodes
    have a few edges, and resuming a generator per edge cost more than the list."""
    return [(v, k, d) for v, keyed in G._succ[u].items() for k, d in keyed.items()]


def edge_targets(G: nx.MultiDiGraph, u: str, kinds: Container[str]) -> list[str]:
    """The targets of ``u``'s out-edges whose ``kind`` is one of ``kinds``, one per edge,
    in the graph's order: :func:`out_edges` filtered, without a tuple per edge (the pages
    and the search index ask it of every question: ``("cites",)``)."""
    return [v for v, keyed in G._succ[u].items() for d in keyed.values() if d.get("kind") in kinds]


def in_edges(G: nx.MultiDiGraph, v: str) -> list[tuple[str, Any, dict]]:
    """``(u, key, attrs)`` of ``v``'s in-edges in the graph's order (what
    ``G.in_edges(v, keys=True, data=True)`` gives), read from ``G._pred`` as
    :func:`out_edges` reads ``G._succ``."""
    return [(u, k, d) for u, keyed in G._pred[v].items() for k, d in keyed.items()]


def cites_of(G: nx.MultiDiGraph, node: str) -> list[dict]:
    """What a question (or a letter, for its letter-level sources) cites: one record per
    cited node with ``how`` (the strongest) and the footnote numbers it came through."""
    if node not in G:
        raise UnknownNode(node, [])
    rank = HOW_RANK
    nodes = G._node
    out: dict[str, dict] = {}
    # the adjacency dicts read directly (as out_edges does), a record made once per target:
    # the two CSVs ask this of every question (300,000 at 10,000 letters)
    for t, keyed in G._succ[node].items():
        for data in keyed.values():
            if data.get("kind") != "cites":
                continue
            how = data["how"]
            rec = out.get(t)
            if rec is None:
                rec = out[t] = {"id": t, "kind": nodes[t]["kind"], "how": how, "footnotes": []}
            elif rank[how] < rank[rec["how"]]:
                rec["how"] = how
            numbers = rec["footnotes"]
            for n in json_strings(data.get("footnotes", "[]")):
                if n not in numbers:
                    numbers.append(n)
    for rec in out.values():
        attrs = nodes[rec["id"]]
        rec["document"] = attrs.get("document", rec["id"])
        rec["part"] = attrs.get("part") or None
        rec["page"] = attrs.get("page")
        rec["url"] = attrs.get("url", "")
        if len(rec["footnotes"]) > 1:
            rec["footnotes"].sort(key=_numkey)
    if len(out) < 2:
        return list(out.values())
    return sorted(out.values(), key=lambda r: _idkey(r["id"]))


def cited_documents(G: nx.MultiDiGraph, letter: str) -> list[str]:
    """The documents (and dossiers cited without a paper) a letter cites, sorted: every
    target its footnotes refer to and every ``cites`` edge of the letter and its
    questions (publisher links and citations standing in the body text included), each
    reduced to its document. The ``letters`` record's ``cites`` is this list, so the record
    and the graph agree: ``letter-181524`` -> ``["com-2026-45", "kst-36871-O", ...]``."""
    docs: set[str] = set()
    owners = [letter] + [n for n in G.successors(letter)
                         if G._node[n].get("kind") in ("question", "footnote")]
    for owner in owners:
        footnote = G._node[owner].get("kind") == "footnote"
        for t, _, data in out_edges(G, owner):
            if data.get("kind") == ("refers_to" if footnote else "cites"):
                docs.add(G._node[t].get("document") or t)
    return sorted(docs, key=_idkey)


def most_cited(G: nx.MultiDiGraph, kind: str = "page", n: int | None = 10) -> list[tuple[str, int]]:
    """The nodes of ``kind`` (``page``, ``part``, ``document``, ``dossier``) cited by the
    most questions, counting a question once however many footnotes lead there. For a
    document, questions citing any of its parts and pages count."""
    counts = Counter()
    for node, data in G.nodes(data=True):
        if data.get("kind") == kind:
            c = len(citing(G, node))
            if c:
                counts[node] = c
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], _idkey(kv[0])))
    return ranked[:n] if n else ranked


def letters_sharing(G: nx.MultiDiGraph, letter: str | None = None) -> list[tuple[str, str, list[str]]]:
    """Pairs of letters that cite common sources: ``(letter_a, letter_b, shared ids)``,
    most shared first; with ``letter``, only pairs that include it. Computed from the
    graph's nodes, so hub sources (see ``SHARES_HUB_LIMIT``) count here too."""
    sources: dict[str, set[str]] = defaultdict(set)
    letters = sorted(n for n, d in G.nodes(data=True) if d.get("kind") == "letter")
    for lid in letters:
        for fid in G.successors(lid):
            if G._node[fid].get("kind") != "footnote":
                continue
            for t in G.successors(fid):
                sources[lid].update(expand_up(G, t))
    out = []
    for a, b in combinations(letters, 2):
        if letter and letter not in (a, b):
            continue
        common = sources[a] & sources[b]
        if common:
            out.append((a, b, sorted(common, key=_idkey)))
    return sorted(out, key=lambda r: (-len(r[2]), r[0], r[1]))


def expand_up(G: nx.MultiDiGraph, node: str) -> set[str]:
    """``node`` and what contains it: page -> part -> document -> dossier."""
    return _contained(G, node, down=False)


def questions_per_fractie(G: nx.MultiDiGraph, letter: str | None = None) -> dict[str, int]:
    """Number of questions each fractie asks (a joint question counts for each fractie)."""
    out: dict[str, int] = {}
    for node, data in sorted(G.nodes(data=True)):
        if data.get("kind") != "fractie":
            continue
        qs = [q for q in G.successors(node) if letter is None or G._node[q].get("letter") == letter]
        if qs:
            out[data["name"]] = len(qs)
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))


def co_cited(G: nx.MultiDiGraph, kind: str = "page", min_count: int = 1) -> list[tuple[str, str, int]]:
    """Pairs of ``kind`` nodes cited by the same question: ``(a, b, number of questions)``."""
    pairs = Counter()
    for q, data in G.nodes(data=True):
        if data.get("kind") != "question":
            continue
        targets = sorted({t for t, _, d in out_edges(G, q)
                          if d.get("kind") == "cites" and G._node[t].get("kind") == kind}, key=_idkey)
        for a, b in combinations(targets, 2):
            pairs[(a, b)] += 1
    out = [(a, b, c) for (a, b), c in pairs.items() if c >= min_count]
    return sorted(out, key=lambda r: (-r[2], _idkey(r[0]), _idkey(r[1])))


@lru_cache(maxsize=65536)
def _numkey(s: str):
    """Footnote numbers in order: ``"2"`` before ``"10"``, ``"3a"`` after ``"3"``."""
    m = _LEADING_DIGITS.match(s)
    return (int(m.group(1)), m.group(2)) if m else (10**9, s)


_LEADING_DIGITS = re.compile(r"(\d+)(.*)")
_DIGIT_RUNS = re.compile(r"(\d+)")


@lru_cache(maxsize=65536)
def _idkey(node: str) -> tuple:
    """Natural order: ``kst-36871-O/p5`` before ``kst-36871-O/p40`` (a tuple, computed
    once per id: the CSVs sort the cites of half a million questions)."""
    return tuple(int(p) if p.isdigit() else p for p in _DIGIT_RUNS.split(node))


@lru_cache(maxsize=4096)
def json_strings(text: str) -> tuple[str, ...]:
    """A JSON list attribute of the graph (``fracties`` ``'["Volt", "PvdD"]'``, a cites
    edge's ``footnotes`` ``'["1", "3"]'``) as strings, decoded once per distinct text
    (30,000 questions of 1,000 letters carry a few dozen distinct values); ``()`` when
    malformed (a view or table must not fail on one bad attribute)."""
    try:
        decoded = json.loads(text)
    except ValueError:
        return ()
    return tuple(str(v) for v in decoded) if isinstance(decoded, list) else ()
