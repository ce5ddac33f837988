"""The short cuts the HTML path takes for speed give what the plain way gives.

Each shortcut rests on a fact about the text or the tree (white space is what
`str.split()` splits on; a credit needs a ':' , '(' or '©'; a word count only has to be
right up to the limit it is compared with; an inline wrapper never holds blocks that
count). These tests state those facts, so a change that breaks one fails here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urljoin

from hypothesis import assume, example, given
from hypothesis import strategies as st

import articlekit
from articlekit import _body, _clean, _lexicon, _meta
from articlekit._html import blocks, parse_html, tree
from articlekit._html.content import measure
from articlekit._html.tree import prune
from articlekit._inline import _UNSAFE, InlineBuilder, strip_unsafe
from articlekit._meta import printed

PROSE = (
    "The harbour board kept the adult single fare at the same price for a third year, "
    "and the chair said the ferry was the one bill families could not cut, because "
    "the crossing is the only way to reach the schools, the clinic and the market."
)
SIDEBAR_PROSE = " ".join(
    f"Story {n}: the council, the mayor and the river board met again on the budget."
    for n in range(30)
)

# White space as Python sees it (`str.isspace`), with the odd members a page may hold.
_WHITE_SPACE = " \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2000\u2028\u2029\u3000"
_WORD_CHARS = "abcAB1_é,.:;!-—()«»©\u200b\ufeff"
texts = st.text(alphabet=_WHITE_SPACE + _WORD_CHARS, max_size=40)


@given(st.lists(texts, max_size=6))
def test_inline_text_collapses_white_space_like_a_browser(pieces: list[str]) -> None:
    """Text fed in pieces comes out as the pieces' concatenation with every run of white
    space (any Unicode white space) made one space and none at either end."""
    builder = InlineBuilder()
    for piece in pieces:
        builder.append(piece)
    assert builder.build().text == " ".join("".join(pieces).split())


@given(st.text(alphabet="ab c,.-\n\xa0", max_size=400), st.integers(min_value=1, max_value=40))
def test_word_count_is_exact_up_to_the_limit_asked_about(text: str, limit: int) -> None:
    """The cleaner's word count equals the true count whenever either is within `limit`,
    and is above `limit` whenever the true count is, so every comparison with a limit
    up to `limit` comes out as it would on the true count."""
    true_count = len(re.findall(r"\w+", text))
    got = _clean._word_count(text, limit)
    if true_count <= limit:
        assert got == true_count
    else:
        assert got > limit


@given(
    st.text(alphabet=st.characters(max_codepoint=127), max_size=400),
    st.integers(min_value=1, max_value=40),
)
def test_ascii_word_count_counts_what_the_word_pattern_finds(text: str, limit: int) -> None:
    """ASCII text is counted without the regex: its count is the pattern's, both over the
    prefix the count looks at first and over the whole text."""
    prefix = _clean._PREFIX_CHARS_PER_WORD * limit
    in_prefix = len(re.findall(r"\w+", text[:prefix]))
    expected = in_prefix if in_prefix > limit else len(re.findall(r"\w+", text))
    assert _clean._word_count(text, limit) == expected


_PHRASE_LEXICONS = (
    ("clean_skip_links", _lexicon.LANGUAGES),
    ("clean_tail_markers", (*_lexicon.LANGUAGES, "ja", "zh")),
    ("clean_boilerplate_phrases", _lexicon.LANGUAGES),
    ("clean_furniture_inside", _lexicon.LANGUAGES),
    ("clean_credit_lines", (*_lexicon.LANGUAGES, "ja", "zh")),
    ("clean_read_more", _lexicon.LANGUAGES),
    ("clean_comment_words", _lexicon.LANGUAGES),
)


def test_a_phrase_tree_matches_what_the_flat_alternation_matches() -> None:
    """The cleaner's phrase patterns share the phrases' beginnings: each phrase, any
    beginning of one, and a phrase run on into more text match as with one alternative
    per phrase, with and without regard to case."""
    for name, languages in _PHRASE_LEXICONS:
        entries = _lexicon.load(name, languages)
        probes = {text for entry in entries for text in _probes(entry)}
        for flags in (0, re.IGNORECASE):
            flat = re.compile(f"(?:{_clean._phrases(name, languages)})", flags)
            tree = re.compile(f"(?:{_clean._phrase_tree(name, languages)})", flags)
            for text in probes:
                assert bool(flat.fullmatch(text)) == bool(tree.fullmatch(text)), (name, text)
                assert bool(flat.match(text)) == bool(tree.match(text)), (name, text)
                assert bool(flat.search(text)) == bool(tree.search(text)), (name, text)


def _probes(entry: str) -> list[str]:
    return [
        *(entry[:end] for end in range(len(entry) + 1)),
        entry.upper(),
        entry.lower(),
        f"{entry}s",
        f"x {entry} more",
    ]


class_names = st.lists(
    st.one_of(
        st.sampled_from(["no-", "has_", "with-", "caption", "legend", "credit", "s", "image-"]),
        st.text(alphabet="abcdeilnoprst-_ 1", max_size=8),
    ),
    max_size=6,
).map("".join)


@given(class_names)
def test_caption_and_credit_classes_read_alike_without_ignorecase(names: str) -> None:
    """Lowercased ASCII class names are matched by case-sensitive patterns: they find
    what the IGNORECASE patterns find."""
    assert blocks._is_caption_class(names) == bool(blocks._CAPTION_CLASS.search(names))
    assert blocks._is_credit_class(names) == bool(blocks._CREDIT_CLASS.search(names))


credit_texts = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "Photo",
                "Credit",
                "Foto",
                "Image",
                "photo by",
                "Getty",
                "AP",
                "(photo by",
                "(Image:",
                ")",
            ]
        ),
        st.text(alphabet="abc :.()|;©\n\t\xa0", max_size=12),
    ),
    max_size=6,
).map(" ".join)


@given(credit_texts)
def test_a_credit_always_holds_one_of_the_marks_tested_first(text: str) -> None:
    """Wherever the credit pattern matches, the cheap test run before it says it may."""
    if _clean._CREDIT.search(text):
        assert _clean._may_hold_credit(text)


def test_a_block_inside_an_inline_wrapper_named_like_a_sidebar_is_not_the_article() -> None:
    """An inline element named like furniture (a <span class="sidebar"> around a box)
    keeps the blocks it wraps out of the running for the article, even when they hold
    more text."""
    page = (
        "<html><head><title>Fares frozen</title></head><body>"
        f"<div><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>"
        f"<span class='sidebar'><div><p>{SIDEBAR_PROSE}</p></div></span>"
        "</body></html>"
    )
    body = articlekit.parse_article(page).body.text
    assert PROSE in body
    assert "Story 3" not in body


def test_indentation_between_tags_counts_for_nothing() -> None:
    """The text statistics of a container are the same with and without the white space
    that indents its markup."""
    compact = parse_html(f"<div><p>{PROSE}</p><p><a href='/x'>a link</a>, more</p></div>")
    indented = parse_html(
        f"<div>\n  <p>\n    {PROSE}\n  </p>\n  <p><a href='/x'>a link</a>, more</p>\n</div>\n"
    )
    assert compact is not None
    assert indented is not None
    stats = [measure(root)[root.find(".//div")] for root in (compact, indented)]
    assert stats[0] == stats[1]
    assert stats[0].chars > len(PROSE)


def test_removing_junk_and_hidden_elements_keeps_the_text_around_them() -> None:
    """Scripts, controls and hidden elements go, side by side or nested in each other,
    and the text between them stays in place, in order."""
    root = parse_html(
        "<html><body><p>one<script>x()</script> two<span hidden>h1</span> three"
        "<svg aria-hidden='true'><path/></svg> four<span style='DISPLAY : none'>"
        "<script>y()</script>h2</span> five<button hidden>b</button> six</p></body></html>"
    )
    assert root is not None
    prune(root)
    paragraph = root.find(".//p")
    assert paragraph is not None
    assert paragraph.text_content() == "one two three four five six"


def test_the_page_language_wins_and_the_text_language_fills_in() -> None:
    """A page that declares its language keeps it; a page that does not gets the language
    of its text."""
    english = f"<p>{PROSE}</p><p>{PROSE}</p>"
    declared = articlekit.parse_article(f"<html lang='de'><body><article>{english}</article>")
    undeclared = articlekit.parse_article(f"<html><body><article>{english}</article>")
    assert declared.language == "de"
    assert undeclared.language == "en"


def test_text_fallbacks_skip_the_language_only_when_asked() -> None:
    """`language=False` leaves the language out and reads everything else the same."""
    blocks = ["By Ana Ruiz", "March 4, 2025", PROSE]
    full = _meta.metadata_from_text(blocks, None)
    without = _meta.metadata_from_text(blocks, None, language=False)
    assert full.language == "en"
    assert without.language is None
    assert (without.authors, without.published) == (full.authors, full.published)


def test_markdown_escapes_block_openers_at_any_line_start_only() -> None:
    """A paragraph that opens like a Markdown block (heading, quote, list) is escaped, on
    its first line and after a line break; the same characters inside a line are not."""
    page = (
        f"<html><body><article><p>{PROSE}</p>"
        "<p># not a heading, and 1. not a list, says the board.</p>"
        "<p>The first line of it<br>- not a list item either, says the board.</p>"
        "<p>Plain text with # and - inside it, says the board.</p>"
        f"<p>{PROSE}</p></article></body></html>"
    )
    markdown = articlekit.parse_article(page).body.markdown
    assert "\\# not a heading, and 1. not a list" in markdown
    assert "\\- not a list item either" in markdown
    assert "Plain text with # and - inside it" in markdown


# Every character class the unsafe-character check treats apart: the controls it removes
# and the ones it keeps, bytes that start multi-byte UTF-8 sequences, a lone surrogate,
# the noncharacters, and characters whose UTF-8 form ends in the noncharacters' bytes.
_UNSAFE_EDGES = "\x00\x01\x08\t\n\x0b\x0c\r\x0e\x1f\x7f\x80\x9f\xa0é€\ud800\udfff\ufffd\ufffe\uffff\U0001f600 ab"


@given(st.text(alphabet=_UNSAFE_EDGES, max_size=60))
def test_the_unsafe_character_check_agrees_with_the_pattern(text: str) -> None:
    """`strip_unsafe` checks for unsafe characters in C before running its pattern: the
    result is always what the pattern alone gives."""
    assert strip_unsafe(text) == _UNSAFE.sub("", text)


def test_every_unsafe_character_is_unprintable() -> None:
    """Blocks are checked for unsafe characters with `str.isprintable` first: that is
    only right if the pattern matches no printable character."""
    assert not any(chr(code).isprintable() for code in range(0x110000) if _UNSAFE.match(chr(code)))


@given(
    st.lists(
        st.one_of(
            # the dotted and dotless I match "i" whatever the case
            st.sampled_from(
                [
                    "display:",
                    "visibility:",
                    "none",
                    "hidden",
                    "NONE",
                    "h",
                    "\u0131",
                    "\u0130",
                    "dden",
                ]
            ),
            st.text(alphabet="dinoe: ;\t\n\u017fDN", max_size=8),
        ),
        max_size=6,
    ).map("".join)
)
@example("visibility: h\u0131dden")  # not ASCII: the pattern alone decides
@example("DISPLAY : NONE")
def test_the_style_pre_test_agrees_with_the_hidden_style_pattern(style: str) -> None:
    """An inline style hides its element exactly when the pattern says so: the pre-test
    that lets most styles through without it changes no answer."""
    assert tree._style_hides(style) == bool(tree._HIDDEN_STYLE.search(style))


_BASES = (
    "http://fakehost/test/page.html",
    "https://example.org/news/2025/",
    "https://example.org",
    "HTTPS://Example.org/a/b?c=1#d",
    "http://example.org/a;p?q=1#top",
    "http://example.org/a;?#",
    "http:///no-host",
    "http://[::1]/x",
    "http://[bad/x",
    "ftp://example.org/pub/",
    "about:blank",
)
_URL_PIECES = st.text(alphabet="ab/.;?#%é~ [\\]:@", max_size=14)
_LINKS = st.one_of(
    st.builds(
        "".join,
        st.tuples(
            st.sampled_from(("http://", "https://", "HTTP://", "//", "/", "#", "./", "../", "")),
            st.text(alphabet="ab.-:@%é", max_size=8),
            st.text(alphabet="/ab.;%é~ ", max_size=12),
            st.one_of(st.just(""), st.text(alphabet="ab=&?;/.", max_size=6).map("?".__add__)),
            st.one_of(st.just(""), st.text(alphabet="ab#?/.", max_size=6).map("#".__add__)),
        ),
    ),
    st.builds("".join, st.tuples(st.sampled_from(("http://", "/", "#", "")), _URL_PIECES)),
)


def _joined(join: Callable[[str, str], str], base: str, href: str) -> str:
    """What `resolve_url` makes of `join`'s answer: a link urljoin finds malformed (or
    whose base it does) is kept as it is."""
    try:
        return join(base, href)
    except ValueError:
        return href


@given(_LINKS, st.sampled_from(_BASES))
@example("http://example.org/a;", _BASES[0])  # what urljoin's re-assembly changes: a ";"
@example("http://example.org/a?", _BASES[0])  # with no parameters, an empty query or
@example("/a#", _BASES[0])  # fragment, a scheme in capitals, dot segments
@example("/a?", _BASES[0])
@example("HTTP://example.org/a", _BASES[0])
@example("/a/./b", _BASES[0])
@example("/../b", _BASES[0])
@example("/a/../b", _BASES[1])
@example("#top", _BASES[4])
@example("#top", _BASES[5])
def test_links_are_resolved_as_urljoin_resolves_them(href: str, base: str) -> None:
    """Render resolves the usual forms of link (absolute, from the root, a fragment)
    without `urljoin`: for any base the link comes out as it does through urljoin."""
    assume(href)  # resolve_url drops an empty link before joining
    expected = _joined(urljoin, base, href)
    # prefixes computed per link, or once per page as render does
    assert _joined(lambda b, h: _body._join(b, h, None), base, href) == expected
    once = _body._prefixes_of(base)
    assert _joined(lambda b, h: _body._join(b, h, once), base, href) == expected


@given(st.text(alphabet=" \t\n\r\x00\x1f\x7f\x85\xa0\u2028\u3000\ud800ab:/é", max_size=20))
def test_a_link_target_is_cleaned_as_the_patterns_clean_it(href: str) -> None:
    """A link target with nothing to clean but its ends skips the patterns: the result is
    always what the patterns give (edges stripped, tabs and newlines dropped, surrogates
    dropped, other control characters percent-encoded)."""
    plain = _body._URL_TAB_OR_NEWLINE.sub("", href.strip(_body._URL_EDGE)).strip()
    plain = _body._SURROGATE.sub("", plain)
    plain = _body._URL_CONTROL.sub(lambda match: f"%{ord(match.group()):02X}", plain)
    assert _body._clean_href(href) == plain


_ONE_YEAR_PATTERN = "(?:19|20)\\d\\d|\\d\\.[01]?\\d\\.\\d\\d(?!\\d)"


@given(st.text(alphabet="0123456789.12 a\u0663", max_size=14))
@example("31.10.23")
@example("v.1.12")
@example("8.5.123")
@example("2019")
def test_year_pre_test_is_one_pattern_in_two_searches(text: str) -> None:
    """The printed-date walks' year test (a year, or a dotted date with a two-digit year)
    runs as two fast searches; together they answer as the one pattern does, on text and
    on UTF-8 bytes."""
    assert printed._has_year(text) == (re.search(_ONE_YEAR_PATTERN, text) is not None)
    data = text.encode()
    expected = re.search(_ONE_YEAR_PATTERN.encode(), data) is not None
    assert printed._has_year_bytes(data) == expected
