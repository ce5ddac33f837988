"""Body extraction on small pages we wrote: what stays, what goes, what becomes a figure."""

from __future__ import annotations

import json

import pytest

import articlekit

PROSE = (
    "The county council approved the new budget on Tuesday evening after a long debate "
    "about school transport, road repairs and the cost of heating public buildings."
)
PROSE_2 = (
    "Members voted twenty-one to nine in favour, with two abstentions, and the finance "
    "officer said the plan would be published in full before the end of the month."
)


def _html(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head><title>Budget passes</title>{head}</head><body>{body}</body></html>"


def _article(inner: str) -> str:
    return _html(
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>{inner}</article>"
        "<footer><p>© 2026 The Example Gazette. All rights reserved.</p></footer>"
    )


@pytest.mark.parametrize(
    ("furniture", "leaked"),
    [
        (
            "<div class='share-bar'><a href='/s'>Share on Facebook</a> <a href='/t'>Tweet</a></div>",
            "Tweet",
        ),
        (
            "<aside class='newsletter'><h3>Get our daily briefing</h3><p>Sign up now.</p></aside>",
            "daily briefing",
        ),
        (
            "<div class='related-stories'><h3>Related</h3><ul><li><a href='/x'>Other story</a></li></ul></div>",
            "Other story",
        ),
        ("<div class='ad-slot'>Advertisement</div>", "Advertisement"),
        (
            "<section id='comments'><h3>3 comments</h3><p>Great article, thanks so much for writing it up!</p></section>",
            "Great article",
        ),
        (
            "<div class='author-bio'><p>Jo Lane covers local government for the Gazette.</p></div>",
            "Jo Lane covers",
        ),
        ("<p>Read more: <a href='/other'>Council tax to rise again</a></p>", "Council tax"),
        ("<p>We read every message. Tell us what you think of this page.</p>", "every message"),
        (
            "<div class='video-js vjs-default-skin'><div class='vjs-control-bar'>"
            "<span class='vjs-control-text'>Play</span> <span>Current Time</span> 0:00</div></div>",
            "Current Time",
        ),
        (  # a wiki's cross-reference note above a section (MediaWiki's "hatnote")
            "<div role='note' class='hatnote'>Main article: <a href='/wiki/Budget'>Budget</a></div>",
            "Main article",
        ),
    ],
)
def test_furniture_inside_the_article_is_dropped(furniture: str, leaked: str) -> None:
    """Share bars, newsletter boxes, related lists, ads, comments, bios and teasers go."""
    article = articlekit.parse_article(_article(f"<p>{PROSE}</p>{furniture}<p>{PROSE_2}</p>"))
    assert PROSE in article.body.text
    assert PROSE_2 in article.body.text
    assert leaked not in article.body.text


def test_navigation_and_footer_are_dropped() -> None:
    """Site navigation and the footer are not body text."""
    article = articlekit.parse_article(_article(f"<p>{PROSE}</p><p>{PROSE_2}</p>"))
    assert article.body.text == f"{PROSE}\n\n{PROSE_2}"


def test_inline_text_is_never_lost() -> None:
    """Text inside small, span, em, sup, code and links stays in its paragraph."""
    article = articlekit.parse_article(
        _article(
            f"<p>{PROSE} <small>(small print)</small> <span>span text</span> <em>emphasis</em> "
            "x<sup>2</sup> <code>make test</code> <a href='/l'>a link</a>.</p>"
        )
    )
    for piece in ("(small print)", "span text", "emphasis", "x2", "make test", "a link"):
        assert piece in article.body.text


def test_structure_is_kept_as_blocks() -> None:
    """Headings, nested lists, block quotes, code and data tables become typed blocks."""
    article = articlekit.parse_article(
        _article(
            f"<p>{PROSE}</p><h2>What it means</h2><ul><li>Roads<ul><li>Potholes first</li></ul></li>"
            "<li>Schools</li></ul><ol><li>First step</li></ol><blockquote><p>A quoted passage.</p></blockquote>"
            "<pre>  indented\n    code</pre><table><thead><tr><th>Item</th><th>Cost</th></tr></thead>"
            "<tbody><tr><td>Roads</td><td>4m</td></tr></tbody></table>"
        )
    )
    kinds = [(b.kind, b.text, b.level, b.ordered) for b in article.body.blocks]
    assert ("heading", "What it means", 2, False) in kinds
    assert ("list_item", "Roads", 1, False) in kinds
    assert ("list_item", "Potholes first", 2, False) in kinds
    assert ("list_item", "First step", 1, True) in kinds
    assert ("blockquote", "A quoted passage.", 1, False) in kinds
    assert ("code", "  indented\n    code", 0, False) in kinds
    assert ("table", "Item\tCost\nRoads\t4m", 0, False) in kinds
    assert "| Item | Cost |" in article.body.markdown
    assert "    - Potholes first" in article.body.markdown


def test_figures_take_captions_and_credits_out_of_the_body() -> None:
    """A figure's caption and credit go to `figures`, lazy and noscript images are recovered."""
    article = articlekit.parse_article(
        _article(
            f"<p>{PROSE}</p><figure><img src='data:image/gif;base64,R0lGOD' data-src='/img/a.jpg' alt='Hall'>"
            "<figcaption>The council chamber on Tuesday. <span class='credit'>Photo: Jo Lane</span></figcaption>"
            f"</figure><p>{PROSE_2}</p><noscript><img src='/img/b.jpg' alt='Vote'></noscript>"
        ).replace("<title>", "<base href='https://gazette.test/news/'><title>")
    )
    assert "council chamber" not in article.body.text
    assert "Jo Lane" not in article.body.text
    urls = [f.url for f in article.figures]
    assert "https://gazette.test/img/a.jpg" in urls
    assert "https://gazette.test/img/b.jpg" in urls
    first = next(f for f in article.figures if f.url.endswith("a.jpg"))
    assert first.caption == "The council chamber on Tuesday."
    assert first.credit == "Photo: Jo Lane"
    assert first.alt == "Hall"


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("<base href='/archive/2026/'>", "https://gazette.test/archive/2026/report.html"),
        ("<base href=''><base href='/elsewhere/'>", "https://gazette.test/news/report.html"),
        (
            "<base target='_blank'><base href='/archive/'>",
            "https://gazette.test/archive/report.html",
        ),
        ("", "https://gazette.test/news/report.html"),
    ],
)
def test_links_resolve_against_the_first_base_href(base: str, expected: str) -> None:
    """The first `<base>` with an href, itself resolved against the page's URL, sets what
    relative links resolve against; an empty one leaves the page's URL."""
    article = articlekit.parse_article(
        _article(f"<p>{PROSE} See <a href='report.html'>the report</a>.</p>").replace(
            "<title>", base + "<title>"
        ),
        url="https://gazette.test/news/today.html",
    )
    assert [link.url for link in article.links] == [expected]


def test_links_are_absolute_and_unsafe_targets_dropped() -> None:
    """Relative links resolve against the URL; javascript: links lose the link, keep the text."""
    article = articlekit.parse_article(
        _article(
            f"<p>{PROSE} See <a href='../docs/plan.pdf'>the plan</a> and "
            "<a href='javascript:void(0)'>this button</a> or <a href='mailto:desk@gazette.test'>write</a>.</p>"
        ),
        url="https://gazette.test/news/2026/budget.html",
    )
    assert [(link.text, link.url) for link in article.links] == [
        ("the plan", "https://gazette.test/news/docs/plan.pdf"),
        ("write", "mailto:desk@gazette.test"),
    ]
    assert "this button" in article.body.text
    for link in article.links:
        assert article.body.text[link.start : link.end] == link.text


def test_markdown_clipping_boilerplate_is_dropped() -> None:
    """Skip links, kickers, the repeated dek, credits, comment counts and 'Most read' go."""
    clipping = (
        '---\ntitle: "Budget passes"\nsource: "Jo Lane, Example Gazette"\n'
        'url: "https://gazette.test/budget"\npublished: "2026-03-03T18:00:00Z"\n'
        'summary: "Councillors backed the plan by 21 votes to 9."\n---\n'
        "[Skip to content](#main)\n\nlate-night vote\n\nCouncillors backed the plan by 21 votes to 9.\n\n"
        "Councillors in the chamber on Tuesday. Credit: Jo Lane | Example Gazette\n\n"
        f"{PROSE}\n\n{PROSE_2} The [full plan](https://gazette.test/plan.pdf) is online.\n\n"
        "[12 Comments](https://gazette.test/budget#comments)\n\n## Most Read\n\n"
        "1. [Another story](https://gazette.test/other)\n2. [And one more](https://gazette.test/more)\n"
    )
    article = articlekit.parse_article(clipping)
    assert article.body.text == f"{PROSE}\n\n{PROSE_2} The full plan is online."
    assert [(link.text, link.url) for link in article.links] == [
        ("full plan", "https://gazette.test/plan.pdf")
    ]
    assert article.title == "Budget passes"
    assert article.description == "Councillors backed the plan by 21 votes to 9."


def test_plain_markdown_heading_becomes_the_title() -> None:
    """Without front matter, a leading level-1 heading is the title, not body text."""
    article = articlekit.parse_article(
        f"# Budget passes\n\n{PROSE}\n\n## Next steps\n\n- one\n- two\n"
    )
    assert article.title == "Budget passes"
    assert article.body.text.startswith(PROSE)
    assert [b.kind for b in article.body.blocks] == [
        "paragraph",
        "heading",
        "list_item",
        "list_item",
    ]


def test_plain_text_lines_are_paragraphs() -> None:
    """Plain text (no front matter, no Markdown syntax) with one paragraph a line gives
    one paragraph per line, so a line's quote is not run into the next line's prose."""
    text = f"{PROSE}\n“We will open in May,” said Ana Ruiz.\n{PROSE_2}"
    article = articlekit.parse_article(text)
    assert article.body.text == f"{PROSE}\n\n“We will open in May,” said Ana Ruiz.\n\n{PROSE_2}"
    assert [q.kind for q in article.quotes] == ["direct"]


def test_plain_text_headline_line_becomes_the_title() -> None:
    """A plain text's short first line that reads as a headline is its title (not a
    kicker dropped from the body); a first line that is a sentence, a byline, or as long
    as what follows stays in the body or the byline."""
    article = articlekit.parse_article(f"Stadtwerke erhöhen die Preise\n{PROSE}\n{PROSE_2}")
    assert article.title == "Stadtwerke erhöhen die Preise"
    assert article.body.text == f"{PROSE}\n\n{PROSE_2}"
    sentence = articlekit.parse_article(f"The council met again.\n{PROSE}")
    assert sentence.title is None
    assert sentence.body.text.startswith("The council met again.")
    byline = articlekit.parse_article(f"By Ana Ruiz and Tom Hale\n{PROSE}")
    assert byline.title is None
    assert byline.authors == ("Ana Ruiz", "Tom Hale")


def test_hard_wrapped_plain_text_stays_one_paragraph() -> None:
    """Prose wrapped at a fixed width (the next word would not fit on the line) is one
    paragraph, as in Markdown; so is Markdown with a soft line break."""
    wrapped = (
        "The council met on Tuesday evening to vote on the\n"
        "budget for next year, which passed by a narrow margin\n"
        "after a debate that ran past midnight."
    )
    assert articlekit.parse_article(wrapped).body.text == " ".join(wrapped.split("\n"))
    markdown = f"**{PROSE}**\n{PROSE_2}"
    assert articlekit.parse_article(markdown).body.text == f"{PROSE} {PROSE_2}"


def test_empty_inputs_give_an_empty_article_with_a_warning() -> None:
    """Empty and whitespace documents do not raise; the warning says the body is empty."""
    for source in ("", "   \n ", b"", "<html></html>"):
        article = articlekit.parse_article(source)
        assert article.body.text == ""
        assert any(w.startswith("empty-body") for w in article.warnings)


def test_beautifulsoup_input_is_accepted() -> None:
    """A BeautifulSoup document a caller already has parses like its HTML."""
    from bs4 import BeautifulSoup

    page = _article(f"<p>{PROSE}</p>")
    soup = BeautifulSoup(page, "html.parser")
    assert articlekit.parse_article(soup).body.text == articlekit.parse_article(page).body.text


def test_format_override() -> None:
    """format='markdown' reads HTML-looking text as Markdown, and the reverse."""
    text = f"<p>{PROSE}</p>"
    assert articlekit.parse_article(text, format="html").body.text == PROSE
    assert "<p>" not in articlekit.parse_article(text, format="markdown").body.markdown


def test_text_inside_an_unclosed_button_is_kept() -> None:
    page = _html(
        # libxml2 nests everything after a <button> holding a <div> inside the button
        "<button class='menu-button'><div class='icon'>Menu</div>"
        f"<article><p>{PROSE}</p><p>{PROSE_2}</p><p>{PROSE}</p></article>"
    )
    text = articlekit.parse_article(page).body.text
    assert "county council approved the new budget" in text
    assert "finance officer said" in text


def test_prose_in_noscript_is_read() -> None:
    page = _html(
        "<div class='post-content'><script type='text/template'>{{ body }}</script>"
        f"<noscript><p>{PROSE}</p><p>{PROSE_2}</p></noscript></div>"
    )
    text = articlekit.parse_article(page).body.text
    assert "county council approved the new budget" in text
    assert "finance officer said" in text


def test_noscript_tracking_pixel_is_not_text() -> None:
    page = _article(
        f"<p>{PROSE}</p><noscript><img src='/pixel.gif' alt=''></noscript><p>{PROSE_2}</p>"
    )
    text = articlekit.parse_article(page).body.text
    assert "pixel" not in text
    assert text.count("\n\n") == 1


@pytest.mark.parametrize(
    ("classes", "kept"),
    [
        ("entry tag-creditshelf", True),  # a word that starts with "credit" is not a credit
        ("legendary-stories", True),
        ("photo-credits", False),
        ("imagecredit", False),
        ("wp-caption-text", False),
        ("list-item no_caption", True),  # a flag saying the item has no caption
        ("card has-caption", True),
    ],
)
def test_caption_and_credit_classes_match_whole_words(classes: str, kept: bool) -> None:
    line = "Lending platform extends its partnership with a regional savings bank."
    page = _article(f"<p>{PROSE}</p><p class='{classes}'>{line}</p><p>{PROSE_2}</p>")
    text = articlekit.parse_article(page).body.text
    assert (line in text) is kept


def test_article_inside_a_container_named_like_furniture_is_found() -> None:
    page = _html(
        "<nav>"
        + " ".join(f"<a href='/section/{n}'>Section number {n}</a>" for n in range(60))
        + "</nav><div class='layout zen-sidebar-second'><div class='node-body'>"
        f"<p>{PROSE}</p><p>{PROSE_2}</p><p>{PROSE}</p></div></div>"
        "<div class='note'><p>Our reporters cover the county, the courts and the council, "
        "every day of the week.</p></div>"
    )
    text = articlekit.parse_article(page).body.text
    assert "county council approved the new budget" in text
    assert "finance officer said" in text


def test_paragraphs_marked_with_a_furniture_class_are_still_prose() -> None:
    page = _article(
        f"<p class='body-paragraph paywall'>{PROSE}</p>"
        f"<p class='body-paragraph paywall'>{PROSE_2}</p>"
        "<div class='paywall'><a href='/subscribe'>Subscribe to keep reading</a></div>"
    )
    text = articlekit.parse_article(page).body.text
    assert "county council approved the new budget" in text
    assert "finance officer said" in text
    assert "Subscribe" not in text


def test_running_text_beside_a_nested_block_outweighs_short_teasers() -> None:
    teasers = "".join(
        f"<div class='teaser'><div class='article-box'><a href='/t/{n}'>Story {n}: "
        "another story, briefly, told.</a></div></div>"
        for n in range(6)
    )
    running = "<br><br>".join([PROSE, PROSE_2, PROSE, PROSE_2])
    page = _html(
        f"<div class='list'>{teasers}</div>"
        f"<div class='story'><div class='ad-slot'></div>{running}<div>Share</div>{running}</div>"
    )
    text = articlekit.parse_article(page).body.text
    assert "county council approved the new budget" in text
    assert "Story 3" not in text


def test_a_wrapper_named_after_its_share_buttons_keeps_the_story() -> None:
    story = "".join(f"<p>{PROSE} {PROSE_2}</p>" for _ in range(3))
    page = _article(
        f"<div class='body-share-wrapper'>{story}"
        "<div class='share-buttons'><a href='/s/f'>Facebook</a> <a href='/s/x'>X</a></div></div>"
    )
    text = articlekit.parse_article(page).body.text
    assert "county council approved the new budget" in text
    assert "Facebook" not in text


def test_a_comment_section_full_of_prose_stays_out() -> None:
    comments = "".join(f"<p>{PROSE_2}</p>" for _ in range(4))
    page = _article(
        f"<p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><div class='comments-wrapper'>{comments}</div>"
    )
    assert "finance officer" not in articlekit.parse_article(page).body.text


def test_code_after_a_self_closed_script_tag_is_not_text() -> None:
    page = _article(
        f"<p>{PROSE}</p><script type='text/javascript'/>"
        "(function() { document.addEventListener('load', init); })();</script>"
        f"<p>{PROSE_2}</p><style/>.x {{ color: red }}</style>"
    )
    text = articlekit.parse_article(page).body.text
    assert "addEventListener" not in text
    assert "color: red" not in text
    assert "finance officer said" in text


def test_a_list_of_links_the_prose_announces_is_content() -> None:
    """Link-only items are kept when a paragraph ending in a colon introduces their list
    and the story goes on after it, or when they are nested under an item of prose; a
    bare link list with no such introduction still goes."""
    announced = (
        f"<p>{PROSE}</p><p>The documents are online:</p>"
        "<ul><li><a href='/budget.pdf'>Budget summary</a></li>"
        "<li><a href='/minutes.pdf'>Meeting minutes</a></li></ul>"
        f"<p>{PROSE_2}</p>"
        "<ul><li>The treasurer published three dashboards for residents to explore"
        "<ul><li><a href='/d/roads'>Road repairs</a></li></ul></li></ul>"
        f"<p>{PROSE}</p>"
    )
    text = articlekit.parse_article(_article(announced)).body.text
    assert "Budget summary" in text
    assert "Meeting minutes" in text
    assert "Road repairs" in text
    bare = f"<p>{PROSE}</p><ul><li><a href='/a'>Budget summary</a></li></ul><p>{PROSE_2}</p>"
    assert "Budget summary" not in articlekit.parse_article(_article(bare)).body.text


def test_chinese_paragraphs_are_measured_by_their_length() -> None:
    """Text without spaces between words counts its characters, not its space-separated
    runs: a short opening paragraph ending in '。' is prose, not a kicker; a dateline that
    runs its date into the words ("18:45发布") is still taken for a dateline."""
    opening = "市议会周二晚上经过长时间辩论，通过了明年的城市预算。"
    body = (
        "财务主管说：“议员们以二十一票赞成、九票反对通过了该方案，完整的计划将在月底前公布，"
        "其中包括学校交通、道路维修、桥梁检查、公园绿化、路灯、消防站、图书馆、游泳池和公共建筑供暖的费用。”"
    )
    page = _article(f"<p>2026年3月9日 18:45发布</p><p>{opening}</p><p>{body}</p><p>{body}</p>")
    text = articlekit.parse_article(page).body.text
    assert opening in text
    assert "18:45" not in text


def test_a_standfirst_in_a_sibling_div_is_kept() -> None:
    """A <div> of running text beside the chosen story container (a standfirst outside
    the body's wrapper) joins the body like a sibling paragraph; one named like furniture
    does not."""
    standfirst = (
        "The vote ends a month of argument over school buses and heating costs, and leaves "
        "the council with its smallest reserve in a decade."
    )
    bio = (
        "Maren Holt covers local government for the Gazette and has reported on the county "
        "budget since 2019, after ten years at a regional radio station."
    )
    page = _html(
        f"<div class='col'><h1>Budget passes</h1><div class='perex'>{standfirst}</div>"
        f"<div class='text'>{f'<p>{PROSE}</p><p>{PROSE_2}</p>' * 6}</div>"
        f"<div class='sidebar-bio'>{bio}</div></div>"
    )
    text = articlekit.parse_article(page).body.text
    assert standfirst in text
    assert "Maren Holt" not in text


def _teaser(slug: str, title: str, summary: str) -> str:
    return (
        f"<div class='card'><h3><a href='/opinion/{slug}'>{title}</a></h3>"
        f"<img src='/img/{slug}.jpg' alt=''><p>{summary}</p></div>"
    )


def test_a_run_of_teasers_after_the_story_is_dropped() -> None:
    """Linked headings, each with a picture and one summary sentence, that end the page
    are other stories (with the heading that labels them), even though the summaries
    read like prose; linked headings each followed by paragraphs of the story stay."""
    teasers = "".join(
        _teaser(slug, title, summary)
        for slug, title, summary in [
            ("ferry", "Keep the ferry running", "THE harbour ferry costs less than one new "
             "bus lane and carries four hundred commuters every morning. Cut it and they drive."),
            ("library", "Open the library on Sundays", "FAMILIES have asked for it for years, "
             "and the staff say a weekend rota would cost very little. Say yes this time."),
            ("parking", "Parking fees are a tax", "DRIVERS already pay for the roads; charging "
             "them again to stop outside the shops drives trade away."),
        ]
    )  # fmt: skip
    page = _html(
        f"<div class='col'><div class='body'><h1>Budget passes</h1><p>{PROSE}</p><p>{PROSE_2}</p>"
        f"<p>{PROSE}</p></div><div class='group'><h2>More from our columnists</h2>"
        f"{teasers}</div></div>"
    )
    text = articlekit.parse_article(page).body.text
    assert PROSE_2 in text
    assert "harbour ferry" not in text
    assert "More from our columnists" not in text
    listicle = "".join(
        f"<h2><a href='/parks/{n}'>Park number {n}</a></h2><p>{PROSE}</p><p>{PROSE_2}</p>"
        for n in range(3)
    )
    kept = articlekit.parse_article(_article(f"<p>{PROSE}</p>{listicle}")).body.text
    assert "Park number 2" in kept


def test_a_data_table_with_one_paragraph_in_a_cell_stays_a_table() -> None:
    """One cell wrapping its text in <p> does not make a table of twelve rows a layout
    table: it stays one table block, and its linked first column stays in it."""
    rows = "".join(
        f"<tr><th><a href='/route/{n}'>Route {n}</a></th><td>{2010 + n}</td>"
        f"<td>{'<p>Extended to the harbour.</p>' if n == 3 else 'Unchanged.'}</td></tr>"
        for n in range(12)
    )
    table = (
        f"<table><thead><tr><th>Route</th><th>Opened</th><th>Notes</th></tr></thead>{rows}</table>"
    )
    article = articlekit.parse_article(_article(f"<p>{PROSE}</p>{table}<p>{PROSE_2}</p>"))
    tables = [block for block in article.body.blocks if block.kind == "table"]
    assert len(tables) == 1
    assert "Route 7" in article.body.text


def test_a_featured_heading_starts_the_end_matter() -> None:
    """A 'Featured' heading with only story titles and 'Read Article' links after it is
    a list of other stories: it and what follows leave the body."""
    featured = (
        "<h2>Featured</h2><p><a href='/a'>Read Article</a></p><p>How to Patch a Bike Tyre</p>"
        "<p><a href='/b'>Read Article</a></p><p>Ten Walks Along the Canal</p>"
    )
    text = articlekit.parse_article(_article(f"<p>{PROSE}</p><p>{PROSE_2}</p>{featured}")).body.text
    assert PROSE_2 in text
    assert "Featured" not in text
    assert "Canal" not in text


def test_the_labels_of_a_generated_chart_are_not_prose() -> None:
    """The absolutely placed labels of an ai2html chart (numbers, axis years) inside the
    article are no paragraphs of the story."""
    labels = "".join(
        f"<div class='g-aiAbs' style='top:{n * 9}%'><p>’{10 + n}</p></div>" for n in range(9)
    )
    chart = f"<div class='ai2html ai2html-box'><img src='/chart.png' alt=''>{labels}</div>"
    text = articlekit.parse_article(_article(f"<p>{PROSE}</p>{chart}<p>{PROSE_2}</p>")).body.text
    assert PROSE_2 in text
    assert "’14" not in text


def test_a_link_around_blocks_links_each_block() -> None:
    """A story card (<a> around a heading and a summary) links both blocks, so a run of
    such cards after the story is recognised as teasers; an <a> holding most of the
    text (an unclosed link that swallowed the story) does not turn the story into links."""
    cards = "".join(
        f"<a class='card' href='/story/{n}'><h3>Harbour story number {n}</h3>"
        f"<p>A short summary of harbour story {n}, written for the card.</p></a>"
        for n in range(3)
    )
    page = _article(f"<p>{PROSE}</p><p>{PROSE_2}</p><p>{PROSE}</p>{cards}")
    text = articlekit.parse_article(page).body.text
    assert PROSE_2 in text
    assert "Harbour story" not in text
    swallowed = _article(f"<p>{PROSE}</p><a href='/x'><p>{PROSE_2}</p><p>{PROSE}</p></a>")
    assert "](/x)" not in articlekit.parse_article(swallowed).body.markdown


def _with_article_body(body: str, shown: str) -> str:
    script = json.dumps({"@type": "NewsArticle", "headline": "Budget passes", "articleBody": body})
    return _html(
        f"<div id='app'>{shown}</div>", head=f"<script type='application/ld+json'>{script}</script>"
    )


def test_json_ld_article_body_stands_in_only_for_a_page_without_text() -> None:
    """A page that shows almost no text gets its body from the JSON-LD articleBody, one
    paragraph per line (or per <p> when the string holds markup), with a warning; a page
    that shows its story keeps its own text, even when the articleBody says more."""
    body = f"{PROSE}\n\n{PROSE_2}\n{PROSE}"
    article = articlekit.parse_article(_with_article_body(body, "<p>Loading…</p>"))
    assert [b.text for b in article.body.blocks] == [PROSE, PROSE_2, PROSE]
    assert any(w.startswith("body-from-json-ld") for w in article.warnings)
    marked = _with_article_body(f"<p>{PROSE}</p><p>{PROSE_2} &amp; more</p>", "")
    texts = [b.text for b in articlekit.parse_article(marked).body.blocks]
    assert texts == [PROSE, f"{PROSE_2} & more"]
    shown = "".join(f"<p>{PROSE}</p><p>{PROSE_2}</p>" for _ in range(4))
    kept = articlekit.parse_article(_with_article_body(body * 4 + " Extra line.", shown))
    assert "Extra line" not in kept.body.text
    assert not any(w.startswith("body-from-json-ld") for w in kept.warnings)
    unclosed = _html(
        "<p>Loading…</p>", head=f'<script type=\'application/ld+json\'>{{"articleBody": "{PROSE}'
    )
    assert PROSE not in articlekit.parse_article(unclosed).body.text


def test_a_header_holding_only_running_text_is_the_opening_paragraph() -> None:
    """A <header> inside the story with no heading, no date and no link, only a sentence
    of text, is the story's opening paragraph and stays; a header with a headline and a
    byline still gives only its headline."""
    opening = (
        "Councillors spent six hours on the budget, and the vote still came down to the "
        "price of heating the town's schools."
    )
    page = _article(f"<header>{opening}</header><p>{PROSE}</p><p>{PROSE_2}</p>")
    assert opening in articlekit.parse_article(page).body.text
    headed = _article(
        "<header><h2>Six hours on the budget</h2><p>By Maren Holt and Tomas Ruiz, with "
        f"reporting from the council chamber in the old town hall</p></header><p>{PROSE}</p>"
    )
    assert "Maren Holt" not in articlekit.parse_article(headed).body.text


def test_a_bracketed_related_marker_in_japanese_starts_the_end_matter() -> None:
    """'【関連記事】' (related articles), brackets and all, starts the end matter: the
    linked titles after it leave the body, whatever their length."""
    story = "".join(
        f"<p>市は{n}月に新しい予算案を公表し、学校の暖房費と道路の補修費を増やすと説明した。</p>"
        for n in range(1, 6)
    )
    related = (
        "<p>【関連記事】</p><ul>"
        "<li><a href='/a'>港のフェリー、来年から運賃を値上げ　通勤客から反発の声も</a></li>"
        "<li><a href='/b'>図書館の日曜開館、市議会が正式に承認する方針を固めた</a></li></ul>"
    )
    text = articlekit.parse_article(_article(story + related)).body.text
    assert "学校の暖房費" in text
    assert "関連記事" not in text
    assert "フェリー" not in text


def test_the_first_words_of_text_broken_by_blank_lines_are_not_a_kicker() -> None:
    """Running text that <br><br> breaks up keeps its first short stretch, which is no
    kicker label; a short label in an element of its own still goes."""
    page = _article(f"<div>Council budget<br>approved late<br><br>{PROSE}<br><br>{PROSE_2}</div>")
    assert "Council budget" in articlekit.parse_article(page).body.text
    labelled = _article(f"<div class='label'>Council budget</div><p>{PROSE}</p><p>{PROSE_2}</p>")
    assert "Council budget" not in articlekit.parse_article(labelled).body.text


def test_the_headline_goes_even_when_no_paragraph_is_prose() -> None:
    """A heading that repeats the title leaves the body of a page whose text is all short
    items (no prose paragraph to mark where the lead-in ends)."""
    items = "".join(f"<li>Route {n} runs every ten minutes</li>" for n in range(6))
    page = _html(f"<article><h1>Budget passes</h1><ul>{items}</ul></article>")
    text = articlekit.parse_article(page).body.text
    assert "Route 5" in text
    assert "Budget passes" not in text


def test_utility_classes_naming_descendants_do_not_make_the_article_a_caption() -> None:
    """A utility class holding a bracketed selector ("[&_.image-caption_p]:mb-0") styles
    the element's descendants: its words say nothing about the element, so the article
    wrapper that carries it is read as prose, not moved out as a caption."""
    classes = "article-text text-base [&_.image-caption_p]:mb-0 lg:[&_h2]:px-0 w-[640px]"
    page = _article(f"<div class='{classes}'><p>{PROSE}</p><p>{PROSE_2}</p></div>")
    text = articlekit.parse_article(page).body.text
    assert "county council approved the new budget" in text
    assert "finance officer said" in text


def test_teasers_with_favoured_class_words_do_not_outscore_a_long_article() -> None:
    """Short teaser boxes whose class words score well ("…-text") can outscore a story
    that sits in plainly named containers; when the winner holds too little text to be
    an article, the best container with an article's amount of text is taken."""

    def teaser(n: int) -> str:
        return (
            f"<div class='box'><div class='box-image'><img src='/t{n}.jpg' alt=''></div>"
            f"<div class='box-text'><p>Notice {n}: the office, open on weekdays, answers "
            "questions about permits, fees, forms and deadlines.</p></div></div>"
        )

    story = "".join(f"<p>{PROSE} {PROSE_2}</p>" for _ in range(3))
    page = _html(
        f"{teaser(1)}<div class='col-wide'><h1>Budget passes</h1>"
        f"<div class='frame' id='c1'>{story}</div></div>{teaser(2)}"
    )
    text = articlekit.parse_article(page).body.text
    assert text.count("county council approved the new budget") == 3
    assert "Notice 1" not in text


def test_a_header_holding_paragraphs_of_prose_is_read() -> None:
    """A <header> inside the article is read only for its headings, unless it holds
    paragraphs of prose, more than a headline and byline make: then it is story text
    the template marked up as a header."""
    intro = "".join(f"<p>{PROSE}</p><p>{PROSE_2}</p>" for _ in range(3))
    more = "".join(f"<p>{PROSE_2} {PROSE}</p>" for _ in range(6))
    page = _article(
        f"<section class='block'><header class='image-text-description'><h2>Budget passes</h2>"
        f"<div class='richtext'>{intro}</div></header></section>"
        f"<section class='block'><div class='richtext'>{more}</div></section>"
    )
    text = articlekit.parse_article(page).body.text
    assert text.count("county council approved the new budget") == 9


def test_gallery_slides_with_prose_captions_are_article_text() -> None:
    """A figure with a heading of its own and a caption of prose is a gallery slide (a
    listicle's item): its heading and text stay in the body. A picture's caption, with no
    heading, still leaves the body for the figure."""
    slides = "".join(
        f"<figure class='slide'><h2>{n}. Route {n}</h2><img src='/r{n}.jpg' alt=''>"
        f"<figcaption class='slide-caption'><p>A quiet stretch.</p><p>{PROSE}</p></figcaption>"
        "</figure>"
        for n in range(1, 4)
    )
    photo = (
        "<figure><img src='/hall.jpg' alt=''><figcaption>The council chamber on Tuesday, "
        "before the vote.</figcaption></figure>"
    )
    article = articlekit.parse_article(_article(f"<p>{PROSE_2}</p>{photo}{slides}"))
    assert "3. Route 3" in article.body.text
    assert article.body.text.count("county council approved the new budget") == 3
    assert "council chamber on Tuesday" not in article.body.text
    assert any(f.caption and "council chamber" in f.caption for f in article.figures)


def test_a_byline_under_the_standfirst_leaves_the_body() -> None:
    """A byline paragraph right under a sentence-long standfirst (the first prose) is
    lead-in, not body text; the standfirst and the story stay. A line that opens like a
    byline deeper in the story is left alone."""
    page = _article(
        "<p class='standfirst'>Councillors backed the spending plan after a late debate "
        "about buses, roads and the heating bills of the town's schools.</p>"
        "<p class='author'>By Jo Lane</p>"
        f"<p>{PROSE}</p><p>{PROSE_2}</p><p>By Friday</p><p>{PROSE}</p>"
    )
    text = articlekit.parse_article(page).body.text
    assert text.startswith("Councillors backed the spending plan")
    assert "By Jo Lane" not in text
    assert "By Friday" in text
    assert "finance officer said" in text


def test_text_blocks_of_a_page_builder_join_across_rows_and_columns() -> None:
    """A page builder nests each text block in a row, a column and wrappers, so the
    story's blocks share a container only five levels up: blocks of the same class that
    score nearly as well as the best join across that distance."""

    def row(text: str) -> str:
        return (
            "<div class='vc_row wpb_row'><div class='wpb_column vc_column_container'>"
            "<div class='vc_column-inner'><div class='wpb_wrapper'>"
            "<div class='wpb_text_column wpb_content_element'>"
            f"<div class='wpb_wrapper'>{text}</div></div>"
            "<div class='vc_separator'></div></div></div></div></div>"
        )

    first = row(f"<p>{PROSE} {PROSE_2}</p><p>{PROSE}</p><p>{PROSE}</p>")
    second = row(f"<h2>What happens next</h2><p>{PROSE_2}</p>")
    page = _html(f"<article><div class='entry-content'>{first}{second}</div></article>")
    text = articlekit.parse_article(page).body.text
    assert "What happens next" in text
    assert text.count("finance officer said") == 2
