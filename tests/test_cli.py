"""The articlekit command: parse a file or standard input, print JSON, Markdown or text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from articlekit.cli import main

PAGE = (
    "<html lang='en'><head><title>Bridge reopens | Valley Post</title></head><body><article>"
    "<h1>Bridge reopens</h1><p>The old river bridge reopened on Monday after two years of repairs, "
    "and the first cars crossed it at dawn.</p><p>“It feels like the town is whole again,” said "
    "Ana Ruiz, who runs the bakery on the east bank.</p></article></body></html>"
)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_parse_prints_json(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The default output is the article's to_dict() as JSON."""
    assert main(["parse", str(page), "--url", "https://valley.test/bridge"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Bridge reopens"
    assert data["quotes"][0]["speaker"] == "Ana Ruiz"
    assert data["body"]["text"].startswith("The old river bridge reopened")


@pytest.mark.parametrize(
    ("output", "needle"), [("text", "The old river bridge"), ("markdown", "The old river bridge")]
)
def test_parse_prints_text_or_markdown(
    page: Path, capsys: pytest.CaptureFixture[str], output: str, needle: str
) -> None:
    """--format text and markdown print the body only."""
    assert main(["parse", str(page), "--format", output]) == 0
    out = capsys.readouterr().out
    assert out.startswith(needle)
    assert "{" not in out


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing input is a clear message on stderr and exit status 2."""
    assert main(["parse", str(tmp_path / "nope.html")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_directory_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unreadable input (a directory) is exit status 2 too."""
    assert main(["parse", str(tmp_path)]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_reads_standard_input_through_the_installed_command() -> None:
    """`python -m articlekit parse -` reads the page from standard input."""
    result = subprocess.run(
        [sys.executable, "-m", "articlekit", "parse", "-", "--format", "text"],
        input=PAGE.encode(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert b"first cars crossed" in result.stdout


def test_bad_arguments_exit_2() -> None:
    """An unknown option is a usage error (exit status 2)."""
    with pytest.raises(SystemExit) as exit_info:
        main(["parse", "x.html", "--format", "pdf"])
    assert exit_info.value.code == 2


def test_a_closed_pipe_ends_the_command_quietly(tmp_path: Path) -> None:
    """`articlekit parse page | head -c 1` exits without a BrokenPipeError traceback."""
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article>"
        + "<p>Long text here, again.</p>" * 4000
        + "</article></body></html>"
    )
    run = subprocess.run(
        f"{sys.executable} -m articlekit parse {page} | head -c 1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in run.stderr
    assert "BrokenPipeError" not in run.stderr
