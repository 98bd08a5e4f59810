"""The distributed build on Dask, for corpora that outgrow one machine.

Letters are read, resolved and attributed on the workers, in batches of files (each
worker reads the files where they lie: the paths must be visible to the workers); each
batch becomes node and edge tables; the tables are merged and written as partitioned
Parquet that DuckDB, Spark or a graph database loads directly::

    nodes/part.*.parquet   id, kind, label, attrs (JSON object of the other attributes)
    edges/part.*.parquet   source, target, key, kind, attrs (JSON)

A node that several batches produce (a document cited by letters in two batches) is
merged by the rule of the local build (:func:`kamerxref.graph.build.node_record`): the
record that sorts first wins, so the Parquet graph has the same nodes, edges and
attributes as ``build_graph`` on the same letters. networkx stays the in-memory model for
what fits: :func:`read_parquet_graph` loads the tables back into a ``MultiDiGraph``.

Pairing replies with letters needs the whole corpus too: when any reply was read, the
letters without their footnotes come to the client, are paired there
(:func:`kamerxref.graph.pairing.pair_replies`) and the result goes to every batch.
``shares`` edges between letters need every letter's sources at once; the small
(letter, source) table is gathered on the client to make them (10 rows or so per letter).

The tables are written as the site is (:mod:`kamerxref.exporters.io`): into a new folder
beside ``parquet/``, swapped in whole at the end, under the lock of the site folder; a
run that fails or is interrupted leaves the old tables, and ``parquet/`` is replaced only
when it holds nothing but ``nodes/`` and ``edges/``.

>>> from dask.distributed import Client, LocalCluster          # doctest: +SKIP
>>> build_parquet(["letters/"], "out/parquet", Client(LocalCluster(n_workers=2)))
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import networkx as nx

from .build import build_graph, node_record, shares_edges, sources_of
from .documents import describe_nodes, read_documents
from .model import Issue
from .pairing import CODES as PAIRING_CODES
from .pairing import Pairing, pair_replies, status_date
from .pipeline import _load_one, rename
from .readers import input_files

NODE_COLUMNS = ["id", "kind", "label", "attrs"]
EDGE_COLUMNS = ["source", "target", "key", "kind", "attrs"]
#: The folders of ``DIR/parquet``, the only names it may hold to be replaced by a build.
PARQUET_TABLES = ("nodes", "edges")


def graph_tables(G: nx.MultiDiGraph) -> tuple[list[dict], list[dict]]:
    """Node and edge rows of a graph (attributes other than kind/label as JSON)."""
    nodes = [{"id": n, "kind": d["kind"], "label": d["label"],
              "attrs": json.dumps({k: v for k, v in d.items() if k not in ("kind", "label")},
                                  sort_keys=True, ensure_ascii=False)}
             for n, d in G.nodes(data=True)
             if "kind" in d]  # an edge's end built by another partition (replies_to, answers)
    edges = [{"source": u, "target": v, "key": k, "kind": d["kind"],
              "attrs": json.dumps({x: y for x, y in d.items() if x != "kind"},
                                  sort_keys=True, ensure_ascii=False)}
             for u, v, k, d in G.edges(keys=True, data=True)]
    return nodes, edges


def _batch(files: list[str]):
    """Runs on a worker: read + resolve + attribute a batch of files."""
    letters, issues = [], []
    for f in files:
        read, issue = _load_one(Path(f))
        letters.extend(read)
        if issue is not None:
            issues.append(issue)
    return letters, issues


def _summary(batch):
    letters, issues = batch
    return ([(l.id, l.source) for l in letters], issues + [w for l in letters for w in l.warnings],
            any(l.letter_kind != "committee" for l in letters))


def _pairing_view(batch):
    """Runs on a worker: the letters without what pairing does not read (footnotes,
    citations, attributions), for :func:`kamerxref.graph.pairing.pair_replies` on the client."""
    letters, _ = batch
    return [replace(l, attributions=[], cites=[], warnings=[],
                    footnotes=l.footnotes if l.letter_kind != "committee" else [],  # cited papers
                    skipped=[b for b in l.skipped if b.reason in ("letterhead", "salutation")],
                    questions=[replace(q, cites=[]) for q in l.questions])
            for l in letters]


def _pick(t, i):
    return t[i]


def _tables(batch, renames: dict[int, tuple[str, str]], pairing: Pairing, today):
    letters, _ = batch
    for pos, (uid, first_source) in renames.items():
        rename(letters[pos], uid, first_source)
    for l in letters:  # what pair_replies set on the client's copies
        l.warnings = [w for w in l.warnings if w.code not in PAIRING_CODES] + pairing.warnings_of.get(l.id, [])
        l.replies_to = sorted({k.letter for k in pairing.links if k.reply == l.id})
        if l.replies_to and l.letter_kind == "answers":
            l.role = "reply"
    G = build_graph(letters, link_letters=False, pairing=pairing, today=today)
    nodes, edges = graph_tables(G)
    sources = [{"letter": l.id, "source": s} for l in letters for s in sorted(sources_of(l))]
    return (_frame(nodes, NODE_COLUMNS), _frame(edges, EDGE_COLUMNS),
            _frame(sources, ["letter", "source"]))


def _frame(rows: list[dict], columns: list[str]):
    """All-string columns, the same dtype whether empty or not (pandas 2 and 3)."""
    import pandas as pd

    return pd.DataFrame(rows, columns=columns).astype(str)


def _merge_nodes(df, documents=None):
    """Keep, per node id, the record that sorts first (as the local build does); then
    what a fetch cache among the inputs knows of cited documents (graph/documents.py)."""
    df = df.assign(_rec=[node_record({"kind": k, "label": l, **json.loads(a)})
                         for k, l, a in zip(df["kind"], df["label"], df["attrs"])])
    df = df.sort_values(["id", "_rec"]).drop_duplicates("id", keep="first").drop(columns="_rec")
    if documents:
        rows = [(n, {"kind": k, "label": l, **json.loads(a)})
                for n, k, l, a in zip(df["id"], df["kind"], df["label"], df["attrs"])]
        describe_nodes(rows, documents)
        df = df.assign(attrs=[json.dumps({k: v for k, v in d.items() if k not in ("kind", "label")},
                                         sort_keys=True, ensure_ascii=False) for _, d in rows])
    return df


def build_parquet(paths: Iterable[str | Path], out_dir: str | Path, client,
                  batch_size: int = 200) -> tuple[Path, list[Issue]]:
    """Build the graph of the letters under ``paths`` on the Dask ``client`` and write it
    as partitioned Parquet under ``out_dir`` (``nodes/`` and ``edges/``).

    Returns the output folder and the issues (unreadable files and letter warnings).
    """
    import dask.dataframe as dd
    import pandas as pd

    from kamerxref.exporters.io import check_site_folder, replacing_folder

    paths = list(paths)
    out = Path(out_dir)
    # before any work: DIR/parquet is replaced whole, so it must hold nothing but tables
    check_site_folder(out, paths, entries=PARQUET_TABLES)
    files, issues = input_files(paths)
    documents, doc_issues = read_documents(paths)
    issues.extend(doc_issues)
    names = [str(f.resolve()) for f in files]
    batches = [names[i:i + batch_size] for i in range(0, len(names), batch_size)]
    # Phase 1, on the workers: read, resolve, attribute. The letters stay there; only
    # their ids and issues come back, so that ids are made unique across batches exactly
    # as the local build does (pipeline.disambiguate), in input order.
    loaded = client.map(_batch, batches, pure=False)
    summaries = client.gather(client.map(_summary, loaded, pure=False))
    seen: dict[str, str] = {}  # letter id -> source of its first letter
    renames: list[dict[int, tuple[str, str]]] = []
    for ids, batch_issues, _ in summaries:
        issues.extend(batch_issues)
        ren = {}
        for pos, (lid, source) in enumerate(ids):
            uid, n = lid, 2
            while uid in seen:
                uid, n = f"{lid}-{n}", n + 1
            seen[uid] = source
            if uid != lid:
                ren[pos] = (uid, seen[lid])
        renames.append(ren)
    # Pairing needs the whole corpus: when replies were read, their letters (without
    # footnotes) come to the client and are paired there, as load_letters does.
    pairing = Pairing()
    if any(has_replies for _, _, has_replies in summaries):
        views = client.gather(client.map(_pairing_view, loaded, pure=False))
        light = []
        for batch_letters, ren in zip(views, renames):
            for pos, (uid, first_source) in ren.items():
                rename(batch_letters[pos], uid, first_source)
            light.extend(batch_letters)
        pairing = pair_replies(light)
        issues.extend(pairing.warnings)
    today = status_date()
    # Phase 2, on the workers: node, edge and letter-source tables per batch.
    futures = client.map(_tables, loaded, renames, [pairing] * len(renames), [today] * len(renames),
                         pure=False)
    for ren in renames:
        issues.extend(Issue("", "", "duplicate-kenmerk", f"kenmerk read twice: a letter "
                            f"was renamed {uid} (first read from {first})")
                      for uid, first in ren.values())
    node_parts = [client.submit(_pick, f, 0, pure=False) for f in futures]
    edge_parts = [client.submit(_pick, f, 1, pure=False) for f in futures]
    source_parts = [client.submit(_pick, f, 2, pure=False) for f in futures]

    meta_n = _frame([], NODE_COLUMNS)
    meta_e = _frame([], EDGE_COLUMNS)
    nodes = dd.from_delayed(node_parts, meta=meta_n) if node_parts else dd.from_pandas(meta_n, npartitions=1)
    edges = dd.from_delayed(edge_parts, meta=meta_e) if edge_parts else dd.from_pandas(meta_e, npartitions=1)
    # shared nodes: shuffle by id so each id's records meet in one partition, then merge
    nodes = nodes.shuffle("id").map_partitions(_merge_nodes, documents, meta=meta_n)
    edges = edges.drop_duplicates(subset=["source", "target", "key"])

    sources = pd.concat(client.gather(source_parts)) if source_parts else pd.DataFrame(columns=["letter", "source"])
    letter_sources: dict[str, set[str]] = {}
    for lid, src in zip(sources["letter"], sources["source"]):
        letter_sources.setdefault(lid, set()).add(src)
    shares = shares_edges(letter_sources)
    share_rows = _frame([{"source": a, "target": b, "key": "shares", "kind": "shares",
                          "attrs": json.dumps(attrs, sort_keys=True, ensure_ascii=False)}
                         for a, b, attrs in shares], EDGE_COLUMNS)
    if len(share_rows):
        edges = dd.concat([edges, dd.from_pandas(share_rows, npartitions=1)])

    import pyarrow as pa

    # written whole into a temporary sibling and swapped in, under the lock of the site
    # folder it lies in: an interrupted or failed run leaves the old tables as they were
    with replacing_folder(out, lock=out.parent) as tmp:
        nodes.to_parquet(str(tmp / "nodes"), write_index=False,
                         schema=pa.schema([(c, pa.string()) for c in NODE_COLUMNS]))
        edges.to_parquet(str(tmp / "edges"), write_index=False,
                         schema=pa.schema([(c, pa.string()) for c in EDGE_COLUMNS]))
    return out, issues


def read_parquet_graph(out_dir: str | Path) -> nx.MultiDiGraph:
    """Load the Parquet tables written by :func:`build_parquet` into a MultiDiGraph
    (nodes and edges in sorted order)."""
    import pandas as pd

    out = Path(out_dir)
    nodes = pd.read_parquet(out / "nodes").sort_values("id")
    edges = pd.read_parquet(out / "edges").sort_values(["source", "target", "key"])
    G = nx.MultiDiGraph()
    for nid, kind, label, attrs in nodes[NODE_COLUMNS].itertuples(index=False):
        G.add_node(nid, kind=kind, label=label, **json.loads(attrs))
    for u, v, k, kind, attrs in edges[EDGE_COLUMNS].itertuples(index=False):
        G.add_edge(u, v, key=k, kind=kind, **json.loads(attrs))
    return G


def local_client(n_workers: int = 2):
    """A ``dask.distributed`` client on a LocalCluster of processes (for one machine)."""
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                           dashboard_address=":0")
    return Client(cluster)
