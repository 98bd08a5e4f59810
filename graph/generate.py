"""A seeded, deterministic generator of realistic committee letters, with their gold.

Why: users point kamerxref at tens of thousands of letters, and accuracy measured on two
seeds says little about that. This module writes letters in the text format of the two
bundled seeds (``data/*.txt``: markdown converted from the PDF), at any size, and records
beside each letter what a perfect reader, citation engine and attribution would find
(DESIGN §1-§3). The benchmarks (``benchmarks/run.py``) and the accuracy test
(``tests/test_generate.py``) compare the pipeline's output with that gold.

What the letters contain, as in the seeds:

* the letterhead of either chamber, ``datum 23 juni 2026`` / ``betreft ...`` /
  ``ons kenmerk 181524``, addressee, salutation;
* an introduction naming the fracties (``De leden van de fractie van **D66** wensen u
  hierover enkele vragen te stellen.``) with letter-level footnotes;
* fractie sections (single, joint ``van de fracties van Volt en de PvdD``, ``mede namens``,
  Tweede Kamer style ``de leden van de VVD-fractie``) or no fractie headings at all (seed
  002), topic subsections (``#### *Europese samenwerking*``), numbered items (``1.`` ...,
  sometimes indented ``  5.``) and prose with direct (``?``) and indirect questions
  (``Deze leden vragen de regering of zij kan aangeven hoe ...``), bullet lists that end in
  ``?``, and statement lists that do not;
* page breaks that repeat the header block (``datum`` / ``ons kenmerk`` / ``blad N``) and
  split paragraphs and numbered items mid-sentence (``... gepoogd wordt
  samenwerkingsverbanden`` | ``aan te gaan? ...``), sometimes with the stray ``- `` that PDF
  conversion leaves before the continuation of an item (seed 000, item 3);
* footnote bodies at the bottom of each page, after ``---`` or not, drawn from every
  citation form of DESIGN §2, with ``Idem`` chains (``Idem, p. 18.``, ``*Idem.*``),
  ``Ibid.``, ``Zie noot 4.``, multi-citation footnotes and markdown/link residue
  (``*Kamerstukken I 2025/26*``, ``E dossier [E260010](#).``);
* the closing request with the answer term (``binnen **vier weken** na dagtekening van deze
  brief``) and the signature of the chair.

Determinism: letter ``i`` of seed ``s`` is drawn from ``random.Random(s * 1_000_003 + i)``
only, so the same seed gives byte-identical files, letters can be generated in any order,
and one letter can be regenerated alone (:func:`generate_letter`).

The gold (one JSON object per letter in ``gold.jsonl``) holds what the letter must yield:
metadata, fracties, questions (total, per fractie, numbered item numbers, and per question
the cited node ids with their ``how`` per DESIGN §3), footnotes with their expected
citations (kind, canonical document id, dossier, part, pages), letter-level cites and
``about``. :func:`score_letter` / :func:`score_corpus` compare pipeline output with it.

CLI-free entry::

    python -m kamerxref.graph.generate OUT N [--seed S]
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "GeneratedLetter", "generate_letter", "write_corpus", "read_gold", "citation_targets",
    "score_letter", "score_corpus", "CITATION_FORMS", "main",
]

# ============================================================================ vocabulary
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
WEEK_WORDS = {2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 8: "acht"}

#: Fracties as the chambers write them, with the article used after "de fractie van".
EK_FRACTIES = (("VVD", "de "), ("BBB", ""), ("GroenLinks-PvdA", ""), ("CDA", "het "),
               ("D66", ""), ("PVV", "de "), ("SP", "de "), ("ChristenUnie", "de "),
               ("JA21", ""), ("Volt", ""), ("PvdD", "de "), ("SGP", "de "), ("FVD", ""),
               ("OPNL", ""), ("50PLUS", ""))
TK_FRACTIES = (("PVV", "de "), ("GroenLinks-PvdA", ""), ("VVD", "de "), ("NSC", ""),
               ("D66", ""), ("BBB", ""), ("CDA", "het "), ("SP", "de "), ("DENK", ""),
               ("PvdD", "de "), ("ChristenUnie", "de "), ("SGP", "de "), ("Volt", ""),
               ("JA21", ""), ("FVD", ""))
ARTICLE = dict(EK_FRACTIES) | dict(TK_FRACTIES)

SURNAMES = ("van den Brink", "de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit",
            "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
            "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf",
            "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
            "van den Berg", "van der Heijden", "Koster", "Prins", "Huisman", "Kuipers")
INITIALS = "ABCDEFGHJKLMNPRSTW"


@dataclass(frozen=True)
class Domain:
    """A policy field: the committee, its minister and the words its letters use."""

    committee: str  # "Immigratie en Asiel/JBZ-Raad" (after "vaste commissie voor ")
    abbr: str
    minister: str  # "Minister van Asiel en Migratie"
    topics: tuple[str, ...]
    things: tuple[str, ...]
    subjects: tuple[str, ...]  # betreft lines
    source: str  # the report or body the letter discusses ("Clingendael")


DOMAINS = (
    Domain("Immigratie en Asiel/JBZ-Raad", "I&A/JBZ", "Minister van Asiel en Migratie",
           ("Europese samenwerking", "Financiële onderbouwing", "Opvang in de regio",
            "Mensenrechten en toezicht", "Democratische controle", "Terugkeerbeleid",
            "Arbeids- en talentmigratie", "Digitalisering en grensbeheer"),
           ("de terugkeerhubs", "het non-refoulementbeginsel", "de opvang in de regio",
            "het Europees asiel- en migratiepact", "de grensprocedure",
            "de samenwerking met derde landen", "het veilig-derde-landconcept",
            "de gezinshereniging", "de rechtsbijstand voor asielzoekers",
            "het toezicht op mensenrechten", "de Dublinoverdrachten"),
           ("Kabinetsappreciatie onderzoeksrapport Clingendael",
            "Europese strategie voor asiel- en migratiebeheer",
            "Uitvoering van het Migratiepact", "Terugkeer en vreemdelingenbewaring"),
           "Clingendael"),
    Domain("Justitie en Veiligheid", "J&V", "Minister van Justitie en Veiligheid",
           ("Capaciteit in het gevangeniswezen", "Slachtofferrechten", "Georganiseerde criminaliteit",
            "Digitale opsporing", "Rechtsbijstand", "Doorlooptijden"),
           ("de capaciteit van het gevangeniswezen", "de positie van slachtoffers",
            "de aanpak van ondermijning", "de digitale opsporing", "de gesubsidieerde rechtsbijstand",
            "de doorlooptijden in de strafrechtketen", "de reclassering",
            "de bescherming van persoonsgegevens", "de politiecapaciteit"),
           ("Voortgangsbrief strafrechtketen", "Wetsvoorstel versterking slachtofferrechten",
            "Beleidsreactie evaluatie Wet politiegegevens"),
           "de Raad voor de rechtspraak"),
    Domain("Europese Zaken", "EUZA", "Minister van Buitenlandse Zaken",
           ("Uitbreiding van de Unie", "Rechtsstaat", "Meerjarig financieel kader",
            "Besluitvorming met gekwalificeerde meerderheid", "Strategische autonomie"),
           ("het meerjarig financieel kader", "de rechtsstaatprocedure",
            "de uitbreiding van de Europese Unie", "de besluitvorming met gekwalificeerde meerderheid",
            "de Europese defensie-industrie", "het herstelinstrument",
            "de nationale nettobijdrage", "het subsidiariteitsbeginsel"),
           ("Staat van de Unie", "Geannoteerde agenda Raad Algemene Zaken",
            "Kabinetsappreciatie Commissiewerkprogramma"),
           "de Raad van State"),
    Domain("Financiën", "FIN", "Minister van Financiën",
           ("Fiscale regelingen", "Toeslagen", "Begrotingsregels", "Toezicht op banken"),
           ("de herziening van het toeslagenstelsel", "de Europese begrotingsregels",
            "de box 3-heffing", "het toezicht op banken", "de fiscale regelingen",
            "de hersteloperatie toeslagen", "de staatsschuld"),
           ("Voorjaarsnota", "Fiscale beleids- en uitvoeringsagenda", "Evaluatie begrotingsregels"),
           "de Algemene Rekenkamer"),
    Domain("Volksgezondheid, Welzijn en Sport", "VWS", "Minister van Volksgezondheid, Welzijn en Sport",
           ("Arbeidsmarkt in de zorg", "Pandemische paraatheid", "Geneesmiddelen", "Jeugdzorg"),
           ("de pandemische paraatheid", "de arbeidsmarkt in de zorg", "de beschikbaarheid van geneesmiddelen",
            "de jeugdzorg", "de eigen bijdrage", "de regionale samenwerking in de zorg",
            "de toegankelijkheid van de huisartsenzorg"),
           ("Wijziging van de Wet publieke gezondheid", "Hoofdlijnenbrief zorg",
            "Europese ruimte voor gezondheidsgegevens"),
           "het RIVM"),
    Domain("Klimaat en Groene Groei", "KGG", "Minister van Klimaat en Groene Groei",
           ("Netcongestie", "Energietransitie", "Waterstof", "Klimaatdoelen"),
           ("de netcongestie", "de energietransitie", "de productie van groene waterstof",
            "het klimaatfonds", "de salderingsregeling", "de CO2-heffing voor de industrie",
            "de warmtetransitie"),
           ("Klimaat- en Energienota", "Voortgang netcongestie", "Europese klimaatdoelen 2040"),
           "het Planbureau voor de Leefomgeving"),
    Domain("Digitalisering", "DIGI", "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
           ("Algoritmen bij de overheid", "Digitale autonomie", "Cyberveiligheid"),
           ("het algoritmeregister", "de digitale autonomie", "de cyberveiligheid van de overheid",
            "de AI-verordening", "de digitale identiteit", "het gebruik van clouddiensten"),
           ("Werkagenda waardengedreven digitaliseren", "Kabinetsvisie op algoritmen",
            "Implementatie van de AI-verordening"),
           "de Autoriteit Persoonsgegevens"),
    Domain("Defensie", "DEF", "Minister van Defensie",
           ("Personeel", "Materieel", "Europese defensiesamenwerking"),
           ("de werving van personeel", "de verwerving van materieel", "de Europese defensiesamenwerking",
            "de steun aan Oekraïne", "de munitievoorraden", "de NAVO-norm"),
           ("Defensienota", "Voortgangsrapportage materieelprojecten", "Steun aan Oekraïne"),
           "de Adviesraad Internationale Vraagstukken"),
)

PREDICATES = ("onder druk staat", "de komende jaren verder wordt uitgebreid",
              "pas na afloop van de pilot wordt geëvalueerd", "in de praktijk tot knelpunten leidt",
              "mede afhankelijk is van {thing2}", "voldoende is geborgd", "meer tijd vraagt dan voorzien",
              "structureel wordt gefinancierd", "in Europees verband wordt besproken",
              "gevolgen heeft voor {thing2}", "nog niet volledig is uitgewerkt")
STATEMENTS = ("De regering geeft aan dat {claim}.", "In de brief stelt de regering dat {claim}.",
              "{Leden} constateren dat {claim}.", "{Leden} lezen dat {claim}.",
              "Uit het rapport van {source} blijkt dat {claim}.",
              "{Leden} hechten veel belang aan {thing}.",
              "{Source} concludeert dat {claim}.", "De regering erkent dat {claim}.")
DIRECT = ("Kan de regering aangeven {wh}?", "Hoe beoordeelt de regering {thing}?",
          "Welke maatregelen neemt de regering om {goal}?", "Is de regering bereid {action}?",
          "Op welke wijze wordt {thing} gewaarborgd?", "Wat is de stand van zaken rond {thing}?",
          "Deelt de regering de opvatting dat {claim}?", "Kan de regering toelichten waarom {claim}?",
          "Wanneer verwacht de regering dat {claim}?", "Welke rol ziet de regering voor {source} bij {thing}?")
INDIRECT = ("{Leden} vragen de regering of zij kan aangeven {wh}.",
            "{Leden} vragen of de regering bereid is {action}.",
            "{Leden} vragen de regering hoe zij {thing} beoordeelt.",
            "{Leden} vragen de regering verder welke gevolgen {thing} heeft voor {thing2}.")
WH = ("hoe {claim}", "welke gevolgen {thing} heeft voor {thing2}", "wanneer {thing} wordt afgerond",
      "in hoeverre {claim}", "welke middelen voor {thing} beschikbaar zijn")
GOALS = ("{thing} te verbeteren", "de uitvoering van {thing} te versterken",
         "knelpunten bij {thing} weg te nemen")
ACTIONS = ("de Kamer periodiek te informeren over {thing}", "een evaluatie van {thing} te laten uitvoeren",
           "in Europees verband te pleiten voor een herziening van {thing}",
           "de Kamer voorafgaand aan de besluitvorming te informeren over {thing}")
BULLET_INTROS = ("Kan de regering aangeven welke middelen zij verwacht nodig te hebben voor:",
                 "Kan de regering per onderdeel toelichten hoe zij omgaat met:",
                 "Wie beoordeelt in die situaties of daadwerkelijk wordt voldaan aan de eisen voor:",
                 "Is de regering bereid de Kamer een overzicht te sturen van:")
STATEMENT_LIST_INTROS = ("Deze leden wijzen in dit verband op:",
                         "De regering noemt daarbij de volgende onderdelen:")
ANNOUNCE = ("{Leden} hebben de volgende vragen voor de regering.",
            "{Leden} hebben hierover nog enkele vragen.",
            "{Leden} hebben met belangstelling kennisgenomen van de brief en hebben daarover de volgende vragen.")
INTRO_ANNOUNCE = ("{Leden} wensen u hierover enkele vragen te stellen.",
                  "{Leden} hebben de regering tevens enkele vragen te stellen.",
                  "{Leden} wensen de regering eveneens een aantal vragen voor te leggen.",
                  "{Leden} leggen naar aanleiding hiervan graag de navolgende vragen aan u voor.")

# ============================================================================ citations
#: Every citation form of DESIGN §2 the generator writes, with its weight among the
#: "other" sources of a footnote (the letter's own main document is cited besides these).
CITATION_FORMS = (
    ("kst-ek", 8), ("kst-tk", 8), ("kst-tk-hyphen", 3), ("kst-tk-noyear", 3),
    ("kst-tk-suffix", 3), ("kst-tk-subdossier", 3), ("kst-tk-nrs", 3),
    ("handelingen-item", 4), ("handelingen-page", 2), ("aanhangsel", 3),
    ("stb", 3), ("stcrt", 3), ("trb", 2), ("com", 4), ("swd", 2), ("join", 1),
    ("celex", 2), ("verordening", 3), ("edossier", 3), ("ecli-nl", 3), ("ecli-eu", 2),
)
_FORM_NAMES = tuple(f for f, _ in CITATION_FORMS)
_FORM_CUM = []
_acc = 0
for _f, _w in CITATION_FORMS:
    _acc += _w
    _FORM_CUM.append(_acc)
_FORM_TOTAL = _acc
#: Short forms and special footnotes, recorded in the gold as ``form``.
SHORT_FORMS = ("idem", "idem-page", "ibid", "zie-noot", "multi", "no-citation")

#: Words a footnote marker never follows (``de<sup>2</sup> regering`` reads wrong), and
#: the words that start a new phrase, before which a marker may stand
#: (``... van de nationale nettobijdrage<sup>2</sup> voor ...``).
_STOP = frozenset("de het een van voor bij op om te dat of in met aan en zij kan is wordt "
                  "welke wat hoe deelt pas na rond waarom wijze gevolgen middelen weg".split())
_BOUNDARY = frozenset("de het dat voor bij om in met aan en te heeft wordt beschikbaar "
                      "gewaarborgd beoordeelt".split())
_ROMAN = ("IV", "VI", "VII", "VIII", "IX", "X", "XII", "XIII", "XV", "XVI")
_ECLI_NL = ("HR", "RVS", "CRVB", "RBDHA", "GHAMS", "CBB")
_ECLI_COURT_WORD = {"HR": "HR", "RVS": "ABRvS", "CRVB": "CRvB", "RBDHA": "Rb. Den Haag",
                    "GHAMS": "Hof Amsterdam", "CBB": "CBb"}


def _cit(kind: str, document: str, dossier: str | None = None, part: str | None = None,
         pages: tuple[int, ...] = (), following: bool = False, form: str = "") -> dict:
    """A gold citation; keys that would be empty are left out to keep ``gold.jsonl`` small
    (read them with ``.get``): ``dossier``, ``part``, ``pages``, ``following`` (``e.v.``),
    ``short_form`` (``Idem``/``Ibid.``/``zie noot``), ``resolved_from``, ``ambiguous``."""
    c = {"kind": kind, "document": document, "form": form}
    if dossier:
        c["dossier"] = dossier
    if part:
        c["part"] = part
    if pages:
        c["pages"] = list(pages)
    if following:
        c["following"] = True
    return c


def citation_targets(c: dict) -> list[str]:
    """The graph node ids a gold citation points at (DESIGN §4/§5): one per page, else the
    part, else the document. ``kst-36871-O`` + ``bijlage`` + ``[40]`` ->
    ``["kst-36871-O/bijlage/p40"]``."""
    base = f"{c['document']}/{c['part']}" if c.get("part") else c["document"]
    if c.get("pages"):
        return [f"{base}/p{p}" for p in c["pages"]]
    return [base]


def _vj(year: int, rng: random.Random) -> tuple[str, str]:
    """A vergaderjaar as printed and normalised: ``2025/26`` (or ``2025-2026``), ``20252026``."""
    if rng.random() < 0.1:
        return f"{year}-{year + 1}", f"{year}{year + 1}"
    return f"{year}/{(year + 1) % 100:02d}", f"{year}{year + 1}"


def _spaced(dossier: int, rng: random.Random, always: bool = False) -> str:
    s = str(dossier)
    if always or rng.random() < 0.6:
        return f"{s[:2]} {s[2:]}"
    return s


def _pages(rng: random.Random, lo: int = 1, hi: int = 60) -> tuple[str, tuple[int, ...], bool]:
    """``, p. 40`` / ``, p. 2-3`` / ``, p. 12 en 13`` / ``, blz. 7`` / ``, p. 40 e.v.``."""
    p = rng.randint(lo, hi)
    r = rng.random()
    if r < 0.62:
        return f", p. {p}", (p,), False
    if r < 0.74:
        return f", p. {p}{_pick(rng, '-–')}{p + 1}", (p, p + 1), False
    if r < 0.82:
        return f", p. {p} en {p + 1}", (p, p + 1), False
    if r < 0.92:
        return f", blz. {p}", (p,), False
    return f", p. {p} e.v.", (p,), True


def _em(text: str, rng: random.Random, p: float = 0.25) -> str:
    return f"*{text}*" if rng.random() < p else text


def _build_form(form: str, rng: random.Random, year: int) -> tuple[str, list[dict]]:
    """One full citation of ``form``: its text (no final period) and gold citation(s)."""
    y = rng.randint(max(2008, year - 8), year)
    if form == "kst-ek":
        d = rng.randint(32000, 36950)
        letter = _pick(rng, ("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "M", "N", "O", "P",
                             "Q", "R", "S", "T", "U", "X", "Y", "Z", "AA", "AB", "PY", "QA"))
        vj, _ = _vj(y, rng)
        txt = f"{_em(f'Kamerstukken I {vj}', rng)}, {_spaced(d, rng, True)}, {letter}"
        part = None
        if rng.random() < 0.25:
            txt += ", bijlage"
            part = "bijlage"
        pages, following = (), False
        if rng.random() < 0.7:
            ptxt, pages, following = _pages(rng)
            txt += ptxt
        return txt, [_cit("kamerstuk", f"kst-{d}-{letter}", str(d), part, pages, following, form)]
    if form in ("kst-tk", "kst-tk-noyear", "kst-tk-hyphen"):
        d = rng.randint(21000, 36950)
        nr = rng.randint(1, 1400)
        vj, _ = _vj(y, rng)
        if form == "kst-tk":
            txt = f"{_em(f'Kamerstukken II {vj}', rng)}, {_spaced(d, rng)}, nr. {nr}"
        elif form == "kst-tk-noyear":
            txt = f"Kamerstuk II {d}, nr. {nr}"
        else:
            txt = f"Kamerstuk {d}-{nr}"
        pages, following = (), False
        if form != "kst-tk-hyphen" and rng.random() < 0.5:
            ptxt, pages, following = _pages(rng)
            txt += ptxt
        return txt, [_cit("kamerstuk", f"kst-{d}-{nr}", str(d), None, pages, following, form)]
    if form == "kst-tk-suffix":  # 36 200 VI, nr. 19 / Kamerstuk 35925-VI-56
        d = rng.randint(34000, 36700)
        suf = _pick(rng, _ROMAN)
        nr = rng.randint(1, 140)
        vj, _ = _vj(y, rng)
        r = rng.random()
        if r < 0.4:
            txt = f"Kamerstukken II {vj}, {_spaced(d, rng, True)} {suf}, nr. {nr}"
        elif r < 0.7:
            txt = f"Kamerstukken II {vj}, {_spaced(d, rng, True)}-{suf}, nr. {nr}"
        else:
            txt = f"Kamerstuk {d}-{suf}-{nr}"
        return txt, [_cit("kamerstuk", f"kst-{d}-{suf}-{nr}", f"{d}-{suf}", None, (), False, form)]
    if form == "kst-tk-subdossier":  # 21 501-02, nr. 1855
        d = _pick(rng, (21501, 29544, 32317, 22112))
        sub = rng.randint(1, 34)
        nr = rng.randint(100, 2999)
        vj, _ = _vj(y, rng)
        txt = f"Kamerstukken II {vj}, {_spaced(d, rng, True)}-{sub:02d}, nr. {nr}"
        return txt, [_cit("kamerstuk", f"kst-{d}-{sub:02d}-{nr}", f"{d}-{sub:02d}", None, (), False, form)]
    if form == "kst-tk-nrs":  # nrs. 520 en 548
        d = rng.randint(25000, 36900)
        a = rng.randint(10, 900)
        b = a + rng.randint(1, 60)
        vj, _ = _vj(y, rng)
        txt = f"Kamerstukken II {vj}, {_spaced(d, rng)}, nrs. {a} en {b}"
        return txt, [_cit("kamerstuk", f"kst-{d}-{a}", str(d), form=form),
                     _cit("kamerstuk", f"kst-{d}-{b}", str(d), form=form)]
    if form == "handelingen-item":
        ch = _pick(rng, ("I", "II"))
        vj, vjn = _vj(y, rng)
        nr, item = rng.randint(1, 110), rng.randint(1, 30)
        txt = f"Handelingen {ch} {vj}, nr. {nr}, item {item}"
        pages = ()
        if rng.random() < 0.3:
            p = rng.randint(1, 40)
            txt += f", p. {p}"
            pages = (p,)
        chamber = "ek" if ch == "I" else "tk"
        return txt, [_cit("handelingen", f"h-{chamber}-{vjn}-{nr}-{item}", None, None, pages, False, form)]
    if form == "handelingen-page":  # Handelingen II 2019/20, 45, p. 7
        ch = _pick(rng, ("I", "II"))
        vj, vjn = _vj(y, rng)
        nr, p = rng.randint(1, 110), rng.randint(1, 80)
        chamber = "ek" if ch == "I" else "tk"
        return (f"Handelingen {ch} {vj}, {nr}, p. {p}",
                [_cit("handelingen", f"h-{chamber}-{vjn}-{nr}", None, None, (p,), False, form)])
    if form == "aanhangsel":
        ch = _pick(rng, ("I", "II", "II"))
        vj, vjn = _vj(y, rng)
        nr = rng.randint(1, 3200)
        chamber = "ek" if ch == "I" else "tk"
        return (f"Aanhangsel Handelingen {ch} {vj}, nr. {nr}",
                [_cit("aanhangsel", f"ah-{chamber}-{vjn}-{nr}", None, None, (), False, form)])
    if form == "stb":
        yy, nr = rng.randint(1994, year), rng.randint(1, 520)
        return f"{_em('Stb.', rng, 0.15)} {yy}, {nr}", [_cit("staatsblad", f"stb-{yy}-{nr}", form=form)]
    if form == "stcrt":
        yy, nr = rng.randint(2000, year), rng.randint(100, 48000)
        return f"Stcrt. {yy}, {nr}", [_cit("staatscourant", f"stcrt-{yy}-{nr}", form=form)]
    if form == "trb":
        yy, nr = rng.randint(1951, year), rng.randint(1, 240)
        return f"Trb. {yy}, {nr}", [_cit("tractatenblad", f"trb-{yy}-{nr}", form=form)]
    if form in ("com", "swd", "join"):
        series = form.upper()
        nr = rng.randint(1, 900)
        r = rng.random()
        if r < 0.45:
            txt = f"{series}({y}){nr}"
        elif r < 0.8:
            txt = f"{series}({y}) {nr} final"
        else:
            txt = f"{series}({y}) {nr:04d}"
        pages = ()
        if form == "com" and rng.random() < 0.3:
            p = rng.randint(1, 30)
            txt += f", p. {p}"
            pages = (p,)
        if form == "com" and rng.random() < 0.3:
            txt = "Mededeling van de Commissie, " + txt
        return txt, [_cit("eu-document", f"{form}-{y}-{nr}", None, None, pages, False, form)]
    if form == "celex":
        t = _pick(rng, "RLD")
        yy, nr = rng.randint(2000, year), rng.randint(1, 2400)
        c = f"3{yy}{t}{nr:04d}"
        txt = _pick(rng, (f"CELEX {c}", f"CELEX:{c}", f"CELEX-nummer {c}"))
        return txt, [_cit("celex", f"celex-{c}", form=form)]
    if form == "verordening":
        yy, nr = rng.randint(2016, year), rng.randint(100, 2900)
        txt = f"Verordening (EU) {yy}/{nr}"
        if rng.random() < 0.4:
            txt += " van het Europees Parlement en de Raad"
        return txt, [_cit("eu-act", f"celex-3{yy}R{nr:04d}", form=form)]
    if form == "edossier":
        e = f"E{rng.randint(8, year % 100):02d}{rng.randint(1, 199):04d}"
        r = rng.random()
        if r < 0.4:
            txt = f"E dossier [{e}](#)"
        elif r < 0.7:
            txt = f"E-dossier {e}"
        else:
            txt = f"E-dossier [{e}](#)"
        return txt, [_cit("edossier", f"edossier-{e}", e, form=form)]
    if form == "ecli-nl":
        court = _pick(rng, _ECLI_NL)
        yy, nr = rng.randint(2005, year), rng.randint(1, 4800)
        ecli = f"ECLI:NL:{court}:{yy}:{nr}"
        if rng.random() < 0.6:
            d = _dt.date(yy, rng.randint(1, 12), rng.randint(1, 28))
            txt = f"{_ECLI_COURT_WORD[court]} {_fmt_date(d)}, {ecli}"
        else:
            txt = ecli
        return txt, [_cit("ecli", ecli, form=form)]
    if form == "ecli-eu":
        yy, nr = rng.randint(2010, year), rng.randint(1, 1100)
        ecli = f"ECLI:EU:C:{yy}:{nr}"
        if rng.random() < 0.5:
            ecli_txt = f"HvJ EU {_fmt_date(_dt.date(yy, rng.randint(1, 12), rng.randint(1, 28)))}, {ecli}"
        else:
            ecli_txt = ecli
        return ecli_txt, [_cit("ecli", ecli, form=form)]
    raise ValueError(f"unknown citation form {form!r}")


# ============================================================================ helpers
def _pick(rng: random.Random, seq):
    """``rng.choice`` in one float draw: the generator makes ~150 choices per letter and
    ``choice``'s rejection sampling was a fifth of the run time."""
    return seq[int(rng.random() * len(seq))]


def _fmt_date(d: _dt.date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


_MD = re.compile(r"<sup>\d+</sup>|\*\*|\*")


def _plain(text: str) -> str:
    """Text without markers and markdown emphasis, as the reader's clean text."""
    return _MD.sub("", text)


def _person(rng: random.Random) -> str:
    n = _pick(rng, (1, 1, 2, 2, 3, 4))
    initials = "".join(f"{_pick(rng, INITIALS)}." for _ in range(n))
    return f"{initials} {_pick(rng, SURNAMES)}"


def _surname_cap(name: str) -> str:
    sur = name.split(" ", 1)[1]
    return sur[0].upper() + sur[1:]


@dataclass
class GeneratedLetter:
    """One generated letter: its file name (``000042.txt``), text and gold record."""

    name: str
    text: str
    gold: dict


# ----------------------------------------------------------------- letter structure
@dataclass
class _Para:
    kind: str  # "intro", "text", "item", "heading", "closing"
    sentences: list = field(default_factory=list)  # [text, qkind|None, [footnote numbers]]
    bullets: list | None = None  # bullet lines (without "- ") of the last sentence
    number: str | None = None
    indent: str = ""
    heading: str = ""  # markdown line of a heading
    heading_plain: str = ""
    section_kind: str = ""  # "fractie" / "topic" for headings
    group: tuple = ()  # fracties the paragraph's questions belong to

    def footnotes(self) -> list[str]:
        return [n for s in self.sentences for n in s[2]]

    def has_question(self) -> bool:
        return any(s[1] for s in self.sentences)


class _Builder:
    """Builds one letter: structure first, then footnote bodies, gold and pages."""

    def __init__(self, rng_seed: int, index: int):
        self.rng = random.Random(rng_seed * 1_000_003 + index)
        self.index = index
        self.paras: list[_Para] = []
        self.footnotes: list[tuple[str, str, list[dict], str]] = []  # number, body, gold, form
        self.fn_by_number: dict[str, list[dict]] = {}

    # ------------------------------------------------------------- words
    def fill(self, template: str, leden: str = "Deze leden") -> str:
        rng, dom = self.rng, self.domain
        out = template
        if "{wh}" in out:
            out = out.replace("{wh}", _pick(rng, WH))
        if "{goal}" in out:
            out = out.replace("{goal}", _pick(rng, GOALS))
        if "{action}" in out:
            out = out.replace("{action}", _pick(rng, ACTIONS))
        if "{claim}" in out:
            out = out.replace("{claim}", "{thing} " + _pick(rng, PREDICATES), 1)
        if "{thing2}" in out:
            out = out.replace("{thing2}", _pick(rng, dom.things))
        if "{thing}" in out:
            out = out.replace("{thing}", _pick(rng, dom.things))
        out = out.replace("{Leden}", leden).replace("{source}", dom.source)
        out = out.replace("{Source}", dom.source[0].upper() + dom.source[1:])
        return out[0].upper() + out[1:]

    # ------------------------------------------------------------- fracties
    def leden(self, group: tuple, bold: bool, tk_style: bool) -> str:
        """``De leden van de fractie van **D66**``; joint and mede-namens forms; TK style
        ``De leden van de **VVD**-fractie``."""
        def name(f: str, art: bool = True) -> str:
            n = f"**{f}**" if bold else f
            return (ARTICLE.get(f, "") if art else "") + n

        if tk_style:
            if len(group) == 1:
                return f"De leden van de {name(group[0], False)}-fractie"
            if self.group_mode[group] == "mede":
                return (f"De leden van de {name(group[0], False)}-fractie, mede namens de leden "
                        f"van de {name(group[1], False)}-fractie")
            return "De leden van de " + " en de ".join(f"{name(f, False)}-fractie" for f in group)
        if len(group) == 1:
            return f"De leden van de fractie van {name(group[0])}"
        if self.group_mode[group] == "mede":
            return (f"De leden van de fractie van {name(group[0])}, mede namens de leden van de "
                    f"fractie van {name(group[1])}")
        names = [name(f) for f in group]
        return "De leden van de fracties van " + ", ".join(names[:-1]) + " en " + names[-1]

    # ------------------------------------------------------------- footnotes
    def marker(self) -> str:
        n = str(len(self.footnotes) + 1)
        body, cits, form = self.footnote_body(n)
        self.footnotes.append((n, body, cits, form))
        self.fn_by_number[n] = cits
        return n

    def footnote_body(self, n: str) -> tuple[str, list[dict], str]:
        rng = self.rng
        prev = self.footnotes[-1][2] if self.footnotes else None
        r = rng.random()
        if prev and r < 0.30:
            last = prev[-1]
            c = dict(last)
            c["short_form"] = "Idem"
            c["resolved_from"] = self.footnotes[-1][0]
            if len(prev) > 1:
                c["ambiguous"] = True  # Idem after two targets: the last, with a warning
            pageable = last["kind"] in ("kamerstuk", "eu-document", "handelingen")
            if pageable and rng.random() < 0.55:
                p = rng.randint(1, 60)
                c["pages"] = [p]
                c.pop("following", None)
                word = _pick(rng, ("Idem", "Idem", "Ibid."))
                body = f"{_em(word, rng, 0.3)}, p. {p}."
                c["form"] = "idem-page"
            else:
                word = _pick(rng, ("Idem", "Idem", "Idem", "Ibid"))
                body = _pick(rng, (f"{word}.", f"*{word}.*"))
                c["form"] = "ibid" if word == "Ibid" else "idem"
            if word.startswith("Ibid"):
                c["short_form"] = "Ibid."
            return body, [c], c["form"]
        if r < 0.33 and len(self.footnotes) >= 3:
            cands = [num for num, _, cits, _ in self.footnotes[:-1] if len(cits) == 1]
            if cands:
                target = _pick(rng, cands)
                c = dict(self.fn_by_number[target][0])
                c["short_form"] = "zie noot"
                c["resolved_from"] = target
                c["form"] = "zie-noot"
                return f"Zie noot {target}.", [c], "zie-noot"
        if r < 0.35:
            url = _pick(rng, ("https://www.clingendael.org/publicatie/grenzen-verleggen",
                              "https://www.rijksoverheid.nl/documenten/rapporten",
                              "https://www.unhcr.org/nl/rapport"))
            return f"Zie [{url}]({url}).", [], "no-citation"
        # full citation(s)
        atoms = [self.atom()]
        multi = rng.random() < 0.12
        if multi:
            atoms.append(self.atom())
        text = (" en " if rng.random() < 0.6 else "; ").join(a[0] for a in atoms)
        pre = rng.random()
        if pre < 0.1:
            text = "Zie " + text
        elif pre < 0.16:
            text = "Zie ook " + text
        cits = [c for a in atoms for c in a[1]]
        if multi:
            for c in cits:
                c["form"] = c["form"] + "+multi"
        return text + ".", cits, "multi" if multi else cits[0]["form"]

    def atom(self) -> tuple[str, list[dict]]:
        """The letter's main document (50%: as in the seeds, most footnotes cite pages of the
        letter under discussion) or another source of any form."""
        rng = self.rng
        if rng.random() < 0.5:
            m = self.main
            txt = m["text"]
            part = None
            if m["bijlage"] and rng.random() < 0.4:
                txt += ", bijlage"
                part = "bijlage"
            pages, following = (), False
            if rng.random() < 0.9:
                ptxt, pages, following = _pages(rng, 1, 45)
                txt += ptxt
            return txt, [_cit("kamerstuk", m["document"], m["dossier"], part, pages, following, "main")]
        x = rng.random() * _FORM_TOTAL
        i = 0
        while _FORM_CUM[i] < x:
            i += 1
        return _build_form(_FORM_NAMES[i], rng, self.datum.year)

    # ------------------------------------------------------------- sentences
    def statement(self, leden: str, markers: int = 0) -> list:
        text = self.fill(_pick(self.rng, STATEMENTS), leden)
        fns = []
        for _ in range(markers):
            n = self.marker()
            fns.append(n)
            text += f"<sup>{n}</sup>"
        return [text, None, fns]

    def question(self, leden: str, marker: bool = False, indirect: float = 0.25) -> list:
        rng = self.rng
        if rng.random() < indirect:
            text, kind = self.fill(_pick(rng, INDIRECT), leden), "indirect"
        else:
            text, kind = self.fill(_pick(rng, DIRECT)), "direct"
        fns = []
        if marker:  # a marker inside the asking sentence, after a word in its middle
            words = text.split(" ")
            spots = [k for k in range(2, len(words) - 1) if words[k].lower() not in _STOP
                     and words[k + 1].lower() in _BOUNDARY]
            k = _pick(rng, spots) if spots else len(words) - 2
            n = self.marker()
            fns.append(n)
            words[k] += f"<sup>{n}</sup>"
            text = " ".join(words)
        return [text, kind, fns]

    def bullets(self, question: bool) -> tuple[list, list]:
        rng = self.rng
        things = rng.sample(self.domain.things, min(len(self.domain.things), rng.randint(3, 5)))
        items = [t[4:] if t.startswith("het ") else t[3:] if t.startswith("de ") else t for t in things]
        end = "?" if question else "."
        lines = [f"{it};" for it in items[:-2]] + [f"{items[-2]}, en", f"{items[-1]}{end}"]
        intro = _pick(rng, BULLET_INTROS if question else STATEMENT_LIST_INTROS)
        return [intro, "bullets" if question else None, []], lines

    # ------------------------------------------------------------- paragraphs
    def prose_paragraph(self, group: tuple, leden: str, footnoted: bool) -> _Para:
        """Context sentence(s), then 1-4 questions. When footnoted, a marker stands before
        or inside the first question, and maybe before later ones (DESIGN §3 direct)."""
        rng = self.rng
        p = _Para("text", group=group)
        if footnoted:
            if rng.random() < 0.75:
                p.sentences.append(self.statement(leden, 1))
                if rng.random() < 0.3:
                    p.sentences.append(self.statement("Deze leden"))
                p.sentences.append(self.question(leden))
            else:
                p.sentences.append(self.question(leden, marker=True))
        else:
            if rng.random() < 0.4:
                p.sentences.append(self.statement(leden))
            p.sentences.append(self.question(leden))
        for _ in range(_pick(rng, (0, 1, 1, 2, 3))):
            if footnoted and rng.random() < 0.3:
                p.sentences.append(self.statement("Deze leden", 1))
            p.sentences.append(self.question("Deze leden"))
        if rng.random() < 0.12:
            intro, lines = self.bullets(True)
            p.sentences.append(intro)
            p.bullets = lines
        return p

    def item(self, number: int, group: tuple, footnoted: bool) -> _Para:
        rng = self.rng
        p = _Para("item", group=group, number=str(number))
        if rng.random() < 0.12:
            p.indent = "  "
        if footnoted:
            p.sentences.append(self.statement("Deze leden", 1) if rng.random() < 0.8
                               else self.question("Deze leden", marker=True, indirect=0))
        for _ in range(_pick(rng, (1, 1, 1, 2))):
            p.sentences.append(self.question("Deze leden", indirect=0.05))
        if not any(s[1] for s in p.sentences):
            p.sentences.append(self.question("Deze leden", indirect=0))
        if rng.random() < 0.05:
            intro, lines = self.bullets(True)
            p.sentences.append(intro)
            p.bullets = lines
        return p

    def context_paragraph(self, group: tuple, leden: str, markers: int) -> _Para:
        p = _Para("text", group=group)
        p.sentences.append(self.statement(leden, markers))
        if self.rng.random() < 0.5:
            p.sentences.append(self.statement("Deze leden"))
        if self.rng.random() < 0.08:
            intro, lines = self.bullets(False)
            p.sentences.append(intro)
            p.bullets = lines
        return p

    def heading(self, text: str, kind: str, group: tuple, level: int) -> _Para:
        rng = self.rng
        if kind == "fractie":
            style = _pick(rng, ("## {}", "### **{}**", "### {}", "## **{}**"))
        else:
            style = _pick(rng, ("#### *{}*", "### *{}*", "#### {}", "### **{}**"))
        return _Para("heading", heading=style.format(text), heading_plain=text,
                     section_kind=kind, group=group)

    def block(self, group: tuple, leden_first: str, numbered: bool, counter: list) -> None:
        """A run of question paragraphs (prose or numbered items)."""
        rng = self.rng
        n = rng.randint(2, 5) if numbered else rng.randint(1, 4)
        for k in range(n):
            footnoted = rng.random() < 0.6
            if numbered:
                counter[0] += 1
                self.paras.append(self.item(counter[0], group, footnoted))
            else:
                leden = leden_first if k == 0 else _pick(rng, ("Deze leden", "Genoemde leden", leden_first))
                self.paras.append(self.prose_paragraph(group, leden, footnoted))
            if rng.random() < 0.1:
                self.paras.append(_Para("text", sentences=[self.statement("Deze leden")], group=group))

    def topics(self, group: tuple, leden: str, numbered: bool, counter: list) -> None:
        rng = self.rng
        for t in rng.sample(self.domain.topics, rng.randint(2, min(4, len(self.domain.topics)))):
            self.paras.append(self.heading(t, "topic", group, 2))
            if rng.random() < 0.7:
                self.paras.append(self.context_paragraph(group, leden, _pick(rng, (0, 1, 1, 1, 2))))
            self.block(group, leden, numbered, counter)

    # ------------------------------------------------------------- the letter
    def build(self) -> GeneratedLetter:
        rng = self.rng
        self.chamber = "ek" if rng.random() < 0.6 else "tk"
        self.domain = _pick(rng, DOMAINS)
        dom = self.domain
        start = _dt.date(2024, 1, 8).toordinal()
        self.datum = _dt.date.fromordinal(start + rng.randrange(0, 1070))
        y = self.datum.year if self.datum.month >= 9 else self.datum.year - 1
        vj, _ = _vj(y, rng)
        if self.chamber == "ek":
            self.kenmerk = str(170000 + self.index)
            d = rng.randint(36300, 36950)
            letter = _pick(rng, ("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "O", "P", "Q"))
            self.main = {"text": f"{_em(f'Kamerstukken I {vj}', rng, 0.2)}, {d // 1000} {d % 1000:03d}, {letter}",
                         "document": f"kst-{d}-{letter}", "dossier": str(d), "bijlage": rng.random() < 0.6}
        else:
            self.kenmerk = f"{self.datum.year}Z{self.index:05d}"
            d = rng.randint(21501, 36950)
            nr = rng.randint(1, 1500)
            self.main = {"text": f"{_em(f'Kamerstukken II {vj}', rng, 0.2)}, {d}, nr. {nr}",
                         "document": f"kst-{d}-{nr}", "dossier": str(d), "bijlage": False}
        pool = EK_FRACTIES if self.chamber == "ek" else TK_FRACTIES
        tk_style = self.chamber == "tk" and rng.random() < 0.4
        headed = rng.random() < 0.75
        n_groups = _pick(rng, (1, 2, 2, 3, 3, 4)) if headed else 1
        names = rng.sample([f for f, _ in pool], min(len(pool), n_groups * 2))
        groups: list[tuple] = []
        self.group_mode: dict[tuple, str] = {}
        it = iter(names)
        for _ in range(n_groups):
            r = rng.random()
            if r < 0.68:
                g = (next(it),)
            elif r < 0.84:
                g = (next(it), next(it))
                self.group_mode[g] = "joint"
            else:
                g = (next(it), next(it))
                self.group_mode[g] = "mede"
            groups.append(g)
        fracties = [f for g in groups for f in g]

        # betreft and the EU document it is about
        betreft = _pick(rng, dom.subjects)
        about: list[str] = []
        com = None
        if rng.random() < 0.2:
            cy, cn = rng.randint(self.datum.year - 1, self.datum.year), rng.randint(10, 800)
            com = f"COM({cy}){cn}"
            betreft += f" {com}"
            about.append(f"com-{cy}-{cn}")

        # ---- introduction
        committee = f"vaste commissie voor {dom.committee}"
        intro = _Para("intro")
        earlier = _dt.date.fromordinal(self.datum.toordinal() - rng.randint(7, 60))
        if com:
            first = (f"De {committee} ({dom.abbr}) heeft met belangstelling kennisgenomen van de "
                     f"mededeling {com} van de Europese Commissie, die de beleidskoers voor de komende "
                     f"jaren uitzet.")
            n = self.marker_forced(self.edossier_text())
            intro.sentences.append([first + f"<sup>{n}</sup>", None, [n]])
        else:
            n = self.marker_forced((self.main["text"], [_cit("kamerstuk", self.main["document"],
                                                             self.main["dossier"], form="main")]))
            intro.sentences.append([f"De {committee} ({dom.abbr}) heeft met belangstelling kennisgenomen "
                                    f"van uw brief van {_fmt_date(earlier)}<sup>{n}</sup> over "
                                    f"{_pick(rng, dom.things)}.", None, [n]])
        for g in groups:
            intro.sentences.append([self.fill(_pick(rng, INTRO_ANNOUNCE), self.leden(g, True, tk_style)),
                                    None, []])
        self.paras.append(intro)
        if not headed:
            g = groups[0]
            leden = self.leden(g, rng.random() < 0.5, tk_style)
            if rng.random() < 0.6:  # context in the introduction: letter-level (seed 002, fn 2)
                p = _Para("intro", group=g)
                p.sentences.append(self.statement(leden, 1))
                p.sentences.append(self.statement("Deze leden"))
                p.sentences.append(["De leden stellen de regering dan ook de volgende vragen.", None, []])
                self.paras.append(p)
            counter = [0]
            numbered = rng.random() < 0.6
            if rng.random() < 0.75:
                self.topics(g, "De leden", numbered, counter)
            else:
                self.block(g, "Deze leden", numbered, counter)
        else:
            for g in groups:
                heading = "Vragen en opmerkingen van " + self.leden(g, False, tk_style)[0].lower() + \
                          self.leden(g, False, tk_style)[1:]
                self.paras.append(self.heading(heading, "fractie", g, 1))
                leden = self.leden(g, rng.random() < 0.6, tk_style)
                counter = [0]
                numbered = rng.random() < 0.4
                r = rng.random()
                if r < 0.5:
                    self.paras.append(_Para("text", group=g, sentences=[
                        [self.fill(_pick(rng, ANNOUNCE), leden), None, []]]))
                elif r < 0.75:
                    self.paras.append(self.context_paragraph(g, leden, 1))
                if rng.random() < 0.3:
                    self.topics(g, "Genoemde leden", numbered, counter)
                else:
                    self.block(g, leden, numbered, counter)

        # ---- closing
        r = rng.random()
        if r < 0.8:
            w = _pick(rng, (2, 3, 4, 4, 4, 4, 6))
            term_md = f"binnen **{WEEK_WORDS[w]} weken** na dagtekening van deze brief"
            term_raw = f"binnen {WEEK_WORDS[w]} weken na dagtekening"
            deadline = (self.datum + _dt.timedelta(weeks=w)).isoformat()
            term_kind = "weeks"
        elif r < 0.93:
            dl = _dt.date.fromordinal(self.datum.toordinal() + rng.randint(20, 90))
            term_md = f"voor **{_fmt_date(dl)}**"
            term_raw = f"voor {_fmt_date(dl)}"
            deadline = dl.isoformat()
            term_kind = "date"
        else:
            term_md = term_raw = "voor het kerstreces"
            deadline = None
            term_kind = "vague"
        chair = _person(rng)
        closing = (f"De leden van de {committee} zien uw beantwoording met belangstelling tegemoet "
                   f"en zij verzoeken u deze {term_md} te mogen ontvangen.")
        self.paras.append(_Para("closing", sentences=[[closing, None, []]]))

        addressee = _person(rng)
        mevrouw = rng.random() < 0.4
        fn_text = dom.minister
        gold = self.gold(groups, fracties)
        gold.update({
            "chamber": self.chamber, "kenmerk": self.kenmerk, "datum": self.datum.isoformat(),
            "betreft": betreft, "committee": committee, "committee_abbr": dom.abbr,
            "addressee_function": fn_text, "addressee_name": addressee, "chair": chair,
            "term_raw": term_raw, "term_kind": term_kind, "deadline": deadline,
            "about": about, "headed": headed, "tk_style": tk_style,
        })
        text, layout = self.render(addressee, mevrouw, betreft, chair, committee)
        gold.update(layout)
        name = f"{self.index:06d}.txt"
        gold = {"file": f"letters/{name}", "index": self.index, **gold}
        return GeneratedLetter(name, text, gold)

    def marker_forced(self, atom: tuple[str, list[dict]]) -> str:
        n = str(len(self.footnotes) + 1)
        text, cits = atom
        self.footnotes.append((n, text + ".", cits, cits[0]["form"]))
        self.fn_by_number[n] = cits
        return n

    def edossier_text(self) -> tuple[str, list[dict]]:
        e = f"E{self.datum.year % 100:02d}{self.rng.randint(1, 199):04d}"
        txt = f"E dossier [{e}](#)" if self.rng.random() < 0.6 else f"E-dossier {e}"
        return txt, [_cit("edossier", f"edossier-{e}", e, form="edossier")]

    # ------------------------------------------------------------- gold (DESIGN §1, §3)
    def gold(self, groups: list[tuple], fracties: list[str]) -> dict:
        questions: list[dict] = []
        sections: list[dict] = []
        letter_cites: list[dict] = []
        section_pass: list[str] | None = None  # footnotes a context paragraph passes on
        in_intro = True
        cur_section = None
        cur_group: tuple = groups[0] if len(groups) == 1 else ()

        def cites_of(numbers: list[str], how: str) -> list[dict]:
            out: dict[str, dict] = {}
            for n in numbers:
                for c in self.fn_by_number[n]:
                    for t in citation_targets(c):
                        e = out.get(t)
                        if e is None:
                            out[t] = {"target": t, "how": how, "footnotes": [n]}
                        elif n not in e["footnotes"]:
                            e["footnotes"].append(n)
            return list(out.values())

        for p in self.paras:
            if p.kind == "heading":
                in_intro = False
                section_pass = None
                if p.section_kind == "fractie":
                    cur_group = p.group
                sections.append({"heading": p.heading_plain, "kind": p.section_kind,
                                 "fracties": list(cur_group)})
                cur_section = len(sections) - 1  # index into "sections"
                continue
            if p.kind == "closing":
                continue
            if in_intro and p.has_question():
                in_intro = False
            fns = p.footnotes()
            if in_intro:
                for c in cites_of(fns, "letter"):
                    letter_cites.append(c)
                continue
            if not p.has_question():
                if fns:
                    section_pass = fns
                continue
            group = p.group or cur_group
            if p.kind == "item":
                if fns:
                    cites = cites_of(fns, "direct")
                elif section_pass:
                    cites = cites_of(section_pass, "section")
                else:
                    cites = []
                questions.append(self.q_record(p, group, cur_section, cites, "item"))
            else:
                pending: list[str] = []
                prev: list[dict] | None = None
                for s in p.sentences:
                    pending.extend(s[2])
                    if not s[1]:
                        continue
                    if pending:
                        cites = cites_of(pending, "direct")
                    elif prev is not None:
                        cites = [dict(c, how="paragraph" if c["how"] == "direct" else c["how"])
                                 for c in prev]
                    elif section_pass and not fns:
                        cites = cites_of(section_pass, "section")
                    else:
                        cites = []
                    pending = []
                    prev = cites
                    questions.append(self.q_record(p, group, cur_section, cites, s[1], s))
            if fns:
                section_pass = None
        per_fractie = {f: 0 for f in fracties}
        for q in questions:
            for f in q["fracties"]:
                per_fractie[f] += 1
        for i, q in enumerate(questions, 1):
            q["index"] = i
        footnotes = [{"number": n, "text": body, "form": form, "citations": cits}
                     for n, body, cits, form in self.footnotes]
        return {
            "fracties": fracties,
            "sections": sections,
            "questions_total": len(questions),
            "questions_per_fractie": per_fractie,
            "item_numbers": [q["number"] for q in questions if q["number"] is not None],
            "footnote_count": len(footnotes),
            "footnotes": footnotes,
            "questions": questions,
            "letter_cites": letter_cites,
        }

    @staticmethod
    def q_record(p: _Para, group: tuple, section: int | None, cites: list[dict], kind: str,
                 sentence: list | None = None) -> dict:
        if sentence is None:
            text = " ".join(s[0] for s in p.sentences)
        else:
            text = sentence[0]
        if p.bullets and (sentence is None or sentence is p.sentences[-1]):
            text += " " + " ".join(p.bullets)
        return {"index": 0, "number": p.number, "kind": kind, "fracties": list(group),
                "section": section, "start": _plain(text)[:60], "cites": cites}

    # ------------------------------------------------------------- rendering and pages
    def render(self, addressee: str, mevrouw: bool, betreft: str, chair: str,
               committee: str) -> tuple[str, dict]:
        rng = self.rng
        ek = self.chamber == "ek"
        datum = _fmt_date(self.datum)
        title = "Eerste Kamer der Staten-Generaal" if ek else "Tweede Kamer der Staten-Generaal"
        aanhef = "Mevrouw" if mevrouw else "De heer"
        if rng.random() < 0.25:
            aanhef = "T.a.v. " + aanhef[0].lower() + aanhef[1:]
        addr = [self.domain.minister, f"{aanhef} {addressee}", "Postbus 20301", "2500 EA Den Haag"]
        if ek:
            own = ["Kazernestraat 52", "2514 CV Den Haag", "postbus 20017", "2500 EA Den Haag"]
            tel, mail = "070 312 92 45", "postbus@eerstekamer.nl"
        else:
            own = ["Prinses Irenestraat 6", "2595 BD Den Haag", "postbus 20018", "2500 EA Den Haag"]
            tel, mail = "070 318 22 11", f"cie.{self.domain.abbr.lower().replace('&', '').replace('/', '')}@tweedekamer.nl"
        head = ("\n\n\n\n# " + title + "\n\n" + "  \n".join(addr) + "\n\n" + "  \n".join(own)
                + f"\n\ntelefoon {tel}\n\ne-mail [{mail}](mailto:{mail})\n\ndatum {datum}\n\n"
                f"betreft {betreft}\n\nons kenmerk {self.kenmerk}\n\n"
                f"Geachte {'mevrouw' if mevrouw else 'heer'} {_surname_cap(addressee)},\n\n")

        # units: (text, splittable, is_item)
        units: list[tuple[str, bool, bool]] = []
        for p in self.paras:
            if p.kind == "heading":
                units.append((p.heading, False, False))
                continue
            line = " ".join(s[0] for s in p.sentences)
            if p.kind == "item":
                line = f"{p.indent}{p.number}. {line}"
            if p.bullets:
                line += "\n\n" + "\n".join("- " + b for b in p.bullets)
                units.append((line, False, False))
            else:
                units.append((line, p.kind in ("text", "item", "intro"), p.kind == "item"))
        function = f"Voorzitter van de {committee.replace('/', ' / ') if rng.random() < 0.5 else committee}"
        units.append(("Hoogachtend,\n\n" + chair + "\n\n" + function, False, False))
        # numbered items follow each other without a blank line (seed 000, 002)
        fn_body = {n: body for n, body, _, _ in self.footnotes}
        sup = re.compile(r"<sup>(\d+)</sup>")

        pages: list[str] = []
        page_parts: list[str] = []
        page_fns: list[str] = []
        budget = rng.randint(1300, 2200)
        used = 0
        splits = 0
        item_splits = 0
        artifacts = 0

        def flush(final: bool = False) -> None:
            nonlocal page_parts, page_fns
            body = page_parts[0] if page_parts else ""
            for part in page_parts[1:]:
                body += part
            if page_fns:
                body += "\n\n---" if (final or rng.random() < 0.8) else ""
                body += "".join(f"\n\n<sup>{n}</sup> {fn_body[n]}" for n in page_fns)
            pages.append(body)
            page_parts, page_fns = [], []

        prev_item = False
        for text, splittable, is_item in units:
            cost = len(text) + sum(len(fn_body[n]) + 14 for n in sup.findall(text))
            sep = "" if not page_parts else ("\n" if (is_item and prev_item) else "\n\n")
            if page_parts and used + cost > budget:
                room = budget - used
                cut = self.split_point(text, room) if (splittable and room > 120) else None
                if cut is not None:
                    first, rest = text[:cut], text[cut + 1:]
                    page_parts.append(sep + first)
                    page_fns.extend(sup.findall(first))
                    flush()
                    splits += 1
                    if is_item:
                        item_splits += 1
                        if rng.random() < 0.2:
                            rest = "- " + rest
                            artifacts += 1
                    page_parts.append(rest)
                    page_fns.extend(sup.findall(rest))
                    used = len(rest)
                    budget = rng.randint(2600, 3800)
                    prev_item = is_item
                    continue
                flush()
                budget = rng.randint(2600, 3800)
                used = 0
                sep = ""
            page_parts.append(sep + text)
            page_fns.extend(sup.findall(text))
            used += cost
            prev_item = is_item
        flush(final=True)
        out = head + pages[0]
        for i, pg in enumerate(pages[1:], 2):
            out += f"\n\n\n\ndatum {datum}\n\nons kenmerk {self.kenmerk}\n\nblad {i}\n\n" + pg
        return out, {"pages": len(pages), "page_splits": splits, "item_splits": item_splits,
                     "split_artifacts": artifacts}

    def split_point(self, text: str, room: int) -> int | None:
        """A space inside a sentence where a page break may fall: not after sentence-final
        punctuation or a marker, and before a lower-case word (so the split can be seen and
        joined again). Chosen near ``room`` characters; None when the line has none."""
        lo = max(40, min(room, len(text)) // 3)
        hi = min(room, len(text) - 30)
        best = None
        i = text.find(" ", lo)
        while 0 <= i < hi:
            prev, nxt = text[i - 1], text[i + 1]
            if prev not in ".?!:;>" and nxt.islower() and "\n" not in text[:i]:
                best = i
            i = text.find(" ", i + 1)
        return best


# ============================================================================ public API
def generate_letter(rng_seed: int, index: int) -> GeneratedLetter:
    """Letter ``index`` of the corpus with seed ``rng_seed``: text in the seeds' format and
    its gold. Pure: the same arguments give the same letter, whatever was generated before.

    >>> g = generate_letter(0, 1)
    >>> g.text.startswith("\\n\\n\\n\\n# ") and g.gold["file"]
    'letters/000001.txt'
    """
    return _Builder(rng_seed, index).build()


def _generate_range(args: tuple[int, int, int, str]) -> list[str]:
    seed, lo, hi, out = args
    letters = Path(out) / "letters"
    golds = []
    for i in range(lo, hi):
        g = generate_letter(seed, i)
        (letters / g.name).write_bytes(g.text.encode("utf-8"))
        golds.append(json.dumps(g.gold, ensure_ascii=False))
    return golds


def write_corpus(out_dir: Path, n: int, seed: int = 0, jobs: int | None = None) -> Path:
    """Write ``n`` letters to ``out_dir/letters/000001.txt`` ... and their gold to
    ``out_dir/gold.jsonl`` (one JSON object per letter, in letter order); returns
    ``out_dir``. Byte-identical for the same ``n`` and ``seed``, whatever ``jobs``
    (processes; default: all cores, used from 200 letters on).

    Letters already there from an earlier, larger corpus are removed so that the folder
    holds exactly this corpus.
    """
    if n < 0:
        raise ValueError(f"number of letters must be >= 0, not {n}")
    out_dir = Path(out_dir)
    letters = out_dir / "letters"
    letters.mkdir(parents=True, exist_ok=True)
    wanted = {f"{i:06d}.txt" for i in range(1, n + 1)}
    for old in letters.glob("*.txt"):
        if old.name not in wanted:
            old.unlink()
    if jobs is None:
        jobs = os.cpu_count() or 1
    if jobs > 1 and n >= 200:
        import concurrent.futures as cf

        step = -(-n // (jobs * 4))
        chunks = [(seed, lo, min(lo + step, n + 1), str(out_dir)) for lo in range(1, n + 1, step)]
        with cf.ProcessPoolExecutor(jobs) as ex:
            golds = [line for part in ex.map(_generate_range, chunks) for line in part]
    else:
        golds = _generate_range((seed, 1, n + 1, str(out_dir)))
    tmp = out_dir / "gold.jsonl.tmp"
    tmp.write_text("".join(g + "\n" for g in golds), encoding="utf-8")
    tmp.replace(out_dir / "gold.jsonl")
    return out_dir


def read_gold(corpus: Path) -> list[dict]:
    """The gold records of a corpus written by :func:`write_corpus`, in letter order."""
    with open(Path(corpus) / "gold.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# ============================================================================ scoring
def _cit_key(document, part, pages) -> tuple:
    return (document, part or None, tuple(pages or ()))


def score_letter(letter, gold: dict) -> dict:
    """Compare one read (and, where done, resolved and attributed) Letter with its gold.

    Returns counts per check, each ``(correct, total)``: ``meta`` (kenmerk, datum,
    betreft, deadline where the term is in weeks), ``fracties`` (list equal),
    ``question_count`` (total equal), ``per_fractie`` (counts equal), ``item_numbers``,
    ``footnote_count``, ``footnotes`` (per footnote: the set of (document, part, pages)
    equal; only counted when the letter has citations at all), ``about`` (documents of
    the betreft), ``letter_cites`` (the introduction's targets are among the letter-level
    cites), ``question_cites``
    (per question: the set of cited targets equal; only when the question counts agree
    and some question has cites) and ``how`` (per agreeing question: the set of
    (target, how) equal). Per citation form, ``forms`` counts footnotes right.
    """
    out: dict[str, list[int]] = {}

    def check(name: str, ok: bool) -> None:
        c = out.setdefault(name, [0, 0])
        c[0] += bool(ok)
        c[1] += 1

    check("kenmerk", letter.kenmerk == gold["kenmerk"])
    check("datum", (letter.datum.isoformat() if letter.datum else None) == gold["datum"])
    check("betreft", (letter.betreft or "").strip() == gold["betreft"])
    if gold["term_kind"] == "weeks":
        check("deadline", (letter.deadline.isoformat() if letter.deadline else None) == gold["deadline"])
    check("fracties", list(letter.fracties) == gold["fracties"])
    check("question_count", len(letter.questions) == gold["questions_total"])
    per = {f: 0 for f in gold["fracties"]}
    for q in letter.questions:
        for f in q.fracties:
            per[f] = per.get(f, 0) + 1
    check("per_fractie", per == gold["questions_per_fractie"])
    check("item_numbers", [q.number for q in letter.questions if q.number is not None]
          == gold["item_numbers"])
    check("footnote_count", len(letter.footnotes) == gold["footnote_count"])
    resolved = any(fn.citations for fn in letter.footnotes)
    forms: dict[str, list[int]] = {}
    if resolved:
        by_number = {fn.number: fn for fn in letter.footnotes}
        for gf in gold["footnotes"]:
            fn = by_number.get(gf["number"])
            want = {_cit_key(c["document"], c.get("part"), c.get("pages")) for c in gf["citations"]}
            got = {_cit_key(c.document, c.part, c.pages) for c in fn.citations} if fn else None
            ok = got == want
            check("footnotes", ok)
            f = forms.setdefault(gf["form"].split("+")[0], [0, 0])
            f[0] += ok
            f[1] += 1
    if resolved:
        check("about", sorted(c.document for c in letter.about) == sorted(gold["about"]))
    attributed = any(q.cites for q in letter.questions)
    if attributed and hasattr(letter, "cites"):
        # introduction footnotes are the letter's own sources (DESIGN §3); an engine may add
        # footnotes that reach no question, so the gold must be contained, not equal
        got = {c.target for c in letter.cites if c.how == "letter"}
        check("letter_cites", {c["target"] for c in gold["letter_cites"]} <= got)
    if attributed and len(letter.questions) == gold["questions_total"]:
        for q, gq in zip(letter.questions, gold["questions"]):
            want = {c["target"] for c in gq["cites"]}
            got = {c.target for c in q.cites}
            check("question_cites", got == want)
            if got == want:
                check("how", {(c.target, c.how) for c in q.cites}
                      == {(c["target"], c["how"]) for c in gq["cites"]})
    result = {k: tuple(v) for k, v in out.items()}
    result["forms"] = {k: tuple(v) for k, v in forms.items()}
    return result


def score_corpus(letters, golds: list[dict]) -> dict:
    """Sum :func:`score_letter` over a corpus; letters are matched to gold by file name.

    Returns ``{"checks": {name: [correct, total, accuracy]}, "forms": {...}, "missing":
    [gold files with no letter]}``.
    """
    by_name = {Path(letter.source).name: letter for letter in letters}
    checks: dict[str, list] = {}
    forms: dict[str, list] = {}
    missing = []
    for g in golds:
        letter = by_name.get(Path(g["file"]).name)
        if letter is None:
            missing.append(g["file"])
            continue
        s = score_letter(letter, g)
        for k, v in s.items():
            if k == "forms":
                for f, (ok, n) in v.items():
                    c = forms.setdefault(f, [0, 0])
                    c[0] += ok
                    c[1] += n
                continue
            c = checks.setdefault(k, [0, 0])
            c[0] += v[0]
            c[1] += v[1]
    for table in (checks, forms):
        for v in table.values():
            v.append(round(v[0] / v[1], 4) if v[1] else None)
    return {"checks": dict(sorted(checks.items())), "forms": dict(sorted(forms.items())),
            "missing": missing}


# ============================================================================ entry point
def main(argv: list[str] | None = None) -> int:
    """``python -m kamerxref.graph.generate OUT N [--seed S] [--jobs J]``."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m kamerxref.graph.generate",
                                 description="Write N generated committee letters and their gold.")
    ap.add_argument("out", type=Path, help="output folder (letters/ and gold.jsonl)")
    ap.add_argument("n", type=int, help="number of letters")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=None,
                    help="processes (default: all cores; the output is the same)")
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("N must be >= 0")
    import time

    t0 = time.perf_counter()
    write_corpus(args.out, args.n, args.seed, args.jobs)
    print(f"{args.out}: {args.n} letters (seed {args.seed}) in {time.perf_counter() - t0:.2f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
