"""Shared Hypothesis strategies: generated HTML trees, front matter, quoted prose, noise."""

from __future__ import annotations

import html
import json

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


# --- hostile documents -----------------------------------------------------------------
# Markup a careless CMS, a truncated download or an attacker produces: random and deep
# nesting, unclosed and misnested tags, huge attributes, broken entities, JSON-LD of every
# JSON type (and not JSON at all), raw control characters.

ANY_TAGS = st.sampled_from(
    [
        "div", "p", "span", "a", "b", "i", "em", "table", "tr", "td", "th", "tbody", "ul",
        "ol", "li", "h1", "h2", "h3", "blockquote", "pre", "code", "figure", "figcaption",
        "img", "br", "hr", "article", "section", "main", "header", "footer", "nav", "aside",
        "script", "style", "noscript", "template", "svg", "math", "select", "option",
        "textarea", "button", "label", "form", "iframe", "title", "head", "body", "html",
        "meta", "link", "base", "time", "picture", "source", "dialog", "details", "x-custom",
    ]
)  # fmt: skip
ATTRIBUTE_NAMES = st.sampled_from(
    [
        "class", "id", "href", "src", "srcset", "alt", "title", "style", "hidden",
        "aria-hidden", "role", "itemprop", "itemtype", "content", "property", "name",
        "datetime", "colspan", "rowspan", "lang", "charset", "rel", "data-x", "onclick",
    ]
)  # fmt: skip
ATTRIBUTE_VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "javascript:alert(1)", "java\nscript:alert(1)", " data:text/html,<b>x</b>",
            "display:none", "article-body", "author", "2024-02-30T25:61:00Z", "-1", "0",
            "99999999999999999999", "NaN", "1e308", "https://x.test/a b?c#d", "//x.test/p",
            "../../../../a", "http://[::1", "mailto:", "#", "",
        ]
    ),
    st.integers(1, 60_000).map(lambda n: "x" * n),  # huge attribute values
)  # fmt: skip
BROKEN_ENTITIES = st.sampled_from(
    [
        "&amp", "&", "&;", "&#;", "&#x;", "&#xZZ;", "&#0;", "&#1;", "&#xD800;", "&#xDFFF;",
        "&#99999999999;", "&#x110000;", "&nbsp", "&notanentity;", "&lt", "&#65", "&#x41",
        "&quot;&quot;", "&#128;", "&#x9F;",
    ]
)  # fmt: skip
RAW_CHARACTERS = st.sampled_from(
    ["\x00", "\x01", "\x0b", "\x0c", "\x1f", "\x7f", "\u2028", "\ufeff", "\ufffe", "\udc80", "\r"]
)


def _attributes(draw: st.DrawFn) -> str:
    pairs = draw(st.lists(st.tuples(ATTRIBUTE_NAMES, ATTRIBUTE_VALUES), max_size=3))
    quote = draw(st.sampled_from(['"', "'", ""]))
    return "".join(f" {name}={quote}{html.escape(value)}{quote}" for name, value in pairs)


@st.composite
def hostile_fragments(draw: st.DrawFn, depth: int = 0) -> str:
    """A piece of hostile markup: tags nested, unclosed, misnested or stray, with text,
    broken entities and raw control characters between them."""
    pieces = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.integers(0, 7))
        if kind <= 2 and depth < 6:
            tag = draw(ANY_TAGS)
            inner = draw(hostile_fragments(depth + 1))
            close = draw(st.sampled_from([f"</{tag}>", "", f"</{draw(ANY_TAGS)}>"]))
            pieces.append(f"<{tag}{_attributes(draw)}>{inner}{close}")
        elif kind == 3:
            pieces.append(draw(BROKEN_ENTITIES))
        elif kind == 4:
            pieces.append(draw(RAW_CHARACTERS))
        elif kind == 5:
            pieces.append(
                draw(st.sampled_from(["</p>", "</div></div>", "<p", "<!--", "-->", "<", ">"]))
            )
        else:
            pieces.append(html.escape(draw(prose)))
    return "".join(pieces)


@st.composite
def deep_nesting(draw: st.DrawFn) -> str:
    """One tag (or a pair) opened thousands of times, closed or not, then more text."""
    tags = draw(st.lists(ANY_TAGS, min_size=1, max_size=2))
    depth = draw(st.integers(100, 5000))
    opened = "".join(f"<{tag}>" for tag in tags) * depth
    closed = "".join(f"</{tag}>" for tag in reversed(tags)) * depth if draw(st.booleans()) else ""
    return f"{opened}<p>{draw(prose)}</p>{closed}<p>{draw(prose)}</p>"


json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=20),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(
            st.sampled_from(
                [
                    "@type",
                    "@id",
                    "@graph",
                    "@context",
                    "headline",
                    "name",
                    "author",
                    "datePublished",
                    "dateModified",
                    "image",
                    "url",
                    "publisher",
                    "mainEntityOfPage",
                    "keywords",
                    "articleSection",
                    "description",
                    "x",
                ]
            ),
            children,
            max_size=5,
        ),
    ),
    max_leaves=12,
)


@st.composite
def json_ld_blocks(draw: st.DrawFn) -> str:
    """A JSON-LD script of any JSON type, truncated, wrapped or not JSON at all."""
    value = json.dumps(draw(json_values))
    shape = draw(st.integers(0, 4))
    if shape == 1:
        value = value[: draw(st.integers(0, len(value)))]  # truncated
    elif shape == 2:
        value = f"<!--{value},-->"
    elif shape == 3:
        value = draw(st.text(max_size=40))
    return f'<script type="application/ld+json">{value}</script>'


@st.composite
def hostile_html(draw: st.DrawFn) -> str:
    """A whole hostile page: hostile head metadata and JSON-LD, a hostile body."""
    head = "".join(draw(st.lists(st.one_of(json_ld_blocks(), hostile_fragments()), max_size=3)))
    body = draw(st.one_of(hostile_fragments(), deep_nesting(), html_trees))
    wrapper = draw(st.integers(0, 2))
    if wrapper == 0:
        return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"
    if wrapper == 1:
        return head + body  # no html/head/body at all
    return f"<html><body>{body}</body><head>{head}</head>"  # head after body


@st.composite
def hostile_clippings(draw: st.DrawFn) -> str:
    """Markdown whose front matter is not a mapping, not YAML, or not closed, and whose
    body mixes raw HTML, deep quotes and lists, and unclosed inline markup."""
    front = draw(
        st.one_of(
            yaml_values.map(lambda v: yaml.safe_dump(v, allow_unicode=True)),
            st.sampled_from(["title: [unclosed", "\tbad: tab", "- a\n- b", "just words", "{a: "]),
            st.text(max_size=60),
        )
    )
    closing = draw(st.sampled_from(["---\n", "...\n", ""]))
    body_pieces = st.one_of(
        prose,
        quoted_paragraphs(),
        hostile_fragments(),
        st.integers(1, 150).map(lambda n: ">" * n + " deep quote"),
        st.integers(1, 60).map(lambda n: "".join("  " * i + "- item\n" for i in range(n))),
        st.sampled_from(
            [
                "[a](javascript:alert(1))",
                "![x](data:image/png;base64,AA)",
                "**a _b",
                "`",
                "***",
                "| a |\n|---|",
                "```\n~~~~\n<b>x</b>\n```",  # code holding fences
                "`````\n```\n~~~~\n<i>y</i>\n`````",
                "    <p>indented code</p>",
            ]
        ),
    )
    body = "\n\n".join(draw(st.lists(body_pieces, max_size=5)))
    return f"---\n{front}\n{closing}{body}"


hostile_bytes = st.one_of(
    st.binary(max_size=600),
    hostile_html().map(lambda page: page.encode("utf-8", errors="surrogatepass")),
    st.tuples(
        hostile_html(),
        st.sampled_from(
            ["utf-16", "utf-16-le", "utf-32", "cp1252", "shift_jis", "koi8_r", "gb18030"]
        ),
    ).map(lambda t: t[0].encode(t[1], errors="replace")),
    st.tuples(st.binary(max_size=50), hostile_html(), st.binary(max_size=50)).map(
        lambda t: t[0] + t[1].encode("utf-8", errors="replace") + t[2]
    ),
)


# --- pages made only of the body's own blocks -------------------------------------------


@st.composite
def body_only_pages(draw: st.DrawFn) -> tuple[str, list[str]]:
    """An article page whose body holds only prose blocks (no boilerplate), and its words.

    Headings introduce prose: a heading with nothing after it is furniture ("Related
    stories"), which the cleaner drops, so the page never ends on one.
    """
    blocks = []
    words: list[str] = []
    count = draw(st.integers(1, 8))
    for index in range(count):
        text = draw(prose)
        words.extend(text.replace(".", "").split())
        tags = ["p", "p", "p", "blockquote", "li", "h2"] if 0 < index < count - 1 else ["p"]
        tag = draw(st.sampled_from(tags))
        if tag == "li":
            blocks.append(f"<ul><li>{text}</li></ul>")
        else:
            blocks.append(f"<{tag}>{text}</{tag}>")
    page = f"<!doctype html><html><head><title>Story</title></head><body><article>{''.join(blocks)}</article></body></html>"
    return page, words


# Sentences with what makes sentence ends hard: abbreviations, initials, "U.S.", numbers,
# ! ? … and a lower-case word after a stop.
TRICKY_WORDS = st.sampled_from(
    ["Sen.", "J.", "U.S.", "Dr.", "No.", "3.5", "10:30", "e.g.", "!", "?", "…", ",", "."]
)
tricky_prose = st.lists(st.one_of(WORDS, TRICKY_WORDS), min_size=1, max_size=40).map(" ".join)
