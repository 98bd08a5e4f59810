"""Pairing: replies meet the letters they answer, answers meet their questions.

The stage after attribution (read -> cite -> attribute -> **pair** -> graph). It works on
the whole corpus, after every letter is read, in two steps:

1. :func:`mark_reply` (per letter, inside :func:`kamerxref.graph.pipeline.process`, before
   attribution): a letter from a ministry that names the letter it answers ("uw brief van
   6 mei 2026, kenmerk 180760", "Uw kenmerk 180760", "de vragen van de vaste commissie
   voor Immigratie en Asiel/JBZ-Raad van 10 februari 2026"), or a ``BRIEF VAN DE
   MINISTER`` of a verslag (``role="reply"``), is a **reply**: the questions it repeats
   become ``repeat`` paragraphs (they are the committee's questions, not new ones) and the
   text after them ``answer`` paragraphs, so that the footnotes in an answer are the
   answer's own citations. A letter that announces a later reply ("De beantwoording van de
   vragen vergt meer tijd. Ik streef ernaar de vragen vóór 1 september te beantwoorden.")
   is an **uitstelbrief** (``role="uitstel"``).
2. :func:`pair_replies` (the corpus): each reply is linked to the letter it answers
   (:class:`ReplyLink`: by kenmerk, by publication, by date and committee), and each
   answer to the question(s) it answers (:class:`AnswerMatch`): by number ("Antwoord op
   vraag 3", "3.", "De vragen 6 en 7 beantwoord ik gezamenlijk"), by the repeated
   question text (fuzzy, rapidfuzz: the repetition is often shortened or reworded), or by
   order within the fractie section. Questions no answer reaches and answers that reach
   no question are reported as warnings, never dropped.

:func:`letter_status` then tells, for a given day, where each committee letter stands:
``open``, ``overdue``, ``postponed``, ``answered``, ``answered late`` or ``partly
answered``. Example, seed 180760 (6 mei 2026, due 3 juni 2026) with the reply of
``tests/fixtures/replies/reply_180760.txt`` (10 juni 2026, 13 of 15 questions)::

    LetterStatus(letter="letter-180760", status="partly answered", reply="letter-7204518",
                 answered=date(2026, 6, 10), answered_questions=14, questions=15,
                 days_late=7, ...)

**Days late** are counted from the committee's own deadline; an uitstelbrief moves the
date after which an unanswered letter is ``overdue`` (``expected``), not the deadline.
"""
from __future__ import annotations

import datetime as _dt
import functools
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz as _fuzz  # pairing answers with questions (setup.cfg says why)

from .model import Issue, Letter, Paragraph
from .parallel import fork_map
from .readers.metadata import MONTHS, parse_dutch_date, parse_term
from .readers.structure import ZAAK_NUMBER

__all__ = ["ReplyRef", "ReplyLink", "AnswerUnit", "AnswerMatch", "Pairing", "LetterStatus",
           "mark_reply", "reply_reference", "answer_units", "pair_replies", "match_letters",
           "letter_status", "status_date", "STATUSES"]

#: The statuses of a committee letter, in the order the ``status`` table shows them.
STATUSES = ("overdue", "open", "postponed", "partly answered", "answered late", "answered")

#: Warning codes this stage adds to letters (replaced, not duplicated, when pairing again).
CODES = {"question-unanswered", "answer-unmatched", "reply-unlinked", "answer-number-mismatch",
         "answer-ambiguous", "uitstel-no-date", "reply-as-a-whole"}

# --------------------------------------------------------------------------------------
# Plain data between the stages


@dataclass(frozen=True)
class ReplyRef:
    """What a reply says about the letter it answers.

    ``"In antwoord op uw brief van 6 mei 2026, kenmerk 180760"`` ->
    ``ReplyRef(kenmerk="180760", datum=date(2026, 5, 6), committee=None, text=...)``.
    """

    kenmerk: str | None
    datum: _dt.date | None
    committee: str | None
    text: str


@dataclass(frozen=True)
class ReplyLink:
    """A reply (or uitstelbrief) linked to the letter it answers; ``how`` is ``kenmerk``,
    ``publication`` (the letter before it in the same verslag, or the paper it cites: a
    memorie van antwoord citing the voorlopig verslag), ``dossier`` (the last committee
    paper of its dossier before it), ``date`` (date and committee) or ``questions`` (answers
    to written questions that name no letter, known by the questions they repeat)."""

    reply: str
    letter: str
    how: str
    role: str  # "reply" or "uitstel"
    datum: _dt.date | None = None  # the reply's date


@dataclass
class AnswerUnit:
    """One answer of a reply: the paragraphs of the answer, the questions repeated before
    it (their numbers as printed and text) and the numbers it names itself.

    ``5. *Kan de regering ...?*`` + the answer paragraph -> ``AnswerUnit(paragraphs=[10],
    numbers=["5"], quoted=["Kan de regering ...?"], section=1)``.
    """

    letter: str
    paragraphs: list[int]
    numbers: list[str]
    quoted: list[tuple[str | None, str]]  # (number as printed or None, repeated text)
    section: int | None
    text: str
    line: int
    repeats: list[int] = field(default_factory=list)  # the repeat paragraphs before it

    @property
    def id(self) -> str:
        """``letter-7204518/a10``: the answer node (its first paragraph)."""
        return f"{self.letter}/a{self.paragraphs[0]}"


@dataclass(frozen=True)
class AnswerMatch:
    """An answer paired with a question it answers.

    ``how``: ``number`` (the number as printed), ``text`` (the repeated question, fuzzy),
    ``order`` (the only question left between two paired ones of the same section),
    ``document`` (answers to Kamervragen: the question in the same document, by number);
    ``score`` in [0, 1]: the similarity of the repeated text (1.0 for a number that the
    text does not contradict, 0.5 for order).
    """

    question_id: str
    answer: str
    how: str
    score: float


@dataclass
class Pairing:
    """The result of the stage: reply links, answer matches, uitstel dates, warnings."""

    links: list[ReplyLink] = field(default_factory=list)
    matches: list[AnswerMatch] = field(default_factory=list)
    units: dict[str, AnswerUnit] = field(default_factory=dict)  # answer id -> unit
    expected: dict[str, tuple[_dt.date | None, str]] = field(default_factory=dict)  # uitstel id
    warnings: list[Issue] = field(default_factory=list)
    warnings_of: dict[str, list[Issue]] = field(default_factory=dict)  # letter id -> its warnings

    def replies_of(self, letter_id: str, role: str = "reply") -> list[ReplyLink]:
        """The replies (or uitstelbrieven) to a letter, oldest first."""
        return list(self.index().replies.get((letter_id, role), []))

    def answers_of(self, question_id: str) -> list[AnswerMatch]:
        """The answers paired with a question, in pairing order."""
        return list(self.index().matches_of.get(question_id, []))

    def __getstate__(self) -> dict:
        """Pickled without the kept index (the distributed build sends the pairing to
        every worker)."""
        state = dict(self.__dict__)
        state.pop("_index", None)
        return state

    def index(self) -> "PairingIndex":
        """The :class:`PairingIndex` of this pairing, made once and kept while the lists
        hold the same number of links, matches and units (a notebook asking
        ``replies_of`` for each of 10,000 letters built 10,000 indexes: quadratic)."""
        lists = (self.links, self.matches, self.units)
        sizes = tuple(map(len, lists))
        kept = self.__dict__.get("_index")  # (the lists themselves, their sizes, the index)
        if kept is None or kept[1] != sizes or any(a is not b for a, b in zip(kept[0], lists)):
            kept = self.__dict__["_index"] = (lists, sizes, PairingIndex.of(self))
        return kept[2]


@dataclass
class PairingIndex:
    """A :class:`Pairing` by letter and question, for the whole-corpus stages that ask
    about every letter (the statuses, the graph): scanning every link, match and answer
    for each letter was quadratic (3,000 letters of which 1,000 replies: 6 s for the
    graph, growing with the square of the size). Built once, in one pass over each list."""

    replies: dict[tuple[str, str], list[ReplyLink]]  # (letter, role) -> links, oldest first
    matched: set[str]  # question ids that have an answer match
    unit_letters: set[str]  # letters holding answer units
    units_of: dict[str, list[AnswerUnit]]  # letter id -> its answer units, in pairing order
    link_of: dict[tuple[str, str], ReplyLink]  # (reply, letter) -> the first link
    matches_of: dict[str, list[AnswerMatch]]  # question id -> its matches, in pairing order

    @classmethod
    def of(cls, pairing: Pairing) -> "PairingIndex":
        replies: dict[tuple[str, str], list[ReplyLink]] = defaultdict(list)
        link_of: dict[tuple[str, str], ReplyLink] = {}
        for k in pairing.links:
            replies[(k.letter, k.role)].append(k)
            link_of.setdefault((k.reply, k.letter), k)
        for links in replies.values():
            links.sort(key=lambda k: (k.datum or _dt.date.max, k.reply))
        units_of: dict[str, list[AnswerUnit]] = defaultdict(list)
        for u in pairing.units.values():
            units_of[u.letter].append(u)
        matches_of: dict[str, list[AnswerMatch]] = defaultdict(list)
        for m in pairing.matches:
            matches_of[m.question_id].append(m)
        return cls(dict(replies), set(matches_of), set(units_of), dict(units_of), link_of,
                   dict(matches_of))


@dataclass(frozen=True)
class LetterStatus:
    """Where a committee letter stands on ``today`` (see the module docstring)."""

    letter: str
    status: str
    deadline: _dt.date | None
    reply: str | None
    answered: _dt.date | None
    answered_questions: int
    questions: int
    days_late: int | None
    days_open: int | None  # days since the letter was sent, up to the reply or today
    expected: _dt.date | None = None  # the date an uitstelbrief promises
    uitstel: str | None = None


# --------------------------------------------------------------------------------------
# Recognising a reply and what it refers to

_DATE_TEXT = r"\d{1,2}\s+[A-Za-z]{3,10}\.?\s+\d{4}"
_REF_ID = r"[A-Za-z0-9][\w./-]*\d[\w./-]*"
_UW_KENMERK = re.compile(r"\b[Uu]w\s+(?:kenmerk|referentie)\s*:?\s*(" + _REF_ID + ")")
_UW_BRIEF = re.compile(
    r"\b[Uu]w\s+(?:brief|schrijven)\s+(?:van|d\.d\.|gedateerd)\s+(?:\w+dag\s+)?(" + _DATE_TEXT + r")"
    r"(?:\s*[,(]?\s*(?:met\s+)?(?:\w+\s+)?(?:kenmerk|nr\.?|nummer|referentie)\s*:?\s*(" + _REF_ID + "))?")
_COMMITTEE_DATE = re.compile(
    r"\b(?:vaste|bijzondere|tijdelijke)?\s*commissie\s+voor\s+(?P<name>[^.;]{2,120}?)\s*"
    r"(?:\([^()]{1,30}\)\s*)?,?\s+(?:van|d\.d\.)\s+(?P<date>" + _DATE_TEXT + ")")
_GOVERNMENT = re.compile(r"\b(?:Ministerie\s+van|[Mm]inister(?:-president)?\s+van|"
                         r"[Ss]taatssecretaris\s+van)\b")
_SIGNATURE = re.compile(r"^(?:[Dd]e\s+)?(?:[Mm]inister|[Ss]taatssecretaris)\b[^.?!]{0,120},?$")
_UITSTEL = re.compile(
    r"\b(?:(?:vergt|vergen|kost|kosten|vraagt|vragen)\s+(?:\w+\s+){0,3}meer\s+tijd"
    r"|meer\s+tijd\s+(?:nodig|gevergd)|uitstel\s+van\s+(?:de\s+)?beantwoording"
    r"|niet\s+binnen\s+de\s+(?:gestelde|gevraagde)\s+termijn)", re.IGNORECASE)
_PROMISE = re.compile(r"\b(?:streef|streven|verwacht|verwachten|zal|zullen|hoop|hopen)\b",
                      re.IGNORECASE)
_DAY_MONTH = re.compile(r"\b(?:vóór|voor|uiterlijk|op)\s+(?:\w+dag\s+)?(\d{1,2})\s+([A-Za-z]{3,10})"
                        r"\.?(?:\s+(\d{4}))?", re.IGNORECASE)
_ANSWER_NUMBERS = re.compile(
    r"^(?:\*\*)?(?:Antwoord(?:en)?\s+op\s+(?:de\s+)?vra(?:ag|gen)|Antwoord(?:en)?|"
    r"(?:De\s+)?[Vv]ra(?:ag|gen))\s+(\d{1,3}(?:(?:\s*(?:,|en|&|t/m|-|–)\s*)+\d{1,3})*)\b")
_ANTWOORD_HEADING = re.compile(r"^(?:\*\*)?Antwoord(?:en)?\b[^.?!]{0,60}?[:.]?(?:\*\*)?$")
_SPACES = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text.replace("*", "")).strip()


def _reference_texts(letter: Letter) -> list[str]:
    """The places a reply names its letter: letterhead, betreft, the first paragraphs."""
    texts = [_norm(b.text) for b in letter.skipped if b.reason in ("letterhead", "salutation")]
    if letter.betreft:
        texts.append(_norm(letter.betreft))
    first = [p for p in letter.paragraphs[:4]]
    intro = [p for p in letter.paragraphs if p.kind == "intro" and p not in first][:20]
    texts += [_norm(p.text) for p in first + intro]
    return texts


def reply_reference(letter: Letter) -> ReplyRef | None:
    """The letter a reply names, or None.

    >>> reply_reference(from_text("... Uw kenmerk 180760 ...").letters[0])   # doctest: +SKIP
    ReplyRef(kenmerk='180760', datum=None, committee=None, text='Uw kenmerk 180760')
    """
    kenmerk = datum = committee = None
    found: list[str] = []
    for t in _reference_texts(letter):
        if kenmerk is None and letter.kind == "answer" and ZAAK_NUMBER.fullmatch(t):
            # the Aanhangsel repeats the zaak number of the questions it answers
            kenmerk, _ = t, found.append(t)
        if kenmerk is None and (m := _UW_KENMERK.search(t)):
            kenmerk, _ = m.group(1).rstrip(".,"), found.append(m.group(0))
        if datum is None and (m := _UW_BRIEF.search(t)):
            datum = parse_dutch_date(m.group(1))
            if m.group(2) and kenmerk is None:
                kenmerk = m.group(2).rstrip(".,")
            found.append(m.group(0))
        if committee is None and (m := _COMMITTEE_DATE.search(t)):
            committee = m.group("name").strip()
            datum = datum or parse_dutch_date(m.group("date"))
            found.append(m.group(0))
    if not found:
        return None
    return ReplyRef(kenmerk, datum, committee, "; ".join(found))


def _from_government(letter: Letter) -> bool:
    if letter.kind == "answer":
        return True
    head = " ".join(_norm(b.text) for b in letter.skipped if b.reason == "letterhead")
    if re.search(r"\bMinisterie\s+van\b", head):
        return True
    if letter.chair_function and _GOVERNMENT.search(letter.chair_function):
        return True
    return any(_SIGNATURE.match(_norm(p.text)) for p in letter.paragraphs[-6:])


def expected_date(letter: Letter) -> tuple[_dt.date | None, str]:
    """The date an uitstelbrief promises, and the phrase: ``"Ik streef ernaar de vragen
    vóór 1 september te beantwoorden"`` in a letter of 17 juli 2026 -> 1 september 2026
    (a date without year is the first such day after the letter); ``"binnen drie weken"``
    -> the letter's date + 3 weeks."""
    sentences = [s for p in letter.paragraphs for s in re.split(r"(?<=[.!?])\s+", _norm(p.text))]
    for s in sentences:
        if not (_PROMISE.search(s) or _UITSTEL.search(s)):
            continue
        for m in _DAY_MONTH.finditer(s):
            month = MONTHS.get(m.group(2).lower())
            if not month:
                continue
            day = int(m.group(1))
            if m.group(3):
                year = int(m.group(3))
            else:
                year = letter.datum.year if letter.datum else None
                if year is None:
                    continue
                if letter.datum and (month, day) < (letter.datum.month, letter.datum.day):
                    year += 1
            try:
                return _dt.date(year, month, day), m.group(0)
            except ValueError:
                continue
        term = parse_term(s, letter.datum)
        if term and term.deadline:
            return term.deadline, term.raw or s
    return None, ""


def mark_reply(letter: Letter) -> Letter:
    """Mark a reply's own structure before attribution (see the module docstring).

    A letter is a reply when the published reader said so (``role="reply"``), or when it
    comes from the government and names the letter it answers. Its questions are the
    committee's, repeated: their paragraphs become ``kind="repeat"`` (``number`` as
    printed) and ``letter.questions`` is emptied; the paragraphs after them become
    ``kind="answer"``; the minister's signature becomes ``closing``. Letters read by the
    answers reader (Kamervragen: ``Vraag N`` / ``Antwoord``) keep their structure.
    An uitstelbrief gets ``role="uitstel"``.
    """
    if letter.role in ("committee", "answers"):
        return letter
    if letter.role is None:
        if not (_from_government(letter) and reply_reference(letter)):
            return letter
        if letter.kind == "answer":
            return letter  # Vraag N / Antwoord: already answers; linked by pair_replies
    if letter.role != "reply" and _announces_later_reply(letter):
        letter.role = "uitstel"
        for p in letter.paragraphs:  # it repeats no question: any "question" is its own prose
            if p.kind in ("item", "list"):
                p.kind = "text"
        letter.questions = []
        return letter
    if letter.kind != "answer":
        _restructure(letter)
    if letter.role is None:
        letter.role = "reply"
    return letter


def _announces_later_reply(letter: Letter) -> bool:
    """More time is needed ("vergt meer tijd") and at most one question is repeated."""
    body = " ".join(_norm(p.text) for p in letter.paragraphs)
    return bool(_UITSTEL.search(body)) and len(letter.questions) <= 1


def _restructure(letter: Letter) -> None:
    asking = {q.paragraph for q in letter.questions}
    numbers = {q.paragraph: q.number for q in letter.questions}
    paras = letter.paragraphs
    sign = next((i for i in range(len(paras) - 1, max(-1, len(paras) - 8), -1)
                 if _SIGNATURE.match(_norm(paras[i].text))), None)
    # a reply that repeats no question (answers per fractie section, in order): every
    # body paragraph in a section is an answer
    # "**Vraag 3**" / "**Antwoord op vragen 3 en 4**" on their own line are read as
    # headings: the paragraphs under them are the repeated question(s) and the answer
    vraag_sections: dict[int, list[str]] = {}
    antwoord_sections: dict[int, list[str]] = {}
    for sec in letter.sections:
        heading = _norm(sec.heading)
        if _ANTWOORD_HEADING.match(heading):
            antwoord_sections[sec.index] = _numbers(heading)
        elif re.match(r"^(?:Vraag|Vragen)\s+\d", heading):
            vraag_sections[sec.index] = _numbers(heading)
    seen_repeat = not asking and not any(_VRAAG_HEADING.match(_norm(p.text)) for p in paras) \
        and not vraag_sections and any(p.section is not None for p in paras)
    position: dict[int, int] = defaultdict(int)
    for p in paras:
        if sign is not None and p.index >= sign:
            p.kind = "closing"
        elif p.section in vraag_sections:
            k = position[p.section]
            position[p.section] += 1
            numbers = vraag_sections[p.section]
            p.kind = "repeat"
            p.number = numbers[k] if k < len(numbers) and (len(numbers) > 1 or k == 0) else None
            seen_repeat = True
        elif p.section in antwoord_sections:
            p.kind = "answer"
            if position[p.section] == 0 and antwoord_sections[p.section]:
                p.number = ",".join(antwoord_sections[p.section])
            position[p.section] += 1
            seen_repeat = True
        elif seen_repeat and not asking and p.section is None and p.kind == "text":
            continue  # before the first section: the reply's own introduction
        elif p.index in asking or _VRAAG_HEADING.match(_norm(p.text)):
            p.kind = "repeat"
            p.number = numbers.get(p.index) or p.number or _heading_number(p.text)
            seen_repeat = True
        elif p.kind in ("text", "list", "item") and (seen_repeat or _ANSWER_NUMBERS.match(_norm(p.text))):
            p.kind = "answer"
            seen_repeat = True
    letter.questions = []


_VRAAG_HEADING = re.compile(r"^(?:\*\*)?Vraag\s+(\d{1,3})\s*[:.]?(?:\*\*)?\s*(.*)$")


def _heading_number(text: str) -> str | None:
    m = _VRAAG_HEADING.match(_norm(text))
    return m.group(1) if m else None


# --------------------------------------------------------------------------------------
# Answer units


def _numbers(text: str) -> list[str]:
    """``"Antwoord op vragen 4 en 5"`` -> ``["4", "5"]``; ``"De vragen 6 en 7 beantwoord ik
    gezamenlijk"`` -> ``["6", "7"]``; ``"vragen 2 t/m 4"`` -> ``["2", "3", "4"]``."""
    m = _ANSWER_NUMBERS.match(_norm(text))
    if not m:
        return []
    spec = m.group(1)
    out: list[str] = []
    for a, b in re.findall(r"(\d+)\s*(?:t/m|-|–)\s*(\d+)", spec):
        if int(a) < int(b) <= int(a) + 30:
            out += [str(n) for n in range(int(a), int(b) + 1)]
    out += re.findall(r"\d+", spec)
    return list(dict.fromkeys(out))


def answer_units(letter: Letter) -> list[AnswerUnit]:
    """The answers of a letter, each with the questions repeated before it.

    Works on what :func:`mark_reply` (or the answers reader) made: ``repeat`` / ``item``
    paragraphs with their questions, then ``answer`` paragraphs; consecutive answer
    paragraphs after the same repeats are one answer. An answer paragraph that names its
    questions ("Antwoord op vragen 4 en 5") starts an answer of its own.
    """
    qtext = defaultdict(list)
    for q in letter.questions:
        qtext[q.paragraph].append(q)
    units: list[AnswerUnit] = []
    # no question repeated at all: each answer paragraph is an answer (paired by order)
    separate = not any(p.kind == "repeat" or (p.kind == "item" and qtext.get(p.index))
                       for p in letter.paragraphs)
    pending: list[tuple[str | None, str]] = []
    pending_paras: list[int] = []
    current: AnswerUnit | None = None
    for p in letter.paragraphs:
        if p.kind in ("repeat", "item") and (p.kind == "repeat" or qtext.get(p.index)):
            if current is not None:
                current, pending, pending_paras = None, [], []
            pending_paras.append(p.index)
            if p.kind == "repeat":
                m = _VRAAG_HEADING.match(_norm(p.text))
                text = (m.group(2) if m else _norm(p.text)).strip()
                if pending and pending[-1][0] and not pending[-1][1] and not p.number:
                    pending[-1] = (pending[-1][0], text)  # "Vraag 3" heading, then the question
                else:
                    pending.append((p.number, text))
            else:
                pending.extend((q.number, q.text) for q in qtext[p.index])
            continue
        if p.kind != "answer":
            if p.kind in ("closing",):
                current = None
            continue
        named = [n.strip() for n in (p.number or "").split(",") if n.strip()]
        if letter.kind != "answer":
            named = _numbers(p.text) or named
        # "Antwoord" / "Antwoord op vraag 3" on its own line: a heading, not answer text
        text = "" if _ANTWOORD_HEADING.match(_norm(p.text)) else p.text
        if current is None or named or separate:
            numbers = named or [n for n, _ in pending if n]
            current = AnswerUnit(letter.id, [p.index], numbers, [q for q in pending if q[1]],
                                 p.section, text, p.line, list(pending_paras))
            units.append(current)
            pending, pending_paras = [], []
        else:
            current.paragraphs.append(p.index)
            current.text = f"{current.text}\n{text}" if current.text and text else current.text or text
    return units


# --------------------------------------------------------------------------------------
# The corpus: replies to letters, answers to questions


def _committee_key(name: str | None) -> str:
    return re.sub(r"[^a-z]", "", (name or "").lower().replace("vaste commissie voor", ""))


def match_letters(letters: list[Letter]) -> list[ReplyLink]:
    """Link each reply and uitstelbrief to the committee letter it answers."""
    committee = [l for l in letters if l.letter_kind == "committee"]
    by_kenmerk: dict[str, list[Letter]] = defaultdict(list)
    for l in committee:
        if l.kenmerk:
            by_kenmerk[l.kenmerk].append(l)
    by_publication: dict[str, list[Letter]] = defaultdict(list)
    for l in letters:
        if l.publication:
            by_publication[l.publication].append(l)
    links: list[ReplyLink] = []
    question_index: dict[str, list[Letter]] | None = None
    for r in sorted(letters, key=lambda l: l.id):
        if r.letter_kind not in ("reply", "uitstel", "answers"):
            continue
        role = "uitstel" if r.letter_kind == "uitstel" else "reply"
        target, how = None, ""
        ref = reply_reference(r)
        if ref and ref.kenmerk and by_kenmerk.get(ref.kenmerk):
            target, how = by_kenmerk[ref.kenmerk][0], "kenmerk"
        elif r.publication and r.publication_index:
            before = [l for l in by_publication[r.publication]
                      if l.letter_kind == "committee" and (l.publication_index or 0) < r.publication_index]
            if before:
                target, how = max(before, key=lambda l: l.publication_index or 0), "publication"
        if target is None and not (ref and ref.kenmerk):
            target, how = _by_cited_publication(r, by_publication)
        if target is None and ref and ref.datum and not (ref.kenmerk and by_kenmerk.get(ref.kenmerk)):
            same_day = [l for l in committee if l.datum == ref.datum]
            if ref.committee:
                key = _committee_key(ref.committee)
                same_day = [l for l in same_day if key and (
                    key in _committee_key(l.committee) or _committee_key(l.committee) in key)] or [
                    l for l in same_day if not l.committee]
            if len(same_day) == 1 and (ref.committee or r.letter_kind != "answers"):
                target, how = same_day[0], "date"
        if target is None and r.kind == "answer" and r.questions:  # (role "reply" once linked)
            if question_index is None:  # made only when such a reply is read
                question_index = _question_index(committee)
            target, how = _by_questions(r, question_index), "questions"
        if target is not None and target.id != r.id:
            links.append(ReplyLink(r.id, target.id, how, role, r.datum))
    return links


def _question_key(text: str) -> str:
    """A question as two copies of it agree: lower case, words only
    (``"Bent u bekend met het artikel 'X'?"`` -> ``"bent u bekend met het artikel x"``)."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _question_index(committee: list[Letter]) -> dict[str, list[Letter]]:
    """Each question (:func:`_question_key`) -> the letters that ask it."""
    index: dict[str, list[Letter]] = defaultdict(list)
    for l in committee:
        for key in dict.fromkeys(_question_key(q.text) for q in l.questions):
            index[key].append(l)
    return index


def _by_questions(reply: Letter, index: dict[str, list[Letter]]) -> Letter | None:
    """The written questions an answers document answers without naming them (an
    Aanhangsel that does not repeat the zaak number): the letter that holds, word for
    word, at least half of the questions the answers repeat (two at least, when they
    repeat more than one), and more of them than any other letter does; else None."""
    keys = set(_question_key(q.text) for q in reply.questions)
    counts: dict[str, int] = defaultdict(int)
    by_id: dict[str, Letter] = {}
    for key in keys:
        for l in index.get(key, ()):
            counts[l.id] += 1
            by_id[l.id] = l
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    best, n = ranked[0]
    need = max((len(keys) + 1) // 2, 2 if len(keys) > 1 else 1)
    if n < need or (len(ranked) > 1 and ranked[1][1] == n):
        return None
    return by_id[best]


def _by_cited_publication(reply: Letter, by_publication: dict[str, list[Letter]]
                          ) -> tuple[Letter | None, str]:
    """A memorie van antwoord answers the (nader) voorlopig verslag it cites
    (``Kamerstukken I 2025/26, 36 611, B.``), else the last committee paper of its dossier
    before it (``kst-36611-C`` answers ``kst-36611-B``)."""
    def committee_of(pub: str) -> Letter | None:
        letters = [l for l in by_publication.get(pub, []) if l.letter_kind == "committee"]
        return max(letters, key=lambda l: l.publication_index or 0) if letters else None

    cited = [c.document for fn in reply.footnotes for c in fn.citations] + [c.document for c in reply.about]
    for doc in cited:
        if doc != reply.publication and committee_of(doc) is not None:
            return committee_of(doc), "publication"
    if reply.publication and "-" in reply.publication:
        dossier = reply.publication.rsplit("-", 1)[0] + "-"
        earlier = [committee_of(pub) for pub in by_publication
                   if pub.startswith(dossier) and pub != reply.publication and committee_of(pub)
                   and (committee_of(pub).datum or _dt.date.min) <= (reply.datum or _dt.date.max)]
        if earlier:
            return max(earlier, key=lambda l: (l.datum or _dt.date.min, l.publication or "")), "dossier"
    return None, ""


def _similarity(a: str, b: str) -> float:
    a, b = _compared(a), _compared(b)
    return max(_fuzz.token_set_ratio(a, b), _fuzz.ratio(a, b)) / 100.0


@functools.lru_cache(maxsize=8192)
def _compared(text: str) -> str:
    """A text as :func:`_similarity` compares it, made once: each repeated question of a
    reply is compared with every question of the letter (half of pairing's time was
    normalising the same question texts again)."""
    return _norm(text).lower()


#: A repeated question this similar to a question is the same question.
TEXT_MATCH = 0.80
#: ... and this far ahead of the next best.
TEXT_MARGIN = 0.05


def pair_replies(letters: list[Letter], jobs: int = 1) -> Pairing:
    """Pair the corpus: reply links, answer matches, uitstel dates and warnings.

    Sets ``replies_to`` (and ``role="reply"`` for answers that reply to a loaded letter)
    on the letters and adds this stage's warnings to them (replacing those of an earlier
    call), so calling it twice gives the same letters. With ``jobs > 1`` the answers of
    each letter's replies are matched in forked processes (:func:`_pair_letter`: a
    third of the letters of a corpus of verslagen are replies, 2 ms each), with the same
    result as one process.
    """
    pairing = Pairing()
    by_id = {l.id: l for l in letters}
    for l in letters:
        l.warnings = [w for w in l.warnings if w.code not in CODES]
    pairing.links = match_letters(letters)
    replied: dict[str, set[str]] = defaultdict(set)
    for k in pairing.links:
        replied[k.reply].add(k.letter)
    for l in letters:
        l.replies_to = sorted(replied.get(l.id, ()))
        if l.replies_to and l.letter_kind == "answers":
            l.role = "reply"

    def warn(letter: Letter, where: str, code: str, message: str) -> None:
        issue = Issue(letter.source, where, code, message)
        letter.warnings.append(issue)
        pairing.warnings.append(issue)
        pairing.warnings_of.setdefault(letter.id, []).append(issue)

    linked = {k.reply for k in pairing.links}
    for l in sorted(letters, key=lambda l: l.id):
        if l.letter_kind == "uitstel":
            when, phrase = expected_date(l)
            pairing.expected[l.id] = (when, phrase)
            if when is None:
                warn(l, "", "uitstel-no-date", "uitstelbrief names no date for the reply")
        if l.letter_kind in ("reply", "uitstel") and l.id not in linked:
            ref = reply_reference(l)
            warn(l, "", "reply-unlinked",
                 f"reply names a letter that is not loaded ({ref.text}); no letter linked" if ref else
                 "reply names no letter it answers (no kenmerk, date, committee or publication "
                 "found); no letter linked")

    # answers to Kamervragen in the same document: by number (also when the letter replies
    # to a loaded letter: its own "Vraag N" repeats are answered where they stand)
    for l in sorted(letters, key=lambda l: l.id):
        if l.kind != "answer" or l.letter_kind not in ("answers", "reply"):
            continue
        own = {q.number: f"{l.id}/q{q.index}" for q in l.questions if q.number}
        for u in answer_units(l):
            pairing.units[u.id] = u
            for n in u.numbers:
                if n in own:
                    pairing.matches.append(AnswerMatch(own[n], u.id, "document", 1.0))

    replies_by_letter: dict[str, list[Letter]] = defaultdict(list)
    for k in pairing.links:
        if k.role == "reply":
            replies_by_letter[k.letter].append(by_id[k.reply])
    work = [(lid, [r.id for r in sorted(rs, key=lambda r: (r.datum or _dt.date.min, r.id))],
             ", ".join(r.id for r in rs))
            for lid, rs in sorted(replies_by_letter.items())]
    for units_of_replies, found, said in fork_map(_pair_letter, work, jobs, shared=(by_id,)):
        for units in units_of_replies:
            for u in units:
                pairing.units[u.id] = u
        pairing.matches.extend(found)
        for lid, where, code, message in said:  # in the order they were said
            warn(by_id[lid], where, code, message)
    pairing.matches.sort(key=lambda m: (m.answer, m.question_id))
    return pairing


def _pair_letter(by_id: dict[str, Letter], job: tuple[str, list[str], str]
                 ) -> tuple[list[list[AnswerUnit]], list[AnswerMatch], list[tuple[str, str, str, str]]]:
    """The answers of one committee letter's replies (``job``: the letter, its replies
    oldest first, and their names for a warning) matched with its questions: each reply's
    answer units, the matches, and the warnings as ``(letter id, where, code, message)``
    in the order they arose (a forked worker cannot add them to the letters itself;
    :func:`pair_replies` does, in this order)."""
    lid, reply_ids, named = job
    letter = by_id[lid]
    said: list[tuple[str, str, str, str]] = []

    def warn(l: Letter, where: str, code: str, message: str) -> None:
        said.append((l.id, where, code, message))

    units_of_replies: list[list[AnswerUnit]] = []
    matches: list[AnswerMatch] = []
    answered: set[str] = set()
    for rid in reply_ids:
        reply = by_id[rid]
        units = answer_units(reply)
        units_of_replies.append(units)
        found = _match_units(letter, reply, units, warn)
        matches.extend(found)
        answered.update(m.question_id for m in found)
        if not units:
            warn(reply, "", "reply-as-a-whole",
                 f"reply to {lid} has no answers per question; it answers the letter as a whole")
    if any(units_of_replies):  # some reply answers per question: name the questions none answers
        for q in letter.questions:
            qid = f"{lid}/q{q.index}"
            if qid not in answered:
                warn(letter, f"line {q.line}", "question-unanswered",
                     f"question {q.number or q.index} ({_short(q.text)}) has no answer in {named}")
    return units_of_replies, matches, said


def _short(text: str, n: int = 50) -> str:
    text = _norm(text)
    return text if len(text) <= n else text[: n - 1] + "…"


def _match_units(letter: Letter, reply: Letter, units: list[AnswerUnit], warn) -> list[AnswerMatch]:
    """Match the answers of ``reply`` to the questions of ``letter``."""
    qs = list(letter.questions)
    qid = {q.index: f"{letter.id}/q{q.index}" for q in qs}
    sections = {s.index: s for s in letter.sections}
    reply_sections = {s.index: s for s in reply.sections}

    def fractie_of(q) -> tuple[str, ...]:
        return q.fracties

    def same_section(q, unit: AnswerUnit) -> bool:
        s = reply_sections.get(unit.section) if unit.section is not None else None
        if s is None:
            return True
        qs_ = sections.get(q.section) if q.section is not None else None
        if qs_ is not None and _norm(qs_.heading).lower() == _norm(s.heading).lower():
            return True
        return bool(set(s.fracties) & set(fractie_of(q)))

    matched: dict[int, AnswerMatch] = {}  # question index -> match
    unit_of: dict[int, AnswerUnit] = {}
    unmatched_units: list[AnswerUnit] = []
    for u in units:
        got: list[tuple[int, str, float]] = []
        quoted_by_number = {n: t for n, t in u.quoted if n}
        done: set[str] = set()  # numbers paired (by number, or by their text)
        for n in u.numbers:
            cands = [q for q in qs if q.number == n]
            if len(cands) > 1:
                cands = [q for q in cands if same_section(q, u)] or cands
            if len(cands) > 1 and quoted_by_number.get(n):
                cands = sorted(cands, key=lambda q: -_similarity(quoted_by_number[n], q.text))[:1]
            if not cands:
                continue
            q = cands[0]
            text = quoted_by_number.get(n)
            if text:
                sim = _similarity(text, q.text)
                best = max(qs, key=lambda x: _similarity(text, x.text))
                best_sim = _similarity(text, best.text)
                if sim < 0.5 and best_sim >= TEXT_MATCH and best.index != q.index:
                    warn(reply, f"line {u.line}", "answer-number-mismatch",
                         f"answer to vraag {n} repeats question {best.number or best.index} "
                         f"of {letter.id}; paired by its text")
                    got.append((best.index, "text", round(best_sim, 3)))
                    done.add(n)
                    continue
            got.append((q.index, "number", 1.0))
            done.add(n)
        for n, text in u.quoted:
            if n and n in done:
                continue
            scores = sorted(((_similarity(text, q.text), q.index) for q in qs), reverse=True)
            if not scores:
                continue
            best, idx = scores[0]
            second = scores[1][0] if len(scores) > 1 else 0.0
            if best >= TEXT_MATCH and best - second >= TEXT_MARGIN:
                got.append((idx, "text", round(best, 3)))
            elif best >= TEXT_MATCH:
                warn(reply, f"line {u.line}", "answer-ambiguous",
                     f"repeated question {_short(text)!r} fits questions "
                     f"{idx} and {scores[1][1]} of {letter.id} equally; not paired by text")
        if not got:
            unmatched_units.append(u)
            continue
        for idx, how, score in got:
            if idx not in matched or matched[idx].score < score:
                matched[idx] = AnswerMatch(qid[idx], u.id, how, score)
                unit_of[idx] = u
    # order: an answer between two paired ones, with exactly one question left between
    # their questions in the same section, answers that question
    order = [u.id for u in units]
    pos_of_q = {q.index: k for k, q in enumerate(qs)}
    for u in list(unmatched_units):
        k = order.index(u.id)
        before = next((idx for idx, m in sorted(matched.items(), key=lambda x: -order.index(x[1].answer))
                       if order.index(m.answer) < k), None)
        after = next((idx for idx, m in sorted(matched.items(), key=lambda x: order.index(x[1].answer))
                      if order.index(m.answer) > k), None)
        lo = pos_of_q[before] + 1 if before is not None else 0
        hi = pos_of_q[after] if after is not None else len(qs)
        gap = [q for q in qs[lo:hi] if q.index not in matched]
        if len(gap) == 1 and (before is not None or after is not None) and same_section(gap[0], u):
            matched[gap[0].index] = AnswerMatch(qid[gap[0].index], u.id, "order", 0.5)
            unmatched_units.remove(u)
    # no repeats and no numbers (answers in order, per fractie): the n-th answer in a
    # fractie's section answers the fractie's n-th question, when the counts agree
    bare = [u for u in unmatched_units if not u.quoted and not u.numbers]
    if bare:
        group_q: dict[tuple, list] = defaultdict(list)
        for q in qs:
            if q.index not in matched:
                group_q[tuple(sorted(q.fracties))].append(q)
        group_u: dict[tuple, list[AnswerUnit]] = defaultdict(list)
        for u in bare:
            s = reply_sections.get(u.section) if u.section is not None else None
            group_u[tuple(sorted(s.fracties)) if s else ()].append(u)
        if list(group_u) == [()] and len(group_q) == 1:  # no sections in the reply
            group_u = {next(iter(group_q)): group_u[()]}
        for key, us in group_u.items():
            if key in group_q and len(group_q[key]) == len(us):
                for q, u in zip(group_q[key], us):
                    matched[q.index] = AnswerMatch(qid[q.index], u.id, "order", 0.5)
                    unmatched_units.remove(u)
    for u in unmatched_units:
        what = "; ".join(_short(t) for _, t in u.quoted) or _short(u.text)
        warn(reply, f"line {u.line}", "answer-unmatched",
             f"answer ({what}) matches no question of {letter.id}")
    return list(matched.values())


# --------------------------------------------------------------------------------------
# Status


def status_date() -> _dt.date:
    """Today, or the date of ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date()
    return _dt.date.today()


def letter_status(letter: Letter, pairing: Pairing, today: _dt.date,
                  index: PairingIndex | None = None) -> LetterStatus | None:
    """The status of a committee letter on ``today`` (None for replies and answers).

    No reply: ``open`` up to the deadline (or without one), ``postponed`` while an
    uitstelbrief's date has not passed, else ``overdue``. A reply: ``answered``, or
    ``answered late`` (the first reply after the deadline; ``days_late``), or ``partly
    answered`` when some questions have no answer in any reply. Never ``overdue`` for a
    letter that has a reply.
    """
    if letter.letter_kind != "committee":
        return None
    index = index or pairing.index()
    lid = letter.id
    replies = index.replies.get((lid, "reply"), [])
    uitstel = index.replies.get((lid, "uitstel"), [])
    deadline = letter.deadline
    qids = {f"{lid}/q{q.index}" for q in letter.questions}
    answered_q = qids & index.matched
    expected = None
    uid = None
    if uitstel:
        uid = uitstel[-1].reply
        expected = pairing.expected.get(uid, (None, ""))[0]
    if replies:
        first = replies[0]
        when = first.datum
        late = (when - deadline).days if (when and deadline) else None
        days_late = max(late, 0) if late is not None else None
        has_units = any(r.reply in index.unit_letters for r in replies)
        if has_units and qids and len(answered_q) < len(qids):
            status = "partly answered"
        elif late is not None and late > 0:
            status = "answered late"
        else:
            status = "answered"
        days_open = (when - letter.datum).days if (when and letter.datum) else None
        return LetterStatus(lid, status, deadline, first.reply, when, len(answered_q), len(qids),
                            days_late, days_open, expected, uid)
    days_open = (today - letter.datum).days if letter.datum and today >= letter.datum else None
    if uitstel and (expected is None or today <= expected):
        status = "postponed"
    elif deadline is not None and today > (expected or deadline):
        status = "overdue"
    else:
        status = "open"
    days_late = (today - deadline).days if (status == "overdue" and deadline) else None
    return LetterStatus(lid, status, deadline, None, None, 0, len(qids), days_late, days_open,
                        expected, uid)


def answer_paragraphs(letter: Letter) -> list[Paragraph]:
    return [p for p in letter.paragraphs if p.kind == "answer"]
