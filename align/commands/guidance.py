"""What to tell a reviewer whose originals are missing (shared by `fetch` and `check`)."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text

_HOW_TO_SUPPLY = """\
How to supply the missing originals:
  - run `fidelity fetch corpus/` on a machine that reaches kremlin.ru, then copy
    {cache}/ here (later runs read the cache, also with --offline);
  - go through a mirror or proxy: --mirror URL (repeatable) or --base-url URL
    (or the FIDELITY_MIRRORS / FIDELITY_BASE_URL environment variables);
  - save the page in your browser ("Web Page, HTML only") and import it:
    fidelity fetch --from-file page.html --url URL   (a plain-text English file works too);
  - for one run only: fidelity check … --en URL=FILE"""


def how_to_supply_originals(cache_dir: Path) -> str:
    """The ways to obtain an original kremlin.ru would not give, naming the cache folder."""
    return _HOW_TO_SUPPLY.format(cache=cache_dir)


def labelled(label: str, style: str, message: str) -> Text:
    """ "error: message" with the label coloured and the message exactly as given.

    Consoles print with markup off: a message may hold brackets ("[Syria]", a file name),
    which Rich markup would read as tags and swallow.
    """
    return Text.assemble((label, style), f": {message}")
