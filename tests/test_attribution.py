"""Attribution (DESIGN §3) on the seeds: the full question -> cited pages table of
letter 181524, worked out by hand from the text, and letter 180760's letter-level sources.

How each row was derived (seed 000, question numbers in document order):
- ``direct``: the footnotes anchored since the previous question of the paragraph, in the
  question or in the context sentences just before it; ``paragraph``: inherited from the
  previous question of the paragraph; ``section``: from a context paragraph before it.
- D66 paragraph 2: fn 2 stands in the context sentence before q1 ("Deze leden vragen de
  regering of zij kan aangeven hoe ...") -> direct; q2 ("Wanneer ... voordoen?") has
  no new footnote and inherits from q1 -> paragraph.
- D66 paragraph 3 (split by the page break): fn 3 before q3-q6, fn 4 before q7-q9.
- q10 is the indirect question "vragen de leden ... of de regering het beeld deelt ...
  tot stand komt.[5]": the marker is inside it -> direct; q11 inherits.
- q14 ("Wat is volgens de regering dichtbij genoeg?") gets fn 7 and fn 8 from the two
  sentences before it; q15 gets fn 9 from the sentence between q14 and q15.
- fn 5, 6 are "*Idem.*" after fn 4 (bijlage p. 41); fn 9, 10 are "*Idem.*" after fn 8 (p. 5);
  fn 13 "Idem." after fn 12 (p. 9); fn 15 "Idem, p. 9." after fn 14 (p. 4) -> p. 9;
  fn 18 "Idem, p. 15." after fn 17 (p. 6); fn 19 "Idem." -> p. 15; fn 25 "Idem, p. 2." -> p. 2.
- JA21 items 1-6 (q24-q29): one question each, marker inside -> direct.
- Volt/PvdD: every topic opens with a context paragraph carrying one footnote, which
  reaches the question paragraphs after it in that topic -> section.
"""
from __future__ import annotations

import pytest

from conftest import SEED_000, SEED_002

B = "kst-36871-O/bijlage/p"
P = "kst-36871-O/p"

# index: (fracties, {target: (how, footnotes)})
EXPECTED_000 = {
    1: ("D66", {B + "40": ("direct", ("2",))}),
    2: ("D66", {B + "40": ("paragraph", ("2",))}),
    3: ("D66", {B + "18": ("direct", ("3",))}),
    4: ("D66", {B + "18": ("paragraph", ("3",))}),
    5: ("D66", {B + "18": ("paragraph", ("3",))}),
    6: ("D66", {B + "18": ("paragraph", ("3",))}),
    7: ("D66", {B + "41": ("direct", ("4",))}),
    8: ("D66", {B + "41": ("paragraph", ("4",))}),
    9: ("D66", {B + "41": ("paragraph", ("4",))}),
    10: ("D66", {B + "41": ("direct", ("5",))}),
    11: ("D66", {B + "41": ("paragraph", ("5",))}),
    12: ("D66", {B + "41": ("direct", ("6",))}),
    13: ("D66", {B + "41": ("paragraph", ("6",))}),
    14: ("D66", {B + "30": ("direct", ("7",)), P + "5": ("direct", ("8",))}),
    15: ("D66", {P + "5": ("direct", ("9",))}),
    16: ("D66", {P + "5": ("direct", ("10",))}),
    17: ("D66", {P + "5": ("paragraph", ("10",))}),
    18: ("D66", {P + "5": ("direct", ("11",))}),
    19: ("D66", {P + "5": ("paragraph", ("11",))}),
    20: ("D66", {P + "9": ("direct", ("12", "13"))}),
    21: ("D66", {P + "9": ("paragraph", ("12", "13"))}),
    22: ("D66", {P + "9": ("paragraph", ("12", "13"))}),
    23: ("D66", {P + "9": ("paragraph", ("12", "13"))}),
    24: ("JA21", {P + "4": ("direct", ("14",))}),
    25: ("JA21", {P + "9": ("direct", ("15",))}),
    26: ("JA21", {P + "10": ("direct", ("16",))}),
    27: ("JA21", {P + "6": ("direct", ("17",))}),
    28: ("JA21", {P + "15": ("direct", ("18",))}),
    29: ("JA21", {P + "15": ("direct", ("19",))}),
    30: ("Volt PvdD", {P + "6": ("section", ("20",))}),
    31: ("Volt PvdD", {P + "6": ("section", ("20",))}),
    32: ("Volt PvdD", {P + "6": ("section", ("20",))}),
    33: ("Volt PvdD", {P + "6": ("section", ("20",))}),
    34: ("Volt PvdD", {P + "6": ("section", ("21",))}),
    35: ("Volt PvdD", {P + "6": ("section", ("21",))}),
    36: ("Volt PvdD", {P + "5": ("section", ("22",)), B + "42": ("section", ("22",))}),
    37: ("Volt PvdD", {P + "5": ("section", ("22",)), B + "42": ("section", ("22",))}),
    38: ("Volt PvdD", {P + "5": ("section", ("22",)), B + "42": ("section", ("22",))}),
    39: ("Volt PvdD", {P + "5": ("section", ("23",))}),
    40: ("Volt PvdD", {P + "5": ("section", ("23",))}),
    41: ("Volt PvdD", {P + "5": ("section", ("23",))}),
    42: ("Volt PvdD", {P + "6": ("section", ("24",))}),
    43: ("Volt PvdD", {P + "6": ("section", ("24",))}),
    44: ("Volt PvdD", {P + "2": ("section", ("25",))}),
    45: ("Volt PvdD", {P + "2": ("section", ("25",))}),
}


@pytest.fixture(scope="module")
def corpus():
    import kamerxref

    return kamerxref.load(SEED_000, SEED_002)


def _letter(corpus, kenmerk):
    return next(l for l in corpus.letters if l.kenmerk == kenmerk)


def test_seed_000_every_question_cites_what_the_rules_give(corpus):
    letter = _letter(corpus, "181524")
    got = {q.index: (" ".join(q.fracties), {c.target: (c.how, c.footnotes) for c in q.cites})
           for q in letter.questions}
    assert got == EXPECTED_000


def test_seed_000_introduction_footnote_is_a_letter_source(corpus):
    letter = _letter(corpus, "181524")
    assert [(c.target, c.how, c.footnotes) for c in letter.cites] == [("kst-36871-O", "letter", ("1",))]


def test_seed_002_questions_cite_nothing_the_letter_cites_its_sources(corpus):
    letter = _letter(corpus, "180760")
    assert len(letter.questions) == 15
    assert all(q.cites == [] for q in letter.questions)
    assert sorted((c.target, c.how, c.footnotes) for c in letter.cites) == [
        ("edossier-E260010", "letter", ("1",)),
        ("kst-32317-PY/p2", "letter", ("2",)),
        ("kst-32317-PY/p3", "letter", ("2",)),
    ]
    assert [c.document for c in letter.about] == ["com-2026-45"]


def test_every_footnote_is_attributed_somewhere(corpus):
    for letter in corpus.letters:
        attributed = {a.footnote for a in letter.attributions}
        assert attributed == {fn.number for fn in letter.footnotes}
