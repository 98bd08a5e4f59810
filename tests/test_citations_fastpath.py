"""The fast path of the citation engine gives exactly the records of the straightforward one.

The throughput work of issue 4 (a cleaning shortcut for footnotes with nothing to clean,
one trigger scan over a whole batch, first-character dispatch instead of the sixteen-way
MASTER alternation, recurring footnotes read once, the collector paused) must not change
a single result. ``find_citations_reference`` / ``resolve_footnotes_reference`` keep the
straightforward path (every text cleaned the long way, MASTER at every candidate, one
footnote at a time); here both run on the benchmark's generated corpus (the same
generator and seed as ``benchmarks/bench_citations.py``), on the seed footnotes, on the
citation table, and on noisy variants of all of them (markdown emphasis, link residue,
line breaks, OCR hyphenation) so the cleaning map is exercised too.
"""
from __future__ import annotations

import dataclasses
import gc
import importlib.util
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kamerxref.graph.citations import find as F
from kamerxref.graph.citations import resolve_footnotes
from kamerxref.graph.citations.find import (
    find_citations,
    find_citations_many,
    find_citations_reference,
)
from kamerxref.graph.citations.resolve import resolve_footnotes_reference

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _bench():
    spec = importlib.util.spec_from_file_location("bench_citations", ROOT / "benchmarks" / "bench_citations.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


BENCH = _bench()
SEED_FOOTNOTES = BENCH.seed_footnotes()
TABLE_TEXTS = [
    line.split("\t")[0]
    for line in (HERE / "citations_table.tsv").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def _noisy(text: str, rng: random.Random) -> str:
    """One of the disturbances the cleaner removes, as real letters carry them."""
    how = rng.randrange(6)
    if how == 0:
        return f"*{text}*"
    if how == 1:
        return text.replace(", ", ",\n", 1)
    if how == 2:
        return text.replace("Kamerstukken", "Kamer-\nstukken").replace("Handelingen", "Hande- lingen")
    if how == 3:
        return f"<sup>7</sup> {text}"
    if how == 4:
        return text.replace("E2", "[E2", 1).replace(".", "](#).", 1) if "E2" in text else text + "  "
    return text.replace(" ", "\u00a0", 2)


def _records(results):
    return [([dataclasses.astuple(c) for c in cits], [dataclasses.astuple(i) for i in issues])
            for cits, issues in results]


def _found(found):
    return [dataclasses.astuple(f) for f in found]


def _corpus(seed: int, size: int) -> list[tuple[str, str]]:
    return BENCH.generate(random.Random(seed), size)


@pytest.mark.parametrize("seed", [4, 11])
def test_resolve_matches_reference_on_benchmark_corpus(seed):
    corpus = _corpus(seed, 300_000) + SEED_FOOTNOTES
    fast = resolve_footnotes(corpus, "bench")
    assert sum(len(c) for c, _ in fast) > 5000  # the corpus really cites things
    assert _records(fast) == _records(resolve_footnotes_reference(corpus, "bench"))


def test_resolve_matches_reference_on_noisy_corpus():
    rng = random.Random(7)
    corpus = [(n, _noisy(t, rng)) for n, t in _corpus(5, 100_000) + SEED_FOOTNOTES]
    corpus += [(str(i), _noisy(t, rng)) for i, t in enumerate(TABLE_TEXTS)]
    assert _records(resolve_footnotes(corpus)) == _records(resolve_footnotes_reference(corpus))


@pytest.mark.parametrize("texts", ["seeds", "table", "noisy-table"])
def test_find_matches_reference(texts):
    rng = random.Random(3)
    pick = {
        "seeds": [t for _, t in SEED_FOOTNOTES],
        "table": TABLE_TEXTS,
        "noisy-table": [_noisy(t, rng) for t in TABLE_TEXTS],
    }[texts]
    reference = [_found(find_citations_reference(t)) for t in pick]
    assert [_found(find_citations(t)) for t in pick] == reference
    assert [_found(f) for f in find_citations_many(pick)] == reference


def test_batch_keeps_texts_apart():
    """A citation at the end of one footnote never runs on into the next one."""
    texts = ["Zie Stb.", "2018, 84.", "", "Kamerstukken II 2019/20, 35", "300, nr. 1", "Idem"]
    assert [_found(f) for f in find_citations_many(texts)] == [
        _found(find_citations_reference(t)) for t in texts]


def test_dispatch_covers_master():
    """Every pattern is tried at every character it can start with: the first-character
    sets read from the patterns themselves (``K``/``k``/``B`` for Kamerstukken)."""
    first = dict(F._FIRST)
    assert first["k"].pattern == "[BKk]"  # Kamerstukken, Bijl. Hand.
    assert first["n"].pattern == "[n]"
    assert [name for name, _ in F._patterns_at("K")] == ["k", "u"]
    assert [name for name, _ in F._patterns_at("2")] == ["b", "q", "y"]
    assert F._patterns_at("x") == ()


def test_collector_state_restored():
    assert gc.isenabled()
    resolve_footnotes([("1", "Stb. 2018, 84.")])
    assert gc.isenabled()
    gc.disable()
    try:
        resolve_footnotes([("1", "Stb. 2018, 84.")])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_noise_scan_of_a_batch_matches_each_text_alone():
    """The texts that need cleaning are found by one scan over the batch; it must pick
    exactly the texts a search of each alone picks, also where a text ends in a letter and
    the next starts with a dash, or holds the separator itself."""
    rng = random.Random(9)
    texts = [t for _, t in SEED_FOOTNOTES] + TABLE_TEXTS + [_noisy(t, rng) for t in TABLE_TEXTS]
    texts += ["asiel", "- en migratie", "", "a\x00-b", "x", " ", "  ", "Kamer-", "stukken", "\u00ad",
              "tekst\x00", "-"]
    rng.shuffle(texts)
    assert F._noisy(texts) == [F._NOISE_ANY.search(t) is not None for t in texts]
    assert F._noisy([]) == []


def test_found_citation_pickles_as_itself():
    import pickle

    found = find_citations_many(TABLE_TEXTS)
    assert [_found(f) for f in pickle.loads(pickle.dumps(found))] == [_found(f) for f in found]
    assert [f.name for f in dataclasses.fields(F.FoundCitation)] == [
        "kind", "span", "text", "document", "dossier", "part", "pages", "pages_following", "url",
        "label", "short_form", "note", "problem", "same_kind"]  # the order __reduce__ gives


def _pid_and_square(n):
    import os

    return os.getpid(), n * n


def test_fork_stream_keeps_order_and_reads_ahead_only_a_little():
    import os

    from kamerxref.graph.parallel import fork_stream

    taken = []

    def items():
        for n in range(40):
            taken.append(n)
            yield n

    got = []
    for pid, square in fork_stream(_pid_and_square, items(), jobs=2, ahead=3):
        got.append(square)
        assert len(taken) <= len(got) + 3  # never the whole stream at once
        assert pid != os.getpid()  # computed in a worker
    assert got == [n * n for n in range(40)]
    # one item or one job: nothing forked
    assert [pid for pid, _ in fork_stream(_pid_and_square, [3], jobs=2)] == [os.getpid()]
    assert {pid for pid, _ in fork_stream(_pid_and_square, range(5), jobs=1)} == {os.getpid()}


def _random_texts(rng: random.Random, n: int) -> list[str]:
    alphabet = "aekrsntz -*_<[\n\u00a0\u00adKIZ.,:93"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14))) for _ in range(n)]


def test_noise_pattern_is_the_lookbehind_form():
    """``_NOISE_ANY`` writes ``(?<=[a-z])-`` as ``-(?<=[a-z]-)`` (for speed): the same
    matches at every start position."""
    import re

    plain = re.compile(F._NOISE_ANY.pattern.replace("|-(?<=[a-z]-)|", "|(?<=[a-z])-|"))
    assert plain.pattern != F._NOISE_ANY.pattern
    texts = _random_texts(random.Random(5), 20000) + TABLE_TEXTS
    for t in texts:
        for pos in range(0, len(t) + 1, 3):
            a, b = plain.search(t, pos), F._NOISE_ANY.search(t, pos)
            assert (a and a.span()) == (b and b.span()), (t, pos)


def test_trigger_trie_order_changes_nothing():
    """The trigger trie's branches are ordered by character frequency (for speed); the
    alternatives of a node start with different characters, so the scan finds what the
    alphabetical trie finds."""
    import re

    other = re.compile(F._trie(F.TRIGGER_WORDS, frequent_first=False))
    assert other.pattern != F._TRIGGER.pattern
    rng = random.Random(6)
    words = list(F.TRIGGER_WORDS)
    glued = ["".join(rng.choice(words + ["x", " ", "9"]) for _ in range(8)) for _ in range(3000)]
    text = "\n".join(TABLE_TEXTS + [t for _, t in SEED_FOOTNOTES] + glued)
    assert [m.span() for m in other.finditer(text)] == [m.span() for m in F._TRIGGER.finditer(text)]


#: Footnotes whose short forms point back at footnotes of full citations only (which the
#: streamed renderer keeps unmade): Idem after one, Zie noot to one, hetzelfde past many
#: of other kinds, an unreadable footnote naming the kind in between, a dossier cited
#: without pages, two sources before an Idem, and lines with nothing in them.
SHORT_FORMS = [
    "Idem.", "Idem, p. {p}.", "*Ibid.*", "Ibid., p. {p}.", "t.a.p., p. {p}", "Zie noot {n}.",
    "Zie noot {n}, p. {p}.", "hetzelfde Aanhangsel, p. {p}.", "Hetzelfde Aanhangsel.",
    "dezelfde Handelingen, p. {p}", "Hetzelfde Staatsblad.", "zie voetnoot {n}",
    "idem, bijlage, p. {p}", "Aanhangsel bij iets onleesbaars", "NOS, 3 mei 2024, iets.",
    "(stuk nr. {p})", "Kamerstukken II 2016-17, 2212, nr. 2292, p. {p}; idem, p. 3.",
    "Kamerstukken 35 687, p. {p}", "", "Kamerstukken I 2025/26, 36 871, O, p. 5 en bijlage, p. 4{p}.",
]


def _short_form_corpus(seed: int, n: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    full = [t for _, t in _corpus(seed, 40_000)] + [t for _, t in SEED_FOOTNOTES]
    out = []
    for i in range(n):
        if rng.random() < 0.4:
            text = rng.choice(SHORT_FORMS).format(p=rng.randint(1, 60), n=rng.randint(1, i + 3))
        else:
            text = rng.choice(full)
        out.append((str(i + 1), text))
    return out


def _pieces_plain(footnotes, found):
    return [("plain", number, [dataclasses.astuple(r) for r in records])
            for (number, _), records in zip(footnotes, found)]


def _pieces_one(number, text, cits, issues):
    return [("made", number, (_records([(cits, issues)])))]


@pytest.mark.parametrize("seed,batch,jobs", [(1, 1, 1), (2, 3, 2), (3, 17, 1), (4, 64, 2), (5, 1000, 1)])
def test_streamed_rendering_gives_the_results_of_one_sequence(seed, batch, jobs):
    """``render_footnotes_stream`` (``kamerxref cite -``): plain footnotes are rendered
    from their found records where they are read, and kept unmade; the others are
    resolved in order, pointing back at unmade ones across batches. Every footnote gets
    the citations and warnings ``resolve_footnotes`` gives the whole sequence, and a plain
    one's citations are copies of its found records."""
    from kamerxref.graph.citations.resolve import render_footnotes_stream

    footnotes = _short_form_corpus(seed, 1500)
    want = resolve_footnotes(footnotes, "<stdin>")
    batches = [footnotes[i:i + batch] for i in range(0, len(footnotes), batch)]
    got = [piece for pieces in render_footnotes_stream(batches, _pieces_plain, _pieces_one,
                                                       "<stdin>", jobs=jobs)
           for run in pieces for piece in run]
    assert [number for _, number, _ in got] == [number for number, _ in footnotes]
    plain = 0
    for (how, number, got_records), (cits, issues) in zip(got, want):
        if how == "plain":
            plain += 1
            assert not issues and [dataclasses.astuple(c)[:10] for c in cits] == [
                (r[0], r[3] or "", r[1], r[2], r[4], r[5], r[6], r[7], r[8], r[9]) for r in got_records]
            assert all(c.short_form is None and c.resolved_from is None for c in cits)
        else:
            assert got_records == _records([(cits, issues)]), number
    assert 0 < plain < len(footnotes)


#: Decimal digits other than 0-9 that ``\d`` matches: Arabic-Indic, fullwidth,
#: Devanagari; beside an en dash (a text that is not ASCII and has no such digit).
OTHER_DIGITS = ["Kamerstukken II 2022/23, ٢٩ ٦٢٨, nr. ١١٣٩.", "Kamerstukken I 2025/26, ３６ ８７１, O, p. ４０.",
                "Kamerstukken II 2019–2020, 35 300, nr. 1", "Stb. २०१८, 84 en 12 345",
                "Handelingen II 2019/20, 45, p. 7–8", "zie ٣٦٨٧١ en 36871", "café 12 345", ""]


@pytest.mark.parametrize("text", OTHER_DIGITS)
def test_digit_trigger_matches_what_backslash_d_matches(text):
    """A batch whose only decimal digits are 0-9 is scanned for digit candidates with a
    class of ten: the same candidates; one holding other decimal digits with ``\\d``."""
    got = F._digit_trigger(text)
    assert [m.span() for m in got.finditer(text)] == [m.span() for m in F._DIGIT_TRIGGER.finditer(text)]
    other = any(c.isdecimal() and not "0" <= c <= "9" for c in text)
    assert (got is F._DIGIT_TRIGGER) == other


def test_find_many_with_other_digits_matches_reference():
    texts = OTHER_DIGITS + [t for _, t in SEED_FOOTNOTES]
    for batch in (texts, texts[2:3], OTHER_DIGITS[:2]):
        assert [_found(f) for f in find_citations_many(batch)] == [
            _found(find_citations_reference(t)) for t in batch]


def _running_texts() -> list[str]:
    """Letter-like paragraphs: the seed letters' lines, and table citations glued into
    prose (each longer than RUNNING_TEXT characters)."""
    seeds = [line for path in BENCH.SEEDS for line in path.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(8)
    prose = ("De minister heeft de Kamer geïnformeerd over de voortgang, zie ook de brief van "
             "vorig jaar en het besluit dat daarop volgde; idem de uitvoeringsverordening. ")
    glued = [prose + " ".join(rng.sample(TABLE_TEXTS, 3)) + " " + prose for _ in range(300)]
    return seeds + glued


def test_trigger_starts_are_the_trie_scan():
    """:func:`F._trigger_starts` (a scan per first letter, then the non-overlapping
    matches kept from the left) finds exactly the candidates of one ``_TRIGGER``
    scan, also where trigger words overlap or are glued to each other and to words
    (``ibidem`` holds ``idem``, ``xGedelegeerde Verordening``, ``Aanhangsel Handelingen``,
    ``Eclibidem``)."""
    rng = random.Random(9)
    words = list(F.TRIGGER_WORDS)
    glued = ["".join(rng.choice(words + ["x", " ", "9", "e", "ibid", "Id", "kader", "uitvoerings", "de"])
                     for _ in range(30)) for _ in range(3000)]
    # a match of another group ends inside the first of two overlapping ones: "Ecli" ends
    # inside "ibidem", so "idem" in it is a candidate (found only by the per-start search)
    overlapping = ["Eclibidem", "Eclibidem, p. 3", "Dezelfdezelfdecision", "Hetzelfdezelfdezelfde",
                   "Ibidezelfdecision", "zie Eclibidem en Hetzelfdezelfde Aanhangsel"]
    texts = overlapping + _running_texts() + TABLE_TEXTS + [t for _, t in SEED_FOOTNOTES] + glued
    for text in texts + ["\n".join(texts)]:
        assert F._trigger_starts(text) == [m.start() for m in F._TRIGGER.finditer(text)], text


def test_find_many_on_running_text_matches_reference():
    """Batches of long texts take the per-letter trigger scan: the same records."""
    texts = _running_texts()
    assert sum(map(len, texts)) > F.RUNNING_TEXT * len(texts)
    got = find_citations_many(texts)
    assert sum(map(len, got)) > 300
    assert [_found(f) for f in got] == [_found(find_citations_reference(t)) for t in texts]


def test_trigger_starts_on_realdocs(realdocs):
    """The 16 real documents, whole and line by line (paragraphs of prose, KOOP XML,
    OCR'd Kamerstukken): the per-letter scan finds the trie scan's candidates, and
    their paragraphs give the reference path's records."""
    for path in sorted(realdocs.glob("*.*")):
        if path.suffix not in (".txt", ".xml"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        assert F._trigger_starts(text) == [m.start() for m in F._TRIGGER.finditer(text)], path.name
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        assert [_found(f) for f in find_citations_many(paragraphs)] == [
            _found(find_citations_reference(p)) for p in paragraphs], path.name


def test_noise_starts_are_the_trigger_scan():
    """The cleaner's noise starts, from one scan per alternative of ``_NOISE_TRIGGER``,
    are its ``finditer`` starts (runs of spaces, dashes, markup next to each other)."""
    texts = _random_texts(random.Random(10), 20000) + TABLE_TEXTS + _running_texts() + [
        "a  -  b", "   x    y", "*Kamer-\n stukken*  [E2](#)", "<sup>1</sup>  _x_ -- \u00ad"]
    for t in texts:
        assert F._noise_starts(t) == [m.start() for m in F._NOISE_TRIGGER.finditer(t)], t


# --------------------------------------------------------------------------- plain Kamerstuk
# The one-match path of the most common footnote (find._plain_kamerstuk) against the
# reference path: lines of its forms, each with at most one part swapped for a near miss
# (where the two paths could part ways).
_VALID = {
    "prefix": ["", "Zie ", "Zie ook "],
    "em": ["", "*"],
    "head": ["Kamerstukken", "Kamerstuk"],
    "chamber": ["I", "II"],
    "year": ["2025/26", "2024-2025", "", "1999/00"],
    "dossier": ["36 871", "36871", "25202"],
    "paper": ["nr. 5", "nr. 1139", "O", "BM"],
    "part": ["", ", bijlage"],
    "pages": ["", ", p. 40", ", blz. 4", ", p. 2-3", ", p. 8550-29", ", p. 3\u20131",
              ", p. 12 en 13", ", p. 5 e.v."],
    "end": ["", "."],
}
_NEAR = {
    "prefix": ["zie ", "Zie  ", "Zie ook: ", "Vgl. "],
    "em": ["_", "**", "*_"],
    "head": ["kamerstukken", "Kamerstukken,", "Kamerstukkken"],
    "chamber": ["III", "", "1"],
    "year": ["2025/27", "2025/2026", "2025", "2019-20", "2025/26,"],
    "dossier": ["3687", "368712", "36 200 VI", "21 501-08", "36  871", "36 87 1"],
    "paper": ["nrs. 5 en 6", "ABC", "nr. 0", "nr. 05", "nr 5", "o", "Oo", "nr. 5 (herdruk)"],
    "part": [", Bijlage", ", bijlage 2", ", bijlage,", ", bijlagen"],
    "pages": [", p. 0", ", p. 04", ", p. 1234567", ", p.40", ", pag. 4", ", p. 5 e.v..",
              ", p. 12 en Kamerstukken I 2025/26, 36 871, O, p. 2", ", p. 5-", ", p. 5 en"],
    "end": [". ", ".*", ";", " (motie)", "; idem, p. 7.", ".."],
}


def _plain_line(p: dict[str, str]) -> str:
    em, chamber, year = p["em"], p["chamber"], p["year"]
    head = p["head"] + (f" {chamber}" if chamber else "")
    if year:
        head += f" {year}"
    if em:
        head = f"{em}{head}{em[::-1]}"
    return f"{p['prefix']}{head}, {p['dossier']}, {p['paper']}{p['part']}{p['pages']}{p['end']}"


@st.composite
def _plain_citation(draw) -> str:
    parts = {k: draw(st.sampled_from(v)) for k, v in _VALID.items()}
    swap = draw(st.sampled_from([None, None, *_NEAR]))
    if swap is not None:
        parts[swap] = draw(st.sampled_from(_NEAR[swap]))
    return _plain_line(parts)


@st.composite
def _plain_lines(draw) -> str:
    """One citation, or two or three joined as footnotes join them (``; ``, `` en ``) or
    nearly (``, ``, ``;``, `` en ook ``, ``. ``)."""
    line = draw(_plain_citation())
    for _ in range(draw(st.sampled_from([0, 0, 1, 1, 2]))):
        join = draw(st.sampled_from(["; ", " en ", "; ", " en ", ", ", ";", " en ook ", ". ", "; zie ook "]))
        line = line.removesuffix(".") + join + draw(_plain_citation())
    return line


@settings(max_examples=600, deadline=None)
@given(st.lists(_plain_lines(), min_size=1, max_size=6))
def test_plain_kamerstuk_matches_reference(lines):
    reference = [_found(find_citations_reference(t)) for t in lines]
    assert [_found(f) for f in find_citations_many(lines)] == reference
    assert [_found(find_citations(t)) for t in lines] == reference


def test_plain_kamerstuk_takes_the_common_forms():
    """The forms the one-match path is for do take it (and give the reference's records)."""
    lines = ["Kamerstukken II 2023/24, 36 410, nr. 5, p. 3.",
             "Zie ook *Kamerstukken I 2025/26*, 36 871, O, bijlage, p. 40.",
             "Kamerstuk II 25202, nr. 771.", "Kamerstukken I 2024-2025, 36 486, B, blz. 36 e.v..",
             "Kamerstukken I 2024/25, 36 306, E, p. 8550-29.",
             "Kamerstukken I 2023/24, 36 715, Q, p. 47 e.v.; Kamerstukken I 2023/24, 36 715, Q, p. 4.",
             "Kamerstukken II 2024/25, 36251, nr. 70, p. 15 en Kamerstukken II 2024/25, 36251, nr. 70, p. 43."]
    for line in lines:
        assert F._plain_kamerstuk(line) is not None, line
        assert _found(F._plain_kamerstuk(line)) == _found(find_citations_reference(line))
    assert [f.kind for f in F._plain_kamerstuk(lines[4])] == ["kamerstuk", "malformed"]
    assert [f.pages for f in F._plain_kamerstuk(lines[-1])] == [(15,), (43,)]
    corpus = [t for _, t in _corpus(4, 20_000)]
    taken = sum(F._plain_kamerstuk(t) is not None for t in corpus)
    assert taken > len(corpus) // 3  # most footnotes of the benchmark's generated corpus
    assert [_found(f) for f in find_citations_many(corpus)] == [
        _found(find_citations_reference(t)) for t in corpus]


def test_short_form_copy_is_replace():
    """``_from_short`` builds the copy field by field: the same as ``dataclasses.replace``
    (a field added to Citation, or moved, makes this fail rather than shift values)."""
    from kamerxref.graph.citations.resolve import _from_short
    from kamerxref.graph.model import Citation
    target = Citation(*[f"value-{f.name}" for f in dataclasses.fields(Citation)])
    for fc in F.find_citations("Idem, p. 18.") + F.find_citations("Idem.") + F.find_citations(
            "Zie noot 4, bijlage."):
        pages, following = (fc.pages, fc.pages_following) if fc.pages else (target.pages,
                                                                           target.pages_following)
        assert _from_short(fc, target, "3") == dataclasses.replace(
            target, span=fc.span, text=fc.text, part=fc.part or target.part, pages=pages,
            pages_following=following, short_form=fc.short_form, resolved_from="3", how="footnote")
