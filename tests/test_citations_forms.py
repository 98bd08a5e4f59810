"""Citation forms of issues 18 and 12 beyond the table: the guard against wrong ids as
properties (spacing, punctuation and case never change an id), short forms that need
context (``(stuk nr. 3)``, ``hetzelfde Aanhangsel``), and ids as people write them
(DESIGN §5: ``"36 871 O bijlage p. 40"``, ``"181524"``) in the API and the CLI.

The forms themselves, each with its expected records, are rows of
``tests/citations_table.tsv`` (sections "issue 18 / issue 12").
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import kamerxref
from kamerxref.cli import main
from kamerxref.graph.citations import find_citations, resolve_footnotes, resolve_letter, target_ids
from kamerxref.graph.citations.ids import (
    UnreadableId,
    dossier_of_document,
    target_from_text,
    targets_from_text,
)
from kamerxref.graph.model import Footnote, Letter


def _docs(text: str) -> list[str]:
    return [f.document for f in find_citations(text) if f.document]


# ------------------------------------------------------------ properties: no wrong ids

def _dossier_spellings(dossier: int) -> st.SearchStrategy[str]:
    d = f"{dossier:05d}"
    return st.sampled_from([d, f"{d[:2]} {d[2:]}", f"{d[:2]}.{d[2:]}"])


_NR = st.sampled_from(["nr.", "nr", "Nr.", "nummer", "no."])
_PAGE = st.sampled_from(["p.", "pag.", "pag", "blz.", "blz", "pagina", "bladzijde"])
_HEAD = st.sampled_from(["Kamerstukken", "kamerstukken", "Kamerstuk", "Kamerst.", "Kst.", "Bijl. Hand.",
                         "Bijlagen Handelingen"])
_YEAR = st.sampled_from(["2008/09", "2008-2009", "2008/2009", "vergaderjaar 2008-2009", "2008-09"])
_CHAMBER = st.sampled_from(["II", "Tweede Kamer", "TK", "T.K."])


@settings(max_examples=300, deadline=None)
@given(head=_HEAD, chamber=_CHAMBER, year=_YEAR, dossier=st.integers(20000, 36999), nr=_NR,
       number=st.integers(1, 2999), page_mark=_PAGE, page=st.integers(1, 400),
       comma=st.sampled_from([", ", " "]))
def test_kamerstuk_spelling_never_changes_the_id(head, chamber, year, dossier, nr, number,
                                                 page_mark, page, comma):
    for spelled in (f"{dossier // 1000} {dossier % 1000:03d}", str(dossier)):
        text = f"{head} {chamber} {year}, {spelled}{comma}{nr} {number}, {page_mark} {page}"
        found = [f for f in find_citations(text) if f.kind != "malformed"]
        assert [(f.document, f.pages) for f in found] == [(f"kst-{dossier}-{number}", (page,))], text


@settings(max_examples=200, deadline=None)
@given(dossier=st.integers(20000, 36999), meeting=st.integers(1, 99), extra=st.integers(0, 5000),
       nr=_NR, page_mark=_PAGE, year=_YEAR, spacing=st.sampled_from(["{a} {b}", "{a}{b}"]))
def test_handelingen_number_never_taken_from_the_dossier(dossier, meeting, extra, nr, page_mark,
                                                         year, spacing):
    """The dossier debated never becomes the vergadering: either vergadering ``meeting``
    with its page, or a warning, whatever the dossier's spacing."""
    page = meeting + extra
    d = spacing.format(a=dossier // 1000, b=f"{dossier % 1000:03d}")
    text = f"Handelingen II, {year}, {d}, {nr} {meeting}, {page_mark} {page}"
    found = find_citations(text)
    assert [(f.document, f.pages) for f in found] == [(f"h-tk-20082009-{meeting}", (page,))], text


@settings(max_examples=150, deadline=None)
@given(dossier=st.integers(20000, 36999), meeting=st.integers(2, 400), nr=_NR, page_mark=_PAGE,
       suffix=st.sampled_from(["", "a", "b"]), data=st.data())
def test_handelingen_with_a_dossier_unsure_gives_a_warning(dossier, meeting, nr, page_mark, suffix, data):
    """A page before the vergadering's number, a paper letter (``nr. 228b``) or no page:
    not sure which number is the vergadering, so a warning and no id at all."""
    d = f"{dossier // 1000} {dossier % 1000:03d}"
    if suffix:
        tail = data.draw(st.sampled_from(["", f", {page_mark} {meeting + 1}"]))
    else:
        tail = data.draw(st.sampled_from(["", f", {page_mark} {data.draw(st.integers(1, meeting - 1))}"]))
    text = f"Handelingen I, 1996-1997, {d}, {nr} {meeting}{suffix}{tail}"
    found = find_citations(text)
    assert [f.kind for f in found] == ["malformed"], text


@settings(max_examples=150, deadline=None)
@given(chapter=st.sampled_from(["VI", "XV", "IIB", "IXA", "XIV", "VIII"]),
       joiner=st.sampled_from(["-", " ", " hoofdstuk ", ".", ", hoofdstuk "]),
       dossier=st.sampled_from(["31 700", "31700", "19 700", "36200", "35 300"]),
       nr=_NR, number=st.integers(1, 200))
def test_budget_chapter_spelling(chapter, joiner, dossier, nr, number):
    text = f"Kamerstukken II 2008/09, {dossier}{joiner}{chapter}, {nr} {number}"
    assert _docs(text) == [f"kst-{dossier.replace(' ', '')}-{chapter}-{number}"], text


@settings(max_examples=200, deadline=None)
@given(court=st.sampled_from(["HR", "RVS", "CRVB", "RBAMS", "GHARL"]), year=st.integers(1999, 2026),
       number=st.one_of(st.integers(1, 99999).map(str), st.sampled_from(["AH0317", "BX1234", "ZF3911"])),
       case=st.lists(st.booleans(), min_size=40, max_size=40),
       sep=st.sampled_from([":", ";"]), prefix=st.sampled_from(["ECLI{s}", "ECLI {s} ", "ecli{s}", ""]))
def test_ecli_case_and_separators_never_change_the_id(court, year, number, case, sep, prefix):
    raw = f"NL{sep}{court}{sep}{year}{sep}{number}"
    if not prefix and sep == ";":
        raw = raw.replace(";", ":")  # an ECLI without its prefix is only read with colons
    mixed = "".join(c.lower() if flip and c.isalpha() else c for c, flip in zip(raw, case + [False] * 99))
    mixed = "NL" + mixed[2:] if not prefix else mixed  # a bare ECLI starts with its country code
    text = f"zie {prefix.format(s=sep)}{mixed}."
    assert _docs(text) == [f"ECLI:NL:{court}:{year}:{number}"], text


def test_german_ecli_keeps_its_case_and_eu_numbers_are_numbers():
    assert _docs("ECLI:de:BVerwG:2014:041214B8B66.14.0") == ["ECLI:DE:BVerwG:2014:041214B8B66.14.0"]
    (f,) = find_citations("ECLI:EU:C:1984:ab3254")
    assert f.kind == "malformed" and "plain numbers" in f.problem
    (f,) = find_citations("EU:C:1984:25")
    assert f.url == "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=ecli:ECLI:EU:C:1984:25"
    assert (f.span, f.text) == ((0, 12), "EU:C:1984:25")
    (f,) = find_citations("ECLI : NL:HR:2010:392.")
    assert (f.document, f.text, f.url) == ("ECLI:NL:HR:2010:392", "ECLI : NL:HR:2010:392",
                                           "https://deeplink.rechtspraak.nl/uitspraak?id=ECLI:NL:HR:2010:392")


def test_ljn_record():
    (f,) = find_citations("Rb. Amsterdam 3 mei 2001, ELRO-nr AA 9162.")
    assert (f.kind, f.document, f.text, f.label) == ("ljn", "ljn-AA9162", "ELRO-nr AA 9162", "LJN AA9162")
    assert f.url == "https://www.rechtspraak.nl/ljn.asp?ljn=AA9162"


# ------------------------------------------------------------ short forms with context

def _resolve(*texts, dossier=None):
    return resolve_footnotes([(str(i + 1), t) for i, t in enumerate(texts)], "x.txt", dossier=dossier)


def _got(result):
    cits, issues = result
    return [(c.document, c.part, c.pages, c.resolved_from) for c in cits], [i.code for i in issues]


@pytest.mark.parametrize("texts,dossier,index,expected,codes", [
    # (stuk nr. 3) inside the papers of dossier 30 573
    (("De regering verwijst naar de memorie van toelichting (stuk nr. 3).",), "30573", 0,
     [("kst-30573-3", None, (), None)], []),
    (("Zie ook stuk nr. 12, p. 4.",), "36200-VI", 0, [("kst-36200-VI-12", None, (4,), None)], []),
    (("(stuk nr. 3)",), None, 0, [], ["stuk-unresolved"]),
    # hetzelfde Aanhangsel: the last Aanhangsel, past footnotes of other kinds
    (("Aanhangsel Handelingen II 2023/24, nr. 1121.", "Kamerstukken II 2022/23, 29628, nr. 1139.",
      "Zie hetzelfde Aanhangsel, blz. 2."), None, 2, [("ah-tk-20232024-1121", None, (2,), "1")], []),
    (("Aanhangsel Handelingen nr. 815, vergaderjaar 1988-1989", "hetzelfde Aanhangsel"), None, 1,
     [("ah-tk-19881989-815", None, (), "1")], []),
    (("Kamerstukken II 2022/23, 29628, nr. 1139.", "hetzelfde Aanhangsel"), None, 1, [], ["idem-unresolved"]),
    # never past an Aanhangsel that could not be read
    (("Aanhangsel Handelingen II 2023/24, nr. 1121.", "Aanhangsel Handelingen, nr. onleesbaar",
      "hetzelfde Aanhangsel"), None, 2, [], ["idem-unresolved"]),
    # Idem gives no pages to a dossier (which has none)
    (("Kamerstukken II 2019/20, 35 300, p. 4", "Idem, p. 5."), None, 1, [], ["idem-unresolved"]),
])
def test_short_forms_with_context(texts, dossier, index, expected, codes):
    assert _got(_resolve(*texts, dossier=dossier)[index]) == (expected, codes)


def test_letter_published_in_a_kamerstuk_resolves_stuk_nr():
    letter = Letter(source="verslag.xml", publication="kst-30573-J", publication_index=1)
    letter.footnotes = [Footnote(number="2", text="Zie de memorie van antwoord (stuk nr. 7, p. 3).", line=4)]
    resolve_letter(letter)
    (c,) = letter.footnotes[0].citations
    assert (c.document, c.pages, c.dossier, target_ids(c)) == ("kst-30573-7", (3,), "30573", ["kst-30573-7/p3"])
    assert letter.warnings == []
    # in the body text too, and only with a known dossier
    from kamerxref.graph.citations import citations_alone
    text = ["De regering verwees naar de nota naar aanleiding van het verslag (stuk nr. 6, blz. 4)."]
    assert [(c.document, c.pages) for c in citations_alone(text, "30573")[0]] == [("kst-30573-6", (4,))]
    assert citations_alone(text)[0] == []
    assert dossier_of_document("kst-36200-VI-19") == "36200-VI" and dossier_of_document("com-2026-45") is None


def test_cite_command_reports_the_new_forms():
    lines = "\n".join(["Kamerstukken I 2025/26, 36 871, O, p. 5 en bijlage, p. 42",
                       "Handelingen I, 1996-1997, 24 692, nr. 228b, p. 4",
                       "LJN BA1234, BA1235"])
    out = CliRunner().invoke(main, ["cite", "-"], input=lines)
    assert out.exit_code == 0, out.output
    records = json.loads(out.stdout)
    assert [(c["document"], c["part"], c["pages"]) for c in records[0]["citations"]] == [
        ("kst-36871-O", None, [5]), ("kst-36871-O", "bijlage", [42])]
    assert records[1]["citations"] == [] and "228b" in records[1]["warnings"][0]
    assert [c["kind"] + ":" + c["document"] for c in records[2]["citations"]] == [
        "ljn:ljn-BA1234", "ljn:ljn-BA1235"]


# ------------------------------------------------------------ ids as people write them

@pytest.mark.parametrize("text,expected", [
    ("36 871 O bijlage p. 40", ["kst-36871-O/bijlage/p40"]),
    ("36 871, O, bijlage, p. 40", ["kst-36871-O/bijlage/p40"]),
    ("Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40.", ["kst-36871-O/bijlage/p40"]),
    ("36 871 O", ["kst-36871-O"]),
    ("36 871 O bijlage", ["kst-36871-O/bijlage"]),
    ("36871", ["dossier-36871"]),
    ("36 871", ["dossier-36871"]),
    ("36 200 VI, nr. 19", ["kst-36200-VI-19"]),
    ("29628, nr. 1139", ["kst-29628-1139"]),
    ("181524", ["letter-181524"]),
    ("  181524 ", ["letter-181524"]),
    ("COM(2026)45", ["com-2026-45"]),
    ("COM(2021) 752 final", ["com-2021-752"]),
    ("Stb. 2018, 84", ["stb-2018-84"]),
    ("E-dossier E260010", ["edossier-E260010"]),
    ("ECLI:Nl:Hr:2010:28", ["ECLI:NL:HR:2010:28"]),
    ("LJN AB1234", ["ljn-AB1234"]),
    ("Handelingen I 2025/26, nr. 12, item 3", ["h-ek-20252026-12-3"]),
    ("36 871 O p. 40-41", ["kst-36871-O/p40", "kst-36871-O/p41"]),
    # internal ids pass through
    ("kst-36871-O/bijlage/p40", ["kst-36871-O/bijlage/p40"]),
    ("letter-181524/q7", ["letter-181524/q7"]),
    ("dossier-36871", ["dossier-36871"]),
    ("fractie-D66", ["fractie-D66"]),
    ("ECLI:NL:HR:2020:1", ["ECLI:NL:HR:2020:1"]),
])
def test_targets_from_text(text, expected):
    assert targets_from_text(text) == expected


@pytest.mark.parametrize("text,message", [
    ("de brief van vorige week", "'de brief van vorige week' is neither an id"),
    ("", "an empty id"),
    ("Kamerstukken II 2016-17, 2212, nr. 2292", "4 digits"),
    ("36 871 O p. 40-41", "names 2 nodes (kst-36871-O/p40, kst-36871-O/p41)"),
    ("Idem, p. 4", "is neither an id"),
])
def test_unreadable_ids_say_why(text, message):
    with pytest.raises(UnreadableId, match=message.replace("(", r"\(").replace(")", r"\)")):
        target_from_text(text)


def test_api_takes_ids_as_people_write_them(data_dir):
    corpus = kamerxref.load(data_dir)
    assert corpus.citing("36 871 O bijlage p. 40") == corpus.citing("kst-36871-O/bijlage/p40") != []
    assert corpus.citing("Kamerstukken I 2025/26, 36 871, O, p. 5") == corpus.citing("kst-36871-O/p5")
    assert corpus.per_fractie("181524") == corpus.per_fractie("letter-181524")
    assert corpus.sharing("181524") == corpus.sharing("letter-181524")
    assert corpus.cites("letter-181524/q1") != []
    assert corpus.unanswered("180760") == corpus.unanswered("letter-180760") != []
    assert "letter-181524" in corpus.view("181524")._repr_html_()
    with pytest.raises(ValueError, match="'bijlage veertig' is neither an id"):
        corpus.citing("bijlage veertig")


def test_cli_citing_takes_a_citation(data_dir):
    runner = CliRunner()
    by_text = runner.invoke(main, ["citing", "36 871 O bijlage p. 40", str(data_dir), "--format", "json", "-q"])
    by_id = runner.invoke(main, ["citing", "kst-36871-O/bijlage/p40", str(data_dir), "--format", "json", "-q"])
    assert by_text.exit_code == 0 and by_text.stdout == by_id.stdout
    assert json.loads(by_text.stdout)
    bad = runner.invoke(main, ["citing", "pagina veertig", str(data_dir), "-q"])
    assert bad.exit_code == 1
    assert bad.stderr.strip().startswith("kamerxref: error: 'pagina veertig' is neither an id")
    assert "Traceback" not in bad.output
