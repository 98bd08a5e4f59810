"""The shared structure code every text form of a letter uses (graph/readers/structure.py,
fracties.py, metadata.py): fractie names and phrases, who asks each question, the
question unit, glued-digit note markers, the Samenstelling note, running headers.

Each table row is a real-looking snippet in one of the forms a letter takes: the seeds'
PDF text, text copied from an officielebekendmakingen HTML page, OCR of older papers.
Counts and fracties are worked out by hand and written next to the snippet.
"""
from __future__ import annotations

from collections import Counter

import pytest

from kamerxref.graph.readers.fracties import FRACTIES, canonical_fractie
from kamerxref.graph.readers.structure import (
    FractieScope,
    fracties_in,
    heading_fracties,
    is_fractie_heading,
    question_spans,
    subject_fracties,
)
from kamerxref.graph.readers.text import account, read_text

# ============================================================== the fractie table


@pytest.mark.parametrize("spelling,name", [
    ("GroenLinks-PvdA", "GroenLinks-PvdA"), ("GL-PvdA", "GroenLinks-PvdA"),
    ("GL", "GroenLinks"), ("PvdA", "PvdA"), ("P.v.d.A.", "PvdA"), ("Partij van de Arbeid", "PvdA"),
    ("VVD", "VVD"), ("V.V.D.", "VVD"), ("CDA", "CDA"), ("C.D.A.", "CDA"), ("D66", "D66"),
    ("D'66", "D66"), ("D’66", "D66"), ("PVV", "PVV"), ("SP", "SP"), ("PvdD", "PvdD"),
    ("Partij voor de Dieren", "PvdD"), ("ChristenUnie", "ChristenUnie"), ("CU", "ChristenUnie"),
    ("SGP", "SGP"), ("S.G.P.", "SGP"), ("Volt", "Volt"), ("JA21", "JA21"), ("BBB", "BBB"),
    ("FVD", "FVD"), ("FvD", "FVD"), ("Forum voor Democratie", "FVD"), ("50PLUS", "50PLUS"),
    ("DENK", "DENK"), ("NSC", "NSC"), ("OPNL", "OPNL"), ("Fractie-Nanninga", "Fractie-Nanninga"),
    ("GPV", "GPV"), ("RPF", "RPF"), ("PPR", "PPR"), ("PSP", "PSP"), ("CPN", "CPN"),
    ("DS'70", "DS'70"), ("DS '70", "DS'70"), ("Boerenpartij", "Boerenpartij"), ("KVP", "KVP"),
    ("K.V.P.", "KVP"), ("ARP", "ARP"), ("A.R.P.", "ARP"), ("CHU", "CHU"), ("C.H.U.", "CHU"),
    ("OSF", "OSF"), ("partij voor de  dieren", "PvdD"),
    ("Lijst Nieuw", None), ("Kamer", None), ("C", None), ("P", None),
])
def test_canonical_fractie(spelling, name):
    assert canonical_fractie(spelling) == name


def test_table_spellings_are_unique_and_canonical_names_map_to_themselves():
    seen = Counter(s for f in FRACTIES for s in (f.name, *f.aliases))
    assert [s for s, n in seen.items() if n > 1] == []
    assert all(canonical_fractie(f.name) == f.name for f in FRACTIES)


# ============================================================== fractie phrases

@pytest.mark.parametrize("text,named,subject", [
    # sections, as headings or plain lines
    ("Vragen en opmerkingen van de leden van de fractie van GroenLinks-PvdA",
     ["GroenLinks-PvdA"], ()),  # "opmerkingen van ...": a heading, not a subject
    ("Vragen en opmerkingen van de fractieleden van de PVV", ["PVV"], ()),
    ("De leden van de CDA-fractie lezen dat de regering", ["CDA"], ("CDA",)),
    ("De leden van de fracties van Volt en de PvdD constateren", ["Volt", "PvdD"],
     ("Volt", "PvdD")),
    ("De leden van de fractie van Volt wensen de regering eveneens een aantal vragen voor te "
     "leggen, mede namens de leden van de fractie van de PvdD.", ["Volt", "PvdD"], ("Volt", "PvdD")),
    # dotted and historic names: never "C" or "P"
    ("De leden van de C.D.A.-fractie vragen of", ["CDA"], ("CDA",)),
    ("De leden van de fractie van de P.v.d.A. vragen of", ["PvdA"], ("PvdA",)),
    ("De leden der K.V.P.-fractie en die der A.R.P.-fractie", ["KVP", "ARP"], ("KVP", "ARP")),
    ("de leden van de D'66-fractie", ["D66"], ("D66",)),
    ("De leden van de fracties van de PPR, de PSP en de CPN", ["PPR", "PSP", "CPN"],
     ("PPR", "PSP", "CPN")),
    ("De leden van de fractie van DS'70", ["DS'70"], ("DS'70",)),
    # suspended compounds, table names without "fractie"
    ("De leden van de PVV-, SP- en PvdD-fracties", ["PVV", "SP", "PvdD"], ("PVV", "SP", "PvdD")),
    ("De leden van de SP vragen", ["SP"], ("SP",)),
    ("Het lid van de fractie van 50PLUS vraagt", ["50PLUS"], ("50PLUS",)),
    ("De leden van de GroenLinks-PvdA-fractie en de leden van de BBB-fractie",
     ["GroenLinks-PvdA", "BBB"], ("GroenLinks-PvdA", "BBB")),
    # an object, not the subject
    ("Is de regering het met de leden van de fractie van D66 eens dat niet moet worden "
     "samengewerkt?", ["D66"], ()),
    ("De leden van de VVD-fractie sluiten zich aan bij de vragen van de leden van de "
     "CDA-fractie.", ["VVD", "CDA"], ("VVD",)),
    # "de leden van de leden van" (sic, seed 181524)
    ("Ten aanzien van de bevinding, vragen de leden van de leden van de fractie van D66 of",
     ["D66"], ("D66",)),
    # no fractie
    ("De leden van de vaste commissie voor Justitie en Veiligheid", [], ()),
    ("De leden van genoemde fracties lezen", [], ()),
])
def test_fractie_phrases(text, named, subject):
    assert fracties_in(text) == named
    assert subject_fracties(text) == subject


@pytest.mark.parametrize("line,expected", [
    ("Vragen en opmerkingen van de leden van de fractie van GroenLinks-PvdA", True),
    ("## Vragen en opmerkingen van de leden van de fractie van D66", True),
    ("**Vragen van de leden van de fracties van Volt en de PvdD**", True),
    ("Vragen en opmerkingen van de fractieleden van de PVV", True),
    ("2. Inbreng van de leden van de CDA-fractie", True),
    ("Vragen van de leden van de VVD-fractie zijn beantwoord.", False),
    ("De leden van de VVD-fractie vragen of dat klopt", False),
    ("Vragen over de uitvoering", False),
])
def test_is_fractie_heading(line, expected):
    assert is_fractie_heading(line) is expected


@pytest.mark.parametrize("heading,fracties", [
    ("Vragen en opmerkingen van de leden van de fractie van de VVD", ("VVD",)),
    ("Vragen en opmerkingen van de leden van de fracties van Volt en de PvdD", ("Volt", "PvdD")),
    ("Europese samenwerking", ()),
    # longer than the remembered headings: read each time, the same answer
    ("Inbreng van de leden van de CDA-fractie " + "over de uitvoering " * 12, ("CDA",)),
])
def test_heading_fracties_are_fracties_in_remembered(heading, fracties):
    """A heading's fracties are remembered across letters (the same headings recur);
    asked twice, the answer is the same as fracties_in's, a tuple nobody can change."""
    assert heading_fracties(heading) == fracties == tuple(fracties_in(heading))
    assert heading_fracties(heading) == fracties


def test_fractie_scope_follows_sections_and_sentences():
    scope = FractieScope()
    assert scope.sentence("De commissie heeft kennisgenomen van de brief.") == ()
    assert scope.sentence("De leden van de VVD-fractie lezen dat ...") == ("VVD",)
    assert scope.sentence("Kan de regering dit toelichten?") == ("VVD",)
    assert scope.heading(("CDA", "ChristenUnie"), "fractie") == ("CDA", "ChristenUnie")
    assert scope.sentence("De leden van de CDA-fractie vragen of ...") == ("CDA",)
    assert scope.heading((), "topic") == ("CDA", "ChristenUnie")  # back to the section's
    assert scope.sentence("Waarom?") == ("CDA", "ChristenUnie")


# ============================================================== who asks, in whole letters

HEAD = "datum 3 november 2025\n\nons kenmerk 170001\n\nGeachte minister,\n\n"

# Prose without any heading: each fractie phrase sets who asks until the next one.
PROSE = HEAD + """De vaste commissie voor Justitie en Veiligheid heeft kennisgenomen van de brief. De leden van de fracties van de VVD en het CDA hebben naar aanleiding daarvan enkele vragen.

De leden van de VVD-fractie lezen dat de regering de wet wil wijzigen. Waarom is dat nodig? Deze leden vragen of de regering dit kan onderbouwen.

Wat kost het?

De leden van de C.D.A.-fractie vragen de regering hoe zij dit ziet. Is een evaluatie voorzien?

Is de regering het met de leden van de fractie van de VVD eens dat het sneller moet?
"""

# Plain-text fractie headings right above their paragraphs (text copied from HTML), one
# joint, and a letter that also has a markdown heading.
PLAIN_HEADINGS = HEAD + """De leden van de vaste commissie hebben enkele vragen.

## Inleiding

Vragen en opmerkingen van de leden van de fractie van GroenLinks-PvdA
De leden van de fractie van GroenLinks-PvdA lezen dat de regering wil bezuinigen. Waarom?
Vragen en opmerkingen van de fractieleden van de PVV
De fractieleden van de PVV willen weten hoe de regering dit uitvoert. Wat kost het?
Vragen en opmerkingen van de leden van de fracties van Volt en de PvdD
Kan de regering dit toelichten?
"""


@pytest.mark.parametrize("text,fracties,per_question", [
    (PROSE, ["VVD", "CDA"], [
        ("Waarom is dat nodig?", ("VVD",)),
        ("Deze leden vragen of de regering dit kan onderbouwen.", ("VVD",)),
        ("Wat kost het?", ("VVD",)),
        ("De leden van de C.D.A.-fractie vragen de regering hoe zij dit ziet.", ("CDA",)),
        ("Is een evaluatie voorzien?", ("CDA",)),
        # the VVD is named as an object: the CDA still asks
        ("Is de regering het met de leden van de fractie van de VVD eens dat het sneller moet?",
         ("CDA",)),
    ]),
    (PLAIN_HEADINGS, ["GroenLinks-PvdA", "PVV", "Volt", "PvdD"], [
        ("Waarom?", ("GroenLinks-PvdA",)),
        ("De fractieleden van de PVV willen weten hoe de regering dit uitvoert.", ("PVV",)),
        ("Wat kost het?", ("PVV",)),
        ("Kan de regering dit toelichten?", ("Volt", "PvdD")),
    ]),
])
def test_who_asks(text, fracties, per_question):
    letter = read_text(text, "x.txt")
    assert [(q.text, q.fracties) for q in letter.questions] == per_question
    assert letter.fracties == fracties
    assert account(letter, text) == []
    assert "no-fractie" not in {w.code for w in letter.warnings}


def test_question_without_any_fractie_is_warned_not_given_all():
    text = HEAD + ("De leden van de fractie van de SP en de leden van de fractie van D66 hebben "
                   "vragen.\n\nDe commissie heeft vragen.\n\n## Uitvoering\n\nWat kost het?\n")
    # the intro names two fracties as one subject: they ask together
    letter = read_text(text, "x.txt")
    assert [q.fracties for q in letter.questions] == [("SP", "D66")]
    text = HEAD + ("## Uitvoering\n\nDe leden van de fractie van de SP lezen dit.\n\n"
                   "## Kosten\n\nDe leden van de fractie van D66 lezen dat.\n\n"
                   "Vragen en opmerkingen van de leden van de fractie van de SGP\n\n"
                   "Hoe zit dat?\n")
    letter = read_text(text, "x.txt")
    assert [q.fracties for q in letter.questions] == [("SGP",)]


KV = ("2024Z01234\n\nVragen van de leden Kops (PVV) en Dassen (Volt) aan de minister van "
      "Buitenlandse Zaken over het bericht X (ingezonden 1 februari 2024).\n\n"
      "1. Bent u bekend met het bericht 'X'?{m1}\n\n2. Klopt het dat de Commissie meer vraagt?{m2}\n\n"
      "3. Bent u bereid deze vragen afzonderlijk te beantwoorden?\n\n{notes}")


@pytest.mark.parametrize("m1, m2, notes, expected", [
    # notes numbered "1)" at the end, markers " 1)" after the question mark
    (" 1)", " 2)", "1) NOS, 31 januari 2024.\n2) Kamerstuk 21501-20, nr. 1900.\n",
     [("1", 0, "NOS, 31 januari 2024."), ("2", 1, "Kamerstuk 21501-20, nr. 1900.")]),
    # plain numbers at the end, markers glued to the question mark
    ("1", "2", "1 NOS, 31 januari 2024.\n\n2 Kamerstuk 21501-20, nr. 1900.\n",
     [("1", 0, "NOS, 31 januari 2024."), ("2", 1, "Kamerstuk 21501-20, nr. 1900.")]),
    # a body whose marker is missing: no notes made up; "1) ..." stays what it is
    ("", " 2)", "1) NOS, 31 januari 2024.\n2) Kamerstuk 21501-20, nr. 1900.\n", []),
])
def test_notes_at_the_end_of_written_questions(m1, m2, notes, expected):
    text = KV.format(m1=m1, m2=m2, notes=notes)
    letter = read_text(text, "kv.txt")
    got = [(f.number, next(i for i, q in enumerate(letter.questions)
                           if q.paragraph == f.marker.paragraph), f.text) for f in letter.footnotes]
    assert got == expected
    if expected:
        assert [q.text[-1] for q in letter.questions] == ["?", "?", "?"]  # markers taken out
        assert len(letter.questions) == 3 and account(letter, text) == []
        from kamerxref.graph.pipeline import process

        letter = process(letter)
        assert [c.target for c in letter.questions[1].cites] == ["kst-21501-20-1900"]


def test_items_numbered_with_a_parenthesis_at_the_end_stay_questions():
    text = HEAD + "De leden hebben de volgende vragen.\n\n1) Wat kost het?\n\n2) Wie betaalt het?\n"
    letter = read_text(text, "x.txt")
    assert [q.number for q in letter.questions] == ["1", "2"] and letter.footnotes == []


def test_numbered_topic_headings_and_contents_are_no_questions():
    """A Tweede Kamer verslag numbers its topics ("1. Inleiding", "2.1 Aanleiding") and
    opens with its contents ("Inhoudsopgave", entries with page numbers): headings and a
    skipped block, not questions. A numbered item followed by the next item stays one."""
    text = HEAD + ("Inhoudsopgave\nblz.\nI. Algemeen 1\n1. Inleiding 1\n2.1 Aanleiding 2\n\n"
                   "I. Algemeen\n\n1. Inleiding\n\n"
                   "De leden van de VVD-fractie vragen of de regering dit kan toelichten.\n\n"
                   "2.1 Aanleiding\n\nWat kost het voorstel?\n")
    letter = read_text(text, "x.txt")
    assert [(q.fracties, q.text) for q in letter.questions] == [
        (("VVD",), "De leden van de VVD-fractie vragen of de regering dit kan toelichten."),
        (("VVD",), "Wat kost het voorstel?")]
    assert [letter.sections[q.section].heading for q in letter.questions] == ["1. Inleiding", "2.1 Aanleiding"]
    (contents,) = [b for b in letter.skipped if b.reason == "contents"]
    assert contents.text.startswith("Inhoudsopgave\nblz.") and "2.1 Aanleiding 2" in contents.text
    assert account(letter, text) == []  # every word kept somewhere
    # "Inhoud" as a topic heading is no table of contents; nor is a question ending in a
    # number after one
    letter = read_text(HEAD + "Inhoud\n\nDe leden van de VVD-fractie vragen of de regering kan aangeven "
                       "wat dit betekent voor de jaren 2025 en 2026 en voor artikel 3\n"
                       "\nKlopt het dat dit geldt voor 2026?\n", "x.txt")
    assert len(letter.questions) == 2 and not [b for b in letter.skipped if b.reason == "contents"]
    letter = read_text(HEAD + "Inhoudsopgave\n\nWaarom geldt dit pas vanaf 2026?\n", "x.txt")
    assert len(letter.questions) == 1
    # items of a list stay items, short or not; a numbered question that lost its "?"
    # stays a question, body text after it or not
    letter = read_text(HEAD + "De leden hebben de volgende vragen.\n\n1. Kosten\n\n2. Baten\n\n"
                       "3. Hoe zit het met de termijn?\n", "x.txt")
    assert [q.number for q in letter.questions] == ["1", "2", "3"]
    letter = read_text(HEAD + "1. Kan de regering dit toelichten\n\nDe leden lezen dat het zo is.\n",
                       "x.txt")
    assert [(q.number, q.text) for q in letter.questions] == [("1", "Kan de regering dit toelichten")]


def test_kamervragen_name_their_askers():
    """Written questions as the Kamer prints them ("Vragen van de leden Kops (PVV) en
    Dassen (Volt) aan de minister ... (ingezonden ...)", then numbered questions): the
    askers' fracties ask every question no fractie section or phrase claims."""
    text = ("2024Z01234\n\nVragen van de leden Kops (PVV) en Dassen (Volt) aan de minister van "
            "Buitenlandse Zaken over het bericht X (ingezonden 1 februari 2024).\n\n"
            "1. Bent u bekend met het bericht X?\n\n2. Klopt het dat de SP daar anders over denkt?\n")
    letter = read_text(text, "kv.txt")
    assert [q.fracties for q in letter.questions] == [("PVV", "Volt")] * 2
    assert letter.fracties == ["PVV", "Volt"]  # not the SP the text mentions
    assert "no-fractie" not in {w.code for w in letter.warnings}
    # a fractie phrase still claims its own question; a committee letter is unchanged
    text = text.replace("2. Klopt het", "2. De leden van de fractie van de SP vragen of het klopt")
    letter = read_text(text, "kv.txt")
    assert [q.fracties for q in letter.questions] == [("PVV", "Volt"), ("SP",)]
    letter = read_text(HEAD + "De commissie heeft de volgende vragen.\n\n1. Wat kost het?\n", "x.txt")
    assert [q.fracties for q in letter.questions] == [()]


@pytest.mark.parametrize("text,kind,expected", [
    ("Kan de regering aangeven:\na. hoeveel fte er nodig is;\nb. wanneer?", "item", 1),
    ("Zie p. 5. Kan de regering dit toelichten? Deze leden vragen of dat klopt.", "text", 2),
    ("- Hoe ziet de regering dit?\n- Wat kost het?\n- Zie de bijlage.", "list", 2),
    ("De leden stellen de vraag waarom de regering dit doet.", "text", 1),
    ("Deze leden willen weten of de regering dit steunt.", "text", 1),
    ("Deze leden verzoeken de regering aan te geven welke middelen er zijn.", "text", 1),
    ("Kan de regering dit toelichten?", "intro", 0),
    # a note marker left glued to the question mark (not recognised as a marker): the
    # question is still one, and ends there
    ("Waarom is dat zo?12 Verder lezen de leden dat het klopt.", "text", 1),
    ("De leden lezen dit. Waarom is niet gekozen voor een termijn van twee jaar?2", "text", 1),
])
def test_question_spans(text, kind, expected):
    assert len(question_spans(text, kind)) == expected


@pytest.mark.parametrize("sentence,question,closing", [
    # the word checks ignore case, and non-ASCII text around the words ("–", "’")
    ("DEZE LEDEN VRAGEN DE REGERING OF ZIJ DIT KAN TOELICHTEN.", True, False),
    ("Deze leden – en de leden van de SP – vragen de regering hoe het zit.", True, False),
    ("Zij zien uw ANTWOORD graag BINNEN VIER WEKEN tegemoet.", False, True),
    ("De leden zien de beantwoording met belangstelling TEGEMOET.", False, True),
    ("Zij verzoeken u deze binnen vier weken te mogen ontvangen – graag.", False, True),
    ("De leden vernemen graag hoe de regering dit ziet.", True, False),
    ("De leden vernemen GRAAG of de regering dit ziet.", True, False),
    ("Het rapport beantwoordt de vraag niet – een antwoord volgt later.", False, False),
    # the two characters str.lower turns into ASCII letters: the Kelvin sign ("K" -> "k")
    # makes "verzoeKen" the ask verb "verzoeken"; "İ" (-> "i" + a dot) is no "i" of a word
    ("De leden verzoe\u212aen de regering of zij dit wil toelichten.", True, False),
    ("\u0130n Istanbul vragen de leden de regering of dit klopt.", True, False),
    ("De leden z\u0130en de \u212aosten.", False, False),
])
def test_asks_and_closing_request_words_in_any_case(sentence, question, closing):
    from kamerxref.graph.readers.structure import asks, is_closing_request

    assert asks(sentence) is question
    assert is_closing_request(sentence) is closing


# ============================================================== question unit in letters

ITEMS = HEAD + """De leden van de fractie van de SP hebben de volgende vragen.

1. Hoe ziet de regering de rol van gemeenten?
2. Kan de regering aangeven:
a. hoeveel fte er nodig is;
b. wanneer de evaluatie plaatsvindt?
3. Welke afspraken zijn gemaakt? 4. De leden vragen of de VNG is betrokken. 5. Waarom niet eerder?
6 Hoe beoordeelt de regering de kosten?
7 Wat is de planning?
8. Wie betaalt dit?
   i. de gemeenten;
   ii. het Rijk?

De leden van de fractie van de SP willen weten hoe dit is geregeld. Deze leden verzoeken de regering aan te geven welke termijn geldt. Zij stellen de vraag waarom dit zo lang duurt.

Hoogachtend,

J. de Boer

Voorzitter van de vaste commissie voor Financiën

PS: Kan de regering de antwoorden ook naar de Tweede Kamer sturen?
"""


def test_question_unit_items_subitems_inline_and_postscript():
    letter = read_text(ITEMS, "items.txt")
    got = [(q.number, q.text) for q in letter.questions]
    assert got == [
        ("1", "Hoe ziet de regering de rol van gemeenten?"),
        # item 2 keeps its sub-items a. and b. (not questions "a" and "b")
        ("2", "Kan de regering aangeven:\na. hoeveel fte er nodig is;\nb. wanneer de evaluatie "
              "plaatsvindt?"),
        # inline numbering on one line: three items
        ("3", "Welke afspraken zijn gemaakt?"),
        ("4", "De leden vragen of de VNG is betrokken."),
        ("5", "Waarom niet eerder?"),
        # numbers without a dot, in sequence
        ("6", "Hoe beoordeelt de regering de kosten?"),
        ("7", "Wat is de planning?"),
        # roman sub-items
        ("8", "Wie betaalt dit?\ni. de gemeenten;\nii. het Rijk?"),
        # indirect questions: "willen weten hoe", "verzoeken ... aan te geven", "stellen de vraag"
        (None, "De leden van de fractie van de SP willen weten hoe dit is geregeld."),
        (None, "Deze leden verzoeken de regering aan te geven welke termijn geldt."),
        (None, "Zij stellen de vraag waarom dit zo lang duurt."),
        # after the signature: a question, with a warning
        (None, "PS: Kan de regering de antwoorden ook naar de Tweede Kamer sturen?"),
    ]
    assert [q.fracties for q in letter.questions] == [("SP",)] * 11 + [()]
    assert [w.code for w in letter.warnings] == ["question-after-signature"]
    assert letter.chair == "J. de Boer"
    assert account(letter, ITEMS) == []


@pytest.mark.parametrize("body,questions", [
    # "3 procent": a sentence that starts with a number, not an item
    ("1. Hoe zit dat?\n\n3 procent van de gemeenten doet mee.", [("1", "Hoe zit dat?")]),
    # "zie p. 2. De ...": a page, not item 2
    ("1. Hoe zit dat, zie p. 2. De regering schrijft het. Waarom?",
     [("1", "Hoe zit dat, zie p. 2. De regering schrijft het. Waarom?")]),
    # a lettered list that is no sub-list of a numbered item: its own items
    ("De leden vragen:\n\na. Hoe zit dat?\nb. Waarom?", [("a", "Hoe zit dat?"), ("b", "Waarom?")]),
    # "2 Kamerstukken ...": a note body, not an item without a dot
    ("1 Hoe zit dat?\n2 Kamerstukken I 2025/26, 36 871, O.", [(None, "1 Hoe zit dat?")]),
])
def test_items_and_not_items(body, questions):
    letter = read_text(HEAD + body + "\n", "x.txt")
    assert [(q.number, q.text) for q in letter.questions] == questions
    assert account(letter, HEAD + body + "\n") == []


# ============================================================== text copied from HTML

from kamerxref.graph.model import Member  # noqa: E402
from kamerxref.graph.readers.metadata import (  # noqa: E402
    is_chair_line,
    parse_addressee_line,
    parse_dateline,
    parse_vastgesteld,
)
from kamerxref.graph.readers.structure import (  # noqa: E402
    glued_note_markers,
    is_notes_heading,
    is_page_number,
    is_running_header,
    parse_samenstelling,
    split_note_run,
)

# A committee letter as text copied from its officielebekendmakingen page: no markdown,
# note markers as digits glued to a word, plain fractie headings right above their text,
# a running footer with a page number, the signature without "Hoogachtend", the notes
# listed at the end under "Noten" (two of them run together on one line) with the
# Samenstelling note first.
HTML_COPY = """Aan de Minister van Asiel en Migratie

Den Haag, 3 november 2025

De leden van de vaste commissie voor Immigratie & Asiel / JBZ-Raad1 hebben met belangstelling kennisgenomen van de brief2 van 30 september 2025 over de Staat van Migratie 2025. De leden van de fracties van GroenLinks-PvdA en de PVV hebben naar aanleiding hiervan enkele vragen.

Vragen en opmerkingen van de leden van de fractie van GroenLinks-PvdA
De leden van de fractie van GroenLinks-PvdA lezen dat uit berichten op sociale media3 blijkt dat de toestroom in 2025 is gedaald. Ook de Duitse regering (Duitse4) en de COVID19-maatregelen van artikel 3 worden genoemd. Kan de regering aangeven hoeveel macht hierbij wordt uitgeoefend5?

Eerste Kamer, vergaderjaar 2025–2026, 30 573, J  2

Vragen en opmerkingen van de fractieleden van de PVV
De fractieleden van de PVV stellen de vraag waarom de regering niet eerder heeft ingegrepen. Is de JA21-motie6 uitgevoerd?

De voorzitter van de vaste commissie voor Immigratie & Asiel / JBZ-Raad,
C.J.M. Dittrich

Noten
1 Samenstelling: Kox (SP), Van Bijsterveld (CDA), Dittrich (D66) (voorzitter), Karimi (GroenLinks-PvdA), Van Hattem (PVV) en Nanninga (Fractie-Nanninga)
2 Kamerstukken I 2025/26, 30 573, I.
3 Idem, p. 4.
4 Kamerstukken II 2024/25, 19 637, nr. 3300. 5 Idem, p. 12.
6 Kamerstukken II 2024/25, 19 637, nr. 3310.
"""


def test_html_copy_letter():
    letter = read_text(HTML_COPY, "kst-30573-J.txt")
    # metadata from "Aan de ...", "Den Haag, ...", the signature without "Hoogachtend"
    assert letter.datum.isoformat() == "2025-11-03"
    assert letter.addressee_function == "Minister van Asiel en Migratie"
    assert (letter.chair, letter.chair_function) == (
        "C.J.M. Dittrich", "De voorzitter van de vaste commissie voor Immigratie & Asiel / JBZ-Raad")
    assert letter.committee == "vaste commissie voor Immigratie & Asiel/JBZ-Raad"
    assert letter.fracties == ["GroenLinks-PvdA", "PVV"]
    # questions and who asks them
    assert [(q.text, q.fracties) for q in letter.questions] == [
        ("Kan de regering aangeven hoeveel macht hierbij wordt uitgeoefend?", ("GroenLinks-PvdA",)),
        ("De fractieleden van de PVV stellen de vraag waarom de regering niet eerder heeft "
         "ingegrepen.", ("PVV",)),
        ("Is de JA21-motie uitgevoerd?", ("PVV",)),
    ]
    # notes 2-6 with their markers: "brief2", "media3", "(Duitse4)", "uitgeoefend5?",
    # "JA21-motie6" -- not COVID19, not artikel 3, not JA21
    before = {}
    for fn in letter.footnotes:
        p = letter.paragraphs[fn.marker.paragraph]
        before[fn.number] = p.text[:fn.marker.offset][-12:]
    assert before == {"1": "l / JBZ-Raad", "2": "van de brief", "3": "ociale media", "4": "ring (Duitse",
                      "5": " uitgeoefend", "6": "e JA21-motie"}
    assert [(f.number, f.text) for f in letter.footnotes] == [
        ("1", "Samenstelling: Kox (SP), Van Bijsterveld (CDA), Dittrich (D66) (voorzitter), "
              "Karimi (GroenLinks-PvdA), Van Hattem (PVV) en Nanninga (Fractie-Nanninga)"),
        ("2", "Kamerstukken I 2025/26, 30 573, I."), ("3", "Idem, p. 4."),
        ("4", "Kamerstukken II 2024/25, 19 637, nr. 3300."), ("5", "Idem, p. 12."),
        ("6", "Kamerstukken II 2024/25, 19 637, nr. 3310.")]
    assert "COVID19-maatregelen van artikel 3" in letter.paragraphs[1].text
    # the Samenstelling note: the committee's members (the note stays, as note 1)
    assert letter.members == [
        Member("Kox", "SP"), Member("Van Bijsterveld", "CDA"), Member("Dittrich", "D66", "voorzitter"),
        Member("Karimi", "GroenLinks-PvdA"), Member("Van Hattem", "PVV"),
        Member("Nanninga", "Fractie-Nanninga")]
    # page furniture
    reasons = Counter(b.reason for b in letter.skipped)
    assert reasons["running-header"] == 1 and reasons["notes-heading"] == 1
    assert not any("Eerste Kamer, vergaderjaar" in p.text for p in letter.paragraphs)
    assert [w.code for w in letter.warnings] == ["no-kenmerk"]
    assert account(letter, HTML_COPY) == []


def test_html_copy_letter_through_the_pipeline(tmp_path):
    import kamerxref

    path = tmp_path / "kst-30573-J.txt"
    path.write_text(HTML_COPY, encoding="utf-8")
    corpus = kamerxref.load(str(path))
    g = corpus.graph
    warnings = [w.code for L in corpus.letters for w in L.warnings]
    assert "no-citation" not in warnings  # the Samenstelling note is no source: no warning
    cited = {d for _, d, k in g.edges(data="kind") if k == "cites"}
    assert "kst-30573-I/p4" in cited and "kst-19637-3300/p12" in cited
    asks_ = sorted((u, v.rsplit("/", 1)[1]) for u, v, k in g.edges(data="kind") if k == "asks")
    assert asks_ == [("fractie-GroenLinks-PvdA", "q1"), ("fractie-PVV", "q2"), ("fractie-PVV", "q3")]


@pytest.mark.parametrize("texts,numbers,expected", [
    # glued markers in order; names with digits are no markers
    (["de brief4 over COVID19 en artikel 3, in 2026", "uit media5 en (Duitse6) en D66"],
     [4, 5, 6], [(0, 8, 9, "4"), (1, 9, 10, "5"), (1, 21, 22, "6")]),
    # a marker after the question mark and after a full stop
    (["hoeveel wordt uitgeoefend1? Klopt het.2 Verder"], [1, 2], [(0, 25, 26, "1"), (0, 38, 39, "2")]),
    # a digit whose note body does not exist is no marker: "regio3" with notes 1, 2 only
    (["de regio3 en de brief1 en media2"], [1, 2], [(0, 21, 22, "1"), (0, 31, 32, "2")]),
    # out of order: the 2 before marker 1 is not a marker
    (["stap2 en brief1 en media2"], [1, 2], [(0, 14, 15, "1"), (0, 24, 25, "2")]),
    # a fractie name is never a marker; a marker glued to one is ("D661": D66 + 1)
    (["de fractie van JA21 vraagt"], [21], []),
    (["de fractie van D661 vraagt"], [1], [(0, 18, 19, "1")]),
    # a name with digits only when nothing else can be: "COVID19" is no marker 19 here
    (["de COVID19-regels en de brief19 verder"], [19], [(0, 29, 31, "19")]),
    (["de COVID19 regels"], [19], [(0, 8, 10, "19")]),
    # after a question mark that ends a year or a quotation (an Aanhangsel's HTML copy)
    (["de brief van 12 juli 2023?2 en"], [2], [(0, 26, 27, "2")]),
    (["het artikel 'Agenten willen meer'?1"], [1], [(0, 34, 35, "1")]),
    # ... but never a number of its own after the mark: "2023? 2" is not glued
    (["in 2023? 2 keer"], [2], []),
    ([], [1], []),
    (["de brief1"], [], []),
])
def test_glued_note_markers(texts, numbers, expected):
    assert glued_note_markers(texts, numbers) == expected


@pytest.mark.parametrize("number,text,expected", [
    (4, "Kamerstukken II 2024/25, 19 637, nr. 3300. 5 Idem, p. 12.",
     [(4, "Kamerstukken II 2024/25, 19 637, nr. 3300."), (5, "Idem, p. 12.")]),
    (2, "Kamerstukken I 2024/25, 30 573, nr. 3. 3 Idem, p. 4. 4 Stb. 2024, 12.",
     [(2, "Kamerstukken I 2024/25, 30 573, nr. 3."), (3, "Idem, p. 4."), (4, "Stb. 2024, 12.")]),
    # "p. 3 Kamerstukken": a page, not note 3
    (2, "Zie p. 3 Kamerstukken I.", [(2, "Zie p. 3 Kamerstukken I.")]),
    # the number is not the next one: no split
    (2, "Kamerstukken I, nr. 3. 7 Idem.", [(2, "Kamerstukken I, nr. 3. 7 Idem.")]),
])
def test_split_note_run(number, text, expected):
    assert split_note_run(number, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Samenstelling: Kox (SP), Van Bijsterveld (CDA), Dittrich (D66) (voorzitter), Karimi "
     "(GroenLinks-PvdA) en Nanninga (Fractie-Nanninga)",
     [("Kox", "SP", None), ("Van Bijsterveld", "CDA", None), ("Dittrich", "D66", "voorzitter"),
      ("Karimi", "GroenLinks-PvdA", None), ("Nanninga", "Fractie-Nanninga", None)]),
    # older spellings become the table's names
    ("Samenstelling: Vis (D'66), Oskamp (P.v.d.A.) (ondervoorzitter), Kaland (C.D.A.)",
     [("Vis", "D66", None), ("Oskamp", "PvdA", "ondervoorzitter"), ("Kaland", "CDA", None)]),
    # the Tweede Kamer form: "Leden:", role after a comma, "Plv. leden:"
    ("Samenstelling: Leden: Van der Staaij (SGP), voorzitter, Bosman (VVD), ondervoorzitter, "
     "Omtzigt (CDA). Plv. leden: Bisschop (SGP), Wiersma (VVD).",
     [("Van der Staaij", "SGP", "voorzitter"), ("Bosman", "VVD", "ondervoorzitter"),
      ("Omtzigt", "CDA", None), ("Bisschop", "SGP", "plaatsvervangend lid"),
      ("Wiersma", "VVD", "plaatsvervangend lid")]),
    ("Kamerstukken I 2025/26, 36 871, O.", []),
])
def test_parse_samenstelling(text, expected):
    assert [(m.name, m.fractie, m.role) for m in parse_samenstelling(text)] == expected


@pytest.mark.parametrize("line,header", [
    ("Eerste Kamer, vergaderjaar 1989–1990, 20 701, nr. 78a", True),
    ("Tweede Kamer, vergaderjaar 2023–2024, 36 410, nr. 12  3", True),
    ("Eerste Kamer, vergaderjaar 2024–2025, 30 573, J", True),
    ("Tweede Kamer, zitting 1981, 16927 (R 1176), nrs. 1-3", True),
    ("3 Eerste Kamer, vergaderjaar 2024–2025, 36 507, D", True),
    ("Zie Eerste Kamer, vergaderjaar 2024–2025, 30 573, J.", False),
    ("Eerste Kamer, vergaderjaar 2024–2025, 30 573, J, p. 4.", False),
])
def test_is_running_header(line, header):
    assert is_running_header(line) is header


def test_page_furniture_and_notes_headings():
    assert is_page_number("  3 ") and not is_page_number("3 Hoe?")
    assert all(is_notes_heading(x) for x in ["Noten", "## Noten", "**Voetnoten**", "NOTEN:"])
    assert not is_notes_heading("Noten bij de begroting zijn er niet.")


def test_running_footer_is_no_self_citation_and_page_numbers_go():
    text = HEAD + ("De leden van de fractie van de SP lezen dit.\n\n"
                   "Tweede Kamer, vergaderjaar 2023–2024, 36 410, nr. 12\n\n3\n\n"
                   "Waarom is dat zo?\n")
    letter = read_text(text, "x.txt")
    assert [b.text for b in letter.skipped if b.reason == "running-header"] == [
        "Tweede Kamer, vergaderjaar 2023–2024, 36 410, nr. 12", "3"]
    assert [q.text for q in letter.questions] == ["Waarom is dat zo?"]
    assert account(letter, text) == []


@pytest.mark.parametrize("func,line,expected", [
    (parse_dateline, "Den Haag, 3 november 2025", "3 november 2025"),
    (parse_dateline, "'s-Gravenhage, 9 december 2022", "9 december 2022"),
    (parse_dateline, "Den Haag is een stad", None),
    (parse_vastgesteld, "Vastgesteld 18 januari 1983", "18 januari 1983"),
    (parse_vastgesteld, "Vastgesteld is dat", None),
    (parse_addressee_line, "Aan de Minister van Justitie en Veiligheid",
     "Minister van Justitie en Veiligheid"),
    (parse_addressee_line, "Aan de Staatssecretaris van Financiën", "Staatssecretaris van Financiën"),
    (parse_addressee_line, "Aan de orde is het wetsvoorstel", None),
    (is_chair_line, "De voorzitter van de vaste commissie voor Immigratie & Asiel / JBZ-Raad,", True),
    (is_chair_line, "De griffier van de commissie,", True),
    (is_chair_line, "De voorzitter van de commissie heeft de brief gestuurd.", False),
])
def test_metadata_lines(func, line, expected):
    assert func(line) == expected


def test_vastgesteld_is_the_datum_when_there_is_no_other():
    text = ("Vastgesteld 18 januari 1983\n\nAan de Minister van Justitie\n\n"
            "De leden van de fractie van het C.D.A. vragen of dat klopt.\n")
    letter = read_text(text, "x.txt")
    assert letter.datum.isoformat() == "1983-01-18"
    assert letter.addressee_function == "Minister van Justitie"
    assert [q.fracties for q in letter.questions] == [("CDA",)]


# ============================================================== nothing dropped, damaged

NEW_FORMS = {"html_copy": HTML_COPY, "items": ITEMS, "prose": PROSE, "plain_headings": PLAIN_HEADINGS}


@pytest.mark.parametrize("name", sorted(NEW_FORMS))
def test_new_forms_fully_accounted(name):
    text = NEW_FORMS[name]
    assert account(read_text(text, f"{name}.txt"), text) == []


def test_damaged_new_forms_never_crash_and_lose_nothing():
    """The accounting invariant on the new forms, damaged: lines deleted, shuffled or
    repeated, and furniture, note lines, glued digits and fractie headings inserted."""
    from test_reader_accounting import _mutations

    inserts = ["\n\n", "\nEerste Kamer, vergaderjaar 2025–2026, 30 573, J  3\n", "\n7\n",
               "\nNoten\n", "\n2 Idem, p. 5.\n", "brief3 ", "media12", "\n1. Hoe? 2. Wat?\n",
               "\nVragen en opmerkingen van de leden van de C.D.A.-fractie\n", "\nPS: Waarom?\n",
               "\nDe voorzitter van de vaste commissie voor Financiën,\n", "\n3 Hoe dan?\n"]
    failures = []
    for i, text in enumerate(_mutations(300, 20251103, list(NEW_FORMS.values()), inserts)):
        letter = read_text(text, f"damaged-{i}.txt")
        acc = account(letter, text)
        if acc:
            failures.append((i, acc[:5]))
        assert all("\n" not in str(w) for w in letter.warnings)
    assert failures == []
