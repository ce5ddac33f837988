"""WARC input end to end: the reader, `articlekit batch` over a 1,000-record crawl, Parquet
output, and the Spark job giving the same rows (needs the warc, parquet and spark extras;
each test is skipped when its extra is absent, unless ARTICLEKIT_REQUIRE_EXTRAS is set).

The crawl is written by `benchmarks.crawl` from our corpus pages: 1,000 HTML responses
(4 of them above the size limit) among request, image and warcinfo records, plus one
truncated record at the end.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from benchmarks.crawl import Crawl, SourcePage, corpus_pages, write_crawl

import articlekit

pytestmark = pytest.mark.warc
# CI's extras step sets this, so that a missing extra or Java fails there instead of skipping
REQUIRED = bool(os.environ.get("ARTICLEKIT_REQUIRE_EXTRAS"))

RECORDS = 1_000
LIMIT = 100_000
OVERSIZE_EVERY = 250


def _need(module: str) -> Any:
    if REQUIRED:
        return importlib.import_module(module)
    return pytest.importorskip(module)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    _need("warcio")
    path = tmp_path_factory.mktemp("crawl") / "crawl.warc.gz"
    return write_crawl(
        path,
        corpus_pages(),
        RECORDS,
        oversize_every=OVERSIZE_EVERY,
        oversize_bytes=LIMIT + 1_000,
        truncate=True,
    )


def _batch(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "articlekit", "batch", *args, "--max-bytes", str(LIMIT)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def batch_rows(crawl: Crawl) -> list[dict[str, Any]]:
    out = crawl.path.with_name("rows.jsonl")
    done = _batch(str(crawl.path), "--out", str(out), "--workers", "2")
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_batch_over_a_warc_loses_no_record(crawl: Crawl, batch_rows: list[dict[str, Any]]) -> None:
    """Every HTML response gives one row, in WARC order, at its record's offset and URL;
    request, image and warcinfo records give none."""
    expected = sorted([*crawl.html_offsets, *crawl.oversize_offsets, crawl.truncated_at or 0])
    assert [row["offset"] for row in batch_rows] == expected
    assert len(batch_rows) == RECORDS + 1
    assert [row["url"] for row in batch_rows[:RECORDS]] == crawl.urls
    assert {row["origin"] for row in batch_rows} == {str(crawl.path)}


def test_bad_records_are_reported_with_their_offsets(
    crawl: Crawl, batch_rows: list[dict[str, Any]]
) -> None:
    """Oversize records are InputTooLarge and the truncated one a ReadError, at their
    offsets; every other record has an article."""
    errors = {row["offset"]: row["error"] for row in batch_rows if row["error"]}
    expected = dict.fromkeys(crawl.oversize_offsets, "InputTooLarge")
    expected[crawl.truncated_at or 0] = "ReadError"
    assert errors == expected
    assert len(crawl.oversize_offsets) == RECORDS // OVERSIZE_EVERY
    assert all(row["article"] for row in batch_rows if not row["error"])


def test_batch_articles_are_the_serial_parse_of_each_record(
    crawl: Crawl, batch_rows: list[dict[str, Any]]
) -> None:
    """A sample of the pool's articles equals parse_article on the record's payload and URL."""
    pages = [
        item
        for item in articlekit.read_pages([crawl.path], max_bytes=LIMIT)
        if isinstance(item, articlekit.Page)
    ]
    by_offset = {row["offset"]: row for row in batch_rows}
    for page in pages[::37]:
        expected = articlekit.parse_article(page.source, page.url)
        got = articlekit.Article.from_dict(by_offset[page.offset]["article"])
        assert got.body == expected.body
        assert got.title == expected.title
        assert got.quotes == expected.quotes


def _small_warc(path: Path, pages: list[SourcePage]) -> Path:
    write_crawl(path, pages, len(pages))
    return path


def test_http_charset_decodes_a_record(tmp_path: Path) -> None:
    """The HTTP Content-Type charset decodes a record whose page declares none; a
    single-byte label on UTF-8 bytes is corrected."""
    _need("warcio")
    text = "Les élèves de l’école Voltaire reçoivent un goûter gratuit dès lundi."
    html = f"<html><body><article><p>{text}</p></article></body></html>"
    pages = [
        SourcePage("https://a.test/cp1252", html.encode("cp1252"), "text/html; charset=cp1252"),
        SourcePage("https://a.test/utf8", html.encode(), 'text/html; charset="ISO-8859-1"'),
    ]
    path = _small_warc(tmp_path / "charset.warc.gz", pages)
    articles = list(articlekit.parse_many(articlekit.read_pages([path]), workers=1))
    assert [a.body.text for a in articles] == [text, text]  # type: ignore[union-attr]
    assert "encoding: windows-1252 (HTTP charset)" in articles[0].warnings  # type: ignore[union-attr]
    assert any("but the bytes are UTF-8" in w for w in articles[1].warnings)  # type: ignore[union-attr]


@pytest.mark.parquet
def test_parquet_output_holds_the_jsonl_rows(tmp_path: Path) -> None:
    """--format parquet writes the same rows, with the declared schema, as JSONL."""
    _need("warcio")
    parquet = _need("pyarrow.parquet")
    path = write_crawl(tmp_path / "c.warc.gz", corpus_pages(), 40, oversize_every=15,
                       oversize_bytes=LIMIT + 1).path  # fmt: skip
    jsonl, table = tmp_path / "rows.jsonl", tmp_path / "rows.parquet"
    assert _batch(str(path), "--out", str(jsonl), "--workers", "1").returncode == 0
    assert _batch(str(path), "--out", str(table), "--workers", "1").returncode == 0
    rows = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert parquet.read_table(table).to_pylist() == rows


def _java() -> bool:
    return bool(os.environ.get("JAVA_HOME")) or shutil.which("java") is not None


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    sql = _need("pyspark.sql")
    if not _java():
        if REQUIRED:
            pytest.fail("Spark needs Java: none on PATH and no JAVA_HOME")
        pytest.skip("Spark needs Java")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        sql.SparkSession.builder.master("local[2]")
        .appName("articlekit-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _plain(row: Any) -> dict[str, Any]:
    return dict(row.asDict(recursive=True))


@pytest.mark.spark
def test_spark_job_over_the_warc_gives_the_batch_rows(
    spark: Any, crawl: Crawl, batch_rows: list[dict[str, Any]]
) -> None:
    """On local[2], parse_articles over the WARC path gives exactly the batch's rows:
    same articles, no record lost, the same errors at the same offsets."""
    from articlekit.spark import parse_articles

    paths = spark.sparkContext.parallelize([str(crawl.path)], 1)
    frame = parse_articles(paths, options=articlekit.Options(max_input_bytes=LIMIT))
    rows = sorted((_plain(row) for row in frame.collect()), key=lambda row: row["offset"])
    assert rows == batch_rows


@pytest.mark.spark
def test_spark_job_over_url_html_rows_matches_parse_many(spark: Any) -> None:
    """A DataFrame of (url, html) rows gives parse_many's articles for the same pages."""
    from articlekit.spark import parse_articles, row_schema

    pages = corpus_pages()[:8]
    frame = spark.createDataFrame(
        [(page.url, page.html.decode("utf-8")) for page in pages], ["url", "html"]
    )
    result = parse_articles(frame)
    assert result.schema == row_schema()
    rows = {row["url"]: row for row in map(_plain, result.collect())}
    expected = articlekit.parse_many(
        [articlekit.Page(page.html.decode("utf-8"), url=page.url) for page in pages], workers=1
    )
    for page, article in zip(pages, expected, strict=True):
        assert rows[page.url]["article"] == article.to_dict()  # type: ignore[union-attr]


@pytest.mark.spark
def test_spark_main_writes_parquet_from_a_paths_file(
    spark: Any, crawl: Crawl, tmp_path: Path
) -> None:
    """The spark-submit entry point reads a paths list and writes every row as Parquet."""
    from articlekit.spark import main

    small = write_crawl(tmp_path / "small.warc.gz", corpus_pages(), 12)
    listing = tmp_path / "warc.paths"
    listing.write_text(f"{small.path.name}\n", encoding="utf-8")
    out = tmp_path / "articles"
    argv = [str(listing), str(out), "--base-url", tmp_path.as_uri(), "--output-partitions", "1"]
    assert main(argv) == 0
    written = spark.read.parquet(str(out))
    assert sorted(row["offset"] for row in written.collect()) == small.html_offsets
    assert written.filter("error IS NOT NULL").count() == 0


def test_a_broken_warc_ends_with_one_error_after_its_last_good_record(tmp_path: Path) -> None:
    """Garbage in the middle of a WARC file: the records before it are pages, then one
    ReadError at or after the garbage's offset ends the file."""
    _need("warcio")
    good = write_crawl(tmp_path / "good.warc.gz", corpus_pages(), 3)
    data = good.path.read_bytes()
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(data + b"this is not a WARC record\r\n\r\n" + data)
    items = list(articlekit.read_pages([broken]))
    assert [item.offset for item in items[:3]] == good.html_offsets
    assert all(isinstance(item, articlekit.Page) for item in items[:3])
    [error] = items[3:]
    assert isinstance(error, articlekit.BatchError)
    assert error.error == "ReadError"
    assert error.offset is not None
    assert error.offset >= len(data)
