"""Reader for committee letters in text form (markdown-like text converted from PDF).

``read_text(text, source) -> Letter`` fills the whole letter model except the
citations of footnotes (the citation engine adds those). What it does, in order,
with seed letter 181524 (``data/000_b50105430c9bb7d0.txt``) as the running example:

1. **Letterhead** -- everything before the salutation (``Geachte heer Van den
   Brink,``): chamber (``# Eerste Kamer der Staten-Generaal`` -> ``"ek"``), address
   block (``Minister van Asiel en Migratie`` / ``De heer G. van den Brink``), ``datum
   23 juni 2026``, ``betreft ...``, ``ons kenmerk 181524``. These lines are recorded as
   :class:`SkippedBlock` (reason ``"letterhead"``, the salutation ``"salutation"``) so
   that every word of the input stays accounted for; the metadata is parsed from them.
2. **Noise** -- the page header repeated after every page break (``datum`` / ``ons
   kenmerk`` / ``blad 2``; reason ``"page-header"``) and horizontal rules ``---``
   (``"rule"``) are removed. Footnote bodies (``<sup>3</sup> Idem, p. 18.``; after a
   rule also ``3 Idem, p. 18.``, ``³ Idem``, ``[^3]: Idem``) are collected wherever they
   stand. All of these mark a *page break* in the text stream.
3. **Joining** -- what a page break split is joined again by text evidence, not by line
   numbers: the block before the break does not end a sentence and the block after it
   starts lower case (``"... gepoogd wordt samenwerkingsverbanden"`` | ``"aan te gaan?
   ..."``), or continues with a dash that is not a list (``"Welke concrete voorstellen
   bereidt zij op"`` | ``"- dit moment reeds voor ..."``: a single dash line, lower
   case, not followed by another bullet, after an unfinished sentence).
4. **Structure** -- headings: a heading that names fracties (``## Vragen en opmerkingen
   van de leden van de fractie van D66``) opens a fractie section, any other heading is a
   topic inside the current fractie section, whatever its ``#`` level (``Section.level``
   follows the kind: 1 fractie, 2 topic). A fully bold line is a heading too; in a letter
   without any ``#`` heading a short title-like line (``Wijkagenten``) followed, after a
   blank line, by a paragraph is one. Numbered items (``1.``, ``  5.``, ``1)``, ``a.``,
   ``(a)``) are one paragraph each; bullets join the paragraph that introduces them, and
   so do lettered items after a sentence that asks and ends in ``:`` (``"Deze leden
   vragen de regering de volgende punten toe te lichten:"`` + ``a.`` / ``b.``), or
   lettered sub-items under a numbered item ending in ``:``. Paragraphs before the first
   section, item or question are ``intro``; the request to answer, ``Hoogachtend,`` and
   the signature are ``closing``. A line-end hyphen joined across a break is kept
   (``samenwerkings-verbanden``): it cannot be told from a real one.
5. **Questions** -- DESIGN §1: a numbered item is one question; in prose each asking
   sentence (see :mod:`.structure`). In a bullet list that stands on its own (no
   introducing sentence) each asking bullet is one question.
6. **Footnotes** -- markers ``<sup>n</sup>`` (also ``[^n]``, and ``²`` in letters without
   ``<sup>``) are removed from the paragraph text and kept as :class:`FootnoteMarker`
   (offset in the clean text); bodies are matched by number, problems become warnings
   (marker without body, body without marker, duplicate numbers, gaps). No footnote is
   ever dropped.

:func:`account` checks the result: every word of the input is in a paragraph (and so in
a question or a non-question paragraph), a heading, a footnote, or a skipped block.
"""
from __future__ import annotations

import bisect
import html
import itertools
import operator
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..model import (
    Footnote,
    FootnoteMarker,
    Issue,
    Letter,
    Paragraph,
    Question,
    Section,
    SkippedBlock,
)
from .base import (
    InputError,
    check_text_budget,
    decode_bytes,
    has_controls,
    printable,
    read_input,
    scrub_letter,
)
from .metadata import (
    is_chair_line,
    parse_address_block,
    parse_addressee_line,
    parse_dateline,
    parse_vastgesteld,
    parse_committee,
    parse_dutch_date,
    parse_signature,
    parse_term,
)
from .structure import (
    ASKERS_LINE,
    PLAIN_NOTE_BODY,
    ZAAK_NUMBER,
    FractieScope,
    askers_fracties,
    asks,
    dated,
    fracties_in,
    glued_note_markers,
    heading_fracties,
    inline_items,
    is_closing_request,
    is_fractie_heading,
    is_notes_heading,
    is_page_number,
    is_postscript,
    is_running_header,
    is_samenstelling,
    item_without_dot,
    mark_trailing_notes,
    missing_question_mark,
    parse_samenstelling,
    question_spans,
    sentence_spans,
    split_note_run,
    subject_fracties,
)

__all__ = ["account", "clean_inline", "read_text", "read_text_file", "tokens"]

# ------------------------------------------------------------------ line patterns

_RULE = re.compile(r"^\s*+(?:-{3,}+|\*{3,}+|_{3,}+|(?:[-*_]\s++){2,}+[-*_])\s*+$")
#: A markdown heading; group 2 still holds the closing ``#``s and spaces, which
#: :func:`_heading_text` strips (a lazy ``(.*?)\s*#*\s*$`` here backtracked cubically on
#: ``# x`` + 2,000 spaces + ``y``: 42 s for one line).
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s++(.*)$")
#: The contents of a verslag: "Inhoudsopgave" (or "Inhoud"), then entries that end in a
#: page number ("1. Inleiding 1", "II. Artikelsgewijs\t3") or the column head "blz.".
_CONTENTS = re.compile(r"^\s*(?P<word>Inhoudsopgave|Inhoud)\s*(?:blz\.?)?\s*$", re.IGNORECASE)
#: ... an entry: short, asks nothing, ends in its page number.
_CONTENTS_ENTRY = re.compile(r"^\s*(?:blz\.?|[^\s?][^?]{0,80}?[\s.]\d{1,3})\s*$", re.IGNORECASE)
#: ... and after a bare "Inhoud" (a topic heading too), the column head or a numbered entry.
_CONTENTS_FIRST = re.compile(r"^\s*(?:blz\.?|[IVX]{1,5}\.?|\d{1,2}(?:\.\d{1,2})*\.?)(?:\s|$)")
#: A numbered topic heading standing alone: "1. Inleiding", "2.1 Aanleiding", "3. Doel
#: en inhoud van het wetsvoorstel" (a TK verslag, a memorie van toelichting): short, and
#: no sentence (no closing punctuation).
_NUMBERED_HEADING = re.compile(r"^\s{0,3}(?:\d{1,2}\.\d{1,2}(?:\.\d{1,2})*\.?|\d{1,2}\.)[ \t]+"
                               r"(?P<title>[A-ZÀ-Ý][^.?!:;]{0,80}?)\s*$")
#: A footnote number as printed: ``1`` ... ``1000``, an inserted ``1a`` (not ``1e``, the
#: Dutch ordinal "eerste"), or a symbol; ``1000`` and ``1a`` used to be dropped into the text.
_NOTE_NUMBER = r"\d{1,4}(?:[a-df-z](?![a-z]))?|[*†‡]"
_SUP_BODY = re.compile(r"^\s*+<sup>\s*+(" + _NOTE_NUMBER + r")\s*+</sup>\s*+(.*)$", re.I)
_MDFN_BODY = re.compile(r"^\s*+\[\^(\w{1,6})\]:\s*+(.*)$")
_UNI_BODY = re.compile(r"^\s*+([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s*+(\S.*)$")
_PLAIN_BODY = PLAIN_NOTE_BODY  # only inside a footnote zone
_ITEM = re.compile(
    r"^(?P<indent>[ \t]*)(?:(?P<num>\d{1,3}|viii|vii|iii|ii|iv|vi|ix|[a-z])(?P<delim>[.)])"
    r"|\((?P<pnum>\d{1,3}|viii|vii|iii|ii|iv|vi|ix|[a-z])\))"
    r"[ \t]++(?P<text>\S.*)$"
)
_BULLET = re.compile(r"^(?P<indent>[ \t]*+)[-*•–·][ \t]++(?P<text>\S.*)$")
_HEADER = re.compile(
    r"^\s*+\**(?P<label>datum|ons\s+kenmerk|uw\s+kenmerk|kenmerk|onze\s+referentie|blad|pagina)"
    r"\**(?:\s*+:\s++|\s++)(?P<value>\S.{0,80}?)\s*+$",
    re.I,
)
#: The letters a line matched by ``_HEADER`` can start with (it ignores case, and to
#: it the Kelvin sign is a "k"): a line starting with another letter is no page header,
#: without trying the pattern (most lines of a letter start with a letter).
_HEADER_FIRST = frozenset("dDoOuUkKbBpP\u212a")
_PAGE_NO = re.compile(r"^\s*+\**(?:blad|pagina)\**(?:\s*+:\s++|\s++)\d{1,3}(?:\s++van\s++\d{1,3})?\s*+$", re.I)
_LABEL = re.compile(
    r"^\s*+[*_]*+(?P<label>datum|ons\s+kenmerk|onze\s+referentie|kenmerk|betreft|onderwerp)"
    r"[*_]*+(?:\s*+:)?(?:\s++(?P<value>(?:\S|\s++(?=\S))*+))?\s*+$",
    re.I,
)
_SALUTATION = re.compile(r"^\s*+[*_]*+(?:geachte|zeer\s+geachte|hooggeachte|beste)\b", re.I)
_VALEDICTION = re.compile(
    r"^\s*+[*_]*+(?:hoogachtend|met\s+(?:de\s+meeste\s+)?hoogachting|"
    r"met\s+(?:vriendelijke|hartelijke|beleefde)\s+groet(?:en)?)\b[\W_]*$",
    re.I,
)
#: First letters of a chair line (:func:`.metadata.is_chair_line`, which ignores case):
#: "De voorzitter", "voorzitter", "ondervoorzitter", "plaatsvervangend", "wnd.", "griffier".
_CHAIR_FIRST = frozenset("dDvVoOpPwWgG")
_BOLD_LINE = re.compile(r"^\s*+(\*\*|__)(?=\S)(?P<text>[^*_\n]++)(?<=\S)\1\s*+$")

# ------------------------------------------------------------------ inline clean-up

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUP_TAG = re.compile(r"<sup>\s*+([^<>]{0,8}?)\s*+</sup>", re.I)
_MD_MARK = re.compile(r"\[\^(\w{1,6})\](?!:)")
_UNI_MARK = re.compile(r"(?<=[^\s⁰¹²³⁴⁵⁶⁷⁸⁹])([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?![⁰¹²³⁴⁵⁶⁷⁸⁹])")
_UNI_ANY = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_TAG = re.compile(
    r"<br\s*/?>|</?(?:b|i|u|em|strong|span|sub|sup|small|mark|s|del|ins)\b[^<>\n]{0,100}>", re.I
)
_LINK = re.compile(r"!?\[([^\[\]\n]{0,300})\]\(([^()\s]{0,500})\)")
# Emphasis spans stop at the next delimiter pair, so each opening "**" scans only to the
# next one: "**a " repeated was quadratic with "[^\n]+?" (a span can no longer hold "**").
_BOLD = re.compile(r"\*\*(?=\S)((?:[^*\n]|\*(?!\*))+?)(?<=\S)\*\*")
_BOLD_U = re.compile(r"(?<![\w_])__(?=\S)((?:[^_\n]|_(?!_))+?)(?<=\S)__(?![\w_])")
_ITAL = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*\\])\*(?![\w*])")
_ITAL_U = re.compile(r"(?<![\w_\\])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_S0, _S1 = "\ue000", "\ue001"
_SENTINEL = re.compile(_S0 + "([^" + _S1 + "]*)" + _S1)
_MARKER_NUMBER = re.compile(_NOTE_NUMBER)
_WORD_TOKEN = re.compile(r"[^\W_]+")
_MARKUP_CHARS = re.compile(r"[*_\\]")


#: The replacement of a span by its text (``m.group(1)``): the same as the template
#: ``r"\1"``, which Python 3.11 expands in a Python function per match, at twice the cost.
_group1 = operator.itemgetter(1)


def _has_sup_tag(text: str) -> bool:
    """``<sup>`` in any case (``<SUP>``) in ``text``, as ``"<sup>" in text.lower()`` but
    looking only after each ``<``: lowering a whole 16 KB letter that holds non-ASCII
    characters took 60 us, a twentieth of reading it."""
    i = text.find("<")
    while i >= 0:
        if text[i + 1:i + 5].lower() == "sup>":
            return True
        i = text.find("<", i + 1)
    return False


def _heading_text(rest: str) -> str:
    r"""The text of a heading line after ``## ``: closing ``#``s and spaces removed, as
    ``(.*?)\s*#*\s*$`` did (``"Vragen D66 ##"`` -> ``"Vragen D66"``), in linear time."""
    return rest.rstrip().rstrip("#").rstrip()


_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,10});")


def _unescape(s: str) -> str:
    """HTML entities with their ``;`` only (``&amp;`` -> ``&``); ``&regio`` stays text,
    where :func:`html.unescape` would read ``&reg`` as ``®``."""
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), s)


def _wordish(c: str) -> bool:
    """A character that would glue two words together once a marker between them is
    removed (letters, digits, and the markup characters the tokens ignore)."""
    return bool(c) and (c.isalnum() or c in "*_\\")


def _tag(m: re.Match) -> str:
    return " " if m.group(0).lower().startswith("<br") else ""


def _strip_tags(s: str) -> str:
    """Remove inline HTML tags; repeated, since removing ``</sup>`` from the broken
    ``<su</sup>p>`` makes a new tag (bounded: a few passes)."""
    for _ in range(4):
        new = _TAG.sub(_tag, s)
        if new == s:
            break
        s = new
    return s


def _link(m: re.Match) -> str:
    label, url = m.group(1), m.group(2)
    if not _WORD_TOKEN.search(url):  # "(#)": link residue of the PDF conversion
        return label
    return f"{label} ({url})"


def clean_inline(raw: str, unicode_markers: bool = False) -> tuple[str, list[tuple[str, int]]]:
    """Clean one line of letter text; returns the text and its footnote markers as
    ``(number, offset)`` with ``offset`` the position in the clean text.

    ``"individuele gevallen.<sup>2</sup> Clingendael"`` ->
    ``("individuele gevallen. Clingendael", [("2", 21)])``; ``"binnen **vier weken** na"``
    -> ``"binnen vier weken na"``; ``"E dossier [E260010](#)."`` -> ``"E dossier
    E260010."``. Non-numeric ``<sup>`` (``1<sup>e</sup>``) is kept as text.
    """

    def sup(m: re.Match) -> str:
        inner = m.group(1).strip()
        return f"{_S0}{inner}{_S1}" if _MARKER_NUMBER.fullmatch(inner) else inner

    # Each pass runs only when its trigger character is in the line (checked on the
    # line as the passes before left it): most lines of a letter hold no markup at all.
    s = raw
    if "<" in s:
        s = _SUP_TAG.sub(sup, s)
    if "[^" in s:
        s = _MD_MARK.sub(lambda m: f"{_S0}{m.group(1)}{_S1}", s)
    if unicode_markers and _UNI_ANY.search(s):
        s = _UNI_MARK.sub(lambda m: f"{_S0}{m.group(1).translate(_SUPERSCRIPT)}{_S1}", s)
    if "<" in s:
        s = _strip_tags(s)
    if "&" in s:
        s = _unescape(s)
    if "](" in s:
        s = _LINK.sub(_link, s)
    if "*" in s:
        s = _BOLD.sub(_group1, s)
    if "__" in s:
        s = _BOLD_U.sub(_group1, s)
    if "*" in s:
        s = _ITAL.sub(_group1, s)
    if "_" in s:
        s = _ITAL_U.sub(_group1, s)
    s = s.replace("**", "")
    if "\\" in s:
        s = _ESCAPE.sub(_group1, s)
    if "  " in s or "\t" in s or not s.isascii() and ("\u00a0" in s or "\u2009" in s or "\u202f" in s):
        s = _SPACES.sub(" ", s)
    s = s.strip()
    if _S0 not in s:
        return s, []  # no footnote marker: nothing to place
    out: list[str] = []
    length = 0
    last = ""
    markers: list[tuple[str, int]] = []
    pos = 0
    for m in _SENTINEL.finditer(s):
        chunk = s[pos:m.start()]
        if chunk:
            out.append(chunk)
            length += len(chunk)
            last = chunk[-1]
        pos = m.end()
        nxt = s[pos:pos + 1]
        if _wordish(last) and _wordish(nxt):
            out.append(" ")  # "gevallen<sup>2</sup>Clingendael": keep the words apart
            length += 1
            last = " "
            markers.append((m.group(1), length - 1))
        elif last == " " and nxt == " ":
            pos += 1  # "tekst <sup>1</sup> verder": one space, the marker after "tekst"
            markers.append((m.group(1), length - 1))
        else:
            markers.append((m.group(1), length))
    out.append(s[pos:])
    text = "".join(out)
    stripped = text.rstrip()
    lead = len(text) - len(text.lstrip())
    text = stripped.lstrip()
    markers = [(n, max(0, min(len(text), off - lead))) for n, off in markers]
    return text, markers


def tokens(text: str) -> list[str]:
    """Word tokens for the accounting check, markup syntax removed: ``<sup>2</sup>`` and
    ``²`` count as the token ``2``, ``**D66**`` as ``D66``, ``[E260010](#)`` as
    ``E260010``; punctuation and markdown symbols are not tokens, and ``*``, ``_`` and
    ``\\`` are no word break (the reader removes a stray ``**`` inside a word)."""

    def sup(m: re.Match) -> str:
        inner = m.group(1).strip()
        return f" {inner} " if _MARKER_NUMBER.fullmatch(inner) else inner

    # "evalu**atie", "\\*", "_x_": markup characters the reader may remove inside a word
    # are no word break
    s = _MARKUP_CHARS.sub("", text)
    s = _SUP_TAG.sub(sup, s)
    s = _UNI_ANY.sub(lambda m: " " + m.group(0).translate(_SUPERSCRIPT) + " ", s)
    s = _strip_tags(s)
    s = _LINK.sub(_link, _unescape(s))
    return _WORD_TOKEN.findall(s)


# ------------------------------------------------------------------ working records

_first = operator.itemgetter(0)


@dataclass(slots=True)
class _Logical:
    """One logical line of body text: a heading, a numbered item, a bullet, a text
    line (with its soft-wrapped continuation lines), or a closing line."""

    kind: str  # heading, item, bullet, text, close
    pieces: list[tuple[str, int]]  # (raw text, source line)
    number: str | None = None
    delim: str = ""
    indent: int = 0
    checked: int = 0  # pieces already searched for run-on items


@dataclass(slots=True)
class _Block:
    gap: str  # "blank" (a blank line before it) or "break" (a page break / noise)
    lines: list[tuple[int, str]] = field(default_factory=list)


@dataclass(slots=True)
class _Para:
    kind: str
    line: int
    section: int | None
    number: str | None = None
    indent: int = 0
    delim: str = ""
    text: str = ""
    pieces: list[tuple[int, int]] = field(default_factory=list)  # (offset, source line)
    markers: list[tuple[str, int, int]] = field(default_factory=list)  # number, offset, line
    bullets: bool = False
    subitems: bool = False
    ps: bool = False  # after the signature ("PS: ...")

    def line_at(self, offset: int) -> int:
        """The source line of the piece holding ``offset`` (pieces are in offset order)."""
        i = bisect.bisect_right(self.pieces, offset, key=_first) - 1
        return self.pieces[max(i, 0)][1] if self.pieces else self.line


def _may_name_fractie(text: str) -> bool:
    """Can a sentence of ``text`` change who asks (:meth:`.structure.FractieScope.sentence`
    looks only at sentences holding one of these)?"""
    return "ractie" in text or "leden" in text or "lid " in text


def _ends_sentence(text: str) -> bool:
    t = text.rstrip().rstrip("\"'’”)]*_")
    return bool(t) and t[-1] in ".?!:;…"


def _mid_sentence(text: str) -> bool:
    """The paragraph stops inside a sentence: ``"... samenwerkingsverbanden"``."""
    t = text.rstrip()
    return bool(t) and (t[-1].isalnum() or t[-1] in ",-–(")


def _starts_lower(text: str) -> bool:
    t = text.lstrip("\"'‘“(*_ ")
    return bool(t) and t[0].islower()


#: Words a title does not end with: a line ending in one is an unfinished sentence.
_FUNCTION_WORDS = {
    "de", "het", "een", "van", "voor", "op", "in", "aan", "bij", "met", "tot", "naar", "over",
    "om", "te", "en", "of", "dat", "die", "dit", "deze", "zij", "hij", "is", "zijn", "wordt",
    "worden", "kan", "kunnen", "als", "dan", "door", "uit", "onder", "tussen", "wel", "niet",
}


def _title_like(text: str) -> bool:
    """A short line that can be a heading in a letter without markdown: ``Wijkagenten``,
    ``Vragen en opmerkingen van de leden van de VVD-fractie``; not ``Welke rol ziet de
    regering voor`` (ends in a function word) or a finished sentence."""
    words = text.split()
    if not words or len(text) > 100 or len(words) > 14:
        return False
    if _ends_sentence(text) or text[-1] in ",-–(" or not text[0].isupper():
        return False
    return words[-1].lower() not in _FUNCTION_WORDS


def _last_sentence_asks(text: str) -> bool:
    spans = sentence_spans(text)
    return bool(spans) and asks(text[spans[-1][0]:spans[-1][1]])


def _soft_join(prev: str, nxt: str) -> str:
    """Separator when joining two pieces of one paragraph: ``"samenwerkings-"`` +
    ``"verbanden"`` keeps the hyphen without a space (a line-end hyphen cannot be told
    from a real one); ``"asiel-"`` + ``"en migratiebeleid"`` keeps the space."""
    if (len(prev) > 1 and prev.endswith("-") and prev[-2].isalpha() and _starts_lower(nxt)
            and nxt.split(" ", 1)[0] not in {"en", "of", "tot", "noch", "dan"}):
        return ""
    return " "


# ------------------------------------------------------------------ the reader


class _TextReader:
    """One reading of one letter; :meth:`run` goes through the steps of the module
    docstring in order and returns the filled :class:`Letter`."""

    def __init__(self, text: str, source: str):
        self.source = source
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if text.startswith("\ufeff"):
            text = text[1:]
        self.text = text
        self.lines = text.split("\n")
        self.unicode_markers = (
            not _has_sup_tag(text) and "[^" not in text and bool(_UNI_ANY.search(text))
        )
        self.letter = Letter(source=source)
        self.warnings: list[Issue] = []
        self.bodies: list[tuple[str, list[str], int]] = []  # number, raw text parts, line
        self.sections: list[Section] = []
        self.paras: list[_Para] = []
        self.heading_markers: list[tuple[str, int]] = []  # pending (number, line)
        self.head_values: dict[str, str] = {}
        self._cleaned: dict[str, tuple[str, list[tuple[str, int]]]] = {}
        self.plain_bodies = False  # note bodies as "1 Kamerstukken ..." lines
        self.entity_controls = False  # an entity made a control character ("&#129;")
        self._sentences: dict[tuple[int, bool], list[tuple[int, int]]] = {}

    # -- helpers
    def kamervragen_metadata(self, before: list) -> None:
        """Written questions carry no letterhead: their zaak number on a line of its own
        (``2024Z01234``, the number the minister's answer cites: "uw brief van 1 februari
        2024, nr. 2024Z01234") is the kenmerk, the line naming the askers the betreft and
        the date they were sent in ("(ingezonden 1 februari 2024)") the datum, where the
        letterhead gave none."""
        letter = self.letter
        for p in before:
            text = p.text.strip()
            if letter.kenmerk is None and ZAAK_NUMBER.fullmatch(text):
                letter.kenmerk = text
                self.warnings = [w for w in self.warnings if w.code != "no-kenmerk"]
            asked = ASKERS_LINE.match(text)
            if asked and letter.betreft is None:  # what is asked, of whom, by whom
                letter.betreft = text
            sent_in = dated(text, "ingezonden") if asked else None
            if letter.datum is None and sent_in and parse_dutch_date(sent_in):
                letter.datum_raw, letter.datum = sent_in, parse_dutch_date(sent_in)
                self.warnings = [w for w in self.warnings if w.code != "no-datum"]

    def warn(self, code: str, message: str, line: int | None = None, where: str = "") -> None:
        if not where:
            where = f"line {line}" if line else ""
        message = " ".join(message.split())  # one line, as printed on stderr
        self.warnings.append(Issue(self.source, where, code, message, line))

    def clean(self, raw: str) -> tuple[str, list[tuple[str, int]]]:
        """:func:`clean_inline` of one line, kept per letter: a heading candidate is
        cleaned to probe it and again to read it (a third of the calls). Callers only
        read the returned markers list, never change it."""
        done = self._cleaned.get(raw)
        if done is None:
            done = self._cleaned[raw] = clean_inline(raw, self.unicode_markers)
            if "&" in raw and (has_controls(done[0]) or any(has_controls(n) for n, _ in done[1])):
                self.entity_controls = True  # "&#129;" is "\x81": the letter needs a scrub
        return done

    def sentences(self, k: int, split_bullets: bool = False) -> list[tuple[int, int]]:
        """:func:`.structure.sentence_spans` of paragraph ``k`` once its text is final,
        computed once: the questions, the closing and the metadata (committee, answer
        term) all split the same paragraphs. Callers only read the list."""
        got = self._sentences.get((k, split_bullets))
        if got is None:
            got = self._sentences[k, split_bullets] = sentence_spans(self.paras[k].text, split_bullets)
        return got

    # -- 1. letterhead
    def letterhead_end(self) -> tuple[int, int | None]:
        """(index of the first body line, index of the salutation line or None)."""
        for i, line in enumerate(self.lines[:120]):
            if len(line) > 300:
                break
            # "Geachte heer Van den Brink,": a short line, not a paragraph that happens
            # to start with "Beste"
            if _SALUTATION.match(line) and len(line.strip()) <= 80 and (
                    line.rstrip().endswith(",") or not line.lstrip().lower().startswith("beste")):
                return i + 1, i
        # No salutation: the leading blocks of short lines, up to the last one holding a
        # letterhead label (datum, kenmerk, betreft).
        end = 0
        i = 0
        n = len(self.lines)
        while i < n:
            if not self.lines[i].strip():
                i += 1
                continue
            j = i
            while j < n and self.lines[j].strip():
                j += 1
            block = self.lines[i:j]
            if any(len(ln) > 120 for ln in block) or any(
                _HEADING.match(ln) and not ln.lstrip().startswith("# ") for ln in block
            ) or any(fracties_in(ln) for ln in block):
                break
            if any(_LABEL.match(ln) or parse_dateline(ln) or parse_vastgesteld(ln)
                   or parse_addressee_line(ln) for ln in block):
                end = j  # "Aan de Minister van ...", "Den Haag, 3 november 2025"
            i = j
        return end, None

    def read_letterhead(self, end: int, salutation: int | None) -> None:
        lines = self.lines[:end] if salutation is None else self.lines[:salutation]
        letter = self.letter
        blocks: list[list[tuple[int, str]]] = []
        cur: list[tuple[int, str]] = []
        for i, raw in enumerate(lines):
            if raw.strip():
                cur.append((i + 1, raw))
            elif cur:
                blocks.append(cur)
                cur = []
        if cur:
            blocks.append(cur)
        for block in blocks:
            letter.skipped.append(SkippedBlock(block[0][0], "\n".join(r for _, r in block),
                                               "letterhead"))
        if salutation is not None:
            letter.skipped.append(SkippedBlock(salutation + 1, self.lines[salutation],
                                               "salutation"))
        flat = [(no, raw) for block in blocks for no, raw in block]
        datum_line = None
        vastgesteld: tuple[str, int] | None = None
        for k, (no, raw) in enumerate(flat):
            m = _LABEL.match(raw)
            if not m:
                dateline = parse_dateline(raw)
                if dateline and letter.datum_raw is None:
                    letter.datum_raw, datum_line = dateline, no
                adopted = parse_vastgesteld(raw)
                if adopted and vastgesteld is None:
                    vastgesteld = (adopted, no)
                continue
            label = re.sub(r"\s+", " ", m.group("label").lower())
            value = (m.group("value") or "").strip()
            if not value and k + 1 < len(flat):  # "Datum" on one line, the value below
                value = flat[k + 1][1].strip()
            value = re.sub(r"\s+", " ", value.replace("**", "")).strip()
            if not value:
                continue
            if label == "datum" and letter.datum_raw is None:
                letter.datum_raw, datum_line = value, no
            elif label in ("ons kenmerk", "onze referentie", "kenmerk") and letter.kenmerk is None:
                letter.kenmerk = value
            elif label in ("betreft", "onderwerp") and letter.betreft is None:
                letter.betreft, _ = self.clean(value)
        if letter.datum_raw is None and vastgesteld is not None:
            # "Vastgesteld 18 januari 1983": the publication date, when nothing else dates it
            letter.datum_raw, datum_line = vastgesteld
        # chamber: named in the letterhead; without one, only the full name or the mail
        # domain counts (the body of an EK letter may well mention "de Tweede Kamer")
        head = "\n".join(r for _, r in flat)
        ek, tk = r"eerste\s*kamer", r"tweede\s*kamer"
        if not head.strip():
            head = self.text[:5000]
            ek, tk = (r"eerste\s+kamer\s+der\s+staten|eerstekamer\.nl",
                      r"tweede\s+kamer\s+der\s+staten|tweedekamer\.nl")
        if re.search(ek, head, re.I):
            letter.chamber = "ek"
        elif re.search(tk, head, re.I):
            letter.chamber = "tk"
        # address block: the first block (after the chamber heading) naming a function
        # or a person
        for block in blocks:
            texts = [r for _, r in block if not _HEADING.match(r)]
            if not texts or any(_LABEL.match(r) for r in texts):
                continue
            if re.search(r"^\s*(?:aan\s+)?(?:de\s+)?(?:minister|staatssecretaris|"
                         r"voorzitter|ministerie|college|secretaris|commissaris)\b|"
                         r"^\s*(?:t\.?\s?a\.?\s?v\.?\s+)?(?:de\s+heer|mevrouw)\b",
                         "\n".join(texts), re.I | re.M):
                letter.addressee_function, letter.addressee_name = parse_address_block(texts)
                break
        self.head_values = {"datum": (letter.datum_raw or "").lower(),
                            "kenmerk": (letter.kenmerk or "").lower()}
        span = f"lines 1-{end}" if end else "line 1"
        if letter.datum_raw is None:
            self.warn("no-datum", "no 'datum' in the letterhead; no deadline can be computed",
                      1, where=span)
        else:
            letter.datum = parse_dutch_date(letter.datum_raw)
            if letter.datum is None:
                self.warn("bad-datum", f"datum '{letter.datum_raw}' is not a valid date",
                          datum_line)
        if letter.kenmerk is None:
            self.warn("no-kenmerk", "no 'ons kenmerk' in the letterhead; the letter id falls "
                      "back to the file name", 1, where=span)

    # -- 2. noise and content blocks
    def header_lines(self, start: int) -> set[int]:
        """Indices of the lines that form repeated page headers (``datum 23 juni 2026`` /
        ``ons kenmerk 181524`` / ``blad 2``), also when a header stands inside a
        paragraph without blank lines around it. A run of header-like lines (blank
        lines between them allowed) counts when it has two or more lines, a page number,
        or repeats the letterhead's datum or kenmerk -- so a sentence that happens to
        start with "datum" is not taken for a header."""
        out: set[int] = set()
        n = len(self.lines)
        i = start
        while i < n:
            c = self.lines[i][:1]
            if (c.isalpha() and c not in _HEADER_FIRST) or not _HEADER.match(self.lines[i]):
                i += 1
                continue
            run = []
            j = i
            while j < n and (not self.lines[j].strip() or _HEADER.match(self.lines[j])):
                if self.lines[j].strip():
                    run.append(j)
                j += 1
            page_no = same = False
            for k in run:
                m = _HEADER.match(self.lines[k])
                page_no |= bool(_PAGE_NO.match(self.lines[k]))
                key = "datum" if m.group("label").lower() == "datum" else "kenmerk"
                value = m.group("value").strip().lower()
                same |= bool(self.head_values.get(key)) and value == self.head_values[key]
            if len(run) >= 2 or page_no or same:
                out.update(run)
            i = run[-1] + 1
        return out

    def body_blocks(self, start: int) -> list[_Block]:
        """Split the body into content blocks, removing page headers, rules and footnote
        bodies (collected in ``self.bodies``). A block's ``gap`` is ``"break"`` when such
        noise stood between it and the previous content, else ``"blank"``."""
        headers = self.header_lines(start)
        out: list[_Block] = []
        zone = False  # inside a footnote area (after a rule or a footnote body)
        pending_break = False
        current: _Block | None = None
        footnote_open = False
        group: list[tuple[int, str]] = []

        def flush() -> None:
            if group:
                self.letter.skipped.append(SkippedBlock(
                    group[0][0], "\n".join(r for _, r in group), "page-header"))
                group.clear()

        lines = self.lines
        n_lines = len(lines)

        def near_running_header(i: int) -> bool:
            for step in (-1, 1):
                j = i + step
                while 0 <= j < n_lines and not lines[j].strip() and abs(j - i) < 3:
                    j += step
                if 0 <= j < n_lines and is_running_header(lines[j]):
                    return True
            return False

        def alone(i: int) -> bool:
            return ((i == 0 or not lines[i - 1].strip())
                    and (i + 1 >= n_lines or not lines[i + 1].strip()))

        skip_until = -1
        for i in range(start, n_lines):
            raw, no = lines[i], i + 1
            if i <= skip_until:
                continue
            if i in headers:
                group.append((no, raw))
                pending_break, zone, current, footnote_open = True, False, None, False
                continue
            if not raw.strip():
                current = None
                if not (footnote_open and not self.bodies[-1][1][0]):
                    footnote_open = False  # "1" alone, its text after a blank line
                continue
            flush()
            # A line that starts with a letter is no rule, page number or note body (each
            # starts with "-*_", a digit, "<sup>", "[^" or a superscript digit): most lines
            # of a letter skip those six patterns.
            prose = raw[0].isalpha()
            if not prose and _RULE.match(raw):
                self.letter.skipped.append(SkippedBlock(no, raw, "rule"))
                zone, pending_break, footnote_open, current = True, True, False, None
                continue
            if is_running_header(raw):
                # "Eerste Kamer, vergaderjaar 2024–2025, 30 573, J  3": page furniture
                self.letter.skipped.append(SkippedBlock(no, raw, "running-header"))
                pending_break, footnote_open, current = True, False, None
                continue
            if is_notes_heading(raw):  # "Noten": the note bodies follow
                self.letter.skipped.append(SkippedBlock(no, raw, "notes-heading"))
                zone, pending_break, footnote_open, current = True, True, False, None
                continue
            if prose and raw[0] in "Ii" and (cm := _CONTENTS.match(raw)) and (
                    cm.group("word").lower() == "inhoudsopgave" or _CONTENTS_FIRST.match(
                        next((ln for ln in lines[i + 1:i + 4] if ln.strip()), ""))):
                # "Inhoudsopgave" and its entries ("1. Inleiding 1", "blz."): the contents
                # of a verslag, headings with page numbers, not questions
                contents = i
                while contents + 1 < n_lines and (not lines[contents + 1].strip()
                                                   or _CONTENTS_ENTRY.match(lines[contents + 1])):
                    contents += 1
                self.letter.skipped.append(SkippedBlock(no, "\n".join(
                    ln for ln in lines[i:contents + 1] if ln.strip()), "contents"))
                skip_until = contents
                pending_break, footnote_open, current = True, False, None
                continue
            if not prose and is_page_number(raw):
                number = int(raw.strip())
                last = self.bodies[-1][0] if self.bodies else "0"
                if zone and last.isdigit() and number == int(last) + 1:
                    # "2" alone on a line, the note's text on the next
                    self.bodies.append((str(number), [""], no))
                    self.plain_bodies = True
                    pending_break, footnote_open, current = True, True, None
                    continue
                if near_running_header(i) or (alone(i) and not footnote_open):
                    self.letter.skipped.append(SkippedBlock(no, raw, "running-header"))
                    pending_break, footnote_open, current = True, False, None
                    continue
            m = None if prose else (_SUP_BODY.match(raw) or _MDFN_BODY.match(raw)
                                    or _UNI_BODY.match(raw) or (zone and _PLAIN_BODY.match(raw)))
            if m:
                number = m.group(1).translate(_SUPERSCRIPT)
                self.bodies.append((number, [m.group(2).strip()], no))
                self.plain_bodies |= m.re is _PLAIN_BODY
                zone, pending_break, footnote_open, current = True, True, True, None
                continue
            if footnote_open:  # a footnote body wrapped over more lines
                self.bodies[-1][1].append(raw.strip())
                continue
            zone = False
            if current is None:
                current = _Block("break" if pending_break else "blank")
                out.append(current)
                pending_break = False
            current.lines.append((no, raw))
        flush()
        return out

    def split_note_runs(self) -> None:
        """Note bodies run together on one line (OCR, copying): ``2 Kamerstukken I ...,
        nr. 3. 3 Idem, p. 4.`` is notes 2 and 3 (:func:`.structure.split_note_run`)."""
        out: list[tuple[str, list[str], int]] = []
        for number, parts, line in self.bodies:
            text = " ".join(x for x in parts if x).strip()
            if number.isdigit() and f" {int(number) + 1} " in text:
                runs = split_note_run(int(number), text)
                if len(runs) > 1:
                    out.extend((str(n), [t], line) for n, t in runs)
                    continue
            out.append((number, parts, line))
        self.bodies = out

    def glued_markers(self, blocks: list[_Block]) -> None:
        """Text copied from an officielebekendmakingen page prints note markers as plain
        digits glued to a word (``brief4``): found by the sequence of the note bodies
        (:func:`.structure.glued_note_markers`) and written as ``<sup>4</sup>``, so the
        rest of the reader sees one marker form. Only for a letter whose bodies are
        plain numbered lines and that has no other marker form."""
        if not self.plain_bodies or self.unicode_markers:
            return
        low = self.text.lower()
        if "<sup" in low or "[^" in low:
            return
        numbers = [int(n) for n, _, _ in self.bodies if n.isdigit()]
        where = [(bi, li) for bi, b in enumerate(blocks) for li in range(len(b.lines))]
        texts = [blocks[bi].lines[li][1] for bi, li in where]
        found = glued_note_markers(texts, numbers)
        for ti, start, end, number in reversed(found):
            bi, li = where[ti]
            no, raw = blocks[bi].lines[li]
            blocks[bi].lines[li] = (no, f"{raw[:start]}<sup>{number}</sup>{raw[end:]}")

    # -- 3. logical lines
    def logical_lines(self, block: _Block, state: dict) -> list[_Logical]:
        out: list[_Logical] = []
        for k, (no, raw) in enumerate(block.lines):
            if state["closing"] and (is_postscript(raw) or raw.rstrip(" *_").endswith("?")):
                # "PS: Kan de regering ...?" after the signature: still the letter's
                state["closing"] = False
                out.append(_Logical("ps", [(raw, no)]))
                continue
            # A line that starts with a letter (most do) is tried only against the line
            # patterns that can start with that letter: no heading or bullet; a valediction
            # starts "Hoogachtend" or "Met ...", a chair line "De voorzitter ...", a lettered
            # item "a." or a roman "iv.".
            c = raw[0]
            letter = c.isalpha()
            if state["closing"] or ((not letter or c in "hHmM") and _VALEDICTION.match(raw)) or (
                    (not letter or c in _CHAIR_FIRST) and is_chair_line(raw) and (
                        raw.rstrip(" *_").endswith(",") or (
                            k + 1 < len(block.lines) and len(block.lines[k + 1][1].split()) <= 6))):
                # "Hoogachtend,", or (a letter published in a verslag) "De voorzitter van de
                # vaste commissie voor ...," with the name on the next line
                state["closing"] = True
                out.append(_Logical("close", [(raw, no)]))
                continue
            m = None if letter else _HEADING.match(raw)
            if m:
                out.append(_Logical("heading", [(_heading_text(m.group(2)), no)]))
                continue
            if "ractie" in raw and is_fractie_heading(self.clean(raw)[0]):
                # "Vragen en opmerkingen van de leden van de fractie van GroenLinks-PvdA"
                # as a plain line, also right above its first paragraph
                out.append(_Logical("heading", [(raw, no)]))
                continue
            m = _ITEM.match(raw) if not letter or c in "iv" or raw[1:2] in (".", ")") else None
            if m:
                number = m.group("num") or m.group("pnum")
                delim = m.group("delim") or "()"
                out.append(_Logical("item", [(m.group("text"), no)], number=number, delim=delim,
                                    indent=len(m.group("indent").expandtabs(4))))
                if number.isdigit():
                    state["last_item"] = int(number)
                out.extend(self._split_inline(out.pop(), state))
                continue
            bare = item_without_dot(raw) if raw[:3].strip()[:1].isdigit() else None
            if bare is not None and question_spans(self.clean(bare[1])[0], "text") and (
                    bare[0] == state["last_item"] + 1 > 1 or (
                        bare[0] == 1 and self._item_follows(block, k, 2))):
                # "3 Hoe beoordeelt de regering ...?": an item printed without its dot
                out.append(_Logical("item", [(bare[1], no)], number=str(bare[0]), delim="",
                                    indent=bare[2]))
                state["last_item"] = bare[0]
                out.extend(self._split_inline(out.pop(), state))
                continue
            m = None if letter else _BULLET.match(raw)
            if m:
                out.append(_Logical("bullet", [(m.group("text"), no)],
                                    indent=len(m.group("indent").expandtabs(4))))
                continue
            if out and out[-1].kind in ("text", "item", "bullet"):
                out[-1].pieces.append((raw, no))  # soft-wrapped line
            else:
                out.append(_Logical("text", [(raw, no)]))
            out.extend(self._split_inline(out.pop(), state))
        return out

    def _item_follows(self, block: _Block, k: int, number: int) -> bool:
        """A line ``"2 Wat ...?"`` follows line ``k`` in the letter (so ``"1 Hoe ...?"``
        starts a list of items without dots)."""
        later = [raw for _, raw in block.lines[k + 1:]]
        later += [raw for b in self._blocks[self._blocks.index(block) + 1:] for _, raw in b.lines]
        for raw in later[:60]:
            got = item_without_dot(raw) if raw[:3].strip()[:1].isdigit() else None
            if got is not None and got[0] == number and "?" in raw:
                return True
        return False

    @staticmethod
    def _split_inline(ll: _Logical, state: dict) -> list[_Logical]:
        """``"1. Hoe ...? 2. De leden vragen ...?"`` on one line: two items
        (:func:`.structure.inline_items`); also a text line that starts such a list
        (``"... de volgende vragen: 1. Hoe ...? 2. Wat ...?"``). Looks at the pieces
        not seen before (a logical line grows by soft-wrapped lines)."""
        if ll.kind not in ("item", "text") or (ll.kind == "item" and not (
                ll.number or "").isdigit()):
            return [ll]
        first = int(ll.number) + 1 if ll.kind == "item" else 1
        dot, paren = f"{first}.", f"{first})"
        for raw, _ in ll.pieces[ll.checked:]:
            if dot in raw or paren in raw:
                break
        else:  # no new piece can hold the next item: nothing to split (most lines)
            ll.checked = len(ll.pieces)
            return [ll]
        out: list[_Logical] = []
        cur = ll
        pieces = ll.pieces[ll.checked:]
        cur.pieces = ll.pieces[:ll.checked]
        for raw, no in pieces:
            first = int(cur.number) + 1 if cur.kind == "item" else 1
            cuts = (inline_items(raw, first, need_two=cur.kind == "text")
                    if f"{first}." in raw or f"{first})" in raw else [])
            if not cuts:
                cur.pieces.append((raw, no))
                continue
            head = raw[:cuts[0][0]]
            if head.strip():
                cur.pieces.append((head, no))
            if cur.pieces:
                out.append(cur)
            for j, (_, number, start) in enumerate(cuts):
                end = cuts[j + 1][0] if j + 1 < len(cuts) else len(raw)
                cur = _Logical("item", [(raw[start:end], no)], number=str(number), delim=".",
                               indent=ll.indent)
                if j + 1 < len(cuts):
                    out.append(cur)
            state["last_item"] = cuts[-1][1]
        cur.checked = len(cur.pieces)
        out.append(cur)
        return out

    def piece_text(self, ll: _Logical) -> tuple[str, list[tuple[str, int]], list[tuple[int, int]]]:
        """Clean and join the physical lines of a logical line."""
        text = ""
        markers: list[tuple[str, int]] = []
        starts: list[tuple[int, int]] = []
        for raw, no in ll.pieces:
            clean, ms = self.clean(raw)
            if not clean and not ms:
                continue
            sep = _soft_join(text, clean) if text else ""
            start = len(text) + len(sep)
            text += sep + clean
            starts.append((start, no))
            markers.extend((n, start + off) for n, off in ms)
        return text, markers, starts

    # -- 4. paragraphs and sections
    def add_heading(self, raw: str, line: int) -> int | None:
        """Open a fractie section (the heading names fracties) or a topic section inside
        the current fractie section; returns its index (None for an empty heading)."""
        clean, ms = self.clean(raw)
        clean = clean.strip("*_ ").strip()
        if not clean and not ms:
            return None  # "###" with nothing after it
        for number, _ in ms:
            self.heading_markers.append((number, line))
            self.warn("marker-in-heading", f"footnote marker {number} stands in the heading "
                      f"'{clean}'; anchored at the start of the next paragraph", line)
        fr = heading_fracties(clean)
        parent_fractie = None
        for s in reversed(self.sections):
            if s.kind == "fractie":
                parent_fractie = s.index
                break
        if fr:
            sec = Section(len(self.sections), clean, "fractie", tuple(fr), 1, None, line)
        else:
            fr_parent = self.sections[parent_fractie].fracties if parent_fractie is not None else ()
            sec = Section(len(self.sections), clean, "topic", fr_parent, 2, parent_fractie, line)
        self.sections.append(sec)
        return sec.index

    def new_para(self, kind: str, line: int, section: int | None, **kw) -> _Para:
        p = _Para(kind, line, section, **kw)
        self.paras.append(p)
        return p

    def put(self, para: _Para, text: str, markers: list[tuple[str, int]],
            starts: list[tuple[int, int]], sep: str = " ", prefix: str = "") -> None:
        """Append a cleaned logical line (with its own line starts) to ``para``."""
        if self.heading_markers:  # a marker that stood in the heading just before
            for number, line in self.heading_markers:
                para.markers.append((number, len(para.text), line))
            self.heading_markers = []
        if not para.text and not prefix:
            sep = ""
        base = len(para.text) + len(sep) + len(prefix)
        para.text += sep + prefix + text
        if prefix and starts:
            starts = [(0 - len(prefix), starts[0][1])] + starts[1:]
        for off, no in starts or [(0, para.line)]:
            para.pieces.append((base + off, no))
        for number, off in markers:
            para.markers.append((number, base + off, para.line_at(base + off)))

    def assemble(self, blocks: list[_Block]) -> None:
        state = {"closing": False, "last_item": 0}
        self._blocks = blocks
        has_md_headings = any(_HEADING.match(r) for b in blocks for _, r in b.lines)
        section: int | None = None
        cur: _Para | None = None
        for bi, block in enumerate(blocks):
            lls = self.logical_lines(block, state)
            for k, ll in enumerate(lls):
                gap = block.gap if k == 0 else "none"
                nxt = lls[k + 1] if k + 1 < len(lls) else None
                line = ll.pieces[0][1]
                if ll.kind == "ps":
                    text, ms, starts = self.piece_text(ll)
                    cur = self.new_para("text", line, None, ps=True)
                    self.put(cur, text, ms, starts)
                    continue
                if ll.kind == "close":
                    text, ms, starts = self.piece_text(ll)
                    if not text and not ms:
                        continue
                    cur = None
                    p = self.new_para("closing", line, None)
                    self.put(p, text, ms, starts)
                    continue
                if ll.kind == "text" and len(lls) == 1 and len(ll.pieces) == 1:
                    # a heading without '#': a fully bold line, or (letters without any
                    # markdown heading) a short line that reads like a title
                    raw = ll.pieces[0][0]
                    clean_probe, _ = self.clean(raw)
                    continues = cur is not None and gap == "break" and _mid_sentence(cur.text)
                    bold = bool(_BOLD_LINE.match(raw)) and not _ends_sentence(clean_probe)
                    plain = not has_md_headings and _title_like(clean_probe) and (
                        cur is None or not _mid_sentence(cur.text))
                    if not continues and (bold or plain) and self._next_is_body(
                            blocks, bi, strict=not bold and not fracties_in(clean_probe)):
                        cur = None
                        new = self.add_heading(raw, line)
                        section = section if new is None else new
                        continue
                if (ll.kind in ("item", "text") and len(lls) == 1 and len(ll.pieces) == 1
                        and ll.indent == 0 and self._numbered_heading(ll)
                        and self._next_is_body(blocks, bi, strict=True)):
                    # "1. Inleiding", "2.1 Aanleiding" alone between blank lines, body text
                    # after it: a numbered topic heading (a TK verslag), not a question
                    cur = None
                    new = self.add_heading(self._numbered_heading(ll), line)
                    section = section if new is None else new
                    continue
                if ll.kind == "heading":
                    cur = None
                    new = self.add_heading(ll.pieces[0][0], line)
                    section = section if new is None else new
                    continue
                text, ms, starts = self.piece_text(ll)
                if not text and not ms:
                    continue  # markup only ("**", an empty bullet): no words to keep
                if ll.kind == "text":
                    if cur is not None and gap != "none" and self._continues(cur, text, gap):
                        self.put(cur, text, ms, starts, sep=_soft_join(cur.text, text))
                        continue
                    cur = self.new_para("text", line, section)
                    self.put(cur, text, ms, starts)
                    continue
                if ll.kind == "bullet":
                    if (cur is not None and not cur.bullets and _mid_sentence(cur.text)
                            and _starts_lower(text) and (nxt is None or nxt.kind != "bullet")):
                        # "Welke concrete voorstellen bereidt zij op" | "- dit moment ...":
                        # the dash continues the sentence; it is not a list
                        self.put(cur, text, ms, starts, sep=_soft_join(cur.text, text))
                        continue
                    if cur is not None:
                        cur.bullets = True
                        self.put(cur, text, ms, starts, sep="\n", prefix="- ")
                        continue
                    cur = self.new_para("list", line, section)
                    cur.bullets = True
                    self.put(cur, text, ms, starts, sep="\n", prefix="- ")
                    continue
                # numbered item
                if (cur is not None and cur.kind in ("text", "list") and ll.number
                        and not ll.number.isdigit()
                        and (cur.subitems or (cur.text.rstrip().endswith(":") and (
                            _starts_lower(text) or _last_sentence_asks(cur.text))))):
                    # "Deze leden vragen de regering de volgende punten toe te lichten:"
                    # + "a. ...;" "b. ...?": a lettered list that completes the question
                    cur.subitems = True
                    label = f"({ll.number})" if ll.delim == "()" else f"{ll.number}{ll.delim}"
                    self.put(cur, text, ms, starts, sep="\n", prefix=f"{label} ")
                    continue
                if (cur is not None and cur.kind == "item" and (
                        ((cur.number or "").isdigit() and not ll.number.isdigit())
                        or (ll.indent > cur.indent and ll.number.isdigit()
                            and not (cur.number or "").isdigit()
                            and (cur.subitems or cur.text.rstrip().endswith(":"))))):
                    # DESIGN §1: numbered item 2 keeps its sub-items "a." / "b." / "i.",
                    # indented or not
                    cur.subitems = True
                    label = f"({ll.number})" if ll.delim == "()" else f"{ll.number}{ll.delim}"
                    self.put(cur, text, ms, starts, sep="\n", prefix=f"{label} ")
                    continue
                cur = self.new_para("item", line, section, number=ll.number, indent=ll.indent,
                                    delim=ll.delim)
                self.put(cur, text, ms, starts)
        if self.heading_markers and self.paras:  # marker in a final heading
            last = self.paras[-1]
            for number, line in self.heading_markers:
                last.markers.append((number, len(last.text), line))
            self.heading_markers = []
        for number, line in self.heading_markers:  # a heading and no paragraph at all
            self.warn("marker-without-paragraph", f"footnote marker {number} stands in a heading "
                      "and no paragraph follows to anchor it to; kept as a skipped block", line)
            self.letter.skipped.append(SkippedBlock(line, number, "marker-without-paragraph"))
        self.heading_markers = []

    def _numbered_heading(self, ll: _Logical) -> str | None:
        """The heading a numbered line reads as, number and all (``"1. Inleiding"``,
        ``"2.1 Aanleiding"``, ``"3. Doel en inhoud van het wetsvoorstel"``): a short title
        of at most 8 words, no sentence; None for anything else (``"1. Wat kost het?"``)."""
        raw = ll.pieces[0][0]
        if ll.kind == "item":
            if not (ll.number or "").isdigit() or ll.delim != ".":
                return None
            raw = f"{ll.number}. {raw}"
        m = _NUMBERED_HEADING.match(raw)
        if not m:
            return None
        title, _ = self.clean(m.group("title"))
        if not _title_like(title) or len(title.split()) > 8 or asks(title):
            return None  # "3. Kan de regering dit toelichten" lost its "?": a question
        return raw.strip()

    def _next_is_body(self, blocks: list[_Block], bi: int, strict: bool = False) -> bool:
        """A heading candidate must be followed by body text that starts a paragraph
        (a capital, not a dash or a lower-case continuation). ``strict`` (a plain short
        line, no markdown): the text must follow after a blank line, not after a page
        break, since a line at the bottom of a page may be an unfinished sentence."""
        for b in blocks[bi + 1:]:
            if not b.lines:
                continue
            if strict and b.gap == "break":
                return False
            first = b.lines[0][1]
            if _VALEDICTION.match(first):
                return False
            clean, _ = self.clean(first)
            return bool(clean) and clean[0].isalpha() and clean[0].isupper()
        return False

    @staticmethod
    def _continues(cur: _Para, text: str, gap: str) -> bool:
        """Join evidence for a text block after a blank line or a page break."""
        if cur.kind == "closing" or not text:
            return False
        if _starts_lower(text) and (not _ends_sentence(cur.text) or gap == "break"):
            return True
        return gap == "break" and _mid_sentence(cur.text)

    # -- 5. kinds, questions, fracties
    def finish(self) -> None:
        letter = self.letter
        paras = self.paras
        # closing: the request to answer right before "Hoogachtend," (or at the end)
        first_close = next((i for i, p in enumerate(paras) if p.kind == "closing"), len(paras))
        i = first_close - 1
        while i >= 0 and paras[i].kind == "text" and is_closing_request(paras[i].text):
            paras[i].kind = "closing"
            i -= 1
        for p in paras:
            if p.kind == "closing":
                p.section = None
        # questions (provisional, for deciding the intro); a numbered item is one question
        # whatever its sentences, which matter only where they may name a fractie
        names = [_may_name_fractie(p.text) for p in paras]
        sents = [self.sentences(k, split_bullets=p.kind == "list")
                 if p.kind in ("text", "list") or (p.kind == "item" and names[k]) else []
                 for k, p in enumerate(paras)]
        spans = [question_spans(p.text, p.kind, sents[k]) for k, p in enumerate(paras)]
        for k, p in enumerate(paras):
            if p.kind != "text" or p.section is not None or spans[k]:
                break
            p.kind = "intro"
        # Kamervragen name their askers before the questions ("Vragen van het lid
        # Beckerman (SP) aan ..."): they ask what no fractie section or phrase claims
        first_q = next((k for k in range(len(paras)) if spans[k]), len(paras))
        before = [p for p in paras[:first_q] if p.kind != "closing"]
        askers = askers_fracties(p.text for p in before)
        # fracties in order of first mention: the askers, the introduction and the fractie
        # headings
        mentions: list[tuple[int, str]] = []
        if askers:
            self.kamervragen_metadata(before)
            mentions.extend((before[0].line, f) for f in askers)
        for p in paras:
            if p.kind == "intro":
                mentions.extend((p.line, f) for f in fracties_in(p.text))
        for s in self.sections:
            if s.kind == "fractie":
                mentions.extend((s.line, f) for f in s.fracties)
        if not mentions:
            for p in paras:
                if p.kind != "closing":
                    mentions.extend((p.line, f) for f in fracties_in(p.text))
        for _, f in sorted(mentions, key=lambda x: x[0]):
            if f not in letter.fracties:
                letter.fracties.append(f)
        letter.sections = self.sections
        # paragraphs, markers, questions; who asks follows the text (FractieScope)
        scope = FractieScope()
        heads = sorted(self.sections, key=lambda x: x.line)
        h = 0
        unknown = 0
        for k, p in enumerate(paras):
            while h < len(heads) and heads[h].line <= p.line and p.kind != "closing":
                sec_h = heads[h]
                got = scope.heading(sec_h.fracties, sec_h.kind)
                if sec_h.kind == "topic" and sec_h.parent is None:
                    sec_h.fracties = got
                h += 1
            para = Paragraph(k, p.kind, p.text, p.section, p.line, p.number)
            for number, off, line in p.markers:
                para.markers.append(FootnoteMarker(number, k, off, line))
            letter.paragraphs.append(para)
            if p.kind == "closing":
                # "PS: Kan de regering ook ingaan op de kosten?" after the signature: not
                # counted (a closing is no question list), but never silently dropped
                for s, e in self.sentences(k):
                    if p.text[s:e].rstrip().endswith("?"):
                        self.warn("question-in-closing", "question after the closing, not "
                                  f"counted: '{p.text[s:e][:60]}'", p.line_at(s))
                continue
            # who asks: a sentence naming a fractie may change it (FractieScope); in a
            # paragraph that names none, every question gets the current fracties
            if p.kind == "item":
                for s, e in sents[k]:
                    scope.sentence(p.text[s:e])
                for qs, qe in spans[k]:
                    unknown += self._question(p, k, qs, qe, scope.current)
            elif names[k]:
                asked = iter(spans[k])
                nxt_q = next(asked, None)
                for s, e in sents[k]:
                    fr = scope.sentence(p.text[s:e])
                    while nxt_q is not None and nxt_q[0] < e:
                        qs, qe = nxt_q
                        nxt_q = next(asked, None)
                        unknown += self._question(p, k, qs, qe, fr)
            else:
                for qs, qe in spans[k]:
                    unknown += self._question(p, k, qs, qe, scope.current)
        if askers and unknown:
            for q in letter.questions:
                if not q.fracties:
                    q.fracties = tuple(askers)
            unknown = 0
        for q in letter.questions:
            for f in q.fracties:
                if f not in letter.fracties:
                    letter.fracties.append(f)
        if unknown:
            first = next(q for q in letter.questions if not q.fracties)
            self.warn("no-fractie", f"{unknown} question(s) follow no fractie section or "
                      "fractie phrase; their fracties are left empty", first.line)

    def _question(self, p: _Para, k: int, qs: int, qe: int, fr: tuple[str, ...]) -> bool:
        """Add the question ``p.text[qs:qe]`` of paragraph ``k`` asked by ``fr`` (none in
        an introduction); True when it is one whose fracties stay unknown."""
        if p.kind == "intro":
            return False
        letter = self.letter
        text = p.text[qs:qe]
        line = p.line_at(qs)
        if p.ps:
            fr = subject_fracties(text)
            self.warn("question-after-signature", "question after the signature "
                      f"('{text[:50]}...'), counted as a question", line)
        elif not fr and len(letter.fracties) == 1:
            fr = tuple(letter.fracties)  # the only fractie the letter names
        if p.kind != "item" and missing_question_mark(text):
            self.warn("no-question-mark", "question without '?' "
                      f"('{text[:50]}...'), counted as a question", line)
        letter.questions.append(Question(len(letter.questions) + 1, text, k, qs, qe,
                                         p.section, fr, line, p.number))
        return not fr and bool(letter.fracties) and not p.ps

    # -- 6. footnotes
    def samenstelling(self) -> None:
        """The Samenstelling note (``1 Samenstelling: Kox (SP), ... Dittrich (D66)
        (voorzitter), ...``) is the committee's composition, not a source: its members go
        to ``letter.members`` (:func:`.structure.parse_samenstelling`). The note stays a
        footnote where it stands (nothing dropped); the citation stage does not warn
        about it (``graph/citations``: a Samenstelling note of a letter with members)."""
        letter = self.letter
        for fn in letter.footnotes:
            if not letter.members and is_samenstelling(fn.text):
                letter.members = parse_samenstelling(fn.text)
        if letter.chair is None:
            letter.chair = next((m.name for m in letter.members if m.role == "voorzitter"), None)

    def footnotes(self) -> None:
        letter = self.letter
        markers = [m for p in letter.paragraphs for m in p.markers]
        queue: dict[str, list[Footnote]] = {}
        notes: list[tuple[int, Footnote]] = []
        for order, (number, parts, line) in enumerate(self.bodies):
            fn = Footnote(number, " ".join(x for x in parts if x).strip(), line)
            if number in queue:
                first = queue[number][0]
                self.warn("duplicate-footnote", f"footnote number {number} occurs twice "
                          f"(lines {first.line} and {line}); both kept", line,
                          where=f"line {line}, footnote {number}")
            queue.setdefault(number, []).append(fn)
            notes.append((order, fn))
        used: dict[str, int] = {}
        for mk in markers:
            bodies = queue.get(mk.number, [])
            k = used.get(mk.number, 0)
            if k < len(bodies):
                bodies[k].marker = mk
                used[mk.number] = k + 1
            elif bodies:
                self.warn("duplicate-marker", f"footnote marker {mk.number} occurs again; its "
                          "body is already matched to an earlier marker", mk.line,
                          where=f"line {mk.line}, footnote {mk.number}")
            else:
                self.warn("marker-without-body", f"footnote marker {mk.number} has no footnote "
                          "body", mk.line, where=f"line {mk.line}, footnote {mk.number}")
        for _, fn in notes:
            if fn.marker is None:
                self.warn("body-without-marker", f"footnote {fn.number} has no marker in the "
                          "text", fn.line, where=f"line {fn.line}, footnote {fn.number}")
        numbers = sorted({int(n) for n in list(queue) + [m.number for m in markers]
                          if n.isdigit()})
        if numbers:
            # one warning per missing number; a long gap (footnote 1000 after 2) is one
            # warning for the range, not 997
            for prev, nxt in zip([0] + numbers, numbers):
                if nxt - prev < 2:
                    continue
                line = (queue[str(nxt)][0].line if str(nxt) in queue else
                        next((m.line for m in markers if m.number == str(nxt)), 1))
                gaps = [str(n) for n in range(prev + 1, nxt)] if nxt - prev <= 6 else [
                    f"{prev + 1}-{nxt - 1}"]
                for n in gaps:
                    self.warn("footnote-gap", f"footnote numbering skips {n} (before footnote "
                              f"{nxt})", line, where=f"line {line}, footnote {nxt}")

        def key(item: tuple[int, Footnote]) -> tuple[int, int, int]:
            order, fn = item
            return (0, int(fn.number), order) if fn.number.isdigit() else (1, 0, order)

        letter.footnotes = [fn for _, fn in sorted(notes, key=key)]
        self.samenstelling()

    # -- 7. metadata from the body
    def body_metadata(self) -> None:
        letter = self.letter
        paras = letter.paragraphs
        closing = [p for p in paras if p.kind == "closing"]
        # chair: the lines after "Hoogachtend,", else "De voorzitter van de ...," + name
        for i, p in enumerate(closing):
            if _VALEDICTION.match(p.text):
                rest = [q.text for q in closing[i + 1:]]
                letter.chair, letter.chair_function = parse_signature(rest)
                break
        else:
            for i, p in enumerate(closing):
                if is_chair_line(p.text) and "griffier" not in p.text.lower()[:30]:
                    chair, function = parse_signature([q.text for q in closing[i:i + 2]])
                    if chair and function:
                        letter.chair, letter.chair_function = chair, function
                    break
        # committee: the opening sentence, else the closing request or signature
        candidates = []
        for p in paras:
            if p.kind in ("intro", "text"):
                spans = self.sentences(p.index)
                if spans:
                    candidates.append(p.text[spans[0][0]:spans[0][1]])
                break
        candidates += [p.text for p in closing]
        candidates += [letter.chair_function or ""]
        for c in candidates:
            name, abbr = parse_committee(c)
            if name:
                letter.committee, letter.committee_abbr = name, abbr
                break
        # the answer term: from the first request to answer that states one, the closing's
        # first (the body is searched only when the closing states none)
        sources = itertools.chain(
            (p for p in paras if p.kind == "closing" and is_closing_request(p.text)),
            (p for p in paras if p.kind != "closing" and is_closing_request(p.text)))
        for p in sources:
            for s, e in self.sentences(p.index):
                sent = p.text[s:e]
                if not is_closing_request(sent):
                    continue
                term = parse_term(sent, letter.datum)
                if term is None:
                    continue
                letter.term_raw, letter.deadline = term.raw, term.deadline
                if term.problem:
                    self.warn("term-unclear" if term.deadline is None else "term-approximate",
                              term.problem, self.paras[p.index].line_at(s))
                return

    def trailing_notes(self) -> None:
        """Notes at the very end of written questions, with no rule or "Noten" before
        them (:func:`.structure.mark_trailing_notes`): rewritten as ``<sup>n</sup>``, the
        marker form the rest of the reader knows."""
        if "<sup" in self.text.lower() or "[^" in self.text or self.unicode_markers:
            return
        if mark_trailing_notes(self.lines):
            self.text = "\n".join(self.lines)

    def run(self) -> Letter:
        self.trailing_notes()
        end, salutation = self.letterhead_end()
        self.read_letterhead(end, salutation)
        blocks = self.body_blocks(end)
        self.split_note_runs()
        self.glued_markers(blocks)
        self.assemble(blocks)
        self.finish()
        self.footnotes()
        self.body_metadata()
        self.letter.warnings = self.warnings
        return self.letter


def read_text(text: str, source: str) -> Letter:
    """Read one committee letter from its text; see the module docstring.

    Raises :class:`InputError` only for text with nothing in it; everything else that
    is odd becomes a warning :class:`Issue` on ``letter.warnings``.
    """
    return _read(text, source).letter


def _read(text: str, source: str) -> _TextReader:
    """The reader after reading ``text`` (its ``letter`` filled)."""
    if not text.strip("\ufeff \t\r\n"):
        raise InputError(source, "empty file", "line 1")
    reader = _TextReader(text, source)
    reader.run()
    return reader


def read_text_file(path: str | Path) -> Letter:
    """Read a letter file: bytes decoded by :func:`decode_bytes` (UTF-8, BOM dropped,
    cp1252 fallback with a warning; empty and binary files raise :class:`InputError`).

    The letter holds no control character: :func:`decode_bytes` replaced them in the
    text, and a letter where an HTML entity made one again (``&#129;``) is scrubbed
    (:func:`~.base.scrub_letter`), so that :func:`~kamerxref.graph.readers.read_file_all`
    need not walk it."""
    data = read_input(path, str(path))
    text, issues = decode_bytes(data, str(path))
    reader = _read(text, str(path))
    letter = reader.letter
    if not (letter.kenmerk or letter.datum or letter.questions or letter.footnotes):
        # a README or notes file in a folder of letters: say so rather than make an
        # empty letter of it
        raise InputError(str(path), "not a letter: no datum, kenmerk, questions or footnotes found",
                         "line 1", code="not-a-letter")
    letter.warnings[:0] = issues
    if reader.entity_controls and printable(str(path)) == str(path):
        scrub_letter(letter)  # (an odd file name: read_file_all renames, then scrubs)
    return letter


_GLUED_TOKEN = re.compile(r"^(.*[^\W\d_])(\d+)$")


def account(letter: Letter, text: str) -> list[str]:
    """Words of ``text`` the letter does not account for, and words it has too often.

    Compares the multiset of word tokens (:func:`tokens`) of the input with those of the
    paragraphs (with item numbers and footnote marker numbers), section headings,
    footnotes (number and text) and skipped blocks. Returns ``"-word"`` for every
    occurrence that was dropped and ``"+word"`` for every one that was duplicated,
    sorted; an empty list means nothing was lost or invented.
    """
    def toks(s: str) -> list[str]:
        # "brief4" in copied text is the word "brief" and note marker 4: a digit run
        # glued to a word counts apart on both sides ("D66" is "D" + "66" on both)
        out = []
        for t in tokens(s):
            m = _GLUED_TOKEN.match(t)
            out.extend(m.groups() if m else (t,))
        return out

    expected = Counter(toks(text))
    got: Counter[str] = Counter()
    for p in letter.paragraphs:
        got.update(toks(p.text))
        if p.number:
            got.update(toks(p.number))
        for m in p.markers:
            got.update(toks(m.number))
    for s in letter.sections:
        got.update(toks(s.heading))
    for fn in letter.footnotes:
        got.update(toks(fn.number))
        got.update(toks(fn.text))
    for b in letter.skipped:
        got.update(toks(b.text))
    missing = expected - got
    extra = got - expected
    return sorted([f"-{t}" for t in missing.elements()] + [f"+{t}" for t in extra.elements()])
