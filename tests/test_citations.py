"""The citation engine (issue 4): find, resolve, ids, on real strings.

* ``tests/citations_table.tsv``: 250 real citation strings with their expected records
  (seeds, ../shared/realdocs, KOOP linkextractor and nllegalcit forms, EU forms),
  negatives that look like citations, and malformed ones that must warn, not link.
* the 25 + 2 seed footnotes, resolved exactly (Idem with part inheritance);
* the KOOP XML of realdocs 09-11 as a recall / precision check against ``extref/@doc``;
* pathological input in linear time.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from kamerxref.graph.citations import (
    dossier_id,
    find_citations,
    page_id,
    parse_citation_text,
    part_id,
    resolve_footnotes,
    resolve_letter,
    target_ids,
)
from kamerxref.graph.citations.ids import url_for
from kamerxref.graph.model import Footnote, Letter

HERE = Path(__file__).resolve().parent
TABLE = HERE / "citations_table.tsv"
SEED_000 = HERE.parent / "data" / "000_b50105430c9bb7d0.txt"
SEED_002 = HERE.parent / "data" / "002_7ac5984d77b17826.txt"


def render(found) -> str:
    """One line per text: ``kst-36871-O/bijlage@40 ; short:Idem@18`` (see the table header)."""
    out = []
    for f in found:
        if f.kind == "malformed":
            out.append("!malformed")
            continue
        s = f"short:{f.short_form}" + (f":{f.note}" if f.note else "") if f.kind == "short" else f.document
        if f.part:
            s += "/" + f.part
        if f.pages:
            s += "@" + ",".join(map(str, f.pages))
        if f.pages_following:
            s += "+"
        out.append(s)
    return " ; ".join(out) or "-"


def _table():
    rows = []
    for n, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        text, expected = line.split("\t")
        rows.append(pytest.param(text, expected, id=f"L{n}:{text[:40]}"))
    return rows


TABLE_ROWS = _table()


def test_table_is_large_and_varied():
    expected = [r.values[1] for r in TABLE_ROWS]
    assert len(TABLE_ROWS) >= 200
    assert sum(e == "-" for e in expected) >= 25  # negatives
    assert sum("!malformed" in e for e in expected) >= 8
    kinds = {e.split("-")[0].split(":")[0] for e in expected}
    assert {"kst", "h", "ah", "stb", "stcrt", "trb", "com", "swd", "celex", "edossier", "ECLI",
            "short"} <= kinds


@pytest.mark.parametrize("text,expected", TABLE_ROWS)
def test_table(text, expected):
    found = find_citations(text)
    assert render(found) == expected
    for f in found:  # spans refer to the original text
        assert text[f.span[0]:f.span[1]] == f.text
        assert f.text.strip() == f.text and f.text


# ----------------------------------------------------------------------------- seeds


def seed_footnotes(path: Path) -> list[tuple[str, str]]:
    """Footnote bodies are the ``<sup>n</sup> text`` lines of the seed files."""
    text = path.read_text(encoding="utf-8")
    return re.findall(r"^<sup>(\d+)</sup>\s*(.+?)\s*$", text, flags=re.M)


B, N = "bijlage", None
# footnote -> [(document, part, pages, resolved_from)]
SEED_000_EXPECTED = {
    "1": [("kst-36871-O", N, (), N)],
    "2": [("kst-36871-O", B, (40,), N)],
    "3": [("kst-36871-O", B, (18,), "2")],
    "4": [("kst-36871-O", B, (41,), N)],
    "5": [("kst-36871-O", B, (41,), "4")],
    "6": [("kst-36871-O", B, (41,), "5")],
    "7": [("kst-36871-O", B, (30,), N)],
    "8": [("kst-36871-O", N, (5,), N)],
    "9": [("kst-36871-O", N, (5,), "8")],
    "10": [("kst-36871-O", N, (5,), "9")],
    "11": [("kst-36871-O", N, (5,), N)],
    "12": [("kst-36871-O", N, (9,), N)],
    "13": [("kst-36871-O", N, (9,), "12")],
    "14": [("kst-36871-O", N, (4,), N)],
    "15": [("kst-36871-O", N, (9,), "14")],
    "16": [("kst-36871-O", N, (10,), N)],
    "17": [("kst-36871-O", N, (6,), N)],
    "18": [("kst-36871-O", N, (15,), "17")],
    "19": [("kst-36871-O", N, (15,), "18")],
    "20": [("kst-36871-O", N, (6,), N)],
    "21": [("kst-36871-O", N, (6,), N)],
    "22": [("kst-36871-O", N, (5,), N), ("kst-36871-O", B, (42,), N)],
    "23": [("kst-36871-O", N, (5,), N)],
    "24": [("kst-36871-O", N, (6,), N)],
    "25": [("kst-36871-O", N, (2,), "24")],
}
SEED_002_EXPECTED = {
    "1": [("edossier-E260010", N, (), N)],
    "2": [("kst-32317-PY", N, (2, 3), N)],
}


@pytest.mark.parametrize("path,expected", [(SEED_000, SEED_000_EXPECTED), (SEED_002, SEED_002_EXPECTED)],
                         ids=["seed000", "seed002"])
def test_seed_footnotes_resolved_exactly(path, expected):
    footnotes = seed_footnotes(path)
    assert [n for n, _ in footnotes] == list(expected)
    results = resolve_footnotes(footnotes, source=str(path))
    for (number, text), (cits, issues) in zip(footnotes, results):
        got = [(c.document, c.part, c.pages, c.resolved_from) for c in cits]
        assert got == expected[number], (number, text)
        assert issues == [], (number, issues)
        for c in cits:
            assert text[c.span[0]:c.span[1]] == c.text


def test_seed_targets_and_urls():
    results = resolve_footnotes(seed_footnotes(SEED_000))
    fn = {str(i + 1): cits for i, (cits, _) in enumerate(results)}
    assert target_ids(fn["3"][0]) == ["kst-36871-O/bijlage/p18"]
    assert target_ids(fn["1"][0]) == ["kst-36871-O"]
    assert [t for c in fn["22"] for t in target_ids(c)] == ["kst-36871-O/p5", "kst-36871-O/bijlage/p42"]
    c = fn["2"][0]
    assert c.url == "https://zoek.officielebekendmakingen.nl/kst-36871-O.html"
    assert c.label == "Kamerstukken I 2025/26, 36 871, O"
    assert c.dossier == "36871" and dossier_id(c) == "dossier-36871"
    assert fn["5"][0].short_form == "Idem" and fn["5"][0].text == "Idem."
    r002 = resolve_footnotes(seed_footnotes(SEED_002))
    e = r002[0][0][0]
    assert (e.kind, e.url, e.text, dossier_id(e)) == ("edossier", "", "E dossier [E260010](#)", None)
    assert target_ids(r002[1][0][0]) == ["kst-32317-PY/p2", "kst-32317-PY/p3"]


# ----------------------------------------------------------------------------- resolve


def _resolve(*texts):
    return resolve_footnotes([(str(i + 1), t) for i, t in enumerate(texts)], source="x.txt")


def _codes(issues):
    return [i.code for i in issues]


RESOLVE_CASES = [
    # (footnotes, index checked, expected (document, part, pages, resolved_from) list, warning codes)
    (("Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40.", "Idem, p. 18."), 1,
     [("kst-36871-O", "bijlage", (18,), "1")], []),
    (("Kamerstukken I 2025/26, 32 317, PY, p. 2-3.", "Idem."), 1, [("kst-32317-PY", None, (2, 3), "1")], []),
    (("Kamerstukken II 2019/20, 35 300, nr. 4, p. 40 e.v.", "Ibid."), 1, [("kst-35300-4", None, (40,), "1")], []),
    (("Stb. 2018, 84", "t.a.p."), 1, [("stb-2018-84", None, (), "1")], []),
    (("Handelingen Eerste Kamer, 1 december 1981, blz. 79", "Idem, blz. 82"), 1,
     [("h-ek-19811201", None, (82,), "1")], []),
    (("Kamerstukken I 2025/26, 36 871, O, p. 5 en Kamerstukken I 2025/26, 36 871, O, bijlage, p. 42.",
      "Idem, p. 43."), 1, [("kst-36871-O", "bijlage", (43,), "1")], ["idem-ambiguous"]),
    (("Voortgangsrapportage IBP VTH juni 2023", "Idem, p. 3."), 1, [], ["idem-unresolved"]),
    (("Kamerstukken II 2016-17, 2212, nr. 2292", "Idem."), 1, [], ["idem-unresolved"]),
    (("Kamerstukken II 2016-17, 2212, nr. 2292",), 0, [], ["malformed-citation"]),
    (("Idem, p. 3.",), 0, [], ["idem-unresolved"]),
    (("Voortgangsrapportage IBP VTH juni 2023",), 0, [], ["no-citation"]),
    (("",), 0, [], ["no-citation"]),
    (("Kamerstukken II 2022/23, 29628, nr. 1139.", "Stb. 2018, 84", "Zie noot 1, p. 4."), 2,
     [("kst-29628-1139", None, (4,), "1")], []),
    (("Zie noot 7.",), 0, [], ["idem-unresolved"]),
    (("Kamerstukken II 2019/20, 35 300, nr. 4, p. 5; idem, p. 7.",), 0,
     [("kst-35300-4", None, (5,), None), ("kst-35300-4", None, (7,), "1")], []),
    # never skip back past a footnote that could not be parsed, also along a chain
    (("Stb. 2018, 84", "Iets zonder bron.", "Idem.", "Idem."), 3, [], ["idem-unresolved"]),
]


@pytest.mark.parametrize("texts,index,expected,codes", RESOLVE_CASES,
                         ids=[f"r{i}" for i in range(len(RESOLVE_CASES))])
def test_resolve(texts, index, expected, codes):
    cits, issues = _resolve(*texts)[index]
    assert [(c.document, c.part, c.pages, c.resolved_from) for c in cits] == expected
    assert _codes(issues) == codes
    for i in issues:
        assert i.source == "x.txt" and i.where == f"footnote {index + 1}" and "\n" not in str(i)


def test_resolve_on_arbitrary_lines_is_total():
    lines = ["", "   ", "<sup>3</sup>", "Idem", "€ 36 871", "((((((", "Kamerstukken", "nr. nr. nr.",
             "Kamerstukken I 2025/26, 36 871", "COM(", "ECLI:", "\x00\x01", "é" * 50]
    out = resolve_footnotes([(str(i), t) for i, t in enumerate(lines)])
    assert len(out) == len(lines)


def test_parse_citation_text_and_letter():
    assert [c.document for c in parse_citation_text(
        "Europese strategie voor asiel- en migratiebeheer COM(2026)45")] == ["com-2026-45"]
    letter = Letter(source="data/x.txt", betreft="Europese strategie voor asiel- en migratiebeheer COM(2026)45")
    letter.footnotes = [
        Footnote(number="1", text="E dossier [E260010](#).", line=39),
        Footnote(number="2", text="Voortgangsrapportage IBP VTH juni 2023", line=41),
        Footnote(number="3", text="*Idem.*", line=43),
    ]
    resolve_letter(letter)
    assert [c.document for c in letter.footnotes[0].citations] == ["edossier-E260010"]
    assert letter.footnotes[1].citations == [] and letter.footnotes[2].citations == []
    assert [(w.code, w.where, w.line) for w in letter.warnings] == [
        ("no-citation", "line 41, footnote 2", 41), ("idem-unresolved", "line 43, footnote 3", 43)]
    assert letter.footnotes[2].warnings == letter.warnings[1:]
    assert all(w.source == "data/x.txt" for w in letter.warnings)
    assert [c.document for c in letter.about] == ["com-2026-45"]
    assert letter.about[0].url == "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=COM:2026:45:FIN"


# ----------------------------------------------------------------------------- ids


@pytest.mark.parametrize("kind,document,url", [
    ("kamerstuk", "kst-36871-O", "https://zoek.officielebekendmakingen.nl/kst-36871-O.html"),
    ("kamerstuk", "kst-21501-02-1855", "https://zoek.officielebekendmakingen.nl/kst-21501-02-1855.html"),
    ("handelingen", "h-ek-20252026-12-3", "https://zoek.officielebekendmakingen.nl/h-ek-20252026-12-3.html"),
    ("handelingen", "h-ek-19811201", ""),
    ("aanhangsel", "ah-tk-20232024-1121", "https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1121.html"),
    ("staatsblad", "stb-2018-84", "https://zoek.officielebekendmakingen.nl/stb-2018-84.html"),
    ("staatscourant", "stcrt-2015-47076", "https://zoek.officielebekendmakingen.nl/stcrt-2015-47076.html"),
    ("tractatenblad", "trb-1966-91", "https://zoek.officielebekendmakingen.nl/trb-1966-91.html"),
    ("eu-document", "com-2026-45", "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=COM:2026:45:FIN"),
    ("eu-document", "swd-2024-12", "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=SWD:2024:12:FIN"),
    ("celex", "celex-32013R0604", "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32013R0604"),
    ("eu-act", "celex-32024R1351", "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32024R1351"),
    ("ecli", "ECLI:NL:HR:2020:1", "https://deeplink.rechtspraak.nl/uitspraak?id=ECLI:NL:HR:2020:1"),
    ("ecli", "ECLI:EU:C:2020:1", "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=ecli:ECLI:EU:C:2020:1"),
    ("ecli", "ECLI:DE:BVerwG:2014:041214B8B66.14.0", ""),
    ("ljn", "ljn-AB1234", "https://www.rechtspraak.nl/ljn.asp?ljn=AB1234"),
    ("edossier", "edossier-E260010", ""),
    ("dossier", "dossier-15883", ""),
])
def test_urls(kind, document, url):
    assert url_for(kind, document) == url


def test_found_urls_match_url_for():
    for p in TABLE_ROWS:
        for f in find_citations(p.values[0]):
            if f.document:
                assert f.url == url_for(f.kind, f.document)


def test_node_ids():
    assert page_id("kst-36871-O", "bijlage", 40) == "kst-36871-O/bijlage/p40"
    assert page_id("kst-36871-O", None, 5) == "kst-36871-O/p5"
    assert part_id("kst-36871-O", "bijlage") == "kst-36871-O/bijlage"
    assert part_id("kst-36871-O", None) == "kst-36871-O"
    (c,), _ = _resolve("Kamerstukken II 2021/22, 36 200 VI, nr. 19, bijlage.")[0]
    assert target_ids(c) == ["kst-36200-VI-19/bijlage"] and dossier_id(c) == "dossier-36200-VI"
    (c,), _ = _resolve("Kamerstukken I 2025/26, 36 871, O, p. 40 e.v.")[0]
    assert (c.pages, c.pages_following, target_ids(c)) == ((40,), True, ["kst-36871-O/p40"])
    (c,), _ = _resolve("COM(2021) 752 final")[0]
    assert dossier_id(c) is None and c.label == "COM(2021) 752"


def test_labels():
    labels = [c.label for c in parse_citation_text(
        "Kamerstukken II 2022/23, 29628, nr. 1139; Aanhangsel van de Handelingen II, 2022/-23, "
        "nr. 1823; Kamerstuk 35925-VI-56; Stb. 1952, 406")]
    assert labels == ["Kamerstukken II 2022/23, 29 628, nr. 1139", "Aanhangsel Handelingen II 2022/23, nr. 1823",
                      "Kamerstukken 35 925-VI, nr. 56", "Stb. 1952, 406"]


# ----------------------------------------------------------------------------- noise


@pytest.mark.parametrize("text,documents", [
    ("*Kamerstukken I 2025/26*, 36 871, O, bijlage, p. 41.", ["kst-36871-O"]),
    ("_Kamerstukken I 2025/26_, 36 871, O.", ["kst-36871-O"]),
    ("**Kamerstukken** II 2022/23, 29628, nr. 1139", ["kst-29628-1139"]),
    ("1Kamerstukken II 2001/02, 28 295, nr. 1", ["kst-28295-1"]),
    ("<sup>4</sup> Kamerstukken II 2001/02, 28 295, nr. 1", ["kst-28295-1"]),
    ("Kamer-\nstukken II 2001/02, 28 295, nr. 1", ["kst-28295-1"]),
    ("Kamerstukken II 2001/02,\n28 295,\u00a0nr.\u00a01", ["kst-28295-1"]),
    ("E-dossier [E170030](https://www.eerstekamer.nl/eu/edossier/e170030).", ["edossier-E170030"]),
    ("Hande-lingen II 2019/20, nr. 45, item 7", ["h-tk-20192020-45-7"]),
])
def test_noise_tolerance_and_spans(text, documents):
    found = find_citations(text)
    assert [f.document for f in found] == documents
    for f in found:
        assert text[f.span[0]:f.span[1]] == f.text


# ----------------------------------------------------------------------------- realdocs


def _xml_paragraphs(path: Path):
    from lxml import etree

    raw = path.read_bytes().split(b"\n", 1)[1]  # strip the SOURCE line
    raw = raw.replace("ï»¿".encode("utf-8"), b"").replace(b"\xef\xbb\xbf", b"").lstrip()
    root = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True))
    for al in root.iter("al"):
        yield " ".join("".join(al.itertext()).split()), set(al.xpath(".//extref/@doc"))


def test_realdocs_xml_recall_precision(realdocs):
    """KOOP publisher links as gold: every ``extref/@doc`` of 09 and 10 found, nothing more.
    In 11 (no extrefs) the gold is the compact id closing each entry (``- 21501-02-1855``)
    and ids named ``Kamerstuk 30111-108`` in the titles."""
    tp = fp = fn = 0
    for name in ("09_h-tk-20172018-70-6_stemmingen-moties-milieuraad.xml",
                 "10_h-tk-20172018-70-9_debat-bouwregelgeving-energiebesparing.xml",
                 "11_h-tk-20172018-70-14_ingekomen-stukken.xml"):
        for text, gold in _xml_paragraphs(realdocs / name):
            if name.startswith("11"):
                gold = {"kst-" + m for m in re.findall(r"(?:- |Kamerstuk )(\d{5}(?:-[0-9A-Z]{1,4}){1,2})(?![\w-])", text)}
            found = {f.document for f in find_citations(text) if f.document}
            tp += len(found & gold)
            fp += len(found - gold)
            fn += len(gold - found)
    recall, precision = tp / (tp + fn), tp / (tp + fp)
    print(f"realdocs 09-11: tp={tp} fp={fp} fn={fn} recall={recall:.3f} precision={precision:.3f}")
    assert tp >= 90
    assert recall == 1.0 and precision == 1.0


REALDOC_FOOTNOTES = {
    "01": ["kst-29628-1139", "kst-22343-344", "kst-35690-3", "ah-tk-20222023-1823"],
    "02": ["kst-33047-25", "kst-29628-1099", "kst-35925-VI-56", "kst-35925-VI-41", "kst-36410-VI-65"],
    "03": ["kst-28286-1255"],
    "04": ["kst-28286-1056"],
    "05": ["kst-29628-1135"],
    "06": ["ah-tk-20232024-1121", "ah-tk-20232024-1121"],
    "07": ["kst-25424-670"],
    "08": [],
    "14": ["dossier-15883", "h-tk-19791980", "h-tk-19801981", "kst-15883-7", "kst-15883-7a", "kst-15883-7b",
           "kst-15883-7c", "h-ek-19801981", "kst-16927-1", "kst-16927-2", "kst-16927-3"],
    "15": ["ah-ek-19821983-11", "kst-16606-12b", "h-ek-19811201"],
    "16": ["stb-1952-406", "stb-1952-407", "stb-1935-793", "stb-1957-244", "stb-1922-25", "stb-1896-71",
           "stb-1953-305", "stb-1935-554", "stb-1958-47", "stb-1963-313", "stb-1974-346", "stb-1981-678",
           "stb-1952-406", "kst-20271-1", "kst-20271-2"],
}


@pytest.mark.parametrize("prefix,expected", sorted(REALDOC_FOOTNOTES.items()))
def test_realdocs_text_files(realdocs, prefix, expected):
    """Every parliamentary citation in the whole file (body, notes, headers), in order;
    the zaak numbers (``nr. 2023Z19006``), dates and phone numbers give nothing."""
    (path,) = realdocs.glob(f"{prefix}_*.txt")
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    found = [f for line in lines for f in find_citations(line)]
    assert [f.document for f in found if f.document] == expected
    shorts = [f.short_form for f in found if f.kind == "short"]
    assert shorts == (["Idem"] if prefix == "15" else [])
    malformed = [f.text for f in found if f.kind == "malformed"]
    assert malformed == (["Stb. 218"] if prefix == "14" else [])


# ----------------------------------------------------------------------------- linear time


def _cost(text: str) -> float:
    """CPU time of the process (not wall clock: on a busy machine the wall-clock ratio
    of two runs says more about the other processes than about the input)."""
    best = float("inf")
    for _ in range(5):
        t = time.process_time()
        find_citations(text)
        best = min(best, time.process_time() - t)
    return best


PATHOLOGICAL = {
    "no-spaces": lambda n: ("Kamerstukken36871O,nr.5" * (n // 23 + 1))[:n],
    "nested-brackets": lambda n: "(" * (n // 2) + ")" * (n // 2),
    "digits": lambda n: "1" * n,
    "spaced-digits": lambda n: "1 " * (n // 2),
    "near-misses": lambda n: ("Kamerstukken II 2019/20, 35 300, nrs. 1 en 2 en 3, " * (n // 50 + 1))[:n],
    "whitespace": lambda n: " \n" * (n // 2),
    "emphasis": lambda n: "*" * n,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_linear_time(name):
    make = PATHOLOGICAL[name]
    # 8x the input: linear costs ~8x, quadratic ~64x; best of 5 runs, so a busy
    # machine does not make it flaky.
    small, large = make(25_000), make(200_000)
    ratio = _cost(large) / max(_cost(small), 1e-4)
    assert ratio < 24, f"{name}: 8x the input took {ratio:.1f}x the time"


def test_pathological_sizes_complete():
    """The sizes of the issue complete (their growth is checked above, not wall-clock)."""
    for text in ("x" * 100_000, "(" * 10_000 + ")" * 10_000, "7" * 1_000_000, "[" * 10_000 + "](" * 10_000):
        assert find_citations(text) == []


#: Footnote numbers that repeat (a letter numbering two lists of notes from 1): "Zie noot
#: 1" is the last footnote numbered 1 before it, never one after it.
REPEATED_NUMBERS = [
    ([("1", "Kamerstukken II 2022/23, 29628, nr. 1139."), ("2", "Stb. 2018, 84"),
      ("1", "Kamerstukken I 2025/26, 36 871, O."), ("3", "Zie noot 1, p. 4.")], 3,
     [("kst-36871-O", None, (4,), "1")]),
    ([("1", "Kamerstukken II 2022/23, 29628, nr. 1139."), ("2", "Zie noot 1."),
      ("1", "Kamerstukken I 2025/26, 36 871, O.")], 1, [("kst-29628-1139", None, (), "1")]),
    ([("1", "Zie noot 1."), ("1", "Stb. 2018, 84")], 0, []),
    ([("1", "Stb. 2018, 84"), ("2", "NOS, 3 mei."), ("1", "Zie noot 1."), ("1", "Stb. 2019, 5")], 2,
     [("stb-2018-84", None, (), "1")]),
]


@pytest.mark.parametrize("footnotes,index,expected", REPEATED_NUMBERS)
@pytest.mark.parametrize("batch", [0, 1, 2, 3])
def test_zie_noot_takes_the_last_footnote_of_that_number_before_it(footnotes, index, expected, batch):
    """The same in one sequence and streamed in batches of any size (a batch whose later
    footnote repeats the number)."""
    from kamerxref.graph.citations.resolve import resolve_footnotes_stream

    if batch:
        batches = [footnotes[i:i + batch] for i in range(0, len(footnotes), batch)]
        out = [r for got in resolve_footnotes_stream(batches) for r in got]
    else:
        out = resolve_footnotes(footnotes)
    cits, _ = out[index]
    assert [(c.document, c.part, c.pages, c.resolved_from) for c in cits] == expected
