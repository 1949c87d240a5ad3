"""The embedded store: LadybugDB in a directory, no server needed."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.errors import QueryError, StoreError
from kg.schema import DOCUMENT_LABEL, ENTITY_TYPES, EXTRACTED_NAME_LABEL, MENTIONED_IN, NAME_KEY_LABEL, RELATION_TYPES
from kg.store.base import GraphStore, T, plain_value

DEFAULT_PATH = "kg-data"

_RELATION_PROPS = (
    "predicate STRING, modality STRING, confidence DOUBLE, count INT64, rank INT64, "
    "doc_ids STRING[], sentences STRING[], evidence STRING[]"
)


#: What is not Cypher code: string literals, quoted names and comments, left as they are.
_NOT_CODE = re.compile(r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/)""", re.DOTALL)


def translate(query: str) -> str:
    """Rewrite the Neo4j forms LadybugDB spells differently (``queries/README.md`` lists them all):

    - ``type(r)`` -> ``label(r)``;
    - ``labels(n)[0]`` -> ``label(n)``, and ``labels(n)`` -> ``[label(n)]`` (a list, as Neo4j's);
    - a label test in ``WHERE``, ``n:Document`` or ``n:Company|Person`` -> ``label(n) IN [...]``;
    - ``ORDER BY x`` where ``x`` is a ``RETURN ... AS x`` alias that also names a pattern
      variable (LadybugDB would order by the variable) -> ``ORDER BY`` the aliased expression.

    Strings, quoted names and comments are left alone (``RETURN 'type(x)'`` keeps its string).
    """
    masked, literals = _mask(query)
    masked = re.sub(r"\btype\s*\(", "label(", masked)
    masked = re.sub(r"\blabels\s*\(\s*(\w+)\s*\)\s*\[\s*0\s*\]", r"label(\1)", masked)
    masked = re.sub(r"\blabels\s*\(\s*(\w+)\s*\)", r"[label(\1)]", masked)
    masked = _WHERE.sub(lambda m: m.group(1) + _LABEL_TEST.sub(_label_test, m.group(2)), masked)
    masked = _order_by_shadowed_aliases(masked)
    return _unmask(masked, literals)


_CLAUSE = r"(?:RETURN|WITH|MATCH|OPTIONAL|UNWIND|ORDER|SKIP|LIMIT|UNION|CALL|CREATE|MERGE|SET|DELETE|DETACH)"
_WHERE = re.compile(rf"(\bWHERE\b)(.*?)(?=\b{_CLAUSE}\b|\}}|$)", re.IGNORECASE | re.DOTALL)
_LABELS = "|".join((*ENTITY_TYPES, DOCUMENT_LABEL))
_LABEL_TEST = re.compile(rf"(?<![\w.$])(\w+)\s*:\s*((?:{_LABELS})(?:\s*\|\s*(?:{_LABELS}))*)\b")


def _mask(query: str) -> tuple[str, list[str]]:
    literals: list[str] = []

    def hide(m: re.Match) -> str:
        literals.append(m.group(0))
        return f"\x00{len(literals) - 1}\x00"

    return _NOT_CODE.sub(hide, query), literals


def _unmask(query: str, literals: list[str]) -> str:
    return re.sub("\x00(\\d+)\x00", lambda m: literals[int(m.group(1))], query)


def _label_test(m: re.Match) -> str:
    labels = [x.strip() for x in m.group(2).split("|")]
    return f"label({m.group(1)}) IN [{', '.join(repr(x) for x in labels)}]"


def _split_items(text: str) -> list[str]:
    """Split at the commas that are not inside brackets."""
    items, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            items.append(text[start:i])
            start = i + 1
    items.append(text[start:])
    return items


def _order_by_shadowed_aliases(query: str) -> str:
    variables = set(re.findall(r"[(\[]\s*(\w+)\s*[:)\]{]", query))
    out = []
    for part in re.split(r"(\bUNION(?:\s+ALL)?\b)", query, flags=re.IGNORECASE):
        m = re.search(r"\bRETURN\b(?:\s+DISTINCT\b)?(.*?)\bORDER\s+BY\b(.*?)(?=\bSKIP\b|\bLIMIT\b|$)",
                      part, re.IGNORECASE | re.DOTALL)
        if m:
            aliases = {}
            for item in _split_items(m.group(1)):
                a = re.fullmatch(r"\s*(.*?)\s+AS\s+(\w+)\s*", item, re.IGNORECASE | re.DOTALL)
                if a and a.group(2) in variables and a.group(1) != a.group(2):
                    aliases[a.group(2)] = a.group(1)
            if aliases:
                keys = []
                for key in _split_items(m.group(2)):
                    k = re.fullmatch(r"(\s*)(\w+)(\s+(?:ASC|DESC|ASCENDING|DESCENDING))?(\s*)", key, re.IGNORECASE)
                    if k and k.group(2) in aliases:
                        key = f"{k.group(1)}{aliases[k.group(2)]}{k.group(3) or ''}{k.group(4)}"
                    keys.append(key)
                part = part[:m.start(2)] + ",".join(keys) + part[m.end(2):]
        out.append(part)
    return "".join(out)


class EmbeddedStore(GraphStore):
    """LadybugDB (the maintained successor of Kùzu) opened from a directory."""

    kind = "embedded"

    def __init__(self, path: str | Path = DEFAULT_PATH, read_only: bool = False) -> None:
        import ladybug

        self.path = Path(path)
        self._in_transaction = False
        try:
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = ladybug.Database(str(self.path), read_only=read_only)
            self.conn = ladybug.Connection(self.db)
        except (RuntimeError, OSError) as exc:
            raise StoreError(f"cannot open the embedded store at {self.path} ({exc}); "
                             "check the --db path, or run `kg build` first") from exc
        if not read_only:
            self._ensure_schema()

    def _ensure_schema(self) -> None:
        for label in ENTITY_TYPES:
            self.conn.execute(
                f"CREATE NODE TABLE IF NOT EXISTS {label}(id STRING PRIMARY KEY, name STRING, aliases STRING[], "
                "keys STRING[])"
            )
        self.conn.execute(
            f"CREATE NODE TABLE IF NOT EXISTS {DOCUMENT_LABEL}(id STRING PRIMARY KEY, title STRING, url STRING, "
            "date STRING, source STRING, hash STRING)"
        )
        pairs = ", ".join(f"FROM {a} TO {b}" for a in ENTITY_TYPES for b in ENTITY_TYPES)
        for rtype in RELATION_TYPES:
            self.conn.execute(f"CREATE REL TABLE IF NOT EXISTS {rtype}({pairs}, {_RELATION_PROPS})")
        mentions = ", ".join(f"FROM {a} TO {DOCUMENT_LABEL}" for a in ENTITY_TYPES)
        self.conn.execute(f"CREATE REL TABLE IF NOT EXISTS {MENTIONED_IN}({mentions})")
        # the name index: LadybugDB indexes primary keys only, so the key is one
        self.conn.execute(f"CREATE NODE TABLE IF NOT EXISTS {NAME_KEY_LABEL}(key STRING PRIMARY KEY, ids STRING[])")
        self.conn.execute(f"CREATE NODE TABLE IF NOT EXISTS {EXTRACTED_NAME_LABEL}(id STRING PRIMARY KEY, name STRING, "
                          "aliases STRING[], docs STRING[], node STRING, pin STRING)")

    def atomically(self, work: Callable[[], T]) -> T:
        if self._in_transaction:
            return work()
        self.conn.execute("BEGIN TRANSACTION")
        self._in_transaction = True
        try:
            result = work()
        except BaseException:
            self._in_transaction = False
            self.conn.execute("ROLLBACK")
            raise
        self._in_transaction = False
        self.conn.execute("COMMIT")
        return result

    def run(self, query: str, params: dict[str, Any] | None = None) -> tuple[list[str], list[list[Any]]]:
        try:
            result = self.conn.execute(translate(query), params or {})
        except RuntimeError as exc:
            raise QueryError(f"the embedded store rejected the query: {exc}") from exc
        columns = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append([plain_value(v) for v in result.get_next()])
        return columns, rows

    def close(self) -> None:
        self.conn.close()
        self.db.close()
