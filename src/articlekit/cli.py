"""The ``articlekit`` command.

    articlekit parse PATH|- [--url URL] [--format json|markdown|text] [--input-format html|markdown]
    articlekit corpus add PAGE --url URL --name NAME     (see articlekit._corpus_cli)
    articlekit corpus check [NAME ...]

`parse` prints one article: its `to_dict()` as JSON (the default), its body as Markdown, or its
body as plain text. Exit status 0 on success, 2 for a missing or unreadable input or bad
arguments.

    articlekit batch INPUT... --out results.jsonl [--workers N] [--format jsonl|parquet]

parses many pages (folders, JSONL, WARC/ARC files); see `articlekit._batch_cli`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, TextIO

from articlekit._batch_cli import add_batch_command, run_batch
from articlekit._corpus_cli import add_corpus_parser, run_corpus
from articlekit._model import Article
from articlekit._pipeline import parse_article
from articlekit._version import __version__
from articlekit.errors import ArticleKitError

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as shells report it


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    A reader that closes the pipe early (`articlekit parse page.html | head`) ends the
    command quietly, with the status a shell gives a process killed by SIGPIPE."""
    try:
        return _dispatch(argv)
    except BrokenPipeError:
        # Python's advice: point stdout at devnull so the interpreter's final flush
        # does not raise again on the way out.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def _dispatch(argv: Sequence[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "corpus":
        return run_corpus(args, sys.stdout, sys.stderr)
    if args.command == "batch":
        return run_batch(args)
    if args.command != "parse":
        parser.print_help()
        return EXIT_USAGE
    return _parse_command(args.path, args.url, args.format, args.input_format, sys.stdout)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="articlekit", description="Turn a news article into clean, structured data."
    )
    parser.add_argument("--version", action="version", version=f"articlekit {__version__}")
    commands = parser.add_subparsers(dest="command")
    parse = commands.add_parser("parse", help="parse one article (HTML or Markdown clipping)")
    parse.add_argument("path", help="the file to parse, or - for standard input")
    parse.add_argument("--url", help="the page's URL (links are resolved against it)")
    parse.add_argument(
        "--format",
        choices=("json", "markdown", "text"),
        default="json",
        help="what to print: the whole article as JSON (default), or its body as Markdown or text",
    )
    parse.add_argument(
        "--input-format",
        choices=("html", "markdown"),
        default=None,
        help="the input form (detected when omitted)",
    )
    add_corpus_parser(commands)
    add_batch_command(commands)
    return parser


def _parse_command(
    path: str,
    url: str | None,
    output: Literal["json", "markdown", "text"],
    input_format: Literal["html", "markdown"] | None,
    out: TextIO,
) -> int:
    try:
        source = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"articlekit: cannot read {path}: {reason}", file=sys.stderr)
        return EXIT_USAGE
    try:
        article = parse_article(source, url=url, format=input_format)
    except ArticleKitError as error:
        print(f"articlekit: {path}: {error}", file=sys.stderr)
        return EXIT_USAGE
    out.write(_render(article, output))
    out.write("\n")
    return EXIT_OK


def _render(article: Article, output: str) -> str:
    if output == "markdown":
        return article.body.markdown
    if output == "text":
        return article.body.text
    return article.to_json(indent=2)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
