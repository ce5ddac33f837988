"""The published JSON Schema of `Article.to_dict()`: generated from the model, committed,
and satisfied by every corpus case's expected output and by generated inputs."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given

import articlekit
from articlekit import _corpus
from articlekit.schema import article_schema, field_descriptions, schema_json
from tests import strategies as ak
from tests.conftest import CORPUS, MODEL_CLASSES, ROOT

SCHEMA_FILE = ROOT / "schema" / "article.schema.json"
MODELS = MODEL_CLASSES
VALIDATOR = jsonschema.Draft202012Validator(article_schema())


def _errors(data: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(data)
    ]


def test_committed_schema_is_up_to_date() -> None:
    """schema/article.schema.json is exactly what article_schema() generates from the model.

    After changing the model, regenerate it: python -m articlekit.schema > schema/article.schema.json
    """
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_json()


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The generated schema is itself valid JSON Schema (draft 2020-12)."""
    jsonschema.Draft202012Validator.check_schema(article_schema())


def test_every_model_field_is_described_and_required() -> None:
    """Each model class and each field has a docstring in _model.py, which the schema
    carries, and every field is a required property of its object (to_dict always writes
    every field)."""
    descriptions = field_descriptions()
    names = {cls.__name__ for cls in MODELS} | {
        f"{cls.__name__}.{field.name}" for cls in MODELS for field in attrs.fields(cls)
    }
    assert set(descriptions) == names
    assert all(descriptions.values()), [name for name, text in descriptions.items() if not text]
    schema = article_schema()
    assert schema["properties"]["title"]["description"] == descriptions["Article.title"]
    objects = {"Article": schema, **schema["$defs"]}
    for cls in MODELS:
        fields = [field.name for field in attrs.fields(cls)]
        assert objects[cls.__name__]["required"] == fields
        assert list(objects[cls.__name__]["properties"]) == fields


@pytest.mark.parametrize("case", _corpus.list_cases(CORPUS), ids=lambda p: p.name)
def test_corpus_expected_output_satisfies_the_schema(case: Path) -> None:
    """Every corpus case's reviewed expected.json is valid against the schema."""
    expected = _corpus.read_expected(case)
    assert expected is not None, f"{case.name} has no expected.json"
    assert _errors(expected) == []


@given(ak.html_documents)
def test_generated_html_output_satisfies_the_schema(document: str) -> None:
    """to_dict() of any generated HTML page is valid against the schema."""
    assert _errors(articlekit.parse_article(document, url="https://news.test/a").to_dict()) == []


@given(ak.clippings())
def test_generated_clipping_output_satisfies_the_schema(clipping: str) -> None:
    """to_dict() of any generated Markdown clipping is valid against the schema."""
    assert _errors(articlekit.parse_article(clipping).to_dict()) == []


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2026, 3, 2, 7, 45),
        dt.datetime(2026, 3, 2, 7, 45, 0, 120000, tzinfo=dt.timezone.utc),
        dt.datetime(2026, 3, 2, 7, 45, tzinfo=dt.timezone(dt.timedelta(hours=-5, minutes=-30))),
    ],
)
def test_dates_with_and_without_zone_satisfy_the_schema(moment: dt.datetime) -> None:
    """A published date, naive or aware, with or without fractions, is a valid date string."""
    article = articlekit.Article(title="T", published=moment, modified=moment)
    assert _errors(article.to_dict()) == []


def _valid() -> dict[str, Any]:
    source = (ROOT / "examples" / "bridge-reopens.html").read_bytes()
    data = articlekit.parse_article(source, url="https://valleycourier.example/a").to_dict()
    for part in ("links", "quotes", "figures"):
        assert data[part], f"the example page has no {part} to break"
    return data


def _renamed_field(data: dict[str, Any]) -> None:
    data["headline"] = data.pop("title")


def _author_as_string(data: dict[str, Any]) -> None:
    data["authors"] = "Hannah Ilves"


def _unknown_block_kind(data: dict[str, Any]) -> None:
    data["body"]["blocks"][0]["kind"] = "aside"


def _negative_offset(data: dict[str, Any]) -> None:
    data["links"][0]["start"] = -1


def _date_not_iso(data: dict[str, Any]) -> None:
    data["published"] = "2 March 2026"


def _quote_without_speaker_key(data: dict[str, Any]) -> None:
    del data["quotes"][0]["speaker"]


def _extra_figure_key(data: dict[str, Any]) -> None:
    data["figures"][0]["width"] = 640


@pytest.mark.parametrize(
    "breakage",
    [
        _renamed_field,
        _author_as_string,
        _unknown_block_kind,
        _negative_offset,
        _date_not_iso,
        _quote_without_speaker_key,
        _extra_figure_key,
    ],
)
def test_schema_rejects_a_changed_field_name_or_type(breakage: Any) -> None:
    """The schema is strict: a renamed, retyped, missing or extra field is invalid."""
    data = _valid()
    assert _errors(data) == []
    broken = copy.deepcopy(data)
    breakage(broken)
    assert _errors(broken) != []


def test_schema_file_is_plain_json() -> None:
    """The committed file parses as JSON and names its draft."""
    data = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
