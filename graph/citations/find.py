"""Find stage: full citations and short forms in one text, with spans (eyecite-style).

:func:`find_citations` reads a footnote (or any line of text) and returns what it cites,
in text order, without looking at other footnotes: ``Idem, p. 18.`` is returned as a
short form (``short_form="Idem"``, ``pages=(18,)``) that :mod:`.resolve` points at the
previous footnote.

How it works, and why it is linear:

1. *Clean*: markdown emphasis (``*Kamerstukken I 2025/26*``), link residue
   (``[E260010](#)``), ``<sup>n</sup>`` markers, OCR hyphenation (``Kamer-stukken``) and
   whitespace runs are removed or collapsed by one ``re.finditer`` pass. A segment table
   maps every position of the clean text back to the ORIGINAL text, so spans always
   refer to the text as given. A text with nothing to clean (most footnotes) is its
   own clean text, checked by one ``search``.
2. *Scan*: one master regular expression, an alternation of one pattern per source
   kind built from the tables of :mod:`.grammar`, is run with ``finditer``. Every
   quantifier in it is bounded (``{0,30}``, never ``*``/``+``) and every pattern starts
   with a literal or a digit guarded by a look-behind, so a match attempt never scans
   more than a few hundred characters: 1 MB of digits or 100 kB without spaces costs
   time proportional to its length.
   Each candidate is tried only with the patterns that can start with its first
   character (read from the patterns themselves, :func:`_patterns_at`), in MASTER's
   order, which gives MASTER's match exactly. :func:`find_citations_many` scans a whole
   batch of footnotes for candidates at once; :func:`find_citations_reference` keeps
   the plain path (MASTER everywhere, one text at a time) that tests compare against.
3. *Build*: the groups of each match are turned into :class:`FoundCitation` records
   with canonical ids (:mod:`.ids`). A match that cannot give a correct id
   (``Kamerstukken II 2016-17, 2212, nr. 2292``: four-digit dossier) is returned with
   ``kind="malformed"`` and a ``problem``, never with a guessed id.

The most common footnote, plain Kamerstuk citations only (``Kamerstukken II 2023/24,
36 410, nr. 5, p. 3.``), skips the three steps in :func:`find_citations_many`: one match
per citation gives the same records (:data:`_PLAIN_KST`, tested against the general path).
"""
from __future__ import annotations

import bisect
import functools
import itertools
import operator
import os
import re
from re import _constants as _sre
from re._compiler import compile as _sre_compile
from re._parser import parse as _sre_parse
from dataclasses import dataclass
from typing import ClassVar, Iterable, Sequence

from . import grammar as G
from . import ids

# =========================================================================== records


@dataclass(slots=True)
class FoundCitation:
    """One citation found in a text, before short forms are resolved.

    ``kind`` is a source kind of :data:`grammar.SOURCE_KINDS` (``kamerstuk``, ...),
    ``"dossier"`` for a dossier cited without a paper (``15 883 (R 1129)``),
    ``"short"`` for a short form, or ``"malformed"``. ``span`` is [start, end) in the
    ORIGINAL text. Several records may share a span (``nrs. 520 en 548`` gives two).

    ``*Kamerstukken I 2025/26*, 36 871, O, bijlage, p. 41.`` ->
    ``FoundCitation(kind="kamerstuk", document="kst-36871-O", dossier="36871",
    part="bijlage", pages=(41,), span=(0, 51), ...)``.
    """

    kind: str
    span: tuple[int, int]
    text: str
    document: str | None = None
    dossier: str | None = None
    part: str | None = None
    pages: tuple[int, ...] = ()
    pages_following: bool = False
    url: str = ""
    label: str = ""
    short_form: str | None = None  # "Idem", "Ibid.", "t.a.p.", "aldaar", "zie noot"
    note: str | None = None  # the footnote number of "zie noot 4"; the paper of "stuk nr. 3"
    problem: str | None = None  # why a malformed citation got no id
    same_kind: str | None = None  # "hetzelfde Aanhangsel": the kind it points back to
    #: A found record is resolved from no other footnote (``Citation.resolved_from`` names
    #: the one a short form resolved to): ``cite`` reads it from either kind of record.
    resolved_from: ClassVar[None] = None

    def __reduce__(self):
        # pickled as its fields in order (``cite --jobs`` sends found records from the
        # workers): a third of the cost of the slots state dataclasses pickle by default
        return (FoundCitation, (self.kind, self.span, self.text, self.document, self.dossier,
                                self.part, self.pages, self.pages_following, self.url, self.label,
                                self.short_form, self.note, self.problem, self.same_kind))


# ============================================================================ clean

_NOISE = re.compile(
    r"(?P<sup><sup>\s{0,3}\d{1,4}\s{0,3}</sup>)"
    r"|\[(?P<link>[^\[\]\n]{1,120})\]\((?P<href>[^()\s]{0,300})\)"
    r"|(?P<emph>\*{1,3}|(?<![\w])_{1,2}|_{1,2}(?![\w]))"
    r"|(?P<hyph>(?<=[a-z])-(?: {1,7})?(?=[a-z]{2})|\u00ad)"
    r"|(?P<ws> {2,})"
)


_LINK_TAIL = re.compile(r"\]\([^()\s]{0,300}\)")


#: Single whitespace characters and non-breaking hyphens, replaced one to one (offsets kept).
_ONE_TO_ONE = tuple((c, " ") for c in "\t\r\n\f\v\u00a0\u2007\u2009\u202f") + (
    ("\u2010", "-"), ("\u2011", "-"))

#: Characters where noise can start; plain text between them is copied as one segment.
_NOISE_TRIGGER = re.compile(r"[<\[*_\-\u00ad]| {2}")
#: Its two alternatives alone: a character class is skipped to in C (the alternation
#: tries every position); the double spaces looked for only in a text that has them.
_NOISE_CHARS = re.compile(r"[<\[*_\-\u00ad]")
_TWO_SPACES = re.compile(r" {2}")


def _noise_starts(text: str) -> list[int]:
    """The starts of ``_NOISE_TRIGGER.finditer(text)``: its alternatives match apart (one
    character that is no space, or two spaces), so their scans merged give them."""
    starts = [t.start() for t in _NOISE_CHARS.finditer(text)]
    if "  " in text:
        starts += [t.start() for t in _TWO_SPACES.finditer(text)]
        starts.sort()
    return starts


#: Anything that :class:`_Cleaned` could change. Most footnotes hold none of it
#: (``Kamerstukken II 2022/23, 29 628, nr. 1139.``); their clean text is the text itself.
#: A ``-`` counts only after a letter: elsewhere no alternative of ``_NOISE`` can match it.
_NOISE_ALTERNATIVES = (
    "[" + "".join(re.escape(c) for c, _ in _ONE_TO_ONE) + r"<\[*_\u00ad]",
    # "-(?<=[a-z]-)" is "(?<=[a-z])-" written to start with its character, so that every
    # branch does and the engine skips the positions that start none of them
    r"-(?<=[a-z]-)",
    "  ",
)
_NOISE_ANY = re.compile("|".join(_NOISE_ALTERNATIVES))
#: Each alternative alone: a character class, or a literal first character, lets the
#: engine skip to its candidates in C (the alternation tries every position): three
#: scans of a batch cost a third of one scan with ``_NOISE_ANY``.
_NOISE_EACH = tuple(re.compile(a) for a in _NOISE_ALTERNATIVES)


class _Cleaned:
    """The clean text plus a segment table mapping clean offsets to original ones.

    Segments are ``(clean_start, orig_start, orig_end, verbatim)``; a verbatim segment
    copies ``orig[orig_start:orig_end]``; a replacement segment stands for
    ``orig[orig_start:orig_end]`` with different (non-empty) clean text.
    """

    __slots__ = ("text", "_cs", "_seg", "identity")

    def __init__(self, orig: str, reference: bool = False, noisy: bool = False):
        """``noisy``: the caller has found something to clean already (no second search)."""
        if not (reference or noisy) and _NOISE_ANY.search(orig) is None:  # nothing to clean: identity
            self.text = orig
            self._cs = [0]
            self._seg = [(0, len(orig), True)]
            self.identity = True
            return
        self.identity = False
        pieces: list[str] = []
        cs: list[int] = []
        seg: list[tuple[int, int, bool]] = []
        clean_len = 0
        last = 0

        def add(clean: str, o_start: int, o_end: int, verbatim: bool) -> None:
            nonlocal clean_len
            if not clean:
                return
            pieces.append(clean)
            cs.append(clean_len)
            seg.append((o_start, o_end, verbatim))
            clean_len += len(clean)

        work = orig
        for ch, rep in _ONE_TO_ONE:
            if ch in work:
                work = work.replace(ch, rep)
        for start in _noise_starts(work):
            if start < last:
                continue
            m = _NOISE.match(work, start)
            if m is None or m.end() == m.start():
                continue
            s, e = m.span()
            if m.lastgroup == "hyph" and e - s > 1 and "\n" not in orig[s:e]:
                continue  # "asiel- en": a real dash before a word, not a line-end hyphen
            if s > last:
                add(work[last:s], last, s, True)
            kind = m.lastgroup
            if kind == "link" or kind == "href":
                ls, le = m.span("link")
                add(work[ls:le], ls, le, True)
            elif kind == "ws" or kind == "sup":
                if not (pieces and pieces[-1].endswith(" ")):
                    add(" ", s, e, False)
            elif kind == "nbh":
                add("-", s, e, False)
            # emph, hyph: dropped
            last = e
        if last < len(orig):
            add(work[last:], last, len(orig), True)
        self.text = "".join(pieces)
        self._cs = cs
        self._seg = seg

    def orig_start(self, c: int) -> int:
        i = bisect.bisect_right(self._cs, c) - 1
        o_start, o_end, verbatim = self._seg[i]
        return o_start + (c - self._cs[i]) if verbatim else o_start

    def orig_end(self, c: int) -> int:
        """Original offset just after clean position ``c - 1``."""
        i = bisect.bisect_right(self._cs, c - 1) - 1
        o_start, o_end, verbatim = self._seg[i]
        return o_start + (c - self._cs[i]) if verbatim else o_end


# ============================================================================ pieces


def _alt(words) -> str:
    """A regex alternation of literal words, longest first (so ``II`` wins over ``I``)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_CH = rf"(?:{_alt(G.CHAMBERS)})(?![\w/])"
_YEAR_PREFIX = rf"(?:(?:{_alt(G.YEAR_PREFIXES)}) )?"
_YEAR_SEP = rf"(?: ?(?:{_alt(G.YEAR_SEPARATORS)}) ?)"


def _year(p: str) -> str:
    return rf"{_YEAR_PREFIX}(?P<{p}y1>1[89]\d\d|20\d\d)(?:{_YEAR_SEP}(?P<{p}y2>\d{{4}}|\d{{2}}))?(?![\d/])"


_ROMAN = r"(?=[IVXL])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![\w])"
#: a budget chapter: ``XV``, ``IIB`` (``31 700-IIB``), after ``hoofdstuk`` or a separator
_CHAPTER = rf"(?=[IVXL])(?:XC|XL|L?X{{0,3}})(?:IX|IV|V?I{{0,3}})[{G.CHAPTER_LETTERS}]?(?![\w])"
_CHAPTER_WORD = rf"(?:{_alt(G.CHAPTER_WORDS)}) "
_PAGE_MARK = rf"(?:{_alt(G.PAGE_MARKERS)})"
_FOLLOW = rf"(?: ?(?:{_alt(G.FOLLOWING)}))"
_NUM_MARK = rf"(?:{_alt(G.NUMBER_MARKERS)})(?![\w])"
_PAGES_ITEM = r"\d{1,5}(?:/\d{1,5})?(?![\d/])"  # "69/70": two facing pages
_RANGE = r"(?: ?[-–—] ?| t/m | tot en met )"


def _pages(p: str, semicolons: bool = False) -> str:
    joiner = rf"(?:{_RANGE}| en |, ?{'|; ' if semicolons else ''})"  # "blz. 1092,1093" too
    return (
        rf"(?:,? ?{_PAGE_MARK} ?(?P<{p}pages>{_PAGES_ITEM}(?:{joiner}{_PAGES_ITEM}){{0,40}})"
        rf"(?P<{p}ev>{_FOLLOW})?)?"
    )


def _part(p: str) -> str:
    return rf"(?:,? ?(?P<{p}part>{_alt(G.PARTS)})(?: (?P<{p}partn>\d{{1,2}})(?!\d))?)?"


_PAPER_NAME = rf"(?i:{_alt(G.PAPER_NAMES)})"


def _paper_note(p: str) -> str:
    """What may stand between a paper's number and its page without naming a part:
    ``nr. 3 (MvT), p. 14``, ``nr. 3, Memorie van Toelichting, pag. 10``; or a part in
    brackets: ``nr. 3 (bijlage IV), blz. 21`` (part ``bijlage-IV``)."""
    return (rf"(?: ?\((?:(?P<{p}bpart>{_alt(G.PARTS)})(?: (?P<{p}bpartn>{_ROMAN}|\d{{1,2}}(?!\d)))?"
            rf"|{_PAPER_NAME})\)|, {_PAPER_NAME}(?=,? ?{_PAGE_MARK}))?")


#: ``nrs. 520 en 548`` or ``nrs. A en B``: a list is all numbers or all letters, so that
#: ``nr. 746 en HR 3 december 2014`` and ``nr. 563 en COM(2021)267`` stop after the number.
_NUM_JOIN = r"(?: ?[-–] ?| en | & |, )"
_NUM_DIGITS = r"\d{1,5}[a-z]?(?![\w])"
_NUM_LETTERS = r"[A-Z]{1,3}(?![\w(])"
_NUM_LIST = (rf"(?:{_NUM_DIGITS}(?:{_NUM_JOIN}{_NUM_DIGITS}){{0,30}}"
             rf"|{_NUM_LETTERS}(?:{_NUM_JOIN}{_NUM_LETTERS}){{0,30}})")


def _numbers(p: str, head: bool) -> str:
    """The ondernummer block: ``-56`` (compact), ``, nr. 1139``, ``nrs. 520 en 548``,
    ``, O`` (EK letters), ``(7, 7a, 7b)``; after a head word also a bare ``, 32``."""
    alts = [
        rf"-(?P<{p}cnum>\d{{1,5}}[a-z]?|[A-Z]{{1,3}})(?![\w-])",
        rf" ?,? ?{_NUM_MARK}\.? ?:? ?(?P<{p}nums>{_NUM_LIST})",
        rf", ?(?P<{p}let>[A-Z]{{1,3}})(?![\w])",
        rf" ?\((?P<{p}plist>\d{{1,4}}[a-z]?(?:, ?\d{{1,4}}[a-z]?){{0,30}})\)",
    ]
    if head:
        alts.append(rf", (?P<{p}bnum>\d{{1,4}}[a-z]?)(?![\w/.,-])(?! ?[A-Za-z])")
        # no comma at all, after a head word: ``Kamerstuk I 31145 AA``, ``Kamerstukken II,
        # 31 459 22`` (KOOP): the last thing of the citation
        alts.append(rf" (?P<{p}let2>[A-Z]{{1,3}})(?![\w(/-])(?! ?[A-Z0-9])")
        alts.append(rf" (?P<{p}bnum2>\d{{1,3}}[a-z]?)(?![\w/.-])(?=$|[.;)]|,? ?{_PAGE_MARK})")
    return "(?:" + "|".join(alts) + ")?"


def _dossier(p: str, head: bool) -> str:
    digits = r"\d{2}[ .\-]?\d{3}|\d{4}" if head else r"[1-3]\d ?\d{3}"
    return (
        rf"(?P<{p}dos>{digits})(?!\d)"
        rf"(?:(?:[ .\-]?|,? {_CHAPTER_WORD})(?P<{p}rom>{_CHAPTER})"
        rf"|-(?P<{p}sub>\d{{2}})(?=-\d| ?,? ?{_NUM_MARK}| ?,)"
        rf"|[ \-](?P<{p}sl>[A-Z])(?= ?,? ?{_NUM_MARK}))?"
        rf"(?: ?\(R ?(?P<{p}rw>\d{{3,4}})\))?"
    )


def _kst_tail(p: str, head: bool) -> str:
    return _dossier(p, head) + _numbers(p, head) + _paper_note(p) + _part(p) + _pages(p)


_KST_HEADS = [h for h in G.kind_by_shape("kamerstuk")[0].heads if h[0] in "KkB"]
_CH_HEADS = [h for h in G.kind_by_shape("kamerstuk")[0].heads if h[0] not in "KkB"]
_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december",
)
_AH_HEADS = G.kind_by_shape("aanhangsel")[0].heads
_H_HEADS = G.kind_by_shape("handelingen")[0].heads
_PUB_HEADS = {h: k for k in G.kind_by_shape("publication") for h in k.heads}
_EU_ACT_HEADS = [w for h in G.EU_ACT_TYPES for w in (h, h[0].lower() + h[1:])]

#: ``RVS``, ``RvS``, ``Rvs``, ``rvs``: court codes as people type them (read upper case).
_NL_COURT_SPELLINGS = sorted({v for c in G.ECLI_NL_COURTS for v in (
    c, c.lower(), c[0] + c[1:].lower(), c[:-2] + c[-2].lower() + c[-1])})

_PATTERNS: list[tuple[str, str]] = [
    # Kamerstukken with a head word: Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40
    ("k", rf"(?<![A-Za-z])(?P<k_head>{_alt(_KST_HEADS)})(?![a-z])"
          rf"(?:,? ?(?P<k_ch>{_CH}))?(?:,? ?{_year('k_')})?(?:,? ?|-(?=\d{{4}}(?!\d)))"
          + _kst_tail("k_", True)),
    # a chamber and a year and no head word: Eerste Kamer, zitting 1981-1982, 16606, nr. 12b
    ("c", rf"(?<![\w])(?P<c_ch>{_alt(_CH_HEADS)})(?![\w]),? ?{_year('c_')},? ?"
          + _kst_tail("c_", True)),
    # Aanhangsel Handelingen II 2023/24, nr. 1121
    # Aanhangsel Handelingen nr. 815, vergaderjaar 1988-1989 / Aanhangsel (nr. 414 (1993/94) Handelingen)
    ("a", rf"(?<![A-Za-z])(?:{_alt(_AH_HEADS)})(?![a-z])(?:,? (?P<a_ch>{_CH}))?"
          rf"(?:,? ?{_year('a_')},? ?(?:{_NUM_MARK}\.? ?)?(?P<a_nr>\d{{1,5}})(?![\d/])"
          rf"|,? ?{_NUM_MARK}\.? ?(?P<a_nr2>\d{{1,5}})(?![\d/]),? ?{_year('a2_')}"
          rf"|,? ?\({_NUM_MARK}\.? ?(?P<a_nr3>\d{{1,5}}) ?\({_year('a3_')}\)(?: Handelingen)?"
          rf"(?: (?P<a_ch3>{_CH}))?\))" + _pages("a_")),
    # Handelingen I 2025/26, nr. 12, item 3 / Handelingen Eerste Kamer, 1 december 1981, blz. 79
    ("h", rf"(?<![A-Za-z])(?<!Aanhangsel )(?<!Aanhangsel van de )(?<!Aanhangsel bij de )(?<!Aanh\. )"
          rf"(?<!Bijl\. )(?<!Bijlagen )"
          rf"(?:{_alt(_H_HEADS)})(?![a-z])"
          rf"(?:,? (?P<h_ch>{_CH}))?,? ?(?:(?P<h_day>\d{{1,2}}) (?P<h_mon>{_alt(_MONTHS)}) "
          # "Handelingen II 1987/88, Bijlagen, 20 074, nr. 6" is a Kamerstuk: not read here
          rf"(?P<h_dy>1[89]\d\d|20\d\d)|{_year('h_')}(?!,? ?(?:Bijlagen|Bijl\.))"
          # the dossier debated, after the year: Handelingen II, 2008-2009, 31 386, nr. 43, pag. 3795
          rf"(?:,? ?(?P<h_dos>[1-3]\d ?\d{{3}})(?![\d/])(?:-(?P<h_dsuf>[0-9A-Z]{{1,5}})(?![\w-]))?)?"
          rf"(?:,? ?(?:{_NUM_MARK}\.? ?|vergadering )?(?P<h_nr>\d{{1,3}})(?P<h_nrl>[a-z])?(?![\d/\w])(?! ?\d{{3}}(?!\d)))?"
          rf"(?:,? ?item (?P<h_item>\d{{1,3}}))?"
          rf"(?:,? (?P<h_md>\d{{1,2}} (?:{_alt(_MONTHS)}) (?:1[89]\d\d|20\d\d)))?)"
          + _pages("h_", semicolons=True)),
    # Stb. 2018, 84 / Stcrt. 2015, 47076 / Trb. 1966, 91
    ("p", rf"(?<![A-Za-z])(?P<p_head>{_alt(_PUB_HEADS)})(?![a-z]) ?(?P<p_a>\d{{1,6}})(?![\d/])"
          rf"(?:,? ?(?:{_NUM_MARK}\.? ?)?(?P<p_b>\d{{1,6}})(?![\d/]))?"),
    # COM(2026)45 / COM(2021) 752 final / SWD(2024) 12 / COM/2021/752
    ("e", rf"(?<![\w])(?P<e_ser>{_alt(G.EU_SERIES)}) ?(?:\( ?(?P<e_y>\d{{4}}) ?\)|/(?P<e_y2>\d{{4}})/) ?"
          rf"(?P<e_n>\d{{1,5}})(?!\d)(?: ?(?:final|def\.|definitief|FIN)(?![\w]))?" + _pages("e_")),
    # CELEX:32013R0604
    ("x", r"(?<![\w])(?:CELEX|Celex|celex)(?:-nummer)?:? ?(?P<x_celex>[0-9CE]\d{4}[A-Z]{1,2}\d{4})(?![\w])"),
    # Verordening (EU) 2024/1351 / Richtlijn 2013/32/EU / Verordening (EG) nr. 1560/2003
    ("u", rf"(?<![A-Za-z])(?P<u_head>{_alt(_EU_ACT_HEADS)})(?![a-z])"
          rf"(?: \((?P<u_ord>{_alt(G.EU_ORDERS)})\))?(?P<u_nr> (?:nr\.?|No\.?|n°))? ?"
          rf"(?P<u_a>\d{{1,4}})/(?P<u_b>\d{{1,4}})(?:/(?P<u_ord2>{_alt(G.EU_ORDERS)}))?(?![\d/\w])"),
    # E dossier E260010 / https://www.eerstekamer.nl/eu/edossier/e260010_voorstel_...
    ("d", r"(?<![A-Za-z])[Ee][- ]?[Dd]ossier(?::? ?|/)(?P<d_nr>E\d{6}|(?<=/)e\d{6})(?!\d)"),
    # ECLI:NL:HR:2020:1 / ECLI : NL:HR:2010:392 / ECLI;EU;T;2015;314 / ECLI:Nl:Hr:2010:28
    ("l", r"(?<![\w])(?:ECLI|Ecli|ecli) ?[:;] ?(?P<l_cc>[A-Za-z]{2}) ?(?P<l_sep>[:;]) ?(?P<l_court>[A-Za-z0-9]{1,7})"
          r" ?(?P=l_sep) ?(?P<l_year>(?:1[89]|20)\d\d) ?(?P=l_sep) ?(?P<l_nr>[A-Za-z0-9.]{1,25})"),
    # without the prefix: EU:C:1984:25 / NL:RvS:1984:AH0317
    ("o", rf"(?<![\w:;])(?P<o_cc>{_alt(G.ECLI_COUNTRIES)}):(?P<o_court>[A-Za-z0-9]{{1,7}}):"
          r"(?P<o_year>(?:1[89]|20)\d\d):(?P<o_nr>[A-Za-z0-9.]{1,25})"),
    # a Dutch court without the country: RVS:1984:AH0317
    ("r", rf"(?<![\w:;])(?P<r_court>{_alt(_NL_COURT_SPELLINGS)}|(?:RB|GH|Rb|Gh)[A-Za-z]{{3,5}}):"
          r"(?P<r_year>(?:1[89]|20)\d\d):(?P<r_nr>[A-Za-z]{2}\d{4}|\d{1,6})(?![\w])"),
    # LJN AB1234 / ljn: Ab 3948 / ELRO-nr AA 9162 / LJN BA1234, BA1235
    ("j", rf"(?<![\w])(?:{_alt(G.LJN_HEADS)})(?:[- ]?(?:{_alt(G.LJN_NUMBER_WORDS)}))?[:=.]? ?"
          # a list goes on only with LJNs written whole: "LJN AB1234, NJ 2001/400" is one
          r"(?P<j_nrs>[A-Za-z]{2} ?\d{4}(?![\w/])(?:(?:, | en | & |; )[A-Za-z]{2}\d{4}(?![\w/])){0,20})"),
    # Zie noot 4
    ("z", r"(?<![\w])(?P<z_word>[Zz]ie (?:ook )?(?:voet)?noot) (?P<z_n>\d{1,3})(?![\d])" + _part("z_")
          + _pages("z_")),
    # hetzelfde Aanhangsel: the last source of that kind
    ("g", rf"(?<![\w])(?P<g_same>{_alt(G.SAME_WORDS)}) (?P<g_kind>{_alt(G.SAME_KIND_WORDS)})(?![a-z])"
          + _part("g_") + _pages("g_")),
    # (stuk nr. 3): a paper of the dossier the text belongs to
    ("t", rf"(?<![\w])(?:{_alt(G.OWN_DOSSIER_WORDS)}) ?(?P<t_nr>\d{{1,4}}[a-z]?)(?![\w])" + _part("t_")
          + _pages("t_")),
    # Idem, p. 18 / Ibid. / t.a.p. / aldaar
    ("s", rf"(?<![\w.])(?P<s_form>{_alt(G.SHORT_FORMS)})(?![\w])\.?" + _part("s_") + _pages("s_")),
    # bare: (22112, nr. 4091) / ( 21501-08 , nr. 719 )
    ("b", r"(?<![\w.,/€$-])" + _dossier("b_", False) + rf" ?, ?(?={_NUM_MARK})"
          + _numbers("b_", False) + _part("b_") + _pages("b_")),
    # bare compact ids in lists: - 21501-02-1855 / Kamerstuk 35925-VI-56 (head handled above)
    ("q", r"(?<![\w.,/€$-])(?P<q_dos>[1-3]\d{4})(?:-(?P<q_rom>" + _ROMAN + r")|-(?P<q_sub>\d{2})(?=-\d))?"
          r"-(?P<q_num>\d{1,4}[a-z]?)(?![\w-])"),
    # KOOP Handelingen: Zij krijgt nr. 346 ( 32847 ). / nr. 726 , was nr. 719 ( 21501-08 )
    ("n", r"(?<![\w])nr\. (?P<n_num>\d{1,4}[a-z]?)(?: ?, ?was nr\. \d{1,4}[a-z]?)? ?\( ?"
          r"(?P<n_dos>[1-3]\d{4})(?:-(?P<n_rom>" + _ROMAN + r")|-(?P<n_sub>\d{2}))? ?\)"),
    # bare CELEX numbers: 32013R0604
    ("y", r"(?<![\w:])(?P<y_celex>[1-9](?:19[5-9]\d|20\d\d)[A-Z]{1,2}\d{4})(?![\w])"),
]

def _trie(words, frequent_first: bool = True) -> str:
    """A regex for a set of literal words, as a trie (``K(?:amerst|st\\.)|...``): the
    regex engine then skips every position whose first character starts no word.

    The branches of a node start with different characters, so at most one can match and
    their order changes nothing but speed: the engine tries them in turn at every
    position, so by default the characters met most often in Dutch text come first
    (``frequent_first=False``: alphabetical, for tests)."""
    words = sorted(set(words))
    if "" in words:
        rest = [w for w in words if w]
        return f"(?:{_trie(rest, frequent_first)})?" if rest else ""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    order = sorted(groups, key=lambda c: (_FREQUENT.find(c) % (len(_FREQUENT) + 1), c)
                   ) if frequent_first else list(groups)
    alts = [re.escape(c) + _trie(groups[c], frequent_first) for c in order]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


#: Characters by how often they occur in Dutch letters (letters unlisted come after).
_FREQUENT = " enatirodslgvhkmubpwjzcfDHKIAMSVWEBTNZOCRGPLJUF.,"


def _lower_first(words):
    return [w[0].lower() + w[1:] for w in words]


#: Where a pattern of MASTER can start: the head words of every kind (both cases where
#: the pattern accepts both) and digits. Found by one fast pass each, so MASTER (an
#: alternation of sixteen patterns) runs only at these positions.
TRIGGER_WORDS = sorted(set(
    _KST_HEADS + _CH_HEADS + list(_AH_HEADS) + list(_H_HEADS) + list(_PUB_HEADS)
    + list(G.EU_SERIES) + ["CELEX", "Celex", "celex"] + _EU_ACT_HEADS
    + ["E-dossier", "E dossier", "Edossier", "e-dossier", "E-Dossier", "E Dossier", "e dossier",
       "edossier", "ECLI", "Ecli", "ecli", "Zie ", "zie "]
    + [cc + ":" for cc in G.ECLI_COUNTRIES]
    + [c + ":" for c in _NL_COURT_SPELLINGS] + ["RB", "GH", "Rb", "Gh"] + list(G.LJN_HEADS) + list(G.SAME_WORDS)
    + list(G.OWN_DOSSIER_WORDS)
    + list(G.SHORT_FORMS) + ["nr. "]
))
_TRIGGER = re.compile(_trie(TRIGGER_WORDS))
_DIGIT_TRIGGER = re.compile(r"\d\d ?\d{3}")
#: The same on a text whose only decimal digits are 0-9 (nearly all): ``\d`` asks the
#: Unicode database about every character, a class of ten is a bitmap lookup.
_ASCII_DIGIT_TRIGGER = re.compile(r"[0-9][0-9] ?[0-9]{3}")
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")


def _digit_trigger(text: str) -> re.Pattern:
    r"""The digit trigger to scan ``text`` with: the ASCII one unless the text holds a
    decimal digit outside 0-9 (``\u0663``, ``\uff13``), where ``\d`` matches more."""
    if text.isascii() or not any(map(str.isdecimal, _ASCII_RUNS.sub("", text))):
        return _ASCII_DIGIT_TRIGGER
    return _DIGIT_TRIGGER


def _overlaps(words: list[str]) -> bool:
    """Whether a match of these words can start inside another's (``ibidem`` holds
    ``idem``): then a scan that resumes after each match misses some match starts."""
    return any(v.startswith(w[k:]) or w[k:].startswith(v)
               for w in words for k in range(1, len(w)) for v in words)


def _trigger_groups() -> list[tuple[bool, re.Pattern, str]]:
    """The trigger words in groups that each start with one lowercase letter (one group
    for the rest: capitals are rare in running text), each group a trie of its own, with
    whether matches in it can overlap (:func:`_overlaps`) and the prefix all its words
    share."""
    groups: dict[str, list[str]] = {}
    for w in TRIGGER_WORDS:
        groups.setdefault(w[0] if w[0].islower() else "", []).append(w)
    return [(_overlaps(ws), re.compile(_trie(ws)), os.path.commonprefix(ws))
            for _, ws in sorted(groups.items())]


_TRIGGER_GROUPS: list[tuple[bool, re.Pattern, str]] = []  # made at first use (not for footnotes)


def _trigger_starts(text: str) -> list[int]:
    """``[m.start() for m in _TRIGGER.finditer(text)]``, faster on running text (letter
    paragraphs): where a word starts with a lowercase letter the trie of all words tries
    its alternatives at nearly every position, a group whose words share a first letter
    (or longer prefix) is skipped to by the engine in C. Every start of a group's words is
    found (resuming after each match, or one position on where its matches can overlap);
    then the matches that do not overlap are kept from the left, as ``finditer`` keeps
    them. Exact because ``_TRIGGER`` has no look-around (its match at a position is the
    same whatever stands before it) and its match at a position is the match of the one
    group whose words start with that character."""
    if not _TRIGGER_GROUPS:
        _TRIGGER_GROUPS.extend(_trigger_groups())
    hits: list[tuple[int, int]] = []
    for overlapping, pattern, prefix in _TRIGGER_GROUPS:
        if len(prefix) > 2 and prefix not in text:
            continue  # "verordening", "zie ": a substring search skips ahead faster still
        if overlapping:
            search = pattern.search
            m = search(text)
            while m is not None:
                hits.append(m.span())
                m = search(text, m.start() + 1)
        else:
            hits += map(_SPAN, pattern.finditer(text))
    hits.sort()
    out = []
    end = 0
    for s, e in hits:
        if s >= end:
            out.append(s)
            end = e
    return out


_SPAN = re.Match.span

#: Texts of this many characters on average are scanned with :func:`_trigger_starts`
#: (letter paragraphs: 2.3 times faster), shorter ones (footnotes, dense with triggers:
#: one match per line is cheaper in one scan) with ``_TRIGGER`` itself.
RUNNING_TEXT = 150


def _candidates(ct: str) -> list[int]:
    """Where a pattern of MASTER may start: trigger words and five-digit runs."""
    out = [m.start() for m in _TRIGGER.finditer(ct)]
    out.extend(m.start() for m in _DIGIT_TRIGGER.finditer(ct))
    out.sort()
    return out


_MASTER: list[re.Pattern] = []


def _master() -> re.Pattern:
    """MASTER, the alternation of all patterns, compiled on first use: only the reference
    path runs it (compiling it is a third of importing this module)."""
    if not _MASTER:
        _MASTER.append(re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _PATTERNS)))
    return _MASTER[0]


def __getattr__(name: str):
    if name == "MASTER":  # find.MASTER, as before
        return _master()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: Each pattern parsed once: its first characters are read from the parse, then it is
#: compiled alone (MASTER says which one matched, the small one gives cheap groups).
_PARSED = {name: _sre_parse(pat) for name, pat in _PATTERNS}


_CATEGORY_CLASS = {
    _sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_SPACE: r"\s",
}


def _first_set(seq) -> tuple[set[str] | None, bool]:
    """The characters a parsed regex can start with, as character-class items
    (``{"K", "k"}`` for the Kamerstuk pattern), and whether it can match empty.
    ``None`` means "any character" (a class this does not read): a safe over-estimate.
    Look-arounds are zero-width and skipped, so ``(?<![A-Za-z])Kamerstuk`` gives ``K``."""
    out: set[str] = set()
    for op, av in seq:
        if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
            continue
        if op is _sre.LITERAL:
            out.add(re.escape(chr(av)))
            return out, False
        if op is _sre.IN:
            for iop, iav in av:
                if iop is _sre.LITERAL:
                    out.add(re.escape(chr(iav)))
                elif iop is _sre.RANGE:
                    out.add(f"{re.escape(chr(iav[0]))}-{re.escape(chr(iav[1]))}")
                elif iop is _sre.CATEGORY and iav in _CATEGORY_CLASS:
                    out.add(_CATEGORY_CLASS[iav])
                else:
                    return None, False
            return out, False
        if op is _sre.SUBPATTERN:
            sub, nullable = _first_set(av[3])
        elif op is _sre.BRANCH:
            sub, nullable = set(), False
            for alt in av[1]:
                s, n = _first_set(alt)
                if s is None:
                    return None, False
                sub |= s
                nullable = nullable or n
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            sub, nullable = _first_set(av[2])
            nullable = nullable or av[0] == 0
        else:
            return None, False
        if sub is None:
            return None, False
        out |= sub
        if not nullable:
            return out, False
    return out, True


def _first_class(parsed) -> re.Pattern | None:
    """A one-character regex for the possible first characters of a parsed pattern, or
    None when it could start anywhere."""
    items, nullable = _first_set(parsed)
    return None if items is None or nullable else re.compile("[" + "".join(sorted(items)) + "]")


_FIRST = [(name, _first_class(_PARSED[name])) for name, _ in _PATTERNS]
#: Each pattern alone, compiled from the parse read above (parsing is half of compiling,
#: and these are most of the start-up of ``kamerxref cite``). ``Pattern.pattern`` is
#: None for these; nothing reads it.
_SUB = {name: _sre_compile(_PARSED.pop(name)) for name, _ in _PATTERNS}
_DISPATCH: dict[str, tuple[tuple[str, re.Pattern], ...]] = {}


def _patterns_at(ch: str) -> tuple[tuple[str, re.Pattern], ...]:
    """The patterns of MASTER that can start with ``ch``, in MASTER's order, each
    compiled alone. Trying them one by one at a position gives exactly MASTER's match
    there (an alternation takes its first alternative that matches), at a fraction of
    the cost: ``K`` tries only the Kamerstuk and EU-act patterns, not all sixteen."""
    got = _DISPATCH.get(ch)
    if got is None:
        got = tuple((name, _SUB[name]) for name, first in _FIRST
                    if first is None or first.match(ch))
        _DISPATCH[ch] = got
    return got

# continuation after a Kamerstuk: ", en nr. 6", "; 2001/2002, 26 855 (16, 16a)", " en 35 688 (R2151), nr. 14"
_CONT = re.compile(
    rf"(?:,? en |, |; |,(?=\d{{4,5}}(?!\d)))(?:ook )?(?:(?P<m_only>(?={_NUM_MARK}))|(?:{_year('m_')},? ?)?(?=\d))"
    + rf"(?:(?(m_only)|{_dossier('m_', True)}))" + _numbers("m_", False) + _paper_note("m_") + _part("m_")
    + _pages("m_")
)
#: the same paper again with another part: ``36 871, O, p. 5 en bijlage, p. 42``
_CONT_PART = re.compile(rf"(?:,? en |, |; )(?:ook )?(?=(?:{_alt(G.PARTS)}))" + _part("m_") + _pages("m_"))


# ============================================================================ helpers


_NONDIGIT = re.compile(r"\D")
_PARTS = G.PARTS
_CHAMBERS = G.CHAMBERS
_url_for = ids.url_for
_kst_label = ids.kst_label

#: The first character of every continuation (``_CONT``, ``_CONT_PART``): ``,`` `` `` ``;``.
_CONT_START = frozenset(", ;")

#: The groups of a dossier block, in the order :meth:`_Builder.kamerstuk` reads them.
_KST_GROUPS = ("dos", "rom", "sub", "sl", "rw", "cnum", "nums", "let", "plist", "bnum", "let2",
               "bnum2", "part", "bpart", "partn", "bpartn", "pages", "ev", "y1", "y2", "ch")
_KST_KEYS: dict[str, tuple[str, ...]] = {}
_KST_GETTERS: dict[str, tuple[re.Pattern, operator.itemgetter]] = {}


def _kst_keys(p: str) -> tuple[str, ...]:
    """The group names of a dossier block with prefix ``p`` (``k_`` -> ``k_dos``, ...)."""
    keys = _KST_KEYS.get(p)
    if keys is None:
        keys = _KST_KEYS[p] = tuple(p + k for k in _KST_GROUPS)
    return keys


def _kst_values(m: re.Match, p: str) -> tuple[str | None, ...]:
    """The groups of a dossier block of ``m`` in :data:`_KST_GROUPS` order, None for a
    group the pattern does not have (``b_let2``: bare dossiers have no head-word forms):
    one ``groups()`` and an ``itemgetter``, both in C, instead of ``groupdict()``."""
    got = _KST_GETTERS.get(p)  # by prefix: hashing a Pattern hashes its whole code
    if got is None or got[0] is not m.re:
        index = m.re.groupindex
        none = m.re.groups  # the index of the None appended below
        got = _KST_GETTERS[p] = (m.re, operator.itemgetter(
            *(index[k] - 1 if k in index else none for k in _kst_keys(p))))
    return got[1](m.groups() + _NONE)


_NONE = (None,)


@functools.lru_cache(maxsize=4096)
def _vergaderjaar(y1: str | None, y2: str | None) -> str | None:
    """``2025``, ``26`` -> ``20252026``; no first year: None."""
    return ids.normalise_year(y1, y2) if y1 else None
_JOINER = re.compile(r"(?:,? en |, |; |,)(?:ook )?")


def _pages_tuple(text: str | None) -> tuple[tuple[int, ...], str | None]:
    """``2-3`` -> (2, 3); ``12 en 13`` -> (12, 13); ``5926-5937; 5968-5975`` -> all pages.
    Returns the pages and a problem (a backwards or too wide range) or None."""
    if not text:
        return _NO_PAGES
    if text.isdigit():  # one page: quicker made than looked up in a cache
        return (int(text),), None
    return _page_list(text)


_NO_PAGES: tuple[tuple[int, ...], None] = ((), None)


@functools.lru_cache(maxsize=8192)
def _page_list(text: str) -> tuple[tuple[int, ...], str | None]:
    """:func:`_pages_tuple` of a list or range. Cached: the same page list recurs, and the
    result is immutable."""
    pages: list[int] = []
    problem = None
    for chunk in _PAGE_LIST_SPLIT.split(text):
        bounds = _PAGE_RANGE_SPLIT.split(chunk)
        nums = [int(b) for b in bounds if b.isdigit()]
        if len(nums) == 2:
            a, b = nums
            if b < a and len(str(b)) < len(str(a)):  # "p. 12-3" -> 12-13
                b = int(str(a)[: len(str(a)) - len(str(b))] + str(b))
            if b < a:
                problem = f"page range {chunk} runs backwards"
                pages.extend((a, b))
            elif b - a > G.MAX_RANGE:
                pages.extend((a, b))
            else:
                pages.extend(range(a, b + 1))
        else:
            pages.extend(nums)
    seen: dict[int, None] = {}
    for p in pages:
        seen.setdefault(p, None)
    return tuple(seen), problem


_PAGE_LIST_SPLIT = re.compile(r" en |, ?|; ")
_PAGE_RANGE_SPLIT = re.compile(r" ?[-–—] ?| t/m | tot en met |/")


def _number_list(text: str) -> list[str]:
    """``520 en 548`` -> [520, 548]; ``1-3`` -> [1, 2, 3]; ``7, 7a, 7b`` -> as given."""
    if not any(c in text for c in " ,-–"):  # one number: "1139" (nothing to split on)
        return [text] if text else []
    out: list[str] = []
    for chunk in re.split(r" en | & |, ", text):
        m = re.fullmatch(r"(\d{1,5}) ?[-–] ?(\d{1,5})", chunk)
        if m and 0 < int(m[2]) - int(m[1]) <= 30:
            out.extend(str(n) for n in range(int(m[1]), int(m[2]) + 1))
        else:
            out.extend(x for x in re.split(r" ?[-–] ?", chunk) if x)
    return out


def _chamber(text: str | None) -> str | None:
    if not text:
        return None
    return G.CHAMBERS.get(text.strip())


def _year_of(g: dict, p: str) -> str | None:
    return _vergaderjaar(g.get(p + "y1"), g.get(p + "y2"))


@functools.lru_cache(maxsize=4096)
def _year_ok(year: str | None) -> bool:
    """A vergaderjaar must be two consecutive years: ``2022/-23`` yes, ``2022/25`` no."""
    if not year or len(year) == 4:
        return True
    return int(year[4:]) == int(year[:4]) + 1


# ============================================================================ builders


class _Builder:
    """The records of one text. ``cleaned`` is None when the text needed no cleaning
    (most footnotes): then clean offsets are the original ones."""

    __slots__ = ("c", "t", "orig", "out")

    def __init__(self, cleaned: _Cleaned | None, orig: str):
        self.c = None if cleaned is None or cleaned.identity else cleaned
        self.t = orig if cleaned is None else cleaned.text  # the clean text
        self.orig = orig
        self.out: list[FoundCitation] = []

    def span(self, s: int, e: int) -> tuple[int, int]:
        # trim spaces and trailing sentence dots / commas from the clean span
        t = self.t
        while e > s and t[e - 1] in " ,;":
            e -= 1
        while s < e and t[s] == " ":
            s += 1
        if self.c is None:  # nothing was cleaned, so no "[" either: no link residue
            return s, e
        o_s, o_e = self.c.orig_start(s), self.c.orig_end(e)
        # link residue around the span belongs to it: "[E260010](#)"
        m = _LINK_TAIL.match(self.orig, o_e)
        if m and "[" in self.orig[max(0, o_s - 130):o_e]:
            o_e = m.end()
        return o_s, o_e

    def add(self, kind: str, s: int, e: int, **kw) -> FoundCitation:
        span = self.span(s, e)
        fc = FoundCitation(kind=kind, span=span, text=self.orig[span[0]:span[1]], **kw)
        if fc.document and not fc.url:
            fc.url = ids.url_for(kind, fc.document)
        self.out.append(fc)
        return fc

    def malformed(self, s: int, e: int, problem: str) -> None:
        self.add("malformed", s, e, problem=problem)

    # ------------------------------------------------------------------ kamerstuk
    def kamerstuk(self, vals: Sequence[str | None], s: int, e: int, chamber: str | None,
                  year: str | None) -> tuple[str | None, list[FoundCitation]]:
        """Build the papers of one dossier block from its groups ``vals`` (in the order of
        :data:`_KST_GROUPS`); returns the dossier and the records.

        ``Kamerstukken II 2022/23, 29 628, nrs. 1139 en 1140, p. 3`` gives two records,
        ``kst-29628-1139`` and ``kst-29628-1140`` (the page on the last), one span."""
        (raw, rom, sub, sl, rw, cnum, nums, let, plist, bnum, let2, bnum2, part_word, bpart, partn,
         bpartn, pages_text, ev, y1, y2, _) = vals
        if raw is None:
            return None, []
        digits = raw if raw.isdigit() else _NONDIGIT.sub("", raw)  # "36 871" -> "36871"
        if len(digits) < G.DOSSIER_DIGITS and not (
                len(digits) == 4 and year and int(year[:4]) <= G.FOUR_DIGIT_UNTIL):
            self.malformed(s, e, f"dossier number {raw} has {len(digits)} digits, not "
                                 f"{G.DOSSIER_DIGITS} (typo?): no id built")
            return None, []
        if not _year_ok(year):
            self.malformed(s, e, f"year {y1}/{y2} is not a vergaderjaar")
            return None, []
        suffix = rom or sub or sl
        dossier = ids.normalise_dossier(digits, suffix) if suffix else digits
        if cnum:
            numbers = [cnum]
        elif nums:
            numbers = [nums] if nums.isdigit() else _number_list(nums)  # most: one number
        elif let:
            numbers = [let]
        elif plist:
            numbers = [n.strip() for n in plist.split(",")]
        else:
            v = bnum or let2 or bnum2
            numbers = [v] if v else []
        part = _PARTS.get(part_word or bpart or "")
        if part:
            partn = partn or bpartn
            if partn:
                part = f"{part}-{partn}"
        pages, problem = _pages_tuple(pages_text)
        following = bool(ev)
        if not numbers:
            if part or pages:
                # "Kamerstukken I, 1969-1970, 9595,9596, blz 1092": the dossier is certain,
                # the page belongs to no paper that can be named
                self.malformed(s, e, f"dossier {raw} cited with a part or page but no paper "
                                     "number: only the dossier is linked")
            return dossier, [self.add("dossier", s, e, document=f"dossier-{dossier}", dossier=dossier,
                                      label=ids.kst_label(chamber, year, dossier, None, rw))]
        # the records of one block share its span: computed once (self.span, without the
        # call where there is nothing to trim or map: most)
        t = self.t
        if self.c is None and t[e - 1] not in " ,;" and t[s] != " ":
            span = (s, e)
            text = self.orig[s:e]
        else:
            span = self.span(s, e)
            text = self.orig[span[0]:span[1]]
        made = []
        n = numbers[0]
        if len(numbers) > 1:  # "nrs. 1139 en 1140": the part and pages go on the last
            for n in numbers[:-1]:
                document = f"kst-{dossier}-{n}"  # ids.kst_id
                made.append(FoundCitation("kamerstuk", span, text, document, dossier, None, (), False,
                                          _url_for("kamerstuk", document),
                                          _kst_label(chamber, year, dossier, n, rw)))
            n = numbers[-1]
        document = f"kst-{dossier}-{n}"
        made.append(FoundCitation("kamerstuk", span, text, document, dossier, part, pages, following,
                                  _url_for("kamerstuk", document),
                                  _kst_label(chamber, year, dossier, n, rw)))
        self.out += made
        if problem:
            self.malformed(s, e, problem)
        return dossier, made

    def kamerstuk_chain(self, m: re.Match, p: str) -> int:
        """A Kamerstuk citation and what continues it: ``Kamerstukken II 2019/20, 35 300,
        nr. 1 en 35 301, nr. 2``, ``36 871, O, p. 5 en bijlage, p. 42``; returns where
        it ends."""
        vals = _kst_values(m, p)
        chamber = vals[20] and _CHAMBERS.get(vals[20].strip())  # _chamber
        year = _vergaderjaar(vals[18], vals[19])
        s, e = m.span()
        dossier, made = self.kamerstuk(vals, s, e, chamber, year)
        if dossier is None:
            return e
        pos = e
        text = self.t
        if text[pos:pos + 1] not in _CONT_START:  # "..., nr. 1139." ends here (most do)
            return pos
        pending_dossier_only = [fc for fc in made if fc.kind == "dossier"]
        # "9595,9596": a comma without a space joins only a second bare dossier to a bare one
        bare = bool(made) and made[-1].kind == "dossier" and not vals[16]
        for _ in range(50):
            if text[pos:pos + 1] not in _CONT_START:
                break
            pm = _CONT_PART.match(text, pos)
            if pm and pm.end() > pos and made and made[-1].kind == "kamerstuk" and pm.group("m_pages"):
                pg = pm.groupdict()
                part = G.PARTS[pg["m_part"]]
                if pg.get("m_partn"):
                    part = f"{part}-{pg['m_partn']}"
                pages, problem = _pages_tuple(pg["m_pages"])
                last = made[-1]
                start = _JOINER.match(text, pm.start()).end()
                made.append(self.add("kamerstuk", start, pm.end(), document=last.document,
                                     dossier=last.dossier, part=part, pages=pages,
                                     pages_following=bool(pg.get("m_ev")), label=last.label))
                if problem:
                    self.malformed(start, pm.end(), problem)
                pos = pm.end()
                continue
            cm = _CONT.match(text, pos)
            if not cm or cm.end() <= pos:
                break
            cg = cm.groupdict()
            tight = text[cm.start()] == "," and text[cm.start() + 1].isdigit()
            if tight and not (bare and cg.get("m_dos") and not cg.get("m_nums")
                              and not (cg.get("m_let") or cg.get("m_plist") or cg.get("m_cnum"))):
                break
            if cm.group("m_only") is not None:
                if not cg.get("m_nums"):
                    break
                cg["m_dos"] = dossier.split("-")[0]
                cg["m_rom"] = dossier.partition("-")[2] or None
                cg["m_sub"] = None
            elif not cg.get("m_dos"):
                break
            elif not (cg.get("m_nums") or cg.get("m_let") or cg.get("m_plist") or cg.get("m_cnum")):
                if not tight:  # "9595,9596": a second dossier of an old citation
                    break
            cyear = _year_of(cg, "m_") or year
            start = _JOINER.match(text, cm.start()).end()
            d2, made2 = self.kamerstuk(tuple(map(cg.get, _kst_keys("m_"))), start, cm.end(),
                                       chamber, cyear)
            if d2 is None:
                break
            made = made2 or made
            # "Kamerstukken 35 687 en 35 688 (R2151), nr. 14": the nr. belongs to both
            for fc in pending_dossier_only:
                if made2 and made2[0].kind == "kamerstuk":
                    n = made2[0].document.rsplit("-", 1)[1]
                    fc.kind = "kamerstuk"
                    fc.document = ids.kst_id(fc.dossier, n)
                    fc.url = ids.url_for("kamerstuk", fc.document)
                    fc.label = ids.kst_label(chamber, cyear, fc.dossier, n)
            pending_dossier_only = [fc for fc in made2 if fc.kind == "dossier"]
            bare = bool(made2) and made2[-1].kind == "dossier" and not cg.get("m_pages")
            dossier = d2
            pos = cm.end()
        return pos

    # ------------------------------------------------------------------ others
    def handelingen(self, m: re.Match) -> None:
        g = m.groupdict()
        s, e = m.span()
        chamber = _chamber(g.get("h_ch")) or "tk"
        pages, problem = _pages_tuple(g.get("h_pages"))
        following = bool(g.get("h_ev"))
        ch_label = {"ek": "I", "tk": "II"}.get(chamber, "")
        if g.get("h_day"):
            month = _MONTHS.index(g["h_mon"]) + 1
            date = f"{g['h_dy']}{month:02d}{int(g['h_day']):02d}"
            doc = f"h-{chamber}-{date}"
            label = f"Handelingen {ch_label} {int(g['h_day'])} {g['h_mon']} {g['h_dy']}"
        else:
            year = _year_of(g, "h_")
            if not _year_ok(year):
                self.malformed(s, e, f"year {g.get('h_y1')}/{g.get('h_y2')} is not a vergaderjaar")
                return
            if not g.get("h_nr") and not pages:
                self.malformed(s, e, "Handelingen cited without a meeting number or page")
                return
            if g.get("h_dos") and g.get("h_nr"):
                # Handelingen II, 2008-2009, 31 386, nr. 43, pag. 3795: vergadering 43 only
                # where the grammar is sure of it (grammar.HANDELINGEN_DOSSIER_NEEDS_PAGE)
                nr = g["h_nr"] + (g.get("h_nrl") or "")
                if g.get("h_nrl") or not pages or min(pages) < int(g["h_nr"]):
                    self.malformed(s, e, f"Handelingen with dossier {g['h_dos']} and nr. {nr}"
                                         + (f", p. {pages[0]}" if pages else "")
                                         + ": a vergadering or a paper of the dossier? no id built")
                    return
            elif g.get("h_nrl"):
                self.malformed(s, e, f"Handelingen nr. {g['h_nr']}{g['h_nrl']} is no vergadering "
                                     "number: no id built")
                return
            doc = ids.h_id(chamber, year, g.get("h_nr"), g.get("h_item"))
            label = f"Handelingen {ch_label} {ids.year_label(year)}"
            if g.get("h_nr"):
                label += f", nr. {g['h_nr']}"
                if g.get("h_item"):
                    label += f", item {g['h_item']}"
        self.add("handelingen", s, e, document=doc, pages=pages, pages_following=following,
                 label=label)
        if problem:
            self.malformed(s, e, problem)

    def aanhangsel(self, m: re.Match) -> None:
        g = m.groupdict()
        s, e = m.span()
        chamber = _chamber(g.get("a_ch") or g.get("a_ch3")) or "tk"
        # three orders: year then nr; nr then year; (nr. 414 (1993/94) Handelingen)
        p = "a_" if g.get("a_nr") else "a2_" if g.get("a_nr2") else "a3_"
        number = g.get("a_nr") or g.get("a_nr2") or g.get("a_nr3")
        year = _year_of(g, p)
        if not _year_ok(year) or len(year) != 8:
            self.malformed(s, e, f"Aanhangsel year {g.get(p + 'y1')}/{g.get(p + 'y2')} is not a vergaderjaar")
            return
        pages, problem = _pages_tuple(g.get("a_pages"))
        doc = ids.ah_id(chamber, year, number)
        ch_label = {"ek": "I", "tk": "II"}.get(chamber, "")
        self.add("aanhangsel", s, e, document=doc, pages=pages, pages_following=bool(g.get("a_ev")),
                 label=f"Aanhangsel Handelingen {ch_label} {ids.year_label(year)}, nr. {number}")
        if problem:
            self.malformed(s, e, problem)

    def publication(self, m: re.Match) -> None:
        g = m.groupdict()
        s, e = m.span()
        kind = _PUB_HEADS[g["p_head"]]
        prefix = kind.id_template.split("-")[0]
        a, b = g["p_a"], g.get("p_b")
        if not re.fullmatch(r"1[89]\d\d|20\d\d", a):
            self.malformed(s, e, f"{g['p_head']} {a}: no year, so no id can be built")
            return
        if not b:
            self.malformed(s, e, f"{g['p_head']} {a}: no number, so no id can be built")
            return
        short = {"staatsblad": "Stb.", "staatscourant": "Stcrt.", "tractatenblad": "Trb."}[kind.kind]
        self.add(kind.kind, s, e, document=ids.publication_id(prefix, a, str(int(b))),
                 label=f"{short} {a}, {int(b)}")

    def eu_document(self, m: re.Match) -> None:
        g = m.groupdict()
        year = g.get("e_y") or g.get("e_y2")
        doc = ids.eu_document_id(g["e_ser"], year, g["e_n"])
        pages, _ = _pages_tuple(g.get("e_pages"))  # "COM(2025)397, p. 28"
        self.add("eu-document", m.start(), m.end(), document=doc, pages=pages,
                 pages_following=bool(g.get("e_ev")),
                 label=f"{g['e_ser']}({year}) {int(g['e_n'])}")

    def celex(self, celex: str, s: int, e: int) -> None:
        self.add("celex", s, e, document=ids.celex_id(celex), label=f"CELEX {celex}")

    def eu_act(self, m: re.Match) -> None:
        g = m.groupdict()
        s, e = m.span()
        order = g.get("u_ord") or g.get("u_ord2")
        if not order:
            return  # "besluit 2015/16" in prose: not an EU act
        head = g["u_head"]
        letter = G.EU_ACT_TYPES.get(head[0].upper() + head[1:])
        a, b = g["u_a"], g["u_b"]
        if g.get("u_nr") or (not g.get("u_ord2") and len(b) == 4 and not len(a) == 4):
            number, year = a, b  # old style: Verordening (EG) nr. 1560/2003
        else:
            year, number = a, b  # Richtlijn 2013/32/EU, Verordening (EU) 2024/1351
        if len(year) == 2:
            year = ("19" if int(year) >= 50 else "20") + year
        if not re.fullmatch(r"19[5-9]\d|20\d\d", year):
            self.malformed(s, e, f"{head} {a}/{b}: no plausible year, so no CELEX id")
            return
        celex = ids.celex_for_act(year, letter, number)
        self.add("eu-act", s, e, document=ids.celex_id(celex), label=self.t[s:e])

    def ecli(self, s: int, e: int, country: str, court: str, year: str, number: str) -> None:
        """``ECLI:Nl:Hr:2010:28`` -> ``ECLI:NL:HR:2010:28``; German codes keep their case."""
        number = number.rstrip(".")
        e = s + len(self.t[s:e].rstrip("."))
        country = country.upper()
        if country not in G.ECLI_KEEP_CASE:
            court, number = court.upper(), number.upper()
        if country in G.ECLI_NUMERIC_COUNTRIES and not number.isdigit():
            self.malformed(s, e, f"ECLI of {country} with number {number!r}: its numbers are "
                                 "plain numbers, no id built")
            return
        if country == "EU" and court not in G.ECLI_EU_COURTS:
            self.malformed(s, e, f"ECLI of the EU with court {court!r}: not one of "
                                 f"{', '.join(sorted(G.ECLI_EU_COURTS))}, no id built")
            return
        ecli = f"ECLI:{country}:{court}:{year}:{number}"
        self.add("ecli", s, e, document=ecli, label=ecli, url=ids.url_for("ecli", ecli))

    def ljn(self, m: re.Match) -> None:
        """``LJN BA1234, BA1235`` -> ``ljn-BA1234``, ``ljn-BA1235`` (one span for the list)."""
        s, e = m.span()
        for raw in re.split(r", | en | & |; ", m.group("j_nrs")):
            number = raw.replace(" ", "").upper()
            self.add("ljn", s, e, document=ids.ljn_id(number), label=f"LJN {number}")

    def short(self, m: re.Match, p: str, form: str, note: str | None = None,
              same_kind: str | None = None) -> None:
        g = m.groupdict()
        s, e = m.span()
        pages, problem = _pages_tuple(g.get(p + "pages"))
        part = G.PARTS.get(g.get(p + "part") or "")
        if part and g.get(p + "partn"):
            part = f"{part}-{g[p + 'partn']}"
        self.add("short", s, e, short_form=form, note=note, pages=pages,
                 pages_following=bool(g.get(p + "ev")), part=part, same_kind=same_kind)


def _short_form_ok(text: str, s: int, e: int, form: str, has_tail: bool) -> bool:
    """``Idem`` is a short form anywhere; ``idem``, ``aldaar`` (ordinary Dutch words)
    only at the start of a footnote, after an opening bracket, or with a page."""
    if form[0].isupper() and form.lower() != "aldaar":
        return True
    if has_tail:
        return True
    before = text[max(0, s - 3):s]
    return not text[:s].strip(" ([*_\"'0123456789") or before.rstrip().endswith(("(", ";"))


# ============================================================================ API


def find_citations(text: str) -> list[FoundCitation]:
    """All citations and short forms in ``text``, in text order, with spans in ``text``.

    >>> [f.document for f in find_citations("Kamerstukken I 2025/26, 36 871, O, p. 5 en "
    ...     "Kamerstukken I 2025/26, 36 871, O, bijlage, p. 42.")]
    ['kst-36871-O', 'kst-36871-O']
    >>> f = find_citations("*Idem, p. 18.*")[0]; (f.short_form, f.pages)
    ('Idem', (18,))
    """
    if not text:
        return []
    cleaned = _Cleaned(text)
    return _find(text, cleaned, _candidates(cleaned.text))


#: The most common footnote, Kamerstukken and nothing else (most footnote lines of a
#: corpus): ``Kamerstukken II 2023/24, 36 410, nr. 5, p. 3.``, ``Zie ook
#: *Kamerstukken I 2025/26*, 36 871, O, bijlage, p. 40.``, ``Kamerstuk II 25202, nr. 771.``,
#: two or more of them joined by ``; `` or `` en ``. A text that is this whole is read by
#: one match per citation into the records the general path gives it
#: (:func:`_plain_kamerstuk`; four times faster). Its only noise is the emphasis of the
#: title, which cleaning would drop and the span keeps, as the general path's span does.
#: Every form of it is checked against the general path in
#: ``tests/test_citations_fastpath.py``.
_PLAIN_KST = re.compile(
    r"(?:Zie (?:ook )?)?"
    r"(?:(?P<em>\*)?(?P<head>Kamerstukken) (?P<ch>II?) "
    r"(?P<y1>\d{4})(?:/(?P<y2>\d\d)|-(?P<y4>\d{4}))(?(em)\*),"
    r"|(?P<head1>Kamerstuk) (?P<ch1>II?)) (?P<d1>\d\d) ?(?P<d2>\d{3}), "
    r"(?:nr\. (?P<nr>[1-9]\d{0,5})|(?P<let>[A-Z]{1,2}))(?:, (?P<part>bijlage))?"
    r"(?:, (?:p|blz)\. (?P<pages>[1-9]\d{0,5}(?:[-\u2013]\d{1,6}| en \d{1,6})?)(?P<ev> e\.v\.)?)?"
    r"(?P<dot>\.)?")
#: What joins two citations of such a text, and the length of each.
_PLAIN_JOINS = (("; ", 2), (" en ", 4))


def _plain_kamerstuk(text: str) -> list[FoundCitation] | None:
    """The records of a text that is plain Kamerstuk citations only (:data:`_PLAIN_KST`),
    built as :meth:`_Builder.kamerstuk` builds them (each citation, and a ``malformed``
    record after it for a page range that runs backwards); None for any other text, and
    for a year that is no vergaderjaar (the general path says why)."""
    made: list[FoundCitation] = []
    pos, n = 0, len(text)
    while True:
        m = _PLAIN_KST.match(text, pos)
        if m is None:
            return None
        (_, head, chamber, y1, y2, y4, head1, chamber1, d1, d2, nr, let, part, pages_text,
         ev, dot) = m.groups()
        year = _vergaderjaar(y1, y2 or y4)
        if not _year_ok(year):
            return None
        pages, problem = _pages_tuple(pages_text)
        dossier, number = d1 + d2, nr or let
        document = f"kst-{dossier}-{number}"  # ids.kst_id
        end = m.end()
        # from the title (after "Zie ook" and the emphasis) to the end, without a closing
        # dot; the dot of "e.v." is the citation's
        span = (m.start("head") if head else m.start("head1"), m.start("dot") if dot else end)
        cited = text[span[0]:span[1]]
        made.append(FoundCitation("kamerstuk", span, cited, document, dossier, part, pages,
                                  ev is not None, _url_for("kamerstuk", document),
                                  _kst_label(_CHAMBERS.get(chamber or chamber1), year, dossier,
                                             number, None)))
        if problem:
            made.append(FoundCitation("malformed", span, cited, problem=problem))
        if end == n:
            return made
        for join, size in _PLAIN_JOINS:
            if text.startswith(join, end):
                pos = end + size
                break
        else:
            return None


def find_citations_many(texts: Sequence[str]) -> list[list[FoundCitation]]:
    """:func:`find_citations` of every text, the same records, faster on many short
    texts (the footnotes of a corpus): a text of plain Kamerstuk citations only is read
    by one match per citation (:func:`_plain_kamerstuk`); for the others the trigger scan
    runs once over all clean texts joined by ``\n`` (which no clean text holds and no
    trigger matches, so every text gets exactly the candidates it would get alone)."""
    out: list[list[FoundCitation] | None] = [None] * len(texts)
    others: list[int] = []
    for k, text in enumerate(texts):
        found = _plain_kamerstuk(text)
        if found is None:
            others.append(k)
        else:
            out[k] = found
    if len(others) == len(texts):
        return _find_many(texts)
    for k, found in zip(others, _find_many([texts[k] for k in others])):
        out[k] = found
    return out  # type: ignore[return-value]


def _find_many(texts: Sequence[str]) -> list[list[FoundCitation]]:
    """The general path of :func:`find_citations_many`."""
    cleaned: list[_Cleaned | None] = [None] * len(texts)
    clean = list(texts)
    for k, dirty in enumerate(_noisy(texts)):
        if dirty:
            cleaned[k] = c = _Cleaned(texts[k], noisy=True)
            clean[k] = c.text
    joined = "\n".join(clean)
    # two scans and a sort: one alternation of both is slower (it loses the first-character
    # skip the trie alone gets)
    if len(joined) > RUNNING_TEXT * len(clean):
        cands = _trigger_starts(joined)
    else:
        cands = [m.start() for m in _TRIGGER.finditer(joined)]
    cands.extend(m.start() for m in _digit_trigger(joined).finditer(joined))
    cands.sort()
    out: list[list[FoundCitation]] = []
    i, n = 0, len(cands)
    offset = 0
    for text, c, ct in zip(texts, cleaned, clean):
        end = offset + len(ct)
        if i < n and cands[i] < end:
            j = bisect.bisect_left(cands, end, i)
            out.append(_find(text, c, cands[i:j], offset=offset))
            i = j
        else:
            out.append([])
        offset = end + 1
    return out


def _noisy(texts: Sequence[str]) -> list[bool]:
    """Which texts hold anything :class:`_Cleaned` could change, found by a scan of all
    texts joined per alternative of ``_NOISE_ANY`` (``\x00`` between them: none matches
    it or reaches across it), resumed after each hit at the start of the next text."""
    out = [False] * len(texts)
    # where each text starts in the joined texts (and one past the end)
    starts = list(itertools.accumulate(map((1).__add__, map(len, texts)), initial=0))
    joined = "\x00".join(texts)
    last = len(texts) - 1
    for pattern in _NOISE_EACH:
        search = pattern.search
        m = search(joined)
        while m is not None:
            k = bisect.bisect_right(starts, m.start()) - 1
            out[k] = True
            if k == last:
                break
            m = search(joined, starts[k + 1])
    return out


def find_citations_reference(text: str) -> list[FoundCitation]:
    """The straightforward path, kept to check the fast one against (tests): every
    text cleaned the long way, every candidate tried with MASTER (all sixteen patterns
    in one alternation) and then re-matched alone for its groups."""
    if not text:
        return []
    cleaned = _Cleaned(text, reference=True)
    return _find(text, cleaned, _candidates(cleaned.text), reference=True)


def _find(text: str, cleaned: _Cleaned | None, candidates: Iterable[int],
          reference: bool = False, offset: int = 0) -> list[FoundCitation]:
    """The find loop over ``candidates`` (sorted clean offsets of one text, each
    ``offset`` too far: offsets in a batch's joined texts); ``cleaned`` None: the text
    needed no cleaning. The records' builder is made at the first match (many texts
    have candidates and no citation)."""
    ct = text if cleaned is None else cleaned.text
    b = None
    pos = offset
    for cand in candidates:
        if cand < pos:
            continue
        cand -= offset
        if reference:
            m = _master().match(ct, cand)
            if not m:
                continue
            name = m.lastgroup
            m = _SUB[name].match(ct, cand)
        else:
            ch = ct[cand]
            for name, pattern in _DISPATCH.get(ch) or _patterns_at(ch):
                m = pattern.match(ct, cand)
                if m:
                    break
            else:
                continue
        if b is None:
            b = _Builder(cleaned, text)
        end = m.end()
        if name == "k":
            end = b.kamerstuk_chain(m, "k_")
        elif name == "c":
            end = b.kamerstuk_chain(m, "c_")
        elif name == "b":
            end = b.kamerstuk_chain(m, "b_")
        elif name == "q":
            g = m.groupdict()
            dossier = ids.normalise_dossier(g["q_dos"], g.get("q_rom") or g.get("q_sub"))
            b.add("kamerstuk", m.start(), m.end(), document=ids.kst_id(dossier, g["q_num"]),
                  dossier=dossier, label=ids.kst_label(None, None, dossier, g["q_num"]))
        elif name == "n":
            g = m.groupdict()
            dossier = ids.normalise_dossier(g["n_dos"], g.get("n_rom") or g.get("n_sub"))
            b.add("kamerstuk", m.start(), m.end(), document=ids.kst_id(dossier, g["n_num"]),
                  dossier=dossier, label=ids.kst_label(None, None, dossier, g["n_num"]))
        elif name == "a":
            b.aanhangsel(m)
        elif name == "h":
            b.handelingen(m)
        elif name == "p":
            b.publication(m)
        elif name == "e":
            b.eu_document(m)
        elif name == "x":
            b.celex(m.group("x_celex"), m.start(), m.end())
        elif name == "y":
            b.celex(m.group("y_celex"), m.start(), m.end())
        elif name == "u":
            b.eu_act(m)
        elif name == "d":
            nr = m.group("d_nr").upper()  # the eerstekamer.nl address writes it "e260010"
            b.add("edossier", m.start(), m.end(), document=f"edossier-{nr}", dossier=nr,
                  label=f"E-dossier {nr}", url="")
        elif name in ("l", "o"):
            b.ecli(m.start(), m.end(), m.group(name + "_cc"), m.group(name + "_court"),
                   m.group(name + "_year"), m.group(name + "_nr"))
        elif name == "r":
            b.ecli(m.start(), m.end(), "NL", m.group("r_court"), m.group("r_year"), m.group("r_nr"))
        elif name == "j":
            b.ljn(m)
        elif name == "g":
            b.short(m, "g_", "hetzelfde", same_kind=G.SAME_KIND_WORDS[m.group("g_kind")])
        elif name == "t":
            b.short(m, "t_", "stuk nr.", note=m.group("t_nr"))
        elif name == "z":
            b.short(m, "z_", "zie noot", note=m.group("z_n"))
        elif name == "s":
            form = G.SHORT_FORMS[m.group("s_form")]
            has_tail = bool(m.group("s_pages") or m.group("s_part"))
            if _short_form_ok(ct, m.start(), m.end(), m.group("s_form"), has_tail):
                b.short(m, "s_", form)
        pos = (end if end > cand else cand + 1) + offset  # the match started at cand
    if b is None:
        return []
    if len(b.out) > 1:
        b.out.sort(key=_span_start)
    return b.out


def _span_start(fc: FoundCitation) -> int:
    return fc.span[0]
