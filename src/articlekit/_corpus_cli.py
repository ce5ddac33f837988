"""`articlekit corpus`: the contributor's path into the test corpus.

    articlekit corpus add PAGE --url URL --name NAME [--about TEXT] [--style TEXT] [--corpus DIR]
    articlekit corpus check [NAME ...] [--corpus DIR]

`add` creates `DIR/NAME/` with the page (`input.html` or `input.md`), a `case.json` whose
`expect` facts are drafted from the current output, and an `expected.json` holding the
current output, for the contributor to read and correct. `check` parses every case (or
the named ones) and prints, per case, each field that differs from `expected.json` and
each hand-written fact that fails; it exits 1 when anything differs. The corpus folder
defaults to `./corpus`.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any, TextIO

from articlekit import _corpus
from articlekit._model import Article
from articlekit._pipeline import parse_article
from articlekit._sniff import sniff_format
from articlekit.errors import ArticleKitError

EXIT_OK = 0
EXIT_DIFFERENT = 1
EXIT_USAGE = 2

_CASE_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown"})
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_COPYRIGHT_REMINDER = (
    "Before you commit: replace any text under copyright with your own prose in the same\n"
    "markup (keep the tags, classes, ids and metadata shapes; write new sentences, names\n"
    "and quotes), then remove this folder and add the rewritten page the same way."
)


def add_corpus_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `corpus add` and `corpus check` on the main parser's subcommands."""
    corpus = commands.add_parser("corpus", help="add a test case to the corpus, or check it")
    actions = corpus.add_subparsers(dest="corpus_command", required=True)
    add = actions.add_parser("add", help="create a corpus case from a page and its current output")
    add.add_argument("page", help="the page to add (HTML, or a Markdown clipping)")
    add.add_argument("--url", required=True, help="the page's URL (links are resolved against it)")
    add.add_argument("--name", required=True, help="the case folder's name, e.g. html-cms-what")
    add.add_argument("--about", default="", help="one line on what the case tests")
    add.add_argument("--style", default="", help="the publishing system or format it imitates")
    _corpus_option(add)
    check = actions.add_parser("check", help="compare cases' output with their expected.json")
    check.add_argument("names", nargs="*", metavar="NAME", help="cases to check (default: all)")
    _corpus_option(check)


def _corpus_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        type=Path,
        default=Path("corpus"),
        help="the corpus folder (default: ./corpus)",
    )


def run_corpus(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run `articlekit corpus add|check`; return the exit status."""
    if args.corpus_command == "add":
        return add_case(
            args.page, args.url, args.name, args.about, args.style, args.corpus, out, err
        )
    return check_cases(args.names, args.corpus, out, err)


def add_case(
    page: str,
    url: str,
    name: str,
    about: str,
    style: str,
    root: Path,
    out: TextIO,
    err: TextIO,
) -> int:
    """Create `root/name/` from `page`; return the exit status."""
    if not _CASE_NAME.fullmatch(name):
        print(
            f"articlekit: {name!r} is not a case name: use lower-case letters, digits and "
            "hyphens, e.g. html-wordpress-council-budget",
            file=err,
        )
        return EXIT_USAGE
    case = root / name
    if case.exists():
        print(f"articlekit: {case} already exists; choose another --name", file=err)
        return EXIT_USAGE
    try:
        source = Path(page).read_bytes()
    except OSError as error:
        print(f"articlekit: cannot read {page}: {error.strerror or error}", file=err)
        return EXIT_USAGE
    try:
        article = parse_article(source, url=url)
    except ArticleKitError as error:
        print(f"articlekit: {page}: {error}", file=err)
        return EXIT_USAGE
    case.mkdir(parents=True)
    input_path = case / _input_name(Path(page), source)
    input_path.write_bytes(source)
    meta = {"url": url, "about": about, "style": style, "expect": draft_expectations(article)}
    (case / _corpus.CASE_FILE).write_text(
        json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (case / _corpus.EXPECTED_FILE).write_text(_corpus.expected_json(article), encoding="utf-8")
    print(
        f"created {case}/: {input_path.name}, {_corpus.CASE_FILE}, {_corpus.EXPECTED_FILE}",
        file=out,
    )
    print(
        f"Now read {_corpus.EXPECTED_FILE} and correct the drafted `expect` facts in "
        f"{_corpus.CASE_FILE}\n(they are today's output, not the truth yet)"
        + ("; fill in `about` and `style`" if not (about and style) else "")
        + ".",
        file=out,
    )
    print(_COPYRIGHT_REMINDER, file=out)
    return EXIT_OK


def _input_name(page: Path, source: bytes) -> str:
    suffix = page.suffix.lower()
    if suffix in _MARKDOWN_SUFFIXES:
        return "input.md"
    if suffix in _HTML_SUFFIXES:
        return "input.html"
    form = sniff_format(source.decode("utf-8", errors="replace"))
    return "input.md" if form == "markdown" else "input.html"


def draft_expectations(article: Article) -> dict[str, Any]:
    """case.json `expect` facts drafted from an article, for a person to correct.

    >>> import articlekit
    >>> facts = draft_expectations(articlekit.parse_article("# Title\\n\\nOne.\\n\\nTwo."))
    >>> facts["title"], facts["body_first_paragraph_start"], facts["body_last_paragraph_start"]
    ('Title', 'One.', 'Two.')
    """
    paragraphs = [p for p in article.body.text.split("\n\n") if p.strip()]
    return {
        "title": article.title,
        "authors": list(article.authors),
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "site_name": article.site_name,
        "body_first_paragraph_start": _opening(paragraphs[0]) if paragraphs else None,
        "body_last_paragraph_start": _opening(paragraphs[-1]) if paragraphs else None,
        "body_must_contain": [],
        "body_must_not_contain": [],
        "quotes": [
            {"text": quote.text, "speaker": quote.speaker, "kind": quote.kind}
            for quote in article.quotes
        ],
    }


def _opening(paragraph: str, limit: int = 80) -> str:
    # Whole words up to `limit` characters: enough to recognise the paragraph.
    if len(paragraph) <= limit:
        return paragraph
    cut = paragraph.rfind(" ", 0, limit)
    return paragraph[: cut if cut > 0 else limit]


def check_cases(names: list[str], root: Path, out: TextIO, err: TextIO) -> int:
    """Check the named cases (all when none are named); return the exit status."""
    cases = _corpus.list_cases(root)
    if not cases:
        print(f"articlekit: no corpus cases under {root}", file=err)
        return EXIT_USAGE
    if names:
        by_name = {case.name: case for case in cases}
        unknown = [name for name in names if name not in by_name]
        if unknown:
            print(f"articlekit: no such case under {root}: {', '.join(unknown)}", file=err)
            return EXIT_USAGE
        cases = [by_name[name] for name in names]
    verdicts = [_corpus.check_case(case) for case in cases]
    for verdict in verdicts:
        _report(verdict, out)
    failed = [verdict.name for verdict in verdicts if not verdict.ok]
    print(f"{len(verdicts) - len(failed)} of {len(verdicts)} cases match", file=out)
    return EXIT_DIFFERENT if failed else EXIT_OK


def _report(verdict: _corpus.Verdict, out: TextIO) -> None:
    print(f"{'ok  ' if verdict.ok else 'FAIL'} {verdict.name}", file=out)
    for line in verdict.differences:
        print(f"  {_corpus.EXPECTED_FILE} {line}", file=out)
    for line in verdict.failures:
        print(f"  expect {line}", file=out)
    for field in verdict.fixed_gaps:
        print(f"  known_gaps.{field} passes now: remove it from {_corpus.CASE_FILE}", file=out)
