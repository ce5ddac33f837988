"""articlekit: turn a news article into clean, typed data.

>>> import articlekit
>>> article = articlekit.parse_article("# A headline\\n\\nThe first paragraph of the story.")
>>> article.title
'A headline'
>>> article.body.text
'The first paragraph of the story.'

`parse_article` reads a web page's HTML or a Markdown clipping with YAML front matter and
returns a frozen `Article`: metadata, the clean body (as blocks, text and Markdown), the
body's links, its quotations with their speakers, and its figures. `extract_quotes` runs
the same quotation engine on plain text. `parse_many` parses many pages (`Page`
records, e.g. from `read_pages` over folders, JSONL and WARC files) on a process pool,
yielding an `Article` or a `BatchError` for each, in input order.
"""

from articlekit._batch import BatchError, Page, parse_many
from articlekit._model import Article, Block, Body, Figure, Link, Quote
from articlekit._options import Options
from articlekit._pipeline import extract_quotes, parse_article
from articlekit._readers import read_pages
from articlekit._version import __version__
from articlekit.errors import ArticleKitError, InputTooLarge, UnsupportedFormat

__all__ = [
    "Article",
    "ArticleKitError",
    "BatchError",
    "Block",
    "Body",
    "Figure",
    "InputTooLarge",
    "Link",
    "Options",
    "Page",
    "Quote",
    "UnsupportedFormat",
    "__version__",
    "extract_quotes",
    "parse_article",
    "parse_many",
    "read_pages",
]
