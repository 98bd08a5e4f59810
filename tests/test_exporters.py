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
    write_all(corpus.graph, d, formats=("json", "graphml", "gexf", "csv", "questions-csv"))
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
    """Every attribute comes back, except the JSON ``fracties`` strings, which GEXF
    carries as one boolean column per fractie (and ``fractie`` for Partition)."""
    import json

    H = nx.read_gexf(out / "graph.gexf")
    assert isinstance(H, nx.MultiDiGraph)
    G = corpus.graph
    names = sorted({f for _, d in G.nodes(data=True) for f in json.loads(d.get("fracties", "[]"))})
    for n, d in H.nodes(data=True):
        d.pop("id", None)  # GEXF readers echo the node id as an attribute
        assert set(d.pop("viz")) == {"color", "size", "position"}, n
        d.pop("citation_count")
        fracties = json.loads(G.nodes[n].get("fracties", "[]")) or (
            [G.nodes[n]["name"]] if G.nodes[n]["kind"] == "fractie" else [])
        assert d.pop("fractie", "") == "; ".join(fracties), n
        for f in names:
            assert d.pop(f"fractie_{f}", False) is (f in fracties), (n, f)
    for _, _, d in H.edges(data=True):
        d.pop("id", None)
    G2 = G.copy()
    for _, d in G2.nodes(data=True):
        d.pop("fracties", None)
    _same_graph(G2, H)


GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"


def test_gexf_is_gexf_1_3_with_viz_for_gephi(corpus, out):
    """The rules of the GEXF 1.3 schema (gexf.xsd, viz.xsd) that this file exercises,
    checked one by one: the schema files are not shipped here (see README)."""
    import datetime as dt

    from lxml import etree

    root = etree.parse(str(out / "graph.gexf")).getroot()
    assert root.tag == GEXF + "gexf" and root.get("version") == "1.3"
    assert [c.tag for c in root] == [GEXF + "meta", GEXF + "graph"]
    dt.date.fromisoformat(root[0].get("lastmodifieddate"))  # xs:date
    graph = root[1]
    assert graph.get("defaultedgetype") in {"directed", "undirected", "mutual"}
    assert graph.get("mode") in {"static", "dynamic"}
    assert [c.tag for c in graph] == [GEXF + "attributes"] * 2 + [GEXF + "nodes", GEXF + "edges"]
    types = {"integer", "long", "double", "float", "boolean", "string", "liststring", "anyURI"}
    declared = {}
    for attrs in graph.findall(GEXF + "attributes"):
        ids = [a.get("id") for a in attrs]
        assert len(ids) == len(set(ids))
        assert all(a.get("title") and a.get("type") in types for a in attrs)
        declared[attrs.get("class")] = {a.get("id"): a.get("type") for a in attrs}
    nodes, edges = graph.find(GEXF + "nodes"), graph.find(GEXF + "edges")
    assert int(nodes.get("count")) == len(nodes) == corpus.graph.number_of_nodes()
    assert int(edges.get("count")) == len(edges) == corpus.graph.number_of_edges()
    node_ids = [n.get("id") for n in nodes]
    assert len(set(node_ids)) == len(node_ids)
    allowed = {GEXF + "attvalues", VIZ + "color", VIZ + "size", VIZ + "position"}
    for node in nodes:
        assert {c.tag for c in node} <= allowed and node.get("label") is not None
        for av in node.find(GEXF + "attvalues"):
            t = declared["node"][av.get("for")]
            v = av.get("value")
            if t == "boolean":
                assert v in ("true", "false")
            elif t == "long":
                int(v)
        colour = node.find(VIZ + "color")
        assert all(0 <= int(colour.get(c)) <= 255 for c in "rgb") and 0 <= float(colour.get("a")) <= 1
        assert float(node.find(VIZ + "size").get("value")) >= 4
        position = node.find(VIZ + "position")
        assert all(float(position.get(c)) == float(position.get(c)) for c in "xyz")  # not NaN
    ids = set(node_ids)
    for edge in edges:
        assert edge.get("source") in ids and edge.get("target") in ids
        float(edge.get("weight", "1"))
        assert all(av.get("for") in declared["edge"] for av in edge.find(GEXF + "attvalues"))


@pytest.mark.parametrize("node, kind_or_fractie, fracties", [
    ("letter-181524", "letter", ["D66", "JA21", "PvdD", "Volt"]),  # the letter colour
    ("letter-181524/q1", "D66", ["D66"]),          # a D66 question: D66's colour
    ("fractie-JA21", "JA21", ["JA21"]),
    ("kst-36871-O/bijlage/p40", "page", []),
])
def test_gexf_colours_and_fractie_columns(corpus, out, node, kind_or_fractie, fracties):
    from lxml import etree

    from kamerxref.exporters.gexf import KIND_COLOURS, fractie_colour

    root = etree.parse(str(out / "graph.gexf")).getroot()
    titles = {a.get("id"): a.get("title") for a in root.iter(GEXF + "attribute")
              if a.getparent().get("class") == "node"}
    el = next(n for n in root.iter(GEXF + "node") if n.get("id") == node)
    colour = el.find(VIZ + "color")
    want = KIND_COLOURS.get(kind_or_fractie) or fractie_colour(kind_or_fractie)
    assert tuple(int(colour.get(c)) for c in "rgb") == want
    values = {titles[a.get("for")]: a.get("value") for a in el.iter(GEXF + "attvalue")}
    assert sorted(k[len("fractie_"):] for k, v in values.items() if k.startswith("fractie_")) == fracties
    assert "fracties" not in values


def test_gexf_joint_question_is_in_both_fractie_columns_and_sizes_follow_citations(corpus, out):
    """Volt's questions "mede namens de PvdD" are true in both columns; the most-cited
    page is the largest page."""
    H = nx.read_gexf(out / "graph.gexf")
    joint = [n for n, d in H.nodes(data=True) if d.get("fractie") == "Volt; PvdD"]
    assert joint and all(H.nodes[n]["fractie_Volt"] and H.nodes[n]["fractie_PvdD"] for n in joint)
    assert not any(H.nodes[n].get("fractie_D66") for n in joint)
    top, _ = corpus.most_cited("page", 1)[0]
    pages = [n for n, d in H.nodes(data=True) if d["kind"] == "page"]
    assert max(pages, key=lambda n: (H.nodes[n]["viz"]["size"], n == top)) == top


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
        kamerxref.load(SEED_000, SEED_002).build(d, today=__import__("datetime").date(2026, 7, 1),
                                                 formats="all")
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert {"index.html", "graph.json", "graph.graphml", "graph.gexf", "questions.csv",
            "citations.csv", "kamerxref.db"} <= {str(f) for f in files}
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


# -- output unchanged by the speed work (issue 16) ------------------------------------------
@pytest.fixture(scope="module")
def golden():
    import json
    from pathlib import Path

    return json.loads((Path(__file__).parent / "golden" / "data_hashes.json").read_text())


@pytest.mark.parametrize("name", ["seeds", "generated", "generated-1000", "realdocs"])
def test_data_files_and_site_are_byte_identical_to_the_code_before_the_speed_work(golden, name, tmp_path, request):
    """The graph, graph.json, graph.graphml, both CSVs and every file of the site (index,
    letter pages, assets, search index, GEXF) hash as main before this round of speed work
    wrote them (tests/golden_hashes.py took the hashes at cad9a73): on the seeds, 40 and
    1,000 generated letters and the realdocs. A change meant to alter the output retakes
    them (``python tests/golden_hashes.py > tests/golden/data_hashes.json``) and says why."""
    from golden_hashes import GENERATED, GENERATED_LARGE, ROOT, corpus_hashes, generated

    if name == "seeds":
        got = corpus_hashes(ROOT / "data", sorted(p.name for p in (ROOT / "data").glob("*.txt")))
    elif name.startswith("generated"):
        n = GENERATED_LARGE if name == "generated-1000" else GENERATED
        got = corpus_hashes(generated(tmp_path, n), ["letters"])
    else:
        docs = request.getfixturevalue("realdocs")
        got = corpus_hashes(docs, sorted(p.name for p in docs.glob("[0-9][0-9]_*")))
    want = golden[name]
    assert got["graph"] == want["graph"], f"{name}: the graph itself differs"
    assert {k: v for k, v in got.items() if k != "site"} == {k: v for k, v in want.items() if k != "site"}
    changed = sorted(f for f in set(got["site"]) | set(want["site"])
                     if got["site"].get(f) != want["site"].get(f))
    assert not changed, f"{name}: site files differ: {changed[:20]}"


@pytest.mark.parametrize("inputs", ["seeds", "generated"])
def test_graph_json_is_the_standard_library_document(inputs, tmp_path):
    """orjson writes what ``json`` with these separators writes, byte for byte."""
    import json

    import kamerxref
    from golden_hashes import ROOT, generated
    from kamerxref.exporters.json_graph import to_json

    G = (kamerxref.load(ROOT / "data") if inputs == "seeds"
         else kamerxref.load(generated(tmp_path) / "letters")).graph
    dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    head = json.dumps({"directed": True, "multigraph": True, "graph": {}}, sort_keys=True)[:-1]
    nodes = ",\n".join(dump({"id": n, **d}) for n, d in G.nodes(data=True))
    edges = ",\n".join(dump({"source": u, "target": v, "key": k, **d})
                       for u, v, k, d in G.edges(keys=True, data=True))
    assert to_json(G) == f'{head}, "nodes": [\n{nodes}\n], "edges": [\n{edges}\n]}}\n'


def test_script_json_is_safe_in_html_and_parses_back():
    import json

    from kamerxref.exporters.json_graph import script_json

    data = {"z": "</script><!-- & \u2028\u2029 é", "a": [1, True, None]}
    text = script_json(data)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == data and text.index('"a"') < text.index('"z"')


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=40), label=st.text(max_size=10))
def test_graphml_and_gexf_carry_any_text(text, label):
    """Whatever characters a letter holds, both files parse (lxml and networkx) and give
    back the text less the characters XML 1.0 cannot hold."""
    import io

    from lxml import etree

    from kamerxref.exporters.gexf import to_gexf
    from kamerxref.exporters.graphml import to_graphml
    from kamerxref.exporters.xmlattrs import _INVALID_XML

    G = nx.MultiDiGraph()
    G.add_node("letter-1/q1", kind="question", label=label, text=text, fracties='["D66"]')
    G.add_node("kst-1-A", kind="document", label="kst-1-A")
    G.add_edge("letter-1/q1", "kst-1-A", key="cites:" + text, kind="cites", how=text)
    want = _INVALID_XML.sub("", text)
    gml = to_graphml(G).encode("utf-8")
    etree.fromstring(gml)
    H = nx.read_graphml(io.BytesIO(gml), force_multigraph=True)
    assert H.nodes["letter-1/q1"]["text"] == want and H.nodes["letter-1/q1"]["label"] == _INVALID_XML.sub("", label)
    assert [d["how"] for _, _, d in H.edges(data=True)] == [want]
    gx = to_gexf(G).encode("utf-8")
    etree.fromstring(gx)
    H = nx.read_gexf(io.BytesIO(gx))
    assert H.nodes["letter-1/q1"]["text"] == want
    assert [d["how"] for _, _, d in H.edges(data=True)] == [want]


@pytest.mark.parametrize("old, new", [
    (None, b"graph"),                       # no file yet
    (b"same bytes", b"same bytes"),         # unchanged: not rewritten
    (b"abcdef", b"abcXef"),                 # one byte differs
    (b"abcdef", b"abc"),                    # shorter
    (b"abc", b"abcdef"),                    # longer
])
def test_write_unless_same(tmp_path, old, new):
    from kamerxref.exporters.unchanged import write_unless_same

    path = tmp_path / "graph.json"
    if old is not None:
        path.write_bytes(old)
        os.utime(path, ns=(1, 1))
    chunks = [new[i:i + 2] for i in range(0, len(new), 2)]  # several chunks, str and bytes
    write_unless_same(path, [c.decode() if i % 2 else c for i, c in enumerate(chunks)])
    assert path.read_bytes() == new
    assert (path.stat().st_mtime_ns == 1) is (old == new)
    assert os.listdir(tmp_path) == ["graph.json"]


def test_write_unless_same_links_the_previous_sites_file(tmp_path):
    """A build into a fresh folder takes an unchanged file from the site it replaces."""
    from kamerxref.exporters.unchanged import write_unless_same

    old, new = tmp_path / "old" / "letters" / "a.html", tmp_path / "new" / "letters" / "a.html"
    old.parent.mkdir(parents=True)
    old.write_text("<p>181524</p>")
    write_unless_same(new, "<p>181524</p>", previous=old)
    assert new.read_text() == "<p>181524</p>" and new.stat().st_ino == old.stat().st_ino
    write_unless_same(new, "<p>180760</p>", previous=old)
    assert new.read_text() == "<p>180760</p>" and old.read_text() == "<p>181524</p>"
