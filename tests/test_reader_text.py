"""The text letter reader (graph/readers/text.py) on the seeds and on letter variants.

Question counts are worked out by hand from the seed text with the rule of DESIGN §1
(a numbered item is one question; in prose each asking sentence, ending in "?" or an
indirect question; a bullet list belongs to the sentence that introduces it) and are
written down per paragraph with the reasoning, so a change in the reader that moves a
single question makes a test fail.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from kamerxref.graph.readers import InputError, read_file
from kamerxref.graph.readers.metadata import (
    parse_address_block,
    parse_committee,
    parse_dutch_date,
    parse_signature,
    parse_term,
)
from kamerxref.graph.readers.structure import asks, fracties_in, sentence_spans
from kamerxref.graph.readers.text import clean_inline, read_text, read_text_file

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = ROOT / "data" / "000_b50105430c9bb7d0.txt"
SEED_002 = ROOT / "data" / "002_7ac5984d77b17826.txt"


@pytest.fixture(scope="module")
def l000():
    return read_text_file(SEED_000)


@pytest.fixture(scope="module")
def l002():
    return read_text_file(SEED_002)


def codes(letter) -> Counter:
    return Counter(w.code for w in letter.warnings)


# ============================================================== seeds: metadata

META = [
    ("chamber", "ek", "ek"),
    ("kenmerk", "181524", "180760"),
    ("datum", dt.date(2026, 6, 23), dt.date(2026, 5, 6)),
    ("datum_raw", "23 juni 2026", "6 mei 2026"),
    ("betreft", "Kabinetsappreciatie onderzoeksrapport Clingendael",
     "Europese strategie voor asiel- en migratiebeheer COM(2026)45"),
    # seed 002 writes "Asiel/ JBZ-Raad (I&A/ JBZ)": the space after the slash goes
    ("committee", "vaste commissie voor Immigratie en Asiel/JBZ-Raad",
     "vaste commissie voor Immigratie en Asiel/JBZ-Raad"),
    ("committee_abbr", "I&A/JBZ", "I&A/JBZ"),
    ("addressee_function", "Minister van Asiel en Migratie", "Minister van Asiel en Migratie"),
    # "De heer G. van den Brink" / "T.a.v. de heer G. van den Brink"
    ("addressee_name", "G. van den Brink", "G. van den Brink"),
    ("chair", "A.W.J.A. van Hattem", "A.W.J.A. van Hattem"),
    ("chair_function", "Voorzitter van de vaste commissie voor Immigratie en Asiel / JBZ-Raad",
     "Voorzitter van de vaste commissie voor Immigratie en Asiel / JBZ-Raad"),
    # "binnen **vier weken** na dagtekening": the markdown goes, the phrase stays
    ("term_raw", "binnen vier weken na dagtekening", "binnen vier weken na dagtekening"),
    # 23 juni 2026 + 28 days; 6 mei 2026 + 28 days
    ("deadline", dt.date(2026, 7, 21), dt.date(2026, 6, 3)),
    ("fracties", ["D66", "JA21", "Volt", "PvdD"], ["Volt", "PvdD"]),
    ("kind", "committee-letter", "committee-letter"),
]


@pytest.mark.parametrize("field,want000,want002", META, ids=[m[0] for m in META])
def test_seed_metadata(l000, l002, field, want000, want002):
    assert getattr(l000, field) == want000
    assert getattr(l002, field) == want002


def test_seeds_have_no_warnings(l000, l002):
    assert l000.warnings == []
    assert l002.warnings == []
    assert l000.id == "letter-181524" and l002.id == "letter-180760"


# ============================================================== seeds: noise

def test_page_headers_and_rules_are_skipped_blocks(l000, l002):
    def by_reason(letter):
        return Counter(b.reason for b in letter.skipped)

    # seed 000: pages 2-6 each start with a header block; 5 rules above footnotes
    assert by_reason(l000)["page-header"] == 5
    assert by_reason(l000)["rule"] == 5
    assert [b.text.splitlines()[-1] for b in l000.skipped if b.reason == "page-header"] == [
        "blad 2", "blad 3", "blad 4", "blad 5", "blad 6"]
    # seed 002: pages 2-4; one rule (page 1 footnotes)
    assert by_reason(l002)["page-header"] == 3
    assert by_reason(l002)["rule"] == 1
    # the FIRST datum / kenmerk are the letterhead, not a page header
    first = [b for b in l000.skipped if b.reason == "page-header"][0]
    assert first.line == 47
    assert any(b.reason == "letterhead" and b.text == "ons kenmerk 181524" for b in l000.skipped)
    assert any(b.reason == "salutation" for b in l000.skipped)


@pytest.mark.parametrize("needle", ["blad ", "ons kenmerk", "datum 23 juni", "datum 6 mei", "---",
                                    "<sup>", "**", "Kamerstukken I 2025/26, 36 871"])
def test_no_noise_inside_paragraphs(l000, l002, needle):
    for letter in (l000, l002):
        for p in letter.paragraphs:
            assert needle not in p.text, (p.index, p.text[:80])
        for q in letter.questions:
            assert needle not in q.text


def test_d66_paragraph_split_by_page_break_is_whole(l000):
    # "... gepoogd wordt samenwerkingsverbanden" | footnotes 1-3 | header blad 2 | "aan te gaan? ..."
    p = next(p for p in l000.paragraphs if "samenwerkingsverbanden aan te gaan?" in p.text)
    assert p.text.startswith("Clingendael deelt verder haar zorgen over de bereidheid")
    assert p.text.endswith("niet (langer) stabiel is of goed bestuurd wordt?")
    assert p.line == 37
    # markers 3 (page 1) and 4 (page 2) both in this one paragraph
    assert [(m.number, m.line) for m in p.markers] == [("3", 37), ("4", 53)]
    q = next(q for q in l000.questions if "samenwerkingsverbanden aan te gaan?" in q.text)
    assert q.text == ("Welke criteria neemt de regering in acht om te bepalen met welke landen – "
                      "ervan uitgaande dat deze landen de verplichte mensenrechten in acht nemen – "
                      "gepoogd wordt samenwerkingsverbanden aan te gaan?")
    assert q.line == 37


def test_ja21_item_3_split_by_page_break_is_whole(l000):
    # "Welke concrete voorstellen bereidt zij op" | footnotes 11-16 | header blad 4 |
    # "- dit moment reeds voor ..."  -- the dash continues the sentence, it is no bullet
    item3 = next(p for p in l000.paragraphs if p.kind == "item" and p.number == "3")
    assert item3.text == (
        "De regering kondigt aan de evaluatie van het Europees Asiel- en migratiepact in 2028 te "
        "willen benutten om verdere aanscherpingen te bepleiten. Welke concrete voorstellen bereidt "
        "zij op dit moment reeds voor met het oog op die evaluatie en welke wijzigingen acht zij zo "
        "urgent dat zij daarop reeds vóór 2028 actief steun wil verwerven bij gelijkgezinde "
        "lidstaten?")
    q = next(q for q in l000.questions if q.number == "3")
    assert q.text == item3.text and q.fracties == ("JA21",)


def test_heading_left_at_the_bottom_of_a_page(l000):
    # "### *Democratische controle*" is the last line of page 5; its paragraph is on page 6
    sec = next(s for s in l000.sections if s.heading == "Democratische controle")
    first = next(p for p in l000.paragraphs if p.section == sec.index)
    assert first.text.startswith("Genoemde leden constateren dat de regering spreekt over")
    assert first.line == 212
    # and the paragraph before the heading was not joined to anything
    before = l000.paragraphs[first.index - 1]
    assert before.text == ("Kan de regering aangeven hoe er gehandhaafd wordt indien het "
                           "onafhankelijk toezicht op misstanden stuit?")


# ============================================================== seeds: structure

SECTIONS_000 = [
    # heading, kind, fracties, parent
    ("Vragen en opmerkingen van de leden van de fractie van D66", "fractie", ("D66",), None),
    ("Vragen en opmerkingen van de leden van de fractie van JA21", "fractie", ("JA21",), None),
    ("Vragen en opmerkingen van de leden van de fractie van Volt, mede namens de leden van de "
     "fractie van de PvdD", "fractie", ("Volt", "PvdD"), None),
    # topic headings at ####, ### -- the level in the markdown does not matter
    ("Europese samenwerking", "topic", ("Volt", "PvdD"), 2),
    ("Financiële onderbouwing", "topic", ("Volt", "PvdD"), 2),
    ("Opvang in de regio", "topic", ("Volt", "PvdD"), 2),
    ("Mensenrechten en toezicht", "topic", ("Volt", "PvdD"), 2),
    ("Democratische controle", "topic", ("Volt", "PvdD"), 2),
    ("Kernvraag", "topic", ("Volt", "PvdD"), 2),
]
# seed 002 has no fractie headings: the fracties are named in the introduction
SECTIONS_002 = [
    (h, "topic", ("Volt", "PvdD"), None) for h in [
        "Migratiediplomatie en inzet van drukmiddelen",
        "Terugkeerhubs en het veilig-derde-landconcept",
        "Digitalisering, AI en grensbeheer",
        "Implementatie en evaluatie van het Europees asiel- en migratiepact",
        "Terugkeerbeleid en veiligheidssituatie in landen van herkomst",
        "Arbeids- en talentmigratie",
    ]
]


def test_sections(l000, l002):
    assert [(s.heading, s.kind, s.fracties, s.parent) for s in l000.sections] == SECTIONS_000
    assert [(s.heading, s.kind, s.fracties, s.parent) for s in l002.sections] == SECTIONS_002
    assert [s.level for s in l000.sections] == [1, 1, 1, 2, 2, 2, 2, 2, 2]
    assert [s.index for s in l000.sections] == list(range(9))


# Questions per paragraph of seed 000, in document order, worked out by hand.
QUESTIONS_PER_PARAGRAPH_000 = [
    ("intro", 0),    # "De vaste commissie ... heeft met belangstelling kennisgenomen ...":
                     #   announcements only ("wensen u hierover enkele vragen te stellen")
    # --- D66
    ("text", 0),     # "stellen voorop ...": statement + "hebben ... nog enkele vragen te stellen"
    ("text", 2),     # "Deze leden vragen de regering of zij kan aangeven hoe ..." (indirect)
                     #   + "Wanneer de regering deze ook ziet, kan de regering dan aangeven ...?"
    ("text", 7),     # joined across page 1/2: "Hoe is ...?", "Welke criteria ... aan te gaan?",
                     #   "Is de regering het ... eens ...?", "Op welke wijze houdt ...?",
                     #   ("Verder volgt uit het rapport ..." is a statement), "Houdt de regering
                     #   hiermee rekening ...?", "Op welke wijze gaat ...?", "Wat is het plan
                     #   van aanpak ... (langer) stabiel ...?"
    ("text", 2),     # ", vragen de leden ... van D66 of de regering het beeld deelt" (indirect)
                     #   + "Op welke wijze voorkomt ...?"
    ("text", 2),     # "In het geval ...: op wat voor manieren ...?" + "Gaat de regering ...?"
    ("text", 2),     # "Wat is volgens de regering dichtbij genoeg?" + "Is de regering voornemens ...?"
    ("text", 2),     # "Op welke wijze is ...?" + "Op welke wijze wordt ...?"
    ("text", 2),     # page 3: "Op welke wijze gaat ...?" + "Wat voor criteria ...?"
    ("text", 4),     # "... D66 vragen of de regering kan uitleggen waarom" (indirect),
                     #   "Deze leden vragen de regering verder hoe" (indirect),
                     #   "Wanneer ..., hoe gaat de regering daar dan mee om?", "Is de regering
                     #   bereid ...?"
    # --- JA21
    ("text", 0),     # "hebben de volgende vragen voor de regering." (announcement)
    ("item", 1), ("item", 1), ("item", 1),  # items 1-3 (3 joined across page 3/4)
    ("item", 1), ("item", 1), ("item", 1),  # items 4, "  5.", "  6." (indented, same list)
    # --- Volt, mede namens PvdD
    ("text", 0),     # "constateren ... Deze leden hebben hierover de volgende vragen ..."
    ("text", 0),     # Europese samenwerking: "lezen dat ..." (footnote 20, statement)
    ("text", 2),     # "Kan ... welke lidstaten ...?" + "Kan ... welke argumenten ...?"
    ("text", 2),     # "Kan de regering daarnaast toelichten ...?" + "Bestaat het risico ...?"
    ("text", 0),     # Financiële onderbouwing: "constateren ..." (statement)
    ("text", 1),     # "Kan de regering aangeven ... nodig te hebben voor:" + 5 bullets ending "?"
    ("text", 1),     # "Kan de regering tevens aangeven ...?"
    ("text", 0),     # Opvang in de regio: "Zowel ... benadrukken ..." (statement)
    ("text", 1),     # "Kan de regering inzichtelijk maken ...?"
    ("text", 2),     # "Acht de regering het wenselijk ...?" + "Waarom wel of waarom niet?"
    ("text", 0),     # Mensenrechten en toezicht: "lezen dat ..." (statement)
    ("text", 1),     # "Kan de regering uiteenzetten ...?"
    ("text", 1),     # "Wie beoordeelt ... voldaan aan:" + 5 bullets ending "?"
    ("text", 1),     # "Kan de regering aangeven hoe er gehandhaafd wordt ...?"
    ("text", 0),     # Democratische controle (heading on page 5, text on page 6): statement
    ("text", 2),     # "Kan de regering aangeven ...?" + "Is de regering bereid ... aangegeven:"
                     #   + 3 bullets ending "?"
    ("text", 0),     # Kernvraag: "lezen dat ..." (statement)
    ("text", 1),     # "Kan de regering aangeven op basis van welke analyse ...?"
    ("text", 1),     # "Welke landen hebben zich reeds bereid verklaard ...?"
    ("closing", 0),  # "zien uw beantwoording ... tegemoet ... binnen vier weken" (request)
    ("closing", 0), ("closing", 0), ("closing", 0),  # Hoogachtend, / name / function
]

# Seed 002: all questions are numbered items 1-15; no prose sentence asks.
QUESTIONS_PER_PARAGRAPH_002 = [
    ("intro", 0),    # "... leggen ... graag de navolgende vragen aan u voor." (announcement)
    ("intro", 0),    # "... De leden stellen de regering dan ook de volgende vragen." (announcement)
    ("text", 0), ("item", 1), ("item", 1), ("item", 1), ("item", 1),   # Migratiediplomatie 1-4
    ("text", 0), ("item", 1), ("item", 1), ("item", 1),                # Terugkeerhubs 5-7
    ("text", 0), ("item", 1), ("item", 1), ("item", 1),                # Digitalisering 8-10
    ("text", 0), ("item", 1),                                          # Implementatie 11
    ("text", 0), ("item", 1), ("item", 1),                             # Terugkeerbeleid 12-13
    ("text", 0), ("item", 1), ("item", 1),                             # Arbeidsmigratie 14-15
    ("text", 0),     # "benadrukken met kracht ... zien uit naar een beantwoording die recht
                     #   doet aan de ernst van deze vragen." (statement, "vragen" is a noun)
    ("closing", 0), ("closing", 0), ("closing", 0), ("closing", 0),
]


@pytest.mark.parametrize("which,expected", [("000", QUESTIONS_PER_PARAGRAPH_000),
                                            ("002", QUESTIONS_PER_PARAGRAPH_002)])
def test_questions_per_paragraph(l000, l002, which, expected):
    letter = l000 if which == "000" else l002
    per = Counter(q.paragraph for q in letter.questions)
    got = [(p.kind, per[p.index]) for p in letter.paragraphs]
    assert got == expected


def test_question_totals(l000, l002):
    def per_fractie(letter):
        c = Counter()
        for q in letter.questions:
            c.update(q.fracties)
        return dict(c)

    # D66: 0+2+7+2+2+2+2+2+4 = 23; JA21: items 1-6 = 6;
    # Volt/PvdD: 2+2+1+1+1+2+1+1+1+2+1+1 = 16 (the joint section counts for both)
    assert per_fractie(l000) == {"D66": 23, "JA21": 6, "Volt": 16, "PvdD": 16}
    assert len(l000.questions) == 45
    assert per_fractie(l002) == {"Volt": 15, "PvdD": 15}
    assert len(l002.questions) == 15
    assert [q.number for q in l002.questions] == [str(n) for n in range(1, 16)]
    assert [q.number for q in l000.questions if q.number] == ["1", "2", "3", "4", "5", "6"]


def test_question_records_are_consistent(l000, l002):
    for letter in (l000, l002):
        assert [q.index for q in letter.questions] == list(range(1, len(letter.questions) + 1))
        for q in letter.questions:
            p = letter.paragraphs[q.paragraph]
            assert p.text[q.start:q.end] == q.text
            assert q.section == p.section
            assert p.kind in ("text", "item", "list")
            assert q.fracties
        order = [(q.paragraph, q.start) for q in letter.questions]
        assert order == sorted(order)


@pytest.mark.parametrize("start", [
    "Deze leden vragen de regering of zij kan aangeven hoe zij aankijkt tegen deze mogelijke",
    "Ten aanzien van de bevinding van Clingendael over geografische vertegenwoordiging, vragen",
    "De leden van de fractie van D66 vragen of de regering kan uitleggen waarom",
    "Deze leden vragen de regering verder hoe zij concreet waarborgt",
    "Wat is het plan van aanpak van de regering wanneer – na het aangaan",
    "In het geval de regering het hiermee eens is: op wat voor manieren",
])
def test_seed_000_prose_questions(l000, start):
    assert sum(q.text.startswith(start) for q in l000.questions) == 1


@pytest.mark.parametrize("start", [
    "Over de praktische uitvoering van het beleid hebben deze leden nog enkele vragen",
    "De leden van de fractie van JA21 hebben de volgende vragen voor de regering.",
    "Deze leden hebben hierover de volgende vragen die per onderwerp",
    "Verder volgt uit het rapport van Clingendael",
    "De regering zegt deze opvatting te delen.",
    "De regering benoemt dat de Europese Commissie",
])
def test_seed_000_statements_are_not_questions(l000, start):
    assert not any(q.text.startswith(start) for q in l000.questions)
    assert any(start in p.text for p in l000.paragraphs)


def test_bullet_list_belongs_to_its_sentence(l000):
    q = next(q for q in l000.questions if q.text.startswith("Kan de regering aangeven welke "
                                                             "structurele"))
    assert q.text == ("Kan de regering aangeven welke structurele financiële middelen zij verwacht "
                      "nodig te hebben voor:\n- terugkeerhubs;\n- veilige-derde-landpartnerschappen;"
                      "\n- opvang in de regio;\n- toezicht op mensenrechten, en\n- monitoring en "
                      "juridische procedures?")
    assert q.line == 160


def test_intro_and_closing(l000, l002):
    assert l000.paragraphs[0].kind == "intro" and l000.paragraphs[0].section is None
    assert [p.kind for p in l002.paragraphs[:2]] == ["intro", "intro"]
    closing = [p.text for p in l000.paragraphs if p.kind == "closing"]
    assert closing[1:] == ["Hoogachtend,", "A.W.J.A. van Hattem",
                           "Voorzitter van de vaste commissie voor Immigratie en Asiel / JBZ-Raad"]
    assert closing[0].startswith("De leden van de vaste commissie voor Immigratie en Asiel/JBZ-Raad "
                                 "zien uw beantwoording")
    assert all(p.section is None for p in l000.paragraphs if p.kind == "closing")


# ============================================================== seeds: footnotes

def test_footnotes_all_matched(l000, l002):
    for letter, n in ((l000, 25), (l002, 2)):
        assert [f.number for f in letter.footnotes] == [str(i) for i in range(1, n + 1)]
        assert all(f.marker is not None and f.marker.number == f.number for f in letter.footnotes)
        assert all(f.citations == [] for f in letter.footnotes)
        markers = [m for p in letter.paragraphs for m in p.markers]
        assert len(markers) == n
        # a marker in paragraph p points back to p
        for p in letter.paragraphs:
            assert all(m.paragraph == p.index for m in p.markers)


FOOTNOTE_TEXTS_000 = [
    ("1", "Kamerstukken I 2025/26, 36 871, O.", 39),
    ("2", "Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40.", 41),
    ("3", "Idem, p. 18.", 43),
    # emphasis kept as in the source: the citation engine strips it
    ("4", "*Kamerstukken I 2025/26*, 36 871, O, bijlage, p. 41.", 65),
    ("5", "*Idem.*", 67),
    ("22", "Kamerstukken I 2025/26, 36 871, O, p. 5 en Kamerstukken I 2025/26, 36 871, O, "
           "bijlage, p. 42.", 200),
    ("25", "Idem, p. 2.", 240),
]


@pytest.mark.parametrize("number,text,line", FOOTNOTE_TEXTS_000)
def test_footnote_bodies_000(l000, number, text, line):
    fn = l000.footnote(number)
    assert (fn.text, fn.line) == (text, line)


def test_footnote_bodies_002(l002):
    assert [(f.number, f.text) for f in l002.footnotes] == [
        ("1", "E dossier [E260010](#)."), ("2", "Kamerstukken I 2025/26, 32 317, PY, p. 2-3.")]
    # footnotes 1 and 2 stand in the introduction (letter-level sources, DESIGN §3)
    assert [l002.paragraphs[f.paragraph].kind for f in l002.footnotes] == ["intro", "intro"]


MARKER_POSITIONS_000 = [
    # number, text just before the marker in the clean paragraph text, source line
    ("1", "uw brief van 22 mei 2026", 29),
    ("2", "problemen kunnen ontstaan ten aanzien van individuele gevallen.", 35),
    ("4", "voldoende stabiel zijn en goed worden bestuurd.", 53),
    ("14", "daarop gebaseerde jurisprudentie en de uitvoering daarvan.", 95),
    ("20", "terugkeerhubs en opvang buiten de Europese Unie.", 132),
    ("25", "buiten Europa kunnen worden ingediend en afgehandeld.", 222),
]


@pytest.mark.parametrize("number,before,line", MARKER_POSITIONS_000)
def test_marker_positions(l000, number, before, line):
    m = l000.footnote(number).marker
    text = l000.paragraphs[m.paragraph].text
    assert text[:m.offset].endswith(before)
    assert m.line == line


# ============================================================== registry

def test_registry_reads_the_seeds():
    letter = read_file(SEED_000)
    assert letter.kenmerk == "181524" and len(letter.questions) == 45


# ============================================================== table tests: pieces

@pytest.mark.parametrize("sentence,expected", [
    # seeds
    ("Deze leden vragen de regering of zij kan aangeven hoe zij aankijkt tegen deze mogelijke "
     "complicaties.", True),
    ("De leden van de fractie van D66 vragen of de regering kan uitleggen waarom de genoemde "
     "verbeteringen als voldoende worden gezien.", True),
    ("Deze leden vragen de regering verder hoe zij concreet waarborgt dat de afspraken worden "
     "gehandhaafd.", True),
    ("Waarom wel of waarom niet?", True),
    ("De leden van de fractie van JA21 hebben de volgende vragen voor de regering.", False),
    ("Over de praktische uitvoering van het beleid hebben deze leden nog enkele vragen te stellen "
     "aan de regering.", False),
    ("De leden stellen de regering dan ook de volgende vragen.", False),
    ("De leden van de fracties van Volt en de PvdD leggen naar aanleiding hiervan graag de "
     "navolgende vragen aan u voor.", False),
    ("De leden van de fractie van Volt wensen de regering eveneens een aantal vragen voor te "
     "leggen, mede namens de leden van de fractie van de PvdD.", False),
    ("De leden van de vaste commissie voor Immigratie en Asiel/JBZ-Raad zien uw beantwoording met "
     "belangstelling tegemoet en zij verzoeken u deze binnen vier weken na dagtekening van deze "
     "brief te mogen ontvangen.", False),
    ("Genoemde leden zien uit naar een beantwoording die recht doet aan de ernst van deze vragen.",
     False),
    ("De regering benoemt dat de Europese Commissie hier een zekere verantwoordelijkheid heeft om "
     "in de gaten te houden of er sprake is van voldoende naleving.", False),
    # other phrasings of committee letters
    ("De leden van de fractie van de ChristenUnie vragen de regering om een reactie.", True),
    ("Deze leden vragen zich af of de regering hiervoor voldoende middelen heeft.", True),
    ("De leden van de SP-fractie vernemen graag hoe de minister de wijkagent wil versterken.",
     True),
    ("Zij ontvangen graag een toelichting van de regering.", True),
    ("Deze leden zijn benieuwd naar de stand van zaken.", True),
    ("Zij verzoeken de regering nader toe te lichten waarom dit nodig is.", True),
    ("Bij deze leden rijst de vraag of de regering dit heeft overwogen.", True),
    ("Deze leden vragen aandacht voor de positie van vrouwen of kinderen.", False),
    ("Het lid van de fractie van 50PLUS vraagt de regering wanneer de wet in werking treedt.",
     True),
    ("Zij hebben aanvullende vragen over de uitvoering.", False),
])
def test_asks(sentence, expected):
    assert asks(sentence) is expected


@pytest.mark.parametrize("text,expected", [
    # no split on abbreviations, initials, a lower-case continuation or "(langer)"
    ("Zie p. 5 van de bijlage. Kan de regering dit toelichten?",
     ["Zie p. 5 van de bijlage.", "Kan de regering dit toelichten?"]),
    ("Dit geldt o.a. voor Italië. Hoe ziet de regering dat?",
     ["Dit geldt o.a. voor Italië.", "Hoe ziet de regering dat?"]),
    ("Landen als bijv. Griekenland, d.w.z. landen aan de buitengrens, zijn betrokken. Waarom?",
     ["Landen als bijv. Griekenland, d.w.z. landen aan de buitengrens, zijn betrokken.",
      "Waarom?"]),
    ("Zo schrijft A.W.J.A. van Hattem in nr. 12 en art. 3. Klopt dat?",
     ["Zo schrijft A.W.J.A. van Hattem in nr. 12 en art. 3.", "Klopt dat?"]),
    ("Zie p. 40 e.v. van het rapport. Wat is het plan als het land niet (langer) stabiel is?",
     ["Zie p. 40 e.v. van het rapport.", "Wat is het plan als het land niet (langer) stabiel is?"]),
    ("Zie Kamerstukken I, p. 40 e.v. De regering schrijft dit.",
     ["Zie Kamerstukken I, p. 40 e.v.", "De regering schrijft dit."]),
    ("Is dat zo? en zo ja, waarom?", ["Is dat zo? en zo ja, waarom?"]),
    ("Wie beoordeelt dit:\n- het non-refoulementbeginsel;\n- kinderrechten? Kan de regering dat?",
     ["Wie beoordeelt dit:\n- het non-refoulementbeginsel;\n- kinderrechten?",
      "Kan de regering dat?"]),
    ("Minister G. van den Brink schreef dit. 'Grenzen verleggen' is de titel.",
     ["Minister G. van den Brink schreef dit.", "'Grenzen verleggen' is de titel."]),
])
def test_sentence_spans(text, expected):
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("De leden van de fracties van **Volt** en de **PvdD** constateren", ["Volt", "PvdD"]),
    ("Vragen en opmerkingen van de leden van de fractie van Volt, mede namens de leden van de "
     "fractie van de PvdD", ["Volt", "PvdD"]),
    ("De leden van de fractie van **D66** wensen", ["D66"]),
    ("de leden van de fracties van het CDA, de ChristenUnie en 50PLUS", ["CDA", "ChristenUnie",
                                                                           "50PLUS"]),
    ("de leden van de GroenLinks-PvdA-fractie en de leden van de BBB-fractie",
     ["GroenLinks-PvdA", "BBB"]),
    ("de leden van de Fractie-Nanninga", ["Fractie-Nanninga"]),
    # the table's name (graph/readers/fracties.py): one fractie node for every spelling
    ("de leden van de fractie van de Partij voor de Dieren", ["PvdD"]),
    ("de fractie van JA21 vraagt", ["JA21"]),
    ("De leden van genoemde fracties lezen", []),
    ("de fractie van de regering", []),
])
def test_fracties_in(text, expected):
    assert fracties_in(text) == expected


DATUM = dt.date(2026, 6, 23)


@pytest.mark.parametrize("text,raw,deadline,problem", [
    ("verzoeken u deze binnen vier weken na dagtekening van deze brief te mogen ontvangen",
     "binnen vier weken na dagtekening", dt.date(2026, 7, 21), False),
    ("binnen **vier weken** na dagtekening", "binnen vier weken na dagtekening",
     dt.date(2026, 7, 21), False),
    ("binnen drie weken", "binnen drie weken", dt.date(2026, 7, 14), False),
    ("binnen twee weken na dagtekening", "binnen twee weken na dagtekening",
     dt.date(2026, 7, 7), False),
    ("binnen zes weken", "binnen zes weken", dt.date(2026, 8, 4), False),
    ("binnen een maand", "binnen een maand", dt.date(2026, 7, 23), False),
    ("binnen 4 weken", "binnen 4 weken", dt.date(2026, 7, 21), False),
    ("zien de antwoorden graag voor 1 september 2026 tegemoet", "voor 1 september 2026",
     dt.date(2026, 9, 1), False),
    ("vóór 1 september 2026", "vóór 1 september 2026", dt.date(2026, 9, 1), False),
    ("uiterlijk vrijdag 4 september 2026", "uiterlijk vrijdag 4 september 2026",
     dt.date(2026, 9, 4), False),
    # unclear: keep the phrase, no deadline, a problem to warn about
    ("verzoeken u deze voor het kerstreces te mogen ontvangen", "voor het kerstreces", None, True),
    ("zo spoedig mogelijk", "zo spoedig mogelijk", None, True),
    ("binnen tien werkdagen", "binnen tien werkdagen", None, True),
    ("voor 31 juni 2026", "voor 31 juni 2026", None, True),
    # counts from receipt: a deadline from the datum, with a caveat
    ("binnen vier weken na ontvangst", "binnen vier weken na ontvangst", dt.date(2026, 7, 21),
     True),
])
def test_parse_term(text, raw, deadline, problem):
    term = parse_term(text, DATUM)
    assert (term.raw, term.deadline, term.problem is not None) == (raw, deadline, problem)


def test_parse_term_edge_cases():
    assert parse_term("De leden zien uw beantwoording met belangstelling tegemoet.", DATUM) is None
    t = parse_term("binnen vier weken", None)
    assert t.deadline is None and "date" in t.problem
    # 31 januari + een maand: end of February
    assert parse_term("binnen een maand", dt.date(2026, 1, 31)).deadline == dt.date(2026, 2, 28)


@pytest.mark.parametrize("text,expected", [
    ("23 juni 2026", dt.date(2026, 6, 23)),
    ("6 mei 2026", dt.date(2026, 5, 6)),
    ("dinsdag 3 maart 2026", dt.date(2026, 3, 3)),
    ("23 jun. 2026", dt.date(2026, 6, 23)),
    ("2026-06-23", dt.date(2026, 6, 23)),
    ("23-06-2026", dt.date(2026, 6, 23)),
    ("31 juni 2026", None),
    ("juni 2026", None),
])
def test_parse_dutch_date(text, expected):
    assert parse_dutch_date(text) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("De vaste commissie voor Immigratie en Asiel/JBZ-Raad (I&A/JBZ) heeft met belangstelling",
     ("vaste commissie voor Immigratie en Asiel/JBZ-Raad", "I&A/JBZ")),
    ("De vaste commissie voor Immigratie en Asiel/ JBZ-Raad (I&A/ JBZ) heeft met belangstelling",
     ("vaste commissie voor Immigratie en Asiel/JBZ-Raad", "I&A/JBZ")),
    ("De vaste commissies voor Justitie en Veiligheid (J&V) en voor Immigratie en Asiel/JBZ-Raad "
     "(I&A/JBZ) hebben kennisgenomen",
     ("vaste commissie voor Justitie en Veiligheid; vaste commissie voor Immigratie en "
      "Asiel/JBZ-Raad", "J&V; I&A/JBZ")),
    ("De vaste commissie voor Financiën heeft op 4 november 2025",
     ("vaste commissie voor Financiën", None)),
    ("Voorzitter van de vaste commissie voor Immigratie en Asiel / JBZ-Raad",
     ("vaste commissie voor Immigratie en Asiel/JBZ-Raad", None)),
    ("Het voorstel van wet heeft de leden van de vaste commissie voor Veiligheid en Justitie "
     "aanleiding gegeven tot het maken van de volgende opmerkingen",
     ("vaste commissie voor Veiligheid en Justitie", None)),
    ("De vaste commissie voor Justitie en Veiligheid, belast met het voorbereidend onderzoek "
     "van dit wetsvoorstel, heeft de eer als volgt verslag uit te brengen van haar bevindingen.",
     ("vaste commissie voor Justitie en Veiligheid", None)),
    ("De regering heeft een brief gestuurd.", (None, None)),
])
def test_parse_committee(sentence, expected):
    assert parse_committee(sentence) == expected


@pytest.mark.parametrize("lines,expected", [
    (["Minister van Asiel en Migratie  ", "De heer G. van den Brink  ", "Postbus 20301  ",
      "2500 EA Den Haag"], ("Minister van Asiel en Migratie", "G. van den Brink")),
    (["Minister van Asiel en Migratie", "T.a.v. de heer G. van den Brink", "Postbus 20301"],
     ("Minister van Asiel en Migratie", "G. van den Brink")),
    (["Aan de Minister van Justitie en Veiligheid", "Postbus 20301", "2500 EH Den Haag"],
     ("Minister van Justitie en Veiligheid", None)),
    (["De Staatssecretaris van Financiën", "T.a.v. mevrouw A.B. Jansen"],
     ("Staatssecretaris van Financiën", "A.B. Jansen")),
])
def test_parse_address_block(lines, expected):
    assert parse_address_block(lines) == expected


@pytest.mark.parametrize("lines,expected", [
    (["A.W.J.A. van Hattem", "Voorzitter van de vaste commissie voor Immigratie en Asiel / JBZ-Raad"],
     ("A.W.J.A. van Hattem", "Voorzitter van de vaste commissie voor Immigratie en Asiel / JBZ-Raad")),
    (["De voorzitter van de vaste commissie voor Justitie en Veiligheid,", "J.A. de Vries"],
     ("J.A. de Vries", "De voorzitter van de vaste commissie voor Justitie en Veiligheid")),
    (["w.g. J. de Boer", "Voorzitter van de vaste commissie voor Financiën"],
     ("J. de Boer", "Voorzitter van de vaste commissie voor Financiën")),
    ([], (None, None)),
])
def test_parse_signature(lines, expected):
    assert parse_signature(lines) == expected


@pytest.mark.parametrize("raw,text,markers", [
    ("individuele gevallen.<sup>2</sup> Clingendael", "individuele gevallen. Clingendael",
     [("2", 21)]),
    ("uw brief van 22 mei 2026<sup>1</sup> waarbij", "uw brief van 22 mei 2026 waarbij",
     [("1", 24)]),
    ("tekst <sup>1</sup> verder", "tekst verder", [("1", 5)]),
    ("binnen **vier weken** na", "binnen vier weken na", []),
    ("### *Europese samenwerking*", "### Europese samenwerking", []),
    ("E dossier [E260010](#).", "E dossier E260010.", []),
    ("de 1<sup>e</sup> termijn", "de 1e termijn", []),
    ("gevallen.[^3] Verder", "gevallen. Verder", [("3", 9)]),
    ("Asiel &amp; Migratie", "Asiel & Migratie", []),
    ("Unie.<sup>20</sup>", "Unie.", [("20", 5)]),
])
def test_clean_inline(raw, text, markers):
    assert clean_inline(raw) == (text, markers)


def test_clean_inline_unicode_markers():
    assert clean_inline("in de regio.² Verder", unicode_markers=True) == (
        "in de regio. Verder", [("2", 12)])


# ============================================================== joining, table-driven

def mini(body: str) -> str:
    """A minimal letter around ``body``; ``{PAGE}`` is a page break with footnote 1."""
    page = ("\n\n---\n\n<sup>1</sup> Kamerstukken I 2025/26, 36 871, O.\n\n\n\n"
            "datum 1 mei 2026\n\nons kenmerk 1\n\nblad 2\n\n")
    return ("datum 1 mei 2026\n\nons kenmerk 1\n\nGeachte heer,\n\n"
            + body.replace("{PAGE}", page) + "\n")


@pytest.mark.parametrize("body,paragraphs", [
    # lower case after a page break: one paragraph (the footnote between is collected)
    ("Welke landen zijn<sup>1</sup> bereid om{PAGE}samen te werken?",
     [("text", "Welke landen zijn bereid om samen te werken?")]),
    # an unfinished sentence continues after a page break even with a capital
    ("Welke rol ziet de regering voor{PAGE}Europol in dit verband?<sup>1</sup>",
     [("text", "Welke rol ziet de regering voor Europol in dit verband?")]),
    # a finished sentence and a capital after a page break: two paragraphs
    ("Dat is de stand van zaken.<sup>1</sup>{PAGE}Hoe gaat het verder?",
     [("intro", "Dat is de stand van zaken."), ("text", "Hoe gaat het verder?")]),
    # lower case after a blank line, unfinished sentence: joined
    ("Kan de regering aangeven of\n\nzij dit steunt?",
     [("text", "Kan de regering aangeven of zij dit steunt?")]),
    # capital after a blank line without a page break: separate paragraphs
    ("Kan de regering aangeven welke middelen in 2026 en 2027 beschikbaar zijn voor de\n\n"
     "Kan de regering dit toelichten?",
     [("text", "Kan de regering aangeven welke middelen in 2026 en 2027 beschikbaar zijn voor "
               "de"), ("text", "Kan de regering dit toelichten?")]),
    # a single dash line after an unfinished item, lower case: continuation, not a bullet
    ("1. Welke voorstellen bereidt zij op<sup>1</sup>{PAGE}- dit moment voor?\n2. Wanneer?",
     [("item", "Welke voorstellen bereidt zij op dit moment voor?"), ("item", "Wanneer?")]),
    # dashes that form a list after a page break stay a list of the introducing sentence
    ("Welke middelen zijn nodig voor<sup>1</sup>{PAGE}- terugkeerhubs;\n- opvang in de regio?",
     [("text", "Welke middelen zijn nodig voor\n- terugkeerhubs;\n- opvang in de regio?")]),
    # a soft-wrapped paragraph (no markdown): lines joined with a space
    ("De leden lezen dat de regering\nhet voorstel steunt. Waarom?",
     [("text", "De leden lezen dat de regering het voorstel steunt. Waarom?")]),
])
def test_joining(body, paragraphs):
    letter = read_text(mini(body), "mini.txt")
    assert [(p.kind, p.text) for p in letter.paragraphs] == paragraphs
    assert all(f.marker is not None for f in letter.footnotes)


@pytest.mark.parametrize("body,headings", [
    # letters without markdown: a short title-like line before a paragraph is a heading
    ("Wijkagenten\n\nDe leden vragen de regering of dit klopt.", ["Wijkagenten"]),
    ("Vragen van de leden van de VVD-fractie\n\nDe leden vragen of dit klopt.",
     ["Vragen van de leden van de VVD-fractie"]),
    # ... but not a line that ends in a function word, a sentence, or before a break
    ("Welke rol ziet de regering voor\n\nEuropol in dit verband?", []),
    ("Dat klopt.\n\nDe leden vragen of dit klopt.", []),
    ("De leden vragen<sup>1</sup>{PAGE}Waarom dit zo is.", []),
    # a fully bold line is a heading in any letter
    ("**Vragen van de leden van de fractie van JA21**\n\nDe leden hebben vragen.",
     ["Vragen van de leden van de fractie van JA21"]),
])
def test_headings_without_markdown(body, headings):
    letter = read_text(mini(body), "mini.txt")
    assert [s.heading for s in letter.sections] == headings


def test_standalone_bullet_list_counts_each_bullet():
    letter = read_text(mini("## Vragen van de leden van de fractie van de SP\n\n"
                            "- Hoe ziet de regering dit?\n- Wat kost het?\n- Zie de bijlage."),
                       "mini.txt")
    assert [p.kind for p in letter.paragraphs] == ["list"]
    assert [q.text for q in letter.questions] == ["- Hoe ziet de regering dit?",
                                                  "- Wat kost het?"]
    assert letter.questions[0].fracties == ("SP",)


# ============================================================== variant letters

# A Tweede Kamer letter without any markdown, CRLF line ends, fractie headings as plain
# lines ("... van de VVD-fractie"), a plain topic heading, numbered questions "1)",
# unicode superscript footnote markers with bodies "¹ ..." after a rule of underscores,
# a page header glued inside a paragraph (no blank lines), an absolute answer term and a
# signature with the function first.
TK_PLAIN = """Tweede Kamer der Staten-Generaal

Aan de Minister van Justitie en Veiligheid
Postbus 20301
2500 EH Den Haag

Datum 3 maart 2026
Ons kenmerk 2026Z03312
Betreft Inbreng schriftelijk overleg over de Politiewet

Geachte minister,

De vaste commissie voor Justitie en Veiligheid (J&V) heeft kennisgenomen van uw brief van 12 februari 2026 over de evaluatie van de Politiewet.¹ De leden van de VVD-fractie en de leden van de SP-fractie hebben naar aanleiding daarvan enkele vragen.

Vragen en opmerkingen van de leden van de VVD-fractie

De leden van de VVD-fractie lezen dat de minister o.a. de taakverdeling in de regio wil herzien (p. 5 e.v. van de evaluatie).² Zij vragen de minister wanneer het wetsvoorstel naar de Kamer wordt gestuurd. Kan de minister daarbij ook ingaan op de gevolgen voor de
Datum 3 maart 2026
Kenmerk 2026Z03312
Pagina 2 van 3

regionale eenheden, bijv. in Noord-Nederland?
1) Welke middelen zijn er in 2026 beschikbaar, d.w.z. structureel en incidenteel?
2) Hoe verhoudt dit zich tot art. 36 van de Politiewet?

Vragen en opmerkingen van de leden van de SP-fractie

Wijkagenten

De leden van de SP-fractie vernemen graag hoe de minister de wijkagent wil versterken. Deze leden merken op dat nr. 12 van de moties hierover gaat.³

___

¹ Kamerstukken II 2025/26, 29628, nr. 1201.
² Idem, p. 5.
³ Kamerstukken II 2024/25, 29628, nr. 1190.

De leden van de vaste commissie zien de antwoorden graag voor 1 september 2026 tegemoet.

Met vriendelijke groet,

De voorzitter van de vaste commissie voor Justitie en Veiligheid,
J.A. de Vries
""".replace("\n", "\r\n")

# An Eerste Kamer letter of another committee: fractie heading as a bold line without
# '#', a joint section "van het CDA, de ChristenUnie en 50PLUS", a paragraph split by a
# page break inside a hyphenated word, footnote bodies "1 Kamerstukken ..." after '---'
# (one wrapped over two lines), a lettered list that completes an indirect question,
# numbered items with lettered sub-items, and "binnen drie weken".
EK_FIN = """# Eerste Kamer der Staten-Generaal

De Staatssecretaris van Financiën  
T.a.v. mevrouw A.B. Jansen  
Postbus 20201  
2500 EE Den Haag

datum 10 november 2025

betreft Wijziging van de Wet op de belastingdienst (36 500)

ons kenmerk 177001

Geachte mevrouw Jansen,

De vaste commissie voor Financiën (FIN) heeft op 4 november 2025 het wetsvoorstel besproken.<sup>1</sup> De leden van de fracties van het **CDA**, de **ChristenUnie** en **50PLUS** hebben naar aanleiding hiervan enkele vragen. De leden van de **GroenLinks-PvdA**-fractie sluiten zich bij deze vragen aan.

**Vragen van de leden van de fracties van het CDA, de ChristenUnie en 50PLUS**

De genoemde leden lezen in de memorie van toelichting dat de samenwerkings-

---

1 Kamerstukken I 2025/26, 36 500, A; zie ook Kamerstukken II 2024/25, 36 500,
nr. 3, p. 12 en 13.

datum 10 november 2025

ons kenmerk 177001

blad 2

verbanden met gemeenten worden uitgebreid (art. 3 lid 2).<sup>2</sup> Zij vragen zich af of de regering hiervoor voldoende middelen heeft gereserveerd. Deze leden vragen de regering de volgende punten toe te lichten:

a. de gevolgen voor de uitvoering;
b. de kosten, d.w.z. de structurele en de incidentele kosten?

Ook stellen deze leden de regering de volgende vragen.

1. Hoe ziet de regering de rol van gemeenten? Welke afspraken zijn er gemaakt met de VNG?
2. Kan de regering aangeven:
   a. hoeveel fte er nodig is;
   b. wanneer de evaluatie plaatsvindt?
3. De regering schrijft dat de wet per 1 januari 2027 in werking treedt.<sup>3</sup> Is dat haalbaar?

De leden van de fractie van **GroenLinks-PvdA** ontvangen graag een reactie van de regering op de kritiek van de Raad van State.

---

2 Kamerstukken II 2024/25, 36 500, nr. 3, p. 7.

3 Idem, p. 9.

De commissie ziet de beantwoording met belangstelling binnen drie weken na dagtekening van deze brief tegemoet.

Hoogachtend,

w.g. J. de Boer

Voorzitter van de vaste commissie voor Financiën
"""

# A defective letter: no kenmerk, no datum, marker 2 without body, body 4 without
# marker, footnote number 5 twice, number 3 missing, an unclear term, a question that
# lost its "?", markdown footnotes [^n].
BROKEN = """# Eerste Kamer der Staten-Generaal

Minister van Binnenlandse Zaken en Koninkrijksrelaties  
Postbus 20011  
2500 EA Den Haag

betreft Grondwetsherziening

Geachte minister,

De vaste commissie voor Binnenlandse Zaken (BiZa) heeft kennisgenomen van het wetsvoorstel.[^1] De leden van de fractie van de **SGP** hebben enkele vragen.

## Vragen van de leden van de fractie van de SGP

De leden lezen dat de regering een evaluatie aankondigt.[^2] Kan de regering toelichten wanneer die evaluatie verschijnt. Hoe verhoudt dit zich tot het advies van de Raad van State?[^5]

De leden wijzen ook op een eerder advies.[^5]

[^1]: Kamerstukken I 2025/26, 36 111, A.
[^4]: Kamerstukken II 2024/25, 36 111, nr. 3.
[^5]: Kamerstukken II 2024/25, 36 111, nr. 4.
[^5]: Kamerstukken II 2024/25, 36 111, nr. 5.

De leden van de vaste commissie zien uw beantwoording graag voor het kerstreces tegemoet.

Hoogachtend,

M. de Groot

Voorzitter van de vaste commissie voor Binnenlandse Zaken
"""

VARIANTS = {"tk_plain": TK_PLAIN, "ek_fin": EK_FIN, "broken": BROKEN}


def test_variant_tk_plain():
    letter = read_text(TK_PLAIN, "tk_plain.txt")
    assert (letter.chamber, letter.kenmerk, letter.datum) == ("tk", "2026Z03312",
                                                              dt.date(2026, 3, 3))
    assert letter.betreft == "Inbreng schriftelijk overleg over de Politiewet"
    assert (letter.committee, letter.committee_abbr) == ("vaste commissie voor Justitie en "
                                                         "Veiligheid", "J&V")
    assert (letter.addressee_function, letter.addressee_name) == (
        "Minister van Justitie en Veiligheid", None)
    assert (letter.chair, letter.chair_function) == (
        "J.A. de Vries", "De voorzitter van de vaste commissie voor Justitie en Veiligheid")
    assert (letter.term_raw, letter.deadline) == ("voor 1 september 2026", dt.date(2026, 9, 1))
    assert letter.fracties == ["VVD", "SP"]
    assert [(s.heading, s.kind, s.fracties, s.parent) for s in letter.sections] == [
        ("Vragen en opmerkingen van de leden van de VVD-fractie", "fractie", ("VVD",), None),
        ("Vragen en opmerkingen van de leden van de SP-fractie", "fractie", ("SP",), None),
        ("Wijkagenten", "topic", ("SP",), 1),
    ]
    # VVD: "Zij vragen de minister wanneer" (indirect) + "Kan de minister ... gevolgen voor de
    #   | (header inside the paragraph) | regionale eenheden, bijv. in Noord-Nederland?" +
    #   items 1) and 2); SP: "vernemen graag hoe" (indirect); "merken op" is a statement
    assert [(q.number, q.fracties) for q in letter.questions] == [
        (None, ("VVD",)), (None, ("VVD",)), ("1", ("VVD",)), ("2", ("VVD",)), (None, ("SP",))]
    assert letter.questions[1].text == ("Kan de minister daarbij ook ingaan op de gevolgen voor "
                                        "de regionale eenheden, bijv. in Noord-Nederland?")
    assert [(f.number, f.text, f.marker is not None) for f in letter.footnotes] == [
        ("1", "Kamerstukken II 2025/26, 29628, nr. 1201.", True),
        ("2", "Idem, p. 5.", True),
        ("3", "Kamerstukken II 2024/25, 29628, nr. 1190.", True)]
    assert [b.reason for b in letter.skipped].count("page-header") == 1
    assert letter.warnings == []
    assert all("\r" not in p.text for p in letter.paragraphs)


def test_variant_ek_fin():
    letter = read_text(EK_FIN, "ek_fin.txt")
    assert (letter.chamber, letter.kenmerk, letter.datum) == ("ek", "177001",
                                                              dt.date(2025, 11, 10))
    assert (letter.committee, letter.committee_abbr) == ("vaste commissie voor Financiën", "FIN")
    assert (letter.addressee_function, letter.addressee_name) == (
        "Staatssecretaris van Financiën", "A.B. Jansen")
    assert (letter.chair, letter.chair_function) == (
        "J. de Boer", "Voorzitter van de vaste commissie voor Financiën")
    # 10 november 2025 + 3 weeks
    assert (letter.term_raw, letter.deadline) == ("binnen drie weken na dagtekening",
                                                  dt.date(2025, 12, 1))
    assert letter.fracties == ["CDA", "ChristenUnie", "50PLUS", "GroenLinks-PvdA"]
    assert [(s.kind, s.fracties) for s in letter.sections] == [
        ("fractie", ("CDA", "ChristenUnie", "50PLUS"))]
    p = letter.paragraphs[1]
    # joined across the page break; the line-end hyphen is kept without a space
    assert p.text.startswith("De genoemde leden lezen in de memorie van toelichting dat de "
                             "samenwerkings-verbanden met gemeenten worden uitgebreid (art. 3 lid 2).")
    assert p.text.endswith("toe te lichten:\na. de gevolgen voor de uitvoering;\nb. de kosten, "
                           "d.w.z. de structurele en de incidentele kosten?")
    texts = [q.text for q in letter.questions]
    # "Zij vragen zich af of" (indirect); "vragen de regering de volgende punten toe te
    # lichten:" + a./b. (one question); announcement; items 1, 2 (with sub-items a, b), 3;
    # "ontvangen graag een reactie" (indirect)
    assert len(texts) == 6
    assert texts[0].startswith("Zij vragen zich af of")
    assert texts[1].startswith("Deze leden vragen de regering de volgende punten toe te lichten:")
    assert [q.number for q in letter.questions] == [None, None, "1", "2", "3", None]
    assert texts[3] == ("Kan de regering aangeven:\na. hoeveel fte er nodig is;\nb. wanneer de "
                        "evaluatie plaatsvindt?")
    assert [(f.number, f.text) for f in letter.footnotes] == [
        ("1", "Kamerstukken I 2025/26, 36 500, A; zie ook Kamerstukken II 2024/25, 36 500, nr. 3, "
              "p. 12 en 13."),
        ("2", "Kamerstukken II 2024/25, 36 500, nr. 3, p. 7."), ("3", "Idem, p. 9.")]
    assert all(f.marker for f in letter.footnotes)
    assert letter.warnings == []


def test_variant_broken_warns_and_keeps_everything():
    letter = read_text(BROKEN, "broken.txt")
    c = codes(letter)
    assert c == Counter({"no-kenmerk": 1, "no-datum": 1, "marker-without-body": 1,
                         "body-without-marker": 1, "duplicate-footnote": 1, "footnote-gap": 1,
                         "term-unclear": 1, "no-question-mark": 1})
    assert letter.kenmerk is None and letter.datum is None and letter.id == "letter-broken"
    assert (letter.term_raw, letter.deadline) == ("voor het kerstreces", None)
    # every footnote body is kept, the duplicate 5 twice, in number order
    assert [f.number for f in letter.footnotes] == ["1", "4", "5", "5"]
    assert [f.marker is not None for f in letter.footnotes] == [True, False, True, True]
    by_code = {w.code: w for w in letter.warnings}
    assert by_code["marker-without-body"].where == "line 15, footnote 2"
    assert by_code["body-without-marker"].where == "line 20, footnote 4"
    assert by_code["duplicate-footnote"].line == 22
    assert by_code["footnote-gap"].message.startswith("footnote numbering skips 3")
    # "Kan de regering toelichten wanneer ... verschijnt." lost its "?": still a question
    assert [q.text for q in letter.questions] == [
        "Kan de regering toelichten wanneer die evaluatie verschijnt.",
        "Hoe verhoudt dit zich tot het advies van de Raad van State?"]
    for w in letter.warnings:
        line = str(w)
        assert line.startswith("broken.txt") and "\n" not in line


# ============================================================== bad input

def test_empty_file(tmp_path):
    f = tmp_path / "leeg.txt"
    f.write_bytes(b"  \n\n")
    with pytest.raises(InputError) as err:
        read_text_file(f)
    assert str(err.value) == f"{f}:line 1: empty file"
    with pytest.raises(InputError):
        read_text("", "x.txt")


def test_binary_file(tmp_path):
    f = tmp_path / "brief.txt"
    f.write_bytes(b"%PDF-1.7\n\x00\x01\x02binary")
    with pytest.raises(InputError) as err:
        read_text_file(f)
    assert "binary" in str(err.value) and "\n" not in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as err:
        read_text_file(tmp_path / "nergens.txt")
    assert str(err.value).startswith(str(tmp_path / "nergens.txt"))


def test_cp1252_file(tmp_path):
    f = tmp_path / "cp1252.txt"
    f.write_bytes(SEED_000.read_text(encoding="utf-8").encode("cp1252"))
    letter = read_text_file(f)
    assert [w.code for w in letter.warnings] == ["encoding"]
    assert letter.kenmerk == "181524" and len(letter.questions) == 45
    assert any("Italië" in p.text for p in letter.paragraphs)
    assert "vóór 2028" in letter.questions[25].text


def test_bom_and_crlf(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + SEED_002.read_bytes().replace(b"\n", b"\r\n"))
    letter = read_text_file(f)
    assert letter.warnings == []
    assert (letter.kenmerk, len(letter.questions), len(letter.footnotes)) == ("180760", 15, 2)
    # read_text itself also takes a BOM and CRLF
    text = "\ufeff" + SEED_002.read_text(encoding="utf-8").replace("\n", "\r\n")
    assert len(read_text(text, "x").questions) == 15


def test_letter_without_letterhead():
    letter = read_text("De leden van de fractie van de SP vragen de regering of dit klopt.\n",
                       "kaal.txt")
    assert {"no-kenmerk", "no-datum"} <= set(codes(letter))
    assert len(letter.questions) == 1 and letter.questions[0].fracties == ("SP",)
    assert letter.fracties == ["SP"]


def test_a_paragraph_starting_with_beste_is_no_salutation():
    letter = read_text("Beste praktijken uit andere landen laten zien dat het kan. Hoe ziet de "
                       "regering dat?\n", "x.txt")
    assert [p.kind for p in letter.paragraphs] == ["text"] and letter.skipped == []
    assert len(letter.questions) == 1


def test_bad_datum_is_a_warning():
    text = SEED_002.read_text(encoding="utf-8").replace("datum 6 mei 2026\n\nbetreft",
                                                        "datum 31 juni 2026\n\nbetreft")
    letter = read_text(text, "x.txt")
    assert letter.datum is None and letter.datum_raw == "31 juni 2026"
    assert codes(letter) == Counter({"bad-datum": 1, "term-unclear": 1})
    assert letter.warnings[0].line == 21


def test_duplicate_and_missing_footnotes_in_seed_text():
    text = SEED_000.read_text(encoding="utf-8")
    # drop the body of footnote 7 and number a second body 9
    text = text.replace("<sup>7</sup> *Kamerstukken I 2025/26*, 36 871, O, bijlage, p. 30.\n", "")
    text = text.replace("<sup>10</sup> *Idem.*", "<sup>10</sup> *Idem.*\n\n<sup>9</sup> Idem, p. 6.")
    letter = read_text(text, "x.txt")
    assert codes(letter) == Counter({"marker-without-body": 1, "duplicate-footnote": 1,
                                     "body-without-marker": 1})
    assert len(letter.footnotes) == 25  # 24 + the extra 9: nothing dropped
    assert [f.number for f in letter.footnotes].count("9") == 2
