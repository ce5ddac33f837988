"""parse_many, the folder and JSONL readers, the row schema and `articlekit batch` (no extras)."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import articlekit
from articlekit import _batch, _rows
from articlekit._batch_cli import Tally
from articlekit._decode import decode_transport

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
HTML_PAGES = sorted(CORPUS.glob("html-*/input.html"))
MD_PAGES = sorted(CORPUS.glob("md-*/input.md"))


def _sources() -> list[str | bytes]:
    return [
        *(path.read_bytes() for path in HTML_PAGES[:6]),
        *(path.read_text(encoding="utf-8") for path in MD_PAGES[:3]),
    ]


def test_parse_many_gives_what_parse_article_gives_in_input_order() -> None:
    """In process, each result is exactly parse_article's article for that source, in order."""
    sources = _sources()
    assert list(articlekit.parse_many(sources, workers=1)) == [
        articlekit.parse_article(source) for source in sources
    ]


def test_parse_many_on_a_pool_matches_the_serial_run() -> None:
    """Two worker processes give the same results, in the same order, as one."""
    sources = _sources() * 3
    assert list(articlekit.parse_many(sources, workers=2)) == list(
        articlekit.parse_many(sources, workers=1)
    )


def test_a_bad_page_is_an_error_in_its_place_and_the_batch_goes_on() -> None:
    """Oversize and wrongly typed sources become BatchErrors where they were; others parse."""
    options = articlekit.Options(max_input_bytes=2_000)
    big = articlekit.Page("<p>" + "word " * 1_000 + "</p>", url="https://a.test/big", offset=7)
    sources = ["# One\n\nFirst.", big, 42, "# Two\n\nSecond."]
    results = list(articlekit.parse_many(sources, workers=1, options=options))  # type: ignore[arg-type]
    assert [type(r).__name__ for r in results] == ["Article", "BatchError", "BatchError", "Article"]
    too_large, wrong_type = results[1], results[2]
    assert isinstance(too_large, articlekit.BatchError)
    assert isinstance(wrong_type, articlekit.BatchError)
    assert (too_large.error, too_large.url, too_large.offset) == ("InputTooLarge", big.url, 7)
    assert wrong_type.error == "TypeError"


def test_a_readers_error_passes_through_in_its_place() -> None:
    """A BatchError among the sources is yielded as it is, between the others' articles."""
    unreadable = articlekit.BatchError("ReadError", "cannot read", origin="x.html")
    results = list(articlekit.parse_many(["# A\n\nx.", unreadable, "# B\n\ny."], workers=1))
    assert results[1] == unreadable
    assert [getattr(r, "title", None) for r in results] == ["A", None, "B"]


def test_parse_many_reads_its_input_lazily() -> None:
    """Before the first result, only the pages of the chunks in flight have been read."""
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        while True:
            pulled += 1
            yield "# Title\n\nA paragraph."

    results = articlekit.parse_many(endless(), workers=2)
    next(results)
    in_flight = 2 * _batch._CHUNKS_IN_FLIGHT_PER_WORKER * _batch._CHUNK_PAGES
    assert pulled <= in_flight + _batch._CHUNK_PAGES
    results.close()  # type: ignore[attr-defined]


def test_workers_must_be_positive() -> None:
    """workers=0 is a mistake, not a request for a default."""
    with pytest.raises(ValueError, match="workers"):
        list(articlekit.parse_many(["x"], workers=0))


def test_page_charset_decodes_bytes_and_says_so() -> None:
    """A page's transport charset decodes its bytes when the page declares nothing itself."""
    html = "<p>Le café de la gare ferme ses portes après trente ans.</p>".encode("cp1252")
    [article] = articlekit.parse_many([articlekit.Page(html, charset="windows-1252")], workers=1)
    assert isinstance(article, articlekit.Article)
    assert "café" in article.body.text
    assert "encoding: windows-1252 (HTTP charset)" in article.warnings


@pytest.mark.parametrize(
    ("data", "charset", "expected"),
    [
        ("grüße".encode("latin-1"), "ISO-8859-1", ("grüße", "windows-1252", "HTTP charset")),
        ("grüße".encode(), "iso-8859-1", ("grüße", "utf-8", None)),
        ("grüße".encode("utf-16"), "iso-8859-1", None),
        (b"abc", "no-such-charset", None),
        ("grüße".encode("latin-1"), "utf-8", None),
    ],
)
def test_decode_transport_ranks_the_http_charset_below_a_bom(
    data: bytes, charset: str, expected: tuple[str, str, str | None] | None
) -> None:
    """The HTTP charset decodes unless a BOM, an unknown label or undecodable bytes defer it;
    a single-byte label on multi-byte UTF-8 is corrected to UTF-8."""
    decoded = decode_transport(data, charset)
    if expected is None:
        assert decoded is None
        return
    assert decoded is not None
    text, encoding, how = expected
    assert (decoded.text, decoded.encoding) == (text, encoding)
    if how is not None:
        assert decoded.how == how


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "b" / "deeper").mkdir(parents=True)
    (root / "a.html").write_bytes(HTML_PAGES[0].read_bytes())
    (root / "b" / "c.htm").write_bytes(HTML_PAGES[1].read_bytes())
    (root / "b" / "deeper" / "d.html.gz").write_bytes(gzip.compress(HTML_PAGES[2].read_bytes()))
    (root / "b" / "e.md").write_bytes(MD_PAGES[0].read_bytes())
    (root / "b" / "notes.txt").write_text("not a page", encoding="utf-8")
    (root / "b" / "broken.html.gz").write_bytes(b"not gzip at all")
    return root


def test_read_pages_walks_a_folder_recursively_in_sorted_order(tmp_path: Path) -> None:
    """html, htm, md and their .gz are pages; other files are not; a broken gz is an error."""
    root = _folder(tmp_path)
    items = list(articlekit.read_pages([root]))
    names = [Path(item.origin or "").relative_to(root).as_posix() for item in items]
    assert names == ["a.html", "b/broken.html.gz", "b/c.htm", "b/e.md", "b/deeper/d.html.gz"]
    assert isinstance(items[1], articlekit.BatchError)
    assert items[1].error == "ReadError"
    gz = items[4]
    assert isinstance(gz, articlekit.Page)
    assert gz.source == HTML_PAGES[2].read_bytes()
    assert [getattr(item, "format", None) for item in items] == [
        "html",
        None,
        "html",
        "markdown",
        "html",
    ]


def test_read_pages_reads_jsonl_with_offsets_and_reports_bad_lines(tmp_path: Path) -> None:
    """Each line is a page at its byte offset; lines that are not pages are errors there."""
    lines = [
        json.dumps({"url": "https://a.test/1", "html": "<p>First page.</p>"}),
        "{not json",
        json.dumps({"url": "https://a.test/3", "markdown": "# Three\n\nText."}),
        json.dumps({"url": "https://a.test/4", "body": "no html field"}),
        json.dumps(["a list"]),
    ]
    data = ("\n".join(lines) + "\n").encode()
    path = tmp_path / "pages.jsonl.gz"
    path.write_bytes(gzip.compress(data))
    items = list(articlekit.read_pages([path]))
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line.encode()) + 1)
    assert [item.offset for item in items] == starts
    assert [type(item).__name__ for item in items] == [
        "Page",
        "BatchError",
        "Page",
        "BatchError",
        "BatchError",
    ]
    first, third = items[0], items[2]
    assert isinstance(first, articlekit.Page)
    assert isinstance(third, articlekit.Page)
    assert (first.url, first.format) == ("https://a.test/1", "html")
    assert (third.url, third.format) == ("https://a.test/3", "markdown")
    assert data[starts[2] :].startswith(b'{"url": "https://a.test/3"')


def test_read_pages_reports_a_page_above_the_limit_without_reading_it(tmp_path: Path) -> None:
    """A page file above max_bytes is an InputTooLarge error, not a Page."""
    path = tmp_path / "big.html"
    path.write_bytes(b"<p>" + b"x" * 5_000 + b"</p>")
    [item] = articlekit.read_pages([path], max_bytes=1_000)
    assert isinstance(item, articlekit.BatchError)
    assert (item.error, item.origin) == ("InputTooLarge", str(path))


def _kind_names(kind: _rows.Kind) -> object:
    if isinstance(kind, _rows.Struct):
        return {name: _kind_names(item) for name, item in kind.fields}
    if isinstance(kind, _rows.ListOf):
        return [_kind_names(kind.item)]
    return kind.name


def _plain_names(value: object) -> object:
    if isinstance(value, dict):
        return {name: _plain_names(item) for name, item in value.items()}
    if isinstance(value, list):
        return [_plain_names(value[0])] if value else []
    return type(value).__name__


def test_the_declared_row_schema_covers_every_article_field() -> None:
    """The declared schema names exactly the fields Article.to_dict() has, at every level."""
    article_fields = [field.name for field in attrs.fields(articlekit.Article)]
    assert [name for name, _ in _rows.ARTICLE.fields] == article_fields
    page = (CORPUS / "html-amp-wildfire" / "input.html").read_bytes()
    article = articlekit.parse_article(page, "https://a.test/x")
    plain = _plain_names(article.to_dict())
    declared = _kind_names(_rows.ARTICLE)
    assert isinstance(plain, dict)
    assert isinstance(declared, dict)
    for name in ("body", "links", "quotes", "figures"):
        have, want = plain[name], declared[name]
        if isinstance(have, list) and isinstance(want, list):
            have, want = have[0] if have else None, want[0]
        if isinstance(have, dict) and isinstance(want, dict):
            assert list(have) == list(want), name


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "articlekit", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_batch_command_writes_one_row_per_page_in_order(tmp_path: Path) -> None:
    """`articlekit batch` writes each page's article (or error) with its origin, quietly."""
    root = _folder(tmp_path)
    out = tmp_path / "rows.jsonl"
    done = _cli("batch", str(root), "--out", str(out), "--workers", "1")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    items = list(articlekit.read_pages([root]))
    assert [row["origin"] for row in rows] == [item.origin for item in items]
    for row, item in zip(rows, items, strict=True):
        if isinstance(item, articlekit.BatchError):
            assert (row["error"], row["article"]) == (item.error, None)
        else:
            expected = articlekit.parse_article(item.source, format=item.format)
            assert row["error"] is None
            assert articlekit.Article.from_dict(row["article"]) == expected
    assert "\r" not in done.stderr  # no progress line when stderr is not a terminal
    assert done.stderr.startswith("articlekit batch: 5 pages,")
    assert "1 errors" in done.stderr
    assert "(ReadError 1)" in done.stderr


def test_batch_command_exit_status_reflects_errors_only_when_asked(tmp_path: Path) -> None:
    """A failed page gives status 0 by default and 1 with --fail-on-error."""
    root = _folder(tmp_path)
    out = str(tmp_path / "rows.jsonl")
    assert _cli("batch", str(root), "--out", out, "--workers", "1").returncode == 0
    failing = _cli("batch", str(root), "--out", out, "--workers", "1", "--fail-on-error")
    assert failing.returncode == 1
    (root / "b" / "broken.html.gz").unlink()
    clean = _cli("batch", str(root), "--out", out, "--workers", "1", "--fail-on-error")
    assert clean.returncode == 0


def test_batch_command_refuses_a_missing_input(tmp_path: Path) -> None:
    """A mistyped input path is a usage error (status 2) before any work starts."""
    done = _cli("batch", str(tmp_path / "nope"), "--out", str(tmp_path / "o.jsonl"))
    assert done.returncode == 2
    assert "no such file or folder" in done.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_progress_line_shows_pages_rate_and_errors() -> None:
    """On a terminal the progress line counts pages, pages/s and errors, then gives way
    to the summary."""
    stream = io.StringIO()
    tally = Tally(stream, show_progress=True)
    tally.add(None)
    tally.add(articlekit.BatchError("ReadError", "x"))
    tally.finish("rows.jsonl")
    drawn = stream.getvalue()
    assert drawn.startswith("\r1 pages,")
    assert "pages/s" in drawn
    assert drawn.rstrip().endswith("-> rows.jsonl")
    assert "2 pages" in drawn.splitlines()[-1]
    assert "1 errors" in drawn.splitlines()[-1]


def test_a_pool_that_cannot_start_raises_instead_of_failing_every_page(tmp_path: Path) -> None:
    """A script calling parse_many(workers=2) without a __main__ guard gets one clear
    RuntimeError (spawned workers re-run the script), not a BatchError per page."""
    script = tmp_path / "unguarded.py"
    script.write_text(
        "import articlekit\nprint(list(articlekit.parse_many(['# T\\n\\nx.'] * 4, workers=2)))\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode != 0
    assert "if __name__ == '__main__':" in done.stderr
    assert "BatchError(" not in done.stdout
