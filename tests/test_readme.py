"""The README's promises: each articlekit claim of its feature table, and its examples.

One test per row of the table "What it does that others do not", named after the row;
the README's Python examples are run as they are written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import re

import attrs
import jsonschema
import pytest

import articlekit
from tests.conftest import ROOT

README = ROOT / "README.md"
BRIDGE = ROOT / "examples" / "bridge-reopens.html"
BRIDGE_URL = "https://valleycourier.example/local/2026/03/02/old-mill-bridge-reopens/"
FERRY = ROOT / "examples" / "ferry-clipping.md"


@pytest.fixture(scope="module")
def bridge() -> articlekit.Article:
    return articlekit.parse_article(BRIDGE.read_bytes(), url=BRIDGE_URL)


@pytest.fixture(scope="module")
def ferry() -> articlekit.Article:
    return articlekit.parse_article(FERRY.read_text(encoding="utf-8"))


def test_main_text_of_a_web_page(bridge: articlekit.Article) -> None:
    """The body holds the article's paragraphs and none of the page's furniture."""
    paragraphs = bridge.body.text.split("\n\n")
    assert paragraphs[0].startswith("The Old Mill Bridge in Millbrook reopened")
    assert paragraphs[-1].startswith("Parents at Millbrook Primary")
    page = BRIDGE.read_text(encoding="utf-8")
    for furniture in (
        "Sport",  # the site menu
        "Sign up for the Courier Briefing",  # a newsletter box inside the article
        "Share",  # the share bar
        "Flood warning for the lower valley",  # "most read" teasers
        "All rights reserved",  # the site footer
    ):
        assert furniture in page
        assert furniture not in bridge.body.text


def test_title_authors_date_site_name_language(bridge: articlekit.Article) -> None:
    """Metadata: title without the site suffix, authors, a timezone-aware date, site, language."""
    assert bridge.title == "Old Mill Bridge reopens after two years of repairs"
    assert bridge.authors == ("Hannah Ilves",)
    assert bridge.published == dt.datetime(2026, 3, 2, 7, 45, tzinfo=dt.timezone.utc)
    assert bridge.site_name == "The Valley Courier"
    assert bridge.language == "en"


def test_a_markdown_clipping_with_yaml_front_matter_as_input(ferry: articlekit.Article) -> None:
    """A clipping's front matter gives the metadata; its Markdown gives the body."""
    assert ferry.title == "Harbour ferry moves its first sailing earlier from Monday"
    assert (ferry.authors, ferry.site_name) == (("Lena Brandt",), "The Harbour Notes")
    assert ferry.published == dt.datetime(
        2026, 2, 10, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )
    assert ferry.tags == ("ferries", "timetables")
    assert ferry.body.text.startswith("The first ferry across the harbour")
    assert "---" not in ferry.body.text
    assert "title:" not in ferry.body.text


def test_quotations_with_the_speakers_full_name_direct_or_partial(
    ferry: articlekit.Article,
) -> None:
    """A later surname-only attribution resolves to the full name; kinds are told apart."""
    assert [(q.speaker, q.kind) for q in ferry.quotes] == [
        ("Tomas Grell", "direct"),
        ("Tomas Grell", "partial"),
    ]
    assert ferry.quotes[1].text == "a small shift for a big gain"
    for quote in ferry.quotes:
        assert ferry.body.text[quote.start : quote.end] == quote.text


def test_body_links_with_absolute_urls_and_offsets(bridge: articlekit.Article) -> None:
    """A relative href in the body comes out absolute, at its offsets in body.text."""
    page = BRIDGE.read_text(encoding="utf-8")
    assert 'href="/local/2024/05/council-bridge-budget/"' in page
    assert [(link.text, link.url) for link in bridge.links] == [
        (
            "a £4.2m repair budget",
            "https://valleycourier.example/local/2024/05/council-bridge-budget/",
        )
    ]
    for link in bridge.links:
        assert bridge.body.text[link.start : link.end] == link.text


def test_image_captions_and_credits_kept_apart_from_the_body(bridge: articlekit.Article) -> None:
    """The figure carries its caption and credit separately; neither is in the body."""
    (figure,) = bridge.figures
    assert figure.caption == "The first cars cross the Old Mill Bridge on Monday."
    assert figure.credit == "Photo: Tomas Reed"
    assert figure.caption not in bridge.body.text
    assert "Tomas Reed" not in bridge.body.text


def test_body_as_typed_blocks_plain_text_and_markdown(bridge: articlekit.Article) -> None:
    """The same body as blocks (with kinds and levels), markup-free text, and Markdown."""
    kinds = [(block.kind, block.level) for block in bridge.body.blocks]
    assert ("heading", 2) in kinds
    assert ("list_item", 1) in kinds
    assert bridge.body.text == "\n\n".join(block.text for block in bridge.body.blocks)
    assert "<" not in bridge.body.text
    assert "## What changes for drivers" in bridge.body.markdown
    assert "- The 7.5-tonne weight limit stays in force." in bridge.body.markdown
    assert (
        "[a £4.2m repair budget](https://valleycourier.example/local/2024/05/council-bridge-budget/)"
        in bridge.body.markdown
    )


def test_a_frozen_typed_result_with_a_published_json_schema(bridge: articlekit.Article) -> None:
    """The Article is immutable, and its to_dict() validates against the committed schema."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        bridge.title = "changed"  # type: ignore[misc]
    schema = json.loads((ROOT / "schema" / "article.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(bridge.to_dict())


def _python_blocks(text: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", text, flags=re.DOTALL | re.MULTILINE)


def test_readme_python_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Python example in the README runs, in order, from the repository root."""
    blocks = _python_blocks(README.read_text(encoding="utf-8"))
    assert len(blocks) >= 4
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        for block in blocks:
            exec(compile(block, "README.md", "exec"), namespace)
    printed = output.getvalue()
    assert "Ana Ruiz: It feels like the town has been stitched back together (direct)" in printed
    assert "('Lena Brandt',) The Harbour Notes" in printed
    assert "Ana Ruiz direct We start in May" in printed


def test_quick_start_commands_are_the_documented_ones() -> None:
    """The README's two quick-start commands are the ones docs/getting-started.md shows."""
    readme = README.read_text(encoding="utf-8")
    guide = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    commands = re.findall(r"^    (python3 -m venv .venv && .*)$", readme, flags=re.MULTILINE)
    assert len(commands) == 2
    for command in commands:
        assert command in guide
    assert os.path.isfile(ROOT / commands[0].split("articlekit parse ")[1].split()[0])
