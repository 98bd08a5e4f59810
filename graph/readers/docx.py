"""Word documents (``.docx``) read with lxml straight from the zip members.

A ministry's answer letter arrives as DOCX (realdocs ``raw/01-08``). What matters is
spread over several parts of the zip:

- ``word/document.xml``: the body paragraphs (``w:p``, also inside the letterhead
  tables) in document order, with ``w:footnoteReference w:id="1"`` where a footnote
  marker stands, and ``w:numPr`` where Word draws a list number;
- ``word/numbering.xml``: what that number looks like (``%1.``, ``%1)``, decimal, letters,
  roman), so the list item's label (``"1."``) can be rendered as Word shows it;
- ``word/footnotes.xml`` / ``word/endnotes.xml``: the note bodies by ``w:id``;
- ``word/header*.xml`` / ``word/footer*.xml``: the letterhead on later pages; in realdocs
  08 ``Datum``, ``Betreft`` and ``Ons kenmerk`` live only in ``word/header2.xml``.

:func:`read_docx_raw` collects all that into the :class:`~.answers.RawDocument` the text
form also produces (one paragraph per ``w:p``, empty ones kept so that blank-line
structure matches the text form), and :func:`read_docx` builds the Letter: an answer
letter (``Vraag 1`` / ``Antwoord op vraag 1``) through :func:`~.answers.build_answer_letter`,
anything else as a plain document (``Letter(kind="document")``) with its paragraphs,
footnotes and letterhead metadata.

No python-docx: it is not needed for reading text, numbering and notes, and every XML
part goes through :func:`~.safe_xml.parse_xml` (no entities, no network, depth and size
limits). The zip itself is checked before anything is inflated (member sizes,
compression ratio) so a zip bomb is refused, not unpacked. ``Paragraph.line`` and
warning places count paragraphs of ``word/document.xml`` (1-based), as
``"paragraph 12"``.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path


from ..model import Footnote, FootnoteMarker, Issue, Letter, Paragraph
from .answers import (RawDocument, RawNote, RawParagraph, build_answer_letter, clean_text,
                      looks_like_answers, parse_dutch_date)
from .base import InputError, limits
from .safe_xml import parse_xml

__all__ = ["sniff_docx", "read_docx", "read_docx_raw", "MAX_PART_BYTES"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: Largest uncompressed XML part read from a DOCX.
MAX_PART_BYTES = 32 * 1024 * 1024
_MAX_RATIO = 200  # uncompressed / compressed, per member
_MAX_TOTAL = 256 * 1024 * 1024


def sniff_docx(path: Path, head: bytes) -> bool:
    """A ``.docx`` by name (so that a broken one gets a clear error), or any zip that
    holds ``word/document.xml``."""
    if path.suffix.lower() in {".docx", ".docm"}:
        return True
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(path) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def _open_zip(path: Path, source: str) -> zipfile.ZipFile:
    if not zipfile.is_zipfile(path):
        raise InputError(source, "not a zip file, so not a Word document (.docx is a zip "
                                 "of XML parts); a .doc from old Word is not supported")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        raise InputError(source, f"broken zip: {err}") from None
    names = set(zf.namelist())
    if "word/document.xml" not in names:
        zf.close()
        raise InputError(source, "zip without word/document.xml: not a Word document")
    total = 0
    for info in zf.infolist():
        total += info.file_size
        if info.filename.endswith(".xml") and info.file_size > MAX_PART_BYTES:
            zf.close()
            raise InputError(source, f"part too large ({info.file_size / 2**20:.0f} MiB); refused",
                             info.filename)
        if info.compress_size and info.file_size / info.compress_size > _MAX_RATIO and \
                info.file_size > 1024 * 1024:
            zf.close()
            raise InputError(source, "zip member inflates more than 200-fold (zip bomb?); "
                                     "refused", info.filename)
    if total > _MAX_TOTAL:
        zf.close()
        raise InputError(source, f"zip inflates to {total / 2**20:.0f} MiB; refused")
    return zf


class _Inflated:
    """Counts the bytes really inflated from one DOCX, across its parts: the sizes a zip
    declares can lie (a 2 MB file that inflates to 2 GB said it held 2 KB), so every part
    is read in 64 KB pieces and refused once the budget (:class:`~.base.Limits`
    ``docx_mb``, or :data:`MAX_PART_BYTES` for one part) is passed."""

    def __init__(self):
        self.total = 0
        self.budget = int(limits().docx_mb * 2**20)

    def read(self, zf: zipfile.ZipFile, name: str, source: str) -> bytes | None:
        try:
            member = zf.open(name)
        except KeyError:
            return None
        chunks: list[bytes] = []
        size = 0
        with member:
            while True:
                chunk = member.read(65536)
                if not chunk:
                    break
                size += len(chunk)
                self.total += len(chunk)
                if size > MAX_PART_BYTES:
                    raise InputError(source, f"part inflates to more than "
                                             f"{MAX_PART_BYTES / 2**20:.0f} MiB; refused", name)
                if self.total > self.budget:
                    raise InputError(source, f"zip inflates to more than {self.budget / 2**20:.0f} "
                                             "MiB (KAMERXREF_MAX_DOCX_MB); refused", name)
                chunks.append(chunk)
        return b"".join(chunks)


def _part(zf: zipfile.ZipFile, name: str, source: str, inflated: _Inflated | None = None):
    try:
        data = (inflated or _Inflated()).read(zf, name, source)
    except InputError:
        raise
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, ValueError, NotImplementedError,
            zlib.error) as err:
        raise InputError(source, f"cannot read zip member: {err}", name) from None
    if data is None:
        return None
    return parse_xml(data, source, where=name)


# -- numbering ------------------------------------------------------------------------


#: Labels Word draws as letters or roman numerals up to these values; beyond them
#: (``w:start w:val="999999999999"``) the label is the number itself, computed, never
#: counted out (a loop of 10^8 "m"s for roman 10^11 ran for minutes).
_MAX_ROMAN = 3999
_MAX_LETTERS = 26 * 30


def _roman(n: int) -> str:
    if not 0 < n <= _MAX_ROMAN:
        return str(n)
    vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = []
    for v, s in vals:
        k, n = divmod(n, v)
        out.append(s * k)
    return "".join(out)


def _letters(n: int) -> str:
    n = max(n, 1)
    if n > _MAX_LETTERS:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _fmt(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in {"bullet", "none"}:
        return ""
    return str(n)


class _Numbering:
    """Renders list labels the way Word draws them: ``numId`` -> abstractNum levels
    (``lvlText="%1."``, ``numFmt``, ``start``), counters per list and level."""

    def __init__(self, root, source: str = ""):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        self.warnings: list[Issue] = []
        self.source = source
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        if root is None:
            return
        for a in root.findall(W + "abstractNum"):
            lv = {}
            for lvl in a.findall(W + "lvl"):
                ilvl = self.number(lvl.get(W + "ilvl", "0"), "w:ilvl", 0, upper=8)
                if ilvl is None:
                    continue
                fmt = lvl.find(W + "numFmt")
                text = lvl.find(W + "lvlText")
                start = lvl.find(W + "start")
                lv[ilvl] = (fmt.get(W + "val") if fmt is not None else "decimal",
                            text.get(W + "val") if text is not None else f"%{ilvl + 1}.",
                            self.number(start.get(W + "val"), "w:start", 1) if start is not None else 1)
            abstract[a.get(W + "abstractNumId")] = lv
        for num in root.findall(W + "num"):
            aid = num.find(W + "abstractNumId")
            lv = dict(abstract.get(aid.get(W + "val") if aid is not None else "", {}))
            for ov in num.findall(W + "lvlOverride"):
                so = ov.find(W + "startOverride")
                ilvl = self.number(ov.get(W + "ilvl", "0"), "w:ilvl", 0, upper=8)
                if so is not None and ilvl in lv:
                    f, t, _ = lv[ilvl]
                    lv[ilvl] = (f, t, self.number(so.get(W + "val"), "w:startOverride", 1))
            self.levels[num.get(W + "numId")] = lv

    def number(self, value: str | None, what: str, default: int | None, upper: int = 10**15) -> int | None:
        """An integer attribute of numbering.xml; a value that is not one (``"abc"``, a
        5,000-digit number) or out of range gives ``default`` and a warning."""
        v = (value or "").strip()
        if v.isascii() and v.lstrip("-").isdigit() and len(v) <= 16 and 0 <= int(v) <= upper:
            return int(v)
        shown = v if len(v) <= 20 else f"{v[:12]}... ({len(v)} characters)"
        self.warnings.append(Issue(self.source, "word/numbering.xml", "bad-numbering",
                                   f"{what}={shown!r} is not a number from 0 to {upper}; "
                                   f"{'ignored' if default is None else f'{default} used'}"))
        return default

    def label(self, num_id: str, ilvl: int) -> str | None:
        lv = self.levels.get(num_id)
        if not lv or ilvl not in lv or num_id == "0":
            return None
        counts = self.counters.setdefault(num_id, [0] * 10)
        for deeper in range(ilvl + 1, 10):
            counts[deeper] = 0
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else lv[ilvl][2]
        fmt, text, _ = lv[ilvl]
        if fmt == "bullet":
            return "•"

        def sub(m):
            k = int(m.group(1)) - 1
            if k not in lv:
                return ""
            n = counts[k] or lv[k][2]
            return _fmt(n, lv[k][0])

        return re.sub(r"%(\d)", sub, text).strip() or None


def _ilvl(el) -> int:
    """The list level of a ``w:ilvl`` element (0-8); a value that is not one (``"x"``)
    gives -1, a level no list has, so the paragraph gets no label."""
    v = el.get(W + "val", "") if el is not None else "0"
    return int(v) if v.isascii() and v.isdigit() and len(v) <= 2 and int(v) <= 8 else -1


def _style_numpr(styles) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    if styles is None:
        return out
    based: dict[str, str] = {}
    for st in styles.findall(W + "style"):
        sid = st.get(W + "styleId")
        b = st.find(W + "basedOn")
        if b is not None:
            based[sid] = b.get(W + "val")
        npr = st.find(f"{W}pPr/{W}numPr")
        if npr is not None:
            nid = npr.find(W + "numId")
            il = npr.find(W + "ilvl")
            if nid is not None:
                out[sid] = (nid.get(W + "val"), _ilvl(il))
    for sid in list(based):  # inherit numbering through basedOn (bounded walk)
        cur, hops = sid, 0
        while cur not in out and cur in based and hops < 20:
            cur, hops = based[cur], hops + 1
        if cur in out and sid not in out:
            out[sid] = out[cur]
    return out


# -- text of a paragraph ------------------------------------------------------------------


#: Elements whose content is not the paragraph's visible text: nested paragraphs (text
#: boxes, read on their own), the VML fallback copy of a drawing, deleted text, field codes.
_SKIP = {W + "p", MC + "Fallback", W + "del", W + "moveFrom", W + "delText", W + "instrText",
         W + "pPr", W + "rPr"}


def _in_fallback(el) -> bool:
    return any(a.tag == MC + "Fallback" for a in el.iterancestors())


def _para_text(p, note_numbers: dict[str, str], kind: str = "footnote"
               ) -> tuple[str, list[tuple[str, int]]]:
    """Text of a ``w:p`` with note markers as (number, offset). Deleted text and field
    instructions are skipped; tabs and breaks become spaces later."""
    out: list[str] = []
    length = 0
    markers: list[tuple[str, int]] = []
    stack = list(reversed(list(p)))
    while stack:  # document order, not descending into nested paragraphs (text boxes)
        el = stack.pop()
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            t = el.text or ""
            out.append(t)
            length += len(t)
        elif tag in (W + "tab", W + "br", W + "cr"):
            out.append("\t" if tag == W + "tab" else "\n")
            length += 1
        elif tag == W + "noBreakHyphen":
            out.append("-")
            length += 1
        elif tag in (W + "footnoteReference", W + "endnoteReference"):
            nid = el.get(W + "id")
            if nid in note_numbers:
                markers.append((note_numbers[nid], length))
        else:
            stack.extend(reversed(list(el)))
    return "".join(out), markers


def read_docx_raw(path: str | Path) -> RawDocument:
    """Read the parts of a DOCX into the intermediate form shared with the text form."""
    p = Path(path)
    source = str(path)
    zf = _open_zip(p, source)
    inflated = _Inflated()
    with zf:
        doc_root = _part(zf, "word/document.xml", source, inflated)
        body = doc_root.find(W + "body")
        if body is None:
            raise InputError(source, "word/document.xml has no w:body", "word/document.xml")
        numbering = _Numbering(_part(zf, "word/numbering.xml", source, inflated), source)
        style_num = _style_numpr(_part(zf, "word/styles.xml", source, inflated))
        foot_root = _part(zf, "word/footnotes.xml", source, inflated)
        end_root = _part(zf, "word/endnotes.xml", source, inflated)
        header_names = sorted(
            (n for n in zf.namelist() if re.fullmatch(r"word/(header|footer)\d*\.xml", n)),
            key=lambda n: (n.startswith("word/footer"), int(re.sub(r"\D", "", n) or 0)))
        headers = []
        for name in header_names:
            root = _part(zf, name, source, inflated)
            texts = [clean_text(_para_text(hp, {})[0])[0] for hp in root.iter(W + "p")
                     if not _in_fallback(hp)]
            headers.append((name, [t for t in texts if t]))

    # Word numbers footnotes in the order their references appear (1, 2, ...);
    # endnotes get their own sequence, in roman numerals as Word prints them by default.
    note_numbers: dict[str, str] = {}
    fn_seq = en_seq = 0
    for ref in body.iter(W + "footnoteReference", W + "endnoteReference"):
        nid = ref.get(W + "id")
        if ref.tag == W + "footnoteReference":
            key = f"f{nid}"
            if key not in note_numbers:
                fn_seq += 1
                note_numbers[key] = str(fn_seq)
        else:
            key = f"e{nid}"
            if key not in note_numbers:
                en_seq += 1
                note_numbers[key] = _roman(en_seq)
    by_id = {}
    for k, v in note_numbers.items():
        by_id.setdefault(k[1:], v)  # used by _para_text; footnote ids win on clashes

    doc = RawDocument(source, [], headers=headers, unit="paragraph")
    doc.warnings.extend(numbering.warnings)
    ordinal = 0
    for para in body.iter(W + "p"):
        if _in_fallback(para):
            continue
        ordinal += 1
        ref_numbers = {}
        for ref in para.iter(W + "footnoteReference", W + "endnoteReference"):
            prefix = "f" if ref.tag == W + "footnoteReference" else "e"
            ref_numbers[ref.get(W + "id")] = note_numbers.get(prefix + ref.get(W + "id"), "?")
        text, markers = _para_text(para, ref_numbers)
        label = None
        ppr = para.find(W + "pPr")
        num = None
        if ppr is not None:
            npr = ppr.find(W + "numPr")
            if npr is not None and npr.find(W + "numId") is not None:
                il = npr.find(W + "ilvl")
                num = (npr.find(W + "numId").get(W + "val"), _ilvl(il))
            else:
                ps = ppr.find(W + "pStyle")
                if ps is not None and ps.get(W + "val") in style_num:
                    num = style_num[ps.get(W + "val")]
        if num is not None and text.strip():
            label = numbering.label(*num)
        doc.paragraphs.append(RawParagraph(text, ordinal, label, markers))

    for root, prefix, tag in ((foot_root, "f", "footnote"), (end_root, "e", "endnote")):
        if root is None:
            continue
        for note in root.findall(W + tag):
            if note.get(W + "type") in {"separator", "continuationSeparator", "continuationNotice"}:
                continue
            nid = note.get(W + "id")
            number = note_numbers.get(prefix + nid)
            text = " ".join(_para_text(np_, {})[0] for np_ in note.iter(W + "p"))
            text = clean_text(text)[0]
            if number is None:
                doc.warnings.append(Issue(source, f"word/{tag}s.xml", "body-without-marker",
                                          f"{tag} id {nid} is never referenced in the text: "
                                          f"{text[:60]!r}"))
                continue
            doc.notes.append(RawNote(number, text, 0))
    # a note body's line: the paragraph of its first marker
    first_line = {}
    for rp in doc.paragraphs:
        for n, _ in rp.markers:
            first_line.setdefault(n, rp.line)
    for note in doc.notes:
        note.line = first_line.get(note.number, 0)
    return doc


def read_docx(path: str | Path) -> Letter:
    """Read a DOCX into a Letter: an answer letter when it has ``Vraag N`` and
    ``Antwoord`` headings, else a plain document (every non-empty paragraph a
    ``Paragraph(kind="text")``, Word footnotes with their markers, and ``Datum``,
    ``Ons kenmerk``, ``Betreft``/``Onderwerp`` from the body or the page headers)."""
    raw = read_docx_raw(path)
    if looks_like_answers(rp.text for rp in raw.paragraphs):
        return build_answer_letter(raw)
    return _plain_letter(raw)


def _plain_letter(raw: RawDocument) -> Letter:
    letter = Letter(source=raw.source, kind="document")
    letter.warnings.extend(raw.warnings)
    first_marker: dict[str, FootnoteMarker] = {}
    for rp in raw.paragraphs:
        text, offsets = clean_text(rp.text, (), [o for _, o in rp.markers])
        if rp.label and rp.label != "•":
            text = f"{rp.label} {text}"
            offsets = [o + len(rp.label) + 1 for o in offsets]
        if not text.strip():
            continue
        idx = len(letter.paragraphs)
        markers = [FootnoteMarker(n, idx, o, rp.line) for (n, _), o in zip(rp.markers, offsets)]
        for mk in markers:
            first_marker.setdefault(mk.number, mk)
        letter.paragraphs.append(Paragraph(idx, "text", text, None, rp.line,
                                           number=rp.label, markers=markers))
    for note in raw.notes:
        letter.footnotes.append(Footnote(note.number, note.text, note.line,
                                         marker=first_marker.get(note.number)))
    texts = [p.text for p in letter.paragraphs] + [t for _, ts in raw.headers for t in ts]
    labels = {"datum": "datum", "ons kenmerk": "kenmerk", "betreft": "betreft",
              "onderwerp": "betreft"}
    for k, t in enumerate(texts[:-1]):
        field_ = labels.get(t.lower().rstrip(":"))
        if not field_ or getattr(letter, field_):
            continue
        value = texts[k + 1]
        if field_ == "datum":
            if parse_dutch_date(value):
                letter.datum_raw, letter.datum = value, parse_dutch_date(value)
        elif field_ == "kenmerk":
            if re.match(r"^[A-Za-z0-9][\w./\-]*\d", value):
                letter.kenmerk = value
        else:
            letter.betreft = value
    return letter
