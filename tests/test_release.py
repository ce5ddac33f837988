"""Release hygiene: one version, a Keep a Changelog changelog, docs that cover the model."""

from __future__ import annotations

import importlib.metadata
import re
import runpy

import attrs
import pytest

import articlekit
from tests.conftest import MODEL_CLASSES, ROOT

CHANGELOG = ROOT / "CHANGELOG.md"
SECTIONS = {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}
RELEASE_HEADING = re.compile(r"^## \[(?P<version>\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$")


def test_version_comes_from_version_py_alone() -> None:
    """pyproject.toml reads the version from _version.py; the package and its metadata agree."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^dynamic = \["version"\]$', pyproject, flags=re.MULTILINE)
    assert not re.search(r"^version\s*=", pyproject, flags=re.MULTILINE)
    hatch_version = pyproject.split("[tool.hatch.version]", 1)[1].split("[", 1)[0]
    assert 'path = "src/articlekit/_version.py"' in hatch_version
    version = runpy.run_path(str(ROOT / "src" / "articlekit" / "_version.py"))["__version__"]
    assert articlekit.__version__ == version
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    assert importlib.metadata.version("articlekit") == version


def test_changelog_follows_keep_a_changelog() -> None:
    """Unreleased first, then releases newest first as "## [X.Y.Z] - YYYY-MM-DD", each
    with only the standard "### Added/Changed/Deprecated/Removed/Fixed/Security" sections."""
    lines = CHANGELOG.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# Changelog"
    assert "keepachangelog.com" in "\n".join(lines[:8])
    versions = [line for line in lines if line.startswith("## ")]
    assert versions[0] == "## [Unreleased]"
    released = []
    for heading in versions[1:]:
        match = RELEASE_HEADING.match(heading)
        assert match, f"not a release heading: {heading!r}"
        released.append(tuple(int(part) for part in match["version"].split(".")))
    assert released == sorted(released, reverse=True)
    sections = [line[4:] for line in lines if line.startswith("### ")]
    assert sections
    assert set(sections) <= SECTIONS


def test_current_version_is_released_or_unreleased_in_the_changelog() -> None:
    """The version in _version.py has its changelog entry, or is the coming release."""
    text = CHANGELOG.read_text(encoding="utf-8")
    assert f"## [{articlekit.__version__}] - " in text or (
        "## [Unreleased]" in text and articlekit.__version__ in text
    )


@pytest.mark.parametrize(
    "cls",
    MODEL_CLASSES,
)
def test_model_page_documents_every_field(cls: type) -> None:
    """docs/model.md has a section for each model class naming every one of its fields."""
    page = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    section = page.split(f"\n## {cls.__name__}\n", 1)
    assert len(section) == 2, f"docs/model.md has no '## {cls.__name__}' section"
    body = section[1].split("\n## ", 1)[0]
    missing = [f.name for f in attrs.fields(cls) if f"`{f.name}`" not in body]
    assert not missing, f"docs/model.md does not describe {cls.__name__} fields {missing}"


def test_docs_nav_lists_every_page() -> None:
    """Every page in docs/ is in mkdocs.yml's nav (the strict build only warns otherwise)."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config.split("\nnav:\n", 1)[1].split("\n\n", 1)[0]
    listed = set(re.findall(r"^\s+- [^:#]+: ([\w./-]+\.md)\s*$", nav, flags=re.MULTILINE))
    pages = {path.name for path in (ROOT / "docs").glob("*.md")}
    assert pages == listed
