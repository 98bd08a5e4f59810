"""Property-based tests (hypothesis) over every reader and the citation engine (issue 15):
whatever the bytes, a reader gives Letters or one :class:`InputError` of one line; the text
reader accounts for every word; the citation engine never raises and its spans stay in the
text; time grows linearly in the size of the input. ``CI=true`` keeps the example counts
small (the atheris harnesses in ``benchmarks/fuzz_*.py`` are the long runs)."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hostile_corpus as C
from kamerxref.graph.readers import InputError, read_file_all
from kamerxref.graph.readers.base import decode_bytes, scrub_controls
from kamerxref.graph.readers.text import account, read_text

CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
FEW = settings(max_examples=15 if CI else 60, deadline=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                      HealthCheck.data_too_large])

# Pieces of real letters, so that random combinations reach deep into the reader.
PIECES = [
    "# Eerste Kamer der Staten-Generaal", "datum 23 juni 2026", "ons kenmerk 181524",
    "betreft Kabinetsappreciatie", "Geachte heer Van den Brink,", "Hoogachtend,",
    "## Vragen en opmerkingen van de leden van de fractie van D66",
    "### Europese samenwerking", "De leden van de fractie van JA21 hebben de volgende vragen.",
    "1. Kan de regering aangeven hoe dit werkt?", "2) Waarom niet?", "- het non-refoulement;",
    "Deze leden vragen de regering of zij kan toelichten hoe.<sup>1</sup>", "---", "blad 2",
    "<sup>1</sup> Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40.", "<sup>2</sup> Idem, p. 18.",
    "[^3]: COM(2026)45", "³ Stb. 2018, 84", "**vet**", "__ook__", "*schuin*", "E dossier [E260010](#).",
    "PS: Nog een vraag?", "Voorzitter van de vaste commissie voor Immigratie en Asiel/JBZ-Raad",
    "&amp; &regio <b>x</b>", "Vraag 1", "Antwoord op vraag 1", "", "   ",
]
line = st.one_of(st.sampled_from(PIECES), st.text(max_size=80),
                 st.builds(lambda a, b: a + b, st.sampled_from(PIECES), st.text(max_size=20)))
letters_text = st.lists(line, max_size=40).map("\n".join)


@FEW
@given(letters_text)
def test_text_reader_reads_or_refuses_and_accounts_for_every_word(text):
    try:
        letter = read_text(text, "x.txt")
    except InputError as err:
        assert "\n" not in str(err)
        return
    assert account(letter, text) == []
    for q in letter.questions:
        para = letter.paragraphs[q.paragraph]
        assert 0 <= q.start <= q.end <= len(para.text)
    for p in letter.paragraphs:
        for m in p.markers:
            assert 0 <= m.offset <= len(p.text)


@FEW
@given(st.binary(max_size=3000))
def test_decode_bytes_gives_text_or_one_line_error(data):
    try:
        text, issues = decode_bytes(data, "x.txt")
    except InputError as err:
        assert "\n" not in str(err)
        return
    assert "\x00" not in text and "\x1b" not in text and "\r" not in text
    text.encode("utf-8")


EXTENSIONS = [".txt", ".md", ".xml", ".docx", ".pdf", ""]


@FEW
@given(data=st.binary(max_size=4000), ext=st.sampled_from(EXTENSIONS))
def test_every_reader_reads_or_refuses_any_bytes(tmp_path_factory, data, ext):
    p = tmp_path_factory.mktemp("any") / f"input{ext}"
    p.write_bytes(data)
    try:
        letters = read_file_all(p)
    except InputError as err:
        assert "\n" not in str(err) and str(err).startswith(str(p))
        return
    assert letters


@FEW
@given(data=st.data(), case=st.sampled_from(sorted(n for n in C.CASES if "bomb" not in n and "pdf" not in n)))
def test_mutated_corpus_files_read_or_refuse(tmp_path_factory, data, case):
    """The regression corpus, with bytes flipped, cut and inserted: still a Letter or one
    InputError (the DOCX cases exercise the zip and XML paths)."""
    raw = bytearray(C.CASES[case]()[:20000])
    for _ in range(data.draw(st.integers(0, 8))):
        op = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        i = data.draw(st.integers(0, max(0, len(raw) - 1)))
        if op == "flip" and raw:
            raw[i] ^= data.draw(st.integers(1, 255))
        elif op == "cut":
            del raw[i:i + data.draw(st.integers(1, 64))]
        else:
            raw[i:i] = data.draw(st.binary(min_size=1, max_size=32))
    p = tmp_path_factory.mktemp("mut") / case
    p.write_bytes(bytes(raw))
    try:
        read_file_all(p)
    except InputError as err:
        assert "\n" not in str(err)


@FEW
@given(start=st.text(max_size=30), ilvl=st.text(max_size=5), fmt=st.sampled_from(
    ["decimal", "lowerRoman", "upperRoman", "lowerLetter", "upperLetter", "bullet", "x"]))
def test_docx_numbering_attributes_never_raise(tmp_path_factory, start, ilvl, fmt):
    from xml.sax.saxutils import quoteattr

    numbering = C.numbering("1", fmt, "0").replace('w:val="1"/>', f"w:val={quoteattr(start)}/>", 1)
    numbering = numbering.replace('w:ilvl="0"', f"w:ilvl={quoteattr(ilvl)}", 1)
    p = tmp_path_factory.mktemp("docx") / "n.docx"
    p.write_bytes(C.docx(numbering, C.LETTER_PARAS))
    try:
        read_file_all(p)
    except InputError as err:
        assert "\n" not in str(err)


@FEW
@given(st.lists(st.one_of(st.text(max_size=120), st.sampled_from([
    "Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40.", "Idem, p. 18.", "Ibid.", "t.a.p.",
    "COM(2026)45", "Stb. 2018, 84", "ECLI:NL:HR:2020:1", "Zie noot 4", "Handelingen II 2019/20, 45, p. 7",
    "Kamerstukken II 2022/23, 29628, nr. 1139.", "((((((((", "p. " + "1-" * 50])), max_size=12))
def test_citation_engine_never_raises_and_spans_stay_in_the_text(lines):
    from kamerxref.graph.citations import resolve_footnotes

    numbered = [(str(i + 1), t) for i, t in enumerate(lines)]
    for (_, text), (cits, warnings) in zip(numbered, resolve_footnotes(numbered, "x")):
        for c in cits:
            assert 0 <= c.span[0] <= c.span[1] <= len(text)
            assert c.document


@FEW
@given(st.text(max_size=200))
def test_csv_cells_never_start_a_formula(text):
    from kamerxref.exporters.tables import FORMULA_START, iter_csv

    import csv
    import io

    out = "".join(iter_csv([{"text": text}], ["text"]))
    [row] = list(csv.DictReader(io.StringIO(out, newline="")))
    assert not row["text"].startswith(FORMULA_START)


@FEW
@given(st.text(max_size=200))
def test_printable_is_one_line_of_valid_utf8(text):
    from kamerxref.graph.model import printable

    out = printable(text)
    out.encode("utf-8")
    assert "\n" not in out and "\x1b" not in out and "\r" not in out
    assert scrub_controls(text).__len__() == len(text)


@FEW
@given(st.text(max_size=200))
def test_plain_text_has_nothing_to_scrub_or_count(text):
    """decode_bytes skips the binary count and the scrub for text that is_plain_text
    clears: it must hold no character either would look at."""
    from kamerxref.graph.readers.base import _is_bad_char, _looks_binary, is_plain_text

    if is_plain_text(text):
        assert scrub_controls(text) is text and not any(_is_bad_char(c) for c in text)
    else:
        assert any(_is_bad_char(c) for c in text) or any(ord(c) >= 0x3000 for c in text)
    assert _looks_binary(text) == _looks_binary_counted(text)


@pytest.mark.parametrize("context", ["{}", "a{}b", "Geachte heer,\n\t{}\r\n’s-Gravenhage – € 5"])
def test_plain_text_is_the_character_class_over_every_character(context):
    """is_plain_text drops the plain ASCII bytes first and tries the class on the rest:
    the same answer as the class over the whole text, for each code point below U+3100
    and each lone surrogate, and for every run of 64 code points above (private use,
    unassigned, scripts above U+2FFF included)."""
    from kamerxref.graph.readers.base import _NOT_PLAIN, is_plain_text

    singles = [chr(c) for c in [*range(0x3100), *range(0xD800, 0xE000)]]
    runs = ["".join(map(chr, range(c, min(c + 64, 0x110000)))) for c in range(0x3100, 0x110000, 64)]
    for piece in singles + runs:
        text = context.format(piece)
        assert is_plain_text(text) is (_NOT_PLAIN.search(text) is None), repr(piece[:3])


def _looks_binary_counted(text):
    """The binary check without its plain-text shortcut (as it was)."""
    from kamerxref.graph.readers.base import _is_bad_char

    sample = text[:65536]
    bad = [c for c in set(sample) if _is_bad_char(c)]
    if bad and sum(sample.count(c) for c in bad) > max(8, len(sample) // 20):
        return min(sample.index(c) for c in bad)
    return None


@settings(max_examples=4 if CI else 10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=" \t!.?*_#-1a<>[]()", min_size=1, max_size=6))
def test_text_reader_time_is_linear_in_a_repeated_piece(piece):
    """Any short piece repeated in a letter's body: 4x the repetitions may cost at most
    10x the time (the growth tests of tests/test_hostile_regex.py, through the reader)."""
    def cost(n):
        text = C.letter_with(piece * n).decode("utf-8")
        best = float("inf")
        for _ in range(3):
            t0 = time.process_time()
            try:
                read_text(text, "x.txt")
            except InputError:
                pass
            best = min(best, time.process_time() - t0)
        return best

    n = max(200, 1200 // len(piece))
    small, large = cost(n), cost(4 * n)
    if large / max(small, 2e-3) > 10:
        small, large = cost(n), cost(4 * n)
    assert large / max(small, 2e-3) <= 10, (piece, small, large)
