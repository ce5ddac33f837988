"""The quote benchmark runner's scoring: matching, the ignore set, speakers, end-to-end F1.

Every document here is written by hand for the test; no benchmark text is copied in.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from benchmarks import quotes
from benchmarks.quotes import (
    GoldQuote,
    Predicted,
    QuoteDoc,
    QuoteTool,
    load_quote_docs,
    match_quotes,
    normalise_name,
    quote_tokens,
    resolve_speaker,
    run_tools,
    score_document,
    score_tool,
    surname,
    token_f1,
)

HARBOUR = "The harbour will reopen in the spring once the dredging is done."
FERRIES = "Ferries will run every hour from the first of May."
TOLLS = "tolls are a tax on the poor"
NICKNAME = "the Iron Gate"


def gold(
    text: str,
    speaker: str | None = "Ana Ruiz",
    kind: str = "direct",
    speaker_type: str = "person",
    start: int | None = None,
) -> GoldQuote:
    return GoldQuote(text, speaker, kind, speaker_type, start)


def doc(*quotes_: GoldQuote) -> QuoteDoc:
    return QuoteDoc("doc", "unused text", tuple(quotes_))


# --- tokens and matching --------------------------------------------------------------


def test_tokens_ignore_case_quote_marks_and_punctuation() -> None:
    """Quote marks and trailing punctuation never count, so they cannot spoil a match."""
    assert quote_tokens("“Ferries, every hour!”") == ["ferries", "every", "hour"]
    assert token_f1("“Ferries, every hour!”", "ferries every hour") == 1.0
    assert token_f1("", "ferries") == 0.0


def test_token_f1_by_hand() -> None:
    """3 shared tokens of 4 predicted and 6 gold: P 3/4, R 1/2, F1 0.6."""
    assert token_f1("a b c x", "a b c d e f") == pytest.approx(0.6)


def test_matching_is_one_to_one_and_best_first() -> None:
    """A prediction close to two gold quotes takes the closer one; the other gold quote
    goes to the next prediction, and a prediction below the threshold matches nothing."""
    predicted = ["a b c d e", "a b c d", "x y z"]
    golds = ["a b c d", "a b c d e", "p q r"]
    assert match_quotes(predicted, golds, 0.8) == [(0, 1), (1, 0)]
    assert match_quotes(["a b c d e"], ["a b c d e f g h i j"], 0.8) == []  # F1 2/3


def test_equal_matches_go_to_the_nearest_offset() -> None:
    """The same phrase quoted twice: each prediction pairs with the gold quote where it is."""
    pairs = match_quotes(
        ["tolls", "tolls"], ["tolls", "tolls"], 0.8, predicted_at=[500, 20], gold_at=[18, 498]
    )
    assert pairs == [(0, 1), (1, 0)]


# --- the ignore set -------------------------------------------------------------------


def test_direct_mode_ignores_partial_and_other_quotes() -> None:
    """Finding a partial quote or a nickname is neither a hit nor a false positive in
    "direct" mode; a quote matching nothing is a false positive; a missed direct quote
    is a miss."""
    document = doc(
        gold(HARBOUR),
        gold(FERRIES),
        gold(TOLLS, kind="partial"),
        gold(NICKNAME, None, "other", "none"),
    )
    predicted = [
        Predicted(HARBOUR, "Ana Ruiz", "direct"),
        Predicted(TOLLS, "Ana Ruiz", "partial"),
        Predicted(NICKNAME, None, "partial"),
        Predicted("We never comment on rumours.", "Tom Lee", "direct"),
    ]
    result = score_document(document, predicted, "direct")
    assert (result.tp, result.fp, result.fn, result.ignored) == (1, 1, 1, 2)
    assert [m.text for m in result.missed] == [FERRIES]


def test_all_mode_scores_partial_quotes_and_still_ignores_other() -> None:
    """In "all" mode the partial quote counts; the nickname stays in the ignore set."""
    document = doc(gold(HARBOUR), gold(TOLLS, kind="partial"), gold(NICKNAME, None, "other"))
    predicted = [Predicted(TOLLS, "Ana Ruiz", "partial"), Predicted(NICKNAME, None, "partial")]
    result = score_document(document, predicted, "all")
    assert (result.tp, result.fp, result.fn, result.ignored) == (1, 0, 1, 1)


def test_scare_quotes_reported_as_speech_are_counted() -> None:
    """A nickname found as a speakerless partial is fine; found as direct or with a
    speaker, it counts as reported speech (lower is better)."""
    document = doc(gold(NICKNAME, None, "other", "none"), gold("the experts", None, "other"))
    predicted = [Predicted(NICKNAME, None, "partial"), Predicted("the experts", "Tom Lee")]
    scores = score_tool([document], [predicted])
    assert (scores.other_as_speech.right, scores.other_as_speech.total) == (1, 2)
    assert scores.predicted == 0  # both matched the ignore set


# --- speakers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "normalised"),
    [
        ("Ana Ruiz", "ana ruiz"),
        ("Sen. Ana Ruiz", "ana ruiz"),
        ("former President Ana Ruiz", "ana ruiz"),
        ("Ana Ruiz's", "ana ruiz"),
        ("Ana Ruiz (D-Ore.)", "ana ruiz"),
        ("Ana Ruiz, 54, a harbour pilot", "ana ruiz"),
        ("Tom Lee Jr.", "tom lee"),
        ("Dr. Jean-Luc O'Neil", "jean-luc o'neil"),
        ("the President", "president"),
        (None, ""),
    ],
)
def test_names_are_normalised(name: str | None, normalised: str) -> None:
    """Titles, appositions, possessives, suffixes and punctuation are dropped; case too."""
    assert normalise_name(name) == normalised
    assert surname(name) == (normalised.split()[-1] if normalised else "")


def test_surname_right_is_not_full_name_right() -> None:
    """The surname alone, or a different given name, is right by surname only; the full
    name with a title is right both ways; no speaker is wrong both ways."""
    document = doc(gold("a b c"), gold("d e f"), gold("g h i"), gold("j k l"))
    predicted = [
        Predicted("a b c", "Ruiz"),
        Predicted("d e f", "Mayor Ana Ruiz"),
        Predicted("g h i", "Luis Ruiz"),
        Predicted("j k l", None),
    ]
    scores = score_tool([document], [predicted])
    assert (scores.surname.right, scores.surname.total) == (3, 4)
    assert (scores.full_name.right, scores.full_name.total) == (1, 4)
    assert (scores.person.right, scores.person.total) == (3, 4)


def test_pronoun_accuracy_counts_resolved_pronoun_speakers_only() -> None:
    """Gold pronoun speakers with a resolved name are scored; an unresolved one (no gold
    name) is left out of every speaker rate and can never be an end-to-end hit."""
    document = doc(
        gold("a b c", "Ana Ruiz", speaker_type="pronoun"),
        gold("d e f", "Tom Lee", speaker_type="pronoun"),
        gold("g h i", None, speaker_type="pronoun"),
        gold("j k l", "Tom Lee"),
    )
    predicted = [
        Predicted("a b c", "Ana Ruiz"),
        Predicted("d e f", "Ana Ruiz"),
        Predicted("g h i", "Ana Ruiz"),
        Predicted("j k l", "Tom Lee"),
    ]
    scores = score_tool([document], [predicted])
    assert (scores.pronoun.right, scores.pronoun.total) == (1, 2)
    assert (scores.person.right, scores.person.total) == (1, 1)
    assert (scores.surname.right, scores.surname.total) == (2, 3)
    assert scores.e2e_tp == 2


def test_nobody_speaking_is_right_only_without_a_speaker() -> None:
    """A gold quote of type "none" is attributed right when the tool names nobody."""
    document = doc(gold("a b c", None, "partial", "none"), gold("d e f", None, "partial", "none"))
    predicted = [Predicted("a b c", None), Predicted("d e f", "Tom Lee")]
    scores = score_tool([document], [predicted], mode="all")
    assert (scores.surname.right, scores.surname.total) == (1, 2)


# --- dataset figures ------------------------------------------------------------------


def test_end_to_end_f1_counts_found_quotes_with_the_right_surname() -> None:
    """Two documents, 4 gold direct quotes, 4 scored predictions (one false): 3 found,
    2 of them with the right surname. Detection F1 = 2*3/(4+4), end-to-end 2*2/(4+4)."""
    first = doc(gold(HARBOUR), gold(FERRIES, "Tom Lee"))
    second = doc(gold("a b c"), gold("d e f"))
    scores = score_tool(
        [first, second],
        [
            [Predicted(HARBOUR, "Ruiz"), Predicted(FERRIES, "Ana Ruiz")],
            [Predicted("a b c", "Ana Ruiz"), Predicted("x y z", "Ana Ruiz")],
        ],
    )
    assert (scores.tp, scores.fp, scores.fn, scores.e2e_tp) == (3, 1, 1, 2)
    assert scores.f1 == pytest.approx(0.75)
    assert scores.e2e_f1 == pytest.approx(0.5)
    assert (scores.precision, scores.recall) == (0.75, 0.75)


def test_kind_accuracy_needs_a_tool_that_labels_kinds() -> None:
    """Direct vs partial is scored on matched quotes; without kinds there is no figure."""
    document = doc(gold("a b c"), gold("d e f"))
    labelled = score_tool(
        [document], [[Predicted("a b c", None, "direct"), Predicted("d e f", None, "partial")]]
    )
    assert (labelled.kind.right, labelled.kind.total) == (1, 2)
    unlabelled = score_tool([document], [[Predicted("a b c", None)]])
    assert unlabelled.kind.value is None


def test_one_prediction_list_per_document() -> None:
    """Mismatched lengths are an error, not a silent truncation."""
    with pytest.raises(ValueError, match="predictions"):
        score_tool([doc(gold("a"))], [])


def test_resolver_maps_pronouns_and_surnames_to_full_names() -> None:
    """For tools without their own resolver: "she" is the last speaker, "Ruiz" the
    latest longer name with that surname, an unknown name stays as it is."""
    people = ["Ana Ruiz", "Tom Lee"]
    assert resolve_speaker("she", people, "Tom Lee") == "Tom Lee"
    assert resolve_speaker("Ruiz", people, None) == "Ana Ruiz"
    assert resolve_speaker("Mayor Ruiz", people, None) == "Ana Ruiz"
    assert resolve_speaker("Kim", people, None) == "Kim"
    assert resolve_speaker(None, people, None) is None


# --- loading and the command line -----------------------------------------------------


def write_jsonl(path: Path, records: Sequence[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


DOCS: list[dict[str, Any]] = [
    {
        "id": "harbour",
        "text": f"“{HARBOUR}” said Ana Ruiz.\nShe added: “{FERRIES}”",
        "quotes": [
            {
                "text": HARBOUR,
                "start": 1,
                "kind": "direct",
                "speaker": "Ana Ruiz",
                "speaker_type": "person",
            },
            {"text": FERRIES, "kind": "direct", "speaker": "Ana Ruiz", "speaker_type": "pronoun"},
        ],
    },
    {
        "id": "tolls",
        "text": f"Critics call them “{TOLLS}”.",
        "quotes": [{"text": TOLLS, "kind": "partial", "speaker": None}],
    },
]


def test_jsonl_is_loaded_with_defaults_for_missing_fields(tmp_path: Path) -> None:
    """Documents come in file order; a quote without speaker_type gets "none" when it
    has no speaker; `limit` keeps the first documents."""
    path = write_jsonl(tmp_path / "docs.jsonl", DOCS)
    docs = load_quote_docs(path)
    assert [d.id for d in docs] == ["harbour", "tolls"]
    assert docs[0].quotes[0].start == 1
    assert docs[1].quotes[0] == GoldQuote(TOLLS, None, "partial", "none", None)
    assert docs[0].words == 12 + 3 + 2 + 10  # quote, "said Ana Ruiz.", "She added:", quote
    assert len(load_quote_docs(path, limit=1)) == 1


def fake_tool() -> quotes.QuoteExtract:
    """Finds the harbour quote with its speaker and the ferries one without; raises on
    the second document."""

    def extract(text: str) -> list[Predicted]:
        if "Critics" in text:
            raise RuntimeError("cannot read this one")
        return [Predicted(HARBOUR, "Ana Ruiz", "direct"), Predicted(FERRIES, None, "direct")]

    return extract


def missing_tool() -> quotes.QuoteExtract:
    raise ImportError("No module named 'nothing_here'")


def test_run_tools_keeps_errors_and_scores_the_rest(tmp_path: Path) -> None:
    """A tool that raises on a document gets no quotes there and the error is kept."""
    docs = load_quote_docs(write_jsonl(tmp_path / "docs.jsonl", DOCS))
    [result] = run_tools(docs, [(QuoteTool("fake", "fake", fake_tool), fake_tool())], timeout=0)
    assert result.errors == {1: "RuntimeError: cannot read this one"}
    assert result.predictions[1] == ()
    assert (result.scores.tp, result.scores.e2e_tp) == (2, 1)
    assert result.ms_per_1k_words(docs) > 0


def test_command_line_prints_the_table_and_writes_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The runner prints one row per tool that builds, skips the others with a note, and
    writes every figure as JSON."""
    tools = (QuoteTool("fake", "fake", fake_tool), QuoteTool("missing", "missing", missing_tool))
    monkeypatch.setattr(quotes, "QUOTE_TOOLS", tools)
    data = write_jsonl(tmp_path / "docs.jsonl", DOCS)
    out = tmp_path / "result.json"
    argv = [str(data), "--extractors", "fake,missing", "--json", str(out), "--markdown"]
    assert quotes.main(argv) == 0
    printed = capsys.readouterr()
    assert "skipping missing: ImportError" in printed.err
    assert "| fake | ? | 2 | 2 | 100.0 | 100.0 | 100.0 | 50.0 |" in printed.out
    figures = json.loads(out.read_text(encoding="utf-8"))["tools"]["fake"]
    assert figures["e2e_f1"] == 0.5
    assert figures["pronoun"] == {"right": 0, "n": 1, "value": 0.0}
    assert figures["per_doc"]["tolls"]["error"] == "RuntimeError: cannot read this one"


def test_unknown_extractor_is_an_error(tmp_path: Path) -> None:
    """A misspelt tool name stops the run with the list of known ones."""
    data = write_jsonl(tmp_path / "docs.jsonl", DOCS)
    with pytest.raises(SystemExit, match="known: articlekit"):
        quotes.main([str(data), "--extractors", "articlekitt"])
