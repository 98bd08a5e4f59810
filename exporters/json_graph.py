"""``graph.json``: the networkx node-link form, read back by ``nx.node_link_graph``.

>>> G2 = nx.node_link_graph(json.load(open("graph.json")), edges="edges")  # doctest: +SKIP
"""
from __future__ import annotations

import json

import networkx as nx


def to_json(G: nx.MultiDiGraph) -> str:
    data = nx.node_link_data(G, edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def from_json(text: str) -> nx.MultiDiGraph:
    return nx.node_link_graph(json.loads(text), edges="edges")
