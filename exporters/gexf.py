"""``graph.gexf`` for Gephi (networkx's GEXF 1.2 writer).

networkx stamps ``lastmodifieddate`` with today's date; the build date must not make two
builds of the same letters differ, so the stamp is the newest letter date instead.
"""
from __future__ import annotations

import re

import networkx as nx


def to_gexf(G: nx.MultiDiGraph) -> str:
    dates = sorted(d for _, d in G.nodes(data="datum") if d)
    stamp = dates[-1] if dates else "1970-01-01"
    text = "\n".join(nx.generate_gexf(G, encoding="utf-8", prettyprint=True)) + "\n"
    return re.sub(r'lastmodifieddate="[^"]*"', f'lastmodifieddate="{stamp}"', text, count=1)
