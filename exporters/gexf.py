"""``graph.gexf`` (GEXF 1.2) for Gephi.

Streams the document networkx writes (node ``label`` as the element's label, edge keys in
the ``networkx_key`` attribute, ``weight`` on the edge element), so ``nx.read_gexf`` reads
the same graph back. The ``lastmodifieddate`` stamp is the newest letter date, not the
build date, so two builds of the same letters are identical. See :mod:`.xmlattrs` for why
it does not call ``nx.generate_gexf``.
"""
from __future__ import annotations

import networkx as nx

from collections.abc import Iterator

from .xmlattrs import batched, declare, esc, fmt

_GEXF_TYPE = {"boolean": "boolean", "int": "long", "double": "double", "string": "string"}


def _attributes(cls: str, types: dict[str, str]) -> list[str]:
    out = [f'    <attributes mode="static" class="{cls}">']
    out.extend(f'      <attribute id="{i}" title="{esc(name)}" type="{_GEXF_TYPE[t]}" />'
               for i, (name, t) in enumerate(types.items()))
    out.append("    </attributes>")
    return out


def _attvalues(data: dict, opening: dict[str, str], indent: str) -> list[str]:
    """``opening`` maps an attribute name to its ``<attvalue for="3" value="`` prefix."""
    vals = [opening[k] + fmt(v) + '" />' for k, v in data.items() if k in opening]
    return [f"{indent}<attvalues>", *vals, f"{indent}</attvalues>"] if vals else []


def to_gexf(G: nx.MultiDiGraph) -> str:
    return "".join(iter_gexf(G))


def iter_gexf(G: nx.MultiDiGraph) -> Iterator[str]:
    """The document in chunks, for streaming to a file."""
    return batched(_lines(G))


def _lines(G: nx.MultiDiGraph) -> Iterator[str]:
    dates = sorted(d for _, d in G.nodes(data="datum") if d)
    stamp = dates[-1] if dates else "1970-01-01"
    node_types = declare((d for _, d in G.nodes(data=True)), skip={"label"})
    edge_types = declare((d for _, _, d in G.edges(data=True)), skip={"weight"})
    edge_types["networkx_key"] = "string"
    node_ids = {k: f'          <attvalue for="{i}" value="' for i, k in enumerate(node_types)}
    edge_ids = {k: f'          <attvalue for="{i}" value="' for i, k in enumerate(edge_types)}
    yield from ['<?xml version="1.0" encoding="utf-8"?>',
           '<gexf xmlns="http://www.gexf.net/1.2draft" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" '
           'version="1.2">',
           f'  <meta lastmodifieddate="{stamp}">', "    <creator>kamerxref</creator>", "  </meta>",
           '  <graph defaultedgetype="directed" mode="static" name="">']
    yield from _attributes("edge", edge_types) + _attributes("node", node_types)
    yield "    <nodes>"
    for n, d in G.nodes(data=True):
        yield f'      <node id="{esc(n)}" label="{esc(d.get("label", n))}">'
        yield from _attvalues(d, node_ids, "        ")
        yield "      </node>"
    yield "    </nodes>"
    yield "    <edges>"
    for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True)):
        weight = f' weight="{fmt(d["weight"])}"' if "weight" in d else ""
        yield f'      <edge source="{esc(u)}" target="{esc(v)}" id="{i}"{weight}>'
        yield from _attvalues({**d, "networkx_key": k}, edge_ids, "        ")
        yield "      </edge>"
    yield "    </edges>"
    yield "  </graph>"
    yield "</gexf>"
