"""Shared test configuration: the corpus update flag, Hypothesis profiles, shared data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import articlekit

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
# The public model classes, for the tests that check each one (frozen, slotted, in the
# schema, in the docs).
MODEL_CLASSES = (
    articlekit.Article,
    articlekit.Body,
    articlekit.Block,
    articlekit.Link,
    articlekit.Quote,
    articlekit.Figure,
)
SHARED = Path(os.environ.get("ARTICLEKIT_SHARED", ROOT.parent / "shared"))

settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-corpus",
        action="store_true",
        default=False,
        help="rewrite corpus/*/expected.json from the current output (review the diff!)",
    )


@pytest.fixture
def update_corpus(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-corpus"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: a long check, run only with ARTICLEKIT_SLOW=1")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("ARTICLEKIT_SLOW"):
        return
    skip = pytest.mark.skip(reason="slow: set ARTICLEKIT_SLOW=1 to run")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
