"""The letter model: plain dataclasses passed between the pipeline stages.

reader -> :class:`Letter` (sections, paragraphs, questions, footnotes)
citations -> :class:`Citation` on each :class:`Footnote`
attribution -> :class:`Cite` on each :class:`Question`
graph -> networkx built from the above.

Nothing here parses or prints; every stage only fills these records. Example, from
seed letter 181524 (``data/000_b50105430c9bb7d0.txt``)::

    Letter(kenmerk="181524", datum=date(2026, 6, 23),
           betreft="Kabinetsappreciatie onderzoeksrapport Clingendael", ...)
    Footnote(number="2", text="Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40.",
             citations=[Citation(kind="kamerstuk", document="kst-36871-O",
                                 dossier="36871", part="bijlage", pages=(40,), ...)])
"""
from __future__ import annotations

import datetime as _dt
import operator
import re
from dataclasses import dataclass, field, fields


def record(cls):
    """``@dataclass(slots=True)`` (no per-object ``__dict__``: 10,000 letters in memory
    are some 100 MB smaller) that pickles small and fast: as its class and its field
    values in order, so unpickling is one call of the class (the dataclass's own
    ``__init__``) per object, where a ``__setstate__`` was a Python loop setting each
    field (letters travel pickled from the reading workers and into the cache; unpickling
    a seed letter's 200 records took 0.30 ms, now 0.12 ms). Every field is an ``__init__``
    argument, so ``cls(*values)`` rebuilds the object exactly."""
    cls = dataclass(slots=True)(cls)
    names = tuple(f.name for f in fields(cls))
    assert all(f.init for f in fields(cls)), f"{cls.__name__}: a record's fields are all __init__ arguments"
    get = operator.attrgetter(*names)

    if len(names) == 1:
        def __reduce__(self):
            return (type(self), (get(self),))
    else:
        def __reduce__(self):
            return (type(self), get(self))

    cls.__reduce__ = __reduce__
    return cls


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def printable(name: str) -> str:
    """A file name or text fit for one line of a message or a JSON string: bytes that
    were not UTF-8 (``surrogateescape``) become ``\\xff``, control characters (a newline
    that could forge a ``warning:`` line, an escape sequence) become ``\\n``, ``\\x1b``.

    ``printable("brief\\nwarning: x.txt")`` -> ``"brief\\\\nwarning: x.txt"``.
    """
    if not _CONTROL.search(name):
        return name

    def esc(m: re.Match) -> str:
        c = m.group(0)
        if "\udc80" <= c <= "\udcff":
            return f"\\x{ord(c) - 0xdc00:02x}"
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(c, f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}")

    return _CONTROL.sub(esc, name)


@record
class Issue:
    """A warning or error about the input, always naming the file and the place.

    ``where`` is human readable: ``"line 42"``, ``"footnote 3"``, ``"line 42, footnote 3"``.
    ``code`` is a stable short tag so tests and tools can filter
    (``"marker-without-body"``, ``"idem-ambiguous"``, ``"unparsed-footnote"`` ...).
    """

    source: str
    where: str
    code: str
    message: str
    line: int | None = None

    def __str__(self) -> str:  # one line, as printed on stderr
        place = f"{self.source}:{self.where}" if self.where else self.source
        return printable(f"{place}: {self.message}")


@record
class Citation:
    """One cited source found in a footnote, resolved to a canonical id.

    ``Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40.`` gives
    ``kind="kamerstuk", document="kst-36871-O", dossier="36871", part="bijlage",
    pages=(40,), url="https://zoek.officielebekendmakingen.nl/kst-36871-O.html"``.
    ``Idem, p. 18.`` in the next footnote resolves to the same document and part with
    ``pages=(18,)`` and ``resolved_from="2"``.
    """

    kind: str  # kamerstuk, handelingen, aanhangsel, staatsblad, staatscourant,
    #            tractatenblad, eu-document, celex, eu-act, edossier, dossier, ecli
    document: str  # canonical id: kst-36871-O, com-2026-45, edossier-E260010
    span: tuple[int, int]  # [start, end) in the footnote text
    text: str  # the exact source text of the span
    dossier: str | None = None  # normalised dossier number: "36871", "36200-VI", "21501-02"
    part: str | None = None  # "bijlage"
    pages: tuple[int, ...] = ()  # (2, 3) for "p. 2-3"
    pages_following: bool = False  # "p. 40 e.v."
    url: str = ""  # official URL built offline; "" where none can be built
    label: str = ""  # how the document is shown: "Kamerstukken I 2025/26, 36 871, O"
    short_form: str | None = None  # "Idem", "Ibid.", "t.a.p.", "aldaar", "zie noot 4"
    resolved_from: str | None = None  # footnote number a short form resolved to
    how: str = "footnote"  # "footnote", "text" (in the body text) or "publisher" (extref gold)


@record
class FootnoteMarker:
    """Where a footnote marker (``<sup>2</sup>``) stands in the letter body."""

    number: str
    paragraph: int  # index into Letter.paragraphs
    offset: int  # character offset in Paragraph.text where the marker stood
    line: int  # 1-based line in the source file


@record
class Footnote:
    """A footnote body, matched to its marker by number.

    ``<sup>3</sup> Idem, p. 18.`` -> ``Footnote(number="3", text="Idem, p. 18.")``.
    """

    number: str  # as printed
    text: str  # body without the number, emphasis and link residue kept as in the source
    line: int  # line of the body in the source
    marker: FootnoteMarker | None = None
    citations: list[Citation] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)

    @property
    def paragraph(self) -> int | None:
        return self.marker.paragraph if self.marker else None


@record
class Section:
    """A fractie section or a topic subsection.

    ``### Vragen en opmerkingen van de leden van de fractie van Volt, mede namens de leden
    van de fractie van de PvdD`` -> ``kind="fractie", fracties=("Volt", "PvdD")``;
    ``#### *Europese samenwerking*`` -> ``kind="topic"`` with the parent fractie section.
    """

    index: int
    heading: str  # heading text without markdown
    kind: str  # "fractie", "topic"
    fracties: tuple[str, ...]  # inherited from the parent for topics
    level: int  # 1 for fractie sections, 2 for topics inside them
    parent: int | None  # index of the enclosing section
    line: int


@record
class Paragraph:
    """A block of body text after page-break joining.

    ``kind``: ``"intro"`` (before the first section or question), ``"text"``,
    ``"item"`` (a numbered item, ``number`` as printed), ``"list"`` (bullets joined to
    the sentence that introduces them are part of that paragraph, not separate),
    ``"closing"`` (the request to answer and the signature), ``"answer"`` (a minister's
    answer in an answer letter, ``number`` = the question numbers it answers),
    ``"repeat"`` (a committee's question repeated in a reply, ``number`` as printed).
    """

    index: int
    kind: str
    text: str  # clean text: markers and markdown emphasis removed
    section: int | None  # index into Letter.sections
    line: int  # first source line
    number: str | None = None  # for "answer" paragraphs: the question numbers answered, "3,4"
    markers: list[FootnoteMarker] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)  # in the body text (publisher extrefs)


@record
class Cite:
    """One node a question cites, the most specific one given (page, else part, else
    document), with how the attribution was inferred (DESIGN §3).

    JA21 question 1 of letter 181524 ->
    ``Cite(target="kst-36871-O/p4", document="kst-36871-O", part=None, page=4,
    how="direct", footnotes=("14",))``.
    """

    target: str
    document: str
    part: str | None
    page: int | None
    how: str  # direct, paragraph, section, letter
    footnotes: tuple[str, ...]


@record
class Attribution:
    """One footnote attributed to one question, with how (DESIGN §3).

    In letter 181524, D66's "Deze leden vragen de regering of zij kan aangeven hoe ..."
    gets footnote 2 from the sentence before it in the same paragraph:
    ``Attribution(question=1, footnote="2", how="paragraph")``. ``question`` is None for
    letter-level sources (footnotes in the introduction, ``how="letter"``).
    """

    question: int | None  # Question.index, or None for the letter itself
    footnote: str
    how: str  # direct, paragraph, section, letter
    answer: int | None = None  # Paragraph.index of the answer (or repeat) citing it, in a reply


@record
class Question:
    """One question by the unit of DESIGN §1: a numbered item, or one asking sentence.

    ``index`` is the document order (1-based, the id is ``letter-181524/q{index}``);
    ``number`` is the number as printed (``"3"``) or None for prose questions.
    ``start``/``end`` are the character span in the paragraph text.
    """

    index: int
    text: str
    paragraph: int
    start: int
    end: int
    section: int | None
    fracties: tuple[str, ...]
    line: int
    number: str | None = None
    cites: list[Cite] = field(default_factory=list)


@record
class SkippedBlock:
    """Input that is not letter content and was removed: a repeated page header
    (``datum 23 juni 2026`` / ``ons kenmerk 181524`` / ``blad 2``) or a rule ``---``."""

    line: int
    text: str
    reason: str  # "page-header", "rule", "letterhead", "signature"


@record
class Member:
    """A committee member from the Samenstelling note of a verslag:
    ``Kox (SP)``, ``Dittrich (D66) (voorzitter)``."""

    name: str
    fractie: str | None = None
    role: str | None = None  # "voorzitter", "ondervoorzitter"


@record
class Letter:
    """A letter with its metadata and structure, as one reader produces it."""

    source: str  # file path as given
    kind: str = "committee-letter"  # or answer, document, ocr, handelingen, kamerstuk, vlos, staatsblad
    chamber: str | None = None  # "ek" or "tk"
    kenmerk: str | None = None
    datum: _dt.date | None = None
    datum_raw: str | None = None
    betreft: str | None = None
    committee: str | None = None  # "vaste commissie voor Immigratie en Asiel/JBZ-Raad"
    committee_abbr: str | None = None  # "I&A/JBZ"
    addressee_function: str | None = None  # "Minister van Asiel en Migratie"
    addressee_name: str | None = None  # "G. van den Brink"
    chair: str | None = None  # "A.W.J.A. van Hattem"
    chair_function: str | None = None
    term_raw: str | None = None  # "binnen vier weken na dagtekening"
    deadline: _dt.date | None = None
    fracties: list[str] = field(default_factory=list)  # in order of first mention
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)  # in number order
    skipped: list[SkippedBlock] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    about: list[Citation] = field(default_factory=list)  # citations in betreft
    attributions: list[Attribution] = field(default_factory=list)  # filled by attribution
    cites: list[Cite] = field(default_factory=list)  # letter-level sources (how="letter")

    uid: str | None = None  # set when two inputs share a kenmerk: "letter-181524-2"

    # Published forms and replies (DESIGN §5). A verslag van een schriftelijk overleg
    # (``kst-30573-J``) holds several letters: the committee's letter(s) and the
    # government's reply(ies), in order; each becomes its own Letter.
    publication: str | None = None  # "kst-30573-J": the paper this letter is published in
    publication_index: int | None = None  # 1-based position of the letter in the publication
    role: str | None = None  # "committee", "reply", "uitstel", "answers" (None: from ``kind``)
    members: list[Member] = field(default_factory=list)  # the Samenstelling note, in order
    replies_to: list[str] = field(default_factory=list)  # ids of letters this one answers (pairing)

    @property
    def letter_kind(self) -> str:
        """The DESIGN §5 ``kind`` of the ``letters`` record: ``committee``, ``reply``,
        ``uitstel`` or ``answers`` (answers to Kamervragen)."""
        if self.role:
            return self.role
        return "answers" if self.kind == "answer" else "committee"

    @property
    def id(self) -> str:
        """``letter-181524``; a letter without kenmerk falls back to its file stem."""
        if self.uid:
            return self.uid
        if self.kenmerk:
            return f"letter-{self.kenmerk}"
        if self.publication and self.publication_index:
            return f"letter-{self.publication}-{self.publication_index}"
        from pathlib import Path

        return f"letter-{Path(self.source).stem}"

    def footnote(self, number: str) -> Footnote | None:
        for fn in self.footnotes:
            if fn.number == number:
                return fn
        return None
