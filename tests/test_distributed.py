"""The Dask path (LocalCluster) gives the same graph as the local build."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEED_000, SEED_002

pytest.importorskip("dask.distributed")
pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def client():
    from kamerxref.graph.distributed import local_client

    c = local_client(2)
    yield c
    c.close()
    c.cluster.close()


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    """The seeds, variants that share their sources, a duplicate and a bad file."""
    d = tmp_path_factory.mktemp("corpus")
    a, b = SEED_000.read_text(encoding="utf-8"), SEED_002.read_text(encoding="utf-8")
    (d / "a.txt").write_text(a, encoding="utf-8")
    (d / "b.txt").write_text(b, encoding="utf-8")
    for i in range(6):
        (d / f"c{i}.txt").write_text(b.replace("ons kenmerk 180760", f"ons kenmerk 19000{i}"), encoding="utf-8")
    (d / "dup.txt").write_text(a, encoding="utf-8")  # same kenmerk as a.txt
    (d / "empty.txt").write_text("", encoding="utf-8")
    reply = Path(__file__).parent / "fixtures" / "replies" / "reply_180760.txt"
    (d / "reply.txt").write_text(reply.read_text(encoding="utf-8"), encoding="utf-8")
    return d


def _same(G, H):
    assert sorted(G.nodes) == sorted(H.nodes)
    for n in G.nodes:
        assert dict(G.nodes[n]) == dict(H.nodes[n]), n
    e = lambda g: sorted((u, v, k, tuple(sorted(d.items()))) for u, v, k, d in g.edges(keys=True, data=True))
    assert e(G) == e(H)


def test_dask_build_equals_local_build(client, corpus_dir, tmp_path):
    import kamerxref
    from kamerxref.graph.distributed import build_parquet, read_parquet_graph

    local = kamerxref.load(corpus_dir)
    out, issues = build_parquet([corpus_dir], tmp_path / "pq", client, batch_size=3)
    H = read_parquet_graph(out)
    _same(local.graph, H)
    assert "letter-181524-2" in H and H.number_of_nodes() > 200
    assert any(e[2] == "shares" for e in H.edges(keys=True))
    assert any("empty file" in i.message for i in issues)
    # pairing across batches: the reply (batch 3) answers 180760 (batch 1)
    assert H.has_edge("letter-7204518", "letter-180760", "replies_to")
    assert H.nodes["letter-180760"]["status"] == "partly answered"
    assert any(i.code == "question-unanswered" for i in issues)
    assert (out / "nodes").is_dir() and list((out / "edges").glob("*.parquet"))


def test_parquet_loads_in_duckdb_style_sql(client, corpus_dir, tmp_path):
    pd = pytest.importorskip("pandas")
    from kamerxref.graph.distributed import build_parquet

    out, _ = build_parquet([corpus_dir], tmp_path / "pq", client, batch_size=4)
    nodes = pd.read_parquet(out / "nodes")
    edges = pd.read_parquet(out / "edges")
    assert list(nodes.columns) == ["id", "kind", "label", "attrs"]
    assert nodes["id"].is_unique
    cites = edges[(edges.kind == "cites") & (edges.target == "kst-36871-O/bijlage/p40")]
    assert sorted(cites.source) == ["letter-181524-2/q1", "letter-181524-2/q2",
                                    "letter-181524/q1", "letter-181524/q2"]


def test_cli_build_with_local_scheduler(tmp_path):
    from click.testing import CliRunner

    from kamerxref.cli import main

    res = CliRunner().invoke(main, ["build", str(SEED_002), "-o", str(tmp_path), "--scheduler", "local",
                                    "--jobs", "1", "-q"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert list((tmp_path / "parquet" / "nodes").glob("*.parquet"))


def test_dask_build_applies_a_fetch_cache_as_the_local_build_does(client, tmp_path):
    """A fetch cache among the inputs: the cited documents' titles and page texts reach
    the Parquet node tables as they reach the local graph."""
    import json

    import kamerxref
    from kamerxref.graph.distributed import build_parquet, read_parquet_graph
    from kamerxref.graph.fetch import Manifestation, Record

    entry = tmp_path / "cache" / "kst-36871-O"
    entry.mkdir(parents=True)
    (entry / "kst-36871-O.pdf").write_bytes(b"%PDF-1.4 stand-in")
    pdf = Manifestation("pdf", "http://127.0.0.1/kst-36871-O.pdf", "kst-36871-O.pdf", "ab" * 32, 17)
    rec = Record("kst-36871-O", title="Kabinetsappreciatie onderzoeksrapport Clingendael; Brief regering",
                 type="Kamerstuk", subtype="Brief regering", available="2026-05-20",
                 manifestations={"pdf": pdf})
    (entry / "record.json").write_text(rec.to_json(), encoding="utf-8")
    pages = [f"pagina {n}" for n in range(1, 17)]
    (entry / "pages.json").write_text(json.dumps({"file": pdf.file, "sha256": pdf.sha256, "pages": pages}),
                                      encoding="utf-8")
    inputs = [SEED_000, tmp_path / "cache"]
    local = kamerxref.load(*inputs)
    out, _ = build_parquet(inputs, tmp_path / "pq", client)
    H = read_parquet_graph(out)
    _same(local.graph, H)
    assert H.nodes["kst-36871-O"]["doc_title"].startswith("Kabinetsappreciatie")
    assert H.nodes["kst-36871-O/p5"]["text"] == "pagina 5"


# ------------------------------------------------------------- DIR/parquet written atomically
def _tables(out):
    return sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())


def test_parquet_is_swapped_in_whole_and_a_failed_run_keeps_the_old_tables(client, tmp_path, monkeypatch):
    """``DIR/parquet`` is written into a hidden sibling and swapped in: a second run
    replaces the tables (no part of the first stays), and a run that fails while writing
    (a worker error, a full disk) leaves the old tables and no temporary folder."""
    from kamerxref.graph.distributed import build_parquet, read_parquet_graph

    site = tmp_path / "site"
    out, _ = build_parquet([SEED_000, SEED_002], site / "parquet", client)
    first = _tables(out)
    assert first and {p.split("/")[0] for p in first} == {"nodes", "edges"}
    (out / "nodes" / "part.999.parquet").write_bytes(b"a part of an older run")
    out, _ = build_parquet([SEED_002], site / "parquet", client)
    assert "nodes/part.999.parquet" not in _tables(out)
    assert "letter-181524" not in read_parquet_graph(out) and "letter-180760" in read_parquet_graph(out)
    before = {p: (out / p).read_bytes() for p in _tables(out)}

    import dask.dataframe as dd

    calls = []
    real = dd.DataFrame.to_parquet

    def failing(self, path, *args, **kwargs):  # the nodes are written, the edges fail halfway
        calls.append(str(path))
        if "edges" in str(path):
            Path(path).mkdir(parents=True, exist_ok=True)
            (Path(path) / "part.0.parquet").write_bytes(b"half a part")
            raise OSError(28, "No space left on device")
        return real(self, path, *args, **kwargs)

    monkeypatch.setattr(dd.DataFrame, "to_parquet", failing)
    with pytest.raises(OSError, match="No space left"):
        build_parquet([SEED_000], site / "parquet", client)
    monkeypatch.undo()
    assert len(calls) == 2, "the writer was not reached"
    assert {p: (out / p).read_bytes() for p in _tables(out)} == before
    assert sorted(p.name for p in site.iterdir()) == ["parquet"]


def test_parquet_refuses_a_folder_it_did_not_write_and_a_locked_site(client, tmp_path):
    from kamerxref.exporters.io import OutputError, _take_lock
    from kamerxref.graph.distributed import build_parquet

    own = tmp_path / "site" / "parquet"
    own.mkdir(parents=True)
    (own / "results.parquet").write_bytes(b"someone's own table")
    with pytest.raises(OutputError, match="results.parquet"):
        build_parquet([SEED_002], own, client)
    assert (own / "results.parquet").read_bytes() == b"someone's own table"

    site = tmp_path / "other"
    fd = _take_lock(site)  # a site build of the same folder in progress
    try:
        with pytest.raises(OutputError, match="another kamerxref build"):
            build_parquet([SEED_002], site / "parquet", client)
    finally:
        import os
        os.close(fd)
    out, _ = build_parquet([SEED_002], site / "parquet", client)
    assert _tables(out)


def test_cli_scheduler_names_a_refused_folder_in_one_line(tmp_path):
    from click.testing import CliRunner

    from kamerxref.cli import main

    (tmp_path / "parquet").mkdir()
    (tmp_path / "parquet" / "notes.txt").write_text("mine", encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(SEED_002), "-o", str(tmp_path), "--scheduler", "local",
                                    "--jobs", "1", "-q"])
    assert res.exit_code == 1, res.output
    assert "notes.txt" in res.output and "Traceback" not in res.output
    assert (tmp_path / "parquet" / "notes.txt").read_text(encoding="utf-8") == "mine"
