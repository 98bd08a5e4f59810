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
)
#: Range joiners: ``2-3``, ``7–8``, ``12 en 13``, ``5926-5937; 5968-5975``.
RANGE_JOINERS = ("-", "–", "—", " t/m ", " tot en met ")
LIST_JOINERS = (" en ", ", ", "; ")
#: ``p. 40 e.v.`` (en verder): the cited passage starts on page 40.
FOLLOWING = ("e.v.", "ev.", "e.v", "en verder", "ff.")
#: Ranges wider than this are kept as their two end pages (a citation of
#: ``blz. 1-900`` is not 900 cited pages).
MAX_RANGE = 60

# --------------------------------------------------------------- document numbers
#: Ondernummer markers: ``nr. 1139``, ``nrs. 520 en 548``, ``nummer 25``, ``no. 3``.
NUMBER_MARKERS = ("nummers", "nummer", "nrs.", "nrs", "nr.", "nr", "no.", "Nr.", "Nrs.", "Nummer")
#: Document parts that can be cited inside a Kamerstuk: ``36 871, O, bijlage, p. 40``.
PARTS = {"bijlage": "bijlage", "Bijlage": "bijlage", "bijl.": "bijlage"}


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
        heads=("Aanhangsel van de Handelingen", "Aanhangsel Handelingen", "Aanhangsel", "Ah."),
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
        heads=("ECLI:",),
        shape="ecli",
        id_template="{ecli}",
        url_template="https://deeplink.rechtspraak.nl/uitspraak?id={ecli}",
        examples=("ECLI:NL:HR:2020:1", "ECLI:NL:RVS:2023:1234"),
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

#: Dossiers have five digits since 1980 or so; a four-digit one such as
#: ``Kamerstukken II 2016-17, 2212, nr. 2292`` (a real error: 22 112) gets a warning.
DOSSIER_DIGITS = 5


def kind_by_shape(shape: str) -> tuple[SourceKind, ...]:
    """All entries parsed by one shape (``publication`` covers Stb, Stcrt and Trb)."""
    return tuple(k for k in SOURCE_KINDS if k.shape == shape)
