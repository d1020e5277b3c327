"""The report's fixture result and a hostile variant of it, for the report tests."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

FIXTURE = Path(__file__).resolve().parent / "data" / "report" / "result.json"

#: Would set a global and open a dialog if it ever ran; must show as text.
SCRIPT_PAYLOAD = "<script>window.__pwned = 1; alert('script')</script>"
IMG_PAYLOAD = "<img src=x onerror=\"window.__pwned = 2; alert('img')\">"
HOSTILE = f"Texte {SCRIPT_PAYLOAD} et {IMG_PAYLOAD} fin"


def load_result() -> dict[str, Any]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def all_findings(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for d in result["documents"] for e in d["events"] for f in e["findings"]]


def hostile_result() -> dict[str, Any]:
    """The fixture with hostile text in a French and an English sentence, in titles, in a
    finding's message and evidence, in text outside events, and as the source URL."""
    result = copy.deepcopy(load_result())
    doc = result["documents"][0]
    event = doc["events"][0]
    event["fr_sentences"][0]["text"] = "Français " + HOSTILE
    event["fr_sentences"][0]["numbers"] = []
    event["en_sentences"][0]["text"] = "English " + HOSTILE
    event["en_sentences"][0]["numbers"] = []
    event["title"] = "Titre " + SCRIPT_PAYLOAD
    event["title_en"] = "Title " + IMG_PAYLOAD
    event["source_url"] = "javascript:window.__pwned=3"
    event["source_detail"] = IMG_PAYLOAD
    event["findings"][0]["message"] = "Message " + HOSTILE
    event["findings"][0]["details"] = {"evidence": SCRIPT_PAYLOAD}
    doc["title"] = "Post " + SCRIPT_PAYLOAD
    doc["outside"].append({"kind": "addition", "text": IMG_PAYLOAD, "line": 99})
    return result
