"""The robustness contract in docs/robustness.md, one hostile input at a time.

Property tests over generated hostile documents are in test_properties.py; inputs that
once broke parsing are in fuzz_regressions/; growth with input size is measured by
benchmarks/scaling.py (a small sample of it runs here, as output checks, not timings).
"""

from __future__ import annotations

import builtins
import io
import os
import re
import signal
import socket
import sys

import pytest
from benchmarks.scaling import SHAPES

import articlekit
from articlekit._body import resolve_url
from tests.conftest import CORPUS
from tests.contract import check_article, raw_html_in_markdown

URL = "https://news.test/world/story.html"
PROSE = "The council approved the new budget for the river bridge after years of delays."


def _article_page(body: str) -> str:
    return f"<!doctype html><html><head><title>Story</title></head><body><article>{body}</article></body></html>"


@pytest.mark.parametrize(
    "page",
    [
        "<div>" * 3000 + "<p>Deep words stay.</p>" + "</div>" * 3000 + "<p>Words after stay.</p>",
        "<div></span>" * 3000 + "<p>Deep words stay.</p><p>Words after stay.</p>",
        "<section><div>" * 2000 + "<p>Deep words stay.</p>" + "<p>Words after stay.</p>",
    ],
    ids=["balanced", "stray-end-tags", "unclosed"],
)
def test_text_survives_nesting_deeper_than_the_parser_allows(page: str) -> None:
    """libxml2 gives up past 2048 open elements and drops the rest of the page; the
    page is read again flattened, keeping every word, and a warning says so."""
    article = articlekit.parse_article(page)
    assert "Deep words stay." in article.body.text
    assert "Words after stay." in article.body.text
    assert any(w.startswith("deep-nesting:") for w in article.warnings)
    check_article(article)


def test_ordinary_nesting_gives_no_deep_nesting_warning() -> None:
    """Pages of ordinary depth are parsed once, with no flattening warning."""
    article = articlekit.parse_article("<div>" * 300 + f"<p>{PROSE}</p>" + "</div>" * 300)
    assert PROSE in article.body.text
    assert not any(w.startswith("deep-nesting:") for w in article.warnings)


@pytest.mark.parametrize(
    "href",
    [
        "java\nscript:alert(1)",
        "\x01javascript:alert(1)",
        " jav&#x09;ascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data&#58;text/html,x",
        "\x1f data:text/html,x",
        "vbscript:msgbox",
        "file:///etc/passwd",
    ],
)
def test_script_urls_are_dropped_however_they_are_disguised(href: str) -> None:
    """Browsers strip edge control characters and inner tabs/newlines from a URL before
    reading its scheme; so does articlekit, so a disguised javascript:/data: link is
    dropped (its text stays in the body)."""
    page = _article_page(f'<p>{PROSE} See <a href="{href}">the plan</a>.</p><img src="{href}">')
    article = articlekit.parse_article(page, url=URL)
    assert article.links == ()
    assert article.figures == ()
    assert "the plan" in article.body.text
    check_article(article)


def test_control_characters_inside_a_url_never_reach_the_output() -> None:
    """Control characters in a page are removed before parsing, so none reaches a link;
    a target that still holds one (from any other reader) is percent-encoded."""
    page = _article_page(f'<p>{PROSE} See <a href="/a\x01b\x00c">the plan</a>.</p>')
    article = articlekit.parse_article(page, url=URL)
    assert [link.url for link in article.links] == ["https://news.test/abc"]
    check_article(article)
    assert resolve_url("/a\x01b\x7f", URL) == "https://news.test/a%01b%7F"


def test_markdown_keeps_text_nested_as_deep_as_real_clippings_go() -> None:
    """Markdown block quotes and lists nested past CommonMark's preset limit of 20 keep
    their text (the limit is markdown-it's default of 100)."""
    quoted = articlekit.parse_article(">" * 60 + " Quoted words stay.", format="markdown")
    listed = "".join("  " * depth + f"- item {depth}\n" for depth in range(40))
    items = articlekit.parse_article(listed, format="markdown")
    assert quoted.body.text == "Quoted words stay."
    assert "item 39" in items.body.text
    assert not any(w.startswith("deep-nesting:") for w in (*quoted.warnings, *items.warnings))


def test_markdown_past_the_nesting_limit_says_what_it_dropped() -> None:
    """Past 100 levels markdown-it drops the deeper content: the Article says so."""
    article = articlekit.parse_article(">" * 150 + " Too deep.", format="markdown")
    assert any(w.startswith("deep-nesting:") for w in article.warnings)
    check_article(article)


def test_text_after_a_lone_surrogate_is_kept() -> None:
    """libxml2 stops reading at a lone surrogate in a str; it is removed before parsing,
    so the rest of the page is not lost."""
    article = articlekit.parse_article(f"<article><p>{PROSE[:30]}\udc8d{PROSE[30:]}</p></article>")
    assert article.body.text == PROSE


# --- what parse_article raises: TypeError, InputTooLarge (and UnsupportedFormat for a
# format= it does not know), nothing else -------------------------------------------------


def test_the_size_limit_is_inclusive_and_configurable() -> None:
    """A source of exactly max_input_bytes parses; one byte more raises InputTooLarge,
    which carries the size and the limit."""
    options = articlekit.Options(max_input_bytes=1000)
    page = ("<p>" + "x" * 1000)[:1000]
    articlekit.parse_article(page, options=options)
    articlekit.parse_article(page.encode(), options=options)
    with pytest.raises(articlekit.InputTooLarge) as raised:
        articlekit.parse_article(page + "x", options=options)
    assert (raised.value.size, raised.value.limit) == (1001, 1000)
    assert isinstance(raised.value, articlekit.ArticleKitError)


def test_a_str_is_measured_by_its_utf8_size() -> None:
    """A str's size is its UTF-8 size, so multi-byte text meets the same limit as bytes."""
    options = articlekit.Options(max_input_bytes=100)
    articlekit.parse_article("é" * 50, options=options)
    with pytest.raises(articlekit.InputTooLarge):
        articlekit.parse_article("é" * 51, options=options)


def test_the_default_limit_is_50_mib() -> None:
    """The documented default: 50 MiB."""
    assert articlekit.Options().max_input_bytes == 50 * 1024 * 1024


@pytest.mark.parametrize("limit", [0, -1])
def test_a_limit_must_be_positive(limit: int) -> None:
    """A limit of zero or less is refused when the Options are made, not at parse time."""
    with pytest.raises(ValueError, match="max_input_bytes"):
        articlekit.Options(max_input_bytes=limit)


@pytest.mark.parametrize(
    "source", [bytearray(b"<p>Some words.</p>"), memoryview(b"<p>Some words.</p>")]
)
def test_bytes_like_sources_are_read_as_bytes(source: bytearray | memoryview) -> None:
    """bytearray and memoryview sources are read like bytes."""
    article = articlekit.parse_article(source)  # type: ignore[arg-type]
    assert article.body.text == "Some words."


# --- a small sample of benchmarks/scaling.py's shapes, as output checks -----------------


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_scaling_shapes_keep_the_contract_at_100_kb(shape: str) -> None:
    """Every input shape of the scaling benchmark parses at 100 KB to an Article that
    keeps the output contract (no timing here: growth is the benchmark's job)."""
    article = articlekit.parse_article(SHAPES[shape](100_000))
    check_article(article)
    assert article.body.text


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_scaling_shapes_keep_the_contract_at_2_mb(shape: str) -> None:
    """The same at 2 MB: 100,000+ nested elements, 50,000+ links (slow: run with
    ARTICLEKIT_SLOW=1)."""
    article = articlekit.parse_article(SHAPES[shape](2_000_000))
    check_article(article)
    assert article.body.text


# --- no I/O, no signals, no state -----------------------------------------------------------


def _corpus_inputs() -> list[bytes]:
    return [page.read_bytes() for page in sorted(CORPUS.glob("*/input.*"))]


def test_parsing_opens_no_file_socket_or_signal_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parsing the whole corpus (bytes, str and Markdown) never opens a file or a socket,
    never resolves a host name, and never installs a signal handler or alarm."""
    pages = [
        *_corpus_inputs(),
        f"<p>{PROSE} Zoë’s café, “finally”.</p>".encode("cp1252"),  # detection runs
        "<p>Городской совет утвердил бюджет нового моста.</p>".encode("koi8_r"),
    ]

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"I/O or signal during parsing: {args!r}")

    for module, name in [
        (builtins, "open"),
        (io, "open"),
        (os, "open"),
        (socket, "socket"),
        (socket, "create_connection"),
        (socket, "getaddrinfo"),
        (signal, "signal"),
        (signal, "alarm"),
        (signal, "setitimer"),
    ]:
        monkeypatch.setattr(module, name, forbidden)
    for page in pages:
        articlekit.parse_article(page, url=URL)
        articlekit.parse_article(page.decode("utf-8", errors="replace"), url=URL)


def _module_state() -> dict[str, str]:
    state = {}
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("articlekit"):
            continue
        for attribute, value in sorted(vars(module).items()):
            if isinstance(value, dict | list | set | bytearray):
                state[f"{name}.{attribute}"] = repr(value)
    return state


def test_parsing_leaves_every_module_level_container_unchanged() -> None:
    """No module-level dict, list or set of articlekit changes while the corpus is parsed:
    nothing is cached or kept from one call to the next."""
    articlekit.parse_article("<p>Import everything first.</p>")
    articlekit.parse_article("# Import\n\nthe Markdown side too.")
    before = _module_state()
    assert before  # the check sees the lexicon tables, so it would see a cache
    for page in _corpus_inputs():
        articlekit.parse_article(page, url=URL)
    assert _module_state() == before


def test_code_holding_fences_cannot_let_html_out_of_its_block() -> None:
    """A code block whose text holds ``` and ~~~~ lines is fenced with a longer run of
    backticks, so no line of the code closes the fence and lets raw HTML out."""
    page = _article_page(
        f"<p>{PROSE}</p><pre><code>```\n~~~~\n&lt;script&gt;alert(1)&lt;/script&gt;</code></pre><p>{PROSE}</p>"
    )
    article = articlekit.parse_article(page)
    assert "<script>alert(1)</script>" in article.body.text
    assert not raw_html_in_markdown(article.body.markdown)


@pytest.mark.parametrize(
    "arguments",
    [{"url": 123}, {"url": b"https://news.test/"}, {"options": "fast"}, {"options": {}}],
    ids=["int-url", "bytes-url", "str-options", "dict-options"],
)
def test_wrong_argument_types_raise_type_error(arguments: dict[str, object]) -> None:
    """A url that is not str or None, or options that are not Options, is a TypeError
    raised at once, whatever the page holds (not an AttributeError from deep inside)."""
    with pytest.raises(TypeError, match=r"^(url|options) must be"):
        articlekit.parse_article(f'<p>{PROSE} <a href="/a">a link</a></p>', **arguments)  # type: ignore[arg-type]


def test_every_test_named_in_the_contract_exists() -> None:
    """docs/robustness.md names the tests that pin each promise; each of them exists, so
    the page cannot point at a test that was renamed or removed."""
    doc = (CORPUS.parent / "docs" / "robustness.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(test_\w+)`", doc))
    defined = {
        match
        for path in (CORPUS.parent / "tests").glob("test_*.py")
        for match in re.findall(r"^def (test_\w+)", path.read_text(encoding="utf-8"), re.M)
    }
    assert len(named) > 20
    assert named <= defined, sorted(named - defined)
