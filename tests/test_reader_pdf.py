"""The PDF reader (graph/readers/pdf.py) on PDFs printed from the seeds by headless chromium.

The round trip is the test: seed text -> HTML with one A4 page per seed page (letterhead,
running headers, ``<sup>`` markers, footnotes in 8 pt at the page bottom; see
``pdf_fixtures.py``) -> PDF -> :func:`read_pdf` must give the same letter model, after the
citation engine and attribution, as reading the seed text itself.
"""
from __future__ import annotations

import dataclasses
import json
import re
import shutil
import sys

import pytest
from click.testing import CliRunner

from conftest import SEED_000, SEED_002
from pdf_fixtures import (blank_html, chromium_available, encrypted_pdf, features_html,
                          print_pdf, scanned_html, seed_pages, seed_pdf)

from kamerxref.graph.pipeline import process
from kamerxref.graph.readers import InputError, detect_format, read_file, read_letters
from kamerxref.graph.readers.text import read_text_file

pdfplumber = pytest.importorskip(
    "pdfplumber", reason="the PDF reader needs pdfplumber: pip install 'kamerxref[pdf]'")

from kamerxref.graph.readers.pdf import INSTALL_HINT, pdf_to_text, read_pdf, sniff_pdf  # noqa: E402

needs_chromium = pytest.mark.skipif(
    not chromium_available(), reason="test PDFs are printed by /usr/bin/chromium, not installed")


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory):
    """The test PDFs, printed once per session: both seeds, the feature page, an empty
    page, an image-only page and an encrypted PDF."""
    if not chromium_available():
        pytest.skip("test PDFs are printed by /usr/bin/chromium, not installed")
    d = tmp_path_factory.mktemp("pdfs")
    return {
        "000": seed_pdf(SEED_000, d / "181524.pdf"),
        "002": seed_pdf(SEED_002, d / "180760.pdf"),
        "features": print_pdf(features_html(), d / "features.pdf"),
        "blank": print_pdf(blank_html(), d / "blank.pdf"),
        "scanned": print_pdf(scanned_html(), d / "scanned.pdf"),
        "encrypted": encrypted_pdf(d / "encrypted.pdf"),
    }


@pytest.fixture(scope="session")
def pairs(pdfs):
    """(from text, from PDF), both through the whole pipeline (read, resolve, attribute)."""
    return {
        key: (process(read_text_file(seed)), process(read_pdf(pdfs[key])))
        for key, seed in (("000", SEED_000), ("002", SEED_002))
    }


def record(obj):
    """A model object as plain data without ``line`` and ``source`` (they name the file
    and lines of the input, which differ between the text and the PDF)."""
    def strip(x):
        if isinstance(x, dict):
            return {k: strip(v) for k, v in x.items() if k not in ("line", "source")}
        if isinstance(x, (list, tuple)):
            return [strip(v) for v in x]
        return x
    return strip(dataclasses.asdict(obj))


_RESIDUE = re.compile(r"\[([^\[\]]*)\]\(#?\)")


# ------------------------------------------------------------------ round trip


@needs_chromium
@pytest.mark.parametrize("key", ["000", "002"])
def test_same_questions(pairs, key):
    text, pdf = pairs[key]
    assert len(pdf.questions) == len(text.questions) == {"000": 45, "002": 15}[key]
    for a, b in zip(text.questions, pdf.questions):
        assert record(b) == record(a)  # text, number, fracties, section, cites, offsets
    assert [record(s) for s in pdf.sections] == [record(s) for s in text.sections]
    assert [record(p) for p in pdf.paragraphs] == [record(p) for p in text.paragraphs]


@needs_chromium
def test_same_attribution_and_letter_cites(pairs):
    for key in ("000", "002"):
        text, pdf = pairs[key]
        assert [record(a) for a in pdf.attributions] == [record(a) for a in text.attributions]
        assert [record(c) for c in pdf.cites] == [record(c) for c in text.cites]
        assert [record(c) for c in pdf.about] == [record(c) for c in text.about]
    text, pdf = pairs["000"]
    ja21_1 = next(q for q in pdf.questions if q.number == "1")
    assert [(c.target, c.how, c.footnotes) for c in ja21_1.cites] == [
        ("kst-36871-O/p4", "direct", ("14",))]


@needs_chromium
def test_same_footnotes_and_citations_000(pairs):
    text, pdf = pairs["000"]
    assert [f.number for f in pdf.footnotes] == [str(n) for n in range(1, 26)]
    for a, b in zip(text.footnotes, pdf.footnotes):
        assert record(b) == record(a)  # text (emphasis kept), marker, every citation field
    fn = {f.number: f for f in pdf.footnotes}
    assert fn["4"].text == "*Kamerstukken I 2025/26*, 36 871, O, bijlage, p. 41."
    assert (fn["3"].citations[0].document, fn["3"].citations[0].part,
            fn["3"].citations[0].pages) == ("kst-36871-O", "bijlage", (18,))


@needs_chromium
def test_footnotes_002_differ_only_by_link_residue(pairs):
    """Seed 002 writes ``E dossier [E260010](#).``: the ``(#)`` is residue of a link that
    lost its target in the PDF-to-text conversion. The printed PDF shows the words
    ``E dossier E260010.``; the citation is the same, its span the shorter text."""
    text, pdf = pairs["002"]
    assert [(f.number, f.text) for f in pdf.footnotes] == [
        (f.number, _RESIDUE.sub(r"\1", f.text)) for f in text.footnotes]
    assert pdf.footnotes[0].text == "E dossier E260010."
    for a, b in zip(text.footnotes, pdf.footnotes):
        ra, rb = record(a), record(b)
        for cit in ra["citations"] + rb["citations"]:
            cit["text"] = _RESIDUE.sub(r"\1", cit["text"])
            del cit["span"]
        ra["text"] = _RESIDUE.sub(r"\1", ra["text"])
        assert rb == ra
    assert pdf.footnotes[1].citations[0].pages == (2, 3)


@needs_chromium
@pytest.mark.parametrize("key", ["000", "002"])
def test_same_metadata(pairs, key):
    text, pdf = pairs[key]
    fields = ("kind", "chamber", "kenmerk", "datum", "datum_raw", "betreft", "committee",
              "committee_abbr", "addressee_function", "addressee_name", "chair",
              "chair_function", "term_raw", "deadline", "fracties")
    assert {f: getattr(pdf, f) for f in fields} == {f: getattr(text, f) for f in fields}
    assert pdf.warnings == text.warnings == []
    if key == "000":
        assert (pdf.kenmerk, pdf.datum.isoformat(), pdf.deadline.isoformat(), pdf.chair,
                pdf.addressee_name) == ("181524", "2026-06-23", "2026-07-21",
                                        "A.W.J.A. van Hattem", "G. van den Brink")


@needs_chromium
def test_page_headers_removed_and_split_paragraphs_joined(pairs):
    _, pdf = pairs["000"]
    headers = [s.text for s in pdf.skipped if s.reason == "page-header"]
    assert headers == [f"datum 23 juni 2026\nons kenmerk 181524\nblad {n}" for n in range(2, 7)]
    for p in pdf.paragraphs:
        assert "ons kenmerk" not in p.text and not re.search(r"\bblad \d", p.text)
    texts = [q.text for q in pdf.questions]
    # a sentence split by the break after page 1
    assert ("Welke criteria neemt de regering in acht om te bepalen met welke landen – ervan "
            "uitgaande dat deze landen de verplichte mensenrechten in acht nemen – gepoogd "
            "wordt samenwerkingsverbanden aan te gaan?") in texts
    # numbered item 3, split after page 3 (page 4 goes on with "- dit moment ...")
    item3 = next(q for q in pdf.questions if q.number == "3")
    assert "bereidt zij op dit moment reeds voor" in item3.text
    assert item3.text.endswith("bij gelijkgezinde lidstaten?")


@needs_chromium
def test_text_form_of_the_pdf(pdfs):
    """What the reader hands to read_text: letterhead lines kept apart, a heading in
    bold, a wrapped bold heading joined, markers as <sup>, emphasis kept, a line-end
    hyphen joined both ways, drawn bullets as "- ", the footnote area after a rule."""
    text = pdf_to_text(pdfs["000"])
    lines = text.split("\n")
    for expected in [
        "# Eerste Kamer der Staten-Generaal",
        "Minister van Asiel en Migratie",
        "De heer G. van den Brink",
        "datum 23 juni 2026",
        "ons kenmerk 181524",
        "## Vragen en opmerkingen van de leden van de fractie van D66",
        "## Vragen en opmerkingen van de leden van de fractie van Volt, mede namens de leden "
        "van de fractie van de PvdD",
        "- veilige-derde-landpartnerschappen;",
        "<sup>4</sup> *Kamerstukken I 2025/26*, 36 871, O, bijlage, p. 41.",
        "blad 6",
    ]:
        assert expected in lines, expected
    assert "kennisgenomen van uw brief van 22 mei 2026<sup>1</sup> waarbij" in text
    assert "de fractie van **D66** wensen" in text
    assert "veilige-derde-land-constructies" in text  # wrapped after "land-"
    assert "asiel- en migratiebeleid" in text
    assert text.count("\n---\n") == 6


@needs_chromium
def test_features_page(pdfs):
    """Italic topic heading, ``•`` bullets, a footnote with an italic citation wrapped over
    two lines, a footnote number without superscript, and warnings that name the page."""
    text = pdf_to_text(pdfs["features"])
    assert "### *Terugkeerbeleid*" in text.split("\n")
    assert "Kan de regering aangeven:\n- hoeveel terugkeerhubs er zijn;\n- welke landen daaraan meedoen?" in text
    letter = read_pdf(pdfs["features"])
    assert [s.heading for s in letter.sections] == ["Terugkeerbeleid"]
    assert [(f.number, f.text) for f in letter.footnotes] == [
        ("1", "Zie *Kamerstukken I 2025/26, 36 871, O, bijlage, p. 40*, met een toelichting."),
        ("2", "Idem, p. 18.")]
    assert len(letter.questions) == 2
    missing = next(w for w in letter.warnings if "marker 9 has no footnote body" in w.message)
    assert missing.where.startswith("page 1 (line ") and missing.where.endswith(", footnote 9")


# ------------------------------------------------------------------ errors and detection


@needs_chromium
def test_detected_by_content_and_read_from_folders(pdfs, tmp_path):
    odd = tmp_path / "brief.bin"
    shutil.copy(pdfs["002"], odd)
    assert detect_format(odd) == "pdf"
    assert read_file(odd).kenmerk == "180760"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(pdfs["000"], folder / "181524.pdf")
    (folder / "kapot.pdf").write_text("Geachte heer,\n", encoding="utf-8")
    letters, issues = read_letters([folder])
    assert [le.kenmerk for le in letters] == ["181524"]
    assert [(i.code, i.message) for i in issues] == [
        ("unreadable", "not a PDF (no %PDF- header), although named .pdf")]


@needs_chromium
@pytest.mark.parametrize("key, message", [
    ("blank", "no text layer: its only page is empty"),
    ("scanned", "no text layer (scanned PDF?): its page holds only images; run OCR first"),
    ("encrypted", "encrypted PDF: a password is needed to read it"),
])
def test_unreadable_pdfs(pdfs, key, message):
    with pytest.raises(InputError) as err:
        read_file(pdfs[key])
    assert err.value.message == message
    assert str(err.value) == f"{pdfs[key]}: {message}"


@pytest.mark.parametrize("content, message", [
    (b"Geachte heer Van den Brink,\n", "not a PDF (no %PDF- header), although named .pdf"),
    (b"", "not a PDF (empty file), although named .pdf"),
    (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", None),  # cut off: damaged
])
def test_not_a_pdf_or_damaged(tmp_path, content, message):
    path = tmp_path / "brief.pdf"
    path.write_bytes(content)
    assert detect_format(path) == "pdf"
    with pytest.raises(InputError) as err:
        read_file(path)
    if message:
        assert err.value.message == message
    else:
        assert err.value.message.startswith("damaged PDF (")
    assert "\n" not in str(err.value)


def test_sniff():
    from pathlib import Path

    assert sniff_pdf(Path("x.bin"), b"%PDF-1.4\n%\xe2\xe3\xcf\xd3")
    assert sniff_pdf(Path("x.bin"), b"\r\n%PDF-1.7")  # junk before the header is allowed
    assert sniff_pdf(Path("brief.PDF"), b"hello")  # by name, so it gets a clear error
    assert not sniff_pdf(Path("brief.txt"), b"Geachte heer,")


def test_without_pdfplumber(tmp_path, monkeypatch):
    path = tmp_path / "brief.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # import fails
    with pytest.raises(InputError) as err:
        read_file(path)
    assert err.value.message == INSTALL_HINT
    assert "pip install 'kamerxref[pdf]'" in str(err.value)


# ------------------------------------------------------------------ CLI


@needs_chromium
def test_cli_letters_json(pdfs):
    from kamerxref.cli import main

    run = CliRunner().invoke(main, ["letters", str(pdfs["000"]), "--format", "json", "-q"],
                             catch_exceptions=False)
    assert run.exit_code == 0, run.output
    [rec] = json.loads(run.stdout)
    ref = CliRunner().invoke(main, ["letters", str(SEED_000), "--format", "json", "-q"])
    [expected] = json.loads(ref.stdout)
    assert rec["source"] == str(pdfs["000"])
    del rec["source"], expected["source"]
    assert rec == expected
    assert (rec["id"], rec["questions"], rec["footnotes"], rec["cites"]) == (
        "letter-181524", 45, 25, ["kst-36871-O"])


def test_seed_pages_follow_the_seed():
    """The fixture itself: seed 000 has six pages, footnotes 1-3 on page 1, 24-25 on 6."""
    pages = seed_pages(SEED_000.read_text(encoding="utf-8"))
    assert len(pages) == 6
    assert [n for n, _ in pages[0].notes] == ["1", "2", "3"]
    assert [n for n, _ in pages[5].notes] == ["24", "25"]
    assert pages[3].header == ["datum 23 juni 2026", "ons kenmerk 181524", "blad 4"]
    assert pages[3].blocks[0][0].startswith("- dit moment reeds voor")
