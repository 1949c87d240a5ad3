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
    """Rewrite the few Neo4j forms LadybugDB spells differently (see shared/notes/ladybug.md).

    Only the code is rewritten: ``RETURN 'type(x)'`` keeps its string.
    """
    parts = _NOT_CODE.split(query)
    for i in range(0, len(parts), 2):  # even parts are code, odd ones what the pattern captured
        code = re.sub(r"\btype\s*\(", "label(", parts[i])
        parts[i] = re.sub(r"\blabels\s*\(\s*(\w+)\s*\)\s*\[\s*0\s*\]", r"label(\1)", code)
    return "".join(parts)


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
