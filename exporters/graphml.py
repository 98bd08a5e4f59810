"""``graph.graphml`` for Gephi, Cytoscape and yEd.

Streams GraphML as networkx writes it (keys ``d0``, ``d1`` ... per attribute, edge ids =
the edge keys), so ``nx.read_graphml(path, force_multigraph=True)`` reads the same graph
back. See :mod:`.xmlattrs` for why it does not call ``nx.generate_graphml``.
"""
from __future__ import annotations

import networkx as nx

from collections.abc import Iterator

from .xmlattrs import batched, declare, esc, fmt

_GRAPHML_TYPE = {"boolean": "boolean", "int": "long", "double": "double", "string": "string"}


def to_graphml(G: nx.MultiDiGraph) -> str:
    return "".join(iter_graphml(G))


def iter_graphml(G: nx.MultiDiGraph) -> Iterator[str]:
    """The document in chunks, for streaming to a file."""
    return batched(_lines(G))


def _lines(G: nx.MultiDiGraph) -> Iterator[str]:
    node_types = declare(d for _, d in G.nodes(data=True))
    edge_types = declare(d for _, _, d in G.edges(data=True))
    yield from ['<?xml version="1.0" encoding="utf-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">']
    node_keys, edge_keys = {}, {}
    for scope, types, keys in (("node", node_types, node_keys), ("edge", edge_types, edge_keys)):
        for name, t in types.items():
            keys[name] = f"d{len(node_keys) + len(edge_keys)}"
            yield (f'  <key id="{keys[name]}" for="{scope}" attr.name="{esc(name)}" '
                   f'attr.type="{_GRAPHML_TYPE[t]}" />')
    yield '  <graph edgedefault="directed">'
    node_open = {k: f'      <data key="{key}">' for k, key in node_keys.items()}
    edge_open = {k: f'      <data key="{key}">' for k, key in edge_keys.items()}
    for n, d in G.nodes(data=True):
        yield f'    <node id="{esc(n)}">'
        yield from (node_open[k] + fmt(v) + "</data>" for k, v in d.items())
        yield "    </node>"
    for u, v, k, d in G.edges(keys=True, data=True):
        yield f'    <edge source="{esc(u)}" target="{esc(v)}" id="{esc(k)}">'
        yield from (edge_open[a] + fmt(x) + "</data>" for a, x in d.items())
        yield "    </edge>"
    yield "  </graph>"
    yield "</graphml>"
