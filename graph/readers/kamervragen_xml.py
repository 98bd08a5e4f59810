"""officielebekendmakingen XML of **Kamervragen and their answers** (the Aanhangsel van de
Handelingen, ``ah-tk-20232024-500``; questions not yet answered, ``kv-tk-...``)::

    <officiele-publicatie>
      <metadata><meta name="OVERHEIDop.externMetadataRecord"
        content="https://zoek.officielebekendmakingen.nl/ah-tk-20232024-500/metadata.xml"/></metadata>
      <kamervragen>
        <kamervraagkop><tekstregel>Tweede Kamer der Staten-Generaal</tekstregel> ...</kamervraagkop>
        <kamervraagnummer>500</kamervraagnummer>
        <kamervraagomschrijving type="vraag">Vragen van het lid <naam>...</naam> (SP) aan ...
          <datum isodatum="2023-11-09">(ingezonden 9 november 2023)</datum>.</kamervraagomschrijving>
        <kamervraagomschrijving type="antwoord">Antwoord van ...
          <datum isodatum="2023-12-04">(ontvangen 4 december 2023)</datum>.</kamervraagomschrijving>
        <vraag><nr>Vraag 1</nr><al>Bent u bekend met ...?<noot id="n1"><noot.nr>1</noot.nr>
          <noot.al>NOS, 8 november 2023.</noot.al></noot></al></vraag>
        <antwoord><nr>Antwoord 1</nr><al>Ja.</al></antwoord> ...

Read by the code that reads the same answers as a ministry letter or as the text of the
Aanhangsel page (:func:`.answers.build_answer_letter`): each heading line (``tekstregel``,
``kamervraagnummer``, ``kamervraagomschrijving``, a ``vraag``'s or ``antwoord``'s ``nr``)
and each ``al`` becomes one :class:`~.answers.RawParagraph`, a ``noot`` a note whose
marker stands where the element stands, a list item's ``li.nr`` the paragraph's label. So
``Vraag 1`` is question 1, ``Antwoord 3 en 4`` answers questions 3 and 4, and the askers'
fracties, the date received and the chamber come from the description lines. A ``vraag``
or ``antwoord`` without ``nr``, or whose ``nr`` is no heading (``Vraag een``, with a
``heading-by-place`` warning), gets the heading it implies (``Vraag 2`` by its place,
``Antwoord``: the questions before it). kenmerk is the publication's id from the metadata
record (of written questions, ``kv-tk-2024Z01234``, their zaak number ``2024Z01234``: the
number the minister's answer cites); its chamber (``ah-tk``, ``ah-ek``) is the Kamer
answered when no line names it.

Without this, the generic KOOP reader saw only ``al`` paragraphs and no question at all.
"""
from __future__ import annotations

import re

from ..model import Issue, Letter, SkippedBlock
from .answers import RawDocument, RawNote, RawParagraph, _antwoord, _vraag, build_answer_letter
from .koop_xml import _citations, _Collector, _KoopReader, _local, _text, metadata_id, repaired_issue
from .structure import ZAAK_NUMBER

__all__ = ["is_kamervragen", "read_kamervragen"]

#: Elements whose whole text is one paragraph (a heading or a description line).
_LINES = {"tekstregel", "kamervraagnummer", "kamervraagomschrijving"}
#: Elements whose ``al`` children are the text of a question or an answer, and the
#: word of the heading their ``nr`` holds.
_BLOCKS = {"vraag": "Vraag", "antwoord": "Antwoord"}
#: The parts of an ``ondertekening`` kept as the signature (outermost only).
_SIGNED = {"functie", "naam", "al"}


def is_kamervragen(root) -> bool:
    """A publication of Kamervragen: it holds a ``kamervragen`` element (a ``vraag``
    elsewhere, in Handelingen say, leaves the document to the KOOP reader)."""
    return any(isinstance(el.tag, str) and _local(el.tag) == "kamervragen" for el in root.iter())


def read_kamervragen(root, source: str, shift: int) -> Letter:
    """The questions and answers of a Kamervragen publication as an ``answer`` Letter."""
    reader = _KoopReader(source, shift)  # notes, mojibake repair, line numbers
    doc = RawDocument(source, [], unit="line")
    asked = 0

    def add(el, text: str | None = None, label: str | None = None) -> None:
        if text is None:
            col = _Collector(reader)
            col.walk(el)
            text, events = col.finish()
        else:
            events = []
        cites = _citations(text, events)  # the publisher's extref links, as the KOOP reader keeps them
        markers = []
        for off, kind, value in events:
            if kind == "marker":
                markers.append((value.number, off))
            elif kind == "ref" and value in reader.notes_by_id:
                markers.append((reader.notes_by_id[value].number, off))
        if text or markers:
            doc.paragraphs.append(RawParagraph(text, reader.line(el), label, markers, cites))

    signature: list[tuple[int, str, str]] = []  # (line, element, text)

    def walk(el) -> None:
        nonlocal asked
        for child in el:
            if not isinstance(child.tag, str):
                continue
            name = _local(child.tag)
            if name == "metadata":
                continue
            if name == "noot":  # a note outside any paragraph: kept, without a marker
                reader.footnote(child)
            elif name == "ondertekening":  # the minister's signature: not answer text
                for part in child.iter("*"):
                    kind = _local(part.tag)
                    if kind in _SIGNED and not any(_local(a.tag) in _SIGNED for a in part.iterancestors()):
                        if text := _text(part):
                            signature.append((reader.line(part), kind, text))
            elif name in _LINES:
                add(child)
            elif name in _BLOCKS:
                if name == "vraag":
                    asked += 1
                nr = next((c for c in child if isinstance(c.tag, str) and _local(c.tag) == "nr"), None)
                heading = _text(nr) if nr is not None else ""
                if not (_vraag(heading) if name == "vraag" else _antwoord(heading)):
                    implied = f"{_BLOCKS[name]} {asked}" if name == "vraag" else _BLOCKS[name]
                    if heading:  # "Vraag een": the element says what it is, its place the number
                        doc.warnings.append(Issue(source, f"line {reader.line(nr)}", "heading-by-place",
                                                  f"<{name}> heading {heading!r} read as {implied!r}",
                                                  reader.line(nr)))
                    heading = implied
                add(nr if nr is not None else child, heading)
                walk(child)
            elif name in {"al", "considerans.al"}:
                parent = child.getparent()
                label = None
                if parent is not None and _local(parent.tag) == "li":
                    li_nr = next((c for c in parent if isinstance(c.tag, str) and _local(c.tag) == "li.nr"), None)
                    label = _text(li_nr) or None
                add(child, label=label)
            elif name in {"nr", "li.nr"}:
                continue
            elif (child.text or "").strip():  # any other element with text: a line of its own
                add(child)
            else:
                walk(child)

    walk(root)
    doc.notes = [RawNote(fn.number, fn.text, fn.line, fn.citations) for fn in reader.letter.footnotes]
    kenmerk = metadata_id(root)
    m = re.match(r"^(?:ah|kv)-(tk|ek)-", kenmerk or "")
    doc.chamber = m.group(1) if m else None  # the Kamer answered, where no line names it
    letter = build_answer_letter(doc)
    for line, part, text in signature:
        letter.skipped.append(SkippedBlock(line, text, "signature"))
        if part == "functie" and not letter.chair_function:
            letter.chair_function = text.rstrip(",").strip()
        elif part == "naam" and not letter.chair:
            letter.chair = text
    if kenmerk and not letter.kenmerk:
        # written questions are known by their zaak number (kv-tk-2024Z01234: 2024Z01234),
        # the number the minister's answer cites ("uw brief van ..., nr. 2024Z01234")
        zaak = kenmerk[6:] if kenmerk.startswith("kv-") else ""
        letter.kenmerk = zaak if ZAAK_NUMBER.fullmatch(zaak) else kenmerk
        letter.warnings = [w for w in letter.warnings if w.code != "no-kenmerk"]
    if reader.repaired:
        letter.warnings.append(repaired_issue(source, reader.repaired))
    return letter
