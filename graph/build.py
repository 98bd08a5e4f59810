"""The citation graph: one ``networkx.MultiDiGraph`` for a set of letters (DESIGN §4).

Node ids are canonical ids (``letter-181524``, ``letter-181524/q7``, ``kst-36871-O``,
``kst-36871-O/bijlage/p40``, ``dossier-36871``); every node has ``kind`` and ``label``
and only plain str/int/bool attributes (lists are JSON strings), so GraphML and GEXF
take the graph as it is. Edge keys are deterministic strings, so two builds of the same
letters give the same graph in the same order.

Letters are linked to each other through shared nodes, and directly by one ``shares``
edge per pair of letters that cite a common source (document, page, dossier). A source
cited by more than :data:`SHARES_HUB_LIMIT` letters makes no pairwise edges: the common
node already links them, and pairwise edges would grow quadratically.
"""
from __future__ import annotations

import datetime as _dt
import json
import re
from collections import defaultdict
from functools import lru_cache
from itertools import combinations

import networkx as nx

from .citations import dossier_id, target_ids
from .gcpause import gc_paused
from .model import Citation, Letter
from .pairing import Pairing, PairingIndex, letter_status, pair_replies, status_date

SHARES_HUB_LIMIT = 100

_STOP = {"van", "voor", "de", "het", "der", "den", "t.a.v.", "aan"}


def node_record(attrs: dict) -> str:
    """A node's attributes as one canonical JSON string (the merge order of shared nodes)."""
    return json.dumps(attrs, sort_keys=True, ensure_ascii=False)


def slug(text: str) -> str:
    """``Minister van Asiel en Migratie`` -> ``minister-asiel-en-migratie``."""
    words = re.findall(r"[0-9a-z]+", text.lower().replace("&", ""))
    return "-".join(w for w in words if w not in _STOP)


def addressee_id(letter: Letter) -> str | None:
    if not letter.addressee_function:
        return None
    return "actor-" + slug(letter.addressee_function)


def committee_id(letter: Letter) -> str | None:
    """``I&A/JBZ`` of the Eerste Kamer -> ``actor-ek-commissie-ia-jbz``."""
    name = letter.committee_abbr or letter.committee
    if not name:
        return None
    prefix = f"{letter.chamber}-" if letter.chamber else ""
    return f"actor-{prefix}commissie-{slug(name)}"


def question_id(letter: Letter | str, index: int) -> str:
    """``letter-181524/q7``: the question's id (``letter``: the letter or its id; the
    graph builder passes the id it already has, ``Letter.id`` being worked out per call)."""
    return f"{letter if isinstance(letter, str) else letter.id}/q{index}"


def footnote_id(letter: Letter | str, number: str) -> str:
    """``letter-181524/fn9`` (``letter`` as for :func:`question_id`)."""
    return f"{letter if isinstance(letter, str) else letter.id}/fn{number}"


def section_id(letter: Letter | str, index: int) -> str:
    """``letter-181524/s3`` (``letter`` as for :func:`question_id`)."""
    return f"{letter if isinstance(letter, str) else letter.id}/s{index}"


def _json(values) -> str:
    return _json_tuple(tuple(values))


@lru_cache(maxsize=4096)
def _json_tuple(values: tuple) -> str:  # the same few fractie lists, over and over
    return json.dumps(list(values), ensure_ascii=False)


def _iso(d) -> str:
    return d.isoformat() if d else ""


class _Builder:
    """Adds nodes and edges to a new ``MultiDiGraph`` through its own dicts (``_node``,
    ``_succ``, ``_pred``), as ``add_node`` / ``add_edge`` would: the same dicts in the
    same order, without their per-call checks and cache clearing (half the time of a
    10,000-letter graph was in those two methods). The graph's caches are cleared once,
    when it is :meth:`done`; nothing reads it before."""

    def __init__(self) -> None:
        self.G = nx.MultiDiGraph()
        self._node, self._succ, self._pred = self.G._node, self.G._succ, self.G._pred

    def _add_node(self, nid: str, data: dict) -> None:
        """``G.add_node(nid, **data)``: a new node takes ``data`` as its attribute dict."""
        if nid in self._succ:
            self._node[nid].update(data)
        else:
            self._succ[nid] = {}
            self._pred[nid] = {}
            self._node[nid] = data

    def _add_edge(self, u: str, v: str, key: str, data: dict) -> None:
        """``G.add_edge(u, v, key=key, **data)``: missing ends are added without
        attributes; an edge already there takes ``data``'s values."""
        succ = self._succ
        if u not in succ:
            self._add_node(u, {})
        if v not in succ:
            self._add_node(v, {})
        keydict = succ[u].get(v)
        if keydict is None:
            keydict = succ[u][v] = self._pred[v][u] = {}
        old = keydict.get(key)
        if old is None:
            keydict[key] = data
        else:
            old.update(data)

    def done(self) -> nx.MultiDiGraph:
        nx._clear_cache(self.G)
        return self.G

    def node(self, nid: str, kind: str, label: str, **attrs) -> None:
        """Add a node; a node met again (a document cited by several letters) keeps the
        attribute record that sorts first, so the result does not depend on the order
        letters are met in (the distributed build merges partitions the same way)."""
        data = {"kind": kind, "label": label, **{k: v for k, v in attrs.items() if v is not None}}
        old = self._node.get(nid)
        if old is not None:
            if old != data and node_record(data) < node_record(old):
                old.clear()
                old.update(data)
            return
        self._add_node(nid, data)

    def own(self, nid: str, kind: str, label: str, **attrs) -> None:
        """Add a node only one letter makes (its sections, questions, footnotes): no
        merge needed."""
        self._add_node(nid, {"kind": kind, "label": label, **attrs})

    def link(self, u: str, v: str, kind: str) -> None:
        """Add an edge that is unique by construction (``contains``, ``asks``)."""
        self._add_edge(u, v, kind, {"kind": kind})

    def edge(self, u: str, v: str, kind: str, suffix: str = "", **attrs) -> None:
        key = f"{kind}:{suffix}" if suffix else kind
        keydict = self._succ.get(u, {}).get(v)
        if keydict is not None and key in keydict:
            return
        self._add_edge(u, v, key, {"kind": kind, **attrs})

    def target(self, cit: Citation) -> list[str]:
        """Add the nodes a citation points at (document, part, pages, dossier) with their
        structural edges; return the most specific target ids."""
        doc = cit.document
        if cit.kind in ("edossier", "dossier"):  # E-dossier, or a dossier cited without a paper
            number = doc.split("-", 1)[1]
            self.node(doc, "dossier", f"{'E-dossier' if cit.kind == 'edossier' else 'Dossier'} {number}",
                      dossier_kind="edossier" if cit.kind == "edossier" else "kamerstuk",
                      number=number, url=cit.url)
        else:
            self.node(doc, "document", cit.label or doc, doc_kind=cit.kind, url=cit.url,
                      citation=cit.label or cit.text, dossier=cit.dossier or "")
            did = dossier_id(cit)
            if did:
                number = did.split("-", 1)[1]
                self.node(did, "dossier", f"Dossier {number}", dossier_kind="kamerstuk",
                          number=number, url="")
                self.edge(doc, did, "in_dossier")
        targets = target_ids(cit)
        parent = doc
        if cit.part:
            part = f"{doc}/{cit.part}"
            self.node(part, "part", cit.part, document=doc, part=cit.part, url=cit.url)
            self.edge(part, doc, "part_of")
            parent = part
        for t in targets:
            if t == parent or t == doc:
                continue
            page = int(t.rsplit("/p", 1)[1])
            self.node(t, "page", f"p. {page}", document=doc, part=cit.part or "",
                      page=page, url=cit.url)
            self.edge(t, parent, "page_of")
        return targets


def build_graph(letters: list[Letter], link_letters: bool = True,
                documents: dict | None = None, pairing: Pairing | None = None,
                today: _dt.date | None = None, consume: bool = False) -> nx.MultiDiGraph:
    """Build the graph of ``letters`` (read, resolved, attributed and paired). ``documents``
    (from a fetch cache, :func:`kamerxref.graph.documents.read_documents`) gives the cited
    document and page nodes their titles, dates, types and page texts. ``pairing`` is the
    result of :func:`kamerxref.graph.pairing.pair_replies` on the letters (computed here
    when not given); ``today`` is the day the letters' ``status`` refers to (default:
    today, or ``SOURCE_DATE_EPOCH``).

    With ``consume`` the list ``letters`` is emptied and each letter let go once it is in
    the graph, so the letters and the graph are never both whole in memory (``kamerxref
    build`` of 10,000 letters: the letters are some 600 MB, the graph 1.3 GB).

    >>> G = build_graph(letters)                        # doctest: +SKIP
    >>> G.nodes["kst-36871-O/bijlage/p40"]["kind"]       # doctest: +SKIP
    'page'
    """
    if pairing is None:
        pairing = pair_replies(letters)
    ordered = sorted(letters, key=lambda l: (l.id, l.source))
    if consume:
        letters.clear()
    with gc_paused():  # see graph/gcpause.py
        G = _build(ordered, link_letters, pairing, today or status_date())
    if documents:
        from .documents import apply_documents

        apply_documents(G, documents)
    return G


def _status_attrs(letter: Letter, pairing: Pairing, today: _dt.date, index: PairingIndex) -> dict:
    """The letter node's reply and status attributes (DESIGN §5 ``letters`` record)."""
    attrs = {"role": letter.letter_kind, "publication": letter.publication or "",
             "replies_to": _json(letter.replies_to)}
    st = letter_status(letter, pairing, today, index)
    if st is None:
        return attrs
    attrs.update(status=st.status, status_date=today.isoformat(), reply=st.reply or "",
                 answered=_iso(st.answered), answered_questions=st.answered_questions,
                 days_late=st.days_late, days_open=st.days_open, expected=_iso(st.expected),
                 uitstel=st.uitstel or "")
    return attrs


def _build(ordered: list[Letter], link_letters: bool, pairing: Pairing,
           today: _dt.date) -> nx.MultiDiGraph:
    """The graph of ``ordered`` (sorted by id), each entry set to None once added: the
    list is the builder's own, so a letter nobody else holds is freed there."""
    b = _Builder()
    G = b.G
    letter_sources: dict[str, set[str]] = {}
    index = pairing.index()
    answers_of = index.matches_of
    for i in range(len(ordered)):
        letter, ordered[i] = ordered[i], None
        lid = letter.id
        addressee = ", ".join(x for x in (letter.addressee_function, letter.addressee_name) if x)
        b.node(lid, "letter", f"Brief {letter.kenmerk or lid}", letter_kind=letter.kind,
               kenmerk=letter.kenmerk or "", datum=_iso(letter.datum),
               betreft=letter.betreft or "", deadline=_iso(letter.deadline),
               term=letter.term_raw or "", committee=letter.committee or "",
               committee_abbr=letter.committee_abbr or "", chamber=letter.chamber or "",
               addressee=addressee, chair=letter.chair or "", source=letter.source,
               fracties=_json(letter.fracties), n_questions=len(letter.questions),
               n_footnotes=len(letter.footnotes), n_warnings=len(letter.warnings),
               publication_index=letter.publication_index or 0,
               **_status_attrs(letter, pairing, today, index))
        if letter.publication:
            # the Kamerstuk the letter is published in (a verslag holds the committee's
            # letter and the reply, in order): letter -published_in-> kst-30573-J
            for doc in b.target(publication_citation(letter.publication)):
                b.edge(lid, doc, "published_in", index=letter.publication_index or 0)
        aid = addressee_id(letter)
        if aid:
            b.node(aid, "actor", letter.addressee_function, role="addressee",
                   name=letter.addressee_function)
            b.edge(lid, aid, "addressed_to")
        cid = committee_id(letter)
        if cid:
            b.node(cid, "actor", letter.committee_abbr or letter.committee, role="committee",
                   name=letter.committee or letter.committee_abbr)
            b.edge(lid, cid, "sent_by")

        sections = {s.index: s for s in letter.sections}
        for s in letter.sections:
            sid = section_id(lid, s.index)
            b.own(sid, "section", s.heading, letter=lid, heading=s.heading,
                  section_kind=s.kind, level=s.level, fracties=_json(s.fracties), index=s.index)
            b.link(lid, sid, "contains")
            if s.parent is not None:
                b.link(section_id(lid, s.parent), sid, "contains")
        letter_fracties = set(letter.fracties)
        for f in letter.fracties:
            b.node(f"fractie-{f}", "fractie", f, name=f)

        # A number printed twice (warned by the reader) keeps both bodies: the second is
        # letter-181524/fn9-2; questions citing "9" reach the targets of both.
        seen: dict[str, int] = {}
        targets_of: dict[str, list[str]] = {}
        for fn in letter.footnotes:
            seen[fn.number] = seen.get(fn.number, 0) + 1
            fid = footnote_id(lid, fn.number)
            if seen[fn.number] > 1:
                fid += f"-{seen[fn.number]}"
            b.own(fid, "footnote", f"noot {fn.number}", letter=lid, number=fn.number,
                  text=fn.text, line=fn.line, n_citations=len(fn.citations))
            b.link(lid, fid, "contains")
            tids = targets_of.setdefault(fn.number, [])
            for cit in fn.citations:
                for t in b.target(cit):
                    if t not in tids:
                        tids.append(t)
                    b.edge(fid, t, "refers_to", resolved_from=cit.resolved_from or "")
        letter_sources[lid] = sources_of(letter)

        for q in letter.questions:
            qid = question_id(lid, q.index)
            section = sections.get(q.section) if q.section is not None else None
            b.own(qid, "question", f"{q.number or q.index}. {_short(q.text)}", letter=lid,
                  index=q.index, number=q.number or "", text=q.text,
                  fracties=_json(q.fracties), section=section.heading if section else "",
                  section_id=section_id(lid, section.index) if section else "", line=q.line)
            best = max(answers_of.get(qid, []), key=lambda m: (m.score, m.answer), default=None)
            if best is not None:  # the answer on the question, for the views
                unit = pairing.units[best.answer]
                G.nodes[qid].update(answer=best.answer, answer_letter=unit.letter,
                                    answer_text=unit.text, answer_how=best.how,
                                    answer_score=best.score)
            b.link(lid, qid, "contains")
            if section is not None:
                b.link(section_id(lid, section.index), qid, "contains")
            for f in q.fracties:
                if f not in letter_fracties:
                    b.node(f"fractie-{f}", "fractie", f, name=f)
                b.link(f"fractie-{f}", qid, "asks")

        owner_of_paragraph = {}
        units = index.units_of.get(lid, [])
        for u in units:
            for i in u.paragraphs + u.repeats:
                owner_of_paragraph[i] = u.id
        for link in letter.attributions:
            if link.answer is not None:
                owner = owner_of_paragraph.get(link.answer, lid)
            else:
                owner = lid if link.question is None else question_id(lid, link.question)
            fid = footnote_id(lid, link.footnote)
            for t in targets_of.get(link.footnote, []):
                b.edge(owner, t, "cites", suffix=fid, via=fid, how=link.how,
                       footnotes=_json([link.footnote]))
        # citations in the body text itself (publisher extref links in officielebekendmakingen
        # XML, or citations found in the text of documents without footnotes)
        # A citation inside a question's own text is cited by that question.
        questions_in = defaultdict(list)
        for q in letter.questions:
            questions_in[q.paragraph].append(q)
        for para in letter.paragraphs:
            for cit in para.citations:
                owner = next((question_id(lid, q.index) for q in questions_in[para.index]
                              if q.start <= cit.span[0] < q.end), lid)
                for t in b.target(cit):
                    b.edge(owner, t, "cites", suffix=f"p{para.index}", via="", how=cit.how,
                           footnotes="[]")
        # a minister's answers (graph/pairing.py): answer -answers-> the question(s) it
        # answers, in this letter (Kamervragen) or in the letter it replies to
        for u in sorted(units, key=lambda u: u.paragraphs[0]):
            number = ",".join(u.numbers)
            b.own(u.id, "answer", f"antwoord {number}".strip(), letter=lid, number=number,
                  text=u.text, line=u.line,
                  question_text="\n".join(t for _, t in u.quoted))
            b.link(lid, u.id, "contains")
        for reply_to in letter.replies_to:
            link = index.link_of.get((lid, reply_to))
            b.edge(lid, reply_to, "replies_to", how=link.how if link else "",
                   role=letter.letter_kind)
        for cit in letter.about:
            b.target(cit)
            b.edge(lid, cit.document, "about")

    for m in pairing.matches:  # after every letter: the question may be in a later one
        # (or, in a partition of the distributed build, in another partition)
        if m.answer in G:
            b.edge(m.answer, m.question_id, "answers", how=m.how, score=m.score)
    if link_letters:
        add_shares(G, shares_edges(letter_sources))
    return b.done()


def add_shares(G: nx.MultiDiGraph, edges: list[tuple[str, str, dict]]) -> None:
    for a, c, attrs in edges:
        G.add_edge(a, c, key="shares", kind="shares", **attrs)


def publication_citation(publication: str) -> Citation:
    """The Kamerstuk a letter is published in, as the citation engine would give it:
    ``kst-30573-J`` -> document ``kst-30573-J`` in dossier ``30573``."""
    m = re.match(r"^kst-(.+)-([^-]+)$", publication)
    return Citation(kind="kamerstuk", document=publication, span=(0, 0), text=publication,
                    dossier=m.group(1) if m else None,
                    url=f"https://zoek.officielebekendmakingen.nl/{publication}.html")


def sources_of(letter: Letter) -> set[str]:
    """The source node ids a letter cites: documents, their pages and parts, dossiers."""
    sources: set[str] = set()
    for fn in letter.footnotes:
        for cit in fn.citations:
            sources.add(cit.document)
            sources.update(target_ids(cit))
            did = dossier_id(cit)
            if did:
                sources.add(did)
    return sources


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def shares_edges(letter_sources: dict[str, set[str]]) -> list[tuple[str, str, dict]]:
    """``(letter_a, letter_b, attrs)`` for each pair of letters citing a common source,
    ``letter_a < letter_b``, sorted; hubs above :data:`SHARES_HUB_LIMIT` are left out."""
    by_source: dict[str, list[str]] = defaultdict(list)
    for lid in sorted(letter_sources):
        for s in letter_sources[lid]:
            by_source[s].append(lid)
    shared: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s, lids in by_source.items():
        if 1 < len(lids) <= SHARES_HUB_LIMIT:
            for pair in combinations(lids, 2):
                shared[pair].add(s)
    out = []
    for (a, c) in sorted(shared):
        items = sorted(shared[(a, c)])
        out.append((a, c, {"shared": _json(items), "weight": len(items)}))
    return out
