"""A synthetic crawl: a WARC file written from pages we have, for tests and benchmarks.

`write_crawl` cycles through the given pages (by default our own corpus pages) to write
as many HTML response records as asked, each under its own URL, with the records a real
crawl also has in between (``warcinfo``, ``request`` records, an image response) and,
when asked, bad records: HTML responses above a size limit and a truncated last record.
It returns what a reader should find, so a test can check that no record was lost.
Needs warcio (the ``warc`` extra).
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS = REPO_ROOT / "corpus"


@dataclass(frozen=True)
class SourcePage:
    """A page to put in the crawl: its URL, bytes and HTTP Content-Type."""

    url: str
    html: bytes
    content_type: str = "text/html; charset=utf-8"


@dataclass
class Crawl:
    """What was written: the HTML records' offsets and URLs, and the bad ones."""

    path: Path
    html_offsets: list[int] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    oversize_offsets: list[int] = field(default_factory=list)
    truncated_at: int | None = None


def corpus_pages(corpus: Path = CORPUS) -> list[SourcePage]:
    """Our corpus's HTML pages, at the URLs their cases give."""
    pages = []
    for case in sorted(corpus.iterdir()):
        page = case / "input.html"
        if not page.is_file():
            continue
        about = json.loads((case / "case.json").read_text(encoding="utf-8"))
        url = about.get("url") or f"https://corpus.articlekit.test/{case.name}/"
        pages.append(SourcePage(url, page.read_bytes()))
    return pages


def write_crawl(
    path: Path,
    pages: Sequence[SourcePage],
    count: int,
    *,
    oversize_every: int = 0,
    oversize_bytes: int = 0,
    truncate: bool = False,
    start: int = 0,
) -> Crawl:
    """Write a gzipped WARC of `count` HTML responses cycling through `pages`.

    Every `oversize_every`-th HTML record (when > 0) is padded to `oversize_bytes`, to be
    above a reader's limit. With `truncate`, one more HTML record is written and cut in
    half, as a crawl interrupted mid-write leaves it. `start` numbers the records from
    there, so that several files can split one crawl between them.
    """
    from warcio.warcwriter import WARCWriter

    crawl = Crawl(path)
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "articlekit"}))
        for number in range(start, start + count):
            page = pages[number % len(pages)]
            url = f"{page.url.rstrip('/')}/copy-{number}"
            html = page.html
            oversize = oversize_every > 0 and number % oversize_every == oversize_every - 1
            if oversize:
                html = html + b"<!--" + b"x" * max(0, oversize_bytes - len(html)) + b"-->"
            _request(writer, url)
            offset = _response(writer, stream, url, html, page.content_type)
            (crawl.oversize_offsets if oversize else crawl.html_offsets).append(offset)
            crawl.urls.append(url)
            if number % 50 == 0:
                _response(writer, stream, url + ".png", b"\x89PNG fake", "image/png")
        if truncate:
            crawl.truncated_at = _truncated_response(writer, stream, pages[0])
    return crawl


def _request(writer: Any, url: str) -> None:
    from warcio.statusandheaders import StatusAndHeaders

    headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.test")], is_http_request=True)
    record = writer.create_warc_record(url, "request", http_headers=headers)
    writer.write_record(record)


def _response(writer: Any, stream: Any, url: str, body: bytes, kind: str) -> int:
    from warcio.statusandheaders import StatusAndHeaders

    headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=headers
    )
    offset = stream.tell()
    writer.write_record(record)
    return offset


def _truncated_response(writer: Any, stream: Any, page: SourcePage) -> int:
    from warcio.warcwriter import WARCWriter

    scratch = io.BytesIO()
    url = page.url.rstrip("/") + "/truncated"
    _response(WARCWriter(scratch, gzip=True), scratch, url, page.html, "text/html")
    offset = stream.tell()
    data = scratch.getvalue()
    stream.write(data[: len(data) // 2])
    return offset
