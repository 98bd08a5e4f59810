"""Published verslagen (verslag_text.py, kamerstuk_xml.py): each letter a Kamerstuk holds,
read in both published forms, counted by hand.

The fixtures are written for these tests (tests/verslag_fixtures.py renders one
description as officielebekendmakingen XML and as text copied from the HTML page).
Expected values follow DESIGN §1 and §3 by hand:

Verslag van een schriftelijk overleg ``kst-30573-Q`` (8 notes):

- letter 1, the committee's (``BRIEF VAN DE VOORZITTER ...``), preamble included:
  notes 1 (Samenstelling: members, no warning) and 2 stand in the preamble: letter-level
  sources. GroenLinks-PvdA mede namens de SP: the prose question after note 3 (``direct``),
  items 1 (note 4), 2 (with sub-items a./b.: one question, no note), 3 (note 5, ``Idem, p.
  7`` = Kamerstuk 19 637, nr. 3301 p. 7). CDA ("De leden van de CDA-fractie"): the
  indirect "Deze leden vragen de regering of ..." after note 6 (``direct``), then "Is de
  regering bereid ...?" in a paragraph of its own, no note (nothing). PVV: a context
  paragraph with note 7, then a question paragraph: note 7 by ``section``.
- letter 2, the minister's reply: note 8 in its opening: a letter-level source.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import verslag_fixtures as F
from kamerxref.cli import main
from kamerxref.graph.build import build_graph
from kamerxref.graph.model import Letter
from kamerxref.graph.pipeline import process
from kamerxref.graph.readers import detect_format, read_file_all
from kamerxref.graph.readers.structure import asks, sentence_spans
from kamerxref.graph.readers.text import account
from kamerxref.graph.readers.verslag_text import members_from_samenstelling, stuk_role

FORMS = ["xml", "txt"]


def _notes_after_each_part(text: str) -> str:
    """The copied text with each letter's notes right after it (before the next ``BRIEF
    VAN ...``) and each note number on a line of its own, as some copies have them."""
    lines = text.rstrip("\n").split("\n")
    notes = [ln for ln in lines if re.match(r"^\d+ (?:Samenstelling|Kamerstukken|Idem)", ln)]
    body = [ln for ln in lines if ln not in notes]
    out = []
    for ln in body:
        if ln.startswith("BRIEF VAN DE MINISTER"):
            for n in notes[:-1]:
                out += n.split(" ", 1)
            out.append("")
        out.append(ln)
    out += [""] + notes[-1].split(" ", 1)
    return "\n".join(out) + "\n"


def _write(tmp_path: Path, name: str, form: str) -> Path:
    stuk = F.ALL[name]
    path = tmp_path / f"{name}.{form[:3]}"
    text = F.to_xml(stuk) if form == "xml" else F.to_text(stuk)
    if form == "txt-notes-per-part":
        text = _notes_after_each_part(text)
    path.write_text(text, encoding="utf-8")
    return path


def _read(tmp_path: Path, name: str, form: str) -> list[Letter]:
    return [process(letter) for letter in read_file_all(_write(tmp_path, name, form))]


def _line_of(path: Path, needle: str) -> int:
    for no, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if needle in line:
            return no
    raise AssertionError(needle)


# -- the verslag van een schriftelijk overleg ------------------------------------------------

GL_SP = ("GroenLinks-PvdA", "SP")
#: (number, fracties, start of the text, cites as (target, how, footnotes))
QUESTIONS_1 = [
    (None, GL_SP, "Kan de regering aangeven welk deel",
     [("kst-30573-P/bijlage/p12", "direct", ("3",))]),
    ("1", GL_SP, "Welke maatregelen neemt de regering", [("kst-19637-3301", "direct", ("4",))]),
    ("2", GL_SP, "Kan de regering per maatregel aangeven:", []),
    ("3", GL_SP, "Hoe verhoudt het voorstel zich", [("kst-19637-3301/p7", "direct", ("5",))]),
    (None, ("CDA",), "Deze leden vragen de regering of zij kan toelichten",
     [("kst-36600-VI-12", "direct", ("6",))]),
    (None, ("CDA",), "Is de regering bereid de Kamer", []),
    (None, ("PVV",), "Deze leden vragen de regering waarom", [("kst-36457-C/p4", "section", ("7",))]),
]


@pytest.mark.parametrize("form", FORMS + ["txt-notes-per-part"])
def test_schriftelijk_overleg_letters(tmp_path, form):
    letters = _read(tmp_path, "schriftelijk-overleg", form)
    assert [(l.id, l.role, l.publication, l.publication_index) for l in letters] == [
        ("letter-kst-30573-Q-1", "committee", "kst-30573-Q", 1),
        ("letter-kst-30573-Q-2", "reply", "kst-30573-Q", 2)]
    committee, reply = letters
    assert (committee.datum.isoformat(), committee.deadline.isoformat(), committee.chamber) == (
        "2025-12-09", "2026-01-06", "ek")
    assert committee.term_raw == "binnen vier weken na dagtekening"
    assert committee.addressee_function == "Minister van Asiel en Migratie"
    assert (committee.chair, committee.committee) == (
        "E.J. Dittrich", "vaste commissie voor Immigratie & Asiel/JBZ-Raad")
    assert committee.betreft == "Migratiebeleid"
    assert committee.fracties == ["GroenLinks-PvdA", "SP", "CDA", "PVV"]
    assert [(s.kind, s.fracties) for s in committee.sections] == [
        ("fractie", GL_SP), ("fractie", ("CDA",)), ("fractie", ("PVV",))]
    got = [(q.number, q.fracties, q.text[:len(t)], [(c.target, c.how, c.footnotes) for c in q.cites])
           for q, (_, _, t, _) in zip(committee.questions, QUESTIONS_1)]
    assert got == QUESTIONS_1
    assert len(committee.questions) == 7
    # sub-items a./b. stay inside numbered item 2
    item2 = committee.questions[2].text
    assert "wat de verwachte kosten zijn;" in item2 and item2.endswith("in werking treedt?")
    assert [fn.number for fn in committee.footnotes] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [(c.target, c.how, c.footnotes) for c in committee.cites] == [("kst-30573-P", "letter", ("2",))]
    # the Samenstelling note: the committee's members, not a warning
    assert [(m.name, m.fractie, m.role) for m in committee.members][2:5] == [
        ("Dittrich", "D66", "voorzitter"), ("Karimi", "GroenLinks-PvdA", None),
        ("Van Toorenburg", "CDA", "ondervoorzitter")]
    assert len(committee.members) == 6
    assert committee.warnings == []
    # the reply
    assert (reply.datum.isoformat(), reply.kind, reply.letter_kind) == ("2026-01-30", "reply", "reply")
    assert reply.addressee_function == "Voorzitter van de vaste commissie voor Immigratie & Asiel / JBZ-Raad"
    assert (reply.chair, reply.chair_function) == ("M.H. Faber-van de Klashorst",
                                                   "De Minister van Asiel en Migratie")
    assert reply.questions == [] and [fn.number for fn in reply.footnotes] == ["8"]
    assert [(c.target, c.how) for c in reply.cites] == [("kst-30573-Q", "letter")]
    assert reply.warnings == [] and reply.members == []


@pytest.mark.parametrize("form", FORMS)
def test_lines_point_into_the_file(tmp_path, form):
    path = _write(tmp_path, "schriftelijk-overleg", form)
    committee, reply = [process(l) for l in read_file_all(path)]
    q = committee.questions[4]
    assert q.line == _line_of(path, "De leden van de CDA-fractie hebben met zorg")
    fn3 = committee.footnote("3")
    assert fn3.marker.line == _line_of(path, "asielzoekers in 2025 is gedaald")
    assert fn3.line == _line_of(path, "bijlage, p. 12.")
    assert committee.sections[2].line == _line_of(path, "fractie van de PVV")
    heads = {b.reason for b in committee.skipped}
    assert {"publication-header", "letter-heading", "letterhead", "signature"} <= heads


def test_forms_are_detected(tmp_path):
    for name in F.ALL:
        assert detect_format(_write(tmp_path, name, "txt")) == "verslag-text"
        assert detect_format(_write(tmp_path, name, "xml")) == "xml"


@pytest.mark.parametrize("form", FORMS)
def test_voorlopig_verslag_one_committee_letter(tmp_path, form):
    (letter,) = _read(tmp_path, "voorlopig-verslag", form)
    assert (letter.id, letter.role, letter.datum.isoformat()) == ("letter-kst-36611-B-1", "committee",
                                                                  "2026-03-17")
    assert letter.fracties == ["50PLUS", "PVV"]
    assert [(m.name, m.role) for m in letter.members] == [("Kox", None), ("Van Rooijen", "voorzitter"),
                                                        ("Bezaan", None)]
    # note 2 stands in a context paragraph: both 50PLUS questions of its section get it
    assert [(q.fracties, [(c.target, c.how) for c in q.cites]) for q in letter.questions] == [
        (("50PLUS",), [("kst-36611-3/p9", "section")]),
        (("50PLUS",), [("kst-36611-3/p9", "section")]),
        (("PVV",), [("kst-36611-3/p14", "direct")])]
    assert letter.chair == "Van Rooijen" and letter.warnings == []
    # named only mid-sentence: "Het wetsvoorstel heeft de leden van de vaste commissie
    # voor Sociale Zaken en Werkgelegenheid aanleiding gegeven tot ..."
    assert letter.committee == "vaste commissie voor Sociale Zaken en Werkgelegenheid"


def test_voorlopig_verslag_note_1_on_the_title(tmp_path):
    """Note 1 (Samenstelling) marked on the stuk title, as the Eerste Kamer prints it
    ("VOORLOPIG VERSLAG VAN DE VASTE COMMISSIE VOOR ... WERKGELEGENHEID1"): the notes run
    1, 2, 3 again, so notes 2 and 3 keep their markers (they were all lost, and with them
    the question whose '?' had a marker glued to it)."""
    text = F.to_text(F.VOORLOPIG_VERSLAG)
    text = text.replace("Werkgelegenheid1 aanleiding", "Werkgelegenheid aanleiding")
    text = text.replace("SOCIALE ZAKEN EN WERKGELEGENHEID\n", "SOCIALE ZAKEN EN WERKGELEGENHEID1\n")
    text = text.replace("een overgangstermijn van twee jaar?", "een overgangstermijn van twee jaar?2")
    text = text.replace("kennisgenomen van het wetsvoorstel.2", "kennisgenomen van het wetsvoorstel.")
    path = tmp_path / "vv.txt"
    path.write_text(text, encoding="utf-8")
    (letter,) = [process(l) for l in read_file_all(path)]
    assert [fn.number for fn in letter.footnotes] == ["1", "2", "3"]
    assert letter.footnote("1").marker is None  # it stands in the title, not in a letter
    assert [m.name for m in letter.members] == ["Kox", "Van Rooijen", "Bezaan"]
    assert [(q.fracties, q.text[-20:], [c.target for c in q.cites]) for q in letter.questions] == [
        (("50PLUS",), "nieuwe taken gaan bekostigen."[-20:], []),
        (("50PLUS",), "rmijn van twee jaar?", ["kst-36611-3/p9"]),
        (("PVV",), "wijziging heeft getoetst."[-20:], ["kst-36611-3/p14"])]
    head = [b.text for b in letter.skipped if "VOORLOPIG VERSLAG" in b.text]
    assert head and not head[0].rstrip().endswith("1")  # the marker is taken out of the title


#: A Tweede Kamer verslag of a bill, in the text copied from its page (written for this
#: test in that form): the committee named before a comma ("..., belast met het
#: voorbereidend onderzoek ..."), a table of contents, numbered topic headings.
TK_BILL_VERSLAG = """Tweede Kamer der Staten-Generaal
Vergaderjaar 2025–2026
36 600
Wijziging van de Wet X
Nr. 5
VERSLAG
Vastgesteld 12 november 2025

De vaste commissie voor Justitie en Veiligheid, belast met het voorbereidend onderzoek van dit wetsvoorstel, heeft de eer als volgt verslag uit te brengen van haar bevindingen.

Onder het voorbehoud dat de regering de gestelde vragen tijdig zal hebben beantwoord, acht de commissie de openbare behandeling van het wetsvoorstel voldoende voorbereid.

Inhoudsopgave
blz.
I. Algemeen 1
1. Inleiding 1
II. Artikelsgewijs 3

I. Algemeen

1. Inleiding

De leden van de VVD-fractie hebben kennisgenomen van het wetsvoorstel. Zij hebben nog enkele vragen.

Kan de regering aangeven hoeveel zaken dit betreft?1

De leden van de D66-fractie vragen de regering of zij kan toelichten waarom gekozen is voor deze termijn.

II. Artikelsgewijs

Artikel I, onderdeel A

De leden van de CDA-fractie vragen of dit artikel ook geldt voor lopende zaken.

De voorzitter van de commissie,
Mutluer

De adjunct-griffier van de commissie,
Brood

1 Kamerstukken II 2024/25, 36 600, nr. 3, p. 4.
"""


def test_tweede_kamer_verslag_of_a_bill(tmp_path):
    path = tmp_path / "kst-36600-5.txt"
    path.write_text(TK_BILL_VERSLAG, encoding="utf-8")
    (letter,) = [process(l) for l in read_file_all(path)]
    assert (letter.publication, letter.role, letter.chamber) == ("kst-36600-5", "committee", "tk")
    assert letter.committee == "vaste commissie voor Justitie en Veiligheid"
    assert letter.chair == "Mutluer" and letter.warnings == []
    assert [(q.fracties, letter.sections[q.section].heading, [c.target for c in q.cites])
            for q in letter.questions] == [
        (("VVD",), "1. Inleiding", ["kst-36600-3/p4"]),
        (("D66",), "1. Inleiding", []),
        (("CDA",), "Artikel I, onderdeel A", [])]
    assert [b.reason for b in letter.skipped if b.text.startswith("Inhoudsopgave")] == ["contents"]


@pytest.mark.parametrize("form", FORMS)
def test_memorie_van_antwoord_is_a_reply(tmp_path, form):
    (letter,) = _read(tmp_path, "memorie-van-antwoord", form)
    assert (letter.id, letter.role, letter.letter_kind, letter.datum.isoformat()) == (
        "letter-kst-36611-C-1", "reply", "reply", "2026-04-14")
    assert (letter.chair, letter.chair_function) == ("Y.J. van Hijum",
                                                     "De Minister van Sociale Zaken en Werkgelegenheid")
    assert [(c.target, c.how) for c in letter.cites] == [("kst-36611-B", "letter")]


# -- accounting: nothing read silently -------------------------------------------------------


def _merged(letters: list[Letter]) -> Letter:
    m = Letter(source="merged")
    for l in letters:
        m.paragraphs += l.paragraphs
        m.sections += l.sections
        m.footnotes += l.footnotes
        m.skipped += l.skipped
    return m


def _fixture_sentences(stuk) -> list[str]:
    out = []
    for block in stuk.body:
        if block[0] == "p":
            parts = [block[1]]
        elif block[0] == "li":
            parts = [block[2]] + [p for _, p in block[3]]
        else:
            continue
        for p in parts:
            text = "".join(x for x in p if isinstance(x, str))
            out += [text[s:e] for s, e in sentence_spans(text) if asks(text[s:e])]
    return out


@pytest.mark.parametrize("name", sorted(F.ALL))
@pytest.mark.parametrize("form", FORMS)
def test_every_note_and_question_is_accounted(tmp_path, name, form):
    stuk = F.ALL[name]
    letters = _read(tmp_path, name, form)
    G = build_graph(letters)
    # every note body is a footnote node of exactly one letter, with its text
    notes = [p for b in stuk.body for p in (b[1] if b[0] == "p" else b[2] if b[0] == "li" else [])
             if isinstance(p, F.Note)]
    notes += [p for b in stuk.body if b[0] == "li" for _, ps in b[3] for p in ps if isinstance(p, F.Note)]
    in_graph = sorted((d["number"], d["text"]) for _, d in G.nodes(data=True) if d["kind"] == "footnote")
    assert in_graph == sorted((str(n.number), n.body) for n in notes)
    # every asking sentence is (in) a question node, a question a reply repeats (pairing
    # marks those paragraphs "repeat"), or in a warning
    questions = [d["text"] for _, d in G.nodes(data=True) if d["kind"] == "question"]
    questions += [p.text for l in letters if l.role == "reply" for p in l.paragraphs if p.kind == "repeat"]
    warned = " ".join(str(w) for l in letters for w in l.warnings)
    for sentence in _fixture_sentences(stuk):
        assert any(sentence in q for q in questions) or sentence[:40] in warned, sentence
    # and every word of the input is somewhere (paragraph, heading, note, skipped block)
    if form == "txt":
        assert account(_merged(letters), F.to_text(stuk, sup_markers=True)) == []


def test_xml_words_accounted(tmp_path):
    from lxml import etree

    for name, stuk in F.ALL.items():
        letters = _read(tmp_path, name, "xml")
        root = etree.fromstring(F.to_xml(stuk).encode())
        words = " ".join(root.itertext())
        # a note number stands once in the XML (noot.nr) and twice in the letter (marker, body)
        words += " " + " ".join(fn.number for l in letters for fn in l.footnotes)
        assert account(_merged(letters), words) == [], name


# -- the pieces ------------------------------------------------------------------------------


@pytest.mark.parametrize("title, role", [
    ("VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", "committee"),
    ("VOORLOPIG VERSLAG VAN DE VASTE COMMISSIE VOOR FINANCIËN", "committee"),
    ("NADER VOORLOPIG VERSLAG", "committee"),
    ("EINDVERSLAG", "committee"),
    ("MEMORIE VAN ANTWOORD", "reply"),
    ("NADERE MEMORIE VAN ANTWOORD", "reply"),
    ("NOTA NAAR AANLEIDING VAN HET VERSLAG", "reply"),
    ("MEMORIE VAN TOELICHTING", None),
    ("KONINKLIJKE BOODSCHAP", None),
])
def test_stuk_role(title, role):
    assert stuk_role(title) == role


def test_members_from_samenstelling():
    got = members_from_samenstelling("Samenstelling: Kox (SP), Dittrich (D66) (voorzitter), "
                                     "Van Hattem (PVV) (ondervoorzitter), Nanninga (JA21)")
    assert [(m.name, m.fractie, m.role) for m in got] == [
        ("Kox", "SP", None), ("Dittrich", "D66", "voorzitter"), ("Van Hattem", "PVV", "ondervoorzitter"),
        ("Nanninga", "JA21", None)]


@pytest.mark.parametrize("line, kept", [
    ("De leden van de fractie van D66 en JA21 hebben vragen.1", "D66 en JA21 hebben vragen.<sup>1</sup>"),
    ("volgens de (Duitse1) regering is dat zo.", "(Duitse<sup>1</sup>) regering"),
    ("Heeft de regering dit uitgeoefend1? Zo ja, hoe?", "uitgeoefend<sup>1</sup>?"),
])
def test_glued_markers_by_the_note_sequence(tmp_path, line, kept):
    """A marker glued to a word is found because note 1 follows; ``D66`` and ``JA21``
    stay names."""
    text = ("Eerste Kamer der Staten-Generaal\nVergaderjaar 2025–2026\n36 611\nWet X\nB\n"
            "VOORLOPIG VERSLAG\nVastgesteld 17 maart 2026\n\n" + line + "\n\n1 Kamerstukken II 2025/26, 36 611, nr. 3.\n")
    from kamerxref.graph.readers.verslag_text import parse_published_text

    pub = parse_published_text(text, "x.txt")
    assert [n.number for n in pub.notes] == ["1"]
    assert any(kept in pl.text for pl in pub.body)
    assert (pub.dossier, pub.ondernummer, pub.id) == ("36611", "B", "kst-36611-B")


def test_numbers_without_a_marker_stay_text(tmp_path):
    """A line ``2 ...`` without marker 2 in the text before it is no note."""
    text = ("Tweede Kamer der Staten-Generaal\nVergaderjaar 2025–2026\n32 317\nJBZ-Raad\nNr. 974\n"
            "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\nVastgesteld 3 november 2025\n\n"
            "De leden van de VVD-fractie vragen of de D66-fractie dit steunt.\n\n"
            "2 Kan de minister dit toelichten?\n")
    from kamerxref.graph.readers.verslag_text import parse_published_text

    pub = parse_published_text(text, "x.txt")
    assert pub.notes == [] and pub.id == "kst-32317-974" and pub.chamber == "tk"


def test_ocr_pages_with_and_without_questions(realdocs):
    """An OCR page that asks questions goes through the letter reader (15: four questions
    of senators); one that holds none says so in a warning (14, 16)."""
    by = {p.name[:2]: p for p in realdocs.glob("1[456]_*.txt")}
    (l15,) = read_file_all(by["15"])
    assert l15.kind == "ocr" and len(l15.questions) == 4
    assert l15.questions[0].text.startswith("1 Kan de Minister nader uiteenzetten")
    for k in ("14", "16"):
        (letter,) = read_file_all(by[k])
        assert "ocr-no-letter" in {w.code for w in letter.warnings}
        assert letter.questions == []


# -- the graph and the commands, end to end --------------------------------------------------


def test_graph_links_letters_to_their_publication(tmp_path):
    letters = _read(tmp_path, "schriftelijk-overleg", "xml")
    G = build_graph(letters)
    edges = sorted((u, v, d["index"]) for u, v, d in G.edges(data=True) if d["kind"] == "published_in")
    assert edges == [("letter-kst-30573-Q-1", "kst-30573-Q", 1), ("letter-kst-30573-Q-2", "kst-30573-Q", 2)]
    assert G.nodes["kst-30573-Q"]["kind"] == "document"
    assert G.nodes["letter-kst-30573-Q-2"]["role"] == "reply"


def _cli(*args):
    res = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res


def test_commands_end_to_end(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    _write(src, "schriftelijk-overleg", "xml")
    _write(src, "voorlopig-verslag", "txt")
    _write(src, "memorie-van-antwoord", "txt")
    recs = {r["id"]: r for r in json.loads(_cli("letters", src, "--format", "json", "-q").stdout)}
    assert sorted(recs) == ["letter-kst-30573-Q-1", "letter-kst-30573-Q-2", "letter-kst-36611-B-1",
                            "letter-kst-36611-C-1"]
    assert [(r["kind"], r["publication"], r["questions"], r["footnotes"]) for r in recs.values()] == [
        ("committee", "kst-30573-Q", 7, 7), ("reply", "kst-30573-Q", 0, 1),
        ("committee", "kst-36611-B", 3, 3), ("reply", "kst-36611-C", 0, 1)]  # a reply's
    # repeated question is the committee's (a "repeat" paragraph), not a question of its own
    assert recs["letter-kst-30573-Q-1"]["cites"] == ["kst-19637-3301", "kst-30573-P", "kst-36457-C",
                                                     "kst-36600-VI-12"]
    assert recs["letter-kst-30573-Q-1"]["warnings"] == []
    # the reply is paired with the committee's letter of its publication (pairing.py)
    assert (recs["letter-kst-30573-Q-1"]["status"], recs["letter-kst-30573-Q-1"]["reply"]) == (
        "answered late", "letter-kst-30573-Q-2")  # deadline 6 januari, reply 30 januari
    qs = json.loads(_cli("questions", src, "--format", "json", "-q", "--fractie", "SP").stdout)
    assert [(q["id"], q["number"]) for q in qs] == [
        ("letter-kst-30573-Q-1/q1", None), ("letter-kst-30573-Q-1/q2", "1"),
        ("letter-kst-30573-Q-1/q3", "2"), ("letter-kst-30573-Q-1/q4", "3")]
    assert qs[3]["cites"][0]["id"] == "kst-19637-3301/p7"
    out = tmp_path / "out"
    res = _cli("build", src, "-o", out)
    assert "4 letters" in res.stderr or "letters" in res.stderr
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    kinds = {e["kind"] for e in graph.get("links", graph.get("edges", []))}
    assert {"published_in", "cites", "asks"} <= kinds
    assert (out / "letters" / "letter-kst-30573-Q-1.html").is_file()


# -- a Tweede Kamer verslag: no BRIEF headings, parts I and II, notes after each part ----

TK_VERSLAG = """\
Tweede Kamer der Staten-Generaal
Vergaderjaar 2025–2026
32 317
JBZ-Raad
Nr. 981
VERSLAG VAN EEN SCHRIFTELIJK OVERLEG
Vastgesteld 6 november 2025

De vaste commissie voor Justitie en Veiligheid heeft een aantal vragen en opmerkingen voorgelegd aan de Minister van Justitie en Veiligheid over de geannoteerde agenda van de JBZ-Raad van 13 en 14 november 2025.1

De vragen en opmerkingen zijn op 30 oktober 2025 aan de Minister van Justitie en Veiligheid voorgelegd. Bij brief van 5 november 2025 zijn de vragen beantwoord.

De voorzitter van de commissie,
Van Nispen

De griffier van de commissie,
Brood

I Vragen en opmerkingen vanuit de fracties

Vragen en opmerkingen van de leden van de VVD-fractie

De leden van de VVD-fractie hebben kennisgenomen van de geannoteerde agenda.2 Deze leden vragen de minister hoe hij de voortgang van het Migratiepact beoordeelt.

Vragen en opmerkingen van de leden van de D66-fractie

Kan de minister toelichten welke rol Nederland speelt bij de Schengenevaluatie (JA21-motie)?

Noten
1 Kamerstuk 32 317, nr. 980.
2 Kamerstuk 32 317, nr. 979.

II Reactie van de minister

De voortgang van het Migratiepact is goed; de uitvoering ligt op schema.3

3 Kamerstukken II 2025/26, 36 600 VI, nr. 4.
"""


def test_tweede_kamer_verslag(tmp_path):
    path = tmp_path / "kst-32317-981.txt"
    path.write_text(TK_VERSLAG, encoding="utf-8")
    assert detect_format(path) == "verslag-text"
    committee, reply = [process(l) for l in read_file_all(path)]
    assert (committee.id, committee.role, committee.chamber) == ("letter-kst-32317-981-1", "committee", "tk")
    assert (committee.datum.isoformat(), reply.datum.isoformat()) == ("2025-10-30", "2025-11-05")
    assert committee.chair == "Van Nispen"  # not the griffier
    assert [(q.fracties, [(c.target, c.how) for c in q.cites]) for q in committee.questions] == [
        (("VVD",), [("kst-32317-979", "direct")]), (("D66",), [])]
    assert [fn.number for fn in committee.footnotes] == ["1", "2"]
    assert [(c.target, c.how) for c in committee.cites] == [("kst-32317-980", "letter")]
    assert (reply.id, reply.role, [fn.number for fn in reply.footnotes]) == (
        "letter-kst-32317-981-2", "reply", ["3"])
    assert committee.warnings == []
    # "JA21-motie" keeps its name: no marker 21 was looked for, none taken
    assert "(JA21-motie)" in committee.questions[1].text


@pytest.mark.parametrize("text, message", [
    ("Eerste Kamer der Staten-Generaal\nVergaderjaar 2025–2026\n36 611\nWet X\nB\nVOORLOPIG VERSLAG\n"
     "Vastgesteld 17 maart 2026\n", "no text after the header"),
])
def test_a_verslag_without_body_is_refused_in_one_line(tmp_path, text, message):
    from kamerxref.graph.readers import InputError

    path = tmp_path / "leeg.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_file_all(path)
    assert message in str(err.value) and "\n" not in str(err.value) and str(path) in str(err.value)


def test_a_letter_heading_without_text_is_warned(tmp_path):
    stuk = F.SCHRIFTELIJK_OVERLEG
    text = F.to_text(stuk).replace("BRIEF VAN DE MINISTER VAN ASIEL EN MIGRATIE\n",
                                   "BRIEF VAN DE STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID\n\n"
                                   "BRIEF VAN DE MINISTER VAN ASIEL EN MIGRATIE\n")
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    letters = read_file_all(path)
    assert [l.role for l in letters] == ["committee", "reply", "reply"]
    assert [w.code for w in letters[1].warnings] == ["empty-letter"]


def test_xml_signature_by_markup_and_a_note_outside_the_text(tmp_path):
    """``ondertekening`` with ``functie``/``naam`` and no ``al``; a ``noot`` standing in a
    ``divisie`` outside any paragraph is kept (first letter) and warned about."""
    xml = F.to_xml(F.MEMORIE_VAN_ANTWOORD).replace(
        "<ondertekening><al>De Minister van Sociale Zaken en Werkgelegenheid,</al><al>Y.J. van Hijum</al>"
        "</ondertekening>",
        "<ondertekening><functie>De Minister van Sociale Zaken en Werkgelegenheid</functie>"
        "<naam><voornaam>Y.J.</voornaam> <achternaam>van Hijum</achternaam></naam></ondertekening>"
        '<noot id="x9"><noot.nr>2</noot.nr><noot.al>Stb. 2026, 12.</noot.al></noot>')
    assert "<functie>" in xml
    path = tmp_path / "mva.xml"
    path.write_text(xml, encoding="utf-8")
    (letter,) = [process(l) for l in read_file_all(path)]
    assert (letter.chair, letter.chair_function) == (
        "Y.J. van Hijum", "De Minister van Sociale Zaken en Werkgelegenheid")
    assert [fn.number for fn in letter.footnotes] == ["1", "2"]
    assert "footnote-outside-text" in {w.code for w in letter.warnings}
