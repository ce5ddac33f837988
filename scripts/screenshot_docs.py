"""Build the documentation site, serve it on localhost and screenshot pages in Chromium.

    python scripts/screenshot_docs.py [--out DIR] [--page PATH ...] [--width W --height H]

Needs the `docs` extra and a Chromium binary (Debian: `apt-get install chromium`); CI does
not run it. By default it saves the home page and the API page as PNGs in
build/docs-screenshots/, for a person to look at after changing the docs or their theme.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = ("", "api/")
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--virtual-time-budget=5000",  # let fonts, scripts and anchors settle before the shot
)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    chromium = next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)
    if chromium is None:
        print("screenshot_docs: no Chromium found (apt-get install chromium)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="articlekit-docs-") as scratch:
        site = Path(scratch) / "site"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
            cwd=ROOT,
            check=True,
        )
        server = _serve(site)
        try:
            base = f"http://127.0.0.1:{server.server_address[1]}/"
            for page in args.page:
                target = args.out / f"{page.strip('/').replace('/', '-') or 'home'}.png"
                _screenshot(chromium, base + page, target, args.width, args.height, scratch)
                print(f"{base + page} -> {target}")
        finally:
            server.shutdown()
    return 0


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "docs-screenshots")
    parser.add_argument("--page", action="append", help="a page path such as api/ (repeatable)")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1400)
    args = parser.parse_args(argv)
    args.page = args.page or list(DEFAULT_PAGES)
    return args


def _serve(site: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _screenshot(
    chromium: str, url: str, target: Path, width: int, height: int, scratch: str
) -> None:
    # A fresh profile per shot: no state from a previous run or from the user's browser.
    profile = tempfile.mkdtemp(prefix="chromium-profile-", dir=scratch)
    subprocess.run(
        [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            f"--screenshot={target}",
            url,
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


if __name__ == "__main__":
    sys.exit(main())
