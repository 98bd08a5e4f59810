"""What every reader shares: the error type and decoding bytes to text.

A reader turns one input file into one :class:`~kamerxref.graph.model.Letter`,
nothing else. Readers never print; they raise :class:`InputError` for a file that
cannot be read at all and record :class:`~kamerxref.graph.model.Issue` warnings on
the letter for everything else.
"""
from __future__ import annotations

import dataclasses
import functools
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..model import Issue, printable


@dataclass(frozen=True)
class Limits:
    """What one input file may cost; beyond it the file is refused with a one-line
    :class:`InputError` (and the other files are read). Each can be set in the
    environment, e.g. ``KAMERXREF_MAX_TEXT_MB=50``.

    A committee letter is 20-60 KB of text on 2-8 pages: these budgets are hundreds of
    times that, and stop a 3 KB file from taking minutes or gigabytes.
    """

    file_mb: float = 64  # bytes read from disk for one file (KAMERXREF_MAX_FILE_MB)
    text_mb: float = 20  # characters of text, after decoding or extraction (KAMERXREF_MAX_TEXT_MB)
    line_chars: int = 200_000  # one line of text (KAMERXREF_MAX_LINE_CHARS)
    pdf_pages: int = 300  # pages of a PDF (KAMERXREF_MAX_PDF_PAGES)
    pdf_page_kb: int = 32  # text operands one PDF page draws, in bytes (KAMERXREF_MAX_PDF_PAGE_KB)
    pdf_total_mb: float = 0.25  # the same for all pages (KAMERXREF_MAX_PDF_TOTAL_MB)
    docx_mb: float = 256  # bytes really inflated from a DOCX zip, all parts (KAMERXREF_MAX_DOCX_MB)

    @classmethod
    def from_env(cls) -> "Limits":
        values = {}
        for name, f in cls.__dataclass_fields__.items():
            raw = os.environ.get(f"KAMERXREF_MAX_{name.upper()}")
            if raw:
                try:
                    values[name] = type(f.default)(float(raw)) if f.type == "int" else float(raw)
                except ValueError:
                    pass
        return cls(**values)


def limits() -> Limits:
    """The budgets in force (read from the environment on each call, so a test or a
    caller can change them)."""
    return Limits.from_env()


def read_input(path: str | Path, source: str | None = None, max_bytes: int | None = None) -> bytes:
    """The bytes of one input file, within the :class:`Limits` file budget; an
    unreadable file (permission denied, a folder, a FIFO) is an :class:`InputError`,
    never an exception that stops the run."""
    source = source if source is not None else printable(str(path))
    budget = max_bytes if max_bytes is not None else int(limits().file_mb * 2**20)
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(source, f"not a regular file ({file_kind(st.st_mode)}); refused")
        if st.st_size > budget:
            raise InputError(source, f"file too large ({st.st_size / 2**20:.1f} MiB > "
                                     f"{budget / 2**20:.0f} MiB limit, KAMERXREF_MAX_FILE_MB); refused")
        with open(path, "rb") as fh:
            data = fh.read(budget + 1)
    except OSError as err:
        raise InputError(source, f"cannot read: {err.strerror or err}") from None
    if len(data) > budget:
        raise InputError(source, f"file too large (> {budget / 2**20:.0f} MiB limit, "
                                 "KAMERXREF_MAX_FILE_MB); refused")
    return data


def file_kind(mode: int) -> str:
    """``"FIFO"``, ``"socket"``, ``"character device"`` ... for a stat mode."""
    for test, name in ((stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"),
                       (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
                       (stat.S_ISDIR, "folder"), (stat.S_ISLNK, "symbolic link")):
        if test(mode):
            return name
    return "special file"


def check_text_budget(text: str, source: str, line_offset: int = 0) -> None:
    """Refuse text beyond the :class:`Limits` text and line budgets, naming the line."""
    lim = limits()
    if len(text) > lim.text_mb * 2**20:
        raise InputError(source, f"text too large ({len(text) / 2**20:.1f} M characters > "
                                 f"{lim.text_mb:.0f} M limit, KAMERXREF_MAX_TEXT_MB); refused")
    if len(text) > lim.line_chars:
        pos = 0
        line = 1 + line_offset
        for part in text.split("\n"):
            if len(part) > lim.line_chars:
                raise InputError(source, f"line of {len(part):,} characters (limit "
                                         f"{lim.line_chars:,}, KAMERXREF_MAX_LINE_CHARS); refused",
                                 f"line {line}")
            pos += len(part) + 1
            line += 1


def _looks_binary(text: str) -> int | None:
    """Offset of the first sign that decoded bytes are not text: control characters
    (other than tab, form feed and line ends) or unassigned code points make up more
    than 5 % of the first 64 K characters (random bytes: about 20 %; a letter with a
    stray escape sequence far less). None for text.

    Counted per distinct character (``set`` and ``str.count`` run in C): a 16 KB letter
    has some 80 distinct characters, so the category lookup runs 80 times, not 16,000.
    Text that :func:`is_plain_text` clears (almost every letter) is not counted at all.
    """
    sample = text[:65536]
    if is_plain_text(sample):
        return None
    bad_chars = [c for c in set(sample) if _is_bad_char(c)]
    if not bad_chars:
        return None
    if sum(sample.count(c) for c in bad_chars) > max(8, len(sample) // 20):
        return min(sample.index(c) for c in bad_chars)
    return None


def _is_bad_char(c: str) -> bool:
    """A C0 control but tab, line ends and form feed; DEL or C1; unassigned, private use
    or a lone surrogate."""
    o = ord(c)
    return ((o < 32 and c not in "\t\n\r\f") or 0x7f <= o < 0xa0
            or (o > 0x7f and unicodedata.category(c) in ("Cn", "Co", "Cs")))


def _plain_class() -> re.Pattern:
    """Any character outside the plain ones: tab, line ends, form feed and every
    assigned character from space to U+2FFF that :func:`_is_bad_char` passes (Latin,
    Greek, Cyrillic, punctuation such as ``’`` ``–`` ``…``, ``€``), as one character
    class built from the Unicode database in use, so it agrees with ``_is_bad_char``
    by construction."""
    ranges: list[list[int]] = []
    for o in range(0x20, 0x3000):
        if _is_bad_char(chr(o)):
            continue
        if ranges and ranges[-1][1] == o - 1:
            ranges[-1][1] = o
        else:
            ranges.append([o, o])
    body = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                   for a, b in ranges)
    return re.compile("[^\t\n\r\f" + body + "]")


_NOT_PLAIN = _plain_class()


#: The plain ASCII characters (tab, line ends, form feed, space to ``~``) as bytes.
_PLAIN_ASCII = bytes([9, 10, 12, 13, *range(0x20, 0x7f)])


def is_plain_text(text: str) -> bool:
    """True when ``text`` holds no control character (but tab, line ends, form feed) and
    nothing unassigned or private: ``"Geachte heer Van den Brink,\\n"``, ``"’s-Gravenhage
    – € 5"``. This settles both the binary check and :func:`scrub_controls` for ordinary
    letters; a character outside the plain set (``"\\x1b"``, ``"\\ue000"``, or a rare
    script above U+2FFF) means: look closer.

    The plain ASCII characters (almost all of a letter) are dropped from the text's UTF-8
    bytes in C (``bytes.translate``), and only what is left (``"’–€"``: every other
    character, whole and in order) is tried against the character class: 5 times faster
    on a letter than the class over every character (3 ns each), the same answer."""
    rest = text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_ASCII)
    return not rest or _NOT_PLAIN.search(rest.decode("utf-8", "surrogatepass")) is None


class InputError(Exception):
    """A file or path that cannot be read. ``str(err)`` is one line naming the file
    and, where known, the place: ``data/x.txt: line 1: empty file``."""

    def __init__(self, source: str, message: str, where: str = "", code: str = "unreadable"):
        self.source = source
        self.where = where
        self.message = message
        self.code = code  # "unreadable" (a failed input: exit code 3), or "not-a-letter"
        place = f"{printable(source)}:{where}" if where else printable(source)
        super().__init__(f"{place}: {printable(message)}")

    def issue(self) -> Issue:
        """This error as the ``unreadable`` :class:`Issue` of a run that goes on."""
        return Issue(printable(self.source), self.where, self.code, self.message)


#: Control characters (C0 but tab, line feed, form feed; DEL; C1) each become a space:
#: an escape sequence in a betreft never reaches a terminal, graph.json or GraphML (XML
#: cannot even hold them), and every offset into the text stays where it was.
CONTROL_TO_SPACE = {c: " " for c in [*range(0, 9), 11, *range(14, 32), *range(0x7f, 0xa0)]}


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def scrub_controls(text: str) -> str:
    """``"Vragen \\x1b[31mrood"`` -> ``"Vragen  [31mrood"`` (same length; the text
    itself when it holds none, found by one regex search, which is much faster than
    ``str.translate`` on clean text)."""
    return text.translate(CONTROL_TO_SPACE) if has_controls(text) else text


def has_controls(text: str) -> bool:
    """Does ``text`` hold a character :func:`scrub_controls` replaces (``"\\x1b"``,
    ``"\\x81"``)?"""
    return _CONTROL.search(text) is not None


def scrub_letter(obj, depth: int = 0) -> None:
    """Control characters in any text of a letter (a DOCX or PDF can carry C1 escape
    codes too) become spaces, in place and length-preserving, so offsets stay valid:
    ``Letter(betreft="Vragen \\x1b[31m")`` -> ``betreft="Vragen  [31m"``."""
    if depth > 6:
        return
    names = _dataclass_fields(type(obj))
    if names is None:
        return
    # the walk goes down only into records (numbers, dates, None and strings in lists
    # are no records: a letter from XML has a thousand such values, and a call for each
    # was a seventh of reading it)
    fields_of = _dataclass_fields
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, str):
            if _CONTROL.search(value) is not None:
                setattr(obj, name, value.translate(CONTROL_TO_SPACE))
        elif isinstance(value, (list, tuple)):
            for item in value:
                if fields_of(type(item)) is not None:
                    scrub_letter(item, depth + 1)
        elif value is not None and fields_of(type(value)) is not None:
            scrub_letter(value, depth + 1)


@functools.cache
def _dataclass_fields(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type (looked up once per type, not per object:
    ``dataclasses.fields`` was a tenth of reading a letter), None for other types."""
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple(f.name for f in dataclasses.fields(cls))


def decode_bytes(data: bytes, source: str, empty_ok: bool = False) -> tuple[str, list[Issue]]:
    """Decode a text file: UTF-8 (a BOM is dropped), UTF-16 with a BOM, else cp1252 with
    a warning.

    Refuses binary data (NUL bytes, or a share of control characters random bytes have)
    and empty files (unless ``empty_ok``) with an :class:`InputError`. Line endings are
    normalised to ``\\n``; other control characters become spaces (:func:`scrub_controls`).
    """
    issues: list[Issue] = []
    if not data.strip():
        if empty_ok:
            return "", issues
        raise InputError(source, "empty file", "line 1")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its BOM (Notepad's "Unicode")
        text = decode_utf16(data, source)
        plain = is_plain_text(text)
        if not plain and _looks_binary(text) is not None:
            raise InputError(source, "binary file, not a letter in text form", "byte 2")
        return _normalised(text, source, plain), issues
    if b"\x00" in data[:65536]:
        raise InputError(source, "binary file, not a letter in text form", "byte %d" % data.index(b"\x00"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        issues.append(Issue(source, f"line {line}", "encoding",
                            "not UTF-8; read as Windows-1252 (cp1252)", line))
    if text.startswith("\ufeff"):
        text = text[1:]
    plain = is_plain_text(text)
    bad = None if plain else _looks_binary(text)
    if bad is not None:  # random bytes decode as cp1252 too: do not make a letter of them
        raise InputError(source, "binary file, not a letter in text form "
                                 f"(control characters from character {bad})")
    return _normalised(text, source, plain), issues


def _normalised(text: str, source: str, plain: bool) -> str:
    """Decoded text with line ends as ``\\n`` and control characters as spaces (none to
    replace when the text is ``plain``: :func:`is_plain_text`), within the text budget."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not plain:
        text = scrub_controls(text)
    check_text_budget(text, source)
    return text


def decode_utf16(data: bytes, source: str) -> str:
    """UTF-16 with a BOM; an odd length or a lone surrogate is an :class:`InputError`
    naming the byte (``b"\\xff\\xfe<\\x00k\\x00/\\x00>\\x00X"``: byte 8)."""
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as err:
        raise InputError(source, f"not valid UTF-16 ({err.reason})", f"byte {err.start}") from None
    return text[1:] if text.startswith("\ufeff") else text
