"""``graph.gexf`` (GEXF 1.3) for Gephi: colours, sizes, positions and fracties to filter on.

What Gephi shows on opening (Overview, no layout run needed):

- ``viz:color`` by kind (letters dark blue, documents orange, pages yellow, dossiers
  brown, footnotes grey, answers green ...); questions, sections and fracties in the
  colour of their (first) fractie, the same colour for a fractie in every corpus;
- ``viz:size`` by citation count: 4 + 4·√n, where n is the ``cites`` edges at the node
  (questions citing a page; what a question or letter cites), the ``refers_to`` edges of a
  footnote, the questions a fractie ``asks``; the count is also the ``citation_count``
  attribute, for Gephi's Ranking;
- ``viz:position`` from a deterministic layout (:func:`positions`): letters on a grid in
  id order, each letter's own nodes in rings around it, every source at the centre of what
  cites it, so sources shared by letters sit between them;
- fracties as boolean columns ``fractie_D66``, ``fractie_PvdD`` ... (default ``false``),
  one per fractie in the graph, so Gephi's Filters > Attributes > Equal selects a
  fractie's questions, joint sections included; plus ``fractie`` (``"Volt; PvdD"``) for
  Partition colouring. The graph's JSON ``fracties`` strings are not written.

Everything else is the graph's own attributes (``nx.read_gexf`` reads them back; edge
keys in ``networkx_key``, ``weight`` on the edge element, the edge kind also as the GEXF 1.3
edge ``kind`` so Gephi keeps parallel edges of different kinds apart). The
``lastmodifieddate`` is the newest letter date, not the build date, so two builds of the
same letters are identical.
"""
from __future__ import annotations

import json
import math
import zlib
from collections import defaultdict
from collections.abc import Iterator

import networkx as nx

from .xmlattrs import batched, declare, esc, fmt

NS = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
_GEXF_TYPE = {"boolean": "boolean", "int": "long", "double": "double", "string": "string"}

#: Colour per node kind (r, g, b).
KIND_COLOURS = {
    "letter": (31, 78, 121), "section": (127, 140, 141), "question": (52, 101, 164),
    "footnote": (170, 170, 170), "document": (230, 126, 34), "part": (243, 156, 18),
    "page": (241, 196, 15), "dossier": (141, 85, 36), "actor": (142, 68, 173),
    "fractie": (52, 101, 164), "answer": (39, 174, 96),
}
OTHER_COLOUR = (120, 120, 120)
#: Fractie colours: a fractie's colour is picked by a hash of its name, so D66 has the same
#: colour in every corpus (a qualitative palette that stays apart from the kind colours).
FRACTIE_PALETTE = [(214, 39, 40), (44, 160, 44), (148, 103, 189), (23, 190, 207),
                   (227, 119, 194), (188, 189, 34), (31, 119, 180), (255, 127, 14),
                   (140, 86, 75), (0, 128, 128), (128, 0, 64), (96, 96, 160)]
#: Attributes kept out of the attvalues: on the element itself, or replaced.
_NOT_ATTVALUES = {"label", "weight", "fracties"}


def fractie_colour(name: str) -> tuple[int, int, int]:
    """``fractie_colour("D66")`` -> the same (r, g, b) in every corpus."""
    return FRACTIE_PALETTE[zlib.crc32(name.encode("utf-8")) % len(FRACTIE_PALETTE)]


def _fracties(d: dict) -> list[str]:
    raw = d.get("fracties")
    if not raw:
        return [d["name"]] if d.get("kind") == "fractie" and d.get("name") else []
    try:
        value = json.loads(raw)
    except (TypeError, ValueError):
        return []
    return [str(f) for f in value] if isinstance(value, list) else []


def citation_counts(G: nx.MultiDiGraph) -> dict[str, int]:
    """Per node: ``cites`` edges at it (either end), ``refers_to`` from a footnote,
    ``asks`` from a fractie."""
    count: dict[str, int] = defaultdict(int)
    for u, v, kind in G.edges(data="kind"):
        if kind == "cites":
            count[u] += 1
            count[v] += 1
        elif kind in ("refers_to", "asks"):
            count[u] += 1
    return count


def positions(G: nx.MultiDiGraph, spacing: float = 1000.0) -> dict[str, tuple[float, float]]:
    """A deterministic layout in one pass over nodes and two over edges.

    Letters on a square grid in id order, ``spacing`` apart; the nodes a letter holds
    (its ``letter`` attribute: sections, questions, footnotes, answers) in rings of 24
    around it, in graph order; every other node (documents, pages, dossiers, actors,
    fracties) at the mean position of its placed neighbours, nudged by a hash of its id
    so that nodes with the same neighbours do not stack; what is left (a dossier reached
    only through documents) from those in a second pass."""
    letters = sorted(n for n, k in G.nodes(data="kind") if k == "letter")
    width = max(1, math.ceil(math.sqrt(len(letters))))
    pos: dict[str, tuple[float, float]] = {
        lid: ((i % width) * spacing, (i // width) * spacing) for i, lid in enumerate(letters)}
    ring: dict[str, int] = defaultdict(int)
    for n, d in G.nodes(data=True):
        owner = d.get("letter")
        if owner in pos and n not in pos:
            k = ring[owner]
            ring[owner] += 1
            r = 120.0 + 40.0 * (k // 24)
            a = 2 * math.pi * (k % 24) / 24
            x0, y0 = pos[owner]
            pos[n] = (x0 + r * math.cos(a), y0 + r * math.sin(a))
    for _ in range(2):
        sums: dict[str, list[float]] = {}
        for u, v in G.edges():
            for a, b in ((u, v), (v, u)):
                if a not in pos and b in pos:
                    s = sums.setdefault(a, [0.0, 0.0, 0])
                    s[0] += pos[b][0]
                    s[1] += pos[b][1]
                    s[2] += 1
        for n, (x, y, c) in sorted(sums.items()):
            h = zlib.crc32(n.encode("utf-8"))
            pos[n] = (x / c + (h % 201) - 100, y / c + ((h >> 8) % 201) - 100)
    return pos


def to_gexf(G: nx.MultiDiGraph) -> str:
    return "".join(iter_gexf(G))


def iter_gexf(G: nx.MultiDiGraph) -> Iterator[str]:
    """The document in chunks, for streaming to a file."""
    return batched(_lines(G))


def _attributes(cls: str, types: dict[str, str], ids: dict[str, str], flags=()) -> list[str]:
    out = [f'    <attributes class="{cls}" mode="static">']
    out.extend(f'      <attribute id="{ids[name]}" title="{esc(name)}" type="{_GEXF_TYPE[t]}"/>'
               for name, t in types.items())
    out.extend(f'      <attribute id="{ids[name]}" title="{esc(name)}" type="boolean">'
               "<default>false</default></attribute>" for name in flags)
    out.append("    </attributes>")
    return out


def _lines(G: nx.MultiDiGraph) -> Iterator[str]:
    dates = [d for _, d in G.nodes(data="datum") if d]
    stamp = max(dates) if dates else "1970-01-01"
    node_types = declare((d for _, d in G.nodes(data=True)), skip=_NOT_ATTVALUES)
    node_types["citation_count"] = "int"
    node_types["fractie"] = "string"
    fracties_of = {n: _fracties(d) for n, d in G.nodes(data=True)
                   if "fracties" in d or d.get("kind") == "fractie"}
    columns = {f: f"fractie_{f}" for f in sorted({f for fs in fracties_of.values() for f in fs})}
    edge_types = declare((d for _, _, d in G.edges(data=True)), skip={"weight"})
    edge_types["networkx_key"] = "string"
    node_ids = {k: str(i) for i, k in enumerate([*node_types, *columns.values()])}
    edge_ids = {k: str(i) for i, k in enumerate(edge_types)}
    node_open = {k: f'<attvalue for="{i}" value="' for k, i in node_ids.items()}
    edge_open = {k: f'<attvalue for="{i}" value="' for k, i in edge_ids.items()}
    true_of = {f: f'<attvalue for="{node_ids[c]}" value="true"/>' for f, c in columns.items()}
    count = citation_counts(G)
    pos = positions(G)
    colour_of = {k: '<viz:color r="%d" g="%d" b="%d" a="1.0"/>' % c for k, c in KIND_COLOURS.items()}
    yield from ['<?xml version="1.0" encoding="utf-8"?>',
                f'<gexf xmlns="{NS}" xmlns:viz="{VIZ}" xmlns:xsi="{XSI}" '
                f'xsi:schemaLocation="{NS} http://gexf.net/1.3/gexf.xsd" version="1.3">',
                f'  <meta lastmodifieddate="{esc(stamp)}">', "    <creator>kamerxref</creator>", "  </meta>",
                '  <graph defaultedgetype="directed" mode="static">']
    yield from _attributes("node", node_types, node_ids, columns.values())
    yield from _attributes("edge", edge_types, edge_ids)
    yield f'    <nodes count="{G.number_of_nodes()}">'
    skip = _NOT_ATTVALUES
    for n, d in G.nodes(data=True):
        c = count.get(n, 0)
        vals = [node_open[k] + fmt(v) + '"/>' for k, v in d.items() if k not in skip]
        vals.append(f'{node_open["citation_count"]}{c}"/>')
        fracties = fracties_of.get(n)
        kind = d.get("kind")
        if fracties:
            vals.append(node_open["fractie"] + esc("; ".join(fracties)) + '"/>')
            vals.extend(true_of[f] for f in fracties)
        if fracties and kind in ("question", "section", "fractie"):
            colour = '<viz:color r="%d" g="%d" b="%d" a="1.0"/>' % fractie_colour(fracties[0])
        else:
            colour = colour_of.get(kind) or '<viz:color r="%d" g="%d" b="%d" a="1.0"/>' % OTHER_COLOUR
        x, y = pos.get(n, (0.0, 0.0))
        yield (f'      <node id="{esc(n)}" label="{esc(d.get("label", n))}"><attvalues>{"".join(vals)}'
               f'</attvalues>{colour}<viz:size value="{4 + 4 * math.sqrt(c):.1f}"/>'
               f'<viz:position x="{x:.1f}" y="{y:.1f}" z="0.0"/></node>')
    yield "    </nodes>"
    yield f'    <edges count="{G.number_of_edges()}">'
    key_open = edge_open["networkx_key"]
    for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True)):
        weight = f' weight="{fmt(d["weight"])}"' if "weight" in d else ""
        kind = f' kind="{esc(d["kind"])}"' if d.get("kind") else ""
        vals = "".join(edge_open[a] + fmt(x) + '"/>' for a, x in d.items() if a != "weight")
        yield (f'      <edge id="{i}" source="{esc(u)}" target="{esc(v)}"{weight}{kind}><attvalues>'
               f'{vals}{key_open}{esc(k)}"/></attvalues></edge>')
    yield "    </edges>"
    yield "  </graph>"
    yield "</gexf>"
