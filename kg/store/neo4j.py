"""Neo4j through the official driver: constraints, a full-text index, batched managed writes.

Connection settings come from ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD`` and
``NEO4J_DATABASE`` (or the CLI's flags, except the password, which is only read from the
environment so that it never shows in a process list or a shell history). The password is never
printed or logged.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from kg.errors import ConfigError, ConnectionLost, QueryError, StoreError, redact
from kg.model import Entity, Graph
from kg.resolve import name_keys
from kg.schema import DOCUMENT_LABEL, ENTITY_TYPES, EXTRACTED_NAME_LABEL, NAME_KEY_LABEL
from kg.store import statements as st
from kg.store.base import GraphStore, T, chunks, fault_point, plain_path, plain_value

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
#: The documented default of tools/neo4j/server and docker-compose.yml, for a local server only.
DEFAULT_PASSWORD = "kg-local-password"
FULLTEXT_INDEX = "kg_entity_names"
#: Rows per statement: larger than the embedded store's, as each Neo4j statement is a round trip.
NEO4J_BATCH = 5000
#: URI schemes of the Bolt protocol, the only one kg speaks (the driver's HTTP preview is not used).
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _to_plain(value: Any) -> Any:
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        props = dict(value.items())
        return plain_value({**props, "_label": min(value.labels) if value.labels else None})
    if isinstance(value, Relationship):
        return plain_value({**dict(value.items()), "_label": value.type})
    if isinstance(value, Path):
        ends = [(r.start_node.get("id") if r.start_node else None, r.end_node.get("id") if r.end_node else None)
                for r in value.relationships]
        return plain_path([_to_plain(n) for n in value.nodes], [_to_plain(r) for r in value.relationships], ends)
    if isinstance(value, list | tuple):
        return [_to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_plain(v) for k, v in value.items()}
    return value


class Neo4jStore(GraphStore):
    """A Neo4j 5 server (Community or Enterprise, local or ``neo4j+s://`` in the cloud)."""

    kind = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str | None = None) -> None:
        from neo4j import GraphDatabase
        from neo4j.exceptions import AuthError, ConfigurationError, ServiceUnavailable

        scheme = uri.partition("://")[0].lower() if "://" in uri else ""
        if scheme not in SCHEMES:
            raise ConfigError(f"Neo4j URI {uri!r}: unsupported scheme {scheme or '(none)'!r}; "
                              f"use one of {', '.join(s + '://' for s in SCHEMES)}")
        self.uri = redact(uri)
        self.database = database or None
        self._tx: Any = None
        try:
            # The schema's closed lists name types that a given graph may not use yet: no warnings.
            self.driver = GraphDatabase.driver(uri, auth=(user, password), notifications_min_severity="OFF")
            self.driver.verify_connectivity()
        except AuthError as exc:
            raise StoreError(f"Neo4j at {self.uri} refused the credentials of user {user!r}; "
                             "check NEO4J_USER and NEO4J_PASSWORD") from exc
        except (ServiceUnavailable, ConfigurationError, ValueError, OSError) as exc:
            raise StoreError(f"cannot reach Neo4j at {self.uri} ({exc.__class__.__name__}); start it "
                             "(tools/neo4j/server start, or docker compose up -d --wait) or set NEO4J_URI") from exc
        self._ensure_schema()

    @classmethod
    def from_env(cls, uri: str | None = None, user: str | None = None, database: str | None = None) -> Neo4jStore:
        return cls(
            uri or os.environ.get("NEO4J_URI") or DEFAULT_URI,
            user or os.environ.get("NEO4J_USER") or DEFAULT_USER,
            os.environ.get("NEO4J_PASSWORD") or DEFAULT_PASSWORD,
            database or os.environ.get("NEO4J_DATABASE") or None,
        )

    def _ensure_schema(self) -> None:
        for label in (*ENTITY_TYPES, DOCUMENT_LABEL):
            self.run(f"CREATE CONSTRAINT kg_{label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE")
        self.run(f"CREATE CONSTRAINT kg_namekey_key IF NOT EXISTS FOR (n:{NAME_KEY_LABEL}) REQUIRE n.key IS UNIQUE")
        self.run(f"CREATE CONSTRAINT kg_extractedname_id IF NOT EXISTS FOR (n:{EXTRACTED_NAME_LABEL}) "
                 "REQUIRE n.id IS UNIQUE")
        labels = "|".join(ENTITY_TYPES)
        self.run(f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{labels}) ON EACH [n.name]")

    def write(self, graph: Graph) -> None:
        """Add a graph of documents, in few statements that Neo4j plans once each.

        Relations are merged by type with their ends found by element id. Every statement merges
        (documents and entities on their id, mentions on their ends, evidence on its sighting), so
        two builds writing the same documents at once, or a rerun after an interruption, leave
        what one write leaves; the documents' hashes are committed last, in one statement.
        """
        documents = st.document_rows(graph.documents.values())
        fault_point("documents")
        for batch in chunks(documents, NEO4J_BATCH):
            self.run(st.MERGE_DOCUMENTS, {"rows": batch})
        elements: dict[str, str] = {}
        for label, rows in st.entity_rows(graph.entities.values()).items():
            for batch in chunks(rows, NEO4J_BATCH):
                _, found = self.run(st.merge_entities_returning_elements(label), {"rows": batch})
                elements.update(dict(found))
        for label, rows in st.mention_rows(graph).items():
            for batch in chunks(rows, NEO4J_BATCH):
                self.run(st.merge_mentions(label), {"rows": batch})
        fault_point("relations")
        by_type: dict[str, list[dict[str, Any]]] = {}
        for (_, rtype, _), rows in st.relation_rows(graph).items():
            by_type.setdefault(rtype, []).extend({**r, "a": elements[r["s"]], "b": elements[r["o"]]} for r in rows)
        for rtype, rows in by_type.items():
            for batch in chunks(rows, NEO4J_BATCH):
                self.run(st.merge_relations_by_element(rtype), {"rows": batch})
        self.commit_documents(documents)

    def _index_names(self, names: Iterable[Entity]) -> None:
        """One atomic statement a batch, so that concurrent loads lose no id."""
        wanted: dict[str, set[str]] = defaultdict(set)
        for e in names:
            for key in name_keys(e):
                wanted[key].add(e.id)
        rows = [{"key": k, "ids": sorted(v)} for k, v in sorted(wanted.items())]
        for batch in chunks(rows, NEO4J_BATCH):
            self.run(st.ADD_NAME_KEYS, {"rows": batch})

    def atomically(self, work: Callable[[], T]) -> T:
        """One managed write transaction, which the driver retries on transient errors (deadlocks
        between concurrent loads)."""
        if self._tx is not None:
            return work()

        def unit(tx: Any) -> T:
            self._tx = tx
            try:
                return work()
            finally:
                self._tx = None

        from neo4j.exceptions import DriverError, Neo4jError

        try:
            with self.driver.session(database=self.database) as session:
                return session.execute_write(unit)
        except Neo4jError as exc:
            raise QueryError(f"Neo4j rejected the query: {exc.message or exc}") from exc
        except (DriverError, OSError) as exc:
            raise ConnectionLost(
                f"lost the connection to Neo4j at {self.uri} ({exc.__class__.__name__}: {exc}) after the "
                "driver's retries; nothing of this batch was stored, so run the same command again once the "
                "server is back") from exc

    def run(self, query: str, params: dict[str, Any] | None = None) -> tuple[list[str], list[list[Any]]]:
        return self._execute(query, params, write=True)

    def _user_query(self, query: str, params: dict[str, Any],
                    write: bool) -> tuple[list[str], list[list[Any]]]:
        """A user's query, in a read transaction unless ``write``: the server refuses writes in it."""
        return self._execute(query, params, write)

    def _execute(self, query: str, params: dict[str, Any] | None,
                 write: bool) -> tuple[list[str], list[list[Any]]]:
        from neo4j import RoutingControl
        from neo4j.exceptions import DriverError, Neo4jError

        if self._tx is not None:  # inside atomically(): errors reach the driver, which retries the whole unit
            result = self._tx.run(query, params or {})
            records, keys = list(result), result.keys()
            return list(keys), [[_to_plain(v) for v in r.values()] for r in records]
        routing = RoutingControl.WRITE if write else RoutingControl.READ
        try:
            # a managed transaction: the driver retries transient errors and lost connections
            records, _, keys = self.driver.execute_query(query, parameters_=params or {}, routing_=routing,
                                                         database_=self.database)
        except Neo4jError as exc:
            if getattr(exc, "code", "").endswith("AccessMode"):
                raise QueryError("this query writes, and `kg query` only reads unless --write is given") from exc
            raise QueryError(f"Neo4j rejected the query: {exc.message or exc}") from exc
        except (DriverError, OSError) as exc:
            raise ConnectionLost(
                f"lost the connection to Neo4j at {self.uri} ({exc.__class__.__name__}: {exc}) after the "
                "driver's retries; documents not finished are not marked as stored, so run the same "
                "command again once the server is back") from exc
        return list(keys), [[_to_plain(v) for v in r.values()] for r in records]

    def close(self) -> None:
        self.driver.close()
