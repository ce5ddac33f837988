"""A candidate value for one metadata field, and where on the page it came from.

The HTML reader gathers every candidate it can find without judging them; `choose`
picks per field by a ranking of sources. `source` names the kind of place ("jsonld",
"og", "meta", "byline", …); `in_article` marks page elements found inside the
article or its header, which outrank the same kind of element elsewhere.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Candidate:
    """One value for `field`, found at `source`."""

    field: str
    source: str
    value: str
    in_article: bool = False
