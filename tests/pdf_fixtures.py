"""Test PDFs made from the seed letters, printed by Debian's headless chromium.

No real Eerste Kamer PDF is bundled, so the PDF reader is tested on PDFs generated from
the seeds. The seed text already says what stands on which page: every page after the
first starts with its header block (``datum 23 juni 2026`` / ``ons kenmerk 181524`` /
``blad 2``), and the footnote bodies of a page (``<sup>4</sup> *Kamerstukken I 2025/26*,
...``) stand at its end, after a ``---`` rule. :func:`seed_pages` splits a seed along
those blocks, :func:`letter_html` lays every page out as one fixed-size A4 ``<div
class=page>`` (so chromium's own pagination never moves text to another page), and
:func:`print_pdf` prints the HTML to PDF.

What the PDF then holds is what an Eerste Kamer letter as published holds:

- the letterhead on page 1: ``Eerste Kamer der Staten-Generaal`` large and bold, the
  address blocks, label lines with the label in a smaller font (``datum`` at 7.5 pt,
  ``23 juni 2026`` at 10 pt);
- the running header on pages 2 and on (same label style);
- headings in bold (topic headings bold italic, ``#### *Europese samenwerking*``),
  ``**D66**`` bold and ``*Idem.*`` italic inline;
- numbered items as an HTML ``<ol>`` (chromium prints the ``1.`` labels as text),
  bullets as ``<ul>`` (chromium *draws* the bullet dots as filled curves, no character);
- footnote markers as ``<sup>``: a smaller font on a raised baseline;
- the footnotes of a page at its bottom in 8 pt, with a short drawn rule above them;
- a paragraph or numbered item split across pages exactly where the seed splits it
  (``... gepoogd wordt samenwerkingsverbanden`` | page 2 ``aan te gaan? ...``).

Also here: an empty page, an image-only page (a "scanned" letter) and a PDF encrypted
with an unknown user password, for the error paths.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
import shutil
import subprocess
import zlib
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync",
                  "--no-pdf-header-footer"]

_PAGE_NO = re.compile(r"^blad\s+\d+\s*$")
_HEAD_LINE = re.compile(r"^(datum|ons kenmerk)\s+\S")
_NOTE = re.compile(r"^<sup>(\d+)</sup>\s*(.*)$")
_RULE = re.compile(r"^-{3,}\s*$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ITEM = re.compile(r"^\s*(\d{1,3})\.\s+(.*)$")
_BULLET = re.compile(r"^\s*-\s+(.*)$")
_LABELLED = re.compile(r"^(datum|betreft|ons kenmerk|telefoon|e-mail)\s+(.*)$")
_SALUTATION = re.compile(r"^Geachte\b")


def chromium_available() -> bool:
    """Debian's chromium is installed (the tests never download a browser)."""
    return Path(CHROMIUM).is_file() or shutil.which("chromium") is not None


@dataclass
class Page:
    """One page of a seed: its running header lines (none on page 1), its body blocks
    (each a list of source lines) and its footnotes ``(number, text)``."""

    header: list[str] = field(default_factory=list)
    blocks: list[list[str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)


def seed_pages(text: str) -> list[Page]:
    """Split a seed along its page-header blocks (``datum`` / ``ons kenmerk`` / ``blad
    N``); footnote bodies and ``---`` rules are taken out of the body blocks."""
    lines = text.split("\n")
    pages = [Page()]
    i = 0
    block: list[str] = []

    def end_block() -> None:
        if block:
            pages[-1].blocks.append(block.copy())
            block.clear()

    while i < len(lines):
        line = lines[i].rstrip()
        if _HEAD_LINE.match(line):
            # a page header: datum / ons kenmerk / blad N, blank lines between
            j, run = i, []
            while j < len(lines) and (not lines[j].strip() or _HEAD_LINE.match(lines[j])
                                      or _PAGE_NO.match(lines[j])):
                if lines[j].strip():
                    run.append(lines[j].strip())
                j += 1
                if run and _PAGE_NO.match(run[-1]):
                    break
            if run and _PAGE_NO.match(run[-1]):
                end_block()
                pages.append(Page(header=run))
                i = j
                continue
        m = _NOTE.match(line)
        if m:
            end_block()
            pages[-1].notes.append((m.group(1), m.group(2)))
        elif _RULE.match(line):
            end_block()
        elif not line.strip():
            end_block()
        else:
            block.append(line)
        i += 1
    end_block()
    return pages


_INLINE = re.compile(r"<sup>(\d+)</sup>|\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]*)\]\(([^)]*)\)")


def inline_html(text: str) -> str:
    """Markdown-ish seed text to HTML: ``<sup>2</sup>`` stays a superscript, ``**D66**``
    bold, ``*Idem.*`` italic, ``[E260010](#)`` a link; everything else escaped."""
    out, pos = [], 0
    for m in _INLINE.finditer(text):
        out.append(html.escape(text[pos:m.start()]))
        if m.group(1):
            out.append(f"<sup>{m.group(1)}</sup>")
        elif m.group(2) is not None:
            out.append(f"<b>{inline_html(m.group(2))}</b>")
        elif m.group(3) is not None:
            out.append(f"<i>{inline_html(m.group(3))}</i>")
        else:
            out.append(f'<a href="{html.escape(m.group(5))}">{html.escape(m.group(4))}</a>')
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _labelled(line: str) -> str | None:
    m = _LABELLED.match(line)
    if not m:
        return None
    return (f'<div class="lab"><span class="label">{m.group(1)}</span>'
            f'{inline_html(m.group(2))}</div>')


def _block_html(block: list[str], letterhead: bool) -> str:
    first = block[0]
    m = _HEADING.match(first)
    if m and len(block) == 1:
        if len(m.group(1)) == 1:
            return f"<h1>{inline_html(m.group(2))}</h1>"
        return f'<p class="h">{inline_html(m.group(2))}</p>'
    if letterhead:
        labelled = [_labelled(ln) for ln in block]
        if all(labelled):
            return '<div class="lhblock">' + "".join(labelled) + "</div>"
        return "<p>" + "<br>".join(inline_html(ln.strip()) for ln in block) + "</p>"
    bullets = [bool(_BULLET.match(ln)) for ln in block]
    out: list[str] = []
    k = 0
    while k < len(block):
        ln = block[k]
        im = _ITEM.match(ln)
        if im:
            items = []
            while k < len(block) and _ITEM.match(block[k]):
                im = _ITEM.match(block[k])
                items.append(f'<li value="{im.group(1)}">{inline_html(im.group(2))}</li>')
                k += 1
            out.append("<ol>" + "".join(items) + "</ol>")
            continue
        neighbour = (k > 0 and bullets[k - 1]) or (k + 1 < len(block) and bullets[k + 1])
        if bullets[k] and neighbour:
            items = []
            while k < len(block) and bullets[k]:
                items.append(f"<li>{inline_html(_BULLET.match(block[k]).group(1))}</li>")
                k += 1
            out.append("<ul>" + "".join(items) + "</ul>")
            continue
        if bullets[k]:
            # "- dit moment reeds voor ...": the rest of numbered item 3 at the top of the
            # next page, indented like the item's text
            out.append(f'<p class="cont">{inline_html(ln.strip())}</p>')
        else:
            out.append(f"<p>{inline_html(ln.strip())}</p>")
        k += 1
    return "".join(out)


CSS = """
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: 'Liberation Sans', sans-serif; font-size: 10pt; line-height: 1.3; }
.page { width: 210mm; height: 297mm; position: relative; overflow: hidden;
        box-sizing: border-box; padding: 24mm 22mm 0 25mm; page-break-after: always; }
.page:last-child { page-break-after: auto; }
.runhead { position: absolute; top: 8mm; left: 25mm; }
h1 { font-size: 15pt; font-weight: bold; margin: -12mm 0 4mm 0; }
p { margin: 0 0 2.2mm 0; }
p.h { font-weight: bold; margin-top: 3mm; }
p.cont { margin-left: 7mm; }
ol, ul { margin: 0 0 2.2mm 0; padding-left: 7mm; }
li { margin: 0; }
.lhblock { margin: 0 0 1.6mm 0; }
.lab { margin: 0; }
.label { display: inline-block; width: 22mm; font-size: 7.5pt; }
.notes { position: absolute; left: 25mm; right: 22mm; bottom: 10mm; font-size: 8pt;
         line-height: 1.25; }
.notes .rule { width: 40mm; border-top: 0.6pt solid #000; margin-bottom: 1.5mm; }
.notes p { margin: 0 0 0.8mm 0; }
"""


def letter_html(text: str, title: str = "letter") -> str:
    """The HTML rendering of a seed letter, one fixed A4 ``div`` per seed page."""
    pages = seed_pages(text)
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}"
             f"</title><style>{CSS}</style></head><body>"]
    for n, page in enumerate(pages):
        parts.append('<div class="page">')
        if page.header:
            parts.append('<div class="runhead">' + "".join(
                _labelled(h) or f'<div class="lab">{html.escape(h)}</div>' for h in page.header)
                + "</div>")
        letterhead = n == 0
        for block in page.blocks:
            if letterhead and _SALUTATION.match(block[0]):
                letterhead = False
            parts.append(_block_html(block, letterhead))
        if page.notes:
            parts.append('<div class="notes"><div class="rule"></div>' + "".join(
                f"<p><sup>{num}</sup> {inline_html(body)}</p>" for num, body in page.notes)
                + "</div>")
        parts.append("</div>")
    parts.append("</body></html>")
    return "".join(parts)


def print_pdf(html_text: str, out: Path, timeout: float = 60) -> Path:
    """Print ``html_text`` to ``out`` with headless chromium (the HTML is written next to
    it as ``out.with_suffix('.html')``)."""
    out = Path(out)
    src = out.with_suffix(".html")
    src.write_text(html_text, encoding="utf-8")
    exe = CHROMIUM if Path(CHROMIUM).is_file() else shutil.which("chromium")
    res = subprocess.run([exe, *CHROMIUM_FLAGS, f"--print-to-pdf={out}", src.resolve().as_uri()],
                         capture_output=True, text=True, timeout=timeout)
    if res.returncode != 0 or not out.is_file():
        raise RuntimeError(f"chromium could not print {src}: {res.stderr[-500:]}")
    return out


def seed_pdf(seed: Path, out: Path) -> Path:
    """A PDF of a seed letter (see the module docstring)."""
    return print_pdf(letter_html(seed.read_text(encoding="utf-8"), seed.stem), out)


def blank_html() -> str:
    """One empty A4 page."""
    return f"<!doctype html><html><head><style>{CSS}</style></head><body><div class='page'></div></body></html>"


def scanned_html() -> str:
    """A page that holds only an image, as a scanned letter does: no text layer."""
    import struct

    w, h = 64, 32
    raw = b"".join(b"\x00" + bytes((x * 4) % 256 for x in range(w)) for _ in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    src = "data:image/png;base64," + base64.b64encode(png).decode()
    return (f"<!doctype html><html><head><style>{CSS}</style></head><body><div class='page'>"
            f"<img src='{src}' style='width:160mm;height:80mm'></div></body></html>")


def encrypted_pdf(out: Path) -> Path:
    """A one-page PDF encrypted with the standard security handler (RC4, revision 2)
    whose user password is not empty: no reader can open it without the password.

    Built by hand: the ``/U`` entry is 32 bytes that no empty password reproduces."""
    body = b"BT /F1 12 Tf 72 720 Td (geheim) Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + hashlib.sha256(b"owner").hexdigest().encode()
        + b"> /U <" + hashlib.sha256(b"user").hexdigest().encode() + b"> /P -4 >>",
    ]
    file_id = hashlib.md5(b"kamerxref").hexdigest().encode()
    out = Path(out)
    out.write_bytes(_raw_pdf(objs, b"/Encrypt 5 0 R /ID [<%s> <%s>]" % (file_id, file_id)))
    return out


def _raw_pdf(objs: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF file of numbered objects (object 1 the catalog), with its xref table."""
    data = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objs, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        data += b"%010d 00000 n \n" % off
    data += b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (len(objs) + 1, trailer + b" " if trailer else b"")
    data += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(data)


def text_pdf(pages: list[list[str]]) -> bytes:
    """A plain PDF, built by hand (no browser): each page a list of lines in Helvetica
    12 pt, e.g. a Kamerstuk whose page 5 reads ``Kamerstukken I 2025/26, 36 871, O`` /
    ``De regering kiest voor ...``. Latin-1 text only (WinAnsi encoding)."""
    n = len(pages)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    for i, lines in enumerate(pages):
        ops = [b"BT /F1 12 Tf 14 TL 72 770 Td"]
        for line in lines:
            esc = line.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            ops.append(b"(" + esc + b") Tj T*")
        ops.append(b"ET")
        body = b"\n".join(ops)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i))
        objs.append(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
    return _raw_pdf(objs)


def features_html() -> str:
    """A one-page letter with what the seeds do not show: an italic-only topic heading,
    bullets as ``•`` characters (as Word prints them), a footnote whose italic citation
    wraps onto a second line of a narrow footnote area, a footnote numbered without
    superscript (``2 Idem, p. 18.``), and a marker (9) without a footnote body."""
    body = (
        "<p>Geachte heer Jansen,</p>"
        "<p>De leden van de fractie van <b>D66</b> hebben kennisgenomen van de brief."
        "<sup>1</sup></p>"
        "<p><i>Terugkeerbeleid</i></p>"
        "<p style='margin:0'>Kan de regering aangeven:</p>"
        "<p style='margin:0'>\u2022&nbsp;&nbsp;hoeveel terugkeerhubs er zijn;</p>"
        "<p>\u2022&nbsp;&nbsp;welke landen daaraan meedoen?</p>"
        "<p>Wat vindt de regering van dit voorstel?<sup>9</sup></p>"
    )
    notes = (
        "<div class='notes' style='right:auto;width:70mm'><div class='rule'></div>"
        "<p><sup>1</sup> Zie <i>Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40</i>, met "
        "een toelichting.</p>"
        "<p>2 Idem, p. 18.</p></div>"
    )
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>{CSS}</style></head>"
            f"<body><div class='page'>{body}{notes}</div></body></html>")
