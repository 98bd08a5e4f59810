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


@pytest.mark.parametrize("text,kind,expected", [
    ("Kan de regering aangeven:\na. hoeveel fte er nodig is;\nb. wanneer?", "item", 1),
    ("Zie p. 5. Kan de regering dit toelichten? Deze leden vragen of dat klopt.", "text", 2),
    ("- Hoe ziet de regering dit?\n- Wat kost het?\n- Zie de bijlage.", "list", 2),
    ("De leden stellen de vraag waarom de regering dit doet.", "text", 1),
    ("Deze leden willen weten of de regering dit steunt.", "text", 1),
    ("Deze leden verzoeken de regering aan te geven welke middelen er zijn.", "text", 1),
    ("Kan de regering dit toelichten?", "intro", 0),
])
def test_question_spans(text, kind, expected):
    assert len(question_spans(text, kind)) == expected
