"""PDF letters (optional extra ``kamerxref[pdf]``, with pdfplumber).

An Eerste Kamer letter as published is a PDF: the letterhead on page 1, on every later
page a running header (``datum 23 juni 2026`` / ``ons kenmerk 181524`` / ``blad 2``), the
footnotes of a page at its bottom in a smaller font, and footnote markers as superscripts
(a smaller font on a raised baseline). A PDF knows characters and where they stand, not
paragraphs, so this reader rebuilds the *text form* the seeds use and hands it to
:func:`~.text.read_text`: one code path for structure, questions, footnotes and metadata.

:func:`pdf_to_text` does the rebuilding, from the characters pdfplumber reports (text,
font name, size, position, text matrix), page by page:

1. **Lines** -- characters are grouped by baseline (the ``y`` of their text matrix). A
   group in a smaller font whose baseline stands 10-75 % of a font size above the next
   line (``2026`` + raised ``1`` in ``"uw brief van 22 mei 2026¹ waarbij"``) is a
   superscript: it is merged into that line as ``<sup>1</sup>``. Spaces come from the
   space glyphs or, where a PDF has none, from the gaps between characters.
2. **Footnotes** -- the lines at the bottom of the page in a font smaller than the body
   text (the body size is the most common size of the document) are the footnote area.
   A line that starts with a number (superscript or not) opens a footnote, other lines
   continue it. They are written after a ``---`` rule as ``<sup>4</sup> *Kamerstukken I
   2025/26*, 36 871, O, bijlage, p. 41.`` -- italic as ``*...*`` and bold as ``**...**``,
   as the text form keeps emphasis in footnote bodies.
3. **Paragraphs** -- consecutive lines are one paragraph unless the vertical gap is
   larger than the usual line pitch, the font size or the boldness changes, or the break
   was a hard one: the first word of the next line would have fitted on the line before
   (so ``Minister van Asiel en Migratie`` / ``De heer G. van den Brink`` stay two lines,
   while a wrapped sentence is joined). A line-end hyphen is joined as the text reader
   does (``veilige-derde-land-`` + ``constructies`` -> ``veilige-derde-land-constructies``;
   ``asiel-`` + ``en migratiebeleid`` keeps the space). A numbered item (``4.``) or a
   bullet starts a new line: a bullet character (``•``, ````, ``▪``, ``–``, ...) or a
   small filled shape drawn just left of the line, as browsers and word processors draw
   list bullets, becomes ``- ``.
4. **Headings** -- a paragraph entirely in bold is ``## heading`` (``# heading`` when its
   font is larger than the body text, as the chamber's name in the letterhead); a short
   one-line paragraph entirely in italic, without final punctuation, is ``### *heading*``.
5. **Pages** -- the running header of each page is kept as it stands; the text reader
   removes it and joins the paragraph, sentence or numbered item a page break split
   (``... gepoogd wordt samenwerkingsverbanden`` | ``aan te gaan? ...``). A page without
   footnotes ends with a ``---`` rule so that the break is still seen.

Line numbers in the Letter (``Paragraph.line``, ``Footnote.line``) count lines of that
text form; warnings name the page as well: ``page 2 (line 57 of the text form)``.

Errors, each an :class:`InputError` with one line: pdfplumber missing (``pip install
'kamerxref[pdf]'``), not a PDF (no ``%PDF-`` header), an encrypted PDF, a damaged PDF,
and a PDF with no text layer (``no text layer (scanned PDF?)`` when its pages hold
images, ``no text layer: every page is empty`` when they hold nothing).

Not handled (no real PDF to test on): multi-column layouts (a letterhead with the sender's
address in a second column beside the addressee would have its lines merged), rotated
text (skipped), and tables.
"""
from __future__ import annotations

import dataclasses
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Letter
from .base import InputError, check_text_budget, limits
from .text import read_text

__all__ = ["sniff_pdf", "read_pdf", "pdf_to_text", "INSTALL_HINT", "MAX_PAGES"]

INSTALL_HINT = "reading PDF needs pdfplumber: pip install 'kamerxref[pdf]'"
#: A committee letter has a handful of pages; more than this is not a letter.
MAX_PAGES = 300

#: Bullet glyphs (the private-use ones are Word's Symbol and Wingdings bullets); they
#: become "- ". A dash or en dash at the start of a line is left as it is: the text
#: reader tells a dash bullet from a dash that continues a sentence.
_BULLET_CHARS = "•·▪◦‣●■□➢►▶\uf0b7\uf0a7\uf076\uf0d8\uf0fc"
_BULLET = re.compile(r"^[" + re.escape(_BULLET_CHARS) + r"]\s+(?=\S)")
_DASH = re.compile(r"^[-–]\s+(?=\S)")
_ITEM = re.compile(r"^(?:\d{1,3}[.)]|[a-z][.)]|\((?:\d{1,3}|[a-z])\))\s+\S")
_FOOTNOTE_START = re.compile(r"^(?:<sup>(\d{1,3}|[*†‡])</sup>|(\d{1,3})(?=\s))\s*(.*)$")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl",
                            "ﬅ": "st", "ﬆ": "st", "\u00a0": " ", "\u2009": " "})
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_ITALIC_FONT = re.compile(r"italic|oblique|kursiv", re.I)
_WHERE_LINE = re.compile(r"^line (\d+)(.*)$")


# ------------------------------------------------------------------ sniffing


def sniff_pdf(path: Path, head: bytes) -> bool:
    """``%PDF-`` in the first 1024 bytes (where the PDF specification allows it), or a
    ``.pdf`` name, so that a file named ``.pdf`` that is no PDF gets a clear error."""
    return b"%PDF-" in head[:1024] or path.suffix.lower() == ".pdf"


# ------------------------------------------------------------------ characters and lines


@dataclass
class _Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float  # baseline, growing downwards
    size: float
    bold: bool
    italic: bool
    sup: bool = False


@dataclass
class _Line:
    chars: list[_Char]
    base: float
    size: float = 0.0  # the size most of its (non-superscript) characters have
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    drawn_bullet: bool = False
    plain: str = ""  # text without markup
    markup: str = ""  # text with <sup>, ** and *
    bold: bool = False  # every letter bold
    italic: bool = False  # every letter italic
    sup_extra: float = 0.0  # how far superscripts stand above the other characters

    def finish(self) -> None:
        self.chars.sort(key=lambda c: c.x0)
        normal = [c for c in self.chars if not c.sup and c.text.strip()] or self.chars
        sizes = Counter(round(c.size, 1) for c in normal)
        self.size = max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0]
        self.x0 = min(c.x0 for c in self.chars)
        self.x1 = max(c.x1 for c in self.chars)
        self.top = min(c.top for c in self.chars)
        self.bottom = max(c.bottom for c in self.chars)
        letters = [c for c in normal if c.text.strip()]
        self.bold = bool(letters) and all(c.bold for c in letters)
        self.italic = bool(letters) and all(c.italic for c in letters)
        self.plain, self.markup = _render(self.chars)
        sups = [c.top for c in self.chars if c.sup]
        self.sup_extra = max(0.0, min(c.top for c in normal) - min(sups)) if sups else 0.0


def _spaced(chars: list[_Char]) -> list[_Char]:
    """The characters in reading order with one space between words: space glyphs are
    kept, gaps wider than a fifth of the font size become a space, runs collapse."""
    out: list[_Char] = []
    for c in chars:
        if out:
            prev = out[-1]
            if c.text == " " and prev.text == " ":
                continue
            if (c.text != " " and prev.text != " "
                    and c.x0 - prev.x1 > 0.2 * min(c.size, prev.size)):
                out.append(dataclasses.replace(prev, text=" ", x0=prev.x1, x1=c.x0))
        elif c.text == " ":
            continue
        out.append(c)
    while out and out[-1].text == " ":
        out.pop()
    return out


def _style(c: _Char) -> str:
    if c.sup:
        return "sup"
    return ("b" if c.bold else "") + ("i" if c.italic else "")


_OPEN = {"": "", "b": "**", "i": "*", "bi": "***"}


def _render(chars: list[_Char]) -> tuple[str, str]:
    """Plain text and markup of one line. ``*Kamerstukken I 2025/26*, 36 871``: a space
    between two characters of one style belongs to that style, the emphasis marks stand
    against the words."""
    cs = _spaced(chars)
    plain = "".join(c.text for c in cs)
    styles = [_style(c) for c in cs]
    for k, c in enumerate(cs):  # spaces take the style of their neighbours when equal
        if c.text == " ":
            left = styles[k - 1] if k else ""
            right = next((styles[j] for j in range(k + 1, len(cs)) if cs[j].text != " "), "")
            styles[k] = left if left == right and left != "sup" else ""
    out: list[str] = []
    k = 0
    while k < len(cs):
        st = styles[k]
        j = k
        while j < len(cs) and styles[j] == st:
            j += 1
        run = "".join(c.text for c in cs[k:j])
        if st == "sup":
            out.append(f"<sup>{run.strip()}</sup>")
        elif st and run.strip():
            lead = run[: len(run) - len(run.lstrip())]
            trail = run[len(run.rstrip()):]
            out.append(f"{lead}{_OPEN[st]}{run.strip()}{_OPEN[st]}{trail}")
        else:
            out.append(run)
        k = j
    return plain, "".join(out)


def _page_chars(page) -> list[_Char]:
    """The upright characters of a page with their baseline and style; a character
    printed twice on the same spot (poor man's bold) counts once."""
    out: list[_Char] = []
    seen: set[tuple] = set()
    for ch in page.chars:
        if not ch.get("upright", True):
            continue
        text = (ch.get("text") or "").translate(_LIGATURES)
        if not text or text in "\n\r\t":
            continue
        if text.isspace():
            text = " "
        key = (text, round(ch["x0"]), round(ch["top"]))
        if key in seen:
            continue
        seen.add(key)
        matrix = ch.get("matrix")
        # the baseline (text origin), top-down like pdfplumber's 'top'
        base = page.height - matrix[5] if matrix else ch["bottom"]
        font = ch.get("fontname") or ""
        out.append(_Char(text, ch["x0"], ch["x1"], ch["top"], ch["bottom"], base,
                         float(ch.get("size") or (ch["bottom"] - ch["top"])),
                         bool(_BOLD_FONT.search(font)), bool(_ITALIC_FONT.search(font))))
    return out


def _lines(chars: list[_Char]) -> list[_Line]:
    """Group characters into lines by baseline, then merge superscripts (smaller font,
    baseline raised by 10-75 % of the line's font size) into the line below them."""
    rows: list[_Line] = []
    for c in sorted(chars, key=lambda c: (c.base, c.x0)):
        if rows and abs(c.base - rows[-1].base) <= 1.0:
            rows[-1].chars.append(c)
        else:
            rows.append(_Line([c], c.base))
    for r in rows:
        r.finish()
    out: list[_Line] = []
    for i, r in enumerate(rows):
        keep: list[_Char] = []
        target = None
        for s in rows[i + 1:]:
            rise = s.base - r.base
            if rise > 0.75 * s.size:
                break
            if rise >= 0.1 * s.size:
                target = s
                break
        for c in r.chars:
            if (target is not None and c.size <= 0.9 * target.size
                    and target.x0 - 3 * target.size <= c.x0 <= target.x1 + 3 * target.size):
                c.sup = True
                target.chars.append(c)
            else:
                keep.append(c)
        r.chars = keep
    for r in rows:
        if any(c.text.strip() for c in r.chars):
            r.finish()
            out.append(r)
    return out


def _mark_drawn_bullets(page, lines: list[_Line]) -> None:
    """A small filled shape just left of a line's first character is a list bullet
    (chromium draws ``<ul>`` dots as curves; Word PDFs often do the same)."""
    shapes = list(page.curves) + list(page.rects)
    for sh in shapes:
        w, h = sh["x1"] - sh["x0"], sh["bottom"] - sh["top"]
        if not (0.8 <= w <= 8 and 0.8 <= h <= 8 and 0.5 <= w / h <= 2) or not sh.get("fill"):
            continue
        cy = (sh["top"] + sh["bottom"]) / 2
        for ln in lines:
            if (ln.top <= cy <= ln.bottom and sh["x1"] <= ln.x0 + 0.5
                    and ln.x0 - sh["x1"] <= 3 * ln.size):
                ln.drawn_bullet = True
                break


# ------------------------------------------------------------------ pages to text


def _soft_join(prev: str, nxt: str) -> str:
    """Join two wrapped lines: a line-end hyphen keeps no space before a lower-case
    continuation (``veilige-derde-land-`` + ``constructies``) except before a word that
    continues an enumeration (``asiel-`` + ``en migratiebeleid``); a soft hyphen goes.
    Emphasis running over the break is one run: ``*Kamerstukken I*`` + ``*2025/26*, 36``
    -> ``*Kamerstukken I 2025/26*, 36``."""
    for mark in ("***", "**", "*"):
        if (prev.endswith(mark) and nxt.startswith(mark) and not prev.endswith(mark + "*")
                and not nxt.startswith(mark + "*")):
            prev, nxt = prev[: -len(mark)], nxt[len(mark):]
            break
    if prev.endswith("\u00ad"):
        return prev[:-1] + nxt
    head = nxt.lstrip("*_")
    if (len(prev) > 1 and prev.endswith("-") and prev[-2].isalpha() and head[:1].islower()
            and head.split(" ", 1)[0] not in {"en", "of", "tot", "noch", "dan"}):
        return prev + nxt
    return prev + " " + nxt


def _line_text(ln: _Line) -> str:
    text = ln.markup.strip()
    if ln.drawn_bullet:
        return "- " + text
    m = _BULLET.match(ln.plain)
    if m:
        # "• terugkeerhubs;" -> "- terugkeerhubs;" (the glyph may carry emphasis marks)
        k = text.find(ln.plain[0])
        return "- " + text[k + 1:].lstrip()
    return text


def _starts_item(ln: _Line) -> bool:
    return ln.drawn_bullet or bool(_BULLET.match(ln.plain) or _DASH.match(ln.plain)
                                   or _ITEM.match(ln.plain))


@dataclass
class _Page:
    body: list[_Line] = field(default_factory=list)
    notes: list[_Line] = field(default_factory=list)


class _Converter:
    """One PDF's pages to the text form; see the module docstring."""

    def __init__(self, pages: list[list[_Line]], heights: list[float]):
        self.raw = pages
        self.heights = heights
        sizes = Counter()
        for lines in pages:
            for ln in lines:
                for c in ln.chars:
                    if c.text.strip() and not c.sup:
                        sizes[round(c.size, 1)] += 1
        self.body_size = max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0]
        self.pitch = self._pitch()
        xs = [ln.x1 for lines in pages for ln in lines if abs(ln.size - self.body_size) < 0.5]
        self.right = max(xs) if xs else 0.0

    def _pitch(self) -> float:
        """The usual distance between the baselines of two lines of one body-text
        paragraph: the most common distance close to the smallest one (the most common
        one overall is the paragraph distance in a letter of one-line paragraphs)."""
        gaps = []
        for lines in self.raw:
            for a, b in zip(lines, lines[1:]):
                if abs(a.size - self.body_size) < 0.5 and abs(b.size - self.body_size) < 0.5:
                    d = b.base - a.base - b.sup_extra
                    if 0.9 * self.body_size <= d < 3 * self.body_size:
                        gaps.append(round(d, 1))
        if not gaps:
            return 1.2 * self.body_size
        low = min(gaps)
        near = Counter(g for g in gaps if g <= 1.1 * low)
        return max(near.items(), key=lambda kv: (kv[1], -kv[0]))[0]

    def split(self, lines: list[_Line], height: float) -> _Page:
        """Footnote area: the run of lines at the bottom of the page, in the lower half,
        in a font clearly smaller than the body text."""
        k = len(lines)
        while k > 0 and lines[k - 1].size <= 0.9 * self.body_size and lines[k - 1].top > height / 2:
            k -= 1
        return _Page(lines[:k], lines[k:])

    def fits(self, a: _Line, b: _Line) -> bool:
        """Would the first word of ``b`` have fitted at the end of ``a``? Then the line
        break after ``a`` was a hard one."""
        word = b.plain.split(" ", 1)[0]
        chars = [c for c in b.chars if not c.sup]
        width = 0.0
        n = 0
        for c in chars:
            if c.text == " ":
                break
            n += 1
        if n:
            first = chars[:n]
            width = max(c.x1 for c in first) - min(c.x0 for c in first)
        elif word:
            width = 0.5 * b.size * len(word)
        return a.x1 + 0.3 * b.size + width < self.right - 1

    def blocks(self, body: list[_Line]) -> list[list[str]]:
        """Paragraph blocks, each a list of logical lines (wrapped lines joined)."""
        blocks: list[list[list[_Line]]] = []
        block: list[list[_Line]] = []
        logical: list[_Line] = []

        def end_logical() -> None:
            if logical:
                block.append(logical.copy())
                logical.clear()

        def end_block() -> None:
            end_logical()
            if block:
                blocks.append(block.copy())
                block.clear()

        prev: _Line | None = None
        for ln in body:
            if prev is not None:
                # a superscript may push its line down (the line box grows): discount it
                gap = ln.base - prev.base - ln.sup_extra
                size = max(ln.size, prev.size)
                if (gap > 1.2 * self.pitch * size / self.body_size
                        or abs(ln.size - prev.size) > 0.1 * size or ln.bold != prev.bold):
                    end_block()
                elif (self.fits(prev, ln) or ln.drawn_bullet
                      or (_starts_item(ln) and (
                          ln.x0 < prev.x0 - 2
                          or (_starts_item(logical[0]) and abs(logical[0].x0 - ln.x0) < 2)))):
                    end_logical()
            logical.append(ln)
            prev = ln
        end_block()
        return [self.heading(b) for b in blocks]

    def heading(self, block: list[list[_Line]]) -> list[str]:
        """The block's logical lines as text: ``## heading`` for a bold paragraph (``#``
        when larger than the body text); ``### *heading*`` for a short italic line
        without final punctuation."""
        texts = []
        for logical in block:
            text = _line_text(logical[0])
            for ln in logical[1:]:
                text = _soft_join(text, ln.markup.strip())
            texts.append(text)
        if len(block) != 1:
            return texts
        lines = block[0]
        plain = _strip_emphasis(texts[0])
        if all(ln.bold for ln in lines):
            larger = all(ln.size > 1.2 * self.body_size for ln in lines)
            return [("# " if larger else "## ") + plain]
        if (len(lines) == 1 and lines[0].italic and len(plain) <= 100
                and not plain.rstrip().endswith((".", "?", "!", ":", ";", ","))):
            return [f"### *{plain}*"]
        return texts

    def notes(self, lines: list[_Line]) -> tuple[list[str], list[str]]:
        """Footnote bodies (``<sup>n</sup> text``) and small-print lines before the first
        footnote number (kept as a paragraph so that no word is lost)."""
        notes: list[str] = []
        before: list[str] = []
        for ln in lines:
            text = ln.markup.strip()
            m = _FOOTNOTE_START.match(text)
            if m:
                number = m.group(1) or m.group(2)
                notes.append(f"<sup>{number}</sup> {m.group(3).strip()}".rstrip())
            elif notes:
                notes[-1] = _soft_join(notes[-1], text)
            else:
                before.append(text)
        return notes, before

    def text(self) -> tuple[str, list[int]]:
        """The whole letter in the text form, and the first text line of every page."""
        parts: list[str] = []
        starts: list[int] = []
        line = 1
        for lines, height in zip(self.raw, self.heights):
            page = self.split(lines, height)
            out: list[str] = []
            for block in self.blocks(page.body):
                out.append("\n".join(block))
            notes, small = self.notes(page.notes)
            if small:
                out.append(" ".join(small))
            out.append("---")
            out.extend(notes)
            chunk = "\n\n".join(out) + "\n\n\n"
            starts.append(line)
            line += chunk.count("\n")
            parts.append(chunk)
        return "".join(parts), starts


def _strip_emphasis(text: str) -> str:
    return re.sub(r"\*{1,3}", "", text).strip()


# ------------------------------------------------------------------ public entry points


def _open(path: Path, source: str):
    try:
        import pdfplumber
    except ImportError:
        raise InputError(source, INSTALL_HINT) from None
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError as err:
        raise InputError(source, f"cannot read: {err.strerror or err}") from None
    if b"%PDF-" not in head:
        kind = "empty file" if not head.strip() else "no %PDF- header"
        raise InputError(source, f"not a PDF ({kind}), although named .pdf", "byte 0")
    try:
        return pdfplumber.open(path)
    except Exception as err:  # pdfminer raises many kinds on damaged input
        raise InputError(source, _pdf_error(err)) from None


def _pdf_error(err: BaseException) -> str:
    """One line for what pdfminer/pdfplumber raised: ``encrypted PDF: a password is
    needed``, ``damaged PDF (PSEOF: Unexpected EOF)``."""
    inner = err
    while True:
        nxt = inner.args[0] if inner.args and isinstance(inner.args[0], BaseException) else (
            inner.__cause__ or inner.__context__)
        if nxt is None or nxt is inner:
            break
        inner = nxt
    name = type(inner).__name__
    if "Password" in name or "Encrypt" in name:
        return "encrypted PDF: a password is needed to read it"
    detail = str(inner).strip().splitlines()[0][:120] if str(inner).strip() else ""
    return f"damaged PDF ({name}{': ' + detail if detail else ''})"


def pdf_to_text(path: str | Path) -> str:
    """The text form of a PDF letter (see the module docstring); raises
    :class:`InputError` for what cannot be read."""
    return _pdf_text(Path(path), str(path))[0]


def _pdf_text(path: Path, source: str) -> tuple[str, list[int]]:
    pdf = _open(path, source)
    try:
        try:
            pages = pdf.pages
        except Exception as err:
            raise InputError(source, _pdf_error(err)) from None
        if not pages:
            raise InputError(source, "PDF has no pages")
        max_pages = min(MAX_PAGES, limits().pdf_pages)
        if len(pages) > max_pages:
            raise InputError(source, f"PDF has {len(pages)} pages; a letter has at most "
                                     f"{max_pages}")
        all_lines: list[list[_Line]] = []
        heights: list[float] = []
        images = 0
        budget = _TextBudget(source)
        for n, page in enumerate(pages, 1):
            budget.check(page, n)
            try:
                chars = _page_chars(page)
                lines = _lines(chars)
                _mark_drawn_bullets(page, lines)
                images += len(page.images)
            except InputError:
                raise
            except Exception as err:
                raise InputError(source, _pdf_error(err), f"page {n}") from None
            all_lines.append(lines)
            heights.append(float(page.height))
            page.close()
    finally:
        pdf.close()
    if not any(all_lines):
        n = len(all_lines)
        if images:
            what = "its page holds" if n == 1 else f"its {n} pages hold"
            raise InputError(source, f"no text layer (scanned PDF?): {what} only images; "
                                     "run OCR first")
        what = "its only page is" if n == 1 else f"all its {n} pages are"
        raise InputError(source, f"no text layer: {what} empty")
    return _Converter(all_lines, heights).text()


class _TextBudget:
    """The text a PDF's pages may draw, counted in the bytes of the string operands of
    their content streams *before* pdfminer lays a character out (each costs ~50 us and
    ~2 KB there: one 400,000-character ``Tj`` in a PDF of 1 KB took 18.7 s and 976 MB).
    Counted are the bytes the string operands decode to (a hex string ``<0044>`` is 2): a
    printed letter page has about 3,000 characters, 6 KB as chromium writes them (two
    bytes a glyph); :class:`~.base.Limits` ``pdf_page_kb`` (32) per page and
    ``pdf_total_mb`` (0.25, some 40 dense pages) per document (a stream shared by pages
    counts for each) bound the worst case to seconds. A compressed stream is inflated with
    the same bound, so a deflate bomb is refused too."""

    _STRINGS = re.compile(rb"\((?:[^()\\]++|\\.)*+\)|<(?!<)[0-9A-Fa-f\s]*+>", re.S)

    def __init__(self, source: str):
        lim = limits()
        self.source = source
        self.page_max = int(lim.pdf_page_kb * 1024)
        self.total_max = int(lim.pdf_total_mb * 2**20)
        self.total = 0

    def check(self, page, n: int) -> None:
        try:
            from pdfminer.pdftypes import resolve1

            streams = [resolve1(c) for c in (page.page_obj.contents or [])]
        except Exception:  # pdfminer reports a damaged page itself, with its own message
            return
        used = 0
        for stream in streams:
            data = self._decoded(stream, n)
            if data is None:
                continue
            for m in self._STRINGS.finditer(data):  # bytes the string operands decode to
                text = m.group(0)
                used += len(text) - 2 if text[:1] == b"(" else (len(text) - 2 - text.count(b" ")) // 2
        self.total += used
        if used > self.page_max:
            raise InputError(self.source, f"page draws {used // 1024:,} KB of text operands "
                                          f"(limit {self.page_max // 1024:,} KB, "
                                          "KAMERXREF_MAX_PDF_PAGE_KB); refused", f"page {n}")
        if self.total > self.total_max:
            raise InputError(self.source, f"PDF draws more than {self.total_max / 2**20:.0f} MB of "
                                          "text operands (KAMERXREF_MAX_PDF_TOTAL_MB); refused",
                             f"page {n}")

    def _decoded(self, stream, n: int) -> bytes | None:
        """The stream's content, inflated at most to 4x the page budget; None when it
        cannot be decoded here (pdfminer then does it, or reports the damage)."""
        cap = 4 * self.page_max
        try:
            filters = [f for f, _ in stream.get_filters()]
            raw = stream.rawdata if stream.data is None else stream.data
            if stream.data is not None or not filters:
                data = raw
            elif all(getattr(f, "name", f) in ("FlateDecode", "Fl") for f in filters) and \
                    not stream.decipher:
                data = raw
                for _ in filters:
                    data = _inflate(data, cap)
                    if len(data) > cap:
                        raise InputError(self.source, f"content stream inflates to more than "
                                                      f"{cap // 1024:,} KB (4x KAMERXREF_MAX_PDF_PAGE_KB); "
                                                      "refused", f"page {n}")
            else:
                return None
        except InputError:
            raise
        except Exception:
            return None
        if data is not None and len(data) > cap:
            raise InputError(self.source, f"content stream of {len(data) // 1024:,} KB (more than 4x "
                                          "KAMERXREF_MAX_PDF_PAGE_KB); refused", f"page {n}")
        return data


def _inflate(raw: bytes, cap: int) -> bytes:
    """Inflate at most ``cap + 1`` bytes; a stream whose checksum fails gives what comes
    before the damage, as pdfminer reads it (a fuzzed PDF whose stream failed its check
    was not counted here, and drew a 119,401-character operator in pdfminer: 20 s)."""
    try:
        return zlib.decompressobj().decompress(raw, cap + 1)
    except zlib.error:
        pass
    d, out = zlib.decompressobj(), bytearray()
    for i in range(len(raw)):  # byte by byte, as pdfminer's decompress_corrupted
        try:
            out += d.decompress(raw[i:i + 1], cap + 1 - len(out))
        except zlib.error:
            break
        if len(out) > cap:
            break
    return bytes(out)


def read_pdf(path: str | Path) -> Letter:
    """Read a PDF letter: :func:`pdf_to_text`, then :func:`~.text.read_text`. Warnings
    name the page: ``page 2 (line 57 of the text form), footnote 9``."""
    source = str(path)
    text, starts = _pdf_text(Path(path), source)
    check_text_budget(text, source)
    letter = read_text(text, source)
    letter.warnings = [_on_page(w, starts) for w in letter.warnings]
    for fn in letter.footnotes:
        fn.warnings = [_on_page(w, starts) for w in fn.warnings]
    return letter


def _on_page(issue, starts: list[int]):
    m = _WHERE_LINE.match(issue.where or "")
    if not m:
        return issue
    line = int(m.group(1))
    page = sum(1 for s in starts if s <= line) or 1
    return dataclasses.replace(
        issue, where=f"page {page} (line {line} of the text form){m.group(2)}")


def pdf_page_texts(path: str | Path) -> list[str]:
    """The plain text of each page of any PDF (a Kamerstuk, its bijlage), in page order,
    for showing the cited page beside a question; raises :class:`InputError` as the
    reader does (pdfplumber missing, not a PDF, encrypted, damaged)."""
    source = str(path)
    pdf = _open(Path(path), source)
    try:
        out = []
        for n, page in enumerate(pdf.pages, 1):
            try:
                text = page.extract_text() or ""
            except Exception as err:
                raise InputError(source, _pdf_error(err), f"page {n}") from None
            out.append("\n".join(re.sub(r"[ \t]+", " ", ln).strip() for ln in text.splitlines()).strip())
            page.close()
        return out
    except InputError:
        raise
    except Exception as err:
        raise InputError(source, _pdf_error(err)) from None
    finally:
        pdf.close()
