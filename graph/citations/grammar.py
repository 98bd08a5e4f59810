"""The citation grammar, kept as data: one entry per source kind, each with its variants.

The find stage (:mod:`.find`) compiles these tables into small, bounded regular
expressions and walks them with a hand-written parser; nothing here executes. To
teach kamerxref a new spelling, add it to the table of its kind, and add the real
string that needs it to ``tests/citations_table.tsv``.

Every repetition that the find stage builds from these tables is bounded
(``{0,3}``, never ``*`` or ``+``) so that no input can make a match attempt scan
far: throughput is linear in the input, also on 1 MB of digits (DESIGN §2).

Example, from seed letter 181524 footnote 2::

    Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40.
    ^head        ^chamber ^year  ^dossier ^ondernummer ^part ^page
"""
from __future__ import annotations

from dataclasses import dataclass, field

# --------------------------------------------------------------------------- chambers
#: chamber spellings -> canonical chamber code used in ids (``h-ek-...``, ``ah-tk-...``).
#: ``11`` is a frequent OCR reading of ``II``; ``1``/``2`` occur in KOOP's own tests
#: (``Kamerstukken 2, 2008-2009, 31459, 22``).
CHAMBERS: dict[str, str] = {
    "I": "ek",
    "1": "ek",
    "EK": "ek",
    "E.K.": "ek",
    "Eerste Kamer": "ek",
    "II": "tk",
    "2": "tk",
    "11": "tk",
    "TK": "tk",
    "T.K.": "tk",
    "Tweede Kamer": "tk",
    "VV": "vv",
    "I/II": "vv",
    "I-II": "vv",
    "Verenigde Vergadering": "vv",
}
#: How each chamber is shown in labels (``Kamerstukken I 2025/26, 36 871, O``).
CHAMBER_LABEL = {"ek": "I", "tk": "II", "vv": "VV"}

# ----------------------------------------------------------------------------- years
#: Words that may stand before a parliamentary year: ``vergaderjaar 2023-2024``,
#: ``zitting 1981-1982``, ``zittingsjaar``.
YEAR_PREFIXES = ("vergaderjaar", "zittingsjaar", "zitting", "Vergaderjaar", "Zitting")
#: Separators between the two halves of a year: ``2025/26``, ``2025-2026``,
#: ``2022/-23`` (a real typo in realdocs 01), ``2025–26``.
YEAR_SEPARATORS = ("/-", "/", "-", "–")

# ----------------------------------------------------------------------------- pages
#: Page markers: ``p. 40``, ``pp. 12-13``, ``pag. 3``, ``pagina 21``, ``blz. 79``.
PAGE_MARKERS = (
    "pagina's", "pagina", "pag.", "pp.", "p.", "blz.", "bladzijden", "bladzijde", "bl.", "pg.",
    # without the dot, as typed: ``pag 2-3``, ``blz 33`` (KOOP linkextractor tests)
    "pag", "blz", "pp",
)
#: Range joiners: ``2-3``, ``7–8``, ``12 en 13``, ``5926-5937; 5968-5975``, ``pag 69/70``.
RANGE_JOINERS = ("-", "–", "—", "/", " t/m ", " tot en met ")
LIST_JOINERS = (" en ", ", ", "; ")
#: ``p. 40 e.v.`` (en verder): the cited passage starts on page 40.
FOLLOWING = ("e.v.", "ev.", "e.v", "e v.", "e. v.", "en verder", "ff.")
#: Ranges wider than this are kept as their two end pages (a citation of
#: ``blz. 1-900`` is not 900 cited pages).
MAX_RANGE = 60

# --------------------------------------------------------------- document numbers
#: Ondernummer markers: ``nr. 1139``, ``nrs. 520 en 548``, ``nummer 25``, ``no. 3``.
NUMBER_MARKERS = ("nummers", "nummer", "nrs.", "nrs", "nr.", "nr", "no.", "Nr.", "Nrs.", "Nummer")
#: Document parts that can be cited inside a Kamerstuk: ``36 871, O, bijlage, p. 40``;
#: also in brackets after the number: ``nr. 3 (bijlage IV), blz. 21`` (part ``bijlage-IV``).
PARTS = {"bijlage": "bijlage", "Bijlage": "bijlage", "bijl.": "bijlage"}
#: Names of the paper itself that may stand between its number and the page, in brackets
#: or between commas; they name no part: ``nr. 3 (MvT), p. 14``,
#: ``nr. 3, Memorie van Toelichting, pag. 10``. Matched without regard to case.
PAPER_NAMES = (
    "MvT", "MvA", "NnavV", "Nnav", "memorie van toelichting", "memorie van antwoord",
    "nadere memorie van antwoord", "nota naar aanleiding van het verslag", "nota van wijziging",
    "voorlopig verslag", "nader voorlopig verslag", "verslag", "nader rapport", "advies RvS",
    "advies Raad van State", "eindverslag", "amendement", "motie", "brief",
)
#: Words before a budget chapter: ``19 700 hoofdstuk XV, nr. 2`` -> dossier ``19700-XV``.
CHAPTER_WORDS = ("hoofdstuk", "Hoofdstuk", "hfdst.", "hfd.", "H.")
#: A budget chapter is a roman numeral, sometimes with a letter: ``31 700-IIB`` (chapter IIB).
CHAPTER_LETTERS = "AB"


# ------------------------------------------------------------------ Handelingen rule
#: ``Handelingen II, vergaderjaar 2008-2009, 31 386, nr. 43, pag. 3795``: the dossier
#: after the year names the subject debated; the number after it is the vergadering
#: (43) and the page runs through the vergaderjaar (3795). The grammar is sure of that
#: reading only when the number is a plain number and a page is given that is at least
#: the vergadering's number (a vergaderjaar's pages run on from meeting to meeting, so
#: meeting n starts on page n or later). ``nr. 228b`` (a paper number) or no page: a
#: warning, no id: never ``h-tk-20082009-31`` (the first digits of the dossier).
HANDELINGEN_DOSSIER_NEEDS_PAGE = True

# ----------------------------------------------------------------------- case law
#: ECLI (European Case Law Identifier): ``ECLI:NL:HR:2020:1`` -- five parts, written
#: with ``:`` (also ``;`` and spaces around them: ``ECLI : NL:HR:2010:392``,
#: ``ECLI;EU;T;2015;314``) and sometimes without the ``ECLI`` prefix (``EU:C:1984:25``).
#: Canonical form: every part upper case, except where a country's coordinator issues
#: mixed-case codes: Germany's court codes and numbers (``ECLI:DE:BVerwG:2014:041214B8B66.14.0``,
#: ``ECLI:DE:BVerfG:2019:rs20191106.1bvr001613``) are kept as written.
ECLI_KEEP_CASE = frozenset({"DE"})
#: Country codes that may open an ECLI written without its prefix (EU member states,
#: the EU itself, CE for the Council of Europe / ECHR, and EP for the European Patent Office).
ECLI_COUNTRIES = (
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    "UK", "EU", "CE", "EP",
)
#: The courts of the EU whose ECLI numbers are plain numbers (``ECLI:EU:C:1984:25``):
#: ``ECLI:EU:C:1984:ab3254`` is not an ECLI (a warning, no id).
ECLI_NUMERIC_COUNTRIES = frozenset({"EU"})
#: The EU courts that issue ECLIs: Court of Justice, General Court, Civil Service Tribunal.
ECLI_EU_COURTS = frozenset({"C", "T", "F"})
#: Dutch court codes: an ECLI written without country (``RVS:1984:AH0317``) is read as
#: Dutch only when its court code is one of these (or a ``RB``/``GH`` + place code).
ECLI_NL_COURTS = ("HR", "PHR", "RVS", "CRVB", "CBB", "OGEAA", "OGEABES", "OGHACMB", "OGHNAA", "TADRAMS",
                  "TAHVD", "TGZRAMS", "TGZCTG", "RBAMS", "RBDHA", "RBROT", "RBGEL", "RBLIM",
                  "RBMNE", "RBNHO", "RBNNE", "RBOBR", "RBOVE", "RBZWB", "GHAMS", "GHARL", "GHDHA",
                  "GHSHE")
ECLI_URLS = {
    "NL": "https://deeplink.rechtspraak.nl/uitspraak?id={ecli}",
    "EU": "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=ecli:{ecli}",
}
#: LJN (Landelijk Jurisprudentie Nummer, before ECLI in 2013; first called ELRO-nummer):
#: two letters and four digits. Written ``LJN AB1234``, ``LJN: AB4535``, ``ljn: Ab 3948``,
#: ``LJN-nummer AB2134``, ``LJ-nr AB3493``, ``lj nr. AF3232``, ``ELRO-nr AA 9162``,
#: ``LJN BA1234, BA1235``. An LJN cannot be turned into its ECLI offline: kept as ``ljn-AB1234``.
LJN_HEADS = ("LJN", "LJ", "ELRO", "Ljn", "ljn", "lj", "Elro", "elro")
LJN_NUMBER_WORDS = ("nummer", "nr.", "nr", "Nummer", "Nr.", "Nr", "NUMMER", "NR")
#: rechtspraak.nl's LJN look-up, the link printed under every LJN-era decision.
LJN_URL = "https://www.rechtspraak.nl/ljn.asp?ljn={ljn}"

# ------------------------------------------------------------------- short forms
#: ``hetzelfde Aanhangsel``: the last source of that kind cited before (a short form
#: that names its kind, so it may reach back past footnotes of other kinds).
SAME_KIND_WORDS = {"Aanhangsel": "aanhangsel", "Kamerstuk": "kamerstuk",
                   "Handelingen": "handelingen", "Staatsblad": "staatsblad"}
SAME_WORDS = ("hetzelfde", "Hetzelfde", "dezelfde", "Dezelfde")
#: ``(stuk nr. 3)`` inside a dossier's own papers: paper 3 of that dossier (resolved
#: against the letter's publication when it has one, else a warning).
OWN_DOSSIER_WORDS = ("stuk nr.", "Stuk nr.", "stuk nummer", "Stuk nummer")


@dataclass(frozen=True)
class SourceKind:
    """One kind of source: how it is introduced, how its id and URL are built.

    ``heads`` are the keywords that introduce a full citation (their variants);
    ``shape`` names the parser of :mod:`.find` that reads the rest;
    ``id_template`` and ``url_template`` are applied by :mod:`.ids`;
    ``examples`` are real strings of this kind (documentation; tests check them).
    """

    kind: str
    heads: tuple[str, ...]
    shape: str
    id_template: str
    url_template: str
    examples: tuple[str, ...] = field(default=())


OB = "https://zoek.officielebekendmakingen.nl/{id}.html"
EURLEX = "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri={uri}"

SOURCE_KINDS: tuple[SourceKind, ...] = (
    SourceKind(
        kind="kamerstuk",
        heads=(
            "Kamerstukken", "Kamerstuk", "Kamerst.", "Kst.", "kamerstukken", "kamerstuk",
            # the papers before 1995 were printed as the Bijlagen of the Handelingen:
            # ``Bijl. Hand. II 1987/88, 20 074, nr. 6, blz. 19`` is kst-20074-6
            "Bijl. Hand.", "Bijl.Hand.", "Bijl. Handelingen", "Bijlagen Handelingen", "Bijlagen Hand.",
            # a chamber with a year and no head word is a Kamerstuk too:
            # ``Eerste Kamer, zitting 1981-1982, 16606, nr. 12b`` (realdocs 15),
            # ``TK 2008-2009, 31473, nummer 25`` (KOOP linkextractor tests)
            "Eerste Kamer", "Tweede Kamer", "TK", "EK", "T.K.", "E.K.",
        ),
        shape="kamerstuk",
        id_template="kst-{dossier}-{number}",
        url_template=OB,
        examples=(
            "Kamerstukken I 2025/26, 36 871, O.",
            "Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40.",
            "Kamerstukken I 2025/26, 32 317, PY, p. 2-3.",
            "Kamerstukken II 2022/23, 29628, nr. 1139.",
            "Kamerstuk 35925-VI-56",
            "Kamerstuk II 28286, nr. 1056",
            "Kamerstukken II 2019/20, 21 501-02, nr. 1855",
            "Kamerstukken II 2021/22, 36 200 VI, nr. 19",
            "Kamerstukken II 2019/20, 35 300, nrs. 520 en 548",
            "Kamerstukken II 1979/1980, 15 883 (R 1129)",
            "Kamerstukken, 2022-2023, 29628, nr. 1135",
            "Kamerstukken II, 2008/09, 31700.VIII, 32",
            "Kamerstukken Tweede Kamer 31-700 XII nr 6",
            "Kamerstukken EK, 2014-2015, 31 145, AA",
            "Eerste Kamer, zitting 1981-1982, 16606, nr. 12b, blz. 3.",
            "Bijl. Hand. II 1987/88, 20 074, nr. 6, blz. 19",
        ),
    ),
    SourceKind(
        kind="kamerstuk",
        heads=(),  # no keyword at all: a dossier followed by ``, nr.``, or a compact id
        shape="bare-kamerstuk",
        id_template="kst-{dossier}-{number}",
        url_template=OB,
        examples=(
            "(22112, nr. 4091)",
            "( 21501-08 , nr. 719 )",
            "Zij krijgt nr. 346 ( 32847 ).",
            "- 21501-02-1855",
            "(36740-VII, nr. 7)",
        ),
    ),
    SourceKind(
        kind="aanhangsel",
        heads=("Aanhangsel van de Handelingen", "Aanhangsel bij de Handelingen", "Aanhangsel Handelingen",
               "Aanh. Handelingen", "Aanh. Hand.", "Aanhangsel", "Ah."),
        shape="aanhangsel",
        id_template="ah-{chamber}-{year}-{number}",
        url_template=OB,
        examples=(
            "Aanhangsel Handelingen II 2023/24, nr. 1121",
            "Aanhangsel van de Handelingen II, 2022/-23, nr. 1823.",
            "Aanhangsel van de Handelingen, vergaderjaar 2023-2024, nr. 1121.",
            "Aanhangsel Eerste Kamer, zitting 1982-1983, nr. 11",
        ),
    ),
    SourceKind(
        kind="handelingen",
        heads=("Handelingen", "Hand."),
        shape="handelingen",
        id_template="h-{chamber}-{year}-{number}-{item}",
        url_template=OB,
        examples=(
            "Handelingen I 2025/26, nr. 12, item 3",
            "Handelingen II 2019/20, 45, p. 7",
            "Handelingen Eerste Kamer, 1 december 1981, blz. 79",
            "Handelingen II 1979/1980, blz. 5926-5937; 5968-5975",
        ),
    ),
    SourceKind(
        kind="staatsblad",
        heads=("Staatsblad", "Stb.", "Stb"),
        shape="publication",
        id_template="stb-{year}-{number}",
        url_template=OB,
        examples=("Stb. 2018, 84", "(Stb. 1952, 406)", "Staatsblad 2018, nr. 84"),
    ),
    SourceKind(
        kind="staatscourant",
        heads=("Staatscourant", "Stcrt.", "Stcrt", "Stc."),
        shape="publication",
        id_template="stcrt-{year}-{number}",
        url_template=OB,
        examples=("Stcrt. 2015, 47076", "Staatscourant 2015, nr. 47076"),
    ),
    SourceKind(
        kind="tractatenblad",
        heads=("Tractatenblad", "Trb.", "Trb"),
        shape="publication",
        id_template="trb-{year}-{number}",
        url_template=OB,
        examples=("Trb. 1966, 91",),
    ),
    SourceKind(
        kind="eu-document",
        heads=("COM", "SWD", "JOIN", "SEC"),
        shape="eu-document",
        id_template="{series}-{year}-{number}",
        url_template=EURLEX,
        examples=("COM(2026)45", "COM(2021) 752 final", "SWD(2024) 12", "JOIN(2023) 8"),
    ),
    SourceKind(
        kind="celex",
        heads=("CELEX:", "CELEX", "Celex"),
        shape="celex",
        id_template="celex-{celex}",
        url_template=EURLEX,
        examples=("CELEX:32013R0604", "celex 32013R0604", "32013R0604"),
    ),
    SourceKind(
        kind="eu-act",
        heads=(
            "Uitvoeringsverordening", "Gedelegeerde Verordening", "Verordening", "Regulation",
            "Richtlijn", "Directive", "Uitvoeringsbesluit", "Kaderbesluit", "Besluit", "Decision",
        ),
        shape="eu-act",
        id_template="celex-{celex}",
        url_template=EURLEX,
        examples=(
            "Verordening (EU) 2024/1351",
            "Richtlijn 2013/32/EU",
            "Verordening (EU) nr. 604/2013",
            "Richtlijn 2008/115/EG",
        ),
    ),
    SourceKind(
        kind="edossier",
        heads=("E-dossier", "E dossier", "Edossier", "e-dossier"),
        shape="edossier",
        id_template="edossier-{number}",
        url_template="",  # no stable URL can be built offline (DESIGN §2)
        examples=("E dossier [E260010](#).", "E-dossier E170030"),
    ),
    SourceKind(
        kind="ecli",
        heads=("ECLI", "ecli", "Ecli"),  # and a country code with ":" (ECLI_COUNTRIES)
        shape="ecli",
        id_template="{ecli}",
        url_template="",  # per country: ECLI_URLS (NL rechtspraak.nl, EU EUR-Lex)
        examples=("ECLI:NL:HR:2020:1", "ECLI:NL:RVS:2023:1234", "ECLI:Nl:Hr:2010:28",
                  "ECLI : NL:HR:2010:392", "ECLI;EU;T;2015;314", "EU:C:1984:25",
                  "ECLI:DE:BVerwG:2014:041214B8B66.14.0", "RVS:1984:AH0317"),
    ),
    SourceKind(
        kind="ljn",
        heads=LJN_HEADS,
        shape="ljn",
        id_template="ljn-{ljn}",
        url_template=LJN_URL,
        examples=("LJN AB1234", "ljn: Ab 3948", "ELRO-nr AA 9162", "LJN-nummer: BX1234",
                  "LJN BA1234, BA1235"),
    ),
)

#: Short forms that point at an earlier citation (resolved in :mod:`.resolve`).
#: spelling -> canonical short form.
SHORT_FORMS: dict[str, str] = {
    "Idem": "Idem",
    "idem": "Idem",
    "Id.": "Idem",
    "Ibidem": "Ibid.",
    "ibidem": "Ibid.",
    "Ibid": "Ibid.",
    "ibid": "Ibid.",
    "t.a.p.": "t.a.p.",
    "T.a.p.": "t.a.p.",
    "aldaar": "aldaar",
    "Aldaar": "aldaar",
}
#: ``Zie noot 4``, ``zie ook voetnoot 4``: points at footnote n, not at the previous one.
NOTE_REF_WORDS = ("noot", "voetnoot")

#: EU act types -> CELEX descriptor letter (sector 3, legislation).
EU_ACT_TYPES = {
    "Verordening": "R", "Uitvoeringsverordening": "R", "Gedelegeerde Verordening": "R",
    "Regulation": "R",
    "Richtlijn": "L", "Directive": "L",
    "Besluit": "D", "Uitvoeringsbesluit": "D", "Decision": "D",
    "Kaderbesluit": "F",
}
#: Suffixes naming the EU legal order: ``(EU)``, ``(EG)``, ``/EU``, ``/EEG``, ``/JBZ``.
EU_ORDERS = ("EU", "EG", "EEG", "EGKS", "Euratom", "GBVB", "JBZ", "EC", "EEC")
#: EU document series with their EUR-Lex uri prefix.
EU_SERIES = {"COM": "COM", "SWD": "SWD", "JOIN": "JOIN", "SEC": "SEC"}

#: Dossiers have five digits since 1968 or so; a four-digit one such as
#: ``Kamerstukken II 2016-17, 2212, nr. 2292`` (a real error: 22 112) gets a warning,
#: unless a vergaderjaar up to FOUR_DIGIT_UNTIL stands before it: ``Kamerstukken II,
#: Zitting 1958-1959-5380, Nr. 3, blz. 41`` (dossier 5380), ``Kamerstukken I,
#: 1969-1970, 9595,9596`` (long-running four-digit dossiers lasted into the 1970s).
DOSSIER_DIGITS = 5
FOUR_DIGIT_UNTIL = 1975




def kind_by_shape(shape: str) -> tuple[SourceKind, ...]:
    """All entries parsed by one shape (``publication`` covers Stb, Stcrt and Trb)."""
    return tuple(k for k in SOURCE_KINDS if k.shape == shape)
