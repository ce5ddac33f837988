"""Quote benchmark: who said what, found and attributed, articlekit against textacy.

Usage, from the repository root::

    python -m benchmarks.quotes DATA.jsonl [--extractors articlekit,textacy]
        [--mode direct|all] [--match 0.8] [--repeat 3] [--json FILE] [--markdown]

**Data**: JSONL, one document a line: ``{"id", "text", "quotes": [{"text", "speaker",
"kind", "speaker_type", ...}]}`` with `kind` "direct", "partial" or "other" (a quoted span
that is not speech: scare quote, title, nickname) and `speaker_type` "person", "pronoun"
(the text names the speaker by a pronoun; `speaker` is who it refers to, or null when
unresolved), "other" or "none". Each line of `text` is a paragraph.

**Matching**, per document: a predicted quote and a gold quote match when the token F1 of
their texts is at least ``--match`` (tokens: lower-cased ``\\w+`` runs, so quotation marks
and punctuation never count). Pairs are taken best F1 first (among equal F1, the nearest
start offsets), each quote in one pair at most. In mode "direct" the gold direct quotes
are scored and the partial and "other" ones form the ignore set; in mode "all" direct and
partial are scored and "other" is ignored. A prediction matched to an ignored quote is
neither a true nor a false positive; one matched to nothing is a false positive, whatever
kind the tool gave it.

**Speakers**, on matched pairs: names are normalised (parenthesised parts, appositions
after a comma, possessive 's, titles such as Mr/Dr/Sen/President and generational suffixes
dropped; casefolded). The surname is right when the last tokens agree, the full name when
the whole normalised names do. A gold speaker that is null with type "none" (nobody
speaks) is right only when the tool gives none; null with any other type (an unresolved
pronoun) cannot be checked: the pair is left out of the speaker accuracies and never
counts as an end-to-end hit.

**Figures**: detection P/R/F1; speaker right by surname and by full name, of the found
quotes; by surname for gold "person" and "pronoun" speakers; end-to-end F1, a hit being a
quote found with its surname right; direct vs partial right on matched quotes (tools
that label kinds); gold "other" spans reported as speech (matched by a prediction that is
direct, has a speaker, or comes from a tool without kinds; lower is better); ms per 1,000
whitespace words, each document's fastest of ``--repeat`` interleaved passes
(`benchmarks.timing`), the tools' imports and model loads excluded.

**Tools**: ``articlekit`` measures ``parse_article(text).quotes``, the whole pipeline as an
article sees it (``articlekit-text`` measures ``extract_quotes(text)``, the quote engine
alone); ``textacy`` runs spaCy's ``en_core_web_sm`` per paragraph with
``textacy.extract.triples.direct_quotations`` and a small name resolver (`resolve_speaker`).
A tool whose library or model is not installed is skipped with a note.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import re
import shlex
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from benchmarks.body import machine_line
from benchmarks.datasets import Page
from benchmarks.extractors import named
from benchmarks.report import format_table
from benchmarks.timing import ToolRun, time_interleaved

Mode = Literal["direct", "all"]

DEFAULT_EXTRACTORS = "articlekit,textacy"
DEFAULT_MATCH = 0.8

# --- data -----------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldQuote:
    """One annotated quoted span."""

    text: str
    speaker: str | None
    kind: str  # "direct", "partial" or "other"
    speaker_type: str  # "person", "pronoun", "other" or "none"
    start: int | None = None  # offset in the document's text


@dataclass(frozen=True)
class QuoteDoc:
    """One benchmark document: its plain text (a paragraph a line) and its gold quotes."""

    id: str
    text: str
    quotes: tuple[GoldQuote, ...]

    @property
    def words(self) -> int:
        """Whitespace-separated words, the unit of the speed figure."""
        return len(self.text.split())


@dataclass(frozen=True)
class Predicted:
    """A quote as a tool reports it; `kind` is None for tools that do not label kinds.

    `start` is where the quote begins in the text the tool saw, when it says; it only
    breaks ties between equally good matches.
    """

    text: str
    speaker: str | None
    kind: str | None = None
    start: int | None = None


def _gold_quote(record: dict[str, Any]) -> GoldQuote:
    speaker = record.get("speaker") or None
    default_type = "person" if speaker else "none"
    return GoldQuote(
        text=str(record.get("text") or ""),
        speaker=speaker,
        kind=str(record.get("kind") or "direct"),
        speaker_type=str(record.get("speaker_type") or default_type),
        start=record["start"] if isinstance(record.get("start"), int) else None,
    )


def load_quote_docs(path: Path | str, limit: int | None = None) -> tuple[QuoteDoc, ...]:
    """The documents of a JSONL file, in file order (the first `limit` when given)."""
    docs: list[QuoteDoc] = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if limit is not None and len(docs) >= limit:
                break
            if not line.strip():
                continue
            record = json.loads(line)
            docs.append(
                QuoteDoc(
                    id=str(record.get("id") or f"line-{number}"),
                    text=str(record.get("text") or ""),
                    quotes=tuple(_gold_quote(q) for q in record.get("quotes") or ()),
                )
            )
    return tuple(docs)


# --- matching -------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def quote_tokens(text: str) -> list[str]:
    """The lower-cased word tokens of a quote; marks and punctuation fall away.

    >>> quote_tokens("“We’ll see,” she said.")
    ['we', 'll', 'see', 'she', 'said']
    """
    return _WORD.findall(text.lower())


def token_f1(a: str, b: str) -> float:
    """F1 of the two texts' token multisets; 0.0 when either has no token.

    >>> round(token_f1("we will win", "we will win this"), 3)
    0.857
    """
    mine, theirs = Counter(quote_tokens(a)), Counter(quote_tokens(b))
    common = sum((mine & theirs).values())
    if not common:
        return 0.0
    precision, recall = common / sum(mine.values()), common / sum(theirs.values())
    return 2 * precision * recall / (precision + recall)


def match_quotes(
    predicted: Sequence[str],
    gold: Sequence[str],
    threshold: float = DEFAULT_MATCH,
    *,
    predicted_at: Sequence[int | None] = (),
    gold_at: Sequence[int | None] = (),
) -> list[tuple[int, int]]:
    """Greedy one-to-one (predicted index, gold index) pairs, best token F1 first.

    Only pairs with F1 >= `threshold` are taken. Among equal F1 (the same phrase quoted
    twice) the pair whose start offsets (`predicted_at`, `gold_at`, when known) are
    closest goes first, then the earlier quotes.

    >>> match_quotes(["a b c", "x y"], ["x y z", "a b c"], threshold=0.5)
    [(0, 1), (1, 0)]
    >>> match_quotes(["a b"], ["a b", "a b"], predicted_at=[90], gold_at=[10, 88])
    [(0, 1)]
    """
    gold_tokens = [Counter(quote_tokens(g)) for g in gold]
    candidates: list[tuple[float, int, int, int]] = []
    for p, text in enumerate(predicted):
        mine = Counter(quote_tokens(text))
        if not mine:
            continue
        for g, theirs in enumerate(gold_tokens):
            common = sum((mine & theirs).values())
            if not common:
                continue
            precision, recall = common / sum(mine.values()), common / sum(theirs.values())
            f1 = 2 * precision * recall / (precision + recall)
            if f1 >= threshold:
                candidates.append((-f1, _distance(predicted_at, p, gold_at, g), p, g))
    pairs: list[tuple[int, int]] = []
    used_predicted: set[int] = set()
    used_gold: set[int] = set()
    for _, _, p, g in sorted(candidates):
        if p not in used_predicted and g not in used_gold:
            pairs.append((p, g))
            used_predicted.add(p)
            used_gold.add(g)
    return sorted(pairs)


def _distance(
    predicted_at: Sequence[int | None], p: int, gold_at: Sequence[int | None], g: int
) -> int:
    """How far apart two quotes start; 0 when either offset is unknown."""
    mine = predicted_at[p] if p < len(predicted_at) else None
    theirs = gold_at[g] if g < len(gold_at) else None
    return 0 if mine is None or theirs is None else abs(mine - theirs)


# --- speakers -------------------------------------------------------------------------

# Words in front of a name that are not part of it (a title, a role, an article), by kind.
_TITLE_GROUPS = (
    "mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend father",
    "pope king queen prince princess",
    "president vice former secretary minister prime chancellor mayor gov governor",
    "sen senator rep representative congressman congresswoman speaker leader majority minority",
    "judge justice attorney general",
    "gen col lt sgt capt cmdr adm admiral",
    "chief ceo chairman chairwoman spokesman spokeswoman spokesperson senior deputy",
    "candidate nominee presidential democratic republican democrat gop",
    "the a an us u s sr jr",
)
NAME_TITLES = frozenset(word for group in _TITLE_GROUPS for word in group.split())
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_PARENTHESIS = re.compile(r"\([^)]*\)")
_POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")


def normalise_name(name: str | None) -> str:
    """A speaker's name reduced for comparison: no titles, apposition, 's or punctuation.

    >>> normalise_name("Sen. Lindsey O. Graham's (R-S.C.)")
    'lindsey o graham'
    >>> normalise_name("Mr. King, 82, a retired teacher")
    'king'
    """
    if not name:
        return ""
    text = _PARENTHESIS.sub(" ", name).split(",")[0]
    tokens = _NAME_TOKEN.findall(_POSSESSIVE.sub("", text).casefold())
    while len(tokens) > 1 and tokens[0] in NAME_TITLES:  # a bare "President" stays
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1] in NAME_SUFFIXES:
        tokens.pop()
    return " ".join(tokens)


def surname(name: str | None) -> str:
    """The last token of the normalised name (``""`` for no name).

    >>> surname("President Barack Obama")
    'obama'
    """
    tokens = normalise_name(name).split()
    return tokens[-1] if tokens else ""


@dataclass(frozen=True)
class Pair:
    """A predicted quote matched to a scored gold quote."""

    gold: GoldQuote
    predicted: Predicted

    @property
    def checkable(self) -> bool:
        """False when the gold speaker is unknown (a pronoun the annotation left unresolved)."""
        return self.gold.speaker is not None or self.gold.speaker_type == "none"

    def _speaker_right(self, reduce: Callable[[str | None], str]) -> bool | None:
        if not self.checkable:
            return None
        if self.gold.speaker is None:  # nobody speaks: right only when no one is named
            return not self.predicted.speaker
        return bool(self.predicted.speaker) and reduce(self.predicted.speaker) == reduce(
            self.gold.speaker
        )

    @property
    def surname_right(self) -> bool | None:
        """Same surname; None when the gold speaker cannot be checked."""
        return self._speaker_right(surname)

    @property
    def full_name_right(self) -> bool | None:
        """Same normalised full name; None when the gold speaker cannot be checked."""
        return self._speaker_right(normalise_name)

    @property
    def kind_right(self) -> bool | None:
        """Direct vs partial as in the gold; None for a tool without kinds."""
        return None if self.predicted.kind is None else self.predicted.kind == self.gold.kind


# --- scoring --------------------------------------------------------------------------


def scored_kinds(mode: Mode) -> frozenset[str]:
    """The gold kinds a mode scores; every other kind is the ignore set."""
    return frozenset({"direct"} if mode == "direct" else {"direct", "partial"})


def reported_as_speech(predicted: Predicted) -> bool:
    """Whether a prediction presents its span as speech (not a speakerless partial)."""
    return predicted.kind == "direct" or bool(predicted.speaker) or predicted.kind is None


@dataclass(frozen=True)
class DocScore:
    """One document's matching: pairs, misses, false positives and ignored predictions."""

    doc_id: str
    pairs: tuple[Pair, ...]
    missed: tuple[GoldQuote, ...]
    spurious: tuple[Predicted, ...]
    ignored: int  # predictions matched to a gold quote of the ignore set
    other_spans: int  # gold "other" spans (scare quotes, titles, nicknames)
    other_as_speech: int  # of those, matched by a prediction reported as speech

    @property
    def tp(self) -> int:
        return len(self.pairs)

    @property
    def fp(self) -> int:
        return len(self.spurious)

    @property
    def fn(self) -> int:
        return len(self.missed)

    @property
    def e2e_tp(self) -> int:
        """Quotes found with the speaker's surname right."""
        return sum(1 for pair in self.pairs if pair.surname_right)


def score_document(
    doc: QuoteDoc,
    predicted: Sequence[Predicted],
    mode: Mode = "direct",
    threshold: float = DEFAULT_MATCH,
) -> DocScore:
    """Match one document's predictions to its gold quotes (see the module docstring)."""
    scored = scored_kinds(mode)
    pairs = match_quotes(
        [p.text for p in predicted],
        [g.text for g in doc.quotes],
        threshold,
        predicted_at=[p.start for p in predicted],
        gold_at=[g.start for g in doc.quotes],
    )
    gold_of = {p: doc.quotes[g] for p, g in pairs}
    matched_gold = {g for _, g in pairs}
    found = tuple(Pair(gold_of[p], predicted[p]) for p, _ in pairs if gold_of[p].kind in scored)
    return DocScore(
        doc_id=doc.id,
        pairs=found,
        missed=tuple(
            g for i, g in enumerate(doc.quotes) if g.kind in scored and i not in matched_gold
        ),
        spurious=tuple(p for i, p in enumerate(predicted) if i not in gold_of),
        ignored=sum(1 for g in gold_of.values() if g.kind not in scored),
        other_spans=sum(1 for g in doc.quotes if g.kind == "other"),
        other_as_speech=sum(
            1 for p, g in gold_of.items() if g.kind == "other" and reported_as_speech(predicted[p])
        ),
    )


@dataclass(frozen=True)
class Rate:
    """`right` of `total`; its value is None when there is nothing to count."""

    right: int
    total: int

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None

    @classmethod
    def of(cls, verdicts: Iterable[bool | None]) -> Rate:
        """The rate of True among the verdicts that are not None."""
        counted = [v for v in verdicts if v is not None]
        return cls(sum(counted), len(counted))


def _f1(tp: int, predicted: int, gold: int) -> float:
    return 2 * tp / (predicted + gold) if predicted + gold else 0.0


@dataclass(frozen=True)
class QuoteScores:
    """A tool's figures over a dataset, with the per-document matchings they come from."""

    tp: int
    fp: int
    fn: int
    surname: Rate
    full_name: Rate
    person: Rate
    pronoun: Rate
    e2e_tp: int
    kind: Rate
    other_as_speech: Rate
    docs: tuple[DocScore, ...] = field(repr=False)

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        """Predictions scored (the ones matched to the ignore set left out)."""
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.tp, self.predicted, self.gold)

    @property
    def e2e_f1(self) -> float:
        """F1 where a hit is a quote found with its speaker's surname right."""
        return _f1(self.e2e_tp, self.predicted, self.gold)


def combine_scores(docs: Sequence[DocScore]) -> QuoteScores:
    """Dataset figures: counts summed over documents (micro-averaged)."""
    pairs = [pair for doc in docs for pair in doc.pairs]

    def of_type(speaker_type: str) -> Rate:
        return Rate.of([p.surname_right for p in pairs if p.gold.speaker_type == speaker_type])

    return QuoteScores(
        tp=sum(d.tp for d in docs),
        fp=sum(d.fp for d in docs),
        fn=sum(d.fn for d in docs),
        surname=Rate.of([p.surname_right for p in pairs]),
        full_name=Rate.of([p.full_name_right for p in pairs]),
        person=of_type("person"),
        pronoun=of_type("pronoun"),
        e2e_tp=sum(d.e2e_tp for d in docs),
        kind=Rate.of([p.kind_right for p in pairs]),
        other_as_speech=Rate(
            sum(d.other_as_speech for d in docs), sum(d.other_spans for d in docs)
        ),
        docs=tuple(docs),
    )


def score_tool(
    docs: Sequence[QuoteDoc],
    predictions: Sequence[Sequence[Predicted]],
    mode: Mode = "direct",
    threshold: float = DEFAULT_MATCH,
) -> QuoteScores:
    """Score one tool's predictions, one sequence per document, against the gold."""
    if len(docs) != len(predictions):
        raise ValueError(f"{len(docs)} documents but {len(predictions)} predictions")
    return combine_scores(
        [
            score_document(doc, found, mode, threshold)
            for doc, found in zip(docs, predictions, strict=True)
        ]
    )


# --- tools ----------------------------------------------------------------------------

QuoteExtract = Callable[[str], Sequence[Predicted]]

# Speaker mentions that stand for someone named elsewhere.
PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "i", "we"})
_LINE = re.compile(r"[^\r\n]*\S[^\r\n]*")  # a paragraph: a line with some text


def resolve_speaker(
    mention: str | None, people: Sequence[str], last_speaker: str | None
) -> str | None:
    """A speaker mention resolved against the document so far (for tools without one).

    A pronoun becomes the last named speaker (else the last person mentioned); a name
    becomes the latest longer name of `people` with the same surname; anything else stays.

    >>> resolve_speaker("he", ["Ana Ruiz"], None)
    'Ana Ruiz'
    >>> resolve_speaker("Ruiz", ["Ana Ruiz", "Tom Lee"], "Tom Lee")
    'Ana Ruiz'
    """
    if not mention:
        return None
    if mention.casefold() in PRONOUNS:
        return last_speaker or (people[-1] if people else None)
    wanted = surname(mention)
    length = len(normalise_name(mention).split())
    for person in reversed(people):
        if surname(person) == wanted and len(normalise_name(person).split()) > length:
            return person
    return mention


def _build_articlekit() -> QuoteExtract:
    import articlekit

    def extract(text: str) -> tuple[Predicted, ...]:
        # the whole pipeline, as the team's reference harness measures it; the offsets are
        # into body.text, close enough to the input's to break ties between matches
        quotes = articlekit.parse_article(text).quotes
        return tuple(Predicted(q.text, q.speaker, q.kind, q.start) for q in quotes)

    return extract


def _build_articlekit_text() -> QuoteExtract:
    import articlekit

    def extract(text: str) -> tuple[Predicted, ...]:
        return tuple(
            Predicted(q.text, q.speaker, q.kind, q.start) for q in articlekit.extract_quotes(text)
        )

    return extract


def _build_textacy() -> QuoteExtract:
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load("en_core_web_sm")  # OSError when the model is not installed

    def extract(text: str) -> tuple[Predicted, ...]:
        found: list[Predicted] = []
        people: list[str] = []
        last_speaker: str | None = None
        for line in _LINE.finditer(text):
            paragraph = line.group()
            try:  # textacy raises on unbalanced quotation marks: only that paragraph is lost
                parsed = nlp(paragraph)
                triples = list(direct_quotations(parsed))
            except Exception:
                continue
            people += [ent.text for ent in parsed.ents if ent.label_ == "PERSON"]
            for triple in triples:
                mention = " ".join(t.text for t in sorted(triple.speaker, key=lambda t: t.i))
                speaker = resolve_speaker(mention, people, last_speaker)
                if speaker and speaker.casefold() not in PRONOUNS:
                    last_speaker = speaker
                start = line.start() + triple.content.start_char
                found.append(Predicted(triple.content.text, speaker, None, start))
        return tuple(found)

    return extract


@dataclass(frozen=True)
class QuoteTool:
    """A quote extractor to benchmark: its name, its distribution and how to build it."""

    name: str
    distribution: str
    build: Callable[[], QuoteExtract]

    def version(self) -> str:
        """The installed version of the tool's distribution, or ``?``."""
        try:
            return importlib.metadata.version(self.distribution)
        except importlib.metadata.PackageNotFoundError:
            return "?"


QUOTE_TOOLS: tuple[QuoteTool, ...] = (
    QuoteTool("articlekit", "articlekit", _build_articlekit),
    QuoteTool("articlekit-text", "articlekit", _build_articlekit_text),
    QuoteTool("textacy", "textacy", _build_textacy),
)


def quote_tool_named(name: str) -> QuoteTool:
    """The tool called `name` (``articlekit_text`` works for ``articlekit-text``)."""
    return named(QUOTE_TOOLS, name, "extractor")


# --- running --------------------------------------------------------------------------


@dataclass
class ToolResult:
    """One tool on the dataset: its predictions, errors, best times per document, scores."""

    tool: QuoteTool
    version: str
    predictions: list[tuple[Predicted, ...]]
    errors: dict[int, str]
    wall_ns: list[int]
    scores: QuoteScores

    @property
    def name(self) -> str:
        return self.tool.name

    def ms_per_1k_words(self, docs: Sequence[QuoteDoc]) -> float:
        """Wall time per 1,000 words over the whole dataset."""
        words = sum(doc.words for doc in docs)
        return sum(self.wall_ns) / 1e6 / words * 1000 if words else 0.0


def _recording(
    extract: QuoteExtract, outputs: dict[str, tuple[Predicted, ...]]
) -> Callable[[str, str | None], str]:
    """`extract` behind the body runners' ``(html, url) -> str`` timing signature."""

    def run(text: str, url: str | None) -> str:
        outputs[text] = tuple(extract(text))
        return ""

    return run


def run_tools(
    docs: Sequence[QuoteDoc],
    tools: Sequence[tuple[QuoteTool, QuoteExtract]],
    *,
    mode: Mode = "direct",
    threshold: float = DEFAULT_MATCH,
    repeat: int = 1,
    timeout: float = 120.0,
) -> list[ToolResult]:
    """Time every tool on every document (interleaved, fastest of `repeat`), then score."""
    outputs: list[dict[str, tuple[Predicted, ...]]] = [{} for _ in tools]
    runs: list[ToolRun] = time_interleaved(
        [
            (t.name, _recording(extract, out))
            for (t, extract), out in zip(tools, outputs, strict=True)
        ],
        [Page(id=doc.id, url=None, html=doc.text, expected_text="") for doc in docs],
        repeat=repeat,
        timeout=timeout,
        progress=_note,
    )
    results = []
    for (tool, _), run, out in zip(tools, runs, outputs, strict=True):
        predictions = [
            () if i in run.errors else out.get(doc.text, ()) for i, doc in enumerate(docs)
        ]
        results.append(
            ToolResult(
                tool=tool,
                version=tool.version(),
                predictions=predictions,
                errors=run.errors,
                wall_ns=run.wall_ns,
                scores=score_tool(docs, predictions, mode, threshold),
            )
        )
    return results


# --- reporting ------------------------------------------------------------------------

_HEADERS = [
    "extractor",
    "version",
    "gold",
    "found",
    "P",
    "R",
    "detection F1",
    "speaker right (surname), of found",
    "full name right, of found",
    "named speakers right",
    "pronoun speakers right",
    "end-to-end F1",
    "direct vs partial right",
    "scare quotes as speech",
    "ms / 1k words",
    "errors",
]


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def summary_table(
    results: Sequence[ToolResult], docs: Sequence[QuoteDoc], markdown: bool = False
) -> str:
    """One row per tool, in the order given; figures in percent."""
    rows = []
    for r in results:
        s = r.scores
        rows.append(
            [
                r.name,
                r.version,
                str(s.gold),
                str(s.predicted),
                _pct(s.precision),
                _pct(s.recall),
                _pct(s.f1),
                _pct(s.surname.value),
                _pct(s.full_name.value),
                _pct(s.person.value),
                _pct(s.pronoun.value),
                _pct(s.e2e_f1),
                _pct(s.kind.value),
                _pct(s.other_as_speech.value),
                f"{r.ms_per_1k_words(docs):.1f}",
                str(len(r.errors)),
            ]
        )
    return format_table(_HEADERS, rows, markdown)


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _rate_json(rate: Rate) -> dict[str, Any]:
    return {"right": rate.right, "n": rate.total, "value": rate.value}


def to_json(
    results: Sequence[ToolResult], docs: Sequence[QuoteDoc], mode: Mode, threshold: float
) -> dict[str, Any]:
    """Every figure of the run, per tool and document, with each miss and wrong speaker."""
    out: dict[str, Any] = {
        "machine": machine_line(),
        "mode": mode,
        "match": threshold,
        "docs": len(docs),
        "words": sum(doc.words for doc in docs),
        "tools": {},
    }
    for r in results:
        s = r.scores
        out["tools"][r.name] = {
            "version": r.version,
            "gold": s.gold,
            "predicted": s.predicted,
            "tp": s.tp,
            "fp": s.fp,
            "fn": s.fn,
            "precision": s.precision,
            "recall": s.recall,
            "f1": s.f1,
            "surname": _rate_json(s.surname),
            "full_name": _rate_json(s.full_name),
            "person": _rate_json(s.person),
            "pronoun": _rate_json(s.pronoun),
            "e2e_tp": s.e2e_tp,
            "e2e_f1": s.e2e_f1,
            "kind": _rate_json(s.kind),
            "other_as_speech": _rate_json(s.other_as_speech),
            "ms_per_1k_words": r.ms_per_1k_words(docs),
            "errors": len(r.errors),
            "per_doc": {
                d.doc_id: {
                    "tp": d.tp,
                    "fp": d.fp,
                    "fn": d.fn,
                    "e2e_tp": d.e2e_tp,
                    "ignored": d.ignored,
                    "ms": r.wall_ns[i] / 1e6,
                    "error": r.errors.get(i),
                    "missed": [_short(g.text) for g in d.missed],
                    "spurious": [_short(p.text) for p in d.spurious],
                    "wrong_speaker": [
                        {
                            "quote": _short(p.gold.text),
                            "gold": p.gold.speaker,
                            "predicted": p.predicted.speaker,
                            "speaker_type": p.gold.speaker_type,
                        }
                        for p in d.pairs
                        if p.surname_right is False
                    ],
                }
                for i, d in enumerate(s.docs)
            },
        }
    return out


# --- command line ---------------------------------------------------------------------


def _note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.quotes", description=(__doc__ or "").split("\n\n")[0]
    )
    parser.add_argument("data", type=Path, help="JSONL file, one document a line")
    parser.add_argument(
        "--extractors",
        default=DEFAULT_EXTRACTORS,
        help="comma-separated, of: " + ", ".join(t.name for t in QUOTE_TOOLS),
    )
    parser.add_argument("--mode", choices=["direct", "all"], default="direct")
    parser.add_argument("--match", type=float, default=DEFAULT_MATCH, help="token F1 to match")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes (fastest kept)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per call, 0: none")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write all results as JSON")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark from the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        chosen = [quote_tool_named(n) for n in args.extractors.split(",") if n.strip()]
    except KeyError as error:
        raise SystemExit(str(error.args[0])) from None
    tools: list[tuple[QuoteTool, QuoteExtract]] = []
    for tool in dict.fromkeys(chosen):
        try:
            tools.append((tool, tool.build()))
        except Exception as error:  # ImportError, or OSError for a missing spaCy model
            _note(f"skipping {tool.name}: {type(error).__name__}: {error}")
    docs = load_quote_docs(args.data, args.limit)
    _note(f"{args.data}: {len(docs)} documents, {len(tools)} extractors, ×{args.repeat}")
    results = run_tools(
        docs, tools, mode=args.mode, threshold=args.match, repeat=args.repeat, timeout=args.timeout
    )
    words = sum(doc.words for doc in docs)
    print(
        f"\n{args.data.name}: {len(docs)} documents, {words} words; "
        f"mode {args.mode}, match token F1 >= {args.match:g}"
    )
    print(summary_table(results, docs, markdown=args.markdown))
    command = "python -m benchmarks.quotes " + " ".join(
        shlex.quote(a) for a in (sys.argv[1:] if argv is None else argv)
    )
    print(f"\n{command}\n{machine_line()}")
    if args.json:
        args.json.write_text(
            json.dumps(to_json(results, docs, args.mode, args.match), indent=1), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
