"""``graph.graphml`` for Gephi, Cytoscape and yEd (networkx's GraphML writer)."""
from __future__ import annotations

import networkx as nx


def to_graphml(G: nx.MultiDiGraph) -> str:
    return "\n".join(nx.generate_graphml(G, encoding="utf-8", prettyprint=True)) + "\n"
