"""Shared Hypothesis strategies: generated HTML trees, front matter, quoted prose, noise."""

from __future__ import annotations

import html

import yaml
from hypothesis import strategies as st

WORDS = st.sampled_from(
    [
        "the",
        "council",
        "said",
        "budget",
        "river",
        "bridge",
        "would",
        "open",
        "on",
        "Monday",
        "after",
        "years",
        "of",
        "delays",
        "she",
        "he",
        "they",
        "mayor",
        "Ana",
        "Ruiz",
        "Tom",
        "Becker",
        "announced",
        "plans",
        "schools",
        "water",
        "report",
    ]
)
NAMES = st.sampled_from(["Ana Ruiz", "Tom Becker", "Li Wei", "Maria Okafor", "Jonas Berg"])
SPEECH_VERBS = st.sampled_from(["said", "says", "added", "told reporters", "wrote"])
QUOTE_MARKS = st.sampled_from([("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("‘", "’")])
INLINE_TAGS = st.sampled_from(["em", "strong", "span", "small", "b", "i", "sup", "code"])
BLOCK_TAGS = st.sampled_from(
    ["div", "section", "article", "p", "blockquote", "ul", "li", "h2", "pre", "table", "td"]
)
JUNK = st.sampled_from(
    ["<script>var x = 1 < 2;</script>", "<style>p { color: red }</style>", "<!-- c -->"]
)

sentences = st.lists(WORDS, min_size=3, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
prose = st.lists(sentences, min_size=1, max_size=4).map(" ".join)


@st.composite
def quoted_paragraphs(draw: st.DrawFn) -> str:
    """A paragraph with a quotation attributed in one of the usual ways."""
    opening, closing = draw(QUOTE_MARKS)
    quote = draw(sentences).rstrip(".")
    name = draw(NAMES)
    verb = draw(SPEECH_VERBS)
    shape = draw(st.integers(0, 3))
    if shape == 0:
        return f"{opening}{quote},{closing} {name} {verb}."
    if shape == 1:
        return f"{name} {verb}: {opening}{quote}.{closing}"
    if shape == 2:
        return f"{opening}{quote},{closing} {verb} {name}. {opening}{draw(sentences)}{closing}"
    return f"{draw(sentences)} {name} {verb} the plan was {opening}{quote.lower()}{closing}."


def _link(text: str, href: str) -> str:
    return f'<a href="{html.escape(href)}">{html.escape(text)}</a>'


inline_html = st.recursive(
    st.one_of(prose.map(html.escape), quoted_paragraphs().map(html.escape)),
    lambda children: st.one_of(
        st.tuples(INLINE_TAGS, children).map(lambda t: f"<{t[0]}>{t[1]}</{t[0]}>"),
        st.tuples(
            sentences,
            st.sampled_from(
                ["/a", "https://x.test/b", "#top", "javascript:void(0)", "mailto:a@x.test"]
            ),
        ).map(lambda t: _link(t[0], t[1])),
        st.lists(children, min_size=1, max_size=3).map(" ".join),
    ),
    max_leaves=6,
)

html_trees = st.recursive(
    inline_html.map(lambda text: f"<p>{text}</p>"),
    lambda children: st.one_of(
        st.tuples(BLOCK_TAGS, st.lists(children, min_size=1, max_size=4)).map(
            lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>"
        ),
        st.tuples(children, JUNK).map("".join),
        children.map(lambda c: c.replace("</p>", "", 1)),  # unclosed tags
    ),
    max_leaves=10,
)

html_documents = st.tuples(st.text(max_size=30), html_trees).map(
    lambda t: (
        f"<!doctype html><html><head><title>{html.escape(t[0])}</title></head><body>{t[1]}</body></html>"
    )
)

# Front matter of any YAML shape: mappings with odd values, lists, scalars.
yaml_values = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40)
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
front_matter_fields = st.dictionaries(
    st.sampled_from(
        [
            "title",
            "source",
            "url",
            "published",
            "date",
            "category",
            "summary",
            "tags",
            "author",
            "x",
        ]
    ),
    yaml_values,
    max_size=8,
)


@st.composite
def clippings(draw: st.DrawFn) -> str:
    """A Markdown clipping: front matter of any shape, then Markdown paragraphs."""
    fields = draw(st.one_of(front_matter_fields, yaml_values))
    front = yaml.safe_dump(fields, allow_unicode=True)
    paragraphs = draw(
        st.lists(
            st.one_of(prose, quoted_paragraphs(), st.just("[a link](https://x.test/)")), max_size=6
        )
    )
    return "---\n" + front + "---\n" + "\n\n".join(paragraphs)


noise = st.one_of(st.binary(max_size=400), st.text(max_size=400))

# Sentences with what makes sentence ends hard: abbreviations, initials, "U.S.", numbers,
# ! ? … and a lower-case word after a stop.
TRICKY_WORDS = st.sampled_from(
    ["Sen.", "J.", "U.S.", "Dr.", "No.", "3.5", "10:30", "e.g.", "!", "?", "…", ",", "."]
)
tricky_prose = st.lists(st.one_of(WORDS, TRICKY_WORDS), min_size=1, max_size=40).map(" ".join)
