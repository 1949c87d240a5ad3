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
