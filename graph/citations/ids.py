"""Canonical ids, offline URLs and graph node ids of cited sources (DESIGN §2 and §4).

Ids follow the official ones where there is one, so a link can be built without any
network access:

=====================================================  ==========================
citation                                               id
=====================================================  ==========================
``Kamerstukken I 2025/26, 36 871, O``                  ``kst-36871-O``
``Kamerstukken II 2022/23, 29628, nr. 1139``           ``kst-29628-1139``
``36 200 VI, nr. 19``                                  ``kst-36200-VI-19``
``21 501-02, nr. 1855``                                ``kst-21501-02-1855``
``Handelingen I 2025/26, nr. 12, item 3``              ``h-ek-20252026-12-3``
``Aanhangsel Handelingen II 2023/24, nr. 1121``        ``ah-tk-20232024-1121``
``Stb. 2018, 84`` / ``Stcrt. 2015, 47076``             ``stb-2018-84`` / ``stcrt-2015-47076``
``COM(2026)45``                                        ``com-2026-45``
``CELEX:32013R0604``, ``Verordening (EU) nr. 604/2013``  ``celex-32013R0604``
``E dossier E260010``                                  ``edossier-E260010``
``ECLI:NL:HR:2020:1``, ``ECLI:Nl:Hr:2020:1``              ``ECLI:NL:HR:2020:1``
``LJN AB1234``, ``ljn: Ab 1234``                       ``ljn-AB1234``
=====================================================  ==========================

Graph nodes below a document: ``kst-36871-O/bijlage`` (part) and
``kst-36871-O/bijlage/p40``, ``kst-36871-O/p5`` (pages).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Citation
from .grammar import CHAMBER_LABEL, ECLI_URLS, EU_SERIES, LJN_URL

OB_URL = "https://zoek.officielebekendmakingen.nl/{id}.html"
EURLEX_URL = "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri={uri}"
ECLI_URL = "https://deeplink.rechtspraak.nl/uitspraak?id={ecli}"

_OB_PREFIXES = ("kst-", "h-", "ah-", "stb-", "stcrt-", "trb-")
_OFFICIAL_H = re.compile(r"^(?:h|ah)-(?:ek|tk|vv)-\d{8}-\d")


def normalise_year(first: str, second: str | None) -> str:
    """``2025``, ``26`` -> ``20252026``; ``2025``, ``2026`` -> ``20252026``; ``1981``,
    None -> ``1981`` (the one-year sessions of the early 1980s: ``Zitting 1981``)."""
    if not second:
        return first
    if len(second) == 4:
        return first + second
    century = first[:2]
    # 1999/00 -> 19992000
    if second == "00" and first.endswith("99"):
        century = str(int(first[:2]) + 1)
    return first + century + second


def year_label(year: str) -> str:
    """``20252026`` -> ``2025/26`` (the form the chambers print)."""
    if len(year) == 8:
        return f"{year[:4]}/{year[6:]}"
    return year


def normalise_dossier(digits: str, suffix: str | None = None) -> str:
    """``36 871`` -> ``36871``; ``36 200``, ``VI`` -> ``36200-VI``; ``21 501``, ``02``
    -> ``21501-02``; ``31.700``, ``VIII`` -> ``31700-VIII``."""
    base = digits if digits.isdigit() else re.sub(r"\D", "", digits)
    if suffix:
        return f"{base}-{suffix.upper() if not suffix.isdigit() else suffix}"
    return base


def dossier_label(dossier: str) -> str:
    """``36871`` -> ``36 871``; ``21501-02`` -> ``21 501-02``; ``36200-VI`` -> ``36 200-VI``."""
    base, _, suffix = dossier.partition("-")
    if len(base) == 5:
        base = f"{base[:2]} {base[2:]}"
    return f"{base}-{suffix}" if suffix else base


def kst_id(dossier: str, number: str) -> str:
    """``kst-36871-O``, ``kst-29628-1139``, ``kst-36200-VI-19``, ``kst-16606-12b``."""
    return f"kst-{dossier}-{number}"


def h_id(chamber: str, year: str, number: str | None = None, item: str | None = None) -> str:
    """``h-ek-20252026-12-3``; without an item ``h-tk-20192020-45``; a year-paginated
    pre-1995 volume without a meeting number ``h-tk-19791980``."""
    parts = ["h", chamber, year]
    if number:
        parts.append(number)
        if item:
            parts.append(item)
    return "-".join(parts)


def ah_id(chamber: str, year: str, number: str) -> str:
    """``ah-tk-20232024-1121``."""
    return f"ah-{chamber}-{year}-{number}"


def publication_id(prefix: str, year: str, number: str) -> str:
    """``stb-2018-84``, ``stcrt-2015-47076``, ``trb-1966-91``."""
    return f"{prefix}-{year}-{number}"


def eu_document_id(series: str, year: str, number: str) -> str:
    """``COM(2026)45`` -> ``com-2026-45`` (leading zeros dropped: ``COM(2021) 0752``)."""
    return f"{series.lower()}-{year}-{int(number)}"


def ljn_id(number: str) -> str:
    """``AB1234`` -> ``ljn-AB1234`` (an LJN is kept: its ECLI cannot be derived offline)."""
    return f"ljn-{number}"


def celex_id(celex: str) -> str:
    return f"celex-{celex}"


def celex_for_act(year: str, type_letter: str, number: str) -> str:
    """``Verordening (EU) 2024/1351`` -> ``32024R1351``; ``Richtlijn 2013/32/EU`` ->
    ``32013L0032`` (sector 3, the year, the type letter, the number on four digits)."""
    return f"3{year}{type_letter}{int(number):04d}"


@lru_cache(maxsize=65536)
def url_for(kind: str, document: str) -> str:
    """The official URL of a canonical id, built offline; ``""`` where none can be.

    >>> url_for("kamerstuk", "kst-36871-O")
    'https://zoek.officielebekendmakingen.nl/kst-36871-O.html'
    >>> url_for("eu-document", "com-2026-45")
    'https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=COM:2026:45:FIN'
    """
    if document.startswith(("kst-", "stb-", "stcrt-", "trb-")):
        return OB_URL.format(id=document)
    if document.startswith(("h-", "ah-")):
        # only the modern ids (vergaderjaar + meeting/number) exist on the site;
        # ``h-ek-19811201`` (a date) and ``h-tk-19791980`` (a year volume) do not
        return OB_URL.format(id=document) if _OFFICIAL_H.match(document) else ""
    if document.startswith("celex-"):
        return EURLEX_URL.format(uri="CELEX:" + document[6:])
    if kind == "eu-document":
        series, year, number = document.split("-", 2)
        series = EU_SERIES.get(series.upper(), series.upper())
        return EURLEX_URL.format(uri=f"{series}:{year}:{number}:FIN")
    if document.startswith("ECLI:"):
        template = ECLI_URLS.get(document[5:7])
        return template.format(ecli=document) if template else ""
    if document.startswith("ljn-"):
        return LJN_URL.format(ljn=document[4:])
    return ""  # E-dossiers, other countries' ECLIs, dossiers: no stable URL offline


@lru_cache(maxsize=65536)
def kst_label(chamber: str | None, year: str | None, dossier: str, number: str | None,
              rijkswet: str | None = None) -> str:
    """``Kamerstukken I 2025/26, 36 871, O``; ``Kamerstukken II 2022/23, 29 628, nr. 1139``."""
    head = "Kamerstukken"
    if chamber in CHAMBER_LABEL:
        head += " " + CHAMBER_LABEL[chamber]
    if year:
        head += " " + year_label(year)
    sep = ", " if (chamber in CHAMBER_LABEL or year) else " "
    text = f"{head}{sep}{dossier_label(dossier)}"
    if rijkswet:
        text += f" (R {rijkswet})"
    if number:
        text += f", {number}" if number.isalpha() and number.isupper() else f", nr. {number}"
    return text


# ----------------------------------------------------------------- graph node ids
def part_id(document: str, part: str | None) -> str:
    """``part_id("kst-36871-O", "bijlage")`` -> ``kst-36871-O/bijlage``; no part: the document."""
    return f"{document}/{part}" if part else document


def page_id(document: str, part: str | None, page: int) -> str:
    """``page_id("kst-36871-O", "bijlage", 40)`` -> ``kst-36871-O/bijlage/p40``;
    ``page_id("kst-36871-O", None, 5)`` -> ``kst-36871-O/p5``."""
    return f"{part_id(document, part)}/p{page}"


def target_ids(c: Citation) -> list[str]:
    """The most specific graph nodes a citation points at: one per page, else the
    part, else the document. ``Idem, p. 18`` after ``36 871, O, bijlage, p. 40`` ->
    ``["kst-36871-O/bijlage/p18"]``."""
    if c.pages:
        return [page_id(c.document, c.part, p) for p in c.pages]
    return [part_id(c.document, c.part)]


def dossier_id(c: Citation) -> str | None:
    """``dossier-36871`` for a Kamerstuk of dossier 36 871 (``dossier-36200-VI`` for a
    budget chapter), None for sources outside a dossier. An E-dossier citation's
    document (``edossier-E260010``) is itself the dossier node, so it gets None here."""
    if c.dossier and c.kind == "kamerstuk":
        return f"dossier-{c.dossier}"
    if c.dossier and c.kind == "dossier":
        return None  # the document is the dossier node itself
    return None


def dossier_of_document(document: str | None) -> str | None:
    """The dossier of a Kamerstuk id: ``kst-30573-J`` -> ``30573``, ``kst-36200-VI-19``
    -> ``36200-VI``; None for anything else."""
    if not document or not document.startswith("kst-"):
        return None
    dossier = document[4:].rpartition("-")[0]
    return dossier or None


# ----------------------------------------------------------- ids as people write them
class UnreadableId(ValueError):
    """A text that is neither an id nor a citation that names one node; the message
    names the text (``kamerxref citing`` prints it as its one-line error)."""


#: Ids as the graph writes them pass through unchanged: documents, parts, pages,
#: dossiers, letters and their questions, fracties, actors, ECLIs.
_INTERNAL_ID = re.compile(
    r"(?:kst|h|ah|stb|stcrt|trb|com|swd|join|sec|celex|edossier|dossier|letter|ljn|fractie|actor)"
    r"-[^\s]+|ECLI:[A-Z]{2}:[^\s:]+:\d{4}:[^\s:]+")
#: A kenmerk: ``181524`` is letter ``letter-181524`` (kenmerken have six digits or more;
#: five digits are a dossier: ``36871`` -> ``dossier-36871``).
_KENMERK = re.compile(r"\d{6,10}")


def targets_from_text(text: str) -> list[str]:
    """The graph nodes a human-written id or citation names, most specific first:

    >>> targets_from_text("36 871 O bijlage p. 40")
    ['kst-36871-O/bijlage/p40']
    >>> targets_from_text("Kamerstukken I 2025/26, 36 871, O, p. 5-6")
    ['kst-36871-O/p5', 'kst-36871-O/p6']
    >>> targets_from_text("181524"), targets_from_text("COM(2026)45")
    (['letter-181524'], ['com-2026-45'])

    Internal ids (``kst-36871-O``, ``letter-181524/q7``, ``dossier-36871``) pass
    through. Raises :class:`UnreadableId` when the text names nothing.
    """
    from .find import find_citations  # the find stage builds its ids with this module

    raw = " ".join((text or "").split())
    if not raw:
        raise UnreadableId("an empty id: give an id (kst-36871-O, letter-181524) or a citation")
    if _INTERNAL_ID.fullmatch(raw):
        return [raw]
    if _KENMERK.fullmatch(raw):
        return [f"letter-{raw}"]
    problems: list[str] = []
    # as written, then as the rest of a Kamerstuk citation ("36 871 O bijlage p. 40")
    for attempt in (raw, f"Kamerstukken {raw}"):
        found = find_citations(attempt)
        problems += [f.problem for f in found if f.kind == "malformed" and f.problem]
        cited = [f for f in found if f.document and f.kind not in ("short", "malformed")]
        if cited:
            out: list[str] = []
            for f in cited:
                if f.pages:
                    out += [page_id(f.document, f.part, p) for p in f.pages]
                else:
                    out.append(part_id(f.document, f.part))
            return list(dict.fromkeys(out))
    why = f" ({problems[0]})" if problems else ""
    raise UnreadableId(f"{text!r} is neither an id (kst-36871-O/bijlage/p40, letter-181524, "
                       f"dossier-36871) nor a citation that names one{why}")


def target_from_text(text: str) -> str:
    """One node id from a human-written id or citation (DESIGN §5: wherever an id is
    taken, a citation as people write it is accepted too).

    >>> target_from_text("36 871 O bijlage p. 40")
    'kst-36871-O/bijlage/p40'
    >>> target_from_text("181524"), target_from_text("COM(2026)45"), target_from_text("kst-36871-O")
    ('letter-181524', 'com-2026-45', 'kst-36871-O')

    A text naming several nodes (``p. 40-41``, two citations) raises
    :class:`UnreadableId` listing them; :func:`targets_from_text` returns them all.
    """
    targets = targets_from_text(text)
    if len(targets) > 1:
        raise UnreadableId(f"{text!r} names {len(targets)} nodes ({', '.join(targets[:5])}): "
                           "give one of them")
    return targets[0]
