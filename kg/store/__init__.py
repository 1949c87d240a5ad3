"""Stage 4: graph stores. ``open_store`` picks one by name."""

from __future__ import annotations

from kg.store.base import Counts, GraphStore

__all__ = ["Counts", "GraphStore", "open_store"]


def open_store(kind: str = "embedded", db: str | None = None, read_only: bool = False,
               **neo4j: str | None) -> GraphStore:
    """Open the embedded store at ``db`` or a Neo4j server (settings from the environment)."""
    if kind == "embedded":
        from kg.store.embedded import DEFAULT_PATH, EmbeddedStore

        return EmbeddedStore(db or DEFAULT_PATH, read_only=read_only)
    if kind == "neo4j":
        from kg.store.neo4j import Neo4jStore

        return Neo4jStore.from_env(**neo4j)
    from kg.errors import ConfigError

    raise ConfigError(f"unknown store {kind!r}; use 'embedded' or 'neo4j'")
