"""What the GraphML and GEXF writers share: attribute declarations and XML escaping.

networkx's own writers build an ElementTree of the whole graph and pretty-print it; at
48,000 nodes and 122,000 edges (1,000 generated letters) that took 6 s per format. These
writers stream the same documents as strings (about 10x faster, linear), and networkx
reads them back unchanged (tests/test_exporters.py round-trips both).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NEEDS_WORK = re.compile("[&<>\"\x00-\x1f\ufffe\uffff]")
_ESC = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;",
                      "\r": "&#13;", "\t": "&#9;"})


def esc(value) -> str:
    """Escape for an attribute value or text node (control characters XML forbids are
    dropped: a PDF conversion can leave a form feed in a letter)."""
    text = value if isinstance(value, str) else str(value)
    if not _NEEDS_WORK.search(text):  # most ids and labels: nothing to escape
        return text
    if _INVALID_XML.search(text):
        text = _INVALID_XML.sub("", text)
    return text.translate(_ESC)


def value_type(value) -> str:
    """``bool`` before ``int``: True is an int in Python."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "double"
    return "string"


def fmt(value) -> str:
    if value.__class__ is str:  # the common case first
        return esc(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return esc(value)


def batched(lines: Iterable[str], size: int = 4096) -> Iterable[str]:
    """Join lines into chunks of ``size`` lines (fewer, larger writes), each ending in ``\\n``."""
    buf: list[str] = []
    for line in lines:
        buf.append(line)
        if len(buf) >= size:
            yield "\n".join(buf) + "\n"
            buf = []
    if buf:
        yield "\n".join(buf) + "\n"


def declare(items: Iterable[dict], skip: set[str] = frozenset()) -> dict[str, str]:
    """Attribute name -> type, in order of first appearance (deterministic). A name seen
    with two types is declared as string."""
    types: dict[str, str] = {}
    for data in items:
        for k, v in data.items():
            if k in skip:
                continue
            t = value_type(v)
            old = types.setdefault(k, t)
            if old != t:
                types[k] = "string"
    return types
