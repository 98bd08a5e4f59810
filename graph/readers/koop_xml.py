"""officielebekendmakingen XML (KOOP), Tweede Kamer VLOS XML, and Staten-Generaal
Digitaal OCR pages: the publisher's own forms of parliamentary papers.

**KOOP XML** (root ``officiele-publicatie``, or a bare ``kamerstuk`` / ``handelingen``):
every ``al`` (and ``considerans.al``) is one :class:`Paragraph`, in document order.
Footnotes are ``<noot id="n1"><noot.nr>1</noot.nr><noot.al>...</noot.al></noot>`` at the
place of their marker (the marker offset is recorded, the body leaves the paragraph text);
``<nootref refid="n1"/>`` is a second marker for the same note. ``<extref doc="kst-...">``
is the publisher's own link, kept as a :class:`Citation` with ``how="publisher"`` and the
span of the linked text in the paragraph. Two extrefs to the same document separated only
by punctuation and ``nr.`` are one citation: in realdocs 09
``( <extref doc="kst-21501-08-719">21501-08</extref> , nr. <extref ...>719</extref> )``
gives one citation ``21501-08, nr. 719`` -> ``kst-21501-08-719``.

Where they go: extrefs inside a ``noot`` are appended to ``Footnote.citations``; extrefs
in body text go on ``Paragraph.citations``.

The dirty copies of realdocs 09-11 are read as they are: the ``SOURCE:`` line, the
mojibake BOM ``ï»¿`` and whitespace before ``<?xml`` are stripped
(:func:`~.safe_xml.clean_xml_prefix`), attribute names are matched case-insensitively
(``xsi:nonamespaceschemalocation``), indentation added by re-serialisation is collapsed
(``( 21501-08 , nr.`` -> ``(21501-08, nr.``), and double-encoded text is repaired where it
decodes cleanly (``FinanciÃ«n`` -> ``Financiën``; ``FRYSLÂN`` stays: ``ÂN`` is not UTF-8).

kenmerk is the official id from the metadata record (``h-tk-20172018-70-6`` from
``https://zoek.officielebekendmakingen.nl/h-tk-20172018-70-6/metadata.xml``), kind the
publication element (``handelingen``, ``kamerstuk``, ``staatsblad``...), datum the first
``datum/@isodatum`` where present.

**VLOS** (``vlosCoreDocument``, namespace ``http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0``,
realdocs 12): ``Letter(kind="vlos")``; each ``zaak`` title is a Paragraph and its
``dossiernummer``/``stuknummer`` pair a publisher citation (``36600-VII`` + ``143`` ->
``kst-36600-VII-143``), spanning ``36600-VII, nr. 143`` in the title where it is written
there. kenmerk is the vergadering's ``objectid`` (VLOS has no KOOP id).

**SGD OCR** (realdocs 14-16: the OCR text of a pre-1995 page from Staten-Generaal
Digitaal, ``https://zoek.officielebekendmakingen.nl/0000157019/ocr``): read as a plain
``Letter(kind="ocr")`` whose paragraphs are the OCR lines joined where a sentence runs on,
so the citation engine can find ``(Stb. 1952, 406)`` in them. The running footer
(``Tweede Kamer, zitting 1981, 16927 (R 1176), nrs. 1-3``) and bare page numbers are
:class:`SkippedBlock`\\ s; kenmerk is the SGD record number when the file names it.
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
from pathlib import Path

from lxml import etree

from ..model import Citation, Footnote, FootnoteMarker, Issue, Letter, Paragraph, SkippedBlock
from .base import InputError, decode_bytes, read_input
from .structure import is_page_number
from .safe_xml import (MAX_XML_BYTES, check_no_entities, clean_xml_prefix, parse_xml, root_name,
                       to_utf8)

__all__ = ["sniff_xml", "read_xml", "repair_mojibake", 
           "sniff_sgd_ocr", "read_sgd_ocr", "KOOP_ROOTS", "VLOS_NS"]

KOOP_ROOTS = {"officiele-publicatie", "kamerstuk", "handelingen"}
VLOS_NS = "http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0"
SUPPORTED = sorted(KOOP_ROOTS | {"vlosCoreDocument"})


# -- mojibake ---------------------------------------------------------------------------

_CP1252_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJI = re.compile("[\u00c2-\u00f4][\u0080-\u00bf" + _CP1252_EXTRA + "]{1,3}")


def _char_byte(ch: str) -> int | None:
    o = ord(ch)
    if o < 256:
        return o
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        return None


def repair_mojibake(text: str) -> tuple[str, int]:
    """Undo UTF-8 read as Latin-1/Windows-1252 where, and only where, it decodes cleanly.

    ``"minister van FinanciÃ«n"`` -> ``("minister van Financiën", 1)``;
    ``"FRYSLÂN"`` -> unchanged (``Â`` followed by ``N`` is no UTF-8 sequence).
    Linear: one regex pass, each candidate 2-4 characters.
    """
    count = 0

    def fix(m: re.Match) -> str:
        nonlocal count
        s = m.group(0)
        lead = _char_byte(s[0])
        need = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
        if len(s) < need:
            return s
        raw = bytes(b for b in (_char_byte(c) for c in s[:need]) if b is not None)
        if len(raw) != need:
            return s
        try:
            out = raw.decode("utf-8")
        except UnicodeDecodeError:
            return s
        count += 1
        return out + s[need:]

    if "Ã" not in text and "Â" not in text and "â" not in text and "Å" not in text:
        return text, 0
    return _MOJI.sub(fix, text), count


# -- text of an element with spans -------------------------------------------------------

_SUPERSCRIPT = str.maketrans("0123456789+-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻")
_NO_SPACE_BEFORE = set(",.;:)!?]")
_WS = " \t\n\r\u00a0"
#: A whitespace run that is not one plain space (a single " " needs no replacing).
_WS_RUN = re.compile(f"(?: [{_WS}]|[{_WS.replace(' ', '')}])[{_WS}]*")
#: The whitespace runs :meth:`_Collector.finish` drops: at the start, after ``(``, and
#: before ``, . ; : ) ! ? ]`` or the end (each taken whole from its first character).
_WS_DROP = re.compile(rf"\A[{_WS}]++|(?<=\()[{_WS}]++|(?<![{_WS}])[{_WS}]++(?=[,.;:)!?\]]|\Z)")


def _collapse_spaces(raw: str) -> str:
    """:meth:`_Collector.finish` for text without events, by two substitutions:
    ``"\\n  Zie ( bijlage ) ,\\n"`` -> ``"Zie (bijlage),"``."""
    return _WS_RUN.sub(" ", _WS_DROP.sub("", raw)).rstrip()


def _local(tag) -> str:
    """``"{http://...}al"`` -> ``"al"``; ``""`` for a comment or processing instruction."""
    return _local_name(tag) if isinstance(tag, str) else ""


@functools.lru_cache(maxsize=4096)
def _local_name(tag: str) -> str:
    """The local name of a tag, remembered: a document has a few dozen distinct tags and
    asks for them at every element (building a ``QName`` each time was a seventh of
    reading a KOOP XML file)."""
    return etree.QName(tag).localname


def _attr(el, name: str) -> str | None:
    """Attribute by local name, case-insensitively (the dirty copies lower-case them)."""
    name = name.lower()
    for k, v in el.attrib.items():
        if _local_name(k).lower() == name:
            return v
    return None


class _Collector:
    """Walks one ``al``: raw text pieces plus events (extref start/end, note markers),
    then collapses the re-serialisation whitespace while mapping every event offset."""

    def __init__(self, reader: "_KoopReader"):
        self.reader = reader
        self.raw: list[str] = []
        self.length = 0
        self.events: list[tuple[int, str, object]] = []  # (raw pos, kind, payload)

    def add(self, text: str | None) -> None:
        if text:
            text, n = repair_mojibake(text)
            self.reader.repaired += n
            self.raw.append(text)
            self.length += len(text)

    def walk(self, el) -> None:
        self.add(el.text)
        for child in el:
            name = _local(child.tag)
            if name == "noot":
                fn = self.reader.footnote(child)
                self.events.append((self.length, "marker", fn))
            elif name == "nootref":
                self.events.append((self.length, "ref", _attr(child, "refid")))
            elif name == "extref":
                self.events.append((self.length, "start", _attr(child, "doc")))
                self.walk(child)
                self.events.append((self.length, "end", _attr(child, "doc")))
            elif name == "sup":
                inner = "".join(child.itertext()).strip()
                if inner and all(c in "0123456789+-" for c in inner):
                    # 70m<sup>2</sup>: glue to the word, as printed
                    while self.raw and self.raw[-1] and self.raw[-1][-1] in _WS:
                        self.raw[-1] = self.raw[-1].rstrip(_WS)
                    self.length = sum(len(r) for r in self.raw)
                    self.add(inner.translate(_SUPERSCRIPT))
                else:
                    self.walk(child)
            elif isinstance(child.tag, str):
                self.walk(child)
            self.add(child.tail)

    def finish(self) -> tuple[str, list[tuple[int, str, object]]]:
        raw = "".join(self.raw)
        if not self.events:  # most paragraphs: no offsets to map (a character loop)
            return _collapse_spaces(raw), []
        n = len(raw)
        nxt = [n] * (n + 1)  # index of the next non-space char at or after i
        for i in range(n - 1, -1, -1):
            nxt[i] = i if raw[i] not in _WS else nxt[i + 1]
        out: list[str] = []
        pos = [0] * (n + 1)
        for i, ch in enumerate(raw):
            pos[i] = len(out)
            if ch in _WS:
                j = nxt[i]
                if not out or out[-1] in " (" or j == n or raw[j] in _NO_SPACE_BEFORE:
                    continue
                if out[-1] != " ":
                    out.append(" ")
                continue
            out.append(ch)
        pos[n] = len(out)
        text = "".join(out).rstrip()
        events = [(min(pos[p], len(text)), k, v) for p, k, v in self.events]
        return text, events


class _KoopReader:
    def __init__(self, source: str, line_shift: int):
        self.source = source
        self.shift = line_shift
        self.repaired = 0
        self.letter = Letter(source=source)
        self.notes_by_id: dict[str, Footnote] = {}
        self.current_para: int | None = None

    def line(self, el) -> int:
        return (el.sourceline or 0) + self.shift

    def footnote(self, noot) -> Footnote:
        number = ""
        body = None
        for child in noot:
            name = _local(child.tag)
            if name == "noot.nr":
                number = "".join(child.itertext()).strip()
            elif name in {"noot.al", "al"} and body is None:
                body = child
        col = _Collector(self)
        if body is not None:
            col.walk(body)
        text, events = col.finish()
        fn = Footnote(number=number or str(len(self.letter.footnotes) + 1), text=text,
                      line=self.line(noot))
        fn.citations.extend(_citations(text, events))
        nid = _attr(noot, "id")
        if nid:
            self.notes_by_id[nid] = fn
        self.letter.footnotes.append(fn)
        return fn

    def paragraph(self, al, kind: str = "text", number: str | None = None) -> None:
        col = _Collector(self)
        col.walk(al)
        text, events = col.finish()
        index = len(self.letter.paragraphs)
        para = Paragraph(index=index, kind=kind, text=text, section=None, line=self.line(al),
                         number=number)
        for off, k, v in events:
            if k == "marker":
                mk = FootnoteMarker(v.number, index, off, self.line(al))
                v.marker = v.marker or mk
                para.markers.append(mk)
            elif k == "ref":
                fn = self.notes_by_id.get(v or "")
                if fn is None:
                    self.letter.warnings.append(Issue(self.source, f"line {self.line(al)}",
                                                      "marker-without-body",
                                                      f"nootref {v!r} names no noot", self.line(al)))
                else:
                    para.markers.append(FootnoteMarker(fn.number, index, off, self.line(al)))
        para.citations = _citations(text, events)
        if text or para.markers:
            self.letter.paragraphs.append(para)


_JOINABLE_GAP = re.compile(r"^[\s,.;:()\-]*+(?:(?:nrs?\.?|nummer)[\s,.;:()\-]*+)?$", re.IGNORECASE)


def _citations(text: str, events) -> list[Citation]:
    spans: list[list] = []  # [doc, start, end]
    open_: list[tuple[str, int]] = []
    for off, k, v in events:
        if k == "start":
            open_.append((v, off))
        elif k == "end" and open_:
            doc, start = open_.pop()
            if not doc:
                continue
            while start < off and text[start] == " ":
                start += 1
            if spans and spans[-1][0] == doc and _JOINABLE_GAP.match(text[spans[-1][2]:start]):
                spans[-1][2] = off
            else:
                spans.append([doc, start, off])
    out = []
    for doc, s, e in spans:
        out.append(Citation(kind=_kind_of(doc), document=doc, span=(s, e), text=text[s:e],
                            dossier=_dossier_of(doc), url=_url_of(doc), how="publisher"))
    return out


def _kind_of(doc: str) -> str:
    prefix = doc.split("-", 1)[0].lower()
    return {"kst": "kamerstuk", "h": "handelingen", "ah": "aanhangsel", "stb": "staatsblad",
            "stcrt": "staatscourant", "trb": "tractatenblad"}.get(prefix, "document")


def _dossier_of(doc: str) -> str | None:
    m = re.match(r"^kst-(\d+(?:-[A-Za-z0-9]+)?)-[A-Za-z0-9]+$", doc)
    return m.group(1) if m else None


def _url_of(doc: str) -> str:
    if re.match(r"^(kst|h|ah|stb|stcrt|trb|gmb|prb)-", doc, re.IGNORECASE):
        return f"https://zoek.officielebekendmakingen.nl/{doc}.html"
    return ""


# -- detection and dispatch ----------------------------------------------------------------


def sniff_xml(path: Path, head: bytes) -> bool:
    """Any XML (after a SOURCE line, BOMs and whitespace) or a ``.xml`` file; the reader
    then accepts the roots it knows and refuses others with a clear message."""
    if path.suffix.lower() == ".xml":
        return True
    cleaned, _ = clean_xml_prefix(head)
    return cleaned.startswith(b"<?xml") or (cleaned.startswith(b"<") and
                                            root_name(cleaned) in KOOP_ROOTS | {"vlosCoreDocument"})


def read_xml(path: str | Path) -> Letter | list[Letter]:
    """Read a KOOP or VLOS XML file into a Letter (the letters of a verslag: a list);
    InputError for anything else."""
    p = Path(path)
    source = str(path)
    data, shift = clean_xml_prefix(read_input(p, source, MAX_XML_BYTES))
    if not data:
        raise InputError(source, "empty file", "line 1")
    check_no_entities(data, source)  # before anything else looks at the content
    data = to_utf8(data, source)
    name = root_name(data)
    if name not in KOOP_ROOTS and name != "vlosCoreDocument":
        raise InputError(source, f"XML root <{name or '?'}> is not a supported format "
                                 f"(supported: {', '.join(SUPPORTED)})")
    root = parse_xml(data, source, where=f"line {shift + 1}" if shift else "")
    if _local(root.tag) == "vlosCoreDocument":
        return _read_vlos(root, source)
    from .kamerstuk_xml import is_letter_kamerstuk, read_kamerstuk

    if is_letter_kamerstuk(root):  # a verslag: the letters it holds (kamerstuk_xml.py)
        return read_kamerstuk(root, source, shift)
    from .kamervragen_xml import is_kamervragen, read_kamervragen

    if is_kamervragen(root):  # Kamervragen and their answers (kamervragen_xml.py)
        return read_kamervragen(root, source, shift)
    return _read_koop(root, source, shift)


def _text(el) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip() if el is not None else ""


def metadata_id(root) -> str | None:
    """The publication's official id, from its metadata record's address:
    ``https://zoek.officielebekendmakingen.nl/h-tk-20172018-70-6/metadata.xml`` ->
    ``h-tk-20172018-70-6``; None without one."""
    for meta in root.iter():
        if isinstance(meta.tag, str) and _local(meta.tag) == "meta" and \
                (_attr(meta, "name") or "").lower() == "overheidop.externmetadatarecord":
            m = re.search(r"officielebekendmakingen\.nl/([^/]+)/metadata\.xml", _attr(meta, "content") or "")
            return m.group(1) if m else None
    return None


def repaired_issue(source: str, n: int) -> Issue:
    """The warning that ``n`` double-encoded characters were repaired."""
    return Issue(source, "", "mojibake-repaired",
                 f"{n} double-encoded characters repaired (e.g. 'Ã«' -> 'ë')")


def _read_koop(root, source: str, shift: int) -> Letter:
    r = _KoopReader(source, shift)
    letter = r.letter
    pub = root if _local(root.tag) in {"kamerstuk", "handelingen"} else None
    if pub is None:
        pub = next((c for c in root if isinstance(c.tag, str) and _local(c.tag) not in
                    {"metadata", "kop", "meta"}), root)
    letter.kind = _local(pub.tag) if pub is not root or _local(root.tag) != "officiele-publicatie" \
        else "officiele-publicatie"
    letter.kenmerk = metadata_id(root)
    if letter.kenmerk is None and letter.kind == "kamerstuk":
        dossier = next((_text(e) for e in root.iter() if _local(e.tag) == "dossiernr"), "")
        onder = next((_text(e) for e in root.iter() if _local(e.tag) == "ondernummer"), "")
        if dossier and onder:
            letter.kenmerk = f"kst-{dossier.replace(' ', '')}-{onder}"
    if letter.kenmerk:
        m = re.match(r"^(?:h|ah|kst)-(tk|ek)-", letter.kenmerk)
        if m:
            letter.chamber = m.group(1)
    if letter.chamber is None:
        head = _text(next((e for e in root.iter() if _local(e.tag) in {"kamerstukkop", "kamer"}), None))
        if "Tweede Kamer" in head:
            letter.chamber = "tk"
        elif "Eerste Kamer" in head:
            letter.chamber = "ek"
    for tag in ("item-titel", "intitule"):
        el = next((e for e in root.iter() if _local(e.tag) == tag), None)
        if el is not None:
            letter.betreft = repair_mojibake(_text(el))[0]
            break
    if letter.betreft is None:
        stuk = next((e for e in root.iter() if _local(e.tag) == "stuk"), None)
        titel = stuk.find("titel") if stuk is not None else None
        if titel is None:
            titel = next((e for e in root.iter() if _local(e.tag) == "titel"), None)
        if titel is not None:
            letter.betreft = repair_mojibake(_text(titel))[0]
    for d in root.iter():
        if _local(d.tag) == "datum" and _attr(d, "isodatum"):
            try:
                letter.datum = _dt.date.fromisoformat(_attr(d, "isodatum")[:10])
                letter.datum_raw = _text(d)
            except ValueError:
                pass
            break
    # paragraphs: every al outside notes, in document order
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        name = _local(el.tag)
        if name not in {"al", "considerans.al"}:
            continue
        if any(_local(a.tag) in {"noot", "al", "metadata"} for a in el.iterancestors()):
            continue
        number = None
        parent = el.getparent()
        if parent is not None and _local(parent.tag) == "li":
            nr = next((c for c in parent if _local(c.tag) == "li.nr"), None)
            t = _text(nr)
            number = t if t and t not in {"-", "–", "•"} else None
        r.paragraph(el, "item" if number else "text", number)
    # noot outside al (e.g. in a title): kept, with no marker in a paragraph
    for el in root.iter():
        if isinstance(el.tag, str) and _local(el.tag) == "noot" and not any(
                _local(a.tag) in {"al", "considerans.al", "noot"} for a in el.iterancestors()):
            fn = r.footnote(el)
            issue = Issue(source, f"line {fn.line}", "footnote-outside-text",
                          f"note {fn.number} stands outside the body text (e.g. in a title)",
                          fn.line)
            fn.warnings.append(issue)
    letter.footnotes.sort(key=lambda f: (int(re.sub(r"\D", "", f.number) or 0), f.number))
    if r.repaired:
        letter.warnings.append(repaired_issue(source, r.repaired))
    if not letter.paragraphs:
        letter.warnings.append(Issue(source, "", "no-text", "no <al> paragraphs in the document"))
    return letter


def _read_vlos(root, source: str) -> Letter:
    ns = {"v": VLOS_NS}
    letter = Letter(source=source, kind="vlos", chamber="tk")
    verg = root.find("v:vergadering", ns)
    if verg is None:
        raise InputError(source, "VLOS document without <vergadering>")
    letter.kenmerk = verg.get("objectid")
    if (verg.get("kamer") or "").startswith("Eerste"):
        letter.chamber = "ek"
    letter.betreft = _text(verg.find("v:titel", ns)) or None
    d = _text(verg.find("v:datum", ns))
    if d:
        try:
            letter.datum = _dt.date.fromisoformat(d[:10])
            letter.datum_raw = d
        except ValueError:
            pass
    com = verg.find("v:commissies/v:commissie", ns)
    if com is not None:
        letter.committee = _text(com.find("v:verslagnaam", ns)) or None
        letter.committee_abbr = _text(com.find("v:afkorting", ns)) or None
    for zaak in verg.iter(f"{{{VLOS_NS}}}zaak"):
        text = _text(zaak.find("v:titel", ns)) or _text(zaak.find("v:onderwerp", ns))
        index = len(letter.paragraphs)
        para = Paragraph(index=index, kind="item", text=text, section=None,
                         line=zaak.sourceline or 0)
        dossier = _text(zaak.find("v:dossiernummer", ns))
        stuk = _text(zaak.find("v:stuknummer", ns))
        cites = []
        if dossier and stuk:
            doc = f"kst-{dossier.replace(' ', '')}-{stuk}"
            m = re.search(re.escape(dossier) + r",?\s*nr\.?\s*" + re.escape(stuk) + r"\b", text)
            span = (m.start(), m.end()) if m else (0, len(text))
            cites.append(Citation(kind="kamerstuk", document=doc, span=span,
                                  text=text[span[0]:span[1]], dossier=dossier,
                                  url=_url_of(doc), how="publisher"))
        para.citations = cites
        if text:
            letter.paragraphs.append(para)
    return letter


# -- Staten-Generaal Digitaal OCR pages ----------------------------------------------------

_SGD_SOURCE = re.compile(rb"^SOURCE:.*(?:Staten-Generaal Digitaal|/ocr\b)")
_SGD_HEAD = re.compile(r"^(Tweede|Eerste) Kamer der Staten-Generaal\s*$")
_SGD_FOOTER = re.compile(r"^(Tweede|Eerste) Kamer, (?:zitting|vergaderjaar) \d{4}(?:[-/]\d{2,4})?, .{1,80}$")


def sniff_sgd_ocr(path: Path, head: bytes) -> bool:
    """An OCR page of Staten-Generaal Digitaal: the realdocs SOURCE line names it, or the
    page starts with ``Tweede Kamer der Staten-Generaal`` / ``Eerste Kamer der
    Staten-Generaal`` and a ``Zitting`` / ``Vergaderjaar`` line follows."""
    if b"\x00" in head:
        return False
    if _SGD_SOURCE.match(head):
        return True
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    lines = [ln.strip() for ln in text.split("\n")[:6] if ln.strip()]
    return bool(lines) and bool(_SGD_HEAD.match(lines[0])) and any(
        re.match(r"^(Zitting|Vergaderjaar) \d{4}", ln) for ln in lines[1:])


def read_sgd_ocr(path: str | Path) -> Letter:
    """Read an SGD OCR page as a plain document with paragraphs (lines joined where a
    sentence runs on to the next line)."""
    source = str(path)
    text, issues = decode_bytes(read_input(path, source), source)
    lines = text.split("\n")
    letter = Letter(source=source, kind="ocr")
    letter.warnings.extend(issues)
    start = 0
    if lines and lines[0].startswith("SOURCE:"):
        m = re.search(r"officielebekendmakingen\.nl/(\d{6,12})/ocr", lines[0])
        if m:
            letter.kenmerk = f"sgd-{m.group(1)}"
        start = 1
    body = [(i + 1, lines[i].strip()) for i in range(start, len(lines)) if lines[i].strip()]
    if body and _SGD_HEAD.match(body[0][1]):
        letter.chamber = "tk" if body[0][1].startswith("Tweede") else "ek"
    paras: list[tuple[int, str]] = []
    for ln, t in body:
        if is_page_number(t) or _SGD_FOOTER.match(t):
            letter.skipped.append(SkippedBlock(ln, t, "page-header"))
            continue
        if paras and not re.search(r"[.:;!?»)]$", paras[-1][1]) and re.match(r"^[a-z»(]", t):
            paras[-1] = (paras[-1][0], paras[-1][1] + " " + t)
        else:
            paras.append((ln, t))
    if not paras:
        raise InputError(source, "no text on the OCR page", "line 1")
    if _holds_questions(t for _, t in paras):
        return _ocr_letter(letter, paras)
    for ln, t in paras:
        letter.paragraphs.append(Paragraph(len(letter.paragraphs), "text", t, None, ln))
    letter.warnings.append(Issue(source, "", "ocr-no-letter",
                                 "OCR page holds no question and no footnote: read as plain text "
                                 "(only the citations standing in the text are used)"))
    return letter


def _holds_questions(texts) -> bool:
    from .structure import asks, sentence_spans

    return any(asks(t[s:e]) for t in texts for s, e in sentence_spans(t))


def _ocr_letter(page: Letter, paras: list[tuple[int, str]]) -> Letter:
    """An OCR page that asks questions (realdocs 15: senators' questions in the Aanhangsel)
    is read by the letter reader, its OCR lines joined as above; the page's kind, kenmerk,
    chamber and skipped footer stay."""
    from .text import read_text
    from .verslag_text import remap_lines

    rendered: list[str] = []
    line_of: list[int] = []
    for ln, t in paras:
        if rendered:
            rendered.append("")
            line_of.append(ln)
        rendered.append(t)
        line_of.append(ln)
    letter = read_text("\n".join(rendered), page.source)
    remap_lines(letter, line_of)
    letter.warnings = page.warnings + [w for w in letter.warnings
                                       if w.code not in ("no-datum", "no-kenmerk")]
    letter.kind, letter.kenmerk, letter.chamber = page.kind, page.kenmerk, page.chamber or letter.chamber
    letter.skipped = sorted(page.skipped + letter.skipped, key=lambda b: b.line)
    return letter
