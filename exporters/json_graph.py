"""``graph.json``: the networkx node-link form, read back by ``nx.node_link_graph``.

>>> G2 = nx.node_link_graph(json.load(open("graph.json")), edges="edges")  # doctest: +SKIP
"""
from __future__ import annotations

import json

import networkx as nx


def to_json(G: nx.MultiDiGraph) -> str:
    data = nx.node_link_data(G, edges="edges")
    # one line per node and per edge: diffable, and compact enough for 10,000 letters
    head = json.dumps({k: v for k, v in data.items() if k not in ("nodes", "edges")},
                      ensure_ascii=False, sort_keys=True)[:-1]
    dump = lambda x: json.dumps(x, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    nodes = ",\n".join(map(dump, data["nodes"]))
    edges = ",\n".join(map(dump, data["edges"]))
    return f'{head}, "nodes": [\n{nodes}\n], "edges": [\n{edges}\n]}}\n'



def from_json(text: str) -> nx.MultiDiGraph:
    return nx.node_link_graph(json.loads(text), edges="edges")
