"""`articlekit corpus add` and `articlekit corpus check`: the contributor's path into the corpus."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import articlekit
from articlekit.cli import main
from tests.conftest import CORPUS, ROOT

EXAMPLE = ROOT / "examples" / "bridge-reopens.html"
EXAMPLE_URL = "https://valleycourier.example/local/2026/03/02/old-mill-bridge-reopens/"
CLIPPING = """---
title: "Ferry timetable changes on Monday"
source: "Lena Brandt, Harbour Notes"
url: https://harbour-notes.test/ferry-timetable
published: 2026-02-10
---

The morning ferry leaves twenty minutes earlier from Monday, the operator said.

“We had to match the train times,” said Tomas Grell, who runs the line.
"""


def _add(tmp_path: Path, *extra: str, page: Path = EXAMPLE, name: str = "html-example") -> int:
    return main(
        ["corpus", "add", str(page), "--url", EXAMPLE_URL, "--name", name,
         "--corpus", str(tmp_path / "corpus"), *extra]
    )  # fmt: skip


def test_add_creates_the_case_folder_from_current_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """add copies the page byte for byte and writes case.json and the current to_dict()."""
    assert _add(tmp_path, "--about", "a bridge story", "--style", "hand-written") == 0
    case = tmp_path / "corpus" / "html-example"
    assert (case / "input.html").read_bytes() == EXAMPLE.read_bytes()
    article = articlekit.parse_article(EXAMPLE.read_bytes(), url=EXAMPLE_URL)
    assert json.loads((case / "expected.json").read_text(encoding="utf-8")) == article.to_dict()
    meta = json.loads((case / "case.json").read_text(encoding="utf-8"))
    assert meta["url"] == EXAMPLE_URL
    assert (meta["about"], meta["style"]) == ("a bridge story", "hand-written")
    assert meta["expect"]["title"] == article.title
    assert meta["expect"]["authors"] == list(article.authors)
    assert [q["speaker"] for q in meta["expect"]["quotes"]] == [q.speaker for q in article.quotes]
    assert article.body.text.startswith(meta["expect"]["body_first_paragraph_start"])
    assert "copyright" in capsys.readouterr().out


def test_an_added_case_checks_clean_then_fails_after_an_edit_then_passes_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """check passes on a fresh case, shows the edited field's diff with exit 1, passes when undone."""
    assert _add(tmp_path) == 0
    corpus = str(tmp_path / "corpus")
    assert main(["corpus", "check", "--corpus", corpus]) == 0
    assert "ok   html-example" in capsys.readouterr().out

    expected = tmp_path / "corpus" / "html-example" / "expected.json"
    original = expected.read_text(encoding="utf-8")
    data = json.loads(original)
    data["title"] = "A title the page does not have"
    expected.write_text(json.dumps(data), encoding="utf-8")
    assert main(["corpus", "check", "html-example", "--corpus", corpus]) == 1
    out = capsys.readouterr().out
    assert "FAIL html-example" in out
    assert "expected.json title:" in out
    assert "expected 'A title the page does not have'" in out
    assert "0 of 1 cases match" in out

    expected.write_text(original, encoding="utf-8")
    assert main(["corpus", "check", "html-example", "--corpus", corpus]) == 0


def test_check_reports_a_failing_handwritten_fact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A wrong `expect` fact in case.json fails check even when expected.json matches."""
    assert _add(tmp_path) == 0
    case_file = tmp_path / "corpus" / "html-example" / "case.json"
    meta = json.loads(case_file.read_text(encoding="utf-8"))
    meta["expect"]["body_must_not_contain"] = ["Old Mill Bridge"]
    case_file.write_text(json.dumps(meta), encoding="utf-8")
    assert main(["corpus", "check", "--corpus", str(tmp_path / "corpus")]) == 1
    assert "expect body_must_not_contain: leaked ['Old Mill Bridge']" in capsys.readouterr().out


def test_add_names_a_markdown_clipping_input_md(tmp_path: Path) -> None:
    """A Markdown clipping (sniffed, whatever its file name) is stored as input.md."""
    page = tmp_path / "clipping.txt"
    page.write_text(CLIPPING, encoding="utf-8")
    assert _add(tmp_path, page=page, name="md-ferry") == 0
    case = tmp_path / "corpus" / "md-ferry"
    assert sorted(p.name for p in case.iterdir()) == ["case.json", "expected.json", "input.md"]
    meta = json.loads((case / "case.json").read_text(encoding="utf-8"))
    assert meta["expect"]["title"] == "Ferry timetable changes on Monday"
    assert meta["expect"]["quotes"][0]["speaker"] == "Tomas Grell"


@pytest.mark.parametrize("name", ["Bad Name", "../escape", "", "UPPER"])
def test_add_refuses_a_name_that_is_not_a_folder_slug(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A case name must be lower-case letters, digits and hyphens; anything else is exit 2."""
    assert _add(tmp_path, name=name) == 2
    assert "not a case name" in capsys.readouterr().err
    assert not (tmp_path / "corpus").exists()


def test_add_never_overwrites_an_existing_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Adding a case whose folder exists is exit 2 and leaves the folder alone."""
    assert _add(tmp_path) == 0
    expected = tmp_path / "corpus" / "html-example" / "expected.json"
    expected.write_text("{}", encoding="utf-8")
    assert _add(tmp_path) == 2
    assert "already exists" in capsys.readouterr().err
    assert expected.read_text(encoding="utf-8") == "{}"


def test_add_of_a_missing_page_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A page that cannot be read is a message and exit 2, with no folder created."""
    assert _add(tmp_path, page=tmp_path / "nope.html") == 2
    assert "cannot read" in capsys.readouterr().err
    assert not (tmp_path / "corpus" / "html-example").exists()


def test_check_of_an_unknown_case_or_empty_corpus_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Naming a case that is not there, or pointing at a folder with no cases, is exit 2."""
    assert main(["corpus", "check", "--corpus", str(tmp_path)]) == 2
    assert "no corpus cases" in capsys.readouterr().err
    assert _add(tmp_path) == 0
    assert main(["corpus", "check", "nope", "--corpus", str(tmp_path / "corpus")]) == 2
    assert "no such case" in capsys.readouterr().err


def test_check_passes_on_a_copy_of_a_committed_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A committed corpus case, copied elsewhere, checks clean (the command agrees with the tests)."""
    name = "html-ghost-rent-strike"
    shutil.copytree(CORPUS / name, tmp_path / name)
    assert main(["corpus", "check", name, "--corpus", str(tmp_path)]) == 0
    assert f"ok   {name}" in capsys.readouterr().out
