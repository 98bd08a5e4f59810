"""One safe way to parse XML, used by every reader (DOCX parts, KOOP XML, VLOS XML).

Letters come from outside: a ``.docx`` mailed by a ministry, an ``.xml`` saved from
officielebekendmakingen.nl or scraped by a third party. XML from outside can attack the
reader: an external entity (``<!ENTITY x SYSTEM "file:///etc/passwd">``) leaks local
files, nested entities ("billion laughs") blow up memory, and 100 MB of ``<a><a><a>...``
exhausts the stack. :func:`parse_xml` refuses all three with a one-line
:class:`~kamerxref.graph.readers.base.InputError` before or while parsing, in linear time:

- entity declarations are refused outright (no KOOP, VLOS or Word part declares any);
- the lxml parser never resolves entities, never loads a DTD, never touches the network,
  and keeps libxml2's default limits (``huge_tree=False``: depth 256, text nodes 10 MB);
- input above :data:`MAX_XML_BYTES` is refused before it is parsed.

:func:`clean_xml_prefix` strips what real copies put before ``<?xml``: the ``SOURCE:``
line of the realdocs corpus, a UTF-8 BOM, the mojibake BOM ``ï»¿`` (a BOM decoded as
Windows-1252 and saved again as UTF-8, as in realdocs 09-11) and blank lines.
"""
from __future__ import annotations

import re

from lxml import etree

from .base import InputError

__all__ = ["MAX_XML_BYTES", "MAX_DEPTH", "make_parser", "parse_xml", "clean_xml_prefix",
           "root_name", "check_no_entities", "to_utf8"]

#: Largest XML document (or DOCX part) read. The biggest real sample is 70 KB; a long
#: Handelingen XML is a few MB.
MAX_XML_BYTES = 32 * 1024 * 1024
#: Deepest element nesting accepted (libxml2 itself stops at 256 without huge_tree).
MAX_DEPTH = 200

_UTF8_BOM = b"\xef\xbb\xbf"
_MOJIBAKE_BOM = "\u00ef\u00bb\u00bf".encode("utf-8")  # "ï»¿" saved as UTF-8
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_ENTITY_DECL_16 = ("<!ENTITY".encode("utf-16-le"), "<!ENTITY".encode("utf-16-be"))


def make_parser() -> etree.XMLParser:
    """The one parser configuration every reader uses (a new parser per call: lxml
    parsers are not thread-safe)."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_pis=False,
        recover=False,
    )


def clean_xml_prefix(data: bytes) -> tuple[bytes, int]:
    """Strip a leading ``SOURCE:`` line, BOMs (real or mojibake) and whitespace before
    the XML. Returns the cleaned bytes and the number of source lines removed, so that
    ``element.sourceline + removed`` is the line in the file as stored.

    ``b'SOURCE: github ...\\n\\xc3\\xaf\\xc2\\xbb\\xc2\\xbf\\n<?xml ...'`` (realdocs 09)
    -> ``(b'<?xml ...', 2)``.
    """
    removed = 0
    if data.startswith(b"SOURCE:"):
        nl = data.find(b"\n")
        if nl < 0:
            return b"", 1
        data = data[nl + 1:]
        removed += 1
    while True:
        before = data
        for bom in (_UTF8_BOM, _MOJIBAKE_BOM):
            if data.startswith(bom):
                data = data[len(bom):]
        stripped = data.lstrip(b" \t\r\n")
        removed += data[: len(data) - len(stripped)].count(b"\n")
        data = stripped
        if data == before:
            return data, removed


_ROOT = re.compile(rb"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")


def root_name(data: bytes) -> str | None:
    """Local name of the first element in (cleaned) XML bytes, without parsing:
    skips the declaration, comments, processing instructions and a DOCTYPE."""
    i = 0
    n = len(data)
    while i < n:
        j = data.find(b"<", i)
        if j < 0 or j + 1 >= n:
            return None
        nxt = data[j + 1:j + 2]
        if nxt == b"?":
            k = data.find(b"?>", j)
        elif data.startswith(b"<!--", j):
            k = data.find(b"-->", j)
        elif nxt == b"!":
            k = data.find(b">", j)
        else:
            m = _ROOT.match(data, j)
            return m.group(2).decode("ascii") if m else None
        if k < 0:
            return None
        i = k + 1
    return None


def check_no_entities(data: bytes, source: str) -> None:
    """Refuse any ``<!ENTITY`` declaration (in UTF-8/ASCII or UTF-16 bytes)."""
    _check_no_entities(data, source)


def to_utf8(data: bytes, source: str = "<xml>") -> bytes:
    """UTF-16 XML (with a BOM) re-encoded as UTF-8 with its declaration adjusted, so
    that root sniffing and parsing see one encoding; other bytes are returned as is.
    Broken UTF-16 (an odd length, a lone surrogate) is an InputError naming the byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        from .base import decode_utf16

        text = decode_utf16(data, source)
        text = re.sub(r'^(<\?xml[^>]*?encoding=)["\']utf-16(?:le|be)?["\']', r'\1"utf-8"', text,
                      flags=re.IGNORECASE)
        return text.encode("utf-8")
    return data


def _check_no_entities(data: bytes, source: str) -> None:
    if _ENTITY_DECL.search(data) or any(p in data for p in _ENTITY_DECL_16):
        raise InputError(source, "XML declares entities (<!ENTITY ...>); refused: "
                                 "external entities and entity expansion are not allowed")


def parse_xml(data: bytes, source: str, *, where: str = "",
              max_bytes: int = MAX_XML_BYTES, max_depth: int = MAX_DEPTH) -> etree._Element:
    """Parse untrusted XML bytes into an element tree, or raise a one-line InputError.

    ``where`` names the part (``"word/document.xml"``) in error messages.
    """
    label = where or "xml"
    if len(data) > max_bytes:
        raise InputError(source, f"XML too large ({len(data) / 2**20:.1f} MiB > "
                                 f"{max_bytes / 2**20:.0f} MiB limit); refused", label)
    try:
        _check_no_entities(data, source)
    except InputError as err:
        raise InputError(source, err.message, label) from None
    try:
        root = etree.fromstring(data, parser=make_parser())
    except etree.XMLSyntaxError as err:
        msg = str(err.msg or err).splitlines()[0]
        if "depth" in msg.lower():
            raise InputError(source, f"XML nested too deeply (limit {max_depth}); refused",
                             label) from None
        if "entit" in msg.lower() or "amplification" in msg.lower():
            raise InputError(source, f"XML entity problem; refused: {msg}", label) from None
        line = getattr(err, "lineno", None)
        place = f"{label}, line {line}" if line else label
        raise InputError(source, f"not well-formed XML: {msg}", place) from None
    except ValueError as err:  # e.g. a str with an encoding declaration
        raise InputError(source, f"not readable as XML: {err}", label) from None
    if root is None:
        raise InputError(source, "empty XML document", label)
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None and len(list(docinfo.internalDTD.iterentities())):
        raise InputError(source, "XML declares entities in its DTD; refused", label)
    # Depth check: libxml2 stops at 256 already; enforce our own tighter limit and
    # refuse leftover entity references (resolve_entities=False keeps them as nodes).
    stack = [(root, 1)]
    while stack:
        el, depth = stack.pop()
        if depth > max_depth:
            raise InputError(source, f"XML nested too deeply (more than {max_depth} "
                                     f"levels); refused", label)
        for child in el:
            if isinstance(child, etree._Entity):
                raise InputError(source, f"XML uses an entity reference ({child.text}); "
                                         f"refused", label)
            stack.append((child, depth + 1))
    return root
