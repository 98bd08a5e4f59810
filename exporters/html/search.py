"""The corpus-wide search index of a built site: a compact inverted index written as small
script files under ``assets/search/``, which the pages load only when someone searches.

Why our own index and not a library: the pages must work from ``file://``, where
``fetch`` is refused, so every piece is a ``<script>`` file the browser may load; the
index is built here in Python (MiniSearch or FlexSearch would build theirs in the
browser from every document: 70,000 questions per 1,000 letters) and a query loads only
the shard of each word (``p-de.js`` holds the words starting with "de") and the
documents it shows. What it searches:

* letters (kenmerk, betreft, committee, datum), questions (their text, fractie, number),
  footnotes (their text) and cited sources (pages, parts, documents, dossiers);
* citations typed the way people write them: :func:`search_tokens` (and its twin
  ``KX.searchTokens`` in ``base.js``, tested to agree) turns ``36 871 O p. 40``,
  ``Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40`` and the id
  ``kst-36871-O/bijlage/p40`` into the same words (``36871 o p40``), and ``COM(2026) 45``
  and ``COM(2026)45`` into ``com2026n45``.

A query matches documents that hold all its words, the last one also as a prefix
("terugkeerh" finds "terugkeerhub"). Files, all deterministic:

``search-meta.js``
    ``kxSearch.meta({...})``: the shard keys, the number of documents and chunks, and the
    letter pages whose file name is not the id's (two ids that sanitise alike).
``p-<key>.js``
    ``kxSearch.shard(key, {word: postings})``; postings are the sorted document numbers,
    delta-coded in base 36 (``"1,a,3"`` = 1, 11, 14).
``d-<n>.js``
    ``kxSearch.docs(n, [[kind, id, letter, title, text], ...])``, :data:`DOC_CHUNK` each
    (few large files: every file written costs an fsync).
``t-<n>.js``
    ``kxSearch.targets(n, {id: record})``: per cited node the questions and letters citing
    it (the overview's panel), sharded by :func:`shard_of` of the id.
"""
from __future__ import annotations

import functools
import itertools
import math
import operator
import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from kamerxref.graph.queries import edge_targets, out_edges

from ..unchanged import write_unless_same  # a rebuild leaves files with the same bytes alone
from . import views
from .page import script_json

DOC_CHUNK = 1000
SHARD_BYTES = 200_000  # a prefix shard above this is split by the third character
TARGET_SHARDS_PER = 400  # cited nodes per target shard (rounded to a power of two count)
#: Words left out of the index and out of queries (they occur in nearly every question).
STOP = frozenset("""de het een en van in op te dat die is aan voor met zijn er om of als
ook bij door naar dan uit wat hoe nog wel niet zij ze dit deze hun tot over""".split())

_COM = re.compile(r"\b(com|swd|join|sec|c)\s*\(\s*(\d{4})\s*\)\s*0*(\d+)")
# ``\b(\d{2})[ .](\d{3})\b`` and ``\b(?:p|pp|pag|blz)\.?\s*(\d+)``, written to start with
# the character they need (a digit; p or b) and to check the word boundary just after it:
# the regex engine then skips to those characters instead of trying every position (the
# same matches, a third less time over the 64 MB of text of 10,000 letters)
_DOSSIER = re.compile(r"(\d(?<!\w\d)\d)[ .](\d{3})\b")
_PAGE = re.compile(r"(?:p(?<!\wp)(?:p|ag)?|b(?<!\wb)lz)\.?\s*(\d+)")
_MARKS = re.compile(r"[\u0300-\u036f]")
_DIGIT = re.compile(r"\d")
#: The words are the runs of ``[a-z0-9]``: every other byte of the ASCII text becomes a
#: space (any other character was made ``?`` first), then the text is split, in C.
_SEPARATE = bytes(b if 0x61 <= b <= 0x7A or 0x30 <= b <= 0x39 else 0x20 for b in range(256))


def fold(text: str) -> str:
    """Lower case without diacritics: ``"Financiële"`` -> ``"financiele"``."""
    if text.isascii():  # nothing to decompose (most questions)
        return text.lower()
    return _MARKS.sub("", unicodedata.normalize("NFD", text.lower()))


def search_tokens(text: str) -> list[str]:
    """The words of ``text`` as the index holds them (see the module docstring).

    >>> search_tokens("Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40.")
    ['kamerstukken', 'i', '2025', '26', '36871', 'o', 'bijlage', 'p40']
    >>> search_tokens("COM(2026) 45 en de terugkeerhub")
    ['com2026n45', 'terugkeerhub']
    """
    t = fold(text)
    if _DIGIT.search(t):  # the three forms hold digits; many questions none
        if "(" in t:
            t = _COM.sub(lambda m: f" {m.group(1)}{m.group(2)}n{int(m.group(3))} ", t)
        t = _DOSSIER.sub(_dossier_word, t)
        t = _PAGE.sub(_page_word, t)
    words = t.encode("ascii", "replace").translate(_SEPARATE).decode("ascii").split()
    return [w for w in words if w not in STOP]


def _dossier_word(m: re.Match) -> str:  # "36 871" -> "36871"
    return m[1] + m[2]


def _page_word(m: re.Match) -> str:  # "p. 40" -> " p40 "
    return f" p{m[1]} "


def shard_of(text: str, n: int) -> int:
    """FNV-1a over the UTF-16 code units, mod ``n`` (``base.js`` computes the same)."""
    h = 0x811C9DC5
    units = text.encode("utf-16-le")
    for i in range(0, len(units), 2):
        h ^= units[i] | (units[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h % n if n > 0 else 0


@functools.lru_cache(maxsize=65536)
def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    out = []
    while n:
        n, r = divmod(n, 36)
        out.append(digits[r])
    return "".join(reversed(out))


def encode_postings(numbers: Sequence[int]) -> str:
    """``[1, 11, 14]`` -> ``"1,a,3"`` (sorted, delta-coded, base 36). The differences
    and their digits are taken by ``map`` (13 million postings at 10,000 letters)."""
    return ",".join(map(_b36, map(operator.sub, numbers, itertools.chain((0,), numbers))))


def _js(call: str, *args: Any) -> str:
    return f"kxSearch.{call}(" + ",".join(script_json(a) for a in args) + ");\n"


def write_index(out_dir: Path, docs: list[list[Any]], texts: list[str],
                targets: dict[str, dict[str, Any]], files: dict[str, str] | None = None) -> list[Path]:
    """Write the index files for ``docs`` (``[kind, id, letter, title, text]``; the words
    of ``texts[i]`` index ``docs[i]``) and the per-target records under ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    # 4 bytes a posting, not a list of int objects (10,000 letters: some 13 million
    # postings, 480 MB as lists of ints)
    postings: dict[str, array] = defaultdict(lambda: array("I"))
    for i, text in enumerate(texts):
        for w in dict.fromkeys(search_tokens(text)):
            postings[w].append(i)
    by_key: dict[str, dict[str, str]] = defaultdict(dict)
    for w in sorted(postings):
        by_key[w[:2]][w] = encode_postings(postings[w])
    shards: dict[str, dict[str, str]] = {}
    for key, words in by_key.items():
        size = sum(len(w) + len(p) + 6 for w, p in words.items())
        if size <= SHARD_BYTES:
            shards[key] = words
            continue
        for w, p in words.items():  # split by the third character ("de" -> "de", "dea" ...)
            shards.setdefault(w[:3], {})[w] = p
    written = []
    for key in sorted(shards):
        written.append(write_unless_same(out_dir / f"p-{key}.js", _js("shard", key, shards[key])))
    n_chunks = math.ceil(len(docs) / DOC_CHUNK)
    for c in range(n_chunks):
        written.append(write_unless_same(out_dir / f"d-{c}.js",
                                    _js("docs", c, docs[c * DOC_CHUNK:(c + 1) * DOC_CHUNK])))
    n_target_shards = 1
    while n_target_shards * TARGET_SHARDS_PER < len(targets):
        n_target_shards *= 2
    tshards: dict[int, dict[str, Any]] = defaultdict(dict)
    for tid in sorted(targets):
        tshards[shard_of(tid, n_target_shards)][tid] = targets[tid]
    for s in range(n_target_shards):
        written.append(write_unless_same(out_dir / f"t-{s}.js", _js("targets", s, tshards.get(s, {}))))
    meta = {"shards": sorted(shards), "docs": len(docs), "chunk": DOC_CHUNK,
            "chunks": n_chunks, "target_shards": n_target_shards, "stop": sorted(STOP),
            "files": dict(sorted((files or {}).items()))}
    written.append(write_unless_same(out_dir / "search-meta.js", _js("meta", meta)))
    return written


def corpus_documents(G: nx.MultiDiGraph, index: "views.CorpusIndex"
                     ) -> tuple[list[list[Any]], list[str], dict[str, dict[str, Any]]]:
    """The documents of the index, the text each is found by, and the per-target records.

    Documents, letter by letter (by datum): the letter (``["letter", "letter-181524",
    "letter-181524", "Letter 181524", betreft]``), its questions (``["question",
    "letter-181524/q7", "letter-181524", "D66, q7", text]``) and footnotes; then every
    cited node (``["page", "kst-36871-O/bijlage/p40", "", "36 871 O bijlage p. 40",
    "Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40"]``), found by its citation, its
    short form and its id."""
    docs: list[list[Any]] = []
    texts: list[str] = []
    # per cited node, the questions citing it, by letter (each letter's in document order)
    citers: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for lid in index.lids:
        d = G._node[lid]
        kenmerk = str(d.get("kenmerk") or "")
        docs.append(["letter", lid, lid, f"Letter {kenmerk or lid}", str(d.get("betreft") or "")])
        texts.append(" ".join(str(d.get(k) or "") for k in ("kenmerk", "betreft", "committee",
                                                                "committee_abbr", "datum")))
        _, questions = index.members(lid)
        for q in questions:
            qd = G._node[q]
            fr = ", ".join(views.json_list(qd.get("fracties")))
            number = str(qd.get("number") or "")
            title = (f"{fr}, " if fr else "") + (f"question {number}" if number else f"q{qd.get('index')}")
            docs.append(["question", q, lid, title, str(qd.get("text") or "")])
            texts.append(f"{qd.get('text') or ''} {fr} {number}")
            for t in edge_targets(G, q, ("cites",)):
                for up in index.up_closure(t):
                    citers[up].setdefault(lid, []).append(q)
        for fid, _, e in sorted(out_edges(G, lid), key=lambda t: t[0]):
            if e.get("kind") == "contains" and G._node[fid].get("kind") == "footnote":
                fd = G._node[fid]
                docs.append(["footnote", fid, lid, f"Footnote {fd.get('number')}", str(fd.get("text") or "")])
                texts.append(str(fd.get("text") or ""))
    targets: dict[str, dict[str, Any]] = {}
    for t in sorted(index.letters_of):
        if t not in G:
            continue
        readable = index.label(t)
        citation = views.target_citation(G, t)
        docs.append([str(G._node[t].get("kind") or ""), t, "", readable, citation])
        texts.append(f"{readable} {citation} {t.replace('/', ' ')}")
        qs, n_questions = _first_citers(citers.get(t, {}))
        targets[t] = {"readable": readable, "citation": citation, "url": views.source_url(G, t),
                      "kind": str(G._node[t].get("kind") or ""), "letters": index.letters_of[t],
                      "n_questions": n_questions,
                      "questions": [[q, str(G._node[q].get("letter") or ""),
                                     ", ".join(views.json_list(G._node[q].get("fracties"))),
                                     views.short(str(G._node[q].get("text") or ""), 200)]
                                    for q in qs]}
    return docs, texts, targets


def _first_citers(by_letter: dict[str, list[str]]) -> tuple[list[str], int]:
    """The first :data:`MAX_TARGET_QUESTIONS` questions citing a node, in letter and
    question order, and how many there are: letters sorted, each letter's questions
    as met (in document order, a question once). Sorting every citing question cost
    a second at 10,000 letters, where one page is cited by 150,000 questions."""
    first: list[str] = []
    n = 0
    for lid in sorted(by_letter):
        qs = list(dict.fromkeys(by_letter[lid]))
        n += len(qs)
        if len(first) < MAX_TARGET_QUESTIONS:
            first += qs[:MAX_TARGET_QUESTIONS - len(first)]
    return first, n


#: A target record lists at most this many citing questions (the count is exact).
MAX_TARGET_QUESTIONS = 200
