"""Answers to Kamervragen (ministry answer letters) as ``Letter(kind="answer")``.

A ministry answers written questions of Members of Parliament with a cover letter
("In antwoord op uw brief van 9 november 2023, nr. 2023Z19006, deel ik u mede ...")
and an annex that repeats each question and gives its answer::

    Vraag 3
    In hoeverre deelt u de zorgen van de agenten ...?
    Vraag 4
    Wat gaat u doen om ervoor te zorgen ...?
    Antwoorden op vraag 3, 4, 5, 9 en 10
    Milieucriminaliteit kan ernstige gevolgen hebben ...

(realdocs 01). Each ``Vraag N`` becomes a :class:`Question` (``number="3"``) on its own
:class:`Paragraph` (``kind="item"``); the answer paragraphs become one Paragraph with
``kind="answer"`` and ``number="3,4,5,9,10"`` (the questions it answers, as printed,
comma separated), so an ``answers`` edge can be drawn to each question. An answer with
no heading (realdocs 07, Vraag 5 and 6: the answer follows the question directly) is
recognised and warned about (``answer-without-heading``).

Notes come in three systems, kept apart by how the number is printed
(``Footnote.number`` is the number *as printed*):

- Word footnotes (``<sup>1</sup>`` in the text form, ``w:footnoteReference`` in DOCX):
  ``"1"``;
- notes copied from the questions as ``n)`` (realdocs 02: ``2) Kamerstuk 33047, nr. 25``):
  ``"1)"``;
- notes copied as ``[n]`` (realdocs 03, 04: ``[6] Kamerstuk II 28286, nr. 1056``):
  ``"[1]"``.

So realdocs 06, which uses note number 1 twice (Word footnote 1 and ``1)``), keeps both
(``"1"`` and ``"1)"``) and warns (``note-number-reused``); ``[2]`` and ``[3]`` run
together on one line (realdocs 04) are split and warned about (``notes-run-together``);
``n)`` bodies that lost their numbers (the text form of realdocs 05 and 07, where Word
numbered the list) are matched to the markers by order when their count fits, with a
warning (``notes-matched-by-order``).

**The Aanhangsel van de Handelingen** publishes the same questions and answers without a
letterhead: "Vragen van het lid Beckerman (SP) aan de Staatssecretaris ... (ingezonden 9
november 2023)." gives ``betreft`` and the askers' fracties, "Antwoord van Staatssecretaris
Heijnen ... (ontvangen 4 december 2023)." the ``datum``, the line "Tweede Kamer der
Staten-Generaal" the chamber (:func:`_aanhangsel`); its headings are ``Vraag 1`` and
``Antwoord 1`` (``Antwoord 3 en 4``). In the text copied from its page, the notes are
numbered at the end (``1 NOS, 8 november 2023``) and marked by digits glued to the text
(``... milieucriminaliteit'?1``): a fourth system, ``"glued"``, found by
:func:`~.structure.glued_note_markers` from the numbers of the bodies that exist.

One code path: :func:`parse_text_form` (the ``.txt`` form of realdocs 01-08: body lines,
Word footnotes after ``---``, page headers after ``=== page headers/footers ===``) and
the DOCX reader (:mod:`.docx`) both produce a :class:`RawDocument`, and
:func:`build_answer_letter` turns it into the Letter, so both forms of a document give
the same questions, answers and footnotes.

Metadata: ``datum``, ``kenmerk`` (``Ons kenmerk``), ``betreft`` (``Onderwerp`` or
``Betreft``) from the letterhead in the body, else from the page headers (realdocs 08
has them only in ``word/header2.xml``); where both give a value and they differ, the body
wins and a ``letterhead-mismatch`` warning names both (realdocs 02: 16 mei vs 11 april
2024). The addressee is the Voorzitter of the chamber named in the letterhead; written
questions are always answered to the Voorzitter of the chamber whose member asked them,
so when the letterhead has no address block (realdocs 04) the reader falls back to the
Voorzitter van de Tweede Kamer and says so in a warning. The signatory (the minister) goes
in ``chair`` / ``chair_function`` (the Letter has no separate signatory field).
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..model import (Citation, Footnote, FootnoteMarker, Issue, Letter, Paragraph, Question,
                     SkippedBlock)
from .base import InputError, decode_bytes, read_input
from .structure import ASKERS_LINE, dated, glued_note_markers, trailing_note_bodies

__all__ = ["RawParagraph", "RawNote", "RawDocument", "parse_text_form", "read_answer_text",
           "build_answer_letter", "looks_like_answers", "sniff_answer_text", "parse_dutch_date",
           "clean_text"]

# ---------------------------------------------------------------------------------------
# The shared intermediate form


@dataclass
class RawParagraph:
    """One source paragraph: a line of the text form, a ``w:p`` of the DOCX.

    ``markers`` are Word footnote markers as ``(number, offset into text)``; ``label`` is
    the number Word draws for a list item (``"1."``), which the text form has lost;
    ``citations`` the publisher's own links of the XML form (``<extref doc="kst-...">``).
    """

    text: str
    line: int
    label: str | None = None
    markers: list[tuple[str, int]] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)  # publisher links, spans in text


@dataclass
class RawNote:
    """A Word footnote body: ``<sup>2</sup> Kamerstukken II 2022/23, 29628, nr. 1139.``"""

    number: str
    text: str
    line: int
    citations: list[Citation] = field(default_factory=list)  # publisher links, spans in text


@dataclass
class RawDocument:
    source: str
    paragraphs: list[RawParagraph]
    notes: list[RawNote] = field(default_factory=list)
    headers: list[tuple[str, list[str]]] = field(default_factory=list)  # (part, texts)
    warnings: list[Issue] = field(default_factory=list)
    unit: str = "line"  # how RawParagraph.line counts: "line" (text) or "paragraph" (DOCX)
    chamber: str | None = None  # "tk"/"ek" where the form itself says (a publication id)


# ---------------------------------------------------------------------------------------
# Text helpers

_SPACE = " \t\n\r\u00a0\u2007\u202f\u2009\u200a\u200b\ufeff"
_SPACE_RUN = re.compile(f"[{_SPACE}]+")


def clean_text(text: str, remove: list[tuple[int, int]] = (), points: list[int] = ()
               ) -> tuple[str, list[int]]:
    """Remove character spans, collapse whitespace (tabs, no-break spaces) to single
    spaces and strip; map each offset in ``points`` to the cleaned text. Linear time.

    ``clean_text("Ja. \\u00a0", (), [3])`` -> ``("Ja.", [3])``.
    """
    if not remove and not points:  # most calls: no character loop
        if "  " not in text and text.isprintable():  # the only space is " ", single
            return text.strip(" "), []
        return _SPACE_RUN.sub(" ", text).strip(" "), []
    drop = bytearray(len(text) + 1)
    for s, e in remove:
        for i in range(max(s, 0), min(e, len(text))):
            drop[i] = 1
    out: list[str] = []
    pos = [0] * (len(text) + 1)
    for i, ch in enumerate(text):
        pos[i] = len(out)
        if drop[i]:
            continue
        if ch in _SPACE:
            if out and out[-1] != " ":
                out.append(" ")
            continue
        out.append(ch)
    pos[len(text)] = len(out)
    while out and out[-1] == " ":
        out.pop()
    result = "".join(out)
    return result, [min(pos[min(max(p, 0), len(text))], len(result)) for p in points]


_MONTHS = {m: i for i, m in enumerate(
    "januari februari maart april mei juni juli augustus september oktober november december"
    .split(), start=1)}
_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)


def parse_dutch_date(text: str) -> _dt.date | None:
    """``"4 december 2023"`` -> ``date(2023, 12, 4)``; None when there is no valid date."""
    m = _DATE.search(text)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------
# Recognising the structure

_VRAAG = re.compile(r"^Vraag\s+(\d{1,3})\s*[:.]?\s*(.*)$", re.IGNORECASE)
_ANTWOORD = re.compile(
    r"^Antwoord(?:en)?(?:\s+(?:op\s+(?:de\s+)?vra(?:ag|gen)\s+)?(\d{1,3}(?:(?:\s*(?:,|en|&|t/m|-))+\s*\d{1,3})*))?"
    r"\s*[:.]?\s*$", re.IGNORECASE)
_BODY_BRACKET = re.compile(r"^\[(\d{1,2})\]\s*(.*)$", re.DOTALL)
_BODY_PAREN = re.compile(r"^(\d{1,2})\)\s+(\S.*)$", re.DOTALL)
_MARK_BRACKET = re.compile(r"\[(\d{1,2})\]")
_MARK_PAREN = re.compile(r"(?<![\d(.,/\-])(\d{1,2})\)")
_LABEL_NUM = re.compile(r"^(\d{1,2})[.)]$")
_COVER_START = re.compile(r"^In (?:het )?antwoord op uw brief", re.IGNORECASE)
_SIGN_FUNCTION = re.compile(r"^(?:[Dd]e\s+)?((?:[Mm]inister|[Ss]taatssecretaris)\b.{0,120}?)\s*,?$")
_ADDRESSEE = re.compile(r"[Vv]oorzitter van de (Tweede|Eerste) Kamer(?: der Staten-Generaal)?")
_LABELS = {"datum": "datum", "onderwerp": "betreft", "betreft": "betreft",
           "ons kenmerk": "kenmerk"}
_KENMERK = re.compile(r"^[A-Za-z0-9][\w./\- ]{0,40}\d[\w./\-]*$")
_LABEL_INLINE = re.compile(r"^(datum|onderwerp|betreft|ons kenmerk)\s*:?\s+(\S.{0,200})$", re.IGNORECASE)
_PARTY = re.compile(r"\(([^()]{2,40})\)")


def _vraag(text: str) -> re.Match | None:
    if not _may_start_with(text, "vraag"):
        return None
    t, _ = clean_text(text)
    return _VRAAG.match(t) if len(t) < 400 else None


def _antwoord(text: str) -> re.Match | None:
    if not _may_start_with(text, "antwoord"):
        return None
    t, _ = clean_text(text)
    return _ANTWOORD.match(t) if len(t) < 80 else None


def _may_start_with(text: str, word: str) -> bool:
    """Can :func:`clean_text` of ``text`` start with ``word`` (lower case, no space), in
    any case, as the heading patterns ask? Cleaning only drops and collapses spaces, so
    that is the text after its leading spaces: most paragraphs are settled here without
    being cleaned (the readers ask each paragraph several times whether it is a
    ``Vraag N`` or ``Antwoord`` heading). Undecided (True) after 64 leading spaces."""
    head = text[:64].lstrip(_SPACE)
    if len(head) < len(word) and len(text) > 64:
        return True
    return head[:len(word)].lower() == word


def looks_like_answers(texts) -> bool:
    """True when the paragraphs hold at least one ``Vraag N`` heading and one
    ``Antwoord`` heading (``Antwoord op vraag 1``, ``Antwoorden op vraag 3, 4 en 5``)."""
    vraag = antwoord = False
    for t in texts:
        t = t.strip()
        if not vraag and re.match(r"^Vraag\s+\d{1,3}\b", t, re.IGNORECASE):
            vraag = True
        elif not antwoord and len(t) < 400 and "ntwoord" in t.lower() and _antwoord(t):
            antwoord = True
        if vraag and antwoord:
            return True
    return False


# ---------------------------------------------------------------------------------------
# The text form (realdocs 01-08 .txt)

_SUP = re.compile(r"<sup>\s*([0-9]{1,3}|[ivxlc]{1,6}|\*)\s*</sup>")
_HEADERS_LINE = re.compile(r"^=== page headers/footers")
_PART_LINE = re.compile(r"^\[(word/(?:header|footer)\d*\.xml)\]\s*$")


def _strip_sups(text: str) -> tuple[str, list[tuple[str, int]]]:
    out, markers, last = [], [], 0
    length = 0
    for m in _SUP.finditer(text):
        piece = text[last:m.start()]
        out.append(piece)
        length += len(piece)
        markers.append((m.group(1), length))
        last = m.end()
    out.append(text[last:])
    return "".join(out), markers


def parse_text_form(text: str, source: str) -> RawDocument:
    """Split the text form into body paragraphs (one per line), Word footnote bodies
    (``<sup>N</sup> text`` after a ``---`` line) and page header parts (after
    ``=== page headers/footers ===``). A first line ``SOURCE: ...`` is skipped; line
    numbers stay those of the file."""
    lines = text.split("\n")
    start = 1 if lines and lines[0].startswith("SOURCE:") else 0
    headers_at = next((i for i in range(start, len(lines)) if _HEADERS_LINE.match(lines[i])),
                      len(lines))
    notes_at = None
    for i in range(headers_at - 1, start - 1, -1):
        if lines[i].strip() == "---":
            following = [ln for ln in lines[i + 1:headers_at] if ln.strip()]
            if following and all(_SUP.match(ln.strip()) or not ln.lstrip().startswith("<")
                                 for ln in following) and _SUP.match(following[0].strip()):
                notes_at = i
            break
    body_end = notes_at if notes_at is not None else headers_at
    doc = RawDocument(source, [], unit="line")
    for i in range(start, body_end):
        t, markers = _strip_sups(lines[i])
        doc.paragraphs.append(RawParagraph(t, i + 1, None, markers))
    if notes_at is not None:
        for i in range(notes_at + 1, headers_at):
            ln = lines[i].strip()
            if not ln:
                continue
            m = _SUP.match(ln)
            if m:
                doc.notes.append(RawNote(m.group(1), ln[m.end():].strip(), i + 1))
            elif doc.notes:
                doc.notes[-1].text += " " + ln
    part: tuple[str, list[str]] | None = None
    for i in range(headers_at + 1, len(lines)):
        m = _PART_LINE.match(lines[i].strip())
        if m:
            part = (m.group(1), [])
            doc.headers.append(part)
        elif part is not None and lines[i].strip():
            part[1].append(lines[i])
    return doc


#: A line that :func:`looks_like_answers` takes for a ``Vraag N`` heading (leading
#: whitespace of the line allowed, as its ``strip()`` does; never across a line break).
_VRAAG_LINE = re.compile(r"^[^\S\n]*Vraag[^\S\n]+\d{1,3}\b", re.IGNORECASE | re.MULTILINE)


def sniff_answer_text(path: Path, head: bytes) -> bool:
    """Claims a text file that reads as a ministry answer letter: ``Vraag N`` and
    ``Antwoord ...`` headings, or the ``=== page headers/footers`` section of the DOCX
    extraction together with ``Vraag N``. Reads up to 256 KB itself (a long letterhead
    can push ``Vraag 1`` past the first 4 KB)."""
    if b"\x00" in head or path.suffix.lower() not in {".txt", ".text", ".md", ""}:
        return False
    try:
        with open(path, "rb") as fh:
            data = fh.read(256 * 1024)
    except OSError:
        return False
    # Both headings are needed; a committee letter has no "Vraag N" line, so looking
    # for one first settles most files before the line-by-line check.
    if not _has_vraag_line(data):
        return False
    return looks_like_answers(data.decode("utf-8", errors="replace").split("\n"))


def _has_vraag_line(data: bytes) -> bool:
    """Does a line of ``data`` (UTF-8, decoded leniently) start with ``Vraag 12``
    (:data:`_VRAAG_LINE`)? Only the lines holding ``vraag`` in any case are decoded and
    matched: ``bytes.lower`` and ``find`` take microseconds where the pattern tried at
    every position of a 16 KB letter took 80 (a committee letter says "vraag" often,
    but seldom at the start of a line). A line break is one byte in UTF-8 and the
    letters of ``vraag`` have no other case forms, so the lines are the same."""
    low = data.lower()
    i = low.find(b"vraag")
    while i >= 0:
        start = data.rfind(b"\n", 0, i) + 1
        end = data.find(b"\n", i)
        before = data[start:i].strip(_ASCII_SPACE)
        # "de vragen" in running text: an ASCII character that is no space stands before
        # the word on its line, so the line cannot match (the common case, not decoded)
        if not (before and before.isascii()):
            line = data[start:end if end >= 0 else len(data)].decode("utf-8", errors="replace")
            if _VRAAG_LINE.match(line):
                return True
        i = low.find(b"vraag", end if end >= 0 else len(data))
    return False


#: The ASCII characters ``\s`` matches (``bytes.strip()`` leaves out ``\x1c``-``\x1f``).
_ASCII_SPACE = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def read_answer_text(path: str | Path) -> Letter:
    """Read the text form of an answer letter (realdocs 01-08 ``.txt``)."""
    text, issues = decode_bytes(read_input(path, str(path)), str(path))
    doc = parse_text_form(text, str(path))
    doc.warnings.extend(issues)
    return build_answer_letter(doc)


# ---------------------------------------------------------------------------------------
# Building the letter


@dataclass
class _Note:
    system: str  # "word", "paren", "bracket", "glued"
    number: str  # as printed: "1", "1)", "[1]", "1"
    text: str
    line: int
    citations: list[Citation] = field(default_factory=list)


def _printed(system: str, n: str) -> str:
    return {"word": n, "paren": f"{n})", "bracket": f"[{n}]", "glued": n}[system]


def _paren_depth_ok(text: str, pos: int) -> bool:
    depth = 0
    for ch in text[:pos]:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
    return depth == 0


def _plain_marker_candidates(text: str) -> list[tuple[str, str, int, int]]:
    """``[n]`` and ``n)`` markers in a body paragraph: (system, n, start, end)."""
    found = []
    for m in _MARK_BRACKET.finditer(text):
        found.append(("bracket", m.group(1), m.start(), m.end()))
    for m in _MARK_PAREN.finditer(text):
        if _paren_depth_ok(text, m.start()):
            found.append(("paren", m.group(1), m.start(), m.end()))
    found.sort(key=lambda f: f[2])
    return found


def _split_run_together(text: str, first: int) -> list[tuple[int, str]]:
    """``"https://...politie[3] https://..."`` after body ``[2]`` -> bodies 2 and 3."""
    parts: list[tuple[int, str]] = []
    expected, start, cur = first + 1, 0, first
    for m in _MARK_BRACKET.finditer(text):
        if int(m.group(1)) == expected:
            parts.append((cur, text[start:m.start()]))
            cur, start, expected = expected, m.end(), expected + 1
    parts.append((cur, text[start:]))
    return parts


def build_answer_letter(doc: RawDocument) -> Letter:
    """Turn a :class:`RawDocument` (from the text form or the DOCX) into the Letter."""
    src = doc.source
    letter = Letter(source=src, kind="answer")
    letter.warnings.extend(doc.warnings)
    unit = doc.unit

    def warn(line: int | None, code: str, message: str) -> None:
        where = f"{unit} {line}" if line else ""
        letter.warnings.append(Issue(src, where, code, message, line if unit == "line" else None))

    paras = doc.paragraphs
    texts = [clean_text(p.text)[0] for p in paras]
    vraag_idx = [i for i, t in enumerate(texts) if _vraag(t)]
    if not vraag_idx:
        raise InputError(src, "no 'Vraag N' heading: not an answer letter")
    first_q, last_q = vraag_idx[0], vraag_idx[-1]

    # -- cover letter: letterhead, cover text, signature, title ------------------------
    cover = list(range(0, first_q))
    cover_start = next((i for i in cover if _COVER_START.match(texts[i])), None)
    if cover_start is None:  # letterhead not recognised: the cover is all text
        bij = next((i for i in cover if texts[i].startswith("Bij beantwoording")), None)
        # a reply in the seeds' form: the letterhead ends at the salutation ("Geachte ...")
        geachte = next((i for i in cover if texts[i].startswith("Geachte ")), None)
        cover_start = bij + 1 if bij is not None else geachte if geachte is not None else 0
    letterhead = [texts[i] for i in range(cover_start) if texts[i]]
    for i in range(cover_start):
        if texts[i]:
            letter.skipped.append(SkippedBlock(paras[i].line, texts[i], "letterhead"))
    header_texts = [[clean_text(t)[0] for t in part_texts] for _, part_texts in doc.headers]
    _metadata(letter, letterhead, header_texts, doc, warn, texts[cover_start:first_q],
              answered=any(_antwoord(t) for t in texts[first_q:]))

    title_start = next((i for i in range(cover_start, first_q)
                        if re.match(r"^Antwoord(en)?\b", texts[i]) and not _antwoord(texts[i])),
                       None)
    cover_end = title_start if title_start is not None else first_q
    sig_at = None
    for i in range(cover_start, cover_end):
        m = _SIGN_FUNCTION.match(texts[i])
        if m and not texts[i].lower().startswith("mede namens"):
            name = next((texts[j] for j in range(i + 1, cover_end) if texts[j]), None)
            if name and len(name) <= 60 and not name.endswith((".", ":")) or (
                    name and re.match(r"^[A-Z]\.", name)):
                letter.chair_function = m.group(1)[0].upper() + m.group(1)[1:]
                letter.chair = name
                sig_at = i
    closing_from = None
    if sig_at is not None:
        closing_from = sig_at
        for i in range(sig_at - 1, cover_start, -1):
            if texts[i].lower().startswith("mede namens"):
                closing_from = i
                break
            if texts[i]:
                break

    # -- note bodies and markers --------------------------------------------------------
    candidates: dict[int, list[tuple[str, str, int, int]]] = {}
    for i in range(cover_start, len(paras)):
        if texts[i] and not (i > last_q and (_BODY_BRACKET.match(texts[i]) or
                                             _BODY_PAREN.match(texts[i]))):
            c = _plain_marker_candidates(paras[i].text)
            if c:
                candidates[i] = c
    cand_keys = {(s, n) for cs in candidates.values() for s, n, _, _ in cs}
    notes: list[_Note] = []
    zone_start = None
    for i in range(last_q + 1, len(paras)):
        t = texts[i]
        mb, mp = _BODY_BRACKET.match(t), _BODY_PAREN.match(t)
        if (mb and ("bracket", mb.group(1)) in cand_keys) or (mp and ("paren", mp.group(1)) in cand_keys):
            zone_start = i
            break
    body_end = len(paras)
    if zone_start is not None:
        body_end = zone_start
        prev_blank = False
        for i in range(zone_start, len(paras)):
            t = texts[i]
            if not t:
                prev_blank = True
                continue
            mb, mp = _BODY_BRACKET.match(t), _BODY_PAREN.match(t)
            if mb:
                parts = _split_run_together(mb.group(2), int(mb.group(1)))
                if len(parts) > 1:
                    warn(paras[i].line, "notes-run-together",
                         "notes " + " and ".join(f"[{n}]" for n, _ in parts)
                         + " run together on one line; split")
                for n, body in parts:
                    notes.append(_Note("bracket", f"[{n}]", body.strip(), paras[i].line))
            elif mp:
                notes.append(_Note("paren", f"{mp.group(1)})", mp.group(2).strip(), paras[i].line))
            elif notes and not prev_blank:
                notes[-1].text = (notes[-1].text + " " + t).strip()
            else:
                warn(paras[i].line, "text-after-notes",
                     f"text after the notes kept as a continuation of note {notes[-1].number}: "
                     f"{t[:60]!r}" if notes else f"text after the notes: {t[:60]!r}")
                if notes:
                    notes[-1].text = (notes[-1].text + " " + t).strip()
            prev_blank = False

    # plain-digit bodies at the end, glued markers in the text (the HTML copy of an
    # Aanhangsel van de Handelingen): only where no other system numbers the notes
    if zone_start is None and not doc.notes and not cand_keys:
        zone = trailing_note_bodies(texts, last_q)
        if zone is not None and zone[0] == "plain":
            bodies = [(i, str(n), body) for i, n, body in zone[1]]
            z = bodies[0][0]
            raw = [paras[i].text for i in range(cover_start, z)]
            found = glued_note_markers(raw, [int(n) for _, n, _ in bodies])
            if found:
                for ti, a, b, n in found:
                    candidates.setdefault(cover_start + ti, []).append(("glued", n, a, b))
                    cand_keys.add(("glued", n))
                for c in candidates.values():
                    c.sort(key=lambda f: f[2])
                for i, n, body in bodies:
                    notes.append(_Note("glued", n, body, paras[i].line))
                body_end = z

    # n) bodies without numbers (Word list items): the trailing block, matched by order
    have = {(n.system, n.number) for n in notes}
    open_paren = sorted({n for s, n in cand_keys if s == "paren" and ("paren", f"{n})") not in have},
                        key=int)
    if open_paren:
        end = body_end
        while end > last_q and not texts[end - 1]:
            end -= 1
        start = end
        while start > last_q + 1 and texts[start - 1]:
            start -= 1
        block = list(range(start, end))
        labels = [paras[i].label for i in block]
        label_nums = [(_LABEL_NUM.match(lb).group(1) if lb and _LABEL_NUM.match(lb) else None)
                      for lb in labels]
        fits = len(block) == len(open_paren) and block and not any(
            _vraag(texts[i]) or _antwoord(texts[i]) for i in block)
        if fits and all(label_nums) and sorted(label_nums, key=int) == open_paren:
            for i, n in zip(block, label_nums):
                notes.append(_Note("paren", f"{n})", texts[i], paras[i].line))
            body_end = start
        elif fits and not any(labels):
            for i, n in zip(block, open_paren):
                notes.append(_Note("paren", f"{n})", texts[i], paras[i].line))
            warn(paras[block[0]].line, "notes-matched-by-order",
                 f"{len(block)} note bodies without numbers matched by order to markers "
                 + ", ".join(f"{n})" for n in open_paren))
            body_end = start
    have = {(n.system, n.number) for n in notes}
    accepted = {(s, n) for s, n in cand_keys if (s, _printed(s, n)) in have}

    # -- structure: questions and answers ----------------------------------------------
    letter_paras: list[Paragraph] = []

    def add_paragraph(kind: str, idxs: list[int], number: str | None = None) -> int | None:
        pieces, markers, cites = [], [], []
        offset = 0
        for i in idxs:
            p = paras[i]
            remove, points, names = [], [], []
            for num, off in p.markers:
                points.append(off)
                names.append(num)
            spans = [x for c in p.citations for x in c.span]  # mapped after the markers
            for s, n, a, b in candidates.get(i, []):
                if (s, n) in accepted:
                    while a > 0 and p.text[a - 1] in _SPACE:
                        a -= 1
                    remove.append((a, b))
                    points.append(a)
                    names.append(_printed(s, n))
            t, pts = clean_text(p.text, remove, points + spans)
            if p.label and p.label not in {"•", "", "-"} and kind in {"answer", "text", "intro"}:
                t = f"{p.label} {t}"
                pts = [x + len(p.label) + 1 for x in pts]
            if not t:
                continue
            if pieces:
                offset += 1  # the "\n" joining paragraphs
            pts, mapped = pts[:len(points)], pts[len(points):]
            for num, pt in zip(names, pts):
                markers.append(FootnoteMarker(num, len(letter_paras), offset + pt, p.line))
            for c, a, b in zip(p.citations, mapped[0::2], mapped[1::2]):
                if a < b:  # the linked text, where it is in the paragraph as cleaned
                    cites.append(replace(c, span=(offset + a, offset + b), text=t[a:b]))
            pieces.append(t)
            offset += len(t)
        if not pieces:
            return None
        para = Paragraph(index=len(letter_paras), kind=kind, text="\n".join(pieces),
                         section=None, line=paras[idxs[0]].line, number=number,
                         markers=sorted(markers, key=lambda m: m.offset), citations=cites)
        letter_paras.append(para)
        return para.index

    for i in range(cover_start, cover_end):
        if texts[i]:
            add_paragraph("closing" if closing_from is not None and i >= closing_from else "intro", [i])
    if title_start is not None:
        add_paragraph("text", [i for i in range(title_start, first_q) if texts[i]])

    pending: list[str] = []
    questions: list[Question] = []
    i = first_q
    answered: set[str] = set()
    while i < body_end:
        m = _vraag(texts[i])
        if not m:
            i += 1
            continue
        number = m.group(1)
        block = []
        j = i + 1
        inline = m.group(2).strip()
        while j < body_end and not _vraag(texts[j]) and not _antwoord(texts[j]):
            if texts[j]:
                block.append(j)
            j += 1
        # the question ends with the first paragraph that asks (ends in "?")
        if inline:
            q_idxs, rest = [i], block
        else:
            q_idxs, rest = block[:1], block[1:]
            for k, b in enumerate(block):
                tail = _MARK_BRACKET.sub("", _MARK_PAREN.sub("", texts[b])).rstrip(" )”\"'’")
                if tail.endswith("?"):
                    q_idxs, rest = block[:k + 1], block[k + 1:]
                    break
        q_para = add_paragraph("item", q_idxs, number)
        if inline and q_para is not None:  # drop the "Vraag N" prefix
            para = letter_paras[q_para]
            pm = re.match(r"^Vraag\s+\d+\s*[:.]?\s*", para.text, re.IGNORECASE)
            cut = pm.end() if pm else 0
            para.text = para.text[cut:]
            for mk in para.markers:
                mk.offset = max(0, mk.offset - cut)
            para.citations = [replace(c, span=(c.span[0] - cut, c.span[1] - cut))
                              for c in para.citations if c.span[0] >= cut]
        if q_para is None:
            warn(paras[i].line, "empty-question", f"Vraag {number} has no text")
        else:
            para = letter_paras[q_para]
            questions.append(Question(index=len(questions) + 1, text=para.text, paragraph=q_para,
                                      start=0, end=len(para.text), section=None,
                                      fracties=tuple(letter.fracties), line=paras[i].line,
                                      number=number))
        pending.append(number)
        if rest:
            warn(paras[rest[0]].line, "answer-without-heading",
                 f"answer to vraag {', '.join(pending)} follows the question without an "
                 f"'Antwoord' heading")
            add_paragraph("answer", rest, ",".join(pending))
            answered.update(pending)
            pending = []
        i = j
        if i < body_end and _antwoord(texts[i]):
            am = _antwoord(texts[i])
            nums = re.findall(r"\d+", am.group(1) or "")
            if not nums:
                nums = list(pending)
            unknown = [n for n in nums if n not in pending]
            if unknown:
                warn(paras[i].line, "answer-unknown-question",
                     f"'{texts[i]}' names vraag {', '.join(unknown)}, not asked before it")
            j = i + 1
            ans = []
            while j < body_end and not _vraag(texts[j]):
                if texts[j] and not _antwoord(texts[j]):
                    ans.append(j)
                j += 1
            if not ans:
                warn(paras[i].line, "empty-answer", f"'{texts[i]}' has no text")
            else:
                add_paragraph("answer", ans, ",".join(nums))
            answered.update(nums)
            pending = [n for n in pending if n not in nums]
            i = j
    for n in pending:
        warn(None, "question-without-answer", f"vraag {n} has no answer")
    numbers = [q.number for q in questions]
    dupes = sorted({n for n in numbers if numbers.count(n) > 1}, key=int)
    for n in dupes:
        warn(None, "question-number-reused", f"vraag {n} occurs more than once")

    # -- footnotes ------------------------------------------------------------------------
    # a Word or XML note keeps its publisher links where cleaning leaves its text as it is
    all_notes = [_Note("word", n.number, t, n.line, n.citations if t == n.text else [])
                 for n in doc.notes for t in [clean_text(n.text)[0]]] + notes
    order = {"word": 0, "glued": 0, "paren": 1, "bracket": 2}

    def key(n: _Note):
        digits = re.sub(r"\D", "", n.number)
        return (order[n.system], int(digits) if digits else 0, n.number)

    all_notes.sort(key=key)
    first_marker: dict[str, FootnoteMarker] = {}
    for para in letter_paras:
        for mk in para.markers:
            first_marker.setdefault(mk.number, mk)
    seen: set[str] = set()
    for n in all_notes:
        if n.number in seen:
            warn(n.line, "duplicate-footnote", f"note {n.number} has two bodies; both kept")
        seen.add(n.number)
        mk = first_marker.get(n.number)
        fn = Footnote(number=n.number, text=clean_text(n.text)[0],
                      line=mk.line if (mk and unit == "paragraph" and n.system == "word") else n.line,
                      marker=mk)
        fn.citations.extend(n.citations)
        if mk is None:
            issue = Issue(src, f"{unit} {n.line}", "body-without-marker",
                          f"note {n.number} has no marker in the text", n.line if unit == "line" else None)
            fn.warnings.append(issue)
            letter.warnings.append(issue)
        letter.footnotes.append(fn)
    bodies = {n.number for n in all_notes}
    for num, mk in first_marker.items():
        if num not in bodies:
            warn(mk.line, "marker-without-body", f"note marker {num} has no note text")
    for s, n in sorted(cand_keys - accepted, key=lambda x: (x[0], int(x[1]))):
        if s == "bracket":
            line = next(paras[i].line for i, cs in candidates.items()
                        if any(c[0] == s and c[1] == n for c in cs))
            warn(line, "marker-without-body", f"note marker [{n}] has no note text")
    by_digit: dict[str, list[str]] = {}
    for n in all_notes:
        by_digit.setdefault(re.sub(r"\D", "", n.number), []).append(n.number)
    for d, printed in sorted(by_digit.items(), key=lambda x: int(x[0] or 0)):
        systems = sorted(set(printed))
        if len(systems) > 1:
            warn(None, "note-number-reused",
                 f"note number {d} is used by {len(systems)} note systems ("
                 + ", ".join(systems) + "); all kept")

    letter.paragraphs = letter_paras
    letter.questions = questions
    return letter


#: The Aanhangsel van de Handelingen heads its answers with the questions' description
#: (:data:`.structure.ASKERS_LINE`: "Vragen van het lid Beckerman (SP) aan de
#: Staatssecretaris ... over ... (ingezonden 9 november 2023).") and the answer's, not a
#: letterhead: "Antwoord van Staatssecretaris Heijnen (Infrastructuur en Waterstaat)
#: (ontvangen 4 december 2023)."
_ANSWERED_BY = re.compile(r"^Antwoord(?:en)?\s+(?:van|mede namens)\b", re.IGNORECASE)
_CHAMBER_LINE = re.compile(r"^(Eerste|Tweede) Kamer der Staten-Generaal$")


def _aanhangsel(preamble: list[str], answered: bool = True) -> dict[str, str]:
    """The Aanhangsel's description lines before the first question: ``betreft`` (the
    questions' description), ``datum`` (the answer's "ontvangen" date; questions not
    answered yet: their "ingezonden" date) and ``chamber`` ("Tweede"/"Eerste", from the
    line naming the chamber); what is there."""
    found: dict[str, str] = {}
    sent_in = None
    for t in preamble:
        if "betreft" not in found and ASKERS_LINE.match(t):
            found["betreft"] = t
            sent_in = dated(t, "ingezonden")
            sent_in = sent_in if sent_in and parse_dutch_date(sent_in) else None
        elif "datum" not in found and _ANSWERED_BY.match(t):
            received = dated(t, "ontvangen")
            if received and parse_dutch_date(received):
                found["datum"] = received
        elif "chamber" not in found and (m := _CHAMBER_LINE.match(t)):
            found["chamber"] = m.group(1)
    if "datum" not in found and sent_in and not answered:
        found["datum"] = sent_in
    return found


def _metadata(letter: Letter, letterhead: list[str], headers: list[list[str]],
              doc: RawDocument, warn, preamble: list[str] = (), answered: bool = True) -> None:
    """Datum, kenmerk, betreft, addressee and the askers' fracties, from the letterhead,
    else the page headers, else (an Aanhangsel van de Handelingen) the description lines
    of the ``preamble`` before the first question (``answered``: the document holds an
    answer, so the questions' date is not its date)."""
    def pairs(texts: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for k, t in enumerate(texts):
            field_ = _LABELS.get(t.lower().rstrip(":"))
            inline = _LABEL_INLINE.match(t) if not field_ else None
            if inline:  # the seeds' form: "datum 20 mei 2026", "ons kenmerk 7204518"
                field_ = _LABELS[inline.group(1).lower()]
            if not field_ or field_ in found:
                continue
            value = inline.group(2).strip() if inline else next(
                (v for v in texts[k + 1:k + 3] if v and v.lower().rstrip(":") not in _LABELS), None)
            if value is None:
                continue
            if field_ == "kenmerk" and (not _KENMERK.match(value) or value.lower().startswith("pagina")):
                continue
            if field_ == "datum" and parse_dutch_date(value) is None:
                continue
            found[field_] = value
        return found

    body = pairs(letterhead)
    head: dict[str, str] = {}
    for part in headers:
        for k, v in pairs(part).items():
            head.setdefault(k, v)
    described = _aanhangsel(preamble, answered)
    for k in ("datum", "betreft"):
        if k in described and not (body.get(k) or head.get(k)):
            body[k] = described[k]
    for k in ("datum", "kenmerk", "betreft"):
        b, h = body.get(k), head.get(k)
        if b and h and b != h:
            warn(None, "letterhead-mismatch",
                 f"{k} differs between the letter ({b!r}) and the page header ({h!r}); "
                 f"the letter's is used")
    datum = body.get("datum") or head.get("datum")
    if datum:
        letter.datum_raw = datum
        letter.datum = parse_dutch_date(datum)
    letter.kenmerk = body.get("kenmerk") or head.get("kenmerk")
    letter.betreft = body.get("betreft") or head.get("betreft")
    for k, label in (("datum", "Datum"), ("kenmerk", "Ons kenmerk"), ("betreft", "Onderwerp/Betreft")):
        if not (body.get(k) or head.get(k)):
            warn(None, f"no-{k}", f"no {label} in the letterhead or the page headers")
    # addressee: the block from "Aan de Voorzitter ..." up to the postal address
    addressee = None
    for texts in [letterhead] + headers:
        for k, t in enumerate(texts):
            if re.match(r"^(Aan\s+)?(de\s+)?voorzitter\b", t, re.IGNORECASE):
                joined = " ".join(x for x in texts[k:k + 3] if not x.lower().startswith("postbus"))
                m = _ADDRESSEE.search(clean_text(joined)[0])
                if m:
                    addressee = m
                    break
        if addressee:
            break
    named = described.get("chamber") or {"tk": "Tweede", "ek": "Eerste"}.get(doc.chamber or "")
    if addressee or named:
        # an Aanhangsel answers the Kamer whose member asked: the chamber it names, or
        # (its XML) the chamber of its publication id
        chamber = addressee.group(1) if addressee else named
        letter.addressee_function = f"Voorzitter van de {chamber} Kamer der Staten-Generaal"
        letter.chamber = "tk" if chamber == "Tweede" else "ek"
    else:
        letter.addressee_function = "Voorzitter van de Tweede Kamer der Staten-Generaal"
        letter.chamber = "tk"
        warn(None, "addressee-assumed", "no address block; addressee taken to be the "
                                        "Voorzitter van de Tweede Kamer (answers to Kamervragen)")
    # fracties of the askers: "(SP)", "(beiden SP)", "(GroenLinks-PvdA)"
    subject = letter.betreft or ""
    m = re.search(r"\b(?:het lid|de leden|lid|leden)\b(.*?)(?:\bover\b|\baan\s+de\b|$)", subject)
    scope = m.group(1) if m else ""
    for pm in _PARTY.finditer(scope):
        name = re.sub(r"^(beiden|allen|allebei)\s+", "", pm.group(1).strip())
        if not re.search(r"[A-Za-z]", name) or re.search(r"\d{4}", name):
            continue
        for part in re.split(r"(?<!\s)\s*+(?:,|\ben\b)\s*+", name):
            if part and part not in letter.fracties:
                letter.fracties.append(part)
