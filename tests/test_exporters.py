"""Data exports: lossless round trips, pandas types, determinism, atomic writes."""
from __future__ import annotations

import os

import networkx as nx
import pytest

from conftest import SEED_000, SEED_002


@pytest.fixture(scope="module")
def corpus():
    import kamerxref

    return kamerxref.load(SEED_000, SEED_002)


@pytest.fixture(scope="module")
def out(corpus, tmp_path_factory):
    from kamerxref.exporters import write_all

    d = tmp_path_factory.mktemp("export")
    write_all(corpus.graph, d)
    return d


def _same_graph(G, H):
    assert sorted(G.nodes) == sorted(H.nodes)
    for n, d in G.nodes(data=True):
        assert dict(H.nodes[n]) == dict(d), n
    edges = lambda g: sorted((u, v, tuple(sorted(d.items()))) for u, v, d in g.edges(data=True))
    assert edges(G) == edges(H)


def test_json_round_trip(corpus, out):
    import json

    H = nx.node_link_graph(json.loads((out / "graph.json").read_text(encoding="utf-8")), edges="edges")
    assert isinstance(H, nx.MultiDiGraph)
    _same_graph(corpus.graph, H)


def test_graphml_round_trip(corpus, out):
    H = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    for u, v, k, d in H.edges(keys=True, data=True):
        d.pop("id", None)
    _same_graph(corpus.graph, H)


def test_gexf_round_trip(corpus, out):
    H = nx.read_gexf(out / "graph.gexf")
    assert isinstance(H, nx.MultiDiGraph)
    for _, d in H.nodes(data=True):
        d.pop("id", None)  # GEXF readers echo the node id as an attribute
    for _, _, d in H.edges(data=True):
        d.pop("id", None)
    _same_graph(corpus.graph, H)


def test_citations_csv_opens_in_pandas_with_types(out):
    pd = pytest.importorskip("pandas")
    from kamerxref.exporters.tables import CITATION_COLUMNS, CSV_DTYPES

    df = pd.read_csv(out / "citations.csv", dtype=CSV_DTYPES, keep_default_na=False, na_values=[""])
    assert list(df.columns) == CITATION_COLUMNS
    assert str(df["page"].dtype) == "Int64"
    row = df[(df.question == "letter-181524/q1")].iloc[0]
    assert (row.target, row.page, row.part, row.how, row.footnotes) == (
        "kst-36871-O/bijlage/p40", 40, "bijlage", "direct", "2")
    assert row.url == "https://zoek.officielebekendmakingen.nl/kst-36871-O.html"
    # q14 cites two pages through two footnotes; q36 two targets through one footnote
    assert len(df[df.question == "letter-181524/q14"]) == 2
    assert set(df[df.question == "letter-181524/q36"].target) == {
        "kst-36871-O/p5", "kst-36871-O/bijlage/p42"}


def test_questions_csv_opens_in_pandas_with_types(out):
    pd = pytest.importorskip("pandas")
    from kamerxref.exporters.tables import CSV_DTYPES

    df = pd.read_csv(out / "questions.csv", dtype=CSV_DTYPES, keep_default_na=False, na_values=[""])
    assert len(df) == 60
    assert str(df["index"].dtype) == "Int64" and str(df["n_cites"].dtype) == "Int64"
    ja21 = df[df.fracties == "JA21"]
    assert list(ja21.number) == ["1", "2", "3", "4", "5", "6"]


def test_two_builds_are_byte_identical(tmp_path):
    import kamerxref

    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        kamerxref.load(SEED_000, SEED_002).build(d, today=__import__("datetime").date(2026, 7, 1))
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert {"index.html", "graph.json", "graph.graphml", "graph.gexf", "questions.csv",
            "citations.csv"} <= {str(f) for f in files}
    for f in files:
        assert (a / f).read_bytes() == (b / f).read_bytes(), f


def test_interrupted_write_leaves_nothing_half_written(tmp_path, monkeypatch):
    from kamerxref.exporters import io as xio

    target = tmp_path / "graph.json"
    target.write_text("old complete file")

    def boom(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(xio.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        xio.write_atomic(target, "new" * 1000)
    assert target.read_text() == "old complete file"
    assert os.listdir(tmp_path) == ["graph.json"]
