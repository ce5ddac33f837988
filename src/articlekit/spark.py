"""articlekit on Spark: WARC files or (url, html) rows in, a DataFrame of articles out.

Needs the ``spark`` extra (pyspark and warcio); articlekit must be installed on every
executor. The job is shaped like Common Crawl's cc-pyspark jobs: the input is a list of
WARC paths (local, ``file:``, ``http(s):``, or relative to a base URL such as
``https://data.commoncrawl.org/``), one task reads each file as a stream, record by
record, and yields one row per HTML response; nothing but the rows leaves the task.
Rows have the declared schema `row_schema()` (``url``, ``origin``, ``offset``, ``error``,
``message``, ``article``), the same rows ``articlekit batch`` writes, so the two agree
field by field. A record that fails becomes a row with ``error`` set and its WARC offset.

From the command line (``spark-submit`` takes this module's file)::

    spark-submit "$(python -c 'import articlekit.spark as s; print(s.__file__)')" \\
        warc.paths.gz s3a://bucket/articles/ --base-url https://data.commoncrawl.org/ \\
        --partitions 400
"""

from __future__ import annotations

import argparse
import sys
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from typing import IO, Any

from articlekit._batch import BatchError, Page, parse_page
from articlekit._options import Options
from articlekit._readers import read_warc_stream
from articlekit._rows import ROW, Kind, ListOf, Scalar, to_row, to_spark

__all__ = ["main", "parse_articles", "row_schema"]

_REMOTE = ("http://", "https://")


def row_schema() -> Any:
    """The Spark schema (a ``StructType``) of the rows `parse_articles` returns."""
    return to_spark(ROW)


def parse_articles(
    data: Any,
    *,
    options: Options | None = None,
    base_url: str | None = None,
    partitions: int | None = None,
) -> Any:
    """A DataFrame of articles, one row per page, from WARC paths or from (url, html) rows.

    `data` is a Spark DataFrame or RDD of either
    - WARC/ARC paths: an RDD of strings, or a DataFrame whose first column (or its
      ``path`` column) holds them; relative paths are joined to `base_url`; or
    - pages: an RDD of ``(url, html)`` pairs, or a DataFrame with ``html`` and ``url``
      columns.
    An RDD is told apart by its first item. `partitions` spreads the input over that many
    tasks first (one WARC file is one unit of work). The result has the schema
    `row_schema()`: ``article`` is a struct holding `Article.to_dict()` (dates as ISO 8601
    strings), null when ``error`` names why the page has none.

    >>> from pyspark.sql import SparkSession  # doctest: +SKIP
    >>> spark = SparkSession.builder.master("local[2]").getOrCreate()  # doctest: +SKIP
    >>> paths = spark.sparkContext.parallelize(["crawl.warc.gz"])  # doctest: +SKIP
    >>> parse_articles(paths).select("url", "article.title").show()  # doctest: +SKIP
    """
    from pyspark.sql import DataFrame, SparkSession

    options = options or Options()
    if isinstance(data, DataFrame):
        session = data.sparkSession
        pages = "html" in data.columns
        columns = ["url", "html"] if pages else ["path" if "path" in data.columns else 0]
        rdd = data.select(*columns).rdd.map(tuple if pages else _first)
    else:
        session = SparkSession.builder.getOrCreate()
        rdd = data
        first = rdd.take(1)
        pages = bool(first) and not isinstance(first[0], str)
    if partitions is not None:
        rdd = rdd.repartition(partitions)
    rows_of = (
        partial(_page_rows, options=options)
        if pages
        else partial(_warc_rows, options=options, base_url=base_url)
    )
    return session.createDataFrame(rdd.mapPartitions(rows_of), schema=row_schema())


def _first(row: Any) -> Any:
    return row[0]


def _page_rows(pairs: Iterable[Sequence[Any]], *, options: Options) -> Iterator[tuple[Any, ...]]:
    """Rows for (url, html) pairs: what a task does with its partition."""
    for url, html in pairs:
        page = Page(html if html is not None else "", url=url)
        yield _values(to_row(page, parse_page(page, options)), ROW)


def _warc_rows(
    paths: Iterable[str], *, options: Options, base_url: str | None
) -> Iterator[tuple[Any, ...]]:
    """Rows for the HTML records of each WARC file of a partition, file by file."""
    for path in paths:
        for item in _warc_items(_located(path, base_url), options):
            outcome = item if isinstance(item, BatchError) else parse_page(item, options)
            yield _values(to_row(item, outcome), ROW)


def _warc_items(location: str, options: Options) -> Iterator[Page | BatchError]:
    try:
        stream = _open(location)
    except (OSError, ValueError) as error:
        yield BatchError("ReadError", f"cannot open {location}: {error}", origin=location)
        return
    with stream:
        yield from read_warc_stream(stream, location, max_bytes=options.max_input_bytes)


def _located(path: str, base_url: str | None) -> str:
    path = path.strip()
    if base_url and "://" not in path and not path.startswith("/"):
        return base_url.rstrip("/") + "/" + path.lstrip("/")
    return path


def _open(location: str) -> IO[bytes]:
    """A stream over a local file, a ``file:`` URL or an ``http(s):`` URL."""
    if location.startswith(_REMOTE):
        request = urllib.request.Request(location, headers={"User-Agent": "articlekit-spark"})
        response: IO[bytes] = urllib.request.urlopen(request, timeout=60)
        return response
    if location.startswith("file:"):
        location = urllib.request.url2pathname(urllib.parse.urlparse(location).path)
    return open(location, "rb")  # the caller closes it


def _values(value: Any, kind: Kind) -> Any:
    """Plain row data as the nested tuples Spark builds rows from, in schema order."""
    if value is None or isinstance(kind, Scalar):
        return value
    if isinstance(kind, ListOf):
        return [_values(item, kind.item) for item in value]
    return tuple(_values(value.get(name), item) for name, item in kind.fields)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the WARC files listed in a paths file; write the rows as Parquet.

    ``INPUT`` lists one path per line (gzipped or not, as Common Crawl's
    ``warc.paths.gz``); ``OUTPUT`` is a directory Spark writes (local, HDFS or S3).
    """
    from pyspark.sql import SparkSession

    parser = argparse.ArgumentParser(prog="articlekit-spark", description=main.__doc__)
    parser.add_argument("input", help="a file listing WARC paths, one per line")
    parser.add_argument("output", help="the output directory (Parquet)")
    parser.add_argument("--base-url", help="prefix for relative paths")
    parser.add_argument("--partitions", type=int, default=None, help="input tasks")
    parser.add_argument("--output-partitions", type=int, default=10, help="output files")
    args = parser.parse_args(argv)
    session = SparkSession.builder.appName("articlekit").getOrCreate()
    paths = session.sparkContext.textFile(args.input, minPartitions=args.partitions or 2)
    rows = parse_articles(paths.filter(str.strip), base_url=args.base_url)
    rows.coalesce(args.output_partitions).write.mode("overwrite").parquet(args.output)
    return 0  # the session ends with the driver process, or stays for the caller's use


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
