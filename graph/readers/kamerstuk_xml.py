"""officielebekendmakingen **kamerstuk XML** of the verslag family: the letters it holds.

A verslag van een schriftelijk overleg (``kst-30573-J``), voorlopig verslag, nader
voorlopig verslag, eindverslag or memorie van antwoord, as the publisher's XML::

    <kamerstuk>
      <kamerstukkop><kamer nummer="1">Eerste Kamer der Staten-Generaal</kamer>
        <vergaderjaar>Vergaderjaar 2024-2025</vergaderjaar></kamerstukkop>
      <dossier><dossiernummer><dossiernr>30573</dossiernr></dossiernummer>
        <titel>Migratiebeleid</titel></dossier>
      <stuk><stuknr><ondernummer>J</ondernummer></stuknr>
        <titel>VERSLAG VAN EEN SCHRIFTELIJK OVERLEG</titel>
        <datumtekst>Vastgesteld <datum isodatum="2024-12-10">10 december 2024</datum></datumtekst>
        <algemeen><al>De leden van de vaste commissie ...<noot id="n1"><noot.nr>1</noot.nr>
          <noot.al>Samenstelling: ...</noot.al></noot> hebben kennisgenomen ...</al></algemeen>
        <divisie><kop><titel>BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE ...</titel></kop>
          <al>Aan de Minister van Asiel en Migratie</al> <al>Den Haag, 23 oktober 2024</al>
          <divisie><kop><titel>Vragen en opmerkingen van de leden van de fractie van
            GroenLinks-PvdA</titel></kop> <al>...</al>
            <lijst><li><li.nr>1.</li.nr><al>Welke ...?</al>
              <lijst><li><li.nr>a.</li.nr><al>...</al></li></lijst></li></lijst>
          </divisie>
          <ondertekening><al>De voorzitter van de vaste commissie ...,</al><al>E.J. Dittrich</al>
          </ondertekening></divisie>
        <divisie><kop><titel>BRIEF VAN DE MINISTER VAN ASIEL EN MIGRATIE</titel></kop> ...

The document becomes a :class:`~.verslag_text.Publication`, the same intermediate form as
the text copied from the HTML page, and is split into letters and read by the same code
(:func:`~.verslag_text.read_publication`): ``divisie/kop/titel`` is a heading (``BRIEF
VAN ...`` starts a letter, ``Vragen en opmerkingen van de leden van de fractie van
...`` opens a fractie section, any other a topic), each ``al`` a paragraph, each
``lijst/li`` a numbered item with its sub-list inside it (``2. Kan de regering aangeven:
a. ...; b. ...?`` is one question), ``noot`` a note whose marker stands where the element
stands (``<sup>n</sup>`` in the rendered text), ``ondertekening`` the signature. The
publisher's ``extref`` links stay on their notes and paragraphs (``how="publisher"``).
Line numbers are those of the XML file as stored.

Parsing is :mod:`.safe_xml`'s (no entities, no network) via :func:`.koop_xml.read_xml`,
which sends a ``kamerstuk`` of this family here (:func:`is_letter_kamerstuk`) and keeps
every other Kamerstuk, Handelingen, Staatsblad and VLOS.
"""
from __future__ import annotations

import datetime as _dt
import re

from ..model import Issue, Letter
from .koop_xml import _Collector, _KoopReader, _attr, _citations, _local, _text, repair_mojibake
from .verslag_text import (Publication, PubLine, PubNote, _letter_heading, read_publication,
                           stuk_role)
from ..citations.ids import normalise_dossier

__all__ = ["is_letter_kamerstuk", "read_kamerstuk"]

#: Elements of ``stuk`` that are its header, not its text.
_HEADER = {"stuknr", "titel", "datumtekst", "kop", "ondernummer", "meta", "metadata"}
_SKIP = {"metadata", "meta", "noot"}


def _find(root, name: str):
    return next((e for e in root.iter() if isinstance(e.tag, str) and _local(e.tag) == name), None)


def _stuk(root):
    return _find(root, "stuk")


def _stuk_title(root) -> str:
    stuk = _stuk(root)
    if stuk is None:
        return ""
    titel = next((c for c in stuk if isinstance(c.tag, str) and _local(c.tag) == "titel"), None)
    return repair_mojibake(_text(titel))[0]


def is_letter_kamerstuk(root) -> bool:
    """A Kamerstuk of the verslag family (by its stuk title), or one holding ``BRIEF
    VAN ...`` divisions: read as letters. Other Kamerstukken (a memorie van toelichting,
    a motie) stay documents."""
    if stuk_role(_stuk_title(root)):
        return True
    for el in root.iter():
        if isinstance(el.tag, str) and _local(el.tag) == "titel":
            parent = el.getparent()
            if parent is not None and _local(parent.tag) == "kop" and _letter_heading(_text(el)) \
                    and _text(el).startswith("BRIEF"):
                return True
    return False


class _Renderer:
    """Walks the ``stuk`` and writes the publication's body lines."""

    def __init__(self, source: str, shift: int):
        self.k = _KoopReader(source, shift)
        self.pub = Publication(source=source)
        self.seen: set[str] = set()  # noot elements read where they stand (their paths)

    def line(self, el) -> int:
        return self.k.line(el)

    def inline(self, el) -> tuple[str, list]:
        """Text of an ``al`` with note markers as ``<sup>n</sup>``; extref citations."""
        self.seen.update(n.getroottree().getpath(n) for n in el.iter()
                         if isinstance(n.tag, str) and _local(n.tag) == "noot")
        col = _Collector(self.k)
        col.walk(el)
        text, events = col.finish()
        out, pos = [], 0
        for off, kind, value in sorted((e for e in events if e[1] in ("marker", "ref")),
                                       key=lambda e: e[0]):
            number = value.number if kind == "marker" else (
                self.k.notes_by_id[value].number if value in self.k.notes_by_id else None)
            if number is None:
                continue
            out.append(text[pos:off])
            out.append(f"<sup>{number}</sup>")
            pos = off
        out.append(text[pos:])
        return "".join(out), _citations(text, events)

    def add(self, text: str, el, kind: str = "text") -> None:
        body = self.pub.body
        line = self.line(el)
        if body and body[-1].text.strip():
            body.append(PubLine("", line))
        body.append(PubLine(text, line, kind))

    def paragraph(self, el, prefix: str = "") -> None:
        text, cits = self.inline(el)
        if not text.strip() and not prefix:
            return
        self.add(prefix + text, el)
        for c in cits:
            self.pub.body_citations.append((self.line(el), c))

    def item_text(self, li) -> str:
        """A list item with its sub-list, on one line: ``2. Kan de regering aangeven: a.
        wat ...; b. wanneer ...?``"""
        parts = []
        for child in li:
            if not isinstance(child.tag, str):
                continue
            name = _local(child.tag)
            if name == "li.nr":
                continue
            if name == "lijst":
                for sub in child:
                    if isinstance(sub.tag, str) and _local(sub.tag) == "li":
                        nr = _text(next((c for c in sub if _local(c.tag) == "li.nr"), None))
                        parts.append(f"{nr} {self.item_text(sub)}".strip())
            else:
                text, cits = self.inline(child)
                for c in cits:
                    self.pub.body_citations.append((self.line(child), c))
                parts.append(text)
        return " ".join(p for p in parts if p)

    def walk(self, el) -> None:
        for child in el:
            self.visit(child)

    def visit(self, child) -> None:
        """Render one element of the text (see the module docstring)."""
        if isinstance(child.tag, str) and _local(child.tag) not in _SKIP:
            name = _local(child.tag)
            if name in ("al", "considerans.al"):
                self.paragraph(child)
            elif name == "kop":
                titel = _find(child, "titel")
                nr = _text(_find(child, "nr"))
                if titel is not None:
                    text, _ = self.inline(titel)
                    text = f"{nr} {text}".strip() if nr else text
                    kind = "text" if _letter_heading(text) else "heading"
                    self.add(text, titel, kind)
            elif name == "tussenkop":
                text, _ = self.inline(child)
                self.add(text, child, "heading")
            elif name == "lijst":
                for li in child:
                    if not isinstance(li.tag, str) or _local(li.tag) != "li":
                        continue
                    nr = _text(next((c for c in li if _local(c.tag) == "li.nr"), None))
                    if nr in ("", "-", "–", "•", "·"):
                        nr = "-"
                    elif re.fullmatch(r"\d{1,3}|[a-z]", nr):
                        nr += "."
                    self.add(f"{nr} {self.item_text(li)}", li)
            elif name == "ondertekening" and not any(
                    isinstance(c.tag, str) and _local(c.tag) == "al" for c in child):
                # <ondertekening><functie>De Minister van ...</functie><naam>...</naam>
                for piece in _own_pieces(child):
                    self.add(piece, child, "sign")
            elif any(isinstance(d.tag, str) and _local(d.tag) in _STRUCTURE for d in child.iter()):
                if name == "ondertekening":
                    for al in child:
                        if isinstance(al.tag, str) and _local(al.tag) == "al":
                            text, _ = self.inline(al)
                            self.add(text, al, "sign")
                else:
                    self.walk(child)
            elif _text(child):  # any other element with text: a paragraph, never dropped
                self.paragraph(child)


#: Elements that hold the text's structure: an element holding none of them is read as
#: one paragraph.
_STRUCTURE = {"al", "considerans.al", "lijst", "li", "kop", "tussenkop", "divisie", "noot"}


def _own_pieces(el) -> list[str]:
    """The texts of an element without paragraphs, one per child element:
    ``<functie>De Minister van Asiel en Migratie,</functie><naam>...</naam>``."""
    out = [" ".join(el.text.split())] if el.text and el.text.strip() else []
    for child in el:
        if isinstance(child.tag, str):
            t = _text(child)
            if t:
                out.append(t)
        if child.tail and child.tail.strip():
            out.append(" ".join(child.tail.split()))
    return out


def _own_texts(top, r: _Renderer) -> list[PubLine]:
    """Every piece of text under ``top`` once (an element's text and its children's
    tails): ``<datumtekst>Vastgesteld <datum>3 februari 2026</datum></datumtekst>``
    gives ``Vastgesteld`` and ``3 februari 2026``."""
    out = []
    for el in top.iter():
        if not isinstance(el.tag, str):
            continue
        for piece in (el.text, el.tail if el is not top else None):
            if piece and piece.strip():
                out.append(PubLine(" ".join(piece.split()), r.line(el)))
    return out


def read_kamerstuk(root, source: str, shift: int) -> list[Letter]:
    """The letters of a kamerstuk XML of the verslag family (see the module docstring)."""
    r = _Renderer(source, shift)
    pub = r.pub
    kop = _find(root, "kamerstukkop")
    if kop is not None:
        pub.head += _own_texts(kop, r)
        kamer = _find(kop, "kamer")
        nummer = _attr(kamer, "nummer") if kamer is not None else None
        head = _text(kop)
        if nummer == "1" or "Eerste Kamer" in head:
            pub.chamber = "ek"
        elif nummer == "2" or "Tweede Kamer" in head:
            pub.chamber = "tk"
        m = re.search(r"\d{4}\s*[–\-/]\s*\d{2,4}", _text(_find(kop, "vergaderjaar")))
        pub.vergaderjaar = m.group(0) if m else None
    dossier = _find(root, "dossier")
    if dossier is not None:
        nr = _text(_find(dossier, "dossiernr"))
        toevoeging = _text(_find(dossier, "toevoeging"))
        m = re.match(r"^(\d{2}\s?\d{3})(?:[ -](\S+))?$", nr)
        if m:
            pub.dossier = normalise_dossier(m.group(1), m.group(2) or toevoeging or None)
        elif nr:
            pub.dossier = nr.lower().replace(" ", "")
        titel = next((c for c in dossier if isinstance(c.tag, str) and _local(c.tag) == "titel"), None)
        pub.dossier_title = repair_mojibake(_text(titel))[0] or None
        pub.head += _own_texts(dossier, r)
    stuk = _stuk(root)
    if stuk is None:
        stuk = root
    pub.ondernummer = _text(_find(stuk, "ondernummer")) or None
    pub.stuk_title = _stuk_title(root) or None
    for child in stuk:
        if isinstance(child.tag, str) and _local(child.tag) in _HEADER:
            pub.head += _own_texts(child, r)
    datum = _find(_find(stuk, "datumtekst") if _find(stuk, "datumtekst") is not None else stuk, "datum")
    if datum is not None and _attr(datum, "isodatum"):
        try:
            pub.datum = _dt.date.fromisoformat(_attr(datum, "isodatum")[:10])
            pub.datum_raw = _text(datum)
        except ValueError:
            pass
    for el in stuk:
        if isinstance(el.tag, str) and _local(el.tag) not in _HEADER:
            r.visit(el)
    for el in stuk.iter():  # a noot outside any paragraph (in a kop's nr, a bare divisie)
        if isinstance(el.tag, str) and _local(el.tag) == "noot" and el.getroottree().getpath(el) not in r.seen and not any(
                _local(a.tag) == "noot" for a in el.iterancestors()):
            fn = r.k.footnote(el)
            pub.warnings.append(Issue(source, f"line {fn.line}", "footnote-outside-text",
                                      f"note {fn.number} stands outside the body text; kept as a "
                                      "source of the first letter", fn.line))
    pub.head.sort(key=lambda pl: pl.line)
    for fn in r.k.letter.footnotes:
        pub.notes.append(PubNote(fn.number, fn.text, fn.line, list(fn.citations)))
    letters = read_publication(pub)
    for letter in letters:
        letter.kind = "committee-letter" if letter.role == "committee" else "reply"
    return letters
