"""Attribution: which question cites which source (DESIGN §3).

The rules work on the structure the reader found (paragraphs, numbered items, question
spans, footnote markers with their offset), never on line positions:

1. A footnote is anchored where its marker stands (paragraph + character offset).
2. A question cites the footnotes anchored since the previous question of the same
   paragraph or numbered item, in the question itself or in the context sentences just
   before it (``direct``). In letter 181524, D66: "... problemen kunnen ontstaan ten
   aanzien van individuele gevallen.[2] Clingendael verwacht praktische complicaties en
   rechtszaken. Deze leden vragen de regering of zij kan aangeven hoe ..." -> the
   question cites footnote 2, ``how="direct"``.
3. A question with no new footnote inherits the citations of the previous question of
   its paragraph (``paragraph``).
4. A context paragraph that carries footnotes but asks nothing passes them to the
   question paragraphs that follow it in the same (sub)section (``section``), until a
   heading or a paragraph with footnotes of its own. (Volt/PvdD, "Europese
   samenwerking": footnote 20 in the context paragraph reaches the four questions of the
   two paragraphs after it.)
5. Footnotes in the introduction are the letter's own sources (``letter``); questions
   do not inherit them.
6. Footnotes in a minister's answer (``answer`` paragraphs, and the questions a reply
   repeats) are that answer's own (``direct``, ``Attribution.answer``): the government
   cites too, and its sources are not passed on to the next question.

Every footnote is accounted for: a footnote that reaches no question and is not a letter
source (a marker in a closing paragraph, or a body without marker) becomes a letter-level
source too, with a warning, so nothing silently drops out of the graph.
"""
from __future__ import annotations

from collections import defaultdict
from operator import attrgetter

from .citations import target_ids
from .model import Attribution, Citation, Cite, FootnoteMarker, Issue, Letter, Question

_OFFSET = attrgetter("offset")
_START = attrgetter("start")

#: Strength order when one target reaches a question in more than one way.
HOW_RANK = {"direct": 0, "paragraph": 1, "section": 2, "letter": 3, "publisher": 4, "text": 5}


def attribute(letter: Letter) -> list[Attribution]:
    """Attribute the letter's footnotes to its questions; fills ``letter.attributions``,
    ``question.cites`` and ``letter.cites`` and returns the attributions."""
    by_paragraph: dict[int, list[Question]] = defaultdict(list)
    for q in letter.questions:
        by_paragraph[q.paragraph].append(q)
    markers: dict[int, list[FootnoteMarker]] = defaultdict(list)
    for para in letter.paragraphs:
        markers[para.index] = sorted(para.markers, key=_OFFSET) if len(para.markers) > 1 else para.markers

    links: list[Attribution] = []
    reached: set[str] = set()
    carried: list[str] = []  # footnotes of the last context paragraph, rule 4
    carried_section: int | None = None

    for para in letter.paragraphs:
        own = [m.number for m in markers[para.index]]
        questions = by_paragraph.get(para.index, [])
        if len(questions) > 1:
            questions = sorted(questions, key=_START)
        if para.kind == "intro":
            links.extend(Attribution(None, n, "letter") for n in own)
            reached.update(own)
            carried = []
            continue
        if para.kind in ("answer", "repeat"):  # the government cites too: the answer's own
            links.extend(Attribution(None, n, "direct", answer=para.index) for n in own)
            reached.update(own)
            carried = []
            continue
        if carried and para.section != carried_section:
            carried = []  # a heading ends what a context paragraph passes on
        if not questions:
            if own:  # a context paragraph: rule 4 starts anew from it
                carried, carried_section = own, para.section
            continue
        if own:
            carried = []  # a paragraph with footnotes of its own ends the chain
        previous: list[tuple[str, str]] = []
        prev_end = -1
        for q in questions:
            new = [(m.number, "direct") for m in markers[para.index] if prev_end < m.offset <= q.end]
            if new:
                got = new
            elif previous:  # rule 3; what came by rule 4 keeps its weaker "section"
                got = [(n, "paragraph" if how == "direct" else how) for n, how in previous]
            elif carried:
                got = [(n, "section") for n in carried]
            else:
                got = []
            links.extend(Attribution(q.index, n, how) for n, how in got)
            reached.update(n for n, _ in got)
            previous = got or previous
            prev_end = q.end
        # markers after the paragraph's last question still belong to it (rule 2 with
        # the question before them): "... vragen of X.? Zie ook[5]" is rare; count them
        # to the last question so they are not lost.
        tail = [m.number for m in markers[para.index] if m.offset > prev_end]
        if tail and questions:
            links.extend(Attribution(questions[-1].index, n, "paragraph") for n in tail)
            reached.update(tail)

    for fn in letter.footnotes:
        if fn.number in reached:
            continue
        where = f"line {fn.line}, footnote {fn.number}"
        if fn.marker is None:
            why = "footnote has no marker in the text: kept as a source of the letter"
        else:
            why = "footnote marker stands outside any question or context: kept as a source of the letter"
        letter.warnings.append(Issue(letter.source, where, "unattributed-footnote", why, fn.line))
        links.append(Attribution(None, fn.number, "letter"))
        reached.add(fn.number)

    letter.attributions = links
    _fill_cites(letter)
    return links


def _fill_cites(letter: Letter) -> None:
    """Turn footnote attributions into :class:`Cite` records, one per cited node."""
    footnotes = {fn.number: fn for fn in letter.footnotes}
    # each footnote's (citation, target ids), made once: a footnote reaches several
    # questions (rule 3 and 4)
    targets: dict[str, list[tuple[Citation, list[str]]]] = {}
    per_owner: dict[int | None, dict[str, dict]] = defaultdict(dict)
    for link in letter.attributions:
        fn = footnotes.get(link.footnote)
        if fn is None or link.answer is not None:  # an answer's sources: graph/pairing.py
            continue
        cited = targets.get(link.footnote)
        if cited is None:
            cited = targets[link.footnote] = [(cit, target_ids(cit)) for cit in fn.citations]
        for cit, ids in cited:
            for target in ids:
                slot = per_owner[link.question].setdefault(
                    target, {"cit": cit, "how": link.how, "footnotes": []})
                if HOW_RANK[link.how] < HOW_RANK[slot["how"]]:
                    slot["how"] = link.how
                if link.footnote not in slot["footnotes"]:
                    slot["footnotes"].append(link.footnote)

    def cites_of(owner: int | None) -> list[Cite]:
        out = []
        for target, slot in per_owner.get(owner, {}).items():
            cit = slot["cit"]
            page = _page_of(target)
            out.append(Cite(target, cit.document, cit.part, page, slot["how"],
                            tuple(slot["footnotes"])))
        return out

    for q in letter.questions:
        q.cites = cites_of(q.index)
    letter.cites = cites_of(None)


def _page_of(target: str) -> int | None:
    last = target.rsplit("/", 1)[-1]
    if "/" in target and last.startswith("p") and last[1:].isdigit():
        return int(last[1:])
    return None
