"""The instruction-count runner: its metadata workload is what `parse_article` runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.instructions import metadata_stage, prepare

from articlekit import parse_article

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
HTML_INPUTS = sorted(CORPUS.glob("*/input.html"))
FIELDS = ("title", "authors", "published", "modified", "url", "canonical_url", "site_name")
FIELDS += ("language", "description", "category", "tags", "image")


@pytest.mark.parametrize("path", HTML_INPUTS, ids=lambda p: p.parent.name)
def test_metadata_stage_gives_the_metadata_parse_article_gives(path: Path) -> None:
    """On every HTML page of the corpus, the metadata calls the runner counts give the
    Article's metadata, field by field."""
    case = json.loads((path.parent / "case.json").read_text(encoding="utf-8"))
    data = path.read_bytes()
    prepared = prepare(data, case.get("url"))
    if prepared is None:
        pytest.skip("not read as HTML")
    metadata, _ = metadata_stage(prepared)
    article = parse_article(data, case.get("url"))
    for field in FIELDS:
        assert getattr(metadata, field) == getattr(article, field), field
