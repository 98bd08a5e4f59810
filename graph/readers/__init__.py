"""Readers: one module per input format, each returning a :class:`Letter`.

:func:`read_letters` is the entry point: it takes files and folders, detects each
file's format by its content (not only its extension), and reads every file it
can. One bad file never stops the others: it becomes an :class:`Issue`.

Formats are registered in :data:`READERS` as ``(name, sniff, read)``; ``sniff(path,
head)`` looks at the first bytes, ``read(path)`` returns a Letter (or a list of
Letters, for a publication that holds several: a verslag holds the committee's letter and
the minister's reply) or raises :class:`InputError`. Adding a format (DOCX, officielebekendmakingen XML, PDF) means
adding a module and one entry here; the model does not change.
"""
from __future__ import annotations

import dataclasses
import functools
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from ..documents import cache_sidecar
from ..model import Issue, Letter
from .base import InputError, decode_bytes, file_kind, printable, scrub_letter

__all__ = ["InputError", "decode_bytes", "read_letters", "read_file", "read_file_all", "detect_format",
           "input_files", "READERS"]

Sniff = Callable[[Path, bytes], bool]
Read = Callable[[Path], "Letter | list[Letter]"]


def _lazy(module: str, name: str) -> Callable:
    """A reader function imported on first use, so that reading text letters never
    imports lxml or zipfile machinery; looked up once, not on every call (every file
    asks each sniffer)."""
    @functools.cache
    def load() -> Callable:
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{module}"), name)

    def call(*args):
        return load()(*args)

    call.__name__ = name
    return call


def _text_sniff(path: Path, head: bytes) -> bool:
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 has NULs
        return False
    return path.suffix.lower() in {".txt", ".md", ".text", ""}


#: Registered formats, tried in order; content sniffing first, "text" last.
#: docx: a zip holding word/document.xml (or a .docx name, so a broken one is refused
#: clearly); xml: KOOP (officiele-publicatie, kamerstuk, handelingen) and VLOS XML, any
#: other XML root is refused with a message; answers: a ministry answer letter in text
#: form (Vraag N / Antwoord op vraag N); verslag-text: a verslag / memorie van antwoord
#: copied from officielebekendmakingen (chamber, vergaderjaar, stuk title); sgd-ocr: a Staten-Generaal Digitaal OCR page.
READERS: list[tuple[str, Sniff, Read]] = [
    ("docx", _lazy("docx", "sniff_docx"), _lazy("docx", "read_docx")),
    ("xml", _lazy("koop_xml", "sniff_xml"), _lazy("koop_xml", "read_xml")),
    ("verslag-text", _lazy("verslag_text", "sniff_verslag_text"), _lazy("verslag_text", "read_verslag_text")),
    ("answers", _lazy("answers", "sniff_answer_text"), _lazy("answers", "read_answer_text")),
    ("sgd-ocr", _lazy("koop_xml", "sniff_sgd_ocr"), _lazy("koop_xml", "read_sgd_ocr")),
    ("pdf", _lazy("pdf", "sniff_pdf"), _lazy("pdf", "read_pdf")),
    ("text", _text_sniff, _lazy("text", "read_text_file")),
]

#: Formats whose reader returns letters already free of control characters, so that
#: :func:`read_file_all` need not walk every object of every letter to scrub them
#: (:func:`~.base.scrub_letter`: 0.36 ms of the 3.8 ms it took to read a seed letter):
#: the text reader reads text :func:`~.base.decode_bytes` scrubbed, and scrubs a letter
#: where an entity brought one back (``&#129;``); the answers reader's text is decoded
#: the same way and it unescapes nothing (its letters are parts of that text). A letter
#: from a file whose name needs :func:`~.base.printable` is renamed and scrubbed here
#: all the same.
SCRUBBED_BY_READER = frozenset({"text", "answers"})

#: Extensions a folder scan considers; other files in a folder are reported and skipped.
LETTER_SUFFIXES = {".txt", ".md", ".text", ".docx", ".xml", ".pdf"}


def _head(path: Path, source: str) -> bytes:
    """The first 4 KB of a regular file; anything else is an :class:`InputError` (a FIFO
    would block the run, a folder or device is no letter)."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(source, f"not a regular file ({file_kind(st.st_mode)}); refused")
        with open(path, "rb") as fh:
            return fh.read(4096)
    except OSError as err:
        raise InputError(source, f"cannot read: {err.strerror or err}") from None


def detect_format(path: Path) -> str | None:
    """Name of the reader for ``path`` by its content, or None."""
    head = _head(path, printable(str(path)))
    for name, sniff, _ in READERS:
        if sniff(path, head):
            return name
    return None


def read_file(path: str | Path) -> Letter:
    """Read one file into a Letter (the first, for a publication holding several);
    raises :class:`InputError` with a one-line message."""
    return read_file_all(path)[0]


def read_file_all(path: str | Path) -> list[Letter]:
    """Read one file into its Letters (one for a letter; several for a verslag that
    publishes the committee's letter and the reply); raises :class:`InputError`.

    Whatever goes wrong inside a reader (a bug, a library's own exception on a hostile
    file, recursion, memory) becomes an :class:`InputError` for this file, so the run
    goes on with the others. ``Letter.source`` and the warnings name the file by
    :func:`~.base.printable` (a name that is not UTF-8 or holds a newline is escaped)."""
    p = Path(path)
    source = printable(str(path))
    if not os.path.lexists(p):
        raise InputError(source, "no such file or folder")
    if p.is_dir():
        raise InputError(source, "is a folder, not a file")
    if p.is_symlink() and not p.exists():
        raise InputError(source, "dangling symbolic link")
    fmt = detect_format(p)
    if fmt is None:
        binary = b"\x00" in _head(p, source)
        what = "binary file" if binary else "unsupported format"
        raise InputError(source, f"{what} ({printable(p.suffix) or 'no extension'}): kamerxref reads "
                                 "letters as .txt/.md, .docx, .pdf and officielebekendmakingen .xml")
    read = next(r for name, _, r in READERS if name == fmt)
    try:
        got = read(p)
    except InputError as err:
        if err.source == str(path) and source != err.source:
            raise InputError(source, err.message, err.where, err.code) from None
        raise
    except RecursionError:
        raise InputError(source, f"too deeply nested for the {fmt} reader; refused") from None
    except MemoryError:
        raise InputError(source, f"out of memory in the {fmt} reader; refused") from None
    except Exception as err:  # a reader bug on this file: report it, read the others
        raise InputError(source, f"{fmt} reader failed ({type(err).__name__}: "
                                 f"{printable(str(err))[:200]})", _place(err)) from err
    letters = got if isinstance(got, list) else [got]
    if not letters:
        raise InputError(source, "no letter found in this file")
    for letter in letters:
        if source != str(path):  # an odd file name: renamed, then scrubbed, whatever the format
            _rename_source(letter, str(path), source)
            scrub_letter(letter)
        elif fmt not in SCRUBBED_BY_READER:
            scrub_letter(letter)
    return letters


def _place(err: BaseException) -> str:
    """Where in the file an exception points, where it says: ``byte 8`` for a decoding
    error, ``line 3`` for a syntax error."""
    if isinstance(err, UnicodeError) and hasattr(err, "start"):
        return f"byte {err.start}"
    line = getattr(err, "lineno", None)
    return f"line {line}" if isinstance(line, int) else ""


def _rename_source(letter: Letter, raw: str, source: str) -> None:
    """Give the letter and its warnings the printable name of its file."""
    def fix(issues: list[Issue]) -> list[Issue]:
        return [dataclasses.replace(w, source=source) if w.source == raw else w for w in issues]

    letter.source = source
    letter.warnings = fix(letter.warnings)
    for fn in letter.footnotes:
        fn.warnings = fix(fn.warnings)


def input_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Issue]]:
    """Expand files and folders (recursively, sorted, hidden files skipped).

    A missing path or a folder without any letter raises :class:`InputError`; files in
    a folder with an extension no reader takes are reported, not read.
    """
    files: list[Path] = []
    issues: list[Issue] = []
    for raw in paths:
        p = Path(raw)
        if not os.path.lexists(p):
            raise InputError(printable(str(raw)), "no such file or folder")
        if not p.is_dir():
            if not cache_sidecar(p):
                files.append(p)  # a file, or something else: read_file_all says what is wrong
            continue
        found = []
        metadata = 0
        for child, problem in _walk(p, issues):
            if problem:
                issues.append(Issue(printable(str(child)), "", "skipped-file", f"skipped: {problem}"))
                continue
            if cache_sidecar(child):  # a fetch cache's record.json and extra manifestations
                metadata += 1
                continue
            try:
                fmt = None if child.suffix.lower() in LETTER_SUFFIXES else detect_format(child)
            except InputError as err:
                issues.append(Issue(err.source, err.where, "unreadable", err.message))
                continue
            if child.suffix.lower() in LETTER_SUFFIXES or fmt not in (None, "text"):
                found.append(child)
            else:
                issues.append(Issue(printable(str(child)), "", "skipped-file",
                                    f"skipped: not a letter format ({printable(child.suffix) or 'no extension'})"))
        if not found and not metadata:
            raise InputError(printable(str(raw)), "folder holds no letters (.txt, .md, .docx, .xml, .pdf)"
                             + (f"; {len(issues)} entries skipped or unreadable" if issues else ""))
        files.extend(found)
    return files, issues


def _walk(folder: Path, issues: list[Issue]) -> Iterable[tuple[Path, str]]:
    """The entries under ``folder``, sorted, hidden ones (``.x``, ``_x``) left out, each
    with ``""`` for a regular file or why it is skipped: a dangling symbolic link, a FIFO,
    a socket, a device. A subfolder that cannot be listed is reported in ``issues``
    (it used to vanish without a word)."""
    def onerror(err: OSError) -> None:
        issues.append(Issue(printable(err.filename or str(folder)), "", "unreadable",
                            f"folder skipped: cannot read it: {err.strerror or err}"))

    out: list[tuple[Path, str]] = []
    for top, dirs, names in os.walk(folder, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for name in names:
            if name.startswith((".", "_")):
                continue
            child = Path(top, name)
            try:
                st = os.stat(child)
            except FileNotFoundError:
                out.append((child, "dangling symbolic link" if os.path.islink(child) else "vanished"))
                continue
            except OSError as err:
                out.append((child, f"cannot read it: {err.strerror or err}"))
                continue
            out.append((child, "" if stat.S_ISREG(st.st_mode) else f"not a regular file ({file_kind(st.st_mode)})"))
    return sorted(out, key=lambda e: str(e[0]))


def read_letters(paths: Iterable[str | Path]) -> tuple[list[Letter], list[Issue]]:
    """Read every letter under ``paths``.

    Returns the letters (in input order) and the issues of files that could not be
    read. Per-letter warnings stay on ``letter.warnings``.
    """
    files, issues = input_files(paths)
    letters: list[Letter] = []
    for f in files:
        try:
            letters.extend(read_file_all(f))
        except InputError as err:
            issues.append(err.issue())
    return letters, issues
