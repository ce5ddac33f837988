#!/usr/bin/env bash
# Release checks: build the sdist and the wheel, check their metadata with twine, install
# the wheel into a fresh virtual environment and run the README's examples and quick-start
# command against it. The version must come from src/articlekit/_version.py alone.
#
#   bash scripts/release_check.sh        (needs `build` and `twine`: pip install -e '.[release]')
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

version="$("$python" -c 'import runpy; print(runpy.run_path("src/articlekit/_version.py")["__version__"])')"
echo "== version $version (src/articlekit/_version.py)"
if grep -rn --include='*.py' --include='*.toml' -E "^\s*(__)?version(__)?\s*=\s*['\"][0-9]" src pyproject.toml \
    | grep -v '^src/articlekit/_version.py:'; then
  echo "release_check: a version number is written outside src/articlekit/_version.py" >&2
  exit 1
fi

echo "== python -m build (sdist and wheel)"
"$python" -m build --outdir "$work/dist" . > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
sdist="$work/dist/articlekit-$version.tar.gz"
wheel="$work/dist/articlekit-$version-py3-none-any.whl"
ls "$sdist" "$wheel"

echo "== twine check --strict"
"$python" -m twine check --strict "$sdist" "$wheel"

echo "== the sdist holds what the tests and docs read"
tar -tzf "$sdist" > "$work/sdist.txt"
for path in README.md CHANGELOG.md CONTRIBUTING.md LICENSE pyproject.toml mkdocs.yml \
    src/articlekit/py.typed schema/article.schema.json docs/getting-started.md \
    examples/bridge-reopens.html examples/ferry-clipping.md tests/test_corpus.py corpus/README.md; do
  grep -qx "articlekit-$version/$path" "$work/sdist.txt" || { echo "sdist lacks $path" >&2; exit 1; }
done
echo "ok"

echo "== install the wheel into a fresh virtual environment"
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet "$wheel"
installed="$("$work/venv/bin/python" -c 'import articlekit; print(articlekit.__version__, articlekit.__file__)')"
echo "$installed"
case "$installed" in
  "$version $work/venv/"*) ;;
  *) echo "release_check: the wheel's articlekit is not the one imported" >&2; exit 1 ;;
esac
"$work/venv/bin/python" -c 'import importlib.resources as r; assert r.files("articlekit").joinpath("py.typed").is_file()'

echo "== the README's examples, run by the installed wheel"
"$work/venv/bin/python" - <<'PY'
import contextlib, io, re
from pathlib import Path

blocks = re.findall(r"^```python\n(.*?)^```", Path("README.md").read_text(encoding="utf-8"), re.S | re.M)
assert len(blocks) >= 4, "README examples not found"
namespace, output = {}, io.StringIO()
with contextlib.redirect_stdout(output):
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)
print(output.getvalue(), end="")
assert "Old Mill Bridge reopens after two years of repairs" in output.getvalue()
PY

echo "== the quick start's parse command, run by the installed wheel"
"$work/venv/bin/articlekit" --version
"$work/venv/bin/articlekit" parse examples/bridge-reopens.html \
    --url https://valleycourier.example/local/2026/03/02/old-mill-bridge-reopens/ > "$work/bridge.json"
"$work/venv/bin/python" -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d["authors"] == ["Hannah Ilves"], d["authors"]; print("title:", d["title"])' "$work/bridge.json"

echo "release checks passed"
