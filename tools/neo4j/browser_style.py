"""Print the neo4j.conf line that styles Neo4j Browser with queries/browser-style.grass on connect.

    python3 tools/neo4j/browser_style.py queries/browser-style.grass
    -> browser.post_connect_cmd=style {"node": {...}, "node.Person": {...}, ...}

Neo4j Browser runs ``browser.post_connect_cmd`` after each connection and splits it at ``;``
outside quotes, so the style is given as JSON (which ``:style`` reads as well as GraSS) rather
than as GraSS text, whose declarations end with ``;``. Standard library only: the server script
runs it with any python3.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

RULE = re.compile(r'([\w.\-]+)\s*\{((?:"[^"]*"|[^}"])*)\}')  # a caption "{name}" holds braces
DECLARATION = re.compile(r"([\w\-]+)\s*:\s*(\"[^\"]*\"|[^;]+?)\s*(?:;|$)", re.MULTILINE)


def grass_to_dict(text: str) -> dict[str, dict[str, str]]:
    """The rules of a GraSS file: selector -> property -> value (quotes removed)."""
    return {selector: {prop: value.strip().strip('"') for prop, value in DECLARATION.findall(body)}
            for selector, body in RULE.findall(text)}


def post_connect_line(grass: str) -> str:
    style = json.dumps(grass_to_dict(grass), separators=(",", ":"), ensure_ascii=True)
    return f"browser.post_connect_cmd=style {style}"


if __name__ == "__main__":
    sys.stdout.write(post_connect_line(Path(sys.argv[1]).read_text(encoding="utf-8")) + "\n")
