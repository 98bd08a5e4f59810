"""Verslagen written for the tests, in both published forms: officielebekendmakingen
kamerstuk XML and the text a user copies from the HTML page.

One description (:data:`SCHRIFTELIJK_OVERLEG`, :data:`VOORLOPIG_VERSLAG`,
:data:`MEMORIE_VAN_ANTWOORD`) is rendered by :func:`to_xml` and :func:`to_text`, so the
two forms hold the same words, notes and structure. The texts are written for these tests
(in the style of kst-30573-J), not copied from any publication.

Blocks of a body:

- ``("p", parts)``: a paragraph; ``parts`` are strings and ``Note(number, body)``
  (the marker stands where the note stands);
- ``("h", title)``: a heading (``divisie/kop/titel``; a plain line in the text form);
- ``("brief", title)``: ``BRIEF VAN ...``: a letter starts;
- ``("li", number, parts, [(letter, parts), ...])``: a numbered item with sub-items;
- ``("sign", [function, name])``: the signature (``ondertekening``).
"""
from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Note:
    number: int
    body: str


@dataclass
class Stuk:
    chamber: str  # "Eerste Kamer der Staten-Generaal"
    vergaderjaar: str  # "2025–2026"
    dossier: str  # "30 573"
    dossier_title: str
    ondernummer: str  # "Q"
    title: str  # "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG"
    dated: tuple[str, str, str]  # ("Vastgesteld", "2026-02-03", "3 februari 2026")
    body: list


COMMITTEE = "vaste commissie voor Immigratie &amp; Asiel / JBZ-Raad".replace("&amp;", "&")
SAMENSTELLING = Note(1, "Samenstelling: Kox (SP), Van Hattem (PVV), Dittrich (D66) (voorzitter), "
                        "Karimi (GroenLinks-PvdA), Van Toorenburg (CDA) (ondervoorzitter), "
                        "Nanninga (JA21)")

#: A verslag van een schriftelijk overleg: preamble, the committee's letter (three fractie
#: sections: a joint one, "CDA-fractie", the PVV), the minister's reply.
SCHRIFTELIJK_OVERLEG = Stuk(
    "Eerste Kamer der Staten-Generaal", "2025–2026", "30 573", "Migratiebeleid", "Q",
    "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", ("Vastgesteld", "2026-02-03", "3 februari 2026"), [
        ("p", [f"De leden van de {COMMITTEE}", SAMENSTELLING,
               " hebben kennisgenomen van de brief van de Minister van Asiel en Migratie van "
               "14 november 2025 inzake de Staat van Migratie 2025.",
               Note(2, "Kamerstukken I 2025/26, 30 573, P.")]),
        ("p", ["Naar aanleiding hiervan is op 9 december 2025 een brief gestuurd aan de Minister "
               "van Asiel en Migratie."]),
        ("p", ["De Minister heeft op 30 januari 2026 gereageerd."]),
        ("p", ["De commissie brengt bij dezen verslag uit van het door haar gevoerde schriftelijk "
               "overleg."]),
        ("sign", ["De griffier voor dit verslag,", "De Boer"]),
        ("brief", "BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE VOOR IMMIGRATIE & ASIEL / JBZ-RAAD"),
        ("p", ["Aan de Minister van Asiel en Migratie"]),
        ("p", ["Den Haag, 9 december 2025"]),
        ("p", [f"De leden van de {COMMITTEE} hebben met belangstelling kennisgenomen van de Staat "
               "van Migratie 2025. Zij hebben naar aanleiding hiervan nog enkele vragen."]),
        ("h", "Vragen en opmerkingen van de leden van de fractie van GroenLinks-PvdA, mede namens "
              "de leden van de fractie van de SP"),
        ("p", ["De leden van de fracties van GroenLinks-PvdA en de SP lezen in de Staat van Migratie dat de "
               "instroom van asielzoekers in 2025 is gedaald.",
               Note(3, "Kamerstukken I 2025/26, 30 573, P, bijlage, p. 12."),
               " Kan de regering aangeven welk deel van deze daling zij toeschrijft aan het eigen "
               "beleid?"]),
        ("li", "1", ["Welke maatregelen neemt de regering om de doorlooptijden bij de IND te "
                     "verkorten?", Note(4, "Kamerstukken II 2024/25, 19 637, nr. 3301.")], []),
        ("li", "2", ["Kan de regering per maatregel aangeven:"],
         [("a", ["wat de verwachte kosten zijn;"]),
          ("b", ["wanneer de maatregel in werking treedt?"])]),
        ("li", "3", ["Hoe verhoudt het voorstel zich tot de uitspraak van de Raad van State?",
                     Note(5, "Idem, p. 7.")], []),
        ("h", "Vragen en opmerkingen van de leden van de CDA-fractie"),
        ("p", ["De leden van de CDA-fractie hebben met zorg kennisgenomen van de wachttijden in de "
               "opvang.", Note(6, "Kamerstukken II 2025/26, 36 600 VI, nr. 12."),
               " Deze leden vragen de regering of zij kan toelichten hoe de spreidingswet hierbij "
               "helpt."]),
        ("p", ["Is de regering bereid de Kamer voor de zomer te informeren over de uitkomsten?"]),
        ("h", "Vragen en opmerkingen van de leden van de fractie van de PVV"),
        ("p", ["De leden van de PVV-fractie wijzen op het advies van de Afdeling advisering van de "
               "Raad van State.", Note(7, "Kamerstukken I 2024/25, 36 457, C, p. 4.")]),
        ("p", ["Deze leden vragen de regering waarom zij dit advies niet heeft gevolgd."]),
        ("p", [f"De leden van de {COMMITTEE} zien de beantwoording van de vragen met belangstelling "
               "tegemoet en ontvangen deze graag binnen vier weken na dagtekening van deze brief."]),
        ("sign", [f"De voorzitter van de {COMMITTEE},", "E.J. Dittrich"]),
        ("brief", "BRIEF VAN DE MINISTER VAN ASIEL EN MIGRATIE"),
        ("p", [f"Aan de Voorzitter van de {COMMITTEE}"]),
        ("p", ["Den Haag, 30 januari 2026"]),
        ("p", ["Hierbij beantwoord ik de vragen van de leden van de commissie uit uw brief van "
               "9 december 2025.", Note(8, "Kamerstukken I 2025/26, 30 573, Q.")]),
        ("p", ["De daling van de instroom is voor een deel het gevolg van het beleid van de "
               "afgelopen jaren en voor een deel van ontwikkelingen buiten Nederland."]),
        ("sign", ["De Minister van Asiel en Migratie,", "M.H. Faber-van de Klashorst"]),
    ])

#: A voorlopig verslag: one committee letter, questions per fractie without numbering.
VOORLOPIG_VERSLAG = Stuk(
    "Eerste Kamer der Staten-Generaal", "2025–2026", "36 611", "Wijziging van de Wet inburgering",
    "B", "VOORLOPIG VERSLAG VAN DE VASTE COMMISSIE VOOR SOCIALE ZAKEN EN WERKGELEGENHEID",
    ("Vastgesteld", "2026-03-17", "17 maart 2026"), [
        ("p", ["Het wetsvoorstel heeft de leden van de vaste commissie voor Sociale Zaken en "
               "Werkgelegenheid", Note(1, "Samenstelling: Kox (SP), Van Rooijen (50PLUS) "
                                         "(voorzitter), Bezaan (PVV)"),
               " aanleiding gegeven tot het maken van de volgende opmerkingen en het stellen van "
               "de volgende vragen."]),
        ("h", "Vragen en opmerkingen van de leden van de fractie van 50PLUS"),
        ("p", ["De leden van de fractie van 50PLUS hebben kennisgenomen van het wetsvoorstel.",
               Note(2, "Kamerstukken II 2025/26, 36 611, nr. 3, p. 9.")]),
        ("p", ["Deze leden vragen de regering hoe de gemeenten de nieuwe taken gaan bekostigen."]),
        ("p", ["Waarom is niet gekozen voor een overgangstermijn van twee jaar?"]),
        ("h", "Vragen en opmerkingen van de leden van de PVV-fractie"),
        ("p", ["De leden van de PVV-fractie vragen de regering of de Raad van State de "
               "wijziging heeft getoetst.", Note(3, "Idem, p. 14.")]),
        ("p", ["De leden van de vaste commissie zien de beantwoording met belangstelling "
               "tegemoet."]),
        ("sign", ["De voorzitter van de commissie,", "Van Rooijen"]),
    ])

#: A memorie van antwoord: one reply.
MEMORIE_VAN_ANTWOORD = Stuk(
    "Eerste Kamer der Staten-Generaal", "2025–2026", "36 611", "Wijziging van de Wet inburgering",
    "C", "MEMORIE VAN ANTWOORD", ("Ontvangen", "2026-04-14", "14 april 2026"), [
        ("p", ["De regering dankt de leden van de fracties van 50PLUS en de PVV voor hun vragen "
               "bij het wetsvoorstel.", Note(1, "Kamerstukken I 2025/26, 36 611, B.")]),
        ("h", "Vragen en opmerkingen van de leden van de fractie van 50PLUS"),
        ("p", ["Waarom is niet gekozen voor een overgangstermijn van twee jaar?"]),
        ("p", ["Een overgangstermijn van twee jaar zou de invoering onnodig vertragen."]),
        ("sign", ["De Minister van Sociale Zaken en Werkgelegenheid,", "Y.J. van Hijum"]),
    ])


def _notes(parts) -> list[Note]:
    return [p for p in parts if isinstance(p, Note)]


# ------------------------------------------------------------------ the text form


def to_text(stuk: Stuk, sup_markers: bool = False) -> str:
    """The text as copied from the HTML page: header lines, paragraphs separated by
    blank lines, note markers glued to the word before them, the notes at the end.
    ``sup_markers`` writes the markers as ``<sup>n</sup>`` (the same words, for the
    accounting check: ``JBZ-Raad1`` is the word ``Raad`` and the marker ``1``)."""
    out = [stuk.chamber, f"Vergaderjaar {stuk.vergaderjaar}", stuk.dossier, stuk.dossier_title,
           stuk.ondernummer, stuk.title, f"{stuk.dated[0]} {stuk.dated[2]}", ""]
    notes: list[Note] = []

    def inline(parts) -> str:
        s = ""
        for p in parts:
            if isinstance(p, Note):
                s += f"<sup>{p.number}</sup>" if sup_markers else str(p.number)
                notes.append(p)
            else:
                s += p
        return s

    for block in stuk.body:
        kind = block[0]
        if kind == "p":
            out += [inline(block[1]), ""]
        elif kind in ("h", "brief"):
            out += [block[1], ""]
        elif kind == "li":
            out.append(f"{block[1]}. {inline(block[2])}")
            for letter, parts in block[3]:
                out.append(f"{letter}. {inline(parts)}")
            out.append("")
        elif kind == "sign":
            out += block[1] + [""]
    for n in notes:
        out.append(f"{n.number} {n.body}")
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ the XML form


def _x(text: str) -> str:
    return escape(text)


def to_xml(stuk: Stuk) -> str:
    """The officielebekendmakingen kamerstuk XML: letters in ``divisie`` elements, fractie
    sections nested ``divisie/kop/titel``, items in ``lijst/li``, notes inline."""

    def inline(parts) -> str:
        s = ""
        for p in parts:
            if isinstance(p, Note):
                s += (f'<noot id="ID-{p.number}" type="voet"><noot.nr>{p.number}</noot.nr>'
                      f"<noot.al>{_x(p.body)}</noot.al></noot>")
            else:
                s += _x(p)
        return s

    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<officiele-publicatie xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
             "<kamerstuk>",
             f'<kamerstukkop><kamer nummer="{1 if stuk.chamber.startswith("Eerste") else 2}">'
             f"{stuk.chamber}</kamer>",
             f"<vergaderjaar>Vergaderjaar {stuk.vergaderjaar}</vergaderjaar></kamerstukkop>",
             f"<dossier><dossiernummer><dossiernr>{stuk.dossier.replace(' ', '')}</dossiernr>"
             f"</dossiernummer>",
             f"<titel>{_x(stuk.dossier_title)}</titel></dossier>",
             f"<stuk><stuknr><ondernummer>{stuk.ondernummer}</ondernummer></stuknr>",
             f"<titel>{_x(stuk.title)}</titel>",
             f'<datumtekst>{stuk.dated[0]} <datum isodatum="{stuk.dated[1]}">{stuk.dated[2]}'
             f"</datum></datumtekst>"]
    open_letter = open_section = False
    general = True
    lines.append("<algemeen>")
    for block in stuk.body:
        kind = block[0]
        if kind == "brief":
            if open_section:
                lines.append("</divisie>")
                open_section = False
            if open_letter:
                lines.append("</divisie>")
            if general:
                lines.append("</algemeen>")
                general = False
            lines.append(f"<divisie><kop><titel>{_x(block[1])}</titel></kop>")
            open_letter = True
        elif kind == "h":
            if general:
                lines.append("</algemeen>")
                general = False
            if open_section:
                lines.append("</divisie>")
            lines.append(f"<divisie><kop><titel>{_x(block[1])}</titel></kop>")
            open_section = True
        elif kind == "p":
            lines.append(f"<al>{inline(block[1])}</al>")
        elif kind == "li":
            sub = ""
            if block[3]:
                sub = "<lijst type=\"expliciet\">" + "".join(
                    f"<li><li.nr>{letter}.</li.nr><al>{inline(parts)}</al></li>"
                    for letter, parts in block[3]) + "</lijst>"
            lines.append(f'<lijst type="expliciet"><li><li.nr>{block[1]}.</li.nr>'
                         f"<al>{inline(block[2])}</al>{sub}</li></lijst>")
        elif kind == "sign":
            if open_section:
                lines.append("</divisie>")
                open_section = False
            lines.append("<ondertekening>" + "".join(f"<al>{_x(x)}</al>" for x in block[1])
                         + "</ondertekening>")
    if open_section:
        lines.append("</divisie>")
    if open_letter:
        lines.append("</divisie>")
    if general:
        lines.append("</algemeen>")
    lines += ["</stuk>", "</kamerstuk>", "</officiele-publicatie>"]
    return "\n".join(lines) + "\n"


ALL = {"schriftelijk-overleg": SCHRIFTELIJK_OVERLEG, "voorlopig-verslag": VOORLOPIG_VERSLAG,
       "memorie-van-antwoord": MEMORIE_VAN_ANTWOORD}
