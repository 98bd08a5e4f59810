"""Pairing (graph/pairing.py): replies meet their letters, answers their questions, and
the status of each letter tells the truth on a given day."""
from __future__ import annotations

import datetime as dt
import re
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REALDOCS, SEED_000, SEED_002

from kamerxref.api import Corpus
from kamerxref.cli import main
from kamerxref.graph.pairing import (_numbers, expected_date, letter_status, pair_replies,
                                     reply_reference)
from kamerxref.graph.pipeline import load_letters, process
from kamerxref.graph.readers.text import read_text

FIXTURES = Path(__file__).parent / "fixtures" / "replies"
REPLY_180760 = FIXTURES / "reply_180760.txt"
UITSTEL_181524 = FIXTURES / "uitstel_181524.txt"
D = dt.date


def _letter(text: str, source: str = "<test>", **fields):
    letter = read_text(text, source)
    for k, v in fields.items():
        setattr(letter, k, v)
    return process(letter)


# --------------------------------------------------------------------------------------
# What a reply says about the letter it answers

@pytest.mark.parametrize("phrase, kenmerk, datum, committee", [
    ("Hierbij beantwoord ik de vragen in uw brief van 6 mei 2026, kenmerk 180760, over de strategie.",
     "180760", D(2026, 5, 6), None),
    ("Uw kenmerk 180760", "180760", None, None),
    ("uw kenmerk: 2026Z01234", "2026Z01234", None, None),
    ("In antwoord op uw brief van 23 juni 2026 met kenmerk 181524 bericht ik u het volgende.",
     "181524", D(2026, 6, 23), None),
    ("Hierbij beantwoord ik de vragen van de vaste commissie voor Immigratie en Asiel/JBZ-Raad "
     "van 10 februari 2026 over de JBZ-Raad.", None, D(2026, 2, 10), "Immigratie en Asiel/JBZ-Raad"),
    ("In antwoord op uw brief van 9 november 2023, nr. 2023Z19006, deel ik u mede dat ...",
     "2023Z19006", D(2023, 11, 9), None),
])
def test_reply_reference(phrase, kenmerk, datum, committee):
    text = f"# Ministerie van Asiel en Migratie\n\ndatum 1 juli 2026\n\nGeachte voorzitter,\n\n{phrase}\n"
    ref = reply_reference(read_text(text, "<ref>"))
    assert (ref.kenmerk, ref.datum, ref.committee) == (kenmerk, datum, committee)


def test_committee_letter_naming_a_ministers_letter_is_no_reply():
    text = SEED_002.read_text(encoding="utf-8").replace(
        "heeft met belangstelling kennisgenomen van",
        "heeft naar aanleiding van uw brief van 3 maart 2026, kenmerk 5512345, kennisgenomen van")
    letter = _letter(text)
    assert letter.letter_kind == "committee" and len(letter.questions) == 15


@pytest.mark.parametrize("heading, numbers", [
    ("Antwoord op vraag 3", ["3"]),
    ("Antwoord op vragen 4 en 5", ["4", "5"]),
    ("Antwoorden op vraag 3, 4, 5, 9 en 10", ["3", "4", "5", "9", "10"]),
    ("Antwoord op de vragen 2 t/m 4", ["2", "3", "4"]),
    ("De vragen 6 en 7 beantwoord ik gezamenlijk. De criteria ...", ["6", "7"]),
    ("Vraag 3", ["3"]),
    ("**Antwoord op vragen 7, 8, en 9**", ["7", "8", "9"]),
    ("Het kabinet steunt onafhankelijke monitoring.", []),
])
def test_answer_numbers(heading, numbers):
    assert _numbers(heading) == numbers


@pytest.mark.parametrize("sentence, datum, expected", [
    ("Ik streef ernaar de vragen vóór 1 september te beantwoorden.", D(2026, 7, 17), D(2026, 9, 1)),
    ("Ik verwacht uw Kamer uiterlijk 15 januari te antwoorden.", D(2026, 12, 10), D(2027, 1, 15)),
    ("Ik streef ernaar de vragen voor 1 oktober 2026 te beantwoorden.", D(2026, 7, 17), D(2026, 10, 1)),
    ("De beantwoording vergt meer tijd. Ik zal de vragen binnen drie weken beantwoorden.",
     D(2026, 7, 17), D(2026, 8, 7)),
    ("De beantwoording vergt meer tijd.", D(2026, 7, 17), None),
])
def test_uitstel_expected_date(sentence, datum, expected):
    letter = read_text(f"# Ministerie van Asiel en Migratie\n\ndatum {datum.day} "
                       f"{['', 'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'][datum.month]} "
                       f"{datum.year}\n\nGeachte voorzitter,\n\n{sentence}\n", "<uitstel>")
    assert expected_date(letter)[0] == expected


# --------------------------------------------------------------------------------------
# A separate reply letter for seed 180760, in the seeds' form


@pytest.fixture(scope="module")
def with_reply():
    letters, issues = load_letters([SEED_000, SEED_002, REPLY_180760])
    return Corpus(letters, issues, today=D(2026, 12, 4))


#: question (as numbered in 180760) -> how its answer is found, or None (left out)
REPLY_180760_PAIRS = {
    "1": "number", "2": "number", "3": "number", "4": "number", "5": "number",
    "6": "number", "7": "number", "8": "number",
    "9": "text",  # repeated without its number, shortened: found by its text
    "10": "number", "11": "number", "12": None, "13": "number", "14": "number", "15": "number",
}


def test_reply_letter_is_read_as_reply(with_reply):
    reply = next(l for l in with_reply.letters if l.kenmerk == "7204518")
    assert reply.letter_kind == "reply" and reply.replies_to == ["letter-180760"]
    assert reply.questions == []  # the repeated questions are 180760's, not new ones
    G = with_reply.graph
    assert G.has_edge("letter-7204518", "letter-180760", "replies_to")
    assert G.edges["letter-7204518", "letter-180760", "replies_to"]["how"] == "kenmerk"


@pytest.mark.parametrize("number, how", sorted(REPLY_180760_PAIRS.items(), key=lambda x: int(x[0])))
def test_reply_180760_answers_question_by_question(with_reply, number, how):
    G = with_reply.graph
    qid = next(q for q, d in G.nodes(data=True)
               if d.get("kind") == "question" and d["letter"] == "letter-180760" and d["number"] == number)
    answers = [(u, d) for u, _, d in G.in_edges(qid, data=True) if d["kind"] == "answers"]
    if how is None:
        assert answers == [] and G.nodes[qid].get("answer") is None
        assert any(w.code == "question-unanswered" and f"question {number} " in w.message
                   for w in with_reply.warnings)
        return
    assert len(answers) == 1, answers
    aid, edge = answers[0]
    assert edge["how"] == how and G.nodes[aid]["letter"] == "letter-7204518"
    assert G.nodes[qid]["answer"] == aid and G.nodes[qid]["answer_how"] == how
    assert 0.8 <= edge["score"] <= 1.0


def test_two_questions_share_one_answer(with_reply):
    G = with_reply.graph
    by_number = {d["number"]: q for q, d in G.nodes(data=True)
                 if d.get("kind") == "question" and d["letter"] == "letter-180760"}
    a6 = G.nodes[by_number["6"]]["answer"]
    assert a6 == G.nodes[by_number["7"]]["answer"]
    assert G.nodes[a6]["number"] == "6,7"
    assert G.nodes[a6]["text"].startswith("De vragen 6 en 7 beantwoord ik gezamenlijk.")


def test_the_government_cites_too(with_reply):
    """Footnote 1 of the reply stands in the answer to question 1: the answer cites it."""
    G = with_reply.graph
    a1 = next(u for u, v, d in G.edges(data=True) if d["kind"] == "answers" and v == "letter-180760/q1")
    cited = {v for _, v, d in G.out_edges(a1, data=True) if d["kind"] == "cites"}
    assert cited == {"kst-32317-PY/p2", "kst-32317-PY/p3"}
    reply = next(l for l in with_reply.letters if l.kenmerk == "7204518")
    assert not any(w.code == "unattributed-footnote" for w in reply.warnings)


def test_reply_status_and_records(with_reply):
    rows = {r["id"]: r for r in with_reply.status_records()}
    assert rows["letter-180760"] == {**rows["letter-180760"], "status": "partly answered",
                                     "reply": "letter-7204518", "answered": "2026-06-10",
                                     "answered_questions": 14, "questions": 15, "days_late": 7}
    assert rows["letter-181524"]["status"] == "overdue" and rows["letter-181524"]["reply"] is None
    assert "letter-7204518" not in rows  # a reply has no status of its own
    unanswered = with_reply.unanswered("letter-180760")
    assert [r["number"] for r in unanswered] == ["12"]


def test_seed_results_unchanged_with_a_reply(with_reply):
    counts = {l.kenmerk: (len(l.questions), len(l.footnotes)) for l in with_reply.letters}
    assert counts["181524"] == (45, 25) and counts["180760"] == (15, 2)


# --------------------------------------------------------------------------------------
# The uitstelbrief


@pytest.mark.parametrize("today, status, days_late", [
    (D(2026, 7, 20), "postponed", None),   # before the deadline, already postponed
    (D(2026, 8, 20), "postponed", None),   # past the deadline of 21 juli, before 1 september
    (D(2026, 9, 5), "overdue", 46),        # the promised date passed too: late since 21 juli
])
def test_uitstelbrief_moves_the_expected_date(today, status, days_late):
    letters, issues = load_letters([SEED_000, UITSTEL_181524])
    uitstel = next(l for l in letters if l.kenmerk == "7311802")
    assert uitstel.letter_kind == "uitstel" and uitstel.replies_to == ["letter-181524"]
    st = letter_status(next(l for l in letters if l.kenmerk == "181524"), pair_replies(letters), today)
    assert (st.status, st.days_late, st.expected, st.uitstel) == (status, days_late, D(2026, 9, 1),
                                                                   "letter-7311802")
    assert not any(w.code == "question-unanswered" for l in letters for w in l.warnings)


def test_replies_and_answers_of_a_pairing_keep_one_index(monkeypatch):
    """``Pairing.replies_of`` and ``answers_of`` (a notebook asks them per letter and per
    question) build the index once, agree with the links and matches, and see a link
    added afterwards."""
    import kamerxref.graph.pairing as pairing_module

    letters, _ = load_letters([SEED_000, SEED_002, REPLY_180760, UITSTEL_181524])
    pairing = pair_replies(letters)
    built = []
    real_of = pairing_module.PairingIndex.of.__func__
    monkeypatch.setattr(pairing_module.PairingIndex, "of",
                        classmethod(lambda cls, p: built.append(1) or real_of(cls, p)))
    for letter in letters:
        for role in ("reply", "uitstel"):
            want = sorted((k for k in pairing.links if k.letter == letter.id and k.role == role),
                          key=lambda k: (k.datum or D.max, k.reply))
            assert pairing.replies_of(letter.id, role) == want
        for q in letter.questions:
            qid = f"{letter.id}/q{q.index}"
            assert pairing.answers_of(qid) == [m for m in pairing.matches if m.question_id == qid]
    assert len(built) == 1
    assert [k.reply for k in pairing.replies_of("letter-180760")] == ["letter-7204518"]
    assert [k.reply for k in pairing.replies_of("letter-181524", "uitstel")] == ["letter-7311802"]
    assert len(pairing.answers_of("letter-180760/q1")) == 1
    extra = pairing_module.ReplyLink(**{**vars(pairing.links[0]), "reply": "letter-9999999"})
    pairing.links.append(extra)
    assert extra in pairing.replies_of(pairing.links[0].letter, pairing.links[0].role)
    assert len(built) == 2
    pairing.links = [k for k in pairing.links if k is not extra] + [extra]  # a new list, as long
    assert extra in pairing.replies_of(pairing.links[0].letter, pairing.links[0].role)
    assert len(built) == 3
    import pickle
    assert "_index" not in pickle.loads(pickle.dumps(pairing)).__dict__


# --------------------------------------------------------------------------------------
# A verslag: the committee's letter and the minister's reply in one publication

COMMITTEE = """# Eerste Kamer der Staten-Generaal

Minister van Asiel en Migratie
Postbus 20301
2500 EA Den Haag

datum 9 december 2022

betreft Staat van Migratie

Geachte heer Van der Burg,

De leden van de vaste commissie voor Immigratie en Asiel/JBZ-Raad (I&A/JBZ) hebben kennisgenomen van de Staat van Migratie. De leden van de fracties van D66 en JA21 hebben naar aanleiding hiervan de volgende vragen.

### Vragen en opmerkingen van de leden van de fractie van D66

De leden van de fractie van D66 lezen dat de instroom toeneemt. Kan de regering aangeven hoeveel asielzoekers in 2022 in de opvang verbleven? Deze leden vragen de regering tevens of zij de prognose voor 2023 kan delen.

### Vragen en opmerkingen van de leden van de fractie van JA21

1. Welke maatregelen neemt de regering om de instroom van asielzoekers te beperken?
2. Hoe beoordeelt de regering de effectiviteit van de Dublinverordening in de praktijk?

De leden van de vaste commissie zien uw beantwoording met belangstelling tegemoet en verzoeken u deze binnen vier weken na dagtekening van deze brief te ontvangen.

Hoogachtend,

A.W.J.A. van Hattem

Voorzitter van de vaste commissie voor Immigratie en Asiel / JBZ-Raad
"""

REPLY_HEAD = """# Ministerie van Justitie en Veiligheid

datum 30 januari 2023

betreft Antwoorden op vragen over de Staat van Migratie

Geachte voorzitter,

Hierbij beantwoord ik de vragen die de leden van uw commissie op 9 december 2022 hebben gesteld.

"""
REPLY_SIGNED = """De Staatssecretaris van Justitie en Veiligheid,

E. van der Burg
"""

REPLY_IN_ORDER = REPLY_HEAD + """### Vragen en opmerkingen van de leden van de fractie van D66

In 2022 verbleven gemiddeld 40.000 asielzoekers in de opvang van het COA.

De prognose voor 2023 wordt met de Voorjaarsnota aan uw Kamer gezonden.

### Vragen en opmerkingen van de leden van de fractie van JA21

Het kabinet zet in op de uitvoering van het Europees migratiepact en op terugkeer.

De Dublinverordening werkt in de praktijk onvoldoende; het pact vervangt haar.

""" + REPLY_SIGNED

REPLY_REPEATING = REPLY_HEAD + """### Vragen en opmerkingen van de leden van de fractie van D66

*Kan de regering aangeven hoeveel asielzoekers in 2022 in de opvang verbleven?*

In 2022 verbleven gemiddeld 40.000 asielzoekers in de opvang van het COA.

*De leden vragen of de regering de prognose voor 2023 kan delen.*

De prognose voor 2023 wordt met de Voorjaarsnota aan uw Kamer gezonden.

### Vragen en opmerkingen van de leden van de fractie van JA21

1. *Welke maatregelen neemt de regering om de instroom te beperken?*

Het kabinet zet in op de uitvoering van het Europees migratiepact en op terugkeer.

2. *Hoe beoordeelt de regering de effectiviteit van de Dublinverordening?*

De Dublinverordening werkt in de praktijk onvoldoende; het pact vervangt haar.

""" + REPLY_SIGNED


@pytest.mark.parametrize("reply_text, hows", [
    (REPLY_IN_ORDER, ["order", "order", "order", "order"]),
    (REPLY_REPEATING, ["text", "text", "number", "number"]),
])
def test_verslag_letter_and_reply(reply_text, hows):
    committee = _letter(COMMITTEE, "kst-30573-J.txt", publication="kst-30573-J",
                        publication_index=1, role="committee")
    reply = _letter(reply_text, "kst-30573-J.txt", publication="kst-30573-J",
                    publication_index=2, role="reply")
    assert (committee.id, reply.id) == ("letter-kst-30573-J-1", "letter-kst-30573-J-2")
    assert len(committee.questions) == 4 and reply.questions == []
    corpus = Corpus([committee, reply], today=D(2026, 12, 4))
    pairing = corpus.pairing
    assert [(k.reply, k.letter, k.how) for k in pairing.links] == [
        ("letter-kst-30573-J-2", "letter-kst-30573-J-1", "publication")]
    got = {m.question_id: m for m in pairing.matches}
    assert [got[f"letter-kst-30573-J-1/q{i}"].how for i in range(1, 5)] == hows
    answers = [pairing.units[got[f"letter-kst-30573-J-1/q{i}"].answer].text for i in range(1, 5)]
    assert answers[0].startswith("In 2022 verbleven") and answers[3].startswith("De Dublinverordening")
    st = corpus.status_records()[0]
    assert (st["status"], st["answered"], st["days_late"]) == ("answered late", "2023-01-30", 24)
    assert not corpus.unanswered()


# --------------------------------------------------------------------------------------
# Answers to Kamervragen (realdocs 01-08): every answer paired, as counted by hand

#: the question numbers each answer answers, in document order (counted by hand from the
#: "Vraag N" / "Antwoord op vraag N" headings; 07 answers 5 and 6 without a heading)
REALDOC_ANSWERS = {
    "01": [["1"], ["2"], ["3", "4", "5", "9", "10"], ["6"], ["7"], ["8"], ["11"], ["12"]],
    "02": [["1"], ["2"], ["3"], ["4", "5", "6", "7"], ["8"], ["9"]],
    "03": [[str(n)] for n in range(1, 11)] + [["11", "12", "13"]] + [[str(n)] for n in range(14, 23)],
    "04": [[str(n)] for n in range(1, 15)],
    "05": [["1"], ["2", "3"], ["4", "5"], ["6"], ["7", "8", "9"], ["10"]],
    "06": [["1"], ["2"], ["3"]],
    "07": [["1"], ["2"], ["3", "4"], ["5"], ["6"]],
    "08": [["1"], ["2"], ["4"], ["5"], ["6"], ["7"], ["3", "8"]],
}


@pytest.mark.parametrize("prefix, expected", sorted(REALDOC_ANSWERS.items()))
def test_realdocs_every_answer_paired(prefix, expected):
    files = sorted(REALDOCS.glob(f"{prefix}_*.txt"))
    if not files:
        pytest.skip("realdocs not present")
    letters, _ = load_letters(files)
    (letter,) = letters
    corpus = Corpus(letters, today=D(2026, 12, 4))
    G = corpus.graph
    numbers = {f"{letter.id}/q{q.index}": q.number for q in letter.questions}
    got = []
    for aid in sorted((n for n, d in G.nodes(data=True) if d.get("kind") == "answer"),
                      key=lambda a: G.nodes[a]["line"]):
        got.append(sorted((numbers[v] for _, v, d in G.out_edges(aid, data=True)
                           if d["kind"] == "answers"), key=int))
    assert got == [sorted(e, key=int) for e in expected]
    assert corpus.unanswered() == []
    assert not any(w.code in ("question-unanswered", "answer-unmatched") for w in letter.warnings)
    assert letter.letter_kind == "answers" and letter.replies_to == []


def test_realdocs_answer_footnotes_are_the_answers_citations():
    """01: the answer to vragen 3, 4, 5, 9 en 10 carries notes 1-3 (not question 8)."""
    files = sorted(REALDOCS.glob("01_*.txt"))
    if not files:
        pytest.skip("realdocs not present")
    letters, _ = load_letters(files)
    G = Corpus(letters, today=D(2026, 12, 4)).graph
    lid = letters[0].id
    q8 = next(q for q, d in G.nodes(data=True) if d.get("kind") == "question" and d["letter"] == lid
              and d["number"] == "8")
    assert not [v for _, v, d in G.out_edges(q8, data=True) if d["kind"] == "cites"]
    answer = next(a for a, d in G.nodes(data=True) if d.get("kind") == "answer" and d["number"] == "3,4,5,9,10")
    para = int(answer.rsplit("/a", 1)[1])
    assert {a.footnote for a in letters[0].attributions if a.answer == para} == {"1", "2", "3"}
    vias = {d["via"] for _, _, d in G.out_edges(answer, data=True) if d["kind"] == "cites"}
    cited = {f"{lid}/fn{fn.number}" for fn in letters[0].footnotes
             if fn.number in ("1", "2", "3") and fn.citations}
    assert vias == cited and cited


# --------------------------------------------------------------------------------------
# The seeds alone, and the command line


@pytest.mark.parametrize("today, status, days_late", [
    ("2026-05-20", "open", None),
    ("2026-06-03", "open", None),       # the deadline itself
    ("2026-06-04", "overdue", 1),
    ("2026-12-04", "overdue", 184),
])
def test_seeds_alone_have_no_reply(today, status, days_late):
    res = CliRunner().invoke(main, ["letters", str(SEED_002), "--format", "json", "--today", today, "-q"])
    assert res.exit_code == 0, res.output
    (rec,) = json.loads(res.output)
    assert {k: rec[k] for k in ("status", "reply", "answered", "answered_questions", "days_late")} == {
        "status": status, "reply": None, "answered": None, "answered_questions": 0, "days_late": days_late}
    for key in ("id", "kenmerk", "datum", "deadline", "questions", "footnotes", "warnings"):
        assert key in rec  # the old fields stay


def test_cli_status_table_and_unanswered():
    r = CliRunner()
    res = r.invoke(main, ["status", str(SEED_000), str(SEED_002), str(REPLY_180760), "--today", "2026-12-04",
                          "--format", "json", "-q"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert [(x["id"], x["status"], x["days_late"]) for x in rows] == [
        ("letter-181524", "overdue", 136), ("letter-180760", "partly answered", 7)]
    res = r.invoke(main, ["questions", str(SEED_002), str(REPLY_180760), "--unanswered", "--format", "json", "-q"])
    assert [q["number"] for q in json.loads(res.output)] == ["12"]
    res = r.invoke(main, ["questions", str(SEED_002), str(REPLY_180760), "--format", "json", "-q"])
    q1 = json.loads(res.output)[0]
    assert q1["answer"]["letter"] == "letter-7204518" and q1["answer"]["how"] == "number"
    assert q1["answer"]["text"].startswith("De inzet van visummaatregelen")
    res = r.invoke(main, ["status", "--today", "not-a-date"])
    assert res.exit_code == 2


def test_pairing_twice_gives_the_same_letters():
    letters, _ = load_letters([SEED_002, REPLY_180760])
    before = [(l.id, l.role, list(l.replies_to), [str(w) for w in l.warnings]) for l in letters]
    pair_replies(letters)
    assert [(l.id, l.role, list(l.replies_to), [str(w) for w in l.warnings]) for l in letters] == before


def test_reply_as_pdf_pairs_like_the_text(tmp_path):
    """The same reply printed to PDF (chromium) is read by the PDF reader and paired the
    same way: the reply stage works on the letter model, whatever the format."""
    from pdf_fixtures import chromium_available, seed_pdf

    if not chromium_available():
        pytest.skip("chromium not installed")
    pdf = seed_pdf(REPLY_180760, tmp_path / "reply_180760.pdf")
    letters, issues = load_letters([SEED_002, pdf])
    assert not issues
    pairing = pair_replies(letters)
    assert [(k.reply, k.letter, k.how) for k in pairing.links] == [
        ("letter-7204518", "letter-180760", "kenmerk")]
    got = {m.question_id.rsplit("/q", 1)[1]: m.how for m in pairing.matches}
    assert got == {n: how for n, how in REPLY_180760_PAIRS.items() if how}


@pytest.mark.parametrize("form", ["bold headings", "plain headings"])
def test_reply_with_vraag_and_antwoord_headings(tmp_path, form):
    """``**Vraag 1**`` / ``**Antwoord op vragen 3 en 4**`` (read by the text reader as
    headings) and plain ``Vraag 1`` / ``Antwoord op vraag 2`` lines (the answers reader):
    both pair by number with seed 180760."""
    text = (FIXTURES / "reply_180760_headings.txt").read_text(encoding="utf-8")
    if form == "plain headings":
        text = "\n".join(line.strip("*") for line in text.split("\n"))
        expected = {"1": "number", "2": "number"}  # "Vragen 3 en 4" is no Vraag N heading there
    else:
        expected = {"1": "number", "2": "number", "3": "number", "4": "number"}
    path = tmp_path / "reply.txt"
    path.write_text(text, encoding="utf-8")
    letters, _ = load_letters([SEED_002, path])
    reply = next(l for l in letters if l.source == str(path))
    assert reply.letter_kind == "reply" and reply.replies_to == ["letter-180760"]
    assert reply.datum == D(2026, 5, 20)
    got = {m.question_id.rsplit("/q", 1)[1]: m.how for m in pair_replies(letters).matches
           if m.question_id.startswith("letter-180760/")}
    assert got == expected
    st = letter_status(letters[0], pair_replies(letters), D(2026, 12, 4))
    assert (st.status, st.answered_questions, st.days_late) == ("partly answered", len(expected), 0)
    # the reply's own questions (a "Vraag N" letter keeps them) are answered where they stand
    unanswered = Corpus(letters, today=D(2026, 12, 4)).unanswered()
    assert {r["letter"] for r in unanswered} == {"letter-180760"}


@pytest.mark.parametrize("form", ["xml", "txt"])
def test_published_verslag_files(tmp_path, form):
    """The published forms (tests/verslag_fixtures.py, read by the verslag readers): the
    minister's letter of kst-30573-Q answers its committee letter as a whole (same
    publication); the memorie van antwoord kst-36611-C answers the voorlopig verslag
    kst-36611-B it cites, one of its three questions repeated and answered."""
    import verslag_fixtures as F

    render = F.to_xml if form == "xml" else F.to_text
    paths = []
    for name in ("schriftelijk-overleg", "voorlopig-verslag", "memorie-van-antwoord"):
        paths.append(tmp_path / f"{name}.{form}")
        paths[-1].write_text(render(F.ALL[name]), encoding="utf-8")
    letters, issues = load_letters(paths)
    assert not issues
    corpus = Corpus(letters, today=D(2026, 12, 4))
    links = sorted((k.reply, k.letter, k.how) for k in corpus.pairing.links)
    assert links == [("letter-kst-30573-Q-2", "letter-kst-30573-Q-1", "publication"),
                     ("letter-kst-36611-C-1", "letter-kst-36611-B-1", "publication")]
    rows = {r["id"]: r for r in corpus.status_records()}
    assert (rows["letter-kst-30573-Q-1"]["status"], rows["letter-kst-30573-Q-1"]["days_late"]) == (
        "answered late", 24)
    assert (rows["letter-kst-36611-B-1"]["status"], rows["letter-kst-36611-B-1"]["answered_questions"]) == (
        "partly answered", 1)
    answered = {m.question_id: m.how for m in corpus.pairing.matches}
    assert answered == {"letter-kst-36611-B-1/q2": "text"}  # "Waarom is niet gekozen voor ...?"
    codes = sorted(w.code for w in corpus.warnings if w.code in ("reply-as-a-whole", "question-unanswered"))
    assert codes == ["question-unanswered", "question-unanswered", "reply-as-a-whole"]


@pytest.mark.parametrize("inputs, needles, absent", [
    # the seeds alone: no reply among the files read, said as such
    ([SEED_002], ["overdue", "no reply found, 184 days past the deadline"], ["partly answered"]),
    # with the reply: answered in part, 7 days late, each answer with its question
    ([SEED_002, REPLY_180760], ["partly answered", "answered 10 juni 2026, 7 days late",
                                "De inzet van visummaatregelen en handelsinstrumenten"],
     ["no reply found"]),
])
def test_letter_page_shows_reply_status(inputs, needles, absent):
    from kamerxref.exporters.html import render_letter

    letters, _ = load_letters(inputs)
    G = Corpus(letters, today=D(2026, 12, 4)).graph
    page = render_letter(G, "letter-180760", D(2026, 12, 4))
    for needle in needles:
        assert needle in page, needle
    for needle in absent:
        assert needle not in page, needle


@pytest.mark.parametrize("change, expected", [
    # the numbers left out: every repeated question found by its (shortened) text
    (lambda t: re.sub(r"(?m)^\d+\. \*", "*", t),
     {n: ("number" if n in ("6", "7") else "text") for n, how in REPLY_180760_PAIRS.items() if how}),
    # question 3 reworded beyond recognition and unnumbered: the only question left
    # between the answers to 2 and 4 of its section
    (lambda t: t.replace("3. *Is de regering bereid te pleiten voor een onafhankelijk "
                         "monitoringsmechanisme voor elk migratiepartnerschap?*",
                         "*Kunt u ingaan op het toezicht op afspraken met herkomstlanden?*"),
     {**{n: how for n, how in REPLY_180760_PAIRS.items() if how}, "3": "order"}),
])
def test_reply_variants(tmp_path, change, expected):
    path = tmp_path / "reply.txt"
    path.write_text(change(REPLY_180760.read_text(encoding="utf-8")), encoding="utf-8")
    letters, _ = load_letters([SEED_002, path])
    got = {m.question_id.rsplit("/q", 1)[1]: m.how for m in pair_replies(letters).matches}
    assert got == expected


def test_questions_csv_carries_the_answer_as_json():
    import csv
    import io

    res = CliRunner().invoke(main, ["questions", str(SEED_002), str(REPLY_180760), "--format", "csv", "-q"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert json.loads(rows[0]["answer"])["how"] == "number" and rows[11]["answer"] == ""  # q12


def test_pairing_in_worker_processes_is_the_same_as_in_one(tmp_path):
    """pair_replies(jobs=2) matches each letter's replies in forked workers: the same
    links, matches, answer units and warnings, in the same order, as one process."""
    s180760 = SEED_002.read_text(encoding="utf-8")
    reply = REPLY_180760.read_text(encoding="utf-8")
    headings = (FIXTURES / "reply_180760_headings.txt").read_text(encoding="utf-8")
    for i in range(4):  # four letters, each answered (one of them twice, once by headings)
        k = str(500000 + i)
        (tmp_path / f"{k}.txt").write_text(re.sub(r"\b180760\b", k, s180760), encoding="utf-8")
        text = re.sub(r"\b7204518\b", str(7300000 + i), re.sub(r"\b180760\b", k, reply))
        if i == 1:  # questions 14 and 15 left unanswered: three warnings for this letter
            text = re.sub(r"(?s)\n14\. \*.*?(?=\nDe Minister van Asiel)", "\n", text)
        (tmp_path / f"{k}-reply.txt").write_text(text, encoding="utf-8")
        if i == 2:
            (tmp_path / f"{k}-reply2.txt").write_text(re.sub(r"\b180760\b", k, headings), encoding="utf-8")
    (tmp_path / "181524.txt").write_bytes(SEED_000.read_bytes())
    (tmp_path / "uitstel.txt").write_bytes(UITSTEL_181524.read_bytes())

    def paired(jobs):
        letters, _ = load_letters([tmp_path], pair=False)
        p = pair_replies(letters, jobs=jobs)
        return (p.links, p.matches, list(p.units.items()), p.expected, p.warnings,
                [(l.id, l.replies_to, l.role, l.warnings) for l in letters])

    one, two = paired(1), paired(2)
    assert len(one[1]) > 40 and one[3]  # answers matched, an uitstel date
    assert any(w.code == "question-unanswered" for w in one[4])
    unanswered = {lid: [int(w.where.split()[-1]) for w in ws if w.code == "question-unanswered"]
                  for lid, _, _, ws in one[5]}
    assert len(unanswered["letter-500001"]) == 3
    assert all(lines == sorted(lines) for lines in unanswered.values())  # in document order
    assert two == one


# --------------------------------------------------------------------------------------
# Written questions (the Kamer's text: zaak number, askers line, numbered questions) and
# the ministry's answer letter that names them ("uw brief van ..., nr. 2024Z01234")

KAMERVRAGEN = """2024Z01234

Vragen van de leden Kops (PVV) en Dassen (Volt) aan de minister van Buitenlandse Zaken over het bericht X (ingezonden 1 februari 2024).

1. Bent u bekend met het bericht X?

2. Klopt het dat de Europese Commissie voorstelt het budget te verhogen?

3. Bent u bereid deze vragen afzonderlijk te beantwoorden?
"""

KAMERVRAGEN_ANSWER = """Datum 20 februari 2024
Ons kenmerk BZ-77001
Onderwerp Beantwoording Kamervragen van de leden Kops (PVV) en Dassen (Volt) over het bericht X

In antwoord op uw brief van 1 februari 2024, nr. 2024Z01234, deel ik u mede dat de vragen van de leden Kops en Dassen worden beantwoord zoals aangegeven in de bijlage bij deze brief.

De minister van Buitenlandse Zaken,

H. Bruins

Vraag 1
Bent u bekend met het bericht X?

Antwoord op vraag 1
Ja.

Vraag 2
Klopt het dat de Europese Commissie voorstelt het budget te verhogen?

Vraag 3
Bent u bereid deze vragen afzonderlijk te beantwoorden?

Antwoord op vraag 2 en 3
Het voorstel is nog niet gepubliceerd; de vragen zijn afzonderlijk beantwoord.
"""


def test_kamervragen_and_the_answer_letter_that_names_them(tmp_path):
    (tmp_path / "kv.txt").write_text(KAMERVRAGEN, encoding="utf-8")
    (tmp_path / "antwoord.txt").write_text(KAMERVRAGEN_ANSWER, encoding="utf-8")
    letters, _ = load_letters([tmp_path])
    kv = next(l for l in letters if l.kenmerk == "2024Z01234")  # the zaak number
    assert (kv.id, kv.datum, kv.letter_kind) == ("letter-2024Z01234", D(2024, 2, 1), "committee")
    assert kv.fracties == ["PVV", "Volt"]
    assert kv.betreft.startswith("Vragen van de leden Kops (PVV) en Dassen (Volt) aan de minister")
    assert not {"no-kenmerk", "no-datum", "no-fractie"} & {w.code for w in kv.warnings}
    answer = next(l for l in letters if l.kenmerk == "BZ-77001")
    assert answer.replies_to == ["letter-2024Z01234"] and answer.letter_kind == "reply"
    corpus = Corpus(letters, today=D(2024, 3, 1))
    (row,) = [r for r in corpus.status_records() if r["id"] == "letter-2024Z01234"]
    assert (row["status"], row["reply"], row["answered_questions"]) == ("answered", "letter-BZ-77001", 3)
    assert corpus.unanswered() == []


def test_realdocs_answer_letter_answers_the_kamervragen_it_names(tmp_path):
    """realdocs 01 answers 'uw brief van 9 november 2023, nr. 2023Z19006': the written
    questions, in the Kamer's text with that zaak number, are answered, all 12."""
    files = sorted(REALDOCS.glob("01_*.txt"))
    if not files:
        pytest.skip("realdocs not present")
    (answer,), _ = load_letters(files)
    kv = ["2023Z19006", "", "Vragen van het lid Beckerman (SP) aan de staatssecretaris van "
          "Infrastructuur en Waterstaat over het artikel 'Agenten willen meer aandacht voor "
          "milieu' (ingezonden 9 november 2023).", ""]
    kv += [f"{q.number}. {q.text}\n" for q in answer.questions]
    (tmp_path / "kv.txt").write_text("\n".join(kv), encoding="utf-8")
    letters, _ = load_letters([tmp_path / "kv.txt", *files])
    corpus = Corpus(letters, today=D(2024, 1, 15))
    (row,) = [r for r in corpus.status_records() if r["id"] == "letter-2023Z19006"]
    assert (row["status"], row["answered_questions"], row["questions"]) == ("answered", 12, 12)
    assert row["reply"] == answer.id


def test_aanhangsel_answers_the_written_questions_whose_zaak_number_it_repeats(tmp_path):
    """The Aanhangsel's text repeats the questions' zaak number on a line of its own: its
    answers reply to the written questions, number by number."""
    fixture = Path(__file__).parent / "fixtures" / "aanhangsel" / "ah-tk-20232024-500.txt"
    ah = fixture.read_text(encoding="utf-8").replace("\n500\n", "\n500\n\n2023Z19006\n")
    (tmp_path / "ah.txt").write_text(ah, encoding="utf-8")
    (answer,), _ = load_letters([tmp_path / "ah.txt"])
    kv = ["2023Z19006", "", "Vragen van het lid Beckerman (SP) aan de Staatssecretaris van "
          "Infrastructuur en Waterstaat (ingezonden 9 november 2023).", ""]
    kv += [f"{q.number}. {q.text}\n" for q in answer.questions]
    (tmp_path / "kv.txt").write_text("\n".join(kv), encoding="utf-8")
    letters, _ = load_letters([tmp_path])
    ah_letter = next(l for l in letters if l.letter_kind != "committee")
    assert ah_letter.replies_to == ["letter-2023Z19006"]
    rows = {r["id"]: r for r in Corpus(letters, today=D(2024, 1, 15)).status_records()}
    row = rows["letter-2023Z19006"]
    assert (row["status"], row["answered"], row["answered_questions"], row["questions"]) == (
        "answered", "2023-12-04", 4, 4)
    # without the zaak number line they are known by the questions the answers repeat
    # (word for word, punctuation aside); a date alone names no letter
    (tmp_path / "ah.txt").write_text(fixture.read_text(encoding="utf-8"), encoding="utf-8")
    letters, _ = load_letters([tmp_path])
    pairing = pair_replies(letters)
    assert [(k.letter, k.how) for k in pairing.links] == [("letter-2023Z19006", "questions")]
    # ... not when the written questions hold fewer than half of them
    (tmp_path / "kv.txt").write_text("\n".join(kv[:5]), encoding="utf-8")  # question 1 only
    letters, _ = load_letters([tmp_path])
    assert all(l.replies_to == [] for l in letters)
