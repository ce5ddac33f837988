"""MkDocs hook: doctest examples in docstrings are shown as Python console code.

The code's docstrings carry doctests (`>>> ...` and their output) that the test suite
runs. In Markdown a line starting with `>` is a block quote, so without this hook the API
page would show them as nested quotes. The hook adds a Markdown preprocessor that wraps
each run of doctest lines outside a code fence in a ```` ```pycon ```` fence.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import event_priority

_FENCE = re.compile(r"^\s*(```|~~~)")
_PROMPT = re.compile(r"^(\s*)>>> ")


class _DoctestBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        result: list[str] = []
        in_fence = False
        in_doctest = False
        indent = ""
        for line in lines:
            if in_doctest and (not line.strip() or not line.startswith(indent)):
                result.append(f"{indent}```")
                in_doctest = False
            if not in_doctest and _FENCE.match(line):
                in_fence = not in_fence
            prompt = None if in_fence else _PROMPT.match(line)
            if prompt and not in_doctest:
                indent = prompt.group(1)
                result += ["", f"{indent}```pycon"]
                in_doctest = True
            result.append(line)
        if in_doctest:
            result.append(f"{indent}```")
        return result


class _DoctestExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Before the fenced-code preprocessor (priority 25) so the new fences are read.
        md.preprocessors.register(_DoctestBlocks(md), "articlekit_doctest_blocks", 40)


@event_priority(100)  # before mkdocstrings reads the configured extensions
def on_config(config: Any) -> Any:
    config.markdown_extensions.append(_DoctestExtension())
    return config
