"""`parse_many`: many pages over a process pool, streamed in input order.

The calling process reads the pages lazily, hands them to the workers in small chunks and
keeps at most a fixed number of chunks in flight, so memory stays flat however long the
input is: a chunk is only sent once the oldest one has been yielded. Results come back in
input order (a slow page holds back the pages after it, never reorders them).

Every failure of one page, from a reader or from parsing, becomes a `BatchError` in that
page's place, so one bad page never stops a batch.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Literal

import attrs

from articlekit._decode import decode_transport
from articlekit._model import Article
from articlekit._options import Options
from articlekit._pipeline import parse_article

_CHUNK_PAGES = 8
_CHUNKS_IN_FLIGHT_PER_WORKER = 2


@attrs.frozen
class Page:
    """One page of a batch: its source and where it came from.

    `source` is HTML or a Markdown clipping (`str`, or `bytes` in any encoding). `url` is
    where the page lives (links are resolved against it). `origin` is the file it was read
    from and `offset` the byte offset there (of the WARC record, or of the JSONL line), so
    a result can be traced back. `charset` is the charset the transport declared (an HTTP
    ``Content-Type`` header): it decides how `bytes` are decoded unless a byte order mark
    says otherwise. `format` forces the input form, as in `parse_article`.

    >>> import articlekit
    >>> page = articlekit.Page("<h1>Hi</h1><p>Some words.</p>", url="https://example.test/a")
    >>> page.origin is None
    True
    """

    source: str | bytes
    url: str | None = None
    origin: str | None = None
    offset: int | None = None
    charset: str | None = None
    format: Literal["html", "markdown"] | None = None


@attrs.frozen
class BatchError:
    """A page of a batch that gave no article, in the place its `Article` would have had.

    `error` names the failure (the exception's class, e.g. ``InputTooLarge``, or
    ``ReadError`` for a page a reader could not read); `message` says what happened.
    `url`, `origin` and `offset` are the page's, so it can be found again (for a WARC
    record: the WARC file and the record's byte offset).

    >>> import articlekit
    >>> options = articlekit.Options(max_input_bytes=10)
    >>> pages = ["<p>far too long for the limit</p>"]
    >>> [result] = articlekit.parse_many(pages, workers=1, options=options)
    >>> result.error
    'InputTooLarge'
    """

    error: str
    message: str
    url: str | None = None
    origin: str | None = None
    offset: int | None = None

    def to_dict(self) -> dict[str, str | int | None]:
        """The error as JSON-safe plain data."""
        return attrs.asdict(self)


Outcome = Article | BatchError
"""What a batch gives for each page: its article, or why there is none."""


def parse_many(
    sources: Iterable[Page | str | bytes | BatchError],
    *,
    workers: int | None = None,
    options: Options | None = None,
) -> Iterator[Outcome]:
    """Parse many pages on `workers` processes; yield one result per page, in input order.

    `sources` is any iterable, read lazily: `Page` records (as the readers make them),
    or plain `str`/`bytes` sources. Each result is the page's `Article` or, when the page
    failed, a `BatchError`; a `BatchError` among the sources (a reader's report of a page
    it could not read) is yielded in its place. `workers` defaults to the machine's CPU
    count; with 1 the pages are parsed in the calling process. At most a few pages per
    worker are in flight at a time, so memory does not grow with the input. The workers
    are spawned (fresh interpreters), so a script must call `parse_many` with workers > 1
    under ``if __name__ == "__main__":``; without it, a `RuntimeError` says so.

    >>> import articlekit
    >>> pages = ["# One\\n\\nFirst story.", "# Two\\n\\nSecond story."]
    >>> [article.title for article in articlekit.parse_many(pages, workers=1)]
    ['One', 'Two']
    """
    for _, outcome in parse_pages(_as_pages(sources), workers=workers, options=options):
        yield outcome


def parse_pages(
    items: Iterable[Page | BatchError],
    *,
    workers: int | None = None,
    options: Options | None = None,
) -> Iterator[tuple[Page | BatchError, Outcome]]:
    """`parse_many` that also yields each item it was given (without re-sending it)."""
    options = options or Options()
    count = _worker_count(workers)
    chunks = _chunks(items, _CHUNK_PAGES)
    if count == 1:
        for chunk in chunks:
            yield from zip(chunk, parse_chunk(chunk, options), strict=True)
        return
    yield from _pooled(chunks, count, options)


def _pooled(
    chunks: Iterable[list[Page | BatchError]], count: int, options: Options
) -> Iterator[tuple[Page | BatchError, Outcome]]:
    """Chunks through a process pool, a bounded number in flight, in order.

    A worker that dies (a crash in a C library, the OOM killer) breaks the whole pool:
    the oldest chunk in flight is then reported lost, and the others go to a new pool.
    """
    limit = count * _CHUNKS_IN_FLIGHT_PER_WORKER
    in_flight: deque[tuple[list[Page | BatchError], Future[list[Outcome]]]] = deque()
    pool = _new_pool(count)
    try:
        for chunk in chunks:
            in_flight.append((chunk, _submit(pool, chunk, options)))
            while len(in_flight) >= limit:
                pool = yield from _oldest(in_flight, pool, count, options)
        while in_flight:
            pool = yield from _oldest(in_flight, pool, count, options)
    finally:
        pool.shutdown(cancel_futures=True)


def _oldest(
    in_flight: deque[tuple[list[Page | BatchError], Future[list[Outcome]]]],
    pool: ProcessPoolExecutor,
    count: int,
    options: Options,
) -> Generator[tuple[Page | BatchError, Outcome], None, ProcessPoolExecutor]:
    """Yield the oldest chunk's outcomes; return the pool to go on with."""
    chunk, future = in_flight.popleft()
    try:
        outcomes = future.result()
    except BrokenProcessPool as error:
        outcomes = [_lost(item, error) for item in chunk]
        pool.shutdown(cancel_futures=True)
        pool = _new_pool(count)
        for index, (waiting, _) in enumerate(in_flight):
            in_flight[index] = (waiting, _submit(pool, waiting, options))
    yield from zip(chunk, outcomes, strict=True)
    return pool


def _submit(
    pool: ProcessPoolExecutor, chunk: list[Page | BatchError], options: Options
) -> Future[list[Outcome]]:
    try:
        return pool.submit(parse_chunk, chunk, options)
    except BrokenProcessPool as error:  # noticed while submitting: reported in its turn
        failed: Future[list[Outcome]] = Future()
        failed.set_exception(error)
        return failed


def _new_pool(count: int) -> ProcessPoolExecutor:
    """A pool whose workers have started: a pool that cannot start is the caller's problem,
    not a page's, so it raises instead of failing every page."""
    # spawn: workers start clean, whatever threads or state the caller has
    pool = ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("spawn"))
    try:
        pool.submit(_started).result()
    except BrokenProcessPool as error:
        pool.shutdown(cancel_futures=True)
        raise RuntimeError(
            "parse_many's worker processes could not start; a script that calls parse_many "
            "with workers > 1 must do so under `if __name__ == '__main__':`"
        ) from error
    return pool


def _started() -> bool:
    return True


def parse_chunk(chunk: list[Page | BatchError], options: Options) -> list[Outcome]:
    """The outcomes of a chunk of pages (what one worker does with one task)."""
    return [item if isinstance(item, BatchError) else parse_page(item, options) for item in chunk]


def parse_page(page: Page, options: Options) -> Outcome:
    """One page's article, or the `BatchError` that says why there is none."""
    try:
        source, note = _decoded(page, options)
        article = parse_article(source, page.url, format=page.format, options=options)
    except Exception as error:  # one page's failure, whatever it is, must not stop a batch
        return BatchError(
            type(error).__name__, str(error) or repr(error), page.url, page.origin, page.offset
        )
    if note is not None:
        article = attrs.evolve(article, warnings=(note, *article.warnings))
    return article


def _decoded(page: Page, options: Options) -> tuple[str | bytes, str | None]:
    """The page's source, decoded with its transport charset when it has one."""
    if page.charset is None or not isinstance(page.source, bytes):
        return page.source, None
    if len(page.source) > options.max_input_bytes:
        return page.source, None  # let parse_article refuse it with the usual error
    decoded = decode_transport(page.source, page.charset)
    if decoded is None:
        return page.source, None
    return decoded.text, decoded.note()


def _lost(item: Page | BatchError, error: Exception) -> BatchError:
    if isinstance(item, BatchError):
        return item
    message = f"the worker process failed: {error!r}"
    return BatchError(type(error).__name__, message, item.url, item.origin, item.offset)


def _as_pages(sources: Iterable[Page | str | bytes | BatchError]) -> Iterator[Page | BatchError]:
    for source in sources:
        if isinstance(source, Page | BatchError):
            yield source
        elif isinstance(source, str | bytes):
            yield Page(source)
        else:
            message = f"a source must be a Page, str or bytes, not {type(source).__name__}"
            yield BatchError("TypeError", message)


def _chunks(items: Iterable[Page | BatchError], size: int) -> Iterator[list[Page | BatchError]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _worker_count(workers: int | None) -> int:
    if workers is None:
        return max(1, os.cpu_count() or 1)
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    return workers
