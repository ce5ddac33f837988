"""Metadata extraction: each table pins one behaviour of `articlekit._meta`.

Inputs are small snippets written for these tests. The HTML tables give a page and the
fields it must yield (a field left out of the expectation is not checked).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from typing import Any

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlekit._meta import (
    Metadata,
    extract_html_metadata,
    merge,
    metadata_from_front_matter,
    metadata_from_text,
)
from articlekit._meta.authors import clean_authors
from articlekit._meta.dates import date_in_url, day_order_matters, find_dates, parse_date
from articlekit._meta.language import detect_language, normalise_language
from articlekit._meta.nodes import texts_after, texts_before, texts_in
from articlekit._meta.text import dates_in_text

UTC = timezone.utc


def tz(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


def page(head: str = "", body: str = "", lang: str | None = None) -> lxml.html.HtmlElement:
    lang_attr = f' lang="{lang}"' if lang else ""
    return lxml.html.document_fromstring(
        f"<!doctype html><html{lang_attr}><head>{head}</head><body>{body}</body></html>"
    )


def jsonld(data: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def meta(key: str, value: str, attribute: str = "property") -> str:
    return f'<meta {attribute}="{key}" content="{value}">'


PROSE = (
    "<p>" + "The council met on Tuesday and talked about the bridge for a long time. " * 3 + "</p>"
)


# ----------------------------------------------------------------------------- dates

DATE_VALUES = [
    ("2025-03-04T09:15:00Z", datetime(2025, 3, 4, 9, 15, tzinfo=UTC)),
    ("2025-03-04T09:15:00-05:00", datetime(2025, 3, 4, 9, 15, tzinfo=tz(-5))),
    ("2021-11-01T10:52:50+0100", datetime(2021, 11, 1, 10, 52, 50, tzinfo=tz(1))),
    ("2017-11-03 03:01:00.000000", datetime(2017, 11, 3, 3, 1)),
    ("2025-03-03T15:21:07.412Z", datetime(2025, 3, 3, 15, 21, 7, 412000, tzinfo=UTC)),
    ("2025-03-03T15:21:07:412Z", datetime(2025, 3, 3, 15, 21, 7, 412000, tzinfo=UTC)),
    ("2025-03-04", datetime(2025, 3, 4)),
    ("20150710", datetime(2015, 7, 10)),
    ("2020-01-01 10:00 EST", datetime(2020, 1, 1, 10, 0, tzinfo=tz(-5))),
    ("Tue, 10 Jul 2015 09:53:00 GMT", datetime(2015, 7, 10, 9, 53, tzinfo=UTC)),
    ("Tue Jan 28 15:28:56 CET 2020", datetime(2020, 1, 28, 15, 28, 56, tzinfo=tz(1))),
    ("1436536380", datetime(2015, 7, 10, 13, 53, tzinfo=UTC)),
    ("1436536380000", datetime(2015, 7, 10, 13, 53, tzinfo=UTC)),
    ("March 4, 2025, 9:15 a.m. EST", datetime(2025, 3, 4, 9, 15, tzinfo=tz(-5))),
    ("Dec. 22, 2016 10:43 PM", datetime(2016, 12, 22, 22, 43)),
    ("4. März 2025 um 9:15 Uhr", datetime(2025, 3, 4, 9, 15)),
    ("publié le 4 mars 2025 à 09h15", datetime(2025, 3, 4, 9, 15)),
    ("1er mars 2025", datetime(2025, 3, 1)),
    ("4 de marzo de 2025", datetime(2025, 3, 4)),
    ("Thursday 4 March 2021 17.30 GMT", datetime(2021, 3, 4, 17, 30, tzinfo=UTC)),
    ("04.03.2025", datetime(2025, 3, 4)),
    ("4. 3. 2025", datetime(2025, 3, 4)),
    ("31.10.24", datetime(2024, 10, 31)),
    ("Von Ana Ruiz, 4.3.25", datetime(2025, 3, 4)),
    ("27.08.96 14:05", datetime(1996, 8, 27, 14, 5)),
    ("13/04/2025", datetime(2025, 4, 13)),
    ("2025年3月4日", datetime(2025, 3, 4)),
    ("4 марта 2025, 09:15", datetime(2025, 3, 4, 9, 15)),
    ("4 березня 2025", datetime(2025, 3, 4)),
    ("4 marca 2025", datetime(2025, 3, 4)),
    ("Luni, 4 martie 2025", datetime(2025, 3, 4)),
    ("الثلاثاء، 04 مارس 2025 - 09:15", datetime(2025, 3, 4, 9, 15)),
    ("4 آذار 2025", datetime(2025, 3, 4)),
    ("4 تشرين الأول 2025", datetime(2025, 10, 4)),
]


@pytest.mark.parametrize(("value", "want"), DATE_VALUES, ids=[v for v, _ in DATE_VALUES])
def test_parse_date_reads_machine_and_human_formats(value: str, want: datetime) -> None:
    """ISO 8601 and its usual deviations, RFC 2822, ctime, epoch and human dates in many
    languages parse to the same instant, aware exactly when the value names a zone."""
    got = parse_date(value)
    assert got == want
    assert (got.tzinfo is None) == (want.tzinfo is None)


@pytest.mark.parametrize(
    "value",
    [
        "May 2025",  # no day: never filled in
        "03/04/2025",  # 3 April or 4 March: not guessed
        "1970-01-01",  # template noise, before the web
        "9999-12-31",
        "2025-02-30",
        "yesterday",
        "",
        "2025" * 10_000,
        "v2.10.12",  # a version, not 2 October 2012
        "1.2.3.45",
        "4.3.255",
    ],
)
def test_parse_date_refuses_to_invent(value: str) -> None:
    """A date missing its day, ambiguous, impossible or implausible gives None, never a guess."""
    assert parse_date(value) is None


def test_day_first_reads_ambiguous_numeric_dates() -> None:
    """'03/04/2025' is read with the convention the caller knows, and skipped without one."""
    assert next(find_dates("03/04/2025", day_first=True)).value == datetime(2025, 4, 3)
    assert next(find_dates("03/04/2025", day_first=False)).value == datetime(2025, 3, 4)
    assert next(find_dates("03/04/2025", day_first=None), None) is None


@pytest.mark.parametrize(
    ("text", "matters"),
    [
        ("Posted 03/04/2025 by Ana", True),
        ("Dates 13/04/2025 and 4-3-2025", True),
        ("Posted 13/04/2025", False),
        ("Posted 04/13/2025", False),
        ("Stand: 03.04.2025", False),  # dotted: always day first
        ("March 4, 2025", False),
        ("2025-03-04", False),
    ],
)
def test_day_order_matters_exactly_when_the_readings_differ(text: str, matters: bool) -> None:
    """A text is read once for every day order unless a numeric date in it is ambiguous."""
    readings = {tuple(d.value for d in find_dates(text, f)) for f in (True, False, None)}
    assert day_order_matters(text) is matters
    assert (len(readings) > 1) is matters


@pytest.mark.parametrize(
    "value",
    [
        "Offer valid until 31 March 2025",
        "(bis 31.12.2025)",
        "Seit 4. Mai 2021 gilt",
        "Termin: 21.02.2025, 19 Uhr",
        "Registriert: 18.09.2018, 05:56",
        "Member since 3 June 2019",
        "jusqu'au 4 mars 2025",
        "desde el 4 de marzo de 2025",
    ],
)
def test_dates_of_periods_events_and_members_are_not_published(value: str) -> None:
    """A date that ends or starts a period, an event's date or a forum member's
    registration date is neither the publication nor the modification date."""
    assert dates_in_text(value, True) == (None, None)


@pytest.mark.parametrize(
    "value",
    [
        "Festival, 11-12 July 2025",
        "Messe 1.7.2025-3.7.2025",
        "Report 31 December 2024 – 6 January 2025",
        "Wochenbericht 14. - 20. Januar 2025",
        "Tagung (2025/7/11-12)",
    ],
)
def test_dates_of_a_period_are_not_published(value: str) -> None:
    """Both ends of a period ("11-12 July", "1.7.-3.7.") are the story's dates, not the
    article's."""
    assert dates_in_text(value, True) == (None, None)


@pytest.mark.parametrize(
    ("value", "want"),
    [
        ("Jan 5, 2025 – 5 min read", datetime(2025, 1, 5)),
        ("21.02.2025 - 19:00 Uhr", datetime(2025, 2, 21, 19, 0)),
        ("Nr. 20 - 12. Mai 2025", datetime(2025, 5, 12)),
    ],
)
def test_a_dash_after_a_date_is_not_always_a_period(value: str, want: datetime) -> None:
    """A reading time, a clock time or a number that cannot open the period leaves the
    date the article's."""
    assert dates_in_text(value, True) == (want, None)


@pytest.mark.parametrize(
    ("url", "want"),
    [
        ("https://x.test/2024/11/05/slug/", datetime(2024, 11, 5)),
        ("https://x.test/news/story-2024-11-05-slug.html", datetime(2024, 11, 5)),
        ("https://x.test/a/20241105/slug", datetime(2024, 11, 5)),
        ("https://x.test/meldungen/29-10-2021", datetime(2021, 10, 29)),
        ("https://x.test/meldungen/05-10-2021", None),  # day and month could swap
        ("https://x.test/2024/11/slug/", None),  # no day
        ("https://x.test/?date=2024/11/05", None),  # the query is not the path
        (None, None),
    ],
)
def test_date_in_url(url: str | None, want: datetime | None) -> None:
    """A URL path's full date is read; a month-only or ambiguous one is not."""
    assert date_in_url(url) == want


# ----------------------------------------------------------------------------- authors

BYLINES = [
    ("By Ana Ruiz, Tom Becker and Li Wei", ("Ana Ruiz", "Tom Becker", "Li Wei")),
    ("Von Anna Schmidt und Max Müller", ("Anna Schmidt", "Max Müller")),
    ("Par Marie Dupont et Jean Martin", ("Marie Dupont", "Jean Martin")),
    ("Por Ana Ruiz y Luis Gómez", ("Ana Ruiz", "Luis Gómez")),
    ("Written by Ana Ruiz & Tom Becker", ("Ana Ruiz", "Tom Becker")),
    ("JOE HILDEBRAND", ("Joe Hildebrand",)),
    ("BY MARY O'NEIL-SMITH", ("Mary O'Neil-Smith",)),
    ("Jane Doe, Senior Reporter", ("Jane Doe",)),
    ("Staff Writer Jane Doe", ("Jane Doe",)),
    ("By Rebecca Sloane Reporter", ("Rebecca Sloane",)),
    ("Brenda Goodman, MA", ("Brenda Goodman",)),
    ("Jane Doe | Updated March 3, 2020", ("Jane Doe",)),
    ("By Jane Doe March 3, 2020 4:15 PM", ("Jane Doe",)),
    ("Jane Doe (jane@example.test)", ("Jane Doe",)),
    ("Martin Roux (avec Léa Petit et Paul Morel)", ("Martin Roux", "Léa Petit", "Paul Morel")),
    ("Michiel de Jong", ("Michiel de Jong",)),
    ("Ana Ruiz, ana ruiz", ("Ana Ruiz",)),
    ("Email the author", ()),
    ("Follow", ()),
    ("Staff", ()),
    ("https://social.example/jane.doe", ()),
    ("@janedoe", ()),
    ("Ana Ruiz Games Editor", ()),  # where the name ends is not known
    ("View all posts by Jane Doe", ("Jane Doe",)),  # author-archive links
    ("Zeige alle Beiträge von Lena Vogt", ("Lena Vogt",)),
    ("Veröffentlicht von Lena Vogt", ("Lena Vogt",)),
    ("Erstellt von Lena Vogt", ("Lena Vogt",)),
    ("Voir tous les articles de Marie Dupont", ("Marie Dupont",)),
    ("Ver todas las entradas de Ana Ruiz", ("Ana Ruiz",)),
    ("Stand: 20. April 2020, 14:57 Uhr", ()),  # a date's label
]

# Not a person, from metadata too (where an outlet's name may stand as the author).
NOT_PERSONS = [
    ("Staff and news service reports", ()),  # a phrase: no word is capitalised
    ("courier-online.de", ()),  # a site's address
    ("RIVERTON-POST.com", ()),
    ("lena[at]courier.example.org", ()),  # an e-mail written to fool harvesters
    ("lv/dpa", ()),  # an editor's short code and an agency
    ("Red./dpa", ()),  # "Redaktion", abbreviated
    ("Ana Ruiz & Tom Becker", ("Ana Ruiz", "Tom Becker")),
    ("Bits & i", ("Bits & i",)),  # a lone letter is no person: the "&" is in a name
    ("Hillside Choir Verein e.V.", ("Hillside Choir Verein",)),  # no "V" left of "e.V."
    ("publisher", ()),  # a CMS field's placeholder
    ("Rebloggt", ()),  # a blog's reblog label
    ("Bild © Valley TV", ()),  # a picture's credit
    # next to a full name or an outlet, a lone word is a place
    ("Lena Okafor, Lisbon, Tom Becker", ("Lena Okafor", "Tom Becker")),
    ("valley-courier.com, Riverton, Freedonia", ()),
    ("Valley Daily News, Riverton, Freedonia", ("Valley Daily News",)),  # an outlet
    ("Hillside Verlag GmbH", ()),  # a company is no person
    ("Hillside Media Ltd", ()),
    ("Redaktion Valley Courier", ()),  # a newsroom
    ("kinra, dehlix", ("kinra", "dehlix")),  # user names alone stay
    ("Jo&#xE3;o Ferreira", ("João Ferreira",)),  # an HTML escape in JSON-LD
    ("Newsdesk", ()),
    ("Datum: 19.11.2021", ()),  # a date's label
    ("Datum: 19.11.2021 Autor: Lena Okafor Quelle: Valley Courier", ("Lena Okafor",)),
    ("Co-author: Tom Becker", ("Tom Becker",)),
    ("Photo: Tom Becker", ()),  # a picture's credit: a label left in is no name
]

GROUP_BYLINES = [
    ("By Our Foreign Staff", ()),
    ("Our Own Correspondent", ()),
    ("By Valley Courier Reporters", ()),
    ("Staff and agencies", ()),
    ("By Ana Ruiz and agencies", ("Ana Ruiz",)),
    ("Posted by Lantern Developers", ()),
    ("Von unserem Korrespondenten", ()),
    ("Par notre correspondant", ()),
    ("Por nuestro corresponsal", ()),
]


@pytest.mark.parametrize("strict", [True, False])
@pytest.mark.parametrize(("byline", "want"), GROUP_BYLINES, ids=[b for b, _ in GROUP_BYLINES])
def test_group_bylines_name_no_person(byline: str, want: tuple[str, ...], strict: bool) -> None:
    """A byline for a desk or the wires ("Our Foreign Staff", "Staff and agencies") is not a
    person's name, read strictly (text) or not (meta tags, JSON-LD)."""
    assert clean_authors([byline], strict=strict) == want


@pytest.mark.parametrize(("byline", "want"), BYLINES, ids=[b for b, _ in BYLINES])
def test_bylines_become_clean_names(byline: str, want: tuple[str, ...]) -> None:
    """Openers, roles, credentials, dates, e-mails, handles and furniture are stripped;
    'A, B and C' in four languages splits; ALL-CAPS is title-cased; duplicates go."""
    assert clean_authors([byline], strict=True) == want


@pytest.mark.parametrize(("byline", "want"), NOT_PERSONS, ids=[b for b, _ in NOT_PERSONS])
def test_metadata_authors_must_not_be_phrases_addresses_or_codes(
    byline: str, want: tuple[str, ...]
) -> None:
    """Never confidently wrong: a lower-case phrase, a domain, an e-mail or a desk code
    read from a meta tag or JSON-LD is not returned as an author."""
    assert clean_authors([byline]) == want


def test_visible_text_must_look_like_a_person() -> None:
    """From page text, an outlet line or a sentence is no author; from metadata it may be."""
    assert clean_authors(["Daily Courier News"], strict=True) == ()
    assert clean_authors(["the council said on Monday"], strict=True) == ()
    assert clean_authors(["BBC News"]) == ("BBC News",)


# ----------------------------------------------------------------------------- HTML pages

ARTICLE_LD = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "@id": "#site", "name": "Valley Courier"},
        {"@type": "Person", "@id": "#ana", "name": "Ana Ruiz"},
        {
            "@type": ["NewsArticle"],
            "headline": "Bridge reopens after two years",
            "author": [{"@id": "#ana"}, {"@type": "Person", "name": "Tom Becker"}],
            "datePublished": "2025-03-04T09:15:00-05:00",
            "dateModified": "2025-03-05T10:00:00-05:00",
            "publisher": {"@type": "Organization", "name": "Valley Courier"},
            "image": [{"@type": "ImageObject", "url": "/img/bridge.jpg"}],
            "keywords": ["bridge", "transport"],
            "articleSection": "Local",
            "inLanguage": "en-US",
            "description": "The old mill bridge is open again.",
        },
    ],
}

HTML_CASES: list[tuple[str, lxml.html.HtmlElement, str | None, dict[str, Any]]] = [
    (
        "JSON-LD @graph with @id authors, image object list, keywords list",
        page(jsonld(ARTICLE_LD), PROSE),
        "https://valley.test/news/bridge",
        {
            "title": "Bridge reopens after two years",
            "authors": ("Ana Ruiz", "Tom Becker"),
            "published": datetime(2025, 3, 4, 9, 15, tzinfo=tz(-5)),
            "modified": datetime(2025, 3, 5, 10, 0, tzinfo=tz(-5)),
            "site_name": "Valley Courier",
            "image": "https://valley.test/img/bridge.jpg",
            "tags": ("bridge", "transport"),
            "category": "Local",
            "language": "en",
            "description": "The old mill bridge is open again.",
            "url": "https://valley.test/news/bridge",
        },
    ),
    (
        "OpenGraph only: article:author URL is no name, the visible byline is",
        page(
            meta("og:title", "Nurses strike at two hospitals")
            + meta("og:site_name", "WKRX Channel 9")
            + meta("article:author", "https://social.example/rebecca")
            + meta("article:published_time", "2025-11-18T06:30:00-05:00")
            + meta("article:tag", "health")
            + meta("article:tag", "labor")
            + meta("og:url", "https://wkrx.test/news/strike"),
            '<article><h1>Nurses strike at two hospitals</h1><p class="byline">By Rebecca Sloane'
            "</p>" + PROSE + "</article>",
        ),
        None,
        {
            "authors": ("Rebecca Sloane",),
            "site_name": "WKRX Channel 9",
            "tags": ("health", "labor"),
            "url": "https://wkrx.test/news/strike",
            "canonical_url": "https://wkrx.test/news/strike",
        },
    ),
    (
        "<title> suffix cut when it names the site",
        page(
            "<title>Rain due all week | Valley Courier</title>"
            + meta("og:site_name", "Valley Courier")
        ),
        None,
        {"title": "Rain due all week", "site_name": "Valley Courier"},
    ),
    (
        "'Site: Headline' title whose prefix is the blog's name",
        page(
            "<title>Hollins Rambler: The old branch line becomes a trail</title>"
            + meta("og:title", "The old branch line becomes a trail")
        ),
        None,
        {"title": "The old branch line becomes a trail", "site_name": "Hollins Rambler"},
    ),
    (
        "<title> suffix cut when the article's <h1> is the rest; the suffix names the site",
        page(
            "<title>Budget passes after late-night deal - Section - The Ledger</title>",
            "<article><h1>Budget passes after late-night deal</h1>" + PROSE + "</article>",
        ),
        None,
        {"title": "Budget passes after late-night deal", "site_name": "The Ledger"},
    ),
    (
        "no evidence for a cut: the title stays whole",
        page("<title>Rates rise - and what it means</title>"),
        None,
        {"title": "Rates rise - and what it means", "site_name": None},
    ),
    (
        "a bare <title> loses a short suffix after a typographic dash, nothing naming it",
        page("<title>Notes from the allotment in May – Fern and Spade</title>"),
        None,
        {"title": "Notes from the allotment in May", "site_name": "Fern and Spade"},
    ),
    (
        "a bare <title> that an <h1> repeats whole keeps its dash",
        page(
            "<title>Rain on the hills – a walk</title>",
            "<article><h1>Rain on the hills – a walk</h1>" + PROSE + "</article>",
        ),
        None,
        {"title": "Rain on the hills – a walk"},
    ),
    (
        "of two <h1>s in the <title>, the one it opens with is the headline",
        page(
            "<title>Sharing history safely — the Fernwork handbook</title>",
            "<header><h1>the Fernwork handbook</h1></header><main><h1>Sharing history safely"
            '<a class="headerlink" href="#s">¶</a></h1>' + PROSE + "</main>",
        ),
        None,
        {"title": "Sharing history safely", "site_name": "the Fernwork handbook"},
    ),
    (
        "a JSON-LD headline that shares nothing with the page yields to its name",
        page(
            "<title>New Zealand - Encyclopedia</title>"
            + jsonld(
                {
                    "@type": "Article",
                    "headline": "constitutional monarchy in Oceania",
                    "name": "New Zealand",
                }
            ),
            "<h1>New Zealand</h1>",
        ),
        None,
        {"title": "New Zealand"},
    ),
    (
        "microdata: headline, author > name, datePublished on <time>, publisher name",
        page(
            "",
            '<article itemscope itemtype="https://schema.org/NewsArticle">'
            '<h1 itemprop="headline">Striker signs for Dunmore</h1>'
            '<span itemprop="author" itemscope><span itemprop="name">Callum Reidy</span>'
            '<span itemprop="jobTitle">Sports writer</span></span>'
            '<time itemprop="datePublished" datetime="2025-08-29T22:47:00+01:00">29 Aug</time>'
            '<div itemprop="publisher" itemscope><meta itemprop="name" content="The Dunmore Echo">'
            "</div>" + PROSE + "</article>",
        ),
        None,
        {
            "title": "Striker signs for Dunmore",
            "authors": ("Callum Reidy",),
            "published": datetime(2025, 8, 29, 22, 47, tzinfo=tz(1)),
            "site_name": "The Dunmore Echo",
        },
    ),
    (
        "a byline in the comments or a related box is not the article's",
        page(
            "<title>Garden must move</title>",
            "<article><h1>Garden must move</h1>" + PROSE + "</article>"
            '<div class="comments-area"><span class="comment-author">Dev Patel</span></div>'
            '<aside class="related-posts"><p class="byline">By Other Writer</p></aside>',
        ),
        None,
        {"authors": ()},
    ),
    (
        "the byline in the article's own footer counts; its layout wrapper's name does not matter",
        page(
            "<title>Garden must move</title>",
            '<div class="site-content has-sidebar"><article class="post"><h1>Garden must move</h1>'
            + PROSE
            + '<footer class="entry-meta">Posted on <time datetime="2025-03-08T19:05:00+00:00">'
            'March 8</time> by <a rel="author" href="/author/priya">Priya Chaudhry</a></footer>'
            "</article></div>",
        ),
        None,
        {"authors": ("Priya Chaudhry",), "published": datetime(2025, 3, 8, 19, 5, tzinfo=UTC)},
    ),
    (
        "library metadata names one creator per tag, as 'Last, First'",
        page(
            meta("DC.creator", "Okafor, Lena", "name")
            + meta("DC.creator", "Berg, Jan van den", "name")
            + meta("DC.creator", "Sato, K.", "name")
        ),
        None,
        {"authors": ("Lena Okafor", "Jan van den Berg", "K. Sato")},
    ),
    (
        "a comment's RDFa timestamp is not the article's time of day",
        page(
            "<title>Garden must move</title>",
            '<article><h1>Garden must move</h1><p class="dateline">March 5, 2025</p>'
            + PROSE
            + "</article>"
            '<div class="comments"><div class="comment"><footer>Dev Patel, 5 March '
            '<span property="schema:dateCreated" content="2025-03-05T14:40:07+00:00"></span>'
            "</footer><p>Moving it is a mistake.</p></div></div>",
        ),
        None,
        {"published": datetime(2025, 3, 5)},
    ),
    (
        "the publisher named in the page footer's microdata is the site",
        page(
            "<title>Garden must move</title>",
            "<article><h1>Garden must move</h1>" + PROSE + "</article>"
            '<footer class="site-footer"><ul><li><a href="/about">About us</a></li></ul>'
            '<div itemprop="publisher" itemscope><meta itemprop="name" content="Valley Courier">'
            "</div></footer>",
        ),
        None,
        {"site_name": "Valley Courier"},
    ),
    (
        "language: html lang first, normalised to the primary subtag",
        page(meta("og:locale", "fr_FR"), PROSE, lang="en-GB"),
        None,
        {"language": "en"},
    ),
    (
        "language: og:locale when the page declares none",
        page(meta("og:locale", "pt_BR")),
        None,
        {"language": "pt"},
    ),
    (
        "parsely-metadata JSON in a meta tag",
        page(
            meta(
                "parsely-metadata",
                json.dumps(
                    {
                        "title": "Some title",
                        "author": ["Jane Doe"],
                        "pub_date": "2024-04-20T04:20:00Z",
                    }
                ).replace('"', "&quot;"),
                "name",
            )
        ),
        None,
        {
            "title": "Some title",
            "authors": ("Jane Doe",),
            "published": datetime(2024, 4, 20, 4, 20, tzinfo=UTC),
        },
    ),
    (
        "twitter label/data pair 'Written by'",
        page(
            meta("twitter:label1", "Written by", "name") + meta("twitter:data1", "Ana Ruiz", "name")
        ),
        None,
        {"authors": ("Ana Ruiz",)},
    ),
    (
        "description: JSON-LD first, then OpenGraph, then meta description",
        page(
            meta("description", "Meta text.", "name")
            + meta("og:description", "Social text.")
            + jsonld({"@type": "NewsArticle", "headline": "H", "description": "Structured text."})
        ),
        None,
        {"description": "Structured text."},
    ),
    (
        "a page without metadata gives empty fields, not guesses",
        page("", "<div>Menu</div>"),
        None,
        {"title": None, "authors": (), "published": None, "site_name": None, "language": None},
    ),
]


@pytest.mark.parametrize(
    ("root", "url", "want"), [c[1:] for c in HTML_CASES], ids=[c[0] for c in HTML_CASES]
)
def test_html_metadata(root: lxml.html.HtmlElement, url: str | None, want: dict[str, Any]) -> None:
    """Each source of page metadata is read and ranked as the case's name says."""
    got = extract_html_metadata(root, url)
    for field, value in want.items():
        assert getattr(got, field) == value, field


DATE_PAGES: list[tuple[str, lxml.html.HtmlElement, str | None, datetime | None]] = [
    (
        "the date printed under the headline, no markup at all",
        page(
            "<title>Brick challenge</title>",
            "<div class='post'><h1>Brick challenge</h1><small>Donnerstag, 15.2.2018, 19:51</small>"
            + PROSE
            + "</div>",
            lang="de",
        ),
        None,
        datetime(2018, 2, 15, 19, 51),
    ),
    (
        "a date-classed element beats nothing; 'Updated' marks a modified date",
        page(
            "<title>Storm</title>",
            "<article><h1>Storm</h1><p class='dateline'>Published 3 May 2024 · Updated 4 May 2024"
            "</p>" + PROSE + "</article>",
        ),
        None,
        datetime(2024, 5, 3),
    ),
    (
        "a stale CMS date is outvoted by the URL and the printed date",
        page(
            meta("article:published_time", "2019-06-17T18:28:00+02:00") + "<title>Fair</title>",
            "<article><h1>Fair</h1><p class='date'>12 July 2017</p>" + PROSE + "</article>",
        ),
        "https://x.test/2017/07/12/fair/",
        datetime(2017, 7, 12),
    ),
    (
        "UTC metadata shown in the page's zone when a printed local time is the same instant",
        page(
            meta("article:published_time", "2023-11-09T03:28:35+00:00") + "<title>Vote</title>",
            "<article><h1>Vote</h1><p class='date'>November 8, 2023 10:28 pm</p>"
            + PROSE
            + "</article>",
        ),
        None,
        datetime(2023, 11, 8, 22, 28, 35, tzinfo=tz(-5)),
    ),
    (
        "a UTC midnight east of Greenwich shown as the printed day's local midnight",
        page(
            meta("article:published_time", "2018-06-12T23:00:00.000Z") + "<title>Depth</title>",
            "<article><h1>Depth</h1><p class='date'>On 6/13/2018 by Ana</p>" + PROSE + "</article>",
        ),
        None,
        datetime(2018, 6, 13, 0, 0, tzinfo=tz(1)),
    ),
    (
        "a UTC time that is no whole hour stays UTC: the zone is unknown",
        page(
            meta("article:published_time", "2018-06-12T23:17:00Z") + "<title>Depth</title>",
            "<article><h1>Depth</h1><p class='date'>June 13, 2018</p>" + PROSE + "</article>",
        ),
        None,
        datetime(2018, 6, 13),
    ),
    (
        "an instant another source writes with its zone keeps the structured metadata's form",
        page(
            meta("article:published_time", "2025-03-05T04:40:00+00:00") + "<title>Budget</title>",
            "<article><h1>Budget</h1><time class='published' datetime='2025-03-04T21:40:00-07:00'>"
            "March 4</time>" + PROSE + "</article>",
        ),
        "https://x.test/2025/03/04/budget/",
        datetime(2025, 3, 5, 4, 40, tzinfo=UTC),
    ),
    (
        "an ambiguous printed date takes the reading the metadata confirms",
        page(
            meta("article:published_time", "2021-11-01T04:00:00+00:00") + "<title>Roller</title>",
            "<article><h1>Roller</h1><p class='date'>11/01/2021</p>" + PROSE + "</article>",
            lang="de",
        ),
        None,
        datetime(2021, 11, 1, 4, 0, tzinfo=UTC),
    ),
    (
        "a citation's 'Retrieved' date is not the article's",
        page(
            "<title>Town</title>",
            "<article><h1>Town</h1><p class='cite'>Retrieved 17 February 2008</p>"
            + PROSE
            + "</article>",
        ),
        None,
        None,
    ),
    (
        "the end of a period is not the publication date",
        page(
            "<title>Pool</title>",
            "<article><h1>Pool</h1><p>Open until 30 September 2024</p>" + PROSE + "</article>",
        ),
        None,
        None,
    ),
    (
        "a dateline opens the story past the headline's own box",
        page(
            "<title>Harbour</title>",
            "<div class='top'><h2>Harbour</h2></div><div class='main'><p>By Ana Ruiz</p><p>"
            "14.5.2024 - The council "
            + "met on Tuesday and talked about the bridge. " * 5
            + "</p></div>",
        ),
        None,
        datetime(2024, 5, 14),
    ),
    (
        "a dotted date with a two-digit year under the headline",
        page(
            "<title>Harbour</title>",
            "<article><h1>Harbour</h1><div class='meta'>Ana Ruiz | 14.05.24</div>"
            + PROSE
            + "</article>",
        ),
        None,
        datetime(2024, 5, 14),
    ),
    (
        "a sentence that mentions a date is no dateline",
        page(
            "<title>Rules</title>",
            "<article><h1>Rules</h1><p>The new rules for the hairdressers and the shops in the "
            "region apply from 13 January 2022 onwards.</p></article>",
        ),
        None,
        None,
    ),
]


@pytest.mark.parametrize(
    ("root", "url", "want"), [c[1:] for c in DATE_PAGES], ids=[c[0] for c in DATE_PAGES]
)
def test_publication_date_vote(root: lxml.html.HtmlElement, url: str | None, want: Any) -> None:
    """Sources vote for the publication day; the best-ranked value on that day is returned."""
    got = extract_html_metadata(root, url).published
    assert got == want
    if want is not None:
        assert got.utcoffset() == want.utcoffset()


def test_modified_is_never_before_published() -> None:
    """A modified date earlier than the publication date is dropped, never swapped in."""
    root = page(
        meta("article:published_time", "2017-11-03T03:01:00Z")
        + meta("article:modified_time", "2017-11-03T02:22:36Z")
    )
    got = extract_html_metadata(root, None)
    assert got.published == datetime(2017, 11, 3, 3, 1, tzinfo=UTC)
    assert got.modified is None


def test_modified_and_published_compare_as_instants() -> None:
    """A modified date in another zone is kept when it is the same instant or later,
    even if its wall clock reads earlier."""
    root = page(
        meta("article:published_time", "2018-06-12T23:00:00Z")
        + meta("article:modified_time", "2018-06-12T23:00:00Z")
        + "<title>Depth</title>",
        "<article><h1>Depth</h1><p class='date'>June 13, 2018</p>" + PROSE + "</article>",
    )
    got = extract_html_metadata(root, None)
    assert got.published == datetime(2018, 6, 13, 0, 0, tzinfo=tz(1))
    assert got.modified == datetime(2018, 6, 12, 23, 0, tzinfo=UTC)
    merged = merge(got, Metadata())
    assert merged.modified == got.modified


def test_modified_date_alone_is_not_published() -> None:
    """A page that only says when it was updated has no publication date."""
    root = page(
        "<title>Rates</title>", "<article><h1>Rates</h1><p>Updated 4 May 2024</p></article>"
    )
    got = extract_html_metadata(root, None)
    assert got.published is None


@pytest.mark.parametrize("kind", ["Recipe", "HowTo"])
def test_a_recipe_or_how_to_describes_a_page_without_an_article_node(kind: str) -> None:
    """With no article or web page node, the recipe or how-to the page is about gives its
    publication date; an article node, when there is one, still wins."""
    work = {"@type": kind, "name": "Lemon drizzle", "datePublished": "2024-05-02T08:00:00Z"}
    alone = extract_html_metadata(page(jsonld(work)), None)
    assert alone.published == datetime(2024, 5, 2, 8, 0, tzinfo=UTC)
    article = {"@type": "BlogPosting", "headline": "Cakes", "datePublished": "2024-04-30"}
    both = extract_html_metadata(page(jsonld(work) + jsonld(article)), None)
    assert both.published == datetime(2024, 4, 30)


@pytest.mark.parametrize(
    "block",
    [
        '{"@type": "NewsArticle", "headline": "Tides", "datePublished": "2024-05-02"}\n}',
        '{"@type": "NewsArticle", "headline": "Tides", "datePublished": "2024-05-02"};'
        ' {"@type": "Organization", "name": "Coast Post"}',
    ],
    ids=["stray brace", "two objects"],
)
def test_jsonld_with_junk_after_its_values_keeps_them(block: str) -> None:
    """A block whose complete JSON values are followed by junk keeps those values."""
    root = page(f'<script type="application/ld+json">{block}</script>')
    got = extract_html_metadata(root, None)
    assert (got.title, got.published) == ("Tides", datetime(2024, 5, 2))
    assert got.warnings == ()


def test_broken_jsonld_is_skipped_with_a_warning() -> None:
    """One broken JSON-LD block costs only itself; the others and the warning remain."""
    root = page(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
        + jsonld({"@type": "NewsArticle", "headline": "Still read"})
    )
    got = extract_html_metadata(root, None)
    assert got.title == "Still read"
    assert got.warnings == ("metadata: broken JSON-LD block skipped",)


@pytest.mark.parametrize(
    "block",
    [
        "null",
        "42",
        '"text"',
        "[]",
        "[1, [2, [3]]]",
        '{"@type": 7, "headline": {"a": []}, "author": 5, "image": false}',
        '{"@graph": {"@graph": [null, {"@type": ["NewsArticle"], "author": [[{"name": 1}]]}]}}',
        '{"@type": "NewsArticle", "datePublished": ["not a date"], "keywords": 3}',
        "[" * 5000 + "]" * 5000,
        '<!--{"@type": "NewsArticle", "headline": "Wrapped",}-->',
    ],
)
def test_jsonld_of_any_shape_never_raises(block: str) -> None:
    """JSON-LD of any JSON type, nesting or breakage degrades instead of raising."""
    root = page(f'<script type="application/ld+json">{block}</script>')
    got = extract_html_metadata(root, None)
    assert all(w.startswith("metadata:") and "unreadable" not in w for w in got.warnings)


def test_tree_is_not_mutated() -> None:
    """The content extractor reads the same tree afterwards: not one byte may change."""
    root = page(jsonld(ARTICLE_LD) + "<title>Bridge | Valley Courier</title>", PROSE)
    before = lxml.html.tostring(root)
    extract_html_metadata(root, "https://valley.test/a")
    assert lxml.html.tostring(root) == before


def test_huge_attributes_are_bounded() -> None:
    """Absurdly long attribute values neither raise nor come back whole."""
    root = page(meta("og:title", "x" * 2_000_000) + meta("og:site_name", "y" * 100_000))
    got = extract_html_metadata(root, None)
    assert got.title is not None
    assert len(got.title) <= 5_000


# ----------------------------------------------------------------------------- front matter

SEED_LIKE = {
    "title": "Agency cuts ties with an AI vendor",
    "source": "\n   Will Knight, WIRED.com\n   ",
    "url": "https://example.test/tech/2026/02/agency-cuts-ties/",
    "published": "2026-02-28T20:00:26.000Z",
    "category": "tech",
    "summary": "The agency pressured the vendor to drop restrictions.",
}

FRONT_MATTER: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    (
        "the reference clipping format",
        SEED_LIKE,
        {
            "title": "Agency cuts ties with an AI vendor",
            "authors": ("Will Knight",),
            "site_name": "WIRED.com",
            "url": "https://example.test/tech/2026/02/agency-cuts-ties/",
            "published": datetime(2026, 2, 28, 20, 0, 26, tzinfo=UTC),
            "category": "tech",
            "description": "The agency pressured the vendor to drop restrictions.",
        },
    ),
    (
        "'A and B, Outlet' gives two authors and the outlet",
        {"source": "Ana Ruiz and Tom Becker, Valley Courier"},
        {"authors": ("Ana Ruiz", "Tom Becker"), "site_name": "Valley Courier"},
    ),
    (
        "a lone outlet with an outlet word",
        {"source": "The Daily News"},
        {"site_name": "The Daily News", "authors": ()},
    ),
    ("a lone domain", {"source": "example.com"}, {"site_name": "example.com"}),
    (
        "a lone name that could be a person is not taken",
        {"source": "Ana Ruiz"},
        {"site_name": None, "authors": ()},
    ),
    (
        "a URL in source is the page's URL",
        {"source": "https://x.test/a"},
        {"url": "https://x.test/a"},
    ),
    (
        "author lists, keyword strings, category lists, image mappings",
        {
            "authors": ["Ana Ruiz", {"name": "Tom Becker"}],
            "keywords": "bridge, transport, bridge",
            "categories": ["Local", "News"],
            "image": {"url": "https://x.test/i.jpg"},
            "lang": "de_DE",
        },
        {
            "authors": ("Ana Ruiz", "Tom Becker"),
            "tags": ("bridge", "transport"),
            "category": "Local",
            "image": "https://x.test/i.jpg",
            "language": "de",
        },
    ),
    (
        "a YAML date is midnight, naive; published and modified keep their order",
        {"date": date(2025, 3, 4), "updated": "2025-03-02"},
        {"published": datetime(2025, 3, 2), "modified": datetime(2025, 3, 4)},
    ),
]


@pytest.mark.parametrize(
    ("fields", "want"), [c[1:] for c in FRONT_MATTER], ids=[c[0] for c in FRONT_MATTER]
)
def test_front_matter(fields: dict[str, Any], want: dict[str, Any]) -> None:
    """Front-matter keys of the common clipping tools map onto the metadata fields."""
    got = metadata_from_front_matter(fields, None)
    for field, value in want.items():
        assert getattr(got, field) == value, field


def test_callers_url_wins_over_front_matter() -> None:
    """The URL the caller passes is the article's URL; the clipping's stays canonical."""
    got = metadata_from_front_matter({"url": "https://x.test/a"}, "https://y.test/b")
    assert got.url == "https://y.test/b"
    assert got.canonical_url == "https://x.test/a"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
FIELD_NAMES = st.sampled_from(
    [
        "title",
        "source",
        "url",
        "published",
        "date",
        "updated",
        "summary",
        "tags",
        "keywords",
        "author",
        "authors",
        "category",
        "image",
        "lang",
        "site",
        "x",
    ]
)


@given(st.dictionaries(FIELD_NAMES, json_values | st.dates() | st.datetimes(), max_size=10))
def test_front_matter_of_any_types_never_raises(fields: dict[str, Any]) -> None:
    """Front matter may hold any YAML types; the reader degrades, it never raises."""
    got = metadata_from_front_matter(fields, None)
    assert isinstance(got, Metadata)
    assert not any("unreadable" in w for w in got.warnings)


@pytest.mark.parametrize("number", [float("inf"), float("-inf"), float("nan")])
def test_front_matter_infinite_date_is_no_date(number: float) -> None:
    """YAML's .inf and .nan as a date give no date and no "unreadable" warning (found by
    the property test above: int(inf) raised inside the reader)."""
    got = metadata_from_front_matter({"published": number}, None)
    assert got.published is None
    assert got.warnings == ()


@given(
    json_values,
    st.lists(
        st.sampled_from(
            [
                meta("og:title", "T"),
                meta("article:published_time", "2025-01-02"),
                "<title>A | B</title>",
                meta("author", "Jane Doe", "name"),
                '<meta property="og:image" content="::::">',
            ]
        ),
        max_size=5,
    ),
)
def test_html_of_any_jsonld_never_raises(data: Any, metas: list[str]) -> None:
    """Any JSON value as JSON-LD, with any mix of meta tags, gives metadata, not an error."""
    root = page(jsonld(data) + "".join(metas), PROSE)
    got = extract_html_metadata(root, None)
    assert not any("unreadable" in w for w in got.warnings)


# ----------------------------------------------------------------------------- text fallbacks

TEXT_CASES: list[tuple[str, list[str], str | None, dict[str, Any]]] = [
    (
        "byline and dateline in English",
        ["By Ana Ruiz, Tom Becker and Li Wei", "March 4, 2025, 9:15 a.m. EST"],
        None,
        {
            "authors": ("Ana Ruiz", "Tom Becker", "Li Wei"),
            "published": datetime(2025, 3, 4, 9, 15, tzinfo=tz(-5)),
        },
    ),
    (
        "German dateline",
        ["Von Anna Schmidt", "4. März 2025"],
        None,
        {"published": datetime(2025, 3, 4)},
    ),
    ("French dateline", ["publié le 4 mars 2025"], None, {"published": datetime(2025, 3, 4)}),
    (
        "'Updated' makes a modified date",
        ["Published 3 May 2024", "Updated 4 May 2024"],
        None,
        {"published": datetime(2024, 5, 3), "modified": datetime(2024, 5, 4)},
    ),
    (
        "the URL's date as the last resort",
        ["No date here."],
        "https://x.test/2024/11/05/a/",
        {"published": datetime(2024, 11, 5)},
    ),
    (
        "a sentence opened by a byline word is not a byline",
        ["Por la tarde, la dueña del quiosco, Carmen Vidal, hizo un comentario:"],
        None,
        {"authors": ()},
    ),
    (
        "a Spanish byline names its author",
        ["Por Carmen Vidal"],
        None,
        {"authors": ("Carmen Vidal",)},
    ),
    (
        "a date in prose is about the story, not the article",
        [
            "The plan, first floated on March 4, 2019, was approved by the council on Monday after a long debate about the costs and the schedule."
        ],
        None,
        {"published": None},
    ),
]


@pytest.mark.parametrize(
    ("blocks", "url", "want"), [c[1:] for c in TEXT_CASES], ids=[c[0] for c in TEXT_CASES]
)
def test_metadata_from_text(blocks: list[str], url: str | None, want: dict[str, Any]) -> None:
    """Short lead blocks give bylines and datelines; the URL's date comes last."""
    got = metadata_from_text(blocks, url)
    for field, value in want.items():
        assert getattr(got, field) == value, field


LANGUAGE_TEXTS = [
    (
        "en",
        "The council said that it would open the bridge on Monday after years of delays and that the work had been",
    ),
    (
        "de",
        "Der Rat hat am Montag gesagt, dass die Brücke nach Jahren der Verzögerung wieder geöffnet wird und dass die Arbeiten",
    ),
    (
        "fr",
        "Le conseil a dit que le pont sera ouvert lundi après des années de retard et que les travaux sont dans les temps pour la",
    ),
    (
        "es",
        "El consejo dijo que el puente se abrirá el lunes después de años de retrasos y que las obras están a tiempo para la",
    ),
    (
        "it",
        "Il consiglio ha detto che il ponte sarà aperto lunedì dopo anni di ritardi e che i lavori della città sono anche",
    ),
    (
        "pt",
        "O conselho disse que a ponte será aberta na segunda-feira depois de anos de atrasos e que as obras da cidade não",
    ),
    (
        "nl",
        "De raad heeft gezegd dat de brug maandag na jaren van vertraging weer open gaat en dat het werk van de stad ook",
    ),
]


@pytest.mark.parametrize(
    ("lang", "sample"), LANGUAGE_TEXTS, ids=[lang for lang, _ in LANGUAGE_TEXTS]
)
def test_language_detection(lang: str, sample: str) -> None:
    """Function words tell en, de, fr, es, it, pt and nl apart; short texts are not judged."""
    assert detect_language(sample + " " + sample) == lang
    assert detect_language("Bridge opens") is None


@pytest.mark.parametrize(
    ("declared", "want"),
    [
        ("en-US", "en"),
        ("en_GB", "en"),
        ("PT-br", "pt"),
        ("deu", "de"),
        ("English", "en"),
        ("und", None),
        ("x-default", None),
        ("12", None),
    ],
)
def test_language_normalisation(declared: str, want: str | None) -> None:
    """Declared languages become the lowercased primary subtag; placeholders become None."""
    assert normalise_language(declared) == want


# ----------------------------------------------------------------------------- merge


def test_merge_prefers_primary_and_keeps_date_order() -> None:
    """Empty primary fields are filled from the fallback; a fallback modified date before
    the published date is dropped; warnings of both are kept once."""
    primary = Metadata(title="T", published=datetime(2025, 3, 4), warnings=("metadata: a",))
    fallback = Metadata(
        title="Other",
        authors=("Ana Ruiz",),
        modified=datetime(2025, 3, 1),
        warnings=("metadata: a",),
    )
    got = merge(primary, fallback)
    assert got.title == "T"
    assert got.authors == ("Ana Ruiz",)
    assert got.modified is None
    assert got.warnings == ("metadata: a",)


@given(st.lists(st.text(max_size=200), max_size=8), st.none() | st.text(max_size=80))
def test_text_fallbacks_never_raise(blocks: list[str], url: str | None) -> None:
    """Any lead texts and any URL give metadata, never an error."""
    got = metadata_from_text(blocks, url)
    assert not any("unreadable" in w for w in got.warnings)


_TEXT_ORDER_PAGE = (
    "<html><body><div>lead<p>a<b>b</b>c</p>d<header><i>e</i><h1>Head<em>line</em>!</h1>"
    "f<span>g<u>h</u>i</span>j</header>k<div>l<p>m</p></div>n</div>o</body></html>"
)


@pytest.mark.parametrize(
    ("axis", "xpath"),
    [
        (texts_in, "descendant::text()"),
        (texts_after, "following::text()"),
        (texts_before, "preceding::text()"),
    ],
)
def test_text_walks_match_xpath_axes(axis: Any, xpath: str) -> None:
    """The element walks that replaced XPath text axes give the same text nodes, each
    with the element that holds it, nearest first for the axes around an element."""
    root = lxml.html.document_fromstring(_TEXT_ORDER_PAGE)
    headline = root.find(".//h1")
    found = list(axis(headline))
    nodes = headline.xpath(xpath)
    if axis is texts_before:
        nodes = nodes[::-1]
    assert [text for text, _ in found] == [str(node) for node in nodes]
    owners = [n.getparent().getparent() if n.is_tail else n.getparent() for n in nodes]
    assert [owner for _, owner in found] == owners


def test_dates_next_to_the_headline_are_found_without_xpath() -> None:
    """A dateline just above or below the headline is read from the element walk."""
    below = lxml.html.document_fromstring(
        "<html><head><title>Rain due</title></head><body><article><h1>Rain due</h1>"
        "<div><span>Ana Ruiz</span> <span>4 March 2025</span></div>"
        "<p>Some text that is long enough to be prose and not a dateline at all.</p>"
        "</article></body></html>"
    )
    above = lxml.html.document_fromstring(
        "<html><head><title>Rain due</title></head><body><article>"
        "<div><span>04.03.2025</span></div><h1>Rain due</h1><p>Text.</p>"
        "</article></body></html>"
    )
    assert extract_html_metadata(below, None).published == datetime(2025, 3, 4)
    assert extract_html_metadata(above, None).published == datetime(2025, 3, 4)


def test_a_labelled_date_anywhere_is_the_last_resort() -> None:
    """With no other date on the page, a short text that labels one is read, wherever it
    stands; a year with no label near it is not."""
    page = (
        "<html lang='de'><head><title>Regen</title></head><body><div><p>Text.</p></div>"
        "<div><ul><li>Menü</li></ul><p>{}</p></div></body></html>"
    )
    labelled = lxml.html.document_fromstring(page.format("Veröffentlicht am 3. Mai 2013"))
    bare = lxml.html.document_fromstring(page.format("Im Jahr 2013 regnete es oft."))
    assert extract_html_metadata(labelled, None).published == datetime(2013, 5, 3)
    assert extract_html_metadata(bare, None).published is None


@pytest.mark.parametrize(
    ("label", "want"),
    [
        ("Mise en ligne : 4 mars 2025", datetime(2025, 3, 4)),
        ("Gepostet am 3.5.2013", datetime(2013, 5, 3)),
    ],
)
def test_noun_and_past_participle_labels_name_a_publication_date(
    label: str, want: datetime
) -> None:
    """The French noun "Mise en ligne" and German "Gepostet am" label the publication
    date like "Mis en ligne le" and "Veröffentlicht am" do."""
    body = "<article><h1>Son</h1>" + PROSE * 8 + "</article><div><p>{}</p></div>"
    root = page("<title>Son</title>", body.format(label))
    assert extract_html_metadata(root, None).published == want


def test_agencies_give_way_to_people() -> None:
    """A wire agency credited by a better-ranked source (`<meta name=author>`) yields to
    a person that any source names; an agency alone is kept as the byline."""
    credited = page(
        head='<meta name="author" content="A.F.P.">',
        body='<article><h1>Floods</h1><p class="byline">By Ana Ruiz</p><p>Text.</p></article>',
    )
    assert extract_html_metadata(credited, None).authors == ("Ana Ruiz",)
    wire_only = page(
        body='<article><h1>Floods</h1><p class="byline">By Reuters</p><p>Text.</p></article>'
    )
    assert extract_html_metadata(wire_only, None).authors == ("Reuters",)
