"""The stage-timing runner: it mirrors `parse_article`, and its figures add up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks import stages
from benchmarks.stages import STAGES, StageTimes, quote_figures, staged_parse, summary_rows

from articlekit import parse_article

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CORPUS_INPUTS = sorted(CORPUS.glob("*/input.*"))


@pytest.mark.parametrize("path", CORPUS_INPUTS, ids=lambda p: p.parent.name)
def test_staged_parse_gives_the_article_parse_article_gives(path: Path) -> None:
    """Run stage by stage, the corpus page's Article is exactly `parse_article`'s, and every
    stage is timed."""
    case = json.loads((path.parent / "case.json").read_text(encoding="utf-8"))
    data = path.read_bytes()
    article, ns = staged_parse(data, case.get("url"))
    assert article == parse_article(data, case.get("url"))
    assert set(ns) == set(STAGES)


def test_summary_rows_give_median_mean_and_share() -> None:
    """Per stage: median and mean ms over pages, and the stage's share of all the time."""
    pages = [
        StageTimes(100, dict.fromkeys(STAGES, 1_000_000) | {"quotes": 2_000_000}),
        StageTimes(300, dict.fromkeys(STAGES, 3_000_000) | {"quotes": 6_000_000}),
    ]
    rows = {row[0]: row[1:] for row in summary_rows(pages)}
    assert rows["parse"] == ["2.000", "2.000", "14.3 %"]  # 4 of 28 ms
    assert rows["quotes"] == ["4.000", "4.000", "28.6 %"]
    assert rows["all"] == ["14.000", "14.000", "100 %"]


def test_quote_figures_compare_the_quote_stage_with_the_rest() -> None:
    """Share of the total, share added on top of the other stages, ms per 1,000 words."""
    page = StageTimes(2000, dict.fromkeys(STAGES, 0) | {"parse": 6_000_000, "quotes": 2_000_000})
    figures = quote_figures([page])
    assert figures == pytest.approx(
        {"share": 0.25, "added": 1 / 3, "median_added": 1 / 3, "ms_per_1k_words": 1.0}
    )


def test_median_added_is_the_middle_page_and_skips_pages_without_a_body() -> None:
    """The typical article's figure: the median over pages with words, not the total."""
    zero = dict.fromkeys(STAGES, 0)
    pages = [
        StageTimes(100, zero | {"parse": 10, "quotes": 1}),  # adds 10 %
        StageTimes(100, zero | {"parse": 10, "quotes": 2}),  # adds 20 %
        StageTimes(100, zero | {"parse": 10, "quotes": 30}),  # adds 300 %
        StageTimes(0, zero | {"parse": 10, "quotes": 90}),  # no body: not counted
    ]
    assert stages.median_added(pages, "quotes") == pytest.approx(0.2)
    assert stages.median_added(pages, "metadata") == 0.0


def test_keep_fastest_keeps_each_stage_minimum() -> None:
    """Repeated runs keep each stage's fastest time independently."""
    page = StageTimes()
    page.keep_fastest({"parse": 5, "quotes": 2})
    page.keep_fastest({"parse": 3, "quotes": 4})
    assert page.ns == {"parse": 3, "quotes": 2}


def test_load_sources_reads_jsonl_texts(tmp_path: Path) -> None:
    """A JSONL file gives one Markdown source per line with a "text" field."""
    data = tmp_path / "docs.jsonl"
    lines = [{"id": "a", "text": "“Rain,” said Ana Ruiz."}, {"id": "b", "text": "Dry."}]
    data.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    sources = stages.load_sources(data)
    assert [(s.id, s.source, s.url) for s in sources] == [
        ("a", "“Rain,” said Ana Ruiz.", None),
        ("b", "Dry.", None),
    ]
    assert len(stages.load_sources(data, limit=1)) == 1
