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

from collections.abc import Callable, Iterable
from pathlib import Path

from ..documents import cache_sidecar
from ..model import Issue, Letter
from .base import InputError, decode_bytes

__all__ = ["InputError", "decode_bytes", "read_letters", "read_file", "read_file_all", "detect_format",
           "input_files", "READERS"]

Sniff = Callable[[Path, bytes], bool]
Read = Callable[[Path], "Letter | list[Letter]"]


def _lazy(module: str, name: str) -> Callable:
    """A reader function imported on first use, so that reading text letters never
    imports lxml or zipfile machinery."""
    def call(*args):
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{module}"), name)(*args)

    call.__name__ = name
    return call


def _text_sniff(path: Path, head: bytes) -> bool:
    if b"\x00" in head:
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

#: Extensions a folder scan considers; other files in a folder are reported and skipped.
LETTER_SUFFIXES = {".txt", ".md", ".text", ".docx", ".xml", ".pdf"}


def detect_format(path: Path) -> str | None:
    """Name of the reader for ``path`` by its content, or None."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
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
    publishes the committee's letter and the reply); raises :class:`InputError`."""
    p = Path(path)
    if not p.exists():
        raise InputError(str(path), "no such file or folder")
    if p.is_dir():
        raise InputError(str(path), "is a folder, not a file")
    fmt = detect_format(p)
    if fmt is None:
        with open(p, "rb") as fh:
            binary = b"\x00" in fh.read(4096)
        what = "binary file" if binary else "unsupported format"
        raise InputError(str(path), f"{what} ({p.suffix or 'no extension'}): kamerxref reads "
                                    "letters as .txt/.md, .docx, .pdf and officielebekendmakingen .xml")
    for name, _, read in READERS:
        if name == fmt:
            got = read(p)
            letters = got if isinstance(got, list) else [got]
            if not letters:
                raise InputError(str(path), "no letter found in this file")
            return letters
    raise AssertionError(fmt)  # pragma: no cover


def input_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Issue]]:
    """Expand files and folders (recursively, sorted, hidden files skipped).

    A missing path or a folder without any letter raises :class:`InputError`; files in
    a folder with an extension no reader takes are reported, not read.
    """
    files: list[Path] = []
    issues: list[Issue] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise InputError(str(raw), "no such file or folder")
        if p.is_file():
            if not cache_sidecar(p):
                files.append(p)
            continue
        found = []
        metadata = 0
        for child in sorted(p.rglob("*")):
            rel = child.relative_to(p)
            if any(part.startswith((".", "_")) for part in rel.parts) or not child.is_file():
                continue
            if cache_sidecar(child):  # a fetch cache's record.json and extra manifestations
                metadata += 1
                continue
            if child.suffix.lower() in LETTER_SUFFIXES or detect_format(child) not in (None, "text"):
                found.append(child)
            else:
                issues.append(Issue(str(child), "", "skipped-file",
                                    f"skipped: not a letter format ({child.suffix or 'no extension'})"))
        if not found and not metadata:
            raise InputError(str(raw), "folder holds no letters (.txt, .md, .docx, .xml, .pdf)")
        files.extend(found)
    return files, issues


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
            issues.append(Issue(err.source, err.where, "unreadable", err.message))
    return letters, issues
