"""Take the README's screenshot from the worked example, in headless Chromium.

    .venv/bin/python docs/screenshots.py        # writes docs/demo-report.png

Runs `fidelity demo` into a temporary folder (offline) and photographs its post page the way
the browser tests open pages (tests/browser.py: Debian's chromium driven by playwright).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from browser import CHROMIUM_ARGS, chromium_path  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from align.demo import run_demo  # noqa: E402

OUT = ROOT / "docs" / "demo-report.png"
VIEWPORT = {"width": 1280, "height": 1500}


def main() -> int:
    executable = chromium_path()
    if executable is None:
        print("error: no chromium found (make chromium installs it)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        # run where a user runs `make demo`, so the page shows the paths they would see
        os.chdir(folder)
        run = run_demo(Path("reports/demo"))
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            page = browser.new_context(viewport=VIEWPORT).new_page()
            page.goto(run.page.resolve().as_uri(), wait_until="load")
            page.screenshot(path=str(OUT))
            browser.close()
        os.chdir(ROOT)
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
