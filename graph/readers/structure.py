"""Structure of a committee letter's text: fractie names, sentences, questions.

The question unit of DESIGN §1: a numbered item is one question; in prose each
sentence that asks is one question -- it ends with ``?`` (a bullet list introduced by
the sentence belongs to it), or it is an indirect question without ``?``:

- ``"Deze leden vragen de regering of zij kan aangeven hoe zij aankijkt tegen deze
  mogelijke complicaties."`` (seed 181524, D66) -> a question;
- ``"Deze leden vragen de regering verder hoe zij concreet waarborgt ..."`` -> a question;
- ``"De leden van de fractie van JA21 hebben de volgende vragen voor de regering."``
  -> an announcement, not a question (``vragen`` is a noun here);
- ``"... zij verzoeken u deze binnen vier weken na dagtekening van deze brief te mogen
  ontvangen."`` -> a request to answer in time, not a question.

Everything here is a pure function on strings, linear in the input.
"""
from __future__ import annotations

import re

__all__ = [
    "asks",
    "fracties_in",
    "is_closing_request",
    "missing_question_mark",
    "sentence_spans",
]

# ------------------------------------------------------------------ fractie names

# A fractie name as the chamber writes it: D66, JA21, GroenLinks-PvdA, 50PLUS, PvdD,
# ChristenUnie, and multi-word names joined by lower-case particles (Partij voor de
# Dieren, Forum voor Democratie). No closed list: any capitalised token qualifies.
_TOKEN = r"[A-Z0-9][\w&'’]*(?:-[A-Z0-9][\w&'’]*)*"
_NAME = _TOKEN + r"(?:\s+(?:voor|van)(?:\s+(?:de|het))?\s+" + _TOKEN + r")?"
_LIST = re.compile(
    r"\bfracties?\s+van\s+(?:de\s+|het\s+)?(?P<first>" + _NAME + r")"
    r"(?P<rest>(?:\s*,\s*(?:van\s+)?(?:de\s+|het\s+)?" + _NAME + r")*"
    r"(?:\s*,?\s+en\s+(?:van\s+)?(?:de\s+|het\s+)?" + _NAME + r")?)"
)
_REST_NAME = re.compile(r"(?:,|\ben\b)\s*(?:van\s+)?(?:de\s+|het\s+)?(" + _NAME + r")")
_SUFFIX = re.compile(r"\b(" + _TOKEN + r")-fractie\b")
_PREFIX = re.compile(r"\b[Ff]ractie-(" + _TOKEN + r")")
# Capitalised words that follow "fractie van" but are not fractie names.
_NOT_A_NAME = {"Eerste", "Tweede", "Kamer", "Staten-Generaal", "Zie"}


def fracties_in(text: str) -> list[str]:
    """Fractie names named in ``text``, in order of first mention, without duplicates.

    ``"De leden van de fracties van **Volt** en de **PvdD** constateren"`` ->
    ``["Volt", "PvdD"]``; ``"de fractie van Volt, mede namens de leden van de fractie
    van de PvdD"`` -> ``["Volt", "PvdD"]``; ``"de leden van de GroenLinks-PvdA-fractie"``
    -> ``["GroenLinks-PvdA"]``; ``"de leden van de Fractie-Nanninga"`` ->
    ``["Fractie-Nanninga"]``. Markdown emphasis is ignored.
    """
    text = re.sub(r"\s+", " ", text.replace("*", "").replace("_", " "))
    found: list[tuple[int, str]] = []
    for m in _LIST.finditer(text):
        found.append((m.start("first"), m.group("first")))
        base = m.start("rest")
        for r in _REST_NAME.finditer(m.group("rest")):
            found.append((base + r.start(1), r.group(1)))
    for m in _SUFFIX.finditer(text):
        found.append((m.start(1), m.group(1)))
    for m in _PREFIX.finditer(text):
        found.append((m.start(), "Fractie-" + m.group(1)))
    out: list[str] = []
    for _, name in sorted(found):
        name = name.strip(" ,.;:")
        if name and name not in out and name not in _NOT_A_NAME:
            out.append(name)
    return out


# --------------------------------------------------------------------- sentences

#: Abbreviations after which a full stop does not end a sentence (compared lower case,
#: without the final dot). Initials and dotted abbreviations (``A.W.J.A.``, ``o.a.``,
#: ``d.w.z.``, ``e.v.``) are recognised by shape.
ABBREVIATIONS = {
    "p", "pp", "blz", "nr", "nrs", "art", "artt", "lid", "bijv", "bv", "vgl", "zgn",
    "zg", "ca", "incl", "excl", "resp", "jl", "mr", "dr", "drs", "ir", "ing", "prof",
    "dhr", "mevr", "mw", "St", "sr", "jr", "vs", "cf", "afd", "hfd", "par", "jo",
    "red", "min", "max", "mln", "mld", "mrd", "e", "i", "o", "t", "z", "no", "ed",
    "vol", "fig", "tab", "bijl", "hst", "pag", "sub", "c", "m", "m.b.t", "t.a.v",
    "i.v.m", "n.a.v", "o.g.v", "i.p.v", "a.s", "z.s.m", "ev", "etc", "enz",
}
#: Abbreviations that often end a sentence too: a capitalised word after them starts
#: a new sentence (``"... p. 40 e.v. De regering ..."``).
_SENTENCE_FINAL_ABBR = {"e.v", "ev", "etc", "enz", "jl", "e.d", "a.s"}
_TERMINATOR = re.compile(r"[.?!…]+[\"'’”)\]*_]*(?=\s|$)")
_DOTTED = re.compile(r"^(?:[A-Za-zÀ-ÿ]{1,3}\.)*[A-Za-zÀ-ÿ]{1,3}$")


def _word_before(text: str, pos: int) -> str:
    """The non-space run that ends at ``pos`` (the terminator), without brackets."""
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:pos].lstrip("([\"'‘“*_")


def sentence_spans(text: str, split_bullets: bool = False) -> list[tuple[int, int]]:
    """Split a paragraph into sentences; returns ``[start, end)`` spans, whitespace
    trimmed, covering every non-space character.

    Does not split on abbreviations (``p. 5``, ``o.a.``, ``bijv.``, ``d.w.z.``,
    ``A.W.J.A.``, ``nr.``, ``art.``, ``e.v.`` before a lower-case word), before a
    lower-case word, or inside a bullet list: ``"... nodig te hebben voor:\\n-
    terugkeerhubs;\\n- ...\\n- monitoring en juridische procedures?"`` is one sentence.
    With ``split_bullets`` each bullet line starts a sentence (a list that stands on its
    own, not introduced by a sentence).
    """
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    cuts: list[int] = []
    for m in _TERMINATOR.finditer(text):
        end = m.end()
        rest = end
        while rest < n and text[rest] in " \t":
            rest += 1
        if rest >= n:
            continue
        nxt = text[rest]
        if nxt == "\n":
            # a line break inside a paragraph only occurs before bullets / sub-items
            if split_bullets:
                cuts.append(end)
            continue
        if nxt.islower():
            continue
        if text[m.start()] == ".":
            word = _word_before(text, m.start())
            low = word.lower()
            if low in ABBREVIATIONS or word in ABBREVIATIONS:
                if low not in _SENTENCE_FINAL_ABBR:
                    continue
            elif _DOTTED.match(word) and "." in word:
                if low not in _SENTENCE_FINAL_ABBR:
                    continue
            elif len(word) == 1 and word.isalpha() and word.isupper():
                continue  # an initial: "G. van den Brink", "minister A. Jansen"
            if nxt.isdigit() and low in ABBREVIATIONS:
                continue
        cuts.append(end)
    if split_bullets:
        for m in re.finditer(r"\n(?=[-•]\s)", text):
            cuts.append(m.start())
    for cut in sorted(set(cuts)):
        if cut > start:
            spans.append((start, cut))
            start = cut
    spans.append((start, n))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# --------------------------------------------------------------------- questions

_CLOSING_REQUEST = re.compile(
    r"\b(?:beantwoording|antwoorden|antwoord)\b[^.?!]{0,100}?\btegemoet\b"
    r"|\bte\s+mogen\s+ontvangen\b"
    r"|\b(?:beantwoording|antwoorden|antwoord|reactie)\b[^.?!]{0,80}?\bbinnen\s+\S+\s+"
    r"(?:werkdagen|dagen|weken|week|maanden|maand)\b",
    re.I,
)


def is_closing_request(sentence: str) -> bool:
    """A request to answer (in time), not a question: ``"De leden van de vaste
    commissie ... zien uw beantwoording met belangstelling tegemoet en zij verzoeken u
    deze binnen vier weken na dagtekening van deze brief te mogen ontvangen."``"""
    low = sentence.lower()
    if "antwoord" not in low and "mogen" not in low and "react" not in low:
        return False  # every branch of the pattern needs one of these words
    return bool(_CLOSING_REQUEST.search(sentence))


_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|[,;:]")
# Words after which "vragen" is the noun (questions), not the verb (to ask).
_NOUN_BEFORE = {
    "de", "het", "een", "enkele", "enige", "volgende", "navolgende", "deze", "die",
    "hun", "haar", "zijn", "uw", "onze", "nog", "aantal", "tal", "twee", "drie", "vier",
    "vijf", "zes", "meer", "veel", "vele", "weinig", "andere", "overige", "welke",
    "sommige", "alle", "zulke", "hebben", "heeft", "hadden", "had", "stellen", "stelt",
    "stelden", "leggen", "legt", "rijzen", "rijst", "roept", "roepen", "leven",
    "bestaan", "over", "met", "zonder", "op", "bij", "van", "voor", "tot", "aan",
    "om", "en", "of", "geen", "wat", "zoveel", "beantwoorden", "beantwoording",
}
_NOT_OBJECT = {"aandacht", "begrip", "steun", "ruimte", "geld", "tijd", "middelen"}
_COMPLEMENT = {
    "of", "hoe", "wat", "welke", "welk", "waarom", "wanneer", "wie", "wiens", "hoeveel",
    "hoelang", "hoezeer", "inhoeverre", "om", "naar", "af", "waar", "waarop",
    "waaraan", "waarmee", "waarin", "waarvoor", "waardoor", "waarover", "waaruit",
    "waarbij", "waarvan", "waartoe", "te",
}
_ASK_VERBS = {"vragen", "vraagt", "vroegen", "vroeg", "verzoeken", "verzoekt"}
_GRAAG = re.compile(
    r"\b(?:vernemen|horen|ontvangen|krijgen|zien)\b[^.?!]{0,60}?\bgraag\b[^.?!]{0,60}?"
    r"\b(?:of|hoe|wat|welke|waarom|wanneer|in\s+hoeverre|een\s+(?:reactie|toelichting|"
    r"overzicht|onderbouwing|uiteenzetting|appreciatie)|nader)\b"
    r"|\bgraag\b[^.?!]{0,40}?\b(?:vernemen|horen|weten|ontvangen)\b"
    r"|\b(?:zijn|is)\s+(?:[\w-]+\s+){0,3}?benieuwd\b"
    r"|\bwillen\s+(?:[\w-]+\s+){0,3}?weten\b"
    r"|\bwensen\s+(?:[\w-]+\s+){0,3}?(?:te\s+)?(?:vernemen|weten)\b"
    r"|\b(?:zien|ziet)\b[^.?!]{0,80}?\b(?:reactie|toelichting|appreciatie)\b[^.?!]{0,80}?"
    r"\btegemoet\b",
    re.I,
)
_VRAAG_NOUN = re.compile(
    r"\b(?:stellen|stelt|leggen|legt|rijst|rijzen|roept|roepen)\b[^.?!]{0,60}?\bvraag\b"
    r"[^.?!]{0,30}?\b(?:of|hoe|waarom|wat|welke|wanneer|in\s+hoeverre)\b"
    r"|\bvraag\s+rijst\b",
    re.I,
)
_INVERSION = re.compile(
    r"^(?:Kan|Kunt|Wil|Wilt|Is|Zijn|Acht|Deelt|Heeft|Hebben|Gaat|Zal|Ziet|Erkent|Onderschrijft)"
    r"\s+(?:de\s+regering|het\s+kabinet|u|zij|de\s+minister|de\s+staatssecretaris)\b"
)


#: Words each branch of :data:`_GRAAG` needs (lower case): a sentence without any of
#: them cannot match it, and most sentences are settled by these substring checks.
_GRAAG_WORDS = ("graag", "euwd", "weten", "vernemen", "tegemoet")


def _indirect(sentence: str) -> bool:
    low = sentence.lower()
    if "vr" in low or "verzoek" in low:  # an ask verb: vragen, vroeg, verzoekt, ...
        if _ask_verb_with_complement(sentence):
            return True
    if any(w in low for w in _GRAAG_WORDS) and _GRAAG.search(sentence):
        return True
    return "vraag" in low and bool(_VRAAG_NOUN.search(sentence))


def _ask_verb_with_complement(sentence: str) -> bool:
    """``"Deze leden vragen de regering of ..."``: an ask verb (not the noun
    ``vragen``) followed within 15 words by a complementiser."""
    words = _WORDS.findall(sentence)
    lower = [w.lower() for w in words]
    for i, w in enumerate(lower):
        if w not in _ASK_VERBS:
            continue
        prev = words[i - 1] if i else ""
        if w == "vragen":
            if prev.lower() in _NOUN_BEFORE:
                continue
            if prev.islower() and prev.endswith("e") and prev != "ze":
                continue  # an adjective: "aanvullende vragen", "kritische vragen"
        nxt = lower[i + 1] if i + 1 < len(lower) else ""
        if not nxt or nxt == "te" or nxt in _NOT_OBJECT:
            continue
        window = lower[i + 1:i + 16]
        for j, x in enumerate(window):
            if x in _COMPLEMENT:
                return True
            if x == "in" and j + 1 < len(window) and window[j + 1] == "hoeverre":
                return True
    return False


def missing_question_mark(sentence: str) -> bool:
    """A direct question that lost its ``?``: ``"Kan de regering dit toelichten."``"""
    s = sentence.strip().lstrip("-•* ")
    return bool(_INVERSION.match(s)) and not s.rstrip("\"'’”)]*_ ").endswith("?")


def asks(sentence: str) -> bool:
    """Does this sentence ask a question (the unit of DESIGN §1)?

    True for a sentence ending in ``?`` (also after its bullet list), an indirect
    question (``"De leden van de fractie van D66 vragen of de regering kan uitleggen
    waarom ..."``, ``"Deze leden vernemen graag hoe ..."``, ``"... vragen zich af of
    ..."``), and a direct question that lost its ``?`` (``"Kan de regering ...
    toelichten."``). False for statements, announcements (``"De leden stellen de
    regering dan ook de volgende vragen."``) and requests to answer in time.
    """
    s = sentence.rstrip().rstrip("\"'’”)]*_ ")
    if s.endswith("?"):
        return True
    if is_closing_request(sentence):
        return False
    return _indirect(sentence) or missing_question_mark(sentence)
