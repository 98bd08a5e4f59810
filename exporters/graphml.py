"""``graph.graphml`` for Gephi, Cytoscape and yEd.

Streams GraphML as networkx writes it (keys ``d0``, ``d1`` ... per attribute, edge ids =
the edge keys), so ``nx.read_graphml(path, force_multigraph=True)`` reads the same graph
back. See :mod:`.xmlattrs` for why it does not call ``nx.generate_graphml``.
"""
from __future__ import annotations

import networkx as nx

from .xmlattrs import declare, esc, fmt

_GRAPHML_TYPE = {"boolean": "boolean", "int": "long", "double": "double", "string": "string"}


def to_graphml(G: nx.MultiDiGraph) -> str:
    node_types = declare(d for _, d in G.nodes(data=True))
    edge_types = declare(d for _, _, d in G.edges(data=True))
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">']
    node_keys, edge_keys = {}, {}
    for scope, types, keys in (("node", node_types, node_keys), ("edge", edge_types, edge_keys)):
        for name, t in types.items():
            keys[name] = f"d{len(node_keys) + len(edge_keys)}"
            out.append(f'  <key id="{keys[name]}" for="{scope}" attr.name="{esc(name)}" '
                       f'attr.type="{_GRAPHML_TYPE[t]}" />')
    out.append('  <graph edgedefault="directed">')
    for n, d in G.nodes(data=True):
        out.append(f'    <node id="{esc(n)}">')
        out.extend(f'      <data key="{node_keys[k]}">{fmt(v)}</data>' for k, v in d.items())
        out.append("    </node>")
    for u, v, k, d in G.edges(keys=True, data=True):
        out.append(f'    <edge source="{esc(u)}" target="{esc(v)}" id="{esc(k)}">')
        out.extend(f'      <data key="{edge_keys[a]}">{fmt(x)}</data>' for a, x in d.items())
        out.append("    </edge>")
    out.append("  </graph>")
    out.append("</graphml>")
    return "\n".join(out) + "\n"
