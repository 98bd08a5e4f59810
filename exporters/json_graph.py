"""``graph.json``: the networkx node-link form, read back by ``nx.node_link_graph``.

One node or edge per line (diffable, and streamed to the file: no copy of the graph is
built, unlike ``nx.node_link_data``)::

    {"directed": true, "graph": {}, "multigraph": true, "nodes": [
    {"id":"letter-181524","kind":"letter","label":"Brief 181524",...},
    ...

>>> G2 = nx.node_link_graph(json.load(open("graph.json")), edges="edges")  # doctest: +SKIP
"""
from __future__ import annotations

import json
from collections.abc import Iterator

import networkx as nx

from .xmlattrs import batched

# Keys in the graph's own (deterministic) insertion order: sorting every record's keys
# cost a quarter of the time at 10,000 letters.
_dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def to_json(G: nx.MultiDiGraph) -> str:
    return "".join(iter_json(G))


def iter_json(G: nx.MultiDiGraph) -> Iterator[str]:
    """The document in chunks, for streaming to a file."""
    return batched(_lines(G))


def _lines(G: nx.MultiDiGraph) -> Iterator[str]:
    head = json.dumps({"directed": G.is_directed(), "multigraph": G.is_multigraph(),
                       "graph": dict(G.graph)}, ensure_ascii=False, sort_keys=True)[:-1]
    yield head + ', "nodes": ['
    last = G.number_of_nodes() - 1
    for i, (n, d) in enumerate(G.nodes(data=True)):
        yield _dump({"id": n, **d}) + ("," if i < last else "")
    yield '], "edges": ['
    last = G.number_of_edges() - 1
    for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True)):
        yield _dump({"source": u, "target": v, "key": k, **d}) + ("," if i < last else "")
    yield "]}"


def from_json(text: str) -> nx.MultiDiGraph:
    return nx.node_link_graph(json.loads(text), edges="edges")
