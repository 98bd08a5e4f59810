"""Verslagen as published: the letters one Kamerstuk holds, from its text.

The Eerste Kamer publishes its committee letters a second time inside a Kamerstuk, a
**verslag van een schriftelijk overleg** (``kst-30573-J``): a short preamble, then the
committee's letter, then the minister's reply, sometimes several rounds. Text copied from
the officielebekendmakingen HTML page looks like this::

    Eerste Kamer der Staten-Generaal
    Vergaderjaar 2024–2025
    30 573
    Migratiebeleid
    J
    VERSLAG VAN EEN SCHRIFTELIJK OVERLEG
    Vastgesteld 10 december 2024

    De leden van de vaste commissie voor Immigratie & Asiel / JBZ-Raad1 hebben kennis-
    genomen van de brief van de Minister van Asiel en Migratie van 2 september 2024.2
    Naar aanleiding hiervan is op 23 oktober 2024 een brief gestuurd aan de Minister ...
    De Minister heeft op 6 december 2024 gereageerd.
    ...
    BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE VOOR IMMIGRATIE & ASIEL / JBZ-RAAD
    Aan de Minister van Asiel en Migratie
    Den Haag, 23 oktober 2024
    ... fractie sections, numbered and prose questions ...
    De voorzitter van de vaste commissie voor Immigratie & Asiel / JBZ-Raad,
    E.J. Dittrich
    BRIEF VAN DE MINISTER VAN ASIEL EN MIGRATIE
    ...
    1 Samenstelling: Kox (SP), ..., Dittrich (D66) (voorzitter), ...
    2 Kamerstukken II 2023/24, 30 573, nr. 210.

Note markers are plain digits glued to the word (``JBZ-Raad1``, ``2024.2``,
``(Duitse6)``): they are found by the sequence of the note bodies (1, 2, 3 ... each
after the one before), never by any digit after a word, so ``D66`` and ``JA21`` stay
names.

Each letter becomes its own :class:`Letter` (:func:`read_publication`):
``publication="kst-30573-J"``, ``publication_index`` 1, 2, ... (ids
``letter-kst-30573-J-1``, ``-2``), ``role`` ``"committee"`` for ``BRIEF VAN DE
VOORZITTER ...`` and ``"reply"`` for ``BRIEF VAN DE MINISTER/STAATSSECRETARIS ...``. The
preamble opens the first letter (its notes, the Samenstelling note among them, are that
letter's sources); a voorlopig verslag is one committee letter, a memorie van antwoord one
reply. Datum: the letter's own ``Den Haag, 23 oktober 2024``, else the preamble ("is op
23 oktober 2024 een brief gestuurd", "heeft op 6 december 2024 gereageerd"), else (one
letter) ``Vastgesteld``/``Ontvangen``; addressee from ``Aan de Minister van ...``; the
signatory from the signature (``De voorzitter van de vaste commissie ...,`` + name). The
Samenstelling note gives :attr:`Letter.members`.

Each letter's body is read by the text reader (:func:`~.text.read_text`: the question
rule, fractie sections, sub-items, footnote attribution anchors are the same code for every
form): the part is rendered in the text reader's form (markers as ``<sup>n</sup>``, its
notes after a rule) and every line number is mapped back to the source file. The
officielebekendmakingen XML form (:mod:`.kamerstuk_xml`) is turned into the same
:class:`Publication` and read by the same code.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..citations.ids import kst_id, normalise_dossier
from ..model import Issue, Letter, Member, SkippedBlock
from .base import InputError, decode_bytes
from .metadata import parse_address_block, parse_committee, parse_dutch_date, parse_term
from .structure import is_notes_heading, parse_samenstelling, sentence_spans
from .text import read_text

__all__ = ["Publication", "PubLine", "PubNote", "read_publication", "parse_published_text",
           "sniff_verslag_text", "read_verslag_text", "stuk_role", "members_from_samenstelling",
           "publication_id", "remap_lines"]

# ------------------------------------------------------------------ the intermediate form


@dataclass
class PubLine:
    """One line of the publication's body: ``text`` with note markers as
    ``<sup>n</sup>``; ``kind`` ``"text"``, or ``"heading"`` where markup says so (XML
    ``divisie/kop/titel``: rendered ``## title``; ``"sign"`` for a line of the
    XML ``ondertekening``)."""

    text: str
    line: int  # line in the source file
    kind: str = "text"


@dataclass
class PubNote:
    """A note body: ``PubNote("1", "Samenstelling: Kox (SP), ...", 88)``; ``citations``
    are the publisher's own links (XML ``extref``), kept as they are."""

    number: str
    text: str
    line: int
    citations: list = field(default_factory=list)


@dataclass
class Publication:
    """A Kamerstuk of the verslag family, in either form, ready to split into letters."""

    source: str
    chamber: str | None = None  # "ek", "tk"
    vergaderjaar: str | None = None  # "2024–2025"
    dossier: str | None = None  # normalised: "30573", "36200-VI", "21501-02"
    dossier_title: str | None = None  # "Migratiebeleid"
    ondernummer: str | None = None  # "J", "974"
    stuk_title: str | None = None  # "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG"
    datum: _dt.date | None = None  # Vastgesteld / Ontvangen
    datum_raw: str | None = None
    head: list[PubLine] = field(default_factory=list)  # the publication's own header lines
    body: list[PubLine] = field(default_factory=list)
    notes: list[PubNote] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    body_citations: list = field(default_factory=list)  # (line, Citation) publisher links

    @property
    def id(self) -> str | None:
        return publication_id(self.dossier, self.ondernummer)


def publication_id(dossier: str | None, ondernummer: str | None) -> str | None:
    """``("30573", "J")`` -> ``"kst-30573-J"``; ``("32317", "974")`` -> ``"kst-32317-974"``."""
    if not dossier or not ondernummer:
        return None
    return kst_id(dossier, ondernummer)


# ------------------------------------------------------------------ kinds of Kamerstuk

#: Stuk titles of the verslag family and the role of the letter(s) they hold: the
#: committee asks (voorlopig verslag, verslag, eindverslag, verslag van een schriftelijk
#: overleg), the government answers (memorie van antwoord, nota naar aanleiding van het
#: verslag).
_STUK_TITLE = re.compile(
    r"^(?:(?P<onder>[A-Z]{1,3}|[Nn]r\.?\s*\d{1,4}[a-z]?)\s+)?"
    r"(?P<title>(?:NADER\s+)?VOORLOPIG\s+VERSLAG|EINDVERSLAG|"
    r"VERSLAG(?:\s+VAN\s+EEN\s+(?:SCHRIFTELIJK\s+OVERLEG|NOTAOVERLEG|WETGEVINGSOVERLEG|"
    r"COMMISSIEDEBAT|ALGEMEEN\s+OVERLEG))?|(?:NADERE\s+)?MEMORIE\s+VAN\s+ANTWOORD|"
    r"NOTA\s+NAAR\s+AANLEIDING\s+VAN\s+HET\s+(?:NADER\s+)?VERSLAG)"
    r"(?P<tail>\s+VAN\s+(?:DE|HET)\s+[^a-z]{3,200})?\s*$"
)


def stuk_role(title: str | None) -> str | None:
    """The role of the letter a stuk of this title holds, or None outside the family.

    ``"VOORLOPIG VERSLAG"`` -> ``"committee"``; ``"MEMORIE VAN ANTWOORD"`` -> ``"reply"``;
    ``"MEMORIE VAN TOELICHTING"`` -> None.
    """
    if not title:
        return None
    m = _STUK_TITLE.match(" ".join(title.split()).upper())
    if not m:
        return None
    t = m.group("title")
    return "reply" if ("ANTWOORD" in t or t.startswith("NOTA")) else "committee"


#: ``BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE VOOR ...``, ``BRIEF VAN DE MINISTER
#: VAN ...``, in capitals as printed.
_BRIEF = re.compile(r"^BRIEF\s+VAN\s+(?:DE|HET)\s+(?P<who>[A-ZÀ-Ý].{2,200})$")
#: Tweede Kamer verslagen: ``I Vragen en opmerkingen vanuit de fracties`` /
#: ``II Reactie van de bewindspersoon``.
_TK_QUESTIONS = re.compile(r"^(?:[IVX]{1,4}\.?\s+)?Vragen\s+en\s+opmerkingen\s+(?:vanuit|uit)\s+de\s+"
                           r"fracties\b", re.I)
_TK_REPLY = re.compile(r"^(?:[IVX]{1,4}\.?\s+)?(?:Antwoord|Reactie)\s+van\s+(?:de\s+|het\s+)?"
                       r"(?:minister|staatssecretaris|bewindsperso(?:o|ne)n?|regering|kabinet)\b", re.I)


def _letter_heading(text: str) -> str | None:
    """The role a heading line starts a letter of, or None: ``"BRIEF VAN DE MINISTER VAN
    ASIEL EN MIGRATIE"`` -> ``"reply"``; ``"BRIEF VAN DE VOORZITTER VAN DE VASTE
    COMMISSIE ..."`` -> ``"committee"``."""
    t = " ".join(re.sub(r"<sup>\s*\d+\s*</sup>", "", text).split())
    if len(t) > 240:
        return None
    m = _BRIEF.match(t)
    if m and t == t.upper():
        who = m.group("who")
        if re.match(r"(?:MINISTER|STAATSSECRETARIS|MINISTER-PRESIDENT|REGERING|KABINET)\b", who):
            return "reply"
        return "committee"
    if len(t) <= 120 and not t.endswith((".", "?")):
        if _TK_REPLY.match(t):
            return "reply"
        if _TK_QUESTIONS.match(t):
            return "committee"
    return None


# ------------------------------------------------------------------ the text form

_CHAMBER = re.compile(r"^(Eerste|Tweede)\s+Kamer\s+der\s+Staten-Generaal$")
_VERGADERJAAR = re.compile(r"^(?:Vergaderjaar|Zitting)\s+(\d{4}(?:\s*[–\-/]\s*\d{2,4})?)$")
_DOSSIER = re.compile(r"^(?P<nr>\d{2}\s?\d{3}|[IVXLC]{2,}\b)(?:[ -](?P<suffix>\d{2}|[IVXLC]{1,5}|[A-Z]))?"
                      r"(?:\s*\((?P<r>R\s?\d{3,4})\))?(?:\s+(?P<title>[^\d\s].{0,300}))?$")
_ONDER = re.compile(r"^(?:(?P<letter>[A-Z]{1,3})|(?:[Nn]r\.?|NR\.?)\s*(?P<nr>\d{1,4}[a-z]?))$")
_DATED = re.compile(r"^(?P<label>Vastgesteld|Ontvangen)\s+(?P<value>\d{1,2}\s+\w+\s+\d{4})\s*\.?$")
_SUP = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>", re.I)


def sniff_verslag_text(path: Path, head: bytes) -> bool:
    """Text copied from an officielebekendmakingen Kamerstuk of the verslag family: the
    first lines name the chamber (``Eerste Kamer der Staten-Generaal``), the vergaderjaar
    and, within the first lines, a stuk title of the family (``VERSLAG VAN EEN
    SCHRIFTELIJK OVERLEG``, ``VOORLOPIG VERSLAG``, ``MEMORIE VAN ANTWOORD``, ...). An
    OCR page of a memorie van toelichting or a Koninklijke boodschap is not one."""
    if b"\x00" in head or path.suffix.lower() not in {".txt", ".md", ".text", ""}:
        return False
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    lines = [ln.strip() for ln in text.split("\n")[:30] if ln.strip()]
    if lines and lines[0].startswith("SOURCE:"):
        lines = lines[1:]
    if not lines or not _CHAMBER.match(lines[0]):
        return False
    return any(_STUK_TITLE.match(" ".join(ln.split())) for ln in lines[1:14]) and any(
        _VERGADERJAAR.match(ln) for ln in lines[1:6])


def read_verslag_text(path: str | Path) -> list[Letter]:
    """Read a verslag copied as text into its letters (see the module docstring)."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise InputError(source, f"cannot read: {err.strerror or err}") from None
    text, issues = decode_bytes(data, source)
    pub = parse_published_text(text, source)
    pub.warnings[:0] = issues
    return read_publication(pub)


def parse_published_text(text: str, source: str) -> Publication:
    """The header, body lines and notes of a verslag's text; markers become
    ``<sup>n</sup>``."""
    lines = text.split("\n")
    pub = Publication(source=source)
    i = 0
    if lines and lines[0].startswith("SOURCE:"):
        pub.head.append(PubLine(lines[0], 1))
        i = 1
    i = _read_header(pub, lines, i)
    body = [(k + 1, lines[k]) for k in range(i, len(lines))]
    # the stuk title may carry note 1 ("VOORLOPIG VERSLAG VAN DE VASTE COMMISSIE VOOR
    # IMMIGRATIE & ASIEL / JBZ-RAAD1", its body "1 Samenstelling: ..."), so its markers are
    # looked for there first
    title = next((pl for pl in pub.head if _STUK_TITLE.match(" ".join(pl.text.split()))), None)
    _find_notes(pub, body, title)
    pub.body = _join_subitems(pub.body)
    return pub


_ITEM = re.compile(r"^\s*\d{1,3}[.)]\s+\S")
_SUBITEM = re.compile(r"^\s*(?:[a-z][.)]|\([a-z]\))\s+\S")


def _join_subitems(body: list[PubLine]) -> list[PubLine]:
    """Sub-items ``a.``/``b.`` under a numbered item join the item's line: a numbered
    item is one question with its sub-items (DESIGN §1), as in the XML form."""
    out: list[PubLine] = []
    item: PubLine | None = None
    pending: list[PubLine] = []  # blank lines after the item, kept if no sub-item follows
    for pl in body:
        t = pl.text.strip()
        if not t:
            if item is not None:
                pending.append(pl)
            else:
                out.append(pl)
            continue
        if item is not None and _SUBITEM.match(pl.text):
            item.text = f"{item.text.rstrip()} {t}"
            pending = []
            continue
        out.extend(pending)
        pending = []
        item = pl if _ITEM.match(pl.text) else None
        out.append(pl)
    out.extend(pending)
    return out


def _read_header(pub: Publication, lines: list[str], start: int) -> int:
    """Read the header lines (chamber ... Vastgesteld); returns the first body index."""
    seen = 0
    end = start
    title_at = None
    for k in range(start, len(lines)):
        t = " ".join(lines[k].split())
        if not t:
            continue
        seen += 1
        if seen > 14:
            break
        m = _STUK_TITLE.match(t)  # in capitals, as printed
        if m and title_at is None:
            pub.stuk_title = m.group("title")
            if m.group("onder"):
                _onder(pub, m.group("onder"))
            title_at = k
            end = k + 1
            continue
        if title_at is not None:
            d = _DATED.match(t)
            if d:
                pub.datum_raw = d.group("value")
                pub.datum = parse_dutch_date(d.group("value"))
                end = k + 1
            break
        if _CHAMBER.match(t):
            pub.chamber = "ek" if t.startswith("Eerste") else "tk"
        elif _VERGADERJAAR.match(t):
            pub.vergaderjaar = _VERGADERJAAR.match(t).group(1)
        elif _ONDER.match(t) and pub.dossier:
            _onder(pub, t)
        elif _DOSSIER.match(t) and not pub.dossier:
            m = _DOSSIER.match(t)
            pub.dossier = normalise_dossier(m.group("nr"), m.group("suffix")) if m.group("nr")[0].isdigit() \
                else m.group("nr").lower()
            if m.group("title"):
                pub.dossier_title = m.group("title").strip()
        elif pub.dossier and not pub.dossier_title:
            pub.dossier_title = t
    if title_at is None:
        return start
    for k in range(start, end):
        if lines[k].strip():
            pub.head.append(PubLine(lines[k], k + 1))
    return end


def _onder(pub: Publication, raw: str) -> None:
    m = _ONDER.match(raw.strip())
    if m:
        pub.ondernummer = m.group("letter") or m.group("nr")


# -- note markers glued to words, found by the sequence of the note bodies

_NOTE_LINE = re.compile(r"^\s*(?P<n>\d{1,3})(?:[ \t]+(?P<text>\S.*))?$")
#: A marker glued to the end of a word or a punctuation mark: ``brief4``, ``(Duitse6)``,
#: ``uitgeoefend1?``, ``2024.2``, ``JBZ-Raad1``.
_GLUE_BEFORE = r"(?<=[A-Za-zÀ-ÿ.,;:!?)\]”’'\"»])"


def _glued(number: str, text: str, start: int, strict: bool) -> tuple[int, int] | None:
    """Where marker ``number`` stands glued to a word in ``text`` (from ``start``).
    ``strict`` leaves capitals-only words alone (``D66``, ``JA21``, ``G20``: names)."""
    for m in re.finditer(_GLUE_BEFORE + number + r"(?!\d)(?![A-Za-zÀ-ÿ])", text[start:]):
        pos = start + m.start()
        word = re.search(r"[^\s(\[]*$", text[:pos]).group(0)
        if strict and re.fullmatch(r"[A-Z]{1,4}", word):
            continue
        if re.search(r"\d[.,]$", word) and not re.search(r"(?:^|\D)\d{4}\.$", word):
            continue  # "3.2", "1,5": a decimal, not "2024.2"
        return pos, pos + len(number)
    return None


def _find_notes(pub: Publication, body: list[tuple[int, str]], title: PubLine | None = None) -> None:
    """Split ``body`` into text lines and note bodies; rewrite markers as ``<sup>n</sup>``.

    Note bodies are lines ``n text`` (or ``n`` alone, the text below) whose numbers run
    1, 2, 3 ..., each with its marker in the text before it, after the previous marker.
    Markers already written as ``<sup>n</sup>`` are taken as they are. The ``title`` line
    of the header (which stays in the header) is searched for markers before the body;
    a marker found there is taken out of it, and its note has no place in a letter's text.
    """
    if title is not None:
        body = [(title.line, title.text)] + body
    explicit = any(_SUP.search(t) for _, t in body)
    cands: dict[int, tuple[str, str]] = {}  # body index -> (number, first text)
    for k, (_, raw) in enumerate(body):
        t = _SUP.sub(lambda m: m.group(1), raw) if explicit and _SUP.match(raw.strip()) else raw
        m = _NOTE_LINE.match(t)
        if not m:
            continue
        if m.group("text") is None:
            nxt = body[k + 1][1].strip() if k + 1 < len(body) else ""
            if not nxt or _NOTE_LINE.match(nxt):
                continue
        cands[k] = (m.group("n"), m.group("text") or "")
    text_idx = [k for k in range(len(body)) if k not in cands]
    markers: dict[int, list[tuple[int, int, str]]] = {}  # body index -> (start, end, number)
    accepted: list[int] = []
    expected = 1
    cur = (0, 0)  # (position in text_idx, column)
    for strict in (True, False):
        expected, cur, markers, accepted = 1, (0, 0), {}, []
        for k in sorted(cands):
            number = cands[k][0]
            if int(number) != expected:
                continue
            found = None
            ti, col = cur
            while ti < len(text_idx) and text_idx[ti] < k:
                line = body[text_idx[ti]][1]
                if explicit:
                    m = next((x for x in _SUP.finditer(line, col) if x.group(1) == number), None)
                    span = (m.start(), m.end()) if m else None
                else:
                    span = _glued(number, line, col, strict)
                if span:
                    found = (ti, span)
                    break
                ti, col = ti + 1, 0
            if found is None:
                continue
            ti, span = found
            markers.setdefault(text_idx[ti], []).append((span[0], span[1], number))
            accepted.append(k)
            cur = (ti, span[1])
            expected += 1
        if accepted or explicit:
            break
    # note bodies: the accepted line and its continuation lines
    owned: set[int] = set()
    acc = set(accepted)
    for k in accepted:
        number, first = cands[k]
        parts = [first] if first else []
        owned.add(k)
        j = k + 1
        while j < len(body) and body[j][1].strip() and j not in acc and not (
                _letter_heading(body[j][1].strip()) or is_notes_heading(body[j][1])):
            parts.append(body[j][1].strip())
            owned.add(j)
            j += 1
        pub.notes.append(PubNote(number, " ".join(p.strip() for p in parts), body[k][0]))
    for k, (no, raw) in enumerate(body):
        if k in owned:
            continue
        if title is not None and k == 0:  # the header's title: its markers taken out
            for s, e, _number in sorted(markers.get(k, []), reverse=True):
                title.text = title.text[:s] + title.text[e:]
            title.text = _SUP.sub("", title.text)
            continue
        if is_notes_heading(raw) and any(a > k for a in accepted):
            pub.head.append(PubLine(raw, no))  # the "Noten" heading of the note list
            continue
        text = raw
        if not explicit:
            for s, e, number in sorted(markers.get(k, []), reverse=True):
                text = f"{text[:s]}<sup>{number}</sup>{text[e:]}"
        pub.body.append(PubLine(text, no))


# ------------------------------------------------------------------ letters


@dataclass
class _Part:
    role: str
    lines: list[PubLine]  # after the heading
    heading: PubLine | None = None  # "BRIEF VAN DE ..."
    preamble: list[PubLine] = field(default_factory=list)  # the verslag's own text (first part)


_ADDRESS = re.compile(r"^\s*Aan\s+(?:de|het)\s+\S", re.I)
_DATELINE = re.compile(r"^\s*+(?:Den\s++Haag|'s-Gravenhage)(?:\s*+,\s++|\s++)(?P<value>\d{1,2}\s++\w+\s++\d{4})\s*+\.?\s*+$",
                       re.I)
_SIGN_FUNCTION = re.compile(
    r"^\s*(?:De|Het)\s+(?:voorzitter|ondervoorzitter|griffier|minister|staatssecretaris|"
    r"minister-president|plaatsvervangend\s+voorzitter)\b.{0,200},\s*$", re.I)
#: A date in the preamble, and what happened on it: a letter sent (``is op 9 december
#: 2022 een brief gestuurd``, ``zijn op 30 oktober 2025 ... voorgelegd``) or the answer
#: (``De Minister heeft op 30 januari 2023 gereageerd``, ``Bij brief van 3 november 2025
#: zijn de vragen beantwoord``).
_PREAMBLE_DATE = re.compile(r"\b(?:op|van)\s+(?P<d>\d{1,2}\s+[a-z]{3,9}\s+\d{4})\b")
_REPLY_WORDS = re.compile(r"\b(?:gereageerd|geantwoord|beantwoord|gereageerd|reactie\s+ontvangen)\b")
_SENT_WORDS = re.compile(r"\b(?:gestuurd|verzonden|gezonden|voorgelegd)\b")
_SUP_ANY = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>", re.I)


def read_publication(pub: Publication) -> list[Letter]:
    """The letters of a publication, in order (see the module docstring)."""
    if not pub.body or not any(pl.text.strip() for pl in pub.body):
        raise InputError(pub.source, "no text after the header of the Kamerstuk", "line 1")
    parts = _split(pub)
    notes_of = _notes_per_part(pub, parts)
    sent, replied = _preamble_dates(parts[0].preamble or (parts[0].lines if len(parts) > 1 else []))
    letters: list[Letter] = []
    counts = {"committee": 0, "reply": 0}
    for k, part in enumerate(parts):
        letter = _read_part(pub, part, notes_of[k], k)
        letter.publication = pub.id
        letter.publication_index = k + 1
        letter.role = part.role
        letter.kind = "committee-letter" if part.role == "committee" else "reply"
        n = counts[part.role]
        counts[part.role] += 1
        if letter.datum is None:
            dates = sent if part.role == "committee" else replied
            if n < len(dates):
                letter.datum_raw = dates[n]
                letter.datum = parse_dutch_date(dates[n])
            elif len(parts) == 1 and pub.datum:
                letter.datum_raw, letter.datum = pub.datum_raw, pub.datum
            else:
                first = (part.preamble + part.lines)[:1]
                letter.warnings.append(Issue(pub.source, f"line {first[0].line if first else 1}",
                                             "no-datum", "no date for this letter (no 'Den Haag, ...' "
                                             "line, none in the preamble); no deadline can be computed"))
        _deadline(letter)
        letters.append(letter)
    _other_letters_notes(letters)
    if letters:
        letters[0].warnings[:0] = pub.warnings
    return letters


def _other_letters_notes(letters: list[Letter]) -> None:
    """Notes are numbered through the whole verslag: the reply's first note may be 8.
    A gap filled by another letter of the same publication is no gap."""
    numbers = {fn.number for letter in letters for fn in letter.footnotes}
    for letter in letters:
        keep = []
        for w in letter.warnings:
            m = re.match(r"footnote numbering skips (\d+)\b", w.message)
            if w.code == "footnote-gap" and m and m.group(1) in numbers:
                continue
            keep.append(w)
        letter.warnings = keep


def _deadline(letter: Letter) -> None:
    """The answer term, now that the datum is known (the text reader read the body
    without it): ``binnen vier weken na dagtekening`` + 9 december 2025 -> 6 januari 2026."""
    if not letter.term_raw or letter.datum is None or letter.deadline is not None:
        return
    term = parse_term(letter.term_raw, letter.datum)
    if term is None:
        return
    letter.deadline = term.deadline
    letter.warnings = [w for w in letter.warnings
                       if not (w.code.startswith("term") and "needs the letter date" in w.message)]
    if term.problem:
        letter.warnings.append(Issue(letter.source, "", "term-unclear" if term.deadline is None
                                     else "term-approximate", term.problem))


def _split(pub: Publication) -> list[_Part]:
    """Parts at the ``BRIEF VAN ...`` headings; the preamble opens the first part. Without
    any heading the stuk is one letter of the role its title gives."""
    role = stuk_role(pub.stuk_title) or "committee"
    parts: list[_Part] = [_Part(role, [])]
    for pl in pub.body:
        r = _letter_heading(pl.text.strip()) if pl.text.strip() else None
        if r is not None:
            if len(parts) == 1 and parts[0].heading is None and not any(
                    _is_letter_text(x) for x in parts[0].lines):
                # what stood before is the verslag's preamble: it opens the first letter
                parts[0].role, parts[0].heading = r, pl
                parts[0].preamble, parts[0].lines = parts[0].lines, []
                continue
            parts.append(_Part(r, [], pl))
            continue
        parts[-1].lines.append(pl)
    return parts


def _is_letter_text(pl: PubLine) -> bool:
    """A line that belongs to a letter rather than to the preamble: a heading or a
    question. The preamble is statements and the griffier's signature."""
    t = pl.text.strip()
    return bool(t) and (pl.kind == "heading" or t.endswith("?"))


def _notes_per_part(pub: Publication, parts: list[_Part]) -> list[list[PubNote]]:
    """Each note goes to the part where its marker stands (else where its body stands,
    else the first part)."""
    where: dict[str, int] = {}
    for k, part in enumerate(parts):
        for pl in part.preamble + part.lines + ([part.heading] if part.heading else []):
            for m in _SUP_ANY.finditer(pl.text):
                where.setdefault(m.group(1), k)
    out: list[list[PubNote]] = [[] for _ in parts]
    for note in pub.notes:
        k = where.get(note.number)
        if k is None:
            k = 0
            for j, part in enumerate(parts):
                first = (part.preamble + part.lines)[:1]
                if first and first[0].line <= note.line:
                    k = j
        out[k].append(note)
    return out


def _preamble_dates(lines: list[PubLine]) -> tuple[list[str], list[str]]:
    """The dates the preamble gives: (letters sent, replies), each in order."""
    text = " ".join(_SUP_ANY.sub("", pl.text) for pl in lines)
    sent: list[str] = []
    replied: list[str] = []
    for s, e in sentence_spans(text):
        sentence = text[s:e]
        dates = [m.group("d") for m in _PREAMBLE_DATE.finditer(sentence)]
        if not dates:
            continue
        if _REPLY_WORDS.search(sentence):
            replied.append(dates[-1])
        elif _SENT_WORDS.search(sentence):
            sent.append(dates[-1])
    return sent, replied


def _read_part(pub: Publication, part: _Part, notes: list[PubNote], k: int) -> Letter:
    skipped: list[SkippedBlock] = []
    if k == 0:
        skipped += [SkippedBlock(pl.line, pl.text, "publication-header") for pl in pub.head]
    if part.heading is not None:
        skipped.append(SkippedBlock(part.heading.line, part.heading.text, "letter-heading"))
    lines = list(part.lines)
    # letterhead at the start of the letter: "Aan de Minister van ...", "Den Haag, ..."
    addressee: list[str] = []
    datum_raw = None
    start = 0
    if part.heading is not None:
        while start < len(lines):
            t = lines[start].text.strip()
            if not t:
                start += 1
                continue
            if _ADDRESS.match(t) and not addressee and len(t) <= 160 and not t.endswith((".", "?")):
                addressee.append(t)
                skipped.append(SkippedBlock(lines[start].line, lines[start].text, "letterhead"))
                start += 1
                continue
            d = _DATELINE.match(t)
            if d and datum_raw is None:
                datum_raw = d.group("value")
                skipped.append(SkippedBlock(lines[start].line, lines[start].text, "letterhead"))
                start += 1
                continue
            break
    body = part.preamble + lines[start:]
    # signatures: "De voorzitter van de vaste commissie ...," + name (and the griffier's
    # signature of the verslag in the preamble)
    signature: list[str] = []
    keep: list[PubLine] = []
    i = 0
    while i < len(body):
        t = body[i].text.strip()
        # the XML's ondertekening is a signature by markup: its function needs no comma
        if _SIGN_FUNCTION.match(t if body[i].kind != "sign" or t.endswith(",") else t + ","):
            j = i + 1
            while j < len(body) and not body[j].text.strip():
                j += 1
            if j < len(body) and _name_line(body[j].text):
                block = [body[i], body[j]]
                who = [t, body[j].text.strip()]
                if not re.match(r"^\s*De\s+griffier\b", t, re.I):  # the verslag's clerk
                    signature = who
                skipped.append(SkippedBlock(body[i].line, "\n".join(b.text for b in block), "signature"))
                i = j + 1
                continue
        keep.append(body[i])
        i += 1
    # render in the text reader's form and read
    out: list[tuple[str, int]] = []
    for pl in keep:
        text = pl.text
        if pl.kind == "heading":
            text = "## " + " ".join(text.split())
        out.append((text, pl.line))
    if notes:
        out.append(("", notes[0].line))
        out.append(("---", notes[0].line))
        for note in notes:
            out.append((f"<sup>{note.number}</sup> {note.text}", note.line))
    rendered = "\n".join(t for t, _ in out)
    if rendered.strip():
        letter = read_text(rendered, pub.source)
        remap_lines(letter, [ln for _, ln in out])
    else:  # "BRIEF VAN ..." and nothing under it: said, not read silently empty
        line = part.heading.line if part.heading else 1
        letter = Letter(source=pub.source)
        letter.warnings.append(Issue(pub.source, f"line {line}", "empty-letter",
                                     "letter heading without any text under it", line))
    letter.warnings = [w for w in letter.warnings if w.code not in ("no-datum", "no-kenmerk")]
    letter.skipped = sorted(skipped + [s for s in letter.skipped if s.text.strip() != "---"],
                            key=lambda s: s.line)
    # metadata
    letter.chamber = pub.chamber or letter.chamber
    letter.betreft = pub.dossier_title or letter.betreft
    if datum_raw:
        letter.datum_raw, letter.datum = datum_raw, parse_dutch_date(datum_raw)
        _deadline(letter)
    if addressee:
        letter.addressee_function, letter.addressee_name = parse_address_block(addressee)
    if signature:  # function first, then the name
        letter.chair_function, letter.chair = signature[0].rstrip(" ,"), signature[1]
        if letter.committee is None and part.role == "committee":
            letter.committee, letter.committee_abbr = parse_committee(letter.chair_function or "")
    # publisher links of the XML form stay with their notes and paragraphs
    by_number = {n.number: n for n in notes}
    for fn in letter.footnotes:
        note = by_number.get(fn.number)
        if note is not None and note.citations and fn.text == note.text:
            fn.citations = list(note.citations) + fn.citations
    _attach_body_citations(letter, pub, keep)
    for note in notes:
        if note.text.startswith("Samenstelling") and part.role == "committee":
            letter.members = members_from_samenstelling(note.text)
    return letter


def _name_line(text: str) -> bool:
    """``E.J. Dittrich``, ``M.H. Faber-van de Klashorst``, ``Van Dooren``: a short line,
    capitalised, no sentence."""
    t = text.strip()
    return 0 < len(t) <= 60 and t[0].isupper() and not t.endswith(("?", ":", ",")) and \
        len(t.split()) <= 6 and not re.search(r"\b(?:de|het)\s+\w+\s+\w+\s+\w+\s+\w+", t)


def _attach_body_citations(letter: Letter, pub: Publication, keep: list[PubLine]) -> None:
    lines = {pl.line for pl in keep}
    for line, cit in pub.body_citations:
        if line not in lines:
            continue
        for para in letter.paragraphs:
            pos = para.text.find(cit.text) if para.line <= line else -1
            if pos >= 0 and not any(c.document == cit.document and c.span[0] == pos for c in para.citations):
                from dataclasses import replace

                para.citations.append(replace(cit, span=(pos, pos + len(cit.text))))
                break


def remap_lines(letter: Letter, line_of: list[int]) -> None:
    """Line numbers of the rendered text -> lines of the source file."""

    def f(n: int | None) -> int | None:
        if not n:
            return n
        return line_of[min(n, len(line_of)) - 1]

    done: set[int] = set()  # a marker object sits on its paragraph and on its footnote
    for p in letter.paragraphs:
        p.line = f(p.line)
        for m in p.markers:
            if id(m) not in done:
                m.line = f(m.line)
                done.add(id(m))
    for s in letter.sections:
        s.line = f(s.line)
    for q in letter.questions:
        q.line = f(q.line)
    for fn in letter.footnotes:
        fn.line = f(fn.line)
        if fn.marker is not None and id(fn.marker) not in done:
            fn.marker.line = f(fn.marker.line)
            done.add(id(fn.marker))
    for b in letter.skipped:
        b.line = f(b.line)

    def where(w: str) -> str:
        return re.sub(r"\blines? (\d+)(?:-(\d+))?",
                      lambda m: f"line {f(int(m.group(1)))}" if not m.group(2)
                      else f"lines {f(int(m.group(1)))}-{f(int(m.group(2)))}", w)

    for w in letter.warnings:
        w.line = f(w.line)
        w.where = where(w.where)
        w.message = where(w.message)


# ------------------------------------------------------------------ Samenstelling

def members_from_samenstelling(text: str) -> list[Member]:
    """The committee's composition from note 1 of an Eerste Kamer verslag (the shared
    :func:`.structure.parse_samenstelling`).

    ``"Samenstelling: Kox (SP), Dittrich (D66) (voorzitter), Van Hattem (PVV)
    (ondervoorzitter)"`` -> ``[Member("Kox", "SP"), Member("Dittrich", "D66",
    "voorzitter"), Member("Van Hattem", "PVV", "ondervoorzitter")]``.
    """
    return parse_samenstelling(text)
