"""The graph (DESIGN §4) and its queries on the seeds."""
from __future__ import annotations

import json

import pytest

from conftest import SEED_000, SEED_002


@pytest.fixture(scope="module")
def corpus():
    import kamerxref

    return kamerxref.load(SEED_000, SEED_002)


@pytest.fixture(scope="module")
def G(corpus):
    return corpus.graph


def test_every_node_has_kind_label_and_plain_attributes(G):
    kinds = {d["kind"] for _, d in G.nodes(data=True)}
    assert kinds == {"letter", "fractie", "section", "question", "footnote", "document",
                     "part", "page", "dossier", "actor"}
    for n, d in G.nodes(data=True):
        assert d["label"], n
        for k, v in d.items():
            assert isinstance(v, (str, int, float, bool)), (n, k, v)


@pytest.mark.parametrize("node, attrs", [
    ("letter-181524", {"kind": "letter", "kenmerk": "181524", "datum": "2026-06-23",
                       "deadline": "2026-07-21", "n_questions": 45, "n_footnotes": 25,
                       "betreft": "Kabinetsappreciatie onderzoeksrapport Clingendael"}),
    ("letter-180760", {"kind": "letter", "datum": "2026-05-06", "deadline": "2026-06-03",
                       "n_questions": 15, "n_footnotes": 2}),
    ("letter-181524/fn3", {"kind": "footnote", "number": "3", "n_citations": 1}),
    ("kst-36871-O", {"kind": "document", "doc_kind": "kamerstuk", "dossier": "36871",
                     "url": "https://zoek.officielebekendmakingen.nl/kst-36871-O.html"}),
    ("kst-36871-O/bijlage", {"kind": "part", "document": "kst-36871-O", "part": "bijlage"}),
    ("kst-36871-O/bijlage/p40", {"kind": "page", "page": 40, "part": "bijlage"}),
    ("kst-36871-O/p5", {"kind": "page", "page": 5, "part": ""}),
    ("dossier-36871", {"kind": "dossier", "dossier_kind": "kamerstuk", "number": "36871"}),
    ("edossier-E260010", {"kind": "dossier", "dossier_kind": "edossier", "url": ""}),
    ("com-2026-45", {"kind": "document", "doc_kind": "eu-document"}),
    ("fractie-PvdD", {"kind": "fractie", "name": "PvdD"}),
    ("actor-minister-asiel-en-migratie", {"kind": "actor", "role": "addressee"}),
    ("actor-ek-commissie-ia-jbz", {"kind": "actor", "role": "committee"}),
])
def test_nodes(G, node, attrs):
    assert node in G
    assert {k: G.nodes[node].get(k) for k in attrs} == attrs


def _edges(G, u, v):
    return sorted(d["kind"] for d in G.get_edge_data(u, v, default={}).values())


@pytest.mark.parametrize("u, v, kinds", [
    ("letter-181524", "letter-181524/q1", ["contains"]),
    ("fractie-D66", "letter-181524/q1", ["asks"]),
    ("fractie-Volt", "letter-181524/q30", ["asks"]),
    ("fractie-PvdD", "letter-181524/q30", ["asks"]),
    ("letter-181524/q1", "kst-36871-O/bijlage/p40", ["cites"]),
    ("letter-181524/fn2", "kst-36871-O/bijlage/p40", ["refers_to"]),
    ("kst-36871-O/bijlage/p40", "kst-36871-O/bijlage", ["page_of"]),
    ("kst-36871-O/p5", "kst-36871-O", ["page_of"]),
    ("kst-36871-O/bijlage", "kst-36871-O", ["part_of"]),
    ("kst-36871-O", "dossier-36871", ["in_dossier"]),
    ("letter-180760", "com-2026-45", ["about", "cites"]),  # betreft + "de mededeling COM(2026)45" in the text
    ("letter-180760", "kst-32317-PY/p2", ["cites"]),
    ("letter-181524", "actor-minister-asiel-en-migratie", ["addressed_to"]),
    ("letter-180760", "actor-ek-commissie-ia-jbz", ["sent_by"]),
    # fn 12 and fn 13 both lead q20 to p. 9: one cites edge per footnote
    ("letter-181524/q20", "kst-36871-O/p9", ["cites", "cites"]),
])
def test_edges(G, u, v, kinds):
    assert _edges(G, u, v) == kinds


def test_cites_edges_record_how_and_footnote(G):
    data = list(G.get_edge_data("letter-181524/q10", "kst-36871-O/bijlage/p41").values())
    assert data == [{"kind": "cites", "via": "letter-181524/fn5", "how": "direct", "footnotes": '["5"]'}]


def test_letters_sharing_sources_are_linked():
    import kamerxref

    base = SEED_002.read_text(encoding="utf-8")
    other = base.replace("ons kenmerk 180760", "ons kenmerk 190001")
    corpus = kamerxref.from_text(base, other, source="mem")
    G = corpus.graph
    [(a, b, shared)] = corpus.sharing()
    assert (a, b) == ("letter-180760", "letter-190001")
    assert {"kst-32317-PY", "kst-32317-PY/p2", "kst-32317-PY/p3", "edossier-E260010",
            "dossier-32317"} <= set(shared)
    [edge] = G.get_edge_data("letter-180760", "letter-190001").values()
    assert edge["kind"] == "shares" and edge["weight"] == len(json.loads(edge["shared"]))


def test_build_is_deterministic_whatever_the_input_order():
    import kamerxref
    from kamerxref.exporters.json_graph import to_json

    a = to_json(kamerxref.load(SEED_000, SEED_002).graph)
    b = to_json(kamerxref.load(SEED_002, SEED_000).graph)
    assert a == b


# -- queries ---------------------------------------------------------------------------

def _q(*indices, letter="letter-181524"):
    return [f"{letter}/q{i}" for i in indices]


@pytest.mark.parametrize("target, expected", [
    ("kst-36871-O/bijlage/p40", _q(1, 2)),
    ("kst-36871-O/bijlage/p42", _q(36, 37, 38)),
    ("kst-36871-O/p4", _q(24)),
    ("kst-36871-O/p9", _q(20, 21, 22, 23, 25)),
    ("kst-36871-O/bijlage", _q(*range(1, 15), 36, 37, 38)),
    ("kst-36871-O", _q(*range(1, 46))),
    ("dossier-36871", _q(*range(1, 46))),
    ("kst-32317-PY", []),  # seed 002 cites it at letter level only
])
def test_citing(G, target, expected):
    from kamerxref.graph.queries import citing

    assert citing(G, target) == expected


def test_citing_unknown_target_suggests(G):
    from kamerxref.graph.queries import UnknownNode, citing

    with pytest.raises(UnknownNode, match="kst-36871-O"):
        citing(G, "kst-36871-O/bijlage/p99")


def test_most_cited_pages(corpus):
    assert corpus.most_cited("page", 3) == [("kst-36871-O/p5", 12), ("kst-36871-O/p6", 9),
                                            ("kst-36871-O/bijlage/p41", 7)]
    assert corpus.most_cited("document", 1) == [("kst-36871-O", 45)]


def test_questions_per_fractie(corpus):
    assert corpus.per_fractie() == {"PvdD": 31, "Volt": 31, "D66": 23, "JA21": 6}
    assert corpus.per_fractie("letter-181524") == {"PvdD": 16, "Volt": 16, "D66": 23, "JA21": 6}


def test_co_cited_pages(corpus):
    pairs = {(a, b): c for a, b, c in corpus.co_cited()}
    assert pairs == {("kst-36871-O/bijlage/p42", "kst-36871-O/p5"): 3,
                     ("kst-36871-O/bijlage/p30", "kst-36871-O/p5"): 1}


def test_cites_of_question(corpus):
    [rec] = corpus.cites("letter-181524/q25")
    assert rec["id"] == "kst-36871-O/p9" and rec["how"] == "direct" and rec["footnotes"] == ["15"]
    assert rec["url"] == "https://zoek.officielebekendmakingen.nl/kst-36871-O.html"


def test_a_footnote_number_printed_twice_keeps_both_bodies_in_the_graph():
    import kamerxref

    text = SEED_000.read_text(encoding="utf-8")
    text = text.replace("<sup>10</sup> *Idem.*", "<sup>10</sup> *Idem.*\n\n<sup>9</sup> Idem, p. 6.")
    corpus = kamerxref.from_text(text, source="dup.txt")
    G = corpus.graph
    assert G.nodes["letter-181524/fn9"]["text"] == "*Idem.*"
    assert G.nodes["letter-181524/fn9-2"]["text"] == "Idem, p. 6."
    assert ("letter-181524", "letter-181524/fn9-2") in G.edges()
    assert list(G.successors("letter-181524/fn9-2")) == ["kst-36871-O/p6"]
    assert any(w.code == "duplicate-footnote" for w in corpus.warnings)
    # q15 cites footnote 9: it reaches the targets of both bodies
    assert {c["id"] for c in corpus.cites("letter-181524/q15")} == {"kst-36871-O/p5", "kst-36871-O/p6"}
