from __future__ import annotations

import re
from pathlib import Path

from kg.schema import DOCUMENT_LABEL, ENTITY_TYPES

STYLE = Path(__file__).resolve().parents[1] / "queries" / "browser-style.grass"


def test_style_gives_every_label_a_colour_and_caption():
    rules = dict(re.findall(r"([\w.]+)\s*\{([^}]*)\}", STYLE.read_text(encoding="utf-8")))
    for label in (*ENTITY_TYPES, DOCUMENT_LABEL):
        body = rules[f"node.{label}"]
        assert re.search(r"color:\s*#[0-9A-Fa-f]{6}", body)
        assert "caption:" in body
    assert "caption:" in rules["relationship"]


def test_the_post_connect_style_is_the_grass_file_as_json():
    """tools/neo4j/server gives Neo4j Browser this line; the Browser splits it at ';' outside quotes."""
    import json
    import sys

    sys.path.insert(0, str(STYLE.parents[1] / "tools" / "neo4j"))
    from browser_style import post_connect_line

    line = post_connect_line(STYLE.read_text(encoding="utf-8"))
    key, _, command = line.partition("=")
    assert key == "browser.post_connect_cmd" and command.startswith("style ") and ";" not in command
    style = json.loads(command[len("style "):])
    assert style["node.Person"]["caption"] == "{name}" and style["relationship"]["caption"] == "<type>"
    assert {f"node.{label}" for label in (*ENTITY_TYPES, DOCUMENT_LABEL)} <= set(style)
