"""Nothing silently dropped: every word of the input is accounted for.

:func:`kamerxref.graph.readers.text.account` compares the multiset of word tokens of
the input (markdown and marker syntax removed) with the tokens of what the reader
produced: paragraphs (and so every question and non-question paragraph, with item
numbers and footnote marker numbers), section headings, footnotes (number and text) and
skipped blocks (letterhead, salutation, page headers, rules). A word the reader drops
shows up as ``-word``, a word it duplicates (say, a page header left inside a joined
paragraph *and* recorded as skipped) as ``+word``.
"""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from kamerxref.graph.model import Paragraph, SkippedBlock
from kamerxref.graph.readers import InputError
from kamerxref.graph.readers.text import account, read_text, read_text_file, tokens
from test_reader_text import VARIANTS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "data").glob("*.txt"))


def test_there_are_seeds():
    assert [p.name for p in SEEDS] == ["000_b50105430c9bb7d0.txt", "002_7ac5984d77b17826.txt"]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seeds_fully_accounted(path):
    text = path.read_text(encoding="utf-8")
    letter = read_text_file(path)
    assert account(letter, text) == []
    # and the count is not trivially satisfied: the seeds have thousands of tokens
    assert len(tokens(text)) > 1000


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variants_fully_accounted(name):
    text = VARIANTS[name]
    assert account(read_text(text, f"{name}.txt"), text) == []


def test_tokens_ignore_markup_only():
    assert tokens("De leden van de fractie van **D66**.<sup>2</sup>") == [
        "De", "leden", "van", "de", "fractie", "van", "D66", "2"]
    assert tokens("E dossier [E260010](#).") == ["E", "dossier", "E260010"]
    assert tokens("### *Financiële onderbouwing*") == ["Financiële", "onderbouwing"]
    assert tokens("regio.² Verder") == ["regio", "2", "Verder"]


@pytest.fixture()
def seed():
    path = SEEDS[0]
    return read_text_file(path), path.read_text(encoding="utf-8")


def test_detects_a_dropped_paragraph(seed):
    letter, text = seed
    broken = copy.deepcopy(letter)
    dropped = broken.paragraphs.pop(13)  # JA21 item 3
    missing = account(broken, text)
    assert "-evaluatie" in missing and "-gelijkgezinde" in missing
    assert all(m.startswith("-") for m in missing)
    assert len(missing) == len(tokens(dropped.text)) + 1 + 1  # + item number + marker 16


def test_detects_a_dropped_footnote_and_header(seed):
    letter, text = seed
    broken = copy.deepcopy(letter)
    broken.footnotes = [f for f in broken.footnotes if f.number != "22"]
    broken.skipped = [b for b in broken.skipped if not b.text.endswith("blad 4")]
    missing = account(broken, text)
    assert "-bijlage" in missing and "-blad" in missing and "-4" in missing


def test_detects_duplicated_text(seed):
    letter, text = seed
    broken = copy.deepcopy(letter)
    # a reader that leaves the page header inside the joined paragraph AND reports it
    p = broken.paragraphs[3]
    broken.paragraphs[3] = Paragraph(p.index, p.kind, p.text.replace(
        "samenwerkingsverbanden aan te gaan?",
        "samenwerkingsverbanden datum 23 juni 2026 ons kenmerk 181524 blad 2 aan te gaan?"),
        p.section, p.line)
    extra = account(broken, text)
    assert "+blad" in extra and "+kenmerk" in extra and "+181524" in extra
    broken = copy.deepcopy(letter)
    broken.skipped.append(SkippedBlock(1, "datum 23 juni 2026", "page-header"))
    assert sorted(account(broken, text)) == ["+2026", "+23", "+datum", "+juni"]


def test_realdocs_never_crash_and_lose_nothing(realdocs):
    """The reader does not claim the real documents (answers to Kamervragen, XML, OCR
    pages: other readers handle those), but on any text it must either read it without
    losing a word or refuse it with one line -- never a traceback."""
    files = sorted(p for p in realdocs.iterdir() if p.is_file() and p.suffix == ".txt")
    assert files
    for path in files:
        try:
            letter = read_text_file(path)
        except InputError as err:  # pragma: no cover - none of them is refused today
            assert "\n" not in str(err)
            continue
        text = path.read_bytes().decode("utf-8-sig")
        assert account(letter, text) == [], path.name
        for w in letter.warnings:
            assert "\n" not in str(w) and str(w).startswith(str(path))


INSERTS = ["\n\n", "\n---\n", "\n\ndatum 23 juni 2026\n\nons kenmerk 181524\n\nblad 9\n\n",
           "\n- ", "\n1. ", "**", "<sup>7</sup>", "\n<sup>8</sup> Idem, p. 3.\n", "\n### ", "  "]


def _mutations(n: int, seed: int = 20260623, sources: list[str] | None = None,
               inserts: list[str] = INSERTS):
    """Deterministic damaged letters: lines deleted, shuffled or repeated, and page
    noise, markers, bullets and headings inserted at random places."""
    import random

    rng = random.Random(seed)
    if sources is None:
        sources = [p.read_text(encoding="utf-8") for p in SEEDS] + list(VARIANTS.values())
    for _ in range(n):
        text = rng.choice(sources)
        lines = text.split("\n")
        op = rng.randrange(4)
        if op == 0:
            for _ in range(rng.randrange(1, 10)):
                del lines[rng.randrange(len(lines))]
        elif op == 1:
            rng.shuffle(lines)
        elif op == 2:
            for _ in range(rng.randrange(1, 10)):
                lines.insert(rng.randrange(len(lines)), lines[rng.randrange(len(lines))])
        else:
            for _ in range(rng.randrange(1, 6)):
                k = rng.randrange(len(text))
                text = text[:k] + rng.choice(inserts) + text[k:]
            lines = text.split("\n")
        yield "\n".join(lines)


def test_damaged_letters_never_crash_and_lose_nothing():
    failures = []
    for i, text in enumerate(_mutations(400)):
        try:
            letter = read_text(text, f"damaged-{i}.txt")
        except InputError:
            continue
        acc = account(letter, text)
        if acc:
            failures.append((i, acc[:5]))
        for w in letter.warnings:
            assert "\n" not in str(w)
    assert failures == []


@pytest.mark.parametrize("text", [
    "# Eerste Kamer der Staten-Generaal²",                 # found by hypothesis (test_hostile_properties)
    "## Vragen van de fractie van D66<sup>3</sup>\n",
    "Tekst.\n\n## Slot¹",                                  # a final heading after a paragraph
])
def test_a_marker_in_a_heading_with_no_paragraph_after_it_is_kept(text):
    letter = read_text(text, "x.txt")
    assert account(letter, text) == []
    if "Tekst" not in text:
        assert any(w.code == "marker-without-paragraph" for w in letter.warnings)
