"""Letter metadata written in Dutch: dates, answer terms, committee, addressee, signatory.

Pure functions on short strings, so each rule can be tested on the exact phrases
the chamber writes. Examples from seed letter 181524::

    parse_dutch_date("23 juni 2026")                 -> date(2026, 6, 23)
    parse_term("... deze binnen vier weken na dagtekening van deze brief ...",
               date(2026, 6, 23))                    -> Term("binnen vier weken na dagtekening",
                                                             date(2026, 7, 21), None)
    parse_committee("De vaste commissie voor Immigratie en Asiel/ JBZ-Raad (I&A/ JBZ) heeft ...")
        -> ("vaste commissie voor Immigratie en Asiel/JBZ-Raad", "I&A/JBZ")
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = [
    "MONTHS",
    "Term",
    "add_term",
    "is_chair_line",
    "parse_address_block",
    "parse_addressee_line",
    "parse_dateline",
    "parse_vastgesteld",
    "parse_committee",
    "parse_dutch_date",
    "parse_signature",
    "parse_term",
]

#: Dutch month names and the abbreviations letters use ("23 jun. 2026").
MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3,
    "mar": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
    "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

_DATE_WORDS = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,10})\.?\s+(\d{4})\b")
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_DATE_NUM = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")


def parse_dutch_date(text: str) -> dt.date | None:
    """The first date in ``text``: ``"23 juni 2026"``, ``"dinsdag 6 mei 2026"``,
    ``"23 jun. 2026"``, ``"2026-06-23"`` or ``"23-06-2026"`` (day first, as in Dutch).

    Returns None when there is no date or it does not exist (``"31 juni 2026"``):
    the caller keeps the raw text and warns.
    """
    for m in _DATE_WORDS.finditer(text):
        month = MONTHS.get(m.group(2).lower())
        if month:
            return _date(int(m.group(3)), month, int(m.group(1)))
    m = _DATE_ISO.search(text)
    if m:
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DATE_NUM.search(text)
    if m:
        return _date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --------------------------------------------------------------------------- terms

_NUMBER_WORDS = {
    "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12,
}
_NUM = r"\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))

_TERM_REL = re.compile(
    r"\bbinnen\s+(?:een\s+termijn\s+van\s+)?(?P<n>" + _NUM + r")\s+"
    r"(?P<unit>werkdagen|werkdag|dagen|dag|weken|week|maanden|maand)\b"
    r"(?:\s+na\s+(?:de\s+)?(?P<from>dagtekening|datum|verzending|ontvangst))?",
    re.I,
)
_WEEKDAY = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
_TERM_ABS = re.compile(
    r"\b(?:(?:uiterlijk\s+)?(?:vóór|voor)|uiterlijk(?:\s+op)?|op\s+uiterlijk)\s+"
    r"(?:" + _WEEKDAY + r"\s+)?(?P<date>\d{1,2}\s+[A-Za-z]{3,10}\.?\s+\d{4})",
    re.I,
)
_TERM_VAGUE = re.compile(
    r"\b(?:(?:uiterlijk\s+)?(?:vóór|voor)\s+(?:het|de)\s+[\w-]{2,40}"
    r"|uiterlijk\s+[\w-]{2,40}(?:\s+[\w-]{2,40})?"
    r"|zo\s+(?:spoedig|snel)\s+(?:als\s+)?mogelijk"
    r"|op\s+korte\s+termijn"
    r"|binnen\s+(?:een\s+)?[\w-]{1,20}\s+termijn"
    r"|binnen\s+[\w-]{1,20}\s+[\w-]{1,20})",
    re.I,
)


@dataclass(frozen=True)
class Term:
    """An answer term as written, and the deadline it implies.

    ``problem`` says why there is no deadline (or what is approximate about it);
    the reader turns it into a warning Issue.
    """

    raw: str | None
    deadline: dt.date | None
    problem: str | None = None


def add_term(start: dt.date, n: int, unit: str) -> dt.date:
    """``start`` + ``n`` days, weeks or calendar months (23 juni + 1 maand = 23 juli;
    31 januari + 1 maand = 28/29 februari)."""
    unit = unit.lower()
    if unit.startswith(("week", "weken")):
        return start + dt.timedelta(weeks=n)
    if unit.startswith("dag"):
        return start + dt.timedelta(days=n)
    if unit.startswith("maand"):
        years, month0 = divmod(start.month - 1 + n, 12)
        year, month = start.year + years, month0 + 1
        return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))
    raise ValueError(f"unknown term unit {unit!r}")


def parse_term(text: str, datum: dt.date | None) -> Term | None:
    """Find the answer term in the request sentence of a letter and compute the deadline.

    ``"binnen vier weken na dagtekening"`` -> datum + 28 days; ``"binnen een maand"`` ->
    datum + 1 calendar month; ``"voor 1 september 2026"`` / ``"vóór 1 september 2026"``
    -> that date. ``"voor het kerstreces"``, ``"zo spoedig mogelijk"``, ``"binnen tien
    werkdagen"`` (holidays unknown) keep the raw phrase with ``deadline=None`` and a
    ``problem``. Returns None when the text has no term at all.
    """
    text = re.sub(r"\s+", " ", text.replace("*", ""))
    m = _TERM_REL.search(text)
    if m:
        raw = m.group(0)
        word = m.group("n").lower()
        n = int(word) if word.isdigit() else _NUMBER_WORDS[word]
        unit = m.group("unit").lower()
        if unit.startswith("werkdag"):
            return Term(raw, None, f"term '{raw}' counts working days; "
                                   "public holidays are not known, no deadline computed")
        if datum is None:
            return Term(raw, None, f"term '{raw}' needs the letter date, which is missing")
        problem = None
        if (m.group("from") or "").lower() == "ontvangst":
            problem = f"term '{raw}' counts from receipt; deadline computed from the letter date"
        return Term(raw, add_term(datum, n, unit), problem)
    m = _TERM_ABS.search(text)
    if m:
        raw = m.group(0)
        when = parse_dutch_date(m.group("date"))
        if when is None:
            return Term(raw, None, f"term '{raw}' holds no valid date")
        return Term(raw, when, None)
    m = _TERM_VAGUE.search(text)
    if m:
        raw = m.group(0)
        return Term(raw, None, f"term '{raw}' gives no date; no deadline computed")
    return None


# ----------------------------------------------------------------------- committee

_COMMITTEE = re.compile(
    r"\b(?P<adj>(?:vaste|bijzondere|tijdelijke|algemene|parlementaire)\s+)?"
    r"(?P<noun>commissies?)\s+(?P<prep>voor|van|inzake)\s+"
    r"(?P<name>[^()]{2,160}?)\s*\((?P<abbr>[^()]{1,40})\)",
    re.I,
)
_COMMITTEE_MORE = re.compile(
    r"\s*+(?:,|\ben\b)\s*+(?:de\s++)?(?P<adj>(?:vaste|bijzondere|tijdelijke|algemene)\s++)?"
    r"(?:commissie\s++)?(?P<prep>voor|van|inzake)\s++(?P<name>[^()]{2,160}?)\s*+"
    r"\((?P<abbr>[^()]{1,40})\)",
    re.I,
)
_COMMITTEE_NO_ABBR = re.compile(
    r"\b(?P<adj>(?:vaste|bijzondere|tijdelijke|algemene|parlementaire)\s+)?"
    r"(?P<noun>commissies?)\s+(?P<prep>voor|van|inzake)\s+"
    r"(?P<name>[^.,;()]{2,120}?)(?=\s+(?:heeft|hebben|wil|willen|wenst|wensen|stelt|"
    # "Het voorstel van wet heeft de leden van de vaste commissie voor X aanleiding
    # gegeven tot ...": the opening of an Eerste Kamer voorlopig verslag
    r"zien|ziet|verzoekt|verzoeken|aanleiding|\Z)|\s*$"
    # "De vaste commissie voor X, belast met het voorbereidend onderzoek van dit
    # wetsvoorstel, heeft de eer ...": the opening of a Tweede Kamer verslag
    r"|\s*,\s*belast\s+met\b)",
    re.I,
)


def _norm_committee(s: str) -> str:
    """``"Asiel/ JBZ-Raad"`` and ``"Asiel / JBZ-Raad"`` -> ``"Asiel/JBZ-Raad"``."""
    s = re.sub(r"(?<!\s)\s*+/\s*+", "/", s)  # from the start of a space run: linear
    return re.sub(r"\s+", " ", s).strip(" ,.")


def parse_committee(sentence: str) -> tuple[str | None, str | None]:
    """Committee name and abbreviation from the opening sentence.

    ``"De vaste commissie voor Immigratie en Asiel/JBZ-Raad (I&A/JBZ) heeft ..."`` ->
    ``("vaste commissie voor Immigratie en Asiel/JBZ-Raad", "I&A/JBZ")``. Joint letters
    (``"De vaste commissies voor Justitie en Veiligheid (J&V) en voor Immigratie en
    Asiel/JBZ-Raad (I&A/JBZ) hebben ..."``) give both, joined with ``"; "``. A
    committee without abbreviation gives ``(name, None)``; ``"Voorzitter van de vaste
    commissie voor ..."`` (a signature line) works too.
    """
    sentence = re.sub(r"\s+", " ", sentence.replace("*", ""))
    m = _COMMITTEE.search(sentence)
    if m:
        adj = (m.group("adj") or "").lower()
        names = [f"{adj}commissie {m.group('prep').lower()} {_norm_committee(m.group('name'))}"]
        abbrs = [_norm_committee(m.group("abbr"))]
        pos = m.end()
        while True:
            more = _COMMITTEE_MORE.match(sentence, pos)
            if not more:
                break
            adj2 = (more.group("adj") or adj).lower()
            names.append(f"{adj2}commissie {more.group('prep').lower()} "
                         f"{_norm_committee(more.group('name'))}")
            abbrs.append(_norm_committee(more.group("abbr")))
            pos = more.end()
        return "; ".join(names), "; ".join(abbrs)
    m = _COMMITTEE_NO_ABBR.search(sentence)
    if m:
        adj = (m.group("adj") or "").lower()
        return f"{adj}commissie {m.group('prep').lower()} {_norm_committee(m.group('name'))}", None
    return None, None


# ------------------------------------------------------------ addressee, signatory

_HONORIFIC = re.compile(
    r"^(?:t\.?\s?a\.?\s?v\.?:?\s+)?(?:aan\s+)?(?:de\s+)?"
    r"(?:heer|mevrouw|dhr\.?|mw\.?|mevr\.?|mr\.?\s+dr\.?|mr\.?|dr\.?|drs\.?|prof\.?)\s+(?P<name>.+)$",
    re.I,
)
_POSTAL = re.compile(r"^(?:postbus\b|\d{4}\s?[A-Z]{2}\b|[A-Z][\w.' -]*\s\d+[a-z]?\s*$)", re.I)
_FUNCTION_PREFIX = re.compile(r"^(?:aan\s+)?(?:de\s+)?", re.I)


def parse_address_block(lines: list[str]) -> tuple[str | None, str | None]:
    """Addressee function and name from the first lines of the address block.

    ``["Minister van Asiel en Migratie", "T.a.v. de heer G. van den Brink",
    "Postbus 20301", "2500 EA Den Haag"]`` -> ``("Minister van Asiel en Migratie",
    "G. van den Brink")``. ``"Aan de Minister van ..."`` drops ``"Aan de"``.
    """
    function = name = None
    for raw in lines:
        line = re.sub(r"\s+", " ", raw.replace("*", "")).strip()
        if not line:
            continue
        hm = _HONORIFIC.match(line)
        if hm and name is None:
            name = hm.group("name").strip(" ,")
            continue
        if _POSTAL.match(line):
            continue
        if function is None:
            cleaned = _FUNCTION_PREFIX.sub("", line).strip(" ,")
            function = cleaned[:1].upper() + cleaned[1:] if cleaned else None
    return function, name


_CHAIR_FUNCTION = re.compile(
    r"^(?:de\s+)?(?:voorzitter|ondervoorzitter|plaatsvervangend\s+voorzitter|griffier|"
    r"plv\.?\s+voorzitter|wnd\.?\s+voorzitter)\b",
    re.I,
)


def parse_signature(lines: list[str]) -> tuple[str | None, str | None]:
    """Chair (name) and chair function from the lines after ``Hoogachtend,``.

    ``["A.W.J.A. van Hattem", "Voorzitter van de vaste commissie voor Immigratie en
    Asiel / JBZ-Raad"]`` -> name and function as written. Letters that put the
    function first (``"De voorzitter van de vaste commissie voor ...,"`` then the
    name) are recognised by the function word. ``"w.g."`` before a name is dropped.
    """
    clean = [re.sub(r"\s+", " ", ln.replace("*", "")).strip() for ln in lines]
    clean = [ln for ln in clean if ln]
    if not clean:
        return None, None
    if _CHAIR_FUNCTION.match(clean[0]) and len(clean) > 1:
        function, name = clean[0].rstrip(","), clean[1]
    else:
        name = clean[0]
        function = clean[1].rstrip(",") if len(clean) > 1 else None
    name = re.sub(r"^w\.?\s?g\.?\s+", "", name, flags=re.I).rstrip(",")
    return name, function


# ------------------------------------------------------- lines of a published letter

_DATELINE = re.compile(r"^\s*+[*_]*+(?:Den\s++Haag|'s-Gravenhage|’s-Gravenhage)\s*+,\s*+"
                       r"(?P<value>[^\n]{0,40}?\d{4})\s*+[*_]*+\s*+$", re.I)
_VASTGESTELD = re.compile(r"^\s*[*_]*vastgesteld\s+(?:op\s+)?(?P<value>\d{1,2}\s+[A-Za-z]{3,10}\.?"
                          r"\s+\d{4})\s*[*_]*\s*\.?\s*$", re.I)
_ADDRESSEE = re.compile(
    r"^\s*[*_]*aan\s+(?:de\s+|het\s+)?(?P<value>(?:minister|staatssecretaris|minister-president|"
    r"voorzitter|ministerie|college|commissaris)\b[^\n]{0,150}?)[*_]*\s*[,.]?\s*$", re.I)
_CHAIR_LINE = re.compile(
    r"^\s*[*_]*(?:de\s+)?(?:voorzitter|ondervoorzitter|plaatsvervangend\s+voorzitter|"
    r"plv\.?\s+voorzitter|wnd\.?\s+voorzitter|griffier)\s+van\s+de\s+"
    r"(?:(?:vaste|bijzondere|tijdelijke|algemene)\s+)?commissie\b[^\n.?!]{0,160}?,?[*_]*\s*$",
    re.I)


def parse_dateline(line: str) -> str | None:
    """The date of a ``Den Haag, 3 november 2025`` line as written (``"3 november
    2025"``), or None; :func:`parse_dutch_date` reads it."""
    m = _DATELINE.match(line)
    return m.group("value").strip() if m else None


def parse_vastgesteld(line: str) -> str | None:
    """``Vastgesteld 18 januari 1983`` (the date a verslag was adopted, under its title)
    -> ``"18 januari 1983"``; the letter's datum when it has no other."""
    m = _VASTGESTELD.match(line)
    return m.group("value").strip() if m else None


def parse_addressee_line(line: str) -> str | None:
    """``Aan de Minister van Justitie en Veiligheid`` -> ``"Minister van Justitie en
    Veiligheid"`` (the addressee of a letter published in a verslag); None for other
    lines (``Aan de orde is ...`` is no addressee)."""
    m = _ADDRESSEE.match(line)
    if not m:
        return None
    value = re.sub(r"\s+", " ", m.group("value")).strip(" ,.")
    return value[:1].upper() + value[1:]


def is_chair_line(line: str) -> bool:
    """The signature line of a committee letter without ``Hoogachtend,``: ``De voorzitter
    van de vaste commissie voor Immigratie & Asiel / JBZ-Raad,`` (the name follows on the
    next line); also ``De griffier van de commissie,``."""
    return len(line) < 220 and bool(_CHAIR_LINE.match(line))
