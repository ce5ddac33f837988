"""Which `<meta>` keys carry which field, as data.

A `<meta>` element's keys are its `property`, `name` and `http-equiv` values, lowercased
and split on white space (`property="og:title twitter:title"` is two keys). Each known
key maps to (field, source); the source names the vocabulary, and `choose.RANKING` says
how vocabularies rank per field. A contributor who meets a new tag adds a line here.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

_TABLE: dict[str, tuple[str, str]] = {
    # title
    "og:title": ("title", "og"),
    "twitter:title": ("title", "twitter"),
    "dc.title": ("title", "dc"),
    "dc:title": ("title", "dc"),
    "dcterms.title": ("title", "dc"),
    "dcterm:title": ("title", "dc"),
    "citation_title": ("title", "citation"),
    "parsely-title": ("title", "parsely"),
    "sailthru.title": ("title", "sailthru"),
    "title": ("title", "meta"),
    "headline": ("title", "meta"),
    # authors
    "author": ("authors", "meta"),
    "article:author": ("authors", "og"),
    "og:article:author": ("authors", "og"),
    "article:author_name": ("authors", "og"),
    "dc.creator": ("authors", "dc"),
    "dc:creator": ("authors", "dc"),
    "dcterms.creator": ("authors", "dc"),
    "dcterm:creator": ("authors", "dc"),
    "citation_author": ("authors", "citation"),
    "parsely-author": ("authors", "parsely"),
    "sailthru.author": ("authors", "sailthru"),
    "byl": ("authors", "meta"),
    "byline": ("authors", "meta"),
    "author_name": ("authors", "meta"),
    "authors": ("authors", "meta"),
    "cxenseparse:author": ("authors", "meta"),
    "twitter:creator": ("authors", "twitter"),  # a handle ("@ana") is dropped as no name
    # published
    "article:published_time": ("published", "og"),
    "og:article:published_time": ("published", "og"),
    "article:published": ("published", "og"),
    "og:published_time": ("published", "og"),
    "published_time": ("published", "og"),
    "datepublished": ("published", "meta"),
    "date": ("published", "meta"),
    "pubdate": ("published", "meta"),
    "publishdate": ("published", "meta"),
    "publish-date": ("published", "meta"),
    "publish_date": ("published", "meta"),
    "published-date": ("published", "meta"),
    "publication_date": ("published", "meta"),
    "publication-date": ("published", "meta"),
    "article.published": ("published", "meta"),
    "article_date_original": ("published", "meta"),
    "original-publish-date": ("published", "meta"),
    "created": ("published", "meta"),
    "creation_date": ("published", "meta"),
    "timestamp": ("published", "meta"),
    "dc.date": ("published", "dc"),
    "dc:date": ("published", "dc"),
    "dc.date.issued": ("published", "dc"),
    "dc.date.created": ("published", "dc"),
    "dcterms.date": ("published", "dc"),
    "dcterms.issued": ("published", "dc"),
    "dcterms.created": ("published", "dc"),
    "citation_publication_date": ("published", "citation"),
    "citation_date": ("published", "citation"),
    "citation_online_date": ("published", "citation"),
    "parsely-pub-date": ("published", "parsely"),
    "sailthru.date": ("published", "sailthru"),
    "cxenseparse:recs:publishtime": ("published", "meta"),
    "rnews:datepublished": ("published", "meta"),
    "bt:pubdate": ("published", "meta"),
    "displaydate": ("published", "meta"),
    "pdate": ("published", "meta"),
    # modified
    "article:modified_time": ("modified", "og"),
    "og:article:modified_time": ("modified", "og"),
    "article:modified": ("modified", "og"),
    "og:updated_time": ("modified", "og"),
    "datemodified": ("modified", "meta"),
    "last-modified": ("modified", "meta"),
    "lastmod": ("modified", "meta"),
    "article.updated": ("modified", "meta"),
    "dc.date.modified": ("modified", "dc"),
    "dcterms.modified": ("modified", "dc"),
    "parsely-updated": ("modified", "parsely"),
    "bt:moddate": ("modified", "meta"),
    # site name
    "og:site_name": ("site_name", "og"),
    "application-name": ("site_name", "application-name"),
    "dc.publisher": ("site_name", "dc"),
    "dcterms.publisher": ("site_name", "dc"),
    "citation_publisher": ("site_name", "citation"),
    "publisher": ("site_name", "meta"),
    # description
    "og:description": ("description", "og"),
    "description": ("description", "meta"),
    "twitter:description": ("description", "twitter"),
    "dc.description": ("description", "dc"),
    "dc:description": ("description", "dc"),
    "dcterms.description": ("description", "dc"),
    "dcterms.abstract": ("description", "dc"),
    "sailthru.description": ("description", "sailthru"),
    # url
    "og:url": ("canonical_url", "og"),
    "twitter:url": ("canonical_url", "twitter"),
    "parsely-link": ("canonical_url", "parsely"),
    # image
    "og:image": ("image", "og"),
    "og:image:url": ("image", "og"),
    "og:image:secure_url": ("image", "og"),
    "twitter:image": ("image", "twitter"),
    "twitter:image:src": ("image", "twitter"),
    "parsely-image-url": ("image", "parsely"),
    "sailthru.image.full": ("image", "sailthru"),
    "thumbnail": ("image", "meta"),
    # language
    "og:locale": ("language", "og"),
    "content-language": ("language", "content-language"),
    "language": ("language", "meta"),
    "dc.language": ("language", "dc"),
    "dcterms.language": ("language", "dc"),
    "citation_language": ("language", "citation"),
    # category
    "article:section": ("category", "og"),
    "parsely-section": ("category", "parsely"),
    "sailthru.section": ("category", "sailthru"),
    "section": ("category", "meta"),
    "category": ("category", "meta"),
    "cxenseparse:recs:category": ("category", "meta"),
    # tags
    "article:tag": ("tags", "og"),
    "news_keywords": ("tags", "news_keywords"),
    "keywords": ("tags", "meta"),
    "parsely-tags": ("tags", "parsely"),
    "sailthru.tags": ("tags", "sailthru"),
    "dc.subject": ("tags", "dc"),
}

META_KEYS: Mapping[str, tuple[str, str]] = MappingProxyType(_TABLE)

# <meta name="parsely-metadata" content="{json}"> and similar: JSON key -> field.
PARSELY_JSON_KEYS: Mapping[str, str] = MappingProxyType(
    {
        "title": "title",
        "headline": "title",
        "author": "authors",
        "authors": "authors",
        "pub_date": "published",
        "pub_date_tmsp": "published",
        "section": "category",
        "tags": "tags",
        "image_url": "image",
        "link": "canonical_url",
    }
)
