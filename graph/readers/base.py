"""What every reader shares: the error type and decoding bytes to text.

A reader turns one input file into one :class:`~kamerxref.graph.model.Letter`,
nothing else. Readers never print; they raise :class:`InputError` for a file that
cannot be read at all and record :class:`~kamerxref.graph.model.Issue` warnings on
the letter for everything else.
"""
from __future__ import annotations

from ..model import Issue


class InputError(Exception):
    """A file or path that cannot be read. ``str(err)`` is one line naming the file
    and, where known, the place: ``data/x.txt: line 1: empty file``."""

    def __init__(self, source: str, message: str, where: str = ""):
        self.source = source
        self.where = where
        self.message = message
        place = f"{source}:{where}" if where else source
        super().__init__(f"{place}: {message}")


def decode_bytes(data: bytes, source: str) -> tuple[str, list[Issue]]:
    """Decode a text file: UTF-8 (a BOM is dropped), else cp1252 with a warning.

    Refuses binary data (NUL bytes) and empty files with an :class:`InputError`.
    Line endings are normalised to ``\\n``.
    """
    issues: list[Issue] = []
    if not data.strip():
        raise InputError(source, "empty file", "line 1")
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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, issues
